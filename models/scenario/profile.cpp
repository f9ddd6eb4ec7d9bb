// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/profile.h"

#include "base/utf8.h"

#include "models/scenario/workload.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace Costscape::Models {

namespace {

// A web audience's day, hour by hour from 00:00 local time: people sleep (the trough, a fifth of
// the peak at 04:00, is crawlers, other time zones and background sync), wake and commute (the
// morning climb), use the service through the working day (a plateau near 0.8), and most of all
// in the evening at home (the peak at 20:00), tailing off towards midnight.
constexpr std::array<double, 24> DiurnalWeb = {
    0.55, 0.42, 0.31, 0.24, 0.20, 0.22, 0.30, 0.42, 0.55, 0.65, 0.72, 0.77, //
    0.80, 0.80, 0.78, 0.78, 0.80, 0.85, 0.92, 0.98, 1.00, 0.95, 0.84, 0.70,
};

// An internal tool used in office hours: a floor of monitoring, health checks and the odd night
// owl (0.05), a few early starters from 07:00, the ramp as people log on 08:00-09:00, full use
// 09:00-17:00, and the tail of late leavers until 19:00.
constexpr std::array<double, 24> BusinessHours = {
    0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.12, 0.50, 1.00, 1.00, 1.00, //
    1.00, 1.00, 1.00, 1.00, 1.00, 0.60, 0.25, 0.05, 0.05, 0.05, 0.05, 0.05,
};

// Nightly batch jobs: scheduled at 01:00, after the day's data is in and before anyone is back,
// and finished by 04:00 (full load 01:00-04:00), with stragglers and retries in the next hour. By
// day only a trickle of ad-hoc reruns (0.02) keeps the service from being idle.
constexpr std::array<double, 24> NightlyBatch = {
    0.02, 1.00, 1.00, 1.00, 0.15, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, //
    0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02,
};

// Consumer traffic on Saturday and Sunday is typically well below a weekday's (no office use,
// people away from screens): the weekend days keep the diurnal shape at 0.6 of it.
constexpr double WeekendShare = 0.6;

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/** Where `word` first occurs in `text` as a word of its own when `whole`, else anywhere. */
std::size_t findWord(const std::string &text, std::string_view word, bool whole)
{
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool startOk = at == 0 || !isAlnum(text[at - 1]);
        const bool endOk = at + word.size() == text.size() || !isAlnum(text[at + word.size()]);
        if (!whole || (startOk && endOk))
            return at;
    }
    return std::string::npos;
}

ProfileCsv::Unit guessUnit(std::string_view header)
{
    using Unit = ProfileCsv::Unit;
    struct Keyword {
        std::string_view word;
        bool whole; ///< short abbreviations must stand alone ("rps", not "corpse")
        Unit unit;
    };
    static constexpr Keyword Rates[] = {
        {"per hour", false, Unit::PerHour},       {"per_hour", false, Unit::PerHour},
        {"per-hour", false, Unit::PerHour},       {"perhour", false, Unit::PerHour},
        {"/h", false, Unit::PerHour},             {"rph", true, Unit::PerHour},
        {"per second", false, Unit::PerSecond},   {"per_second", false, Unit::PerSecond},
        {"per-second", false, Unit::PerSecond},   {"persecond", false, Unit::PerSecond},
        {"per sec", false, Unit::PerSecond},      {"/s", false, Unit::PerSecond},
        {"rps", true, Unit::PerSecond},
    };
    const std::string text = lower(header);
    // The earliest explicit rate wins: "requests per second (hourly)" is per second.
    std::size_t best = std::string::npos;
    Unit unit = Unit::Unknown;
    for (const Keyword &k : Rates) {
        const std::size_t at = findWord(text, k.word, k.whole);
        if (at < best) {
            best = at;
            unit = k.unit;
        }
    }
    // "hourly" alone may just as well describe the profile's slots, so it counts only when no
    // rate is spelt out ("hourly requests" is a count per hour).
    if (unit == Unit::Unknown && text.find("hourly") != std::string::npos)
        unit = Unit::PerHour;
    return unit;
}

