// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/gen_offer_services.h"

#include <cstdio>
#include <string_view>
#include <vector>

namespace Costscape::Bench {

namespace {

struct Region {
    const char *code;
    const char *location;
    const char *prefix; // the usage type prefix; us-east-1 has none
};

constexpr Region Regions[] = {
    {"us-east-1", "US East (N. Virginia)", ""},          {"us-east-2", "US East (Ohio)", "USE2-"},
    {"us-west-1", "US West (N. California)", "USW1-"},   {"us-west-2", "US West (Oregon)", "USW2-"},
    {"ca-central-1", "Canada (Central)", "CAN1-"},       {"eu-west-1", "EU (Ireland)", "EU-"},
    {"eu-west-2", "EU (London)", "EUW2-"},               {"eu-west-3", "EU (Paris)", "EUW3-"},
    {"eu-central-1", "EU (Frankfurt)", "EUC1-"},         {"eu-north-1", "EU (Stockholm)", "EUN1-"},
    {"eu-south-1", "EU (Milan)", "EUS1-"},               {"ap-south-1", "Asia Pacific (Mumbai)", "APS3-"},
    {"ap-northeast-1", "Asia Pacific (Tokyo)", "APN1-"}, {"ap-northeast-2", "Asia Pacific (Seoul)", "APN2-"},
    {"ap-northeast-3", "Asia Pacific (Osaka)", "APN3-"}, {"ap-southeast-1", "Asia Pacific (Singapore)", "APS1-"},
    {"ap-southeast-2", "Asia Pacific (Sydney)", "APS2-"}, {"ap-east-1", "Asia Pacific (Hong Kong)", "APE1-"},
    {"sa-east-1", "South America (Sao Paulo)", "SAE1-"}, {"me-south-1", "Middle East (Bahrain)", "MES1-"},
    {"af-south-1", "Africa (Cape Town)", "AFS1-"},       {"us-gov-west-1", "AWS GovCloud (US-West)", "UGW1-"},
    {"us-gov-east-1", "AWS GovCloud (US-East)", "UGE1-"}, {"ap-south-2", "Asia Pacific (Hyderabad)", "APS5-"},
    {"ap-southeast-3", "Asia Pacific (Jakarta)", "APS4-"}, {"ap-southeast-4", "Asia Pacific (Melbourne)", "APS6-"},
    {"eu-central-2", "EU (Zurich)", "EUC2-"},            {"eu-south-2", "EU (Spain)", "EUS2-"},
    {"me-central-1", "Middle East (UAE)", "MEC1-"},      {"il-central-1", "Israel (Tel Aviv)", "ILC1-"},
};
constexpr int RegionCount = int(sizeof Regions / sizeof Regions[0]);

struct Band {
    const char *begin;
    const char *end;
    const char *usd;
};

struct Row {
    std::string service;
    std::string family;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string unit;
    std::vector<Band> bands;
};

class Writer
{
public:
    explicit Writer(std::FILE *file) : m_file(file) {}
    bool failed() const { return m_failed; }
    std::uint64_t bytes() const { return m_bytes; }
    void put(std::string_view text)
    {
        m_buffer.append(text);
        if (m_buffer.size() > (1u << 20))
            flush();
    }
    void flush()
    {
        if (!m_buffer.empty() && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
            m_failed = true;
        m_bytes += m_buffer.size();
        m_buffer.clear();
    }

private:
    std::FILE *m_file;
    std::string m_buffer;
    std::uint64_t m_bytes = 0;
    bool m_failed = false;
};

std::string skuOf(std::uint64_t n)
{
    // 16 characters of AWS's SKU alphabet, unique per n.
    static const char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    std::string sku(16, 'A');
    for (int i = 15; i >= 0 && n > 0; --i, n /= 31)
        sku[std::size_t(i)] = alphabet[n % 31];
    return sku;
}

// The thirteen parts of one region, then its decoys (index >= 13).
Row partOf(const Region &r, int index, std::uint64_t &hourly1e4)
{
    const std::string p = r.prefix;
    auto at = [&](const std::string &usage, const std::string &operation) {
        return std::vector<std::pair<std::string, std::string>>{{"location", r.location}, {"locationType", "AWS Region"},
                                                                {"usagetype", p + usage},   {"operation", operation},
                                                                {"regionCode", r.code}};
    };
    switch (index) {
    case 0:
        return {"AmazonApiGateway", "API Calls", at("ApiGatewayHttpRequest", "ApiGatewayHttpApi"), "Requests",
                {{"0", "300000000", "0.0000010000"}, {"300000000", "Inf", "0.0000009000"}}};
    case 1:
        return {"AmazonApiGateway", "API Calls", at("ApiGatewayRequest", "ApiGatewayRequest"), "Requests",
                {{"0", "333000000", "0.0000035000"}, {"333000000", "1000000000", "0.0000028000"},
                 {"1000000000", "20000000000", "0.0000023800"}, {"20000000000", "Inf", "0.0000015100"}}};
    case 2:
        hourly1e4 += 225;
        return {"AWSELB", "Load Balancer-Application", at("LoadBalancerUsage", "LoadBalancing:Application"), "Hrs",
                {{"0", "Inf", "0.0225000000"}}};
    case 3:
        return {"AWSELB", "Load Balancer-Application", at("LCUUsage", "LoadBalancing:Application"), "LCU-Hrs",
                {{"0", "Inf", "0.0080000000"}}};
    case 4:
        hourly1e4 += 450;
        return {"AmazonEC2", "NAT Gateway", at("NatGateway-Hours", "NatGateway"), "Hrs", {{"0", "Inf", "0.0450000000"}}};
    case 5:
        return {"AmazonEC2", "NAT Gateway", at("NatGateway-Bytes", "NatGateway"), "GB", {{"0", "Inf", "0.0450000000"}}};
    case 6:
        hourly1e4 += 50;
        return {"AmazonVPC", "IP Address", at("PublicIPv4:InUseAddress", "AssociateAddressVPC"), "Hrs",
                {{"0", "Inf", "0.0050000000"}}};
    case 7:
        return {"AWSDataTransfer",
                "Data Transfer",
                {{"transferType", "AWS Outbound"},
                 {"fromLocation", r.location},
                 {"fromLocationType", "AWS Region"},
                 {"toLocation", "External"},
                 {"toLocationType", "Other"},
                 {"usagetype", p + "DataTransfer-Out-Bytes"},
                 {"operation", ""},
                 {"fromRegionCode", r.code}},
                "GB",
                {{"0", "10240", "0.0900000000"}, {"10240", "51200", "0.0850000000"}, {"51200", "153600", "0.0700000000"},
                 {"153600", "Inf", "0.0500000000"}}};
    case 8:
        return {"AmazonCloudWatch", "Data Payload", at("DataProcessing-Bytes", "PutLogEvents"), "GB",
                {{"0", "Inf", "0.5000000000"}}};
    case 9:
        return {"AmazonCloudWatch", "Storage Snapshot", at("TimedStorage-ByteHrs", "HourlyStorageMetering"), "GB-Mo",
                {{"0", "Inf", "0.0300000000"}}};
    case 10:
        return {"AmazonEC2", "Storage", at("EBS:VolumeUsage.gp3", ""), "GB-Mo", {{"0", "Inf", "0.0800000000"}}};
    case 11:
        return {"AmazonEC2", "Storage", at("EBS:VolumeUsage.gp2", ""), "GB-Mo", {{"0", "Inf", "0.1000000000"}}};
    case 12:
        return {"AmazonCloudWatch", "Data Payload", at("VendedLog-Bytes", "PutLogEvents"), "GB",
                {{"0", "10240", "0.5000000000"}, {"10240", "30720", "0.2500000000"}, {"30720", "51200", "0.1000000000"},
                 {"51200", "Inf", "0.0500000000"}}};
    default:
        break;
    }
    // Decoys, cycling: each shares a name, a family or a service with a part above.
    const Region &other = Regions[(index * 7) % RegionCount];
    switch (index % 8) {
    case 0:
        return {"AWSDataTransfer",
                "Data Transfer",
                {{"transferType", "InterRegion Outbound"},
                 {"fromLocation", r.location},
                 {"fromLocationType", "AWS Region"},
                 {"toLocation", other.location},
                 {"toLocationType", "AWS Region"},
                 {"usagetype", p + other.code + "-AWS-Out-Bytes"},
                 {"operation", ""},
                 {"fromRegionCode", r.code},
                 {"toRegionCode", other.code}},
                "GB",
                {{"0", "Inf", "0.0200000000"}}};
    case 1:
        return {"AWSELB", "Load Balancer", at("LoadBalancerUsage", "LoadBalancing"), "Hrs", {{"0", "Inf", "0.0250000000"}}};
    case 2:
        return {"AWSELB", "Load Balancer-Network", at("LCUUsage", "LoadBalancing:Network"), "LCU-Hrs",
                {{"0", "Inf", "0.0060000000"}}};
    case 3:
        return {"AWSELB", "Load Balancer-Application", at("Outposts-LoadBalancerUsage", "LoadBalancing:Application"),
                "Hrs", {{"0", "Inf", "0.0000000000"}}};
    case 4:
        return {"AmazonApiGateway", "WebSocket", at("ApiGatewayMessage", "ApiGatewayWebSocket"), "Messages",
                {{"0", "1000000000", "0.0000010000"}, {"1000000000", "Inf", "0.0000008000"}}};
    case 5:
        return {"AmazonCloudWatch", "Data Payload", at("DataProcessingIA-Bytes", "PutLogEvents"), "GB",
                {{"0", "Inf", "0.2500000000"}}};
    case 6:
        return {"AmazonEC2", "Storage", at("EBS:VolumeUsage.st1", ""), "GB-Mo", {{"0", "Inf", "0.0450000000"}}};
    default:
        return {"AmazonVPC", "IP Address", at("PublicIPv4:IdleAddress", "AssociateAddressVPC"), "Hrs",
                {{"0", "Inf", "0.0050000000"}}};
    }
}

void writeProduct(Writer &w, const std::string &sku, const Row &row, bool first)
{
    std::string out = first ? "\n" : ",\n";
    out += "    \"" + sku + "\" : {\n      \"sku\" : \"" + sku + "\",\n      \"productFamily\" : \"" + row.family
           + "\",\n      \"attributes\" : {\n        \"servicecode\" : \"" + row.service + "\"";
    for (const auto &[key, value] : row.attributes)
        out += ",\n        \"" + key + "\" : \"" + value + "\"";
    out += "\n      }\n    }";
    w.put(out);
}

void writeTerm(Writer &w, const std::string &sku, const Row &row, bool first)
{
    std::string out = first ? "\n" : ",\n";
    out += "      \"" + sku + "\" : {\n        \"" + sku + ".JRTCKXETXF\" : {\n          \"offerTermCode\" : \"JRTCKXETXF\",\n"
           "          \"sku\" : \"" + sku + "\",\n          \"effectiveDate\" : \"2026-09-01T00:00:00Z\",\n"
           "          \"priceDimensions\" : {";
    int n = 0;
    for (const Band &b : row.bands) {
        const std::string rate = sku + ".JRTCKXETXF." + skuOf(std::uint64_t(n) + 7).substr(6);
        out += std::string(n ? "," : "") + "\n            \"" + rate + "\" : {\n              \"rateCode\" : \"" + rate
               + "\",\n              \"description\" : \"$" + b.usd + " per " + row.unit
               + "\",\n              \"beginRange\" : \"" + b.begin + "\",\n              \"endRange\" : \"" + b.end
               + "\",\n              \"unit\" : \"" + row.unit + "\",\n              \"pricePerUnit\" : {\n"
                 "                \"USD\" : \"" + b.usd + "\"\n              },\n              \"appliesTo\" : [ ]\n            }";
        ++n;
    }
    out += "\n          },\n          \"termAttributes\" : { }\n        }\n      }";
    w.put(out);
}

} // namespace

bool writeSyntheticServicesOffer(const std::string &path, const OfferGenOptions &options, ServicesGenStats &stats,
                                 std::string &error)
{
    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file) {
        error = path + ": cannot be written";
        return false;
    }
    // Products first, then terms, as AWS writes them: the rows are planned once (by index) and
    // written twice, so the plan is only a count per region.
    const std::uint64_t perProduct = 1100; // about what a product and its term take
    std::uint64_t decoysPerRegion = options.targetBytes / perProduct / RegionCount;
    if (decoysPerRegion < 13)
        decoysPerRegion = 13;
    const int perRegion = int(decoysPerRegion);

