// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/packing/kubenode.h"

#include "pricing/pricesheet.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace Costscape::Models::Kube {

namespace {

struct EniRow {
    const char *type;
    int enis;
    int ipv4PerEni;
};

// defaultMaxENIs and ipv4AddressesPerInterface of the price sheet's 76 types, from
// awslabs/amazon-eks-ami@81fec2e895854f599974fe4d3d72f61c0a9aaffa:nodeadm/internal/kubelet/instance-info.jsonl
// (the table the AL2023 nodeadm computes max pods from). ENIs x (IPv4 - 1) + 2 of every row equals
// the value AWS lists in eni-max-pods.txt (awslabs/amazon-eks-ami@2377b69:templates/shared/runtime/
// eni-max-pods.txt and aws/amazon-vpc-cni-k8s misc/eni-max-pods.txt); tst_kubenode checks a few.
// Sorted by name for the binary search.
const EniRow EniTable[] = {
    {"c5.2xlarge", 4, 15},
    {"c5.4xlarge", 8, 30},
    {"c5.large", 3, 10},
    {"c5.xlarge", 4, 15},
    {"c6g.2xlarge", 4, 15},
    {"c6g.4xlarge", 8, 30},
    {"c6g.large", 3, 10},
    {"c6g.medium", 2, 4},
    {"c6g.xlarge", 4, 15},
    {"c6i.2xlarge", 4, 15},
    {"c6i.4xlarge", 8, 30},
    {"c6i.large", 3, 10},
    {"c6i.xlarge", 4, 15},
    {"c7g.2xlarge", 4, 15},
    {"c7g.4xlarge", 8, 30},
    {"c7g.large", 3, 10},
    {"c7g.medium", 2, 4},
    {"c7g.xlarge", 4, 15},
    {"m5.2xlarge", 4, 15},
    {"m5.4xlarge", 8, 30},
    {"m5.large", 3, 10},
    {"m5.xlarge", 4, 15},
    {"m6g.2xlarge", 4, 15},
    {"m6g.4xlarge", 8, 30},
    {"m6g.large", 3, 10},
    {"m6g.medium", 2, 4},
    {"m6g.xlarge", 4, 15},
    {"m6i.2xlarge", 4, 15},
    {"m6i.4xlarge", 8, 30},
    {"m6i.large", 3, 10},
    {"m6i.xlarge", 4, 15},
    {"m7g.2xlarge", 4, 15},
    {"m7g.4xlarge", 8, 30},
    {"m7g.large", 3, 10},
    {"m7g.medium", 2, 4},
    {"m7g.xlarge", 4, 15},
    {"m7i.2xlarge", 4, 15},
    {"m7i.4xlarge", 8, 30},
    {"m7i.large", 3, 10},
    {"m7i.xlarge", 4, 15},
    {"r5.2xlarge", 4, 15},
    {"r5.4xlarge", 8, 30},
    {"r5.large", 3, 10},
    {"r5.xlarge", 4, 15},
    {"r6g.2xlarge", 4, 15},
    {"r6g.4xlarge", 8, 30},
    {"r6g.large", 3, 10},
    {"r6g.medium", 2, 4},
    {"r6g.xlarge", 4, 15},
    {"r6i.2xlarge", 4, 15},
    {"r6i.4xlarge", 8, 30},
    {"r6i.large", 3, 10},
    {"r6i.xlarge", 4, 15},
    {"r7g.2xlarge", 4, 15},
    {"r7g.4xlarge", 8, 30},
    {"r7g.large", 3, 10},
    {"r7g.medium", 2, 4},
    {"r7g.xlarge", 4, 15},
    {"t3.2xlarge", 4, 15},
    {"t3.large", 3, 12},
    {"t3.medium", 3, 6},
    {"t3.micro", 2, 2},
    {"t3.small", 3, 4},
    {"t3.xlarge", 4, 15},
    {"t3a.2xlarge", 4, 15},
    {"t3a.large", 3, 12},
    {"t3a.medium", 3, 6},
    {"t3a.micro", 2, 2},
    {"t3a.small", 2, 4},
    {"t3a.xlarge", 4, 15},
    {"t4g.2xlarge", 4, 15},
    {"t4g.large", 3, 12},
    {"t4g.medium", 3, 6},
    {"t4g.micro", 2, 2},
    {"t4g.small", 3, 4},
    {"t4g.xlarge", 4, 15}

};

} // namespace

