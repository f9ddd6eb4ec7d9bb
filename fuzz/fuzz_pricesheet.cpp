// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The price sheet reader. Property: a sheet that loads is written and reads back to the same
// sheet, and a fixed scenario priced with it gives sound figures in every output format.
#include "fuzz/fuzzcheck.h"
#include "models/scenario/scenarioreader.h"
#include "pricing/aws/awsoffer.h"

#include <cstddef>
#include <cstdint>

using namespace Costscape;

namespace {
// One option per platform family, in the region most sheets have.
constexpr std::string_view Scenario = R"({
  "format": "costscape-scenario", "version": 1, "name": "fuzz", "region": "us-east-1",
  "prices": "embedded",
  "workload": { "requests": { "perMonth": 10000000 }, "durationMs": 120, "memoryMb": 512 },
  "options": [
    { "id": "fn", "platform": "lambda" },
    { "id": "fg", "platform": "fargate", "os": "linux", "architecture": "x86_64", "taskVcpu": 0.5,
      "taskMemoryGb": 1, "capacity": { "concurrentRequests": 4 } },
    { "id": "vm", "platform": "ec2", "instanceType": "m5.large", "os": "linux", "purchase": "on-demand",
      "capacity": { "concurrentRequests": 16 } }
  ]
})";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const auto sheet = Pricing::parsePriceSheet(text, "fuzz.prices.json");
    if (!sheet)
        return 0;
    const std::string written = Pricing::serializePriceSheet(sheet.value());
    Fuzz::requireUtf8(written, "written sheet");
    const auto again = Pricing::parsePriceSheet(written, "written.prices.json");
    if (!again)
        Fuzz::fail("a written sheet does not load: " + again.error().toString());
    Fuzz::require(Pricing::serializePriceSheet(again.value()) == written, "a sheet written and read back differs");
    static const auto scenario = Models::parseScenario(Scenario, "fuzz.costscape.json");
    if (!scenario)
        Fuzz::fail("the fixed scenario does not load: " + scenario.error().toString());
    const auto evaluation = Models::Evaluator::evaluate(scenario.value(), sheet.value());
    if (evaluation)
        Fuzz::checkEvaluation(evaluation.value());
    return 0;
}
