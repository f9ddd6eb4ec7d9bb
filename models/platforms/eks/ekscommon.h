// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the two EKS platforms (eks-ec2, eks-fargate) share: pods in deployments, the cluster's
// control plane and its price. Each platform keeps its own folder; this is their common ground,
// as fleet.h is for every platform.

#include "base/jsondocument.h"
#include "base/result.h"
#include "models/scenario/fleetspec.h"

#include <string>
#include <vector>

namespace Costscape::Models {

class OptionReader;
struct OptionContext;
struct OptionResult;

/** One Kubernetes Deployment: its pods' requests and its fleet of pods. */
struct PodGroup {
    std::string name;
    double podVcpu = 0.25;
    double podMemoryMb = 512;
    FleetSpec fleet;

    bool operator==(const PodGroup &) const = default;
};

/** The EKS cluster's support tier (`controlPlane`), which sets the control plane's hourly price. */
enum class ControlPlaneTier {
    Standard, ///< "standard": a Kubernetes version in its 14 months of standard support
    Extended, ///< "extended": in the 12 months of extended support after that
};

constexpr const char *controlPlaneName(ControlPlaneTier tier)
{
    return tier == ControlPlaneTier::Extended ? "extended" : "standard";
}

namespace Eks {

/**
 * Reads `podGroups` (each {"name", "podVcpu", "podMemoryMb"} and the fleet keys, "pods" fixed) or
 * the option-level `podVcpu`, `podMemoryMb` and fleet keys; never both. Problems go to the reader.
 */
std::vector<PodGroup> readPodGroups(OptionReader &reader);
/** Writes the groups back: one group as option-level keys unless the file already had podGroups. */
void writePodGroups(const std::vector<PodGroup> &groups, JsonDocument::Json &option);
/** Reads `controlPlane`: "standard" (default) or "extended". */
ControlPlaneTier readControlPlane(OptionReader &reader);

/**
 * Adds the control plane, once per cluster for every hour of the month, as a line item and to each
 * slot's hourly cost. An error when the sheet has no EKS price for the region (or no extended
 * support price for an extended cluster). Returns the hourly price.
 */
Result<double> addControlPlane(const OptionContext &context, ControlPlaneTier tier, OptionResult &result);

/** "pods" or "pods (name)" for a billing rule of a group. */
std::string groupLabel(const std::vector<PodGroup> &groups, const PodGroup &group);

} // namespace Eks
} // namespace Costscape::Models
