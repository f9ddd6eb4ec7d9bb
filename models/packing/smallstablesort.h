// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the packers: not for other modules.

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

namespace Costscape::Models::PackingDetail {

/**
 * std::stable_sort(first, last, comp), without the heap buffer it takes on every call: the packers
 * sort a handful of items thousands of times per packing (each pricing knapsack sorts its items six
 * times), and that buffer was a tenth of the cold year sweep's time.
 *
 * Contract: the order is exactly std::stable_sort's, element for element, for any comparator,
 * also one that is not a strict weak ordering (the knapsacks compare products of doubles, where
 * rounding can make near-ties intransitive, and a different order there would change the patterns
 * and so the fleets). For up to 14 elements it therefore repeats, step by step, what libstdc++'s
 * stable_sort does with a full buffer: each half (the first (n+1)/2 elements, then the rest)
 * insertion-sorted, then the halves merged through a buffer, forward when the halves are equal,
 * backward when the first is longer. tst_ecspacking checks that against std::stable_sort with
 * comparators that answer at random. Longer ranges, and other standard libraries, call
 * std::stable_sort itself. Never fails; the element type must be default-constructible and movable.
 */
template <class It, class Compare>
void stableSortSmall(It first, It last, Compare comp)
{
#if defined(__GLIBCXX__)
    using Value = typename std::iterator_traits<It>::value_type;
    const auto n = last - first;
    if (n <= 14) {
        if (n < 2)
            return;
        // libstdc++'s __insertion_sort: an element below the first goes to the front at once,
        // any other moves down while it compares below its neighbour.
        auto insertion = [&comp](It from, It to) {
            for (It i = from + 1; i != to; ++i) {
                if (comp(*i, *from)) {
                    Value v = std::move(*i);
                    std::move_backward(from, i, i + 1);
                    *from = std::move(v);
                } else {
                    Value v = std::move(*i);
                    It hole = i;
                    It next = i - 1;
                    while (comp(v, *next)) {
                        *hole = std::move(*next);
                        hole = next;
                        --next;
                    }
                    *hole = std::move(v);
                }
            }
        };
        const auto len1 = (n + 1) / 2, len2 = n - len1;
        const It middle = first + len1;
        insertion(first, middle);
        insertion(middle, last);
        std::array<Value, 7> buffer;
        if (len1 <= len2) {
            // __move_merge_adaptive: the first half from the buffer, an element of the second
            // taken only when it compares below.
            const auto bufferEnd = std::move(first, middle, buffer.begin());
            auto a = buffer.begin();
            It b = middle, out = first;
            while (a != bufferEnd && b != last) {
                if (comp(*b, *a))
                    *out++ = std::move(*b++);
                else
                    *out++ = std::move(*a++);
            }
            std::move(a, bufferEnd, out);
        } else {
            // __move_merge_adaptive_backward: the second half from the buffer, from the back.
            const auto bufferEnd = std::move(middle, last, buffer.begin());
            It a = middle, out = last;
            auto b = bufferEnd;
            --a;
            --b;
            while (true) {
                if (comp(*b, *a)) {
                    *--out = std::move(*a);
                    if (a == first) {
                        std::move_backward(buffer.begin(), b + 1, out);
                        return;
                    }
                    --a;
                } else {
                    *--out = std::move(*b);
                    if (b == buffer.begin())
                        return;
                    --b;
                }
            }
        }
        return;
    }
#endif
    std::stable_sort(first, last, comp);
}

} // namespace Costscape::Models::PackingDetail
