// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "output/resultformat.h"

#include "base/textformat.h"
#include "models/detailswriter.h"
#include "output/commitmentjson.h"
#include "output/textsafety.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace Costscape::Output {

using namespace Models;

using Json = nlohmann::ordered_json;

namespace {

/** A platform's typed details as a JSON object, field by field as the details describe themselves. */
class JsonDetailsWriter final : public DetailsWriter
{
public:
    JsonDetailsWriter() { m_stack.push_back(&m_root); }
    Json take() { return std::move(m_root); }

    void number(std::string_view key, double value) override { put(key, value); }
    void integer(std::string_view key, long long value) override { put(key, value); }
    void text(std::string_view key, std::string_view value) override { put(key, std::string(value)); }
    void flag(std::string_view key, bool value) override { put(key, value); }
    void numbers(std::string_view key, const std::vector<double> &values) override { put(key, values); }
    void integers(std::string_view key, const std::vector<long long> &values) override { put(key, values); }
    void texts(std::string_view key, const std::vector<std::string> &values) override { put(key, values); }
    void beginObject(std::string_view key) override { m_stack.push_back(&put(key, Json::object())); }
    void endObject() override { m_stack.pop_back(); }
    void beginArray(std::string_view key) override { m_stack.push_back(&put(key, Json::array())); }
    void endArray() override { m_stack.pop_back(); }

private:
    Json &put(std::string_view key, Json value)
    {
        Json &top = *m_stack.back();
        if (top.is_array()) {
            top.push_back(std::move(value));
            return top.back();
        }
        Json &slot = top[std::string(key)];
        slot = std::move(value);
        return slot;
    }

    Json m_root = Json::object();
    std::vector<Json *> m_stack;
};

Json detailsToJson(const PlatformDetails &details)
{
    if (std::holds_alternative<std::monostate>(details))
        return Json();
    JsonDetailsWriter writer;
    std::visit(
        [&writer](const auto &d) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(d)>, std::monostate>)
                d.write(writer);
        },
        details);
    return writer.take();
}

// The per-second series stay out of the document: a chart draws them from the struct, and a
// ten-minute spike would add thousands of numbers per option to every result file.
Json scalingToJson(const ScalingResult &s)
{
    Json assumptions = Json::array();
    for (const ScalingAssumption &a : s.assumptions)
        assumptions.push_back({{"key", a.key}, {"label", a.label}, {"unit", a.unit}, {"value", a.value},
                               {"overridden", a.overridden}, {"source", a.source}});
    return {{"secondsToMeetDemand", s.secondsToMeetDemand},
            {"requestsDelayed", s.requestsDelayed},
            {"coldStarts", s.coldStarts},
            {"coldStartMs", s.coldStartSeconds * 1000},
            {"requestsRejected", s.requestsRejected},
            {"peakBacklog", s.peakBacklog},
            {"maxDelaySeconds", s.maxDelaySeconds},
            {"warmUnitsBefore", s.warmUnitsBefore},
            {"warmMinimum", s.warmMinimum},
            {"warmUnit", s.warmUnit},
            {"warmExtraMonthlyCost", s.warmExtraMonthlyCost},
            {"assumptions", std::move(assumptions)},
            {"notes", s.notes}};
}
} // namespace

