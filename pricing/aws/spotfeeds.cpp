// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/aws/spotfeeds.h"

#include "base/jsondocument.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace Costscape::Pricing {

namespace {

using Json = JsonDocument::Json;
using Pointer = JsonDocument::Pointer;

constexpr std::int64_t NanosPerSecond = 1'000'000'000;
constexpr std::int64_t NanosPerMinute = 60 * NanosPerSecond;
constexpr std::int64_t NanosPerDay = 24 * 60 * NanosPerMinute;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view s, std::size_t pos, std::size_t count, int &out)
{
    if (pos + count > s.size())
        return false;
    out = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

/**
 * Nanoseconds since the Unix epoch of an ISO 8601 date-time with an explicit offset, as EC2 writes
 * it ("2021-02-08T23:58:38+00:00", "2021-02-08T23:58:38.000Z"). A time without an offset is
 * refused: reading it as local time would shift a window by hours depending on the machine.
 */
std::optional<std::int64_t> parseIsoTime(std::string_view s)
{
    int year, month, day, hour, minute, second;
    if (!digits(s, 0, 4, year) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-'
        || !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != 't') || !digits(s, 11, 2, hour) || s[13] != ':'
        || !digits(s, 14, 2, minute) || s[16] != ':' || !digits(s, 17, 2, second))
        return std::nullopt;
    static constexpr int monthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 || day > monthDays[month - 1] || (month == 2 && day == 29 && !leap)
        || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    std::size_t pos = 19;
    std::int64_t fraction = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        const std::size_t first = pos;
        std::int64_t scale = NanosPerSecond;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (scale > 1) {
                scale /= 10;
                fraction += (s[pos] - '0') * scale;
            }
            ++pos;
        }
        if (pos == first)
            return std::nullopt;
    }
    if (pos >= s.size())
        return std::nullopt;
    std::int64_t offsetMinutes = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos] == '-' ? -1 : 1;
        int oh, om = 0;
        if (!digits(s, pos + 1, 2, oh))
            return std::nullopt;
        pos += 3;
        if (pos < s.size() && s[pos] == ':')
            ++pos;
        if (pos < s.size()) {
            if (!digits(s, pos, 2, om))
                return std::nullopt;
            pos += 2;
        }
        if (oh > 23 || om > 59)
            return std::nullopt;
        offsetMinutes = sign * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;
    // Nanoseconds since 1970 in 64 bits reach the years 1678 to 2262; a feed's timestamp outside
    // them is not a date AWS wrote (the fuzzer's year 4042 overflowed the product below).
    if (year < 1678 || year > 2261)
        return std::nullopt;
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
    return seconds * NanosPerSecond + fraction;
}

// Go's time.Duration.Minutes(), bit for bit, so that the upstream figure comes out identical:
// whole minutes plus the remainder in nanoseconds divided by 60e9.
double goMinutes(std::int64_t nanos)
{
    const std::int64_t whole = nanos / NanosPerMinute;
    const std::int64_t rest = nanos % NanosPerMinute;
    return static_cast<double>(whole) + static_cast<double>(rest) / 60e9;
}

std::string stripVpcSuffix(std::string_view description)
{
    constexpr std::string_view suffix = " (Amazon VPC)";
    if (description.size() >= suffix.size() && description.substr(description.size() - suffix.size()) == suffix)
        description.remove_suffix(suffix.size());
    return std::string(description);
}

// The sheet's OS keys are "linux" and "windows"; SUSE, Red Hat and the like have prices of their
// own that the sheet has no place for, so they map to nothing.
std::string osOf(const std::string &description)
{
    const std::string d = stripVpcSuffix(description);
    if (d == "Linux/UNIX")
        return "linux";
    if (d == "Windows")
        return "windows";
    return {};
}

struct Record {
    std::size_t index = 0;
    std::string zone;
    double price = 0;
    std::int64_t time = 0;
};

struct Series {
    std::string type;
    std::string os;
    std::size_t firstIndex = 0;                     ///< where the type first appears, for messages
    std::map<std::string, std::vector<Record>> zones; ///< records by zone, in file order
};

struct ZoneAverage {
    double hourly = 0;
    std::size_t records = 0;
};