struct Field {
    std::string text;
    int column = 1; ///< 1-based, in characters
    bool quoted = false;
};

/** 1-based column of byte `pos` of `line`, counting characters rather than UTF-8 bytes. */
int columnOf(std::string_view line, std::size_t pos)
{
    int column = 1;
    for (std::size_t i = 0; i < pos && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80)
            ++column;
    return column;
}

bool isBlank(char c, char separator)
{
    return (c == ' ' || c == '\t') && c != separator;
}

/** Splits one line into fields; returns the byte where a quoting error is, or npos. */
std::size_t splitFields(std::string_view line, char separator, std::vector<Field> &fields, std::string &problem)
{
    fields.clear();
    std::size_t i = 0;
    while (true) {
        while (i < line.size() && isBlank(line[i], separator))
            ++i;
        Field f;
        f.column = columnOf(line, i);
        if (i < line.size() && line[i] == '"') {
            f.quoted = true;
            const std::size_t open = i++;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        f.text += '"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                f.text += line[i++];
            }
            if (!closed) {
                problem = "a quoted field has no closing quote";
                return open;
            }
            while (i < line.size() && isBlank(line[i], separator))
                ++i;
            if (i < line.size() && line[i] != separator) {
                problem = "unexpected text after a closing quote";
                return i;
            }
        } else {
            const std::size_t start = i;
            while (i < line.size() && line[i] != separator)
                ++i;
            std::size_t end = i;
            while (end > start && isBlank(line[end - 1], separator))
                --end;
            f.text = std::string(line.substr(start, end - start));
        }
        fields.push_back(std::move(f));
        if (i >= line.size())
            break;
        ++i; // the separator
    }
    // Spreadsheets pad rows with separators ("5,,,") when another row was wider: not a column.
    while (!fields.empty() && !fields.back().quoted && fields.back().text.empty())
        fields.pop_back();
    return std::string_view::npos;
}

/** The separator for the whole file: the first of tab, semicolon and comma that occurs outside quotes. */
char detectSeparator(std::string_view text)
{
    bool quoted = false;
    bool tab = false, semicolon = false, comma = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted; // a doubled quote toggles twice: still right
        else if (c == '\n' || c == '\r')
            quoted = false;   // a quote does not span lines here
        else if (!quoted) {
            tab = tab || c == '\t';
            semicolon = semicolon || c == ';';
            comma = comma || c == ',';
        }
    }
    return tab ? '\t' : semicolon ? ';' : ',';
}

enum class NumberStatus {
    Ok,
    NotANumber,
    NotFinite,
};

NumberStatus parseNumber(std::string text, char separator, double &value)
{
    // With ';' or tab between fields, a comma is the decimal mark of many locales' spreadsheets.
    if (separator != ',' && std::count(text.begin(), text.end(), ',') == 1 && text.find('.') == std::string::npos)
        std::replace(text.begin(), text.end(), ',', '.');
    std::string_view s(text);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    if (s.empty() || s.front() == '+')
        return NumberStatus::NotANumber;
    // from_chars is locale-independent, unlike strtod: "0.5" means the same everywhere.
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::general);
    if (end != s.data() + s.size())
        return NumberStatus::NotANumber;
    if (ec == std::errc::result_out_of_range)
        return NumberStatus::NotFinite;
    if (ec != std::errc())
        return NumberStatus::NotANumber;
    return std::isfinite(value) ? NumberStatus::Ok : NumberStatus::NotFinite;
}

} // namespace

std::vector<ProfilePreset> allProfilePresets()
{
    return {ProfilePreset::Flat, ProfilePreset::BusinessHours, ProfilePreset::DiurnalWeb, ProfilePreset::WeekdayWeekend,
            ProfilePreset::NightlyBatch};
}

