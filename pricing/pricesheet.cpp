// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/pricesheet.h"

#include "base/jsonreader.h"
#include "pricing/servicepricesio.h"

#include <cstdlib>
#include <set>
#include <cstdio>

namespace Costscape::Embedded {
extern const char awsDefaultPrices[];
extern const std::size_t awsDefaultPrices_size;
} // namespace Costscape::Embedded

namespace Costscape::Pricing {

using Json = JsonDocument::Json;
using Pointer = JsonDocument::Pointer;

const RegionPrices *PriceSheet::region(const std::string &code) const
{
    const auto it = regions.find(code);
    return it == regions.end() ? nullptr : &it->second;
}

const LambdaPrices *PriceSheet::lambda(const std::string &code) const
{
    const RegionPrices *r = region(code);
    return r && r->lambda ? &*r->lambda : nullptr;
}

const LambdaArchitecturePrices *PriceSheet::lambda(const std::string &code, const std::string &architecture) const
{
    const LambdaPrices *l = lambda(code);
    if (!l)
        return nullptr;
    const auto it = l->architectures.find(architecture);
    return it == l->architectures.end() ? nullptr : &it->second;
}

const FargatePrices *PriceSheet::fargate(const std::string &code) const
{
    const RegionPrices *r = region(code);
    return r && r->fargate ? &*r->fargate : nullptr;
}

const FargateRates *PriceSheet::fargate(const std::string &code, const std::string &os,
                                        const std::string &architecture, bool spot) const
{
    const FargatePrices *f = fargate(code);
    if (!f)
        return nullptr;
    const std::string key = (spot ? "spot/" : "") + os + '/' + architecture;
    const auto it = f->rates.find(key);
    return it == f->rates.end() ? nullptr : &it->second;
}

const Ec2InstanceType *PriceSheet::ec2(const std::string &code, const std::string &instanceType) const
{
    const RegionPrices *r = region(code);
    if (!r)
        return nullptr;
    const auto it = r->ec2.find(instanceType);
    return it == r->ec2.end() ? nullptr : &it->second;
}

std::optional<double> PriceSheet::ec2OnDemandHourly(const std::string &code, const std::string &instanceType,
                                                    const std::string &os) const
{
    const Ec2InstanceType *t = ec2(code, instanceType);
    if (!t)
        return std::nullopt;
    const auto it = t->onDemandHourly.find(os);
    return it == t->onDemandHourly.end() ? std::nullopt : std::optional<double>(it->second);
}

std::optional<double> PriceSheet::ec2SpotHourly(const std::string &code, const std::string &instanceType,
                                                const std::string &os) const
{
    const Ec2InstanceType *t = ec2(code, instanceType);
    if (!t)
        return std::nullopt;
    const auto it = t->spotHourly.find(os);
    return it == t->spotHourly.end() ? std::nullopt : std::optional<double>(it->second);
}

std::vector<std::string> PriceSheet::regionCodes() const
{
    std::vector<std::string> out;
    out.reserve(regions.size());
    for (const auto &[code, _] : regions)
        out.push_back(code);
    return out;
}

namespace {

// Prices may be zero (a free tier row) but never negative; the cap catches a misplaced decimal
// point, which is likelier than a $100,000 hourly rate.
const NumberRule PriceRule = NumberRule::range(0, MaxUnitPriceUsd, "USD");

class SheetReader final
{
public:
    explicit SheetReader(const JsonDocument &doc) : m_doc(doc), m_r(doc) {}

