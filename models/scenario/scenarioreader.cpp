// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/scenarioreader.h"

#include "models/platforms/platformmodel.h"
#include "models/scaling/scaling.h"
#include "models/bill/billreader.h"
#include "models/scenario/optionreader.h"
#include "models/scenario/scenariorules.h"
#include "base/textformat.h"
#include "base/jsonreader.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

namespace Costscape::Models {

using Json = JsonDocument::Json;
using Pointer = JsonDocument::Pointer;

namespace {

const NumberRule &HoursRule = Rules::Hours;
const NumberRule &DurationRule = Rules::DurationMs;
const NumberRule &MemoryRule = Rules::MemoryMb;
const NumberRule &RateRule = Rules::RequestRate;

class ScenarioReader final
{
public:
    /** read() takes doc's root and positions into the scenario (no copy of a large file). */
    explicit ScenarioReader(JsonDocument &doc) : m_doc(doc), m_r(doc) {}

    Result<Scenario> read()
    {
        Scenario s;
        const Pointer root;
        if (!m_doc.root().is_object())
            return m_doc.errorAt(root, ErrorCode::WrongFormat, "expected a costscape-scenario object at the top level");
        const auto format = m_r.string(root, "format");
        if (format && *format != "costscape-scenario")
            m_r.fail(root / "format", ErrorCode::WrongFormat,
                     "format: expected \"costscape-scenario\", got \"" + *format + "\"");
        const auto version = m_r.number(root, "version", NumberRule::count(1));
        if (version && *version != 1)
            m_r.fail(root / "version", ErrorCode::WrongFormat,
                     "version: this Costscape reads version 1 scenarios, got version " + formatJsonNumber(*version));
        s.name = m_r.string(root, "name", false).value_or("");
        s.region = m_r.string(root, "region", false).value_or("us-east-1");
        if (!m_r.failed() && s.region.empty())
            m_r.fail(root / "region", ErrorCode::UnknownValue, "region: must not be empty");
        s.hoursPerMonth = m_r.number(root, "hoursPerMonth", HoursRule, false).value_or(730);
        s.prices = m_r.string(root, "prices", false).value_or("embedded");
        if (!m_r.failed() && s.prices.empty())
            m_r.fail(root / "prices", ErrorCode::UnknownValue, "prices: must be \"embedded\" or a path to a price sheet");
        warnUnknown(root, {"format", "version", "name", "region", "hoursPerMonth", "prices", "workload", "options", "ranges"});

        readWorkload(root / "workload", s.workload);
        readOptions(root / "options", s);

        if (m_r.failed())
            return m_r.error();
        s.fileName = m_doc.fileName();
        s.original = m_doc.takeRoot();
        s.positions = m_doc.takePositions();
        Result<Scenario> result(std::move(s));
        result.setWarnings(m_r.warnings());
        return result;
    }

private:
    void warnUnknown(const Pointer &p, std::set<std::string> known)
    {
        const Json *obj = m_r.at(p);
        if (!obj || !obj->is_object() || m_r.failed())
            return;
        for (const auto &[key, _] : obj->items()) {
            if (!known.count(key))
                m_r.warn(p / key, JsonReader::fieldName(p / key) + ": unknown key, kept but not used");
        }
    }

