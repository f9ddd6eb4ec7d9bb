// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/gen_offer.h"

#include "bench/gen_offer_catalog.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

namespace Costscape::Bench {

namespace {

using namespace OfferCatalog;

// Knuth's MMIX LCG: fixed constants, so the file is the same on every machine and compiler
// (std::mt19937 would be too, but the distributions on top of it are not).
class Lcg
{
public:
    explicit Lcg(std::uint64_t seed) : m_state(seed) {}
    std::uint32_t next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(m_state >> 33); // the low bits of an LCG cycle too fast
    }
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>((std::uint64_t(next()) * n) >> 31); }

private:
    std::uint64_t m_state;
};

struct InstanceType {
    std::string name;
    const Family *family;
    int vcpu;
    double memoryGib;
    double normalization;
    bool graviton;
    int linux1e4; // Linux shared on-demand hourly, 1e-4 USD
};

/** A product planned for the file: an instance row, or (type < 0) another product family. */
struct Planned {
    std::int32_t type;
    std::uint8_t variant;
    std::uint8_t placement;
    std::array<char, 16> sku;
};

// Fixed-width decimal text from an integer count of 1e-4 USD: the generator never prints a
// double, so what it sums is exactly what the file says.
void appendPrice10(std::string &out, std::int64_t p1e4)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%lld.%04lld000000", static_cast<long long>(p1e4 / 10000),
                  static_cast<long long>(p1e4 % 10000));
    out += buf;
}

/** "$0.096": the short form the descriptions use ("$0.00" for free rows). */
void appendDollars(std::string &out, std::int64_t p1e4)
{
    if (p1e4 == 0) {
        out += "0.00";
        return;
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%lld.%04lld", static_cast<long long>(p1e4 / 10000),
                  static_cast<long long>(p1e4 % 10000));
    std::string_view text(buf);
    while (text.back() == '0')
        text.remove_suffix(1);
    if (text.back() == '.')
        text.remove_suffix(1);
    out += text;
}

void indent(std::string &out, int n) { out.append(std::size_t(n), ' '); }

void kv(std::string &out, int in, std::string_view key, std::string_view value, bool last = false)
{
    indent(out, in);
    out += '"';
    out += key;
    out += "\" : \"";
    out += value;
    out += last ? "\"\n" : "\",\n";
}

std::string formatNumber(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", value);
    return buf;
}

class Generator
{
public:
    /**
     * rounds > 1 adds later generations of every family (m5 -> m15 -> m25...): the real families
     * fill about 385 MB, and a bigger file needs more types rather than repeated skus. Adding 10
     * per round keeps every name unique (+4 would turn i4g into the real i8g).
     */
    Generator(std::uint64_t seed, int rounds) : m_rng(seed)
    {
        for (int round = 0; round < rounds; ++round) {
            for (const Family &family : families) {
                const std::string name = laterGeneration(family.name, round);
                for (int s = family.firstSize; s <= family.lastSize; ++s)
                    addType(family, name, s);
                if (family.metal)
                    addType(family, name, 14);
            }
        }
        // The plain-product count stands for the (type, OS) prices only if no name repeats.
        std::set<std::string> names;
        for (const InstanceType &type : m_types) {
            if (!names.insert(type.name).second) {
                std::fprintf(stderr, "gen_offer: instance type %s twice\n", type.name.c_str());
                std::abort();
            }
        }
    }

