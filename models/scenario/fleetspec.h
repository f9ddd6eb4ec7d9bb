// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

namespace Costscape::Models {

/** How instances are bought: `"purchase": "on-demand" | "spot"`. */
enum class Purchase {
    OnDemand,
    Spot,
};

/** "on-demand" or "spot", as the scenario format writes it. */
constexpr const char *purchaseName(Purchase purchase)
{
    return purchase == Purchase::Spot ? "spot" : "on-demand";
}

/** What one task or instance serves at 100% utilisation. */
struct Capacity {
    enum class Kind {
        ConcurrentRequests,
        RequestsPerSecond,
    };
    Kind kind = Kind::ConcurrentRequests;
    double value = 1;

    bool operator==(const Capacity &) const = default;
};

/** A fleet of identical units: fixed, or derived hour by hour from the workload. */
struct FleetSpec {
    enum class Scaling {
        Hourly, ///< follows the hourly profile
        Peak,   ///< sized for the busiest hour, all month
    };
    std::optional<double> fixedCount;  ///< `tasks` / `instances`
    std::optional<Capacity> capacity;  ///< when absent and not fixed, derived from memory
    double targetUtilization = 0.7;
    double minCount = 1;
    Scaling scaling = Scaling::Hourly;

    bool isFixed() const { return fixedCount.has_value(); }
    bool operator==(const FleetSpec &) const = default;
};

} // namespace Costscape::Models
