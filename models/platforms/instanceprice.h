// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/platforms/platformmodel.h"

#include <optional>
#include <string>

namespace Costscape::Models {

/** An hourly instance price and where it came from, for the line item's note. */
struct InstancePrice {
    double hourly = 0;
    std::string basis;
};

/**
 * The spot price of an instance type, in the order FORMATS.md gives: the sheet's spot price, else
 * the option's spotHourly, else on-demand x (1 - spotDiscount), else on-demand x (1 - the Spot
 * Instance Advisor's average saving) for Linux. nullopt when none applies; `ignored` names an
 * option value that a sheet price overrides.
 */
std::optional<InstancePrice> spotPrice(const Pricing::Ec2InstanceType &type, const std::string &os, double onDemandHourly,
                                       std::optional<double> optionSpotHourly, std::optional<double> optionSpotDiscount,
                                       std::string *ignored = nullptr);

} // namespace Costscape::Models
