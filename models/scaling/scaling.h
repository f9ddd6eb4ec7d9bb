// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/scenario/workload.h"

#include <map>
#include <string>
#include <vector>

namespace Costscape::Models {

/**
 * One figure the scaling-latency model uses (a launch time, a scaling rate), with where the
 * default comes from. Keys are the names of the option's `"spikeResponse"` object.
 */
struct ScalingAssumption {
    std::string key;     ///< "instanceLaunchSeconds", "coldStartMs", ...
    std::string label;   ///< "Instance launch to in service"
    std::string unit;    ///< "s", "ms", "environments", "tasks/s", ""
    double value = 0;    ///< the value used: the default, or the option's override
    std::string source;  ///< the document or measurement the default comes from (URL and what it says)
    bool overridden = false; ///< true when the option's "spikeResponse" gave the value
    double min = 0;      ///< the range the scenario reader and the editors accept
    double max = 0;
    bool integer = false;
};

/**
 * How one option rides through the workload's spike, second by second: demand, ready capacity
 * and the requests waiting, and what it would cost to keep enough capacity warm.
 */
struct ScalingResult {
    /// From the spike's start until the ready capacity serves the arrivals for the rest of the spike
    /// (0: at once; -1: not before the spike ends). The same for every platform: a Lambda
    /// environment counts from the moment it is asked for; its first request waits the cold start.
    double secondsToMeetDemand = 0;
    double requestsDelayed = 0;     ///< served later than the objective
    double requestsRejected = 0;    ///< turned away ("excess": "reject": those that would wait beyond the objective)
    double peakBacklog = 0;         ///< requests waiting, at most
    double maxDelaySeconds = 0;     ///< the longest a request waited for capacity
    double coldStarts = 0;          ///< requests that waited for a new execution environment (Lambda), one per environment
    double coldStartSeconds = 0;    ///< how long each of them waited
    double warmMinimum = -1;        ///< instances / tasks / provisioned environments that keep the spike within the objective (-1 = none can)
    std::string warmUnit;           ///< "instances", "tasks", "provisioned environments"
    double warmExtraMonthlyCost = 0; ///< what keeping that warm minimum adds to this option's monthly bill
    double warmUnitsBefore = 0;     ///< units ready when the spike starts (instances, tasks, environments)
    double stepSeconds = 1;
    /// One sample per step, t = startSeconds + i * stepSeconds from spike start; requests/s,
    /// requests/s the ready capacity serves, requests waiting at the end of the step.
    std::vector<double> demandPerSecond, capacityPerSecond, backlog;
    double startSeconds = -30;      ///< time of sample 0 relative to spike start
    std::vector<ScalingAssumption> assumptions; ///< every figure used, with its source
    std::vector<std::string> notes; ///< simplifications that matter for this option, in words
};

/**
 * The assumptions with the option's overrides applied (overridden = true). Unknown keys in
 * overrides are ignored here: the reader rejects them.
 */
std::vector<ScalingAssumption> resolveScalingAssumptions(std::vector<ScalingAssumption> defaults,
                                                         const std::map<std::string, double> &overrides);

/** How a platform's capacity comes up, which decides the figures the spike model reads. */
enum class ScalingKind {
    Instances,    ///< EC2 Auto Scaling: detection, launch, application warm-up, health check
    ClusterTasks, ///< ECS on EC2: tasks on spare room of running instances, then on new instances
    Tasks,        ///< Fargate: tasks launched through a token bucket, then started
    Environments, ///< Lambda: environments on demand at a scaling rate, with a cold start, up to a cap
    DoublingCapacity, ///< Lambda Managed Instances: capacity follows demand, at most doubling every doublingSeconds
};

/** Everything simulateSpike needs, resolved from the scenario, the option and its priced result. */
struct SpikeInput {
    ScalingKind kind = ScalingKind::Instances;
    std::string warmUnit = "instances"; ///< what the warm minimum counts: "instances", "tasks", "provisioned environments"
    Spike spike;                     ///< the workload's spike, with its objective and excess rule
    double durationMs = 100;         ///< mean time one request runs
    double unitConcurrency = 1;      ///< requests one unit (instance, task, environment) serves at once at 100%
    /// When > 0, the requests per second one unit serves at 100% (a capacity given as
    /// requestsPerSecond); else unitConcurrency / duration.
    double unitRequestsPerSecond = 0;
    double targetUtilization = 0.7;  ///< what the scaling policy aims for (ignored for Lambda)
    bool autoscaled = true;          ///< false for a fixed fleet: capacity never changes
    double minUnits = 1;             ///< the fleet's floor (minCount, or Lambda's provisioned environments)
    double maxUnits = 0;             ///< the fleet's ceiling (Lambda Managed Instances' maxInstances), 0 = none
    /// ECS on EC2: tasks one container instance holds and instances running before the spike,
    /// so that tasks first fill spare room and then wait for new instances. 0 = not ECS.
    double tasksPerInstance = 0;
    double instancesBefore = 0;
    /// For the cost of being ready: the option's units in each slot of its hourly plan, the
    /// hours each slot stands for, and what one unit-hour costs (Lambda: a provisioned
    /// environment-hour at the sheet's provisionedGbSecond rate).
    std::vector<double> unitsPerSlot;
    std::vector<double> slotWeight;
    double unitHourPrice = 0;
    std::vector<ScalingAssumption> assumptions; ///< the platform's, with the option's overrides (resolveScalingAssumptions)
    std::vector<std::string> notes; ///< simplifications made while building the input, passed to the result
};

/**
 * Simulates the spike at 1 s steps: the fleet before it serves fromPerSecond, demand ramps to
 * toPerSecond, holds, and falls back; the platform's scaling (detection, launch, warm-up, rate
 * limits) adds capacity; requests beyond capacity wait (FIFO) or, with excess = reject, are
 * turned away once they could no longer be served within the objective. Then bisects for the
 * smallest warm minimum that keeps every request within the objective. The window runs from
 * 30 s before the spike to when the backlog has cleared, at most 2 hours: O(window) per run.
 * A pure function; never fails (a zero duration or capacity gives a result with a note).
 */
ScalingResult simulateSpike(const SpikeInput &input);

} // namespace Costscape::Models