    Result<PriceSheet> read()
    {
        PriceSheet sheet;
        const Pointer root;
        if (!m_doc.root().is_object())
            return m_doc.errorAt(root, ErrorCode::WrongFormat, "expected a costscape-prices object at the top level");
        const auto format = m_r.string(root, "format");
        if (format && *format != "costscape-prices")
            m_r.fail(root / "format", ErrorCode::WrongFormat,
                     "format: expected \"costscape-prices\", got \"" + *format + "\"");
        const auto version = m_r.number(root, "version", NumberRule::count(1));
        if (version && *version != 1)
            m_r.fail(root / "version", ErrorCode::WrongFormat,
                     "version: this Costscape reads version 1 price sheets, got version " + formatJsonNumber(*version));
        sheet.provenance.name = m_r.string(root, "name", false).value_or("");
        sheet.provenance.currency = m_r.string(root, "currency", false).value_or("USD");
        if (!m_r.failed() && sheet.provenance.currency.size() != 3)
            m_r.fail(root / "currency", ErrorCode::UnknownValue,
                     "currency: expected a three-letter ISO 4217 code such as \"USD\"");
        sheet.provenance.source = m_r.string(root, "source", false).value_or("");
        sheet.provenance.retrieved = m_r.string(root, "retrieved", false).value_or("");
        sheet.provenance.file = m_doc.fileName();

        if (const Json *regions = m_r.object(root / "regions")) {
            if (regions->empty())
                m_r.fail(root / "regions", ErrorCode::MissingField, "regions: the sheet prices no region");
            for (const auto &[code, _] : regions->items()) {
                RegionPrices region;
                region.code = code;
                readRegion(root / "regions" / code, region);
                sheet.regions.emplace(code, std::move(region));
            }
        }
        if (m_r.failed())
            return m_r.error();
        Result<PriceSheet> result(std::move(sheet));
        result.setWarnings(m_r.warnings());
        return result;
    }

private:
    void readRegion(const Pointer &p, RegionPrices &region)
    {
        if (!m_r.object(p))
            return;
        if (m_r.has(p, "lambda"))
            region.lambda = readLambda(p / "lambda");
        if (m_r.has(p, "fargate"))
            region.fargate = readFargate(p / "fargate");
        if (m_r.has(p, "eks") && m_r.object(p / "eks")) {
            EksPrices e;
            e.clusterHour = m_r.number(p / "eks", "clusterHour", PriceRule).value_or(0);
            e.extendedSupportClusterHour = m_r.number(p / "eks", "extendedSupportClusterHour", PriceRule, false);
            region.eks = e;
        }
        if (m_r.has(p, "ec2") && m_r.object(p / "ec2")) {
            for (const auto &[type, _] : m_r.at(p / "ec2")->items())
                region.ec2.emplace(type, readEc2(p / "ec2" / type, type));
        }
        readServicePrices(m_r, p, region.services);
    }

    std::vector<PriceTier> readTiers(const Pointer &p)
    {
        std::vector<PriceTier> tiers;
        const Json *arr = m_r.array(p);
        if (!arr)
            return tiers;
        if (arr->empty()) {
            m_r.fail(p, ErrorCode::MissingField, JsonReader::fieldName(p) + ": needs at least one price tier");
            return tiers;
        }
        double previous = 0;
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const Pointer tp = p / i;
            if (!m_r.object(tp))
                return tiers;
            PriceTier tier;
            tier.price = m_r.number(tp, "price", PriceRule).value_or(0);
            const bool last = i + 1 == arr->size();
            if (m_r.has(tp, "upTo")) {
                const double upTo = m_r.number(tp, "upTo", NumberRule::positive("GB-seconds")).value_or(0);
                if (last) {
                    m_r.fail(tp / "upTo", ErrorCode::OutOfRange,
                             JsonReader::fieldName(tp) + ": the last tier must have no \"upTo\" (it covers all further usage)");
                } else if (upTo <= previous) {
                    m_r.fail(tp / "upTo", ErrorCode::OutOfRange,
                             JsonReader::fieldName(tp / "upTo") + ": tiers must be in increasing order of \"upTo\"");
                }
                tier.upTo = upTo;
                previous = upTo;
            } else if (!last) {
                m_r.fail(tp, ErrorCode::MissingField,
                         JsonReader::fieldName(tp) + ": missing \"upTo\" (only the last tier is open-ended)");
            }
            tiers.push_back(tier);
        }
        return tiers;
    }

