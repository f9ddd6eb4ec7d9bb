// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/platforms/ecsec2/ecsec2spec.h"
#include "models/platforms/eks/ekscommon.h"

#include <optional>
#include <string>
#include <vector>

namespace Costscape::Models {

class DetailsWriter;

/** A DaemonSet: one pod on every node, with its requests. */
struct DaemonSetSpec {
    std::string name;
    double podVcpu = 0;
    double podMemoryMb = 0;

    bool operator==(const DaemonSetSpec &) const = default;
};

/** How new nodes come in a spike (`autoscaler`, a Costscape addition). */
enum class NodeAutoscaler {
    ClusterAutoscaler, ///< "cluster-autoscaler"
    Karpenter,         ///< "karpenter"
};

/** The keys of a `"platform": "eks-ec2"` option (FORMATS.md section 5). */
struct EksEc2Spec {
    std::vector<PodGroup> podGroups;
    bool autoNodeTypes = false;         ///< `"nodeTypes": "auto"`: every type of the architecture in the sheet
    std::vector<std::string> nodeTypes; ///< candidates
    std::string architecture = "x86_64";
    Purchase purchase = Purchase::OnDemand;
    std::optional<double> spotHourly;
    std::optional<double> spotDiscount;
    /// The user's DaemonSets, beside the EKS defaults (aws-node, kube-proxy); one of the same name replaces the default.
    std::vector<DaemonSetSpec> daemonSets;
    ControlPlaneTier controlPlane = ControlPlaneTier::Standard;
    bool prefixDelegation = false; ///< VPC CNI prefix delegation: more pods per node (a Costscape addition)
    NodeAutoscaler autoscaler = NodeAutoscaler::ClusterAutoscaler;

    bool operator==(const EksEc2Spec &) const = default;
};

/** What one node of a type offers, as the kubelet computes it, and what the DaemonSets take of it. */
struct EksNodeDetails {
    std::string type;
    double capacityCpuMillicores = 0;
    double capacityMemoryMib = 0;
    double kubeReservedCpuMillicores = 0;
    double kubeReservedMemoryMib = 0;
    double evictionMemoryMib = 0;
    double allocatableCpuMillicores = 0;
    double allocatableMemoryMib = 0;
    double daemonSetCpuMillicores = 0;
    double daemonSetMemoryMib = 0;
    long long maxPods = 0;
    long long podsBesideDaemonSets = 0;

    void write(DetailsWriter &out) const;
};

/** What a priced EKS on EC2 option adds to its line items. */
struct EksEc2Details {
    std::string nodeType;   ///< the type holding the most nodes at the busiest hour
    double hourlyPrice = 0; ///< its hourly price
    double peakPods = 0;
    double peakNodes = 0;
    double cpuUtilization = 0;
    double memoryUtilization = 0;
    std::size_t candidates = 0;
    std::size_t typesUsed = 0;
    double controlPlaneHourly = 0;
    std::string controlPlane; ///< "standard" | "extended"
    /// At the busiest hour: the optimised fleet's hourly cost less that of nodes offering their whole
    /// capacity (no kube-reserved, eviction threshold or DaemonSets); what the per-node reservations add.
    double reservationsHourly = 0;
    std::vector<std::string> daemonSets;  ///< names, every node runs one pod of each
    std::vector<EksNodeDetails> nodes;    ///< the node types used at the busiest hour
    PackingDetails packing;               ///< pods then DaemonSets as groups; offered = allocatable
    std::vector<TypeFleet> fleetByType;   ///< with a commitment only: each node type's nodes per slot

    void write(DetailsWriter &out) const;
};

} // namespace Costscape::Models
