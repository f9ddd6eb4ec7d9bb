// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/chartseries.h"

#include <cmath>
#include <cstddef>

namespace Costscape::Models {

MonthlySeries monthlySeries(const Evaluation &evaluation)
{
    MonthlySeries out;
    out.currency = evaluation.prices.currency;
    out.cheapest = evaluation.cheapestIndex();
    const std::size_t n = evaluation.options.size();
    for (std::size_t i = 0; i < n; ++i) {
        const OptionResult &o = evaluation.options[i];
        out.ids.push_back(o.id);
        out.platforms.push_back(platformTitle(o.platform));
        out.summaries.push_back(o.summary);
        out.totals.push_back(o.monthlyCost);
        out.feasible.push_back(o.feasible);
        // OptionResult::infeasible() puts the reasons first, so the first warning is the reason.
        out.reasons.push_back(!o.feasible && !o.warnings.empty() ? o.warnings.front() : std::string());
        for (const LineItem &item : o.lineItems) {
            std::size_t s = 0;
            while (s < out.stacks.size() && out.stacks[s].name != item.name)
                ++s;
            if (s == out.stacks.size())
                out.stacks.push_back({item.name, std::vector<double>(n, 0.0)});
            // Summed, not assigned: should a model ever bill two lines of one name, the bar must
            // still add up to the total.
            out.stacks[s].values[i] += item.cost;
        }
    }
    return out;
}

HourlySeries hourlySeries(const Evaluation &evaluation)
{
    HourlySeries out;
    out.currency = evaluation.prices.currency;
    out.ratePerSecond = evaluation.ratePerSecond;
    const std::size_t slots = evaluation.ratePerSecond.size();
    for (const OptionResult &o : evaluation.options) {
        // An option with its own requests or hours has slots that do not line up with the
        // workload's axis; drawing them on it would show a fleet at the wrong hours.
        if (o.ownPlan || o.fleet.hourly.size() != slots || o.hourlyCost.size() != slots) {
            out.skipped.push_back(o.id);
            continue;
        }
        out.lines.push_back({o.id, o.fleet.unit, o.fleet.hourly, o.hourlyCost, o.feasible});
    }
    return out;
}

std::vector<PackingSeries> packingSeries(const Evaluation &evaluation)
{
    std::vector<PackingSeries> out;
    for (const OptionResult &o : evaluation.options) {
        // ECS tasks on instances, or EKS pods (and their DaemonSets) on nodes.
        const PackingDetails *packing = nullptr;
        if (const EcsEc2Details *details = o.detailsAs<EcsEc2Details>())
            packing = &details->packing;
        else if (const EksEc2Details *eks = o.detailsAs<EksEc2Details>())
            packing = &eks->packing;
        if (!packing)
            continue;
        const PackingDetails &p = *packing;
        PackingSeries s;
        s.id = o.id;
        s.feasible = o.feasible;
        s.currency = evaluation.prices.currency;
        s.hoursPerMonth = evaluation.hoursPerMonth;
        s.hour = static_cast<int>(p.hour);
        s.slotCount = static_cast<int>(o.ownPlan ? o.fleet.hourly.size() : evaluation.ratePerSecond.size());
        s.groups = p.groups;
        s.taskCpuUnits = p.taskCpuUnits;
        s.taskMemoryMb = p.taskMemoryMb;
        s.optimised = p.optimised;
        s.hasScheduler = p.scheduler.has_value();
        if (p.scheduler)
            s.scheduler = *p.scheduler;
        s.savingsHourly = p.savingsHourly;
        s.lowerBoundHourly = p.lowerBoundHourly.value_or(-1);
        // The chart draws runs that hold instances; an empty run has nothing to show.
        for (PackedFleet *fleet : {&s.optimised, &s.scheduler})
            std::erase_if(fleet->runs, [](const PackedFleet::Run &run) { return run.instances <= 0; });
        out.push_back(std::move(s));
    }
    return out;
}

SpikeSeries spikeSeries(const Evaluation &evaluation)
{
    SpikeSeries s;
    s.currency = evaluation.prices.currency;
    for (const auto &o : evaluation.options) {
        if (!o.scaling)
            continue;
        const ScalingResult &r = *o.scaling;
        SpikeSeries::Line line;
        line.id = o.id;
        line.platform = platformTitle(o.platform);
        line.feasible = o.feasible;
        line.startSeconds = r.startSeconds;
        line.stepSeconds = r.stepSeconds;
        line.demandPerSecond = r.demandPerSecond;
        line.capacityPerSecond = r.capacityPerSecond;
        line.backlog = r.backlog;
        line.secondsToMeetDemand = r.secondsToMeetDemand;
        line.requestsDelayed = r.requestsDelayed;
        line.requestsRejected = r.requestsRejected;
        line.peakBacklog = r.peakBacklog;
        line.maxDelaySeconds = r.maxDelaySeconds;
        line.warmMinimum = r.warmMinimum;
        line.warmUnit = r.warmUnit;
        line.warmExtraMonthlyCost = r.warmExtraMonthlyCost;
        line.notes = r.notes;
        s.lines.push_back(std::move(line));
    }
    return s;
}

} // namespace Costscape::Models
