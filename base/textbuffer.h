// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

namespace Costscape {

/**
 * A file's text in memory, read once from start to end by a parser that never looks back, which
 * can give the part already read back to the system while it reads on. A reader that builds a
 * document from its text holds both; without this the text is a whole extra copy of the file at
 * the peak (issue 13: the reader's memory is to stay under 4x the file).
 *
 * On POSIX systems the bytes are in pages of their own (an anonymous mapping), and
 * releaseBefore() gives back the whole pages before an offset: their bytes are lost (Linux reads
 * them as zeros), but reading them is never a fault. Elsewhere the bytes are on the heap and
 * releaseBefore() does nothing.
 *
 * append() and reserve() throw std::bad_alloc when memory cannot be had.
 */
class TextBuffer final
{
public:
    TextBuffer() = default;
    ~TextBuffer();
    TextBuffer(const TextBuffer &) = delete;
    TextBuffer &operator=(const TextBuffer &) = delete;

    /** Makes room for capacity bytes in all (a hint: append grows past it). */
    void reserve(std::size_t capacity);
    /** Appends n bytes; call before any releaseBefore(). */
    void append(const char *data, std::size_t n);
    /** The bytes appended (those released are lost). */
    std::string_view view() const { return {m_data, m_size}; }
    std::size_t size() const { return m_size; }

    /**
     * Gives back the memory of the bytes before offset, which the caller will not read again.
     * Cheap to call often: it acts once a step of bytes has gone by.
     */
    void releaseBefore(std::size_t offset)
    {
        if (offset >= m_released + ReleaseStep)
            release(offset);
    }

private:
    /**
     * Pages are given back 64 KB at a time: a few system calls a megabyte, and at most 64 KB of
     * read text still held when the document is largest (256 KB was 0.13x a 2 MB file).
     */
    static constexpr std::size_t ReleaseStep = std::size_t(64) << 10;
    void release(std::size_t offset);
    void grow(std::size_t capacity);
    static char *allocate(std::size_t capacity);
    static void deallocate(char *data, std::size_t capacity);

    char *m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
    std::size_t m_released = 0; ///< bytes before this were given back
};

} // namespace Costscape
