// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/uncertainty/comparison.h"

#include <algorithm>

namespace Costscape::Models {

namespace {

bool usable(const OptionResult &o)
{
    return o.feasible && o.priced;
}

std::vector<LineDifference> compareLines(const OptionResult *a, const OptionResult *b)
{
    std::vector<LineDifference> out;
    auto find = [&](const std::string &name) {
        return std::find_if(out.begin(), out.end(), [&](const LineDifference &l) { return l.name == name; });
    };
    if (a)
        for (const LineItem &li : a->lineItems) {
            auto it = find(li.name);
            if (it == out.end())
                it = out.insert(out.end(), LineDifference{li.name, 0, 0, true, false});
            it->a += li.cost;
        }
    if (b)
        for (const LineItem &li : b->lineItems) {
            auto it = find(li.name);
            if (it == out.end())
                it = out.insert(out.end(), LineDifference{li.name, 0, 0, false, true});
            it->inB = true;
            it->b += li.cost;
        }
    return out;
}

} // namespace

Comparison compareEvaluations(const Evaluation &a, const Evaluation &b)
{
    Comparison out;
    out.scenarioA = a.scenario;
    out.scenarioB = b.scenario;
    out.regionA = a.region;
    out.regionB = b.region;
    out.currency = a.prices.currency;
    out.currencyB = b.prices.currency;
    if (const int i = a.cheapestIndex(); i >= 0)
        out.cheapestA = a.options[static_cast<std::size_t>(i)].id;
    if (const int i = b.cheapestIndex(); i >= 0)
        out.cheapestB = b.options[static_cast<std::size_t>(i)].id;

    auto inB = [&](const std::string &id) -> const OptionResult * {
        for (const OptionResult &o : b.options)
            if (o.id == id)
                return &o;
        return nullptr;
    };
    for (const OptionResult &oa : a.options) {
        const OptionResult *ob = inB(oa.id);
        OptionDifference d;
        d.id = oa.id;
        d.inA = true;
        d.inB = ob != nullptr;
        d.feasibleA = usable(oa);
        d.feasibleB = ob && usable(*ob);
        d.a = oa.priced ? oa.monthlyCost : 0;
        d.b = ob && ob->priced ? ob->monthlyCost : 0;
        d.lines = compareLines(&oa, ob);
        out.options.push_back(std::move(d));
    }
    for (const OptionResult &ob : b.options) {
        const bool known = std::any_of(a.options.begin(), a.options.end(), [&](const OptionResult &o) { return o.id == ob.id; });
        if (known)
            continue;
        OptionDifference d;
        d.id = ob.id;
        d.inB = true;
        d.feasibleB = usable(ob);
        d.b = ob.priced ? ob.monthlyCost : 0;
        d.lines = compareLines(nullptr, &ob);
        out.options.push_back(std::move(d));
    }
    return out;
}

} // namespace Costscape::Models
