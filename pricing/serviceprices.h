// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Costscape::Pricing {

/**
 * One band of a usage-tiered price (API Gateway requests, data transfer out, vended logs). Bands
 * are ordered; `upTo` is the cumulative monthly usage where the band ends. Unlike Lambda's tiers,
 * the last band may end: usage beyond it has no price in the sheet (see tieredCost).
 */
struct UsageTier {
    double upTo = std::numeric_limits<double>::infinity();
    double price = 0;
};

/** What tieredCost found: the cost of the usage the bands cover, and the usage beyond them. */
struct TieredCost {
    double cost = 0;
    double unpriced = 0; ///< usage beyond the last band's end; 0 when the last band is open-ended
};

/** Prices `usage` (cumulative from 0 in the month) through the bands. Never throws. */
TieredCost tieredCost(const std::vector<UsageTier> &tiers, double usage);

/**
 * The services around the compute in one region (issue 15): the front door, the network, logs and
 * volumes. Each price is optional: a sheet without it cannot price that part, and the bill says so
 * (the caller must never price a missing price at zero).
 */
struct ServicePrices {
    std::vector<UsageTier> apiGatewayHttpPerMillion; ///< upTo in requests; empty when unknown
    std::vector<UsageTier> apiGatewayRestPerMillion;
    std::optional<double> albHourly;
    std::optional<double> albLcuHourly;
    std::optional<double> natGatewayHourly;
    std::optional<double> natGatewayPerGb;
    std::optional<double> publicIpv4Hourly;
    std::optional<double> dataTransferOutFreeGb;      ///< the monthly allowance (account-wide)
    std::vector<UsageTier> dataTransferOutPerGb;      ///< upTo in GB beyond the allowance
    std::optional<double> logsIngestionPerGb;         ///< standard log class, custom logs
    std::vector<UsageTier> logsLambdaIngestionPerGb;  ///< Lambda's vended-log tiers (since 2025-05-01)
    std::optional<double> logsStoragePerGbMonth;
    std::map<std::string, double> ebsGbMonth;         ///< by volume type: "gp3", "gp2"

    bool empty() const;
};

} // namespace Costscape::Pricing
