// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the AWS offer importer (issue 16): the commitment rates an offer file carries, the
// Reserved terms of the EC2 offer and the rates of the Savings Plans offer (AWSComputeSavingsPlan,
// with its EC2 Instance Savings Plans), gathered while the scanners stream the file and written
// into the sheet's EC2 types ("commitments", docs/commitments.md) at its end.

#include "pricing/pricesheet.h"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace Costscape::Pricing::AwsOffer {

struct KeptProduct;
struct ProductInfo;
struct PriceDimension;
class Collector;

/** A Reserved term's termAttributes (bulk JSON, GetProducts) or columns (CSV), as written. */
struct ReservedTerm {
    std::string leaseContractLength; ///< "1yr", "3yr" (also "1 yr")
    std::string offeringClass;       ///< "standard", "convertible"
    std::string purchaseOption;      ///< "No Upfront", "Partial Upfront", "All Upfront"
};

/** One rate of a Savings Plan's terms.savingsPlan[].rates[]. */
struct PlanRate {
    std::string usageType;   ///< discountedUsageType: "BoxUsage:m5.large", "EUW1-BoxUsage:m5.large"
    std::string operation;   ///< discountedOperation: "RunInstances" is Linux/UNIX
    std::string serviceCode; ///< discountedServiceCode: "AmazonEC2", "AmazonECS", "AWSLambda"
    std::string currency;
    std::string price; ///< discountedRate.price as written
    std::string unit;  ///< "Hrs" for EC2 and Fargate usage, "Lambda-GB-Second", "Request"; "" when the file has none
};

/**
 * Commitment rates of one file. Reserved dimensions come with a kept EC2 product (Linux, shared
 * tenancy, as the on-demand prices are chosen); plan rates with a Savings Plan product that
 * classifyPlan() kept. finish() writes a rate only to an EC2 type the sheet (or this file) has
 * with its Linux on-demand price: a commitment is always weighed against that price.
 */
class CommitmentRates final
{
public:
    explicit CommitmentRates(Collector &collector) : m_collector(collector) {}

    /**
     * A product of a Savings Plans offer: productFamily "ComputeSavingsPlans" or
     * "EC2InstanceSavingsPlans", its term and payment from the usage type ("ComputeSP:1yrNoUpfront",
     * "EU-EC2SP:c1.3yrAllUpfront"). KeptProduct::key is the sheet's key of the rate
     * ("compute-savings-plan/1yr/no-upfront"); region is the EC2 Instance plan's location, "" for a
     * Compute plan (its rates hold for every region). False, and out untouched, for any other
     * product.
     */
    bool classifyPlan(const ProductInfo &product, KeptProduct &out) const;

    /** The region the whole file is for (a Savings Plans file's top-level regionCode). */
    void setFileRegion(const std::string &region) { m_fileRegion = region; }

    /** One price dimension of a Reserved term: "Quantity" is the upfront fee, "Hrs" the hourly fee. */
    void addReserved(const KeptProduct &ec2, const ReservedTerm &term, const PriceDimension &dimension, int line);
    /**
     * One rate of a kept Savings Plan; EC2 Linux shared-tenancy instance usage is taken, and the
     * Fargate Linux vCPU-hour and GB-hour rates (x86_64 and ARM; services AmazonECS and AmazonEKS).
     * A Fargate rate whose unit is not hours, or that contradicts one already read for the same
     * region, platform and plan, is skipped with a warning.
     */
    void addPlanRate(const KeptProduct &plan, const PlanRate &rate, int line);

    /**
     * Writes the gathered rates into out's EC2 types and Fargate platforms; adds the regions that
     * received one and returns how many rates were written; keepRegions (empty: all) limits the
     * regions. Rates for types or Fargate platforms out lacks the on-demand price of, Fargate plans
     * with only one of their two rates, and Lambda plan rates (the sheet has no place for them
     * yet), are counted in one warning each.
     */
    std::size_t finish(PriceSheet &out, std::set<std::string> &regions, const std::vector<std::string> &keepRegions);

    /** True when the file had a Savings Plan product (the summary then names the offer). */
    bool sawPlans() const { return m_sawPlans; }

private:
    struct Pending {
        std::optional<double> upfront;
        std::optional<double> hourly;
    };
    // (region, instance type, rate key)
    using Key = std::tuple<std::string, std::string, std::string>;

    std::string regionOfUsage(const std::string &usageType, const std::string &planRegion) const;

    Collector &m_collector;
    std::string m_fileRegion;
    std::map<Key, Pending> m_reserved;
    std::map<Key, double> m_plans;
    bool addFargateRate(const KeptProduct &plan, const PlanRate &rate, int line);
    bool addLambdaRate(const KeptProduct &plan, const PlanRate &rate, int line);
    /** The rate's price, or nothing after a located warning when it is not one a sheet accepts. */
    std::optional<double> acceptedPlanRate(const KeptProduct &plan, const PlanRate &rate, int line);
    // (region, Fargate platform "linux/x86_64", rate key) -> the vCPU-hour and GB-hour rates
    struct FargatePending {
        std::optional<double> vcpu;
        std::optional<double> gb;
    };
    std::map<Key, FargatePending> m_fargate;
    std::map<Key, std::optional<double>> m_lambda; ///< {region, architecture, rate key}: the duration's plan rate
    std::size_t m_fargateConflicts = 0;
    std::size_t m_otherServiceRates = 0;
    std::size_t m_unknownRegion = 0;
    std::size_t m_incompleteReserved = 0;
    mutable bool m_sawPlans = false;
};

} // namespace Costscape::Pricing::AwsOffer
