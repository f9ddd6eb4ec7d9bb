// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How close the ECS packers come to the cheapest possible fleet, and how long they take. For every
// problem of bench/gen_packing.h (3 mixes x 100 ... 100,000 tasks x 5 seeds) and two offer sets
// of the embedded sheet (us-east-1, Linux on-demand: non-burstable types, and all types), it
// prints the hourly cost over packingLowerBound (the larger of the assignment LP and the
// configuration LP of models/packingpatterns.cpp) of
//   opt   packOptimised over every offered type,
//   ffd   first-fit decreasing onto the single type where it is cheapest,
//   ecs   simulateEcsScheduler, binpack on memory, onto that same type,
// with each one's time, then the median and worst ratio per method and the 100,000-task times.
// Targets: packOptimised median <= 1.03, worst <= 1.06, 100,000 tasks in <= 200 ms.
// Exit status 1 when a packing is infeasible although the bound is finite, or a cost is below
// the bound by more than 1e-6 relative: either is a bug in a packer or in the bound.
// A plain program, not Google Benchmark: the figure of merit is a table of ratios, not one time.
// Run from a Release build:
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench -j2 --target bench_packing && ./build-bench/bench/bench_packing [SEEDS]

#include "bench/gen_packing.h"

#include "models/packing/ecspacking.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace Costscape;
using Models::InstanceOffer;
using Models::Packing;
using Models::TaskDemand;

using Clock = std::chrono::steady_clock;

// The shortest of `repeats` runs of f, in milliseconds (the least disturbed by the machine).
template<typename F>
double bestMs(int repeats, F &&f)
{
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < repeats; ++i) {
        const auto start = Clock::now();
        f();
        const std::chrono::duration<double, std::milli> took = Clock::now() - start;
        best = std::min(best, took.count());
    }
    return best;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double worst(const std::vector<double> &v)
{
    return v.empty() ? std::numeric_limits<double>::quiet_NaN() : *std::max_element(v.begin(), v.end());
}

struct Sample {
    std::string offerSet;
    Bench::PackingMix mix;
    long long tasks = 0;
    double ratio[3] = {0, 0, 0}; // opt, ffd, ecs
    double ms[3] = {0, 0, 0};
    double boundMs = 0;
};

const char *const Methods[3] = {"opt", "ffd", "ecs"};

} // namespace

