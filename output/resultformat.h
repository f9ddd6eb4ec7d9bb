// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"

#include <string>

namespace Costscape::Models {

/** The result document of FORMATS.md section 3 (unrounded figures). */
nlohmann::ordered_json evaluationToJson(const Evaluation &evaluation);
std::string formatJson(const Evaluation &evaluation);

/**
 * One row per line item and a total row per option, with the currency and region on every row,
 * RFC 4180 quoting; text that a spreadsheet would run as a formula (=, +, -, @) is prefixed with
 * an apostrophe. Numbers have ten significant digits, no grouping, '.' decimal point.
 */
std::string formatCsv(const Evaluation &evaluation);

/** The side-by-side comparison for a terminal: monthly cost to the cent, fleet, notes. */
std::string formatTable(const Evaluation &evaluation);

/** "1,234.56": money to the cent with thousands separators. */
std::string formatMoney(double value);

} // namespace Costscape::Models
