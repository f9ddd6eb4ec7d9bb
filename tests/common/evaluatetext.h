// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluator.h"
#include "models/scenario/scenarioreader.h"
#include "pricing/pricesheet.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace Costscape::Tests {

/**
 * A minimal valid scenario around one option (JSON text), for the per-platform tests. topLevel
 * replaces the default `"region": "us-east-1", ` (it must then name the region itself).
 */
inline std::string scenarioWith(const std::string &workload, const std::string &option, const std::string &topLevel = {})
{
    return R"({"format": "costscape-scenario", "version": 1, "name": "t", )"
        + (topLevel.empty() ? std::string(R"("region": "us-east-1", )") : topLevel) + R"("workload": )" + workload
        + R"(, "options": [)" + option + "]}";
}

/** Parses and evaluates; sheetText empty means the embedded sheet. Errors come back as Result errors. */
inline Result<Models::Evaluation> evaluateText(const std::string &scenarioText, const std::string &sheetText = {})
{
    const auto scenario = Models::parseScenario(scenarioText, "t.costscape.json");
    if (!scenario)
        return scenario.error();
    if (sheetText.empty())
        return Models::Evaluator::evaluate(scenario.value(), Pricing::embeddedPriceSheet());
    const auto sheet = Pricing::parsePriceSheet(sheetText, "t.prices.json");
    if (!sheet)
        return sheet.error();
    return Models::Evaluator::evaluate(scenario.value(), sheet.value());
}

/** The cost of the line items whose name starts with prefix. */
inline double lineCost(const Models::OptionResult &o, const std::string &prefix)
{
    double sum = 0;
    for (const auto &li : o.lineItems)
        if (li.name.rfind(prefix, 0) == 0)
            sum += li.cost;
    return sum;
}

inline const Models::LineItem *line(const Models::OptionResult &o, const std::string &name)
{
    for (const auto &li : o.lineItems)
        if (li.name == name)
            return &li;
    return nullptr;
}

/** The option of an evaluation with this id, or null. */
inline const Models::OptionResult *optionById(const Models::Evaluation &e, const std::string &id)
{
    for (const auto &o : e.options)
        if (o.id == id)
            return &o;
    return nullptr;
}

/** a equals b within a relative eps (absolute below 1): for figures worked by hand. */
inline bool closeTo(double a, double b, double eps = 1e-9)
{
    return std::abs(a - b) <= eps * std::max(1.0, std::abs(b));
}

} // namespace Costscape::Tests