int main(int argc, char **argv)
{
    const int seeds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const std::vector<Bench::PackingProblem> problems = Bench::packingSuite(seeds);
    const struct {
        const char *name;
        std::vector<InstanceOffer> offers;
    } offerSets[] = {{"non-burstable", Bench::embeddedOffers(false)}, {"all", Bench::embeddedOffers(true)}};

    int failures = 0;
    auto fail = [&](const std::string &what) {
        std::fprintf(stderr, "bench_packing: %s\n", what.c_str());
        ++failures;
    };

    std::vector<Sample> samples;
    std::printf("%-14s %-24s %10s %8s | %7s %8s | %7s %8s | %7s %8s | %-14s\n", "offers", "problem", "bound $/h",
                "bound ms", "opt", "opt ms", "ffd", "ffd ms", "ecs", "ecs ms", "ffd/ecs type");
    for (const auto &set : offerSets) {
        std::printf("# %s: %zu types\n", set.name, set.offers.size());
        for (const Bench::PackingProblem &p : problems) {
            // Small problems run several times so their time is not just the clock's noise.
            const int repeats = p.tasks >= 100000 ? 3 : 5;
            Sample s;
            s.offerSet = set.name;
            s.mix = p.mix;
            s.tasks = p.tasks;

            double bound = 0;
            s.boundMs = bestMs(repeats, [&] { bound = Models::packingLowerBound(p.groups, set.offers); });

            Packing opt;
            s.ms[0] = bestMs(repeats, [&] { opt = Models::packOptimised(p.groups, set.offers); });

            // Plain FFD on each type alone; the cheapest type is what a one-type fleet would buy.
            double ffdCost = std::numeric_limits<double>::infinity();
            std::size_t bestType = set.offers.size();
            s.ms[1] = bestMs(repeats, [&] {
                ffdCost = std::numeric_limits<double>::infinity();
                for (std::size_t t = 0; t < set.offers.size(); ++t) {
                    const long long n = Models::countInstancesFirstFitDecreasing(p.groups, set.offers[t].capacity);
                    if (n < 0)
                        continue;
                    const double cost = static_cast<double>(n) * set.offers[t].hourlyPrice;
                    if (cost < ffdCost) {
                        ffdCost = cost;
                        bestType = t;
                    }
                }
            });

            Packing ecs;
            ecs.feasible = false;
            if (bestType < set.offers.size())
                s.ms[2] = bestMs(repeats, [&] {
                    ecs = Models::simulateEcsScheduler(p.groups, set.offers[bestType], Models::PlacementStrategy::BinpackMemory);
                });

            const std::string where = std::string(set.name) + " " + p.name;
            if (!std::isfinite(bound) || bound <= 0) {
                fail(where + ": bound is " + std::to_string(bound));
                continue;
            }
            const double costs[3] = {opt.feasible ? opt.hourlyCost : std::numeric_limits<double>::quiet_NaN(),
                                     std::isfinite(ffdCost) ? ffdCost : std::numeric_limits<double>::quiet_NaN(),
                                     ecs.feasible ? ecs.hourlyCost : std::numeric_limits<double>::quiet_NaN()};
            for (int m = 0; m < 3; ++m) {
                if (std::isnan(costs[m]))
                    fail(where + ": " + Methods[m] + " found no fleet although the bound is finite"
                         + (m == 0 ? " (" + opt.reason + ")" : m == 2 ? " (" + ecs.reason + ")" : std::string()));
                else if (costs[m] < bound * (1 - 1e-6))
                    fail(where + ": " + Methods[m] + " costs " + std::to_string(costs[m]) + " below the bound "
                         + std::to_string(bound));
                s.ratio[m] = costs[m] / bound;
            }
            std::printf("%-14s %-24s %10.4f %8.2f | %7.4f %8.2f | %7.4f %8.2f | %7.4f %8.2f | %-14s\n", set.name,
                        p.name.c_str(), bound, s.boundMs, s.ratio[0], s.ms[0], s.ratio[1], s.ms[1], s.ratio[2], s.ms[2],
                        bestType < set.offers.size() ? set.offers[bestType].type.c_str() : "-");
            std::fflush(stdout);
            samples.push_back(s);
        }
    }

    // Summaries: cost / bound per method, median and worst, per offer set and problem size, then
    // over every problem of the set.
    std::printf("\n%-14s %-8s | %-15s | %-15s | %-15s | %s\n", "offers", "tasks", "opt med/worst", "ffd med/worst",
                "ecs med/worst", "ms med opt/ffd/ecs/bound");
    for (const auto &set : offerSets) {
        for (long long n : {100LL, 1000LL, 10000LL, 100000LL, 0LL}) {
            std::vector<double> r[3], t[3], b;
            for (const Sample &s : samples) {
                if (s.offerSet != set.name || (n && s.tasks != n))
                    continue;
                for (int m = 0; m < 3; ++m) {
                    if (std::isfinite(s.ratio[m]))
                        r[m].push_back(s.ratio[m]);
                    t[m].push_back(s.ms[m]);
                }
                b.push_back(s.boundMs);
            }
            std::printf("%-14s %-8s | %6.4f / %6.4f | %6.4f / %6.4f | %6.4f / %6.4f | %.2f / %.2f / %.2f / %.2f\n",
                        set.name, n ? std::to_string(n).c_str() : "all", median(r[0]), worst(r[0]), median(r[1]),
                        worst(r[1]), median(r[2]), worst(r[2]), median(t[0]), median(t[1]), median(t[2]), median(b));
        }
    }

    // The targets for packOptimised.
    std::printf("\npackOptimised targets (median cost/bound <= 1.03, worst <= 1.06, 100,000 tasks <= 200 ms):\n");
    for (const auto &set : offerSets) {
        std::vector<double> ratios, bigMs;
        for (const Sample &s : samples) {
            if (s.offerSet != set.name)
                continue;
            if (std::isfinite(s.ratio[0]))
                ratios.push_back(s.ratio[0]);
            if (s.tasks == 100000)
                bigMs.push_back(s.ms[0]);
        }
        const double med = median(ratios), bad = worst(ratios), big = worst(bigMs);
        std::printf("  %-14s median %.4f %s, worst %.4f %s, 100k tasks median %.1f ms / slowest %.1f ms %s\n", set.name,
                    med, med <= 1.03 ? "ok" : "MISSED", bad, bad <= 1.06 ? "ok" : "MISSED", median(bigMs), big,
                    big <= 200 ? "ok" : "MISSED");
    }
    if (failures) {
        std::fprintf(stderr, "bench_packing: %d failure(s): a packer or the bound is wrong\n", failures);
        return 1;
    }
    return 0;
}
