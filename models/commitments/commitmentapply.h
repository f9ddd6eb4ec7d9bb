// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

namespace Costscape::Models {

struct OptionContext;
struct OptionResult;

/**
 * Applies the option's commitments (context.option.commitments) to its priced month, hour by hour
 * against its own fleet: the on-demand instance-hours line becomes one line per commitment (its
 * recurring fee, and its amortised upfront apart) and an "on-demand spill" line; monthlyCost and
 * hourlyCost follow, and result.commitment holds the summary. Does nothing without commitments or
 * for an option that is not feasible.
 *
 * Fails, located at the option's "commitment", when the sheet has no rate for the commitment and
 * the option's instance type in the region (the message names the sheet to import), when the
 * platform has no usage the commitment covers (Reserved Instances and EC2 Instance Savings Plans
 * cover EC2 instances; no source for Fargate or Lambda Savings Plans rates is in the sheet), or
 * when the option buys spot or runs Windows (the rates are for Linux on-demand instances).
 */
Result<void> applyCommitments(const OptionContext &context, OptionResult &result);

} // namespace Costscape::Models
