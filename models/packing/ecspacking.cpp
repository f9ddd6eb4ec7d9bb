// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/packing/ecspacking.h"

#include "models/packing/packingdetail.h"
#include "models/packing/packingpatterns.h"
#include "models/packing/smallstablesort.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <mutex>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace Costscape::Models {

using PackingDetail::describe;
using PackingDetail::fitsOffer;
using PackingDetail::howMany;
using PackingDetail::howManyCapped;

namespace {
std::vector<std::size_t> decreasingOrder(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity)
{
    std::vector<std::size_t> order(groups.size());
    std::iota(order.begin(), order.end(), 0);
    auto share = [&](const TaskDemand &t) {
        return std::max(t.cpuUnits / capacity.cpuUnits, t.memoryMb / capacity.memoryMb);
    };
    PackingDetail::stableSortSmall(order.begin(), order.end(),
                                   [&](std::size_t a, std::size_t b) { return share(groups[a]) > share(groups[b]); });
    return order;
}

/** `copies` identical instances, adjacent in first-fit order. */
struct Run {
    PackedInstance load;
    long long copies = 0;
    long long tasks = 0; ///< tasks on each copy, for the tasks-per-instance cap
};

/**
 * First-fit decreasing on runs of identical instances: a run whose copies all take n more tasks
 * stays one run, so the work grows with the number of distinct loads, not of instances. False
 * when a task does not fit an empty instance. listTasks keeps each run's tasks per group.
 */
bool packRuns(const std::vector<TaskDemand> &groups, const InstanceCapacity &capacity, bool listTasks, std::vector<Run> &runs,
              long long maxTasks = 0)
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
            const long long n = howManyCapped(capacity.cpuUnits - r.load.cpuUsed, capacity.memoryMb - r.load.memoryUsed, r.tasks,
                                              maxTasks, t);
            if (n <= 0)
                continue;
            const long long full = std::min(r.copies, left / n);
            const long long remainder = full < r.copies ? left - full * n : 0;
            std::vector<Run> replacement;
            if (full > 0)
                replacement.push_back({loaded(r.load, g, n), full, r.tasks + n});
            long long untouched = r.copies - full;
            if (remainder > 0) {
                replacement.push_back({loaded(r.load, g, remainder), 1, r.tasks + remainder});
                --untouched;
            }
            if (untouched > 0)
                replacement.push_back({r.load, untouched, r.tasks});
            left -= full * n + remainder;
            runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(i));
            runs.insert(runs.begin() + static_cast<std::ptrdiff_t>(i), replacement.begin(), replacement.end());
            i += replacement.size() - 1;
        }
        const long long perInstance = howManyCapped(capacity.cpuUnits, capacity.memoryMb, 0, maxTasks, t);
        if (left >= perInstance)
            runs.push_back({loaded(empty, g, perInstance), left / perInstance, perInstance});
        if (left % perInstance > 0)
            runs.push_back({loaded(empty, g, left % perInstance), 1, left % perInstance});
    }
    return true;
}
} // namespace

long long tasksPerEmptyInstance(const TaskDemand &task, const InstanceOffer &offer)
{
    return howManyCapped(offer.capacity.cpuUnits, offer.capacity.memoryMb, 0, offer.maxTasks, task);
}

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

double Packing::cpuUtilisation(const std::vector<InstanceOffer> &offers) const
{
    double used = 0, offered = 0;
    for (const InstanceRun &r : runs) {
        used += static_cast<double>(r.instances) * r.cpuUsed;
        offered += static_cast<double>(r.instances) * offers.at(static_cast<std::size_t>(r.offer)).capacity.cpuUnits;
    }
    return offered > 0 ? used / offered : 0;
}

double Packing::memoryUtilisation(const std::vector<InstanceOffer> &offers) const
{
    double used = 0, offered = 0;
    for (const InstanceRun &r : runs) {
        used += static_cast<double>(r.instances) * r.memoryUsed;
        offered += static_cast<double>(r.instances) * offers.at(static_cast<std::size_t>(r.offer)).capacity.memoryMb;
    }
    return offered > 0 ? used / offered : 0;
}

