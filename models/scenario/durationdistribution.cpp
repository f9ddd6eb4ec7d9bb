// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/durationdistribution.h"

#include "base/textformat.h"

#include <algorithm>
#include <cmath>

namespace Costscape::Models {

namespace {

/**
 * F(x) = integral from 0 to x of ceil(t / g) x g dt. With x = n g + r (0 <= r < g):
 * F = g^2 n (n + 1) / 2 + r (n + 1) g.
 */
double roundedUpIntegral(double x, double g)
{
    const double n = std::floor(x / g);
    const double r = x - n * g;
    return g * g * n * (n + 1) / 2 + r * (n + 1) * g;
}

/** ceil() that forgives floating-point noise (a request of exactly 100 ms is billed 100 ms). */
double ceilTo(double d, double g)
{
    return std::ceil(d / g - 1e-9) * g;
}

} // namespace

std::string DurationDistribution::fromPercentiles(const std::vector<std::pair<double, double>> &points, DurationDistribution &out)
{
    if (points.size() < 2)
        return "give at least two percentiles, the last \"100\" (the longest request)";
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto [p, d] = points[i];
        if (!(p >= 0 && p <= 100))
            return "percentile " + Text::general(p) + " is not between 0 and 100";
        if (!(d >= 0 && std::isfinite(d)))
            return "the duration at percentile " + Text::general(p) + " must be a finite number of ms, at least 0";
        if (i > 0 && !(p > points[i - 1].first))
            return "percentiles must be given in increasing order";
        if (i > 0 && d < points[i - 1].second)
            return "the duration at percentile " + Text::general(p) + " (" + Text::general(d) + " ms) is below the one at "
                + Text::general(points[i - 1].first) + " (" + Text::general(points[i - 1].second) + " ms)";
    }
    if (points.back().first != 100)
        return "the last percentile must be \"100\" (the longest request), got " + Text::general(points.back().first);
    DurationDistribution d;
    d.m_form = Form::Percentiles;
    d.m_points = points;
    if (points.front().first > 0)
        d.m_segments.push_back({0, points.front().first / 100, points.front().second, points.front().second});
    for (std::size_t i = 1; i < points.size(); ++i)
        d.m_segments.push_back({points[i - 1].first / 100, points[i].first / 100, points[i - 1].second, points[i].second});
    out = std::move(d);
    return {};
}

std::string DurationDistribution::fromHistogram(const std::vector<std::pair<double, double>> &bins, DurationDistribution &out)
{
    if (bins.empty())
        return "give at least one bin";
    double share = 0;
    double lower = 0;
    DurationDistribution d;
    d.m_form = Form::Histogram;
    d.m_points = bins;
    for (const auto &[upTo, s] : bins) {
        if (!(upTo > lower) || !std::isfinite(upTo))
            return "bins must end at increasing durations above 0 ms (" + Text::general(upTo) + " ms after "
                + Text::general(lower) + " ms)";
        if (!(s >= 0 && s <= 1))
            return "a bin's share must be between 0 and 1, got " + Text::general(s);
        if (s > 0)
            d.m_segments.push_back({share, share + s, lower, upTo});
        share += s;
        lower = upTo;
    }
    if (std::abs(share - 1) > 1e-6)
        return "the shares add up to " + Text::general(share) + ", not 1";
    // The shares' rounding must not leave a sliver of the quantile range uncovered.
    if (!d.m_segments.empty())
        d.m_segments.back().u1 = 1;
    out = std::move(d);
    return {};
}

double DurationDistribution::meanMs() const
{
    double mean = 0;
    for (const Segment &s : m_segments)
        mean += (s.u1 - s.u0) * (s.d0 + s.d1) / 2;
    return mean;
}

double DurationDistribution::maxMs() const
{
    return m_segments.empty() ? 0 : m_segments.back().d1;
}

double DurationDistribution::billedMeanMs(double g) const
{
    if (!(g > 0))
        return meanMs();
    double billed = 0;
    for (const Segment &s : m_segments) {
        const double width = s.u1 - s.u0;
        if (width <= 0)
            continue;
        if (s.d1 - s.d0 < 1e-12) {
            billed += width * ceilTo(s.d0, g);
            continue;
        }
        // Duration is uniform over [d0, d1] on this piece: the mean of ceil over it.
        billed += width * (roundedUpIntegral(s.d1, g) - roundedUpIntegral(s.d0, g)) / (s.d1 - s.d0);
    }
    return billed;
}

} // namespace Costscape::Models
