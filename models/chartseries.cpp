// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartseries.h"

#include <cstddef>

namespace Costscape::Models {

MonthlySeries monthlySeries(const Evaluation &evaluation)
{
    MonthlySeries out;
    out.currency = evaluation.prices.currency;
    out.cheapest = evaluation.cheapestIndex();
    const std::size_t n = evaluation.options.size();
    for (std::size_t i = 0; i < n; ++i) {
        const OptionResult &o = evaluation.options[i];
        out.ids.push_back(o.id);
        out.platforms.push_back(platformTitle(o.platform));
        out.summaries.push_back(o.summary);
        out.totals.push_back(o.monthlyCost);
        out.feasible.push_back(o.feasible);
        // OptionResult::infeasible() puts the reasons first, so the first warning is the reason.
        out.reasons.push_back(!o.feasible && !o.warnings.empty() ? o.warnings.front() : std::string());
        for (const LineItem &item : o.lineItems) {
            std::size_t s = 0;
            while (s < out.stacks.size() && out.stacks[s].name != item.name)
                ++s;
            if (s == out.stacks.size())
                out.stacks.push_back({item.name, std::vector<double>(n, 0.0)});
            // Summed, not assigned: should a model ever bill two lines of one name, the bar must
            // still add up to the total.
            out.stacks[s].values[i] += item.cost;
        }
    }
    return out;
}

HourlySeries hourlySeries(const Evaluation &evaluation)
{
    HourlySeries out;
    out.currency = evaluation.prices.currency;
    out.ratePerSecond = evaluation.ratePerSecond;
    const std::size_t slots = evaluation.ratePerSecond.size();
    for (const OptionResult &o : evaluation.options) {
        // An option with its own requests or hours has slots that do not line up with the
        // workload's axis; drawing them on it would show a fleet at the wrong hours.
        if (o.ownPlan || o.fleet.hourly.size() != slots || o.hourlyCost.size() != slots) {
            out.skipped.push_back(o.id);
            continue;
        }
        out.lines.push_back({o.id, o.fleet.unit, o.fleet.hourly, o.hourlyCost, o.feasible});
    }
    return out;
}

} // namespace Costscape::Models
