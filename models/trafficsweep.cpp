// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/trafficsweep.h"

#include "base/textformat.h"
#include "models/evaluator.h"
#include "models/scenario/workload.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <optional>
#include <thread>

namespace Costscape::Models {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr int MaxBisections = 30;
constexpr double BisectionWidth = 1e-4; // relative: far below what a caption's 2 digits show

void scaleRequests(RequestModel &target, const RequestModel &base, double factor)
{
    target.perMonth = base.perMonth * factor;
    target.perSecond = base.perSecond * factor;
    target.perSecondHourly.resize(base.perSecondHourly.size());
    for (std::size_t i = 0; i < base.perSecondHourly.size(); ++i)
        target.perSecondHourly[i] = base.perSecondHourly[i] * factor;
}

/**
 * One working copy of the scenario, rescaled in place for every evaluation. The copy drops the
 * file's JSON and positions (they only locate errors and keep unknown keys on save), which makes
 * it cheap; an error is located again on the original.
 */
class Sweeper final
{
public:
    Sweeper(const Scenario &scenario, const Pricing::PriceSheet &sheet)
        : m_scenario(scenario), m_sheet(sheet), m_work(scenario)
    {
        // Copied whole once and then emptied (one copy of the JSON per sweep, not per evaluation),
        // so that a field added to Scenario later cannot be forgotten here.
        m_work.original = JsonDocument::Json();
        m_work.positions = JsonDocument::PositionMap();
        // The sweep compares monthly costs; simulating the spike at every point would only slow it.
        m_work.workload.spike.reset();
        for (std::size_t i = 0; i < scenario.options.size(); ++i)
            if (scenario.options[i].enabled)
                m_enabled.push_back(i);
        // Issue 16: each option with a commitment also once without it, after the options, so
        // that one evaluation per factor prices both (the Evaluation keeps the options' order).
        for (std::size_t line = 0; line < m_enabled.size(); ++line) {
            const OptionSpec &original = scenario.options[m_enabled[line]];
            if (original.commitments.empty())
                continue;
            OptionSpec onDemand = original;
            onDemand.commitments.clear();
            m_work.options.push_back(std::move(onDemand));
            m_uncommitted.push_back(line);
        }
    }

    /** Scenario indices of the options an Evaluation holds, in its order. */
    const std::vector<std::size_t> &enabled() const { return m_enabled; }

    /**
     * Lines (indices into enabled()) whose option has a commitment, in order: the evaluation of
     * every factor (not a bisection's) ends with these options priced without it.
     */
    const std::vector<std::size_t> &uncommitted() const { return m_uncommitted; }

    /** Evaluates at `factor` with only the given lines (indices into enabled()) switched on. */
    Result<Evaluation> evaluate(double factor, const std::vector<int> *only = nullptr)
    {
        scaleRequests(m_work.workload.requests, m_scenario.workload.requests, factor);
        for (std::size_t i = 0; i < m_work.options.size(); ++i) {
            OptionSpec &option = m_work.options[i];
            const bool copy = i >= m_scenario.options.size();
            const OptionSpec &original =
                copy ? m_scenario.options[m_enabled[m_uncommitted[i - m_scenario.options.size()]]] : m_scenario.options[i];
            if (original.requests)
                scaleRequests(*option.requests, *original.requests, factor);
            option.enabled = original.enabled && !only;
        }
        if (only)
            for (int line : *only)
                m_work.options[m_enabled[static_cast<std::size_t>(line)]].enabled = true;
        // Monthly figures only: the hours of equal traffic priced once (a day profile: 24 slots, not 730).
        auto result = Evaluator::evaluateMonthly(m_work, m_sheet);
        if (!result) {
            // Pricing errors do not depend on traffic: the original fails the same way and can
            // say where. Should it not, the copy's error is still better than none.
            auto located = Evaluator::evaluate(m_scenario, m_sheet);
            if (!located)
                return located.error();
        }
        return result;
    }

private:
    const Scenario &m_scenario;
    const Pricing::PriceSheet &m_sheet;
    Scenario m_work;
    std::vector<std::size_t> m_enabled;
    std::vector<std::size_t> m_uncommitted;
};

/** The stretches between break-evens and who is cheapest on each. */
void cheapestRanges(TrafficSweep &sweep, const std::vector<int> &winners)
{
    if (sweep.lines.empty() || winners.empty())
        return;
    std::vector<int> regions{winners.front()};
    for (std::size_t i = 1; i < winners.size(); ++i)
        if (winners[i] != winners[i - 1])
            regions.push_back(winners[i]);
    for (std::size_t r = 0; r < regions.size(); ++r) {
        const double from = r == 0 ? sweep.factors.front() : sweep.breakEvens[r - 1].factor;
        const double to = r + 1 == regions.size() ? sweep.factors.back() : sweep.breakEvens[r].factor;
        sweep.ranges.push_back({regions[r], from, to});
    }
}

} // namespace

