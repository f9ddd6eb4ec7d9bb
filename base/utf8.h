// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/error.h"

#include <cstddef>
#include <cstdint>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

/**
 * UTF-8 checks shared by every reader, so that text taken from a file is valid UTF-8 (or an error
 * with its place) before it can reach a writer: nlohmann's JSON writer throws on invalid UTF-8.
 * Valid means RFC 3629: no overlong forms, no surrogates (U+D800..U+DFFF), nothing past U+10FFFF.
 */
namespace Costscape::Utf8 {

/**
 * The length in bytes of the valid UTF-8 sequence starting at text[0], or 0 when the bytes there
 * are not one (a stray continuation byte, an overlong form, a surrogate, a cut sequence...).
 * text must not be empty.
 */
std::size_t sequenceLength(std::string_view text);

/** The number of leading bytes of text that are valid UTF-8 (text.size() when it all is). */
std::size_t validPrefix(std::string_view text);

inline bool isValid(std::string_view text) { return validPrefix(text) == text.size(); }

/** The longest prefix of text of at most maxBytes bytes that does not cut a character in two. */
std::string_view truncate(std::string_view text, std::size_t maxBytes);

/** text with every invalid sequence replaced by U+FFFD; for messages about text that is broken. */
std::string repaired(std::string_view text);

/**
 * An error at the first invalid byte of text (line and column 1-based, columns in characters as
 * the JSON reader counts them), or nothing when text is valid UTF-8.
 */
std::optional<Error> check(std::string_view text, const std::string &fileName);

/** What the messages say; one sentence so every reader says the same. */
inline constexpr const char *InvalidMessage = "invalid UTF-8 byte sequence (the file must be saved as UTF-8)";

/**
 * Checks UTF-8 fed in chunks (a stream read in fixed-size buffers): a sequence may straddle two
 * chunks. feed() returns Fine, or where the first invalid sequence begins relative to the start
 * of the chunk: negative when it began in an earlier chunk (-2: two bytes before this chunk).
 * At the end of the text, pending() > 0 means it ended inside a character that began pending()
 * bytes before the end.
 */
class StreamChecker final
{
public:
    static constexpr std::ptrdiff_t Fine = PTRDIFF_MAX;
    std::ptrdiff_t feed(std::string_view chunk);
    std::size_t pending() const { return m_pendingLength; }

private:
    unsigned char m_pending[4] = {};
    std::size_t m_pendingLength = 0;
};

} // namespace Costscape::Utf8
