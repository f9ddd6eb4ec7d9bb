// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricing/pricesheet.h"

#include <QString>

#include <string>
#include <vector>

namespace Costscape::Ui {

/**
 * The region's EC2 instance types in the order every list shows them (Pricing::compareInstanceTypes):
 * by family, then size ("m5.large, m5.xlarge, m5.2xlarge", not the alphabet's "m5.12xlarge"
 * first). Empty when prices is null. The pointers live as long as the sheet.
 */
std::vector<const Pricing::Ec2InstanceType *> sortedInstanceTypes(const Pricing::RegionPrices *prices);

/** How a list shows a type: "m5.large — 2 vCPU, 8 GiB, $0.096/h" (Linux on-demand, when priced). */
QString instanceTypeText(const Pricing::Ec2InstanceType &type, const std::string &currency);

} // namespace Costscape::Ui
