// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

/**
 * JSON string escapes, decoded in one place for both readers (the located document reader in
 * base/ and the streaming offer-file reader in pricing/aws/).
 */
namespace Costscape::JsonEscape {

/** Appends the code point as UTF-8 (1 to 4 bytes); cp must be a Unicode scalar value. */
void appendUtf8(std::string &out, std::uint32_t cp);

/**
 * Decodes the escape whose letter follows a backslash (the letter already read) and appends the
 * character to out. For `u`, reads the four hexadecimal digits, and for a high surrogate the
 * `\uXXXX` of its low surrogate, with next(), which returns the next character (or -1 at the end).
 * Returns "" when the escape was good, else what is wrong with it; a lone or mismatched
 * surrogate is an error, never another character.
 */
template<typename Next>
std::string decode(int letter, Next &&next, std::string &out)
{
    auto hex4 = [&next](std::uint32_t &cp) {
        cp = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = next();
            cp <<= 4;
            if (h >= '0' && h <= '9')
                cp |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f')
                cp |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                cp |= static_cast<std::uint32_t>(h - 'A' + 10);
            else
                return false;
        }
        return true;
    };
    switch (letter) {
    case '"': out += '"'; return {};
    case '\\': out += '\\'; return {};
    case '/': out += '/'; return {};
    case 'b': out += '\b'; return {};
    case 'f': out += '\f'; return {};
    case 'n': out += '\n'; return {};
    case 'r': out += '\r'; return {};
    case 't': out += '\t'; return {};
    case 'u': break;
    default: return "invalid escape sequence in a string";
    }
    std::uint32_t cp = 0;
    if (!hex4(cp))
        return "invalid \\u escape: expected 4 hexadecimal digits";
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return "invalid \\u escape: unpaired surrogate";
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        std::uint32_t low = 0;
        if (next() != '\\' || next() != 'u')
            return "invalid \\u escape: unpaired surrogate";
        if (!hex4(low))
            return "invalid \\u escape: expected 4 hexadecimal digits";
        if (low < 0xDC00 || low > 0xDFFF)
            return "invalid \\u escape: unpaired surrogate";
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    appendUtf8(out, cp);
    return {};
}

} // namespace Costscape::JsonEscape
