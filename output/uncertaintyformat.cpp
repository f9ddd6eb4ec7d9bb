// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "output/uncertaintyformat.h"

#include "output/textsafety.h"
#include "base/textformat.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace Costscape::Output {

namespace {

using Json = nlohmann::ordered_json;
using namespace Models;

Json number(double v)
{
    return std::isfinite(v) ? Json(v) : Json(nullptr);
}

std::string csvNumber(double v)
{
    if (!std::isfinite(v))
        return {};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string money(double v)
{
    return std::isfinite(v) ? Text::grouped(v, 2) : std::string("-");
}

std::string signedMoney(double v)
{
    if (!std::isfinite(v))
        return "-";
    return (v > 0 ? "+" : "") + Text::grouped(v, 2);
}

std::string percent(double share)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100);
    return buf;
}

std::string pad(const std::string &s, std::size_t width, bool right = false)
{
    std::size_t cols = 0;
    for (unsigned char c : s)
        cols += (c & 0xC0) != 0x80;
    if (cols >= width)
        return s;
    const std::string fill(width - cols, ' ');
    return right ? fill + s : s + fill;
}

Json tornadoToJson(const Tornado &t)
{
    Json bars = Json::array();
    for (const TornadoBar &b : t.bars)
        bars.push_back({{"input", inputKey(b.input)},
                        {"low", b.lowValue},
                        {"high", b.highValue},
                        {"atLow", number(b.atLow)},
                        {"atHigh", number(b.atHigh)},
                        {"swing", b.swing()}});
    return {{"subject", t.subject}, {"base", number(t.base)}, {"bars", std::move(bars)}};
}

void tornadoTable(std::ostringstream &out, const Tornado &t, const std::string &currency)
{
    if (t.subject.empty())
        return;
    out << "\nTornado: " << terminalSafe(t.subject) << " (" << money(t.base) << " " << terminalSafe(currency)
        << " with every input typical)\n";
    if (t.bars.empty()) {
        out << "  no input has a range\n";
        return;
    }
    for (const TornadoBar &b : t.bars)
        out << "  " << pad(inputTitle(b.input), 36) << pad(Text::general(b.lowValue) + " .. " + Text::general(b.highValue), 18)
            << pad(money(b.atLow), 14, true) << " .. " << pad(money(b.atHigh), 14, true) << "   swing "
            << money(b.swing()) << '\n';
}

/** A spike figure: +inf ("not before the spike ends") is -1, as in a result's "scaling" block. */
double spikeFigure(double v)
{
    return std::isinf(v) && v > 0 ? -1.0 : v;
}

Json spikeToJson(const OptionSpikeUncertainty &s)
{
    Json out;
    out["simulatedDraws"] = s.simulated;
    out["absorbedShare"] = number(s.absorbedShare);
    for (int m = 0; m < SpikeMeasureCount; ++m) {
        const SpikeSpread &g = s.measures[static_cast<std::size_t>(m)];
        out[spikeMeasureKey(static_cast<SpikeMeasure>(m))] = {{"typical", number(spikeFigure(g.typical))},
                                                               {"p10", number(spikeFigure(g.p10))},
                                                               {"p50", number(spikeFigure(g.p50))},
                                                               {"p90", number(spikeFigure(g.p90))}};
    }
    return out;
}

std::string spikeText(SpikeMeasure m, double v)
{
    if (std::isnan(v))
        return "-";
    if (std::isinf(v))
        return "never";
    return m == SpikeMeasure::RequestsDelayed || m == SpikeMeasure::RequestsRejected ? Text::grouped(v, 0)
                                                                                     : Text::grouped(v, 1);
}

