// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace Costscape::Pricing {
struct Ec2InstanceType;
}

namespace Costscape::Models::Kube {

/**
 * What a Kubernetes node of an EC2 instance type offers pods, as the EKS-optimised AMI configures
 * its kubelet: Allocatable = Capacity - kube-reserved - system-reserved - eviction threshold
 * (awslabs/amazon-eks-ami bootstrap.sh, "Allocatable = Capacity - Reserved - Eviction Threshold").
 * Every function here is pure and never fails; an instance type the ENI table does not list gets
 * the kubelet's default of 110 pods with maxPodsKnown = false, so that callers can say so.
 */

/** Network interfaces and IPv4 addresses per interface of an EC2 type (nodeadm's instance-info.jsonl). */
struct EniLimits {
    int enis = 0;
    int ipv4PerEni = 0;
};

/** The type's ENI limits, or nullopt when the table (the sheet's 76 types) does not list it. */
std::optional<EniLimits> eniLimits(std::string_view instanceType);

/** The kubelet's default max pods, used by nodeadm for a type it does not know (eni_max_pods.go: defaultMaxPods = 110). */
inline constexpr long long DefaultMaxPods = 110;

/** Max pods without prefix delegation: ENIs x (IPv4 per ENI - 1) + 2 (eni-max-pods.txt header, nodeadm). */
long long maxPodsFromEnis(const EniLimits &limits);

/**
 * Max pods with VPC CNI prefix delegation: ENIs x ((IPv4 per ENI - 1) x 16) + 2, capped at 110,
 * or 250 on a type with more than 30 vCPUs (max-pods-calculator.sh lines 97-101, 149-162).
 */
long long maxPodsWithPrefixDelegation(const EniLimits &limits, double vcpu);

/**
 * kube-reserved CPU in millicores from the node's cores: 6% of the first core, 1% of the second,
 * 0.5% of cores 3 and 4, 0.25% of every core above 4, each range in integer millicores as
 * bootstrap.sh's get_cpu_millicores_to_reserve and nodeadm's config.go compute it.
 */
long long kubeReservedCpuMillicores(double vcpu);

/** kube-reserved memory in MiB: 11 x maxPods + 255 (bootstrap.sh get_memory_mebibytes_to_reserve, nodeadm config.go). */
long long kubeReservedMemoryMib(long long maxPods);

/** The kubelet's hard eviction threshold the EKS AMI sets: memory.available < 100Mi. */
inline constexpr double EvictionHardMemoryMib = 100;
/** system-reserved: the EKS AMI sets none (only the /system cgroup), so 0. */
inline constexpr double SystemReservedMemoryMib = 0;
inline constexpr double SystemReservedCpuMillicores = 0;

/**
 * Memory the node reports as capacity per MiB installed. The kernel keeps some of the installed
 * memory; AWS documents the proportion once, for the ECS-optimised AMI (an m4.large with 8 GiB
 * installed registers 7985 MiB, ECS developer guide "Container instance memory management").
 * The EKS AMI runs the same Amazon Linux kernels, so Costscape uses the same proportion, as ECS
 * on EC2 does: the two platforms compare on one basis.
 */
inline constexpr double CapacityMemoryPerInstalled = 7985.0 / 8192.0;

/** What one node of a type offers, every figure as the kubelet computes it. */
struct NodeAllocatable {
    std::string type;
    double capacityCpuMillicores = 0;
    double capacityMemoryMib = 0;
    double kubeReservedCpuMillicores = 0;
    double kubeReservedMemoryMib = 0;
    double systemReservedCpuMillicores = 0;
    double systemReservedMemoryMib = 0;
    double evictionMemoryMib = 0;
    double allocatableCpuMillicores = 0;
    double allocatableMemoryMib = 0;
    long long maxPods = 0;          ///< pods the kubelet admits, DaemonSet pods included
    long long maxPodsForReserve = 0; ///< the ENI figure kube-reserved memory is computed from
    bool maxPodsKnown = true;       ///< false: the type is not in the ENI table, 110 assumed
};

/**
 * The node a type makes. With prefix delegation the pod cap is the prefix figure, while
 * kube-reserved memory stays computed from the ENI figure, as the AMI's bootstrap reads it from
 * eni-max-pods.txt before it reserves memory.
 */
NodeAllocatable nodeAllocatable(const Pricing::Ec2InstanceType &type, bool prefixDelegation);

/** Whether an EC2 type runs arm64 (Graviton: a "g" after the generation digit, as in m7g, c6gd, t4g). */
bool isArm64(std::string_view instanceType);

} // namespace Costscape::Models::Kube
