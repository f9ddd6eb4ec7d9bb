// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/jsonreader.h"

/**
 * The ranges of the scenario format's numbers (FORMATS.md section 1), shared by the reader and
 * the editors so that a field typed in the window is judged, and worded, as it is in a file.
 * The bounds reject typing slips (a negative memory, hours per year in hours per month) without
 * second-guessing AWS: a Lambda of 20 GB is read fine and then reported infeasible, with the reason.
 */
namespace Costscape::Models::Rules {

inline const NumberRule Hours{0, 744, true, false, "hours"};
inline const NumberRule DurationMs{0, 86'400'000, true, false, "ms"};
/// A request's memory: a kilobyte at least, so that "as many requests as fit in a unit's memory"
/// stays a count (models/platforms/fleet.h).
inline const NumberRule MemoryMb = NumberRule::range(0.001, 4'194'304, "MB");
inline const NumberRule RequestRate = NumberRule::range(0, 1e9, "requests/s");
inline const NumberRule RequestsPerMonth = NumberRule::range(0, 1e15, "requests");
inline const NumberRule Count = NumberRule::count(0, 1e6);
inline const NumberRule SpikeSeconds = NumberRule::range(0, 86400, "s");
/// The longest acceptable wait for capacity during a spike: up to an hour.
inline const NumberRule SpikeObjectiveMs = NumberRule::range(0, 3'600'000, "ms");

inline const NumberRule LambdaEphemeralMb = NumberRule::range(512, 10240, "MB");
inline const NumberRule ProvisionedShare = NumberRule::range(0, 1);

/// What one task or instance serves at 100%: a thousandth of a request at least, so that a count
/// derived from it (load / capacity) stays a count AWS could give (models/platforms/fleet.h).
inline const NumberRule ConcurrentRequests = NumberRule::range(0.001, 1e9, "requests");
inline const NumberRule RequestsPerSecond = NumberRule::range(0.001, 1e9, "requests/s");
/// A fleet run at under 1% of its capacity is a typing slip (0.007 for 0.7), not a plan.
inline const NumberRule TargetUtilization = NumberRule::range(0.01, 1);

/// ECS task size on EC2: "between 128 CPU units (0.125 vCPUs) and 196608 CPU units (192 vCPUs)"
/// (ECS developer guide, "Task definition parameters", cpu; retrieved 2026-12). Fargate's own
/// sizes start at 0.25 vCPU and are checked as AWS's valid pairs.
inline const NumberRule TaskVcpu = NumberRule::range(0.125, 192, "vCPU");
inline const NumberRule TaskMemoryGb{0, 1024, true, false, "GB"};
/// Docker, which runs ECS tasks, refuses a container limit below 6 MiB ("Minimum memory limit
/// allowed is 6MB"); a smaller task would have the packing count tasks per instance past any
/// integer.
inline const NumberRule TaskMemoryMib = NumberRule::range(6, 4'194'304, "MiB");
inline const NumberRule FargateEphemeralGb = NumberRule::range(20, 200, "GB");

inline const NumberRule SpotHourly{0, 1e5, true, false, "$/h"};
inline const NumberRule SpotDiscount{0, 0.99, false, false, ""};
inline const NumberRule OnDemandPercent = NumberRule::range(0, 100, "%");
inline const NumberRule ReservedMemoryMib = NumberRule::range(0, 1'048'576, "MiB");
/// Tasks per instance (awsvpc: one elastic network interface per task): a whole count, at least 1.
inline const NumberRule TasksPerInstance = NumberRule::count(1, 1e6);

} // namespace Costscape::Models::Rules