void spikeTable(std::ostringstream &out, const UncertaintyResult &r, std::size_t idWidth)
{
    if (r.spikeDraws <= 0)
        return;
    const auto &g = r.ranges[UncertainInput::SpikeHeight];
    out << "\nSpike response, the spike's peak drawn from " << (g ? Text::general(g->low) + " to " + Text::general(g->high) : "-")
        << " requests/s (the first " << r.spikeDraws << " draws simulated; no cost moves with it)\n";
    out << pad("option", idWidth) << "  " << pad("measure", 40) << pad("typical", 11, true) << pad("P10", 11, true)
        << pad("P50", 11, true) << pad("P90", 11, true) << '\n';
    for (const OptionUncertainty &o : r.options) {
        if (!o.spike || o.spike->simulated == 0) {
            out << pad(terminalSafe(o.id), idWidth) << "  not feasible in any simulated draw\n";
            continue;
        }
        out << pad(terminalSafe(o.id), idWidth) << "  " << pad("Absorbs it (none late, none turned away)", 40)
            << pad("in " + percent(o.spike->absorbedShare) + " of draws", 44, true) << '\n';
        for (int m = 0; m < SpikeMeasureCount; ++m) {
            const auto measure = static_cast<SpikeMeasure>(m);
            const SpikeSpread &s = (*o.spike)[measure];
            out << pad("", idWidth) << "  " << pad(spikeMeasureTitle(measure), 40) << pad(spikeText(measure, s.typical), 11, true)
                << pad(spikeText(measure, s.p10), 11, true) << pad(spikeText(measure, s.p50), 11, true)
                << pad(spikeText(measure, s.p90), 11, true) << '\n';
        }
    }
}

} // namespace

Json uncertaintyToJson(const UncertaintyResult &r)
{
    Json out;
    out["format"] = "costscape-uncertainty";
    out["version"] = 1;
    out["scenario"] = r.scenario;
    out["region"] = r.region;
    out["currency"] = r.currency;
    out["draws"] = r.draws;
    out["seed"] = r.seed;
    out["ranges"] = rangesToJson(r.ranges);
    out["noneFeasibleShare"] = r.noneFeasibleShare;
    out["cheapestAtTypical"] = r.cheapestAtTypical >= 0 ? Json(r.options[static_cast<std::size_t>(r.cheapestAtTypical)].id)
                                                        : Json(nullptr);
    Json options = Json::array();
    for (const OptionUncertainty &o : r.options)
        options.push_back({{"id", o.id},
                           {"platform", platformName(o.platform)},
                           {"typicalMonthlyCost", number(o.typical)},
                           {"p10", number(o.p10)},
                           {"p50", number(o.p50)},
                           {"p90", number(o.p90)},
                           {"mean", number(o.mean)},
                           {"feasibleShare", o.feasibleShare},
                           {"probabilityCheapest", o.probabilityCheapest},
                           {"expectedRegret", number(o.expectedRegret)},
                           {"standardErrors",
                            {{"p10", number(o.p10Error)},
                             {"p50", number(o.p50Error)},
                             {"p90", number(o.p90Error)},
                             {"mean", number(o.meanError)},
                             {"probabilityCheapest", o.probabilityCheapestError},
                             {"expectedRegret", number(o.expectedRegretError)}}}});
    // The spike's spread only when its height has a range: without one the JSON is as before.
    if (r.spikeDraws > 0) {
        out["spikeDraws"] = r.spikeDraws;
        for (std::size_t i = 0; i < r.options.size(); ++i)
            if (r.options[i].spike)
                options[i]["spike"] = spikeToJson(*r.options[i].spike);
    }
    out["options"] = std::move(options);
    out["tornado"] = {{"chosenCost", tornadoToJson(r.chosenCost)}, {"difference", tornadoToJson(r.difference)}};
    return out;
}

std::string formatUncertaintyJson(const UncertaintyResult &r)
{
    return uncertaintyToJson(r).dump(2) + "\n";
}

