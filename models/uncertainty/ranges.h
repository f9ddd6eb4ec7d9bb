// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/scenario/scenario.h"
#include "base/result.h"

#include <array>
#include <optional>
#include <string>

namespace Costscape::Models {

/** How a range spreads between its low and its high. */
enum class RangeDistribution {
    /// low is the minimum, typical the mode, high the maximum.
    Triangular,
    /// typical is the median; low and high are the 10th and 90th percentiles when typical is their
    /// geometric mean (sigma = ln(high / low) / (2 x 1.2816)); unbounded above.
    LogNormal,
};

/** One uncertain input: low <= typical <= high. */
struct InputRange {
    double low = 0;
    double typical = 0;
    double high = 0;
    RangeDistribution distribution = RangeDistribution::Triangular;

    /** The value at the share u in (0, 1) of the distribution (its quantile function). */
    double quantile(double u) const;
    bool operator==(const InputRange &) const = default;
};

/**
 * The inputs a scenario may give a range for (the keys of its `"ranges"` object). Each is
 * applied to a copy of the scenario before it is priced, except the two spot inputs, which
 * reprice the "spot instances" line of EC2 options bought as spot or mixed. The spike's height
 * changes no monthly cost: the Monte Carlo simulates the spike at each drawn height for the
 * spread of each option's spike response (delays, rejections), and leaves it out of the cost
 * tornadoes.
 */
enum class UncertainInput {
    Traffic,              ///< "traffic": a factor on every request rate (the profile, the monthly total)
    DurationMs,           ///< "durationMs": the workload's mean request duration
    MemoryMb,             ///< "memoryMb": the workload's memory per running request (not an option's own memoryMb)
    SpotDiscount,         ///< "spotDiscount": spot price = on-demand x (1 - discount)
    SpotInterruptedShare, ///< "spotInterruptedShare": share of spot hours interrupted and run on-demand
    // Appended after the first five, so that a seed draws the same values for those as before.
    BytesOutPerRequest,   ///< "bytesOutPerRequest": the response size (the whole bill's data transfer out, ALB bytes)
    LogBytesPerRequest,   ///< "logBytesPerRequest": what a request writes to CloudWatch Logs
    // Appended last, and drawn from a stream of its own: ranging it moves no other input's draws.
    SpikeHeight,          ///< "spikeHeight": the spike's peak rate (workload.spike.toPerSecond), requests/s
};
constexpr int UncertainInputCount = 8;

/**
 * True for the inputs that change the scenario priced for its cost (not the two spot inputs, which
 * reprice a line, nor the spike's height, which moves no cost).
 */
bool changesScenario(UncertainInput input);

/** True for the inputs that move a monthly cost (all but the spike's height): the tornadoes' bars. */
bool changesCost(UncertainInput input);

/** The key of an input in the `"ranges"` object. */
const char *inputKey(UncertainInput input);
/** What a reader calls it: "Traffic (x profile)", "Request duration (ms)". */
const char *inputTitle(UncertainInput input);

/** The ranges of one scenario; an input without one keeps its scenario value. */
struct UncertaintyRanges {
    std::array<std::optional<InputRange>, UncertainInputCount> ranges;

    const std::optional<InputRange> &operator[](UncertainInput input) const { return ranges[static_cast<int>(input)]; }
    std::optional<InputRange> &operator[](UncertainInput input) { return ranges[static_cast<int>(input)]; }
    bool empty() const;
    bool operator==(const UncertaintyRanges &) const = default;
};

/**
 * Reads the scenario's top-level `"ranges"` object from Scenario::original (absent: no ranges):
 * `{"traffic": {"low": 0.5, "typical": 1, "high": 2, "distribution": "lognormal"}, ...}`.
 * `typical` may be left out: it is then the scenario's own value (1 for traffic, 0 for
 * spotInterruptedShare); bytesOutPerRequest and logBytesPerRequest need the workload to give
 * the key (the whole bill, models/bill/), and may go down to 0 bytes; `distribution` defaults to "lognormal" for traffic, "triangular" for the
 * rest. Fails, located at the offending key, for an unknown input, a non-number, low > typical >
 * high, a value out of its input's range (traffic, duration and memory > 0;
 * shares and the discount in [0, 1)), a log-normal range with low = high, a duration range with a "durationDistribution", and spot ranges on a scenario with no
 * EC2 option bought as spot. `spikeHeight` (typical: the spike's toPerSecond) needs the workload
 * to have a "spike", and its low above the spike's fromPerSecond (a peak above the rate it
 * starts from) and its high at most 10^9 requests/s.
 */
Result<UncertaintyRanges> readRanges(const Scenario &scenario);

/** The ranges as the scenario file holds them (the inverse of readRanges). */
JsonDocument::Json rangesToJson(const UncertaintyRanges &ranges);

/** The scenario's own value of an input (its typical when the range leaves it out). */
double scenarioValue(const Scenario &scenario, UncertainInput input);

} // namespace Costscape::Models