namespace {
/** How far above the configuration LP's bound a fleet may be for the greedy starts to be skipped. */
constexpr double NearOptimalGap = 0.005;

/** Cost of runs over the offers. */
double costOf(const std::vector<InstanceRun> &runs, const std::vector<InstanceOffer> &offers)
{
    double c = 0;
    for (const InstanceRun &r : runs)
        c += static_cast<double>(r.instances) * offers[static_cast<std::size_t>(r.offer)].hourlyPrice;
    return c;
}

/** First-fit decreasing of the tasks on one offer; false when a task fits no instance of it. */
bool ffdOn(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers, int o, std::vector<InstanceRun> &out)
{
    const InstanceOffer &offer = offers[static_cast<std::size_t>(o)];
    for (const TaskDemand &t : groups)
        if (t.count > 0 && !fitsOffer(t, offer))
            return false;
    std::vector<Run> runs;
    if (!packRuns(groups, offer.capacity, true, runs, offer.maxTasks))
        return false;
    for (Run &r : runs)
        out.push_back({o, r.copies, std::move(r.load.tasksPerGroup), r.load.cpuUsed, r.load.memoryUsed});
    return true;
}

/** The cheapest single offer for the groups by first-fit decreasing; -1 when none holds them. */
int bestSingleAfresh(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers, std::vector<InstanceRun> &out,
                     double &cost)
{
    int best = -1;
    cost = std::numeric_limits<double>::infinity();
    double cpu = 0, memory = 0, tasks = 0;
    for (const TaskDemand &t : groups) {
        if (t.count <= 0)
            continue;
        cpu += static_cast<double>(t.count) * t.cpuUnits;
        memory += static_cast<double>(t.count) * t.memoryMb;
        tasks += static_cast<double>(t.count);
    }
    for (std::size_t o = 0; o < offers.size(); ++o) {
        // No packing on one type needs fewer instances than its totals fill; a type that cannot
        // beat the best so far even then is not packed (most of the time of an hourly evaluation).
        const InstanceOffer &of = offers[o];
        double fewest = std::max(cpu / of.capacity.cpuUnits, memory / of.capacity.memoryMb);
        if (of.maxTasks > 0)
            fewest = std::max(fewest, tasks / static_cast<double>(of.maxTasks));
        if (std::ceil(fewest - 1e-9) * of.hourlyPrice >= cost - 1e-12)
            continue;
        std::vector<InstanceRun> runs;
        if (!ffdOn(groups, offers, static_cast<int>(o), runs))
            continue;
        const double c = costOf(runs, offers);
        if (c < cost - 1e-12) {
            cost = c;
            best = static_cast<int>(o);
            out = std::move(runs);
        }
    }
    return best;
}

} // namespace

/** What bestSingle() found for each set of tasks over one list of offers (UndominatedOffers::memo). */
class SingleTypeMemo
{
public:
    struct Found {
        int best = -1;
        double cost = 0;
        std::vector<InstanceRun> runs;
    };
    std::shared_ptr<const Found> find(std::string_view key)
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_found.find(key);
        return it == m_found.end() ? nullptr : it->second;
    }
    std::size_t size()
    {
        std::lock_guard lock(m_mutex);
        return m_found.size();
    }
    void keep(std::string key, std::shared_ptr<const Found> found)
    {
        std::lock_guard lock(m_mutex);
        // Bounded: a long Monte Carlo run forgets and refills rather than grow without end.
        if (m_found.size() >= Limit)
            m_found.clear();
        m_found.emplace(std::move(key), std::move(found));
    }

private:
    static constexpr std::size_t Limit = 20000;
    /** Looks keys up as views: a hit (most lookups) allocates nothing. */
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view key) const
        {
            // The key is whole 8-byte words (sizes and counts): a multiply-xor per word is cheaper
            // than std::hash's byte-wise mixing, and the table only needs the words spread.
            std::uint64_t h = 0xCBF29CE484222325ull ^ key.size();
            std::size_t at = 0;
            for (; at + 8 <= key.size(); at += 8) {
                std::uint64_t word;
                std::memcpy(&word, key.data() + at, 8);
                h = (h ^ word) * 0x9E3779B97F4A7C15ull;
                h ^= h >> 31;
            }
            for (; at < key.size(); ++at)
                h = (h ^ static_cast<unsigned char>(key[at])) * 0x100000001B3ull;
            return static_cast<std::size_t>(h);
        }
    };
    std::mutex m_mutex;
    std::unordered_map<std::string, std::shared_ptr<const Found>, Hash, std::equal_to<>> m_found;
};

