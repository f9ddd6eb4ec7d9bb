// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/commitments/commitmentmath.h"

#include <algorithm>
#include <iomanip>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <utility>

namespace Costscape::Models::Commitments {

double Usage::hours() const
{
    return std::accumulate(weight.begin(), weight.end(), 0.0);
}

double Usage::unitHours() const
{
    double sum = 0;
    for (std::size_t h = 0; h < units.size() && h < weight.size(); ++h)
        sum += units[h] * weight[h];
    return sum;
}

Outcome apply(const Usage &usage, const std::vector<ReservationLayer> &reservations, const std::vector<PlanLayer> &plans)
{
    Outcome out;
    out.layers.assign(reservations.size() + plans.size(), {});
    const std::size_t n = std::min(usage.units.size(), usage.weight.size());
    out.slotCost.assign(n, 0.0);
    out.leftUnits.assign(n, 0.0);
    double fixedHourly = 0; // what every layer costs each hour, used or not
    for (const ReservationLayer &r : reservations)
        fixedHourly += r.count * r.effectiveHourly;
    for (const PlanLayer &p : plans)
        fixedHourly += p.hourly;
    for (std::size_t h = 0; h < n; ++h) {
        const double w = usage.weight[h];
        double left = usage.units[h];
        std::size_t k = 0;
        for (const ReservationLayer &r : reservations) {
            const double covered = std::min(left, r.count);
            left -= covered;
            out.layers[k].unitHours += covered * w;
            out.layers[k].usedCost += covered * r.effectiveHourly * w;
            ++k;
        }
        for (const PlanLayer &p : plans) {
            // The plan spends up to its commitment at its rate: it covers hourly / rate units.
            const double covered = p.rate > 0 ? std::min(left, p.hourly / p.rate) : left;
            left -= covered;
            out.layers[k].unitHours += covered * w;
            out.layers[k].usedCost += covered * p.rate * w;
            ++k;
        }
        out.spillUnitHours += left * w;
        out.leftUnits[h] = left;
        out.slotCost[h] = fixedHourly + left * usage.onDemand;
        out.onDemandCost += usage.units[h] * usage.onDemand * w;
    }
    const double hours = usage.hours();
    std::size_t k = 0;
    for (const ReservationLayer &r : reservations)
        out.layers[k++].committedCost = r.count * r.effectiveHourly * hours;
    for (const PlanLayer &p : plans)
        out.layers[k++].committedCost = p.hourly * hours;
    out.spillCost = out.spillUnitHours * usage.onDemand;
    out.totalCost = out.spillCost;
    for (const LayerOutcome &l : out.layers)
        out.totalCost += l.committedCost;
    return out;
}

double upperQuantile(const std::vector<double> &values, const std::vector<double> &weight, double share)
{
    const std::size_t n = std::min(values.size(), weight.size());
    // Only the positive values are candidates besides 0; sorting (value, weight) pairs by value
    // keeps the comparisons on contiguous memory (a year of hours sorts in well under a millisecond).
    std::vector<std::pair<double, double>> slots;
    slots.reserve(n);
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        total += weight[i];
        if (values[i] > 0)
            slots.emplace_back(values[i], weight[i]);
    }
    std::sort(slots.begin(), slots.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    const double limit = share * total * (1 + 1e-12);
    // Walk down from the largest value: `above` is the weight of the values strictly above the
    // candidate. The answer is the last candidate whose `above` is still within the limit.
    double above = 0;
    double best = 0;
    std::size_t i = 0;
    while (i < slots.size()) {
        const double v = slots[i].first;
        if (above > limit)
            return best;
        best = v;
        // Every slot with this same value joins `above` for the next, smaller candidate.
        while (i < slots.size() && slots[i].first == v)
            above += slots[i++].second;
    }
    // 0 is the last candidate: every positive value is above it.
    return above <= limit ? 0 : best;
}

double optimalPlanHourly(const Usage &usage, double rate)
{
    if (!(rate > 0) || !(rate < usage.onDemand))
        return 0;
    // Cost(c) = sum_h w_h (c + onDemand * max(0, u_h - c/rate)); its right derivative is
    // W - (onDemand/rate) * W(u > c/rate): non-decreasing, so the minimum is the smallest c
    // where the hours with u_h > c/rate weigh at most rate/onDemand of the month.
    return rate * upperQuantile(usage.units, usage.weight, rate / usage.onDemand);
}

double optimalReservationCount(const Usage &usage, double effectiveHourly)
{
    if (usage.units.empty() || !(effectiveHourly >= 0) || !(effectiveHourly < usage.onDemand))
        return 0;
    const double x = upperQuantile(usage.units, usage.weight, effectiveHourly / usage.onDemand);
    const double lo = std::floor(x + 1e-9);
    const double hi = std::ceil(x - 1e-9);
    if (lo == hi)
        return lo;
    auto cost = [&usage, effectiveHourly](double n) { return apply(usage, {{n, effectiveHourly}}, {}).totalCost; };
    return cost(lo) <= cost(hi) ? lo : hi;
}

double ProductUsage::hours() const
{
    return std::accumulate(weight.begin(), weight.end(), 0.0);
}

double ProductUsage::onDemandCost() const
{
    double sum = 0;
    for (std::size_t j = 0; j < units.size() && j < onDemand.size(); ++j)
        for (std::size_t h = 0; h < units[j].size() && h < weight.size(); ++h)
            sum += units[j][h] * weight[h] * onDemand[j];
    return sum;
}

std::vector<std::size_t> coverageOrder(const std::vector<double> &onDemand, const std::vector<double> &rates)
{
    const std::size_t n = std::min(onDemand.size(), rates.size());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    auto saving = [&](std::size_t j) { return onDemand[j] > 0 ? 1 - rates[j] / onDemand[j] : 0.0; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double sa = saving(a), sb = saving(b);
        return sa != sb ? sa > sb : rates[a] < rates[b];
    });
    return order;
}

