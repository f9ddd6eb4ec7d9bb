// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/commitments/commitment.h"
#include "models/scaling/scaling.h"
#include "models/scenario/scenario.h"
#include "pricing/pricesheet.h"

#include <optional>
#include <string>
#include <vector>

namespace Costscape::Models {

/** One line of a bill: quantity x unitPrice = cost. */
struct LineItem {
    std::string name;     ///< stable across options of a platform: "requests", "duration", "vCPU"
    double quantity = 0;
    std::string unit;     ///< "requests", "GB-seconds", "vCPU-hours", "instance-hours"
    double unitPrice = 0; ///< currency per unit
    double cost = 0;      ///< unrounded
    std::string note;     ///< how the quantity or price was arrived at, "" when obvious
};

/** The fleet an option needs, hour by hour. */
struct FleetSummary {
    std::string unit;          ///< "instances", "tasks", "concurrent executions"
    double peak = 0;
    double average = 0;        ///< time-weighted over the month
    double unitHours = 0;      ///< instance-hours (task-hours) per month
    std::vector<double> hourly; ///< count per slot of the HourlyPlan
};

struct OptionResult {
    std::string id;
    Platform platform = Platform::Lambda;
    std::string summary;            ///< one line: "m5.large x 2-6, on-demand"
    double monthlyCost = 0;         ///< unrounded sum of the line items
    std::vector<LineItem> lineItems;
    FleetSummary fleet;
    std::vector<double> hourlyCost; ///< cost of each slot's hour (not weighted)
    bool ownPlan = false;           ///< slots follow the option's own requests/hours, not the workload's
    bool feasible = true;
    /// false when no bill could be drawn up (a fleet beyond MaxFleetCount, a task no instance type
    /// holds, a figure that overflowed): the option is infeasible and its 0 cost means nothing.
    bool priced = true;
    std::vector<std::string> warnings; ///< the reasons it is infeasible come first
    /// The parts of the whole bill this option's figures leave out (models/bill/bill.h), "" each plain words.
    std::vector<std::string> leftOut;
    PlatformDetails details;           ///< the platform's own figures (packing, chosen type)
    /** How the option rides through workload.spike; set when there is a spike and the option is feasible. */
    std::optional<ScalingResult> scaling;
    /** What the option's "commitment" did to its month; set when it has one and is feasible. */
    std::optional<CommitmentSummary> commitment;

    /** The platform's details, or nullptr when the option is of another platform (or unpriced). */
    template<class Details>
    const Details *detailsAs() const
    {
        return std::get_if<Details>(&details);
    }

    void addLine(LineItem item)
    {
        monthlyCost += item.cost;
        lineItems.push_back(std::move(item));
    }
    void infeasible(const std::string &reason)
    {
        if (feasible)
            warnings.insert(warnings.begin(), reason);
        else
            warnings.push_back(reason);
        feasible = false;
    }
    /**
     * Takes the price back: infeasible with the reason, not priced, no line items, a cost of 0,
     * a fleet of 0 (its unit and slots kept), no details and no spike response; summary says so.
     */
    void withdraw(const std::string &reason)
    {
        infeasible(reason);
        priced = false;
        lineItems.clear();
        monthlyCost = 0;
        fleet.peak = fleet.average = fleet.unitHours = 0;
        fleet.hourly.assign(fleet.hourly.size(), 0.0);
        hourlyCost.assign(hourlyCost.size(), 0.0);
        details = std::monostate{};
        scaling.reset();
        commitment.reset();
        summary = "not priced";
    }
};

/**
 * What makes an option's figures unfit to show, or "" when every one is a finite number and no
 * money, quantity, count or rate is negative: "monthly cost", "line item \"duration\"", "fleet",
 * "hourly cost", "details (key)", "spike response". The Evaluator withdraws such an option's price.
 */
std::string unsoundFigure(const OptionResult &result);

struct Evaluation;
/** The parts of the whole bill any option leaves out, once each, "; "-separated; "" when none. */
std::string leftOutSummary(const Evaluation &evaluation);

/** What an Evaluator returns: one OptionResult per enabled scenario option, in order. */
struct Evaluation {
    std::string scenario;
    std::string region;
    double hoursPerMonth = 730;
    Pricing::Provenance prices;
    std::vector<OptionResult> options;
    /**
     * The workload's HourlyPlan, for charts. An option that overrides `hoursPerMonth` or
     * `requests` has slots of its own: its fleet.hourly and hourlyCost follow its plan, not this.
     */
    std::vector<double> ratePerSecond;
    std::vector<double> slotWeight;
    /** The workload's spike, when it has one (each feasible option's `scaling` rides through it). */
    std::optional<Spike> spike;

    /**
     * The cheapest feasible option whose cost is a finite, non-negative number, or -1 when there
     * is none. An infeasible or unpriced option is never the cheapest.
     */
    int cheapestIndex() const;
};

} // namespace Costscape::Models