std::optional<EniLimits> eniLimits(std::string_view instanceType)
{
    const auto end = std::end(EniTable);
    const auto it = std::lower_bound(std::begin(EniTable), end, instanceType,
                                     [](const EniRow &row, std::string_view t) { return std::string_view(row.type) < t; });
    if (it == end || std::string_view(it->type) != instanceType)
        return std::nullopt;
    return EniLimits{it->enis, it->ipv4PerEni};
}

long long maxPodsFromEnis(const EniLimits &l)
{
    // "# of ENI * (# of IPv4 per ENI - 1) + 2": the first address of each ENI is the ENI's own;
    // +2 for the host-network pods (the VPC CNI's aws-node and kube-proxy).
    return static_cast<long long>(l.enis) * (l.ipv4PerEni - 1) + 2;
}

long long maxPodsWithPrefixDelegation(const EniLimits &l, double vcpu)
{
    // max-pods-calculator.sh: each secondary address slot holds a /28 prefix of 16 addresses
    // (IPS_PER_PREFIX=16); MAX_POD_CEILING_FOR_LOW_CPU=110, _HIGH_CPU=250 above 30 vCPUs.
    const long long raw = static_cast<long long>(l.enis) * ((l.ipv4PerEni - 1) * 16LL) + 2;
    return std::min(raw, vcpu > 30 ? 250LL : 110LL);
}

long long kubeReservedCpuMillicores(double vcpu)
{
    const long long total = static_cast<long long>(std::llround(vcpu * 1000));
    // cpu_ranges=(0 1000 2000 4000 total), cpu_percentage_reserved_for_ranges=(600 100 50 25)
    // in percent x 100; each range: (min(total, end) - start) * pct / 100 / 100, integer division.
    const long long starts[] = {0, 1000, 2000, 4000};
    const long long ends[] = {1000, 2000, 4000, total};
    const long long pct[] = {600, 100, 50, 25};
    long long reserved = 0;
    for (int i = 0; i < 4; ++i)
        if (total > starts[i])
            reserved += (std::min(total, ends[i]) - starts[i]) * pct[i] / 100 / 100;
    return reserved;
}

long long kubeReservedMemoryMib(long long maxPods)
{
    return 11 * maxPods + 255;
}

NodeAllocatable nodeAllocatable(const Pricing::Ec2InstanceType &type, bool prefixDelegation)
{
    NodeAllocatable n;
    n.type = type.name;
    n.capacityCpuMillicores = std::round(type.vcpu * 1000);
    n.capacityMemoryMib = std::floor(type.memoryGib * 1024.0 * CapacityMemoryPerInstalled + 1e-6);
    const std::optional<EniLimits> limits = eniLimits(type.name);
    n.maxPodsKnown = limits.has_value();
    n.maxPodsForReserve = limits ? maxPodsFromEnis(*limits) : DefaultMaxPods;
    n.maxPods = limits && prefixDelegation ? maxPodsWithPrefixDelegation(*limits, type.vcpu) : n.maxPodsForReserve;
    n.kubeReservedCpuMillicores = static_cast<double>(kubeReservedCpuMillicores(type.vcpu));
    n.kubeReservedMemoryMib = static_cast<double>(kubeReservedMemoryMib(n.maxPodsForReserve));
    n.systemReservedCpuMillicores = SystemReservedCpuMillicores;
    n.systemReservedMemoryMib = SystemReservedMemoryMib;
    n.evictionMemoryMib = EvictionHardMemoryMib;
    n.allocatableCpuMillicores = n.capacityCpuMillicores - n.kubeReservedCpuMillicores - n.systemReservedCpuMillicores;
    n.allocatableMemoryMib
        = n.capacityMemoryMib - n.kubeReservedMemoryMib - n.systemReservedMemoryMib - n.evictionMemoryMib;
    return n;
}

bool isArm64(std::string_view t)
{
    const std::string_view family = t.substr(0, t.find('.'));
    std::size_t i = 0;
    while (i < family.size() && !std::isdigit(static_cast<unsigned char>(family[i])))
        ++i;
    return i < family.size() && family.substr(i).find('g') != std::string_view::npos;
}

} // namespace Costscape::Models::Kube