nlohmann::ordered_json evaluationToJson(const Evaluation &e)
{
    Json out;
    out["format"] = "costscape-result";
    out["version"] = 1;
    out["scenario"] = e.scenario;
    out["region"] = e.region;
    out["currency"] = e.prices.currency;
    out["hoursPerMonth"] = e.hoursPerMonth;
    out["prices"] = {{"name", e.prices.name}, {"source", e.prices.source}, {"retrieved", e.prices.retrieved}};
    Json options = Json::array();
    for (const OptionResult &o : e.options) {
        Json items = Json::array();
        for (const LineItem &li : o.lineItems) {
            Json item = {{"name", li.name}, {"quantity", li.quantity}, {"unit", li.unit},
                         {"unitPrice", li.unitPrice}, {"cost", li.cost}};
            if (!li.note.empty())
                item["note"] = li.note;
            items.push_back(std::move(item));
        }
        Json option = {{"id", o.id},
                       {"platform", platformName(o.platform)},
                       {"monthlyCost", o.monthlyCost},
                       {"lineItems", std::move(items)},
                       {"fleet", {{"peak", o.fleet.peak}, {"average", o.fleet.average}, {"unit", o.fleet.unit},
                                  {"unitHours", o.fleet.unitHours}}},
                       {"feasible", o.feasible},
                       {"warnings", o.warnings},
                       {"summary", o.summary}};
        if (!o.priced)
            option["priced"] = false;
        // What the figure does not include (the parts around the compute the scenario does not
        // describe, or the sheet cannot price): absent when the bill is whole.
        if (!o.leftOut.empty())
            option["leftOut"] = o.leftOut;
        if (Json details = detailsToJson(o.details); !details.is_null())
            option["details"] = std::move(details);
        if (o.scaling)
            option["scaling"] = scalingToJson(*o.scaling);
        if (o.commitment)
            option["commitment"] = commitmentToJson(*o.commitment);
        options.push_back(std::move(option));
    }
    out["options"] = std::move(options);
    if (e.spike)
        out["spike"] = {{"fromPerSecond", e.spike->fromPerSecond}, {"toPerSecond", e.spike->toPerSecond},
                        {"rampSeconds", e.spike->rampSeconds},     {"holdSeconds", e.spike->holdSeconds},
                        {"objectiveMs", e.spike->objectiveMs},
                        {"excess", e.spike->excess == Spike::Excess::Reject ? "reject" : "queue"}};
    const int cheapest = e.cheapestIndex();
    out["cheapest"] = cheapest >= 0 ? Json(e.options[static_cast<std::size_t>(cheapest)].id) : Json(nullptr);
    return out;
}

