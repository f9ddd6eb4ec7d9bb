// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/textbuffer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#define COSTSCAPE_TEXTBUFFER_PAGES 1
#endif

namespace Costscape {

TextBuffer::~TextBuffer()
{
    deallocate(m_data, m_capacity);
}

char *TextBuffer::allocate(std::size_t capacity)
{
#ifdef COSTSCAPE_TEXTBUFFER_PAGES
    // A mapping of its own, not malloc's heap: its pages can be given back one by one, and
    // MADV_DONTNEED on them can never touch another allocation.
    void *p = mmap(nullptr, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        throw std::bad_alloc();
    return static_cast<char *>(p);
#else
    void *p = std::malloc(capacity);
    if (!p)
        throw std::bad_alloc();
    return static_cast<char *>(p);
#endif
}

void TextBuffer::deallocate(char *data, std::size_t capacity)
{
    if (!data)
        return;
#ifdef COSTSCAPE_TEXTBUFFER_PAGES
    munmap(data, capacity);
#else
    (void)capacity;
    std::free(data);
#endif
}

void TextBuffer::grow(std::size_t capacity)
{
    char *data = allocate(capacity);
    if (m_size > 0)
        std::memcpy(data, m_data, m_size);
    deallocate(m_data, m_capacity);
    m_data = data;
    m_capacity = capacity;
}

void TextBuffer::reserve(std::size_t capacity)
{
    if (capacity > m_capacity)
        grow(capacity);
}

void TextBuffer::append(const char *data, std::size_t n)
{
    if (n > m_capacity - m_size)
        grow(std::max(m_size + n, m_capacity * 2));
    std::memcpy(m_data + m_size, data, n);
    m_size += n;
}

void TextBuffer::release(std::size_t offset)
{
#ifdef COSTSCAPE_TEXTBUFFER_PAGES
    static const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const std::size_t end = std::min(offset, m_size) / page * page; // the mapping starts on a page
    if (end > m_released) {
        madvise(m_data + m_released, end - m_released, MADV_DONTNEED);
        m_released = end;
    }
#else
    m_released = offset;
#endif
}

} // namespace Costscape
