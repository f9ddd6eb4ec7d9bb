// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How long the calculation core takes. The headline figure is BM_EvaluateYear: one
// Evaluator::evaluate of a year of hourly traffic (8760 slots) against ten options that cover
// every platform and the expensive paths (provisioned concurrency, mixed spot fleets, ECS packing
// over 3 candidate types and over every type in the sheet). Run from a Release build:
//   cmake -S . -B build-bench -DCOSTSCAPE_WERROR=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench -j2 --target bench_evaluate && ./build-bench/bench/bench_evaluate

#include "models/evaluator.h"
#include "models/scenarioreader.h"
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

/**
 * A year of requests per second, hour by hour, the same on every run: a working-day curve
 * (quiet nights, a morning ramp, a midday and an early-evening hump), quieter weekends, a seasonal
 * swing, 30% growth over the year, a few busy days (a sale in late November, the days before
 * Christmas) and +-6% noise from a fixed linear congruential generator. Peaks near 450 req/s.
 */
std::vector<double> yearProfile()
{
    std::vector<double> rates(8760);
    std::uint32_t seed = 20260101u;
    auto noise = [&seed] {
        seed = seed * 1664525u + 1013904223u; // Numerical Recipes LCG: deterministic everywhere
        return (static_cast<double>(seed >> 8) / 16777216.0 - 0.5) * 0.12;
    };
    constexpr double pi = std::numbers::pi;
    for (int h = 0; h < 8760; ++h) {
        const int day = h / 24;
        const int hourOfDay = h % 24;
        const int weekday = (day + 2) % 7; // 1 January is a Wednesday; 0 = Monday
        const double t = hourOfDay + 0.5;
        // Two humps: 10-13 h and 19-21 h, over a floor of 12% of the peak at night.
        const double midday = std::exp(-std::pow((t - 12.0) / 3.2, 2));
        const double evening = 0.75 * std::exp(-std::pow((t - 20.0) / 2.2, 2));
        const double diurnal = 0.12 + 0.88 * std::max(midday, evening);
        const double weekly = weekday >= 5 ? 0.6 : 1.0;
        const double seasonal = 1.0 + 0.2 * std::sin(2 * pi * (day - 80) / 365.0);
        const double growth = 1.0 + 0.3 * day / 365.0;
        double special = 1.0;
        if (day >= 331 && day <= 334) // the sale weekend
            special = 2.2;
        else if (day >= 351 && day <= 357) // the week before Christmas
            special = 1.4;
        const double r = 260.0 * diurnal * weekly * seasonal * growth * special * (1.0 + noise());
        rates[static_cast<std::size_t>(h)] = std::round(r * 100.0) / 100.0;
    }
    return rates;
}

/** The ten-option scenario over a year, as a scenario file's text. */
std::string yearScenarioText()
{
    std::ostringstream s;
    s.precision(17);
    s << R"({
  "format": "costscape-scenario",
  "version": 1,
  "name": "Benchmark: a year, ten options",
  "region": "us-east-1",
  "hoursPerMonth": 730,
  "prices": "embedded",
  "workload": {
    "requests": { "perSecondHourly": [)";
    const std::vector<double> rates = yearProfile();
    for (std::size_t i = 0; i < rates.size(); ++i)
        s << (i ? "," : "") << rates[i];
    s << R"(] },
    "durationMs": 120,
    "memoryMb": 512
  },
  "options": [
    { "id": "lambda-x86", "platform": "lambda", "architecture": "x86_64", "memoryMb": 512 },
    { "id": "lambda-arm", "platform": "lambda", "architecture": "arm64", "memoryMb": 512 },
    { "id": "lambda-provisioned", "platform": "lambda", "architecture": "x86_64", "memoryMb": 1024,
      "provisionedConcurrency": { "count": 20, "hoursPerMonth": 300 } },
    { "id": "fargate-derived", "platform": "fargate", "architecture": "arm64", "taskVcpu": 0.5,
      "taskMemoryGb": 1, "capacity": { "concurrentRequests": 4 }, "targetUtilization": 0.6, "minCount": 2 },
    { "id": "fargate-fixed", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 12 },
    { "id": "ec2-on-demand", "platform": "ec2", "instanceType": "m7g.large", "purchase": "on-demand",
      "capacity": { "concurrentRequests": 16 }, "targetUtilization": 0.6, "minCount": 2 },
    { "id": "ec2-spot-mixed", "platform": "ec2", "instanceType": "m5.large", "purchase": "spot",
      "onDemandBase": 2, "onDemandPercentAboveBase": 25, "capacity": { "requestsPerSecond": 90 } },
    { "id": "ec2-peak", "platform": "ec2", "instanceType": "c5.xlarge", "capacity": { "concurrentRequests": 24 },
      "scaling": "peak" },
    { "id": "ecs-three-types", "platform": "ecs-ec2", "taskVcpu": 0.5, "taskMemoryMb": 1024,
      "capacity": { "concurrentRequests": 4 }, "targetUtilization": 0.6, "minCount": 2,
      "instanceTypes": ["m5.large", "c5.xlarge", "r5.large"] },
    { "id": "ecs-groups-auto", "platform": "ecs-ec2", "instanceTypes": "auto", "reservedMemoryMb": 256,
      "taskGroups": [
        { "name": "api", "taskVcpu": 0.5, "taskMemoryMb": 1024, "capacity": { "concurrentRequests": 4 },
          "targetUtilization": 0.6, "minCount": 2 },
        { "name": "renderer", "taskVcpu": 2, "taskMemoryMb": 4096, "capacity": { "requestsPerSecond": 60 } },
        { "name": "workers", "taskVcpu": 1, "taskMemoryMb": 3072, "tasks": 4 },
        { "name": "sidecar", "taskVcpu": 0.25, "taskMemoryMb": 256, "tasks": 6 }
      ] }
  ]
}
)";
    return s.str();
}

const std::string &yearText()
{
    static const std::string text = yearScenarioText();
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
