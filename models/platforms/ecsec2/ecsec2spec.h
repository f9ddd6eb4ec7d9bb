// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/packing/placement.h"
#include "models/platforms/typefleet.h"
#include "models/scenario/fleetspec.h"

#include <optional>
#include <string>
#include <vector>

namespace Costscape::Models {

class DetailsWriter;

/** One ECS service: its task size and its fleet of tasks. */
struct TaskGroup {
    std::string name;
    double taskVcpu = 0.25;
    double taskMemoryMb = 512;
    FleetSpec fleet;

    bool operator==(const TaskGroup &) const = default;
};

/** The keys of a `"platform": "ecs-ec2"` option (FORMATS.md section 1). */
struct EcsEc2Spec {
    std::vector<TaskGroup> taskGroups;
    bool autoInstanceTypes = false;         ///< `"instanceTypes": "auto"`: every type in the sheet
    std::vector<std::string> instanceTypes; ///< candidates
    std::string os = "linux";
    Purchase purchase = Purchase::OnDemand;
    std::optional<double> spotHourly;
    std::optional<double> spotDiscount;
    double reservedMemoryMb = 256;
    PlacementStrategy placement = PlacementStrategy::BinpackMemory;
    /// Tasks one instance may hold (awsvpc networking: one network interface per task); 0 = no cap.
    long long maxTasksPerInstance = 0;

    bool operator==(const EcsEc2Spec &) const = default;
};

/**
 * One fleet of the packing at the busiest hour, as the packing view draws it: runs of identical
 * instances, each with the tasks of every group it holds and what it uses and offers.
 */
struct PackedFleet {
    struct Run {
        std::string type;
        long long instances = 0;
        std::vector<double> tasks; ///< per task group, on each instance of the run
        double cpuUsed = 0;        ///< CPU units used on each instance
        double memoryUsed = 0;     ///< MiB used on each instance
        double cpuOffered = 0;
        double memoryOffered = 0;
        double hourlyPrice = 0;
        bool burstable = false;
    };
    std::string strategy;          ///< "optimised", or the ECS placement strategy simulated
    double hourlyCost = 0;
    long long instances = 0;
    double cpuUtilisation = 0;
    double memoryUtilisation = 0;
    double strandedCpuUnits = 0;
    double strandedMemoryMb = 0;
    std::vector<Run> runs;

    void write(DetailsWriter &out) const;
};

/** The busiest hour's packing: the optimised fleet beside what the ECS scheduler would run. */
struct PackingDetails {
    std::size_t hour = 0;                 ///< the slot of the busiest hour
    std::vector<std::string> groups;      ///< task group names
    std::vector<double> taskCpuUnits;     ///< per group: CPU units of one task
    std::vector<double> taskMemoryMb;     ///< per group: MiB of one task
    PackedFleet optimised;
    std::optional<PackedFleet> scheduler; ///< absent when no single candidate type holds every task
    double savingsHourly = 0;             ///< scheduler's fleet less the optimised one, per hour
    std::optional<double> lowerBoundHourly; ///< the LP bound, when finite

    void write(DetailsWriter &out) const;
};

/** What a priced ECS on EC2 option adds to its line items. */
struct EcsEc2Details {
    std::string instanceType; ///< the type holding the most instances at the busiest hour
    double hourlyPrice = 0;   ///< its hourly price
    double peakTasks = 0;
    double peakInstances = 0;
    double cpuUtilization = 0;
    double memoryUtilization = 0;
    std::size_t candidates = 0;
    std::size_t typesUsed = 0;
    PackingDetails packing;
    std::vector<TypeFleet> fleetByType; ///< with a commitment only: each type's instances per slot

    void write(DetailsWriter &out) const;
};

} // namespace Costscape::Models