namespace {
/**
 * What bestSingleAfresh() finds for the groups, remembered in `memo`: the same result, the same bits.
 * The key is everything of the tasks it reads (each group's size and count); the offers are the memo's.
 */
std::shared_ptr<const SingleTypeMemo::Found> bestSingleFound(const std::vector<TaskDemand> &groups,
                                                             const std::vector<InstanceOffer> &offers, SingleTypeMemo &memo)
{
    // The key on the stack for the usual few groups; a heap buffer for many.
    constexpr std::size_t PerGroup = 2 * sizeof(double) + sizeof(long long);
    std::array<char, 16 * PerGroup> onStack;
    std::string onHeap;
    char *start = onStack.data();
    if (groups.size() > 16) {
        onHeap.resize(groups.size() * PerGroup);
        start = onHeap.data();
    }
    char *at = start;
    for (const TaskDemand &t : groups) {
        std::memcpy(at, &t.cpuUnits, sizeof t.cpuUnits);
        std::memcpy(at + sizeof(double), &t.memoryMb, sizeof t.memoryMb);
        std::memcpy(at + 2 * sizeof(double), &t.count, sizeof t.count);
        at += PerGroup;
    }
    const std::string_view key(start, groups.size() * PerGroup);
    std::shared_ptr<const SingleTypeMemo::Found> found = memo.find(key);
    if (!found) {
        auto fresh = std::make_shared<SingleTypeMemo::Found>();
        fresh->best = bestSingleAfresh(groups, offers, fresh->runs, fresh->cost);
        found = fresh;
        memo.keep(std::string(key), std::move(fresh));
    }
    return found;
}

/** bestSingleAfresh(), through `memo` when there is one. */
int bestSingle(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers, std::vector<InstanceRun> &out,
               double &cost, SingleTypeMemo *memo)
{
    if (!memo)
        return bestSingleAfresh(groups, offers, out, cost);
    const std::shared_ptr<const SingleTypeMemo::Found> found = bestSingleFound(groups, offers, *memo);
    // As bestSingleAfresh() leaves them: `out` replaced only when some offer holds the tasks.
    cost = found->cost;
    if (found->best >= 0)
        out = found->runs;
    return found->best;
}

void mergeRuns(std::vector<InstanceRun> &runs)
{
    std::vector<InstanceRun> merged;
    for (InstanceRun &r : runs) {
        if (r.instances <= 0)
            continue;
        bool found = false;
        for (InstanceRun &m : merged)
            if (m.offer == r.offer && m.tasksPerGroup == r.tasksPerGroup) {
                m.instances += r.instances;
                found = true;
                break;
            }
        if (!found)
            merged.push_back(std::move(r));
    }
    PackingDetail::stableSortSmall(merged.begin(), merged.end(),
                                   [](const InstanceRun &a, const InstanceRun &b) { return a.offer < b.offer; });
    runs = std::move(merged);
}

/** How full an instance of the run is: its largest share of CPU, memory or task slots. */
double fill(const InstanceRun &r, const std::vector<InstanceOffer> &offers)
{
    const InstanceOffer &o = offers[static_cast<std::size_t>(r.offer)];
    double f = std::max(r.cpuUsed / o.capacity.cpuUnits, r.memoryUsed / o.capacity.memoryMb);
    if (o.maxTasks > 0) {
        long long tasks = 0;
        for (long long n : r.tasksPerGroup)
            tasks += n;
        f = std::max(f, static_cast<double>(tasks) / static_cast<double>(o.maxTasks));
    }
    return f;
}

/**
 * Improvement: take the m emptiest instances (m = 1, 2, 4, ...), pack their tasks afresh onto the
 * cheapest single offer for them, and keep the result when it costs less. Repeats while it helps.
 */
void repackEmptiest(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers, std::vector<InstanceRun> &runs,
                    SingleTypeMemo *memo)
{
    std::vector<TaskDemand> residual = groups; // the sizes; the counts are set for each m below
    for (int round = 0; round < 24; ++round) {
        PackingDetail::stableSortSmall(runs.begin(), runs.end(),
                                       [&](const InstanceRun &a, const InstanceRun &b) { return fill(a, offers) < fill(b, offers); });
        long long total = 0;
        for (const InstanceRun &r : runs)
            total += r.instances;
        bool improved = false;
        for (long long m = 1; m <= total && !improved; m = m * 2 > total && m < total ? total : m * 2) {
            // The m emptiest instances and their tasks.
            for (TaskDemand &t : residual)
                t.count = 0;
            double removedCost = 0;
            long long taken = 0;
            std::size_t i = 0;
            for (; i < runs.size() && taken < m; ++i) {
                const long long k = std::min(runs[i].instances, m - taken);
                taken += k;
                removedCost += static_cast<double>(k) * offers[static_cast<std::size_t>(runs[i].offer)].hourlyPrice;
                for (std::size_t g = 0; g < groups.size(); ++g)
                    residual[g].count += k * runs[i].tasksPerGroup[g];
            }
            std::vector<InstanceRun> repacked;
            double cost = 0;
            if (memo) {
                // Most re-packings gain nothing: the remembered runs are copied only when one does.
                const std::shared_ptr<const SingleTypeMemo::Found> found = bestSingleFound(residual, offers, *memo);
                if (found->best < 0 || found->cost >= removedCost - 1e-9)
                    continue;
                repacked = found->runs;
            } else if (bestSingle(residual, offers, repacked, cost, memo) < 0 || cost >= removedCost - 1e-9) {
                continue;
            }
            // Keep the untouched instances (the rest of a run split at m) and add the new ones.
            std::vector<InstanceRun> next;
            long long skip = m;
            for (const InstanceRun &r : runs) {
                const long long k = std::min(r.instances, skip);
                skip -= k;
                if (r.instances - k > 0) {
                    InstanceRun rest = r;
                    rest.instances -= k;
                    next.push_back(std::move(rest));
                }
            }
            next.insert(next.end(), repacked.begin(), repacked.end());
            runs = std::move(next);
            improved = true;
        }
        if (!improved)
            break;
    }
    mergeRuns(runs);
}
} // namespace

