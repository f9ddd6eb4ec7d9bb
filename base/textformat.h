// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

/**
 * The one place figures become text, for every layer: the command line, the result files, the
 * window, the charts and the reports print a number the same way, whatever the user's locale
 * (English grouping, '.' for the decimal point), because they are read beside AWS's pages and
 * each other. Non-finite values never print as a figure: money shows "-".
 */
namespace Costscape::Text {

/** Up to significantDigits significant digits, shortest form: 0.5, 16, 1e+06 (C++ stream rules). */
std::string general(double value, int significantDigits = 6);
/** Fixed notation with decimals, no grouping, trailing zeros dropped, never "-0": "0.5", "16". */
std::string trimmed(double value, int decimals);
/** Fixed notation with thousands separators, never "-0.00": "1,234.56", "301,034". */
std::string grouped(double value, int decimals);
/**
 * Money: "$1,234.56" for USD, "€", "£", "¥" for EUR, GBP, JPY, else "CHF 1,234.56"; decimals < 0
 * shows the exact value (six decimals, or six significant digits below a cent, trailing zeros
 * dropped down to cents). No "-$0.00": the sign only when a non-zero digit shows. "-" when not finite.
 */
std::string money(double value, const std::string &currency, int decimals = 2);
/** A rate of a price sheet: up to 10 significant digits, trailing zeros dropped, with the currency. */
std::string unitPrice(double value, const std::string &currency);
/**
 * Rounded to significantDigits significant digits, no exponent, no trailing zeros, no grouping:
 * 0.042, 3.2, 42, 850, 12000; "0" for zero; "nan", "inf", "-inf" for the non-finite.
 */
std::string significant(double value, int significantDigits);
/** A quantity: 4 decimals from 1 up, 4 significant digits below, trailing zeros dropped, grouped. */
std::string quantity(double value);

} // namespace Costscape::Text