ProductOutcome applyPlans(const ProductUsage &usage, const std::vector<ProductPlanLayer> &plans)
{
    ProductOutcome out;
    const std::size_t products = std::min(usage.units.size(), usage.onDemand.size());
    std::size_t n = usage.weight.size();
    for (std::size_t j = 0; j < products; ++j)
        n = std::min(n, usage.units[j].size());
    const std::size_t planCount = plans.size();
    out.layers.assign(planCount, {});
    out.slotCost.assign(n, 0.0);
    out.leftUnits.assign(products, std::vector<double>(n, 0.0));
    // Each plan's products in its order, with the rates and on-demand prices beside them, so the
    // hour loop reads one flat row per plan.
    struct Step {
        std::size_t product;
        double rate;
        double onDemand;
    };
    std::vector<Step> steps;
    double fixedHourly = 0;
    for (const ProductPlanLayer &p : plans) {
        for (const std::size_t j : coverageOrder(usage.onDemand, p.rates))
            steps.push_back({j, p.rates[j], usage.onDemand[j]});
        fixedHourly += p.hourly;
    }
    const std::size_t perPlan = planCount > 0 ? steps.size() / planCount : 0;
    // The month's sums are kept in locals (the stores into leftUnits could otherwise alias them)
    // and added in the same order as hour by hour into the outcome, so every figure is the same.
    std::vector<double> covered(planCount * products, 0.0), used(planCount, 0.0), spill(products, 0.0), left(products);
    double onDemandCost = 0, coveredOnDemandCost = 0;
    for (std::size_t h = 0; h < n; ++h) {
        const double w = usage.weight[h];
        for (std::size_t j = 0; j < products; ++j)
            left[j] = usage.units[j][h];
        for (std::size_t k = 0; k < planCount; ++k) {
            double budget = plans[k].hourly; // what the plan still has to spend this hour
            for (std::size_t s = k * perPlan; s < (k + 1) * perPlan; ++s) {
                const std::size_t j = steps[s].product;
                if (left[j] <= 0)
                    continue;
                const double rate = steps[s].rate;
                const double c = rate > 0 ? std::min(left[j], budget / rate) : left[j];
                if (c <= 0)
                    break; // nothing left to spend: the later products get nothing either
                left[j] -= c;
                budget = std::max(0.0, budget - c * rate);
                covered[k * products + j] += c * w;
                used[k] += c * rate * w;
                coveredOnDemandCost += c * steps[s].onDemand * w;
            }
        }
        double slot = fixedHourly;
        for (std::size_t j = 0; j < products; ++j) {
            out.leftUnits[j][h] = left[j];
            spill[j] += left[j] * w;
            slot += left[j] * usage.onDemand[j];
            onDemandCost += usage.units[j][h] * usage.onDemand[j] * w;
        }
        out.slotCost[h] = slot;
    }
    out.coveredUnitHours.assign(planCount, std::vector<double>(products, 0.0));
    for (std::size_t k = 0; k < planCount; ++k) {
        for (std::size_t j = 0; j < products; ++j)
            out.coveredUnitHours[k][j] = covered[k * products + j];
        out.layers[k].usedCost = used[k];
    }
    out.spillUnitHours = spill;
    out.onDemandCost = onDemandCost;
    out.coveredOnDemandCost = coveredOnDemandCost;
    const double hours = usage.hours();
    for (std::size_t k = 0; k < planCount; ++k)
        out.layers[k].committedCost = plans[k].hourly * hours;
    out.spillCost.assign(products, 0.0);
    out.totalCost = 0;
    for (std::size_t j = 0; j < products; ++j) {
        out.spillCost[j] = out.spillUnitHours[j] * usage.onDemand[j];
        out.totalCost += out.spillCost[j];
    }
    for (const LayerOutcome &l : out.layers)
        out.totalCost += l.committedCost;
    return out;
}

