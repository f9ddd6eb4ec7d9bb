// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Monte Carlo of `costscape-cli uncertainty`, beside the plain evaluation it repeats. Goals
// (issue 17): 10,000 draws of the sample (examples/web-api-uncertain.costscape.json) under 1 s,
// 1,000 draws of the year benchmark scenario (10 options, 8,760 hours) under 3 s, on two cores.
// Every benchmark that may run threads reports the whole process's CPU time beside the wall time.
// Run from a Release build:
//   cmake --build build-release -j2 --target bench_uncertainty && ./build-release/bench/bench_uncertainty

#include "bench/yearscenario.h"

#include "models/evaluator.h"
#include "models/packing/packingcache.h"
#include "models/scenario/scenarioreader.h"
#include "models/trafficsweep.h"
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
        // Each run starts with no packing remembered: what one `costscape-cli uncertainty` does.
        state.PauseTiming();
        clearPackingCache();
        state.ResumeTiming();
        auto result = runUncertainty(s, Costscape::Pricing::embeddedPriceSheet(), ranges, settings);
        if (!result) {
            state.SkipWithError(result.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(result);
    }
}

/** The sample's ranges on its costs: the goal's draws, without the spike's (measured on their own below). */
UncertaintyRanges costRangesOf(const Scenario &s)
{
    UncertaintyRanges r = rangesOf(s);
    r[UncertainInput::SpikeHeight].reset();
    return r;
}

void BM_UncertaintySample10k(benchmark::State &state)
{
    runDraws(state, sample(), costRangesOf(sample()), 10000);
}
BENCHMARK(BM_UncertaintySample10k)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

// The sample's ranges with the spike's height as the file gives it (`costscape-cli uncertainty` on
// it): 10,000 draws of the costs and the spike simulated on the first 1,000 (UncertaintySettings::
// spikeDraws), each option's spike model once per such draw. The difference from the above is the
// spike pass.
void BM_UncertaintySample10kWithSpike(benchmark::State &state)
{
    runDraws(state, sample(), rangesOf(sample()), 10000);
}
BENCHMARK(BM_UncertaintySample10kWithSpike)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_UncertaintyYear1k(benchmark::State &state)
{
    runDraws(state, year(), yearRanges(), 1000);
}
BENCHMARK(BM_UncertaintyYear1k)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

// The plain evaluations one draw repeats (monthly: equal hours priced once), each with no
// packing remembered (state.range(0) = 0) and, as the window re-evaluates after an edit that
// leaves the fleets' inputs alone, with all of them remembered (1).
template <typename Evaluate>
void plain(benchmark::State &state, Evaluate evaluate)
{
    const bool remembered = state.range(0) != 0;
    evaluate(); // fills the memory for the remembered case
    for (auto _ : state) {
        if (!remembered) {
            state.PauseTiming();
            clearPackingCache();
            state.ResumeTiming();
        }
        benchmark::DoNotOptimize(evaluate());
    }
}

void BM_EvaluateMonthlySample(benchmark::State &state)
{
    plain(state, [] { return Evaluator::evaluateMonthly(sample(), Costscape::Pricing::embeddedPriceSheet()); });
}
BENCHMARK(BM_EvaluateMonthlySample)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_EvaluateSample(benchmark::State &state)
{
    plain(state, [] { return Evaluator::evaluate(sample(), Costscape::Pricing::embeddedPriceSheet()); });
}
BENCHMARK(BM_EvaluateSample)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_EvaluateMonthlyYear(benchmark::State &state)
{
    plain(state, [] { return Evaluator::evaluateMonthly(year(), Costscape::Pricing::embeddedPriceSheet()); });
}
BENCHMARK(BM_EvaluateMonthlyYear)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_EvaluateYear(benchmark::State &state)
{
    plain(state, [] { return Evaluator::evaluate(year(), Costscape::Pricing::embeddedPriceSheet()); });
}
BENCHMARK(BM_EvaluateYear)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The cost-against-traffic sweep the window runs after an edit (41 points from x0.01 to x100 and
// the bisections of each break-even; goal on the year scenario: under 200 ms). The points run on
// two threads: CPU time is the whole process's, wall time what the window waits. After the first
// iteration the packings are remembered, as in the window after an edit that leaves a fleet's
// inputs alone; BM_SweepYearCold forgets them before each run.
void sweepOrFail(benchmark::State &state, const Scenario &s, bool cold = false)
{
    const PackingCacheStats before = packingCacheStats();
    for (auto _ : state) {
        if (cold) {
            state.PauseTiming();
            clearPackingCache();
            state.ResumeTiming();
        }
        auto sweep = sweepTraffic(s, Costscape::Pricing::embeddedPriceSheet());
        if (!sweep) {
            state.SkipWithError(sweep.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(sweep);
    }
    // Packings solved and reused per sweep: what the time goes to when a sweep meets new task counts.
    const PackingCacheStats after = packingCacheStats();
    state.counters["packed"] = benchmark::Counter(static_cast<double>(after.packed - before.packed), benchmark::Counter::kAvgIterations);
    state.counters["reused"] = benchmark::Counter(static_cast<double>(after.reused - before.reused), benchmark::Counter::kAvgIterations);
}

void BM_SweepYear(benchmark::State &state)
{
    sweepOrFail(state, year());
}
BENCHMARK(BM_SweepYear)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_SweepYearCold(benchmark::State &state)
{
    sweepOrFail(state, year(), true);
}
BENCHMARK(BM_SweepYearCold)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

/** The sample with its EKS on EC2 option at 3,000 ms a request: some 190 pods today, 19,000 at x100. */
const Scenario &sampleAt3000Ms()
{
    static const Scenario s = [] {
        Scenario c = loadOrDie(loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json"));
        c.workload.durationMs = 3000;
        return c;
    }();
    return s;
}

void BM_SweepSample3000Ms(benchmark::State &state)
{
    sweepOrFail(state, sampleAt3000Ms(), true);
}
BENCHMARK(BM_SweepSample3000Ms)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_EvaluateSample3000Ms(benchmark::State &state)
{
    plain(state, [] { return Evaluator::evaluate(sampleAt3000Ms(), Costscape::Pricing::embeddedPriceSheet()); });
}
BENCHMARK(BM_EvaluateSample3000Ms)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
