// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/aws/awsoffer.h"
#include "pricing/servicepricesio.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace Costscape::Pricing {

namespace {

using Json = nlohmann::ordered_json;

// Whole numbers are written without ".0" (vcpu 2, not 2.0); every other number is written by
// nlohmann's shortest round-trip formatting, so parsePriceSheet reads back the same double.
Json number(double v)
{
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9007199254740992.0)
        return Json(static_cast<std::int64_t>(v));
    return Json(v);
}

Json byOs(const std::map<std::string, double> &prices)
{
    Json j = Json::object();
    for (const auto &[os, price] : prices)
        j[os] = number(price);
    return j;
}

} // namespace

std::string serializePriceSheet(const PriceSheet &sheet)
{
    Json root = Json::object();
    root["format"] = "costscape-prices";
    root["version"] = 1;
    root["name"] = sheet.provenance.name;
    root["currency"] = sheet.provenance.currency;
    root["source"] = sheet.provenance.source;
    root["retrieved"] = sheet.provenance.retrieved;
    Json regions = Json::object();
    for (const auto &[code, r] : sheet.regions) {
        Json region = Json::object();
        if (r.lambda) {
            Json l = Json::object();
            for (const auto &[arch, a] : r.lambda->architectures) {
                Json aj = Json::object();
                aj["requestPerMillion"] = number(a.requestPerMillion);
                Json tiers = Json::array();
                for (const PriceTier &t : a.gbSecond) {
                    Json tj = Json::object();
                    if (std::isfinite(t.upTo))
                        tj["upTo"] = number(t.upTo);
                    tj["price"] = number(t.price);
                    tiers.push_back(std::move(tj));
                }
                aj["gbSecond"] = std::move(tiers);
                if (a.provisionedGbSecond)
                    aj["provisionedGbSecond"] = number(*a.provisionedGbSecond);
                if (a.provisionedDurationGbSecond)
                    aj["provisionedDurationGbSecond"] = number(*a.provisionedDurationGbSecond);
                if (!a.commitments.empty()) {
                    Json cj = Json::object();
                    for (const auto &[ckey, rate] : a.commitments)
                        cj[ckey] = {{"gbSecond", number(rate.gbSecond)}};
                    aj["commitments"] = std::move(cj);
                }
                l[arch] = std::move(aj);
            }
            if (r.lambda->ephemeralGbSecond)
                l["ephemeralGbSecond"] = number(*r.lambda->ephemeralGbSecond);
            if (const auto &m = r.lambda->managedInstances) {
                Json managed{{"requestPerMillion", number(m->requestPerMillion)}};
                if (m->managementFeeOfOnDemand)
                    managed["managementFeeOfOnDemand"] = number(*m->managementFeeOfOnDemand);
                if (!m->managementHourly.empty()) {
                    Json hourly = Json::object();
                    for (const auto &[type, price] : m->managementHourly)
                        hourly[type] = number(price);
                    managed["managementHourly"] = std::move(hourly);
                }
                l["managedInstances"] = std::move(managed);
            }
            if (r.lambda->freeTier)
                l["freeTier"] = {{"requests", number(r.lambda->freeTier->requests)},
                                 {"gbSeconds", number(r.lambda->freeTier->gbSeconds)}};
            region["lambda"] = std::move(l);
        }
        if (r.fargate) {
            Json f = Json::object();
            for (const auto &[key, rates] : r.fargate->rates) {
                Json rj = Json::object();
                rj["vcpuHour"] = number(rates.vcpuHour);
                rj["gbHour"] = number(rates.gbHour);
                if (rates.osLicenseVcpuHour)
                    rj["osLicenseVcpuHour"] = number(*rates.osLicenseVcpuHour);
                if (!rates.commitments.empty()) {
                    Json cj = Json::object();
                    for (const auto &[ckey, rate] : rates.commitments)
                        cj[ckey] = {{"vcpuHour", number(rate.vcpuHour)}, {"gbHour", number(rate.gbHour)}};
                    rj["commitments"] = std::move(cj);
                }
                f[key] = std::move(rj);
            }
            if (r.fargate->ephemeralGbHour)
                f["ephemeralGbHour"] = number(*r.fargate->ephemeralGbHour);
            region["fargate"] = std::move(f);
        }
        if (r.eks) {
            Json e{{"clusterHour", number(r.eks->clusterHour)}};
            if (r.eks->extendedSupportClusterHour)
                e["extendedSupportClusterHour"] = number(*r.eks->extendedSupportClusterHour);
            region["eks"] = std::move(e);
        }
        if (!r.ec2.empty()) {
            Json ec2 = Json::object();
            for (const auto &[name, t] : r.ec2) {
                Json tj = Json::object();
                tj["vcpu"] = number(t.vcpu);
                tj["memoryGib"] = number(t.memoryGib);
                tj["onDemandHourly"] = byOs(t.onDemandHourly);
                if (!t.spotHourly.empty())
                    tj["spotHourly"] = byOs(t.spotHourly);
                if (!t.interruption.empty())
                    tj["interruption"] = t.interruption;
                if (t.spotAdvisorSavingsPercent)
                    tj["spotAdvisorSavingsPercent"] = number(*t.spotAdvisorSavingsPercent);
                if (!t.commitments.empty()) {
                    Json cj = Json::object();
                    for (const auto &[key, rate] : t.commitments) {
                        Json rj = Json::object();
                        if (rate.upfront != 0)
                            rj["upfront"] = number(rate.upfront);
                        rj["hourly"] = number(rate.hourly);
                        cj[key] = std::move(rj);
                    }
                    tj["commitments"] = std::move(cj);
                }
                ec2[name] = std::move(tj);
            }
            region["ec2"] = std::move(ec2);
        }
        writeServicePrices(r.services, region);
        regions[code] = std::move(region);
    }
    root["regions"] = std::move(regions);
    // Text is checked as UTF-8 where it is read; replace rather than throw should anything slip past.
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

} // namespace Costscape::Pricing