    std::optional<RequestModel> readRequests(const Pointer &p)
    {
        if (!m_r.object(p))
            return std::nullopt;
        const char *forms[] = {"perMonth", "perSecond", "perSecondHourly"};
        int present = 0;
        for (const char *f : forms)
            present += m_r.has(p, f) ? 1 : 0;
        if (present != 1) {
            m_r.fail(p, ErrorCode::MissingField,
                     JsonReader::fieldName(p) + ": give exactly one of \"perMonth\", \"perSecond\" or \"perSecondHourly\"");
            return std::nullopt;
        }
        warnUnknown(p, {"perMonth", "perSecond", "perSecondHourly"});
        if (m_r.has(p, "perMonth")) {
            const auto v = m_r.number(p, "perMonth", Rules::RequestsPerMonth);
            return v ? std::optional(RequestModel::monthly(*v)) : std::nullopt;
        }
        if (m_r.has(p, "perSecond")) {
            const auto v = m_r.number(p, "perSecond", RateRule);
            return v ? std::optional(RequestModel::constant(*v)) : std::nullopt;
        }
        const Pointer hp = p / "perSecondHourly";
        const Json *arr = m_r.array(hp);
        if (!arr)
            return std::nullopt;
        if (!RequestModel::isValidProfileLength(arr->size())) {
            m_r.fail(hp, ErrorCode::OutOfRange,
                     JsonReader::fieldName(hp) + ": an hourly profile has 24 (a day), 168 (a week), 730, 744 or 8760 values, got "
                         + std::to_string(arr->size()));
            return std::nullopt;
        }
        std::vector<double> values;
        values.reserve(arr->size());
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const auto v = m_r.numberAt(hp / i, RateRule);
            if (!v)
                return std::nullopt;
            values.push_back(*v);
        }
        return RequestModel::hourly(std::move(values));
    }

    void readWorkload(const Pointer &p, Workload &w)
    {
        if (!m_r.object(p))
            return;
        if (m_r.has(p, "batch")) {
            if (m_r.has(p, "requests")) {
                m_r.fail(p / "batch", ErrorCode::WrongFormat,
                         "workload.batch: give either \"requests\" (a stream of requests) or \"batch\" (runs), not both");
                return;
            }
            readBatch(p / "batch", w);
            w.requests = RequestModel::monthly(0);
            if (m_r.has(p, "durationMs"))
                w.durationMs = m_r.number(p, "durationMs", DurationRule).value_or(0);
            else
                w.durationMs = w.batch ? w.batch->runSeconds * 1000 : 0;
        } else if (!m_r.has(p, "requests")) {
            m_r.fail(p, ErrorCode::MissingField, "workload.requests: missing required field \"requests\"");
            return;
        } else if (auto r = readRequests(p / "requests")) {
            w.requests = std::move(*r);
        }
        if (w.batch) {
            // The runs' own duration is used; nothing more to read.
        } else if (m_r.has(p, "durationDistribution")) {
            readDurationDistribution(p / "durationDistribution", w);
            if (m_r.has(p, "durationMs")) {
                const auto given = m_r.number(p, "durationMs", DurationRule);
                if (given && w.durationDistribution && std::abs(*given - w.durationMs) > 0.01 * w.durationMs)
                    m_r.warn(p / "durationMs", "workload.durationMs: " + formatJsonNumber(*given) + " ms is not the mean of "
                                                   "\"durationDistribution\" (" + Text::general(w.durationMs)
                                                   + " ms); the distribution's mean is used");
            }
        } else {
            w.durationMs = m_r.number(p, "durationMs", DurationRule).value_or(0);
        }
        w.memoryMb = m_r.number(p, "memoryMb", MemoryRule).value_or(0);
        if (m_r.has(p, "spike") && m_r.object(p / "spike")) {
            const Pointer sp = p / "spike";
            Spike spike;
            spike.fromPerSecond = m_r.number(sp, "fromPerSecond", RateRule).value_or(0);
            spike.toPerSecond = m_r.number(sp, "toPerSecond", RateRule).value_or(0);
            spike.rampSeconds = m_r.number(sp, "rampSeconds", Rules::SpikeSeconds, false).value_or(0);
            spike.holdSeconds = m_r.number(sp, "holdSeconds", Rules::SpikeSeconds, false).value_or(600);
            spike.objectiveMs = m_r.number(sp, "objectiveMs", Rules::SpikeObjectiveMs, false).value_or(1000);
            const auto excess = m_r.string(sp, "excess", false, {"queue", "reject"});
            spike.excess = excess == "reject" ? Spike::Excess::Reject : Spike::Excess::Queue;
            warnUnknown(sp, {"fromPerSecond", "toPerSecond", "rampSeconds", "holdSeconds", "objectiveMs", "excess"});
            w.spike = spike;
        }
        w.traffic = readWorkloadTraffic(m_r, p);
        std::set<std::string> known{"requests", "batch", "durationMs", "durationDistribution", "memoryMb", "spike"};
        known.insert(workloadTrafficKeys().begin(), workloadTrafficKeys().end());
        warnUnknown(p, known);
    }