std::string formatJson(const Evaluation &evaluation)
{
    // Text is checked as UTF-8 where it is read; replace rather than throw should anything slip past.
    return evaluationToJson(evaluation).dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

namespace {
std::string csvNumber(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// An unpriced option has no figure to show; its 0 is not a price.
std::string cost(const OptionResult &o)
{
    return o.priced ? Text::grouped(o.monthlyCost, 2) : std::string("-");
}

// Pads to width by display characters (UTF-8 continuation bytes take no column).
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
} // namespace



std::string formatCsv(const Evaluation &e)
{
    std::ostringstream out;
    out << "option,platform,lineItem,quantity,unit,unitPrice,cost,currency,region,feasible,note\r\n";
    // The region travels on every row: a sheet pasted beside another region's must still say which is which.
    const std::string region = csvField(e.region);
    // The currency comes from the price sheet: it is text a spreadsheet could run like any other.
    const std::string currency = csvField(e.prices.currency);
    for (const OptionResult &o : e.options) {
        const std::string head = csvField(o.id) + ',' + platformName(o.platform) + ',';
        const std::string feasible = o.feasible ? "true" : "false";
        for (const LineItem &li : o.lineItems)
            out << head << csvField(li.name) << ',' << csvNumber(li.quantity) << ',' << csvField(li.unit) << ','
                << csvNumber(li.unitPrice) << ',' << csvNumber(li.cost) << ',' << currency << ',' << region << ',' << feasible
                << ',' << csvField(li.note) << "\r\n";
        std::string why;
        for (const std::string &w : o.warnings)
            why += (why.empty() ? "" : "; ") + w;
        out << head << "total,,,," << (o.priced ? csvNumber(o.monthlyCost) : std::string()) << ',' << currency << ',' << region << ',' << feasible << ','
            << csvField(why) << "\r\n";
    }
    return out.str();
}

namespace {
/** The spike in a few columns per option: how long, how many waited too long, and the price of being ready. */
void formatSpikeSection(std::ostringstream &out, const Evaluation &e, std::size_t idWidth)
{
    if (!e.spike)
        return;
    const Spike &k = *e.spike;
    out << "\nSpike: " << csvNumber(k.fromPerSecond) << " -> " << csvNumber(k.toPerSecond) << " requests/s, ramp "
        << csvNumber(k.rampSeconds) << " s, hold " << csvNumber(k.holdSeconds) << " s; objective "
        << csvNumber(k.objectiveMs) << " ms wait, excess " << (k.excess == Spike::Excess::Reject ? "rejected" : "queued")
        << '\n';
    out << pad("option", idWidth) << "  " << pad("meets demand", 12, true) << "  " << pad("delayed", 10, true) << "  "
        << pad("rejected", 10, true) << "  " << pad("max wait", 9, true) << "  warm minimum (adds " << terminalSafe(e.prices.currency)
        << "/month)\n";
    for (const OptionResult &o : e.options) {
        if (!o.scaling)
            continue;
        const ScalingResult &s = *o.scaling;
        const std::string meets = s.secondsToMeetDemand < 0 ? std::string("never")
            : s.secondsToMeetDemand == 0                    ? std::string("at once")
                                                            : fixed(s.secondsToMeetDemand, 0) + " s";
        std::string warm = s.warmMinimum < 0 ? std::string("none keeps it within the objective")
                                             : fixed(s.warmMinimum, 0) + " " + terminalSafe(s.warmUnit) + " (+"
                + Text::grouped(s.warmExtraMonthlyCost, 2) + ")";
        out << pad(terminalSafe(o.id), idWidth) << "  " << pad(meets, 12, true) << "  " << pad(Text::grouped(s.requestsDelayed, 0), 10, true)
            << "  " << pad(Text::grouped(s.requestsRejected, 0), 10, true) << "  " << pad(fixed(s.maxDelaySeconds, 1) + " s", 9, true)
            << "  " << warm << '\n';
    }
    for (const OptionResult &o : e.options)
        if (o.scaling && o.scaling->coldStarts > 0.5)
            out << o.id << ": " << Text::grouped(o.scaling->coldStarts, 0) << " requests pay a cold start of "
                << fixed(o.scaling->coldStartSeconds * 1000, 0) << " ms (one per new execution environment)\n";
}
} // namespace

std::string formatTable(const Evaluation &e)
{
    std::ostringstream out;
    // Names, ids and summaries come from files: a terminal must not act on what they hold.
    const auto safe = [](const std::string &text) { return terminalSafe(text); };
    out << (e.scenario.empty() ? std::string("Scenario") : safe(e.scenario)) << ": " << safe(e.region) << ", "
        << csvNumber(e.hoursPerMonth) << " hours per month\n";
    out << "Prices: " << safe(e.prices.name);
    if (!e.prices.retrieved.empty())
        out << " (retrieved " << safe(e.prices.retrieved) << ")";
    out << "\n\n";

    const std::string money = "monthly " + safe(e.prices.currency);
    std::size_t idWidth = 6, moneyWidth = money.size(), platformWidth = 8;
    for (const OptionResult &o : e.options) {
        idWidth = std::max(idWidth, safe(o.id).size());
        platformWidth = std::max(platformWidth, std::string(platformTitle(o.platform)).size());
        moneyWidth = std::max(moneyWidth, cost(o).size());
    }
    const auto fleetText = [&safe](const OptionResult &o) {
        return !o.priced ? std::string("-")
                         : fixed(o.fleet.peak, o.fleet.peak == std::floor(o.fleet.peak) ? 0 : 1) + " / "
                + fixed(o.fleet.average, 1) + " " + safe(o.fleet.unit);
    };
    std::size_t fleetWidth = 20;
    for (const OptionResult &o : e.options)
        fleetWidth = std::max(fleetWidth, fleetText(o).size());
    const int cheapest = e.cheapestIndex();
    out << pad("option", idWidth) << "  " << pad("platform", platformWidth) << "  " << pad(money, moneyWidth, true) << "  "
        << pad("fleet peak / average", fleetWidth) << "  what\n";
    for (std::size_t i = 0; i < e.options.size(); ++i) {
        const OptionResult &o = e.options[i];
        const std::string fleet = fleetText(o);
        std::string what = safe(o.summary);
        if (static_cast<int>(i) == cheapest)
            what = "CHEAPEST  " + what;
        if (!o.feasible)
            what = "INFEASIBLE  " + what;
        out << pad(safe(o.id), idWidth) << "  " << pad(platformTitle(o.platform), platformWidth) << "  "
            << pad(cost(o), moneyWidth, true) << "  " << pad(fleet, fleetWidth) << "  " << what << '\n';
    }
    bool anyWarning = false;
    for (const OptionResult &o : e.options)
        for (const std::string &w : o.warnings) {
            if (!anyWarning)
                out << "\nNotes:\n";
            anyWarning = true;
            out << "  " << safe(o.id) << ": " << safe(w) << '\n';
        }
    formatSpikeSection(out, e, idWidth);
    out << '\n';
    if (cheapest >= 0) {
        const OptionResult &c = e.options[static_cast<std::size_t>(cheapest)];
        out << "Cheapest feasible option: " << safe(c.id) << " (" << platformTitle(c.platform) << ") at "
            << safe(Text::money(c.monthlyCost, e.prices.currency)) << " per month\n";
    } else {
        out << "No option can serve this workload as configured.\n";
    }
    return out.str();
}

} // namespace Costscape::Output
