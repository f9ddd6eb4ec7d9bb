// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/positionindex.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace Costscape {

namespace {
std::uint64_t mix(std::uint64_t h)
{
    // splitmix64's finaliser: every input bit reaches every output bit.
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBULL;
    h ^= h >> 31;
    return h;
}

/** Unescapes one JSON pointer token (~1 is '/', ~0 is '~'). */
std::string unescapeToken(std::string_view token)
{
    std::string out;
    out.reserve(token.size());
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

/** One step of a pointer: its key and its (unescaped) token; the root's token is empty. */
struct Level {
    std::uint64_t key;
    std::string token;
};

/** The keys of pointer and of each of its parents, root first. */
std::vector<Level> keyChain(std::string_view pointer)
{
    std::vector<Level> levels{{PositionIndex::RootKey, {}}};
    std::size_t i = 0;
    while (i < pointer.size() && pointer[i] == '/') {
        std::size_t j = pointer.find('/', i + 1);
        if (j == std::string_view::npos)
            j = pointer.size();
        std::string token = unescapeToken(pointer.substr(i + 1, j - i - 1));
        const std::uint64_t key = PositionIndex::childKey(levels.back().key, token);
        levels.push_back({key, std::move(token)});
        i = j;
    }
    return levels;
}

// An array element's slot: bit 31 clear, the element is on the bracket's line and the rest is
// its column; bit 31 set, bits 11-30 are lines below the bracket and bits 0-10 the column.
// Unset (all ones) means "not in the run: look among the entries".
constexpr std::uint32_t Unset = 0xFFFFFFFFu;
constexpr std::uint32_t NextLines = 0x80000000u;
constexpr int ColumnBits = 11;

std::uint32_t encodeSlot(int openLine, SourcePosition pos)
{
    const long long below = static_cast<long long>(pos.line) - openLine;
    if (below == 0 && pos.column > 0)
        return static_cast<std::uint32_t>(pos.column); // int, so below 2^31
    // The column stays below 2^11 - 1, so that a slot is never Unset.
    if (below > 0 && below < (1LL << 20) && pos.column > 0 && pos.column < (1 << ColumnBits) - 1)
        return NextLines | (static_cast<std::uint32_t>(below) << ColumnBits) | static_cast<std::uint32_t>(pos.column);
    return Unset;
}

SourcePosition decodeSlot(int openLine, std::uint32_t slot)
{
    if ((slot & NextLines) == 0)
        return {openLine, static_cast<int>(slot)};
    return {openLine + static_cast<int>((slot & ~NextLines) >> ColumnBits),
            static_cast<int>(slot & ((1u << ColumnBits) - 1))};
}

// An entry's place in 32 bits: bit 31 clear, bits 25-30 are the line less one (the first 64 lines,
// where a minified file's long lines are) and bits 0-24 the column; bit 31 set, bits 11-30 are the
// line less one and bits 0-10 the column (a pretty-printed file). Other places take a wide entry.
constexpr std::uint32_t LongLines = 0x80000000u;
constexpr int FewLineBits = 6;
constexpr int LongColumnBits = 25;

std::optional<std::uint32_t> encodePlace(SourcePosition pos)
{
    if (pos.line < 1 || pos.column < 1)
        return std::nullopt;
    const auto line = static_cast<std::uint32_t>(pos.line - 1);
    const auto column = static_cast<std::uint32_t>(pos.column);
    if (line < (1u << FewLineBits) && column < (1u << LongColumnBits))
        return (line << LongColumnBits) | column;
    if (line < (1u << 20) && column < (1u << ColumnBits))
        return LongLines | (line << ColumnBits) | column;
    return std::nullopt;
}

SourcePosition decodePlace(std::uint32_t place)
{
    if ((place & LongLines) == 0)
        return {static_cast<int>(place >> LongColumnBits) + 1, static_cast<int>(place & ((1u << LongColumnBits) - 1))};
    return {static_cast<int>((place & ~LongLines) >> ColumnBits) + 1, static_cast<int>(place & ((1u << ColumnBits) - 1))};
}

/** The index that a pointer token names in an array, if it is one (decimal, no leading zero). */
std::optional<std::size_t> arrayIndex(std::string_view token)
{
    if (token.empty() || token.size() > 10 || (token.size() > 1 && token[0] == '0'))
        return std::nullopt;
    std::size_t v = 0;
    for (const char c : token) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + static_cast<std::size_t>(c - '0');
    }
    return v;
}
} // namespace

