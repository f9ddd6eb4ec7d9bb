// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/platforms/platformmodel.h"

namespace Costscape::Models {

/**
 * AWS Lambda: requests plus GB-seconds (GB = MB / 1024), duration rounded up to the billing
 * granularity (1 ms since December 2020, 100 ms before), tiered duration prices per
 * architecture, ephemeral storage above the included 512 MB, the free tier only when the option
 * asks for it, and provisioned concurrency.
 * Source: https://aws.amazon.com/lambda/pricing/ (examples and rules), AWS Compute Blog
 * "New for AWS Lambda - 1ms billing granularity" (2020-12-01).
 */
class LambdaModel final : public PlatformModel
{
public:
    Platform platform() const override { return Platform::Lambda; }
    const char *name() const override { return "lambda"; }
    const char *title() const override { return "AWS Lambda"; }
    PlatformSpec defaultSpec() const override;
    PlatformSpec read(OptionReader &reader) const override;
    void write(const PlatformSpec &spec, JsonDocument::Json &option) const override;
    Result<OptionResult> evaluate(const OptionContext &context) const override;
    std::vector<BillingRule> billingRules(const OptionSpec &option, const std::string &currency) const override;
    std::vector<ScalingAssumption> scalingDefaults() const override;
    ScalingKind scalingKind() const override { return ScalingKind::Environments; }
    bool isLambdaFamily() const override { return true; }
    bool hasFunctionUrl() const override { return true; }
    bool runsInVpc() const override { return false; } // a function outside a VPC reaches the internet itself
    const char *warmUnit() const override { return "provisioned environments"; }
    SpikeInput spikeInput(const OptionContext &context, const OptionResult &result, const Spike &spike) const override;

    /** Lambda rejects invocations longer than 15 minutes. */
    static constexpr double MaxDurationMs = 900'000;
    static constexpr double MinMemoryMb = 128;
    static constexpr double MaxMemoryMb = 10'240;
    /** Default account concurrency quota per region (a quota increase can raise it). */
    static constexpr double DefaultAccountConcurrency = 1'000;
    /**
     * Requests one execution environment serves a second at most: the request rate quota is
     * "10 x concurrent executions quota" (Lambda developer guide, "Lambda quotas", via
     * awsdocs/aws-lambda-developer-guide doc_source/gettingstarted-limits.md; scaling-behavior:
     * "1,000 execution environment instances every 10 seconds (or 10,000 requests per second ...)").
     */
    static constexpr double RequestsPerSecondPerEnvironment = 10;

    /** Environments busy at a rate: max(rate x duration (Little's law), rate / 10). */
    static double environmentsFor(double requestsPerSecond, double durationMs);

    /** The duration AWS bills: rounded up to a multiple of granularityMs. */
    static double billedDurationMs(double durationMs, int granularityMs);
};

/** Splits usage across cumulative tiers: the quantity priced in each tier, in order. */
std::vector<double> splitAcrossTiers(const std::vector<Pricing::PriceTier> &tiers, double quantity);

} // namespace Costscape::Models
