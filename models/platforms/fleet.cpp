// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/platforms/fleet.h"

#include "base/textformat.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace Costscape::Models {

FleetSizing sizeFleet(const FleetSpec &spec, const HourlyPlan &plan, double durationMs, double unitMemoryMb,
                      double requestMemoryMb, const char *unitName)
{
    FleetSizing out;
    if (spec.fixedCount) {
        out.counts.assign(plan.size(), *spec.fixedCount);
        return out;
    }
    Capacity capacity;
    if (spec.capacity) {
        capacity = *spec.capacity;
    } else {
        const double perUnit = std::floor(unitMemoryMb / requestMemoryMb);
        if (perUnit < 1) {
            std::ostringstream s;
            s << "one request needs " << requestMemoryMb << " MB of memory; one " << unitName << " has only "
              << unitMemoryMb << " MB";
            out.feasible = false;
            out.reason = s.str();
            out.counts.assign(plan.size(), spec.minCount);
            return out;
        }
        capacity = {Capacity::Kind::ConcurrentRequests, perUnit};
        std::ostringstream s;
        s << "no capacity given: one " << unitName << " is assumed to serve " << perUnit
          << " concurrent requests (its memory / " << requestMemoryMb << " MB per request)";
        out.assumption = s.str();
    }
    const double durationS = durationMs / 1000.0;
    const double perUnit = capacity.value * spec.targetUtilization;
    out.counts.resize(plan.size());
    double peak = 0;
    double peakLoad = 0;
    for (std::size_t i = 0; i < plan.size(); ++i) {
        const double rate = plan.ratePerSecond[i];
        const double load = capacity.kind == Capacity::Kind::ConcurrentRequests ? rate * durationS : rate;
        const double needed = load / perUnit;
        // ceilTolerant(inf) is NaN, and NaN would slip past std::max as the minimum count.
        const double n = std::isfinite(needed) ? std::max(spec.minCount, ceilTolerant(needed))
                                               : std::numeric_limits<double>::infinity();
        out.counts[i] = n;
        if (n > peak || i == 0) {
            peak = n;
            peakLoad = load;
        }
    }
    if (!(peak <= MaxFleetCount)) {
        std::ostringstream s;
        s << "needs more than " << Text::grouped(MaxFleetCount, 0) << ' ' << unitName << "s in its busiest hour ("
          << Text::general(peakLoad, 3)
          << (capacity.kind == Capacity::Kind::ConcurrentRequests ? " concurrent requests" : " requests/s") << " at "
          << Text::general(capacity.value, 3) << " per " << unitName << " and "
          << Text::trimmed(spec.targetUtilization * 100, 1) << "% target utilisation), more than AWS gives one account; not priced";
        out.feasible = false;
        out.beyondLimit = true;
        out.reason = s.str();
        out.counts.assign(plan.size(), 0.0);
        return out;
    }
    if (spec.scaling == FleetSpec::Scaling::Peak)
        std::fill(out.counts.begin(), out.counts.end(), peak);
    return out;
}

OptionResult unpricedFleet(OptionResult r, const FleetSizing &sizing, const HourlyPlan &plan, const std::string &unit)
{
    r.fleet = summarizeFleet(std::vector<double>(plan.size(), 0.0), plan, unit);
    r.hourlyCost.assign(plan.size(), 0.0);
    r.withdraw(sizing.reason);
    r.summary = "not priced: fleet too large";
    return r;
}

std::string describeCounts(const std::vector<double> &counts, const char *singular, const char *plural)
{
    if (counts.empty())
        return std::string("0 ") + plural;
    const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
    std::ostringstream s;
    if (*lo == *hi)
        s << *hi << ' ' << (*hi == 1 ? singular : plural);
    else
        s << *lo << '-' << *hi << ' ' << plural;
    return s.str();
}

FleetSummary summarizeFleet(const std::vector<double> &counts, const HourlyPlan &plan, std::string unit)
{
    FleetSummary f;
    f.unit = std::move(unit);
    f.hourly = counts;
    double weights = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        f.peak = std::max(f.peak, counts[i]);
        f.unitHours += counts[i] * plan.weight[i];
        weights += plan.weight[i];
    }
    f.average = weights > 0 ? f.unitHours / weights : 0;
    return f;
}

std::string describeFleetRule(const FleetSpec &f, const std::string &unit)
{
    if (f.isFixed())
        return "fixed: " + Text::trimmed(*f.fixedCount, 2) + " " + unit;
    std::string capacity;
    if (f.capacity)
        capacity = f.capacity->kind == Capacity::Kind::ConcurrentRequests
            ? Text::trimmed(f.capacity->value, 3) + " concurrent requests per unit"
            : Text::trimmed(f.capacity->value, 3) + " requests/s per unit";
    else
        capacity = "as many concurrent requests as the unit's memory holds";
    return "derived from the workload: " + capacity + " at " + Text::trimmed(f.targetUtilization * 100, 1)
        + "% target utilisation, at least " + Text::trimmed(f.minCount, 2) + ", "
        + (f.scaling == FleetSpec::Scaling::Hourly ? "following the hourly profile" : "sized for the busiest hour");
}

void applyFleetToSpike(SpikeInput &in, const FleetSpec &fleet, double unitMemoryMb, double requestMemoryMb)
{
    in.autoscaled = !fleet.isFixed();
    in.minUnits = fleet.isFixed() ? *fleet.fixedCount : fleet.minCount;
    in.targetUtilization = fleet.targetUtilization;
    if (fleet.capacity && fleet.capacity->kind == Capacity::Kind::RequestsPerSecond) {
        in.unitRequestsPerSecond = fleet.capacity->value;
    } else if (fleet.capacity) {
        in.unitConcurrency = fleet.capacity->value;
    } else {
        // As sizeFleet does without a capacity: as many requests as fit in the unit's memory.
        in.unitConcurrency = requestMemoryMb > 0 ? std::floor(unitMemoryMb / requestMemoryMb) : 0;
        in.notes.push_back("no capacity given: one unit serves as many concurrent requests as fit in its memory");
    }
}

double averageUnitHourPrice(const OptionResult &r)
{
    return r.fleet.unitHours > 0 ? r.monthlyCost / r.fleet.unitHours : 0;
}

} // namespace Costscape::Models
