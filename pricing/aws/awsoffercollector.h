// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the AWS offer importer (awsoffer.cpp, its scanners in offerscanner.h,
// awsoffercollector.cpp): not installed, not for other modules. Tests include it only to shrink
// the read buffer.

#include "pricing/aws/awsoffer.h"
#include "pricing/aws/awsoffercommitments.h"
#include "pricing/aws/awsofferservices.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Costscape::Pricing::AwsOffer {

/**
 * Sets the read buffer size of later imports (default 4 MiB; at least 16 bytes). For tests: chunk
 * boundaries are where streaming readers break. Not thread-safe; not for production code.
 */
void setChunkSizeForTesting(std::size_t bytes);
std::size_t chunkSize();

/** The product attributes the mapping reads; every other attribute is skipped unread. */
enum class Attr {
    InstanceType,
    OperatingSystem,
    Tenancy,
    PreInstalledSw,
    CapacityStatus,
    LicenseModel,
    MarketOption,
    Vcpu,
    Memory,
    UsageType,
    Operation,
    Group,
    RegionCode,
    Location,
    LocationType,
    ServiceCode,
    TransferType,   ///< AWSDataTransfer: "AWS Outbound"
    FromLocation,   ///< AWSDataTransfer, older EC2 files: the region the bytes leave
    FromRegionCode,
    ToLocation,     ///< "External" for the internet
    Count
};
constexpr std::size_t AttrCount = static_cast<std::size_t>(Attr::Count);

/**
 * The attribute a JSON attribute key ("instanceType") or CSV column ("Instance Type") names, or
 * Attr::Count when it is not one the mapping reads. Case, spaces and punctuation are ignored, so
 * "usageType", "usagetype" and "Market Option"/"MarketOption" all match.
 */
Attr attrFromName(std::string_view name);

/** One product of an offer file, reduced to what the mapping reads. */
struct ProductInfo {
    std::string sku;
    std::string family;
    std::array<std::string, AttrCount> attrs;

    const std::string &operator[](Attr a) const { return attrs[static_cast<std::size_t>(a)]; }
    std::string &operator[](Attr a) { return attrs[static_cast<std::size_t>(a)]; }
    void clear();
};

/** One price dimension of an OnDemand term. */
struct PriceDimension {
    std::string unit;
    std::string beginRange;
    std::string endRange;
    std::string currency;
    std::string price; ///< as written, parsed by the collector
};

/** What a kept product is, decided once when the product is read. */
struct KeptProduct {
    enum class Kind {
        Ec2,
        LambdaRequests,
        LambdaDuration,
        LambdaProvisioned,
        LambdaProvisionedDuration,
        LambdaEphemeral,
        LambdaFreeRequests,
        LambdaFreeGbSeconds,
        FargateVcpu,
        FargateGb,
        FargateOsLicense,
        FargateEphemeral,
        Service,     ///< a part of the bill around the compute (awsofferservices.h); key names the part
        SavingsPlan, ///< a plan of a Savings Plans offer (awsoffercommitments.h); key is the sheet's rate key
    };
    Kind kind = Kind::Ec2;
    std::string sku;
    std::string region;    ///< "" for the global Lambda free tier
    std::string key;       ///< EC2 instance type, Lambda architecture, Fargate platform key
    std::string os;        ///< EC2 "linux"/"windows"
    std::string operation; ///< EC2, to choose between duplicates
    double vcpu = 0;
    double memoryGib = 0;
};

/** Thrown inside the importer and turned into a Result at its top; never escapes the API. */
struct ImportFailure {
    Error error;
    std::uint64_t offset = 0; ///< byte offset in the file for line/column, or UINT64_MAX when not known
};

/**
 * The mapping from AWS products and price dimensions into a price sheet, shared by the JSON,
 * CSV and GetProducts readers. It decides per product whether it is kept (classify), takes prices
 * for kept products (addPrice) and writes them into a copy of the sheet at the end (finish).
 */
class Collector final
{
public:
    Collector(const PriceSheet &sheet, const AwsImportOptions &options, std::string fileName);

    /** The offer code of the file (top-level offerCode, or serviceCode of the rows). */
    void setOfferCode(const std::string &code) { if (m_offerCode.empty()) m_offerCode = code; }
    const std::string &offerCode() const { return m_offerCode; }

    /** What product is, or nullopt when no price of it is wanted. */
    std::optional<KeptProduct> classify(const ProductInfo &product) const;
    /** Takes one OnDemand price of a kept product. line labels warnings (0 when not known). */
    void addPrice(const KeptProduct &product, const PriceDimension &dimension, int line);

    /** Builds the updated sheet; throws ImportFailure on a currency clash. */
    PriceSheet finish(AwsImportSummary &summary);

    std::vector<Error> &warnings() { return m_warnings; }
    void warn(std::string message, int line = 0);

    /** Reserved terms and Savings Plans rates of the file (issue 16). */
    CommitmentRates &commitments() { return m_commitments; }

private:
    struct Ec2Candidate {
        double price = 0;
        double vcpu = 0;
        double memoryGib = 0;
        std::string operation;
        std::string sku;
    };
    struct LambdaTier {
        double begin = 0;
        double end = 0; ///< infinity for "Inf"
        double price = 0;
    };
    struct LambdaArch {
        std::optional<double> requests;
        std::vector<LambdaTier> tiers;
        std::optional<double> provisioned;
        std::optional<double> provisionedDuration;
    };
    struct LambdaRegion {
        std::map<std::string, LambdaArch> archs;
        std::optional<double> ephemeral;
    };
    struct FargatePlatform {
        std::optional<double> vcpu;
        std::optional<double> gb;
        std::optional<double> os;
    };
    struct FargateRegion {
        std::map<std::string, FargatePlatform> platforms;
        std::optional<double> ephemeral;
    };

    void checkCurrency(const std::string &currency);

    const PriceSheet &m_sheet;
    const AwsImportOptions &m_options;
    std::string m_fileName;
    std::string m_offerCode;
    std::string m_currency;
    std::vector<Error> m_warnings;
    std::size_t m_prices = 0;
    static constexpr std::size_t MaxDuplicateWarnings = 20;
    std::size_t m_duplicates = 0;
    // region -> "type/os" -> candidate
    std::map<std::string, std::map<std::pair<std::string, std::string>, Ec2Candidate>> m_ec2;
    std::map<std::string, LambdaRegion> m_lambda;
    std::map<std::string, FargateRegion> m_fargate;
    std::optional<double> m_freeRequests;
    std::optional<double> m_freeGbSeconds;
    CommitmentRates m_commitments{*this};
    ServiceRates m_services{*this};
};

/** The region code of an AWS location name ("US East (N. Virginia)"), "" when it is no region. */
std::string regionFromLocation(std::string_view location);

/** Parses an AWS decimal ("0.0960000000", "1,024", "Inf"); nullopt when it is not a number. */
std::optional<double> parseAwsNumber(std::string_view text);

/** The shortest text that reads back as v ("0.0225"), for messages. */
std::string formatPrice(double v);

/**
 * v rounded to `digits` significant digits: a per-request price scaled to per million reads
 * 0.000001 x 1e6 = 0.9999999999999999 in binary, and the files carry at most 12 digits.
 */
double roundToSignificant(double v, int digits);

/** True when `keep` (the import's --region list; empty keeps all) has region. */
bool keepsRegion(const std::vector<std::string> &keep, const std::string &region);

} // namespace Costscape::Pricing::AwsOffer
