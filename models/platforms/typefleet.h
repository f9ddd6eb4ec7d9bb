// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace Costscape::Models {

/**
 * The on-demand instances of one type in a packed fleet (ECS on EC2, EKS on EC2), slot by slot of
 * the option's hourly plan: what a Compute Savings Plan covers on a fleet that mixes types. Filled
 * only for an option with a commitment (nothing else reads it).
 */
struct TypeFleet {
    std::string type;          ///< "m7g.large"
    double hourlyPrice = 0;    ///< its on-demand price per instance-hour
    std::string lineName;      ///< the option's line item of those hours
    std::vector<double> bySlot; ///< instances running in each slot
};

} // namespace Costscape::Models
