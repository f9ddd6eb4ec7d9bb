// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/jsondocument.h"

#include "base/jsonescape.h"
#include "base/textbuffer.h"

#include "base/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>
#include <functional>
#include <vector>

namespace Costscape {

namespace {
constexpr int MaxDepth = 256;
/** Objects with more members than this find duplicates with a hash set instead of a scan. */
constexpr std::size_t LinearKeyScan = 16;

std::string megabytes(std::size_t bytes)
{
    return std::to_string(bytes >> 20) + " MB";
}

/**
 * The keys of one object read so far, to find a duplicate in constant time: an open addressing
 * table of member indices (4 bytes a slot, at most 3/4 full). A std::unordered_set<std::string>
 * held a copy of each key in a node, 70-80 bytes a member: 3x a file of short keys (issue 13).
 */
class KeyTable final
{
public:
    using Members = JsonDocument::Json::object_t;

    bool empty() const { return m_slots.empty(); }

    /** Fills the table with the keys of members (all distinct), with room for expected in all. */
    void build(const Members &members, std::size_t expected)
    {
        rehash(members, std::max(expected, members.size() + 1));
    }

    /**
     * Whether key is among members; if not, records it as the index members.size(), the member
     * about to be appended (it must be appended before the next call).
     */
    bool findOrAdd(const Members &members, std::string_view key)
    {
        const std::size_t index = members.size();
        if ((index + 1) * 4 > m_slots.size() * 3)
            rehash(members, (index + 1) * 2);
        for (std::size_t s = start(key);; s = s + 1 == m_slots.size() ? 0 : s + 1) {
            const std::uint32_t slot = m_slots[s];
            if (slot == Empty) {
                m_slots[s] = static_cast<std::uint32_t>(index);
                return false;
            }
            if (members.begin()[slot].first == key) // ordered_map's operator[] takes a key, not an index
                return true;
        }
    }

private:
    static constexpr std::uint32_t Empty = 0xFFFFFFFFu;

    std::size_t start(std::string_view key) const
    {
        // The hash's high 32 bits scaled to the table (a multiply, not a modulo), so that the
        // table's size need not be a power of two and wastes no room.
        const auto h = static_cast<std::uint64_t>(std::hash<std::string_view>{}(key));
        return static_cast<std::size_t>(((h >> 32) * m_slots.size()) >> 32);
    }

    /** Makes room for `capacity` members at most three quarters full, keeping those of members. */
    void rehash(const Members &members, std::size_t capacity)
    {
        // The slots hold 32-bit indices; maxObjectMembers keeps an object far below that.
        m_slots.assign(capacity + capacity / 3 + 1, Empty);
        for (std::size_t i = 0; i < members.size(); ++i) {
            std::size_t s = start(members.begin()[i].first);
            while (m_slots[s] != Empty)
                s = s + 1 == m_slots.size() ? 0 : s + 1;
            m_slots[s] = static_cast<std::uint32_t>(i);
        }
    }

    std::vector<std::uint32_t> m_slots;
};

} // namespace

/** Recursive-descent parser that records the position of every value by its path's key. */
class JsonParser final
{
public:
    /** buffer, when given, holds text and is given back behind the parser as it reads on. */
    JsonParser(std::string_view text, JsonDocument &doc, const JsonLimits &limits, TextBuffer *buffer = nullptr)
        : m_text(text), m_doc(doc), m_limits(limits), m_buffer(buffer)
    {
    }

    bool run()
    {
        if (m_text.size() > m_limits.maxBytes) {
            m_error = Error{ErrorCode::OutOfRange, "the file is larger than " + megabytes(m_limits.maxBytes)
                                                       + ", the most this kind of file may be",
                            m_doc.m_fileName, 0, 0};
            return false;
        }
        // A UTF-8 byte order mark is harmless; editors on Windows add one.
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = 3; // invisible: the column stays 1
        measure();
        skipSpace();
        m_doc.m_positions.add(PositionIndex::RootKey, SourcePosition{m_line, m_column});
        if (!parseValue(m_doc.m_root, PositionIndex::RootKey))
            return false;
        skipSpace();
        if (m_pos < m_text.size())
            return fail("unexpected " + describeHere() + " after the end of the JSON value");
        m_doc.m_positions.finish();
        return true;
    }

