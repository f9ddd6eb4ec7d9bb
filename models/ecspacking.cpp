// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ecspacking.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Costscape::Models {

namespace {
// How many tasks fit into the room left; a hair of tolerance so 4 x 0.25 vCPU fill 1 vCPU.
long long howMany(double cpuLeft, double memLeft, const TaskDemand &t)
{
    const double eps = 1e-9;
    const double byCpu = t.cpuUnits > 0 ? std::floor((cpuLeft + eps) / t.cpuUnits) : 1e18;
    const double byMem = t.memoryMb > 0 ? std::floor((memLeft + eps) / t.memoryMb) : 1e18;
    return static_cast<long long>(std::max(0.0, std::min(byCpu, byMem)));
}

std::vector<std::size_t> decreasingOrder(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity)
{
    std::vector<std::size_t> order(groups.size());
    std::iota(order.begin(), order.end(), 0);
    auto share = [&](const TaskDemand &t) {
        return std::max(t.cpuUnits / capacity.cpuUnits, t.memoryMb / capacity.memoryMb);
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return share(groups[a]) > share(groups[b]); });
    return order;
}

/** `copies` identical instances, adjacent in first-fit order. */
struct Run {
    PackedInstance load;
    long long copies = 0;
};

/**
 * First-fit decreasing on runs of identical instances: a run whose copies all take n more tasks
 * stays one run, so the work grows with the number of distinct loads, not of instances. False
 * when a task does not fit an empty instance. listTasks keeps each run's tasks per group.
 */
bool packRuns(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity, bool listTasks, std::vector<Run> &runs)
{
    // Counting needs only the load; the tasks per group are kept when the instances are listed.
    auto loaded = [&](const PackedInstance &from, std::size_t g, long long n) {
        PackedInstance p = from;
        if (listTasks)
            p.tasksPerGroup[g] += n;
        p.cpuUsed += n * groups[g].cpuUnits;
        p.memoryUsed += n * groups[g].memoryMb;
        return p;
    };
    const PackedInstance empty{std::vector<long long>(listTasks ? groups.size() : 0, 0), 0, 0};
    for (std::size_t g : decreasingOrder(groups, capacity)) {
        const TaskDemand &t = groups[g];
        long long left = t.count;
        if (left <= 0)
            continue;
        if (!fits(t, capacity))
            return false;
        // Existing runs, in order: each copy takes as many as fit, exactly as one-by-one first fit.
        for (std::size_t i = 0; i < runs.size() && left > 0; ++i) {
            const Run r = runs[i];
            const long long n = howMany(capacity.cpuUnits - r.load.cpuUsed, capacity.memoryMb - r.load.memoryUsed, t);
            if (n <= 0)
                continue;
            const long long full = std::min(r.copies, left / n);
            const long long remainder = full < r.copies ? left - full * n : 0;
            std::vector<Run> replacement;
            if (full > 0)
                replacement.push_back({loaded(r.load, g, n), full});
            long long untouched = r.copies - full;
            if (remainder > 0) {
                replacement.push_back({loaded(r.load, g, remainder), 1});
                --untouched;
            }
            if (untouched > 0)
                replacement.push_back({r.load, untouched});
            left -= full * n + remainder;
            runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(i));
            runs.insert(runs.begin() + static_cast<std::ptrdiff_t>(i), replacement.begin(), replacement.end());
            i += replacement.size() - 1;
        }
        const long long perInstance = howMany(capacity.cpuUnits, capacity.memoryMb, t);
        if (left >= perInstance)
            runs.push_back({loaded(empty, g, perInstance), left / perInstance});
        if (left % perInstance > 0)
            runs.push_back({loaded(empty, g, left % perInstance), 1});
    }
    return true;
}
} // namespace

bool fits(const TaskDemand &task, const InstanceCapacity &capacity)
{
    return howMany(capacity.cpuUnits, capacity.memoryMb, task) >= 1;
}

long long countInstancesFirstFitDecreasing(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity)
{
    std::vector<Run> runs;
    if (!packRuns(groups, capacity, false, runs))
        return -1;
    long long total = 0;
    for (const Run &r : runs)
        total += r.copies;
    return total;
}

std::vector<PackedInstance> packFirstFitDecreasing(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity)
{
    std::vector<Run> runs;
    if (!packRuns(groups, capacity, true, runs))
        return {};
    std::vector<PackedInstance> instances;
    for (const Run &r : runs)
        instances.insert(instances.end(), static_cast<std::size_t>(r.copies), r.load);
    return instances;
}

} // namespace Costscape::Models
