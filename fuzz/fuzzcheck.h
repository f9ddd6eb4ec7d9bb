// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The properties every fuzz target checks on what a reader accepted. A broken property aborts
// with a message, which libFuzzer reports as a crash and saves the input that caused it.

#include "base/utf8.h"
#include "models/evaluator.h"
#include "output/resultformat.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace Costscape::Fuzz {

[[noreturn]] inline void fail(const std::string &what)
{
    std::fprintf(stderr, "fuzz property broken: %s\n", what.c_str());
    std::abort();
}

inline void require(bool ok, const std::string &what)
{
    if (!ok)
        fail(what);
}

inline bool sound(double v) { return std::isfinite(v) && v >= 0; }

/** Text a writer gets must be valid UTF-8 (nlohmann's writer throws otherwise). */
inline void requireUtf8(std::string_view text, const char *where)
{
    require(Utf8::isValid(text), std::string(where) + ": not valid UTF-8");
}

/**
 * An evaluation a loaded file gave: every priced, feasible option's figures are finite and
 * non-negative, no infeasible or unpriced option is the cheapest, and every output format is
 * written (JSON that parses back, CSV and table as valid UTF-8).
 */
inline void checkEvaluation(const Models::Evaluation &e)
{
    for (const auto &o : e.options) {
        if (!o.feasible || !o.priced)
            continue;
        require(sound(o.monthlyCost), "option " + o.id + ": monthly cost " + std::to_string(o.monthlyCost));
        for (const auto &item : o.lineItems) {
            require(sound(item.cost), "option " + o.id + ": line item " + item.name + " costs " + std::to_string(item.cost));
            require(sound(item.quantity), "option " + o.id + ": line item " + item.name + " quantity");
        }
        for (const double h : o.hourlyCost)
            require(sound(h), "option " + o.id + ": an hour costs " + std::to_string(h));
    }
    const int cheapest = e.cheapestIndex();
    if (cheapest >= 0) {
        const auto &c = e.options[static_cast<std::size_t>(cheapest)];
        require(c.feasible && c.priced && sound(c.monthlyCost), "the cheapest option " + c.id + " is not sound");
    }
    const std::string json = Output::formatJson(e);
    requireUtf8(json, "JSON output");
    require(nlohmann::json::accept(json), "JSON output does not parse");
    requireUtf8(Output::formatCsv(e), "CSV output");
    requireUtf8(Output::formatTable(e), "table output");
}

} // namespace Costscape::Fuzz
