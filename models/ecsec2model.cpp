// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ecsec2model.h"

#include "models/fleet.h"
#include "models/instanceprice.h"

#include <algorithm>
#include <limits>
#include <map>
#include <sstream>

namespace Costscape::Models {

namespace {
struct Candidate {
    const Pricing::Ec2InstanceType *type = nullptr;
    InstancePrice price;
};

/** One task of a group, as the packing sees it. */
TaskDemand oneTask(const TaskGroup &g, long long count = 1)
{
    return {g.taskVcpu * 1024.0, g.taskMemoryMb, count};
}

std::string number(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}
} // namespace

InstanceCapacity EcsEc2Model::capacityOf(const Pricing::Ec2InstanceType &type, double reservedMemoryMb)
{
    return InstanceCapacity{type.vcpu * 1024.0, type.memoryGib * 1024.0 - reservedMemoryMb};
}

Result<OptionResult> EcsEc2Model::evaluate(const OptionContext &ctx) const
{
    const EcsEc2Spec &spec = ctx.option.ecs;
    OptionResult r;
    r.id = ctx.option.id;
    r.platform = Platform::EcsEc2;

    const Pricing::RegionPrices *region = ctx.sheet.region(ctx.region());
    const bool spot = spec.purchase == Purchase::Spot;

    // Candidate instance types with their hourly price.
    std::vector<Candidate> candidates;
    auto priceOf = [&](const Pricing::Ec2InstanceType &type) -> std::optional<InstancePrice> {
        const auto od = type.onDemandHourly.find(spec.os);
        if (od == type.onDemandHourly.end())
            return std::nullopt;
        if (!spot)
            return InstancePrice{od->second, "on-demand"};
        return spotPrice(type, spec.os, od->second, spec.spotHourly, spec.spotDiscount);
    };
    if (spec.autoInstanceTypes) {
        if (region)
            for (const auto &[name, type] : region->ec2)
                if (const auto price = priceOf(type))
                    candidates.push_back({&type, *price});
        if (candidates.empty())
            return ctx.error("instanceTypes", ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no EC2 instance type with a " + std::string(spot ? "spot" : "on-demand")
                                 + " " + spec.os + " price in " + ctx.region());
    } else {
        for (std::size_t k = 0; k < spec.instanceTypes.size(); ++k) {
            const std::string &name = spec.instanceTypes[k];
            const std::string field = "instanceTypes/" + std::to_string(k);
            const Pricing::Ec2InstanceType *type = ctx.sheet.ec2(ctx.region(), name);
            if (!type)
                return ctx.error(field, ErrorCode::UnknownValue,
                                 "unknown instance type \"" + name + "\": " + ctx.sheetName() + " does not list it in "
                                     + ctx.region());
            const auto price = priceOf(*type);
            if (!price)
                return ctx.error(field, ErrorCode::MissingPrice,
                                 ctx.sheetName() + " has no " + (spot ? "spot" : "on-demand") + " " + spec.os + " price for "
                                     + name + " in " + ctx.region() + (spot ? "; give \"spotHourly\" or \"spotDiscount\"" : ""));
            candidates.push_back({type, *price});
        }
    }

    // Tasks per group, hour by hour.
    const HourlyPlan &plan = ctx.plan;
    std::vector<std::vector<double>> counts;
    for (const TaskGroup &g : spec.taskGroups) {
        const FleetSizing sizing = sizeFleet(g.fleet, plan, ctx.durationMs, g.taskMemoryMb, ctx.memoryMb, "task");
        if (!sizing.feasible)
            r.infeasible(g.name + ": " + sizing.reason);
        if (!sizing.assumption.empty())
            r.warnings.push_back(g.name + ": " + sizing.assumption);
        counts.push_back(sizing.counts);
    }

    // The packing depends only on the task counts, which repeat hour after hour: pack each
    // distinct combination once.
    std::map<std::vector<long long>, std::size_t> keyIndex;
    std::vector<std::vector<long long>> keys;
    std::vector<std::size_t> hourKey(plan.size());
    std::vector<double> tasksPerHour(plan.size(), 0.0);
    for (std::size_t h = 0; h < plan.size(); ++h) {
        std::vector<long long> key(counts.size());
        for (std::size_t g = 0; g < counts.size(); ++g) {
            key[g] = static_cast<long long>(counts[g][h]);
            tasksPerHour[h] += counts[g][h];
        }
        const auto [it, inserted] = keyIndex.emplace(key, keys.size());
        if (inserted)
            keys.push_back(std::move(key));
        hourKey[h] = it->second;
    }

    // Hours of the month spent at each combination: a candidate's cost needs no hourly loop.
    std::vector<double> keyHours(keys.size(), 0.0);
    for (std::size_t h = 0; h < plan.size(); ++h)
        keyHours[hourKey[h]] += plan.weight[h];

    // A group that never runs a task need not fit anywhere.
    std::vector<bool> runsAtAll(spec.taskGroups.size(), false);
    for (std::size_t g = 0; g < counts.size(); ++g)
        for (double c : counts[g])
            runsAtAll[g] = runsAtAll[g] || c > 0;

    auto demandFor = [&](const std::vector<long long> &key) {
        std::vector<TaskDemand> demand;
        for (std::size_t g = 0; g < spec.taskGroups.size(); ++g)
            demand.push_back(oneTask(spec.taskGroups[g], key[g]));
        return demand;
    };

    const Candidate *best = nullptr;
    double bestCost = std::numeric_limits<double>::infinity();
    std::vector<double> bestInstances;
    for (const Candidate &c : candidates) {
        const InstanceCapacity cap = capacityOf(*c.type, spec.reservedMemoryMb);
        if (cap.memoryMb <= 0)
            continue;
        bool allFit = true;
        for (std::size_t g = 0; g < spec.taskGroups.size(); ++g)
            allFit = allFit && (!runsAtAll[g] || fits(oneTask(spec.taskGroups[g]), cap));
        if (!allFit)
            continue;
        std::vector<double> perKey(keys.size());
        for (std::size_t k = 0; k < keys.size(); ++k)
            perKey[k] = static_cast<double>(countInstancesFirstFitDecreasing(demandFor(keys[k]), cap));
        double cost = 0;
        for (std::size_t k = 0; k < keys.size(); ++k)
            cost += perKey[k] * c.price.hourly * keyHours[k];
        if (cost < bestCost) {
            bestCost = cost;
            best = &c;
            bestInstances.resize(plan.size());
            for (std::size_t h = 0; h < plan.size(); ++h)
                bestInstances[h] = perKey[hourKey[h]];
        }
    }

    if (!best) {
        // Name the groups that fit no candidate on their own, not every group.
        std::string largest;
        for (std::size_t g = 0; g < spec.taskGroups.size(); ++g) {
            const TaskGroup &group = spec.taskGroups[g];
            bool fitsSomewhere = false;
            for (const Candidate &c : candidates)
                fitsSomewhere = fitsSomewhere || fits(oneTask(group), capacityOf(*c.type, spec.reservedMemoryMb));
            if (runsAtAll[g] && !fitsSomewhere)
                largest += (largest.empty() ? "" : ", ") + number(group.taskVcpu) + " vCPU / " + number(group.taskMemoryMb) + " MiB";
        }
        if (!largest.empty()) {
            r.infeasible("no candidate instance type can hold a task (" + largest + ") after reserving "
                         + number(spec.reservedMemoryMb) + " MiB for the ECS agent");
        } else {
            // Each group fits some type, but this first packing puts every group on one type.
            r.infeasible("no single candidate instance type can hold a task of every group after reserving "
                         + number(spec.reservedMemoryMb) + " MiB for the ECS agent; mixing types is a later step");
        }
        r.fleet = summarizeFleet(std::vector<double>(plan.size(), 0.0), plan, "instances");
        r.hourlyCost.assign(plan.size(), 0.0);
        r.summary = "no instance type fits";
        return r;
    }

    r.fleet = summarizeFleet(bestInstances, plan, "instances");
    const std::string &typeName = best->type->name;
    r.addLine({spot ? "spot instances" : "on-demand instances", r.fleet.unitHours, "instance-hours", best->price.hourly,
               r.fleet.unitHours * best->price.hourly,
               typeName + " " + spec.os + (spot ? ", " + best->price.basis : "") + ", chosen as the cheapest of "
                   + std::to_string(candidates.size()) + " candidate type" + (candidates.size() == 1 ? "" : "s")});
    r.hourlyCost.resize(plan.size());
    for (std::size_t h = 0; h < plan.size(); ++h)
        r.hourlyCost[h] = bestInstances[h] * best->price.hourly;

    // The busiest hour, for the summary and the details. Its instance count is already known, and
    // the CPU and memory placed are the tasks' whatever the packing, so nothing is packed again.
    const std::size_t peakHour = static_cast<std::size_t>(
        std::max_element(tasksPerHour.begin(), tasksPerHour.end()) - tasksPerHour.begin());
    const InstanceCapacity cap = capacityOf(*best->type, spec.reservedMemoryMb);
    double cpuUsed = 0, memUsed = 0;
    for (const TaskDemand &t : demandFor(keys[hourKey[peakHour]])) {
        cpuUsed += static_cast<double>(t.count) * t.cpuUnits;
        memUsed += static_cast<double>(t.count) * t.memoryMb;
    }
    const double n = bestInstances[peakHour];
    const double cpuUtil = n > 0 ? cpuUsed / (n * cap.cpuUnits) : 0;
    const double memUtil = n > 0 ? memUsed / (n * cap.memoryMb) : 0;
    r.details = {{"instanceType", typeName},
                 {"hourlyPrice", best->price.hourly},
                 {"peakTasks", tasksPerHour[peakHour]},
                 {"peakInstances", n},
                 {"cpuUtilization", cpuUtil},
                 {"memoryUtilization", memUtil},
                 {"candidates", candidates.size()}};
    if (spec.placement != EcsEc2Spec::Placement::BinpackMemory)
        r.warnings.push_back(std::string("placement \"") + (spec.placement == EcsEc2Spec::Placement::Spread ? "spread" : "binpack-cpu")
                             + "\" is not simulated yet: the fleet is the first-fit decreasing packing");
    if (best->type->isBurstable())
        r.warnings.push_back(typeName + " is burstable: its baseline CPU is a fraction of its vCPUs, "
                                        "so CPU-bound tasks packed by vCPU may be throttled");

    std::ostringstream summary;
    summary << typeName << " " << (spot ? "spot" : "on-demand") << ", up to " << n << " instances for "
            << tasksPerHour[peakHour] << " tasks (CPU " << static_cast<int>(cpuUtil * 100 + 0.5) << "%, memory "
            << static_cast<int>(memUtil * 100 + 0.5) << "%)";
    r.summary = summary.str();
    return r;
}

} // namespace Costscape::Models
