// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// AWS Fargate's keys in the scenario file, its rules for the report and its spike response.
#include "models/platforms/fargate/fargatemodel.h"

#include "models/detailswriter.h"
#include "models/platforms/fleet.h"
#include "models/scaling/scalingsources.h"
#include "models/scenario/optionreader.h"
#include "models/scenario/scenariorules.h"

namespace Costscape::Models {

using Json = JsonDocument::Json;

namespace {

const char *const SrcFargateTaskStart
    = "https://www.vladionescu.me/posts/scaling-containers-on-aws-in-2022/: ECS on Fargate started running "
      "containers about 30 seconds after the scale-up request";
const char *const SrcFargateBurst
    = "https://docs.aws.amazon.com/AmazonECS/latest/userguide/throttling.html: Fargate task launches are a token "
      "bucket per account and Region, 100 tokens (burst)";
const char *const SrcFargateRate
    = "https://docs.aws.amazon.com/AmazonECS/latest/userguide/throttling.html: the bucket refills at 20 tasks per "
      "second (sustained)";

} // namespace

void FargateDetails::write(DetailsWriter &out) const
{
    out.number("perTaskHour", perTaskHour);
    out.text("priceBasis", priceBasis);
}

PlatformSpec FargateModel::defaultSpec() const
{
    FargateSpec f;
    f.taskVcpu = 0.5;
    f.taskMemoryGb = 1;
    return f;
}

PlatformSpec FargateModel::read(OptionReader &reader) const
{
    JsonReader &r = reader.json();
    const auto &op = reader.pointer();
    reader.know({"os", "architecture", "taskVcpu", "taskMemoryGb", "spot", "ephemeralStorageGb", "spotDiscount"});
    FargateSpec f;
    f.os = r.string(op, "os", false, {"linux", "windows"}).value_or("linux");
    f.architecture = r.string(op, "architecture", false, {"x86_64", "arm64"}).value_or("x86_64");
    f.taskVcpu = r.number(op, "taskVcpu", Rules::TaskVcpu).value_or(0);
    f.taskMemoryGb = r.number(op, "taskMemoryGb", Rules::TaskMemoryGb).value_or(0);
    f.spot = r.boolean(op, "spot").value_or(false);
    f.ephemeralStorageGb = r.number(op, "ephemeralStorageGb", Rules::FargateEphemeralGb, false).value_or(20);
    f.spotDiscount = r.number(op, "spotDiscount", Rules::SpotDiscount, false);
    f.fleet = reader.readFleet(op, "tasks", reader.known());
    return f;
}

void FargateModel::write(const PlatformSpec &spec, Json &o) const
{
    const FargateSpec &f = std::get<FargateSpec>(spec);
    o["os"] = f.os;
    o["architecture"] = f.architecture;
    o["taskVcpu"] = f.taskVcpu;
    o["taskMemoryGb"] = f.taskMemoryGb;
    o["spot"] = f.spot;
    o["ephemeralStorageGb"] = f.ephemeralStorageGb;
    OptionWriter::setOrErase(o, "spotDiscount", f.spotDiscount);
    OptionWriter::writeFleet(o, "tasks", f.fleet);
}

std::vector<BillingRule> FargateModel::billingRules(const OptionSpec &option, const std::string &) const
{
    return {{"tasks", describeFleetRule(option.as<FargateSpec>().fleet, "tasks"),
             "AWS Fargate pricing: per vCPU-hour and GB-hour"}};
}

std::vector<ScalingAssumption> FargateModel::scalingDefaults() const
{
    using namespace ScalingSources;
    const double hour = 3600;
    return {assumption("metricPeriodSeconds", "Metric period", "s", 60, MetricPeriod, 10, hour, true),
            assumption("alarmDatapoints", "Breaching datapoints to scale out", "", 3, AlarmDatapoints, 1, 100, true),
            assumption("taskStartSeconds", "Task launch to running", "s", 30, SrcFargateTaskStart, 0, hour),
            assumption("healthCheckSeconds", "Load balancer health check", "s", 30, HealthCheck, 0, hour),
            assumption("launchBurstTasks", "Task launches at once (burst)", "tasks", 100, SrcFargateBurst, 1, 1e6, true),
            assumption("launchTasksPerSecond", "Task launches per second (sustained)", "tasks/s", 20, SrcFargateRate, 0.01,
                       1e5),
            assumption("maxUnitsPerStep", "Tasks added per scale-out (0 = as many as needed)", "tasks", 0,
                       TargetTrackingStep, 0, 1e6, true)};
}

SpikeInput FargateModel::spikeInput(const OptionContext &ctx, const OptionResult &result, const Spike &spike) const
{
    SpikeInput in = spikeInputBase(ctx, spike);
    const FargateSpec &fs = ctx.option.as<FargateSpec>();
    applyFleetToSpike(in, fs.fleet, fs.taskMemoryGb * 1024.0, ctx.memoryMb);
    in.unitsPerSlot = result.fleet.hourly;
    in.unitHourPrice = averageUnitHourPrice(result);
    return in;
}

void FargateModel::applyBatch(OptionSpec &option, double parallel) const
{
    FleetSpec &fleet = option.as<FargateSpec>().fleet;
    if (!fleet.fixedCount)
        fleet.fixedCount = parallel; // one task per parallel unit of the run
}

} // namespace Costscape::Models
