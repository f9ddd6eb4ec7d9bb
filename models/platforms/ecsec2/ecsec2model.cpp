// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/platforms/ecsec2/ecsec2model.h"

#include "base/textformat.h"
#include "models/platforms/fleet.h"
#include "models/platforms/instanceprice.h"
#include "models/platforms/packedhours.h"
#include "models/packing/packingpatterns.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace Costscape::Models {

namespace {

struct Candidate {
    const Pricing::Ec2InstanceType *type = nullptr;
    InstancePrice price;
};

} // namespace

InstanceCapacity EcsEc2Model::capacityOf(const Pricing::Ec2InstanceType &type, double reservedMemoryMb)
{
    // CPU: the agent registers 1024 CPU units per vCPU (ECS developer guide, "Amazon ECS task
    // definition parameters", cpu; retrieved 2026-11).
    // Memory: the agent registers what the kernel reports, less than installed: "an m4.large
    // instance has 8 GiB of installed memory ... registers 7985 MiB" (ECS developer guide,
    // "Container instance memory management", retrieved 2026-11,
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html). The
    // true loss depends on the kernel and the instance; Costscape approximates it as that example's proportion,
    // installed MiB x 7985 / 8192 (about 2.5%), rounded down to a whole MiB. Then the agent keeps
    // ECS_RESERVED_MEMORY (reservedMemoryMb, default 256) away from tasks (same page).
    const double registered = std::floor(type.memoryGib * 1024.0 * RegisteredMemoryPerInstalled + 1e-6);
    return InstanceCapacity{type.vcpu * 1024.0, registered - reservedMemoryMb};
}

