// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A reproducible suite of ECS packing problems for bench_packing: 20 task sizes per problem, drawn
// from the sizes services actually ask for, with task counts summing to 100 ... 100,000, packed
// onto the instance types of the embedded price sheet.
//
// Reproducible means the same numbers on every compiler: the std:: distributions are
// implementation-defined (libstdc++ and libc++ draw differently from the same engine), so every
// draw here is made by hand from std::mt19937's raw output, which the standard fixes
// ([rand.predef]: the 10000th output of a default-seeded mt19937 is 4123659995).

#pragma once

#include "models/platforms/ecsec2/ecsec2model.h"
#include "models/packing/ecspacking.h"
#include "pricing/pricesheet.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace Costscape::Bench {

/** Which task shapes a suite holds. */
enum class PackingMix {
    Mixed,       ///< 1 to 8 GiB per vCPU, evenly
    CpuHeavy,    ///< 1 to 2 GiB per vCPU: compute-bound services (c-family territory)
    MemoryHeavy, ///< 6 to 8 GiB per vCPU: caches, JVMs with large heaps (r-family territory)
};

inline const char *mixName(PackingMix mix)
{
    switch (mix) {
    case PackingMix::Mixed:
        return "mixed";
    case PackingMix::CpuHeavy:
        return "cpu-heavy";
    case PackingMix::MemoryHeavy:
        return "memory-heavy";
    }
    return "?";
}

/** One packing problem: its name says how it was made, so a row can be regenerated alone. */
struct PackingProblem {
    std::string name; ///< "mixed-n1000-s3"
    PackingMix mix = PackingMix::Mixed;
    long long tasks = 0;
    unsigned seed = 0;
    std::vector<Models::TaskDemand> groups;
};

namespace Detail {
/** A uniform double in [0, 1) from the engine's raw 32-bit output. */
inline double unit(std::mt19937 &random)
{
    return static_cast<double>(random()) / 4294967296.0;
}
} // namespace Detail

/**
 * 20 (or `groupCount`) task groups of the mix whose counts sum to `totalTasks` (at least one task
 * per group while totalTasks allows). Sizes:
 * - vCPU from {0.25, 0.5, 1, 2, 4} weighted 35/30/20/10/5 %: most services ask for a fraction of a
 *   vCPU (the Fargate task sizes start at 0.25 vCPU; AWS Fargate pricing page, retrieved
 *   2026-11), few for 4.
 * - memory per vCPU in 0.5 GiB steps within the mix's range, rounded up to a multiple of 128 MiB.
 * - counts by weights -ln(u) (exponential): a few large services and a long tail of small ones.
 */
inline std::vector<Models::TaskDemand> generateTaskGroups(PackingMix mix, long long totalTasks, unsigned seed,
                                                          int groupCount = 20)
{
    std::mt19937 random(seed);
    const double vcpus[] = {0.25, 0.5, 1, 2, 4};
    const double weights[] = {0.35, 0.30, 0.20, 0.10, 0.05};
    double lowGib = 1, highGib = 8;
    if (mix == PackingMix::CpuHeavy)
        highGib = 2;
    else if (mix == PackingMix::MemoryHeavy)
        lowGib = 6;
    const int steps = static_cast<int>(std::lround((highGib - lowGib) / 0.5)) + 1;

    std::vector<Models::TaskDemand> groups(static_cast<std::size_t>(groupCount));
    std::vector<double> share(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        double u = Detail::unit(random);
        std::size_t k = 0;
        while (k + 1 < std::size(vcpus) && u >= weights[k]) {
            u -= weights[k];
            ++k;
        }
        const double perVcpu = lowGib + 0.5 * std::floor(Detail::unit(random) * steps);
        const double memoryMb = std::ceil(vcpus[k] * perVcpu * 1024.0 / 128.0) * 128.0;
        groups[g].cpuUnits = vcpus[k] * 1024.0;
        groups[g].memoryMb = memoryMb;
        share[g] = -std::log(1.0 - Detail::unit(random));
    }

    // Counts: one task each first (while there are tasks), the rest in proportion to the shares,
    // the remainder of the rounding to the largest shares.
    const long long base = totalTasks >= groupCount ? 1 : 0;
    const long long rest = totalTasks - base * groupCount;
    const double total = std::accumulate(share.begin(), share.end(), 0.0);
    long long given = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        groups[g].count = base + static_cast<long long>(std::floor(static_cast<double>(rest) * share[g] / total));
        given += groups[g].count;
    }
    std::vector<std::size_t> order(groups.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return share[a] > share[b]; });
    for (std::size_t i = 0; given < totalTasks; i = (i + 1) % order.size(), ++given)
        ++groups[order[i]].count;
    return groups;
}

/** Every mix x {100, 1,000, 10,000, 100,000} tasks x `seeds` seeds (1 ... seeds). */
inline std::vector<PackingProblem> packingSuite(int seeds = 5)
{
    std::vector<PackingProblem> problems;
    for (PackingMix mix : {PackingMix::Mixed, PackingMix::CpuHeavy, PackingMix::MemoryHeavy}) {
        for (long long tasks : {100LL, 1000LL, 10000LL, 100000LL}) {
            for (int s = 1; s <= seeds; ++s) {
                PackingProblem p;
                p.mix = mix;
                p.tasks = tasks;
                p.seed = static_cast<unsigned>(s);
                p.name = std::string(mixName(mix)) + "-n" + std::to_string(tasks) + "-s" + std::to_string(s);
                p.groups = generateTaskGroups(mix, tasks, p.seed);
                problems.push_back(std::move(p));
            }
        }
    }
    return problems;
}

/**
 * The instance types of the embedded price sheet in us-east-1 at their Linux on-demand price, as
 * the ECS-on-EC2 model sees them (EcsEc2Model::capacityOf with the default 256 MiB
 * ECS_RESERVED_MEMORY). No task cap: the sheet carries no network-interface limits. With
 * `includeBurstable` false the t-family is left out; with it true they are in, flagged.
 */
inline std::vector<Models::InstanceOffer> embeddedOffers(bool includeBurstable)
{
    std::vector<Models::InstanceOffer> offers;
    const Pricing::RegionPrices *region = Pricing::embeddedPriceSheet().region("us-east-1");
    if (!region)
        return offers;
    for (const auto &[name, type] : region->ec2) {
        const auto price = type.onDemandHourly.find("linux");
        if (price == type.onDemandHourly.end())
            continue;
        if (type.isBurstable() && !includeBurstable)
            continue;
        Models::InstanceOffer o;
        o.type = name;
        o.capacity = Models::EcsEc2Model::capacityOf(type, 256);
        o.hourlyPrice = price->second;
        o.burstable = type.isBurstable();
        if (o.capacity.memoryMb > 0)
            offers.push_back(std::move(o));
    }
    return offers;
}

} // namespace Costscape::Bench
