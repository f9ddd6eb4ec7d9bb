// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/scenario/fleetspec.h"

#include <optional>
#include <string>

namespace Costscape::Models {

class DetailsWriter;

/** The keys of a `"platform": "fargate"` option (FORMATS.md section 1). */
struct FargateSpec {
    std::string os = "linux";
    std::string architecture = "x86_64";
    double taskVcpu = 0.25;
    double taskMemoryGb = 0.5;
    bool spot = false;
    double ephemeralStorageGb = 20;
    std::optional<double> spotDiscount; ///< Costscape extension: for sheets without Fargate Spot rates
    FleetSpec fleet;

    bool operator==(const FargateSpec &) const = default;
};

/** What a priced Fargate option adds to its line items. */
struct FargateDetails {
    double perTaskHour = 0;
    std::string priceBasis;

    void write(DetailsWriter &out) const;
};

} // namespace Costscape::Models
