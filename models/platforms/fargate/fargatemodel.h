// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/platforms/platformmodel.h"

#include <string>

namespace Costscape::Models {

/**
 * AWS Fargate: tasks x hours x (vCPU rate x vCPU + GB rate x GB), plus the Windows licence per
 * vCPU-hour and ephemeral storage above the included 20 GB. Only the task sizes AWS offers.
 * Source: https://aws.amazon.com/fargate/pricing/ and the ECS Developer Guide, "Task size".
 */
class FargateModel final : public PlatformModel
{
public:
    Platform platform() const override { return Platform::Fargate; }
    const char *name() const override { return "fargate"; }
    const char *title() const override { return "AWS Fargate"; }
    PlatformSpec defaultSpec() const override;
    PlatformSpec read(OptionReader &reader) const override;
    void write(const PlatformSpec &spec, JsonDocument::Json &option) const override;
    Result<OptionResult> evaluate(const OptionContext &context) const override;
    std::vector<BillingRule> billingRules(const OptionSpec &option, const std::string &currency) const override;
    /** Per second with a minimum of one minute (AWS pricing pages). */
    double minimumBilledSeconds() const override { return 60; }
    void applyBatch(OptionSpec &option, double parallel) const override;
    std::vector<ScalingAssumption> scalingDefaults() const override;
    ScalingKind scalingKind() const override { return ScalingKind::Tasks; }
    const char *warmUnit() const override { return "tasks"; }
    SpikeInput spikeInput(const OptionContext &context, const OptionResult &result, const Spike &spike) const override;

    /**
     * Why AWS does not offer this task size, or "" when it does. Linux: 0.25 to 16 vCPU with the
     * memory steps of the ECS Developer Guide (8 and 16 vCPU need platform 1.4.0); Windows: 1, 2
     * or 4 vCPU ("The CPU units cannot be less than 1 vCPU when you use Windows containers").
     */
    static std::string invalidTaskSize(double vcpu, double memoryGb, const std::string &os);
};

} // namespace Costscape::Models