Result<OptionResult> EcsEc2Model::evaluate(const OptionContext &ctx) const
{
    const EcsEc2Spec &spec = ctx.option.as<EcsEc2Spec>();
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

    // Tasks per group, hour by hour, grouped by their combinations of counts.
    const HourlyPlan &plan = ctx.plan;
    std::vector<PackedGroup> groups;
    for (const TaskGroup &g : spec.taskGroups)
        groups.push_back({g.name, g.taskVcpu, g.taskMemoryMb, &g.fleet});
    PackedHours hours;
    if (!hours.size(groups, ctx, "task", "instances", r))
        return r;
    const std::vector<double> &tasksPerHour = hours.unitsPerHour;

    // What each candidate offers the tasks (ECS developer guide, "Container instance memory
    // management"; capacityOf) and, with awsvpc networking, how many tasks it may hold (one network
    // interface each: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html).
    std::vector<InstanceOffer> offers;
    for (const Candidate &c : candidates) {
        const InstanceCapacity cap = capacityOf(*c.type, spec.reservedMemoryMb);
        if (cap.memoryMb <= 0 || cap.cpuUnits <= 0)
            continue;
        offers.push_back({c.type->name, cap, c.price.hourly, spec.maxTasksPerInstance, c.type->isBurstable()});
    }
    const std::string reserve = Text::general(spec.reservedMemoryMb);

    // Name the groups that fit no candidate on their own, not every group.
    std::string largest;
    for (std::size_t g = 0; g < spec.taskGroups.size(); ++g) {
        const TaskGroup &group = spec.taskGroups[g];
        bool fitsSomewhere = false;
        for (const InstanceOffer &o : offers)
            fitsSomewhere = fitsSomewhere || fits(groups[g].demand(), o.capacity);
        if (hours.runsAtAll(g) && !fitsSomewhere)
            largest += (largest.empty() ? "" : ", ") + Text::general(group.taskVcpu) + " vCPU / " + Text::general(group.taskMemoryMb) + " MiB";
    }
    if (!largest.empty()) {
        r.fleet = summarizeFleet(std::vector<double>(plan.size(), 0.0), plan, "instances");
        r.hourlyCost.assign(plan.size(), 0.0);
        r.withdraw("no candidate instance type can hold a task (" + largest + ") after reserving " + reserve
                   + " MiB for the ECS agent");
        r.summary = "no instance type fits";
        return r;
    }

    // The optimised fleet of each distinct combination of task counts, remembered across evaluations.
    hours.pack(offers, plan, ctx.figuresOnly);
    const Packing &peakPacking = *hours.packings[hours.peakKey];
    const std::vector<double> &instances = hours.instances;
    r.hourlyCost = hours.hourlyCost;
    r.fleet = summarizeFleet(instances, plan, "instances");

    // One line per instance type of the mix, in the order of the candidates.
    const std::vector<double> &offerHours = hours.offerHours;
    std::size_t typesUsed = 0;
    std::vector<TypeFleet> fleetByType;
    for (std::size_t o = 0; o < offers.size(); ++o) {
        if (offerHours[o] <= 0)
            continue;
        ++typesUsed;
        if (!spot && !ctx.option.commitments.empty()) // a Compute Savings Plan on a mixed fleet covers every type
            fleetByType.push_back({offers[o].type, offers[o].hourlyPrice, "on-demand instances " + offers[o].type,
                                   hours.offerInstancesPerHour(o)});
        const Candidate *c = nullptr;
        for (const Candidate &cand : candidates)
            if (cand.type->name == offers[o].type)
                c = &cand;
        r.addLine({std::string(spot ? "spot instances " : "on-demand instances ") + offers[o].type, offerHours[o], "instance-hours",
                   offers[o].hourlyPrice, offerHours[o] * offers[o].hourlyPrice,
                   offers[o].type + " " + spec.os + (spot && c ? ", " + c->price.basis : "") + ", in the cheapest mix of "
                       + std::to_string(candidates.size()) + " candidate type" + (candidates.size() == 1 ? "" : "s")});
    }

    // The busiest hour: both packings listed in the details.
    const std::size_t peakHour = hours.peakHour;
    const std::vector<TaskDemand> peakDemand = hours.demand(hours.peakKey);
    const Packing &optimised = peakPacking;

    // The scheduler runs on one type, as an Auto Scaling group behind a capacity provider does:
    // the cheapest single type for the busiest hour under the option's own placement, i.e. the
    // best one-type group a user could configure, so the savings shown are not inflated by an
    // unlucky first candidate.
    const PlacementStrategy strategy = spec.placement;
    const char *strategyName = placementName(strategy);
    Packing scheduler;
    scheduler.feasible = false;
    int schedulerOffer = -1;
    // Only for show: a caller that reads the month's figures alone (the sweep, the Monte Carlo) skips it.
    for (std::size_t o = 0; o < offers.size() && !ctx.figuresOnly; ++o) {
        Packing p = simulateEcsScheduler(peakDemand, offers[o], strategy);
        if (!p.feasible)
            continue;
        for (InstanceRun &run : p.runs)
            run.offer = static_cast<int>(o);
        if (schedulerOffer < 0 || p.hourlyCost < scheduler.hourlyCost - 1e-12) {
            scheduler = std::move(p);
            schedulerOffer = static_cast<int>(o);
        }
    }

    auto packedFleet = [&](const Packing &p, const std::string &name) {
        PackedFleet fleet;
        double cpuUsed = 0, cpuOffered = 0, memUsed = 0, memOffered = 0;
        for (const InstanceRun &run : p.runs) {
            const InstanceOffer &o = offers[static_cast<std::size_t>(run.offer)];
            const double n = static_cast<double>(run.instances);
            cpuUsed += n * run.cpuUsed;
            memUsed += n * run.memoryUsed;
            cpuOffered += n * o.capacity.cpuUnits;
            memOffered += n * o.capacity.memoryMb;
            fleet.runs.push_back({o.type, run.instances, std::vector<double>(run.tasksPerGroup.begin(), run.tasksPerGroup.end()),
                                  run.cpuUsed, run.memoryUsed, o.capacity.cpuUnits, o.capacity.memoryMb, o.hourlyPrice,
                                  o.burstable});
        }
        fleet.strategy = name;
        fleet.hourlyCost = p.hourlyCost;
        fleet.instances = p.instances;
        fleet.cpuUtilisation = p.cpuUtilisation(offers);
        fleet.memoryUtilisation = p.memoryUtilisation(offers);
        fleet.strandedCpuUnits = cpuOffered - cpuUsed;
        fleet.strandedMemoryMb = memOffered - memUsed;
        return fleet;
    };
    PackingDetails packing;
    packing.hour = peakHour;
    for (const TaskGroup &g : spec.taskGroups) {
        packing.groups.push_back(g.name);
        packing.taskCpuUnits.push_back(g.taskVcpu * 1024.0);
        packing.taskMemoryMb.push_back(g.taskMemoryMb);
    }
    packing.optimised = packedFleet(optimised, "optimised");
    if (schedulerOffer >= 0) {
        packing.scheduler = packedFleet(scheduler, strategyName);
        packing.savingsHourly = scheduler.hourlyCost - optimised.hourlyCost;
    }
    // Once, for the busiest hour: how far the fleet is from the best any packing could do.
    if (const double bound = ctx.figuresOnly ? NAN : packingLowerBound(peakDemand, offers); std::isfinite(bound))
        packing.lowerBoundHourly = bound;

    // The type holding the most instances at the busiest hour names the fleet.
    std::vector<long long> peakByOffer(offers.size(), 0);
    for (const InstanceRun &run : optimised.runs)
        peakByOffer[static_cast<std::size_t>(run.offer)] += run.instances;
    std::size_t main = 0;
    for (std::size_t o = 0; o < offers.size(); ++o)
        if (peakByOffer[o] > peakByOffer[main])
            main = o;
    const double n = instances[peakHour];
    const double cpuUtil = optimised.cpuUtilisation(offers);
    const double memUtil = optimised.memoryUtilisation(offers);
    r.details = EcsEc2Details{offers.empty() ? std::string() : offers[main].type,
                              offers.empty() ? 0.0 : offers[main].hourlyPrice,
                              tasksPerHour[peakHour],
                              n,
                              cpuUtil,
                              memUtil,
                              candidates.size(),
                              typesUsed,
                              std::move(packing),
                              std::move(fleetByType)};

    for (std::size_t o = 0; o < offers.size(); ++o)
        if (offerHours[o] > 0 && offers[o].burstable)
            r.warnings.push_back(offers[o].type + " is burstable: its baseline CPU is a fraction of its vCPUs, "
                                                  "so CPU-bound tasks packed by vCPU may be throttled");

    std::ostringstream summary;
    if (optimised.runs.empty()) {
        summary << "no instances for " << tasksPerHour[peakHour] << " tasks";
    } else {
        bool first = true;
        for (std::size_t o = 0; o < offers.size(); ++o) {
            if (peakByOffer[o] == 0)
                continue;
            summary << (first ? "" : " + ") << offers[o].type << " x " << peakByOffer[o];
            first = false;
        }
        summary << " " << (spot ? "spot" : "on-demand") << " for " << tasksPerHour[peakHour] << " tasks (optimised";
        if (schedulerOffer >= 0)
            summary << "; ECS " << strategyName << " would use " << scheduler.instances << " "
                    << offers[static_cast<std::size_t>(schedulerOffer)].type;
        summary << "; CPU " << static_cast<int>(cpuUtil * 100 + 0.5) << "%, memory " << static_cast<int>(memUtil * 100 + 0.5)
                << "%)";
    }
    r.summary = summary.str();
    return r;
}

} // namespace Costscape::Models
