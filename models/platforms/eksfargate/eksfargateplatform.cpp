// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// EKS on Fargate's keys in the scenario file, its rules for the report and its spike response.
#include "models/platforms/eksfargate/eksfargatemodel.h"

#include "base/textformat.h"
#include "models/detailswriter.h"
#include "models/platforms/eks/ekssources.h"
#include "models/platforms/fargate/fargatemodel.h"
#include "models/platforms/fleet.h"
#include "models/scenario/optionreader.h"

namespace Costscape::Models {

using Json = JsonDocument::Json;

void EksFargateDetails::write(DetailsWriter &out) const
{
    out.text("controlPlane", controlPlane);
    out.number("controlPlaneHourly", controlPlaneHourly);
    out.beginArray("pods");
    for (const EksFargatePodSize &p : pods) {
        out.beginObject("");
        out.text("group", p.group);
        out.number("requestedVcpu", p.requestedVcpu);
        out.number("requestedMemoryMb", p.requestedMemoryMb);
        out.number("vcpu", p.vcpu);
        out.number("memoryGb", p.memoryGb);
        out.number("perPodHour", p.perPodHour);
        out.endObject();
    }
    out.endArray();
}

PlatformSpec EksFargateModel::defaultSpec() const
{
    EksFargateSpec e;
    PodGroup g;
    g.name = "pods";
    g.podVcpu = 0.5;
    g.podMemoryMb = 1024;
    e.podGroups = {g};
    return e;
}

PlatformSpec EksFargateModel::read(OptionReader &reader) const
{
    reader.know({"architecture"});
    EksFargateSpec e;
    e.podGroups = Eks::readPodGroups(reader);
    e.architecture = reader.json().string(reader.pointer(), "architecture", false, {"x86_64", "arm64"}).value_or("x86_64");
    e.controlPlane = Eks::readControlPlane(reader);
    return e;
}

void EksFargateModel::write(const PlatformSpec &spec, Json &o) const
{
    const EksFargateSpec &e = std::get<EksFargateSpec>(spec);
    Eks::writePodGroups(e.podGroups, o);
    o["architecture"] = e.architecture;
    o["controlPlane"] = controlPlaneName(e.controlPlane);
}

std::vector<BillingRule> EksFargateModel::billingRules(const OptionSpec &option, const std::string &) const
{
    const EksFargateSpec &e = option.as<EksFargateSpec>();
    std::vector<BillingRule> rules;
    for (const PodGroup &g : e.podGroups) {
        const auto size = fargateSize(g.podVcpu, g.podMemoryMb);
        rules.push_back({Eks::groupLabel(e.podGroups, g),
                         describeFleetRule(g.fleet, "pods") + (size ? ", each on " + Text::general(size->first) + " vCPU / "
                                                                          + Text::general(size->second) + " GB"
                                                                    : std::string()),
                         EksSources::FargatePod});
    }
    rules.push_back({"control plane", std::string("one cluster, every hour, ") + controlPlaneName(e.controlPlane) + " support",
                     EksSources::ControlPlane});
    return rules;
}

std::vector<ScalingAssumption> EksFargateModel::scalingDefaults() const
{
    // Fargate's launch rates and start time, as the Fargate platform has them; the pods scale by
    // the HorizontalPodAutoscaler's loop.
    std::vector<ScalingAssumption> out = FargateModel().scalingDefaults();
    for (ScalingAssumption &a : out) {
        if (a.key == "metricPeriodSeconds") {
            a.label = "HPA sync period";
            a.value = 15;
            a.source = EksSources::HpaSyncPeriod;
        } else if (a.key == "alarmDatapoints") {
            a.label = "Readings over target to scale out";
            a.value = 1;
            a.source = EksSources::HpaSyncPeriod;
        } else if (a.key == "taskStartSeconds") {
            a.label = "Pod launch to running";
        } else if (a.key == "launchBurstTasks") {
            a.label = "Pod launches at once (burst)";
        } else if (a.key == "launchTasksPerSecond") {
            a.label = "Pod launches per second (sustained)";
        } else if (a.key == "maxUnitsPerStep") {
            a.label = "Pods added per scale-out (0 = as many as needed)";
            a.unit = "pods";
        }
    }
    return out;
}

SpikeInput EksFargateModel::spikeInput(const OptionContext &ctx, const OptionResult &result, const Spike &spike) const
{
    SpikeInput in = spikeInputBase(ctx, spike);
    const EksFargateSpec &spec = ctx.option.as<EksFargateSpec>();
    if (spec.podGroups.empty())
        return in;
    const PodGroup &group = spec.podGroups.front();
    if (spec.podGroups.size() > 1)
        in.notes.push_back("the spike is applied to the first pod group (\"" + group.name + "\") only");
    applyFleetToSpike(in, group.fleet, group.podMemoryMb, ctx.memoryMb);
    in.unitsPerSlot = sizeFleet(group.fleet, ctx.plan, ctx.durationMs, group.podMemoryMb, ctx.memoryMb, "pod").counts;
    if (const EksFargateDetails *d = result.detailsAs<EksFargateDetails>(); d && !d->pods.empty())
        in.unitHourPrice = d->pods.front().perPodHour;
    return in;
}

void EksFargateModel::applyBatch(OptionSpec &option, double parallel) const
{
    for (PodGroup &group : option.as<EksFargateSpec>().podGroups)
        if (!group.fleet.fixedCount)
            group.fleet.fixedCount = parallel;
}

} // namespace Costscape::Models
