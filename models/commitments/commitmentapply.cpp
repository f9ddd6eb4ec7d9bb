// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/commitments/commitmentapply.h"

#include "models/commitments/commitmentmath.h"
#include "models/commitments/commitmentproducts.h"
#include "models/evaluation.h"
#include "models/platforms/eksec2/eksec2spec.h"
#include "models/platforms/lambdamanaged/lambdamanagedspec.h"
#include "models/platforms/platformmodel.h"

#include <algorithm>
#include <cmath>

namespace Costscape::Models {

namespace {

using namespace Commitments;

/** What a commitment can cover in an option: on-demand hours of one Linux instance type. */
struct Eligible {
    std::string instanceType;
    double onDemand = 0;
    std::string lineName; ///< the line item of those hours, replaced by the commitment's lines
};

Result<Eligible> eligibleUsage(const OptionContext &ctx, const OptionResult &result, const CommitmentSpec &first)
{
    auto refuse = [&ctx](const std::string &message) {
        return Result<Eligible>(ctx.error("commitment", ErrorCode::UnknownValue, message));
    };
    for (const LineItem &li : result.lineItems)
        if (li.name.rfind("spot", 0) == 0)
            return refuse("a commitment covers on-demand instance hours, and this option buys spot; set \"purchase\" to \"on-demand\"");
    Eligible e;
    if (const auto *d = result.detailsAs<Ec2Details>()) {
        if (const auto *spec = ctx.option.asIf<Ec2Spec>(); spec && spec->os != "linux")
            return refuse("the sheet's commitment rates are for Linux instances; this option runs " + spec->os);
        e.instanceType = d->instanceType;
        e.onDemand = d->onDemandHourly;
        e.lineName = "on-demand instances";
    } else if (const auto *d = result.detailsAs<EcsEc2Details>()) {
        if (d->typesUsed != 1)
            return refuse("a commitment is applied to one instance type; this option's cluster uses "
                          + std::to_string(d->typesUsed) + " (give \"instanceTypes\" a single type)");
        e.instanceType = d->instanceType;
        e.onDemand = d->hourlyPrice;
        e.lineName = "on-demand instances " + d->instanceType;
    } else if (const auto *d = result.detailsAs<EksEc2Details>()) {
        // EKS on EC2: the nodes are EC2 instances, billed and discounted as any other (the
        // control plane line is not compute and no commitment covers it).
        if (d->typesUsed != 1)
            return refuse("a commitment is applied to one instance type; this option's nodes use "
                          + std::to_string(d->typesUsed) + " (give \"nodeTypes\" a single type)");
        e.instanceType = d->nodeType;
        e.onDemand = d->hourlyPrice;
        e.lineName = "on-demand nodes " + d->nodeType;
    } else if (const auto *d = result.detailsAs<LambdaManagedDetails>()) {
        // Lambda Managed Instances run on EC2 instances of the account: "you benefit from EC2
        // pricing advantages, including EC2 Savings Plans and Reserved Instances" (AWS Lambda
        // Developer Guide, "Lambda Managed Instances"). The commitment covers the instance line;
        // the management fee and the requests stay as priced.
        e.instanceType = d->instanceType;
        e.onDemand = d->instanceHourly;
        e.lineName = "instances";
    } else {
        const std::string platform = platformName(ctx.option.platform());
        if (first.kind != "compute-savings-plan")
            return refuse(first.kind + " covers EC2 instances only, and this option runs on " + platform);
        // Every platform a Compute Savings Plan covers is priced above or in commitmentproducts.cpp.
        return refuse("found no usage a Compute Savings Plan covers on " + platform);
    }
    const auto it = std::find_if(result.lineItems.begin(), result.lineItems.end(),
                                 [&e](const LineItem &li) { return li.name == e.lineName; });
    if (it == result.lineItems.end())
        return refuse("found no on-demand instance hours to apply it to");
    return e;
}

struct Layer {
    CommitmentSpec spec;
    Pricing::CommitmentRate rate;
    double discount = 0; ///< 1 - effective rate / on-demand: the order within a kind
};

int kindOrder(const std::string &kind)
{
    // Reservations first, then EC2 Instance Savings Plans, then Compute Savings Plans (AWS,
    // "Understanding how Savings Plans apply to your AWS usage").
    return kind == "reserved-instance" ? 0 : kind == "ec2-instance-savings-plan" ? 1 : 2;
}

double effectiveHourly(const Layer &l)
{
    return l.rate.hourly + (l.spec.isReservation() ? l.rate.upfront / termHours(l.spec.termYears) : 0);
}

Outcome applyLayers(const Usage &usage, const std::vector<Layer> &layers, const std::vector<double> &amounts)
{
    std::vector<ReservationLayer> reservations;
    std::vector<PlanLayer> plans;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (layers[i].spec.isReservation())
            reservations.push_back({amounts[i], effectiveHourly(layers[i])});
        else
            plans.push_back({amounts[i], layers[i].rate.hourly});
    }
    return apply(usage, reservations, plans);
}

/** The optimum of layer i with the layers before it applied and the ones after it left out. */
double optimum(const Usage &usage, const std::vector<Layer> &layers, const std::vector<double> &amounts, std::size_t i)
{
    Usage left = usage;
    if (i > 0) {
        std::vector<Layer> before(layers.begin(), layers.begin() + std::ptrdiff_t(i));
        std::vector<double> beforeAmounts(amounts.begin(), amounts.begin() + std::ptrdiff_t(i));
        const Outcome o = applyLayers(usage, before, beforeAmounts);
        left.units = o.leftUnits;
    }
    return layers[i].spec.isReservation() ? optimalReservationCount(left, effectiveHourly(layers[i]))
                                          : optimalPlanHourly(left, layers[i].rate.hourly);
}

} // namespace

