// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/packing/ecsscheduler.h"

#include "models/packing/ecspacking.h"
#include "models/packing/packingdetail.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

namespace Costscape::Models {

using PackingDetail::describe;
using PackingDetail::fitsOffer;
using PackingDetail::howManyCapped;

namespace {
/** Identical instances of the simulated scheduler: same tasks per group, so the same room left. */
struct SimState {
    std::vector<long long> perGroup;
    double cpuUsed = 0;
    double memoryUsed = 0;
    long long tasks = 0;
    long long copies = 0;
    long long order = 0; ///< when the first of them was launched, for "ties by lowest index"
};

void addTasks(SimState &s, const std::vector<TaskDemand> &groups, std::size_t g, long long n)
{
    s.perGroup[g] += n;
    s.cpuUsed += static_cast<double>(n) * groups[g].cpuUnits;
    s.memoryUsed += static_cast<double>(n) * groups[g].memoryMb;
    s.tasks += n;
}

/** Moves `copies` copies of states[i] to a state with n more tasks of group g. */
void promote(std::vector<SimState> &states, std::size_t i, long long copies, const std::vector<TaskDemand> &groups,
             std::size_t g, long long n)
{
    if (copies <= 0 || n <= 0)
        return;
    SimState moved = states[i];
    moved.copies = copies;
    addTasks(moved, groups, g, n);
    states[i].copies -= copies;
    for (SimState &s : states)
        if (s.copies > 0 && s.perGroup == moved.perGroup) {
            s.copies += moved.copies;
            s.order = std::min(s.order, moved.order);
            return;
        }
    states.push_back(std::move(moved));
}

Packing toPacking(const std::vector<SimState> &states, int offerIndex, const InstanceOffer &offer)
{
    Packing p;
    for (const SimState &s : states) {
        if (s.copies <= 0 || s.tasks <= 0)
            continue; // an instance left empty is scaled in
        p.runs.push_back({offerIndex, s.copies, s.perGroup, s.cpuUsed, s.memoryUsed});
        p.instances += s.copies;
    }
    p.hourlyCost = static_cast<double>(p.instances) * offer.hourlyPrice;
    return p;
}

/**
 * One type, tasks placed one at a time (group after group, in the order given) as the ECS
 * scheduler does; identical instances are kept as one state, and a step places as many tasks as
 * the strategy would put on them one by one.
 */
std::vector<SimState> simulate(const std::vector<TaskDemand> &groups, const InstanceOffer &offer, PlacementStrategy strategy,
                               long long prelaunched)
{
    const InstanceCapacity &cap = offer.capacity;
    std::vector<SimState> states;
    long long launched = 0;
    if (prelaunched > 0) {
        states.push_back({std::vector<long long>(groups.size(), 0), 0, 0, 0, prelaunched, 0});
        launched = prelaunched;
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const TaskDemand &t = groups[g];
        long long left = t.count;
        while (left > 0) {
            // The candidates: states with room for one more task.
            std::size_t best = states.size();
            long long bestN = 0;
            auto better = [&](const SimState &a, const SimState &b) {
                const double aCpu = cap.cpuUnits - a.cpuUsed, bCpu = cap.cpuUnits - b.cpuUsed;
                const double aMem = cap.memoryMb - a.memoryUsed, bMem = cap.memoryMb - b.memoryUsed;
                switch (strategy) {
                case PlacementStrategy::BinpackMemory:
                    if (aMem != bMem)
                        return aMem < bMem;
                    break;
                case PlacementStrategy::BinpackCpu:
                    if (aCpu != bCpu)
                        return aCpu < bCpu;
                    break;
                case PlacementStrategy::Spread:
                    if (a.tasks != b.tasks)
                        return a.tasks < b.tasks;
                    break;
                }
                return a.order < b.order;
            };
            for (std::size_t i = 0; i < states.size(); ++i) {
                const SimState &s = states[i];
                if (s.copies <= 0)
                    continue;
                const long long n = howManyCapped(cap.cpuUnits - s.cpuUsed, cap.memoryMb - s.memoryUsed, s.tasks, offer.maxTasks, t);
                if (n > 0 && (best == states.size() || better(s, states[best]))) {
                    best = i;
                    bestN = n;
                }
            }
            if (best == states.size()) {
                // Nothing has room: launch an instance (capacity provider scaling). It is then the
                // only one with room, so it takes tasks until it is full, whatever the strategy.
                const long long per = howManyCapped(cap.cpuUnits, cap.memoryMb, 0, offer.maxTasks, t);
                const long long fresh = (left + per - 1) / per;
                states.push_back({std::vector<long long>(groups.size(), 0), 0, 0, 0, fresh, launched});
                launched += fresh;
                const std::size_t i = states.size() - 1;
                const long long full = left / per;
                promote(states, i, full, groups, g, per);
                if (left % per > 0)
                    promote(states, i, 1, groups, g, left % per);
                left = 0;
                continue;
            }
            const long long copies = states[best].copies;
            if (strategy != PlacementStrategy::Spread) {
                // Binpack: the chosen instance keeps the least room while it has any, so it takes
                // bestN tasks; then the next copy of the same load is chosen.
                const long long full = std::min(copies, left / bestN);
                if (full > 0) {
                    promote(states, best, full, groups, g, bestN);
                    left -= full * bestN;
                } else {
                    promote(states, best, 1, groups, g, left);
                    left = 0;
                }
                continue;
            }
            // Spread: every copy of the least-loaded state takes tasks in turn until it reaches
            // the next-least-loaded candidate's count.
            long long next = std::numeric_limits<long long>::max();
            for (std::size_t i = 0; i < states.size(); ++i) {
                const SimState &s = states[i];
                if (i == best || s.copies <= 0)
                    continue;
                if (howManyCapped(cap.cpuUnits - s.cpuUsed, cap.memoryMb - s.memoryUsed, s.tasks, offer.maxTasks, t) > 0)
                    next = std::min(next, s.tasks);
            }
            const long long level = states[best].tasks;
            const long long d = std::max(1LL, std::min(bestN, next == std::numeric_limits<long long>::max() ? bestN : next - level));
            if (left >= copies * d) {
                promote(states, best, copies, groups, g, d);
                left -= copies * d;
            } else {
                const long long q = left / copies, extra = left % copies;
                const std::size_t at = best;
                promote(states, at, extra, groups, g, q + 1);
                promote(states, at, copies - extra, groups, g, q);
                left = 0;
            }
        }
    }
    return states;
}
} // namespace

Packing simulateEcsScheduler(const std::vector<TaskDemand> &groups, const InstanceOffer &offer, PlacementStrategy strategy)
{
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (groups[g].count > 0 && !fitsOffer(groups[g], offer)) {
            Packing p;
            p.feasible = false;
            p.reason = describe(g, groups[g]) + " fits no " + offer.type + " instance";
            return p;
        }
    if (strategy == PlacementStrategy::Spread) {
        // A capacity provider's managed scaling launches the instances the pending tasks need
        // (its estimate packs them; we use binpack on memory) and the scheduler then spreads the
        // tasks across all of them; a task that then fits none launches one more.
        long long needed = 0;
        for (const SimState &s : simulate(groups, offer, PlacementStrategy::BinpackMemory, 0))
            if (s.tasks > 0)
                needed += s.copies;
        return toPacking(simulate(groups, offer, PlacementStrategy::Spread, needed), 0, offer);
    }
    return toPacking(simulate(groups, offer, strategy, 0), 0, offer);
}

} // namespace Costscape::Models
