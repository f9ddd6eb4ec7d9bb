// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/aws/awsofferservices.h"

#include "pricing/aws/awsoffercollector.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Costscape::Pricing::AwsOffer {

namespace {

// The region prefixes of usage types (AWS Cost and Usage Report user guide, "Understanding your
// usage types"; the offer files use the same). us-east-1 rows have none.
constexpr std::string_view RegionPrefixes[] = {
    "USE1", "USE2", "USW1", "USW2", "UGE1", "UGW1", "CAN1", "CAW1", "MXC1", "SAE1", "EU",   "EUC1", "EUC2",
    "EUW1", "EUW2", "EUW3", "EUS1", "EUS2", "EUN1", "ILC1", "MES1", "MEC1", "AFS1", "APE1", "APE2", "APN1",
    "APN2", "APN3", "APS1", "APS2", "APS3", "APS4", "APS5", "APS6", "APS7", "APS8", "CNN1", "CNW1",
};

// The unit an offer file writes for each part: a dimension in another unit would be a wrong
// number in the sheet, so it is skipped with a warning.
std::string_view expectedUnit(std::string_view part)
{
    if (part == ServiceItem::ApiGatewayHttp || part == ServiceItem::ApiGatewayRest)
        return "Requests";
    if (part == ServiceItem::AlbLcu)
        return "LCU-Hrs";
    if (part == ServiceItem::AlbHour || part == ServiceItem::NatHour || part == ServiceItem::PublicIpv4)
        return "Hrs";
    if (part == ServiceItem::NatGb || part == ServiceItem::DataTransferOut || part == ServiceItem::LogsIngestion
        || part == ServiceItem::LogsLambda)
        return "GB";
    return "GB-Mo"; // logs storage, EBS volumes
}

bool sameUnit(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

bool isTiered(std::string_view part)
{
    return part == ServiceItem::ApiGatewayHttp || part == ServiceItem::ApiGatewayRest
           || part == ServiceItem::DataTransferOut || part == ServiceItem::LogsLambda;
}

} // namespace

std::string_view usageName(std::string_view usageType)
{
    const auto dash = usageType.find('-');
    if (dash == std::string_view::npos)
        return usageType;
    const std::string_view prefix = usageType.substr(0, dash);
    for (const std::string_view p : RegionPrefixes) {
        if (p == prefix)
            return usageType.substr(dash + 1);
    }
    return usageType;
}

bool ServiceRates::classify(const ProductInfo &p, const std::string &service,
                            const std::vector<std::string> &keepRegions, KeptProduct &out) const
{
    const std::string_view name = usageName(p[Attr::UsageType]);
    std::string part;
    bool transfer = false;
    if (service == "AmazonApiGateway") {
        // The HTTP API's and the REST API's requests; WebSocket messages, caches and private
        // endpoints have usage types of their own.
        if (name == "ApiGatewayHttpRequest")
            part = ServiceItem::ApiGatewayHttp;
        else if (name == "ApiGatewayRequest")
            part = ServiceItem::ApiGatewayRest;
    } else if (service == "AWSELB") {
        // The Application Load Balancer only: Classic ("Load Balancer") and Network and Gateway
        // Load Balancers share the usage type names under other product families.
        const bool application =
            p.family == "Load Balancer-Application" || (p.family.empty() && p[Attr::Operation] == "LoadBalancing:Application");
        if (application && name == "LoadBalancerUsage")
            part = ServiceItem::AlbHour;
        else if (application && name == "LCUUsage")
            part = ServiceItem::AlbLcu;
    } else if (service == "AmazonCloudWatch") {
        // Standard-class custom log ingestion and archived log storage; the Infrequent Access
        // class ("DataProcessingIA-Bytes") is another usage type. Lambda's logs are billed at the
        // vended-log tiers since 2025-05-01 (https://aws.amazon.com/cloudwatch/pricing/): the plain
        // "VendedLog-Bytes", not its "-CFLogs"/"-WAFLogs" variants or the IA class.
        if (name == "DataProcessing-Bytes")
            part = ServiceItem::LogsIngestion;
        else if (name == "TimedStorage-ByteHrs")
            part = ServiceItem::LogsStorage;
        else if (name == "VendedLog-Bytes")
            part = ServiceItem::LogsLambda;
    } else if (service == "AmazonEC2" || service == "AmazonVPC" || service == "AWSDataTransfer") {
        if (name == "NatGateway-Hours" && service != "AWSDataTransfer")
            part = ServiceItem::NatHour;
        else if (name == "NatGateway-Bytes" && service != "AWSDataTransfer")
            part = ServiceItem::NatGb;
        else if (name == "PublicIPv4:InUseAddress" && service != "AWSDataTransfer")
            part = ServiceItem::PublicIpv4;
        else if (service == "AmazonEC2" && (name == "EBS:VolumeUsage.gp3" || name == "EBS:VolumeUsage.gp2"))
            part = std::string(ServiceItem::EbsPrefix) + std::string(name.substr(name.size() - 3));
        else if (name == "DataTransfer-Out-Bytes" && service != "AmazonVPC") {
            // Out to the internet: older EC2 files name the destination "External"; the
            // AWSDataTransfer offer adds transferType "AWS Outbound".
            const std::string &to = p[Attr::ToLocation];
            const std::string &kind = p[Attr::TransferType];
            if ((to.empty() || to == "External") && (kind.empty() || kind == "AWS Outbound")) {
                part = ServiceItem::DataTransferOut;
                transfer = true;
            }
        }
    }
    if (part.empty())
        return false;

    std::string region;
    if (transfer) {
        region = p[Attr::FromRegionCode].empty() ? regionFromLocation(p[Attr::FromLocation]) : p[Attr::FromRegionCode];
    } else {
        if (!p[Attr::LocationType].empty() && p[Attr::LocationType] != "AWS Region")
            return false;
    }
    if (region.empty())
        region = p[Attr::RegionCode].empty() ? regionFromLocation(p[Attr::Location]) : p[Attr::RegionCode];
    if (region.empty())
        return false;
    if (!keepsRegion(keepRegions, region))
        return false;

    out.kind = KeptProduct::Kind::Service;
    out.sku = p.sku;
    out.region = std::move(region);
    out.key = std::move(part);
    return true;
}

void ServiceRates::add(const KeptProduct &k, const PriceDimension &d, double price, int line)
{
    const std::string_view part = k.key;
    const std::string_view unit = expectedUnit(part.substr(0, 4) == ServiceItem::EbsPrefix ? "ebs" : part);
    if (!sameUnit(d.unit, unit)) {
        m_collector.warn("SKU " + k.sku + ": " + k.key + " priced per \"" + d.unit + "\", not per " + std::string(unit)
                             + "; skipped",
                         line);
        return;
    }
    const Key key{k.region, k.key};
    if (isTiered(part)) {
        const auto begin = parseAwsNumber(d.beginRange.empty() ? std::string_view("0") : std::string_view(d.beginRange));
        const auto end = parseAwsNumber(d.endRange.empty() ? std::string_view("Inf") : std::string_view(d.endRange));
        if (!begin || !end || *begin < 0 || !(*end > *begin)) {
            m_collector.warn("SKU " + k.sku + ": " + k.key + " tier range \"" + d.beginRange + "\" to \"" + d.endRange
                                 + "\" is not a range; skipped",
                             line);
            return;
        }
        m_bands[key].push_back({*begin, *end, price, k.sku});
        return;
    }
    const auto [it, inserted] = m_singles.emplace(key, Single{price, k.sku});
    if (!inserted && it->second.price != price && ++m_conflicts <= 20) {
        m_collector.warn(k.region + " " + k.key + ": two prices (SKU " + it->second.sku + " $"
                             + formatPrice(it->second.price) + ", SKU " + k.sku + " $" + formatPrice(price)
                             + "); kept SKU " + it->second.sku,
                         line);
    }
}

bool ServiceRates::tiersOf(const std::string &region, std::string_view part, double unitScale,
                           std::vector<UsageTier> &tiers, double *freeAllowance)
{
    const auto it = m_bands.find(Key{region, std::string(part)});
    if (it == m_bands.end())
        return false;
    std::vector<Band> bands = it->second;
    std::sort(bands.begin(), bands.end(), [](const Band &a, const Band &b) { return a.begin < b.begin; });
    // The same band listed twice (a file with two SKUs for one usage type) is one band.
    bands.erase(std::unique(bands.begin(), bands.end(),
                            [](const Band &a, const Band &b) {
                                return a.begin == b.begin && a.end == b.end && a.price == b.price;
                            }),
                bands.end());
    double allowance = 0;
    std::size_t first = 0;
    if (freeAllowance && !bands.empty() && bands[0].begin == 0 && bands[0].price == 0 && std::isfinite(bands[0].end)) {
        // A free first band is the monthly allowance; the sheet's bands count usage beyond it.
        allowance = bands[0].end;
        first = 1;
    }
    std::vector<UsageTier> out;
    double expected = allowance;
    for (std::size_t i = first; i < bands.size(); ++i) {
        if (bands[i].begin != expected) {
            m_collector.warn(region + " " + std::string(part) + ": the tiers of SKU " + bands[i].sku
                             + " do not follow each other (a band starts at " + formatPrice(bands[i].begin)
                             + ", expected " + formatPrice(expected) + "); not taken");
            return false;
        }
        UsageTier t;
        t.price = roundToSignificant(bands[i].price * unitScale, 12);
        t.upTo = std::isfinite(bands[i].end) ? bands[i].end - allowance : std::numeric_limits<double>::infinity();
        out.push_back(t);
        expected = bands[i].end;
        if (!std::isfinite(expected) && i + 1 < bands.size()) {
            m_collector.warn(region + " " + std::string(part) + ": a band after an open-ended one; not taken");
            return false;
        }
    }
    if (out.empty())
        return false;
    tiers = std::move(out);
    if (freeAllowance && first == 1)
        *freeAllowance = allowance;
    return true;
}

std::size_t ServiceRates::finish(PriceSheet &out, std::set<std::string> &regions)
{
    std::set<std::string> codes;
    for (const auto &[key, bands] : m_bands)
        codes.insert(key.first);
    for (const auto &[key, single] : m_singles)
        codes.insert(key.first);

    std::size_t written = 0;
    for (const std::string &code : codes) {
        ServicePrices s;
        std::size_t here = 0;
        if (tiersOf(code, ServiceItem::ApiGatewayHttp, 1e6, s.apiGatewayHttpPerMillion, nullptr))
            ++here;
        if (tiersOf(code, ServiceItem::ApiGatewayRest, 1e6, s.apiGatewayRestPerMillion, nullptr))
            ++here;
        if (tiersOf(code, ServiceItem::LogsLambda, 1, s.logsLambdaIngestionPerGb, nullptr))
            ++here;
        double allowance = -1;
        if (tiersOf(code, ServiceItem::DataTransferOut, 1, s.dataTransferOutPerGb, &allowance))
            ++here;
        const auto single = [&](std::string_view part) -> std::optional<double> {
            const auto it = m_singles.find(Key{code, std::string(part)});
            if (it == m_singles.end())
                return std::nullopt;
            ++here;
            return it->second.price;
        };
        s.albHourly = single(ServiceItem::AlbHour);
        s.albLcuHourly = single(ServiceItem::AlbLcu);
        s.natGatewayHourly = single(ServiceItem::NatHour);
        s.natGatewayPerGb = single(ServiceItem::NatGb);
        s.publicIpv4Hourly = single(ServiceItem::PublicIpv4);
        s.logsIngestionPerGb = single(ServiceItem::LogsIngestion);
        s.logsStoragePerGbMonth = single(ServiceItem::LogsStorage);
        for (const char *type : {"gp3", "gp2"}) {
            if (const auto price = single(std::string(ServiceItem::EbsPrefix) + type))
                s.ebsGbMonth[type] = *price;
        }
        if (here == 0)
            continue;

        // Only what this file priced replaces the sheet's; the rest of the region stays.
        RegionPrices &r = out.regions[code];
        r.code = code;
        ServicePrices &t = r.services;
        if (!s.apiGatewayHttpPerMillion.empty())
            t.apiGatewayHttpPerMillion = s.apiGatewayHttpPerMillion;
        if (!s.apiGatewayRestPerMillion.empty())
            t.apiGatewayRestPerMillion = s.apiGatewayRestPerMillion;
        if (!s.logsLambdaIngestionPerGb.empty())
            t.logsLambdaIngestionPerGb = s.logsLambdaIngestionPerGb;
        if (!s.dataTransferOutPerGb.empty()) {
            t.dataTransferOutPerGb = s.dataTransferOutPerGb;
            if (allowance >= 0)
                t.dataTransferOutFreeGb = allowance;
        }
        for (auto [to, from] : {std::pair{&t.albHourly, &s.albHourly}, {&t.albLcuHourly, &s.albLcuHourly},
                                {&t.natGatewayHourly, &s.natGatewayHourly}, {&t.natGatewayPerGb, &s.natGatewayPerGb},
                                {&t.publicIpv4Hourly, &s.publicIpv4Hourly}, {&t.logsIngestionPerGb, &s.logsIngestionPerGb},
                                {&t.logsStoragePerGbMonth, &s.logsStoragePerGbMonth}}) {
            if (*from)
                *to = *from;
        }
        for (const auto &[type, price] : s.ebsGbMonth)
            t.ebsGbMonth[type] = price;
        regions.insert(code);
        written += here;
    }
    if (m_conflicts > 20)
        m_collector.warn(std::to_string(m_conflicts - 20) + " more parts with two prices not listed");
    return written;
}

} // namespace Costscape::Pricing::AwsOffer
