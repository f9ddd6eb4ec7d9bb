// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "output/textsafety.h"

namespace Costscape::Output {

std::string terminalSafe(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F)
            continue;
        // C1 controls are U+0080..U+009F: C2 80..C2 9F in UTF-8.
        if (c == 0xC2 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F) {
                ++i;
                continue;
            }
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string csvField(std::string_view text)
{
    std::string v(text);
    auto formulaStart = [](char c) { return c == '=' || c == '+' || c == '-' || c == '@'; };
    if (!v.empty()) {
        // https://owasp.org/www-community/attacks/CSV_Injection: =, +, -, @, TAB and CR start a
        // formula in some spreadsheet (LF too, once a quoted field begins a line); a formula
        // after leading blanks runs in others.
        const bool startsFormula = formulaStart(v[0]) || v[0] == '\t' || v[0] == '\r' || v[0] == '\n';
        const std::size_t first = v.find_first_not_of(" \t\r\n");
        const bool blanksThenFormula = first != std::string::npos && formulaStart(v[first]);
        if (startsFormula || blanksThenFormula)
            v.insert(v.begin(), '\'');
    }
    if (v.find_first_of(",\"\r\n") == std::string::npos)
        return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace Costscape::Output
