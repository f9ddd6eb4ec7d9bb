// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/commitments/commitmentproducts.h"

#include "models/commitments/commitmentmath.h"
#include "models/evaluation.h"
#include "models/platforms/eksfargate/eksfargatespec.h"
#include "models/platforms/fargate/fargatespec.h"
#include "models/platforms/platformmodel.h"

#include <algorithm>
#include <cmath>

namespace Costscape::Models {

namespace {

using namespace Commitments;

/** Fargate usage a Compute Savings Plan covers: vCPU-hours and GB-hours of one Linux platform. */
struct Eligible {
    std::string platform;        ///< "linux/x86_64"
    const Pricing::FargateRates *rates = nullptr;
    std::vector<double> vcpu;    ///< vCPU running, slot by slot
    std::vector<double> gb;      ///< GB provisioned, slot by slot
};

const std::vector<std::string> Units = {"vCPU-hours", "GB-hours"};
const std::vector<std::string> LineNames = {"vCPU", "memory"};

Result<Eligible> eligibleUsage(const OptionContext &ctx, const OptionResult &result)
{
    auto refuse = [&ctx](const std::string &message) {
        return Result<Eligible>(ctx.error("commitment", ErrorCode::UnknownValue, message));
    };
    for (const CommitmentSpec &s : ctx.option.commitments)
        if (s.kind != "compute-savings-plan")
            return refuse(s.kind + " covers EC2 instances only, and this option runs on " + platformName(ctx.option.platform())
                          + " (a Compute Savings Plan covers it)");
    Eligible e;
    if (const auto *spec = ctx.option.asIf<FargateSpec>()) {
        if (spec->spot)
            return refuse("a commitment covers on-demand usage, and this option runs on Fargate Spot; set \"spot\" to false");
        if (spec->os != "linux")
            return refuse("the sheet's Fargate Compute Savings Plans rates are for Linux tasks; this option runs " + spec->os);
        e.platform = "linux/" + spec->architecture;
        for (double tasks : result.fleet.hourly) {
            e.vcpu.push_back(tasks * spec->taskVcpu);
            e.gb.push_back(tasks * spec->taskMemoryGb);
        }
    } else if (const auto *d = result.detailsAs<EksFargateDetails>()) {
        e.platform = "linux/x86_64"; // the EKS model prices every pod at linux/x86_64
        e.vcpu = d->vcpuBySlot;
        e.gb = d->gbBySlot;
    } else {
        return refuse("found no Fargate usage to apply it to");
    }
    const auto slash = e.platform.find('/');
    e.rates = ctx.sheet.fargate(ctx.region(), e.platform.substr(0, slash), e.platform.substr(slash + 1));
    if (!e.rates)
        return refuse("found no Fargate " + e.platform + " on-demand rates to weigh it against");
    return e;
}

struct Layer {
    CommitmentSpec spec;
    Pricing::FargateCommitmentRate rate;
    std::vector<double> rates; ///< per product, in Units' order
    double discount = 0;       ///< 1 - the plan's cost / on-demand at the option's own mix: the order of several plans
};

ProductOutcome applyLayers(const ProductUsage &usage, const std::vector<Layer> &layers, const std::vector<double> &amounts)
{
    std::vector<ProductPlanLayer> plans;
    for (std::size_t i = 0; i < layers.size(); ++i)
        plans.push_back({amounts[i], layers[i].rates});
    return applyPlans(usage, plans);
}

/** The optimum of layer i with the layers before it applied and the ones after it left out. */
double optimum(const ProductUsage &usage, const std::vector<Layer> &layers, const std::vector<double> &amounts, std::size_t i)
{
    ProductUsage left = usage;
    if (i > 0) {
        const std::vector<Layer> before(layers.begin(), layers.begin() + std::ptrdiff_t(i));
        const std::vector<double> beforeAmounts(amounts.begin(), amounts.begin() + std::ptrdiff_t(i));
        left.units = applyLayers(usage, before, beforeAmounts).leftUnits;
    }
    return optimalPlanHourly(left, layers[i].rates);
}

} // namespace

bool coversSeveralProducts(const OptionResult &result)
{
    return result.detailsAs<FargateDetails>() || result.detailsAs<EksFargateDetails>();
}

Result<void> applyProductCommitments(const OptionContext &ctx, OptionResult &result)
{
    const std::vector<CommitmentSpec> &specs = ctx.option.commitments;
    if (specs.empty() || !result.feasible || !result.priced)
        return {};
    auto eligible = eligibleUsage(ctx, result);
    if (!eligible)
        return eligible.error();
    const Eligible &e = eligible.value();
    const std::vector<double> onDemand = {e.rates->vcpuHour, e.rates->gbHour};

    ProductUsage usage;
    usage.units = {e.vcpu, e.gb};
    usage.weight = ctx.plan.weight;
    usage.onDemand = onDemand;
    if (e.vcpu.size() != usage.weight.size() || e.gb.size() != usage.weight.size())
        return ctx.error("commitment", ErrorCode::UnknownValue, "the option's hourly fleet does not follow its hourly plan; not priced");
    auto unitHours = [&usage](const std::vector<double> &u) {
        double sum = 0;
        for (std::size_t h = 0; h < u.size(); ++h)
            sum += u[h] * usage.weight[h];
        return sum;
    };
    const double vcpuHours = unitHours(e.vcpu), gbHours = unitHours(e.gb);

    std::vector<Layer> layers;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const CommitmentSpec &s = specs[i];
        const std::string key = Pricing::commitmentRateKey(s.kind, s.offering, s.termYears, s.payment);
        const auto it = e.rates->commitments.find(key);
        if (it == e.rates->commitments.end()) {
            const std::string field = specs.size() > 1 ? "commitment/" + std::to_string(i) : "commitment";
            return ctx.error(field, ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no " + s.title() + " rates for Fargate " + e.platform + " in " + ctx.region()
                                 + " (key \"" + key + "\" of fargate/" + e.platform
                                 + "/commitments); import AWS's AWSComputeSavingsPlan offer file for the region with its AmazonECS "
                                   "offer file (costscape-cli import-aws) and point \"prices\" at the sheet it writes");
        }
        Layer l{s, it->second, {it->second.vcpuHour, it->second.gbHour}, 0};
        const double atOnDemand = vcpuHours * onDemand[0] + gbHours * onDemand[1];
        l.discount = atOnDemand > 0 ? 1 - (vcpuHours * l.rates[0] + gbHours * l.rates[1]) / atOnDemand : 0;
        layers.push_back(l);
    }
    // Several Compute Savings Plans: AWS applies them together; here the one with the highest
    // saving on this option's own mix of vCPU and memory goes first.
    std::stable_sort(layers.begin(), layers.end(), [](const Layer &a, const Layer &b) { return a.discount > b.discount; });

