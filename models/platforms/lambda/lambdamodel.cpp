// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/platforms/lambda/lambdamodel.h"

#include "base/textformat.h"
#include "models/platforms/fleet.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace Costscape::Models {

namespace {
std::string numberText(double v)
{
    return Text::general(v, 10);
}

/**
 * The slots from the busiest down, equal rates in slot order: what a stable sort on the rate
 * gives, and the only order that is strictly increasing in (rate descending, slot ascending).
 * A sweep point or a Monte Carlo draw scales every rate by one factor, which almost always
 * keeps that order, so the last order is kept per thread and reused once a pass over it shows it
 * is still exactly that one (a NaN rate fails the check and sorts afresh, as before).
 */
const std::vector<std::size_t> &busiestFirst(const std::vector<double> &rates)
{
    thread_local std::vector<std::size_t> order;
    bool sorted = order.size() == rates.size();
    for (std::size_t k = 1; sorted && k < order.size(); ++k) {
        const double before = rates[order[k - 1]];
        const double after = rates[order[k]];
        sorted = before > after || (before == after && order[k - 1] < order[k]);
    }
    if (!sorted) {
        order.resize(rates.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rates[a] > rates[b]; });
    }
    return order;
}
} // namespace

double LambdaModel::environmentsFor(double requestsPerSecond, double durationMs)
{
    return std::max(requestsPerSecond * durationMs / 1000.0, requestsPerSecond / RequestsPerSecondPerEnvironment);
}

double LambdaModel::billedDurationMs(double durationMs, int granularityMs)
{
    const double g = granularityMs > 0 ? granularityMs : 1;
    return ceilTolerant(durationMs / g) * g;
}

std::vector<double> splitAcrossTiers(const std::vector<Pricing::PriceTier> &tiers, double quantity)
{
    std::vector<double> out(tiers.size(), 0.0);
    double start = 0;
    for (std::size_t i = 0; i < tiers.size() && quantity > start; ++i) {
        const double end = tiers[i].upTo;
        out[i] = std::min(quantity, end) - start;
        start = end;
    }
    return out;
}

