// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ecspacking.h"
#include "models/platformmodel.h"

namespace Costscape::Models {

/**
 * ECS on EC2: the task groups packed (first-fit decreasing) onto the cheapest candidate instance
 * type; the bill is the instances. ECS itself charges nothing on EC2 (the AmazonECS offer prices
 * ECS-EC2 vCPU and GB hours at $0).
 *
 * An instance offers vCPU x 1024 CPU units and its memory less reservedMemoryMb
 * (ECS_RESERVED_MEMORY). The ECS agent registers somewhat less memory than is installed; that
 * refinement, the scheduler's placement strategies and type mixing are a later step.
 */
class EcsEc2Model final : public PlatformModel
{
public:
    Platform platform() const override { return Platform::EcsEc2; }
    Result<OptionResult> evaluate(const OptionContext &context) const override;

    static InstanceCapacity capacityOf(const Pricing::Ec2InstanceType &type, double reservedMemoryMb);
};

} // namespace Costscape::Models
