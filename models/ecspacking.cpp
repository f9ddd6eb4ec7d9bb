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
} // namespace

bool fits(const TaskDemand &task, const InstanceCapacity &capacity)
{
    return howMany(capacity.cpuUnits, capacity.memoryMb, task) >= 1;
}

namespace {
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

// A run of identical instances: same load, in first-fit order.
struct Run {
    double cpuUsed = 0;
    double memoryUsed = 0;
    long long copies = 0;
};
} // namespace

long long countInstancesFirstFitDecreasing(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity)
{
    std::vector<Run> runs;
    for (std::size_t g : decreasingOrder(groups, capacity)) {
        const TaskDemand &t = groups[g];
        long long left = t.count;
        if (left <= 0)
            continue;
        if (!fits(t, capacity))
            return -1;
        // Existing runs, in order: each copy takes as many as fit, exactly as one-by-one first fit.
        for (std::size_t i = 0; i < runs.size() && left > 0; ++i) {
            Run &r = runs[i];
            const long long n = howMany(capacity.cpuUnits - r.cpuUsed, capacity.memoryMb - r.memoryUsed, t);
            if (n <= 0)
                continue;
            const long long fullCopies = std::min(r.copies, left / n);
            const long long remainder = fullCopies < r.copies ? left - fullCopies * n : 0;
            std::vector<Run> replacement;
            if (fullCopies > 0)
                replacement.push_back({r.cpuUsed + n * t.cpuUnits, r.memoryUsed + n * t.memoryMb, fullCopies});
            long long untouched = r.copies - fullCopies;
            if (remainder > 0) {
                replacement.push_back({r.cpuUsed + remainder * t.cpuUnits, r.memoryUsed + remainder * t.memoryMb, 1});
                --untouched;
            }
            if (untouched > 0)
                replacement.push_back({r.cpuUsed, r.memoryUsed, untouched});
            left -= fullCopies * n + remainder;
            runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(i));
            runs.insert(runs.begin() + static_cast<std::ptrdiff_t>(i), replacement.begin(), replacement.end());
            i += replacement.size() - 1;
        }
        const long long perInstance = howMany(capacity.cpuUnits, capacity.memoryMb, t);
        if (left >= perInstance)
            runs.push_back({perInstance * t.cpuUnits, perInstance * t.memoryMb, left / perInstance});
        if (left % perInstance > 0)
            runs.push_back({(left % perInstance) * t.cpuUnits, (left % perInstance) * t.memoryMb, 1});
    }
    long long total = 0;
    for (const Run &r : runs)
        total += r.copies;
    return total;
}

std::vector<PackedInstance> packFirstFitDecreasing(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity)
{
    std::vector<PackedInstance> instances;
    for (std::size_t g : decreasingOrder(groups, capacity)) {
        const TaskDemand &t = groups[g];
        long long left = t.count;
        if (left <= 0)
            continue;
        if (!fits(t, capacity))
            return {};
        for (PackedInstance &inst : instances) {
            if (left == 0)
                break;
            const long long n = std::min(left, howMany(capacity.cpuUnits - inst.cpuUsed, capacity.memoryMb - inst.memoryUsed, t));
            if (n <= 0)
                continue;
            inst.tasksPerGroup[g] += n;
            inst.cpuUsed += n * t.cpuUnits;
            inst.memoryUsed += n * t.memoryMb;
            left -= n;
        }
        const long long perInstance = howMany(capacity.cpuUnits, capacity.memoryMb, t);
        while (left > 0) {
            PackedInstance inst;
            inst.tasksPerGroup.assign(groups.size(), 0);
            const long long n = std::min(left, perInstance);
            inst.tasksPerGroup[g] = n;
            inst.cpuUsed = n * t.cpuUnits;
            inst.memoryUsed = n * t.memoryMb;
            left -= n;
            instances.push_back(std::move(inst));
        }
    }
    return instances;
}

} // namespace Costscape::Models