Result<OptionResult> LambdaModel::evaluate(const OptionContext &ctx) const
{
    const LambdaSpec &spec = ctx.option.as<LambdaSpec>();
    OptionResult r;
    r.id = ctx.option.id;
    r.platform = Platform::Lambda;

    const Pricing::LambdaPrices *regionPrices = ctx.sheet.lambda(ctx.region());
    if (!regionPrices)
        return ctx.error("platform", ErrorCode::MissingPrice,
                         ctx.sheetName() + " has no Lambda prices for region " + ctx.region()
                             + "; import AWS's AWSLambda offer file for it (costscape-cli import-aws)");
    const Pricing::LambdaArchitecturePrices *prices = ctx.sheet.lambda(ctx.region(), spec.architecture);
    if (!prices)
        return ctx.error("architecture", ErrorCode::MissingPrice,
                         ctx.sheetName() + " has no Lambda " + spec.architecture + " prices for region " + ctx.region());

    const double memoryMb = ctx.memoryMb;
    const double gb = memoryMb / 1024.0;
    // A duration distribution is billed request by request: the mean of each request rounded up,
    // which a rounded-up mean would understate (AWS rounds every invocation, not the average).
    const DurationDistribution *distribution = ctx.durationDistribution;
    const double billedMs = distribution ? distribution->billedMeanMs(spec.billingGranularityMs)
                                         : billedDurationMs(ctx.durationMs, spec.billingGranularityMs);
    const double billedS = billedMs / 1000.0;
    const HourlyPlan &plan = ctx.plan;
    const double requests = plan.requestsPerMonth();

    if (ctx.durationMs > MaxDurationMs)
        r.infeasible("a request runs " + numberText(ctx.durationMs / 1000) + " s; Lambda stops a function after 900 s (15 minutes)");
    else if (distribution && distribution->maxMs() > MaxDurationMs)
        r.infeasible("the longest requests run " + numberText(distribution->maxMs() / 1000)
                     + " s; Lambda stops a function after 900 s (15 minutes)");
    if (memoryMb < MinMemoryMb || memoryMb > MaxMemoryMb)
        r.infeasible("Lambda memory must be between 128 and 10240 MB; the function needs " + numberText(memoryMb) + " MB");

    // Free tier: only when asked, as the AWS Pricing Calculator does. It covers on-demand requests
    // and duration, not provisioned concurrency or ephemeral storage.
    double freeRequests = 0;
    double freeGbSeconds = 0;
    if (spec.freeTier) {
        if (regionPrices->freeTier) {
            freeRequests = regionPrices->freeTier->requests;
            freeGbSeconds = regionPrices->freeTier->gbSeconds;
        } else {
            r.warnings.push_back("the free tier was asked for, but " + ctx.sheetName() + " states none; none applied");
        }
    }

    // Provisioned concurrency: environments kept warm, billed per GB-second enabled (time rounded
    // up to 5 minutes), plus the requests they serve at the provisioned duration rate.
    double pcRequests = 0;
    std::vector<double> pcHourly(plan.size(), 0.0);
    double pcCost = 0;
    if (spec.provisionedConcurrency && spec.provisionedConcurrency->count > 0) {
        const ProvisionedConcurrency &pc = *spec.provisionedConcurrency;
        const std::string field = "provisionedConcurrency";
        if (!prices->provisionedGbSecond || !prices->provisionedDurationGbSecond)
            return ctx.error(field, ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no provisioned concurrency prices for Lambda " + spec.architecture
                                 + " in " + ctx.region());
        const double pcHours = std::min(pc.hoursPerMonth.value_or(ctx.hoursPerMonth), ctx.hoursPerMonth);
        const double pcSeconds = ceilTolerant(pcHours * 3600.0 / 300.0) * 300.0;
        const double pcGbSeconds = pc.count * gb * pcSeconds;
        pcCost = pcGbSeconds * *prices->provisionedGbSecond;
        r.addLine({"provisioned concurrency", pcGbSeconds, "GB-seconds", *prices->provisionedGbSecond, pcCost,
                   numberText(pc.count) + " environments x " + numberText(gb) + " GB x " + numberText(pcSeconds) + " s"});

        // Which hours: the busiest, since that is where provisioned concurrency is scheduled.
        const std::vector<std::size_t> &order = busiestFirst(plan.ratePerSecond);
        double hoursLeft = pcHours;
        double served = 0;
        // What pc.count environments serve: count / duration, and at most 10 requests a second each.
        const double maxRate = ctx.durationMs > 0 ? std::min(pc.count / (ctx.durationMs / 1000.0),
                                                             pc.count * RequestsPerSecondPerEnvironment)
                                                  : 0;
        for (std::size_t idx : order) {
            if (hoursLeft <= 0)
                break;
            const double w = std::min(plan.weight[idx], hoursLeft);
            hoursLeft -= w;
            pcHourly[idx] = pc.count * gb * 3600.0 * *prices->provisionedGbSecond;
            served += std::min(plan.ratePerSecond[idx], maxRate) * 3600.0 * w;
        }
        const double share = pc.shareOfRequests.value_or(requests > 0 ? std::min(1.0, served / requests) : 0);
        pcRequests = requests * share;
        const double pcDurationGbS = pcRequests * billedS * gb;
        r.addLine({"provisioned duration", pcDurationGbS, "GB-seconds", *prices->provisionedDurationGbSecond,
                   pcDurationGbS * *prices->provisionedDurationGbSecond,
                   numberText(share * 100) + "% of requests run on provisioned environments"});
    }

    const double billableRequests = std::max(0.0, requests - freeRequests);
    const double requestPrice = prices->requestPerMillion / 1e6;
    r.addLine({"requests", billableRequests, "requests", requestPrice, billableRequests * requestPrice,
               freeRequests > 0 ? "after " + numberText(freeRequests) + " free requests" : ""});

    const double onDemandRequests = requests - pcRequests;
    const double onDemandGbS = std::max(0.0, onDemandRequests * billedS * gb - freeGbSeconds);
    const std::vector<double> perTier = splitAcrossTiers(prices->gbSecond, onDemandGbS);
    for (std::size_t i = 0; i < perTier.size(); ++i) {
        if (perTier[i] <= 0 && i > 0)
            continue; // the first tier is always shown, so a zero duration charge is visible
        std::string note;
        if (distribution) {
            note = numberText(billedMs) + " ms billed per request on average (each of the distribution's requests rounded up to "
                + std::to_string(spec.billingGranularityMs) + " ms; mean " + numberText(ctx.durationMs) + " ms)";
        } else {
            note = numberText(billedMs) + " ms billed per request";
            if (billedMs != ctx.durationMs)
                note += " (" + numberText(ctx.durationMs) + " ms rounded up to " + std::to_string(spec.billingGranularityMs) + " ms)";
        }
        if (i == 0 && freeGbSeconds > 0)
            note += ", after " + numberText(freeGbSeconds) + " free GB-seconds";
        const std::string name = prices->gbSecond.size() == 1 ? "duration" : "duration tier " + std::to_string(i + 1);
        r.addLine({name, perTier[i], "GB-seconds", prices->gbSecond[i].price, perTier[i] * prices->gbSecond[i].price, note});
    }

    const double extraStorageGb = (spec.ephemeralStorageMb - 512.0) / 1024.0;
    if (extraStorageGb > 0) {
        if (!regionPrices->ephemeralGbSecond)
            return ctx.error("ephemeralStorageMb", ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no Lambda ephemeral storage price for " + ctx.region());
        const double gbS = requests * billedS * extraStorageGb;
        r.addLine({"ephemeral storage", gbS, "GB-seconds", *regionPrices->ephemeralGbSecond,
                   gbS * *regionPrices->ephemeralGbSecond, numberText(extraStorageGb) + " GB above the included 512 MB"});
    }

    // Lambda's "fleet": the execution environments in use, by Little's law (rate x duration), and
    // never fewer than rate / 10, since one environment serves at most 10 requests a second.
    std::vector<double> concurrency(plan.size());
    for (std::size_t i = 0; i < plan.size(); ++i)
        concurrency[i] = environmentsFor(plan.ratePerSecond[i], ctx.durationMs);
    r.fleet = summarizeFleet(concurrency, plan, "concurrent executions");
    r.fleet.unitHours = 0; // nothing is billed per environment-hour
    const double peakRate = plan.peakRate();
    const double littles = peakRate * ctx.durationMs / 1000.0;
    const auto limit = ctx.option.scalingOverrides.find("accountConcurrency");
    const double accountConcurrency = limit != ctx.option.scalingOverrides.end() ? limit->second : DefaultAccountConcurrency;
    if (r.fleet.peak > accountConcurrency) {
        const double needed = std::ceil(r.fleet.peak - 1e-9);
        std::string why = Text::grouped(peakRate, 0) + " requests/s of " + numberText(ctx.durationMs) + " ms need "
            + Text::grouped(needed, 0) + " execution environments";
        if (peakRate / RequestsPerSecondPerEnvironment > littles * (1 + 1e-9))
            why += " (at most 10 requests a second per environment; " + Text::grouped(std::ceil(littles - 1e-9), 0)
                + " by duration alone)";
        r.warnings.push_back(why + ", above the account concurrency of " + Text::grouped(accountConcurrency, 0)
                             + ": Lambda throttles the rest (HTTP 429) unless the quota is raised");
    }

    // Spread the usage-driven part over the hours by traffic, the provisioned part over its hours.
    const double variable = r.monthlyCost - pcCost;
    r.hourlyCost.assign(plan.size(), 0.0);
    for (std::size_t i = 0; i < plan.size(); ++i) {
        const double share = requests > 0 ? plan.ratePerSecond[i] * 3600.0 / requests : 0;
        r.hourlyCost[i] = variable * share + pcHourly[i];
    }
    std::ostringstream summary;
    summary << spec.architecture << ", " << memoryMb << " MB, " << billedMs << " ms billed";
    if (spec.provisionedConcurrency && spec.provisionedConcurrency->count > 0)
        summary << ", " << spec.provisionedConcurrency->count << " provisioned";
    r.summary = summary.str();
    r.details = LambdaDetails{billedMs, memoryMb, requests};
    return r;
}

} // namespace Costscape::Models