    /** Every product the region could hold, in the hash-like order of the real file. */
    std::vector<Planned> plan()
    {
        std::vector<Planned> all;
        for (std::size_t t = 0; t < m_types.size(); ++t) {
            const InstanceType &type = m_types[t];
            for (int v = 0; v < variantCount; ++v) {
                if (type.graviton && !variants[v].onGraviton)
                    continue;
                for (int p = 0; p < capacityBlock; ++p) {
                    if (variants[v].dedicatedOnly && p < 3)
                        continue;
                    all.push_back(Planned{std::int32_t(t), std::uint8_t(v), std::uint8_t(p), {}});
                }
            }
            // Capacity Blocks: $0 rows next to the real price of the same type (the opencost file).
            if (type.family->gpusPerVcpu8 > 0 && type.vcpu >= 32)
                all.push_back(Planned{std::int32_t(t), 0, std::uint8_t(capacityBlock), {}});
        }
        // Other product families of the same file: data transfer, EBS, IP addresses.
        for (int o = 0; o < otherCount(); ++o)
            all.push_back(Planned{-1 - o, 0, 0, {}});
        for (std::size_t i = all.size() - 1; i > 0; --i)
            std::swap(all[i], all[m_rng.below(std::uint32_t(i + 1))]);
        std::set<std::string> seen;
        for (Planned &planned : all) {
            do
                makeSku(planned.sku.data());
            while (!seen.emplace(planned.sku.data(), 16).second);
        }
        return all;
    }

    static bool isPlain(const Planned &planned)
    {
        return planned.type >= 0 && planned.placement == 0 && (planned.variant == 0 || planned.variant == 1);
    }

    std::int64_t hourly1e4(const Planned &planned) const
    {
        const InstanceType &type = m_types[std::size_t(planned.type)];
        const Placement &placement = placements[planned.placement];
        if (planned.placement == capacityBlock)
            return 0;
        if (std::string_view(placement.capacity) == "AllocatedCapacityReservation")
            return 0; // paid through the reservation: $0 rows, as in the real file
        if (std::string_view(placement.tenancy) == "Host")
            return 0; // the host is billed, not its instances
        const std::int64_t linux1e4 = type.linux1e4;
        const std::int64_t v = type.vcpu;
        std::int64_t price = linux1e4;
        switch (planned.variant) {
        case 1: price += 460 * v; break;
        case 2: break; // BYOL: the Linux price on dedicated hardware
        case 3: price += std::max<std::int64_t>(600, 130 * v); break;
        case 4: price += v <= 4 ? 250 : 560; break;
        case 5: price += std::max<std::int64_t>(600, 130 * v) + 100 * v; break;
        case 6: price += 35 * v; break;
        case 7: price += 460 * v + 1200 * v; break;
        case 8: price += 460 * v + 85 * v; break;
        case 9: price += 460 * v + 3750 * v; break;
        case 10: price += 1200 * v; break;
        case 11: price += 85 * v; break;
        case 12: price += 3750 * v; break;
        case 13: price += std::max<std::int64_t>(600, 130 * v) + 1200 * v; break;
        case 14: price += std::max<std::int64_t>(600, 130 * v) + 85 * v; break;
        case 15: price += std::max<std::int64_t>(600, 130 * v) + 3750 * v; break;
        case 16: price += std::max<std::int64_t>(600, 130 * v) + 100 * v + 1200 * v; break;
        case 17: price += std::max<std::int64_t>(600, 130 * v) + 100 * v + 3750 * v; break;
        default: break;
        }
        if (std::string_view(placement.tenancy) == "Dedicated")
            price += price / 10;
        return price;
    }

    bool hasReserved(const Planned &planned) const
    {
        // Shared and dedicated Used rows carry reserved offers, as in the real file.
        return planned.type >= 0 && (planned.placement == 0 || planned.placement == 3);
    }

