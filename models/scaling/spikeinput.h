// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/platforms/platformmodel.h"
#include "models/scaling/scaling.h"

namespace Costscape::Models {

/**
 * The scaling-latency model's input for one priced, feasible option: the unit it scales by (an
 * instance, a task, an environment), what one unit serves, the floor already warm, the option's
 * assumptions with its "spikeResponse" overrides, and the unit-hour price that the cost of a
 * higher warm floor is priced at (the same sheet and rates as the option's bill: its average
 * instance- or task-hour cost, the ECS instance type's hourly price per task slot, or Lambda's
 * provisionedGbSecond). A price the sheet lacks leaves the cost at 0 with a note; never fails.
 */
SpikeInput spikeInputFor(const OptionContext &context, const OptionResult &result, const Spike &spike);

} // namespace Costscape::Models
