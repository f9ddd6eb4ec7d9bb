// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/packing/kubescheduler.h"

#include "models/packing/ecspacking.h"
#include "models/packing/packingdetail.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <utility>

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

    // The autoscaler's estimate: first fit of the pending pods onto new nodes. Within a group the
    // pods are alike, so a node without room for one never has room again, and only the node a
    // pod went onto can lose it: the nodes with room, in order, are a queue whose head takes the
    // next pod (the same nodes as scanning them all, in time linear in the pods).
    std::vector<Node> estimate;
    for (std::size_t g = 0; g < groupCount; ++g) {
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < estimate.size(); ++i)
            if (hasRoom(estimate[i], groups[g], offer))
                open.push_back(i);
        std::size_t head = 0;
        for (long long k = 0; k < groups[g].count; ++k) {
            if (head == open.size()) {
                estimate.push_back(empty);
                open.push_back(estimate.size() - 1);
            }
            Node &n = estimate[open[head]];
            place(n, groups[g], g);
            if (!hasRoom(n, groups[g], offer))
                ++head;
        }
    }

    // The scheduler: each pod on the highest-scoring node with room.
    const double allocCpu = offer.capacity.cpuUnits + daemonCpuUnits;
    const double allocMem = offer.capacity.memoryMb + daemonMemoryMb;
    // A node's score for the group's pod depends on its own load alone, so the nodes with room
    // are kept ordered by score (the first of equal scores first, as a scan would choose) and
    // only the node that took a pod is scored again: pods x log(nodes), not pods x nodes (tens of
    // thousands of pods are simulated when the traffic sweep reaches a hundred times today's).
    std::vector<Node> nodes(estimate.size(), empty);
    auto scoreOf = [&](const Node &n, const TaskDemand &t) {
        return (leastAllocatedScore(daemonCpuUnits + n.cpuUsed + t.cpuUnits, allocCpu)
                + leastAllocatedScore(daemonMemoryMb + n.memoryUsed + t.memoryMb, allocMem))
            / 2;
    };
    for (std::size_t g = 0; g < groupCount; ++g) {
        const TaskDemand &t = groups[g];
        std::set<std::pair<std::int64_t, std::size_t>> open; // (-score, node)
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (hasRoom(nodes[i], t, offer))
                open.emplace(-scoreOf(nodes[i], t), i);
        for (long long k = 0; k < t.count; ++k) {
            std::size_t best;
            if (open.empty()) {
                nodes.push_back(empty);
                best = nodes.size() - 1;
            } else {
                best = open.begin()->second;
                open.erase(open.begin());
            }
            place(nodes[best], t, g);
            if (hasRoom(nodes[best], t, offer))
                open.emplace(-scoreOf(nodes[best], t), best);
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
