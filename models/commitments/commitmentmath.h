// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
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

// --- Several products per hour (issue 16: Fargate's vCPU-hours and GB-hours) ---------------------

/**
 * Eligible usage of several products billed side by side, slot by slot: `units[j][h]` units of
 * product j in slot h (which stands for `weight[h]` hours), each unit-hour billed `onDemand[j]`
 * without a commitment. Every `units[j]` has the length of `weight`; values finite and >= 0.
 */
struct ProductUsage {
    std::vector<std::vector<double>> units;
    std::vector<double> weight;
    std::vector<double> onDemand;

    double hours() const;
    double onDemandCost() const;
};

/** A Savings Plan over several products: `hourly` committed each hour, `rates[j]` per unit-hour of product j. */
struct ProductPlanLayer {
    double hourly = 0;
    std::vector<double> rates;
};

/** The month with every plan applied to several products. */
struct ProductOutcome {
    std::vector<LayerOutcome> layers;                  ///< in the order given; unitHours is left 0
    std::vector<std::vector<double>> coveredUnitHours; ///< [layer][product]
    std::vector<double> spillUnitHours;                ///< per product
    std::vector<double> spillCost;                     ///< per product
    double onDemandCost = 0;
    double coveredOnDemandCost = 0;                    ///< what the covered usage costs on demand
    double totalCost = 0;                              ///< every plan's commitment + spill
    std::vector<double> slotCost;                      ///< the cost of one hour of each slot
    std::vector<std::vector<double>> leftUnits;        ///< [product][slot] not covered
};

/**
 * The order in which a plan covers the products within an hour, as AWS applies it: "to your
 * highest savings percentage first. If there are multiple usages with equal savings percentages,
 * Savings Plans are applied to the first usage with the lowest Savings Plans rate" (Savings Plans
 * User Guide, "Understanding how Savings Plans apply to your AWS usage"). Returns product indices.
 */
std::vector<std::size_t> coverageOrder(const std::vector<double> &onDemand, const std::vector<double> &rates);

/**
 * Applies the plans hour by hour, each in the order given, each covering the products in
 * coverageOrder() with up to its hourly commitment; what is left is billed on demand. A plan is
 * paid in full every hour, used or not. With one product it gives apply()'s figures.
 */
ProductOutcome applyPlans(const ProductUsage &usage, const std::vector<ProductPlanLayer> &plans);

/**
 * The hourly commitment of a plan at `rates` that minimises the month's cost of `usage`, exactly.
 * Within an hour the plan covers the products one after another, the one with the highest
 * savings first, so the hour's on-demand cost falls with slope -onDemand[j]/rates[j] for the
 * product being covered and those slopes rise (towards 0) from one product to the next: the
 * month's cost is convex and piecewise linear in the commitment, with its kinks where an hour's
 * product is fully covered. The minimum is the first kink at which the right derivative is >= 0
 * (docs/commitments.md). 0 when no commitment saves anything.
 */
double optimalPlanHourly(const ProductUsage &usage, const std::vector<double> &rates);

/**
 * The month in which the commitments have paid for themselves against on demand: the upfront is
 * paid in month 1, the rest month by month. None when they never save, or not within termMonths.
 */
std::optional<int> breakEvenMonth(double upfrontTotal, double upfrontMonthly, double effectiveMonthly,
                                  double onDemandMonthly, int termMonths);

/**
 * The levels a commitment curve is drawn at: steps + 1 even levels from 0 to top (whole ones for
 * reservations), plus the current and the optimal level, sorted and without repeats.
 */
std::vector<double> curveLevels(double top, int steps, bool whole, double current, double optimal);

/** The hours of a term: AWS terms are 365-day years, so a 1-year term is 8,760 hours (the offer files' amortisation). */
double termHours(int years);

/** A rate as the sheet writes it, for the bill's line texts: "0.0376", not "0.037600". */
std::string rateText(double rate);

} // namespace Costscape::Models::Commitments
