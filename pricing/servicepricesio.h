// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/jsonreader.h"
#include "pricing/serviceprices.h"

#include <nlohmann/json.hpp>

namespace Costscape::Pricing {

/**
 * Reads the service blocks of one region of a price sheet: "apiGateway", "alb", "natGateway",
 * "publicIpv4", "dataTransferOut", "cloudwatchLogs" and "ebs" (docs/bill.md describes each key). A
 * block that is absent leaves its prices unknown; a malformed one fails the reader with a located
 * message (file:line:column and the field's path).
 */
void readServicePrices(JsonReader &reader, const JsonDocument::Pointer &region, ServicePrices &out);

/** Writes the service blocks of one region into `region` (the inverse of readServicePrices). */
void writeServicePrices(const ServicePrices &prices, nlohmann::ordered_json &region);

} // namespace Costscape::Pricing