namespace {
/** Starts of packOptimisedOver(): all of them with the configuration LP first, or the greedy ones only. */
enum class Starts { All, Greedy };
Packing packOptimisedOver(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers, Starts starts,
                          std::vector<PackingPattern> *patterns = nullptr, SingleTypeMemo *memo = nullptr);

/** Whether every instance of b could be replaced by one of a at no more cost. */
bool dominates(const InstanceOffer &a, const InstanceOffer &b)
{
    const bool capsCover = b.maxTasks > 0 ? (a.maxTasks == 0 || a.maxTasks >= b.maxTasks) : a.maxTasks == 0;
    return a.capacity.cpuUnits >= b.capacity.cpuUnits && a.capacity.memoryMb >= b.capacity.memoryMb && capsCover
        && a.hourlyPrice <= b.hourlyPrice;
}
} // namespace

Packing packOptimised(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers)
{
    return packOptimised(groups, offers, nullptr);
}

Packing packOptimised(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers,
                      std::vector<PackingPattern> *patterns)
{
    return packOptimised(groups, undominatedOffers(offers), patterns);
}

UndominatedOffers undominatedOffers(const std::vector<InstanceOffer> &offers)
{
    // A type that another offers at least as much of for no more money never helps: pack over the
    // rest (on the default sheet 76 types leave about a third), then name the runs by the full list.
    UndominatedOffers out;
    out.memo = std::make_shared<SingleTypeMemo>();
    for (std::size_t i = 0; i < offers.size(); ++i) {
        bool dominated = false;
        for (std::size_t j = 0; j < offers.size() && !dominated; ++j) {
            if (i == j || !dominates(offers[j], offers[i]))
                continue;
            // Identical offers: keep the first of them.
            dominated = !dominates(offers[i], offers[j]) || j < i;
        }
        if (!dominated) {
            out.offers.push_back(offers[i]);
            out.original.push_back(static_cast<int>(i));
        }
    }
    return out;
}

