// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The hourly profile CSV. Property: a profile that loads has a length a scenario accepts, finite
// non-negative values, a header that is valid UTF-8, and requests per second that are sound.
#include "fuzz/fuzzcheck.h"
#include "models/scenario/profile.h"
#include "models/scenario/workload.h"

#include <cstddef>
#include <cstdint>

using namespace Costscape;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const auto profile = Models::parseProfileCsv(text, "fuzz.csv");
    if (!profile)
        return 0;
    const auto &p = profile.value();
    Fuzz::require(Models::RequestModel::isValidProfileLength(p.values.size()), "a profile of an unusable length");
    Fuzz::requireUtf8(p.header, "profile header");
    for (const double v : p.values)
        Fuzz::require(Fuzz::sound(v), "a profile value " + std::to_string(v));
    for (const double v : Models::profileToPerSecond(p.values, p.unitFromHeader))
        Fuzz::require(Fuzz::sound(v), "a rate per second " + std::to_string(v));
    return 0;
}
