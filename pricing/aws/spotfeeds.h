// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricing/pricesheet.h"
#include "base/result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace Costscape::Pricing {

/** How averageSpotPrices() turns a spot price history into one hourly price. */
struct SpotHistoryOptions {
    /** One zone ("us-east-1a"), or "" for the mean of the per-zone averages across every zone. */
    std::string availabilityZone;
    /** Length of the window in days; used only with endTime. Must be at least 1. */
    int days = 30;
    /**
     * ISO 8601 end of the window ("2021-02-09T00:00:00Z"). "" does what
     * aws/amazon-ec2-instance-selector does: the file is taken to be the API's answer for the last
     * `days` days, so every record in it counts and the window runs from the oldest to the newest
     * record (the newest record itself gets no weight).
     */
    std::string endTime;
    /**
     * Only records with this ProductDescription count; " (Amazon VPC)" is ignored on both sides
     * (EC2-Classic is retired, so the two name the same prices). "" takes every description that
     * maps to an operating system the sheet knows ("Linux/UNIX…" → linux, "Windows…" → windows).
     */
    std::string productDescription = "Linux/UNIX";
};

/** The time-weighted average spot price of one instance type and operating system. */
struct SpotAverage {
    std::string instanceType;
    std::string os;               ///< "linux" or "windows"
    std::string availabilityZone; ///< the zone asked for, "" for the across-zones mean
    double hourly = 0;            ///< USD per hour
    std::size_t records = 0;      ///< how many price records went into the average
};

/**
 * Averages an EC2 DescribeSpotPriceHistory JSON response (`{"SpotPriceHistory": [...],
 * "NextToken"?}`) per instance type and operating system, sorted by type then OS.
 *
 * Prices are weighted by how long each one was in effect. With options.endTime empty the result
 * equals amazon-ec2-instance-selector's (see spotfeeds.cpp for the formula and its source). With
 * an endTime the window is [endTime - days, endTime]: records after it are ignored, the last record
 * at or before its start is the price in effect at the start, and the newest record holds until
 * endTime. Across zones the result is the mean of the zones' own averages (each zone is its own
 * market; interleaving their records would end one zone's price at another zone's change).
 *
 * Fails, with file, line and column, on malformed JSON, a root that is not an object with a
 * "SpotPriceHistory" array (WrongFormat), a record lacking a field (MissingField, naming it:
 * `SpotPriceHistory[12].SpotPrice: expected a price`), a price that is not a non-negative number
 * (WrongType/OutOfRange), a bad Timestamp (WrongType), and with MissingPrice naming the type and
 * zone when a type in the file has no record in the window or zone asked for. A bad
 * options.endTime or days fails with OutOfRange and no line. A "NextToken" (the file is one page
 * of several) and descriptions no OS maps to are warnings. fileName only labels messages.
 */
Result<std::vector<SpotAverage>> averageSpotPrices(std::string_view json, const std::string &fileName,
                                                   const SpotHistoryOptions &options);

/**
 * Reads a DescribeSpotPriceHistory response from path, averages it as averageSpotPrices() does and
 * sets Ec2InstanceType::spotHourly[os] for every type the sheet has in region. Returns how many
 * prices were set; a type the region lacks is a warning. Fails (FileNotFound, the errors of
 * averageSpotPrices(), UnknownValue when the sheet has no such region or a record's zone or
 * options.availabilityZone is not in region) and then leaves the sheet unchanged.
 */
Result<std::size_t> applySpotHistory(const std::string &path, PriceSheet &sheet, const std::string &region,
                                     const SpotHistoryOptions &options);
/**
 * As above, on a response already read into @p json (a window reads the file itself, to report
 * progress and to be cancelled); @p fileName only labels messages. FileNotFound cannot happen.
 */
Result<std::size_t> applySpotHistory(std::string_view json, const std::string &fileName, PriceSheet &sheet,
                                     const std::string &region, const SpotHistoryOptions &options);

/**
 * Applies the Spot Instance Advisor feed (https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json:
 * `{"ranges": [{"index", "label"}...], "spot_advisor": {region: {"Linux": {type: {"s", "r"}}}}}`)
 * to the sheet: for every type a region of the sheet has, sets `interruption` to the band of range
 * r (normalised to `<5%`, `5-10%`, `10-15%`, `15-20%`, `>20%`) and `spotAdvisorSavingsPercent` to
 * s, both from the Linux entry. regions limits the work to those regions (empty: every region of
 * the sheet). Returns how many instance types were updated.
 *
 * A sheet region or type the feed lacks is a warning. Fails, with file, line and column, on
 * malformed JSON, a missing or mistyped "ranges"/"spot_advisor" (MissingField/WrongType), a
 * range label that is none of the five bands or an r that names no range (UnknownValue), an s
 * outside 0-100 (OutOfRange), and with UnknownValue (no line) when regions names a region the
 * sheet does not have. On failure the sheet is unchanged.
 */
Result<std::size_t> applySpotAdvisor(std::string_view json, const std::string &fileName, PriceSheet &sheet,
                                     const std::vector<std::string> &regions = {});

} // namespace Costscape::Pricing
