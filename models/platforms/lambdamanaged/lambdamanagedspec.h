// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

namespace Costscape::Models {

class DetailsWriter;

/**
 * The keys of a `"platform": "lambda-managed"` option (FORMATS.md section 5; Costscape's additions
 * `memoryPerVcpuGb` and `concurrencyPerVcpu`). The option's `memoryMb` is the memory of one
 * execution environment (the function's size), not of one request: requests share it.
 */
struct LambdaManagedSpec {
    std::string instanceType = "auto"; ///< a type of the sheet, or "auto" (the cheapest that serves)
    std::string runtime = "nodejs";    ///< "nodejs", "python", "java", "dotnet": sets the concurrency per vCPU
    double memoryPerVcpuGb = 2;        ///< ExecutionEnvironmentMemoryGiBPerVCpu, 2 to 8
    std::optional<double> concurrencyPerVcpu; ///< overrides the runtime's default
    double minInstances = 3;
    std::optional<double> maxInstances;
    double targetUtilization = 0.5;

    bool autoInstanceType() const { return instanceType == "auto"; }
    bool operator==(const LambdaManagedSpec &) const = default;
};

/** What a priced Lambda Managed Instances option adds to its line items. */
struct LambdaManagedDetails {
    std::string instanceType;
    double instanceHourly = 0;        ///< EC2 on-demand, per instance-hour
    double managementHourly = 0;      ///< the management fee, per instance-hour
    double environmentMemoryMb = 0;
    double environmentVcpu = 0;
    double environmentConcurrency = 0; ///< requests one execution environment serves at once
    double environmentsPerInstance = 0;
    double peakEnvironments = 0;
    double peakInstances = 0;

    void write(DetailsWriter &out) const;
};

} // namespace Costscape::Models
