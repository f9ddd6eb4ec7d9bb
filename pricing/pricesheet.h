// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "pricing/serviceprices.h"

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Costscape::Pricing {

/** The largest unit price (USD per hour, GB-second, request...) a sheet accepts; the reader refuses
 *  more, and so must anything that writes a sheet (import-aws), or it writes a sheet that does not load. */
inline constexpr double MaxUnitPriceUsd = 1e5;
/** The largest upfront fee of a commitment rate a sheet accepts. */
inline constexpr double MaxUpfrontUsd = 1e8;

/** One band of a tiered price: applies to cumulative monthly usage up to upTo (the last band has no end). */
struct PriceTier {
    double upTo = std::numeric_limits<double>::infinity();
    double price = 0;
};

/**
 * A Compute Savings Plan's rate for Lambda's on-demand duration (issue 16): what the plan spends
 * per GB-second it covers (AWSComputeSavingsPlan offer file, Lambda-GB-Second and
 * Lambda-GB-Second-ARM). Provisioned concurrency has no plan rate here yet.
 */
struct LambdaCommitmentRate {
    double gbSecond = 0;

    bool operator==(const LambdaCommitmentRate &) const = default;
};

/** Lambda prices for one architecture (x86_64 or arm64) in one region. */
struct LambdaArchitecturePrices {
    double requestPerMillion = 0;
    std::vector<PriceTier> gbSecond;                   ///< on-demand duration tiers, ordered
    std::optional<double> provisionedGbSecond;         ///< provisioned concurrency, per GB-s enabled
    std::optional<double> provisionedDurationGbSecond; ///< duration of requests run on provisioned environments
    /** Compute Savings Plans rates by commitmentRateKey() ("compute-savings-plan/1yr/no-upfront"); empty when the sheet has none. */
    std::map<std::string, LambdaCommitmentRate> commitments;
};

struct LambdaFreeTier {
    double requests = 0;
    double gbSeconds = 0;
};

/**
 * Lambda Managed Instances: the instances are billed at the region's EC2 on-demand rates, plus a
 * management fee on those instance-hours, plus a price per request; no duration charge.
 */
struct LambdaManagedPrices {
    double requestPerMillion = 0;
    /** The management fee as a share of the instance's EC2 on-demand price (0.15 = 15%). */
    std::optional<double> managementFeeOfOnDemand;
    /** The management fee per instance-hour by instance type, where an offer file lists it (wins over the share). */
    std::map<std::string, double> managementHourly;
};

struct LambdaPrices {
    std::map<std::string, LambdaArchitecturePrices> architectures; ///< "x86_64", "arm64"
    std::optional<LambdaManagedPrices> managedInstances;            ///< Lambda Managed Instances
    std::optional<double> ephemeralGbSecond;                       ///< storage above the included 512 MB
    std::optional<LambdaFreeTier> freeTier;
};

/**
 * A Compute Savings Plan's rates for one Fargate platform (issue 16): what the plan spends per
 * vCPU-hour and per GB-hour of the usage it covers (AWSComputeSavingsPlan offer file,
 * Fargate-vCPU-Hours:perCPU / Fargate-GB-Hours and their ARM usage types).
 */
struct FargateCommitmentRate {
    double vcpuHour = 0;
    double gbHour = 0;

    bool operator==(const FargateCommitmentRate &) const = default;
};

struct FargateRates {
    double vcpuHour = 0;
    double gbHour = 0;
    std::optional<double> osLicenseVcpuHour; ///< Windows licence, per vCPU-hour
    /**
     * Compute Savings Plans rates by commitmentRateKey() ("compute-savings-plan/1yr/no-upfront"),
     * on "linux/x86_64" and "linux/arm64" only; empty when the sheet has none.
     */
    std::map<std::string, FargateCommitmentRate> commitments;
};

struct FargatePrices {
    /** Keyed "linux/x86_64", "linux/arm64", "windows/x86_64" and "spot/linux/x86_64". */
    std::map<std::string, FargateRates> rates;
    std::optional<double> ephemeralGbHour; ///< storage above the included 20 GB
};

/**
 * Amazon EKS: the cluster's control plane, per cluster-hour, under standard support and (for a
 * Kubernetes version past its 14 months of standard support) under extended support.
 */
struct EksPrices {
    double clusterHour = 0;                         ///< standard support
    std::optional<double> extendedSupportClusterHour; ///< the total per hour in extended support
};

/**
 * A commitment's price for one instance type (Linux, shared tenancy): for a Reserved Instance the
 * one-time fee per instance and the recurring fee per instance-hour; for a Savings Plan the plan's
 * rate per instance-hour (upfront is 0: the commitment, not the rate, is what is paid upfront).
 */
struct CommitmentRate {
    double upfront = 0;
    double hourly = 0;

    bool operator==(const CommitmentRate &) const = default;
};

/**
 * The sheet key of a commitment rate: "reserved-instance/standard/1yr/no-upfront",
 * "compute-savings-plan/3yr/all-upfront", "ec2-instance-savings-plan/1yr/partial-upfront".
 * offering is "standard" or "convertible" for reservations and ignored for plans.
 */
std::string commitmentRateKey(const std::string &kind, const std::string &offering, int termYears, const std::string &payment);

struct Ec2InstanceType {
    std::string name;
    double vcpu = 0;
    double memoryGib = 0;
    std::map<std::string, double> onDemandHourly; ///< by OS: "linux", "windows"
    std::map<std::string, double> spotHourly;     ///< by OS
    std::string interruption;                     ///< Spot Instance Advisor band, "" when unknown
    std::optional<double> spotAdvisorSavingsPercent;
    /** Commitment rates for Linux by commitmentRateKey(); empty when the sheet has none. */
    std::map<std::string, CommitmentRate> commitments;

    /** Burstable types (t2, t3, t3a, t4g) sustain only a fraction of their vCPUs. */
    bool isBurstable() const { return name.size() > 1 && name[0] == 't' && name[1] >= '0' && name[1] <= '9'; }
    /** The family before the dot: "m5" for "m5.large". */
    std::string family() const { return name.substr(0, name.find('.')); }
};

struct RegionPrices {
    std::string code;
    std::optional<LambdaPrices> lambda;
    std::optional<FargatePrices> fargate;
    std::map<std::string, Ec2InstanceType> ec2;
    /** The services around the compute (front door, network, logs, volumes); see serviceprices.h. */
    ServicePrices services;
    std::optional<EksPrices> eks; ///< Amazon EKS control plane
};

/** Where a sheet's prices come from; it travels into every result and report. */
struct Provenance {
    std::string name;
    std::string source;
    std::string retrieved;
    std::string currency = "USD";
    std::string file; ///< the file it was loaded from, or "embedded"
};

/**
 * A price sheet (FORMATS.md section 2): list prices per region, with their provenance. It answers
 * lookups and never computes a bill. Every lookup returns nullptr / nullopt when the sheet has no
 * such price: callers must report that, never price it at zero.
 */
class PriceSheet final
{
public:
    Provenance provenance;
    std::map<std::string, RegionPrices> regions;

    const RegionPrices *region(const std::string &code) const;
    const LambdaPrices *lambda(const std::string &region) const;
    const LambdaArchitecturePrices *lambda(const std::string &region, const std::string &architecture) const;
    const FargatePrices *fargate(const std::string &region) const;
    /** os "linux"/"windows", architecture "x86_64"/"arm64"; spot selects "spot/<os>/<arch>". */
    const FargateRates *fargate(const std::string &region, const std::string &os, const std::string &architecture,
                                bool spot = false) const;
    const Ec2InstanceType *ec2(const std::string &region, const std::string &instanceType) const;
    std::optional<double> ec2OnDemandHourly(const std::string &region, const std::string &instanceType,
                                            const std::string &os) const;
    std::optional<double> ec2SpotHourly(const std::string &region, const std::string &instanceType,
                                        const std::string &os) const;

    std::vector<std::string> regionCodes() const;
};

/** Parses a native price sheet. fileName labels messages. Never throws. */
Result<PriceSheet> parsePriceSheet(std::string_view text, const std::string &fileName);
/** Loads a native price sheet from disk. FileNotFound when it cannot be read. */
Result<PriceSheet> loadPriceSheet(const std::string &path);
/** The sheet compiled into the program (pricing/data/aws-default.prices.json). */
const PriceSheet &embeddedPriceSheet();
/** The embedded sheet's JSON text, for "save a copy" and tests. */
std::string_view embeddedPriceSheetText();

} // namespace Costscape::Pricing
