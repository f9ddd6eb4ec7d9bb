// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/uncertainty/montecarlo.h"

#include "models/evaluator.h"
#include "models/platforms/ec2/ec2spec.h"
#include "models/uncertainty/sampling.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <mutex>
#include <random>
#include <thread>

namespace Costscape::Models {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr int MaxDraws = 1000000;
using Values = std::array<double, UncertainInputCount>;

double at(const Values &v, UncertainInput input)
{
    return v[static_cast<std::size_t>(input)];
}

void scaleRequests(RequestModel &target, const RequestModel &base, double factor)
{
    target.perMonth = base.perMonth * factor;
    target.perSecond = base.perSecond * factor;
    for (std::size_t i = 0; i < base.perSecondHourly.size(); ++i)
        target.perSecondHourly[i] = base.perSecondHourly[i] * factor;
}

/** True when two sets of values differ in an input that changes the scenario (not a spot input). */
bool scenarioInputsDiffer(const Values &a, const Values &b)
{
    for (int i = 0; i < UncertainInputCount; ++i) {
        const auto input = static_cast<UncertainInput>(i);
        // NaN (an input the scenario lacks) equals itself here: it never changes.
        if (changesScenario(input) && at(a, input) != at(b, input) && !(std::isnan(at(a, input)) && std::isnan(at(b, input))))
            return true;
    }
    return false;
}

/**
 * One working copy of the scenario, set to each draw's values in place and priced. It keeps the
 * last evaluation: a draw that differs from it only in the spot inputs reprices its spot lines
 * without evaluating again.
 */
class Pricer final
{
public:
    /**
     * withSpike: keep the workload's spike, at each draw's spikeHeight, so that each evaluation
     * simulates it (the spike pass); else leave it out (the costs, which it does not move).
     */
    Pricer(const Scenario &scenario, const Pricing::PriceSheet &sheet, bool withSpike = false)
        : m_base(scenario), m_sheet(sheet), m_work(scenario), m_withSpike(withSpike && scenario.workload.spike)
    {
        // As the traffic sweep does: the JSON and positions only locate errors (an error is located
        // again on the original), and the spike changes no monthly cost, only delays.
        m_work.original = JsonDocument::Json();
        m_work.positions = JsonDocument::PositionMap();
        if (!m_withSpike)
            m_work.workload.spike.reset();
    }

    /** The evaluation at these values (the last one again when they change nothing it depends on). */
    Result<const Evaluation *> evaluate(const Values &values)
    {
        const double height = at(values, UncertainInput::SpikeHeight);
        const bool heightMoved = m_withSpike && m_last && height != at(m_lastValues, UncertainInput::SpikeHeight);
        if (!m_last || heightMoved || scenarioInputsDiffer(values, m_lastValues)) {
            apply(values);
            if (m_withSpike && !std::isnan(height))
                m_work.workload.spike->toPerSecond = height;
            auto evaluation = Evaluator::evaluateMonthly(m_work, m_sheet);
            if (!evaluation) {
                auto located = Evaluator::evaluate(m_base, m_sheet);
                return located ? evaluation.error() : located.error();
            }
            m_last = std::move(evaluation).value();
            m_lastValues = values;
        }
        return &*m_last;
    }

    /** Each option's monthly cost at these values (NaN where infeasible or unpriced). */
    Result<std::vector<double>> price(const Values &values)
    {
        if (auto evaluated = evaluate(values); !evaluated)
            return evaluated.error();
        std::vector<double> costs(m_last->options.size(), NaN);
        const double discount = at(values, UncertainInput::SpotDiscount);
        const double interrupted = at(values, UncertainInput::SpotInterruptedShare);
        for (std::size_t i = 0; i < costs.size(); ++i) {
            const OptionResult &o = m_last->options[i];
            if (!o.feasible || !o.priced || !std::isfinite(o.monthlyCost))
                continue;
            double cost = o.monthlyCost;
            if (const auto *ec2 = o.detailsAs<Ec2Details>())
                for (const LineItem &line : o.lineItems)
                    if (line.name == "spot instances") {
                        const double spot = std::isnan(discount) ? line.unitPrice : ec2->onDemandHourly * (1 - discount);
                        const double share = std::isnan(interrupted) ? 0 : interrupted;
                        cost += line.quantity * ((1 - share) * spot + share * ec2->onDemandHourly) - line.cost;
                    }
            costs[i] = cost;
        }
        return costs;
    }

