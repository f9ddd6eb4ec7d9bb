// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/scenario/scenario.h"

#include <string>
#include <string_view>

namespace Costscape::Models {

/**
 * Reads a scenario file (FORMATS.md section 1). Every field is checked for type and range; the
 * first problem is returned as `file:line:column: message` naming the field. Keys the format does
 * not know are kept (for writing back) and reported as warnings, since a typo would otherwise
 * silently leave a default in place. Checks that need a price sheet (regions, instance types,
 * prices) are the Evaluator's.
 */
Result<Scenario> parseScenario(std::string_view text, const std::string &fileName);
/** Loads a scenario from disk; FileNotFound when it cannot be read. */
Result<Scenario> loadScenario(const std::string &path);

/**
 * The scenario as JSON: the known fields from the values, every unknown key from the file it was
 * loaded from. parseScenario(serializeScenario(s)) gives back s.
 */
JsonDocument::Json scenarioToJson(const Scenario &scenario);
std::string serializeScenario(const Scenario &scenario);

} // namespace Costscape::Models
