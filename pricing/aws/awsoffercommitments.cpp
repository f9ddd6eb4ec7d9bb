// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/aws/awsoffercommitments.h"

#include "pricing/aws/awsoffercollector.h"

#include <algorithm>
#include <set>
#include <string_view>

namespace Costscape::Pricing::AwsOffer {

namespace {

bool contains(std::string_view s, std::string_view what) { return s.find(what) != std::string_view::npos; }

// "1yrNoUpfront" at the end of a plan's usage type: the term in years and the sheet's payment.
bool termAndPayment(std::string_view usage, int &years, std::string &payment)
{
    const auto cut = usage.find_last_of(":.");
    const std::string_view tail = cut == std::string_view::npos ? usage : usage.substr(cut + 1);
    if (tail.size() < 4 || tail.substr(1, 2) != "yr" || (tail[0] != '1' && tail[0] != '3'))
        return false;
    years = tail[0] - '0';
    const std::string_view p = tail.substr(3);
    if (p == "NoUpfront")
        payment = "no-upfront";
    else if (p == "PartialUpfront")
        payment = "partial-upfront";
    else if (p == "AllUpfront")
        payment = "all-upfront";
    else
        return false;
    return true;
}

std::string paymentKey(const std::string &purchaseOption)
{
    if (purchaseOption == "No Upfront")
        return "no-upfront";
    if (purchaseOption == "Partial Upfront")
        return "partial-upfront";
    if (purchaseOption == "All Upfront")
        return "all-upfront";
    return {}; // the old "Heavy Utilization" and similar offers are not sold any more
}

int leaseYears(const std::string &lease)
{
    if (lease == "1yr" || lease == "1 yr" || lease == "1 year")
        return 1;
    if (lease == "3yr" || lease == "3 yr" || lease == "3 year")
        return 3;
    return 0;
}

// EC2 usage-type region prefixes (AWS Billing User Guide, "Understanding your usage types"): us-east-1
// has none. Only consulted when neither the plan nor the file names its region.
struct Prefix {
    std::string_view prefix;
    std::string_view region;
};
constexpr Prefix Prefixes[] = {
    {"USE1", "us-east-1"}, {"USE2", "us-east-2"}, {"USW1", "us-west-1"}, {"USW2", "us-west-2"},
    {"EU", "eu-west-1"},   {"EUW1", "eu-west-1"}, {"EUW2", "eu-west-2"}, {"EUW3", "eu-west-3"},
    {"EUC1", "eu-central-1"}, {"EUN1", "eu-north-1"}, {"APN1", "ap-northeast-1"}, {"APN2", "ap-northeast-2"},
    {"APS1", "ap-southeast-1"}, {"APS2", "ap-southeast-2"}, {"APS3", "ap-south-1"}, {"CAN1", "ca-central-1"},
    {"SAE1", "sa-east-1"},
};

} // namespace

bool CommitmentRates::classifyPlan(const ProductInfo &p, KeptProduct &out) const
{
    std::string kind;
    if (p.family == "ComputeSavingsPlans")
        kind = "compute-savings-plan";
    else if (p.family == "EC2InstanceSavingsPlans")
        kind = "ec2-instance-savings-plan";
    else
        return false;
    m_sawPlans = true;
    int years = 0;
    std::string payment;
    if (!termAndPayment(p[Attr::UsageType], years, payment))
        return false;
    out = KeptProduct();
    out.kind = KeptProduct::Kind::SavingsPlan;
    out.sku = p.sku;
    out.key = commitmentRateKey(kind, "", years, payment);
    // An EC2 Instance plan is for one family in one region; a Compute plan's location is "Any".
    if (kind == "ec2-instance-savings-plan")
        out.region = p[Attr::RegionCode].empty() ? regionFromLocation(p[Attr::Location]) : p[Attr::RegionCode];
    return true;
}

std::string CommitmentRates::regionOfUsage(const std::string &usage, const std::string &planRegion) const
{
    if (!planRegion.empty())
        return planRegion;
    if (!m_fileRegion.empty())
        return m_fileRegion;
    const auto dash = usage.find('-');
    const auto colon = usage.find(':');
    if (dash == std::string::npos || (colon != std::string::npos && colon < dash))
        return "us-east-1"; // "BoxUsage:m5.large": the one region without a prefix
    const std::string_view prefix(usage.data(), dash);
    for (const auto &p : Prefixes)
        if (p.prefix == prefix)
            return std::string(p.region);
    return {};
}

void CommitmentRates::addReserved(const KeptProduct &k, const ReservedTerm &t, const PriceDimension &d, int line)
{
    // The sheet's commitment rates are for Linux, shared tenancy (docs/commitments.md).
    if (k.kind != KeptProduct::Kind::Ec2 || k.os != "linux")
        return;
    const int years = leaseYears(t.leaseContractLength);
    const std::string payment = paymentKey(t.purchaseOption);
    if (years == 0 || payment.empty() || (t.offeringClass != "standard" && t.offeringClass != "convertible"))
        return;
    if (d.currency.empty())
        return;
    const auto price = parseAwsNumber(d.price);
    if (!price || *price < 0) {
        m_collector.warn("SKU " + k.sku + ": Reserved price \"" + d.price + "\" is not a number; skipped", line);
        return;
    }
    if (*price > (d.unit == "Quantity" ? MaxUpfrontUsd : MaxUnitPriceUsd)) {
        m_collector.warn("SKU " + k.sku + ": Reserved price \"" + d.price + "\" is above what a price sheet accepts; skipped",
                         line);
        return;
    }
    Pending &slot = m_reserved[{k.region, k.key, commitmentRateKey("reserved-instance", t.offeringClass, years, payment)}];
    if (d.unit == "Quantity")
        slot.upfront = *price;
    else if (d.unit == "Hrs")
        slot.hourly = *price;
}

bool CommitmentRates::addFargateRate(const KeptProduct &plan, const PlanRate &r, int line)
{
    // Fargate usage of a Compute Savings Plan, as the AmazonECS offer names it (EKS on Fargate
    // lists the same usage types under AmazonEKS): "USE1-Fargate-vCPU-Hours:perCPU",
    // "USE1-Fargate-GB-Hours", "USE1-Fargate-ARM-vCPU-Hours:perCPU", "USE1-Fargate-ARM-GB-Hours".
    // Windows, Spot and ephemeral storage usage is not taken (the sheet's plan rates are for Linux
    // on-demand tasks).
    const auto at = r.usageType.find("Fargate-");
    if (at == std::string::npos)
        return false;
    const std::string_view rest = std::string_view(r.usageType).substr(at);
    std::string platform;
    bool vcpu = false;
    if (rest == "Fargate-vCPU-Hours:perCPU")
        platform = "linux/x86_64", vcpu = true;
    else if (rest == "Fargate-GB-Hours")
        platform = "linux/x86_64";
    else if (rest == "Fargate-ARM-vCPU-Hours:perCPU")
        platform = "linux/arm64", vcpu = true;
    else if (rest == "Fargate-ARM-GB-Hours")
        platform = "linux/arm64";
    else
        return false;
    // The rate is per vCPU-hour or GB-hour: the unit must be hours ("Hrs" in the files read so far).
    static const std::set<std::string> hourUnits = {"", "Hrs", "hrs", "Hours", "hours", "vCPU-Hours", "GB-Hours"};
    if (!hourUnits.count(r.unit)) {
        m_collector.warn("SKU " + plan.sku + ": Savings Plans rate for " + r.usageType + " has unit \"" + r.unit
                             + "\", not hours; skipped",
                         line);
        return true;
    }
    const auto price = acceptedPlanRate(plan, r, line);
    if (!price)
        return true;
    const std::string region = regionOfUsage(r.usageType, plan.region);
    if (region.empty()) {
        ++m_unknownRegion;
        return true;
    }
    FargatePending &slot = m_fargate[{region, platform, plan.key}];
    std::optional<double> &rate = vcpu ? slot.vcpu : slot.gb;
    if (rate && *rate != *price) {
        // AmazonECS and AmazonEKS list the same Fargate usage: the same rate twice is fine, two
        // different ones cannot both be right, and the first one read stays.
        ++m_fargateConflicts;
        m_collector.warn("SKU " + plan.sku + ": a second Savings Plans rate for " + r.usageType + " in " + region + " ("
                             + r.price + " after " + formatPrice(*rate) + ", " + plan.key + "); the first is kept",
                         line);
        return true;
    }
    rate = *price;
    return true;
}

std::optional<double> CommitmentRates::acceptedPlanRate(const KeptProduct &plan, const PlanRate &r, int line)
{
    const auto price = parseAwsNumber(r.price);
    if (!price || *price < 0 || *price > MaxUnitPriceUsd) {
        m_collector.warn("SKU " + plan.sku + ": Savings Plans rate \"" + r.price + "\" for " + r.usageType
                             + " is not a price a sheet accepts; skipped",
                         line);
        return std::nullopt;
    }
    return price;
}

bool CommitmentRates::addLambdaRate(const KeptProduct &plan, const PlanRate &r, int line)
{
    // On-demand Lambda duration of a Compute Savings Plan, as the AWSLambda offer names it:
    // "Lambda-GB-Second" (x86_64) and "Lambda-GB-Second-ARM" (arm64), with the region's prefix
    // ("EU-Lambda-GB-Second") outside us-east-1. Provisioned concurrency and the duration run on it
    // (Lambda-Provisioned-Concurrency, Lambda-Provisioned-GB-Second) are not taken: a plan is
    // applied to the on-demand duration only (docs/commitments.md).
    const auto at = r.usageType.find("Lambda-GB-Second");
    if (at == std::string::npos)
        return false;
    const std::string_view rest = std::string_view(r.usageType).substr(at);
    const std::string architecture = rest == "Lambda-GB-Second" ? "x86_64" : rest == "Lambda-GB-Second-ARM" ? "arm64" : "";
    if (architecture.empty())
        return false;
    static const std::set<std::string> secondUnits = {"", "Lambda-GB-Second", "GB-Second", "GB-Seconds", "Second", "Seconds"};
    if (!secondUnits.count(r.unit)) {
        m_collector.warn("SKU " + plan.sku + ": Savings Plans rate for " + r.usageType + " has unit \"" + r.unit
                             + "\", not GB-seconds; skipped",
                         line);
        return true;
    }
    const auto price = acceptedPlanRate(plan, r, line);
    if (!price)
        return true;
    // Without a prefix the usage is us-east-1's, unless the plan or the file names the region.
    const std::string region = at > 0 ? regionOfUsage(r.usageType, plan.region)
                                       : !plan.region.empty() ? plan.region : !m_fileRegion.empty() ? m_fileRegion : "us-east-1";
    if (region.empty()) {
        ++m_unknownRegion;
        return true;
    }
    std::optional<double> &rate = m_lambda[{region, architecture, plan.key}];
    if (rate && *rate != *price) {
        m_collector.warn("SKU " + plan.sku + ": a second Savings Plans rate for " + r.usageType + " in " + region + " (" + r.price
                             + " after " + formatPrice(*rate) + ", " + plan.key + "); the first is kept",
                         line);
        return true;
    }
    rate = *price;
    return true;
}

void CommitmentRates::addPlanRate(const KeptProduct &plan, const PlanRate &r, int line)
{
    if ((r.serviceCode == "AmazonECS" || r.serviceCode == "AmazonEKS") && addFargateRate(plan, r, line))
        return;
    if (r.serviceCode == "AWSLambda" && addLambdaRate(plan, r, line))
        return;
    if (!r.serviceCode.empty() && r.serviceCode != "AmazonEC2") {
        ++m_otherServiceRates;
        return;
    }
    // Linux/UNIX ("RunInstances"), shared tenancy ("BoxUsage"): what the sheet's EC2 prices are.
    const auto at = r.usageType.find("BoxUsage:");
    if (at == std::string::npos || r.operation != "RunInstances")
        return;
    const std::string type = r.usageType.substr(at + 9);
    if (type.empty() || contains(type, ":"))
        return;
    const auto price = parseAwsNumber(r.price);
    if (!price || *price < 0) {
        m_collector.warn("SKU " + plan.sku + ": Savings Plans rate \"" + r.price + "\" is not a number; skipped", line);
        return;
    }
    if (*price > MaxUnitPriceUsd) {
        m_collector.warn("SKU " + plan.sku + ": Savings Plans rate \"" + r.price + "\" is above what a price sheet accepts; skipped",
                         line);
        return;
    }
    const std::string region = regionOfUsage(r.usageType, plan.region);
    if (region.empty()) {
        ++m_unknownRegion;
        return;
    }
    m_plans.emplace(Key{region, type, plan.key}, *price);
}

std::size_t CommitmentRates::finish(PriceSheet &out, std::set<std::string> &regions,
                                    const std::vector<std::string> &keepRegions)
{
    std::size_t written = 0;
    std::set<std::string> missingTypes;
    auto write = [&](const Key &key, const CommitmentRate &rate) {
        const auto &[region, type, rateKey] = key;
        if (!keepRegions.empty() && std::find(keepRegions.begin(), keepRegions.end(), region) == keepRegions.end())
            return;
        const auto r = out.regions.find(region);
        Ec2InstanceType *t = nullptr;
        if (r != out.regions.end()) {
            const auto it = r->second.ec2.find(type);
            if (it != r->second.ec2.end() && it->second.onDemandHourly.count("linux"))
                t = &it->second;
        }
        if (!t) {
            missingTypes.insert(region + " " + type);
            return;
        }
        t->commitments[rateKey] = rate;
        regions.insert(region);
        ++written;
    };
    for (const auto &[key, p] : m_reserved) {
        // No Upfront has an hourly fee only; Partial and All Upfront an upfront fee and an hourly fee
        // (0 for All Upfront). Either missing (a malformed row) would price the offer too low.
        const std::string &rateKey = std::get<2>(key);
        const bool upfrontPaid = rateKey.find("/no-upfront") == std::string::npos;
        if (!p.hourly || (upfrontPaid && !p.upfront)) {
            ++m_incompleteReserved;
            continue;
        }
        write(key, CommitmentRate{p.upfront.value_or(0), *p.hourly});
    }
    for (const auto &[key, price] : m_plans)
        write(key, CommitmentRate{0, price});

    std::set<std::string> missingFargate;
    std::set<std::string> incompleteFargate;
    for (const auto &[key, p] : m_fargate) {
        const auto &[region, platform, rateKey] = key;
        if (!keepRegions.empty() && std::find(keepRegions.begin(), keepRegions.end(), region) == keepRegions.end())
            continue;
        if (!p.vcpu || !p.gb) {
            incompleteFargate.insert(region + " " + platform + " " + rateKey + (p.vcpu ? " (no GB-hour rate)" : " (no vCPU-hour rate)"));
            continue;
        }
        const auto r = out.regions.find(region);
        FargateRates *rates = nullptr;
        if (r != out.regions.end() && r->second.fargate) {
            const auto it = r->second.fargate->rates.find(platform);
            if (it != r->second.fargate->rates.end())
                rates = &it->second;
        }
        if (!rates) {
            missingFargate.insert(region + " " + platform);
            continue;
        }
        rates->commitments[rateKey] = FargateCommitmentRate{*p.vcpu, *p.gb};
        regions.insert(region);
        written += 2;
    }
    if (!missingFargate.empty())
        m_collector.warn(std::to_string(missingFargate.size())
                         + " Fargate platforms have Savings Plans rates in this file but no on-demand price in the sheet (first: "
                         + *missingFargate.begin()
                         + "); their rates are not taken: import the region's AmazonECS offer file first, in the same command");
    if (!incompleteFargate.empty())
        m_collector.warn(std::to_string(incompleteFargate.size())
                         + " Fargate Savings Plans have only one of their vCPU-hour and GB-hour rates in this file (first: "
                         + *incompleteFargate.begin() + "); not taken");

    std::set<std::string> missingLambda;
    for (const auto &[key, price] : m_lambda) {
        const auto &[region, architecture, rateKey] = key;
        if (!keepRegions.empty() && std::find(keepRegions.begin(), keepRegions.end(), region) == keepRegions.end())
            continue;
        const auto r = out.regions.find(region);
        LambdaArchitecturePrices *prices = nullptr;
        if (r != out.regions.end() && r->second.lambda) {
            const auto it = r->second.lambda->architectures.find(architecture);
            if (it != r->second.lambda->architectures.end())
                prices = &it->second;
        }
        if (!prices || !price) {
            missingLambda.insert(region + " " + architecture);
            continue;
        }
        prices->commitments[rateKey] = LambdaCommitmentRate{*price};
        regions.insert(region);
        ++written;
    }
    if (!missingLambda.empty())
        m_collector.warn(std::to_string(missingLambda.size())
                         + " Lambda architectures have Savings Plans rates in this file but no on-demand price in the sheet (first: "
                         + *missingLambda.begin()
                         + "); their rates are not taken: import the region's AWSLambda offer file first, in the same command");

    if (!missingTypes.empty())
        m_collector.warn(std::to_string(missingTypes.size())
                         + " instance types have commitment rates in this file but no Linux on-demand price in the sheet (first: "
                         + *missingTypes.begin()
                         + "); their rates are not taken: import the region's EC2 offer file first, in the same command");
    if (m_incompleteReserved > 0)
        m_collector.warn(std::to_string(m_incompleteReserved) + " Reserved offers lack their hourly fee or, with an upfront payment, their upfront fee; not taken");
    if (m_otherServiceRates > 0)
        m_collector.warn(std::to_string(m_otherServiceRates)
                         + " Savings Plans rates for Lambda provisioned concurrency, Windows or Spot Fargate, or other services are "
                           "not taken: the price sheet has commitment rates for EC2, Linux Fargate and Lambda duration only");
    if (m_unknownRegion > 0)
        m_collector.warn(std::to_string(m_unknownRegion)
                         + " Savings Plans rates whose region neither the file nor the usage type names; not taken");
    return written;
}

} // namespace Costscape::Pricing::AwsOffer
