// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricing/pricesheet.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

/**
 * AWS Price List offer files into native price sheets.
 *
 * AWS publishes one offer file per service and region (and one for all regions): bulk JSON
 * (`formatVersion`, `products`, `terms`), the same as CSV (metadata rows, a header, one row per
 * price dimension), and the Pricing API's GetProducts items (`product`, `terms`). Costscape reads
 * AmazonEC2, AWSLambda and AmazonECS (Fargate) from any of the three, streaming: memory holds what
 * is kept (the prices of the sheet), never the file.
 */
namespace Costscape::Pricing {

/** What one import read, for the summary shown to the user. */
struct AwsImportSummary {
    std::string offerCode;       ///< "AmazonEC2", "AWSLambda", "AmazonECS"
    std::string format;          ///< "json", "csv" or "getproducts"
    std::string publicationDate; ///< as the file states it, "" when it does not
    std::string version;         ///< the offer's version, "" when the file does not say
    std::string currency;        ///< of the prices taken ("USD", "CNY")
    std::uint64_t bytes = 0;     ///< bytes read
    std::size_t products = 0;    ///< products in the file
    std::size_t prices = 0;      ///< prices taken into the sheet
    std::vector<std::string> regions; ///< regions that received prices, sorted
    std::size_t ec2Types = 0;    ///< instance-type prices (type x OS x region) taken
    std::size_t servicePrices = 0;   ///< prices of the services around the compute (front door, NAT, logs, ...) taken
    std::size_t commitmentRates = 0; ///< Reserved and Savings Plans rates (type x rate key x region) taken
};

struct AwsImportOptions {
    /** Region codes to keep ("us-east-1"); empty keeps every region of the file. */
    std::vector<std::string> regions;
    /**
     * Called now and then with the bytes read and the file's size (about every 4 MB); return
     * false to cancel. Called on the importing thread.
     */
    std::function<bool(std::uint64_t done, std::uint64_t total)> progress;
};

/**
 * Imports one offer file (bulk JSON, bulk CSV or GetProducts JSON, told apart by content) and
 * adds its prices to sheet. What is taken:
 * - EC2: plain on-demand compute: operatingSystem Linux or Windows, tenancy Shared, preInstalledSw
 *   NA, capacitystatus Used, licenseModel "No License required" for Linux, marketoption OnDemand
 *   (never the $0 Capacity Block rows); vCPU and memory from the attributes; one price per type
 *   and OS.
 * - Lambda: the request price, the duration tiers (beginRange/endRange) per architecture, the
 *   provisioned concurrency rates, ephemeral storage and the free tier.
 * - Fargate: vCPU and GB rates for Linux x86_64 and arm64, Windows with its licence fee, and
 *   ephemeral storage.
 * - Commitments (issue 16), into the EC2 types' "commitments": the Reserved terms of the EC2 offer
 *   (standard and convertible, 1 and 3 years, each payment: upfront fee and hourly fee) of the
 *   products taken above, Linux only; and the Savings Plans offer (AWSComputeSavingsPlan JSON:
 *   products[] plus terms.savingsPlan[].rates[]), its Compute and EC2 Instance plans' rates for
 *   Linux shared-tenancy instances. A rate is written only to a type whose Linux on-demand price
 *   the sheet already has (or this file brings): import the EC2 offer before the plans. Fargate
 *   and Lambda plan rates are counted in a warning, not taken.
 * The region comes from regionCode or, in older files, location. A file in another currency
 * than the sheet already holds is an error (a CNY file is never mixed with USD); an empty sheet
 * takes the file's currency. A malformed CSV row is a warning with its line and is skipped,
 * never priced at 0. On any error (unreadable file, malformed JSON with its line and column, a
 * currency clash, ErrorCode::Cancelled) sheet is left exactly as it was.
 */
Result<AwsImportSummary> importAwsOffer(const std::string &path, PriceSheet &sheet, const AwsImportOptions &options = {});
/** The same for a file already in memory; fileName labels messages. */
Result<AwsImportSummary> importAwsOfferText(std::string_view text, const std::string &fileName, PriceSheet &sheet,
                                            const AwsImportOptions &options = {});

/** Writes a native price sheet (FORMATS.md section 2) that parsePriceSheet reads back equal. */
std::string serializePriceSheet(const PriceSheet &sheet);

} // namespace Costscape::Pricing
