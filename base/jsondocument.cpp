// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/jsondocument.h"

#include "base/jsonescape.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace Costscape {

namespace {
constexpr int MaxDepth = 256;

std::string describeChar(char c)
{
    if (c == '\0')
        return "end of file";
    if (static_cast<unsigned char>(c) < 0x20)
        return "control character";
    return std::string("'") + c + "'";
}

} // namespace

/** Recursive-descent parser that records the position of every value by its JSON pointer. */
class JsonParser final
{
public:
    JsonParser(std::string_view text, JsonDocument &doc) : m_text(text), m_doc(doc) {}

    bool run()
    {
        // A UTF-8 byte order mark is harmless; editors on Windows add one.
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = 3; // invisible: the column stays 1
        skipSpace();
        if (!parseValue(m_doc.m_root, ""))
            return false;
        skipSpace();
        if (m_pos < m_text.size())
            return fail("unexpected " + describeChar(peek()) + " after the end of the JSON value");
        return true;
    }

    Error error() const { return m_error; }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
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
    bool fail(std::string message)
    {
        m_error = Error{ErrorCode::SyntaxError, std::move(message), m_doc.m_fileName, m_line, m_column};
        return false;
    }
    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                advance();
            else
                break;
        }
    }
    static std::string escapeToken(const std::string &key)
    {
        std::string out;
        for (char c : key) {
            if (c == '~')
                out += "~0";
            else if (c == '/')
                out += "~1";
            else
                out += c;
        }
        return out;
    }

    bool parseValue(JsonDocument::Json &out, const std::string &pointer)
    {
        m_doc.m_positions[pointer] = SourcePosition{m_line, m_column};
        const char c = peek();
        switch (c) {
        case '{': return parseObject(out, pointer);
        case '[': return parseArray(out, pointer);
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
            return fail("expected a JSON value, found " + describeChar(c));
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
                out += c;
                advance();
                continue;
            }
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
            if (!problem.empty())
                return fail(problem);
        }
    }

    bool parseObject(JsonDocument::Json &out, const std::string &pointer)
    {
        if (++m_depth > MaxDepth)
            return fail("JSON nested too deeply");
        out = JsonDocument::Json::object();
        advance();
        skipSpace();
        if (peek() == '}') {
            advance();
            --m_depth;
            return true;
        }
        while (true) {
            skipSpace();
            if (peek() == '}' && !out.empty())
                return fail("trailing comma before '}'");
            if (peek() != '"')
                return fail("expected a quoted key, found " + describeChar(peek()));
            const SourcePosition keyPos{m_line, m_column};
            std::string key;
            if (!parseString(key))
                return false;
            if (out.contains(key)) {
                m_line = keyPos.line;
                m_column = keyPos.column;
                return fail("duplicate key \"" + key + "\"");
            }
            skipSpace();
            if (peek() != ':')
                return fail("expected ':' after key \"" + key + "\", found " + describeChar(peek()));
            advance();
            skipSpace();
            JsonDocument::Json value;
            if (!parseValue(value, pointer + '/' + escapeToken(key)))
                return false;
            out[key] = std::move(value);
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
            return fail("expected ',' or '}' in object, found " + describeChar(peek()));
        }
    }

    bool parseArray(JsonDocument::Json &out, const std::string &pointer)
    {
        if (++m_depth > MaxDepth)
            return fail("JSON nested too deeply");
        out = JsonDocument::Json::array();
        advance();
        skipSpace();
        if (peek() == ']') {
            advance();
            --m_depth;
            return true;
        }
        std::size_t index = 0;
        while (true) {
            skipSpace();
            JsonDocument::Json value;
            if (!parseValue(value, pointer + '/' + std::to_string(index++)))
                return false;
            out.push_back(std::move(value));
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
            return fail("expected ',' or ']' in array, found " + describeChar(peek()));
        }
    }

    std::string_view m_text;
    JsonDocument &m_doc;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    int m_depth = 0;
    Error m_error;
};

Result<JsonDocument> JsonDocument::parse(std::string_view text, std::string fileName)
{
    JsonDocument doc;
    doc.m_fileName = std::move(fileName);
    JsonParser parser(text, doc);
    if (!parser.run())
        return parser.error();
    return doc;
}

Result<JsonDocument> JsonDocument::load(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{ErrorCode::FileNotFound, "cannot open the file (does it exist and is it readable?)", path, 0, 0};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return Error{ErrorCode::FileNotFound, "cannot read the file", path, 0, 0};
    return parse(buffer.str(), path);
}

SourcePosition JsonDocument::nearestPosition(const PositionMap &positions, std::string pointer)
{
    while (true) {
        const auto it = positions.find(pointer);
        if (it != positions.end())
            return it->second;
        if (pointer.empty())
            return {};
        pointer.erase(pointer.rfind('/'));
    }
}

SourcePosition JsonDocument::position(const Pointer &pointer) const
{
    return nearestPosition(m_positions, pointer.to_string());
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
