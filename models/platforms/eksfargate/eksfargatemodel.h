// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/platforms/platformmodel.h"

#include <optional>
#include <utility>

namespace Costscape::Models {

/**
 * Amazon EKS on Fargate: each pod on its own Fargate capacity, its requests plus the 256 MB EKS
 * reserves for the kubelet, kube-proxy and containerd rounded up to the next vCPU and memory
 * combination Fargate offers (fargateSize), billed at the sheet's Fargate Linux rates per vCPU-hour
 * and GB-hour; plus the control plane every hour. Source: the EKS user guide, "Fargate Pod
 * configuration". Fargate on EKS runs Linux x86_64 pods only: arm64 is infeasible.
 */
class EksFargateModel final : public PlatformModel
{
public:
    Platform platform() const override { return Platform::EksFargate; }
    const char *name() const override { return "eks-fargate"; }
    const char *title() const override { return "EKS on Fargate"; }
    const char *idStem() const override { return "eks-fargate"; }
    PlatformSpec defaultSpec() const override;
    PlatformSpec read(OptionReader &reader) const override;
    void write(const PlatformSpec &spec, JsonDocument::Json &option) const override;
    Result<OptionResult> evaluate(const OptionContext &context) const override;
    std::vector<BillingRule> billingRules(const OptionSpec &option, const std::string &currency) const override;
    /** Per second with a minimum of one minute, as Fargate bills. */
    double minimumBilledSeconds() const override { return 60; }
    void applyBatch(OptionSpec &option, double parallel) const override;
    std::vector<ScalingAssumption> scalingDefaults() const override;
    ScalingKind scalingKind() const override { return ScalingKind::Tasks; }
    const char *warmUnit() const override { return "pods"; }
    SpikeInput spikeInput(const OptionContext &context, const OptionResult &result, const Spike &spike) const override;

    /** Memory EKS adds to every Fargate pod for the Kubernetes components, in MB. */
    static constexpr double KubernetesComponentsMb = 256;

    /**
     * The Fargate size (vCPU, GB) a pod of these requests runs on: the smallest vCPU of the table
     * that covers the request with a memory step that covers request + 256 MB, memory rounded up to
     * that vCPU's step (1 GB = 1024 MB). nullopt when no size holds it (above 16 vCPU / 120 GB).
     */
    static std::optional<std::pair<double, double>> fargateSize(double podVcpu, double podMemoryMb);
};

} // namespace Costscape::Models
