// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/commitments/commitmentproducts.h"

#include "models/commitments/commitmentmath.h"
#include "models/evaluation.h"
#include "models/platforms/eksec2/eksec2spec.h"
#include "models/platforms/eksfargate/eksfargatespec.h"
#include "models/platforms/fargate/fargatespec.h"
#include "models/platforms/platformmodel.h"

#include <algorithm>
#include <cmath>

namespace Costscape::Models {

namespace {

using namespace Commitments;

/** One product a plan covers: Fargate's vCPU-hours or GB-hours, or one instance type of a mixed fleet. */
struct Product {
    std::string unit;          ///< "vCPU-hours", "m7g.large instance-hours"
    std::string lineName;      ///< the option's on-demand line of it, replaced by the plan's lines
    std::string spillName;     ///< the line of what the plans leave to on-demand
    std::string spillText;
    double onDemand = 0;
    std::vector<double> bySlot; ///< units running in each slot
    const Pricing::Ec2InstanceType *type = nullptr; ///< a mixed fleet's type (its rates), else null
};

/** The usage a Compute Savings Plan covers in one option, product by product. */
struct Eligible {
    std::string label;                           ///< "Fargate linux/x86_64", "m7g.large + c7g.large"
    std::string platform;                        ///< Fargate's "linux/x86_64"; empty for a mixed fleet
    const Pricing::FargateRates *rates = nullptr; ///< Fargate's rates
    std::vector<Product> products;
};

Result<Eligible> fargateUsage(const OptionContext &ctx, const OptionResult &result)
{
    auto refuse = [&ctx](const std::string &message) {
        return Result<Eligible>(ctx.error("commitment", ErrorCode::UnknownValue, message));
    };
    for (const CommitmentSpec &s : ctx.option.commitments)
        if (s.kind != "compute-savings-plan")
            return refuse(s.kind + " covers EC2 instances only, and this option runs on " + platformName(ctx.option.platform())
                          + " (a Compute Savings Plan covers it)");
    Eligible e;
    std::vector<double> vcpu, gb;
    if (const auto *spec = ctx.option.asIf<FargateSpec>()) {
        if (spec->spot)
            return refuse("a commitment covers on-demand usage, and this option runs on Fargate Spot; set \"spot\" to false");
        if (spec->os != "linux")
            return refuse("the sheet's Fargate Compute Savings Plans rates are for Linux tasks; this option runs " + spec->os);
        e.platform = "linux/" + spec->architecture;
        for (double tasks : result.fleet.hourly) {
            vcpu.push_back(tasks * spec->taskVcpu);
            gb.push_back(tasks * spec->taskMemoryGb);
        }
    } else if (const auto *d = result.detailsAs<EksFargateDetails>()) {
        e.platform = "linux/x86_64"; // the EKS model prices every pod at linux/x86_64
        vcpu = d->vcpuBySlot;
        gb = d->gbBySlot;
    } else {
        return refuse("found no Fargate usage to apply it to");
    }
    const auto slash = e.platform.find('/');
    e.rates = ctx.sheet.fargate(ctx.region(), e.platform.substr(0, slash), e.platform.substr(slash + 1));
    if (!e.rates)
        return refuse("found no Fargate " + e.platform + " on-demand rates to weigh it against");
    e.label = "Fargate " + e.platform;
    const std::string spillText = "usage above the commitments, " + e.label + " on demand";
    e.products.push_back({"vCPU-hours", "vCPU", "on-demand spill vCPU", spillText, e.rates->vcpuHour, std::move(vcpu), nullptr});
    e.products.push_back({"GB-hours", "memory", "on-demand spill memory", spillText, e.rates->gbHour, std::move(gb), nullptr});
    return e;
}

/** The instance types of an ECS or EKS fleet that mixes several, each a product of a Compute Savings Plan. */
const std::vector<TypeFleet> *mixedFleet(const OptionResult &result, std::size_t *typesUsed = nullptr)
{
    const std::vector<TypeFleet> *fleet = nullptr;
    std::size_t used = 0;
    if (const auto *d = result.detailsAs<EcsEc2Details>()) {
        fleet = &d->fleetByType;
        used = d->typesUsed;
    } else if (const auto *d = result.detailsAs<EksEc2Details>()) {
        fleet = &d->fleetByType;
        used = d->typesUsed;
    }
    if (typesUsed)
        *typesUsed = used;
    return used > 1 ? fleet : nullptr;
}

Result<Eligible> mixedFleetUsage(const OptionContext &ctx, const OptionResult &result)
{
    std::size_t typesUsed = 0;
    const std::vector<TypeFleet> &fleet = *mixedFleet(result, &typesUsed);
    const bool ecs = result.detailsAs<EcsEc2Details>() != nullptr;
    for (const LineItem &li : result.lineItems)
        if (li.name.rfind("spot", 0) == 0)
            return Result<Eligible>(ctx.error("commitment", ErrorCode::UnknownValue,
                                              "a commitment covers on-demand instance hours, and this option buys spot; set \"purchase\" to \"on-demand\""));
    for (const CommitmentSpec &s : ctx.option.commitments)
        if (s.kind != "compute-savings-plan")
            // A reservation and an EC2 Instance Savings Plan are bought for one type (family):
            // which of the mix to buy is the user's call, not a guess made here.
            return Result<Eligible>(ctx.error(
                "commitment", ErrorCode::UnknownValue,
                s.kind + " is bought for one instance type, and this option's " + (ecs ? "cluster uses " : "nodes use ")
                    + std::to_string(typesUsed) + " (give \"" + (ecs ? "instanceTypes" : "nodeTypes")
                    + "\" a single type, or use a compute-savings-plan, which covers every type)"));
    if (fleet.size() != typesUsed)
        return Result<Eligible>(ctx.error("commitment", ErrorCode::UnknownValue, "found no on-demand instance hours to apply it to"));
    Eligible e;
    for (const TypeFleet &t : fleet) {
        const Pricing::Ec2InstanceType *type = ctx.sheet.ec2(ctx.region(), t.type);
        e.label += (e.label.empty() ? "" : " + ") + t.type;
        e.products.push_back({t.type + " instance-hours", t.lineName, "on-demand spill " + t.type,
                              "usage above the commitments, " + t.type + " on demand", t.hourlyPrice, t.bySlot, type});
    }
    return e;
}

/** The plan's rate for each product, or a located error naming the rate the sheet lacks. */
Result<std::vector<double>> planRates(const OptionContext &ctx, const Eligible &e, const CommitmentSpec &s, std::size_t index)
{
    const std::string key = Pricing::commitmentRateKey(s.kind, s.offering, s.termYears, s.payment);
    const std::string field = ctx.option.commitments.size() > 1 ? "commitment/" + std::to_string(index) : "commitment";
    if (e.rates) {
        const auto it = e.rates->commitments.find(key);
        if (it == e.rates->commitments.end())
            return ctx.error(field, ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no " + s.title() + " rates for Fargate " + e.platform + " in " + ctx.region()
                                 + " (key \"" + key + "\" of fargate/" + e.platform
                                 + "/commitments); import AWS's AWSComputeSavingsPlan offer file for the region with its AmazonECS "
                                   "offer file (costscape-cli import-aws) and point \"prices\" at the sheet it writes");
        return std::vector<double>{it->second.vcpuHour, it->second.gbHour};
    }
    std::vector<double> rates;
    for (const Product &p : e.products) {
        const auto it = p.type ? p.type->commitments.find(key) : decltype(p.type->commitments.end()){};
        if (!p.type || it == p.type->commitments.end()) {
            const std::string type = p.unit.substr(0, p.unit.find(' '));
            return ctx.error(field, ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no " + s.title() + " rate for " + type + " in " + ctx.region() + " (key \""
                                 + key + "\"); import a price sheet that has it and point \"prices\" at it");
        }
        rates.push_back(it->second.hourly);
    }
    return rates;
}

struct Layer {
    CommitmentSpec spec;
    std::vector<double> rates; ///< per product, in Eligible::products' order
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
    return result.detailsAs<FargateDetails>() || result.detailsAs<EksFargateDetails>() || mixedFleet(result);
}

Result<void> applyProductCommitments(const OptionContext &ctx, OptionResult &result)
{
    const std::vector<CommitmentSpec> &specs = ctx.option.commitments;
    if (specs.empty() || !result.feasible || !result.priced)
        return {};
    auto eligible = mixedFleet(result) ? mixedFleetUsage(ctx, result) : fargateUsage(ctx, result);
    if (!eligible)
        return eligible.error();
    const Eligible &e = eligible.value();
    const std::size_t n = e.products.size();
    std::vector<double> onDemand;
    ProductUsage usage;
    usage.weight = ctx.plan.weight;
    for (const Product &p : e.products) {
        if (p.bySlot.size() != usage.weight.size())
            return ctx.error("commitment", ErrorCode::UnknownValue, "the option's hourly fleet does not follow its hourly plan; not priced");
        onDemand.push_back(p.onDemand);
        usage.units.push_back(p.bySlot);
    }
    usage.onDemand = onDemand;
    std::vector<double> productHours(n, 0.0);
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t h = 0; h < usage.weight.size(); ++h)
            productHours[j] += usage.units[j][h] * usage.weight[h];

    std::vector<Layer> layers;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        auto rates = planRates(ctx, e, specs[i], i);
        if (!rates)
            return rates.error();
        Layer l{specs[i], std::move(rates.value()), 0};
        double atOnDemand = 0, atRates = 0;
        for (std::size_t j = 0; j < n; ++j) {
            atOnDemand += productHours[j] * onDemand[j];
            atRates += productHours[j] * l.rates[j];
        }
        l.discount = atOnDemand > 0 ? 1 - atRates / atOnDemand : 0;
        layers.push_back(l);
    }
    // Several Compute Savings Plans: AWS applies them together; here the one with the highest
    // saving on this option's own mix of products goes first.
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
    summary.instanceType = e.label;
    summary.onDemandMonthly = outcome.onDemandCost;
    for (std::size_t j = 0; j < n; ++j)
        summary.spillMonthly += outcome.spillCost[j];
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
            a.products.push_back({e.products[j].unit, l.rates[j], onDemand[j], outcome.coveredUnitHours[i][j]});
        const std::string what = l.spec.title() + (a.optimal ? " (optimal)" : "");
        std::string at;
        if (e.rates) {
            at = ", at Fargate " + e.platform + " rates " + rateText(l.rates[0]) + "/vCPU-hour and " + rateText(l.rates[1]) + "/GB-hour";
        } else {
            for (std::size_t j = 0; j < n; ++j)
                at += (j ? ", " : ", at rates ") + e.products[j].unit.substr(0, e.products[j].unit.find(' ')) + " "
                    + rateText(l.rates[j]) + "/h";
        }
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
    for (std::size_t j = 0; j < n; ++j)
        lines.push_back({e.products[j].spillName, outcome.spillUnitHours[j], e.rates ? e.products[j].unit : "instance-hours",
                         onDemand[j], outcome.spillCost[j], e.products[j].spillText});
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
        for (std::size_t h = 0; h < usage.weight.size(); ++h) {
            double spend = 0;
            for (std::size_t j = 0; j < n; ++j)
                spend += usage.units[j][h] * l.rates[j];
            top = std::max(top, spend);
        }
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

