// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/platforms/packedhours.h"

#include "base/scratchtable.h"
#include "models/platforms/fleet.h"

#include <algorithm>
#include <cstdint>

namespace Costscape::Models {

bool PackedHours::size(const std::vector<PackedGroup> &sized, const OptionContext &ctx, const char *unit, const char *fleetUnit,
                       OptionResult &r)
{
    groups = sized;
    const HourlyPlan &plan = ctx.plan;
    counts.clear();
    for (const PackedGroup &g : groups) {
        FleetSizing sizing = sizeFleet(*g.fleet, plan, ctx.durationMs, g.memoryMb, ctx.memoryMb, unit);
        if (sizing.beyondLimit) {
            sizing.reason = g.name + ": " + sizing.reason;
            r = unpricedFleet(std::move(r), sizing, plan, fleetUnit);
            return false;
        }
        if (!sizing.feasible)
            r.infeasible(g.name + ": " + sizing.reason);
        if (!sizing.assumption.empty())
            r.warnings.push_back(g.name + ": " + sizing.assumption);
        counts.push_back(std::move(sizing.counts));
    }

    // The packing depends only on the counts, which repeat hour after hour: each distinct
    // combination is packed once. The combinations are found with an open-addressing table over
    // their indices (a year is 8,760 hours, every draw and sweep point sizes them again): no
    // allocation per hour, the same first-seen order as before.
    const std::size_t groupCount = counts.size();
    keys.clear();
    hourKey.assign(plan.size(), 0);
    unitsPerHour.assign(plan.size(), 0.0);
    // Key index + 1; 0 = empty.
    thread_local std::vector<std::uint32_t> storage;
    ScratchTable scratch(storage, plan.size());
    std::uint32_t *const table = scratch.data();
    const std::size_t mask = scratch.mask();
    std::vector<long long> key(groupCount);
    for (std::size_t h = 0; h < plan.size(); ++h) {
        std::uint64_t hash = 0;
        for (std::size_t g = 0; g < groupCount; ++g) {
            key[g] = static_cast<long long>(counts[g][h]);
            unitsPerHour[h] += counts[g][h];
            hash = (hash ^ static_cast<std::uint64_t>(key[g])) * 0x9E3779B97F4A7C15ull;
        }
        std::size_t at = static_cast<std::size_t>(hash >> 32) & mask;
        // Compared element by element: a handful of counts, where a call to memcmp costs more.
        auto equalsKey = [&](const std::vector<long long> &other) {
            for (std::size_t g = 0; g < groupCount; ++g)
                if (other[g] != key[g])
                    return false;
            return true;
        };
        while (table[at] != 0 && !equalsKey(keys[table[at] - 1]))
            at = (at + 1) & mask;
        if (table[at] == 0) {
            table[at] = static_cast<std::uint32_t>(keys.size() + 1);
            keys.push_back(key);
        }
        hourKey[h] = table[at] - 1;
    }
    // Hours of the month at each combination: an offer's instance-hours need no hourly loop.
    keyHours.assign(keys.size(), 0.0);
    for (std::size_t h = 0; h < plan.size(); ++h)
        keyHours[hourKey[h]] += plan.weight[h];
    peakHour = static_cast<std::size_t>(std::max_element(unitsPerHour.begin(), unitsPerHour.end()) - unitsPerHour.begin());
    peakKey = peakHour < hourKey.size() ? hourKey[peakHour] : 0;
    return true;
}

std::vector<TaskDemand> PackedHours::demand(std::size_t key) const
{
    std::vector<TaskDemand> out;
    for (std::size_t g = 0; g < groups.size(); ++g)
        out.push_back(groups[g].demand(keys[key][g]));
    return out;
}

bool PackedHours::runsAtAll(std::size_t g) const
{
    return std::any_of(counts[g].begin(), counts[g].end(), [](double c) { return c > 0; });
}

void PackedHours::pack(const std::vector<InstanceOffer> &offers, const HourlyPlan &plan, bool figuresOnly)
{
    // The busiest combination first: its LP patterns seed every other one, which then needs few
    // rounds of pricing (most of an hour's packing time went into finding the same patterns).
    std::vector<TaskDemand> sizes;
    for (const PackedGroup &g : groups)
        sizes.push_back(g.demand(0));
    packings = packCombinationsShared(sizes, keys, peakKey, offers, figuresOnly ? Seeding::Each : Seeding::FromFirst);

    instances.assign(plan.size(), 0.0);
    hourlyCost.assign(plan.size(), 0.0);
    for (std::size_t h = 0; h < plan.size(); ++h) {
        instances[h] = static_cast<double>(packings[hourKey[h]]->instances);
        hourlyCost[h] = packings[hourKey[h]]->hourlyCost;
    }
    offerInstances.assign(keys.size(), std::vector<long long>(offers.size(), 0));
    for (std::size_t k = 0; k < keys.size(); ++k)
        for (const InstanceRun &run : packings[k]->runs)
            offerInstances[k][static_cast<std::size_t>(run.offer)] += run.instances;
    offerHours.assign(offers.size(), 0.0);
    for (std::size_t k = 0; k < keys.size(); ++k)
        for (std::size_t o = 0; o < offers.size(); ++o)
            offerHours[o] += static_cast<double>(offerInstances[k][o]) * keyHours[k];
}

std::vector<double> PackedHours::offerInstancesPerHour(std::size_t o) const
{
    std::vector<double> out(hourKey.size(), 0.0);
    for (std::size_t h = 0; h < hourKey.size(); ++h)
        out[h] = static_cast<double>(offerInstances[hourKey[h]][o]);
    return out;
}

} // namespace Costscape::Models
