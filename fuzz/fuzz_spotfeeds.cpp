// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The spot feeds: DescribeSpotPriceHistory JSON and the Spot Instance Advisor's JSON, applied to
// the embedded sheet (the first byte picks the feed, so one corpus holds both). Property: a feed
// that applies leaves a sheet that is written and reads back, with sound spot prices.
#include "fuzz/fuzzcheck.h"
#include "pricing/aws/awsoffer.h"
#include "pricing/aws/spotfeeds.h"

#include <cstddef>
#include <cstdint>

using namespace Costscape;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const bool advisor = (data[0] & 1) != 0;
    const std::string_view text(reinterpret_cast<const char *>(data + 1), size - 1);
    Pricing::PriceSheet sheet = Pricing::embeddedPriceSheet();
    bool applied = false;
    if (advisor) {
        applied = Pricing::applySpotAdvisor(text, "fuzz-advisor.json", sheet, {"us-east-1"}).ok();
    } else {
        Pricing::SpotHistoryOptions options;
        applied = Pricing::applySpotHistory(text, "fuzz-history.json", sheet, "us-east-1", options).ok();
    }
    if (!applied)
        return 0;
    const std::string written = Pricing::serializePriceSheet(sheet);
    Fuzz::requireUtf8(written, "written sheet");
    const auto again = Pricing::parsePriceSheet(written, "spot.prices.json");
    if (!again)
        Fuzz::fail("a sheet with spot prices does not load: " + again.error().toString());
    return 0;
}