/*
 * Upstream: aws/amazon-ec2-instance-selector, pkg/ec2pricing/spotpricing.go,
 * SpotPricing.calculateSpotAggregate (commit 421e97631c8e28a0005c54497b0bb38515f56a79; the same
 * arithmetic was in pkg/ec2pricing/ec2pricing.go before the v2 SDK move, whose test
 * pkg/ec2pricing/ec2pricing_test.go@0f9c9a40fe1e09c893c8f2e5bf67663e1a1416a7
 * TestGetSpotInstanceTypeNDayAvgCost expects 0.041486231229302666 for m5.large in us-east-1a).
 * The window is only the [now - days, now] passed to the API; the mock returns the whole file, so
 * the computation itself never clips. With the records of one zone sorted newest first
 * (t_0 > t_1 > ... > t_{n-1}), prices p_i and durations in Go minutes:
 *
 *     average = sum_{i=0}^{n-1} (t_{max(i-1,0)} - t_i) * p_i  /  (t_0 - t_{n-1})
 *
 * so each price counts from its own timestamp until the next newer record, the oldest record
 * counts from its own timestamp (not from the window start), the newest record gets no weight
 * (the window ends at it, not at "now"), and one record alone is its own price. The sum runs in
 * that order so the double result matches Go's to the last bit.
 */
ZoneAverage upstreamAverage(std::vector<Record> records)
{
    if (records.size() == 1)
        return {records.front().price, 1};
    // Stable, so that records with the same timestamp keep file order (Go's sort.Slice does not
    // promise any order for them; only which of the tied records gets the weight depends on it).
    std::stable_sort(records.begin(), records.end(), [](const Record &a, const Record &b) { return a.time > b.time; });
    const double total = goMinutes(records.front().time - records.back().time);
    if (total == 0) {
        // Upstream divides 0 by 0 here; every record was set at the same instant, so their mean is
        // the only defensible figure.
        double sum = 0;
        for (const Record &r : records)
            sum += r.price;
        return {sum / static_cast<double>(records.size()), records.size()};
    }
    double priceSum = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const double duration = goMinutes(records[i == 0 ? 0 : i - 1].time - records[i].time);
        priceSum += duration * records[i].price;
    }
    return {priceSum / total, records.size()};
}

/*
 * A true time-weighted mean over [start, end]: the last record at or before start is the price in
 * effect when the window opens (DescribeSpotPriceHistory returns it for that reason), each later
 * record holds until the next one, the newest until end. Without a record at or before start the
 * price before the first record is unknown, so the window opens at the first record instead of
 * guessing. Records after end are ignored. Nothing at or before end: no average.
 */
std::optional<ZoneAverage> windowAverage(std::vector<Record> records, std::int64_t start, std::int64_t end)
{
    std::stable_sort(records.begin(), records.end(), [](const Record &a, const Record &b) { return a.time < b.time; });
    std::erase_if(records, [end](const Record &r) { return r.time > end; });
    if (records.empty())
        return std::nullopt;
    auto first = records.begin();
    for (auto it = records.begin(); it != records.end() && it->time <= start; ++it)
        first = it;
    const std::int64_t from = std::max(first->time, start);
    const auto used = static_cast<std::size_t>(records.end() - first);
    if (end == from)
        return ZoneAverage{std::prev(records.end())->price, used};
    double priceSum = 0;
    for (auto it = first; it != records.end(); ++it) {
        const std::int64_t segmentStart = std::max(it->time, from);
        const std::int64_t segmentEnd = std::next(it) == records.end() ? end : std::next(it)->time;
        priceSum += goMinutes(segmentEnd - segmentStart) * it->price;
    }
    return ZoneAverage{priceSum / goMinutes(end - from), used};
}

Error optionError(std::string message)
{
    return Error{ErrorCode::OutOfRange, std::move(message), {}, 0, 0};
}

std::string recordField(std::size_t index, const char *field)
{
    return "SpotPriceHistory[" + std::to_string(index) + "]." + field;
}

