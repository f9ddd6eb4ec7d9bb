// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Amazon EC2's keys in the scenario file, its rules for the report and its spike response.
#include "models/platforms/ec2/ec2model.h"

#include "base/textformat.h"
#include "models/detailswriter.h"
#include "models/platforms/fleet.h"
#include "models/scaling/scalingsources.h"
#include "models/scenario/optionreader.h"
#include "models/scenario/scenariorules.h"

namespace Costscape::Models {

using Json = JsonDocument::Json;

namespace {

const char *const SrcAppWarmup
    = "Costscape assumption: process start and cache warm-up of a typical web application after boot; "
      "EC2 Auto Scaling's default instance warmup is not set by default, so there is no AWS figure";

} // namespace

void Ec2Details::write(DetailsWriter &out) const
{
    out.text("instanceType", instanceType);
    out.number("onDemandHourly", onDemandHourly);
    if (spotHourly)
        out.number("spotHourly", *spotHourly);
}

PlatformSpec Ec2Model::defaultSpec() const
{
    Ec2Spec e;
    e.instanceType = "m5.large";
    return e;
}

PlatformSpec Ec2Model::read(OptionReader &reader) const
{
    JsonReader &r = reader.json();
    const auto &op = reader.pointer();
    reader.know({"instanceType", "os", "spotHourly", "spotDiscount", "onDemandBase", "onDemandPercentAboveBase"});
    Ec2Spec e;
    e.instanceType = r.string(op, "instanceType").value_or("");
    e.os = r.string(op, "os", false, {"linux", "windows"}).value_or("linux");
    e.purchase = reader.readPurchase();
    e.spotHourly = r.number(op, "spotHourly", Rules::SpotHourly, false);
    e.spotDiscount = r.number(op, "spotDiscount", Rules::SpotDiscount, false);
    e.onDemandBase = r.number(op, "onDemandBase", Rules::Count, false);
    e.onDemandPercentAboveBase = r.number(op, "onDemandPercentAboveBase", Rules::OnDemandPercent, false);
    e.fleet = reader.readFleet(op, "instances", reader.known());
    return e;
}

void Ec2Model::write(const PlatformSpec &spec, Json &o) const
{
    const Ec2Spec &e = std::get<Ec2Spec>(spec);
    o["instanceType"] = e.instanceType;
    o["os"] = e.os;
    o["purchase"] = purchaseName(e.purchase);
    OptionWriter::setOrErase(o, "spotHourly", e.spotHourly);
    OptionWriter::setOrErase(o, "spotDiscount", e.spotDiscount);
    OptionWriter::setOrErase(o, "onDemandBase", e.onDemandBase);
    OptionWriter::setOrErase(o, "onDemandPercentAboveBase", e.onDemandPercentAboveBase);
    OptionWriter::writeFleet(o, "instances", e.fleet);
}

std::vector<BillingRule> Ec2Model::billingRules(const OptionSpec &option, const std::string &currency) const
{
    const Ec2Spec &e = option.as<Ec2Spec>();
    std::vector<BillingRule> rules{{"instances", describeFleetRule(e.fleet, "instances"), "Amazon EC2 pricing: per instance-hour"}};
    if (e.purchase == Purchase::Spot)
        rules.push_back({"spot price",
                         e.spotHourly       ? Text::unitPrice(*e.spotHourly, currency) + " per hour, from the scenario"
                         : e.spotDiscount ? Text::trimmed(*e.spotDiscount * 100, 1) + "% off on-demand, from the scenario"
                                          : "the price sheet's spot price, else the Spot Instance Advisor's average saving",
                         "the price sheet (see Prices above)"});
    return rules;
}

std::vector<ScalingAssumption> Ec2Model::scalingDefaults() const
{
    using namespace ScalingSources;
    const double hour = 3600;
    return {assumption("metricPeriodSeconds", "Metric period", "s", 60, MetricPeriod, 10, hour, true),
            assumption("alarmDatapoints", "Breaching datapoints to scale out", "", 3, AlarmDatapoints, 1, 100, true),
            assumption("instanceLaunchSeconds", "Instance launch to booted", "s", 30, InstanceLaunch, 0, hour),
            assumption("appWarmupSeconds", "Application warm-up", "s", 30, SrcAppWarmup, 0, hour),
            assumption("healthCheckSeconds", "Load balancer health check", "s", 30, HealthCheck, 0, hour),
            assumption("maxUnitsPerStep", "Instances added per scale-out (0 = as many as needed)", "instances", 0,
                       TargetTrackingStep, 0, 1e6, true)};
}

SpikeInput Ec2Model::spikeInput(const OptionContext &ctx, const OptionResult &result, const Spike &spike) const
{
    SpikeInput in = spikeInputBase(ctx, spike);
    const Ec2Spec &e = ctx.option.as<Ec2Spec>();
    const Pricing::Ec2InstanceType *type = ctx.sheet.ec2(ctx.region(), e.instanceType);
    applyFleetToSpike(in, e.fleet, type ? type->memoryGib * 1024.0 : 0, ctx.memoryMb);
    in.unitsPerSlot = result.fleet.hourly;
    in.unitHourPrice = averageUnitHourPrice(result);
    return in;
}

void Ec2Model::applyBatch(OptionSpec &option, double parallel) const
{
    FleetSpec &fleet = option.as<Ec2Spec>().fleet;
    if (!fleet.fixedCount)
        fleet.fixedCount = parallel; // one instance per parallel unit of the run
}

} // namespace Costscape::Models
