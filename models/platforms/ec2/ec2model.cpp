// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/platforms/ec2/ec2model.h"

#include "models/platforms/fleet.h"
#include "models/platforms/instanceprice.h"

#include <algorithm>
#include <sstream>

namespace Costscape::Models {

double Ec2Model::onDemandCount(double count, double base, double percentAboveBase)
{
    const double fromBase = std::min(count, base);
    const double above = std::max(0.0, count - base);
    return fromBase + std::min(above, ceilTolerant(above * percentAboveBase / 100.0));
}

Result<OptionResult> Ec2Model::evaluate(const OptionContext &ctx) const
{
    const Ec2Spec &spec = ctx.option.as<Ec2Spec>();
    OptionResult r;
    r.id = ctx.option.id;
    r.platform = Platform::Ec2;

    const Pricing::Ec2InstanceType *type = ctx.sheet.ec2(ctx.region(), spec.instanceType);
    if (!type)
        return ctx.error("instanceType", ErrorCode::UnknownValue,
                         "unknown instance type \"" + spec.instanceType + "\": " + ctx.sheetName()
                             + " does not list it in " + ctx.region());
    const auto onDemand = ctx.sheet.ec2OnDemandHourly(ctx.region(), spec.instanceType, spec.os);
    if (!onDemand)
        return ctx.error("os", ErrorCode::MissingPrice,
                         ctx.sheetName() + " has no " + spec.os + " on-demand price for " + spec.instanceType + " in "
                             + ctx.region());

    const double base = spec.onDemandBase.value_or(0);
    const double percent = spec.onDemandPercentAboveBase.value_or(spec.purchase == Purchase::Spot ? 0 : 100);
    const bool mixed = spec.onDemandBase || spec.onDemandPercentAboveBase;

    const FleetSizing sizing = sizeFleet(spec.fleet, ctx.plan, ctx.durationMs, type->memoryGib * 1024.0, ctx.memoryMb, "instance");
    if (sizing.beyondLimit)
        return unpricedFleet(std::move(r), sizing, ctx.plan, "instances");
    if (!sizing.feasible)
        r.infeasible(sizing.reason);
    if (!sizing.assumption.empty())
        r.warnings.push_back(sizing.assumption);
    r.fleet = summarizeFleet(sizing.counts, ctx.plan, "instances");

    std::vector<double> odCounts(sizing.counts.size()), spotCounts(sizing.counts.size());
    double spotHours = 0;
    double odHours = 0;
    for (std::size_t i = 0; i < sizing.counts.size(); ++i) {
        odCounts[i] = onDemandCount(sizing.counts[i], base, percent);
        spotCounts[i] = sizing.counts[i] - odCounts[i];
        odHours += odCounts[i] * ctx.plan.weight[i];
        spotHours += spotCounts[i] * ctx.plan.weight[i];
    }

    std::optional<InstancePrice> spot;
    if (spotHours > 0 || (spec.purchase == Purchase::Spot && !mixed)) {
        std::string ignored;
        spot = spotPrice(*type, spec.os, *onDemand, spec.spotHourly, spec.spotDiscount, &ignored);
        if (!spot)
            return ctx.error("purchase", ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no spot price for " + spec.instanceType + " (" + spec.os + ") in "
                                 + ctx.region() + "; give \"spotHourly\" or \"spotDiscount\"");
        if (!ignored.empty())
            r.warnings.push_back("\"" + ignored + "\" is not used: the price sheet has a spot price for " + spec.instanceType);
        if (!type->interruption.empty())
            r.warnings.push_back("spot interruption frequency of " + spec.instanceType + ": " + type->interruption
                                 + " (Spot Instance Advisor)");
    }

    if (odHours > 0 || !spot)
        r.addLine({"on-demand instances", odHours, "instance-hours", *onDemand, odHours * *onDemand,
                   spec.instanceType + " " + spec.os});
    if (spot)
        r.addLine({"spot instances", spotHours, "instance-hours", spot->hourly, spotHours * spot->hourly,
                   spec.instanceType + " " + spec.os + ", " + spot->basis});

    r.hourlyCost.resize(sizing.counts.size());
    for (std::size_t i = 0; i < sizing.counts.size(); ++i)
        r.hourlyCost[i] = odCounts[i] * *onDemand + spotCounts[i] * (spot ? spot->hourly : 0);

    if (type->isBurstable())
        r.warnings.push_back(spec.instanceType + " is burstable: it sustains only a fraction of its "
                             + std::to_string(static_cast<int>(type->vcpu))
                             + " vCPUs; CPU above the baseline costs extra in unlimited mode");

    std::ostringstream summary;
    summary << spec.instanceType << " " << spec.os << ", " << describeCounts(sizing.counts, "instance", "instances");
    summary << (mixed ? ", mixed on-demand/spot" : spec.purchase == Purchase::Spot ? ", spot" : ", on-demand");
    r.summary = summary.str();
    r.details = Ec2Details{spec.instanceType, *onDemand, spot ? std::optional(spot->hourly) : std::nullopt};
    return r;
}

} // namespace Costscape::Models