std::size_t rememberedSingleTypeSets(const UndominatedOffers &kept)
{
    return kept.memo ? kept.memo->size() : 0;
}

Packing packOptimised(const std::vector<TaskDemand> &groups, const UndominatedOffers &kept, std::vector<PackingPattern> *patterns)
{
    // The patterns name offers of `kept`, which depends on the offers alone: the same list on
    // every call over the same offers.
    Packing p = packOptimisedOver(groups, kept.offers, Starts::All, patterns, kept.memo.get());
    for (InstanceRun &r : p.runs)
        r.offer = kept.original[static_cast<std::size_t>(r.offer)];
    return p;
}

namespace {
Packing packOptimisedOver(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers, Starts starts,
                          std::vector<PackingPattern> *patterns, SingleTypeMemo *memo)
{
    Packing p;
    bool any = false;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].count <= 0)
            continue;
        any = true;
        bool somewhere = false;
        for (const InstanceOffer &o : offers)
            somewhere = somewhere || fitsOffer(groups[g], o);
        if (!somewhere) {
            p.feasible = false;
            p.reason = describe(g, groups[g]) + " fits no candidate type";
            return p;
        }
    }
    if (!any)
        return p;

    // Start 1: first-fit decreasing on the cheapest single type that holds every group.
    std::vector<InstanceRun> best;
    double bestCost = std::numeric_limits<double>::infinity();
    bestSingle(groups, offers, best, bestCost, memo);
    bool bestRepacked = false; // the mixed starts are re-packed already
    // A mixed start is re-packed at once and kept when it beats the best so far.
    auto keepMixedIfCheaper = [&](std::vector<InstanceRun> mixed) {
        repackEmptiest(groups, offers, mixed, memo);
        const double c = costOf(mixed, offers);
        if (c < bestCost - 1e-9) {
            bestCost = c;
            best = std::move(mixed);
            bestRepacked = true;
        }
    };

    // Start 2: the configuration LP's optimum in whole instances (each pattern rounded down), the
    // tasks it leaves packed by the greedy starts below, then the emptiest instances re-packed: on
    // large problems the LP's patterns fill CPU and memory together better than any greedy start.
    double bound = 0;
    if (starts == Starts::All) {
        // A shorter knapsack search than the bound uses: the packer needs good
        // patterns, not a proof, and 100,000 tasks must pack within 200 ms.
        PatternLp lp = solvePatternLp(groups, offers, 40, 1000, false, patterns && !patterns->empty() ? patterns : nullptr);
        // The first problem of a series hands its patterns on; later ones only use them.
        if (patterns && patterns->empty())
            *patterns = std::move(lp.patterns);
        bound = std::isnan(lp.lowerBound) ? 0 : lp.lowerBound;
        if (!lp.rounded.empty()) {
            std::vector<InstanceRun> mixed = lp.rounded;
            std::vector<TaskDemand> residual = groups;
            bool left = false;
            for (std::size_t g = 0; g < groups.size(); ++g) {
                residual[g].count = lp.residual[g];
                left = left || lp.residual[g] > 0;
            }
            bool ok = true;
            if (left) {
                const Packing rest = packOptimisedOver(residual, offers, Starts::Greedy, nullptr, memo);
                ok = rest.feasible;
                mixed.insert(mixed.end(), rest.runs.begin(), rest.runs.end());
            }
            if (ok)
                keepMixedIfCheaper(std::move(mixed));
        }
    }
    // Within half a percent of the LP's bound nothing below can gain more than that: the greedy
    // starts are skipped (most of the time of an hourly evaluation, which packs dozens of hours).
    const bool nearOptimal = bound > 0 && bestCost <= bound * (1 + NearOptimalGap);

    // Start 3: each group on the type that holds its tasks cheapest alone (price per task), the
    // groups sharing a type packed together; this mixes CPU-heavy and memory-heavy families.
    if (!nearOptimal) {
        std::vector<int> home(groups.size(), -1);
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (groups[g].count <= 0)
                continue;
            double bestPerTask = std::numeric_limits<double>::infinity();
            for (std::size_t o = 0; o < offers.size(); ++o) {
                if (!fitsOffer(groups[g], offers[o]))
                    continue;
                const long long per = howManyCapped(offers[o].capacity.cpuUnits, offers[o].capacity.memoryMb, 0, offers[o].maxTasks,
                                                    groups[g]);
                const long long n = std::min(per, groups[g].count);
                // Whole instances for this group alone: the last one's emptiness counts.
                const double perTask = static_cast<double>((groups[g].count + per - 1) / per) * offers[o].hourlyPrice
                                       / static_cast<double>(groups[g].count);
                if (n > 0 && perTask < bestPerTask - 1e-15) {
                    bestPerTask = perTask;
                    home[g] = static_cast<int>(o);
                }
            }
        }
        std::vector<InstanceRun> mixed;
        bool ok = true;
        for (std::size_t o = 0; o < offers.size() && ok; ++o) {
            std::vector<TaskDemand> part = groups;
            bool used = false;
            for (std::size_t g = 0; g < groups.size(); ++g) {
                if (home[g] != static_cast<int>(o))
                    part[g].count = 0;
                used = used || part[g].count > 0;
            }
            if (used)
                ok = ffdOn(part, offers, static_cast<int>(o), mixed);
        }
        if (ok)
            keepMixedIfCheaper(std::move(mixed));
    }
    // Start 4: share the tasks out among the types by marginal cost. Each group is cut into
    // slices; slice after slice (the groups interleaved) goes to the type whose fractional fleet
    // (the larger of its CPU, memory and task-slot shares, times the price) grows least, so
    // CPU-heavy and memory-heavy tasks end up sharing types whose shape suits the blend. Each
    // type's share is then packed by first-fit decreasing and the emptiest instances re-packed.
    for (int slices : {16}) {
        // The leftovers of the LP's rounding are few: the slicing is not worth its time on them.
        if (nearOptimal || starts == Starts::Greedy)
            break;
        struct Load {
            double cpu = 0, mem = 0, tasks = 0;
        };
        std::vector<Load> load(offers.size());
        std::vector<std::vector<long long>> share(offers.size(), std::vector<long long>(groups.size(), 0));
        // The fractional fleet's cost; early passes use a smoothed maximum (a p-norm), on which
        // moving one slice at a time does not stall at the corners where two resources bind.
        bool smooth = false;
        auto fractional = [&](std::size_t o, const Load &l) {
            const InstanceOffer &of = offers[o];
            const double c = l.cpu / of.capacity.cpuUnits, m = l.mem / of.capacity.memoryMb;
            double f = std::max(c, m);
            if (smooth && f > 0) {
                // The 8-norm of (c, m), by squaring: max(c, m) x (a^8 + b^8)^(1/8).
                auto p8 = [](double x) {
                    x *= x;
                    x *= x;
                    return x * x;
                };
                f *= std::sqrt(std::sqrt(std::sqrt(p8(c / f) + p8(m / f))));
            }
            if (of.maxTasks > 0)
                f = std::max(f, l.tasks / static_cast<double>(of.maxTasks));
            return f * of.hourlyPrice;
        };
        struct Slice {
            std::size_t group = 0;
            long long n = 0;
            std::size_t offer = 0;
        };
        std::vector<Slice> sliceList;
        for (int k = 0; k < slices; ++k)
            for (std::size_t g = 0; g < groups.size(); ++g) {
                const TaskDemand &t = groups[g];
                const long long n = t.count > 0 ? t.count / slices + (k < t.count % slices ? 1 : 0) : 0;
                if (n > 0)
                    sliceList.push_back({g, n, offers.size()});
            }
        auto add = [&](Load &l, const Slice &sl, double sign) {
            const TaskDemand &t = groups[sl.group];
            l.cpu += sign * static_cast<double>(sl.n) * t.cpuUnits;
            l.mem += sign * static_cast<double>(sl.n) * t.memoryMb;
            l.tasks += sign * static_cast<double>(sl.n);
        };
        // First pass: each slice where it adds least; later passes move a slice when another type
        // now takes it for less (the fractional fleet is convex, so this settles quickly).
        for (int pass = 0; pass < 8; ++pass) {
            smooth = pass < 3;
            bool moved = false;
            for (Slice &sl : sliceList) {
                if (sl.offer < offers.size())
                    add(load[sl.offer], sl, -1);
                std::size_t bestOffer = offers.size();
                double bestDelta = std::numeric_limits<double>::infinity();
                for (std::size_t o = 0; o < offers.size(); ++o) {
                    if (!fitsOffer(groups[sl.group], offers[o]))
                        continue;
                    Load after = load[o];
                    add(after, sl, 1);
                    const double delta = fractional(o, after) - fractional(o, load[o]);
                    if (delta < bestDelta - 1e-12 || (o == sl.offer && delta <= bestDelta + 1e-12)) {
                        bestDelta = delta;
                        bestOffer = o;
                    }
                }
                moved = moved || bestOffer != sl.offer;
                sl.offer = bestOffer;
                add(load[bestOffer], sl, 1);
            }
            if (!moved && !smooth)
                break;
        }
        for (const Slice &sl : sliceList)
            share[sl.offer][sl.group] += sl.n;
        std::vector<InstanceRun> mixed;
        bool ok = true;
        for (std::size_t o = 0; o < offers.size() && ok; ++o) {
            std::vector<TaskDemand> part = groups;
            bool used = false;
            for (std::size_t g = 0; g < groups.size(); ++g) {
                part[g].count = share[o][g];
                used = used || share[o][g] > 0;
            }
            if (used)
                ok = ffdOn(part, offers, static_cast<int>(o), mixed);
        }
        if (ok)
            keepMixedIfCheaper(std::move(mixed));
    }

    // What ECS itself would do on each type (binpack on memory, groups in the order given) is a
    // packing too: the optimised fleet is never dearer than the scheduler's on any single type.
    double totalCpu = 0, totalMemory = 0, totalTasks = 0;
    for (const TaskDemand &t : groups) {
        if (t.count <= 0)
            continue;
        totalCpu += static_cast<double>(t.count) * t.cpuUnits;
        totalMemory += static_cast<double>(t.count) * t.memoryMb;
        totalTasks += static_cast<double>(t.count);
    }
    for (std::size_t o = 0; o < offers.size(); ++o) {
        bool all = true;
        for (const TaskDemand &t : groups)
            all = all && (t.count <= 0 || fitsOffer(t, offers[o]));
        if (!all)
            continue;
        // As in bestSingle: a type whose totals alone cost no less than the best is not simulated.
        const InstanceOffer &of = offers[o];
        double fewest = std::max(totalCpu / of.capacity.cpuUnits, totalMemory / of.capacity.memoryMb);
        if (of.maxTasks > 0)
            fewest = std::max(fewest, totalTasks / static_cast<double>(of.maxTasks));
        if (std::ceil(fewest - 1e-9) * of.hourlyPrice >= bestCost - 1e-9)
            continue;
        // The scheduler names its one type offer 0; here that type is offer o.
        Packing sim = simulateEcsScheduler(groups, offers[o], PlacementStrategy::BinpackMemory);
        for (InstanceRun &r : sim.runs)
            r.offer = static_cast<int>(o);
        if (sim.hourlyCost < bestCost - 1e-9) {
            bestCost = sim.hourlyCost;
            best = std::move(sim.runs);
            bestRepacked = false;
        }
    }
    if (!best.empty() && !bestRepacked) {
        std::vector<InstanceRun> improved = best;
        repackEmptiest(groups, offers, improved, memo);
        if (costOf(improved, offers) < bestCost - 1e-9)
            best = std::move(improved);
    }
    mergeRuns(best);
    p.runs = std::move(best);
    for (const InstanceRun &r : p.runs)
        p.instances += r.instances;
    p.hourlyCost = costOf(p.runs, offers);
    return p;
}

} // namespace

} // namespace Costscape::Models
