// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ECS on EC2's keys in the scenario file, its rules for the report and its spike response.
#include "models/platforms/ecsec2/ecsec2model.h"

#include "base/textformat.h"
#include "models/detailswriter.h"
#include "models/platforms/fleet.h"
#include "models/scaling/scalingsources.h"
#include "models/scenario/optionreader.h"
#include "models/scenario/scenariorules.h"

#include <algorithm>

namespace Costscape::Models {

using Json = JsonDocument::Json;

namespace {

const char *const SrcEcsTaskStart
    = "Costscape assumption: placing a task on a running container instance, pulling a cached image and starting "
      "the container; measure your own image";
const char *const SrcInstanceWarmup
    = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html: instanceWarmupPeriod, "
      "\"If this parameter is omitted, the default value of 300 seconds is used\"; the ECS developer guide (cluster "
      "auto scaling): \"The scale-out is blocked for Instances that are within the instanceWarmupPeriod\"";
const char *const SrcTargetCapacity
    = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html: targetCapacity, "
      "\"The default is 100%\"; 90% keeps 10% free capacity on top of what tasks use";
const char *const SrcScalingStepSize
    = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html: maximumScalingStepSize, "
      "\"The maximum number of Amazon EC2 instances that Amazon ECS will scale out at one time\", default 10000";
const char *const SrcClusterScaleOut
    = "https://github.com/aws/containers-roadmap/issues/638: the capacity provider's managed scaling alarm (AlarmHigh) "
      "fires on 1 datapoint within 1 minute";

} // namespace

void PackedFleet::write(DetailsWriter &out) const
{
    out.text("strategy", strategy);
    out.number("hourlyCost", hourlyCost);
    out.integer("instances", instances);
    out.number("cpuUtilisation", cpuUtilisation);
    out.number("memoryUtilisation", memoryUtilisation);
    out.number("strandedCpuUnits", strandedCpuUnits);
    out.number("strandedMemoryMb", strandedMemoryMb);
    out.beginArray("runs");
    for (const Run &run : runs) {
        out.beginObject("");
        out.text("type", run.type);
        out.integer("instances", run.instances);
        out.numbers("tasks", run.tasks);
        out.number("cpuUsed", run.cpuUsed);
        out.number("memoryUsed", run.memoryUsed);
        out.number("cpuOffered", run.cpuOffered);
        out.number("memoryOffered", run.memoryOffered);
        out.number("hourlyPrice", run.hourlyPrice);
        out.flag("burstable", run.burstable);
        out.endObject();
    }
    out.endArray();
}

void PackingDetails::write(DetailsWriter &out) const
{
    out.integer("hour", static_cast<long long>(hour));
    out.texts("groups", groups);
    out.numbers("taskCpuUnits", taskCpuUnits);
    out.numbers("taskMemoryMb", taskMemoryMb);
    out.beginObject("optimised");
    optimised.write(out);
    out.endObject();
    if (scheduler) {
        out.beginObject("scheduler");
        scheduler->write(out);
        out.endObject();
        out.number("savingsHourly", savingsHourly);
    }
    if (lowerBoundHourly)
        out.number("lowerBoundHourly", *lowerBoundHourly);
}

void EcsEc2Details::write(DetailsWriter &out) const
{
    out.text("instanceType", instanceType);
    out.number("hourlyPrice", hourlyPrice);
    out.number("peakTasks", peakTasks);
    out.number("peakInstances", peakInstances);
    out.number("cpuUtilization", cpuUtilization);
    out.number("memoryUtilization", memoryUtilization);
    out.integer("candidates", static_cast<long long>(candidates));
    out.integer("typesUsed", static_cast<long long>(typesUsed));
    out.beginObject("packing");
    packing.write(out);
    out.endObject();
}

PlatformSpec EcsEc2Model::defaultSpec() const
{
    EcsEc2Spec e;
    TaskGroup g;
    g.name = "tasks";
    g.taskVcpu = 0.5;
    g.taskMemoryMb = 1024;
    e.taskGroups = {g};
    e.instanceTypes = {"m5.large", "m5.xlarge", "c5.xlarge"};
    return e;
}

PlatformSpec EcsEc2Model::read(OptionReader &reader) const
{
    JsonReader &r = reader.json();
    const auto &op = reader.pointer();
    reader.know({"taskVcpu", "taskMemoryMb", "taskGroups", "instanceTypes", "reservedMemoryMb", "placement", "os",
                 "spotHourly", "spotDiscount", "maxTasksPerInstance"});
    EcsEc2Spec e;
    const NumberRule &vcpuRule = Rules::TaskVcpu;
    const NumberRule &memRule = Rules::TaskMemoryMib;
    if (r.has(op, "taskGroups")) {
        if (r.has(op, "taskVcpu") || r.has(op, "taskMemoryMb")) {
            r.fail(op / "taskGroups", ErrorCode::WrongFormat,
                   JsonReader::fieldName(op / "taskGroups") + ": give either \"taskGroups\" or \"taskVcpu\"/\"taskMemoryMb\", not both");
            return e;
        }
        const Json *arr = r.array(op / "taskGroups");
        if (!arr)
            return e;
        if (arr->empty()) {
            r.fail(op / "taskGroups", ErrorCode::MissingField, JsonReader::fieldName(op / "taskGroups") + ": is empty");
            return e;
        }
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const auto gp = op / "taskGroups" / i;
            if (!r.object(gp))
                return e;
            TaskGroup g;
            g.name = r.string(gp, "name", false).value_or("group " + std::to_string(i + 1));
            g.taskVcpu = r.number(gp, "taskVcpu", vcpuRule).value_or(0);
            g.taskMemoryMb = r.number(gp, "taskMemoryMb", memRule).value_or(0);
            std::set<std::string> groupKeys = {"name", "taskVcpu", "taskMemoryMb"};
            g.fleet = reader.readFleet(gp, "tasks", groupKeys);
            reader.warnUnknown(gp, groupKeys);
            e.taskGroups.push_back(std::move(g));
        }
        // Fleet keys at option level would be silently unused with task groups: say so.
        for (const char *k : {"tasks", "capacity", "targetUtilization", "minCount", "scaling"})
            if (r.has(op, k))
                r.warn(op / k, JsonReader::fieldName(op / k) + ": ignored; with \"taskGroups\" each group sets its own");
        reader.know({"tasks", "capacity", "targetUtilization", "minCount", "scaling"});
    } else {
        TaskGroup g;
        g.name = "tasks";
        g.taskVcpu = r.number(op, "taskVcpu", vcpuRule).value_or(0);
        g.taskMemoryMb = r.number(op, "taskMemoryMb", memRule).value_or(0);
        g.fleet = reader.readFleet(op, "tasks", reader.known());
        e.taskGroups.push_back(std::move(g));
    }
    const auto tp = op / "instanceTypes";
    if (!r.has(op, "instanceTypes")) {
        r.fail(op, ErrorCode::MissingField, JsonReader::fieldName(tp) + ": missing required field \"instanceTypes\" (a list, or \"auto\")");
    } else if (r.at(tp)->is_string()) {
        if (r.at(tp)->get<std::string>() != "auto")
            r.fail(tp, ErrorCode::UnknownValue, JsonReader::fieldName(tp) + ": expected a list of instance types or \"auto\"");
        e.autoInstanceTypes = true;
    } else if (const Json *arr = r.array(tp)) {
        if (arr->empty())
            r.fail(tp, ErrorCode::MissingField, JsonReader::fieldName(tp) + ": lists no instance type");
        for (std::size_t i = 0; i < arr->size() && !r.failed(); ++i) {
            if (!(*arr)[i].is_string()) {
                r.fail(tp / i, ErrorCode::WrongType,
                       JsonReader::fieldName(tp / i) + ": expected an instance type name, got " + JsonReader::typeName((*arr)[i]));
                break;
            }
            e.instanceTypes.push_back((*arr)[i].get<std::string>());
        }
    }
    e.os = r.string(op, "os", false, {"linux", "windows"}).value_or("linux");
    e.purchase = reader.readPurchase();
    e.spotHourly = r.number(op, "spotHourly", Rules::SpotHourly, false);
    e.spotDiscount = r.number(op, "spotDiscount", Rules::SpotDiscount, false);
    e.reservedMemoryMb = r.number(op, "reservedMemoryMb", Rules::ReservedMemoryMib, false).value_or(256);
    e.maxTasksPerInstance
        = static_cast<long long>(r.number(op, "maxTasksPerInstance", Rules::TasksPerInstance, false).value_or(0));
    const auto placement = r.string(op, "placement", false, {"binpack-memory", "binpack-cpu", "spread"});
    e.placement = placementFromName(placement.value_or("")).value_or(PlacementStrategy::BinpackMemory);
    return e;
}

