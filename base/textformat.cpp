// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/textformat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace Costscape::Text {

namespace {

/** Half a unit of the last decimal rounds away from zero (0.125 -> 0.13), as a bill does. */
double roundHalfAway(double v, int decimals)
{
    const double scale = std::pow(10.0, std::clamp(decimals, 0, 15));
    const double scaled = v * scale;
    return std::isfinite(scaled) ? std::round(scaled) / scale : v;
}

std::string fixed(double v, int decimals)
{
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 30), v);
    return buf;
}

std::string dropTrailingZeros(std::string s)
{
    if (s.find('.') == std::string::npos)
        return s;
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

/** Thousands separators in the whole part of a plain fixed-notation number. */
std::string group(const std::string &digits)
{
    const bool negative = !digits.empty() && digits[0] == '-';
    const std::string body = negative ? digits.substr(1) : digits;
    const std::size_t dot = std::min(body.find('.'), body.size());
    std::string whole = body.substr(0, dot);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3)
        whole.insert(static_cast<std::size_t>(i), ",");
    return (negative ? "-" : "") + whole + body.substr(dot);
}

bool hasNonZeroDigit(const std::string &s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '1' && c <= '9'; });
}

/** "-0", "-0.00" -> "0", "0.00": a sign only in front of a non-zero figure. */
std::string noNegativeZero(std::string s)
{
    if (!s.empty() && s[0] == '-' && !hasNonZeroDigit(s))
        s.erase(0, 1);
    return s;
}

int magnitude(double value)
{
    return static_cast<int>(std::floor(std::log10(std::abs(value))));
}

std::string withCurrency(const std::string &number, const std::string &currency)
{
    const bool negative = !number.empty() && number[0] == '-';
    const std::string digits = negative ? number.substr(1) : number;
    const std::string sign = negative ? "-" : "";
    if (currency == "USD")
        return sign + "$" + digits;
    if (currency == "EUR")
        return sign + "\u20AC" + digits;
    if (currency == "GBP")
        return sign + "\u00A3" + digits;
    if (currency == "JPY")
        return sign + "\u00A5" + digits;
    if (currency.empty())
        return sign + digits;
    return sign + currency + ' ' + digits;
}

} // namespace

std::string general(double value, int significantDigits)
{
    std::ostringstream s;
    s.precision(significantDigits);
    s << value;
    return s.str();
}

std::string significant(double value, int digits)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    if (value == 0)
        return "0";
    const int exponent = magnitude(value);
    const double unit = std::pow(10.0, exponent - digits + 1);
    const double rounded = std::round(value / unit) * unit;
    // Rounding up to the next power of ten (9.96 -> 10.0) leaves one decimal too many: dropped.
    return dropTrailingZeros(fixed(rounded, std::max(0, digits - 1 - exponent)));
}

std::string trimmed(double value, int decimals)
{
    if (!std::isfinite(value))
        return general(value);
    return noNegativeZero(dropTrailingZeros(fixed(value, decimals)));
}

std::string grouped(double value, int decimals)
{
    if (!std::isfinite(value))
        return general(value);
    return noNegativeZero(group(fixed(roundHalfAway(value, decimals), decimals)));
}

std::string money(double value, const std::string &currency, int decimals)
{
    if (!std::isfinite(value))
        return "-";
    std::string number;
    if (decimals >= 0) {
        number = group(fixed(roundHalfAway(std::abs(value), decimals), decimals));
    } else {
        const double magnitudeValue = std::abs(value);
        int shown = 6;
        if (magnitudeValue > 0 && magnitudeValue < 0.01)
            shown = std::min(15, 5 - magnitude(magnitudeValue));
        number = fixed(magnitudeValue, shown);
        const std::size_t point = number.find('.');
        while (point != std::string::npos && number.size() > point + 3 && number.back() == '0')
            number.pop_back();
        number = group(number);
    }
    return withCurrency((value < 0 && hasNonZeroDigit(number) ? "-" : "") + number, currency);
}

std::string unitPrice(double value, const std::string &currency)
{
    if (!std::isfinite(value))
        return "-";
    if (value == 0)
        return withCurrency("0", currency);
    // 10 significant digits keep every rate of a price sheet (they have at most 10) and drop the
    // binary noise of a derived one (0.1 / 3 shows as 0.03333333333, not 17 digits).
    return withCurrency(noNegativeZero(group(dropTrailingZeros(fixed(value, std::clamp(9 - magnitude(value), 0, 20))))), currency);
}

std::string quantity(double value)
{
    if (!std::isfinite(value))
        return general(value);
    if (value == 0)
        return "0";
    const int decimals = std::abs(value) >= 1 ? 4 : std::clamp(3 - magnitude(value), 0, 20);
    return noNegativeZero(group(dropTrailingZeros(fixed(value, decimals))));
}

} // namespace Costscape::Text