namespace {

/** A kink of the month's cost in the commitment c: where one hour moves on to its next product. */
struct Kink {
    double at;    ///< c at which the hour moves to its next product
    double delta; ///< w_h (g before - g after) >= 0: what the derivative gains there
};

/**
 * The smallest kink position at which `derivative` (the right derivative below every kink, <
 * `tolerance`) plus the deltas of the kinks at or below it reaches `tolerance`; the largest
 * position (`highest`, the largest of them) when none does. This is a weighted quantile, so it is found without sorting every
 * kink: the positions are spread over buckets of equal width (a bucket's index never decreases
 * with the position), the deltas summed per bucket, and only the kinks of the bucket where the
 * derivative gets there go on to the next round; a few dozen kinks left (or rounds that do not
 * narrow them down, for positions bunched far below the largest) are sorted and walked, as a
 * full sort would. Two passes over the kinks where a sort takes about log2(n): the optimum of a
 * year of hours was mostly that sort. The kinks are reordered and dropped.
 */
double firstKinkReaching(std::vector<Kink> &kinks, double highest, double derivative, double tolerance)
{
    if (kinks.empty())
        return 0;
    constexpr std::size_t Buckets = 1024;
    std::vector<double> sums(Buckets);
    double lo = 0, hi = highest; // every position is in [lo, hi]
    for (int round = 0; round < 8 && kinks.size() > 64; ++round) {
        if (round > 0) {
            lo = hi = kinks.front().at;
            for (const Kink &k : kinks) {
                lo = std::min(lo, k.at);
                hi = std::max(hi, k.at);
            }
        }
        if (lo == hi)
            break; // one position left: the walk below sums it
        const double scale = double(Buckets) / (hi - lo);
        if (!std::isfinite(scale))
            break;
        auto bucket = [lo, scale](double at) { return std::min(Buckets - 1, std::size_t((at - lo) * scale)); };
        std::fill(sums.begin(), sums.end(), 0.0);
        for (const Kink &k : kinks)
            sums[bucket(k.at)] += k.delta;
        std::size_t b = 0;
        while (b < Buckets && derivative + sums[b] < tolerance)
            derivative += sums[b++];
        if (b == Buckets)
            return highest;
        // Only the kinks of bucket b are still in question; those below it are counted in.
        std::size_t kept = 0;
        for (const Kink &k : kinks)
            if (bucket(k.at) == b)
                kinks[kept++] = k;
        kinks.resize(kept);
    }
    std::sort(kinks.begin(), kinks.end(), [](const Kink &a, const Kink &b) { return a.at < b.at; });
    for (std::size_t i = 0; i < kinks.size();) {
        const double at = kinks[i].at;
        while (i < kinks.size() && kinks[i].at == at)
            derivative += kinks[i++].delta;
        if (derivative >= tolerance)
            return at;
    }
    return highest;
}

} // namespace

