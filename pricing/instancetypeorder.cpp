// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/instancetypeorder.h"

#include <array>
#include <cstdint>
#include <utility>

namespace Costscape::Pricing {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/** The number written at the start of @p s, and how many characters it takes. */
std::pair<std::uint64_t, std::size_t> leadingNumber(std::string_view s)
{
    std::uint64_t n = 0;
    std::size_t i = 0;
    for (; i < s.size() && isDigit(s[i]); ++i)
        n = n * 10 + static_cast<std::uint64_t>(s[i] - '0');
    return {n, i};
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

/** Where a size comes, smallest first; sizes outside the list come after every known one. */
std::uint64_t sizeRank(std::string_view size)
{
    // The sizes AWS names, smallest first (https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html).
    static constexpr std::array<std::string_view, 6> named{"nano", "micro", "small", "medium", "large", "xlarge"};
    for (std::size_t i = 0; i < named.size(); ++i)
        if (equalsIgnoringCase(size, named[i]))
            return i;
    // "2xlarge" .. "48xlarge": right after "xlarge", by the multiple.
    const auto [multiple, digits] = leadingNumber(size);
    if (digits > 0 && equalsIgnoringCase(size.substr(digits), "xlarge"))
        return named.size() - 1 + multiple;
    // Bare metal after every virtual size; "metal-24xl" and "metal-48xl" after plain "metal".
    constexpr std::uint64_t metal = 1'000'000;
    if (equalsIgnoringCase(size, "metal"))
        return metal;
    if (size.size() > 6 && equalsIgnoringCase(size.substr(0, 6), "metal-")) {
        const auto [n, taken] = leadingNumber(size.substr(6));
        return metal + 1 + (taken > 0 ? n : 0);
    }
    return 2 * metal;
}

int sign(std::int64_t v)
{
    return v < 0 ? -1 : (v > 0 ? 1 : 0);
}

} // namespace

int compareNatural(std::string_view a, std::string_view b)
{
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            const auto [na, la] = leadingNumber(a.substr(i));
            const auto [nb, lb] = leadingNumber(b.substr(j));
            if (na != nb)
                return na < nb ? -1 : 1;
            i += la;
            j += lb;
            continue;
        }
        const char ca = lower(a[i]);
        const char cb = lower(b[j]);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1; // a prefix comes first
    return a.compare(b) < 0 ? -1 : (a.compare(b) > 0 ? 1 : 0);
}

int compareInstanceTypes(std::string_view a, std::string_view b)
{
    const std::size_t da = a.find('.');
    const std::size_t db = b.find('.');
    const std::string_view familyA = a.substr(0, da);
    const std::string_view familyB = b.substr(0, db);
    if (const int family = compareNatural(familyA, familyB); family != 0 && !equalsIgnoringCase(familyA, familyB))
        return family;
    const std::string_view sizeA = da == std::string_view::npos ? std::string_view() : a.substr(da + 1);
    const std::string_view sizeB = db == std::string_view::npos ? std::string_view() : b.substr(db + 1);
    const std::uint64_t rankA = sizeRank(sizeA);
    const std::uint64_t rankB = sizeRank(sizeB);
    if (rankA != rankB)
        return rankA < rankB ? -1 : 1;
    return sign(compareNatural(a, b));
}

} // namespace Costscape::Pricing
