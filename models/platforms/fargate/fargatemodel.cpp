// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/platforms/fargate/fargatemodel.h"

#include "base/textformat.h"
#include "models/platforms/fleet.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace Costscape::Models {

namespace {
struct SizeRule {
    double vcpu;
    double minGb;
    double maxGb;
    double stepGb;
    const double *list; ///< explicit values instead of a range (0.25 vCPU)
    int listSize;
    bool linuxOnly;
};

const double QuarterVcpuMemory[] = {0.5, 1, 2};

// ECS Developer Guide, "Task size" table for Fargate.
const SizeRule Rules[] = {
    {0.25, 0, 0, 0, QuarterVcpuMemory, 3, true},
    {0.5, 1, 4, 1, nullptr, 0, true},
    {1, 2, 8, 1, nullptr, 0, false},
    {2, 4, 16, 1, nullptr, 0, false},
    {4, 8, 30, 1, nullptr, 0, false},
    {8, 16, 60, 4, nullptr, 0, true},
    {16, 32, 120, 8, nullptr, 0, true},
};

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

} // namespace

std::string FargateModel::invalidTaskSize(double vcpu, double memoryGb, const std::string &os)
{
    for (const SizeRule &rule : Rules) {
        if (!near(rule.vcpu, vcpu))
            continue;
        if (os == "windows" && rule.linuxOnly)
            return "Fargate runs Windows tasks with 1, 2 or 4 vCPU, not " + Text::general(vcpu);
        if (rule.list) {
            for (int i = 0; i < rule.listSize; ++i)
                if (near(rule.list[i], memoryGb))
                    return {};
            return "Fargate offers 0.5, 1 or 2 GB with 0.25 vCPU, not " + Text::general(memoryGb) + " GB";
        }
        const double steps = (memoryGb - rule.minGb) / rule.stepGb;
        if (memoryGb < rule.minGb - 1e-9 || memoryGb > rule.maxGb + 1e-9 || !near(steps, std::round(steps)))
            return "Fargate offers " + Text::general(rule.minGb) + " to " + Text::general(rule.maxGb) + " GB in " + Text::general(rule.stepGb)
                + " GB steps with " + Text::general(vcpu) + " vCPU, not " + Text::general(memoryGb) + " GB";
        return {};
    }
    return "Fargate offers tasks of 0.25, 0.5, 1, 2, 4, 8 or 16 vCPU, not " + Text::general(vcpu);
}

