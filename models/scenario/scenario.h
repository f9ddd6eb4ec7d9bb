// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/scenario/workload.h"
#include "base/jsondocument.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace Costscape::Models {

enum class Platform {
    Lambda,
    Fargate,
    Ec2,
    EcsEc2,
};

/** "lambda", "fargate", "ec2", "ecs-ec2": the names the scenario format uses. */
const char *platformName(Platform platform);
/** Human names for tables and charts: "AWS Lambda", "ECS on EC2". */
const char *platformTitle(Platform platform);

enum class Purchase {
    OnDemand,
    Spot,
};

/** What one task or instance serves at 100% utilisation. */
struct Capacity {
    enum class Kind {
        ConcurrentRequests,
        RequestsPerSecond,
    };
    Kind kind = Kind::ConcurrentRequests;
    double value = 1;
};

/** A fleet of identical units: fixed, or derived hour by hour from the workload. */
struct FleetSpec {
    enum class Scaling {
        Hourly, ///< follows the hourly profile
        Peak,   ///< sized for the busiest hour, all month
    };
    std::optional<double> fixedCount;  ///< `tasks` / `instances`
    std::optional<Capacity> capacity;  ///< when absent and not fixed, derived from memory
    double targetUtilization = 0.7;
    double minCount = 1;
    Scaling scaling = Scaling::Hourly;

    bool isFixed() const { return fixedCount.has_value(); }
};

struct ProvisionedConcurrency {
    double count = 0;
    std::optional<double> hoursPerMonth;   ///< default: the option's hours per month
    std::optional<double> shareOfRequests; ///< default: the traffic those environments serve
};

struct LambdaSpec {
    std::string architecture = "x86_64";
    double ephemeralStorageMb = 512;
    int billingGranularityMs = 1;
    bool freeTier = false;
    std::optional<ProvisionedConcurrency> provisionedConcurrency;
};

struct FargateSpec {
    std::string os = "linux";
    std::string architecture = "x86_64";
    double taskVcpu = 0.25;
    double taskMemoryGb = 0.5;
    bool spot = false;
    double ephemeralStorageGb = 20;
    std::optional<double> spotDiscount; ///< Costscape extension: for sheets without Fargate Spot rates
    FleetSpec fleet;
};

struct Ec2Spec {
    std::string instanceType;
    std::string os = "linux";
    Purchase purchase = Purchase::OnDemand;
    std::optional<double> spotHourly;
    std::optional<double> spotDiscount;
    std::optional<double> onDemandBase;
    std::optional<double> onDemandPercentAboveBase;
    FleetSpec fleet;
};

struct TaskGroup {
    std::string name;
    double taskVcpu = 0.25;
    double taskMemoryMb = 512;
    FleetSpec fleet;
};

struct EcsEc2Spec {
    enum class Placement {
        BinpackMemory,
        BinpackCpu,
        Spread,
    };
    std::vector<TaskGroup> taskGroups;
    bool autoInstanceTypes = false;         ///< `"instanceTypes": "auto"`: every type in the sheet
    std::vector<std::string> instanceTypes; ///< candidates
    std::string os = "linux";
    Purchase purchase = Purchase::OnDemand;
    std::optional<double> spotHourly;
    std::optional<double> spotDiscount;
    double reservedMemoryMb = 256;
    Placement placement = Placement::BinpackMemory;
    /// Tasks one instance may hold (awsvpc networking: one network interface per task); 0 = no cap.
    long long maxTasksPerInstance = 0;
};

/** One deployment option; only the spec of its platform is meaningful. */
struct OptionSpec {
    std::string id;
    Platform platform = Platform::Lambda;
    /** Costscape extension (`"enabled": false`): kept in the file, left out of the evaluation. */
    bool enabled = true;
    std::optional<double> hoursPerMonth;
    std::optional<double> durationMs;
    std::optional<double> memoryMb;
    std::optional<RequestModel> requests;
    /** Costscape extension (`"spikeResponse"`): scaling assumptions by key, see models/scaling.h. */
    std::map<std::string, double> scalingOverrides;

    LambdaSpec lambda;
    FargateSpec fargate;
    Ec2Spec ec2;
    EcsEc2Spec ecs;
};

/**
 * A validated scenario (FORMATS.md section 1) with the places its values came from, so that a
 * check that needs the price sheet can still point at a line and column.
 */
struct Scenario {
    std::string name;
    std::string region = "us-east-1";
    double hoursPerMonth = 730;
    std::string prices = "embedded"; ///< "embedded" or a path relative to the scenario file
    Workload workload;
    std::vector<OptionSpec> options;

    std::string fileName;                 ///< where it was loaded from; "" when built in code
    JsonDocument::Json original;          ///< the file as read, to keep unknown keys on save
    JsonDocument::PositionMap positions; ///< by JSON pointer

    /** An error located at a JSON pointer of the scenario file ("/options/2/instanceType"). */
    Error errorAt(const std::string &pointer, ErrorCode code, std::string message) const;
};

} // namespace Costscape::Models
