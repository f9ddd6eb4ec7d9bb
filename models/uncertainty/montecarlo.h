// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/uncertainty/ranges.h"
#include "models/platforms/platforms.h"
#include "pricing/pricesheet.h"
#include "base/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
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
};

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
 * Fails with ErrorCode::OutOfRange for draws < 1 or > 1,000,000, with ErrorCode::Cancelled when
 * cancelled, and with the Evaluator's error when the scenario cannot be priced.
 */
Result<UncertaintyResult> runUncertainty(const Scenario &scenario, const Pricing::PriceSheet &sheet,
                                         const UncertaintyRanges &ranges, const UncertaintySettings &settings = {});

} // namespace Costscape::Models
