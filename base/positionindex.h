// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace Costscape {

/** A 1-based place in a text file. */
struct SourcePosition {
    int line = 0;
    int column = 0;
};

/**
 * Where each value of a document stood, looked up by JSON pointer. Compact on purpose, so that a
 * file of a million numbers does not cost many times its size:
 * - the root and each object member: 12 bytes (a 64-bit hash of the value's path, and its line and
 *   column in 32 bits: a line among the first 64 and a column below 2^25, or a line below 2^20
 *   and a column below 2^11); a place that fits neither takes 16 bytes;
 * - each array element: 4 bytes in its array's run, found by the array's key and the index, its
 *   line counted from the array's opening bracket (an element that does not fit 4 bytes, far down
 *   a long line of a multi-line array, falls back to a 16-byte entry).
 * Two paths with the same hash would only misplace a message; with 64 bits that is about one
 * chance in 10^12 for a million values.
 */
class PositionIndex final
{
public:
    /** The key of the root value (pointer ""). */
    static constexpr std::uint64_t RootKey = 0x9E3779B97F4A7C15ULL;
    /** The key of the member or element named token (unescaped, an index in decimal) of parent. */
    static std::uint64_t childKey(std::uint64_t parent, std::string_view token);

    /** Records the position of the root or of an object member. */
    void add(std::uint64_t key, SourcePosition pos);
    /**
     * Opens the run of an array's elements: room for expected elements (a hint: elements past it
     * are kept as entries), lines counted from openLine. Returns the run's handle for addElement.
     */
    std::size_t beginArray(std::uint64_t key, int openLine, std::size_t expected);
    /** Records element index (whose key is elementKey) of the run begun by beginArray. */
    void addElement(std::size_t run, std::size_t index, std::uint64_t elementKey, SourcePosition pos);
    /** Makes room for members (root included) and array elements, before adding them. */
    void reserve(std::size_t members, std::size_t elements);
    /** Sorts the index; call once after the last add(), before any find(). */
    void finish();
    /** The position of the value at pointer (a JSON pointer string), if it was recorded. */
    std::optional<SourcePosition> find(std::string_view pointer) const;
    /** Where the value at pointer starts, or its nearest enclosing value that is recorded; {0,0} when none. */
    SourcePosition nearest(std::string_view pointer) const;
    /** How many values have a recorded position. */
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    /** Forgets every position (and gives back their memory). */
    void clear()
    {
        *this = PositionIndex();
    }
    /** Bytes held by the index (its capacity), for the memory benchmark. */
    std::size_t bytes() const;

private:
    /** A place that fits 32 bits (see the class comment); 4-byte fields so that it takes 12 bytes. */
    struct Entry {
        std::uint32_t keyHigh;
        std::uint32_t keyLow;
        std::uint32_t place;
        std::uint64_t key() const { return (std::uint64_t(keyHigh) << 32) | keyLow; }
    };
    /** A place that does not fit 32 bits. */
    struct WideEntry {
        std::uint64_t key;
        std::int32_t line;
        std::int32_t column;
    };
    struct Run {
        std::uint64_t key;
        std::uint64_t first; ///< index of element 0 in m_slots
        std::uint32_t count; ///< slots reserved
        std::int32_t line;   ///< the opening bracket's line
    };
    std::optional<SourcePosition> lookup(std::uint64_t key) const;
    std::optional<SourcePosition> element(std::uint64_t arrayKey, std::string_view token) const;
    std::optional<SourcePosition> at(std::uint64_t key, std::uint64_t parentKey, std::string_view token,
                                     bool hasParent) const;
    std::vector<Entry> m_entries;
    std::vector<WideEntry> m_wide;
    std::vector<Run> m_runs;
    std::vector<std::uint32_t> m_slots;
    std::size_t m_count = 0;
};

} // namespace Costscape
