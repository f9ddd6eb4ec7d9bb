// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/aws/awsoffercollector.h"

#include <cstdio>
#include <cstdlib>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

namespace Costscape::Pricing::AwsOffer {

namespace {

std::size_t g_chunkSize = 4u << 20;

bool contains(std::string_view s, std::string_view what) { return s.find(what) != std::string_view::npos; }
bool startsWith(std::string_view s, std::string_view what) { return s.substr(0, what.size()) == what; }

// Region names as the Price List's `location` attribute spells them. Files before 2021 have no
// regionCode; "EU (...)" later became "Europe (...)" (both are accepted, see regionFromLocation).
// Local Zones, Wavelength Zones and "Any" are not in the table and so are skipped.
struct LocationName {
    std::string_view location;
    std::string_view code;
};
constexpr LocationName Locations[] = {
    {"US East (N. Virginia)", "us-east-1"},
    {"US East (Ohio)", "us-east-2"},
    {"US West (N. California)", "us-west-1"},
    {"US West (Oregon)", "us-west-2"},
    {"Africa (Cape Town)", "af-south-1"},
    {"Asia Pacific (Hong Kong)", "ap-east-1"},
    {"Asia Pacific (Taipei)", "ap-east-2"},
    {"Asia Pacific (Mumbai)", "ap-south-1"},
    {"Asia Pacific (Hyderabad)", "ap-south-2"},
    {"Asia Pacific (Singapore)", "ap-southeast-1"},
    {"Asia Pacific (Sydney)", "ap-southeast-2"},
    {"Asia Pacific (Jakarta)", "ap-southeast-3"},
    {"Asia Pacific (Melbourne)", "ap-southeast-4"},
    {"Asia Pacific (Malaysia)", "ap-southeast-5"},
    {"Asia Pacific (New Zealand)", "ap-southeast-6"},
    {"Asia Pacific (Thailand)", "ap-southeast-7"},
    {"Asia Pacific (Tokyo)", "ap-northeast-1"},
    {"Asia Pacific (Seoul)", "ap-northeast-2"},
    {"Asia Pacific (Osaka)", "ap-northeast-3"},
    {"Asia Pacific (Osaka-Local)", "ap-northeast-3"},
    {"Canada (Central)", "ca-central-1"},
    {"Canada West (Calgary)", "ca-west-1"},
    {"EU (Frankfurt)", "eu-central-1"},
    {"EU (Zurich)", "eu-central-2"},
    {"EU (Ireland)", "eu-west-1"},
    {"EU (London)", "eu-west-2"},
    {"EU (Paris)", "eu-west-3"},
    {"EU (Milan)", "eu-south-1"},
    {"EU (Spain)", "eu-south-2"},
    {"EU (Stockholm)", "eu-north-1"},
    {"Israel (Tel Aviv)", "il-central-1"},
    {"Middle East (Bahrain)", "me-south-1"},
    {"Middle East (UAE)", "me-central-1"},
    {"Mexico (Central)", "mx-central-1"},
    {"South America (Sao Paulo)", "sa-east-1"},
    {"South America (São Paulo)", "sa-east-1"},
    {"China (Beijing)", "cn-north-1"},
    {"China (Ningxia)", "cn-northwest-1"},
    {"AWS GovCloud (US-East)", "us-gov-east-1"},
    {"AWS GovCloud (US-West)", "us-gov-west-1"},
    {"AWS GovCloud (US)", "us-gov-west-1"},
};

bool isNa(const std::string &v) { return v.empty() || v == "NA"; }

// The part of a usage type after its region prefix ("USE1-", "EU-", "APS3-"); the prefixes are
// not reliable (see tests/data/pricelist/SOURCES.md), so only the rest is matched.
std::string_view usageSuffix(std::string_view usage, std::string_view marker)
{
    const auto at = usage.find(marker);
    return at == std::string_view::npos ? std::string_view() : usage.substr(at);
}

} // namespace

std::string formatPrice(double v)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

double roundToSignificant(double v, int digits)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
    return std::strtod(buffer, nullptr);
}

