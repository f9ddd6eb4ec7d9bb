// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/**
 * The whole bill (issue 15): what a request moves over the network and writes to the logs (the
 * workload's keys), and the parts around each option's compute (the option's keys). Every key is
 * optional; a scenario without them is priced as before, and the result lists what it leaves out.
 * docs/bill.md describes the keys, their units, ranges and defaults with their sources.
 */

#include <optional>
#include <string>

namespace Costscape::Models {

/** Workload keys: bytes per request. Absent means "not described" (the part is left out). */
struct WorkloadTraffic {
    std::optional<double> bytesInPerRequest;  ///< request size, client to service
    std::optional<double> bytesOutPerRequest; ///< response size, service to the internet
    std::optional<double> logBytesPerRequest; ///< what one request writes to CloudWatch Logs

    bool any() const { return bytesInPerRequest || bytesOutPerRequest || logBytesPerRequest; }
    bool operator==(const WorkloadTraffic &) const = default;
};

/** The front door, by its name in the file (`"frontDoor"`, FORMATS.md section 5). */
enum class FrontDoor {
    None,           ///< "none": reached some other way; nothing to price
    ApiGatewayHttp, ///< "api-gateway-http"
    ApiGatewayRest, ///< "api-gateway-rest"
    Alb,            ///< "alb": Application Load Balancer
    FunctionUrl,    ///< "function-url": Lambda only, no charge
};

/** "none", "api-gateway-http", ... */
const char *frontDoorName(FrontDoor door);
std::optional<FrontDoor> frontDoorFromName(const std::string &name);
/** Human names for tables and charts: "API Gateway HTTP API". */
const char *frontDoorTitle(FrontDoor door);

/** How an ALB's connections relate to requests (the LCU's connection dimensions). */
struct AlbTraffic {
    double requestsPerConnection = 1;         ///< 1: every request opens a connection (no keep-alive)
    std::optional<double> connectionSeconds;  ///< how long a connection stays open; default the requests it carries x their duration
    double rulesPerRequest = 1;               ///< listener rules evaluated per request (the first 10 are free)

    bool operator==(const AlbTraffic &) const = default;
};

/** An instance's root volume (EC2 and ECS on EC2). */
struct RootVolume {
    double sizeGb = 0;
    std::string type = "gp3";

    bool operator==(const RootVolume &) const = default;
};

/** The option's keys for the parts around its compute. */
struct OptionBill {
    std::optional<FrontDoor> frontDoor;
    AlbTraffic alb;
    std::optional<double> natGateways;     ///< count, each billed every hour of the month
    double natTrafficShare = 0;            ///< share of the request and response bytes that crosses the NAT gateways
    std::optional<double> publicIpv4;      ///< addresses held all month
    bool publicIpv4PerInstance = false;    ///< "per-instance": one address per instance-hour of the fleet
    std::optional<double> logRetentionDays; ///< how long log events are stored
    std::optional<RootVolume> rootVolume;

    bool any() const
    {
        return frontDoor || natGateways || publicIpv4 || publicIpv4PerInstance || logRetentionDays || rootVolume;
    }
    bool operator==(const OptionBill &) const = default;
};

} // namespace Costscape::Models