Result<void> applyCommitments(const OptionContext &ctx, OptionResult &result)
{
    const std::vector<CommitmentSpec> &specs = ctx.option.commitments;
    if (specs.empty() || !result.feasible || !result.priced)
        return {};
    if (coversSeveralProducts(result)) // Fargate, EKS on Fargate: vCPU-hours and GB-hours
        return applyProductCommitments(ctx, result);
    auto eligible = eligibleUsage(ctx, result, specs.front());
    if (!eligible)
        return eligible.error();
    const Eligible &e = eligible.value();
    const Pricing::Ec2InstanceType *type = ctx.sheet.ec2(ctx.region(), e.instanceType);

    std::vector<Layer> layers;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const CommitmentSpec &s = specs[i];
        const std::string key = Pricing::commitmentRateKey(s.kind, s.offering, s.termYears, s.payment);
        const auto it = type ? type->commitments.find(key) : decltype(type->commitments.end()){};
        if (!type || it == type->commitments.end()) {
            const std::string field = specs.size() > 1 ? "commitment/" + std::to_string(i) : "commitment";
            return ctx.error(field, ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no " + s.title() + " rate for " + e.instanceType + " in " + ctx.region()
                                 + " (key \"" + key + "\"); import a price sheet that has it and point \"prices\" at it");
        }
        Layer l{s, it->second, 0};
        l.discount = e.onDemand > 0 ? 1 - effectiveHourly(l) / e.onDemand : 0;
        layers.push_back(l);
    }
    // Highest discount first within each kind, as AWS applies them.
    std::stable_sort(layers.begin(), layers.end(), [](const Layer &a, const Layer &b) {
        const int ka = kindOrder(a.spec.kind), kb = kindOrder(b.spec.kind);
        return ka != kb ? ka < kb : a.discount > b.discount;
    });

    Usage usage;
    usage.units = result.fleet.hourly;
    usage.weight = ctx.plan.weight;
    usage.onDemand = e.onDemand;
    if (usage.units.size() != usage.weight.size())
        return ctx.error("commitment", ErrorCode::UnknownValue, "the option's hourly fleet does not follow its hourly plan; not priced");

    // A commitment is billed every hour of the month, also those the option does not run (an
    // option's shorter hoursPerMonth, a batch's run hours): those hours join as an idle slot.
    if (const double idle = ctx.scenario.hoursPerMonth - usage.hours(); idle > 1e-9) {
        usage.units.push_back(0);
        usage.weight.push_back(idle);
    }

    std::vector<double> amounts(layers.size(), 0.0);
    for (std::size_t i = 0; i < layers.size(); ++i)
        amounts[i] = layers[i].spec.amount ? *layers[i].spec.amount : optimum(usage, layers, amounts, i);
    const Outcome outcome = applyLayers(usage, layers, amounts);
    const double hours = usage.hours();

    CommitmentSummary summary;
    summary.instanceType = e.instanceType;
    summary.onDemandMonthly = outcome.onDemandCost;
    summary.spillMonthly = outcome.spillCost;
    std::vector<LineItem> lines;
    double committed = 0, used = 0, covered = 0;
    bool upfrontUnknown = false;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const Layer &l = layers[i];
        const LayerOutcome &lo = outcome.layers[i];
        AppliedCommitment a;
        a.spec = l.spec;
        a.optimal = !l.spec.amount;
        a.amount = amounts[i];
        a.rate = l.rate.hourly;
        a.monthlyCost = lo.committedCost;
        a.usedMonthly = lo.usedCost;
        a.coveredUnitHours = lo.unitHours;
        const std::string what = l.spec.title() + (a.optimal ? " (optimal)" : "");
        if (l.spec.isReservation()) {
            a.upfrontTotal = a.amount * l.rate.upfront;
            a.upfrontMonthly = a.upfrontTotal * hours / termHours(l.spec.termYears);
            const double recurring = a.amount * l.rate.hourly * hours;
            lines.push_back({"commitment: reservations", a.amount * hours, "reservation-hours", l.rate.hourly, recurring,
                             what + ", " + e.instanceType + ", billed every hour used or not"});
            if (a.upfrontMonthly > 0)
                lines.push_back({"commitment: amortised upfront", a.amount, "reservations",
                                 l.rate.upfront * hours / termHours(l.spec.termYears), a.upfrontMonthly,
                                 "upfront fee of " + std::to_string(int(std::lround(l.rate.upfront))) + " per reservation over "
                                     + std::to_string(int(termHours(l.spec.termYears))) + " hours"});
        } else {
            // A plan's month costs its commitment whatever the payment; the payment says when it is paid.
            const double total = a.amount * termHours(l.spec.termYears);
            if (l.spec.payment == "all-upfront") {
                a.upfrontTotal = total;
                a.upfrontMonthly = lo.committedCost;
                lines.push_back({"commitment: amortised upfront", hours, "hours", a.amount, a.upfrontMonthly,
                                 what + ", paid upfront for the term, at " + e.instanceType + " rate "
                                     + rateText(l.rate.hourly) + "/h"});
            } else {
                upfrontUnknown |= l.spec.payment == "partial-upfront";
                lines.push_back({"commitment: savings plan", hours, "hours", a.amount, lo.committedCost,
                                 what + (l.spec.payment == "partial-upfront" ? " (part of it paid upfront, at the buyer's choice)" : "")
                                     + ", at " + e.instanceType + " rate " + rateText(l.rate.hourly) + "/h"});
            }
        }
        committed += a.monthlyCost;
        used += a.usedMonthly;
        covered += a.coveredUnitHours;
        summary.upfrontMonthly += a.upfrontMonthly;
        summary.upfrontTotal += a.upfrontTotal;
        summary.commitments.push_back(a);
    }
    lines.push_back({"on-demand spill", outcome.spillUnitHours, "instance-hours", e.onDemand, outcome.spillCost,
                     "usage above the commitments, " + e.instanceType + " on demand"});
    summary.effectiveMonthly = outcome.totalCost;
    const double unitHours = usage.unitHours();
    summary.coverage = unitHours > 0 ? covered / unitHours : 0;
    summary.utilisation = committed > 0 ? used / committed : 1;
    summary.unusedMonthly = std::max(0.0, committed - used);

    int termMonths = 0;
    for (const Layer &l : layers)
        termMonths = std::max(termMonths, 12 * l.spec.termYears);
    if (!upfrontUnknown)
        summary.breakEvenMonth = breakEvenMonth(summary.upfrontTotal, summary.upfrontMonthly, summary.effectiveMonthly,
                                                summary.onDemandMonthly, termMonths);

    // The curve of the first layer's level, the others held at theirs.
    {
        const Layer &l = layers.front();
        const double peak = usage.units.empty() ? 0 : *std::max_element(usage.units.begin(), usage.units.end());
        const double top = l.spec.isReservation() ? std::ceil(peak) : peak * l.rate.hourly;
        summary.curveUnit = l.spec.isReservation() ? "reservations" : "USD/hour";
        summary.curveCurrent = amounts.front();
        summary.curveOptimal = optimum(usage, layers, amounts, 0);
        const int steps = l.spec.isReservation() ? int(std::min(top, 60.0)) : 60;
        const std::vector<double> levels
            = curveLevels(top, steps, l.spec.isReservation(), summary.curveCurrent, summary.curveOptimal);
        std::vector<double> held = amounts;
        for (double level : levels) {
            held.front() = level;
            summary.curve.push_back({level, applyLayers(usage, layers, held).totalCost});
        }
    }

    // The bill: the on-demand hours' line gives way to the commitments' and the spill.
    const auto it = std::find_if(result.lineItems.begin(), result.lineItems.end(),
                                 [&e](const LineItem &li) { return li.name == e.lineName; });
    const std::ptrdiff_t at = it - result.lineItems.begin();
    result.lineItems.erase(it);
    result.lineItems.insert(result.lineItems.begin() + at, lines.begin(), lines.end());
    result.monthlyCost = 0;
    for (const LineItem &li : result.lineItems)
        result.monthlyCost += li.cost;
    for (std::size_t h = 0; h < result.hourlyCost.size() && h < outcome.slotCost.size(); ++h)
        result.hourlyCost[h] = std::max(0.0, result.hourlyCost[h] + outcome.slotCost[h] - usage.units[h] * usage.onDemand);
    result.summary += ", with " + std::string(layers.size() > 1 ? "several commitments" : layers.front().spec.title());
    result.commitment = std::move(summary);
    return {};
}

} // namespace Costscape::Models
