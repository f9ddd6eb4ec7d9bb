// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/packing/ecspacking.h"
#include "models/packing/kubenode.h"
#include "models/platforms/platformmodel.h"

namespace Costscape::Models {

/**
 * Amazon EKS on EC2: pods packed onto nodes by the same optimiser and lower bound as ECS on EC2
 * (packOptimised, packingLowerBound), hour by hour, plus the cluster's control plane every hour.
 * A node offers its pods what the kubelet allocates (Kube::nodeAllocatable: capacity less
 * kube-reserved and the eviction threshold, as the EKS-optimised AMI computes them) less the
 * DaemonSets' requests, and holds at most its max pods less the DaemonSet pods. details["packing"]
 * sets the optimised fleet beside the default kube-scheduler (simulateKubeScheduler: LeastAllocated)
 * on the cheapest single candidate type, as one node group would run.
 */
class EksEc2Model final : public PlatformModel
{
public:
    Platform platform() const override { return Platform::EksEc2; }
    const char *name() const override { return "eks-ec2"; }
    const char *title() const override { return "EKS on EC2"; }
    const char *idStem() const override { return "eks"; }
    PlatformSpec defaultSpec() const override;
    PlatformSpec read(OptionReader &reader) const override;
    void write(const PlatformSpec &spec, JsonDocument::Json &option) const override;
    Result<OptionResult> evaluate(const OptionContext &context) const override;
    std::vector<BillingRule> billingRules(const OptionSpec &option, const std::string &currency) const override;
    /** The nodes bill per second with EC2's minimum of one minute. */
    double minimumBilledSeconds() const override { return 60; }
    void applyBatch(OptionSpec &option, double parallel) const override;
    std::vector<ScalingAssumption> scalingDefaults() const override;
    ScalingKind scalingKind() const override { return ScalingKind::ClusterTasks; }
    double defaultRootVolumeGb() const override { return 20; } // the EKS-optimised AL2023 AMI (docs/bill.md)
    const char *warmUnit() const override { return "pods"; }
    SpikeInput spikeInput(const OptionContext &context, const OptionResult &result, const Spike &spike) const override;

    /**
     * The DaemonSets on every node: the EKS defaults, then the spec's own (one of the same name
     * replaces the default). aws-node (the VPC CNI) requests 25m for its aws-node container and
     * 25m for its network-policy agent, no memory (aws/amazon-vpc-cni-k8s config/master/aws-k8s-cni.yaml);
     * kube-proxy runs on every node with no memory request (aws/containers-roadmap#1509) and no CPU
     * request an AWS source states, so 0: give its request in daemonSets when your cluster sets one.
     */
    static std::vector<DaemonSetSpec> daemonSetsOf(const EksEc2Spec &spec);

    /** What a node of the type offers pods, in CPU units (1024 per vCPU) and MiB, and its pod cap, after the DaemonSets. */
    static InstanceOffer offerOf(const Kube::NodeAllocatable &node, const std::vector<DaemonSetSpec> &daemonSets,
                                 double hourlyPrice, bool burstable);
};

} // namespace Costscape::Models
