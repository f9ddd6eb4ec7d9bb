// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

namespace Costscape::Models {

struct OptionContext;
struct OptionResult;

/**
 * True for an option whose commitments applyProductCommitments() prices: Fargate, EKS on Fargate,
 * Lambda, and an ECS on EC2 or EKS on EC2 fleet that mixes several instance types.
 */
bool coversSeveralProducts(const OptionResult &result);

/**
 * Compute Savings Plans on an option billed by several products at once (Fargate and EKS on
 * Fargate: vCPU-hours and GB-hours), applied hour by hour as AWS applies them: within each hour a
 * plan covers the product with the highest savings percentage first (ties: the lowest plan rate),
 * up to its hourly commitment; the rest is billed on demand. The "vCPU" and "memory" lines give way
 * to the plan's line and "on-demand spill vCPU" / "on-demand spill memory"; monthlyCost,
 * hourlyCost and result.commitment follow as for EC2 (commitmentapply.h).
 *
 * On an ECS on EC2 cluster or EKS nodes of several instance types, each type's on-demand hours are a
 * product at that type's plan rate ("on-demand instances TYPE" / "on-demand nodes TYPE" give way to
 * the plan's line and "on-demand spill TYPE"); a reservation or an EC2 Instance Savings Plan, each
 * bought for one type, is refused there, and a missing rate names the type without it.
 *
 * On Lambda the one product is the on-demand duration's GB-seconds (spread over the hours by
 * traffic); the "duration" line gives way to the plan's line and "on-demand spill duration", and
 * the requests stay on demand.
 *
 * Fails, located at the option's "commitment", for any other kind of commitment (they cover EC2
 * instances only), for Fargate Spot or Windows (the sheet's rates are for Linux on-demand Fargate),
 * for Lambda with provisioned concurrency, with the free tier, or with a month past the first
 * duration tier (at which tier the spill is billed is not stated), and when the sheet has no rate
 * for the commitment (the message names the AWSComputeSavingsPlan offer file to import).
 */
Result<void> applyProductCommitments(const OptionContext &context, OptionResult &result);

} // namespace Costscape::Models
