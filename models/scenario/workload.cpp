// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/workload.h"

#include "base/scratchtable.h"

#include <algorithm>
#include <cmath>
#include <bit>
#include <cstdint>

namespace Costscape::Models {

HourlyPlan HourlyPlan::build(const RequestModel &requests, double hoursPerMonth)
{
    HourlyPlan plan;
    plan.hoursPerMonth = hoursPerMonth;
    const std::size_t n = requests.perSecondHourly.size();
    if (requests.kind == RequestModel::Kind::Hourly && (n == 730 || n == 744 || n == 8760)) {
        // One whole period: evaluate every hour of it and scale to the month.
        plan.ratePerSecond = requests.perSecondHourly;
        plan.weight.assign(n, hoursPerMonth / static_cast<double>(n));
        return plan;
    }
    const auto slots = hoursPerMonth > 0 ? std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(hoursPerMonth - 1e-9))) : 0;
    plan.ratePerSecond.resize(slots);
    plan.weight.assign(slots, 1.0);
    if (slots > 0 && std::floor(hoursPerMonth) != hoursPerMonth)
        plan.weight.back() = hoursPerMonth - std::floor(hoursPerMonth);
    switch (requests.kind) {
    case RequestModel::Kind::PerMonth: {
        const double rate = hoursPerMonth > 0 ? requests.perMonth / (hoursPerMonth * 3600.0) : 0;
        std::fill(plan.ratePerSecond.begin(), plan.ratePerSecond.end(), rate);
        break;
    }
    case RequestModel::Kind::PerSecond:
        std::fill(plan.ratePerSecond.begin(), plan.ratePerSecond.end(), requests.perSecond);
        break;
    case RequestModel::Kind::Hourly:
        for (std::size_t i = 0; i < slots; ++i)
            plan.ratePerSecond[i] = n ? requests.perSecondHourly[i % n] : 0;
        break;
    }
    return plan;
}

HourlyPlan HourlyPlan::merged() const
{
    HourlyPlan out;
    out.hoursPerMonth = hoursPerMonth;
    const std::size_t n = ratePerSecond.size();
    // Every evaluation of the sweep and every Monte Carlo draw merges its plan (8,760 hours of a
    // year profile): an open-addressing table over the slots' indices, one allocation, rather than
    // a node per distinct rate. Rates are equal as doubles compare (0 and -0 merge; a NaN merges
    // with nothing), as the std::unordered_map this replaces had them.
    // Slot index + 1; 0 = empty.
    thread_local std::vector<std::uint32_t> storage;
    ScratchTable scratch(storage, n);
    std::uint32_t *const table = scratch.data();
    const std::size_t mask = scratch.mask();
    out.ratePerSecond.reserve(n);
    out.weight.reserve(n);
    auto hashOf = [](double v) {
        const std::uint64_t bits = v == 0 ? 0 : std::bit_cast<std::uint64_t>(v);
        return static_cast<std::size_t>((bits * 0x9E3779B97F4A7C15ull) >> 32);
    };
    for (std::size_t i = 0; i < n; ++i) {
        const double rate = ratePerSecond[i];
        std::size_t at = hashOf(rate) & mask;
        while (table[at] != 0 && !(out.ratePerSecond[table[at] - 1] == rate))
            at = (at + 1) & mask;
        if (table[at] == 0) {
            table[at] = static_cast<std::uint32_t>(out.ratePerSecond.size() + 1);
            out.ratePerSecond.push_back(rate);
            out.weight.push_back(weight[i]);
        } else {
            out.weight[table[at] - 1] += weight[i];
        }
    }
    return out;
}

double HourlyPlan::requestsPerMonth() const
{
    double total = 0;
    for (std::size_t i = 0; i < ratePerSecond.size(); ++i)
        total += ratePerSecond[i] * 3600.0 * weight[i];
    return total;
}

double HourlyPlan::peakRate() const
{
    return ratePerSecond.empty() ? 0 : *std::max_element(ratePerSecond.begin(), ratePerSecond.end());
}

double HourlyPlan::monthly(const std::vector<double> &perHour) const
{
    double total = 0;
    for (std::size_t i = 0; i < perHour.size() && i < weight.size(); ++i)
        total += perHour[i] * weight[i];
    return total;
}

} // namespace Costscape::Models
