// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/packing/ecspacking.h"
#include "models/packing/packingcache.h"
#include "models/platforms/platformmodel.h"
#include "models/scenario/fleetspec.h"

#include <string>
#include <vector>

namespace Costscape::Models {

/** One group of identical tasks (ECS on EC2) or pods (EKS on EC2) as the hour-by-hour packing sees it. */
struct PackedGroup {
    std::string name;
    double vcpu = 0;
    double memoryMb = 0;
    const FleetSpec *fleet = nullptr; ///< how many run each hour; outlives the PackedGroup

    /** `count` tasks of the group in the packers' units (1024 CPU units per vCPU, MiB). */
    TaskDemand demand(long long count = 1) const { return {vcpu * 1024.0, memoryMb, count}; }
};

/**
 * The hours of a fleet packed onto instances, the part ECS on EC2 and EKS on EC2 share: each
 * group sized hour by hour, the hours grouped by their combination of counts (which repeat hour
 * after hour), each combination packed once by packOptimised (packCombinations: the busiest
 * first, and remembered across evaluations), and the month's hours, costs and instances per hour.
 */
class PackedHours final
{
public:
    /**
     * Sizes every group (sizeFleet, `unit` wording the messages: "task", "pod"). A group's
     * infeasibility and stated assumptions go to `result`, prefixed with its name. Returns false
     * after making `result` the unpriced fleet of `fleetUnit` (unpricedFleet) when a group's count
     * passes MaxFleetCount; the caller returns `result` as it is.
     */
    bool size(const std::vector<PackedGroup> &groups, const OptionContext &context, const char *unit, const char *fleetUnit,
              OptionResult &result);

    /**
     * Packs every combination onto `offers` (after size()) and fills the per-hour figures below.
     * `figuresOnly` (OptionContext::figuresOnly) packs each combination on its own (Seeding::Each),
     * so that evaluations with other busiest hours share the packings; otherwise exactly as
     * Evaluator::evaluate() has always packed them (Seeding::FromFirst).
     */
    void pack(const std::vector<InstanceOffer> &offers, const HourlyPlan &plan, bool figuresOnly = false);

    /** The demand of combination `key`: each group with its count there. */
    std::vector<TaskDemand> demand(std::size_t key) const;
    /** Whether group g runs a task in any hour (one that never does need not fit anywhere). */
    bool runsAtAll(std::size_t g) const;

    std::vector<PackedGroup> groups;
    std::vector<std::vector<double>> counts;   ///< per group, per hour
    std::vector<std::vector<long long>> keys;  ///< the distinct combinations of counts, in first-seen order
    std::vector<std::size_t> hourKey;          ///< each hour's combination
    std::vector<double> keyHours;              ///< hours of the month at each combination
    std::vector<double> unitsPerHour;          ///< tasks (pods) of all groups, per hour
    std::size_t peakHour = 0;                  ///< the first hour with the most tasks
    std::size_t peakKey = 0;                   ///< its combination

    // After pack():
    std::vector<std::shared_ptr<const Packing>> packings; ///< per combination, shared with the packing memory
    std::vector<double> instances;  ///< per hour
    std::vector<double> hourlyCost; ///< per hour
    std::vector<double> offerHours; ///< instance-hours of each offer over the month
    std::vector<std::vector<long long>> offerInstances; ///< per combination, instances of each offer

    /** Instances of offer `o` in each hour (after pack()). */
    std::vector<double> offerInstancesPerHour(std::size_t o) const;
};

} // namespace Costscape::Models
