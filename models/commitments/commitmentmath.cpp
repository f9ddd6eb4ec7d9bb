// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/commitments/commitmentmath.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
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

} // namespace Costscape::Models::Commitments