    Writer w(file);
    w.put("{\n  \"formatVersion\" : \"v1.0\",\n  \"disclaimer\" : \"synthetic, for bench_import\",\n"
          "  \"offerCode\" : \"AWSDataTransfer\",\n  \"version\" : \"20260911124408\",\n"
          "  \"publicationDate\" : \"2026-09-11T12:44:08Z\",\n  \"products\" : {");
    std::uint64_t hourly = 0;
    std::uint64_t n = 0;
    for (int r = 0; r < RegionCount; ++r)
        for (int i = 0; i < perRegion; ++i, ++n)
            writeProduct(w, skuOf(n * 2654435761u + 1), partOf(Regions[r], i, hourly), n == 0);
    w.put("\n  },\n  \"terms\" : {\n    \"OnDemand\" : {");
    std::uint64_t unused = 0;
    n = 0;
    for (int r = 0; r < RegionCount; ++r)
        for (int i = 0; i < perRegion; ++i, ++n)
            writeTerm(w, skuOf(n * 2654435761u + 1), partOf(Regions[r], i, unused), n == 0);
    w.put("\n    }\n  }\n}\n");
    w.flush();
    const bool closed = std::fclose(file) == 0;
    if (w.failed() || !closed) {
        error = path + ": write failed";
        std::remove(path.c_str());
        return false;
    }
    stats.bytes = w.bytes();
    stats.products = n;
    stats.regions = RegionCount;
    stats.parts = std::uint64_t(RegionCount) * 13;
    stats.hourlySum1e4 = hourly;
    return true;
}

} // namespace Costscape::Bench
