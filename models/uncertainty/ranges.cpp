// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/uncertainty/ranges.h"

#include "models/uncertainty/sampling.h"
#include "models/platforms/ec2/ec2spec.h"
#include "base/textformat.h"

#include <cmath>
#include <limits>

namespace Costscape::Models {

namespace {

using Json = JsonDocument::Json;

// A log-normal range is given by its 10th and 90th percentiles: the figures an architect can
// name ("one month in ten below this"). z = Phi^-1(0.9).
constexpr double Z90 = 1.2815515655446004;

bool hasSpotEc2(const Scenario &scenario)
{
    for (const OptionSpec &option : scenario.options)
        if (const auto *ec2 = option.asIf<Ec2Spec>(); ec2 && option.enabled && ec2->purchase == Purchase::Spot)
            return true;
    return false;
}

} // namespace

double InputRange::quantile(double u) const
{
    if (!(high > low))
        return typical;
    if (distribution == RangeDistribution::LogNormal) {
        const double sigma = std::log(high / low) / (2 * Z90);
        return typical * std::exp(sigma * Sampling::normalQuantile(u));
    }
    return Sampling::triangularQuantile(u, low, typical, high);
}

const char *inputKey(UncertainInput input)
{
    static const char *const keys[UncertainInputCount] = {"traffic",           "durationMs",
                                                          "memoryMb",          "spotDiscount",
                                                          "spotInterruptedShare", "bytesOutPerRequest",
                                                          "logBytesPerRequest", "spikeHeight"};
    return keys[static_cast<int>(input)];
}

const char *inputTitle(UncertainInput input)
{
    static const char *const titles[UncertainInputCount] = {
        "Traffic (x profile)", "Request duration (ms)",          "Memory per request (MB)",
        "Spot discount (share of on-demand)", "Spot hours interrupted (share)", "Response size (bytes)",
        "Log volume per request (bytes)", "Spike peak rate (requests/s)"};
    return titles[static_cast<int>(input)];
}

bool changesScenario(UncertainInput input)
{
    return input != UncertainInput::SpotDiscount && input != UncertainInput::SpotInterruptedShare
        && input != UncertainInput::SpikeHeight;
}

bool changesCost(UncertainInput input)
{
    return input != UncertainInput::SpikeHeight;
}

bool UncertaintyRanges::empty() const
{
    for (const auto &r : ranges)
        if (r)
            return false;
    return true;
}

double scenarioValue(const Scenario &scenario, UncertainInput input)
{
    switch (input) {
    case UncertainInput::Traffic:
        return 1;
    case UncertainInput::DurationMs:
        return scenario.workload.durationMs;
    case UncertainInput::MemoryMb:
        return scenario.workload.memoryMb;
    case UncertainInput::SpotDiscount:
        return std::numeric_limits<double>::quiet_NaN(); // the sheet's spot price: no single figure
    case UncertainInput::SpotInterruptedShare:
        return 0;
    case UncertainInput::BytesOutPerRequest:
        return scenario.workload.traffic.bytesOutPerRequest.value_or(std::numeric_limits<double>::quiet_NaN());
    case UncertainInput::LogBytesPerRequest:
        return scenario.workload.traffic.logBytesPerRequest.value_or(std::numeric_limits<double>::quiet_NaN());
    case UncertainInput::SpikeHeight:
        return scenario.workload.spike ? scenario.workload.spike->toPerSecond : std::numeric_limits<double>::quiet_NaN();
    }
    return 0;
}

Result<UncertaintyRanges> readRanges(const Scenario &scenario)
{
    UncertaintyRanges out;
    if (!scenario.original.is_object() || !scenario.original.contains("ranges"))
        return out;
    const Json &ranges = scenario.original["ranges"];
    if (!ranges.is_object())
        return scenario.errorAt("/ranges", ErrorCode::WrongType, "ranges: expected an object of input ranges");
    for (auto it = ranges.begin(); it != ranges.end(); ++it) {
        const std::string pointer = "/ranges/" + it.key();
        int found = -1;
        for (int i = 0; i < UncertainInputCount; ++i)
            if (it.key() == inputKey(static_cast<UncertainInput>(i)))
                found = i;
        if (found < 0)
            return scenario.errorAt(pointer, ErrorCode::UnknownValue,
                                    "ranges: unknown input '" + it.key()
                                        + "'; use traffic, durationMs, memoryMb, spotDiscount, "
                                          "spotInterruptedShare, bytesOutPerRequest, logBytesPerRequest or spikeHeight");
        const auto input = static_cast<UncertainInput>(found);
        const std::string where = "ranges." + it.key();
        const Json &r = it.value();
        if (!r.is_object())
            return scenario.errorAt(pointer, ErrorCode::WrongType,
                                    where + ": expected {\"low\", \"typical\", \"high\", \"distribution\"}");
        InputRange range;
        range.distribution = input == UncertainInput::Traffic ? RangeDistribution::LogNormal : RangeDistribution::Triangular;
        for (auto f = r.begin(); f != r.end(); ++f)
            if (f.key() != "low" && f.key() != "typical" && f.key() != "high" && f.key() != "distribution")
                return scenario.errorAt(pointer + "/" + f.key(), ErrorCode::UnknownValue,
                                        where + ": unknown key '" + f.key() + "'; use low, typical, high, distribution");
        auto number = [&](const char *key, double fallback, bool required) -> Result<double> {
            if (!r.contains(key)) {
                if (required)
                    return scenario.errorAt(pointer, ErrorCode::MissingField, where + ": \"" + key + "\" is missing");
                return fallback;
            }
            const Json &v = r[key];
            if (!v.is_number() || !std::isfinite(v.get<double>()))
                return scenario.errorAt(pointer + "/" + key, ErrorCode::WrongType, where + "." + key + ": expected a number");
            return v.get<double>();
        };
        const double own = scenarioValue(scenario, input);
        const bool bytes = input == UncertainInput::BytesOutPerRequest || input == UncertainInput::LogBytesPerRequest;
        if (bytes && std::isnan(own))
            return scenario.errorAt(pointer, ErrorCode::MissingField,
                                    where + ": the workload gives no \"" + it.key()
                                        + "\" to range over (add it to the workload, docs/bill.md)");
        const bool spike = input == UncertainInput::SpikeHeight;
        if (spike && !scenario.workload.spike)
            return scenario.errorAt(pointer, ErrorCode::MissingField,
                                    where + ": the workload has no \"spike\" whose height to range over (add "
                                            "workload.spike)");
        const bool typicalRequired = input == UncertainInput::SpotDiscount;
        const auto low = number("low", 0, true);
        if (!low)
            return low.error();
        const auto high = number("high", 0, true);
        if (!high)
            return high.error();
        const auto typical = number("typical", own, typicalRequired);
        if (!typical)
            return typical.error();
        range.low = low.value();
        range.typical = typical.value();
        range.high = high.value();
        if (r.contains("distribution")) {
            const Json &d = r["distribution"];
            if (d == "triangular")
                range.distribution = RangeDistribution::Triangular;
            else if (d == "lognormal")
                range.distribution = RangeDistribution::LogNormal;
            else
                return scenario.errorAt(pointer + "/distribution", ErrorCode::UnknownValue,
                                        where + ".distribution: use \"triangular\" or \"lognormal\"");
        }
        if (!(range.low <= range.typical && range.typical <= range.high))
            return scenario.errorAt(pointer, ErrorCode::OutOfRange,
                                    where + ": low <= typical <= high is needed (typical is the scenario's "
                                        + (r.contains("typical") ? std::string("given value") : std::string("own value"))
                                        + ")");
        const bool share = input == UncertainInput::SpotDiscount || input == UncertainInput::SpotInterruptedShare;
        if (share && (range.low < 0 || range.high > (input == UncertainInput::SpotDiscount ? 0.99 : 1.0)))
            return scenario.errorAt(pointer, ErrorCode::OutOfRange,
                                    where + ": a share between 0 and " + (input == UncertainInput::SpotDiscount ? "0.99" : "1"));
        if (bytes && (range.low < 0 || range.high > 10e9))
            return scenario.errorAt(pointer, ErrorCode::OutOfRange, where + ": between 0 and 10,000,000,000 bytes");
        if (spike && !(range.low > scenario.workload.spike->fromPerSecond))
            return scenario.errorAt(pointer + "/low", ErrorCode::OutOfRange,
                                    where + ".low: must be above the spike's fromPerSecond ("
                                        + Text::general(scenario.workload.spike->fromPerSecond)
                                        + " requests/s): the peak is what the traffic rises to");
        if (spike && range.high > 1e9)
            return scenario.errorAt(pointer + "/high", ErrorCode::OutOfRange, where + ".high: at most 1,000,000,000 requests/s");
        if (!share && !bytes && !(range.low > 0))
            return scenario.errorAt(pointer + "/low", ErrorCode::OutOfRange, where + ".low: must be above 0");
        if (range.distribution == RangeDistribution::LogNormal && !(range.low > 0 && range.high > range.low))
            return scenario.errorAt(pointer, ErrorCode::OutOfRange,
                                    where + ": a log-normal range needs 0 < low < high");
        if (input == UncertainInput::DurationMs && scenario.workload.durationDistribution)
            return scenario.errorAt(pointer, ErrorCode::OutOfRange,
                                    where + ": not with a \"durationDistribution\" (it already says how durations spread)");
        if (share && !hasSpotEc2(scenario))
            return scenario.errorAt(pointer, ErrorCode::OutOfRange,
                                    where + ": applies to EC2 options bought as spot, and the scenario has none");
        out[input] = range;
    }
    return out;
}

JsonDocument::Json rangesToJson(const UncertaintyRanges &ranges)
{
    Json out = Json::object();
    for (int i = 0; i < UncertainInputCount; ++i) {
        const auto &r = ranges.ranges[i];
        if (!r)
            continue;
        out[inputKey(static_cast<UncertainInput>(i))] =
            Json{{"low", r->low},
                 {"typical", r->typical},
                 {"high", r->high},
                 {"distribution", r->distribution == RangeDistribution::LogNormal ? "lognormal" : "triangular"}};
    }
    return out;
}

} // namespace Costscape::Models
