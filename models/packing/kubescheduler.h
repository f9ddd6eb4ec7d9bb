// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace Costscape::Models {

struct TaskDemand;
struct InstanceOffer;
struct Packing;

/** Pods the scheduler simulation places one by one at most; a larger fleet is not simulated. */
inline constexpr long long KubeSchedulerMaxPods = 20000;

/**
 * What the default kube-scheduler does on nodes of one type grown by a node autoscaler: the
 * autoscaler first adds the nodes its estimate needs for the pending pods (first fit, in the order
 * given, as Cluster Autoscaler's binpacking estimator does), then the scheduler places every pod,
 * in the order given, on the feasible node with the highest NodeResourcesFit score under the
 * default LeastAllocated strategy (CPU and memory, weight 1 each: kubernetes/kubernetes
 * pkg/scheduler/apis/config/v1/defaults.go), a node's score per resource being
 * (allocatable - requested) x 100 / allocatable in integers as the plugin computes it. A pod that
 * fits no node gets a new one. Ties go to the older node (kube-scheduler picks among equal scores
 * at random; the lowest index keeps the result reproducible).
 *
 * The offer's capacity is what pods may use (allocatable less the DaemonSets), its maxTasks the
 * pods beside the DaemonSets; daemonCpuUnits and daemonMemoryMb, the DaemonSets' requests on every
 * node, count as requested when scoring. The runs name offer 0. Infeasible, with the reason, when a
 * pod fits no node of the type or there are more than KubeSchedulerMaxPods pods.
 */
Packing simulateKubeScheduler(const std::vector<TaskDemand> &groups, const InstanceOffer &offer, double daemonCpuUnits,
                              double daemonMemoryMb);

} // namespace Costscape::Models
