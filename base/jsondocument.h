// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <unordered_map>

namespace Costscape {

/** A 1-based place in a text file. */
struct SourcePosition {
    int line = 0;
    int column = 0;
};

/**
 * A JSON document that remembers where every value stood in its file, so that a semantic error
 * found long after parsing ("unknown instance type z9.mega") can still name its line and column.
 *
 * The parser is strict RFC 8259: no comments, no trailing commas, no NaN or Infinity, no duplicate
 * keys in one object (a duplicate would silently change a figure). Nesting deeper than 256 levels
 * is refused rather than risking the stack. Numbers that are integers and fit 64 bits stay
 * integers; all others are doubles. Object key order is kept so that a file written back reads
 * like the one loaded.
 */
class JsonDocument final
{
public:
    using Json = nlohmann::ordered_json;
    using Pointer = Json::json_pointer;
    using PositionMap = std::unordered_map<std::string, SourcePosition>;

    /**
     * Where the value at pointer (a JSON pointer string) starts, or the nearest enclosing value
     * that is in positions: an absent key points at its object. {0,0} when nothing matches.
     */
    static SourcePosition nearestPosition(const PositionMap &positions, std::string pointer);

    /** Parses text; fileName only labels messages. Fails with SyntaxError at the exact place. */
    static Result<JsonDocument> parse(std::string_view text, std::string fileName);
    /** Reads and parses a file. Fails with FileNotFound (no line) when it cannot be read. */
    static Result<JsonDocument> load(const std::string &path);

    const Json &root() const { return m_root; }
    const std::string &fileName() const { return m_fileName; }

    /** Every value's position, keyed by JSON pointer string ("" for the root). */
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
