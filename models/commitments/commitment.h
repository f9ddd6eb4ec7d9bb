// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/jsonreader.h"

#include <optional>
#include <string>
#include <vector>

namespace Costscape::Models {

/**
 * An option's `"commitment"` (FORMATS.md section 5): a Savings Plan with an hourly commitment, or
 * Reserved Instances with a count; the amount is a number or "optimal" (found for the option's
 * own hourly usage). The key holds one object, or an array of them when a reservation and a plan
 * both apply (docs/commitments.md).
 */
struct CommitmentSpec {
    std::string kind = "compute-savings-plan"; ///< "compute-savings-plan", "ec2-instance-savings-plan", "reserved-instance"
    int termYears = 1;                          ///< 1 or 3
    std::string payment = "no-upfront";         ///< "no-upfront", "partial-upfront", "all-upfront"
    std::string offering = "standard";          ///< reservations only: "standard" or "convertible"
    std::optional<double> amount;               ///< hourly (plans) or count (reservations); nullopt = "optimal"

    bool isReservation() const { return kind == "reserved-instance"; }
    /** "1-year Compute Savings Plan, no upfront": for line items, tables and reports. */
    std::string title() const;

    bool operator==(const CommitmentSpec &) const = default;
};

namespace CommitmentIo {
/**
 * Reads the "commitment" key of the option at p (an object or a non-empty array of objects); each
 * problem fails the reader at the field with its path and position. Nothing when the key is absent.
 */
std::vector<CommitmentSpec> read(JsonReader &reader, const JsonReader::Pointer &option);
/** Writes (or removes, when empty) the option's "commitment" key as read() reads it. */
void write(JsonDocument::Json &option, const std::vector<CommitmentSpec> &commitments);
} // namespace CommitmentIo

/** A product a plan covers when it covers several (Fargate: vCPU-hours and GB-hours). */
struct CoveredProduct {
    std::string unit;       ///< "vCPU-hours", "GB-hours"
    double rate = 0;        ///< the plan's rate per unit-hour
    double onDemand = 0;    ///< the on-demand rate it replaces
    double coveredUnitHours = 0;
};

/** One commitment as the month applied it. */
struct AppliedCommitment {
    CommitmentSpec spec;
    bool optimal = false;       ///< the amount was "optimal" and was found here
    double amount = 0;          ///< hourly commitment (plans) or count (reservations) applied
    double rate = 0;            ///< plan rate or reservation recurring fee, per instance-hour
    double upfrontTotal = 0;    ///< one-time payment over the whole term
    double upfrontMonthly = 0;  ///< its share of this month (amortised over the term's hours)
    double monthlyCost = 0;     ///< effective cost of the month: recurring + amortised upfront
    double usedMonthly = 0;     ///< the part of monthlyCost spent on usage
    double coveredUnitHours = 0;
    /** Set when the plan covers several products (rate and coveredUnitHours are then 0), in the order it covers them. */
    std::vector<CoveredProduct> products;
};

/** A point of the cost-against-commitment curve. */
struct CommitmentLevelCost {
    double level = 0;       ///< hourly commitment or reservation count
    double monthlyCost = 0; ///< the option's eligible cost with that level
};

/**
 * What commitments did to an option's month. Costs are those of the usage commitments can cover
 * (the instance-hours); the option's other line items are unchanged and not counted here.
 */
struct CommitmentSummary {
    std::vector<AppliedCommitment> commitments; ///< in the order AWS applies them
    std::string instanceType;
    double onDemandMonthly = 0;    ///< the same usage with no commitment
    double effectiveMonthly = 0;   ///< commitments (upfront amortised) + on-demand spill
    double upfrontMonthly = 0;     ///< the amortised upfront inside effectiveMonthly
    double upfrontTotal = 0;
    double spillMonthly = 0;
    double coverage = 0;           ///< share of the eligible instance-hours covered
    double utilisation = 0;        ///< share of the commitments' cost spent on usage (1 with none)
    double unusedMonthly = 0;      ///< commitment paid and not used
    /**
     * The first month whose cumulative cost (upfront paid on day one) is at most on-demand's, or
     * nullopt when it never is within the term or cannot be known (a partial-upfront plan: AWS
     * lets the buyer choose the upfront share).
     */
    std::optional<int> breakEvenMonth;
    /** The curve for the first commitment, the others held; levels ascending. */
    std::vector<CommitmentLevelCost> curve;
    std::string curveUnit;         ///< "USD/hour" or "reservations"
    double curveCurrent = 0;       ///< the level applied
    double curveOptimal = 0;       ///< the level that minimises the cost
};

} // namespace Costscape::Models