/** The work behind averageSpotPrices(); region, when not empty, must hold every zone used. */
Result<std::vector<SpotAverage>> averageDocument(const JsonDocument &doc, const SpotHistoryOptions &options,
                                                 const std::string &region)
{
    std::vector<Error> warnings;
    std::optional<std::int64_t> end;
    if (!options.endTime.empty()) {
        end = parseIsoTime(options.endTime);
        if (!end)
            return optionError("end time \"" + options.endTime
                               + "\" is not an ISO 8601 time with an offset (e.g. 2021-02-09T00:00:00Z)");
        if (options.days < 1 || options.days > 3650)
            return optionError("a window of " + std::to_string(options.days) + " days: expected 1 to 3650");
    }
    if (!region.empty() && !options.availabilityZone.empty() && !options.availabilityZone.starts_with(region))
        return Error{ErrorCode::UnknownValue,
                     "availability zone " + options.availabilityZone + " is not in region " + region, {}, 0, 0};

    const Json &root = doc.root();
    if (!root.is_object())
        return doc.errorAt(Pointer(), ErrorCode::WrongFormat,
                           "expected a DescribeSpotPriceHistory response: an object with \"SpotPriceHistory\"");
    const auto history = root.find("SpotPriceHistory");
    if (history == root.end())
        return doc.errorAt(Pointer(), ErrorCode::WrongFormat,
                           "expected a DescribeSpotPriceHistory response: \"SpotPriceHistory\" is missing");
    if (!history->is_array())
        return doc.errorAt(Pointer("/SpotPriceHistory"), ErrorCode::WrongType,
                           "SpotPriceHistory: expected an array of price records");
    if (const auto token = root.find("NextToken");
        token != root.end() && !token->is_null() && !(token->is_string() && token->get<std::string>().empty()))
        warnings.push_back(doc.errorAt(Pointer("/NextToken"), ErrorCode::Warning,
                                       "the response has a NextToken: it is one page of several, and the records "
                                       "on the other pages are not in the average"));

    const std::string wanted = stripVpcSuffix(options.productDescription);
    std::map<std::pair<std::string, std::string>, Series> series;
    std::set<std::string> unmappedDescriptions;
    for (std::size_t i = 0; i < history->size(); ++i) {
        const Json &item = (*history)[i];
        const Pointer at = Pointer("/SpotPriceHistory") / i;
        if (!item.is_object())
            return doc.errorAt(at, ErrorCode::WrongType,
                               "SpotPriceHistory[" + std::to_string(i) + "]: expected a price record (an object)");
        auto text = [&](const char *field, const char *what) -> Result<std::string> {
            const auto it = item.find(field);
            if (it == item.end())
                return doc.errorAt(at, ErrorCode::MissingField, recordField(i, field) + ": expected " + what);
            if (!it->is_string() || it->get<std::string>().empty())
                return doc.errorAt(at / field, ErrorCode::WrongType, recordField(i, field) + ": expected " + what);
            return it->get<std::string>();
        };
        auto zone = text("AvailabilityZone", "an availability zone");
        if (!zone)
            return zone.error();
        auto type = text("InstanceType", "an instance type");
        if (!type)
            return type.error();
        auto description = text("ProductDescription", "a product description");
        if (!description)
            return description.error();

        // EC2 writes prices as strings ("0.042300"); a number is accepted too, since hand-made
        // files often have one.
        const auto priceIt = item.find("SpotPrice");
        if (priceIt == item.end())
            return doc.errorAt(at, ErrorCode::MissingField, recordField(i, "SpotPrice") + ": expected a price");
        double price = 0;
        if (priceIt->is_number()) {
            price = priceIt->get<double>();
        } else if (priceIt->is_string()) {
            const std::string s = priceIt->get<std::string>();
            const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), price);
            if (s.empty() || ec != std::errc() || ptr != s.data() + s.size())
                return doc.errorAt(at / "SpotPrice", ErrorCode::WrongType,
                                   recordField(i, "SpotPrice") + ": \"" + s + "\" is not a price");
        } else {
            return doc.errorAt(at / "SpotPrice", ErrorCode::WrongType,
                               recordField(i, "SpotPrice") + ": expected a price");
        }
        if (!std::isfinite(price) || price < 0)
            return doc.errorAt(at / "SpotPrice", ErrorCode::OutOfRange,
                               recordField(i, "SpotPrice") + ": a price must be zero or more");

        auto stamp = text("Timestamp", "a time");
        if (!stamp)
            return stamp.error();
        const std::optional<std::int64_t> time = parseIsoTime(stamp.value());
        if (!time)
            return doc.errorAt(at / "Timestamp", ErrorCode::WrongType,
                               recordField(i, "Timestamp") + ": \"" + stamp.value()
                                   + "\" is not an ISO 8601 time with an offset");

        if (!region.empty() && !zone.value().starts_with(region))
            return doc.errorAt(at / "AvailabilityZone", ErrorCode::UnknownValue,
                               recordField(i, "AvailabilityZone") + ": " + zone.value() + " is not in region "
                                   + region);
        if (!wanted.empty() && stripVpcSuffix(description.value()) != wanted)
            continue;
        const std::string os = osOf(description.value());
        if (os.empty()) {
            if (unmappedDescriptions.insert(description.value()).second)
                warnings.push_back(doc.errorAt(at / "ProductDescription", ErrorCode::Warning,
                                               "records for \"" + description.value()
                                                   + "\" are skipped: the price sheet has no such operating system"));
            continue;
        }
        Series &s = series[{type.value(), os}];
        if (s.type.empty()) {
            s.type = type.value();
            s.os = os;
            s.firstIndex = i;
        }
        s.zones[zone.value()].push_back(Record{i, zone.value(), price, *time});
    }

    std::vector<SpotAverage> averages;
    for (const auto &[key, s] : series) {
        const Pointer firstAt = Pointer("/SpotPriceHistory") / s.firstIndex / "InstanceType";
        auto zoneAverage = [&](const std::vector<Record> &records) -> std::optional<ZoneAverage> {
            if (!end)
                return upstreamAverage(records);
            return windowAverage(records, *end - static_cast<std::int64_t>(options.days) * NanosPerDay, *end);
        };
        const std::string window = end ? " at or before " + options.endTime : std::string();
        SpotAverage average{s.type, s.os, options.availabilityZone, 0, 0};
        if (!options.availabilityZone.empty()) {
            const auto zone = s.zones.find(options.availabilityZone);
            const std::optional<ZoneAverage> a = zone == s.zones.end() ? std::nullopt : zoneAverage(zone->second);
            if (!a)
                return doc.errorAt(firstAt, ErrorCode::MissingPrice,
                                   s.type + " (" + s.os + "): no spot price record in " + options.availabilityZone
                                       + window);
            average.hourly = a->hourly;
            average.records = a->records;
        } else {
            // The mean of the zones' own averages: what an instance placed in any zone pays on
            // average. (Upstream, given no zone, averages only the first zone it meets.)
            double sum = 0;
            std::size_t zones = 0;
            for (const auto &[zoneName, records] : s.zones) {
                if (const std::optional<ZoneAverage> a = zoneAverage(records)) {
                    sum += a->hourly;
                    average.records += a->records;
                    ++zones;
                }
            }
            if (zones == 0)
                return doc.errorAt(firstAt, ErrorCode::MissingPrice,
                                   s.type + " (" + s.os + "): no spot price record in any zone" + window);
            average.hourly = sum / static_cast<double>(zones);
        }
        averages.push_back(std::move(average));
    }
    Result<std::vector<SpotAverage>> result(std::move(averages));
    result.setWarnings(std::move(warnings));
    return result;
}