Result<OptionResult> FargateModel::evaluate(const OptionContext &ctx) const
{
    const FargateSpec &spec = ctx.option.as<FargateSpec>();
    OptionResult r;
    r.id = ctx.option.id;
    r.platform = Platform::Fargate;

    if (const std::string why = invalidTaskSize(spec.taskVcpu, spec.taskMemoryGb, spec.os); !why.empty())
        r.infeasible(why);
    if (spec.os == "windows" && spec.architecture != "x86_64")
        r.infeasible("Fargate runs Windows tasks on x86_64 only");

    const Pricing::FargatePrices *regionPrices = ctx.sheet.fargate(ctx.region());
    if (!regionPrices)
        return ctx.error("platform", ErrorCode::MissingPrice,
                         ctx.sheetName() + " has no Fargate prices for region " + ctx.region()
                             + "; import AWS's AmazonECS offer file for it (costscape-cli import-aws)");
    const Pricing::FargateRates *onDemand = ctx.sheet.fargate(ctx.region(), spec.os, spec.architecture);
    if (!onDemand)
        return ctx.error(spec.os == "windows" ? "os" : "architecture", ErrorCode::MissingPrice,
                         ctx.sheetName() + " has no Fargate " + spec.os + "/" + spec.architecture + " prices for region "
                             + ctx.region());

    Pricing::FargateRates rates = *onDemand;
    std::string priceBasis = "on-demand";
    if (spec.spot) {
        // "FARGATE_SPOT supports Linux tasks with the X86_64 architecture on platform version 1.3.0
        // or later. FARGATE_SPOT supports Linux tasks with the ARM64 architecture on platform version
        // 1.4.0 or later" (ECS API reference, CapacityProviderStrategyItem); "Windows containers on
        // Fargate don't support the Fargate Spot capacity provider" (ECS user guide).
        if (spec.os != "linux") {
            r.infeasible("Fargate Spot runs Linux tasks only (Windows containers on Fargate have no Spot); priced here at on-demand rates");
        } else if (const Pricing::FargateRates *spot = ctx.sheet.fargate(ctx.region(), spec.os, spec.architecture, true)) {
            rates = *spot;
            priceBasis = "Spot";
        } else if (spec.spotDiscount) {
            rates.vcpuHour *= 1 - *spec.spotDiscount;
            rates.gbHour *= 1 - *spec.spotDiscount;
            priceBasis = "Spot at " + Text::general(*spec.spotDiscount * 100) + "% off on-demand";
        } else {
            return ctx.error("spot", ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no Fargate Spot rates for " + ctx.region()
                                 + "; give \"spotDiscount\" or use a sheet with \"spot/linux/" + spec.architecture + "\"");
        }
    }

    const FleetSizing sizing = sizeFleet(spec.fleet, ctx.plan, ctx.durationMs, spec.taskMemoryGb * 1024.0, ctx.memoryMb, "task");
    if (sizing.beyondLimit)
        return unpricedFleet(std::move(r), sizing, ctx.plan, "tasks");
    if (!sizing.feasible)
        r.infeasible(sizing.reason);
    if (!sizing.assumption.empty())
        r.warnings.push_back(sizing.assumption);
    r.fleet = summarizeFleet(sizing.counts, ctx.plan, "tasks");
    const double taskHours = r.fleet.unitHours;

    double perTaskHour = spec.taskVcpu * rates.vcpuHour + spec.taskMemoryGb * rates.gbHour;
    r.addLine({"vCPU", taskHours * spec.taskVcpu, "vCPU-hours", rates.vcpuHour, taskHours * spec.taskVcpu * rates.vcpuHour,
               priceBasis == "on-demand" ? "" : priceBasis});
    r.addLine({"memory", taskHours * spec.taskMemoryGb, "GB-hours", rates.gbHour,
               taskHours * spec.taskMemoryGb * rates.gbHour, priceBasis == "on-demand" ? "" : priceBasis});
    if (spec.os == "windows") {
        const double licence = rates.osLicenseVcpuHour.value_or(onDemand->osLicenseVcpuHour.value_or(0));
        if (!rates.osLicenseVcpuHour && !onDemand->osLicenseVcpuHour)
            return ctx.error("os", ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no Fargate Windows licence price for " + ctx.region());
        perTaskHour += spec.taskVcpu * licence;
        r.addLine({"Windows licence", taskHours * spec.taskVcpu, "vCPU-hours", licence, taskHours * spec.taskVcpu * licence,
                   "per vCPU-hour"});
    }
    const double extraStorageGb = spec.ephemeralStorageGb - 20.0;
    if (extraStorageGb > 0) {
        if (!regionPrices->ephemeralGbHour)
            return ctx.error("ephemeralStorageGb", ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no Fargate ephemeral storage price for " + ctx.region());
        perTaskHour += extraStorageGb * *regionPrices->ephemeralGbHour;
        r.addLine({"ephemeral storage", taskHours * extraStorageGb, "GB-hours", *regionPrices->ephemeralGbHour,
                   taskHours * extraStorageGb * *regionPrices->ephemeralGbHour,
                   Text::general(extraStorageGb) + " GB above the included 20 GB"});
    }
    r.hourlyCost.resize(sizing.counts.size());
    for (std::size_t i = 0; i < sizing.counts.size(); ++i)
        r.hourlyCost[i] = sizing.counts[i] * perTaskHour;

    std::ostringstream summary;
    summary << spec.os << "/" << spec.architecture << ", " << spec.taskVcpu << " vCPU / " << spec.taskMemoryGb << " GB, ";
    summary << describeCounts(sizing.counts, "task", "tasks");
    if (spec.spot)
        summary << ", Spot";
    r.summary = summary.str();
    r.details = FargateDetails{perTaskHour, priceBasis};
    return r;
}

} // namespace Costscape::Models
