// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/positionindex.h"
#include "base/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Costscape {

/**
 * What a reader accepts, checked while parsing so that a huge or endless input stops early with
 * a message rather than filling memory: a file past maxBytes, an array past maxArrayLength
 * elements, an object past maxObjectMembers members, a string past maxStringBytes bytes.
 */
struct JsonLimits {
    std::size_t maxBytes = std::size_t(512) << 20;
    std::size_t maxArrayLength = 1'000'000;
    std::size_t maxObjectMembers = 5'000'000;
    std::size_t maxStringBytes = std::size_t(1) << 20;
};

/**
 * A JSON document that remembers where every value stood in its file, so that a semantic error
 * found long after parsing ("unknown instance type z9.mega") can still name its line and column.
 *
 * The parser is strict RFC 8259: no comments, no trailing commas, no NaN or Infinity, no duplicate
 * keys in one object (a duplicate would silently change a figure). Nesting deeper than 256 levels
 * is refused rather than risking the stack. Strings must be valid UTF-8 (raw bytes and \\u escapes
 * alike: a lone surrogate is an error); an invalid byte is a SyntaxError at its line and column.
 * Parsing is linear in the size of the text (duplicate keys are found with a hash set) and the
 * limits in JsonLimits are enforced while reading. Running out of memory is an error, not an
 * abort. Numbers that are integers and fit 64 bits stay
 * integers; all others are doubles. Object key order is kept so that a file written back reads
 * like the one loaded.
 */
class JsonDocument final
{
public:
    using Json = nlohmann::ordered_json;
    using Pointer = Json::json_pointer;
    using PositionMap = PositionIndex;

    JsonDocument() = default;
    JsonDocument(const JsonDocument &) = default;
    JsonDocument(JsonDocument &&) noexcept = default;
    JsonDocument &operator=(const JsonDocument &) = default;
    JsonDocument &operator=(JsonDocument &&) noexcept = default;
    /** Frees the tree with dismantle(), never with a copy of a large container's elements. */
    ~JsonDocument();

    /**
     * Frees every container in value, deepest first, leaving value null. nlohmann's own destructor
     * first moves a container's elements into a stack of their own (16 bytes each, growing by
     * doubling) while the container is still held: for a large document that stack was the
     * program's peak memory (issue 13). Emptying each container after its children needs no
     * stack; the recursion is as deep as the value's nesting, which the parser keeps to 256.
     */
    static void dismantle(Json &value) noexcept;

    /**
     * Where the value at pointer (a JSON pointer string) starts, or the nearest enclosing value
     * that is in positions: an absent key points at its object. {0,0} when nothing matches.
     */
    static SourcePosition nearestPosition(const PositionMap &positions, std::string pointer);

    /**
     * Parses text; fileName only labels messages. Fails with SyntaxError at the exact place, with
     * OutOfRange at the value that breaks a limit, and with OutOfRange (no line) when memory runs out.
     */
    static Result<JsonDocument> parse(std::string_view text, std::string fileName, const JsonLimits &limits = {});
    /**
     * Reads and parses a file. Fails with FileNotFound (no line) when it cannot be read, with
     * OutOfRange when it is larger than limits.maxBytes (read no further than that, so a device
     * that never ends is refused) and with SyntaxError at the first NUL byte (not a text file).
     */
    static Result<JsonDocument> load(const std::string &path, const JsonLimits &limits = {});

    const Json &root() const { return m_root; }
    /** Hands over the root without a copy; the document keeps a null root (its positions stay). */
    Json takeRoot() { return std::exchange(m_root, Json()); }
    /** Hands over the positions without a copy; the document keeps none. */
    PositionMap takePositions() { return std::exchange(m_positions, PositionMap()); }
    const std::string &fileName() const { return m_fileName; }

    /** Every value's position, looked up by JSON pointer string ("" for the root). */
    const PositionMap &positions() const { return m_positions; }
    /** Where the value at pointer starts; {0,0} when the pointer was not in the file. */
    SourcePosition position(const Pointer &pointer) const;
    /** An error located at the value at pointer (or the nearest enclosing value that exists). */
    Error errorAt(const Pointer &pointer, ErrorCode code, std::string message) const;

private:
    friend class JsonParser;
    Json m_root;
    std::string m_fileName;
    PositionMap m_positions;
};

/** Writes a JSON number the way people type prices: shortest form that reads back exactly. */
std::string formatJsonNumber(double value);

} // namespace Costscape