// The five bands FORMATS.md names, in the order of the feed's range indexes.
constexpr std::string_view Bands[] = {"<5%", "5-10%", "10-15%", "15-20%", ">20%"};

std::optional<std::string> normaliseBand(const std::string &label)
{
    std::string compact;
    for (char c : label) {
        if (c != ' ' && c != '\t')
            compact += c;
    }
    for (std::string_view band : Bands) {
        if (compact == band)
            return std::string(band);
    }
    return std::nullopt;
}

struct AdvisorUpdate {
    std::string region;
    std::string type;
    std::string band;
    double savings = 0;
};

} // namespace

Result<std::vector<SpotAverage>> averageSpotPrices(std::string_view json, const std::string &fileName,
                                                   const SpotHistoryOptions &options)
{
    const Result<JsonDocument> doc = JsonDocument::parse(json, fileName);
    if (!doc)
        return doc.error();
    return averageDocument(doc.value(), options, {});
}

namespace {

/** applySpotHistory() on a parsed (or failed) document; @p fileName labels the messages. */
Result<std::size_t> applyHistoryDocument(const Result<JsonDocument> &doc, const std::string &fileName, PriceSheet &sheet,
                                         const std::string &region, const SpotHistoryOptions &options)
{
    const auto regionIt = sheet.regions.find(region);
    if (regionIt == sheet.regions.end())
        return Error{ErrorCode::UnknownValue, "the price sheet has no region " + region, fileName, 0, 0};
    if (!doc)
        return doc.error();
    const Result<std::vector<SpotAverage>> averages = averageDocument(doc.value(), options, region);
    if (!averages)
        return averages.error();

    // Everything is computed before the sheet is touched, so an error above leaves it as it was.
    std::vector<Error> warnings = averages.warnings();
    std::size_t set = 0;
    for (const SpotAverage &a : averages.value()) {
        const auto type = regionIt->second.ec2.find(a.instanceType);
        if (type == regionIt->second.ec2.end()) {
            warnings.push_back(Error{ErrorCode::Warning,
                                     a.instanceType + " is not in the price sheet's region " + region
                                         + "; its spot price is not used",
                                     fileName, 0, 0});
            continue;
        }
        type->second.spotHourly[a.os] = a.hourly;
        ++set;
    }
    Result<std::size_t> result(set);
    result.setWarnings(std::move(warnings));
    return result;
}

} // namespace

