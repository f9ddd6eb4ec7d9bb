// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/uncertainty/ranges.h"
#include "models/platforms/platforms.h"
#include "pricing/pricesheet.h"
#include "base/result.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace Costscape::Models {

/** How runUncertainty draws. */
struct UncertaintySettings {
    int draws = 10000;
    std::uint64_t seed = 1;
    /** Worker threads; 0 = one per core. The figures do not depend on it. */
    int threads = 0;
    /** Called from the worker threads (so it must be thread-safe) with the draws done so far. */
    std::function<void(int done, int total)> progress;
    /** Set (from any thread) to stop: runUncertainty then fails with ErrorCode::Cancelled. */
    const std::atomic<bool> *cancel = nullptr;
    /** Also price each input at its low and its high (two evaluations per ranged input). */
    bool tornado = true;
    /**
     * With a spikeHeight range: simulate the spike at the drawn height for every option, on the
     * first min(draws, spikeDraws) draws (each such draw evaluates the scenario once more with its
     * spike and simulates it per option, which costs far more than pricing it). False leaves the
     * spike out (the window's odds line, which shows costs only).
     */
    bool spike = true;
    int spikeDraws = 1000;
};

/** The spike model's outcome measures (ScalingResult's fields of the same names). */
enum class SpikeMeasure {
    SecondsToMeetDemand, ///< "secondsToMeetDemand": until capacity serves the arrivals; +inf: not before the spike ends
    MaxDelaySeconds,     ///< "maxDelaySeconds": the longest a request waited for capacity
    RequestsDelayed,     ///< "requestsDelayed": requests served later than the objective
    RequestsRejected,    ///< "requestsRejected": requests turned away (excess "reject")
};
constexpr int SpikeMeasureCount = 4;
/** The measure's key in the JSON and CSV (ScalingResult's field name). */
const char *spikeMeasureKey(SpikeMeasure measure);
/** What a reader calls it: "Time to meet demand (s)". */
const char *spikeMeasureTitle(SpikeMeasure measure);

/** One measure of the spike response over the draws; a higher figure is always a worse outcome. */
struct SpikeSpread {
    double typical = 0;          ///< at the typical height (the Evaluator's figure); +inf: never
    double p10 = 0, p50 = 0, p90 = 0; ///< over the simulated draws where the option is feasible (NaN if none); +inf: never
};

/** How one option's spike response spreads when the spike's height has a range. */
struct OptionSpikeUncertainty {
    std::array<SpikeSpread, SpikeMeasureCount> measures{};
    /// Share of the simulated draws (where the option is feasible) in which no request waits
    /// beyond the objective and none is turned away; NaN when it is feasible in none.
    double absorbedShare = 0;
    int simulated = 0; ///< draws in which the option was feasible and its spike simulated

    const SpikeSpread &operator[](SpikeMeasure m) const { return measures[static_cast<std::size_t>(m)]; }
    SpikeSpread &operator[](SpikeMeasure m) { return measures[static_cast<std::size_t>(m)]; }
};

/** One option's monthly cost over the draws. */
struct OptionUncertainty {
    std::string id;
    Platform platform = Platform::Lambda;
    double typical = 0;          ///< monthly cost with every input typical (NaN when infeasible there)
    double p10 = 0, p50 = 0, p90 = 0, mean = 0; ///< over the draws where it is feasible (NaN if none)
    double p10Error = 0, p50Error = 0, p90Error = 0, meanError = 0; ///< standard errors of those
    double feasibleShare = 0;    ///< share of draws in which it can serve the workload
    double probabilityCheapest = 0, probabilityCheapestError = 0;
    /// mean of (its cost - the cheapest feasible cost) over the draws where it is feasible
    double expectedRegret = 0, expectedRegretError = 0;
    /// Set when the spike's height has a range (and settings.spike): its spike response's spread.
    std::optional<OptionSpikeUncertainty> spike;
};

/** One bar of a tornado: the figure with one input at its low and at its high, the rest typical. */
struct TornadoBar {
    UncertainInput input = UncertainInput::Traffic;
    double lowValue = 0, highValue = 0; ///< the input's low and high
    double atLow = 0, atHigh = 0;       ///< the figure there (NaN where the option is infeasible)
    double swing() const;               ///< |atHigh - atLow| (0 when either is NaN)
};

/** A tornado: bars sorted by swing, largest first, around the figure at typical. */
struct Tornado {
    std::string subject; ///< "monthly cost of lambda-arm", "ecs-cluster minus lambda-arm"
    double base = 0;     ///< the figure with every input typical
    std::vector<TornadoBar> bars;
};

struct UncertaintyResult {
    std::string scenario;
    std::string region;
    std::string currency;
    int draws = 0;
    std::uint64_t seed = 0;
    UncertaintyRanges ranges;
    std::vector<OptionUncertainty> options; ///< the Evaluation's options, in order
    double noneFeasibleShare = 0;           ///< share of draws where no option is feasible
    int cheapestAtTypical = -1;             ///< index into options, -1 when none is feasible
    int runnerUpAtTypical = -1;             ///< the second cheapest at typical, -1 when none
    Tornado chosenCost;                     ///< the cheapest-at-typical option's cost
    Tornado difference;                     ///< runner-up minus cheapest (empty bars without a runner-up)
    /// Draws whose spike was simulated (the first ones, see UncertaintySettings::spikeDraws); 0 when
    /// the spike's height has no range. The costs above are those of every draw either way.
    int spikeDraws = 0;
};

/** What the spike heights' generator adds to the seed (the golden ratio's 64-bit fraction). */
constexpr std::uint64_t SpikeStreamOffset = 0x9E3779B97F4A7C15ull;

/**
 * Prices the scenario `settings.draws` times with its inputs drawn from `ranges` (all drawn first,
 * one std::mt19937_64 seeded with `seed`, one uniform share per ranged input per draw, in input
 * order), every option on the same draws, and sums up each option's monthly cost. Deterministic:
 * the same scenario, sheet, ranges, draws and seed give the same figures on any machine and with
 * any number of threads. With no range at all every draw is the typical evaluation: P10 = P50 =
 * P90 = the Evaluator's monthly cost and the cheapest option has probability 1.
 *
 * Work that does not change between draws is done once: the spot inputs reprice a line item of a
 * single evaluation rather than price the scenario again, and a scenario whose ranges are only
 * spot inputs is evaluated once; each evaluation prices equal hours once (evaluateMonthly).
 *
 * With a spikeHeight range the spike is simulated at each drawn height (the draw's other inputs
 * as well) for the first min(draws, spikeDraws) draws. The heights come from a generator of their
 * own (std::mt19937_64 seeded with seed + SpikeStreamOffset), so the costs and the other inputs'
 * draws are those of the same run without the spike range. The spike's height moves no cost
 * and is left out of the tornadoes.
 *
 * Fails with ErrorCode::OutOfRange for draws < 1 or > 1,000,000, with ErrorCode::Cancelled when
 * cancelled, and with the Evaluator's error when the scenario cannot be priced.
 */
Result<UncertaintyResult> runUncertainty(const Scenario &scenario, const Pricing::PriceSheet &sheet,
                                         const UncertaintyRanges &ranges, const UncertaintySettings &settings = {});

} // namespace Costscape::Models
