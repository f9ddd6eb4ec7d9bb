// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/scenarioreader.h"

#include "models/scaling/scaling.h"
#include "models/scenario/scenariorules.h"
#include "base/jsonreader.h"

#include <algorithm>
#include <set>

namespace Costscape::Models {

using Json = JsonDocument::Json;
using Pointer = JsonDocument::Pointer;

namespace {

const NumberRule &HoursRule = Rules::Hours;
const NumberRule &DurationRule = Rules::DurationMs;
const NumberRule &MemoryRule = Rules::MemoryMb;
const NumberRule &RateRule = Rules::RequestRate;
const NumberRule &CountRule = Rules::Count;

const std::set<std::string> FleetKeys = {"capacity", "targetUtilization", "minCount", "scaling"};

class ScenarioReader final
{
public:
    explicit ScenarioReader(const JsonDocument &doc) : m_doc(doc), m_r(doc) {}

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
        warnUnknown(root, {"format", "version", "name", "region", "hoursPerMonth", "prices", "workload", "options"});

        readWorkload(root / "workload", s.workload);
        readOptions(root / "options", s);

        if (m_r.failed())
            return m_r.error();
        s.fileName = m_doc.fileName();
        s.original = m_doc.root();
        s.positions = m_doc.positions();
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
        if (!m_r.has(p, "requests")) {
            m_r.fail(p, ErrorCode::MissingField, "workload.requests: missing required field \"requests\"");
            return;
        }
        if (auto r = readRequests(p / "requests"))
            w.requests = std::move(*r);
        w.durationMs = m_r.number(p, "durationMs", DurationRule).value_or(0);
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
        warnUnknown(p, {"requests", "durationMs", "memoryMb", "spike"});
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
            const auto platform = m_r.string(op, "platform", true, {"lambda", "fargate", "ec2", "ecs-ec2"});
            if (!platform)
                return;
            o.enabled = m_r.boolean(op, "enabled").value_or(true);
            o.hoursPerMonth = m_r.number(op, "hoursPerMonth", HoursRule, false);
            o.durationMs = m_r.number(op, "durationMs", DurationRule, false);
            o.memoryMb = m_r.number(op, "memoryMb", MemoryRule, false);
            if (m_r.has(op, "requests"))
                o.requests = readRequests(op / "requests");
            std::set<std::string> known = {"id", "platform", "enabled", "hoursPerMonth", "durationMs", "memoryMb", "requests"};
            if (*platform == "lambda") {
                o.platform = Platform::Lambda;
                readLambda(op, o.lambda, known);
            } else if (*platform == "fargate") {
                o.platform = Platform::Fargate;
                readFargate(op, o.fargate, known);
            } else if (*platform == "ec2") {
                o.platform = Platform::Ec2;
                readEc2(op, o.ec2, known);
            } else {
                o.platform = Platform::EcsEc2;
                readEcs(op, o.ecs, known);
            }
            known.insert("spikeResponse");
            if (m_r.has(op, "spikeResponse"))
                readSpikeResponse(op / "spikeResponse", o);
            warnUnknown(op, known);
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
        const std::vector<ScalingAssumption> defaults = scalingAssumptionDefaults(o.platform);
        for (const auto &[key, _] : obj->items()) {
            const auto it = std::find_if(defaults.begin(), defaults.end(),
                                         [&key = key](const ScalingAssumption &a) { return a.key == key; });
            if (it == defaults.end()) {
                std::string known;
                for (const ScalingAssumption &a : defaults)
                    known += (known.empty() ? "" : ", ") + a.key;
                m_r.fail(p / key, ErrorCode::UnknownValue,
                         JsonReader::fieldName(p / key) + ": not a spike response figure of " + platformName(o.platform)
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

    void readLambda(const Pointer &op, LambdaSpec &l, std::set<std::string> &known)
    {
        known.insert({"architecture", "ephemeralStorageMb", "billingGranularityMs", "freeTier", "provisionedConcurrency"});
        l.architecture = m_r.string(op, "architecture", false, {"x86_64", "arm64"}).value_or("x86_64");
        l.ephemeralStorageMb = m_r.number(op, "ephemeralStorageMb", Rules::LambdaEphemeralMb, false).value_or(512);
        if (const auto g = m_r.number(op, "billingGranularityMs", NumberRule::count(1, 100), false)) {
            if (*g != 1 && *g != 100)
                m_r.fail(op / "billingGranularityMs", ErrorCode::OutOfRange,
                         JsonReader::fieldName(op / "billingGranularityMs")
                             + ": must be 1 (billing since December 2020) or 100 (the older rule), got " + formatJsonNumber(*g));
            l.billingGranularityMs = static_cast<int>(*g);
        }
        l.freeTier = m_r.boolean(op, "freeTier").value_or(false);
        if (m_r.has(op, "provisionedConcurrency") && m_r.object(op / "provisionedConcurrency")) {
            const Pointer pp = op / "provisionedConcurrency";
            ProvisionedConcurrency pc;
            pc.count = m_r.number(pp, "count", Rules::Count).value_or(0);
            pc.hoursPerMonth = m_r.number(pp, "hoursPerMonth", HoursRule, false);
            pc.shareOfRequests = m_r.number(pp, "shareOfRequests", Rules::ProvisionedShare, false);
            warnUnknown(pp, {"count", "hoursPerMonth", "shareOfRequests"});
            l.provisionedConcurrency = pc;
        }
    }

    void readFleet(const Pointer &op, const char *countKey, FleetSpec &f, std::set<std::string> &known)
    {
        known.insert(countKey);
        known.insert(FleetKeys.begin(), FleetKeys.end());
        f.fixedCount = m_r.number(op, countKey, CountRule, false);
        if (m_r.has(op, "capacity") && m_r.object(op / "capacity")) {
            const Pointer cp = op / "capacity";
            const bool c = m_r.has(cp, "concurrentRequests");
            const bool r = m_r.has(cp, "requestsPerSecond");
            if (c == r) {
                m_r.fail(cp, ErrorCode::MissingField,
                         JsonReader::fieldName(cp) + ": give exactly one of \"concurrentRequests\" or \"requestsPerSecond\"");
                return;
            }
            Capacity cap;
            cap.kind = c ? Capacity::Kind::ConcurrentRequests : Capacity::Kind::RequestsPerSecond;
            cap.value = m_r.number(cp, c ? "concurrentRequests" : "requestsPerSecond",
                                   c ? Rules::ConcurrentRequests : Rules::RequestsPerSecond)
                            .value_or(1);
            warnUnknown(cp, {"concurrentRequests", "requestsPerSecond"});
            f.capacity = cap;
        }
        f.targetUtilization = m_r.number(op, "targetUtilization", Rules::TargetUtilization, false).value_or(0.7);
        f.minCount = m_r.number(op, "minCount", CountRule, false).value_or(1);
        const auto scaling = m_r.string(op, "scaling", false, {"hourly", "peak"});
        f.scaling = scaling == "peak" ? FleetSpec::Scaling::Peak : FleetSpec::Scaling::Hourly;
        if (f.fixedCount && (m_r.has(op, "capacity") || m_r.has(op, "scaling")))
            m_r.warn(op / countKey, JsonReader::fieldName(op / countKey) + ": a fixed count is given, so "
                                        "\"capacity\" and \"scaling\" are not used");
    }

    std::optional<Purchase> readPurchase(const Pointer &op)
    {
        const auto p = m_r.string(op, "purchase", false, {"on-demand", "spot"});
        return p == "spot" ? Purchase::Spot : Purchase::OnDemand;
    }

    void readFargate(const Pointer &op, FargateSpec &f, std::set<std::string> &known)
    {
        known.insert({"os", "architecture", "taskVcpu", "taskMemoryGb", "spot", "ephemeralStorageGb", "spotDiscount"});
        f.os = m_r.string(op, "os", false, {"linux", "windows"}).value_or("linux");
        f.architecture = m_r.string(op, "architecture", false, {"x86_64", "arm64"}).value_or("x86_64");
        f.taskVcpu = m_r.number(op, "taskVcpu", Rules::TaskVcpu).value_or(0);
        f.taskMemoryGb = m_r.number(op, "taskMemoryGb", Rules::TaskMemoryGb).value_or(0);
        f.spot = m_r.boolean(op, "spot").value_or(false);
        f.ephemeralStorageGb = m_r.number(op, "ephemeralStorageGb", Rules::FargateEphemeralGb, false).value_or(20);
        f.spotDiscount = m_r.number(op, "spotDiscount", Rules::SpotDiscount, false);
        readFleet(op, "tasks", f.fleet, known);
    }

    void readEc2(const Pointer &op, Ec2Spec &e, std::set<std::string> &known)
    {
        known.insert({"instanceType", "os", "purchase", "spotHourly", "spotDiscount", "onDemandBase",
                      "onDemandPercentAboveBase"});
        e.instanceType = m_r.string(op, "instanceType").value_or("");
        e.os = m_r.string(op, "os", false, {"linux", "windows"}).value_or("linux");
        e.purchase = readPurchase(op).value_or(Purchase::OnDemand);
        e.spotHourly = m_r.number(op, "spotHourly", Rules::SpotHourly, false);
        e.spotDiscount = m_r.number(op, "spotDiscount", Rules::SpotDiscount, false);
        e.onDemandBase = m_r.number(op, "onDemandBase", CountRule, false);
        e.onDemandPercentAboveBase = m_r.number(op, "onDemandPercentAboveBase", Rules::OnDemandPercent, false);
        readFleet(op, "instances", e.fleet, known);
    }

    void readEcs(const Pointer &op, EcsEc2Spec &e, std::set<std::string> &known)
    {
        known.insert({"taskVcpu", "taskMemoryMb", "taskGroups", "instanceTypes", "purchase", "reservedMemoryMb",
                      "placement", "os", "spotHourly", "spotDiscount", "maxTasksPerInstance"});
        const NumberRule &vcpuRule = Rules::TaskVcpu;
        const NumberRule &memRule = Rules::TaskMemoryMib;
        if (m_r.has(op, "taskGroups")) {
            if (m_r.has(op, "taskVcpu") || m_r.has(op, "taskMemoryMb")) {
                m_r.fail(op / "taskGroups", ErrorCode::WrongFormat,
                         JsonReader::fieldName(op / "taskGroups")
                             + ": give either \"taskGroups\" or \"taskVcpu\"/\"taskMemoryMb\", not both");
                return;
            }
            const Json *arr = m_r.array(op / "taskGroups");
            if (!arr)
                return;
            if (arr->empty()) {
                m_r.fail(op / "taskGroups", ErrorCode::MissingField, JsonReader::fieldName(op / "taskGroups") + ": is empty");
                return;
            }
            for (std::size_t i = 0; i < arr->size(); ++i) {
                const Pointer gp = op / "taskGroups" / i;
                if (!m_r.object(gp))
                    return;
                TaskGroup g;
                g.name = m_r.string(gp, "name", false).value_or("group " + std::to_string(i + 1));
                g.taskVcpu = m_r.number(gp, "taskVcpu", vcpuRule).value_or(0);
                g.taskMemoryMb = m_r.number(gp, "taskMemoryMb", memRule).value_or(0);
                std::set<std::string> groupKeys = {"name", "taskVcpu", "taskMemoryMb"};
                readFleet(gp, "tasks", g.fleet, groupKeys);
                warnUnknown(gp, groupKeys);
                e.taskGroups.push_back(std::move(g));
            }
            // Fleet keys at option level would be silently unused with task groups: say so.
            for (const char *k : {"tasks", "capacity", "targetUtilization", "minCount", "scaling"})
                if (m_r.has(op, k))
                    m_r.warn(op / k, JsonReader::fieldName(op / k) + ": ignored; with \"taskGroups\" each group sets its own");
            known.insert({"tasks", "capacity", "targetUtilization", "minCount", "scaling"});
        } else {
            TaskGroup g;
            g.name = "tasks";
            g.taskVcpu = m_r.number(op, "taskVcpu", vcpuRule).value_or(0);
            g.taskMemoryMb = m_r.number(op, "taskMemoryMb", memRule).value_or(0);
            readFleet(op, "tasks", g.fleet, known);
            e.taskGroups.push_back(std::move(g));
        }
        const Pointer tp = op / "instanceTypes";
        if (!m_r.has(op, "instanceTypes")) {
            m_r.fail(op, ErrorCode::MissingField,
                     JsonReader::fieldName(tp) + ": missing required field \"instanceTypes\" (a list, or \"auto\")");
        } else if (m_r.at(tp)->is_string()) {
            if (m_r.at(tp)->get<std::string>() != "auto")
                m_r.fail(tp, ErrorCode::UnknownValue,
                         JsonReader::fieldName(tp) + ": expected a list of instance types or \"auto\"");
            e.autoInstanceTypes = true;
        } else if (const Json *arr = m_r.array(tp)) {
            if (arr->empty())
                m_r.fail(tp, ErrorCode::MissingField, JsonReader::fieldName(tp) + ": lists no instance type");
            for (std::size_t i = 0; i < arr->size() && !m_r.failed(); ++i) {
                if (!(*arr)[i].is_string()) {
                    m_r.fail(tp / i, ErrorCode::WrongType,
                             JsonReader::fieldName(tp / i) + ": expected an instance type name, got " + JsonReader::typeName((*arr)[i]));
                    break;
                }
                e.instanceTypes.push_back((*arr)[i].get<std::string>());
            }
        }
        e.os = m_r.string(op, "os", false, {"linux", "windows"}).value_or("linux");
        e.purchase = readPurchase(op).value_or(Purchase::OnDemand);
        e.spotHourly = m_r.number(op, "spotHourly", Rules::SpotHourly, false);
        e.spotDiscount = m_r.number(op, "spotDiscount", Rules::SpotDiscount, false);
        e.reservedMemoryMb = m_r.number(op, "reservedMemoryMb", Rules::ReservedMemoryMib, false).value_or(256);
        e.maxTasksPerInstance
            = static_cast<long long>(m_r.number(op, "maxTasksPerInstance", Rules::TasksPerInstance, false).value_or(0));
        const auto placement = m_r.string(op, "placement", false, {"binpack-memory", "binpack-cpu", "spread"});
        e.placement = placement == "binpack-cpu" ? EcsEc2Spec::Placement::BinpackCpu
            : placement == "spread"              ? EcsEc2Spec::Placement::Spread
                                                 : EcsEc2Spec::Placement::BinpackMemory;
    }

    const JsonDocument &m_doc;
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

// Keeps `base`'s keys (in their order) that are not known, and writes the known ones from values.
void setOrErase(Json &obj, const char *key, const std::optional<double> &v)
{
    if (v)
        obj[key] = *v;
    else
        obj.erase(key);
}

void fleetToJson(Json &o, const char *countKey, const FleetSpec &f)
{
    setOrErase(o, countKey, f.fixedCount);
    if (f.capacity)
        o["capacity"] = Json{{f.capacity->kind == Capacity::Kind::ConcurrentRequests ? "concurrentRequests" : "requestsPerSecond",
                              f.capacity->value}};
    else
        o.erase("capacity");
    if (!f.isFixed()) {
        o["targetUtilization"] = f.targetUtilization;
        o["minCount"] = f.minCount;
        o["scaling"] = f.scaling == FleetSpec::Scaling::Peak ? "peak" : "hourly";
    }
}

const char *purchaseName(Purchase p)
{
    return p == Purchase::Spot ? "spot" : "on-demand";
}

} // namespace

Result<Scenario> parseScenario(std::string_view text, const std::string &fileName)
{
    auto doc = JsonDocument::parse(text, fileName);
    if (!doc)
        return doc.error();
    return ScenarioReader(doc.value()).read();
}

Result<Scenario> loadScenario(const std::string &path)
{
    auto doc = JsonDocument::load(path);
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
    w["requests"] = requestsToJson(s.workload.requests);
    w["durationMs"] = s.workload.durationMs;
    w["memoryMb"] = s.workload.memoryMb;
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
        o["platform"] = platformName(opt.platform);
        if (opt.enabled)
            o.erase("enabled");
        else
            o["enabled"] = false;
        setOrErase(o, "hoursPerMonth", opt.hoursPerMonth);
        setOrErase(o, "durationMs", opt.durationMs);
        setOrErase(o, "memoryMb", opt.memoryMb);
        if (opt.requests)
            o["requests"] = requestsToJson(*opt.requests);
        else
            o.erase("requests");
        if (opt.scalingOverrides.empty())
            o.erase("spikeResponse");
        else
            o["spikeResponse"] = Json(opt.scalingOverrides);
        switch (opt.platform) {
        case Platform::Lambda: {
            const LambdaSpec &l = opt.lambda;
            o["architecture"] = l.architecture;
            o["ephemeralStorageMb"] = l.ephemeralStorageMb;
            o["billingGranularityMs"] = l.billingGranularityMs;
            o["freeTier"] = l.freeTier;
            if (l.provisionedConcurrency) {
                Json pc{{"count", l.provisionedConcurrency->count}};
                if (l.provisionedConcurrency->hoursPerMonth)
                    pc["hoursPerMonth"] = *l.provisionedConcurrency->hoursPerMonth;
                if (l.provisionedConcurrency->shareOfRequests)
                    pc["shareOfRequests"] = *l.provisionedConcurrency->shareOfRequests;
                o["provisionedConcurrency"] = pc;
            } else {
                o.erase("provisionedConcurrency");
            }
            break;
        }
        case Platform::Fargate: {
            const FargateSpec &f = opt.fargate;
            o["os"] = f.os;
            o["architecture"] = f.architecture;
            o["taskVcpu"] = f.taskVcpu;
            o["taskMemoryGb"] = f.taskMemoryGb;
            o["spot"] = f.spot;
            o["ephemeralStorageGb"] = f.ephemeralStorageGb;
            setOrErase(o, "spotDiscount", f.spotDiscount);
            fleetToJson(o, "tasks", f.fleet);
            break;
        }
        case Platform::Ec2: {
            const Ec2Spec &e = opt.ec2;
            o["instanceType"] = e.instanceType;
            o["os"] = e.os;
            o["purchase"] = purchaseName(e.purchase);
            setOrErase(o, "spotHourly", e.spotHourly);
            setOrErase(o, "spotDiscount", e.spotDiscount);
            setOrErase(o, "onDemandBase", e.onDemandBase);
            setOrErase(o, "onDemandPercentAboveBase", e.onDemandPercentAboveBase);
            fleetToJson(o, "instances", e.fleet);
            break;
        }
        case Platform::EcsEc2: {
            const EcsEc2Spec &e = opt.ecs;
            const bool single = e.taskGroups.size() == 1 && !o.contains("taskGroups");
            if (single) {
                o["taskVcpu"] = e.taskGroups[0].taskVcpu;
                o["taskMemoryMb"] = e.taskGroups[0].taskMemoryMb;
                fleetToJson(o, "tasks", e.taskGroups[0].fleet);
            } else {
                for (const char *k : {"taskVcpu", "taskMemoryMb", "tasks", "capacity", "targetUtilization", "minCount", "scaling"})
                    o.erase(k);
                Json groups = Json::array();
                for (const TaskGroup &g : e.taskGroups) {
                    Json gj{{"name", g.name}, {"taskVcpu", g.taskVcpu}, {"taskMemoryMb", g.taskMemoryMb}};
                    fleetToJson(gj, "tasks", g.fleet);
                    groups.push_back(gj);
                }
                o["taskGroups"] = groups;
            }
            if (e.autoInstanceTypes)
                o["instanceTypes"] = "auto";
            else
                o["instanceTypes"] = e.instanceTypes;
            o["os"] = e.os;
            o["purchase"] = purchaseName(e.purchase);
            setOrErase(o, "spotHourly", e.spotHourly);
            setOrErase(o, "spotDiscount", e.spotDiscount);
            o["reservedMemoryMb"] = e.reservedMemoryMb;
            if (e.maxTasksPerInstance > 0)
                o["maxTasksPerInstance"] = e.maxTasksPerInstance;
            else
                o.erase("maxTasksPerInstance");
            o["placement"] = e.placement == EcsEc2Spec::Placement::BinpackCpu ? "binpack-cpu"
                : e.placement == EcsEc2Spec::Placement::Spread              ? "spread"
                                                                            : "binpack-memory";
            break;
        }
        }
        options.push_back(std::move(o));
    }
    out["options"] = std::move(options);
    return out;
}

std::string serializeScenario(const Scenario &scenario)
{
    return scenarioToJson(scenario).dump(2) + '\n';
}

} // namespace Costscape::Models
