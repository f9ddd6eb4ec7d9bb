// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

namespace Costscape::Models {

class DetailsWriter;

/** `"provisionedConcurrency"` of a Lambda option. */
struct ProvisionedConcurrency {
    double count = 0;
    std::optional<double> hoursPerMonth;   ///< default: the option's hours per month
    std::optional<double> shareOfRequests; ///< default: the traffic those environments serve

    bool operator==(const ProvisionedConcurrency &) const = default;
};

/** The keys of a `"platform": "lambda"` option (FORMATS.md section 1). */
struct LambdaSpec {
    std::string architecture = "x86_64";
    double ephemeralStorageMb = 512;
    int billingGranularityMs = 1;
    bool freeTier = false;
    std::optional<ProvisionedConcurrency> provisionedConcurrency;

    bool operator==(const LambdaSpec &) const = default;
};

/** What a priced Lambda option adds to its line items. */
struct LambdaDetails {
    double billedDurationMs = 0;
    double memoryMb = 0;
    double requestsPerMonth = 0;

    void write(DetailsWriter &out) const;
};

} // namespace Costscape::Models
