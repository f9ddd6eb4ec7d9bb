// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/platforms/eksfargate/eksfargatemodel.h"

#include "base/textformat.h"
#include "models/platforms/fleet.h"

#include <cmath>
#include <sstream>

namespace Costscape::Models {

namespace {

struct Row {
    double vcpu;
    double minGb;
    double maxGb;
    double stepGb;
};

// The EKS user guide, "Fargate Pod configuration", table of vCPU and memory: .25 vCPU with 0.5, 1
// or 2 GB; .5 vCPU 1-4 GB; 1 vCPU 2-8 GB; 2 vCPU 4-16 GB and 4 vCPU 8-30 GB in 1-GB steps; 8 vCPU
// 16-60 GB in 4-GB steps; 16 vCPU 32-120 GB in 8-GB steps.
const Row Table[] = {
    {0.5, 1, 4, 1}, {1, 2, 8, 1}, {2, 4, 16, 1}, {4, 8, 30, 1}, {8, 16, 60, 4}, {16, 32, 120, 8},
};

} // namespace

std::optional<std::pair<double, double>> EksFargateModel::fargateSize(double podVcpu, double podMemoryMb)
{
    const double gb = (podMemoryMb + KubernetesComponentsMb) / 1024.0;
    const double eps = 1e-9;
    if (podVcpu <= 0.25 + eps)
        for (double m : {0.5, 1.0, 2.0})
            if (gb <= m + eps)
                return std::make_pair(0.25, m);
    for (const Row &row : Table) {
        if (podVcpu > row.vcpu + eps || gb > row.maxGb + eps)
            continue;
        const double steps = std::ceil((std::max(gb, row.minGb) - row.minGb) / row.stepGb - eps);
        return std::make_pair(row.vcpu, row.minGb + steps * row.stepGb);
    }
    return std::nullopt;
}

Result<OptionResult> EksFargateModel::evaluate(const OptionContext &ctx) const
{
    const EksFargateSpec &spec = ctx.option.as<EksFargateSpec>();
    OptionResult r;
    r.id = ctx.option.id;
    r.platform = Platform::EksFargate;
    if (spec.architecture != "x86_64")
        r.infeasible("EKS on Fargate runs x86_64 Linux pods only (\"Windows Operating System and ARM CPU Architecture are "
                     "currently only available for Amazon ECS\", AWS Fargate pricing); priced here at x86_64 rates");

    if (!ctx.sheet.fargate(ctx.region()))
        return ctx.error("platform", ErrorCode::MissingPrice,
                         ctx.sheetName() + " has no Fargate prices for region " + ctx.region()
                             + "; import AWS's AmazonECS offer file for it (costscape-cli import-aws)");
    const Pricing::FargateRates *rates = ctx.sheet.fargate(ctx.region(), "linux", "x86_64");
    if (!rates)
        return ctx.error("architecture", ErrorCode::MissingPrice,
                         ctx.sheetName() + " has no Fargate linux/x86_64 prices for region " + ctx.region());

    const HourlyPlan &plan = ctx.plan;
    std::vector<double> pods(plan.size(), 0.0);
    r.hourlyCost.assign(plan.size(), 0.0);
    EksFargateDetails details;
    details.vcpuBySlot.assign(plan.size(), 0.0);
    details.gbBySlot.assign(plan.size(), 0.0);
    double vcpuHours = 0, gbHours = 0;
    std::ostringstream summary;
    for (std::size_t g = 0; g < spec.podGroups.size(); ++g) {
        const PodGroup &group = spec.podGroups[g];
        const auto size = fargateSize(group.podVcpu, group.podMemoryMb);
        if (!size) {
            r.fleet = summarizeFleet(pods, plan, "pods");
            r.withdraw(group.name + ": no Fargate size holds " + Text::general(group.podVcpu) + " vCPU and "
                       + Text::general(group.podMemoryMb) + " MB + 256 MB (at most 16 vCPU and 120 GB)");
            return r;
        }
        FleetSizing sizing = sizeFleet(group.fleet, plan, ctx.durationMs, group.podMemoryMb, ctx.memoryMb, "pod");
        if (sizing.beyondLimit) {
            sizing.reason = group.name + ": " + sizing.reason;
            return unpricedFleet(std::move(r), sizing, plan, "pods");
        }
        if (!sizing.feasible)
            r.infeasible(group.name + ": " + sizing.reason);
        if (!sizing.assumption.empty())
            r.warnings.push_back(group.name + ": " + sizing.assumption);
        const double perPodHour = size->first * rates->vcpuHour + size->second * rates->gbHour;
        double podHours = 0;
        for (std::size_t h = 0; h < plan.size(); ++h) {
            pods[h] += sizing.counts[h];
            details.vcpuBySlot[h] += sizing.counts[h] * size->first;
            details.gbBySlot[h] += sizing.counts[h] * size->second;
            r.hourlyCost[h] += sizing.counts[h] * perPodHour;
            podHours += sizing.counts[h] * plan.weight[h];
        }
        vcpuHours += podHours * size->first;
        gbHours += podHours * size->second;
        details.pods.push_back({group.name, group.podVcpu, group.podMemoryMb, size->first, size->second, perPodHour});
        summary << (g == 0 ? "" : "; ") << Text::general(group.podVcpu) << " vCPU / " << Text::general(group.podMemoryMb)
                << " MB pods on " << Text::general(size->first) << " vCPU / " << Text::general(size->second) << " GB, "
                << describeCounts(sizing.counts, "pod", "pods");
    }
    r.fleet = summarizeFleet(pods, plan, "pods");
    r.addLine({"vCPU", vcpuHours, "vCPU-hours", rates->vcpuHour, vcpuHours * rates->vcpuHour,
               "each pod at its provisioned Fargate size"});
    r.addLine({"memory", gbHours, "GB-hours", rates->gbHour, gbHours * rates->gbHour,
               "each pod's memory + 256 MB for Kubernetes components, rounded up"});
    const Result<double> controlPlane = Eks::addControlPlane(ctx, spec.controlPlane, r);
    if (!controlPlane.ok())
        return controlPlane.error();
    details.controlPlane = controlPlaneName(spec.controlPlane);
    details.controlPlaneHourly = controlPlane.value();
    summary << "; + control plane";
    r.summary = summary.str();
    r.details = std::move(details);
    return r;
}

} // namespace Costscape::Models