    /** The ids and platforms of the options priced (valid after a successful price()). */
    const Evaluation &last() const { return *m_last; }

private:
    void apply(const Values &values)
    {
        const double traffic = at(values, UncertainInput::Traffic);
        const double duration = at(values, UncertainInput::DurationMs);
        const double memory = at(values, UncertainInput::MemoryMb);
        const Workload &w = m_base.workload;
        scaleRequests(m_work.workload.requests, w.requests, traffic);
        if (w.batch)
            m_work.workload.batch->runsPerMonth = w.batch->runsPerMonth * traffic;
        m_work.workload.durationMs = duration;
        m_work.workload.memoryMb = memory;
        // The whole bill's sizes: only where the workload gives them (readRanges insists on it).
        if (w.traffic.bytesOutPerRequest)
            m_work.workload.traffic.bytesOutPerRequest = at(values, UncertainInput::BytesOutPerRequest);
        if (w.traffic.logBytesPerRequest)
            m_work.workload.traffic.logBytesPerRequest = at(values, UncertainInput::LogBytesPerRequest);
        // An option's own request rate and duration move by the same factor as the workload's. Its
        // own memoryMb does not: it is a configuration (a Lambda function's memory, a managed
        // environment's size), not a need that could turn out otherwise.
        for (std::size_t i = 0; i < m_work.options.size(); ++i) {
            OptionSpec &option = m_work.options[i];
            const OptionSpec &original = m_base.options[i];
            if (original.requests)
                scaleRequests(*option.requests, *original.requests, traffic);
            if (original.durationMs)
                option.durationMs = *original.durationMs * duration / w.durationMs;
        }
    }

    const Scenario &m_base;
    const Pricing::PriceSheet &m_sheet;
    Scenario m_work;
    bool m_withSpike;
    std::optional<Evaluation> m_last;
    Values m_lastValues{};
};

double mean(const std::vector<double> &v)
{
    double s = 0;
    for (double x : v)
        s += x;
    return v.empty() ? NaN : s / static_cast<double>(v.size());
}

double meanError(const std::vector<double> &v, double m)
{
    if (v.size() < 2)
        return 0;
    double s = 0;
    for (double x : v)
        s += (x - m) * (x - m);
    return std::sqrt(s / static_cast<double>(v.size() - 1) / static_cast<double>(v.size()));
}

/** The cheapest (lowest, first on ties) finite cost, -1 when none; runnerUp the next. */
void cheapestTwo(const std::vector<double> &costs, int &cheapest, int &runnerUp)
{
    cheapest = runnerUp = -1;
    for (int i = 0; i < static_cast<int>(costs.size()); ++i) {
        if (std::isnan(costs[i]))
            continue;
        if (cheapest < 0 || costs[i] < costs[cheapest]) {
            runnerUp = cheapest;
            cheapest = i;
        } else if (runnerUp < 0 || costs[i] < costs[runnerUp]) {
            runnerUp = i;
        }
    }
}

/** Runs work(from, to) over [0, count) split into `threads` contiguous parts, one thread each. */
template<typename Work>
void splitOverThreads(std::size_t count, int threads, Work work)
{
    if (threads <= 1) {
        work(std::size_t{0}, count);
        return;
    }
    std::vector<std::thread> running;
    const auto t = static_cast<std::size_t>(threads);
    for (std::size_t i = 0; i < t; ++i)
        running.emplace_back(work, count * i / t, count * (i + 1) / t);
    for (std::thread &thread : running)
        thread.join();
}

/** One option's spike measures in one draw, then 1 if it absorbed the spike, else 0; NaN without a spike result. */
using SpikeRow = std::array<double, SpikeMeasureCount + 1>;

// As the spike model counts a request (models/scaling/scaling.cpp, RequestTolerance): fewer than
// half a request delayed or turned away is none.
constexpr double RequestTolerance = 0.5;

SpikeRow spikeRow(const OptionResult &o)
{
    SpikeRow row;
    row.fill(NaN);
    if (!o.feasible || !o.scaling)
        return row;
    const ScalingResult &s = *o.scaling;
    // -1 is "not before the spike ends": the worst outcome, so it sorts last.
    row[static_cast<std::size_t>(SpikeMeasure::SecondsToMeetDemand)]
        = s.secondsToMeetDemand < 0 ? std::numeric_limits<double>::infinity() : s.secondsToMeetDemand;
    row[static_cast<std::size_t>(SpikeMeasure::MaxDelaySeconds)] = s.maxDelaySeconds;
    row[static_cast<std::size_t>(SpikeMeasure::RequestsDelayed)] = s.requestsDelayed;
    row[static_cast<std::size_t>(SpikeMeasure::RequestsRejected)] = s.requestsRejected;
    row[SpikeMeasureCount] = s.requestsDelayed < RequestTolerance && s.requestsRejected < RequestTolerance ? 1 : 0;
    return row;
}

/** The sample quantile of sorted values that may end in +inf (never): +inf where it reaches one. */
double spikeQuantile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return NaN;
    const double h = (static_cast<double>(sorted.size()) - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double frac = h - static_cast<double>(lo);
    if (frac == 0)
        return sorted[lo];
    if (std::isinf(sorted[hi]))
        return std::numeric_limits<double>::infinity();
    return sorted[lo] + frac * (sorted[hi] - sorted[lo]); // as Sampling::sortedQuantile
}

} // namespace

