// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bench/gen_offer.h"

#include <cstdint>
#include <string>

/**
 * A synthetic bulk offer file of the services around the compute (issue 15), shaped like AWS's
 * AWSDataTransfer offer (its largest: a product for every pair of regions and transfer type) with
 * the rows of AmazonApiGateway, AWSELB, AmazonCloudWatch, AmazonVPC and the NAT and EBS rows of
 * AmazonEC2 beside it, each product naming its own servicecode. For each of 30 regions it writes
 * the thirteen parts the importer takes (HTTP and REST API request tiers, the ALB hour and
 * LCU-hour, the NAT hour and GB, public IPv4, the data-transfer-out tiers, log ingestion, storage
 * and the vended-log tiers, gp3 and gp2 volumes) and, up to the target size, decoys that share their usage type names or
 * families: inter-region transfer, Classic and Network Load Balancers, Outposts hours, WebSocket
 * messages, the Infrequent Access log class, other volume types.
 */
namespace Costscape::Bench {

struct ServicesGenStats {
    std::uint64_t bytes = 0;
    std::uint64_t products = 0;
    std::uint64_t regions = 0;
    /** The parts a correct import takes: regions x 13 (AwsImportSummary::servicePrices). */
    std::uint64_t parts = 0;
    /** The sum, over regions, of the ALB hour, NAT hour and public IPv4 prices, in 1e-4 USD. */
    std::uint64_t hourlySum1e4 = 0;
};

/** Writes the file to path (replacing it); false with a message, and no file, when it cannot. */
bool writeSyntheticServicesOffer(const std::string &path, const OfferGenOptions &options, ServicesGenStats &stats,
                                 std::string &error);

} // namespace Costscape::Bench
