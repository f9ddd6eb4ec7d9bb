// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The scheduler simulation has a file of its own; included so this header still offers every packer.
#include "models/packing/ecsscheduler.h"

#include <cstddef>
#include <memory>
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

/** One candidate instance type as the packers see it. */
struct InstanceOffer {
    std::string type;           ///< "m5.large"
    InstanceCapacity capacity;  ///< what the agent registers, less ECS_RESERVED_MEMORY
    double hourlyPrice = 0;     ///< what one instance costs an hour (on-demand or spot)
    long long maxTasks = 0;     ///< tasks one instance may hold (awsvpc network interfaces); 0 = no cap
    bool burstable = false;     ///< t-family: sustained CPU is a fraction of its vCPUs
};

/**
 * How many tasks of the group one empty instance of the offer holds: by CPU, by memory and by
 * its task cap, with the packers' tolerance (4 x 0.25 vCPU fill 1 vCPU). 0 when none fits.
 */
long long tasksPerEmptyInstance(const TaskDemand &task, const InstanceOffer &offer);

/** Identical instances of one type with identical loads, as one run. */
struct InstanceRun {
    int offer = 0;                        ///< index into the offers packed onto
    long long instances = 1;              ///< how many identical instances
    std::vector<long long> tasksPerGroup; ///< tasks of each group on each of them
    double cpuUsed = 0;                   ///< CPU units used on each
    double memoryUsed = 0;                ///< MiB used on each
};

/** A fleet that holds every task, and what it costs. */
struct Packing {
    std::vector<InstanceRun> runs;
    double hourlyCost = 0;
    long long instances = 0;
    bool feasible = true;
    std::string reason; ///< why no fleet holds the tasks ("task group api: 8 vCPU fits no candidate type")

    double cpuUtilisation(const std::vector<InstanceOffer> &offers) const;    ///< used / offered, over the fleet
    double memoryUtilisation(const std::vector<InstanceOffer> &offers) const; ///< used / offered, over the fleet
};

/**
 * The optimised fleet: the cheapest mix of the offered types that holds every task (vector bin
 * packing over CPU and memory). Starts from first-fit decreasing on the best single type and
 * from the configuration LP's optimum (solvePatternLp in packingpatterns.h: each pattern's
 * instances rounded down, the leftover tasks packed greedily); when that is more than 0.5% above
 * the LP's bound it also tries greedy type mixes. Every start is improved by re-packing the
 * emptiest instances, and the result is never dearer than first-fit decreasing or the simulated
 * ECS scheduler (binpack on memory) on any single type. Infeasible, with the reason, when a task
 * fits no offered type.
 */
Packing packOptimised(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers);

struct PackingPattern;
/**
 * packOptimised() for a series of problems over the same offers and groups with other counts
 * (the hours of a year): `patterns` seeds the configuration LP and receives the patterns it found
 * (packingpatterns.h), so a later, smaller hour starts from the busiest hour's patterns instead of
 * pricing them afresh. An empty vector seeds nothing and receives the patterns this call's LP
 * generated; a non-empty one seeds the LP and is left as it is. Null is packOptimised() above.
 */
Packing packOptimised(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers,
                      std::vector<PackingPattern> *patterns);

class SingleTypeMemo; // what UndominatedOffers::memo remembers; defined in ecspacking.cpp

/**
 * The offers packOptimised() packs over: those no other offer dominates (at least as much CPU,
 * memory and task slots for no more money; of identical offers the first), with each one's index
 * in the full list. It depends on the offers alone, so a series of packings over the same offers
 * (packCombinations) filters them once rather than once per hour.
 */
struct UndominatedOffers {
    std::vector<InstanceOffer> offers;
    std::vector<int> original; ///< index in the full list of each of `offers`
    /**
     * The cheapest single type's first-fit decreasing packing of each set of task counts met so far
     * over these offers (re-packing the emptiest instances asks for the same small sets again and
     * again, within one packing and across the hours of a series). A pure function of the tasks,
     * so what it hands back is what packing afresh gives; shared by copies, thread-safe, bounded.
     */
    std::shared_ptr<SingleTypeMemo> memo;
};
UndominatedOffers undominatedOffers(const std::vector<InstanceOffer> &offers);

/** How many sets of tasks `kept.memo` remembers now (0 without a memo); the packing memory counts them in its bound. */
std::size_t rememberedSingleTypeSets(const UndominatedOffers &kept);

/** packOptimised() with the offers already filtered by undominatedOffers(): the same packing, runs named by the full list. */
Packing packOptimised(const std::vector<TaskDemand> &groups, const UndominatedOffers &kept, std::vector<PackingPattern> *patterns);

/**
 * A lower bound on the hourly cost of any fleet holding the tasks: the larger of two LP bounds.
 * The assignment LP spreads each group fractionally over the types that can hold one of its
 * tasks (per type, the CPU, memory and task count placed fit the capacity bought); the
 * configuration LP (packingpatterns.h) buys instances of whole-task patterns, which is tighter
 * when one task more or less per instance matters. Returns NaN when no bound can be computed (a
 * task fits no type).
 */
double packingLowerBound(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers);

} // namespace Costscape::Models
