// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace Costscape::Pricing {

/**
 * Orders EC2 instance type names as people read them and as ec2instances.info lists them: by
 * family, then by size. Families compare with their digit runs as numbers and case aside
 * ("c5" < "c5a" < "c5n" < "c6g" < "c7g" < "m5", "p3" < "p3dn" < "p4d"). Sizes run nano, micro,
 * small, medium, large, xlarge, 2xlarge, 3xlarge ... 48xlarge (by the number, not its first
 * digit), then metal and its sized variants (metal, metal-24xl, metal-48xl). A size outside that
 * list comes after the known ones, in natural order. Equal ranks fall back to the names' natural
 * order, so distinct names never compare equal unless they differ only in case.
 *
 * Returns a negative number when @p a comes first, 0 when they are the same type, a positive
 * number when @p b comes first. O(length of the names); no allocation.
 */
int compareInstanceTypes(std::string_view a, std::string_view b);

/** compareInstanceTypes(a, b) < 0: for std::sort and sorted containers. */
inline bool instanceTypeLess(std::string_view a, std::string_view b)
{
    return compareInstanceTypes(a, b) < 0;
}

/**
 * Text with digit runs compared as numbers and letters case aside ("m5.2xlarge" < "m5.12xlarge",
 * "c5" < "C5a"); a tie goes to the plain byte order. Negative, 0 or positive as above.
 */
int compareNatural(std::string_view a, std::string_view b);

} // namespace Costscape::Pricing
