// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <random>
#include <vector>

/**
 * The random numbers and quantile functions of the Monte Carlo, written out here rather than taken
 * from std:: distributions, whose output the standard leaves to each library: the same seed must
 * give the same figures with any compiler. std::mt19937_64 itself is fully specified.
 */
namespace Costscape::Models::Sampling {

/** A uniform share in the open interval (0, 1) from 53 bits of the generator. */
inline double uniform01(std::mt19937_64 &rng)
{
    return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
}

/** Phi^-1(p), the standard normal quantile, for p in (0, 1) (Acklam, relative error < 1.2e-9). */
double normalQuantile(double p);

/** The quantile of the triangular distribution (minimum a, mode c, maximum b) at share u. */
double triangularQuantile(double u, double a, double c, double b);

/**
 * The sample quantile of sorted values at share p (linear between order statistics, "type 7":
 * what R, NumPy and spreadsheets use by default). NaN for an empty sample.
 */
double sortedQuantile(const std::vector<double> &sorted, double p);

/**
 * A standard error of that quantile without assuming a distribution: half the distance between
 * the order statistics one binomial standard deviation sqrt(n p (1 - p)) either side of it.
 */
double sortedQuantileError(const std::vector<double> &sorted, double p);

} // namespace Costscape::Models::Sampling
