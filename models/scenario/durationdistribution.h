// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace Costscape::Models {

/**
 * How long requests run, as a distribution rather than one mean: given as percentiles
 * (`{"percentiles": {"50": 80, "90": 200, "99": 900, "100": 2000}}`, milliseconds) or as a
 * histogram (`{"histogram": [{"upToMs": 100, "share": 0.6}, ...]}`). Both become a piecewise
 * linear quantile function: between two percentiles the duration grows linearly, a histogram
 * bin is uniform from the bin before it (0 for the first) to its upper end. Below the lowest
 * percentile given, requests run as long as that percentile (give "0" to say otherwise).
 *
 * Sizing uses the mean (Little's law needs only the mean); billing rounds each request up to the
 * granularity (Lambda's 1 ms, or 100 ms before December 2020), so a distribution is billed
 * request by request: billedMeanMs(g) = E[ceil(d / g) x g], worked exactly on the segments.
 */
class DurationDistribution final
{
public:
    /** One linear piece of the quantile function: from share u0 to u1, duration d0 to d1 (ms). */
    struct Segment {
        double u0 = 0, u1 = 0, d0 = 0, d1 = 0;
        bool operator==(const Segment &) const = default;
    };
    /** The form it was given in, to write it back as it was. */
    enum class Form {
        Percentiles,
        Histogram,
    };

    DurationDistribution() = default;

    /**
     * From (percentile, milliseconds) pairs, percentiles in [0, 100] ascending and durations not
     * decreasing; the last must be 100 (the longest request). An empty string when it is good,
     * else what is wrong.
     */
    static std::string fromPercentiles(const std::vector<std::pair<double, double>> &points, DurationDistribution &out);
    /** From (upToMs, share) bins, upper ends ascending, shares summing to 1; "" or what is wrong. */
    static std::string fromHistogram(const std::vector<std::pair<double, double>> &bins, DurationDistribution &out);

    double meanMs() const;
    double maxMs() const;
    /** E[ceil(d / granularity) x granularity]: the mean billed duration of a request. */
    double billedMeanMs(double granularityMs) const;

    Form form() const { return m_form; }
    /** The pairs it was made from, as given. */
    const std::vector<std::pair<double, double>> &points() const { return m_points; }
    const std::vector<Segment> &segments() const { return m_segments; }
    bool operator==(const DurationDistribution &) const = default;

private:
    Form m_form = Form::Percentiles;
    std::vector<std::pair<double, double>> m_points;
    std::vector<Segment> m_segments;
};

} // namespace Costscape::Models
