// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"
#include "models/platforms/platformmodel.h"

#include <string>
#include <vector>

namespace Costscape::Models {

/** Bytes in a GB as AWS bills data transfer, logs and volumes (2^30: its tiers end at 10,240 GB for 10 TB). */
inline constexpr double BytesPerGb = 1073741824.0;

/**
 * The ALB capacity-unit dimensions (AWS Elastic Load Balancing pricing page, as transcribed in
 * api-evangelist/amazon-elastic-load-balancing, read 2026-09-20): an LCU is 25 new connections per
 * second, 3,000 active connections per minute, 1 GB processed per hour (0.4 GB for Lambda
 * targets), or 1,000 rule evaluations per second (the first 10 rules of a request are free); an
 * hour is billed at the largest of the four.
 */
struct LcuDimensions {
    double newConnectionsPerSecond = 0;
    double activeConnections = 0;
    double processedGbPerHour = 0;
    double ruleEvaluationsPerSecond = 0;
    bool lambdaTargets = false;
};
/** The LCUs one hour uses: the largest of the four dimensions, each over its LCU allowance. */
double lcuForHour(const LcuDimensions &d);

/**
 * Adds the parts around the compute to a priced option, each a line item (quantity, unit price,
 * cost) named "front door: ...", "NAT gateway: ...", "public IPv4", "data transfer out", "logs:
 * ...", "root volumes", and spreads their cost over the option's hourly costs. A part the scenario
 * does not describe goes to `leftOut` (plainly, with what to add); a part whose price the sheet lacks
 * in the region is not priced, gets a warning naming the offer to import, and goes to `leftOut` too.
 * Never throws; touches neither the compute's line items nor an option that is not priced.
 */
void addBillParts(const OptionContext &context, OptionResult &result, std::vector<std::string> &leftOut);

} // namespace Costscape::Models