    void appendProduct(std::string &out, const Planned &planned) const
    {
        const std::string_view sku(planned.sku.data(), 16);
        indent(out, 4);
        out += '"';
        out += sku;
        out += "\" : {\n";
        kv(out, 6, "sku", sku);
        if (planned.type < 0) {
            appendOtherProduct(out, -1 - planned.type);
            indent(out, 4);
            out += '}';
            return;
        }
        const InstanceType &type = m_types[std::size_t(planned.type)];
        const Variant &variant = variants[planned.variant];
        const Placement &placement = placements[planned.placement];
        const bool block = planned.placement == capacityBlock;
        kv(out, 6, "productFamily", "Compute Instance");
        indent(out, 6);
        out += "\"attributes\" : {\n";
        const int a = 8;
        kv(out, a, "servicecode", "AmazonEC2");
        kv(out, a, "location", "US East (N. Virginia)");
        kv(out, a, "locationType", "AWS Region");
        kv(out, a, "instanceType", type.name);
        kv(out, a, "currentGeneration", type.family->name[1] <= '4' && type.family->name[0] != 'p' ? "No" : "Yes");
        kv(out, a, "instanceFamily", type.family->instanceFamily);
        kv(out, a, "vcpu", std::to_string(type.vcpu));
        kv(out, a, "physicalProcessor", type.family->processor);
        kv(out, a, "clockSpeed", type.family->clock);
        kv(out, a, "memory", formatNumber(type.memoryGib) + " GiB");
        kv(out, a, "storage", type.family->storage);
        kv(out, a, "networkPerformance",
           type.vcpu <= 8 ? "Up to 10 Gigabit" : (type.vcpu <= 32 ? "12 Gigabit" : (type.vcpu <= 64 ? "25 Gigabit" : "50 Gigabit")));
        kv(out, a, "processorArchitecture", "64-bit");
        kv(out, a, "tenancy", placement.tenancy);
        kv(out, a, "operatingSystem", variant.os);
        kv(out, a, "licenseModel", variant.license);
        std::string usage = placement.usagePrefix;
        usage += ':';
        usage += type.name;
        kv(out, a, "usagetype", usage);
        kv(out, a, "operation", block ? std::string(variant.operation) + ":CB" : std::string(variant.operation));
        kv(out, a, "availabilityzone", "NA");
        kv(out, a, "capacitystatus", placement.capacity);
        kv(out, a, "classicnetworkingsupport", type.family->name[1] <= '4' ? "true" : "false");
        kv(out, a, "dedicatedEbsThroughput", type.vcpu <= 8 ? "Up to 4750 Mbps" : std::to_string(type.vcpu * 150) + " Mbps");
        kv(out, a, "ecu", type.graviton ? "NA" : std::to_string(type.vcpu * 5 / 2 + 5));
        kv(out, a, "enhancedNetworkingSupported", type.family->name[1] <= '4' ? "No" : "Yes");
        const int gpus = type.family->gpusPerVcpu8 > 0 ? std::max(1, type.vcpu / 8) : 0;
        if (gpus > 0)
            kv(out, a, "gpu", std::to_string(gpus));
        kv(out, a, "gpuMemory", gpus > 0 ? std::to_string(gpus * 24) + " GB" : "NA");
        if (planned.placement == 1 || planned.placement == 2 || planned.placement == 4 || planned.placement == 5)
            kv(out, a, "instancesku", std::string_view(m_reservationSku.data(), 16)); // only its presence matters
        kv(out, a, "intelAvxAvailable", type.graviton ? "No" : "Yes");
        kv(out, a, "intelAvx2Available", type.graviton ? "No" : "Yes");
        kv(out, a, "intelTurboAvailable", type.graviton ? "No" : "Yes");
        kv(out, a, "marketoption", block ? "CapacityBlock" : "OnDemand");
        kv(out, a, "normalizationSizeFactor", formatNumber(type.normalization));
        kv(out, a, "preInstalledSw", variant.software);
        kv(out, a, "processorFeatures",
           type.graviton ? "AWS Graviton" : "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo");
        kv(out, a, "regionCode", "us-east-1");
        kv(out, a, "servicename", "Amazon Elastic Compute Cloud");
        kv(out, a, "vpcnetworkingsupport", "true", true);
        indent(out, 6);
        out += "}\n";
        indent(out, 4);
        out += '}';
    }