    Error error() const { return m_error; }

    /** JsonDocument::parse, with the text's buffer given back as it is read when buffer holds it. */
    static Result<JsonDocument> parseDocument(std::string_view text, std::string fileName, const JsonLimits &limits,
                                              TextBuffer *buffer)
    {
        try {
            JsonDocument doc;
            doc.m_fileName = fileName;
            JsonParser parser(text, doc, limits, buffer);
            if (!parser.run())
                return parser.error();
            return doc;
        } catch (const std::bad_alloc &) {
            return Error{ErrorCode::OutOfRange,
                         "not enough memory to read this file (" + std::to_string(text.size() >> 20) + " MB)", fileName,
                         0, 0};
        }
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    /** What stands at the current position, for messages; never echoes a byte that is not text. */
    std::string describeHere() const
    {
        if (m_pos >= m_text.size())
            return "end of file";
        const auto c = static_cast<unsigned char>(m_text[m_pos]);
        if (c == 0)
            return "a NUL byte (this is not a text file)";
        if (c < 0x20 || c == 0x7F)
            return "control character";
        if (c >= 0x80) {
            const std::size_t n = Utf8::sequenceLength(m_text.substr(m_pos));
            if (n == 0)
                return std::string("an ") + Utf8::InvalidMessage;
            return "'" + std::string(m_text.substr(m_pos, n)) + "'";
        }
        return std::string("'") + static_cast<char>(c) + "'";
    }
    void advance(std::size_t n = 1)
    {
        for (std::size_t i = 0; i < n && m_pos < m_text.size(); ++i, ++m_pos) {
            if (m_text[m_pos] == '\n') {
                ++m_line;
                m_column = 1;
            } else if ((static_cast<unsigned char>(m_text[m_pos]) & 0xC0) != 0x80) {
                ++m_column; // count characters, not UTF-8 continuation bytes
            }
        }
    }
    bool fail(std::string message, ErrorCode code = ErrorCode::SyntaxError)
    {
        m_error = Error{code, std::move(message), m_doc.m_fileName, m_line, m_column};
        return false;
    }
    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\r')
                ++m_pos, ++m_column;
            else if (c == '\n')
                ++m_pos, ++m_line, m_column = 1;
            else
                break;
        }
    }

    /**
     * One fast pass before parsing: how many members or elements each object and array holds (in
     * the order their brackets open), so that each is reserved at its size. A growing vector would
     * hold up to twice its elements, and three times while it moves them: for a long array of
     * short numbers that was most of the reader's memory. On a text that is not valid JSON the
     * counts may be wrong; they are only hints, and the parser then fails anyway.
     */
    void measure()
    {
        std::vector<std::uint32_t> open; // indices into m_sizes of the containers now open
        std::vector<bool> isArray;
        std::size_t members = 1; // the root
        std::size_t elements = 0;
        bool justOpened = false;
        for (std::size_t i = m_pos; i < m_text.size(); ++i) {
            const char c = m_text[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
                continue;
            if (justOpened && c != ']' && c != '}') {
                m_sizes[open.back()] = 1;
                (isArray.back() ? elements : members) += 1;
            }
            justOpened = false;
            if (c == '"') {
                for (++i; i < m_text.size() && m_text[i] != '"'; ++i)
                    if (m_text[i] == '\\')
                        ++i;
            } else if (c == '[' || c == '{') {
                if (open.size() > MaxDepth)
                    break; // the parser refuses this depth
                open.push_back(static_cast<std::uint32_t>(m_sizes.size()));
                isArray.push_back(c == '[');
                m_sizes.push_back(0);
                justOpened = true;
            } else if (c == ']' || c == '}') {
                if (open.empty())
                    break;
                open.pop_back();
                isArray.pop_back();
            } else if (c == ',' && !open.empty()) {
                ++m_sizes[open.back()];
                (isArray.back() ? elements : members) += 1;
            }
        }
        m_doc.m_positions.reserve(members, elements);
    }
    /** The count measure() found for the next container to open (0 past them). */
    std::size_t nextSize()
    {
        return m_nextContainer < m_sizes.size() ? m_sizes[m_nextContainer++] : 0;
    }

    bool parseValue(JsonDocument::Json &out, std::uint64_t key)
    {
        const char c = peek();
        switch (c) {
        case '{': return parseObject(out, key);
        case '[': return parseArray(out, key);
        case '"': {
            std::string s;
            if (!parseString(s))
                return false;
            out = std::move(s);
            return true;
        }
        case 't': return parseLiteral("true", out, true);
        case 'f': return parseLiteral("false", out, false);
        case 'n': return parseLiteral("null", out, nullptr);
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return parseNumber(out);
            if (c == 'N' || c == 'I')
                return fail("NaN and Infinity are not valid JSON numbers");
            return fail("expected a JSON value, found " + describeHere());
        }
    }

    template<typename V>
    bool parseLiteral(std::string_view word, JsonDocument::Json &out, V value)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return fail("invalid literal; expected '" + std::string(word) + "'");
        advance(word.size());
        out = value;
        return true;
    }