    // Costscape extension: runs instead of requests.
    void readBatch(const Pointer &p, Workload &w)
    {
        if (!m_r.object(p))
            return;
        Batch b;
        b.runsPerMonth = m_r.number(p, "runsPerMonth", Rules::RequestsPerMonth).value_or(0);
        b.runSeconds = m_r.number(p, "runSeconds", NumberRule{0, 31 * 86400, true, false, "s"}).value_or(0);
        b.parallel = m_r.number(p, "parallel", NumberRule::count(1, 1e6), false).value_or(1);
        warnUnknown(p, {"runsPerMonth", "runSeconds", "parallel"});
        w.batch = b;
    }

    // Costscape extension: durations as percentiles or a histogram; the mean becomes durationMs.
    void readDurationDistribution(const Pointer &p, Workload &w)
    {
        if (!m_r.object(p))
            return;
        const bool percentiles = m_r.has(p, "percentiles");
        const bool histogram = m_r.has(p, "histogram");
        if (percentiles == histogram) {
            m_r.fail(p, ErrorCode::MissingField,
                     JsonReader::fieldName(p) + ": give exactly one of \"percentiles\" or \"histogram\"");
            return;
        }
        warnUnknown(p, {"percentiles", "histogram"});
        std::vector<std::pair<double, double>> points;
        DurationDistribution d;
        std::string problem;
        if (percentiles) {
            const Pointer pp = p / "percentiles";
            const Json *obj = m_r.object(pp);
            if (!obj)
                return;
            for (const auto &[key, _] : obj->items()) {
                char *end = nullptr;
                const double percentile = std::strtod(key.c_str(), &end);
                if (key.empty() || *end != '\0' || !std::isfinite(percentile)) {
                    m_r.fail(pp / key, ErrorCode::UnknownValue,
                             JsonReader::fieldName(pp / key) + ": a percentile is a number from 0 to 100, such as \"99\"");
                    return;
                }
                const auto ms = m_r.number(pp, key, DurationRule);
                if (!ms)
                    return;
                points.emplace_back(percentile, *ms);
            }
            std::sort(points.begin(), points.end());
            problem = DurationDistribution::fromPercentiles(points, d);
        } else {
            const Pointer hp = p / "histogram";
            const Json *arr = m_r.array(hp);
            if (!arr)
                return;
            for (std::size_t i = 0; i < arr->size(); ++i) {
                const Pointer bp = hp / i;
                if (!m_r.object(bp))
                    return;
                const auto upTo = m_r.number(bp, "upToMs", DurationRule);
                const auto share = m_r.number(bp, "share", Rules::ProvisionedShare);
                if (!upTo || !share)
                    return;
                warnUnknown(bp, {"upToMs", "share"});
                points.emplace_back(*upTo, *share);
            }
            problem = DurationDistribution::fromHistogram(points, d);
        }
        if (!problem.empty()) {
            m_r.fail(p, ErrorCode::OutOfRange, JsonReader::fieldName(p) + ": " + problem);
            return;
        }
        w.durationMs = d.meanMs();
        w.durationDistribution = std::move(d);
    }

