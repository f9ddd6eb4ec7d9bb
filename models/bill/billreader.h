// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/jsonreader.h"
#include "models/bill/billspec.h"
#include "models/platforms/platforms.h"

#include <set>
#include <string>

namespace Costscape::Models {

/** The workload keys the bill reads: "bytesInPerRequest", "bytesOutPerRequest", "logBytesPerRequest". */
const std::set<std::string> &workloadTrafficKeys();
/** The option keys the bill reads: "frontDoor", "alb", "natGateways", ... */
const std::set<std::string> &optionBillKeys();

/** Reads the workload's traffic keys at p (the workload object); a bad value fails the reader, located. */
WorkloadTraffic readWorkloadTraffic(JsonReader &reader, const JsonReader::Pointer &workload);

/**
 * Reads the option's bill keys at p. A front door the platform cannot have (a function URL on
 * anything but Lambda) or a root volume on a platform without instances of its own fails the
 * reader with the option's field located.
 */
OptionBill readOptionBill(JsonReader &reader, const JsonReader::Pointer &option, Platform platform);

/** Writes the keys back (removing those without a value), the inverse of the readers. */
void writeWorkloadTraffic(const WorkloadTraffic &traffic, JsonDocument::Json &workload);
void writeOptionBill(const OptionBill &bill, JsonDocument::Json &option);

/**
 * What a new option in the window starts with, so a newcomer sees the whole bill: Lambda behind an
 * HTTP API; the others behind an ALB in private subnets with one NAT gateway (and its address, and
 * an internet-facing ALB's two), logs kept 30 days, and AWS's default root volumes (docs/bill.md).
 */
OptionBill defaultOptionBill(Platform platform);
/** A new scenario's traffic: 1,000 bytes in, 10,000 out and 500 logged per request. */
WorkloadTraffic defaultWorkloadTraffic();

/** Whether the platform can have the front door ("function-url" is Lambda's alone). */
bool frontDoorFits(FrontDoor door, Platform platform);
/** Whether the platform runs instances of the account's own, each with a root volume (EC2, ECS on EC2). */
bool hasRootVolumes(Platform platform);
/** Whether the platform's logs are Lambda's (vended-log tiers) and an ALB targets it as Lambda. */
bool isLambdaFamily(Platform platform);

} // namespace Costscape::Models
