// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"

#include <string>
#include <vector>

/**
 * Plain series for the charts, built from an Evaluation. The chart widgets in ui/ draw these and
 * nothing else: no chart calls the evaluator or holds a billing rule, and what a chart shows is
 * what the result says.
 */
namespace Costscape::Models {

/** Monthly cost per option, each bar stacked by line item. */
struct MonthlySeries {
    struct Stack {
        std::string name;           ///< line item name ("requests", "duration", "instances")
        std::vector<double> values; ///< per option, 0 where the option has no such line
    };
    std::vector<std::string> ids;       ///< option ids, in scenario order
    std::vector<std::string> platforms; ///< "AWS Lambda", "ECS on EC2"
    std::vector<std::string> summaries; ///< OptionResult::summary
    std::vector<double> totals;         ///< monthlyCost
    std::vector<bool> feasible;
    std::vector<std::string> reasons;   ///< why an option is infeasible, "" when it is feasible
    std::vector<Stack> stacks;          ///< in order of first appearance
    int cheapest = -1;                  ///< index of the cheapest feasible option, -1 when none
    std::string currency = "USD";
};

/** Fleet size and hourly cost, slot by slot of the workload's plan (a day, a week, a month). */
struct HourlySeries {
    struct Line {
        std::string id;
        std::string unit;           ///< "instances", "tasks", "concurrent executions"
        std::vector<double> fleet;  ///< count per slot
        std::vector<double> cost;   ///< cost of one hour of the slot
        bool feasible = true;
    };
    std::vector<double> ratePerSecond; ///< the workload's demand per slot
    std::vector<Line> lines;           ///< options whose slots follow the workload's plan
    std::vector<std::string> skipped;  ///< ids of options with a plan of their own, not drawn
    std::string currency = "USD";
};

/** Each option's monthly cost as the workload is scaled, and where the cheapest option changes. */
struct TrafficSweep {
    struct Line {
        std::string id;
        std::vector<double> cost; ///< per factor; NaN where the option is infeasible at that traffic
        /**
         * Issue 16: for an option with a "commitment", the same option priced on demand (its
         * commitment removed) at each factor, NaN where infeasible; empty when it has none.
         */
        std::vector<double> costWithoutCommitment{};
    };
    /** A point where the cheapest feasible option changes as traffic grows. */
    struct BreakEven {
        double factor = 1;      ///< workload scale at the change
        double averageRate = 0; ///< mean requests per second at the change
        double cost = 0;        ///< monthly cost there (of the option that stops being cheapest)
        std::string below;      ///< cheapest just below
        std::string above;      ///< cheapest just above
    };
    std::vector<double> factors;     ///< ascending, log-spaced (0.01x .. 100x by default)
    std::vector<double> averageRate; ///< mean requests per second over the month at each factor
    std::vector<Line> lines;         ///< one per evaluated option, in scenario order
    std::vector<BreakEven> breakEvens;
    /** Over which stretch of traffic one option stays cheapest, in order of traffic. */
    struct CheapestRange {
        int line = -1;         ///< index into lines; -1 where no option is feasible
        double fromFactor = 0; ///< the stretch's ends, as workload scales (the sweep's ends, or break-evens)
        double toFactor = 0;
    };
    std::vector<CheapestRange> ranges; ///< the ui words them (TrafficChart::describe)
    /** Mean requests per second at factor 1; 0 when the workload has no requests (ranges then read as factors). */
    double baseRate = 0;
    std::string currency = "USD";

    /** True when some line carries costWithoutCommitment. */
    bool hasCommitments() const
    {
        for (const auto &line : lines)
            if (!line.costWithoutCommitment.empty())
                return true;
        return false;
    }
};

/**
 * How an ECS-on-EC2 option packs its tasks onto instances at its busiest hour: the fleet the ECS
 * scheduler's placement strategy makes and the cheapest fleet Costscape found, from the option's
 * EcsEc2Details.
 */
struct PackingSeries {
    /** n identical instances of one type, each holding the same tasks. */
    using Run = PackedFleet::Run;
    using Fleet = PackedFleet;
    std::string id;                  ///< the option's id
    bool feasible = true;
    int hour = 0;                    ///< slot index of the busiest hour
    int slotCount = 0;               ///< slots of the option's plan (for naming the hour), 0 when unknown
    std::vector<std::string> groups; ///< task group names
    /** CPU units and MB of one task of each group; they split a bar between groups. */
    std::vector<double> taskCpuUnits;
    std::vector<double> taskMemoryMb;
    Fleet optimised;
    Fleet scheduler;            ///< empty when hasScheduler is false
    bool hasScheduler = false;  ///< false when no single candidate type holds every task
    double savingsHourly = 0;  ///< scheduler minus optimised, at the busiest hour; 0 without a scheduler
    double hoursPerMonth = 730;
    double lowerBoundHourly = -1; ///< < 0 when the result carries no lower bound
    std::string currency = "USD";

    bool hasLowerBound() const { return lowerBoundHourly >= 0; }
    /** savingsHourly x hoursPerMonth: the busiest hour's saving over a month. */
    double savingsMonthly() const { return savingsHourly * hoursPerMonth; }
};

/**
 * Each option's serving capacity through the workload's spike and what it costs in waiting or
 * refused requests, from OptionResult::scaling. Times are seconds from the start of the spike:
 * the first sample is at startSeconds (negative: before the spike).
 */
struct SpikeSeries {
    struct Line {
        std::string id;
        std::string platform;            ///< "AWS Lambda"
        bool feasible = true;
        double startSeconds = 0;         ///< time of sample 0
        double stepSeconds = 1;          ///< time between samples, > 0
        std::vector<double> demandPerSecond;   ///< requests/s arriving
        std::vector<double> capacityPerSecond; ///< requests/s the option can serve
        std::vector<double> backlog;           ///< requests waiting (queue) at each sample
        double secondsToMeetDemand = -1; ///< from the start of the spike; -1: never within the timeline
        double requestsDelayed = 0;      ///< served later than the latency objective
        double requestsRejected = 0;     ///< refused (excess "reject", or over a hard limit)
        double peakBacklog = 0;
        double maxDelaySeconds = 0;
        double warmMinimum = -1;         ///< warm capacity that meets the objective; -1: none would
        std::string warmUnit;            ///< "instances", "tasks", "provisioned environments"
        double warmExtraMonthlyCost = 0; ///< what keeping warmMinimum warm adds to the month
        std::vector<std::string> notes;  ///< the model's simplifications for this option, in words
    };
    std::vector<Line> lines;       ///< options with a scaling result, in scenario order
    std::string currency = "USD";

    /** False when no option has a scaling result (the scenario has no spike). */
    bool hasSpike() const { return !lines.empty(); }
};

MonthlySeries monthlySeries(const Evaluation &evaluation);
HourlySeries hourlySeries(const Evaluation &evaluation);
/** One PackingSeries per priced ECS on EC2 option, in scenario order. */
std::vector<PackingSeries> packingSeries(const Evaluation &evaluation);
/** One SpikeSeries::Line per option whose result has a scaling result, in scenario order. */
SpikeSeries spikeSeries(const Evaluation &evaluation);

} // namespace Costscape::Models