    void appendOnDemand(std::string &out, const Planned &planned) const
    {
        const std::string_view sku(planned.sku.data(), 16);
        std::string description;
        std::string unit = "Hrs";
        std::int64_t price = 0;
        if (planned.type < 0) {
            const Other other = otherProduct(-1 - planned.type);
            price = other.price1e4;
            unit = other.unit;
            description = "$";
            appendDollars(description, price);
            description += " per ";
            description += other.description;
        } else {
            const InstanceType &type = m_types[std::size_t(planned.type)];
            const Variant &variant = variants[planned.variant];
            const Placement &placement = placements[planned.placement];
            price = hourly1e4(planned);
            description = "$";
            appendDollars(description, price);
            const std::string_view tenancy = placement.tenancy;
            const std::string_view capacity = placement.capacity;
            if (planned.placement == capacityBlock)
                description += " per Capacity Block ";
            else if (capacity == "UnusedCapacityReservation")
                description += " per Unused Reservation ";
            else if (capacity == "AllocatedCapacityReservation")
                description += " per Reservation ";
            else if (tenancy == "Dedicated")
                description += " per Dedicated ";
            else if (tenancy == "Host")
                description += " per ";
            else
                description += " per On Demand ";
            description += variant.descriptionOs;
            description += ' ';
            description += type.name;
            description += tenancy == "Host" ? " Dedicated Host Instance hour" : " Instance Hour";
        }
        indent(out, 6);
        out += '"';
        out += sku;
        out += "\" : {\n";
        indent(out, 8);
        out += '"';
        out += sku;
        out += ".JRTCKXETXF\" : {\n";
        kv(out, 10, "offerTermCode", "JRTCKXETXF");
        kv(out, 10, "sku", sku);
        kv(out, 10, "effectiveDate", "2024-05-01T00:00:00Z");
        indent(out, 10);
        out += "\"priceDimensions\" : {\n";
        appendDimension(out, sku, "JRTCKXETXF", "6YS6EN2CT7", description, unit, price, true, true);
        indent(out, 10);
        out += "},\n";
        indent(out, 10);
        out += "\"termAttributes\" : { }\n";
        indent(out, 8);
        out += "}\n";
        indent(out, 6);
        out += '}';
    }

    void appendReserved(std::string &out, const Planned &planned, std::uint64_t &terms) const
    {
        const std::string_view sku(planned.sku.data(), 16);
        const InstanceType &type = m_types[std::size_t(planned.type)];
        const Variant &variant = variants[planned.variant];
        const std::int64_t onDemand = hourly1e4(planned);
        std::string applied = variant.reservedOs;
        applied += " (Amazon VPC), ";
        if (planned.placement == 3)
            applied += "Dedicated ";
        applied += type.name;
        applied += " reserved instance applied";
        indent(out, 6);
        out += '"';
        out += sku;
        out += "\" : {\n";
        bool first = true;
        for (const ReservedOffer &offer : reservedOffers) {
            // Convertible offers are not sold for every OS; the real file has 6 to 12 per sku.
            const bool convertible = std::string_view(offer.offeringClass) == "convertible";
            if (convertible && planned.variant > 1)
                continue;
            if (!first)
                out += ",\n";
            first = false;
            ++terms;
            const std::int64_t hourly = (std::int64_t(offer.hourly1e4) * onDemand / 960 + 5) / 10 * 10;
            const std::int64_t upfront = std::int64_t(offer.upfrontUsd) * onDemand / 960;
            indent(out, 8);
            out += '"';
            out += sku;
            out += '.';
            out += offer.code;
            out += "\" : {\n";
            kv(out, 10, "offerTermCode", offer.code);
            kv(out, 10, "sku", sku);
            kv(out, 10, "effectiveDate", offer.effective);
            indent(out, 10);
            out += "\"priceDimensions\" : {\n";
            if (offer.upfrontUsd > 0) {
                appendDimension(out, sku, offer.code, "2TG2D8R56U", "Upfront Fee", "Quantity", upfront * 10000, false,
                                false, true);
            }
            appendDimension(out, sku, offer.code, "6YS6EN2CT7", hourly == 0 ? "USD 0.0 per " + applied : applied, "Hrs",
                            hourly, true, true);
            indent(out, 10);
            out += "},\n";
            indent(out, 10);
            out += "\"termAttributes\" : {\n";
            kv(out, 12, "LeaseContractLength", offer.length);
            kv(out, 12, "OfferingClass", offer.offeringClass);
            kv(out, 12, "PurchaseOption", offer.purchase, true);
            indent(out, 10);
            out += "}\n";
            indent(out, 8);
            out += '}';
        }
        out += '\n';
        indent(out, 6);
        out += '}';
    }

private:
    static void appendOtherProduct(std::string &out, int index)
    {
        const Other other = otherProduct(index);
        kv(out, 6, "productFamily", other.family);
        indent(out, 6);
        out += "\"attributes\" : {\n";
        for (std::size_t i = 0; i < other.attributes.size(); ++i)
            kv(out, 8, other.attributes[i].first, other.attributes[i].second, i + 1 == other.attributes.size());
        indent(out, 6);
        out += "}\n";
    }