const char *profilePresetName(ProfilePreset preset)
{
    switch (preset) {
    case ProfilePreset::Flat: return "flat";
    case ProfilePreset::BusinessHours: return "business-hours";
    case ProfilePreset::DiurnalWeb: return "diurnal-web";
    case ProfilePreset::WeekdayWeekend: return "weekday-weekend";
    case ProfilePreset::NightlyBatch: return "nightly-batch";
    }
    return "";
}

const char *profilePresetTitle(ProfilePreset preset)
{
    switch (preset) {
    case ProfilePreset::Flat: return "Flat";
    case ProfilePreset::BusinessHours: return "Business hours";
    case ProfilePreset::DiurnalWeb: return "Diurnal web";
    case ProfilePreset::WeekdayWeekend: return "Weekday/weekend";
    case ProfilePreset::NightlyBatch: return "Nightly batch";
    }
    return "";
}

std::vector<double> profilePresetShape(ProfilePreset preset)
{
    switch (preset) {
    case ProfilePreset::Flat:
        // A constant rate: as a profile so that it can be edited hour by hour from there.
        return std::vector<double>(24, 1.0);
    case ProfilePreset::BusinessHours:
        return {BusinessHours.begin(), BusinessHours.end()};
    case ProfilePreset::DiurnalWeb:
        return {DiurnalWeb.begin(), DiurnalWeb.end()};
    case ProfilePreset::WeekdayWeekend: {
        // Monday first, as ISO 8601 weeks and the scenario format's 168-value profiles are.
        std::vector<double> week;
        week.reserve(168);
        for (int day = 0; day < 7; ++day)
            for (double v : DiurnalWeb)
                week.push_back(day < 5 ? v : v * WeekendShare);
        return week;
    }
    case ProfilePreset::NightlyBatch:
        return {NightlyBatch.begin(), NightlyBatch.end()};
    }
    return std::vector<double>(24, 1.0);
}

std::vector<double> scaleProfileToPeak(const std::vector<double> &shape, double peakPerSecond)
{
    const double peak = shape.empty() ? 0 : *std::max_element(shape.begin(), shape.end());
    std::vector<double> out(shape.size(), 0.0);
    if (!(peak > 0))
        return out;
    for (std::size_t i = 0; i < shape.size(); ++i)
        out[i] = shape[i] / peak * peakPerSecond;
    return out;
}

std::vector<double> scaleProfileToMonthly(const std::vector<double> &shape, double requestsPerMonth, double hoursPerMonth)
{
    // Measured through HourlyPlan rather than summed here, so that tiling a day over a month with
    // a fractional last hour, or scaling a year to a month, is counted exactly as the evaluator does.
    const double perMonth = HourlyPlan::build(RequestModel::hourly(shape), hoursPerMonth).requestsPerMonth();
    std::vector<double> out(shape.size(), 0.0);
    if (!(perMonth > 0) || !std::isfinite(perMonth))
        return out;
    const double factor = requestsPerMonth / perMonth;
    for (std::size_t i = 0; i < shape.size(); ++i)
        out[i] = shape[i] * factor;
    return out;
}

namespace {
constexpr std::size_t MaxProfileValues = 8760;
} // namespace