void EcsEc2Model::write(const PlatformSpec &spec, Json &o) const
{
    const EcsEc2Spec &e = std::get<EcsEc2Spec>(spec);
    const bool single = e.taskGroups.size() == 1 && !o.contains("taskGroups");
    if (single) {
        o["taskVcpu"] = e.taskGroups[0].taskVcpu;
        o["taskMemoryMb"] = e.taskGroups[0].taskMemoryMb;
        OptionWriter::writeFleet(o, "tasks", e.taskGroups[0].fleet);
    } else {
        for (const char *k : {"taskVcpu", "taskMemoryMb", "tasks", "capacity", "targetUtilization", "minCount", "scaling"})
            o.erase(k);
        Json groups = Json::array();
        for (const TaskGroup &g : e.taskGroups) {
            Json gj{{"name", g.name}, {"taskVcpu", g.taskVcpu}, {"taskMemoryMb", g.taskMemoryMb}};
            OptionWriter::writeFleet(gj, "tasks", g.fleet);
            groups.push_back(gj);
        }
        o["taskGroups"] = groups;
    }
    if (e.autoInstanceTypes)
        o["instanceTypes"] = "auto";
    else
        o["instanceTypes"] = e.instanceTypes;
    o["os"] = e.os;
    o["purchase"] = purchaseName(e.purchase);
    OptionWriter::setOrErase(o, "spotHourly", e.spotHourly);
    OptionWriter::setOrErase(o, "spotDiscount", e.spotDiscount);
    o["reservedMemoryMb"] = e.reservedMemoryMb;
    if (e.maxTasksPerInstance > 0)
        o["maxTasksPerInstance"] = e.maxTasksPerInstance;
    else
        o.erase("maxTasksPerInstance");
    o["placement"] = placementName(e.placement);
}