    static void appendDimension(std::string &out, std::string_view sku, std::string_view term, std::string_view rate,
                                const std::string &description, std::string_view unit, std::int64_t price1e4,
                                bool ranges, bool last, bool integerPrice = false)
    {
        std::string rateCode(sku);
        rateCode += '.';
        rateCode += term;
        rateCode += '.';
        rateCode += rate;
        indent(out, 12);
        out += '"';
        out += rateCode;
        out += "\" : {\n";
        kv(out, 14, "rateCode", rateCode);
        kv(out, 14, "description", description);
        if (ranges) {
            kv(out, 14, "beginRange", "0");
            kv(out, 14, "endRange", "Inf");
        }
        kv(out, 14, "unit", unit);
        indent(out, 14);
        out += "\"pricePerUnit\" : {\n";
        indent(out, 16);
        out += "\"USD\" : \"";
        if (integerPrice)
            out += std::to_string(price1e4 / 10000); // upfront fees are whole dollars: "294"
        else
            appendPrice10(out, price1e4);
        out += "\"\n";
        indent(out, 14);
        out += "},\n";
        indent(out, 14);
        out += "\"appliesTo\" : [ ]\n";
        indent(out, 12);
        out += last ? "}\n" : "},\n";
    }

    static std::string laterGeneration(std::string_view family, int round)
    {
        std::string name(family);
        if (round == 0)
            return name;
        const std::size_t digit = name.find_first_of("0123456789");
        if (digit == std::string::npos)
            return name + std::to_string(round);
        std::size_t end = digit;
        while (end < name.size() && name[end] >= '0' && name[end] <= '9')
            ++end;
        return name.substr(0, digit) + std::to_string(std::stoi(name.substr(digit, end - digit)) + 10 * round) +
               name.substr(end);
    }

    void addType(const Family &family, const std::string &familyName, int sizeIndex)
    {
        const Size &size = sizes[std::size_t(sizeIndex)];
        InstanceType type;
        type.name = familyName + "." + size.name;
        type.family = &family;
        type.graviton = isGraviton(family.name);
        type.vcpu = size.vcpu;
        if (sizeIndex == 3 && type.graviton)
            type.vcpu = 1; // m6g.medium: one vCPU
        else if (sizeIndex == 3)
            type.vcpu = 2;
        if (sizeIndex == 14) // metal: the largest size's vCPUs
            type.vcpu = sizes[std::size_t(family.lastSize)].vcpu;
        type.normalization = sizeIndex == 14 ? sizes[std::size_t(family.lastSize)].normalization : size.normalization;
        type.memoryGib = family.gibPerVcpu > 0 ? family.gibPerVcpu * type.vcpu : burstableMemory[std::size_t(sizeIndex)];
        type.linux1e4 = family.perVcpu1e4 * type.vcpu;
        if (family.gibPerVcpu == 0) // burstable: priced by memory, not vCPUs
            type.linux1e4 = int(family.perVcpu1e4 * type.memoryGib / 4);
        type.linux1e4 = std::max(type.linux1e4, 42);
        m_types.push_back(std::move(type));
    }

    void makeSku(char *out)
    {
        static constexpr char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 16; ++i)
            out[i] = alphabet[m_rng.below(32)];
    }

    Lcg m_rng;
    std::vector<InstanceType> m_types;
    std::array<char, 17> m_reservationSku{"6C86BEPQVG73ZGGR"};
};

