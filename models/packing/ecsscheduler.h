// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/packing/placement.h"

#include <vector>

namespace Costscape::Models {

// Defined in ecspacking.h, which includes this header so that its callers find the scheduler
// where they always did; declared here rather than included, so the two headers do not include
// each other.
struct TaskDemand;
struct InstanceOffer;
struct Packing;

/**
 * What ECS itself would do: tasks placed one at a time (largest groups first, as a service
 * deployment does not guarantee, so in the order given) by the strategy onto instances of one
 * type, a new instance launched when none has room, as a capacity provider's managed scaling does
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-scaling-behavior.html).
 * The runs name offer 0, the one type given. Infeasible, with the reason, when a task fits no
 * instance of the type.
 */
Packing simulateEcsScheduler(const std::vector<TaskDemand> &groups, const InstanceOffer &offer, PlacementStrategy strategy);

} // namespace Costscape::Models