std::uint64_t PositionIndex::childKey(std::uint64_t parent, std::string_view token)
{
    // FNV-1a over the token, then the length and the parent's key through a full mix, so that
    // "a/b" as one key and "a", "b" as two differ.
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const char c : token) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return mix(h ^ mix(parent + token.size()));
}

void PositionIndex::add(std::uint64_t key, SourcePosition pos)
{
    if (const auto place = encodePlace(pos))
        m_entries.push_back({static_cast<std::uint32_t>(key >> 32), static_cast<std::uint32_t>(key), *place});
    else
        m_wide.push_back({key, pos.line, pos.column});
}

void PositionIndex::reserve(std::size_t members, std::size_t elements)
{
    m_entries.reserve(members);
    m_slots.reserve(elements);
}

std::size_t PositionIndex::beginArray(std::uint64_t key, int openLine, std::size_t expected)
{
    expected = std::min<std::size_t>(expected, 0xFFFFFFFFu);
    m_runs.push_back({key, m_slots.size(), static_cast<std::uint32_t>(expected), openLine});
    m_slots.resize(m_slots.size() + expected, Unset);
    return m_runs.size() - 1;
}

void PositionIndex::addElement(std::size_t run, std::size_t index, std::uint64_t elementKey, SourcePosition pos)
{
    const Run &r = m_runs[run];
    const std::uint32_t slot = index < r.count ? encodeSlot(r.line, pos) : Unset;
    if (slot != Unset)
        m_slots[r.first + index] = slot;
    else
        add(elementKey, pos);
}

void PositionIndex::finish()
{
    // No shrink_to_fit: it would copy every entry, and the reserved tail was never touched, so it
    // takes address space but no memory.
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) { return a.key() < b.key(); });
    std::sort(m_wide.begin(), m_wide.end(), [](const WideEntry &a, const WideEntry &b) { return a.key < b.key; });
    std::sort(m_runs.begin(), m_runs.end(), [](const Run &a, const Run &b) { return a.key < b.key; });
    m_count = m_entries.size() + m_wide.size() + static_cast<std::size_t>(std::count_if(m_slots.begin(), m_slots.end(),
                                                                         [](std::uint32_t s) { return s != Unset; }));
}

std::size_t PositionIndex::bytes() const
{
    return m_entries.capacity() * sizeof(Entry) + m_wide.capacity() * sizeof(WideEntry) + m_runs.capacity() * sizeof(Run)
        + m_slots.capacity() * sizeof(std::uint32_t);
}

std::optional<SourcePosition> PositionIndex::lookup(std::uint64_t key) const
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
                                     [](const Entry &e, std::uint64_t k) { return e.key() < k; });
    if (it != m_entries.end() && it->key() == key)
        return decodePlace(it->place);
    const auto wide = std::lower_bound(m_wide.begin(), m_wide.end(), key,
                                       [](const WideEntry &e, std::uint64_t k) { return e.key < k; });
    if (wide != m_wide.end() && wide->key == key)
        return SourcePosition{wide->line, wide->column};
    return std::nullopt;
}

std::optional<SourcePosition> PositionIndex::element(std::uint64_t arrayKey, std::string_view token) const
{
    const auto index = arrayIndex(token);
    if (!index)
        return std::nullopt;
    const auto it = std::lower_bound(m_runs.begin(), m_runs.end(), arrayKey,
                                     [](const Run &r, std::uint64_t k) { return r.key < k; });
    if (it == m_runs.end() || it->key != arrayKey || *index >= it->count)
        return std::nullopt;
    const std::uint32_t slot = m_slots[it->first + *index];
    if (slot == Unset)
        return std::nullopt;
    return decodeSlot(it->line, slot);
}

std::optional<SourcePosition> PositionIndex::at(std::uint64_t key, std::uint64_t parentKey, std::string_view token,
                                                bool hasParent) const
{
    if (hasParent)
        if (const auto pos = element(parentKey, token))
            return pos;
    return lookup(key);
}

std::optional<SourcePosition> PositionIndex::find(std::string_view pointer) const
{
    const std::vector<Level> levels = keyChain(pointer);
    const std::size_t k = levels.size() - 1;
    return at(levels[k].key, k > 0 ? levels[k - 1].key : 0, levels[k].token, k > 0);
}

SourcePosition PositionIndex::nearest(std::string_view pointer) const
{
    const std::vector<Level> levels = keyChain(pointer);
    for (std::size_t k = levels.size(); k-- > 0;)
        if (const auto pos = at(levels[k].key, k > 0 ? levels[k - 1].key : 0, levels[k].token, k > 0))
            return *pos;
    return {};
}

} // namespace Costscape
