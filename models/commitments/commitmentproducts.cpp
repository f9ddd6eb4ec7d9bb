// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/commitments/commitmentproducts.h"

#include "base/textformat.h"
#include "models/commitments/commitmentmath.h"
#include "models/evaluation.h"
#include "models/platforms/eksec2/eksec2spec.h"
#include "models/platforms/eksfargate/eksfargatespec.h"
#include "models/platforms/fargate/fargatespec.h"
#include "models/platforms/lambda/lambdaspec.h"
#include "models/platforms/platformmodel.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace Costscape::Models {

namespace {

using namespace Commitments;

/** One product a plan covers on this option: one on-demand line of the bill. */
struct Product {
    std::string unit;      ///< "vCPU-hours": the line's unit
    std::string perUnit;   ///< "vCPU-hour": what a rate is per
    std::string lineName;  ///< the on-demand line it replaces ("vCPU")
    std::string spillName; ///< the line of what the plans leave ("on-demand spill vCPU")
    double onDemand = 0;   ///< per unit
    std::vector<double> bySlot; ///< units per hour of each slot
    std::string lineUnit;  ///< the spill line's unit when not `unit` ("instance-hours" for a type of a mixed fleet)
};

/** What Compute Savings Plans cover on an option, and where their rates are in the sheet. */
struct Eligible {
    std::string label;   ///< "Fargate linux/x86_64": the usage, in the bill's texts
    std::vector<Product> products;
    /** The plan rates per product by commitmentRateKey(); a key that is absent has no rates. */
    std::map<std::string, std::vector<double>> rates;
    std::string sheetKey;     ///< "fargate/linux/x86_64/commitments": where they are read
    std::string companion;    ///< "AmazonECS": the offer file whose on-demand prices go with them; empty for a mixed fleet
};

Result<Eligible> fargateUsage(const OptionContext &ctx, const OptionResult &result)
{
    auto refuse = [&ctx](const std::string &message) {
        return Result<Eligible>(ctx.error("commitment", ErrorCode::UnknownValue, message));
    };
    std::string platform; // "linux/x86_64"
    std::vector<double> vcpu, gb;
    if (const auto *spec = ctx.option.asIf<FargateSpec>()) {
        if (spec->spot)
            return refuse("a commitment covers on-demand usage, and this option runs on Fargate Spot; set \"spot\" to false");
        if (spec->os != "linux")
            return refuse("the sheet's Fargate Compute Savings Plans rates are for Linux tasks; this option runs " + spec->os);
        platform = "linux/" + spec->architecture;
        for (double tasks : result.fleet.hourly) {
            vcpu.push_back(tasks * spec->taskVcpu);
            gb.push_back(tasks * spec->taskMemoryGb);
        }
    } else if (const auto *d = result.detailsAs<EksFargateDetails>()) {
        platform = "linux/x86_64"; // the EKS model prices every pod at linux/x86_64
        vcpu = d->vcpuBySlot;
        gb = d->gbBySlot;
    } else {
        return refuse("found no Fargate usage to apply it to");
    }
    const auto slash = platform.find('/');
    const Pricing::FargateRates *rates = ctx.sheet.fargate(ctx.region(), platform.substr(0, slash), platform.substr(slash + 1));
    if (!rates)
        return refuse("found no Fargate " + platform + " on-demand rates to weigh it against");
    Eligible e;
    e.label = "Fargate " + platform;
    e.products = {{"vCPU-hours", "vCPU-hour", "vCPU", "on-demand spill vCPU", rates->vcpuHour, std::move(vcpu), {}},
                  {"GB-hours", "GB-hour", "memory", "on-demand spill memory", rates->gbHour, std::move(gb), {}}};
    for (const auto &[key, r] : rates->commitments)
        e.rates[key] = {r.vcpuHour, r.gbHour};
    e.sheetKey = "fargate/" + platform + "/commitments";
    e.companion = "AmazonECS";
    return e;
}

Result<Eligible> lambdaUsage(const OptionContext &ctx, const OptionResult &result)
{
    auto refuse = [&ctx](const std::string &message) {
        return Result<Eligible>(ctx.error("commitment", ErrorCode::UnknownValue, message));
    };
    const LambdaSpec &spec = ctx.option.as<LambdaSpec>();
    if (spec.provisionedConcurrency && spec.provisionedConcurrency->count > 0)
        return refuse("a Compute Savings Plan on a Lambda option with provisioned concurrency is not priced yet (only the on-demand "
                      "duration is); remove \"provisionedConcurrency\" or the commitment");
    const Pricing::LambdaPrices *region = ctx.sheet.lambda(ctx.region());
    const Pricing::LambdaArchitecturePrices *prices = ctx.sheet.lambda(ctx.region(), spec.architecture);
    if (!region || !prices || prices->gbSecond.empty())
        return refuse("found no Lambda " + spec.architecture + " duration prices to weigh it against");
    // Which of the free tier and a plan covers the duration first is not stated in what we read.
    if (spec.freeTier && region->freeTier)
        return refuse("the free tier and a Compute Savings Plan on one Lambda option are not priced together (which of them "
                      "covers the duration first is not stated); set \"freeTier\" to false");
    // The duration tiers count the month's on-demand GB-seconds. Within the first tier every
    // GB-second the plan leaves is billed at its price, whatever the commitment; past it, at which
    // tier the spill is billed is not stated, so that is refused rather than guessed.
    const std::string lineName = prices->gbSecond.size() == 1 ? "duration" : "duration tier 1";
    double gbSeconds = 0;
    for (const LineItem &li : result.lineItems) {
        if (li.name == lineName)
            gbSeconds = li.quantity;
        else if (li.name.rfind("duration tier ", 0) == 0 && li.quantity > 0)
            return refuse("the month's on-demand duration passes the first price tier (" + Text::grouped(prices->gbSecond.front().upTo, 0)
                          + " GB-seconds), and at which tier the usage above a Savings Plan is billed is not stated; not priced");
    }
    // The duration is spread over the hours by traffic, as the option's hourly cost is.
    const HourlyPlan &plan = ctx.plan;
    const double requests = plan.requestsPerMonth();
    std::vector<double> bySlot(plan.size(), 0.0);
    for (std::size_t i = 0; i < plan.size(); ++i)
        bySlot[i] = requests > 0 ? gbSeconds * plan.ratePerSecond[i] * 3600.0 / requests : 0;
    Eligible e;
    e.label = "Lambda " + spec.architecture;
    e.products = {{"GB-seconds", "GB-second", lineName, "on-demand spill duration", prices->gbSecond.front().price, std::move(bySlot), {}}};
    for (const auto &[key, r] : prices->commitments)
        e.rates[key] = {r.gbSecond};
    e.sheetKey = "lambda/" + spec.architecture + "/commitments";
    e.companion = "AWSLambda";
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
    auto refuse = [&ctx](const std::string &message) {
        return Result<Eligible>(ctx.error("commitment", ErrorCode::UnknownValue, message));
    };
    std::size_t typesUsed = 0;
    const std::vector<TypeFleet> &fleet = *mixedFleet(result, &typesUsed);
    const bool ecs = result.detailsAs<EcsEc2Details>() != nullptr;
    for (const LineItem &li : result.lineItems)
        if (li.name.rfind("spot", 0) == 0)
            return refuse("a commitment covers on-demand instance hours, and this option buys spot; set \"purchase\" to \"on-demand\"");
    for (const CommitmentSpec &s : ctx.option.commitments)
        if (s.kind != "compute-savings-plan")
            // A reservation and an EC2 Instance Savings Plan are bought for one type (family):
            // which of the mix to buy is the user's call, not a guess made here.
            return refuse(s.kind + " is bought for one instance type, and this option's " + (ecs ? "cluster uses " : "nodes use ")
                          + std::to_string(typesUsed) + " (give \"" + (ecs ? "instanceTypes" : "nodeTypes")
                          + "\" a single type, or use a compute-savings-plan, which covers every type)");
    if (fleet.size() != typesUsed)
        return refuse("found no on-demand instance hours to apply it to");
    Eligible e;
    std::map<std::string, std::size_t> typesWithRate; // key -> how many types have it
    for (const TypeFleet &t : fleet) {
        e.label += (e.label.empty() ? "" : " + ") + t.type;
        e.products.push_back({t.type + " instance-hours", t.type + " instance-hour", t.lineName, "on-demand spill " + t.type,
                              t.hourlyPrice, t.bySlot, "instance-hours"});
        if (const Pricing::Ec2InstanceType *type = ctx.sheet.ec2(ctx.region(), t.type))
            for (const auto &[key, rate] : type->commitments)
                ++typesWithRate[key];
    }
    // A plan is priced only where every type of the mix has its rate.
    for (const auto &[key, count] : typesWithRate) {
        if (count != fleet.size())
            continue;
        std::vector<double> &rates = e.rates[key];
        for (const TypeFleet &t : fleet)
            rates.push_back(ctx.sheet.ec2(ctx.region(), t.type)->commitments.at(key).hourly);
    }
    return e;
}

/** The located error for a plan whose rates the sheet lacks: names the offer file, or the type of a mix without it. */
Error missingRates(const OptionContext &ctx, const Eligible &e, const CommitmentSpec &s, const std::string &key, const std::string &field)
{
    if (e.companion.empty()) {
        std::string type;
        for (const Product &p : e.products) {
            type = p.unit.substr(0, p.unit.find(' '));
            const Pricing::Ec2InstanceType *t = ctx.sheet.ec2(ctx.region(), type);
            if (!t || !t->commitments.count(key))
                break;
        }
        return ctx.error(field, ErrorCode::MissingPrice,
                         ctx.sheetName() + " has no " + s.title() + " rate for " + type + " in " + ctx.region() + " (key \"" + key
                             + "\"); import a price sheet that has it and point \"prices\" at it");
    }
    return ctx.error(field, ErrorCode::MissingPrice,
                     ctx.sheetName() + " has no " + s.title() + " rates for " + e.label + " in " + ctx.region() + " (key \"" + key
                         + "\" of " + e.sheetKey + "); import AWS's AWSComputeSavingsPlan offer file for the region with its "
                         + e.companion + " offer file (costscape-cli import-aws) and point \"prices\" at the sheet it writes");
}

Result<Eligible> eligibleUsage(const OptionContext &ctx, const OptionResult &result)
{
    if (mixedFleet(result))
        return mixedFleetUsage(ctx, result);
    for (const CommitmentSpec &s : ctx.option.commitments)
        if (s.kind != "compute-savings-plan")
            return ctx.error("commitment", ErrorCode::UnknownValue,
                             s.kind + " covers EC2 instances only, and this option runs on " + platformName(ctx.option.platform())
                                 + " (a Compute Savings Plan covers it)");
    if (result.detailsAs<LambdaDetails>())
        return lambdaUsage(ctx, result);
    return fargateUsage(ctx, result);
}

struct Layer {
    CommitmentSpec spec;
    std::vector<double> rates; ///< per product, in the products' order
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
    return result.detailsAs<FargateDetails>() || result.detailsAs<EksFargateDetails>() || result.detailsAs<LambdaDetails>()
        || mixedFleet(result);
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
    const std::size_t products = e.products.size();
    std::vector<double> onDemand;
    ProductUsage usage;
    usage.weight = ctx.plan.weight;
    std::vector<double> monthUnits; // per product, over the month
    for (const Product &p : e.products) {
        if (p.bySlot.size() != usage.weight.size())
            return ctx.error("commitment", ErrorCode::UnknownValue, "the option's hourly fleet does not follow its hourly plan; not priced");
        onDemand.push_back(p.onDemand);
        usage.units.push_back(p.bySlot);
        double sum = 0;
        for (std::size_t h = 0; h < p.bySlot.size(); ++h)
            sum += p.bySlot[h] * usage.weight[h];
        monthUnits.push_back(sum);
    }
    usage.onDemand = onDemand;

