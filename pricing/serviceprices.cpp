// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/servicepricesio.h"

#include <algorithm>
#include <cmath>

namespace Costscape::Pricing {

using Json = JsonDocument::Json;
using Pointer = JsonDocument::Pointer;

TieredCost tieredCost(const std::vector<UsageTier> &tiers, double usage)
{
    TieredCost out;
    double start = 0;
    for (const UsageTier &t : tiers) {
        if (usage <= start)
            return out;
        const double inBand = std::min(usage, t.upTo) - start;
        out.cost += inBand * t.price;
        start = t.upTo;
    }
    if (usage > start)
        out.unpriced = usage - start;
    return out;
}

bool ServicePrices::empty() const
{
    return apiGatewayHttpPerMillion.empty() && apiGatewayRestPerMillion.empty() && !albHourly && !albLcuHourly
        && !natGatewayHourly && !natGatewayPerGb && !publicIpv4Hourly && !dataTransferOutFreeGb
        && dataTransferOutPerGb.empty() && !logsIngestionPerGb && logsLambdaIngestionPerGb.empty()
        && !logsStoragePerGbMonth && ebsGbMonth.empty();
}

namespace {

const NumberRule PriceRule = NumberRule::range(0, 1e5, "USD");

std::vector<UsageTier> readTiers(JsonReader &r, const Pointer &p, const char *unit)
{
    std::vector<UsageTier> tiers;
    const Json *arr = r.array(p);
    if (!arr)
        return tiers;
    if (arr->empty()) {
        r.fail(p, ErrorCode::MissingField, JsonReader::fieldName(p) + ": needs at least one price tier");
        return tiers;
    }
    double previous = 0;
    for (std::size_t i = 0; i < arr->size() && !r.failed(); ++i) {
        const Pointer tp = p / i;
        if (!r.object(tp))
            return tiers;
        UsageTier tier;
        tier.price = r.number(tp, "price", PriceRule).value_or(0);
        const bool last = i + 1 == arr->size();
        if (r.has(tp, "upTo")) {
            tier.upTo = r.number(tp, "upTo", NumberRule::positive(unit)).value_or(0);
            if (!r.failed() && tier.upTo <= previous)
                r.fail(tp / "upTo", ErrorCode::OutOfRange,
                       JsonReader::fieldName(tp / "upTo") + ": tiers must be in increasing order of \"upTo\"");
            previous = tier.upTo;
        } else if (!last) {
            r.fail(tp, ErrorCode::MissingField,
                   JsonReader::fieldName(tp) + ": missing \"upTo\" (only the last tier may be open-ended)");
        }
        tiers.push_back(tier);
    }
    return tiers;
}

std::optional<double> price(JsonReader &r, const Pointer &p, const char *key)
{
    return r.number(p, key, PriceRule, false);
}

} // namespace

void readServicePrices(JsonReader &r, const Pointer &region, ServicePrices &out)
{
    if (r.has(region, "apiGateway") && r.object(region / "apiGateway")) {
        const Pointer p = region / "apiGateway";
        if (r.has(p, "httpPerMillion"))
            out.apiGatewayHttpPerMillion = readTiers(r, p / "httpPerMillion", "requests");
        if (r.has(p, "restPerMillion"))
            out.apiGatewayRestPerMillion = readTiers(r, p / "restPerMillion", "requests");
    }
    if (r.has(region, "alb") && r.object(region / "alb")) {
        out.albHourly = price(r, region / "alb", "hourly");
        out.albLcuHourly = price(r, region / "alb", "lcuHourly");
    }
    if (r.has(region, "natGateway") && r.object(region / "natGateway")) {
        out.natGatewayHourly = price(r, region / "natGateway", "hourly");
        out.natGatewayPerGb = price(r, region / "natGateway", "perGb");
    }
    if (r.has(region, "publicIpv4") && r.object(region / "publicIpv4"))
        out.publicIpv4Hourly = price(r, region / "publicIpv4", "hourly");
    if (r.has(region, "dataTransferOut") && r.object(region / "dataTransferOut")) {
        const Pointer p = region / "dataTransferOut";
        out.dataTransferOutFreeGb = r.number(p, "freeGbPerMonth", NumberRule::nonNegative("GB"), false);
        if (r.has(p, "perGb"))
            out.dataTransferOutPerGb = readTiers(r, p / "perGb", "GB");
    }
    if (r.has(region, "cloudwatchLogs") && r.object(region / "cloudwatchLogs")) {
        const Pointer p = region / "cloudwatchLogs";
        out.logsIngestionPerGb = price(r, p, "ingestionPerGb");
        if (r.has(p, "lambdaIngestionPerGb"))
            out.logsLambdaIngestionPerGb = readTiers(r, p / "lambdaIngestionPerGb", "GB");
        out.logsStoragePerGbMonth = price(r, p, "storagePerGbMonth");
    }
    if (r.has(region, "ebs") && r.object(region / "ebs")) {
        for (const auto &[key, _] : r.at(region / "ebs")->items()) {
            // "gp3GbMonth" -> "gp3": the volume type, priced per GB-month of provisioned storage.
            const std::string suffix = "GbMonth";
            if (key.size() <= suffix.size() || key.compare(key.size() - suffix.size(), suffix.size(), suffix) != 0)
                continue; // other EBS keys (IOPS, throughput) are kept by the format, not used yet
            if (const auto v = r.number(region / "ebs", key, PriceRule, false))
                out.ebsGbMonth.emplace(key.substr(0, key.size() - suffix.size()), *v);
        }
    }
}

namespace {

using OJson = nlohmann::ordered_json;

OJson number(double v)
{
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9007199254740992.0)
        return OJson(static_cast<std::int64_t>(v));
    return OJson(v);
}

OJson tiersJson(const std::vector<UsageTier> &tiers)
{
    OJson arr = OJson::array();
    for (const UsageTier &t : tiers) {
        OJson tj = OJson::object();
        if (std::isfinite(t.upTo))
            tj["upTo"] = number(t.upTo);
        tj["price"] = number(t.price);
        arr.push_back(std::move(tj));
    }
    return arr;
}

void setIf(OJson &o, const char *key, const std::optional<double> &v)
{
    if (v)
        o[key] = number(*v);
}

} // namespace

