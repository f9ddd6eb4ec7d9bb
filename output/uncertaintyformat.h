// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/uncertainty/comparison.h"
#include "models/uncertainty/montecarlo.h"

#include <nlohmann/json.hpp>

#include <string>

/**
 * An uncertainty run and a comparison of two scenarios as table, JSON or CSV (`costscape-cli
 * uncertainty` and `compare`). Figures that do not exist (the P50 of an option never feasible) are
 * JSON null, an empty CSV field and "-" in the table. Text from files is made safe as in
 * resultformat.h. Never fails.
 */
namespace Costscape::Output {

/**
 * `{"format": "costscape-uncertainty", "version": 1, ..., "options": [{"id", "p10", "p50", "p90",
 * "probabilityCheapest", ...}], "tornado": {...}}`. With a spikeHeight range, also `"spikeDraws"`
 * and per option `"spike": {"simulatedDraws", "absorbedShare", "secondsToMeetDemand": {"typical",
 * "p10", "p50", "p90"}, "maxDelaySeconds": {...}, "requestsDelayed": {...}, "requestsRejected":
 * {...}}` (a time to meet demand of -1: not before the spike ends, as in a result's "scaling").
 */
nlohmann::ordered_json uncertaintyToJson(const Models::UncertaintyResult &result);
std::string formatUncertaintyJson(const Models::UncertaintyResult &result);
/** One row per option (with a spike range, its columns last); the tornado is in the JSON and the table only. */
std::string formatUncertaintyCsv(const Models::UncertaintyResult &result);
std::string formatUncertaintyTable(const Models::UncertaintyResult &result);

/** `{"format": "costscape-comparison", "version": 1, "a": {...}, "b": {...}, "options": [...]}` */
nlohmann::ordered_json comparisonToJson(const Models::Comparison &comparison);
std::string formatComparisonJson(const Models::Comparison &comparison);
/** One row per option and line item (lineItem "total" for the option's monthly cost). */
std::string formatComparisonCsv(const Models::Comparison &comparison);
std::string formatComparisonTable(const Models::Comparison &comparison);

} // namespace Costscape::Output
