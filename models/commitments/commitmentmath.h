// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace Costscape::Models::Commitments {

/**
 * One option's eligible usage, slot by slot: `units[h]` instances (or other units) run in slot h,
 * which stands for `weight[h]` hours of the month, each unit-hour billed `onDemand` without a
 * commitment. The two vectors have the same length; weights and units are finite and >= 0.
 */
struct Usage {
    std::vector<double> units;
    std::vector<double> weight;
    double onDemand = 0;

    double hours() const;
    double unitHours() const;
};

/** A reservation: `count` units reserved, each billed `effectiveHourly` every hour of the month. */
struct ReservationLayer {
    double count = 0;
    double effectiveHourly = 0; ///< recurring hourly fee + upfront fee / hours of the term
};

/**
 * A Savings Plan: `hourly` currency committed each hour, spent on usage at `rate` per unit-hour
 * (the plan's rate for this usage; rate < onDemand for a plan worth buying).
 */
struct PlanLayer {
    double hourly = 0;
    double rate = 0;
};

/** What one layer did over the month. */
struct LayerOutcome {
    double committedCost = 0; ///< paid whether used or not (per month)
    double usedCost = 0;      ///< the part of it spent on usage
    double unitHours = 0;     ///< usage it covered
};

/** The month with every layer applied. */
struct Outcome {
    std::vector<LayerOutcome> layers; ///< in the order given
    double spillUnitHours = 0;        ///< usage left to on-demand
    double spillCost = 0;
    double onDemandCost = 0;          ///< the same usage with no commitment
    double totalCost = 0;             ///< every layer's committed cost + spill
    std::vector<double> slotCost;     ///< the cost of one hour of each slot
    std::vector<double> leftUnits;    ///< the units of each slot no layer covered
};

/**
 * Applies commitments hour by hour, as AWS bills them: the reservations first (each covers up to
 * its count of the units running that hour), then each plan in the order given (EC2 Instance
 * Savings Plans before Compute Savings Plans is the caller's order), each spending up to its
 * hourly commitment at its rate; what is left is billed on demand. A commitment is paid in full
 * every hour, used or not; an hour's leftover never carries to another hour.
 */
Outcome apply(const Usage &usage, const std::vector<ReservationLayer> &reservations, const std::vector<PlanLayer> &plans);

/**
 * The weighted quantile used by both optima: the smallest value x among {0} and `values` such that
 * the hours with a value above x weigh at most `share` of all hours. share >= 1 gives 0.
 */
double upperQuantile(const std::vector<double> &values, const std::vector<double> &weight, double share);

/**
 * The hourly commitment of a plan at `rate` that minimises the month's cost of `usage` (exactly:
 * the cost is convex and piecewise linear in the commitment; docs/commitments.md derives that
 * its minimum is rate x the (1 - rate/onDemand) weighted quantile of the hourly units). 0 when
 * the plan is no cheaper than on-demand.
 */
double optimalPlanHourly(const Usage &usage, double rate);

/**
 * The whole number of reservations at `effectiveHourly` each that minimises the month's cost
 * (the floor or the ceiling of the (1 - effectiveHourly/onDemand) weighted quantile of the units).
 */
double optimalReservationCount(const Usage &usage, double effectiveHourly);

} // namespace Costscape::Models::Commitments