    void readOptions(const Pointer &p, Scenario &s)
    {
        const Json *arr = m_r.array(p);
        if (!arr)
            return;
        std::set<std::string> ids;
        for (std::size_t i = 0; i < arr->size() && !m_r.failed(); ++i) {
            const Pointer op = p / i;
            if (!m_r.object(op))
                return;
            OptionSpec o;
            o.id = m_r.string(op, "id").value_or("");
            if (m_r.failed())
                return;
            if (o.id.empty()) {
                m_r.fail(op / "id", ErrorCode::MissingField, JsonReader::fieldName(op / "id") + ": must not be empty");
                return;
            }
            if (!ids.insert(o.id).second) {
                m_r.fail(op / "id", ErrorCode::UnknownValue,
                         JsonReader::fieldName(op / "id") + ": duplicate option id \"" + o.id + "\"");
                return;
            }
            std::vector<std::string> names;
            for (Platform p : allPlatforms())
                names.push_back(platformName(p));
            const auto platform = m_r.oneOf(op, "platform", names);
            if (!platform)
                return;
            o.enabled = m_r.boolean(op, "enabled").value_or(true);
            o.hoursPerMonth = m_r.number(op, "hoursPerMonth", HoursRule, false);
            o.durationMs = m_r.number(op, "durationMs", DurationRule, false);
            o.memoryMb = m_r.number(op, "memoryMb", MemoryRule, false);
            if (m_r.has(op, "requests"))
                o.requests = readRequests(op / "requests");
            OptionReader reader(m_r, op);
            reader.know({"id", "platform", "enabled", "hoursPerMonth", "durationMs", "memoryMb", "requests", "spikeResponse", "commitment"});
            o.spec = platformModel(*platformFromName(*platform)).read(reader);
            if (m_r.has(op, "spikeResponse"))
                readSpikeResponse(op / "spikeResponse", o);
            o.bill = readOptionBill(m_r, op, o.platform());
            reader.known().insert(optionBillKeys().begin(), optionBillKeys().end());
            o.commitments = CommitmentIo::read(m_r, op);
            warnUnknown(op, reader.known());
            s.options.push_back(std::move(o));
        }
        if (!m_r.failed() && s.options.empty())
            m_r.fail(p, ErrorCode::MissingField, "options: the scenario compares no option; add at least one");
    }

    // Costscape extension: the scaling-latency model's figures for this option, each judged by
    // the range of its assumption. A key the platform does not have is an error, not a warning:
    // a misspelt override would otherwise leave the default in place unnoticed.
    void readSpikeResponse(const Pointer &p, OptionSpec &o)
    {
        const Json *obj = m_r.object(p);
        if (!obj)
            return;
        const std::vector<ScalingAssumption> defaults = platformModel(o.platform()).scalingDefaults();
        for (const auto &[key, _] : obj->items()) {
            const auto it = std::find_if(defaults.begin(), defaults.end(),
                                         [&key = key](const ScalingAssumption &a) { return a.key == key; });
            if (it == defaults.end()) {
                std::string known;
                for (const ScalingAssumption &a : defaults)
                    known += (known.empty() ? "" : ", ") + a.key;
                m_r.fail(p / key, ErrorCode::UnknownValue,
                         JsonReader::fieldName(p / key) + ": not a spike response figure of " + platformName(o.platform())
                             + " (it has " + known + ")");
                return;
            }
            const NumberRule rule{it->min, it->max, false, it->integer, it->unit.c_str()};
            if (const auto v = m_r.number(p, key, rule))
                o.scalingOverrides[key] = *v;
            else
                return;
        }
    }

    JsonDocument &m_doc;
    JsonReader m_r;
};

Json requestsToJson(const RequestModel &r)
{
    switch (r.kind) {
    case RequestModel::Kind::PerMonth: return Json{{"perMonth", r.perMonth}};
    case RequestModel::Kind::PerSecond: return Json{{"perSecond", r.perSecond}};
    case RequestModel::Kind::Hourly: return Json{{"perSecondHourly", r.perSecondHourly}};
    }
    return Json::object();
}

/**
 * A scenario is a few kilobytes: its longest array is a year's hourly profile (8,760 values).
 * Reading stops at these limits, so a runaway file is refused before it fills memory.
 */
JsonLimits scenarioLimits()
{
    JsonLimits limits;
    limits.maxBytes = std::size_t(32) << 20;
    limits.maxArrayLength = 100'000;
    limits.maxObjectMembers = 100'000;
    return limits;
}

} // namespace

Result<Scenario> parseScenario(std::string_view text, const std::string &fileName)
{
    auto doc = JsonDocument::parse(text, fileName, scenarioLimits());
    if (!doc)
        return doc.error();
    return ScenarioReader(doc.value()).read();
}

Result<Scenario> loadScenario(const std::string &path)
{
    auto doc = JsonDocument::load(path, scenarioLimits());
    if (!doc)
        return doc.error();
    return ScenarioReader(doc.value()).read();
}

