// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

namespace Costscape::Models {

struct OptionContext;
struct OptionResult;

/**
 * True for an option whose commitments applyProductCommitments() prices: Fargate and EKS on
 * Fargate, and an ECS on EC2 or EKS on EC2 fleet that mixes several instance types.
 */
bool coversSeveralProducts(const OptionResult &result);

/**
 * Compute Savings Plans on an option billed by several products at once (Fargate and EKS on
 * Fargate: vCPU-hours and GB-hours; a mixed ECS or EKS fleet: each instance type's hours, at
 * that type's plan rate), applied hour by hour as AWS applies them: within each hour a
 * plan covers the product with the highest savings percentage first (ties: the lowest plan rate),
 * up to its hourly commitment; the rest is billed on demand. The products' on-demand lines
 * ("vCPU" and "memory", or "on-demand instances TYPE" / "on-demand nodes TYPE") give way to the
 * plan's line and one "on-demand spill ..." line per product; monthlyCost, hourlyCost and
 * result.commitment follow as for EC2 (commitmentapply.h).
 *
 * Fails, located at the option's "commitment", for any other kind of commitment (on Fargate they
 * cover EC2 instances only; on a mixed fleet they are bought for one type), for spot, Fargate
 * Spot or Windows (the sheet's rates are for Linux on-demand usage), and when the sheet has no
 * rate for the commitment (for Fargate the message names the AWSComputeSavingsPlan offer file to
 * import; for a mixed fleet it names the type without a rate).
 */
Result<void> applyProductCommitments(const OptionContext &context, OptionResult &result);

} // namespace Costscape::Models
