// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/optionreader.h"

#include "models/scenario/scenariorules.h"

namespace Costscape::Models {

using Json = JsonDocument::Json;

void OptionReader::warnUnknown(const Pointer &p, const std::set<std::string> &known)
{
    const Json *obj = m_r.at(p);
    if (!obj || !obj->is_object() || m_r.failed())
        return;
    for (const auto &[key, _] : obj->items()) {
        if (!known.count(key))
            m_r.warn(p / key, JsonReader::fieldName(p / key) + ": unknown key, kept but not used");
    }
}

FleetSpec OptionReader::readFleet(const Pointer &op, const char *countKey, std::set<std::string> &known)
{
    FleetSpec f;
    known.insert(countKey);
    known.insert({"capacity", "targetUtilization", "minCount", "scaling"});
    f.fixedCount = m_r.number(op, countKey, Rules::Count, false);
    if (m_r.has(op, "capacity") && m_r.object(op / "capacity")) {
        const Pointer cp = op / "capacity";
        const bool c = m_r.has(cp, "concurrentRequests");
        const bool r = m_r.has(cp, "requestsPerSecond");
        if (c == r) {
            m_r.fail(cp, ErrorCode::MissingField,
                     JsonReader::fieldName(cp) + ": give exactly one of \"concurrentRequests\" or \"requestsPerSecond\"");
            return f;
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
    f.minCount = m_r.number(op, "minCount", Rules::Count, false).value_or(1);
    const auto scaling = m_r.string(op, "scaling", false, {"hourly", "peak"});
    f.scaling = scaling == "peak" ? FleetSpec::Scaling::Peak : FleetSpec::Scaling::Hourly;
    if (f.fixedCount && (m_r.has(op, "capacity") || m_r.has(op, "scaling")))
        m_r.warn(op / countKey, JsonReader::fieldName(op / countKey) + ": a fixed count is given, so "
                                                                         "\"capacity\" and \"scaling\" are not used");
    return f;
}

Purchase OptionReader::readPurchase()
{
    know({"purchase"});
    const auto p = m_r.string(m_option, "purchase", false, {"on-demand", "spot"});
    return p == "spot" ? Purchase::Spot : Purchase::OnDemand;
}

namespace OptionWriter {

void setOrErase(Json &obj, const char *key, const std::optional<double> &v)
{
    if (v)
        obj[key] = *v;
    else
        obj.erase(key);
}

void writeFleet(Json &o, const char *countKey, const FleetSpec &f)
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

} // namespace OptionWriter

} // namespace Costscape::Models
