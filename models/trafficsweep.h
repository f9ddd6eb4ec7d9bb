// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/chartseries.h"
#include "models/scenario/scenario.h"
#include "pricing/pricesheet.h"
#include "base/result.h"

#include <string>

namespace Costscape::Models {

/**
 * Prices the scenario at traffic scaled by `points` log-spaced factors from minFactor to
 * maxFactor (both included): the workload's requests (per month, per second or every hourly
 * value) and every option's own `requests` override are multiplied by the factor; durations,
 * memory, hours and fixed fleets stay as they are.
 *
 * - `lines` follow the Evaluation's options (disabled options are left out, as the Evaluator
 *   leaves them out); a cost is NaN where the option is infeasible at that traffic.
 * - `averageRate[i]` is the workload's requests per month at factors[i] / (hoursPerMonth x 3600).
 * - Wherever the cheapest feasible option differs between neighbouring factors, the change is
 *   located by bisection on the factor (to a relative width of 1e-4) and recorded as a BreakEven;
 *   `below` / `above` are "" where no option is feasible. `cost` is the monthly cost of `below`
 *   just below the change (of `above` just above it when nothing is feasible below).
 *   A cheapest option that wins only between two neighbouring factors is not seen.
 * - `ranges` say which option is cheapest over which stretch of traffic, from the lowest factor
 *   to the highest, including stretches where no option is feasible; `baseRate` turns their
 *   factors into monthly average rates (0 when the workload has no requests).
 * - A line whose option has a "commitment" also carries `costWithoutCommitment`: the same
 *   option with the commitment removed, priced in the same evaluation (issue 16). These copies
 *   never take part in the cheapest option, the break-evens or the ranges.
 *
 * Pure and thread-safe: the GUI runs it on a worker thread. It costs about `points` full
 * evaluations plus a dozen evaluations of two options per break-even; the points are priced on
 * two threads where the machine has two cores (the figures are the same on one).
 *
 * Fails with ErrorCode::OutOfRange when points < 2 or the factors are not finite with
 * 0 < minFactor < maxFactor, and with the Evaluator's error (located in the scenario file as
 * Evaluator::evaluate locates it) when the scenario cannot be priced.
 */
Result<TrafficSweep> sweepTraffic(const Scenario &scenario, const Pricing::PriceSheet &sheet, int points = 41,
                                  double minFactor = 0.01, double maxFactor = 100);

/** A request rate with two significant digits (Text::significant): 0.042, 3.2, 42, 850, 12000. */
std::string formatRate(double requestsPerSecond);

} // namespace Costscape::Models
