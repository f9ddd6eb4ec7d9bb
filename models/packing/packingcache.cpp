// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/packing/packingcache.h"

#include "models/packing/packingpatterns.h"

#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>

namespace Costscape::Models {

namespace {

/** One remembered packing, and the patterns its LP handed on when it ran unseeded. */
struct Entry {
    Packing packing;
    std::shared_ptr<const std::vector<PackingPattern>> patterns; ///< null when it was seeded
};

/** Under which seed (the combination whose patterns seeded it; {-1}: none) and for which counts. */
using EntryKey = std::pair<std::vector<long long>, std::vector<long long>>;

/** An EntryKey by reference: looking a combination up copies nothing (most lookups hit). */
struct EntryKeyView {
    const std::vector<long long> &seed;
    const std::vector<long long> &counts;
};

/** Hashes and compares EntryKeys and views of them alike (heterogeneous lookup). */
struct EntryKeyHash {
    using is_transparent = void;
    static std::size_t of(const std::vector<long long> &seed, const std::vector<long long> &counts)
    {
        std::uint64_t h = 0x84222325CBF29CE4ull ^ seed.size();
        auto mix = [&h](long long v) {
            h = (h ^ static_cast<std::uint64_t>(v)) * 0x9E3779B97F4A7C15ull;
            h ^= h >> 29;
        };
        for (const long long v : seed)
            mix(v);
        mix(static_cast<long long>(counts.size()));
        for (const long long v : counts)
            mix(v);
        return static_cast<std::size_t>(h);
    }
    std::size_t operator()(const EntryKey &k) const { return of(k.first, k.second); }
    std::size_t operator()(const EntryKeyView &k) const { return of(k.seed, k.counts); }
};
struct EntryKeyEqual {
    using is_transparent = void;
    bool operator()(const EntryKey &a, const EntryKey &b) const { return a == b; }
    bool operator()(const EntryKeyView &a, const EntryKey &b) const { return a.seed == b.first && a.counts == b.second; }
    bool operator()(const EntryKey &a, const EntryKeyView &b) const { return b.seed == a.first && b.counts == a.second; }
};

/** The packings of one list of offers and one set of task sizes. */
struct Series {
    std::mutex mutex;
    std::unordered_map<EntryKey, std::shared_ptr<const Entry>, EntryKeyHash, EntryKeyEqual> entries;
    /// The offers packed over, filtered once for the series, with what bestSingle found (its memo).
    std::shared_ptr<const UndominatedOffers> kept;
};

struct Cache {
    std::mutex mutex;
    std::unordered_map<std::string, std::shared_ptr<Series>> series;
    std::atomic<std::size_t> held{0};
    std::atomic<std::size_t> packed{0};
    std::atomic<std::size_t> reused{0};
};

Cache &cache()
{
    static Cache c;
    return c;
}

void append(std::string &out, const void *data, std::size_t size)
{
    out.append(static_cast<const char *>(data), size);
}

/** Everything of the offers and sizes that packOptimised() reads, as bytes: equal bytes, equal problem. */
std::string signature(const std::vector<TaskDemand> &sizes, const std::vector<InstanceOffer> &offers)
{
    std::string s;
    s.reserve(offers.size() * 48 + sizes.size() * 16 + 16);
    const std::size_t groups = sizes.size();
    append(s, &groups, sizeof groups);
    for (const TaskDemand &d : sizes) {
        append(s, &d.cpuUnits, sizeof d.cpuUnits);
        append(s, &d.memoryMb, sizeof d.memoryMb);
    }
    for (const InstanceOffer &o : offers) {
        const std::size_t length = o.type.size();
        append(s, &length, sizeof length);
        s += o.type;
        append(s, &o.capacity.cpuUnits, sizeof o.capacity.cpuUnits);
        append(s, &o.capacity.memoryMb, sizeof o.capacity.memoryMb);
        append(s, &o.hourlyPrice, sizeof o.hourlyPrice);
        append(s, &o.maxTasks, sizeof o.maxTasks);
        s += o.burstable ? '1' : '0';
    }
    return s;
}

/** The single-type packings the series' filtered offers remember (c.mutex held). */
std::size_t singleTypeSets(Cache &c)
{
    std::size_t sets = 0;
    for (const auto &[signature, series] : c.series) {
        std::shared_ptr<const UndominatedOffers> kept;
        {
            std::lock_guard lock(series->mutex);
            kept = series->kept;
        }
        if (kept)
            sets += rememberedSingleTypeSets(*kept);
    }
    return sets;
}

std::shared_ptr<Series> seriesFor(const std::string &signature)
{
    Cache &c = cache();
    std::lock_guard lock(c.mutex);
    // The packings and the single-type packings the series' memos keep count alike.
    if (c.held.load() + singleTypeSets(c) > PackingCacheLimit) {
        // Forget everything: callers holding a series keep it alive until they finish.
        c.series.clear();
        c.held = 0;
    }
    std::shared_ptr<Series> &s = c.series[signature];
    if (!s)
        s = std::make_shared<Series>();
    return s;
}

} // namespace

std::vector<Packing> packCombinations(const std::vector<TaskDemand> &sizes, const std::vector<std::vector<long long>> &combinations,
                                      std::size_t first, const std::vector<InstanceOffer> &offers, Seeding seeding)
{
    std::vector<Packing> out;
    out.reserve(combinations.size());
    for (const std::shared_ptr<const Packing> &p : packCombinationsShared(sizes, combinations, first, offers, seeding))
        out.push_back(*p);
    return out;
}

std::vector<std::shared_ptr<const Packing>> packCombinationsShared(const std::vector<TaskDemand> &sizes,
                                                                   const std::vector<std::vector<long long>> &combinations,
                                                                   std::size_t first, const std::vector<InstanceOffer> &offers,
                                                                   Seeding seeding)
{
    std::vector<std::shared_ptr<const Packing>> out(combinations.size());
    if (combinations.empty())
        return out;
    Cache &c = cache();
    const std::shared_ptr<Series> series = seriesFor(signature(sizes, offers));

    std::vector<std::size_t> order(combinations.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::swap(order[0], order[first]);

    // As packOptimised's series form runs: `patterns` stays empty until a call yields some, and
    // from then on seeds every call. Which combination yielded them is part of what a result is
    // remembered under.
    std::vector<PackingPattern> patterns;
    std::vector<long long> seed{-1};
    std::vector<TaskDemand> demand = sizes;
    // Filtered once for the whole series, at its first packing (nothing to filter when all are
    // remembered), and kept with the series: its memo then serves every later call over it too.
    std::shared_ptr<const UndominatedOffers> kept;
    for (const std::size_t k : order) {
        std::shared_ptr<const Entry> hit;
        {
            std::lock_guard lock(series->mutex);
            if (const auto it = series->entries.find(EntryKeyView{seed, combinations[k]}); it != series->entries.end())
                hit = it->second;
        }
        if (hit) {
            ++c.reused;
            out[k] = std::shared_ptr<const Packing>(hit, &hit->packing); // shares the entry: no copy
            if (seeding == Seeding::FromFirst && patterns.empty() && hit->patterns && !hit->patterns->empty()) {
                patterns = *hit->patterns;
                seed = combinations[k];
            }
            continue;
        }
        // Remembered under the seed it was packed with (the seed may change below).
        EntryKey key{seed, combinations[k]};
        for (std::size_t g = 0; g < demand.size(); ++g)
            demand[g].count = combinations[k][g];
        const bool unseeded = patterns.empty();
        auto entry = std::make_shared<Entry>();
        if (!kept) {
            std::lock_guard lock(series->mutex);
            if (!series->kept)
                series->kept = std::make_shared<const UndominatedOffers>(undominatedOffers(offers));
            kept = series->kept;
        }
        entry->packing = packOptimised(demand, *kept, &patterns);
        ++c.packed;
        if (unseeded) {
            entry->patterns = std::make_shared<const std::vector<PackingPattern>>(patterns);
            if (seeding == Seeding::Each)
                patterns.clear(); // the next combination unseeded too
            else if (!patterns.empty())
                seed = combinations[k];
        }
        out[k] = std::shared_ptr<const Packing>(entry, &entry->packing);
        std::lock_guard lock(series->mutex);
        if (series->entries.emplace(std::move(key), std::move(entry)).second)
            ++c.held;
    }
    return out;
}

PackingCacheStats packingCacheStats()
{
    const Cache &c = cache();
    return {c.packed.load(), c.reused.load(), c.held.load()};
}

void clearPackingCache()
{
    Cache &c = cache();
    std::lock_guard lock(c.mutex);
    c.series.clear();
    c.held = 0;
}

} // namespace Costscape::Models
