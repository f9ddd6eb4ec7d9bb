// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/platforms/eks/ekscommon.h"

#include <string>
#include <vector>

namespace Costscape::Models {

class DetailsWriter;

/** The keys of a `"platform": "eks-fargate"` option (FORMATS.md section 5). */
struct EksFargateSpec {
    std::vector<PodGroup> podGroups;
    std::string architecture = "x86_64";
    ControlPlaneTier controlPlane = ControlPlaneTier::Standard;

    bool operator==(const EksFargateSpec &) const = default;
};

/** One pod group's size as Fargate provisions it. */
struct EksFargatePodSize {
    std::string group;
    double requestedVcpu = 0;
    double requestedMemoryMb = 0;
    double vcpu = 0;     ///< provisioned (CapacityProvisioned)
    double memoryGb = 0; ///< provisioned, the 256 MB for Kubernetes components included
    double perPodHour = 0;
};

/** What a priced EKS on Fargate option adds to its line items. */
struct EksFargateDetails {
    std::vector<EksFargatePodSize> pods;
    std::string controlPlane;
    double controlPlaneHourly = 0;
    /** Provisioned vCPU and GB of all pods, slot by slot (for Compute Savings Plans; not written out). */
    std::vector<double> vcpuBySlot;
    std::vector<double> gbBySlot;

    void write(DetailsWriter &out) const;
};

} // namespace Costscape::Models
