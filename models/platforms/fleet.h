// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"
#include "models/scaling/scaling.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace Costscape::Models {

/**
 * The most tasks or instances Costscape prices for one option in one hour, derived or fixed
 * (Rules::Count bounds a fixed count alike). A fleet beyond it is far past what an AWS account
 * runs (On-Demand instance quotas are counted in thousands of vCPUs, ECS services in thousands of
 * tasks) and past what a count in the packing can hold, so it is infeasible, never priced.
 */
inline constexpr double MaxFleetCount = 1e6;

/** The size of a fleet in every slot of a HourlyPlan. */
struct FleetSizing {
    std::vector<double> counts;
    bool feasible = true;
    /// The derived count passes MaxFleetCount (or is not a number) in some hour: counts are all 0
    /// and the option must not be priced (unpricedFleet).
    bool beyondLimit = false;
    std::string reason;     ///< why it is infeasible
    std::string assumption; ///< e.g. the capacity derived from memory, "" when the user gave it
};

/**
 * Sizes a fleet. Fixed: the count in every hour. Derived (Little's law): concurrency per hour =
 * rate x duration; count = max(minCount, ceil(concurrency / (capacity x targetUtilization)));
 * `peak` scaling uses the busiest hour's count all month. Without a capacity, one unit is assumed
 * to serve floor(unitMemoryMb / requestMemoryMb) concurrent requests, and the assumption is stated.
 * A derived count above MaxFleetCount in any hour (or one that is not a finite number) makes the
 * fleet infeasible with the busiest hour's figures as the reason, and beyondLimit set.
 * unitName ("task", "instance") words the messages.
 */
FleetSizing sizeFleet(const FleetSpec &spec, const HourlyPlan &plan, double durationMs, double unitMemoryMb,
                      double requestMemoryMb, const char *unitName);

/**
 * An option whose fleet cannot be had (sizing.beyondLimit): infeasible with the sizing's reason,
 * no line items, a monthly cost of 0 that no one may call cheapest, a fleet of 0 `unit` in every
 * slot and a summary that says it is not priced.
 */
OptionResult unpricedFleet(OptionResult result, const FleetSizing &sizing, const HourlyPlan &plan, const std::string &unit);

/** Peak, time-weighted average and unit-hours of hourly counts. */
FleetSummary summarizeFleet(const std::vector<double> &counts, const HourlyPlan &plan, std::string unit);

/** "1 task", "4 tasks" or "2-8 tasks": the range of hourly counts, for summaries. */
std::string describeCounts(const std::vector<double> &counts, const char *singular, const char *plural);

/** The fleet rule in words, for reports: "fixed: 4 tasks", "derived from the workload: ...". */
std::string describeFleetRule(const FleetSpec &fleet, const std::string &unit);

/**
 * The spike model's view of a fleet: what one unit serves (its capacity, else as many requests as
 * fit in its memory, with a note), its floor and its target utilisation.
 */
void applyFleetToSpike(SpikeInput &in, const FleetSpec &fleet, double unitMemoryMb, double requestMemoryMb);

/** What one more unit of the option's fleet costs an hour: its bill over its unit-hours (0 without any). */
double averageUnitHourPrice(const OptionResult &result);

/** ceil() that forgives the last bits of floating-point noise (2.0000000000004 is 2). Inline: it runs once per hour per fleet. */
inline double ceilTolerant(double value)
{
    return std::ceil(value - 1e-9 * std::max(1.0, std::abs(value)));
}

} // namespace Costscape::Models