void writeServicePrices(const ServicePrices &s, OJson &region)
{
    if (!s.apiGatewayHttpPerMillion.empty() || !s.apiGatewayRestPerMillion.empty()) {
        OJson a = OJson::object();
        if (!s.apiGatewayHttpPerMillion.empty())
            a["httpPerMillion"] = tiersJson(s.apiGatewayHttpPerMillion);
        if (!s.apiGatewayRestPerMillion.empty())
            a["restPerMillion"] = tiersJson(s.apiGatewayRestPerMillion);
        region["apiGateway"] = std::move(a);
    }
    if (s.albHourly || s.albLcuHourly) {
        OJson a = OJson::object();
        setIf(a, "hourly", s.albHourly);
        setIf(a, "lcuHourly", s.albLcuHourly);
        region["alb"] = std::move(a);
    }
    if (s.natGatewayHourly || s.natGatewayPerGb) {
        OJson a = OJson::object();
        setIf(a, "hourly", s.natGatewayHourly);
        setIf(a, "perGb", s.natGatewayPerGb);
        region["natGateway"] = std::move(a);
    }
    if (s.publicIpv4Hourly)
        region["publicIpv4"] = OJson{{"hourly", number(*s.publicIpv4Hourly)}};
    if (s.dataTransferOutFreeGb || !s.dataTransferOutPerGb.empty()) {
        OJson a = OJson::object();
        setIf(a, "freeGbPerMonth", s.dataTransferOutFreeGb);
        if (!s.dataTransferOutPerGb.empty())
            a["perGb"] = tiersJson(s.dataTransferOutPerGb);
        region["dataTransferOut"] = std::move(a);
    }
    if (s.logsIngestionPerGb || !s.logsLambdaIngestionPerGb.empty() || s.logsStoragePerGbMonth) {
        OJson a = OJson::object();
        setIf(a, "ingestionPerGb", s.logsIngestionPerGb);
        if (!s.logsLambdaIngestionPerGb.empty())
            a["lambdaIngestionPerGb"] = tiersJson(s.logsLambdaIngestionPerGb);
        setIf(a, "storagePerGbMonth", s.logsStoragePerGbMonth);
        region["cloudwatchLogs"] = std::move(a);
    }
    if (!s.ebsGbMonth.empty()) {
        OJson a = OJson::object();
        for (const auto &[type, p] : s.ebsGbMonth)
            a[type + "GbMonth"] = number(p);
        region["ebs"] = std::move(a);
    }
}

} // namespace Costscape::Pricing
