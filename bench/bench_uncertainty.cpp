// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Monte Carlo of `costscape-cli uncertainty`, beside the plain evaluation it repeats. Goals
// (issue 17): 10,000 draws of the sample (examples/web-api-uncertain.costscape.json) under 1 s,
// 1,000 draws of the year benchmark scenario (10 options, 8,760 hours) under 3 s, on two cores.
// Run from a Release build:
//   cmake --build build-release -j2 --target bench_uncertainty && ./build-release/bench/bench_uncertainty

#include "bench/yearscenario.h"

#include "models/evaluator.h"
#include "models/scenario/scenarioreader.h"
#include "models/uncertainty/montecarlo.h"
#include "pricing/pricesheet.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

namespace {

using namespace Costscape::Models;

Scenario loadOrDie(Costscape::Result<Scenario> scenario)
{
    if (!scenario) {
        std::fprintf(stderr, "bench_uncertainty: %s\n", scenario.error().toString().c_str());
        std::exit(1);
    }
    return std::move(scenario).value();
}

const Scenario &sample()
{
    static const Scenario s = loadOrDie(loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api-uncertain.costscape.json"));
    return s;
}

const Scenario &year()
{
    static const Scenario s = loadOrDie(parseScenario(Costscape::Bench::yearScenarioText(), "year.costscape.json"));
    return s;
}

UncertaintyRanges rangesOf(const Scenario &s)
{
    const auto r = readRanges(s);
    if (!r) {
        std::fprintf(stderr, "bench_uncertainty: %s\n", r.error().toString().c_str());
        std::exit(1);
    }
    return r.value();
}

/** The year scenario's inputs: traffic x0.5 .. x2, duration and memory -30% .. +60%. */
UncertaintyRanges yearRanges()
{
    UncertaintyRanges r;
    r[UncertainInput::Traffic] = InputRange{0.5, 1, 2, RangeDistribution::LogNormal};
    const double d = year().workload.durationMs, m = year().workload.memoryMb;
    r[UncertainInput::DurationMs] = InputRange{0.7 * d, d, 1.6 * d, RangeDistribution::Triangular};
    r[UncertainInput::MemoryMb] = InputRange{0.7 * m, m, 1.6 * m, RangeDistribution::Triangular};
    return r;
}

void runDraws(benchmark::State &state, const Scenario &s, const UncertaintyRanges &ranges, int draws)
{
    UncertaintySettings settings;
    settings.draws = draws;
    settings.threads = static_cast<int>(state.range(0));
    for (auto _ : state) {
        auto result = runUncertainty(s, Costscape::Pricing::embeddedPriceSheet(), ranges, settings);
        if (!result) {
            state.SkipWithError(result.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(result);
    }
}

void BM_UncertaintySample10k(benchmark::State &state)
{
    runDraws(state, sample(), rangesOf(sample()), 10000);
}
BENCHMARK(BM_UncertaintySample10k)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_UncertaintyYear1k(benchmark::State &state)
{
    runDraws(state, year(), yearRanges(), 1000);
}
BENCHMARK(BM_UncertaintyYear1k)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The plain evaluations one draw repeats (monthly: equal hours priced once).
void BM_EvaluateMonthlySample(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(Evaluator::evaluateMonthly(sample(), Costscape::Pricing::embeddedPriceSheet()));
}
BENCHMARK(BM_EvaluateMonthlySample)->Unit(benchmark::kMicrosecond);

void BM_EvaluateSample(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(Evaluator::evaluate(sample(), Costscape::Pricing::embeddedPriceSheet()));
}
BENCHMARK(BM_EvaluateSample)->Unit(benchmark::kMicrosecond);

void BM_EvaluateMonthlyYear(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(Evaluator::evaluateMonthly(year(), Costscape::Pricing::embeddedPriceSheet()));
}
BENCHMARK(BM_EvaluateMonthlyYear)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
