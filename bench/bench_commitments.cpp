// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 16's goal: the optimal commitment for ten options over 8,760 hours in under 5 ms.
#include "models/commitments/commitmentmath.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

using namespace Costscape::Models::Commitments;

namespace {

std::vector<Usage> tenOptions()
{
    std::mt19937 random(16);
    std::lognormal_distribution<double> noise(0.0, 0.3);
    std::vector<Usage> options;
    for (int o = 0; o < 10; ++o) {
        Usage u;
        u.onDemand = 0.096 * (1 + o);
        for (int h = 0; h < 8760; ++h) {
            // A day curve, a week curve and noise: every hour differs.
            const double day = 1 + 0.6 * std::sin(2 * M_PI * (h % 24) / 24.0);
            const double week = (h / 24) % 7 >= 5 ? 0.7 : 1.0;
            u.units.push_back(std::ceil(4 * (1 + o) * day * week * noise(random)));
            u.weight.push_back(1.0);
        }
        options.push_back(std::move(u));
    }
    return options;
}

void BM_OptimalPlan_TenOptions8760Hours(benchmark::State &state)
{
    const std::vector<Usage> options = tenOptions();
    for (auto _ : state) {
        double sum = 0;
        for (const Usage &u : options)
            sum += optimalPlanHourly(u, 0.74 * u.onDemand);
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_OptimalPlan_TenOptions8760Hours)->Unit(benchmark::kMillisecond);

void BM_OptimalPlanAndReservations_TenOptions8760Hours(benchmark::State &state)
{
    // Both optima and the month with them applied: what one option's "optimal" costs the evaluator.
    const std::vector<Usage> options = tenOptions();
    for (auto _ : state) {
        double sum = 0;
        for (const Usage &u : options) {
            const double n = optimalReservationCount(u, 0.62 * u.onDemand);
            const double c = optimalPlanHourly(u, 0.74 * u.onDemand);
            sum += apply(u, {{n, 0.62 * u.onDemand}}, {{c, 0.74 * u.onDemand}}).totalCost;
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_OptimalPlanAndReservations_TenOptions8760Hours)->Unit(benchmark::kMillisecond);

void BM_OptimalFargatePlan_TenOptions8760Hours(benchmark::State &state)
{
    // Two products per hour (Fargate's vCPU-hours and GB-hours, 2 GB per vCPU), the exact
    // multi-product optimum and the month with it applied. The rates are illustrative.
    std::vector<ProductUsage> options;
    for (const Usage &u : tenOptions()) {
        ProductUsage p;
        p.units = {u.units, u.units};
        for (double &gb : p.units[1])
            gb *= 2;
        p.weight = u.weight;
        p.onDemand = {0.04048, 0.004445};
        options.push_back(std::move(p));
    }
    const std::vector<double> rates = {0.03, 0.002};
    for (auto _ : state) {
        double sum = 0;
        for (const ProductUsage &u : options)
            sum += applyPlans(u, {{optimalPlanHourly(u, rates), rates}}).totalCost;
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_OptimalFargatePlan_TenOptions8760Hours)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