std::vector<BillingRule> EcsEc2Model::billingRules(const OptionSpec &option, const std::string &) const
{
    const EcsEc2Spec &e = option.as<EcsEc2Spec>();
    std::vector<BillingRule> rules;
    for (const TaskGroup &g : e.taskGroups)
        rules.push_back({e.taskGroups.size() < 2 || g.name.empty() ? "tasks" : "tasks (" + g.name + ")",
                         describeFleetRule(g.fleet, "tasks"), "the scenario"});
    rules.push_back({"instance memory", "installed x 7985/8192, less " + Text::trimmed(e.reservedMemoryMb, 0) + " MB for the ECS agent",
                     "Amazon ECS developer guide, \"Container instance memory management\""});
    rules.push_back({"ECS", "no charge: the cost is the instances the packing needs", "Amazon ECS pricing (EC2 launch type)"});
    return rules;
}

std::vector<ScalingAssumption> EcsEc2Model::scalingDefaults() const
{
    using namespace ScalingSources;
    const double hour = 3600;
    return {assumption("metricPeriodSeconds", "Metric period", "s", 60, MetricPeriod, 10, hour, true),
            assumption("alarmDatapoints", "Breaching datapoints to scale out", "", 3, AlarmDatapoints, 1, 100, true),
            assumption("taskStartSeconds", "Task start on spare capacity", "s", 20, SrcEcsTaskStart, 0, hour),
            assumption("healthCheckSeconds", "Load balancer health check", "s", 30, HealthCheck, 0, hour),
            assumption("clusterScaleOutSeconds", "Cluster full to instance launch requested", "s", 60, SrcClusterScaleOut, 0,
                       hour),
            assumption("instanceLaunchSeconds", "Instance launch to booted", "s", 30, InstanceLaunch, 0, hour),
            assumption("instanceWarmupSeconds", "Instance warm-up before the next cluster scale-out", "s", 300,
                       SrcInstanceWarmup, 0, 10000),
            assumption("targetCapacityPercent", "Capacity provider target capacity", "%", 100, SrcTargetCapacity, 1, 100),
            assumption("maximumScalingStepSize", "Instances added per cluster scale-out", "instances", 10000,
                       SrcScalingStepSize, 1, 10000, true),
            assumption("maxUnitsPerStep", "Tasks added per scale-out (0 = as many as needed)", "tasks", 0,
                       TargetTrackingStep, 0, 1e6, true)};
}

SpikeInput EcsEc2Model::spikeInput(const OptionContext &ctx, const OptionResult &result, const Spike &spike) const
{
    SpikeInput in = spikeInputBase(ctx, spike);
    const EcsEc2Spec &spec = ctx.option.as<EcsEc2Spec>();
    if (spec.taskGroups.empty())
        return in;
    const TaskGroup &group = spec.taskGroups.front();
    if (spec.taskGroups.size() > 1)
        in.notes.push_back("the spike is applied to the first task group (\"" + group.name + "\") only");
    applyFleetToSpike(in, group.fleet, group.taskMemoryMb, ctx.memoryMb);
    in.unitsPerSlot = sizeFleet(group.fleet, ctx.plan, ctx.durationMs, group.taskMemoryMb, ctx.memoryMb, "task").counts;
    // Tasks per instance of the type the fleet is mostly made of, so that tasks beyond the room on
    // running instances wait for new ones; a task slot costs that type's hour / slots.
    const EcsEc2Details *details = result.detailsAs<EcsEc2Details>();
    const Pricing::Ec2InstanceType *type
        = details && !details->instanceType.empty() ? ctx.sheet.ec2(ctx.region(), details->instanceType) : nullptr;
    if (type) {
        InstanceOffer offer;
        offer.capacity = capacityOf(*type, spec.reservedMemoryMb);
        offer.maxTasks = spec.maxTasksPerInstance;
        const TaskDemand task{group.taskVcpu * 1024.0, group.taskMemoryMb, 1};
        in.tasksPerInstance = static_cast<double>(std::max(1LL, tasksPerEmptyInstance(task, offer)));
        in.unitHourPrice = details->hourlyPrice / in.tasksPerInstance;
        in.notes.push_back("the cluster runs " + details->instanceType + " instances, "
                           + std::to_string(static_cast<long long>(in.tasksPerInstance)) + " tasks each, packed full before the spike");
    } else {
        in.notes.push_back("no instance type known for the cluster: tasks are assumed to find room at once");
    }
    return in;
}

void EcsEc2Model::applyBatch(OptionSpec &option, double parallel) const
{
    for (TaskGroup &group : option.as<EcsEc2Spec>().taskGroups)
        if (!group.fleet.fixedCount)
            group.fleet.fixedCount = parallel; // each group runs `parallel` tasks per run
}

} // namespace Costscape::Models
