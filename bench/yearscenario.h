// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

/** The benchmarks' shared workload: a year of hourly traffic against ten options. */
namespace Costscape::Bench {

/**
 * A year of requests per second, hour by hour, the same on every run: a working-day curve
 * (quiet nights, a morning ramp, a midday and an early-evening hump), quieter weekends, a seasonal
 * swing, 30% growth over the year, a few busy days (a sale in late November, the days before
 * Christmas) and +-6% noise from a fixed linear congruential generator. Peaks near 450 req/s.
 */
inline std::vector<double> yearProfile()
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
inline std::string yearScenarioText()
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

} // namespace Costscape::Bench