    LambdaPrices readLambda(const Pointer &p)
    {
        LambdaPrices l;
        const Json *obj = m_r.object(p);
        if (!obj)
            return l;
        for (const char *arch : {"x86_64", "arm64"}) {
            if (!m_r.has(p, arch))
                continue;
            const Pointer ap = p / arch;
            if (!m_r.object(ap))
                return l;
            LambdaArchitecturePrices a;
            a.requestPerMillion = m_r.number(ap, "requestPerMillion", PriceRule).value_or(0);
            a.gbSecond = readTiers(ap / "gbSecond");
            a.provisionedGbSecond = m_r.number(ap, "provisionedGbSecond", PriceRule, false);
            a.provisionedDurationGbSecond = m_r.number(ap, "provisionedDurationGbSecond", PriceRule, false);
            if (m_r.has(ap, "commitments"))
                readLambdaCommitments(ap / "commitments", a);
            l.architectures.emplace(arch, std::move(a));
        }
        l.ephemeralGbSecond = m_r.number(p, "ephemeralGbSecond", PriceRule, false);
        if (m_r.has(p, "managedInstances") && m_r.object(p / "managedInstances")) {
            const Pointer mp = p / "managedInstances";
            LambdaManagedPrices m;
            m.requestPerMillion = m_r.number(mp, "requestPerMillion", PriceRule).value_or(0);
            m.managementFeeOfOnDemand = m_r.number(mp, "managementFeeOfOnDemand", NumberRule::range(0, 1), false);
            if (m_r.has(mp, "managementHourly") && m_r.object(mp / "managementHourly")) {
                for (const auto &[type, _] : m_r.at(mp / "managementHourly")->items())
                    if (const auto v = m_r.number(mp / "managementHourly", type, PriceRule))
                        m.managementHourly.emplace(type, *v);
            }
            if (!m.managementFeeOfOnDemand && m.managementHourly.empty() && !m_r.failed())
                m_r.fail(mp, ErrorCode::MissingField,
                         JsonReader::fieldName(mp) + ": give the management fee, \"managementFeeOfOnDemand\" (a share of the "
                                                     "on-demand price) or \"managementHourly\" (per instance type)");
            l.managedInstances = std::move(m);
        }
        if (m_r.has(p, "freeTier") && m_r.object(p / "freeTier")) {
            LambdaFreeTier f;
            f.requests = m_r.number(p / "freeTier", "requests", NumberRule::nonNegative("requests")).value_or(0);
            f.gbSeconds = m_r.number(p / "freeTier", "gbSeconds", NumberRule::nonNegative("GB-seconds")).value_or(0);
            l.freeTier = f;
        }
        return l;
    }

    FargatePrices readFargate(const Pointer &p)
    {
        FargatePrices f;
        const Json *obj = m_r.object(p);
        if (!obj)
            return f;
        for (const auto &[key, value] : obj->items()) {
            if (key == "ephemeralGbHour") {
                f.ephemeralGbHour = m_r.number(p, key, PriceRule);
                continue;
            }
            if (key != "linux/x86_64" && key != "linux/arm64" && key != "windows/x86_64" && key != "spot/linux/x86_64"
                && key != "spot/linux/arm64") {
                if (value.is_object())
                    m_r.warn(p / key, JsonReader::fieldName(p / key) + ": unknown Fargate platform, ignored");
                continue; // unknown keys are kept by the format and ignored here
            }
            const Pointer rp = p / key;
            if (!m_r.object(rp))
                return f;
            FargateRates rates;
            rates.vcpuHour = m_r.number(rp, "vcpuHour", PriceRule).value_or(0);
            rates.gbHour = m_r.number(rp, "gbHour", PriceRule).value_or(0);
            rates.osLicenseVcpuHour = m_r.number(rp, "osLicenseVcpuHour", PriceRule, key.rfind("windows", 0) == 0);
            if (m_r.has(rp, "commitments")) {
                // Issue 16: Compute Savings Plans rates; the sheet has them for Linux on-demand Fargate
                // only (the import takes Fargate-vCPU-Hours:perCPU, Fargate-GB-Hours and the ARM ones).
                if (key == "linux/x86_64" || key == "linux/arm64")
                    readFargateCommitments(rp / "commitments", rates);
                else
                    m_r.warn(rp / "commitments", JsonReader::fieldName(rp / "commitments")
                                                     + ": Compute Savings Plans rates are read for linux/x86_64 and linux/arm64 only, ignored");
            }
            f.rates.emplace(key, rates);
        }
        return f;
    }

