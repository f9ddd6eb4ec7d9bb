// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The scenario reader. Property: a scenario that loads evaluates (with the embedded sheet) to
// sound figures in every output format, and saves and loads again to an equal scenario.
#include "fuzz/fuzzcheck.h"
#include "models/scenario/scenarioreader.h"

#include <cstddef>
#include <cstdint>

using namespace Costscape;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const auto loaded = Models::parseScenario(text, "fuzz.costscape.json");
    if (!loaded)
        return 0;
    const Models::Scenario &s = loaded.value();
    const std::string saved = Models::serializeScenario(s);
    Fuzz::requireUtf8(saved, "saved scenario");
    const auto again = Models::parseScenario(saved, "saved.costscape.json");
    if (!again)
        Fuzz::fail("a saved scenario does not load: " + again.error().toString());
    Fuzz::require(Models::serializeScenario(again.value()) == saved, "a scenario saved, loaded and saved again differs");
    // Only the embedded sheet: a path in the input must not make the fuzzer read files.
    if (s.prices == "embedded") {
        const auto evaluation = Models::Evaluator::evaluate(s, Pricing::embeddedPriceSheet());
        if (evaluation)
            Fuzz::checkEvaluation(evaluation.value());
    }
    return 0;
}
