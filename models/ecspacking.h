// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace Costscape::Models {

/** What one instance offers the ECS scheduler. */
struct InstanceCapacity {
    double cpuUnits = 0;  ///< vCPU x 1024
    double memoryMb = 0;  ///< memory the agent registers, less ECS_RESERVED_MEMORY
};

/** Identical tasks of one service. */
struct TaskDemand {
    double cpuUnits = 0;
    double memoryMb = 0;
    long long count = 0;
};

/** One packed instance: how many tasks of each group it holds. */
struct PackedInstance {
    std::vector<long long> tasksPerGroup;
    double cpuUsed = 0;
    double memoryUsed = 0;
};

/**
 * First-fit decreasing of task groups onto identical instances, in bulk: groups in decreasing
 * order of their larger share of an instance, each placed into the first instances with room,
 * then onto new instances. Returns no instances when a task does not fit an empty instance
 * (check fits() first). Runs in O(groups x instances), not per task.
 */
std::vector<PackedInstance> packFirstFitDecreasing(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity);

/**
 * The number of instances packFirstFitDecreasing() would use, computed on runs of identical
 * instances instead of one instance at a time, so that a million tasks cost microseconds, not
 * a million allocations. Returns -1 when a task does not fit an empty instance.
 */
long long countInstancesFirstFitDecreasing(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity);

/** Whether one task of the group fits an empty instance. */
bool fits(const TaskDemand &task, const InstanceCapacity &capacity);

} // namespace Costscape::Models