std::string formatUncertaintyCsv(const UncertaintyResult &r)
{
    std::ostringstream out;
    out << "option,platform,typical,p10,p50,p90,mean,probabilityCheapest,expectedRegret,feasibleShare,"
           "p10Error,p50Error,p90Error,meanError,probabilityCheapestError,expectedRegretError,currency,draws,seed";
    // With a spike range, its columns follow the others (a file without one keeps its columns).
    const bool spike = r.spikeDraws > 0;
    if (spike) {
        out << ",spikeDraws,spikeAbsorbedShare";
        for (int m = 0; m < SpikeMeasureCount; ++m)
            for (const char *q : {"Typical", "P10", "P50", "P90"})
                out << ",spike" << static_cast<char>(std::toupper(spikeMeasureKey(static_cast<SpikeMeasure>(m))[0]))
                    << (spikeMeasureKey(static_cast<SpikeMeasure>(m)) + 1) << q;
    }
    out << "\r\n";
    const std::string currency = csvField(r.currency);
    for (const OptionUncertainty &o : r.options) {
        out << csvField(o.id) << ',' << platformName(o.platform) << ',' << csvNumber(o.typical) << ',' << csvNumber(o.p10)
            << ',' << csvNumber(o.p50) << ',' << csvNumber(o.p90) << ',' << csvNumber(o.mean) << ','
            << csvNumber(o.probabilityCheapest) << ',' << csvNumber(o.expectedRegret) << ',' << csvNumber(o.feasibleShare)
            << ',' << csvNumber(o.p10Error) << ',' << csvNumber(o.p50Error) << ',' << csvNumber(o.p90Error) << ','
            << csvNumber(o.meanError) << ',' << csvNumber(o.probabilityCheapestError) << ','
            << csvNumber(o.expectedRegretError) << ',' << currency << ',' << r.draws << ',' << r.seed;
        if (spike) {
            out << ',' << r.spikeDraws << ',' << (o.spike ? csvNumber(o.spike->absorbedShare) : std::string());
            for (int m = 0; m < SpikeMeasureCount; ++m) {
                const SpikeSpread g = o.spike ? (*o.spike)[static_cast<SpikeMeasure>(m)] : SpikeSpread{NAN, NAN, NAN, NAN};
                for (double v : {g.typical, g.p10, g.p50, g.p90})
                    out << ',' << csvNumber(spikeFigure(v));
            }
        }
        out << "\r\n";
    }
    return out.str();
}

std::string formatUncertaintyTable(const UncertaintyResult &r)
{
    std::ostringstream out;
    out << (r.scenario.empty() ? std::string("Scenario") : terminalSafe(r.scenario)) << ": " << terminalSafe(r.region)
        << ", " << r.draws << " draws, seed " << r.seed << "\n";
    if (r.ranges.empty())
        out << "No input has a range (add \"ranges\" to the scenario): every draw is the typical evaluation.\n";
    for (int i = 0; i < UncertainInputCount; ++i)
        if (const auto &g = r.ranges.ranges[static_cast<std::size_t>(i)])
            out << "  " << pad(inputTitle(static_cast<UncertainInput>(i)), 36) << Text::general(g->low) << " / "
                << Text::general(g->typical) << " / " << Text::general(g->high) << "  "
                << (g->distribution == RangeDistribution::LogNormal ? "log-normal" : "triangular") << '\n';
    out << '\n';
    std::size_t idWidth = 6;
    for (const OptionUncertainty &o : r.options)
        idWidth = std::max(idWidth, terminalSafe(o.id).size());
    const std::string cur = terminalSafe(r.currency);
    out << pad("option", idWidth) << "  " << pad("typical", 12, true) << "  " << pad("P10", 12, true) << "  "
        << pad("P50", 12, true) << "  " << pad("P90", 12, true) << "  " << pad("cheapest", 16, true) << "  "
        << pad("regret", 10, true) << "  (monthly " << cur << ")\n";
    for (const OptionUncertainty &o : r.options) {
        std::string odds = percent(o.probabilityCheapest) + " ±" + percent(o.probabilityCheapestError);
        out << pad(terminalSafe(o.id), idWidth) << "  " << pad(money(o.typical), 12, true) << "  "
            << pad(money(o.p10), 12, true) << "  " << pad(money(o.p50), 12, true) << "  " << pad(money(o.p90), 12, true)
            << "  " << pad(odds, 16, true) << "  " << pad(money(o.expectedRegret), 10, true);
        if (o.feasibleShare < 1)
            out << "  feasible in " << percent(o.feasibleShare);
        out << '\n';
    }
    if (r.noneFeasibleShare > 0)
        out << "No option is feasible in " << percent(r.noneFeasibleShare) << " of the draws.\n";
    spikeTable(out, r, idWidth);
    tornadoTable(out, r.chosenCost, r.currency);
    tornadoTable(out, r.difference, r.currency);
    return out.str();
}