    Ec2InstanceType readEc2(const Pointer &p, const std::string &name)
    {
        Ec2InstanceType t;
        t.name = name;
        if (!m_r.object(p))
            return t;
        t.vcpu = m_r.number(p, "vcpu", NumberRule::positive("vCPU")).value_or(0);
        t.memoryGib = m_r.number(p, "memoryGib", NumberRule::positive("GiB")).value_or(0);
        auto readByOs = [&](const char *key, std::map<std::string, double> &out, bool required) {
            if (!m_r.has(p, key)) {
                if (required)
                    m_r.fail(p, ErrorCode::MissingField,
                             JsonReader::fieldName(p / key) + ": missing required field \"" + key + "\"");
                return;
            }
            const Json *obj = m_r.object(p / key);
            if (!obj)
                return;
            for (const auto &[os, _] : obj->items()) {
                if (os != "linux" && os != "windows") {
                    m_r.warn(p / key / os, JsonReader::fieldName(p / key / os) + ": unknown operating system, ignored");
                    continue;
                }
                if (const auto v = m_r.number(p / key, os, PriceRule))
                    out.emplace(os, *v);
            }
        };
        readByOs("onDemandHourly", t.onDemandHourly, true);
        readByOs("spotHourly", t.spotHourly, false);
        if (m_r.has(p, "commitments"))
            readCommitments(p / "commitments", t);
        t.interruption = m_r.string(p, "interruption", false, {"<5%", "5-10%", "10-15%", "15-20%", ">20%"}).value_or("");
        t.spotAdvisorSavingsPercent = m_r.number(p, "spotAdvisorSavingsPercent", NumberRule::range(0, 99, "%"), false);
        return t;
    }

    // Issue 16: Reserved Instance and Savings Plans rates, keyed as commitmentRateKey() writes them.
    void readCommitments(const Pointer &p, Ec2InstanceType &t)
    {
        const Json *obj = m_r.object(p);
        if (!obj)
            return;
        static const std::set<std::string> known = [] {
            std::set<std::string> keys;
            for (const char *payment : {"no-upfront", "partial-upfront", "all-upfront"})
                for (int years : {1, 3}) {
                    for (const char *offering : {"standard", "convertible"})
                        keys.insert(commitmentRateKey("reserved-instance", offering, years, payment));
                    keys.insert(commitmentRateKey("compute-savings-plan", "", years, payment));
                    keys.insert(commitmentRateKey("ec2-instance-savings-plan", "", years, payment));
                }
            return keys;
        }();
        for (const auto &[key, _] : obj->items()) {
            if (!known.count(key)) {
                m_r.warn(p / key, JsonReader::fieldName(p / key) + ": not a commitment this program knows, ignored");
                continue;
            }
            if (!m_r.object(p / key))
                return;
            CommitmentRate rate;
            rate.upfront = m_r.number(p / key, "upfront", NumberRule::range(0, MaxUpfrontUsd, "USD"), false).value_or(0);
            const auto hourly = m_r.number(p / key, "hourly", PriceRule);
            if (!hourly)
                return;
            rate.hourly = *hourly;
            t.commitments.emplace(key, rate);
        }
    }

