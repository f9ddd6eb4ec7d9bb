// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>

namespace Costscape::Models {

/**
 * The ECS placement strategies Costscape simulates (ECS developer guide, task placement strategies,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html),
 * as the scenario's `placement` key names them.
 */
enum class PlacementStrategy {
    BinpackMemory, ///< "binpack-memory": the instance with the least memory left that fits
    BinpackCpu,    ///< "binpack-cpu": the instance with the least CPU left that fits
    Spread,        ///< "spread": across instances, the one with the fewest tasks that fits
};

/** The scenario format's name: "binpack-memory", "binpack-cpu" or "spread". */
constexpr const char *placementName(PlacementStrategy strategy)
{
    switch (strategy) {
    case PlacementStrategy::BinpackCpu: return "binpack-cpu";
    case PlacementStrategy::Spread: return "spread";
    case PlacementStrategy::BinpackMemory: break;
    }
    return "binpack-memory";
}

/** The strategy a name stands for; nullopt for any other text. */
constexpr std::optional<PlacementStrategy> placementFromName(std::string_view name)
{
    for (PlacementStrategy s : {PlacementStrategy::BinpackMemory, PlacementStrategy::BinpackCpu, PlacementStrategy::Spread})
        if (name == placementName(s))
            return s;
    return std::nullopt;
}

} // namespace Costscape::Models