    // The bill: the products' on-demand lines (vCPU and memory, or each type's instances) give
    // way to the plans' lines and the spill.
    auto isProductLine = [&e](const LineItem &li) {
        return std::any_of(e.products.begin(), e.products.end(), [&li](const Product &p) { return li.name == p.lineName; });
    };
    const auto first = std::find_if(result.lineItems.begin(), result.lineItems.end(), isProductLine);
    if (first == result.lineItems.end())
        return ctx.error("commitment", ErrorCode::UnknownValue,
                         "found no on-demand " + e.products.front().unit + " to apply it to");
    const std::ptrdiff_t at = first - result.lineItems.begin();
    result.lineItems.erase(std::remove_if(result.lineItems.begin(), result.lineItems.end(), isProductLine), result.lineItems.end());
    result.lineItems.insert(result.lineItems.begin() + std::min<std::ptrdiff_t>(at, std::ptrdiff_t(result.lineItems.size())),
                            lines.begin(), lines.end());
    result.monthlyCost = 0;
    for (const LineItem &li : result.lineItems)
        result.monthlyCost += li.cost;
    for (std::size_t h = 0; h < result.hourlyCost.size() && h < outcome.slotCost.size(); ++h)
    {
        double v = result.hourlyCost[h] + outcome.slotCost[h];
        for (std::size_t j = 0; j < n; ++j)
            v -= usage.units[j][h] * onDemand[j];
        result.hourlyCost[h] = std::max(0.0, v);
    }
    result.summary += ", with " + std::string(layers.size() > 1 ? "several commitments" : layers.front().spec.title());
    result.commitment = std::move(summary);
    return {};
}

} // namespace Costscape::Models