    bool parseNumber(JsonDocument::Json &out)
    {
        const std::size_t start = m_pos;
        std::size_t p = m_pos;
        auto digit = [&](std::size_t i) { return i < m_text.size() && m_text[i] >= '0' && m_text[i] <= '9'; };
        bool isInteger = true;
        if (p < m_text.size() && m_text[p] == '-')
            ++p;
        if (!digit(p))
            return fail("invalid number: a digit must follow '-'");
        if (m_text[p] == '0' && digit(p + 1))
            return fail("invalid number: leading zeros are not allowed");
        while (digit(p))
            ++p;
        if (p < m_text.size() && m_text[p] == '.') {
            isInteger = false;
            ++p;
            if (!digit(p))
                return fail("invalid number: a digit must follow '.'");
            while (digit(p))
                ++p;
        }
        if (p < m_text.size() && (m_text[p] == 'e' || m_text[p] == 'E')) {
            isInteger = false;
            ++p;
            if (p < m_text.size() && (m_text[p] == '+' || m_text[p] == '-'))
                ++p;
            if (!digit(p))
                return fail("invalid number: a digit must follow the exponent");
            while (digit(p))
                ++p;
        }
        const std::string_view token = m_text.substr(start, p - start);
        if (isInteger) {
            std::int64_t v = 0;
            const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
            if (ec == std::errc() && ptr == token.data() + token.size()) {
                out = v;
                advance(p - start);
                return true;
            }
        }
        double d = 0;
        const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), d);
        if (ec == std::errc::result_out_of_range || !std::isfinite(d))
            return fail("number out of range: " + std::string(token));
        if (ec != std::errc() || ptr != token.data() + token.size())
            return fail("invalid number: " + std::string(token));
        out = d;
        advance(p - start);
        return true;
    }

    bool parseString(std::string &out)
    {
        advance(); // opening quote
        while (true) {
            if (out.size() > m_limits.maxStringBytes)
                return fail("a string may be at most " + std::to_string(m_limits.maxStringBytes) + " bytes long",
                            ErrorCode::OutOfRange);
            // Plain ASCII runs are copied at once; they hold no newline, so the column moves by their length.
            std::size_t run = m_pos;
            const std::size_t runEnd = std::min(m_text.size(), m_pos + (m_limits.maxStringBytes - out.size()) + 1);
            while (run < runEnd) {
                const auto b = static_cast<unsigned char>(m_text[run]);
                if (b == '"' || b == '\\' || b < 0x20 || b >= 0x80)
                    break;
                ++run;
            }
            if (run > m_pos) {
                out.append(m_text.substr(m_pos, run - m_pos));
                m_column += static_cast<int>(run - m_pos);
                m_pos = run;
                continue;
            }
            if (m_pos >= m_text.size())
                return fail("unterminated string");
            const char c = m_text[m_pos];
            if (c == '"') {
                advance();
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("control character inside a string (a missing closing quote?)");
            if (c != '\\') {
                // A non-ASCII character: it must be well-formed UTF-8, or a writer would throw later.
                const std::size_t n = Utf8::sequenceLength(m_text.substr(m_pos));
                if (n == 0)
                    return fail(std::string(Utf8::InvalidMessage) + " in a string");
                out.append(m_text.substr(m_pos, n));
                advance(n);
                continue;
            }
            // An escape's error names the backslash, where the escape begins.
            const SourcePosition escapeAt{m_line, m_column};
            advance();
            const char letter = peek();
            advance();
            const std::string problem = JsonEscape::decode(letter, [this] {
                if (m_pos >= m_text.size())
                    return -1;
                const int c = static_cast<unsigned char>(m_text[m_pos]);
                advance();
                return c;
            }, out);
            if (!problem.empty()) {
                m_line = escapeAt.line;
                m_column = escapeAt.column;
                return fail(problem);
            }
        }
    }

    bool parseObject(JsonDocument::Json &out, std::uint64_t key)
    {
        if (++m_depth > MaxDepth)
            return fail("JSON nested too deeply");
        out = JsonDocument::Json::object();
        auto &members = out.get_ref<JsonDocument::Json::object_t &>();
        const std::size_t expected = std::min(nextSize(), m_limits.maxObjectMembers);
        members.reserve(expected);
        // Large objects find duplicates in a hash table: a scan per key would be quadratic.
        KeyTable seen;
        advance();
        skipSpace();
        if (peek() == '}') {
            advance();
            --m_depth;
            return true;
        }
        while (true) {
            skipSpace();
            releaseRead();
            if (peek() == '}' && !members.empty())
                return fail("trailing comma before '}'");
            if (peek() != '"')
                return fail("expected a quoted key, found " + describeHere());
            if (members.size() >= m_limits.maxObjectMembers)
                return fail("an object may hold at most " + std::to_string(m_limits.maxObjectMembers) + " members",
                            ErrorCode::OutOfRange);
            const SourcePosition keyPos{m_line, m_column};
            std::string name;
            if (!parseString(name))
                return false;
            bool duplicate = false;
            if (members.size() < LinearKeyScan) {
                for (const auto &m : members)
                    duplicate = duplicate || m.first == name;
            } else {
                if (seen.empty())
                    seen.build(members, expected);
                duplicate = seen.findOrAdd(members, name);
            }
            if (duplicate) {
                m_line = keyPos.line;
                m_column = keyPos.column;
                return fail("duplicate key \"" + name + "\"");
            }
            skipSpace();
            if (peek() != ':')
                return fail("expected ':' after key \"" + name + "\", found " + describeHere());
            advance();
            skipSpace();
            JsonDocument::Json value;
            const std::uint64_t memberKey = PositionIndex::childKey(key, name);
            m_doc.m_positions.add(memberKey, SourcePosition{m_line, m_column});
            if (!parseValue(value, memberKey))
                return false;
            // The key is known to be new: append without ordered_map's linear search.
            members.emplace_back(std::move(name), std::move(value));
            skipSpace();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == '}') {
                advance();
                --m_depth;
                return true;
            }
            return fail("expected ',' or '}' in object, found " + describeHere());
        }
    }

    bool parseArray(JsonDocument::Json &out, std::uint64_t key)
    {
        if (++m_depth > MaxDepth)
            return fail("JSON nested too deeply");
        out = JsonDocument::Json::array();
        auto &elements = out.get_ref<JsonDocument::Json::array_t &>();
        const std::size_t expected = std::min(nextSize(), m_limits.maxArrayLength);
        elements.reserve(expected);
        const std::size_t run = m_doc.m_positions.beginArray(key, m_line, expected);
        advance();
        skipSpace();
        if (peek() == ']') {
            advance();
            --m_depth;
            return true;
        }
        std::size_t index = 0;
        char digits[24];
        while (true) {
            skipSpace();
            releaseRead();
            if (index >= m_limits.maxArrayLength)
                return fail("an array may hold at most " + std::to_string(m_limits.maxArrayLength) + " elements",
                            ErrorCode::OutOfRange);
            const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, index);
            const std::uint64_t elementKey = PositionIndex::childKey(key, std::string_view(digits, std::size_t(end - digits)));
            m_doc.m_positions.addElement(run, index++, elementKey, SourcePosition{m_line, m_column});
            JsonDocument::Json value;
            if (!parseValue(value, elementKey))
                return false;
            elements.push_back(std::move(value));
            skipSpace();
            if (peek() == ',') {
                advance();
                skipSpace();
                if (peek() == ']')
                    return fail("trailing comma before ']'");
                continue;
            }
            if (peek() == ']') {
                advance();
                --m_depth;
                return true;
            }
            return fail("expected ',' or ']' in array, found " + describeHere());
        }
    }

    /**
     * The text before a member or an element that begins is never read again (the parser only
     * goes forward, and a message names the place it stands at), so its memory can go back.
     */
    void releaseRead()
    {
        if (m_buffer)
            m_buffer->releaseBefore(m_pos);
    }

    std::string_view m_text;
    JsonDocument &m_doc;
    const JsonLimits &m_limits;
    TextBuffer *m_buffer;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    int m_depth = 0;
    std::vector<std::uint32_t> m_sizes; ///< members or elements of each container, in opening order
    std::size_t m_nextContainer = 0;
    Error m_error;
};