bool keepsRegion(const std::vector<std::string> &keep, const std::string &region)
{
    return keep.empty() || std::find(keep.begin(), keep.end(), region) != keep.end();
}

void setChunkSizeForTesting(std::size_t bytes) { g_chunkSize = std::max<std::size_t>(bytes, 16); }
std::size_t chunkSize() { return g_chunkSize; }

Attr attrFromName(std::string_view name)
{
    char buf[32];
    std::size_t n = 0;
    for (const char c : name) {
        if (c >= 'A' && c <= 'Z') {
            if (n == sizeof buf)
                return Attr::Count;
            buf[n++] = char(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (n == sizeof buf)
                return Attr::Count;
            buf[n++] = c;
        }
    }
    const std::string_view k(buf, n);
    switch (n) {
    case 4:
        if (k == "vcpu") return Attr::Vcpu;
        break;
    case 5:
        if (k == "group") return Attr::Group;
        break;
    case 6:
        if (k == "memory") return Attr::Memory;
        break;
    case 7:
        if (k == "tenancy") return Attr::Tenancy;
        break;
    case 8:
        if (k == "location") return Attr::Location;
        break;
    case 9:
        if (k == "usagetype") return Attr::UsageType;
        if (k == "operation") return Attr::Operation;
        break;
    case 10:
        if (k == "regioncode") return Attr::RegionCode;
        if (k == "tolocation") return Attr::ToLocation;
        break;
    case 11:
        if (k == "servicecode") return Attr::ServiceCode;
        break;
    case 12:
        if (k == "transfertype") return Attr::TransferType;
        if (k == "fromlocation") return Attr::FromLocation;
        if (k == "instancetype") return Attr::InstanceType;
        if (k == "licensemodel") return Attr::LicenseModel;
        if (k == "marketoption") return Attr::MarketOption;
        if (k == "locationtype") return Attr::LocationType;
        break;
    case 14:
        if (k == "fromregioncode") return Attr::FromRegionCode;
        if (k == "preinstalledsw") return Attr::PreInstalledSw;
        if (k == "capacitystatus") return Attr::CapacityStatus;
        break;
    case 15:
        if (k == "operatingsystem") return Attr::OperatingSystem;
        break;
    default:
        break;
    }
    return Attr::Count;
}

void ProductInfo::clear()
{
    sku.clear();
    family.clear();
    for (auto &a : attrs)
        a.clear();
}

std::string regionFromLocation(std::string_view location)
{
    std::string name(location);
    if (startsWith(name, "Europe ("))
        name = "EU (" + name.substr(8);
    for (const auto &l : Locations) {
        if (l.location == name)
            return std::string(l.code);
    }
    return {};
}

std::optional<double> parseAwsNumber(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    if (text == "Inf")
        return std::numeric_limits<double>::infinity();
    std::string clean;
    if (text.find(',') != std::string_view::npos) {
        for (const char c : text)
            if (c != ',')
                clean += c;
        text = clean;
    }
    double v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

Collector::Collector(const PriceSheet &sheet, const AwsImportOptions &options, std::string fileName)
    : m_sheet(sheet), m_options(options), m_fileName(std::move(fileName))
{
}

void Collector::warn(std::string message, int line)
{
    Error e;
    e.code = ErrorCode::Warning;
    e.message = std::move(message);
    e.file = m_fileName;
    e.line = line;
    m_warnings.push_back(std::move(e));
}

std::optional<KeptProduct> Collector::classify(const ProductInfo &p) const
{
    std::string service = p[Attr::ServiceCode];
    if (service.empty())
        service = m_offerCode;

    KeptProduct k;
    if (m_commitments.classifyPlan(p, k))
        return k;
    if (m_services.classify(p, service, m_options.regions, k))
        return k;
    k.sku = p.sku;
    const std::string &usage = p[Attr::UsageType];

    if (service == "AWSLambda") {
        const std::string &group = p[Attr::Group];
        // Lambda@Edge, Managed Instances, SnapStart, response streaming and the like are priced
        // differently and are not what a Lambda option of Costscape runs on.
        for (const std::string_view excluded : {"Edge", "Managed", "SnapStart", "Snapstart", "Stream", "Response",
                                                "Restore", "Cache", "Durable", "Instance"}) {
            if (contains(usage, excluded) || contains(group, excluded))
                return std::nullopt;
        }
        // The free tier is global ("Global-Request", "Global-Lambda-GB-Second", location "Any"),
        // https://aws.amazon.com/lambda/pricing/ : 1M requests and 400,000 GB-s a month.
        if (startsWith(usage, "Global-")) {
            if (contains(usage, "Request"))
                k.kind = KeptProduct::Kind::LambdaFreeRequests;
            else if (contains(usage, "GB-Second"))
                k.kind = KeptProduct::Kind::LambdaFreeGbSeconds;
            else
                return std::nullopt;
            return k;
        }
        k.region = p[Attr::RegionCode].empty() ? regionFromLocation(p[Attr::Location]) : p[Attr::RegionCode];
        if (k.region.empty())
            return std::nullopt;
        if (!keepsRegion(m_options.regions, k.region))
            return std::nullopt;
        k.key = contains(usage, "ARM") || contains(group, "ARM") ? "arm64" : "x86_64";
        if (!group.empty()) {
            if (contains(group, "Provisioned-Concurrency"))
                k.kind = KeptProduct::Kind::LambdaProvisioned;
            else if (contains(group, "Duration-Provisioned") || contains(group, "Provisioned-Duration"))
                k.kind = KeptProduct::Kind::LambdaProvisionedDuration;
            else if (contains(group, "Storage"))
                k.kind = KeptProduct::Kind::LambdaEphemeral;
            else if (startsWith(group, "AWS-Lambda-Requests"))
                k.kind = KeptProduct::Kind::LambdaRequests;
            else if (startsWith(group, "AWS-Lambda-Duration"))
                k.kind = KeptProduct::Kind::LambdaDuration;
            else
                return std::nullopt;
        } else {
            if (contains(usage, "Provisioned-Concurrency"))
                k.kind = KeptProduct::Kind::LambdaProvisioned;
            else if (contains(usage, "Provisioned-GB-Second") || contains(usage, "Provisioned-Duration"))
                k.kind = KeptProduct::Kind::LambdaProvisionedDuration;
            else if (contains(usage, "Storage"))
                k.kind = KeptProduct::Kind::LambdaEphemeral;
            else if (contains(usage, "Request"))
                k.kind = KeptProduct::Kind::LambdaRequests;
            else if (contains(usage, "Lambda-GB-Second"))
                k.kind = KeptProduct::Kind::LambdaDuration;
            else
                return std::nullopt;
        }
        return k;
    }

    if (service == "AmazonECS") {
        // Only Fargate: "ECS-EC2-*" is $0 metering (ECS on EC2 is billed as EC2) and
        // "ECS-Anywhere-*" prices external instances.
        const std::string_view rest = usageSuffix(usage, "Fargate-");
        if (rest.empty())
            return std::nullopt;
        const bool spot = contains(usage, "SpotUsage") || contains(usage, "Fargate-Spot");
        std::string r(rest);
        if (startsWith(r, "Fargate-Spot-"))
            r = "Fargate-" + r.substr(13);
        std::string platform;
        if (r == "Fargate-vCPU-Hours:perCPU")
            platform = "linux/x86_64", k.kind = KeptProduct::Kind::FargateVcpu;
        else if (r == "Fargate-GB-Hours")
            platform = "linux/x86_64", k.kind = KeptProduct::Kind::FargateGb;
        else if (r == "Fargate-ARM-vCPU-Hours:perCPU")
            platform = "linux/arm64", k.kind = KeptProduct::Kind::FargateVcpu;
        else if (r == "Fargate-ARM-GB-Hours")
            platform = "linux/arm64", k.kind = KeptProduct::Kind::FargateGb;
        else if (r == "Fargate-Windows-vCPU-Hours:perCPU")
            platform = "windows/x86_64", k.kind = KeptProduct::Kind::FargateVcpu;
        else if (r == "Fargate-Windows-GB-Hours")
            platform = "windows/x86_64", k.kind = KeptProduct::Kind::FargateGb;
        else if (r == "Fargate-Windows-OS-Hours:perCPU")
            platform = "windows/x86_64", k.kind = KeptProduct::Kind::FargateOsLicense;
        else if (r == "Fargate-EphemeralStorage-GB-Hours" && !spot)
            k.kind = KeptProduct::Kind::FargateEphemeral;
        else
            return std::nullopt;
        if (spot) {
            if (platform.rfind("linux/", 0) != 0)
                return std::nullopt;
            platform = "spot/" + platform;
        }
        k.key = platform;
        k.region = p[Attr::RegionCode].empty() ? regionFromLocation(p[Attr::Location]) : p[Attr::RegionCode];
        if (k.region.empty())
            return std::nullopt;
        if (!keepsRegion(m_options.regions, k.region))
            return std::nullopt;
        return k;
    }

    if (service == "AmazonEC2") {
        // Plain on-demand instances only: shared tenancy, no pre-installed software, capacity
        // "Used" (not reservations' "UnusedCapacityReservation"), no Capacity Blocks for ML (the
        // $0 "RunInstances:CB" rows, marketoption "CapacityBlock"). Attributes as the offer file
        // lists them (AWS Billing User Guide, "Reading the service price list file for an AWS
        // service"); older files have no marketoption, hence the operation/usagetype checks.
        if (p.family != "Compute Instance" && p.family != "Compute Instance (bare metal)")
            return std::nullopt;
        const std::string &os = p[Attr::OperatingSystem];
        if (os == "Linux")
            k.os = "linux";
        else if (os == "Windows")
            k.os = "windows";
        else
            return std::nullopt;
        if (p[Attr::Tenancy] != "Shared")
            return std::nullopt;
        if (!isNa(p[Attr::PreInstalledSw]))
            return std::nullopt;
        if (!p[Attr::CapacityStatus].empty() && p[Attr::CapacityStatus] != "Used")
            return std::nullopt;
        if (!p[Attr::LicenseModel].empty() && p[Attr::LicenseModel] != "No License required")
            return std::nullopt;
        if (!p[Attr::MarketOption].empty() && p[Attr::MarketOption] != "OnDemand")
            return std::nullopt;
        const std::string &op = p[Attr::Operation];
        if (contains(op, ":CB") || contains(usage, "CapacityBlock") || contains(usage, "Reservation")
            || contains(usage, "HostUsage") || contains(usage, "DedicatedUsage"))
            return std::nullopt;
        if (!p[Attr::LocationType].empty() && p[Attr::LocationType] != "AWS Region")
            return std::nullopt;
        k.region = p[Attr::RegionCode].empty() ? regionFromLocation(p[Attr::Location]) : p[Attr::RegionCode];
        if (k.region.empty() || p[Attr::InstanceType].empty())
            return std::nullopt;
        if (!keepsRegion(m_options.regions, k.region))
            return std::nullopt;
        const auto vcpu = parseAwsNumber(p[Attr::Vcpu]);
        std::string_view mem = p[Attr::Memory];
        if (const auto at = mem.find(" GiB"); at != std::string_view::npos)
            mem = mem.substr(0, at);
        const auto memory = parseAwsNumber(mem);
        if (!vcpu || !memory || *vcpu <= 0 || *memory <= 0)
            return std::nullopt;
        k.kind = KeptProduct::Kind::Ec2;
        k.key = p[Attr::InstanceType];
        k.operation = op;
        k.vcpu = *vcpu;
        k.memoryGib = *memory;
        return k;
    }
    return std::nullopt;
}

void Collector::checkCurrency(const std::string &currency)
{
    if (currency == m_currency)
        return;
    if (m_currency.empty()) {
        m_currency = currency;
        if (!m_sheet.regions.empty() && m_sheet.provenance.currency != currency) {
            ImportFailure f;
            f.error.code = ErrorCode::UnknownValue;
            f.error.file = m_fileName;
            f.error.message = "the sheet is priced in " + m_sheet.provenance.currency + "; this file is in " + currency;
            f.offset = UINT64_MAX;
            throw f;
        }
    }
}

void Collector::addPrice(const KeptProduct &k, const PriceDimension &d, int line)
{
    if (d.currency.empty())
        return;
    if (!m_currency.empty() && d.currency != m_currency)
        return; // a second currency of the same dimension; the file's one currency is taken
    // AWS writes ISO 4217 codes ("USD", "CNY"); anything else is a damaged row, and a sheet in such
    // a currency would not load (found by fuzz_awsoffer).
    if (d.currency.size() != 3
        || !std::all_of(d.currency.begin(), d.currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        warn("SKU " + k.sku + ": currency \"" + d.currency + "\" is not a three-letter ISO 4217 code; skipped", line);
        return;
    }
    const auto price = parseAwsNumber(d.price);
    if (!price || *price < 0) {
        warn("SKU " + k.sku + ": price \"" + d.price + "\" is not a number; skipped", line);
        return;
    }
    using K = KeptProduct::Kind;
    // A price the sheet would refuse is a damaged row: skipped here, or the written sheet would not
    // load (found by fuzz_awsoffer). Requests are stored per million.
    const double limit = k.kind == K::LambdaRequests ? MaxUnitPriceUsd / 1e6 : MaxUnitPriceUsd;
    if (k.kind != K::SavingsPlan && *price > limit) {
        warn("SKU " + k.sku + ": price \"" + d.price + "\" is above the " + formatPrice(MaxUnitPriceUsd)
                 + " USD a price sheet accepts per unit; skipped",
             line);
        return;
    }
    checkCurrency(d.currency);
    switch (k.kind) {
    case K::Ec2: {
        // Hourly instance prices only ("Hrs"); an EC2 product has one such dimension.
        if (d.unit != "Hrs")
            return;
        auto &slot = m_ec2[k.region];
        const auto key = std::make_pair(k.key, k.os);
        const auto it = slot.find(key);
        Ec2Candidate c{*price, k.vcpu, k.memoryGib, k.operation, k.sku};
        if (it == slot.end()) {
            slot.emplace(key, std::move(c));
            ++m_prices;
            return;
        }
        // Two plain on-demand products for one type and OS: prefer the standard operation
        // (RunInstances for Linux, RunInstances:0002 for Windows, the AMI billing codes of
        // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/billing-info-fields.html).
        const std::string canonical = k.os == "linux" ? "RunInstances" : "RunInstances:0002";
        const bool oldCanonical = it->second.operation == canonical;
        const bool newCanonical = c.operation == canonical;
        const bool replace = newCanonical && !oldCanonical;
        // A file with many such pairs would bury the other warnings: the first few are listed.
        if ((it->second.price != c.price || oldCanonical == newCanonical) && ++m_duplicates <= MaxDuplicateWarnings) {
            const Ec2Candidate &kept = replace ? c : it->second;
            const Ec2Candidate &dropped = replace ? it->second : c;
            warn(k.region + " " + k.key + " " + k.os + ": two on-demand prices (SKU " + kept.sku + " $"
                     + formatPrice(kept.price) + " operation " + kept.operation + ", SKU " + dropped.sku + " $"
                     + formatPrice(dropped.price) + " operation " + dropped.operation + "); kept SKU " + kept.sku,
                 line);
        }
        if (replace)
            it->second = std::move(c);
        return;
    }
    case K::LambdaFreeRequests:
    case K::LambdaFreeGbSeconds: {
        const auto end = parseAwsNumber(d.endRange);
        if (*price != 0 || !end || !std::isfinite(*end))
            return;
        // Counted in finish(), when a region of the file takes it.
        (k.kind == K::LambdaFreeRequests ? m_freeRequests : m_freeGbSeconds) = *end;
        return;
    }
    case K::LambdaRequests:
        // The file prices one request ("0.0000002"); x 1e6 in binary gives 0.19999999999999998,
        // so round to the 12 significant digits the file's prices carry at most.
        m_lambda[k.region].archs[k.key].requests = roundToSignificant(*price * 1e6, 12);
        ++m_prices;
        return;
    case K::LambdaDuration: {
        const auto begin = parseAwsNumber(d.beginRange.empty() ? std::string_view("0") : d.beginRange);
        const auto end = parseAwsNumber(d.endRange.empty() ? std::string_view("Inf") : d.endRange);
        if (!begin || !end) {
            warn("SKU " + k.sku + ": duration tier range is not a number; skipped", line);
            return;
        }
        m_lambda[k.region].archs[k.key].tiers.push_back({*begin, *end, *price});
        ++m_prices;
        return;
    }
    case K::LambdaProvisioned:
        m_lambda[k.region].archs[k.key].provisioned = *price;
        ++m_prices;
        return;
    case K::LambdaProvisionedDuration:
        m_lambda[k.region].archs[k.key].provisionedDuration = *price;
        ++m_prices;
        return;
    case K::LambdaEphemeral:
        m_lambda[k.region].ephemeral = *price;
        ++m_prices;
        return;
    case K::FargateVcpu:
        m_fargate[k.region].platforms[k.key].vcpu = *price;
        ++m_prices;
        return;
    case K::FargateGb:
        m_fargate[k.region].platforms[k.key].gb = *price;
        ++m_prices;
        return;
    case K::FargateOsLicense:
        m_fargate[k.region].platforms[k.key].os = *price;
        ++m_prices;
        return;
    case K::FargateEphemeral:
        m_fargate[k.region].ephemeral = *price;
        ++m_prices;
        return;
    case K::Service:
        m_services.add(k, d, *price, line);
        return;
    case K::SavingsPlan:
        return; // a plan's rates come through CommitmentRates::addPlanRate
    }
}

PriceSheet Collector::finish(AwsImportSummary &summary)
{
    PriceSheet out = m_sheet;
    std::set<std::string> regions;
    std::size_t ec2Types = 0;

    for (auto &[code, types] : m_ec2) {
        RegionPrices &r = out.regions[code];
        r.code = code;
        for (auto &[key, c] : types) {
            Ec2InstanceType &t = r.ec2[key.first];
            t.name = key.first;
            t.vcpu = c.vcpu;
            t.memoryGib = c.memoryGib;
            t.onDemandHourly[key.second] = c.price;
            ++ec2Types;
        }
        if (!types.empty())
            regions.insert(code);
    }

    bool freeTierTaken = false;
    for (auto &[code, lr] : m_lambda) {
        LambdaPrices l;
        for (auto &[arch, a] : lr.archs) {
            if (a.tiers.empty() || !a.requests) {
                warn(code + " Lambda " + arch + ": the file has no " + (a.tiers.empty() ? "duration" : "request")
                     + " price; architecture not taken");
                continue;
            }
            std::sort(a.tiers.begin(), a.tiers.end(),
                      [](const LambdaTier &x, const LambdaTier &y) { return x.begin < y.begin; });
            LambdaArchitecturePrices p;
            p.requestPerMillion = *a.requests;
            for (std::size_t i = 0; i < a.tiers.size(); ++i) {
                PriceTier t;
                t.price = a.tiers[i].price;
                // The last band is open-ended whatever its endRange says.
                if (i + 1 < a.tiers.size())
                    t.upTo = a.tiers[i].end;
                if (!p.gbSecond.empty() && !(t.upTo > p.gbSecond.back().upTo)) {
                    warn(code + " Lambda " + arch + ": overlapping duration tiers; the later ones are not taken");
                    break;
                }
                p.gbSecond.push_back(t);
            }
            p.provisionedGbSecond = a.provisioned;
            p.provisionedDurationGbSecond = a.provisionedDuration;
            l.architectures[arch] = std::move(p);
        }
        l.ephemeralGbSecond = lr.ephemeral;
        if (l.architectures.empty())
            continue;
        if (m_freeRequests || m_freeGbSeconds) {
            l.freeTier = LambdaFreeTier{m_freeRequests.value_or(0), m_freeGbSeconds.value_or(0)};
            freeTierTaken = true;
        }
        RegionPrices &r = out.regions[code];
        r.code = code;
        if (r.lambda) {
            // Keep what this file does not price (another architecture, the free tier).
            for (auto &[arch, a] : l.architectures)
                r.lambda->architectures[arch] = std::move(a);
            if (l.ephemeralGbSecond)
                r.lambda->ephemeralGbSecond = l.ephemeralGbSecond;
            if (l.freeTier)
                r.lambda->freeTier = l.freeTier;
        } else {
            r.lambda = std::move(l);
        }
        regions.insert(code);
    }

    if (freeTierTaken)
        m_prices += (m_freeRequests ? 1 : 0) + (m_freeGbSeconds ? 1 : 0);

    for (auto &[code, fr] : m_fargate) {
        FargatePrices f;
        for (auto &[key, pl] : fr.platforms) {
            const bool windows = key.rfind("windows", 0) == 0;
            if (!pl.vcpu || !pl.gb || (windows && !pl.os)) {
                warn(code + " Fargate " + key + ": the file lacks its "
                     + (!pl.vcpu ? "vCPU" : !pl.gb ? "GB" : "Windows licence") + " rate; platform not taken");
                continue;
            }
            FargateRates rates;
            rates.vcpuHour = *pl.vcpu;
            rates.gbHour = *pl.gb;
            if (windows)
                rates.osLicenseVcpuHour = pl.os;
            f.rates[key] = rates;
        }
        f.ephemeralGbHour = fr.ephemeral;
        if (f.rates.empty())
            continue;
        RegionPrices &r = out.regions[code];
        r.code = code;
        if (r.fargate) {
            for (auto &[key, rates] : f.rates)
                r.fargate->rates[key] = rates;
            if (f.ephemeralGbHour)
                r.fargate->ephemeralGbHour = f.ephemeralGbHour;
        } else {
            r.fargate = std::move(f);
        }
        regions.insert(code);
    }

    const std::size_t servicePrices = m_services.finish(out, regions);
    m_prices += servicePrices;
    summary.servicePrices = servicePrices;

    // After the EC2 types above: a commitment rate is only written to a type with its on-demand price.
    const std::size_t commitmentRates = m_commitments.finish(out, regions, m_options.regions);
    m_prices += commitmentRates;
    summary.commitmentRates = commitmentRates;
    if (m_commitments.sawPlans() && summary.offerCode.empty())
        summary.offerCode = m_offerCode = "AWSComputeSavingsPlan";

    if (m_duplicates > MaxDuplicateWarnings)
        warn(std::to_string(m_duplicates - MaxDuplicateWarnings) + " more EC2 types with two on-demand prices not listed");

    if (!m_currency.empty() && !regions.empty())
        out.provenance.currency = m_currency;
    summary.currency = m_currency;
    summary.prices = m_prices;
    summary.ec2Types = ec2Types;
    summary.regions.assign(regions.begin(), regions.end());
    return out;
}

} // namespace Costscape::Pricing::AwsOffer
