// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How long the calculation core takes. The headline figure is BM_EvaluateYear: one
// Evaluator::evaluate of a year of hourly traffic (8760 slots) against ten options that cover
// every platform and the expensive paths (provisioned concurrency, mixed spot fleets, ECS packing
// over 3 candidate types and over every type in the sheet). Run from a Release build:
//   cmake -S . -B build-bench -DCOSTSCAPE_WERROR=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench -j2 --target bench_evaluate && ./build-bench/bench/bench_evaluate

#include "bench/yearscenario.h"

#include "models/evaluator.h"
#include "models/scenario/scenarioreader.h"
#include "pricing/pricesheet.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Costscape::Models::Evaluator;
using Costscape::Models::Scenario;
using Costscape::Models::parseScenario;

const std::string &yearText()
{
    static const std::string text = Costscape::Bench::yearScenarioText();
    return text;
}

Scenario parseOrDie(std::string_view text, const std::string &name)
{
    auto scenario = parseScenario(text, name);
    if (!scenario) {
        std::fprintf(stderr, "bench_evaluate: %s\n", scenario.error().toString().c_str());
        std::exit(1);
    }
    return std::move(scenario).value();
}

const Scenario &yearScenario()
{
    static const Scenario scenario = parseOrDie(yearText(), "year.costscape.json");
    return scenario;
}

const Scenario &sampleScenario()
{
    static const Scenario scenario = [] {
        const std::string path = COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json";
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "bench_evaluate: cannot read %s\n", path.c_str());
            std::exit(1);
        }
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        return parseOrDie(text, path);
    }();
    return scenario;
}

void evaluateOrFail(benchmark::State &state, const Scenario &scenario)
{
    const auto &sheet = Costscape::Pricing::embeddedPriceSheet();
    for (auto _ : state) {
        auto result = Evaluator::evaluate(scenario, sheet);
        if (!result) {
            state.SkipWithError(result.error().toString().c_str());
            return;
        }
        benchmark::DoNotOptimize(result);
    }
    // Publish what was measured, so a figure cannot silently come from a smaller problem.
    const auto result = Evaluator::evaluate(scenario, sheet);
    state.counters["slots"] = static_cast<double>(result->ratePerSecond.size());
    state.counters["options"] = static_cast<double>(result->options.size());
    int feasible = 0;
    for (const auto &o : result->options)
        feasible += o.feasible ? 1 : 0;
    state.counters["feasible"] = feasible;
}

// 8760 slots x 10 options, all four platforms.
void BM_EvaluateYear(benchmark::State &state)
{
    evaluateOrFail(state, yearScenario());
}
BENCHMARK(BM_EvaluateYear)->Unit(benchmark::kMillisecond);

// The same scenario, one option at a time, to see where the time goes.
void BM_EvaluateYearOneOption(benchmark::State &state)
{
    Scenario one = yearScenario();
    const auto index = static_cast<std::size_t>(state.range(0));
    one.options = {yearScenario().options.at(index)};
    state.SetLabel(one.options.front().id);
    evaluateOrFail(state, one);
}
BENCHMARK(BM_EvaluateYearOneOption)->DenseRange(0, 9)->Unit(benchmark::kMillisecond);

// Reading the year's scenario file: 8760 numbers plus ten options.
void BM_ParseYear(benchmark::State &state)
{
    const std::string &text = yearText();
    for (auto _ : state) {
        auto scenario = parseScenario(text, "year.costscape.json");
        if (!scenario) {
            state.SkipWithError(scenario.error().toString().c_str());
            return;
        }
        benchmark::DoNotOptimize(scenario);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseYear)->Unit(benchmark::kMillisecond);

// The sample shipped with the program: a 168-value week, six options.
void BM_EvaluateSampleWebApi(benchmark::State &state)
{
    evaluateOrFail(state, sampleScenario());
}
BENCHMARK(BM_EvaluateSampleWebApi)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
