// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Pods on EKS nodes: how close the optimiser comes to the cheapest possible fleet, beside the
// default kube-scheduler. The problems of bench/gen_packing.h (the ECS suites: 3 mixes x 100,
// 1,000 and 10,000 pods x SEEDS; 100,000 is left out, above what the scheduler simulation places
// one by one) on the embedded sheet's us-east-1 Linux types as EKS nodes (EksEc2Model::offerOf:
// allocatable after kube-reserved and the eviction threshold, less the default DaemonSets, with
// the max-pods cap), non-burstable types. It prints the hourly cost over packingLowerBound of
//   opt   packOptimised over every type,
//   kube  simulateKubeScheduler (LeastAllocated) onto the single type where first-fit
//         decreasing is cheapest,
// then the median and worst ratio per method. Exit status 1 when a packing is infeasible although
// the bound is finite, or a cost is below the bound.
// Run from a Release build:
//   cmake --build build-bench -j2 --target bench_kubepacking && ./build-bench/bench/bench_kubepacking [SEEDS]

#include "bench/gen_packing.h"

#include "models/packing/ecspacking.h"
#include "models/packing/kubenode.h"
#include "models/packing/kubescheduler.h"
#include "models/platforms/eksec2/eksec2model.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

namespace {

using namespace Costscape;
using Models::InstanceOffer;
using Models::Packing;

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

} // namespace

int main(int argc, char **argv)
{
    const int seeds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const std::vector<Models::DaemonSetSpec> daemonSets = Models::EksEc2Model::daemonSetsOf(Models::EksEc2Spec{});
    double dsCpuUnits = 0, dsMem = 0;
    for (const auto &d : daemonSets) {
        dsCpuUnits += d.podVcpu * 1024.0;
        dsMem += d.podMemoryMb;
    }
    std::vector<InstanceOffer> offers;
    for (const auto &[name, type] : Pricing::embeddedPriceSheet().region("us-east-1")->ec2) {
        const auto price = type.onDemandHourly.find("linux");
        if (price == type.onDemandHourly.end() || type.isBurstable())
            continue;
        InstanceOffer o = Models::EksEc2Model::offerOf(Models::Kube::nodeAllocatable(type, false), daemonSets, price->second, false);
        if (o.maxTasks > 0)
            offers.push_back(std::move(o));
    }

    int failures = 0;
    std::vector<double> ratios[2];
    std::vector<double> bySize[3][2];
    std::printf("%-24s %10s | %7s | %7s %-12s\n", "problem", "bound $/h", "opt", "kube", "kube type");
    for (const Bench::PackingProblem &p : Bench::packingSuite(seeds)) {
        if (p.tasks > 10000)
            continue;
        const double bound = Models::packingLowerBound(p.groups, offers);
        const Packing opt = Models::packOptimised(p.groups, offers);
        double ffdCost = std::numeric_limits<double>::infinity();
        std::size_t bestType = offers.size();
        for (std::size_t t = 0; t < offers.size(); ++t) {
            const long long n = Models::countInstancesFirstFitDecreasing(p.groups, offers[t].capacity);
            if (n >= 0 && static_cast<double>(n) * offers[t].hourlyPrice < ffdCost) {
                ffdCost = static_cast<double>(n) * offers[t].hourlyPrice;
                bestType = t;
            }
        }
        Packing kube;
        kube.feasible = false;
        if (bestType < offers.size())
            kube = Models::simulateKubeScheduler(p.groups, offers[bestType], dsCpuUnits, dsMem);
        if (!std::isfinite(bound) || !opt.feasible || !kube.feasible || opt.hourlyCost < bound * (1 - 1e-6)
            || kube.hourlyCost < bound * (1 - 1e-6)) {
            std::fprintf(stderr, "bench_kubepacking: %s: bound %g, opt %s %g, kube %s %g\n", p.name.c_str(), bound,
                         opt.feasible ? "" : opt.reason.c_str(), opt.hourlyCost, kube.feasible ? "" : kube.reason.c_str(),
                         kube.hourlyCost);
            ++failures;
            continue;
        }
        const double r[2] = {opt.hourlyCost / bound, kube.hourlyCost / bound};
        const int size = p.tasks == 100 ? 0 : p.tasks == 1000 ? 1 : 2;
        for (int m = 0; m < 2; ++m) {
            ratios[m].push_back(r[m]);
            bySize[size][m].push_back(r[m]);
        }
        std::printf("%-24s %10.4f | %7.4f | %7.4f %-12s\n", p.name.c_str(), bound, r[0], r[1], offers[bestType].type.c_str());
        std::fflush(stdout);
    }
    std::printf("\n%-8s | %-15s | %-15s\n", "pods", "opt med/worst", "kube med/worst");
    const char *sizes[3] = {"100", "1000", "10000"};
    for (int s = 0; s < 3; ++s)
        std::printf("%-8s | %6.4f / %6.4f | %6.4f / %6.4f\n", sizes[s], median(bySize[s][0]), worst(bySize[s][0]),
                    median(bySize[s][1]), worst(bySize[s][1]));
    std::printf("%-8s | %6.4f / %6.4f | %6.4f / %6.4f\n", "all", median(ratios[0]), worst(ratios[0]), median(ratios[1]),
                worst(ratios[1]));
    return failures ? 1 : 0;
}
