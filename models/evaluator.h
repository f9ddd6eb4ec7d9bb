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
};

/**
 * The price sheet a scenario asks for: overridePath when not empty (a command line's --prices),
 * else the scenario's "prices": "embedded" or a path relative to the scenario file. A sheet that
 * does not exist is reported at the scenario's "prices" field (or as the override's own error).
 */
Result<std::shared_ptr<const Pricing::PriceSheet>> resolvePriceSheet(const Scenario &scenario,
                                                                     const std::string &overridePath = {});

} // namespace Costscape::Models