    std::vector<Layer> layers;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const CommitmentSpec &s = specs[i];
        const std::string key = Pricing::commitmentRateKey(s.kind, s.offering, s.termYears, s.payment);
        const auto it = e.rates.find(key);
        if (it == e.rates.end()) {
            return missingRates(ctx, e, s, key, specs.size() > 1 ? "commitment/" + std::to_string(i) : "commitment");
        }
        Layer l{s, it->second, 0};
        double atOnDemand = 0, atPlan = 0;
        for (std::size_t j = 0; j < products; ++j) {
            atOnDemand += monthUnits[j] * onDemand[j];
            atPlan += monthUnits[j] * l.rates[j];
        }
        l.discount = atOnDemand > 0 ? 1 - atPlan / atOnDemand : 0;
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
    for (const double spill : outcome.spillCost)
        summary.spillMonthly += spill;
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
        std::string at = ", at " + e.label + " rate" + (products > 1 ? "s " : " ");
        for (std::size_t j = 0; j < products; ++j)
            at += (j == 0 ? "" : j + 1 < products ? ", " : " and ") + rateText(l.rates[j]) + "/" + e.products[j].perUnit;
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
    for (std::size_t j = 0; j < products; ++j)
        lines.push_back({e.products[j].spillName, outcome.spillUnitHours[j],
                         e.products[j].lineUnit.empty() ? e.products[j].unit : e.products[j].lineUnit, onDemand[j],
                         outcome.spillCost[j],
                         "usage above the commitments, "
                             + (e.companion.empty() ? e.products[j].unit.substr(0, e.products[j].unit.find(' ')) : e.label)
                             + " on demand"});
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
            for (std::size_t j = 0; j < products; ++j)
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

