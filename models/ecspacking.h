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
 * First-fit decreasing of task groups onto identical instances: groups in decreasing order of
 * their larger share of an instance, each task into the first instance with room, else onto a
 * new one. Returns no instances when a task does not fit an empty instance (check fits()
 * first). Identical instances are handled as runs, so the work grows with the number of distinct
 * instance loads, not with the number of tasks.
 */
std::vector<PackedInstance> packFirstFitDecreasing(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity);

/** The number of instances packFirstFitDecreasing() uses, without listing them; -1 when a task fits no instance. */
long long countInstancesFirstFitDecreasing(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity);

/** Whether one task of the group fits an empty instance. */
bool fits(const TaskDemand &task, const InstanceCapacity &capacity);

} // namespace Costscape::Models
