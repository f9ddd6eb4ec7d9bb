// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"

#include <string>
#include <vector>

namespace Costscape::Models {

/** The size of a fleet in every slot of a HourlyPlan. */
struct FleetSizing {
    std::vector<double> counts;
    bool feasible = true;
    std::string reason;     ///< why it is infeasible
    std::string assumption; ///< e.g. the capacity derived from memory, "" when the user gave it
};

/**
 * Sizes a fleet. Fixed: the count in every hour. Derived (Little's law): concurrency per hour =
 * rate x duration; count = max(minCount, ceil(concurrency / (capacity x targetUtilization)));
 * `peak` scaling uses the busiest hour's count all month. Without a capacity, one unit is assumed
 * to serve floor(unitMemoryMb / requestMemoryMb) concurrent requests, and the assumption is stated.
 * unitName ("task", "instance") words the messages.
 */
FleetSizing sizeFleet(const FleetSpec &spec, const HourlyPlan &plan, double durationMs, double unitMemoryMb,
                      double requestMemoryMb, const char *unitName);

/** Peak, time-weighted average and unit-hours of hourly counts. */
FleetSummary summarizeFleet(const std::vector<double> &counts, const HourlyPlan &plan, std::string unit);

/** "1 task", "4 tasks" or "2-8 tasks": the range of hourly counts, for summaries. */
std::string describeCounts(const std::vector<double> &counts, const char *singular, const char *plural);

/** ceil() that forgives the last bits of floating-point noise (2.0000000000004 is 2). */
double ceilTolerant(double value);

} // namespace Costscape::Models