    // Issue 16: {"compute-savings-plan/1yr/no-upfront": {"vcpuHour": V, "gbHour": G}, ...}; both rates required.
    void readFargateCommitments(const Pointer &p, FargateRates &rates)
    {
        const Json *obj = m_r.object(p);
        if (!obj)
            return;
        static const std::set<std::string> known = [] {
            std::set<std::string> keys;
            for (const char *payment : {"no-upfront", "partial-upfront", "all-upfront"})
                for (int years : {1, 3})
                    keys.insert(commitmentRateKey("compute-savings-plan", "", years, payment));
            return keys;
        }();
        for (const auto &[key, _] : obj->items()) {
            if (!known.count(key)) {
                m_r.warn(p / key, JsonReader::fieldName(p / key)
                                      + ": not a commitment this program knows for Fargate (Compute Savings Plans only), ignored");
                continue;
            }
            if (!m_r.object(p / key))
                return;
            const auto vcpu = m_r.number(p / key, "vcpuHour", PriceRule);
            const auto gb = m_r.number(p / key, "gbHour", PriceRule);
            if (!vcpu || !gb)
                return;
            rates.commitments.emplace(key, FargateCommitmentRate{*vcpu, *gb});
        }
    }

    // Issue 16: {"compute-savings-plan/1yr/no-upfront": {"gbSecond": R}, ...}: the plan's rate for
    // on-demand duration (Lambda-GB-Second), the only Lambda line a plan is applied to so far.
    void readLambdaCommitments(const Pointer &p, LambdaArchitecturePrices &prices)
    {
        const Json *obj = m_r.object(p);
        if (!obj)
            return;
        for (const auto &[key, _] : obj->items()) {
            if (!computeSavingsPlanKeys().count(key)) {
                m_r.warn(p / key, JsonReader::fieldName(p / key)
                                      + ": not a commitment this program knows for Lambda (Compute Savings Plans only), ignored");
                continue;
            }
            if (!m_r.object(p / key))
                return;
            const auto gbSecond = m_r.number(p / key, "gbSecond", PriceRule);
            if (!gbSecond)
                return;
            prices.commitments.emplace(key, LambdaCommitmentRate{*gbSecond});
        }
    }

    static const std::set<std::string> &computeSavingsPlanKeys()
    {
        static const std::set<std::string> keys = [] {
            std::set<std::string> k;
            for (const char *payment : {"no-upfront", "partial-upfront", "all-upfront"})
                for (int years : {1, 3})
                    k.insert(commitmentRateKey("compute-savings-plan", "", years, payment));
            return k;
        }();
        return keys;
    }

    const JsonDocument &m_doc;
    JsonReader m_r;
};

} // namespace

std::string commitmentRateKey(const std::string &kind, const std::string &offering, int termYears, const std::string &payment)
{
    const std::string term = std::to_string(termYears) + "yr";
    if (kind == "reserved-instance")
        return kind + "/" + offering + "/" + term + "/" + payment;
    return kind + "/" + term + "/" + payment;
}

Result<PriceSheet> parsePriceSheet(std::string_view text, const std::string &fileName)
{
    auto doc = JsonDocument::parse(text, fileName);
    if (!doc)
        return doc.error();
    return SheetReader(doc.value()).read();
}

Result<PriceSheet> loadPriceSheet(const std::string &path)
{
    auto doc = JsonDocument::load(path);
    if (!doc)
        return doc.error();
    return SheetReader(doc.value()).read();
}

std::string_view embeddedPriceSheetText()
{
    return {Embedded::awsDefaultPrices, Embedded::awsDefaultPrices_size};
}

const PriceSheet &embeddedPriceSheet()
{
    static const PriceSheet sheet = [] {
        auto r = parsePriceSheet(embeddedPriceSheetText(), "embedded");
        if (!r) {
            // The embedded sheet is checked by tests at build time; reaching this is a build defect.
            std::fprintf(stderr, "costscape: the embedded price sheet is invalid: %s\n", r.error().toString().c_str());
            std::abort();
        }
        PriceSheet s = std::move(r).value();
        s.provenance.file = "embedded";
        return s;
    }();
    return sheet;
}

} // namespace Costscape::Pricing
