// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/packing/kubescheduler.h"

#include "models/packing/ecspacking.h"
#include "models/packing/packingdetail.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

namespace Costscape::Models {

using PackingDetail::describe;
using PackingDetail::fitsOffer;
using PackingDetail::howManyCapped;

namespace {

struct Node {
    std::vector<long long> perGroup;
    double cpuUsed = 0; ///< by pods, DaemonSets not included
    double memoryUsed = 0;
    long long pods = 0;
};

void place(Node &n, const TaskDemand &t, std::size_t g)
{
    n.perGroup[g] += 1;
    n.cpuUsed += t.cpuUnits;
    n.memoryUsed += t.memoryMb;
    n.pods += 1;
}

bool hasRoom(const Node &n, const TaskDemand &t, const InstanceOffer &offer)
{
    return howManyCapped(offer.capacity.cpuUnits - n.cpuUsed, offer.capacity.memoryMb - n.memoryUsed, n.pods, offer.maxTasks, t)
        > 0;
}

// NodeResourcesFit, LeastAllocated: ((allocatable - requested) * MaxNodeScore) / allocatable per
// resource, in integers, then the weighted mean (weights 1 and 1).
std::int64_t leastAllocatedScore(double requested, double allocatable)
{
    const auto cap = static_cast<std::int64_t>(std::llround(allocatable));
    const auto req = static_cast<std::int64_t>(std::llround(requested));
    if (cap <= 0 || req > cap)
        return 0;
    return (cap - req) * 100 / cap;
}

} // namespace

Packing simulateKubeScheduler(const std::vector<TaskDemand> &groups, const InstanceOffer &offer, double daemonCpuUnits,
                              double daemonMemoryMb)
{
    Packing p;
    long long total = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        total += groups[g].count;
        if (groups[g].count > 0 && !fitsOffer(groups[g], offer)) {
            p.feasible = false;
            p.reason = describe(g, groups[g]) + " fits no " + offer.type + " node";
            return p;
        }
    }
    if (total > KubeSchedulerMaxPods) {
        p.feasible = false;
        p.reason = "more than " + std::to_string(KubeSchedulerMaxPods) + " pods: the scheduler is not simulated";
        return p;
    }
    const std::size_t groupCount = groups.size();
    const Node empty{std::vector<long long>(groupCount, 0), 0, 0, 0};

    // The autoscaler's estimate: first fit of the pending pods onto new nodes.
    std::vector<Node> estimate;
    for (std::size_t g = 0; g < groupCount; ++g)
        for (long long k = 0; k < groups[g].count; ++k) {
            auto it = std::find_if(estimate.begin(), estimate.end(),
                                   [&](const Node &n) { return hasRoom(n, groups[g], offer); });
            if (it == estimate.end()) {
                estimate.push_back(empty);
                it = estimate.end() - 1;
            }
            place(*it, groups[g], g);
        }

    // The scheduler: each pod on the highest-scoring node with room.
    const double allocCpu = offer.capacity.cpuUnits + daemonCpuUnits;
    const double allocMem = offer.capacity.memoryMb + daemonMemoryMb;
    std::vector<Node> nodes(estimate.size(), empty);
    for (std::size_t g = 0; g < groupCount; ++g) {
        const TaskDemand &t = groups[g];
        for (long long k = 0; k < t.count; ++k) {
            std::size_t best = nodes.size();
            std::int64_t bestScore = -1;
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                const Node &n = nodes[i];
                if (!hasRoom(n, t, offer))
                    continue;
                const std::int64_t score
                    = (leastAllocatedScore(daemonCpuUnits + n.cpuUsed + t.cpuUnits, allocCpu)
                       + leastAllocatedScore(daemonMemoryMb + n.memoryUsed + t.memoryMb, allocMem))
                    / 2;
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            if (best == nodes.size())
                nodes.push_back(empty);
            place(nodes[best], t, g);
        }
    }

    // Identical nodes as runs, in the order their load first appears.
    std::map<std::vector<long long>, std::size_t> runOf;
    for (const Node &n : nodes) {
        if (n.pods == 0)
            continue; // an empty node is scaled in
        const auto [it, inserted] = runOf.emplace(n.perGroup, p.runs.size());
        if (inserted)
            p.runs.push_back({0, 0, n.perGroup, n.cpuUsed, n.memoryUsed});
        p.runs[it->second].instances += 1;
        p.instances += 1;
    }
    p.hourlyCost = static_cast<double>(p.instances) * offer.hourlyPrice;
    return p;
}

} // namespace Costscape::Models
