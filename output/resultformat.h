// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"

#include <string>

namespace Costscape::Output {

using Models::Evaluation;

/**
 * The result document of FORMATS.md section 3 (unrounded figures): the only writer of result JSON.
 * Each option's typed details are written field by field as they describe themselves
 * (Models::DetailsWriter), so this library knows no platform.
 */
nlohmann::ordered_json evaluationToJson(const Evaluation &evaluation);
std::string formatJson(const Evaluation &evaluation);

/**
 * One row per line item and a total row per option, with the currency and region on every row,
 * RFC 4180 quoting; every text field (the price sheet's currency too) that a spreadsheet could
 * run as a formula is prefixed with an apostrophe (Output::csvField, after OWASP's list).
 * Numbers have ten significant digits, no grouping, '.' decimal point.
 */
std::string formatCsv(const Evaluation &evaluation);

/**
 * The side-by-side comparison for a terminal: monthly cost to the cent, fleet, notes. Text from
 * the files (names, ids, summaries, warnings) is printed without control characters
 * (Output::terminalSafe).
 */
std::string formatTable(const Evaluation &evaluation);

} // namespace Costscape::Output