Result<ProfileCsv> parseProfileCsv(std::string_view text, const std::string &fileName)
{
    auto fail = [&fileName](int line, int column, ErrorCode code, std::string message) {
        return Error{code, std::move(message), fileName, line, column};
    };
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3); // Excel's "CSV UTF-8" writes one; it is not part of the first field
    // The header and messages quote the file's text: it must be UTF-8 before it goes anywhere.
    if (auto bad = Utf8::check(text, fileName))
        return *bad;
    const char separator = detectSeparator(text);

    ProfileCsv out;
    std::vector<Field> fields;
    std::string problem;
    int lineNumber = 0;
    int firstDataLine = 0;
    std::size_t firstDataFields = 0;
    bool seenNonBlank = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find_first_of("\r\n", pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        // One line break: LF, CRLF, or a lone CR (old Mac exports).
        pos = end;
        if (pos < text.size() && text[pos] == '\r')
            ++pos;
        if (pos < text.size() && text[pos] == '\n')
            ++pos;
        ++lineNumber;
        const std::string where = "line " + std::to_string(lineNumber) + ": ";

        const std::size_t bad = splitFields(line, separator, fields, problem);
        if (bad != std::string_view::npos)
            return fail(lineNumber, columnOf(line, bad), ErrorCode::SyntaxError, where + problem);
        if (fields.empty())
            continue; // blank, or only separators
        if (fields.size() > 2)
            return fail(lineNumber, fields[2].column, ErrorCode::WrongFormat,
                        where + std::to_string(fields.size())
                            + " fields; a profile has one column of values, or two (a label, then the value)");

        const Field &valueField = fields.back();
        double value = 0;
        const NumberStatus status = parseNumber(valueField.text, separator, value);
        if (!seenNonBlank) {
            seenNonBlank = true;
            if (status == NumberStatus::NotANumber) {
                out.hasHeader = true;
                out.header = std::string(line);
                while (!out.header.empty() && (out.header.back() == ' ' || out.header.back() == '\t'))
                    out.header.pop_back();
                out.header.erase(0, out.header.find_first_not_of(" \t"));
                out.unitFromHeader = guessUnit(valueField.text);
                if (out.unitFromHeader == ProfileCsv::Unit::Unknown)
                    out.unitFromHeader = guessUnit(out.header);
                continue;
            }
        }
        if (firstDataLine == 0) {
            firstDataLine = lineNumber;
            firstDataFields = fields.size();
        } else if (fields.size() != firstDataFields) {
            const auto count = [](std::size_t n) { return std::to_string(n) + (n == 1 ? " field" : " fields"); };
            return fail(lineNumber, fields.back().column, ErrorCode::WrongFormat,
                        where + count(fields.size()) + ", but line " + std::to_string(firstDataLine) + " has "
                            + std::to_string(firstDataFields) + "; every row needs the same columns");
        }
        switch (status) {
        case NumberStatus::NotANumber:
            return fail(lineNumber, valueField.column, ErrorCode::WrongType,
                        where + "\"" + valueField.text + "\" is not a number");
        case NumberStatus::NotFinite:
            return fail(lineNumber, valueField.column, ErrorCode::OutOfRange,
                        where + "must be a finite number, got \"" + valueField.text + "\"");
        case NumberStatus::Ok:
            break;
        }
        if (value < 0)
            return fail(lineNumber, valueField.column, ErrorCode::OutOfRange,
                        where + "must be at least 0, got " + valueField.text);
        // The longest profile is a year of hours: stop reading rather than fill memory with more.
        if (out.values.size() >= MaxProfileValues)
            return fail(lineNumber, valueField.column, ErrorCode::OutOfRange,
                        where + "more than " + std::to_string(MaxProfileValues)
                            + " values; an hourly profile has 24 (a day), 168 (a week), 730, 744 or 8760 values");
        out.values.push_back(value);
    }
    if (!RequestModel::isValidProfileLength(out.values.size()))
        return fail(0, 0, ErrorCode::OutOfRange,
                    "an hourly profile has 24 (a day), 168 (a week), 730, 744 or 8760 values, got "
                        + std::to_string(out.values.size()));
    return out;
}

std::vector<double> profileToPerSecond(const std::vector<double> &values, ProfileCsv::Unit unit)
{
    if (unit != ProfileCsv::Unit::PerHour)
        return values;
    std::vector<double> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        out[i] = values[i] / 3600.0;
    return out;
}

} // namespace Costscape::Models