    // The bill: the products' on-demand lines (Fargate's vCPU and memory, Lambda's duration, a mixed
    // fleet's types) give way to the plans' lines and the spill.
    auto covered = [&e](const LineItem &li) {
        return std::any_of(e.products.begin(), e.products.end(), [&li](const Product &p) { return li.name == p.lineName; });
    };
    const auto first = std::find_if(result.lineItems.begin(), result.lineItems.end(),
                                    [&e](const LineItem &li) { return li.name == e.products.front().lineName; });
    if (first == result.lineItems.end())
        return ctx.error("commitment", ErrorCode::UnknownValue, "found no on-demand " + e.products.front().unit + " to apply it to");
    const std::ptrdiff_t at = first - result.lineItems.begin();
    result.lineItems.erase(std::remove_if(result.lineItems.begin(), result.lineItems.end(), covered), result.lineItems.end());
    result.lineItems.insert(result.lineItems.begin() + std::min<std::ptrdiff_t>(at, std::ptrdiff_t(result.lineItems.size())),
                            lines.begin(), lines.end());
    result.monthlyCost = 0;
    for (const LineItem &li : result.lineItems)
        result.monthlyCost += li.cost;
    for (std::size_t h = 0; h < result.hourlyCost.size() && h < outcome.slotCost.size(); ++h) {
        double cost = result.hourlyCost[h] + outcome.slotCost[h];
        for (std::size_t j = 0; j < products; ++j)
            cost -= usage.units[j][h] * onDemand[j];
        result.hourlyCost[h] = std::max(0.0, cost);
    }
    result.summary += ", with " + std::string(layers.size() > 1 ? "several commitments" : layers.front().spec.title());
    result.commitment = std::move(summary);
    return {};
}

} // namespace Costscape::Models