Result<JsonDocument> JsonDocument::parse(std::string_view text, std::string fileName, const JsonLimits &limits)
{
    return JsonParser::parseDocument(text, std::move(fileName), limits, nullptr);
}

Result<JsonDocument> JsonDocument::load(const std::string &path, const JsonLimits &limits)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{ErrorCode::FileNotFound, "cannot open the file (does it exist and is it readable?)", path, 0, 0};
    // Not a std::string: the parser gives the text back as it reads on, so that the text and the
    // document it becomes are not both whole in memory at the end (issue 13's 4x goal).
    TextBuffer text;
    try {
        // Read in chunks and stop at the limit, or at a NUL byte (never valid JSON): a device like
        // /dev/zero never ends, and a binary file is not worth reading to its end.
        // A regular file's size is known: reserving it spares the buffer's doubling (which held up
        // to twice the text, three times while it moved). A device or pipe reports no size.
        std::error_code sizeError;
        const auto size = std::filesystem::file_size(path, sizeError);
        if (!sizeError && std::filesystem::is_regular_file(path, sizeError) && size <= limits.maxBytes)
            text.reserve(static_cast<std::size_t>(size));
        std::vector<char> chunk(std::size_t(1) << 16);
        while (in) {
            in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            const auto n = static_cast<std::size_t>(in.gcount());
            if (n == 0)
                break;
            if (text.size() + n > limits.maxBytes)
                return Error{ErrorCode::OutOfRange, "the file is larger than " + megabytes(limits.maxBytes)
                                                        + ", the most this kind of file may be",
                             path, 0, 0};
            text.append(chunk.data(), n);
            if (std::memchr(chunk.data(), '\0', n))
                break; // the parser places the error at the NUL or before it
        }
        if (in.bad())
            return Error{ErrorCode::FileNotFound, "cannot read the file", path, 0, 0};
    } catch (const std::bad_alloc &) {
        return Error{ErrorCode::OutOfRange, "not enough memory to read this file", path, 0, 0};
    }
    return JsonParser::parseDocument(text.view(), path, limits, &text);
}

JsonDocument::~JsonDocument()
{
    dismantle(m_root);
}

void JsonDocument::dismantle(Json &value) noexcept
{
    if (value.is_array()) {
        auto &elements = value.get_ref<Json::array_t &>();
        for (Json &element : elements)
            dismantle(element);
        // Every element is now a scalar or an empty container, which nlohmann frees without a stack.
        Json::array_t().swap(elements);
    } else if (value.is_object()) {
        auto &members = value.get_ref<Json::object_t &>();
        for (auto &member : members)
            dismantle(member.second);
        Json::object_t().swap(members);
    }
    value = nullptr;
}

SourcePosition JsonDocument::nearestPosition(const PositionMap &positions, std::string pointer)
{
    return positions.nearest(pointer);
}

SourcePosition JsonDocument::position(const Pointer &pointer) const
{
    return m_positions.nearest(pointer.to_string());
}
Error JsonDocument::errorAt(const Pointer &pointer, ErrorCode code, std::string message) const
{
    const SourcePosition pos = position(pointer);
    return Error{code, std::move(message), m_fileName, pos.line, pos.column};
}

std::string formatJsonNumber(double value)
{
    char buf[64];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc() ? std::string(buf, ptr) : std::to_string(value);
}

} // namespace Costscape
