// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// AWS Lambda's keys in the scenario file, its rules for the report and its spike response.
#include "models/platforms/lambda/lambdamodel.h"

#include "base/textformat.h"
#include "models/detailswriter.h"
#include "models/scaling/scalingsources.h"
#include "models/scenario/optionreader.h"
#include "models/scenario/scenariorules.h"

#include <algorithm>

namespace Costscape::Models {

using Json = JsonDocument::Json;

namespace {

const char *const SrcColdStart
    = "https://aws.amazon.com/blogs/compute/operating-lambda-performance-optimization-part-1/: cold starts vary "
      "from under 100 ms to over 1 second; the upper end is the default (Node.js and Python are usually faster, "
      "Java without SnapStart slower; set yours)";
const char *const SrcLambdaScaling
    = "https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html: each function can scale by 1,000 "
      "execution environments every 10 seconds, refilled continuously, never more than 1,000 at once";
const char *const SrcAccountConcurrency
    = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html: concurrent executions, 1,000 per "
      "account and Region by default (a quota increase can raise it)";

} // namespace

void LambdaDetails::write(DetailsWriter &out) const
{
    out.number("billedDurationMs", billedDurationMs);
    out.number("memoryMb", memoryMb);
    out.number("requestsPerMonth", requestsPerMonth);
}

PlatformSpec LambdaModel::defaultSpec() const
{
    return LambdaSpec{};
}

PlatformSpec LambdaModel::read(OptionReader &reader) const
{
    JsonReader &r = reader.json();
    const auto &op = reader.pointer();
    reader.know({"architecture", "ephemeralStorageMb", "billingGranularityMs", "freeTier", "provisionedConcurrency"});
    LambdaSpec l;
    l.architecture = r.string(op, "architecture", false, {"x86_64", "arm64"}).value_or("x86_64");
    l.ephemeralStorageMb = r.number(op, "ephemeralStorageMb", Rules::LambdaEphemeralMb, false).value_or(512);
    if (const auto g = r.number(op, "billingGranularityMs", NumberRule::count(1, 100), false)) {
        if (*g != 1 && *g != 100)
            r.fail(op / "billingGranularityMs", ErrorCode::OutOfRange,
                   JsonReader::fieldName(op / "billingGranularityMs")
                       + ": must be 1 (billing since December 2020) or 100 (the older rule), got " + formatJsonNumber(*g));
        l.billingGranularityMs = static_cast<int>(*g);
    }
    l.freeTier = r.boolean(op, "freeTier").value_or(false);
    if (r.has(op, "provisionedConcurrency") && r.object(op / "provisionedConcurrency")) {
        const auto pp = op / "provisionedConcurrency";
        ProvisionedConcurrency pc;
        pc.count = r.number(pp, "count", Rules::Count).value_or(0);
        pc.hoursPerMonth = r.number(pp, "hoursPerMonth", Rules::Hours, false);
        pc.shareOfRequests = r.number(pp, "shareOfRequests", Rules::ProvisionedShare, false);
        reader.warnUnknown(pp, {"count", "hoursPerMonth", "shareOfRequests"});
        l.provisionedConcurrency = pc;
    }
    return l;
}

void LambdaModel::write(const PlatformSpec &spec, Json &o) const
{
    const LambdaSpec &l = std::get<LambdaSpec>(spec);
    o["architecture"] = l.architecture;
    o["ephemeralStorageMb"] = l.ephemeralStorageMb;
    o["billingGranularityMs"] = l.billingGranularityMs;
    o["freeTier"] = l.freeTier;
    if (l.provisionedConcurrency) {
        Json pc{{"count", l.provisionedConcurrency->count}};
        if (l.provisionedConcurrency->hoursPerMonth)
            pc["hoursPerMonth"] = *l.provisionedConcurrency->hoursPerMonth;
        if (l.provisionedConcurrency->shareOfRequests)
            pc["shareOfRequests"] = *l.provisionedConcurrency->shareOfRequests;
        o["provisionedConcurrency"] = pc;
    } else {
        o.erase("provisionedConcurrency");
    }
}

std::vector<BillingRule> LambdaModel::billingRules(const OptionSpec &option, const std::string &) const
{
    const LambdaSpec &l = option.as<LambdaSpec>();
    return {{"duration billing", "rounded up to " + std::to_string(l.billingGranularityMs) + " ms",
             l.billingGranularityMs == 1 ? "AWS Lambda pricing: 1 ms billing since December 2020"
                                         : "the rule before December 2020: 100 ms steps"},
            {"free tier",
             l.freeTier ? "applied (the price sheet's monthly free requests and GB-seconds)" : "not applied, as the AWS Pricing Calculator",
             "AWS Lambda pricing, free tier"}};
}

std::vector<ScalingAssumption> LambdaModel::scalingDefaults() const
{
    using ScalingSources::assumption;
    return {assumption("coldStartMs", "Cold start", "ms", 1000, SrcColdStart, 0, 900'000),
            assumption("environmentsPer10Seconds", "Scaling rate (environments per 10 s)", "environments", 1000,
                       SrcLambdaScaling, 1, 1e6, true),
            assumption("accountConcurrency", "Account concurrency limit", "environments", 1000, SrcAccountConcurrency, 1,
                       1e7, true)};
}

SpikeInput LambdaModel::spikeInput(const OptionContext &ctx, const OptionResult &, const Spike &spike) const
{
    SpikeInput in = spikeInputBase(ctx, spike);
    const LambdaSpec &l = ctx.option.as<LambdaSpec>();
    in.unitConcurrency = 1;
    // One environment serves one request at a time, and at most 10 a second (Lambda quotas).
    in.unitRequestsPerSecond = ctx.durationMs > 0 ? std::min(1000.0 / ctx.durationMs, RequestsPerSecondPerEnvironment) : 0;
    in.targetUtilization = 1;
    in.minUnits = l.provisionedConcurrency ? l.provisionedConcurrency->count : 0;
    in.unitsPerSlot.assign(ctx.plan.size(), in.minUnits);
    const Pricing::LambdaArchitecturePrices *prices = ctx.sheet.lambda(ctx.region(), l.architecture);
    if (prices && prices->provisionedGbSecond) {
        // A provisioned environment-hour: memory in GB (MB / 1024) x 3600 s at the sheet's rate.
        in.unitHourPrice = ctx.memoryMb / 1024.0 * 3600.0 * *prices->provisionedGbSecond;
    } else {
        in.notes.push_back(ctx.sheetName() + " has no provisioned concurrency price for Lambda " + l.architecture
                           + ": the cost of being ready is not priced");
    }
    in.notes.push_back("provisioned environments for the warm minimum are priced all month, every hour");
    return in;
}

} // namespace Costscape::Models
