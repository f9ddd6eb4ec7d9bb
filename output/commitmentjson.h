// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/commitments/commitment.h"

#include <nlohmann/json.hpp>

namespace Costscape::Output {

/**
 * An option's commitment summary as the result JSON's "commitment" object (docs/commitments.md):
 * the commitments as applied, the month's effective cost with the amortised upfront apart,
 * coverage, utilisation, unused commitment, break-even month (null when none) and the curve.
 */
nlohmann::ordered_json commitmentToJson(const Models::CommitmentSummary &summary);

} // namespace Costscape::Output