JsonDocument::Json scenarioToJson(const Scenario &s)
{
    Json out = s.original.is_object() ? s.original : Json::object();
    out["format"] = "costscape-scenario";
    out["version"] = 1;
    out["name"] = s.name;
    out["region"] = s.region;
    out["hoursPerMonth"] = s.hoursPerMonth;
    out["prices"] = s.prices;

    Json &w = out["workload"];
    if (!w.is_object())
        w = Json::object();
    if (s.workload.batch) {
        const Batch &b = *s.workload.batch;
        w["batch"] = Json{{"runsPerMonth", b.runsPerMonth}, {"runSeconds", b.runSeconds}, {"parallel", b.parallel}};
        w.erase("requests");
    } else {
        w["requests"] = requestsToJson(s.workload.requests);
        w.erase("batch");
    }
    w["durationMs"] = s.workload.durationMs;
    if (const auto &d = s.workload.durationDistribution) {
        Json dist = Json::object();
        if (d->form() == DurationDistribution::Form::Percentiles) {
            Json percentiles = Json::object();
            for (const auto &[percentile, ms] : d->points())
                percentiles[formatJsonNumber(percentile)] = ms;
            dist["percentiles"] = std::move(percentiles);
        } else {
            Json bins = Json::array();
            for (const auto &[upTo, share] : d->points())
                bins.push_back(Json{{"upToMs", upTo}, {"share", share}});
            dist["histogram"] = std::move(bins);
        }
        w["durationDistribution"] = std::move(dist);
    } else {
        w.erase("durationDistribution");
    }
    w["memoryMb"] = s.workload.memoryMb;
    writeWorkloadTraffic(s.workload.traffic, w);
    if (s.workload.spike) {
        const Spike &k = *s.workload.spike;
        w["spike"] = Json{{"fromPerSecond", k.fromPerSecond}, {"toPerSecond", k.toPerSecond},
                          {"rampSeconds", k.rampSeconds}, {"holdSeconds", k.holdSeconds},
                          {"objectiveMs", k.objectiveMs},
                          {"excess", k.excess == Spike::Excess::Reject ? "reject" : "queue"}};
    } else {
        w.erase("spike");
    }

    // Options keep their unknown keys by id, so reordering or deleting options in the editor
    // does not move one option's extra keys onto another.
    std::map<std::string, Json> originalById;
    if (s.original.contains("options") && s.original["options"].is_array())
        for (const Json &o : s.original["options"])
            if (o.is_object() && o.contains("id") && o["id"].is_string())
                originalById[o["id"].get<std::string>()] = o;

    Json options = Json::array();
    for (const OptionSpec &opt : s.options) {
        Json o = originalById.count(opt.id) ? originalById[opt.id] : Json::object();
        o["id"] = opt.id;
        o["platform"] = platformName(opt.platform());
        if (opt.enabled)
            o.erase("enabled");
        else
            o["enabled"] = false;
        OptionWriter::setOrErase(o, "hoursPerMonth", opt.hoursPerMonth);
        OptionWriter::setOrErase(o, "durationMs", opt.durationMs);
        OptionWriter::setOrErase(o, "memoryMb", opt.memoryMb);
        if (opt.requests)
            o["requests"] = requestsToJson(*opt.requests);
        else
            o.erase("requests");
        if (opt.scalingOverrides.empty())
            o.erase("spikeResponse");
        else
            o["spikeResponse"] = Json(opt.scalingOverrides);
        CommitmentIo::write(o, opt.commitments);
        platformModel(opt.platform()).write(opt.spec, o);
        writeOptionBill(opt.bill, o);
        options.push_back(std::move(o));
    }
    out["options"] = std::move(options);
    return out;
}

std::string serializeScenario(const Scenario &scenario)
{
    // Text is checked as UTF-8 where it is read; replace rather than throw should anything slip past.
    return scenarioToJson(scenario).dump(2, ' ', false, JsonDocument::Json::error_handler_t::replace) + '\n';
}

} // namespace Costscape::Models