std::string formatRate(double requestsPerSecond)
{
    return Text::significant(requestsPerSecond, 2);
}

Result<TrafficSweep> sweepTraffic(const Scenario &scenario, const Pricing::PriceSheet &sheet, int points, double minFactor,
                                  double maxFactor)
{
    if (points < 2)
        return Error{ErrorCode::OutOfRange, "traffic sweep: needs at least 2 points, got " + std::to_string(points), {}, 0, 0};
    if (!std::isfinite(minFactor) || !std::isfinite(maxFactor) || minFactor <= 0 || maxFactor <= minFactor)
        return Error{ErrorCode::OutOfRange,
                     "traffic sweep: factors must satisfy 0 < minimum < maximum, got " + Text::significant(minFactor, 6)
                         + " and " + Text::significant(maxFactor, 6),
                     {}, 0, 0};

    TrafficSweep sweep;
    Sweeper sweeper(scenario, sheet);
    const auto &enabled = sweeper.enabled();
    for (std::size_t i : enabled)
        sweep.lines.push_back({scenario.options[i].id, std::vector<double>(static_cast<std::size_t>(points), NaN)});

    // Requests scale linearly, so the month's average rate is the unscaled one times the factor.
    const double hours = scenario.hoursPerMonth;
    const double baseRate =
        hours > 0 ? HourlyPlan::build(scenario.workload.requests, hours).requestsPerMonth() / (hours * 3600.0) : 0.0;

    // Log-spaced: break-evens between Lambda and a fleet sit anywhere over decades of traffic.
    // Exponents are interpolated so that a factor of 1 (today's traffic) comes out exactly 1.
    const double logMin = std::log10(minFactor);
    const double logMax = std::log10(maxFactor);
    for (int i = 0; i < points; ++i) {
        const double f = i == 0 ? minFactor
            : i == points - 1   ? maxFactor
                                : std::pow(10.0, logMin + (logMax - logMin) * i / (points - 1));
        sweep.factors.push_back(f);
        sweep.averageRate.push_back(baseRate * f);
    }

    // The points are independent: on two threads, each with its own working copy, every other
    // point each (the dearest points, at the highest traffic, are neighbours). Each evaluation is
    // the same whatever ran before it on whichever thread (the packing memory hands back the bits
    // a fresh packing gives), so the figures do not depend on the threads; errors are taken in
    // point order, as one thread meets them.
    std::vector<std::optional<Result<Evaluation>>> evaluations(sweep.factors.size());
    const std::size_t threadCount = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), 2);
    if (threadCount > 1 && sweep.factors.size() > 1) {
        std::exception_ptr failure; // what the other thread threw (out of memory), thrown again here
        std::thread other([&] {
            try {
                Sweeper own(scenario, sheet);
                for (std::size_t i = 1; i < sweep.factors.size(); i += 2)
                    evaluations[i] = own.evaluate(sweep.factors[i]);
            } catch (...) {
                failure = std::current_exception();
            }
        });
        try {
            for (std::size_t i = 0; i < sweep.factors.size(); i += 2)
                evaluations[i] = sweeper.evaluate(sweep.factors[i]);
        } catch (...) {
            other.join();
            throw;
        }
        other.join();
        if (failure)
            std::rethrow_exception(failure);
    } else {
        for (std::size_t i = 0; i < sweep.factors.size(); ++i)
            evaluations[i] = sweeper.evaluate(sweep.factors[i]);
    }

    std::vector<int> winners(static_cast<std::size_t>(points), -1);
    for (std::size_t i = 0; i < sweep.factors.size(); ++i) {
        Result<Evaluation> evaluation = std::move(*evaluations[i]);
        if (!evaluation)
            return evaluation.error();
        if (i == 0)
            sweep.currency = evaluation->prices.currency;
        for (std::size_t k = 0; k < evaluation->options.size() && k < sweep.lines.size(); ++k) {
            const OptionResult &o = evaluation->options[k];
            sweep.lines[k].cost[i] = o.feasible ? o.monthlyCost : NaN;
        }
        // The copies without their commitment come last; they never compete for the cheapest.
        const auto &uncommitted = sweeper.uncommitted();
        for (std::size_t u = 0; u < uncommitted.size() && sweep.lines.size() + u < evaluation->options.size(); ++u) {
            const OptionResult &o = evaluation->options[sweep.lines.size() + u];
            auto &line = sweep.lines[uncommitted[u]];
            line.costWithoutCommitment.resize(sweep.factors.size(), NaN);
            line.costWithoutCommitment[i] = o.feasible ? o.monthlyCost : NaN;
        }
        Evaluation &priced = evaluation.value();
        priced.options.resize(std::min(priced.options.size(), sweep.lines.size()));
        winners[i] = priced.cheapestIndex();
    }

    // Bisect each change of winner on a copy holding only the two options involved: the others
    // cannot change which of the two is cheaper, and each evaluates at full cost.
    for (std::size_t i = 0; i + 1 < winners.size(); ++i) {
        const int below = winners[i];
        const int above = winners[i + 1];
        if (below == above)
            continue;
        std::vector<int> only;
        for (int line : {std::min(below, above), std::max(below, above)})
            if (line >= 0)
                only.push_back(line);
        double lo = sweep.factors[i];
        double hi = sweep.factors[i + 1];
        double loCost = below >= 0 ? sweep.lines[static_cast<std::size_t>(below)].cost[i] : NaN;
        int hiWinner = above;
        double hiCost = above >= 0 ? sweep.lines[static_cast<std::size_t>(above)].cost[i + 1] : NaN;
        for (int iteration = 0; iteration < MaxBisections && hi / lo - 1 > BisectionWidth; ++iteration) {
            const double mid = std::sqrt(lo * hi); // the midpoint on the sweep's log axis
            auto evaluation = sweeper.evaluate(mid, &only);
            if (!evaluation)
                return evaluation.error();
            const int c = evaluation->cheapestIndex();
            const int winner = c < 0 ? -1 : only[static_cast<std::size_t>(c)];
            if (winner == below) {
                lo = mid;
                if (c >= 0)
                    loCost = evaluation->options[static_cast<std::size_t>(c)].monthlyCost;
            } else {
                hi = mid;
                hiWinner = winner;
                hiCost = c >= 0 ? evaluation->options[static_cast<std::size_t>(c)].monthlyCost : NaN;
            }
        }
        TrafficSweep::BreakEven b;
        b.factor = std::sqrt(lo * hi);
        b.averageRate = baseRate * b.factor;
        b.cost = below >= 0 ? loCost : hiCost;
        b.below = below >= 0 ? sweep.lines[static_cast<std::size_t>(below)].id : std::string();
        b.above = hiWinner >= 0 ? sweep.lines[static_cast<std::size_t>(hiWinner)].id : std::string();
        sweep.breakEvens.push_back(std::move(b));
    }

    sweep.baseRate = baseRate > 0 && std::isfinite(baseRate) ? baseRate : 0;
    cheapestRanges(sweep, winners);
    return sweep;
}

} // namespace Costscape::Models
