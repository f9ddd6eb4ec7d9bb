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
inline const NumberRule MemoryMb{0, 4'194'304, true, false, "MB"};
inline const NumberRule RequestRate = NumberRule::range(0, 1e9, "requests/s");
inline const NumberRule RequestsPerMonth = NumberRule::range(0, 1e15, "requests");
inline const NumberRule Count = NumberRule::count(0, 1e6);
inline const NumberRule SpikeSeconds = NumberRule::range(0, 86400, "s");
/// The longest acceptable wait for capacity during a spike: up to an hour.
inline const NumberRule SpikeObjectiveMs = NumberRule::range(0, 3'600'000, "ms");

inline const NumberRule LambdaEphemeralMb = NumberRule::range(512, 10240, "MB");
inline const NumberRule ProvisionedShare = NumberRule::range(0, 1);

inline const NumberRule ConcurrentRequests{0, 1e9, true, false, "requests"};
inline const NumberRule RequestsPerSecond{0, 1e9, true, false, "requests/s"};
inline const NumberRule TargetUtilization{0, 1, true, false, ""};

inline const NumberRule TaskVcpu{0, 192, true, false, "vCPU"};
inline const NumberRule TaskMemoryGb{0, 1024, true, false, "GB"};
inline const NumberRule TaskMemoryMib{0, 4'194'304, true, false, "MiB"};
inline const NumberRule FargateEphemeralGb = NumberRule::range(20, 200, "GB");

inline const NumberRule SpotHourly{0, 1e5, true, false, "$/h"};
inline const NumberRule SpotDiscount{0, 0.99, false, false, ""};
inline const NumberRule OnDemandPercent = NumberRule::range(0, 100, "%");
inline const NumberRule ReservedMemoryMib = NumberRule::range(0, 1'048'576, "MiB");
/// Tasks per instance (awsvpc: one elastic network interface per task): a whole count, at least 1.
inline const NumberRule TasksPerInstance = NumberRule::count(1, 1e6);

} // namespace Costscape::Models::Rules
