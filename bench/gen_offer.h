// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

/**
 * A synthetic AWS EC2 regional bulk offer file (us-east-1), shaped like the real one: products with
 * the real attribute set and AWS's own spacing (`"key" : "value"`, two-space indents, `[ ]`),
 * terms.OnDemand with one dimension per sku and terms.Reserved with the twelve 1yr/3yr,
 * standard/convertible, No/Partial/All Upfront offers. The real file is too big to keep in the
 * repository and changes every week, so the import benchmark writes this one instead; it carries
 * the traps of the real data (Capacity Block rows at $0, capacity reservations, Dedicated and Host
 * tenancy, SQL Server and BYOL variants, other product families) so that a fast importer that
 * keeps the wrong rows is caught.
 */
namespace Costscape::Bench {

struct OfferGenOptions {
    /** The file stops taking products once this many bytes are planned; it ends a little above. */
    std::uint64_t targetBytes = 380'000'000;
    /** The LCG seed: the same seed and size give the same bytes on every machine. */
    std::uint64_t seed = 20260526;
};

/** What the generator wrote: what an importer must find again. */
struct OfferGenStats {
    std::uint64_t bytes = 0;
    std::uint64_t products = 0;        ///< every product, all families
    std::uint64_t computeProducts = 0; ///< productFamily "Compute Instance"
    std::uint64_t onDemandTerms = 0;
    std::uint64_t reservedTerms = 0;
    /**
     * Plain on-demand products: operatingSystem Linux or Windows, tenancy Shared, capacitystatus
     * Used, preInstalledSw NA, licenseModel "No License required", marketoption OnDemand. The
     * generator writes exactly one per instance type and OS, so this is also the number of
     * (type, OS) prices a correct import of the file takes.
     */
    std::uint64_t plainProducts = 0;
    std::uint64_t plainLinux = 0;
    std::uint64_t plainWindows = 0;
    /** Their hourly prices summed, in units of 1e-4 USD (the generator's prices have 4 decimals). */
    std::uint64_t plainPriceSum1e4 = 0;
};

/**
 * Writes the file to path (replacing it). Returns false with a message in error when the file
 * cannot be written; the partial file is removed.
 */
bool writeSyntheticEc2Offer(const std::string &path, const OfferGenOptions &options, OfferGenStats &stats,
                            std::string &error);

} // namespace Costscape::Bench