constexpr std::string_view header = R"({
  "formatVersion" : "v1.0",
  "disclaimer" : "This pricing list is for informational purposes only. All prices are subject to the additional terms included in the pricing pages on http://aws.amazon.com. All Free Tier prices are also subject to the terms included at https://aws.amazon.com/free/",
  "offerCode" : "AmazonEC2",
  "version" : "20260520183012",
  "publicationDate" : "2026-05-20T18:30:12Z",
  "products" : {
)";

/** Buffered writer: one fwrite per 8 MB, so the generator costs little next to what it feeds. */
class Output
{
public:
    explicit Output(std::FILE *file) : m_file(file) { m_buffer.reserve(capacity + (1 << 20)); }
    std::string &text() { return m_buffer; }
    bool maybeFlush() { return m_buffer.size() < capacity || flush(); }
    bool flush()
    {
        if (!m_buffer.empty() && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
            return false;
        m_written += m_buffer.size();
        m_buffer.clear();
        return true;
    }
    std::uint64_t written() const { return m_written; }

private:
    static constexpr std::size_t capacity = 8 << 20;
    std::FILE *m_file;
    std::string m_buffer;
    std::uint64_t m_written = 0;
};

} // namespace

bool writeSyntheticEc2Offer(const std::string &path, const OfferGenOptions &options, OfferGenStats &stats,
                            std::string &error)
{
    stats = {};
    // The real families give about 385 MB; each further round of generations as much again.
    constexpr std::uint64_t bytesPerRound = 385'000'000;
    const int rounds = int((options.targetBytes + bytesPerRound - 1) / bytesPerRound);
    Generator generator(options.seed, std::max(1, rounds));
    std::vector<Planned> planned = generator.plan();

    // Sizing pass: format every product once to learn its bytes, and keep just enough products
    // for the requested size. Formatting twice costs about a second; guessing would miss the size.
    std::string scratch;
    std::uint64_t total = header.size() + 64;
    std::size_t keep = 0;
    std::uint64_t ignored = 0;
    for (; keep < planned.size() && total < options.targetBytes; ++keep) {
        scratch.clear();
        generator.appendProduct(scratch, planned[keep]);
        generator.appendOnDemand(scratch, planned[keep]);
        if (generator.hasReserved(planned[keep]))
            generator.appendReserved(scratch, planned[keep], ignored);
        total += scratch.size() + 6;
    }
    planned.resize(keep);

    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    Output out(file);
    out.text() += header;
    bool ok = true;
    for (std::size_t i = 0; i < planned.size() && ok; ++i) {
        generator.appendProduct(out.text(), planned[i]);
        out.text() += i + 1 < planned.size() ? ",\n" : "\n";
        ++stats.products;
        if (planned[i].type >= 0)
            ++stats.computeProducts;
        if (Generator::isPlain(planned[i])) {
            ++stats.plainProducts;
            ++(planned[i].variant == 0 ? stats.plainLinux : stats.plainWindows);
            stats.plainPriceSum1e4 += std::uint64_t(generator.hourly1e4(planned[i]));
        }
        ok = out.maybeFlush();
    }
    out.text() += "  },\n  \"terms\" : {\n    \"OnDemand\" : {\n";
    for (std::size_t i = 0; i < planned.size() && ok; ++i) {
        generator.appendOnDemand(out.text(), planned[i]);
        out.text() += i + 1 < planned.size() ? ",\n" : "\n";
        ++stats.onDemandTerms;
        ok = out.maybeFlush();
    }
    out.text() += "    },\n    \"Reserved\" : {\n";
    bool first = true;
    for (std::size_t i = 0; i < planned.size() && ok; ++i) {
        if (!generator.hasReserved(planned[i]))
            continue;
        if (!first)
            out.text() += ",\n";
        first = false;
        generator.appendReserved(out.text(), planned[i], stats.reservedTerms);
        ok = out.maybeFlush();
    }
    out.text() += "\n    }\n  },\n  \"attributesList\" : { }\n}";
    ok = ok && out.flush();
    ok = (std::fclose(file) == 0) && ok;
    if (!ok) {
        error = path + ": write failed: " + std::strerror(errno);
        std::remove(path.c_str());
        return false;
    }
    stats.bytes = out.written();
    return true;
}

} // namespace Costscape::Bench
