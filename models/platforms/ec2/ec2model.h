// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/platforms/platformmodel.h"

namespace Costscape::Models {

/**
 * Amazon EC2: instances x hours x hourly price, on-demand, spot, or a mixed fleet split as an EC2
 * Auto Scaling group's instances distribution does: the first onDemandBase instances on-demand,
 * then onDemandPercentAboveBase percent of the rest on-demand, rounded up in favour of on-demand.
 * Source: EC2 Auto Scaling User Guide, "Instances distribution".
 */
class Ec2Model final : public PlatformModel
{
public:
    Platform platform() const override { return Platform::Ec2; }
    const char *name() const override { return "ec2"; }
    const char *title() const override { return "Amazon EC2"; }
    PlatformSpec defaultSpec() const override;
    PlatformSpec read(OptionReader &reader) const override;
    void write(const PlatformSpec &spec, JsonDocument::Json &option) const override;
    Result<OptionResult> evaluate(const OptionContext &context) const override;
    std::vector<BillingRule> billingRules(const OptionSpec &option, const std::string &currency) const override;
    /** Per second with a minimum of one minute (AWS pricing pages). */
    double minimumBilledSeconds() const override { return 60; }
    void applyBatch(OptionSpec &option, double parallel) const override;
    std::vector<ScalingAssumption> scalingDefaults() const override;
    ScalingKind scalingKind() const override { return ScalingKind::Instances; }
    double defaultRootVolumeGb() const override { return 8; } // Amazon Linux 2023 (docs/bill.md)
    const char *warmUnit() const override { return "instances"; }
    SpikeInput spikeInput(const OptionContext &context, const OptionResult &result, const Spike &spike) const override;

    /** How many of count instances are on-demand. */
    static double onDemandCount(double count, double base, double percentAboveBase);
};

} // namespace Costscape::Models
