// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the packers (ecspacking.cpp, ecsscheduler.cpp): not for other modules. The test of
// how many tasks fit lives once, so that the optimised fleet and the simulated scheduler agree on
// every instance's room to the last task, and infeasible packings name a group the same way.

#include "models/packing/ecspacking.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>

namespace Costscape::Models::PackingDetail {

// How many tasks fit into the room left; a hair of tolerance so 4 x 0.25 vCPU fill 1 vCPU.
inline long long howMany(double cpuLeft, double memLeft, const TaskDemand &t)
{
    const double eps = 1e-9;
    const double byCpu = t.cpuUnits > 0 ? std::floor((cpuLeft + eps) / t.cpuUnits) : 1e18;
    const double byMem = t.memoryMb > 0 ? std::floor((memLeft + eps) / t.memoryMb) : 1e18;
    return static_cast<long long>(std::max(0.0, std::min(byCpu, byMem)));
}

// howMany(), also held to the tasks-per-instance cap (0 = none).
inline long long howManyCapped(double cpuLeft, double memLeft, long long tasksOn, long long maxTasks, const TaskDemand &t)
{
    const long long n = howMany(cpuLeft, memLeft, t);
    return maxTasks > 0 ? std::min(n, std::max(0LL, maxTasks - tasksOn)) : n;
}

// How a reason names a task group: "task group 2 (0.5 vCPU / 1024 MiB)".
inline std::string describe(std::size_t g, const TaskDemand &t)
{
    std::ostringstream s;
    s << "task group " << g + 1 << " (" << t.cpuUnits / 1024.0 << " vCPU / " << t.memoryMb << " MiB)";
    return s.str();
}

// fits() on an offer, refusing one with no CPU or memory to offer.
inline bool fitsOffer(const TaskDemand &t, const InstanceOffer &o)
{
    return o.capacity.cpuUnits > 0 && o.capacity.memoryMb > 0 && fits(t, o.capacity);
}

} // namespace Costscape::Models::PackingDetail
