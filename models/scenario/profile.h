// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <string>
#include <string_view>
#include <vector>

/**
 * Hourly request profiles for the workload editor: ready-made shapes, scaling a shape to a peak
 * or to a month's requests, and reading a profile from a CSV file. Pure functions, no I/O.
 */
namespace Costscape::Models {

enum class ProfilePreset {
    Flat,
    BusinessHours,
    DiurnalWeb,
    WeekdayWeekend,
    NightlyBatch,
};

/** Every preset, in the order an editor lists them. */
std::vector<ProfilePreset> allProfilePresets();
/** Stable id for settings and files: "flat", "business-hours", "diurnal-web", "weekday-weekend", "nightly-batch". */
const char *profilePresetName(ProfilePreset preset);
/** Human name for menus: "Flat", "Business hours", "Diurnal web", "Weekday/weekend", "Nightly batch". */
const char *profilePresetTitle(ProfilePreset preset);

/**
 * The preset's shape, hour by hour from 00:00: 24 values (a day, repeated), or 168 for
 * WeekdayWeekend (a week from Monday 00:00). Every value is >= 0 and the largest is exactly 1,
 * so that scaleProfileToPeak() gives the peak asked for.
 */
std::vector<double> profilePresetShape(ProfilePreset preset);

/**
 * The shape scaled so that its largest value is peakPerSecond. A shape without a positive value
 * gives zeros (there is nothing to scale). Values are expected to be >= 0.
 */
std::vector<double> scaleProfileToPeak(const std::vector<double> &shape, double peakPerSecond);

/**
 * The shape scaled so that, as a `perSecondHourly` profile over hoursPerMonth hours, it makes
 * requestsPerMonth requests: HourlyPlan::build(RequestModel::hourly(result), hoursPerMonth)
 * .requestsPerMonth() == requestsPerMonth (to rounding). The shape should have a length the
 * format accepts (24, 168, 730, 744, 8760) and values >= 0. When the shape makes no requests
 * (all zeros, or hoursPerMonth <= 0) the result is all zeros.
 */
std::vector<double> scaleProfileToMonthly(const std::vector<double> &shape, double requestsPerMonth, double hoursPerMonth);

/** An hourly profile read from a CSV file. */
struct ProfileCsv {
    std::vector<double> values; ///< one per hour, as written in the file (see unitFromHeader)
    bool hasHeader = false;
    std::string header;         ///< the header line as written (trimmed), "" without one
    enum class Unit {
        Unknown,
        PerSecond,
        PerHour,
    };
    Unit unitFromHeader = Unit::Unknown; ///< guessed from the header's words; Unknown without a header
};

/**
 * Reads an hourly profile from CSV text: one column of numbers, or two columns where the first
 * is a label or timestamp (ignored) and the second the number. Fields are separated by commas,
 * semicolons or tabs (the first of tab, semicolon, comma that occurs outside quotes is the
 * separator for the whole file); a field may be quoted ("..." with "" for a quote). With a
 * semicolon or tab separator a decimal comma is accepted (12,5), as spreadsheets in many
 * locales write it. Line ends may be LF, CRLF or CR; a UTF-8 byte order mark is skipped; blank
 * lines are skipped. The first non-blank line is a header when its value field is not a number;
 * the unit is guessed from it ("per hour", "/h", "hourly", "requests_per_hour" are PerHour;
 * "per second", "/s", "rps", "per_second" are PerSecond).
 *
 * Fails with an Error naming fileName, the 1-based line and column and the field
 * ("line 7: \"abc\" is not a number"): a value that is not a number, negative, NaN or infinite;
 * more than two fields; rows with different numbers of fields; an unterminated quote; and a count
 * that is not a profile length ("an hourly profile has 24 (a day), 168 (a week), 730, 744 or 8760
 * values, got 25", with line 0).
 */
Result<ProfileCsv> parseProfileCsv(std::string_view text, const std::string &fileName);

/** Values in requests per second: per-hour values are divided by 3600, others returned as they are. */
std::vector<double> profileToPerSecond(const std::vector<double> &values, ProfileCsv::Unit unit);

} // namespace Costscape::Models
