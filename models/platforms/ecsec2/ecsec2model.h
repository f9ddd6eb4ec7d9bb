// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/packing/ecspacking.h"
#include "models/platforms/platformmodel.h"

namespace Costscape::Models {

/**
 * ECS on EC2: the bill is the optimised fleet (packOptimised: the cheapest mix of the candidate
 * types that holds every task), hour by hour, packed once per distinct combination of task
 * counts. ECS itself charges nothing on EC2 (the AmazonECS offer prices ECS-EC2 vCPU and GB hours
 * at $0). details["packing"] sets it beside what the ECS scheduler would do at the busiest hour
 * (simulateEcsScheduler with the option's placement, on the cheapest single candidate type for
 * it, as one capacity provider's Auto Scaling group would run).
 *
 * An instance offers vCPU x 1024 CPU units and the memory the ECS agent registers less
 * reservedMemoryMb (ECS_RESERVED_MEMORY); see capacityOf(). maxTasksPerInstance caps the tasks
 * per instance (awsvpc: one network interface per task). Burstable types chosen are warned about.
 */
class EcsEc2Model final : public PlatformModel
{
public:
    Platform platform() const override { return Platform::EcsEc2; }
    const char *name() const override { return "ecs-ec2"; }
    const char *title() const override { return "ECS on EC2"; }
    const char *idStem() const override { return "ecs"; }
    PlatformSpec defaultSpec() const override;
    PlatformSpec read(OptionReader &reader) const override;
    void write(const PlatformSpec &spec, JsonDocument::Json &option) const override;
    Result<OptionResult> evaluate(const OptionContext &context) const override;
    std::vector<BillingRule> billingRules(const OptionSpec &option, const std::string &currency) const override;
    /** The instances bill per second with EC2's minimum of one minute. */
    double minimumBilledSeconds() const override { return 60; }
    void applyBatch(OptionSpec &option, double parallel) const override;
    std::vector<ScalingAssumption> scalingDefaults() const override;
    ScalingKind scalingKind() const override { return ScalingKind::ClusterTasks; }
    double defaultRootVolumeGb() const override { return 30; } // the ECS-optimised AMI (docs/bill.md)
    const char *warmUnit() const override { return "tasks"; }
    SpikeInput spikeInput(const OptionContext &context, const OptionResult &result, const Spike &spike) const override;

    /** Registered memory per installed memory: 7985 / 8192, the m4.large example of the ECS developer guide. */
    static constexpr double RegisteredMemoryPerInstalled = 7985.0 / 8192.0;

    /**
     * What one instance of the type offers tasks: vCPU x 1024 CPU units, and the memory the ECS
     * agent registers (installed x RegisteredMemoryPerInstalled, whole MiB) less reservedMemoryMb.
     */
    static InstanceCapacity capacityOf(const Pricing::Ec2InstanceType &type, double reservedMemoryMb);
};

} // namespace Costscape::Models
