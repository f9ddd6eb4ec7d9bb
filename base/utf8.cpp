// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/utf8.h"

#include <algorithm>
#include <cstring>

namespace Costscape::Utf8 {

namespace {
/** How many bytes a sequence with this lead byte needs, or 0 for a byte that cannot lead. */
std::size_t expectedLength(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 0; // 0x80..0xC1 (continuation or overlong lead), 0xF5..0xFF
}

/** Whether the second byte is allowed after lead (Table 3-7 of the Unicode standard). */
bool secondAllowed(unsigned char lead, unsigned char second)
{
    switch (lead) {
    case 0xE0: return second >= 0xA0 && second <= 0xBF; // no overlong 3-byte forms
    case 0xED: return second >= 0x80 && second <= 0x9F; // no surrogates
    case 0xF0: return second >= 0x90 && second <= 0xBF; // no overlong 4-byte forms
    case 0xF4: return second >= 0x80 && second <= 0x8F; // nothing past U+10FFFF
    default: return second >= 0x80 && second <= 0xBF;
    }
}

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }
} // namespace

std::size_t sequenceLength(std::string_view text)
{
    const auto lead = static_cast<unsigned char>(text[0]);
    const std::size_t n = expectedLength(lead);
    if (n <= 1 || text.size() < n)
        return n == 1 ? 1 : 0;
    if (!secondAllowed(lead, static_cast<unsigned char>(text[1])))
        return 0;
    for (std::size_t i = 2; i < n; ++i)
        if (!isContinuation(static_cast<unsigned char>(text[i])))
            return 0;
    return n;
}

std::size_t validPrefix(std::string_view text)
{
    std::size_t i = 0;
    const std::size_t size = text.size();
    while (i < size) {
        // Most text is ASCII: skip it eight bytes at a time.
        while (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = sequenceLength(text.substr(i));
        if (n == 0)
            return i;
        i += n;
    }
    return size;
}

std::string_view truncate(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    std::size_t end = maxBytes;
    // Back off over continuation bytes to the start of the character that would be cut.
    while (end > 0 && isContinuation(static_cast<unsigned char>(text[end])))
        --end;
    return text.substr(0, end);
}

std::string repaired(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t good = validPrefix(text.substr(i));
        out.append(text.substr(i, good));
        i += good;
        if (i < text.size()) {
            out += "\xEF\xBF\xBD";
            ++i;
            while (i < text.size() && isContinuation(static_cast<unsigned char>(text[i])))
                ++i;
        }
    }
    return out;
}

std::optional<Error> check(std::string_view text, const std::string &fileName)
{
    const std::size_t bad = validPrefix(text);
    if (bad == text.size())
        return std::nullopt;
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < bad; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if (!isContinuation(c)) {
            ++column;
        }
    }
    return Error{ErrorCode::SyntaxError, InvalidMessage, fileName, line, column};
}

std::ptrdiff_t StreamChecker::feed(std::string_view chunk)
{
    std::size_t i = 0;
    if (m_pendingLength > 0) {
        // Complete the sequence begun in an earlier chunk.
        const auto began = -static_cast<std::ptrdiff_t>(m_pendingLength);
        unsigned char seq[4];
        std::memcpy(seq, m_pending, m_pendingLength);
        std::size_t have = m_pendingLength;
        const std::size_t need = expectedLength(seq[0]);
        while (have < need && i < chunk.size())
            seq[have++] = static_cast<unsigned char>(chunk[i++]);
        if (have < need) {
            // Still cut: every byte so far must be a plausible continuation.
            for (std::size_t k = 1; k < have; ++k)
                if (!isContinuation(seq[k]) || (k == 1 && !secondAllowed(seq[0], seq[1]))) {
                    m_pendingLength = 0;
                    return began;
                }
            std::memcpy(m_pending, seq, have);
            m_pendingLength = have;
            return Fine;
        }
        m_pendingLength = 0;
        if (sequenceLength(std::string_view(reinterpret_cast<const char *>(seq), have)) != need)
            return began;
    }
    const std::string_view rest = chunk.substr(i);
    const std::size_t good = validPrefix(rest);
    if (good == rest.size())
        return Fine;
    // A sequence cut by the end of the chunk is kept for the next one, if it may still be valid.
    const std::string_view tail = rest.substr(good);
    const std::size_t need = expectedLength(static_cast<unsigned char>(tail[0]));
    if (need > tail.size()) {
        bool plausible = true;
        for (std::size_t k = 1; k < tail.size(); ++k)
            if (!isContinuation(static_cast<unsigned char>(tail[k]))
                || (k == 1 && !secondAllowed(static_cast<unsigned char>(tail[0]), static_cast<unsigned char>(tail[1]))))
                plausible = false;
        if (plausible) {
            std::memcpy(m_pending, tail.data(), tail.size());
            m_pendingLength = tail.size();
            return Fine;
        }
    }
    return static_cast<std::ptrdiff_t>(i + good);
}

} // namespace Costscape::Utf8