Result<std::size_t> applySpotHistory(const std::string &path, PriceSheet &sheet, const std::string &region,
                                     const SpotHistoryOptions &options)
{
    if (!sheet.regions.contains(region))
        return Error{ErrorCode::UnknownValue, "the price sheet has no region " + region, path, 0, 0};
    return applyHistoryDocument(JsonDocument::load(path), path, sheet, region, options);
}

Result<std::size_t> applySpotHistory(std::string_view json, const std::string &fileName, PriceSheet &sheet,
                                     const std::string &region, const SpotHistoryOptions &options)
{
    if (!sheet.regions.contains(region))
        return Error{ErrorCode::UnknownValue, "the price sheet has no region " + region, fileName, 0, 0};
    return applyHistoryDocument(JsonDocument::parse(json, fileName), fileName, sheet, region, options);
}

Result<std::size_t> applySpotAdvisor(std::string_view json, const std::string &fileName, PriceSheet &sheet,
                                     const std::vector<std::string> &regions)
{
    std::vector<std::string> targets = regions;
    if (targets.empty())
        targets = sheet.regionCodes();
    for (const std::string &code : targets) {
        if (!sheet.regions.contains(code))
            return Error{ErrorCode::UnknownValue, "the price sheet has no region " + code, fileName, 0, 0};
    }

    const Result<JsonDocument> parsed = JsonDocument::parse(json, fileName);
    if (!parsed)
        return parsed.error();
    const JsonDocument &doc = parsed.value();
    const Json &root = doc.root();
    if (!root.is_object())
        return doc.errorAt(Pointer(), ErrorCode::WrongFormat,
                           "expected the Spot Instance Advisor feed: an object with \"ranges\" and \"spot_advisor\"");

    std::map<std::int64_t, std::string> bands; // range index -> band
    const auto ranges = root.find("ranges");
    if (ranges == root.end())
        return doc.errorAt(Pointer(), ErrorCode::MissingField, "ranges: expected the interruption ranges");
    if (!ranges->is_array())
        return doc.errorAt(Pointer("/ranges"), ErrorCode::WrongType, "ranges: expected an array");
    for (std::size_t i = 0; i < ranges->size(); ++i) {
        const Json &range = (*ranges)[i];
        const Pointer at = Pointer("/ranges") / i;
        const std::string name = "ranges[" + std::to_string(i) + "]";
        if (!range.is_object())
            return doc.errorAt(at, ErrorCode::WrongType, name + ": expected an object");
        const auto index = range.find("index");
        if (index == range.end() || !index->is_number_integer())
            return doc.errorAt(index == range.end() ? at : at / "index",
                               index == range.end() ? ErrorCode::MissingField : ErrorCode::WrongType,
                               name + ".index: expected an integer");
        const auto label = range.find("label");
        if (label == range.end() || !label->is_string())
            return doc.errorAt(label == range.end() ? at : at / "label",
                               label == range.end() ? ErrorCode::MissingField : ErrorCode::WrongType,
                               name + ".label: expected a band such as \"<5%\"");
        const std::optional<std::string> band = normaliseBand(label->get<std::string>());
        if (!band)
            return doc.errorAt(at / "label", ErrorCode::UnknownValue,
                               name + ".label: \"" + label->get<std::string>()
                                   + "\" is none of <5%, 5-10%, 10-15%, 15-20%, >20%");
        bands[index->get<std::int64_t>()] = *band;
    }

    const auto advisor = root.find("spot_advisor");
    if (advisor == root.end())
        return doc.errorAt(Pointer(), ErrorCode::MissingField, "spot_advisor: expected the figures by region");
    if (!advisor->is_object())
        return doc.errorAt(Pointer("/spot_advisor"), ErrorCode::WrongType, "spot_advisor: expected an object");

    std::vector<Error> warnings;
    std::vector<AdvisorUpdate> updates;
    for (const std::string &code : targets) {
        const auto regionIt = advisor->find(code);
        if (regionIt == advisor->end()) {
            warnings.push_back(doc.errorAt(Pointer("/spot_advisor"), ErrorCode::Warning,
                                           "the Spot Instance Advisor has no figures for " + code));
            continue;
        }
        const Pointer regionAt = Pointer("/spot_advisor") / code;
        if (!regionIt->is_object())
            return doc.errorAt(regionAt, ErrorCode::WrongType, "spot_advisor." + code + ": expected an object");
        const auto linuxFigures = regionIt->find("Linux");
        if (linuxFigures == regionIt->end() || !linuxFigures->is_object()) {
            if (linuxFigures != regionIt->end())
                return doc.errorAt(regionAt / "Linux", ErrorCode::WrongType,
                                   "spot_advisor." + code + ".Linux: expected an object");
            warnings.push_back(doc.errorAt(regionAt, ErrorCode::Warning,
                                           "the Spot Instance Advisor has no Linux figures for " + code));
            continue;
        }
        for (const auto &[typeName, type] : sheet.regions.at(code).ec2) {
            const auto entry = linuxFigures->find(typeName);
            if (entry == linuxFigures->end()) {
                warnings.push_back(doc.errorAt(regionAt / "Linux", ErrorCode::Warning,
                                               typeName + ": the Spot Instance Advisor has no Linux figures for it in "
                                                   + code));
                continue;
            }
            const Pointer at = regionAt / "Linux" / typeName;
            const std::string name = "spot_advisor." + code + ".Linux." + typeName;
            if (!entry->is_object())
                return doc.errorAt(at, ErrorCode::WrongType, name + ": expected an object with \"s\" and \"r\"");
            const auto s = entry->find("s");
            if (s == entry->end() || !s->is_number())
                return doc.errorAt(s == entry->end() ? at : at / "s",
                                   s == entry->end() ? ErrorCode::MissingField : ErrorCode::WrongType,
                                   name + ".s: expected the savings percent");
            const double savings = s->get<double>();
            if (!(savings >= 0 && savings <= 100))
                return doc.errorAt(at / "s", ErrorCode::OutOfRange,
                                   name + ".s: " + formatJsonNumber(savings) + " is not a percent from 0 to 100");
            const auto r = entry->find("r");
            if (r == entry->end() || !r->is_number_integer())
                return doc.errorAt(r == entry->end() ? at : at / "r",
                                   r == entry->end() ? ErrorCode::MissingField : ErrorCode::WrongType,
                                   name + ".r: expected the index of an interruption range");
            const auto band = bands.find(r->get<std::int64_t>());
            if (band == bands.end())
                return doc.errorAt(at / "r", ErrorCode::UnknownValue,
                                   name + ".r: " + std::to_string(r->get<std::int64_t>())
                                       + " is the index of no entry of \"ranges\"");
            updates.push_back(AdvisorUpdate{code, typeName, band->second, savings});
        }
    }

    // Applied only once the whole feed has been checked, so a bad entry leaves the sheet as it was.
    for (const AdvisorUpdate &u : updates) {
        Ec2InstanceType &type = sheet.regions.at(u.region).ec2.at(u.type);
        type.interruption = u.band;
        type.spotAdvisorSavingsPercent = u.savings;
    }
    Result<std::size_t> result(updates.size());
    result.setWarnings(std::move(warnings));
    return result;
}

} // namespace Costscape::Pricing
