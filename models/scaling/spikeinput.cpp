// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scaling/spikeinput.h"

#include "models/platforms/ecsec2/ecsec2model.h"
#include "models/packing/ecspacking.h"
#include "models/platforms/fleet.h"

#include <algorithm>
#include <cmath>

namespace Costscape::Models {

namespace {

/** A derived or fixed fleet: what one unit serves, its floor and target. */
void applyFleet(SpikeInput &in, const FleetSpec &fleet, double unitMemoryMb, double requestMemoryMb)
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

/** What one more unit costs an hour, from the option's own bill. */
double averageUnitHourPrice(const OptionResult &r)
{
    return r.fleet.unitHours > 0 ? r.monthlyCost / r.fleet.unitHours : 0;
}

} // namespace

SpikeInput spikeInputFor(const OptionContext &ctx, const OptionResult &result, const Spike &spike)
{
    SpikeInput in;
    in.platform = ctx.option.platform;
    in.spike = spike;
    in.durationMs = ctx.durationMs;
    in.assumptions = resolveScalingAssumptions(in.platform, ctx.option.scalingOverrides);
    in.slotWeight = ctx.plan.weight;

    switch (in.platform) {
    case Platform::Lambda: {
        const LambdaSpec &l = ctx.option.lambda;
        in.unitConcurrency = 1;
        in.targetUtilization = 1;
        in.minUnits = l.provisionedConcurrency ? l.provisionedConcurrency->count : 0;
        in.unitsPerSlot.assign(ctx.plan.size(), in.minUnits);
        const Pricing::LambdaArchitecturePrices *prices = ctx.sheet.lambda(ctx.region(), l.architecture);
        if (prices && prices->provisionedGbSecond) {
            // A provisioned environment-hour: memory in GB (MB / 1024) x 3600 s at the sheet's rate.
            in.unitHourPrice = ctx.memoryMb / 1024.0 * 3600.0 * *prices->provisionedGbSecond;
        } else {
            in.notes.push_back(ctx.sheetName() + " has no provisioned concurrency price for Lambda " + l.architecture
                               + ": the cost of being ready is not priced");
        }
        in.notes.push_back("provisioned environments for the warm minimum are priced all month, every hour");
        break;
    }
    case Platform::Ec2: {
        const Ec2Spec &e = ctx.option.ec2;
        const Pricing::Ec2InstanceType *type = ctx.sheet.ec2(ctx.region(), e.instanceType);
        applyFleet(in, e.fleet, type ? type->memoryGib * 1024.0 : 0, ctx.memoryMb);
        in.unitsPerSlot = result.fleet.hourly;
        in.unitHourPrice = averageUnitHourPrice(result);
        break;
    }
    case Platform::Fargate: {
        const FargateSpec &fs = ctx.option.fargate;
        applyFleet(in, fs.fleet, fs.taskMemoryGb * 1024.0, ctx.memoryMb);
        in.unitsPerSlot = result.fleet.hourly;
        in.unitHourPrice = averageUnitHourPrice(result);
        break;
    }
    case Platform::EcsEc2: {
        const EcsEc2Spec &spec = ctx.option.ecs;
        if (spec.taskGroups.empty())
            break;
        const TaskGroup &group = spec.taskGroups.front();
        if (spec.taskGroups.size() > 1)
            in.notes.push_back("the spike is applied to the first task group (\"" + group.name + "\") only");
        applyFleet(in, group.fleet, group.taskMemoryMb, ctx.memoryMb);
        in.unitsPerSlot = sizeFleet(group.fleet, ctx.plan, ctx.durationMs, group.taskMemoryMb, ctx.memoryMb, "task").counts;
        // Tasks per instance of the type the fleet is mostly made of, so that tasks beyond the
        // room on running instances wait for new ones; a task slot costs that type's hour / slots.
        const std::string typeName = result.details.is_object() && result.details.contains("instanceType")
            ? result.details["instanceType"].get<std::string>()
            : std::string();
        const Pricing::Ec2InstanceType *type = typeName.empty() ? nullptr : ctx.sheet.ec2(ctx.region(), typeName);
        if (type) {
            InstanceOffer offer;
            offer.capacity = EcsEc2Model::capacityOf(*type, spec.reservedMemoryMb);
            offer.maxTasks = spec.maxTasksPerInstance;
            const TaskDemand task{group.taskVcpu * 1024.0, group.taskMemoryMb, 1};
            in.tasksPerInstance = static_cast<double>(std::max(1LL, tasksPerEmptyInstance(task, offer)));
            const double hourly = result.details.value("hourlyPrice", 0.0);
            in.unitHourPrice = hourly / in.tasksPerInstance;
            in.notes.push_back("the cluster runs " + typeName + " instances, " + std::to_string(static_cast<long long>(in.tasksPerInstance))
                               + " tasks each, packed full before the spike");
        } else {
            in.notes.push_back("no instance type known for the cluster: tasks are assumed to find room at once");
        }
        break;
    }
    }
    return in;
}

} // namespace Costscape::Models