double optimalPlanHourly(const ProductUsage &usage, const std::vector<double> &rates)
{
    const std::size_t products = std::min({usage.units.size(), usage.onDemand.size(), rates.size()});
    std::size_t n = usage.weight.size();
    for (std::size_t j = 0; j < products; ++j)
        n = std::min(n, usage.units[j].size());
    // C(c) = W c + sum_h w_h S_h(c), S_h the hour's on-demand cost left when c is spent on it in
    // coverageOrder(). While c buys product j of hour h, S_h falls by onDemand[j]/rates[j] per unit
    // of c; the products come with the highest saving first, so that slope only rises: C is convex
    // and its right derivative is W - sum_h w_h g_h(c), g_h(c) = onDemand[j]/rates[j] of the product
    // hour h is buying at c (0 once all of it is covered). Walk the kinks in ascending c and stop
    // at the first where the derivative is >= 0.
    const std::vector<std::size_t> order = coverageOrder(usage.onDemand, rates);
    for (std::size_t j : order)
        if (!(rates[j] > 0))
            return 0; // a free product: not a plan this can size
    std::vector<Kink> kinks;
    kinks.reserve(n * (order.size() + 1));
    double total = 0, derivative = 0, highest = 0;
    for (std::size_t h = 0; h < n; ++h) {
        const double w = usage.weight[h];
        total += w;
        double at = 0, g = -1; // g < 0: the hour's first product not yet met
        for (std::size_t j : order) {
            const double u = usage.units[j][h];
            if (!(u > 0))
                continue;
            const double slope = usage.onDemand[j] / rates[j];
            if (g < 0)
                derivative -= w * slope; // the derivative at c = 0+
            else
                kinks.push_back({at, w * (g - slope)});
            g = slope;
            at += u * rates[j];
        }
        if (g >= 0) {
            kinks.push_back({at, w * g});
            highest = std::max(highest, at); // the hour's last kink is its largest
        }
    }
    derivative += total;
    const double tolerance = -1e-12 * total; // a derivative this close to 0 counts as 0
    if (derivative >= tolerance)
        return 0;
    return firstKinkReaching(kinks, highest, derivative, tolerance);
}

std::optional<int> breakEvenMonth(double upfrontTotal, double upfrontMonthly, double effectiveMonthly,
                                  double onDemandMonthly, int termMonths)
{
    const double saving = onDemandMonthly - (effectiveMonthly - upfrontMonthly);
    if (!(saving > 0))
        return std::nullopt;
    const int month = upfrontTotal > 0 ? int(std::ceil(upfrontTotal / saving - 1e-9)) : 1;
    if (month > termMonths)
        return std::nullopt;
    return std::max(1, month);
}

std::vector<double> curveLevels(double top, int steps, bool whole, double current, double optimal)
{
    std::vector<double> levels;
    for (int k = 0; k <= steps; ++k)
        levels.push_back(steps > 0 ? top * k / steps : 0);
    if (whole)
        for (double &v : levels)
            v = std::round(v);
    levels.push_back(current);
    levels.push_back(optimal);
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    return levels;
}

double termHours(int years)
{
    return 8760.0 * years;
}

std::string rateText(double rate)
{
    std::ostringstream out;
    out << std::setprecision(6) << rate;
    return out.str();
}

} // namespace Costscape::Models::Commitments
