// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"

#include <string>
#include <vector>

namespace Costscape::Models {

/** One line item in both evaluations: b - a. A missing line counts as 0. */
struct LineDifference {
    std::string name;
    double a = 0;
    double b = 0;
    bool inA = false, inB = false;
    double difference() const { return b - a; }
};

/** One option (matched by id) in both evaluations. */
struct OptionDifference {
    std::string id;
    bool inA = false, inB = false;
    bool feasibleA = false, feasibleB = false; ///< priced and able to serve the workload
    double a = 0, b = 0;                       ///< monthly costs (0 where absent or unpriced)
    std::vector<LineDifference> lines;         ///< A's lines in order, then those only B has
    /** b - a, meaningful when both are feasible. */
    double difference() const { return b - a; }
};

/** Two evaluations side by side, the second against the first. */
struct Comparison {
    std::string scenarioA, scenarioB;
    std::string regionA, regionB;
    std::string currency;                  ///< A's; currencyB differs only with a foreign sheet
    std::string currencyB;
    std::vector<OptionDifference> options; ///< A's options in order, then those only B has
    std::string cheapestA, cheapestB;      ///< ids, "" when none is feasible
};

/**
 * Matches options by id and line items by name. An option or line only one side has is kept,
 * with 0 on the other side and inA / inB saying which. Pure; never fails.
 */
Comparison compareEvaluations(const Evaluation &a, const Evaluation &b);

} // namespace Costscape::Models