Json comparisonToJson(const Comparison &c)
{
    Json out;
    out["format"] = "costscape-comparison";
    out["version"] = 1;
    out["a"] = {{"scenario", c.scenarioA}, {"region", c.regionA}, {"currency", c.currency},
                {"cheapest", c.cheapestA.empty() ? Json(nullptr) : Json(c.cheapestA)}};
    out["b"] = {{"scenario", c.scenarioB}, {"region", c.regionB}, {"currency", c.currencyB},
                {"cheapest", c.cheapestB.empty() ? Json(nullptr) : Json(c.cheapestB)}};
    Json options = Json::array();
    for (const OptionDifference &o : c.options) {
        Json lines = Json::array();
        for (const LineDifference &l : o.lines)
            lines.push_back({{"name", l.name}, {"a", l.inA ? Json(l.a) : Json(nullptr)},
                             {"b", l.inB ? Json(l.b) : Json(nullptr)}, {"difference", l.difference()}});
        options.push_back({{"id", o.id},
                           {"a", o.inA ? Json(o.a) : Json(nullptr)},
                           {"b", o.inB ? Json(o.b) : Json(nullptr)},
                           {"difference", o.inA && o.inB ? Json(o.difference()) : Json(nullptr)},
                           {"feasibleA", o.feasibleA},
                           {"feasibleB", o.feasibleB},
                           {"lineItems", std::move(lines)}});
    }
    out["options"] = std::move(options);
    return out;
}

std::string formatComparisonJson(const Comparison &c)
{
    return comparisonToJson(c).dump(2) + "\n";
}

std::string formatComparisonCsv(const Comparison &c)
{
    std::ostringstream out;
    out << "option,lineItem,a,b,difference,feasibleA,feasibleB,currency\r\n";
    for (const OptionDifference &o : c.options) {
        const std::string tail = std::string(",") + (o.feasibleA ? "true" : "false") + ',' + (o.feasibleB ? "true" : "false")
            + ',' + csvField(c.currency) + "\r\n";
        for (const LineDifference &l : o.lines)
            out << csvField(o.id) << ',' << csvField(l.name) << ',' << (l.inA ? csvNumber(l.a) : "") << ','
                << (l.inB ? csvNumber(l.b) : "") << ',' << csvNumber(l.difference()) << tail;
        out << csvField(o.id) << ",total," << (o.inA ? csvNumber(o.a) : "") << ',' << (o.inB ? csvNumber(o.b) : "") << ','
            << (o.inA && o.inB ? csvNumber(o.difference()) : "") << tail;
    }
    return out.str();
}

std::string formatComparisonTable(const Comparison &c)
{
    std::ostringstream out;
    const auto name = [](const std::string &s) { return s.empty() ? std::string("Scenario") : terminalSafe(s); };
    out << "A: " << name(c.scenarioA) << " (" << terminalSafe(c.regionA) << ")\n";
    out << "B: " << name(c.scenarioB) << " (" << terminalSafe(c.regionB) << ")\n";
    if (c.currency != c.currencyB)
        out << "The two sheets differ in currency (" << terminalSafe(c.currency) << ", " << terminalSafe(c.currencyB)
            << "): the differences mix them.\n";
    out << "Cheapest: A " << (c.cheapestA.empty() ? std::string("none") : terminalSafe(c.cheapestA)) << ", B "
        << (c.cheapestB.empty() ? std::string("none") : terminalSafe(c.cheapestB)) << "\n\n";
    std::size_t width = 24;
    for (const OptionDifference &o : c.options) {
        width = std::max(width, terminalSafe(o.id).size());
        for (const LineDifference &l : o.lines)
            width = std::max(width, terminalSafe(l.name).size() + 2);
    }
    out << pad("option / line item", width) << "  " << pad("A", 14, true) << "  " << pad("B", 14, true) << "  "
        << pad("B - A", 14, true) << "  (monthly " << terminalSafe(c.currency) << ")\n";
    for (const OptionDifference &o : c.options) {
        std::string flag;
        if (!o.inA || !o.inB)
            flag = o.inA ? "  only in A" : "  only in B";
        else if (!o.feasibleA || !o.feasibleB)
            flag = std::string("  infeasible in ") + (!o.feasibleA && !o.feasibleB ? "both" : !o.feasibleA ? "A" : "B");
        out << pad(terminalSafe(o.id), width) << "  " << pad(o.inA ? money(o.a) : "-", 14, true) << "  "
            << pad(o.inB ? money(o.b) : "-", 14, true) << "  "
            << pad(o.inA && o.inB ? signedMoney(o.difference()) : "-", 14, true) << flag << '\n';
        for (const LineDifference &l : o.lines)
            out << pad("  " + terminalSafe(l.name), width) << "  " << pad(l.inA ? money(l.a) : "-", 14, true) << "  "
                << pad(l.inB ? money(l.b) : "-", 14, true) << "  " << pad(signedMoney(l.difference()), 14, true) << '\n';
    }
    return out.str();
}

} // namespace Costscape::Output
