// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"

#include <memory>
#include <string>

namespace Costscape::Models {

/**
 * Turns a Scenario and a PriceSheet into an Evaluation: a pure function of its inputs, no I/O,
 * safe on any thread. Fails (with the place in the scenario file) when the scenario cannot be
 * priced as written: a region, instance type or architecture the sheet does not have, or a price
 * it lacks. A workload a platform cannot serve is not an error: that option is feasible = false.
 */
class Evaluator final
{
public:
    static Result<Evaluation> evaluate(const Scenario &scenario, const Pricing::PriceSheet &sheet);
    /**
     * As evaluate(), for what needs only the month's figures (the traffic sweep prices the
     * scenario some fifty times): every hourly plan is HourlyPlan::merged(), so a day profile
     * over 730 hours is priced as its 24 distinct hours. Monthly costs, feasibility, warnings and
     * the cheapest option are those of evaluate() (to rounding); fleet.hourly, hourlyCost and the
     * Evaluation's ratePerSecond and slotWeight follow the merged slots, not the hours. The
     * models skip what they compute only to show beside the figures (OptionContext::figuresOnly:
     * the schedulers' packings and the lower bound in ECS's and EKS's details, and so their summaries),
     * and pack each hour's task counts on their own (Seeding::Each in packingcache.h) so that
     * evaluations with another busiest hour share the packings: with one task group that is the
     * packing evaluate() finds; with several, an equally valid one that may cost a little more or less.
     */
    static Result<Evaluation> evaluateMonthly(const Scenario &scenario, const Pricing::PriceSheet &sheet);

private:
    static Result<Evaluation> run(const Scenario &scenario, const Pricing::PriceSheet &sheet, bool mergeHours);
};

/** A scenario file, the sheet it was priced with, and the evaluation. */
struct PricedScenario {
    Scenario scenario;
    std::shared_ptr<const Pricing::PriceSheet> sheet;
    Evaluation evaluation;
};

/**
 * Loads a scenario file, resolves its price sheet (pricesOverride as in resolvePriceSheet) and
 * evaluates it: what the command line and the window both do with a file. The first error of
 * the three steps is returned; the warnings of the scenario and the sheet read so far are kept,
 * with the error as well as with the value.
 */
Result<PricedScenario> loadAndEvaluate(const std::string &scenarioPath, const std::string &pricesOverride = {});

/**
 * The price sheet a scenario asks for: overridePath when not empty (a command line's --prices),
 * else the scenario's "prices": "embedded" or a path relative to the scenario file. A sheet that
 * does not exist is reported at the scenario's "prices" field (or as the override's own error).
 */
Result<std::shared_ptr<const Pricing::PriceSheet>> resolvePriceSheet(const Scenario &scenario,
                                                                     const std::string &overridePath = {});

} // namespace Costscape::Models