    // A commitment is billed every hour of the month, also those the option does not run.
    if (const double idle = ctx.scenario.hoursPerMonth - usage.hours(); idle > 1e-9) {
        for (std::vector<double> &u : usage.units)
            u.push_back(0);
        usage.weight.push_back(idle);
    }

    std::vector<double> amounts(layers.size(), 0.0);
    for (std::size_t i = 0; i < layers.size(); ++i)
        amounts[i] = layers[i].spec.amount ? *layers[i].spec.amount : optimum(usage, layers, amounts, i);
    const ProductOutcome outcome = applyLayers(usage, layers, amounts);
    const double hours = usage.hours();

    CommitmentSummary summary;
    summary.instanceType = "Fargate " + e.platform;
    summary.onDemandMonthly = outcome.onDemandCost;
    summary.spillMonthly = outcome.spillCost[0] + outcome.spillCost[1];
    std::vector<LineItem> lines;
    double committed = 0, used = 0;
    bool upfrontUnknown = false;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const Layer &l = layers[i];
        const LayerOutcome &lo = outcome.layers[i];
        AppliedCommitment a;
        a.spec = l.spec;
        a.optimal = !l.spec.amount;
        a.amount = amounts[i];
        a.monthlyCost = lo.committedCost;
        a.usedMonthly = lo.usedCost;
        for (const std::size_t j : coverageOrder(onDemand, l.rates))
            a.products.push_back({Units[j], l.rates[j], onDemand[j], outcome.coveredUnitHours[i][j]});
        const std::string what = l.spec.title() + (a.optimal ? " (optimal)" : "");
        const std::string at = ", at Fargate " + e.platform + " rates " + rateText(l.rates[0]) + "/vCPU-hour and "
            + rateText(l.rates[1]) + "/GB-hour";
        // A plan's month costs its commitment whatever the payment; the payment says when it is paid.
        if (l.spec.payment == "all-upfront") {
            a.upfrontTotal = a.amount * termHours(l.spec.termYears);
            a.upfrontMonthly = lo.committedCost;
            lines.push_back({"commitment: amortised upfront", hours, "hours", a.amount, a.upfrontMonthly,
                             what + ", paid upfront for the term" + at});
        } else {
            upfrontUnknown |= l.spec.payment == "partial-upfront";
            lines.push_back({"commitment: savings plan", hours, "hours", a.amount, lo.committedCost,
                             what + (l.spec.payment == "partial-upfront" ? " (part of it paid upfront, at the buyer's choice)" : "")
                                 + at});
        }
        committed += a.monthlyCost;
        used += a.usedMonthly;
        summary.upfrontMonthly += a.upfrontMonthly;
        summary.upfrontTotal += a.upfrontTotal;
        summary.commitments.push_back(a);
    }
    for (std::size_t j = 0; j < 2; ++j)
        lines.push_back({"on-demand spill " + LineNames[j], outcome.spillUnitHours[j], Units[j], onDemand[j], outcome.spillCost[j],
                         "usage above the commitments, Fargate " + e.platform + " on demand"});
    summary.effectiveMonthly = outcome.totalCost;
    // Coverage as AWS reports it for a plan: the share of the on-demand-equivalent spend covered
    // (for one product, the share of its unit-hours).
    summary.coverage = outcome.onDemandCost > 0 ? outcome.coveredOnDemandCost / outcome.onDemandCost : 0;
    summary.utilisation = committed > 0 ? used / committed : 1;
    summary.unusedMonthly = std::max(0.0, committed - used);

    int termMonths = 0;
    for (const Layer &l : layers)
        termMonths = std::max(termMonths, 12 * l.spec.termYears);
    if (!upfrontUnknown)
        summary.breakEvenMonth = breakEvenMonth(summary.upfrontTotal, summary.upfrontMonthly, summary.effectiveMonthly,
                                                summary.onDemandMonthly, termMonths);

    // The curve of the first plan's commitment, the others held: up to the peak hour's spend at its rates.
    {
        const Layer &l = layers.front();
        double top = 0;
        for (std::size_t h = 0; h < usage.weight.size(); ++h)
            top = std::max(top, usage.units[0][h] * l.rates[0] + usage.units[1][h] * l.rates[1]);
        summary.curveUnit = "USD/hour";
        summary.curveCurrent = amounts.front();
        summary.curveOptimal = optimum(usage, layers, amounts, 0);
        const std::vector<double> levels = curveLevels(top, 60, false, summary.curveCurrent, summary.curveOptimal);
        std::vector<double> held = amounts;
        for (double level : levels) {
            held.front() = level;
            summary.curve.push_back({level, applyLayers(usage, layers, held).totalCost});
        }
    }

    // The bill: the on-demand vCPU and memory lines give way to the plans' lines and the spill.
    const auto first = std::find_if(result.lineItems.begin(), result.lineItems.end(),
                                    [](const LineItem &li) { return li.name == LineNames[0]; });
    if (first == result.lineItems.end())
        return ctx.error("commitment", ErrorCode::UnknownValue, "found no on-demand vCPU-hours to apply it to");
    const std::ptrdiff_t at = first - result.lineItems.begin();
    result.lineItems.erase(std::remove_if(result.lineItems.begin(), result.lineItems.end(),
                                          [](const LineItem &li) { return li.name == LineNames[0] || li.name == LineNames[1]; }),
                           result.lineItems.end());
    result.lineItems.insert(result.lineItems.begin() + std::min<std::ptrdiff_t>(at, std::ptrdiff_t(result.lineItems.size())),
                            lines.begin(), lines.end());
    result.monthlyCost = 0;
    for (const LineItem &li : result.lineItems)
        result.monthlyCost += li.cost;
    for (std::size_t h = 0; h < result.hourlyCost.size() && h < outcome.slotCost.size(); ++h)
        result.hourlyCost[h] = std::max(0.0, result.hourlyCost[h] + outcome.slotCost[h] - usage.units[0][h] * onDemand[0]
                                                 - usage.units[1][h] * onDemand[1]);
    result.summary += ", with " + std::string(layers.size() > 1 ? "several commitments" : layers.front().spec.title());
    result.commitment = std::move(summary);
    return {};
}

} // namespace Costscape::Models
