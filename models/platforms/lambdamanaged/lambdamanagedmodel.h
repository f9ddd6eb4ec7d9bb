// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/platforms/platformmodel.h"

namespace Costscape::Models {

/**
 * AWS Lambda Managed Instances (re:Invent 2025): Lambda's programming model on EC2 instances that
 * AWS manages. Many requests share one execution environment (concurrent requests per vCPU by
 * runtime); environments are packed onto instances of one type; the fleet follows the hourly
 * profile at the target utilisation, never below minInstances (AWS starts three, one per
 * Availability Zone). Billed: the instance-hours at the EC2 on-demand price, the management fee
 * on them (15% of on-demand, or the sheet's per-type hourly fee), and a price per request; no
 * duration charge. Sources: docs/assumptions.md and pricing/data/SOURCES.md, section 5a.
 */
class LambdaManagedModel final : public PlatformModel
{
public:
    Platform platform() const override { return Platform::LambdaManaged; }
    const char *name() const override { return "lambda-managed"; }
    const char *title() const override { return "Lambda Managed Instances"; }
    const char *idStem() const override { return "lambda-managed"; }
    PlatformSpec defaultSpec() const override;
    PlatformSpec read(OptionReader &reader) const override;
    void write(const PlatformSpec &spec, JsonDocument::Json &option) const override;
    Result<OptionResult> evaluate(const OptionContext &context) const override;
    std::vector<BillingRule> billingRules(const OptionSpec &option, const std::string &currency) const override;
    /** Its minimum of instances runs all month, batch or not. */
    bool billsWholeMonth() const override { return true; }
    std::vector<ScalingAssumption> scalingDefaults() const override;
    ScalingKind scalingKind() const override { return ScalingKind::DoublingCapacity; }
    bool isLambdaFamily() const override { return true; }
    const char *warmUnit() const override { return "instances"; }
    SpikeInput spikeInput(const OptionContext &context, const OptionResult &result, const Spike &spike) const override;

    /** "The minimum supported function size is 2GB and 1 vCPU" (LMI best practices). */
    static constexpr double MinEnvironmentMemoryMb = 2048;
    /** The largest function (32 GB) and its vCPUs (16). */
    static constexpr double MaxEnvironmentMemoryMb = 32768;
    /** PerExecutionEnvironmentMaxConcurrency: 1 to 1600. */
    static constexpr double MaxConcurrencyPerEnvironment = 1600;
    /** MaxVCpuCount default of the capacity provider: 400 vCPUs (AWS's LMI configuration guide). */
    static constexpr double DefaultMaxVcpus = 400;

    /** Concurrent requests per vCPU by runtime (AWS LMI runtime pages); 0 for an unknown runtime. */
    static double defaultConcurrencyPerVcpu(const std::string &runtime);
    /**
     * Whether Lambda Managed Instances run on the type: current-generation C, M and R families,
     * .large and larger; not burstable types, not GPU. (AWS: "current-generation Amazon EC2
     * instances"; the family list is from third-party walkthroughs, see docs/assumptions.md.)
     */
    static bool runsOn(const Pricing::Ec2InstanceType &type);
};

} // namespace Costscape::Models
