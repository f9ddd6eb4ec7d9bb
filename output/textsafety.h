// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

/**
 * Text from a file (names, ids, a price sheet's currency, messages quoting them) made safe for
 * where it is written: a terminal must not act on it, a spreadsheet must not run it.
 */
namespace Costscape::Output {

/**
 * text without the control characters a terminal acts on: C0 (U+0000 to U+001F, newline and tab
 * included: one field stays on one line), DEL (U+007F) and C1 (U+0080 to U+009F, bytes C2 80 to
 * C2 9F in UTF-8, among them the 8-bit CSI). Escape sequences lose their ESC and print as plain
 * text; everything else, including bytes that are not valid UTF-8, is kept as it is.
 */
std::string terminalSafe(std::string_view text);

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF. A field a spreadsheet
 * could run as a formula is prefixed with an apostrophe (OWASP, "CSV Injection"): one that starts
 * with =, +, -, @, TAB, CR or LF, or whose first character after blanks (space, TAB, CR, LF) is
 * =, +, - or @.
 */
std::string csvField(std::string_view text);

} // namespace Costscape::Output
