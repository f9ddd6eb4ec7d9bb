// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace Costscape {

/**
 * A zeroed open-addressing table of at least twice `entries` slots (a power of two, 16 or more),
 * in storage the calling thread keeps between calls: the sweep's evaluations and the Monte Carlo
 * draws each build one for 8,760 hours, and a fresh 128 KiB allocation faulted in each time cost
 * more than filling it. The storage is given back when the table is destroyed if it grew past
 * 4 MiB (a very long plan's). `storage` is the caller's own `thread_local` vector, one per use,
 * and must not be used by another ScratchTable at the same time.
 */
class ScratchTable final
{
public:
    ScratchTable(std::vector<std::uint32_t> &storage, std::size_t entries)
        : m_storage(storage)
    {
        std::size_t capacity = 16;
        while (capacity < 2 * entries)
            capacity *= 2;
        m_storage.assign(capacity, 0);
    }
    ~ScratchTable()
    {
        if (m_storage.capacity() > (std::size_t{1} << 20))
            std::vector<std::uint32_t>().swap(m_storage);
    }
    ScratchTable(const ScratchTable &) = delete;
    ScratchTable &operator=(const ScratchTable &) = delete;

    std::uint32_t *data() { return m_storage.data(); }
    std::size_t mask() const { return m_storage.size() - 1; }

private:
    std::vector<std::uint32_t> &m_storage;
};

} // namespace Costscape
