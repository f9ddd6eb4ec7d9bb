// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/scenario/fleetspec.h"

#include <optional>
#include <string>

namespace Costscape::Models {

class DetailsWriter;

/** The keys of a `"platform": "ec2"` option (FORMATS.md section 1). */
struct Ec2Spec {
    std::string instanceType;
    std::string os = "linux";
    Purchase purchase = Purchase::OnDemand;
    std::optional<double> spotHourly;
    std::optional<double> spotDiscount;
    std::optional<double> onDemandBase;
    std::optional<double> onDemandPercentAboveBase;
    FleetSpec fleet;

    bool operator==(const Ec2Spec &) const = default;
};

/** What a priced EC2 option adds to its line items. */
struct Ec2Details {
    std::string instanceType;
    double onDemandHourly = 0;
    std::optional<double> spotHourly;

    void write(DetailsWriter &out) const;
};

} // namespace Costscape::Models