const char *spikeMeasureKey(SpikeMeasure measure)
{
    static const char *const keys[SpikeMeasureCount] = {"secondsToMeetDemand", "maxDelaySeconds", "requestsDelayed",
                                                        "requestsRejected"};
    return keys[static_cast<int>(measure)];
}

const char *spikeMeasureTitle(SpikeMeasure measure)
{
    static const char *const titles[SpikeMeasureCount] = {"Time to meet demand (s)", "Longest wait (s)",
                                                          "Requests delayed beyond the objective",
                                                          "Requests turned away"};
    return titles[static_cast<int>(measure)];
}

double TornadoBar::swing() const
{
    return std::isnan(atLow) || std::isnan(atHigh) ? 0 : std::abs(atHigh - atLow);
}

Result<UncertaintyResult> runUncertainty(const Scenario &scenario, const Pricing::PriceSheet &sheet,
                                         const UncertaintyRanges &ranges, const UncertaintySettings &settings)
{
    if (settings.draws < 1 || settings.draws > MaxDraws)
        return Error{ErrorCode::OutOfRange, "draws: between 1 and " + std::to_string(MaxDraws) + " are possible", {}, 0, 0};

    Values typical{};
    for (int i = 0; i < UncertainInputCount; ++i) {
        const auto input = static_cast<UncertainInput>(i);
        typical[static_cast<std::size_t>(i)] = ranges[input] ? ranges[input]->typical : scenarioValue(scenario, input);
    }

    UncertaintyResult out;
    out.scenario = scenario.name;
    out.region = scenario.region;
    out.draws = settings.draws;
    out.seed = settings.seed;
    out.ranges = ranges;

    Pricer typicalPricer(scenario, sheet);
    const auto typicalCosts = typicalPricer.price(typical);
    if (!typicalCosts)
        return typicalCosts.error();
    const Evaluation &shape = typicalPricer.last();
    out.currency = shape.prices.currency;
    const std::size_t optionCount = shape.options.size();
    cheapestTwo(typicalCosts.value(), out.cheapestAtTypical, out.runnerUpAtTypical);

    // Every draw's inputs first, from one generator in draw order: the threads only price them,
    // so the figures are the same with one thread or many.
    std::vector<Values> draws(static_cast<std::size_t>(settings.draws), typical);
    std::mt19937_64 rng(settings.seed);
    bool scenarioRanged = false;
    for (Values &v : draws)
        for (int i = 0; i < UncertainInputCount; ++i)
            if (const auto &r = ranges.ranges[static_cast<std::size_t>(i)]; r && changesCost(static_cast<UncertainInput>(i))) {
                v[static_cast<std::size_t>(i)] = r->quantile(Sampling::uniform01(rng));
                scenarioRanged = scenarioRanged || changesScenario(static_cast<UncertainInput>(i));
            }

    // The spike's heights from a stream of their own, for the draws whose spike is simulated: the
    // other inputs' draws (and so every cost) are those of the same run without the spike range.
    const auto &spikeRange = ranges[UncertainInput::SpikeHeight];
    const bool spikeRanged = settings.spike && spikeRange && scenario.workload.spike;
    const std::size_t spikeCount = spikeRanged ? static_cast<std::size_t>(std::clamp(settings.spikeDraws, 1, settings.draws)) : 0;
    {
        std::mt19937_64 spikeRng(settings.seed + SpikeStreamOffset);
        for (std::size_t d = 0; d < spikeCount; ++d)
            draws[d][static_cast<std::size_t>(UncertainInput::SpikeHeight)] = spikeRange->quantile(Sampling::uniform01(spikeRng));
    }
    const int total = settings.draws + static_cast<int>(spikeCount);

    std::vector<double> costs(draws.size() * optionCount, NaN);
    const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // Only the spot inputs ranged: one evaluation, repriced; threads would only add overhead.
    const int threadCount = scenarioRanged ? std::clamp(settings.threads > 0 ? settings.threads : hardware, 1, settings.draws) : 1;
    std::atomic<int> done{0};
    std::mutex errorMutex;
    std::optional<std::pair<std::size_t, Error>> firstError;
    auto work = [&](std::size_t from, std::size_t to) {
        Pricer pricer(scenario, sheet);
        for (std::size_t d = from; d < to; ++d) {
            if (settings.cancel && settings.cancel->load(std::memory_order_relaxed))
                return;
            auto priced = pricer.price(draws[d]);
            if (!priced) {
                const std::lock_guard lock(errorMutex);
                if (!firstError || d < firstError->first)
                    firstError.emplace(d, priced.error());
                return;
            }
            std::copy(priced.value().begin(), priced.value().end(), costs.begin() + static_cast<std::ptrdiff_t>(d * optionCount));
            const int n = done.fetch_add(1, std::memory_order_relaxed) + 1;
            if (settings.progress && (n % 64 == 0 || n == total))
                settings.progress(n, total);
        }
    };
    splitOverThreads(draws.size(), threadCount, work);
    if (settings.cancel && settings.cancel->load())
        return Error{ErrorCode::Cancelled, "the uncertainty run was cancelled", {}, 0, 0};
    if (firstError)
        return firstError->second;

    // The spike pass: each of the first spikeCount draws evaluated again with its spike at the drawn
    // height, which each option's spike model rides through.
    std::vector<SpikeRow> spikeRows(spikeCount * optionCount);
    std::vector<SpikeRow> spikeTypical(optionCount);
    if (spikeRanged) {
        Pricer typicalSpike(scenario, sheet, true);
        const auto evaluated = typicalSpike.evaluate(typical);
        if (!evaluated)
            return evaluated.error();
        for (std::size_t i = 0; i < optionCount; ++i)
            spikeTypical[i] = spikeRow(evaluated.value()->options[i]);
        auto spikeWork = [&](std::size_t from, std::size_t to) {
            Pricer pricer(scenario, sheet, true);
            for (std::size_t d = from; d < to; ++d) {
                if (settings.cancel && settings.cancel->load(std::memory_order_relaxed))
                    return;
                const auto evaluation = pricer.evaluate(draws[d]);
                if (!evaluation) {
                    const std::lock_guard lock(errorMutex);
                    if (!firstError || d < firstError->first)
                        firstError.emplace(d, evaluation.error());
                    return;
                }
                for (std::size_t i = 0; i < optionCount; ++i)
                    spikeRows[d * optionCount + i] = spikeRow(evaluation.value()->options[i]);
                const int n = done.fetch_add(1, std::memory_order_relaxed) + 1;
                if (settings.progress && (n % 16 == 0 || n == total))
                    settings.progress(n, total);
            }
        };
        const int spikeThreads = std::clamp(settings.threads > 0 ? settings.threads : hardware, 1, static_cast<int>(spikeCount));
        splitOverThreads(spikeCount, spikeThreads, spikeWork);
        if (settings.cancel && settings.cancel->load())
            return Error{ErrorCode::Cancelled, "the uncertainty run was cancelled", {}, 0, 0};
        if (firstError)
            return firstError->second;
        out.spikeDraws = static_cast<int>(spikeCount);
    }

    // The cheapest of each draw, and each option's figures over the draws.
    const double n = static_cast<double>(draws.size());
    std::vector<double> cheapestCost(draws.size(), NaN);
    std::vector<int> wins(optionCount, 0);
    int none = 0;
    for (std::size_t d = 0; d < draws.size(); ++d) {
        const std::vector<double> row(costs.begin() + static_cast<std::ptrdiff_t>(d * optionCount),
                                      costs.begin() + static_cast<std::ptrdiff_t>((d + 1) * optionCount));
        int best = -1, second = -1;
        cheapestTwo(row, best, second);
        if (best < 0) {
            ++none;
            continue;
        }
        ++wins[static_cast<std::size_t>(best)];
        cheapestCost[d] = row[static_cast<std::size_t>(best)];
    }
    out.noneFeasibleShare = none / n;
    for (std::size_t i = 0; i < optionCount; ++i) {
        OptionUncertainty u;
        u.id = shape.options[i].id;
        u.platform = shape.options[i].platform;
        u.typical = typicalCosts.value()[i];
        std::vector<double> own, regret;
        for (std::size_t d = 0; d < draws.size(); ++d) {
            const double c = costs[d * optionCount + i];
            if (std::isnan(c))
                continue;
            own.push_back(c);
            regret.push_back(c - cheapestCost[d]);
        }
        u.feasibleShare = static_cast<double>(own.size()) / n;
        u.mean = mean(own);
        u.meanError = meanError(own, u.mean);
        u.expectedRegret = mean(regret);
        u.expectedRegretError = meanError(regret, u.expectedRegret);
        std::sort(own.begin(), own.end());
        u.p10 = Sampling::sortedQuantile(own, 0.1);
        u.p50 = Sampling::sortedQuantile(own, 0.5);
        u.p90 = Sampling::sortedQuantile(own, 0.9);
        u.p10Error = Sampling::sortedQuantileError(own, 0.1);
        u.p50Error = Sampling::sortedQuantileError(own, 0.5);
        u.p90Error = Sampling::sortedQuantileError(own, 0.9);
        u.probabilityCheapest = wins[i] / n;
        u.probabilityCheapestError = std::sqrt(u.probabilityCheapest * (1 - u.probabilityCheapest) / n);
        if (spikeRanged) {
            OptionSpikeUncertainty spike;
            std::array<std::vector<double>, SpikeMeasureCount> values;
            int absorbed = 0;
            for (std::size_t d = 0; d < spikeCount; ++d) {
                const SpikeRow &row = spikeRows[d * optionCount + i];
                if (std::isnan(row[SpikeMeasureCount]))
                    continue;
                for (std::size_t m = 0; m < SpikeMeasureCount; ++m)
                    values[m].push_back(row[m]);
                absorbed += row[SpikeMeasureCount] > 0 ? 1 : 0;
                ++spike.simulated;
            }
            for (std::size_t m = 0; m < SpikeMeasureCount; ++m) {
                std::sort(values[m].begin(), values[m].end());
                SpikeSpread &spread = spike.measures[m];
                spread.typical = spikeTypical[i][m];
                spread.p10 = spikeQuantile(values[m], 0.1);
                spread.p50 = spikeQuantile(values[m], 0.5);
                spread.p90 = spikeQuantile(values[m], 0.9);
            }
            spike.absorbedShare = spike.simulated > 0 ? static_cast<double>(absorbed) / spike.simulated : NaN;
            u.spike = spike;
        }
        out.options.push_back(std::move(u));
    }

    // The tornado: each ranged input at its low and its high, the others typical.
    if (settings.tornado && out.cheapestAtTypical >= 0) {
        const auto chosen = static_cast<std::size_t>(out.cheapestAtTypical);
        out.chosenCost.subject = "monthly cost of " + out.options[chosen].id;
        out.chosenCost.base = out.options[chosen].typical;
        const bool pair = out.runnerUpAtTypical >= 0;
        const auto other = static_cast<std::size_t>(std::max(0, out.runnerUpAtTypical));
        if (pair) {
            out.difference.subject = out.options[other].id + " minus " + out.options[chosen].id;
            out.difference.base = out.options[other].typical - out.options[chosen].typical;
        }
        for (int i = 0; i < UncertainInputCount; ++i) {
            const auto input = static_cast<UncertainInput>(i);
            // The spike's height moves no cost: a bar of zero says nothing.
            if (!ranges[input] || !changesCost(input))
                continue;
            TornadoBar cost{input, ranges[input]->low, ranges[input]->high, NaN, NaN};
            TornadoBar diff = cost;
            for (int end = 0; end < 2; ++end) {
                Values v = typical;
                v[static_cast<std::size_t>(i)] = end == 0 ? ranges[input]->low : ranges[input]->high;
                const auto priced = typicalPricer.price(v);
                if (!priced)
                    return priced.error();
                (end == 0 ? cost.atLow : cost.atHigh) = priced.value()[chosen];
                (end == 0 ? diff.atLow : diff.atHigh) = priced.value()[other] - priced.value()[chosen];
            }
            out.chosenCost.bars.push_back(cost);
            if (pair)
                out.difference.bars.push_back(diff);
        }
        auto bySwing = [](const TornadoBar &a, const TornadoBar &b) { return a.swing() > b.swing(); };
        std::stable_sort(out.chosenCost.bars.begin(), out.chosenCost.bars.end(), bySwing);
        std::stable_sort(out.difference.bars.begin(), out.difference.bars.end(), bySwing);
    }
    return out;
}

} // namespace Costscape::Models
