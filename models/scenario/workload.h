// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/bill/billspec.h"
#include "models/scenario/durationdistribution.h"

#include <optional>
#include <vector>

namespace Costscape::Models {

/** How many requests arrive: exactly one of the three forms of FORMATS.md section 1. */
struct RequestModel {
    enum class Kind {
        PerMonth,
        PerSecond,
        Hourly,
    };
    Kind kind = Kind::PerMonth;
    double perMonth = 0;                 ///< Kind::PerMonth
    double perSecond = 0;                ///< Kind::PerSecond, constant
    std::vector<double> perSecondHourly; ///< Kind::Hourly: 24, 168, 730, 744 or 8760 values

    static RequestModel monthly(double n) { return {Kind::PerMonth, n, 0, {}}; }
    static RequestModel constant(double r) { return {Kind::PerSecond, 0, r, {}}; }
    static RequestModel hourly(std::vector<double> v) { return {Kind::Hourly, 0, 0, std::move(v)}; }
    /** The profile lengths the format accepts. */
    static bool isValidProfileLength(std::size_t n) { return n == 24 || n == 168 || n == 730 || n == 744 || n == 8760; }

    bool operator==(const RequestModel &) const = default;
};

/** A sudden change of traffic, used by the scaling-latency model. */
struct Spike {
    double fromPerSecond = 0;
    double toPerSecond = 0;
    double rampSeconds = 0;
    double holdSeconds = 0;
    /** What happens to requests the ready capacity cannot serve at once. */
    enum class Excess {
        Queue,  ///< they wait (first in, first out) until capacity frees up
        Reject, ///< those that could not be served within the objective are turned away
    };
    /// The longest acceptable wait for capacity (queueing delay, not the request's own duration).
    double objectiveMs = 1000;
    Excess excess = Excess::Queue;
};

/**
 * Costscape extension (`"batch"`): work that runs in bursts rather than as a stream of requests:
 * runsPerMonth runs, each of `parallel` tasks (or invocations, or instances) running runSeconds.
 * Each platform bills a run with its minimum charge (Fargate and EC2: one minute).
 */
struct Batch {
    double runsPerMonth = 0;
    double runSeconds = 0;
    double parallel = 1;

    bool operator==(const Batch &) const = default;
};

struct Workload {
    RequestModel requests;
    double durationMs = 100; ///< mean time one request runs (the distribution's mean when one is given)
    double memoryMb = 128;   ///< memory one running request needs
    /** Costscape extension (`"durationDistribution"`): how durations spread, billed request by request. */
    std::optional<DurationDistribution> durationDistribution;
    /** When given, the workload is batch runs rather than requests (requests and duration are then unused). */
    std::optional<Batch> batch;
    std::optional<Spike> spike;
    /** Costscape extension (issue 15): bytes in, out and logged per request; see models/bill/. */
    WorkloadTraffic traffic;
};

/**
 * The month hour by hour: request rate per slot and how many hours of the month each slot stands
 * for. A 24- or 168-value profile (and a constant rate) is tiled over hoursPerMonth hours; a
 * fractional last hour counts for its fraction. A 730-, 744- or 8760-value profile is one whole
 * period, evaluated as it is and scaled to hoursPerMonth (a year's profile gives its average
 * month). Costs per month are sum(cost per hour of slot i x weight[i]).
 */
struct HourlyPlan {
    std::vector<double> ratePerSecond; ///< requests per second in each slot
    std::vector<double> weight;        ///< hours of the month each slot stands for
    double hoursPerMonth = 730;

    static HourlyPlan build(const RequestModel &requests, double hoursPerMonth);
    /**
     * The same month with the slots of equal rate merged into one (their weights summed), in the
     * order each rate first appears: 730 hours of a day profile become 24 slots, a constant rate
     * one. Every monthly figure (a sum over slots of cost x weight, a peak, the busiest hours) is
     * the same, to rounding; what follows the hours one by one (a chart's axis) is not.
     */
    HourlyPlan merged() const;

    std::size_t size() const { return ratePerSecond.size(); }
    double requestsPerMonth() const;
    double peakRate() const;
    /** Weighted sum of values[i] x weight[i]; values must have size() elements. */
    double monthly(const std::vector<double> &perHour) const;
};

} // namespace Costscape::Models
