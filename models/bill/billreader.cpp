// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/bill/billreader.h"

#include "models/platforms/platformmodel.h"

#include <array>
#include <cstring>

namespace Costscape::Models {

namespace {

using Json = JsonDocument::Json;
using Pointer = JsonReader::Pointer;

struct FrontDoorName {
    FrontDoor door;
    const char *name;
    const char *title;
};
constexpr std::array<FrontDoorName, 5> FrontDoors{{
    {FrontDoor::None, "none", "none"},
    {FrontDoor::ApiGatewayHttp, "api-gateway-http", "API Gateway HTTP API"},
    {FrontDoor::ApiGatewayRest, "api-gateway-rest", "API Gateway REST API"},
    {FrontDoor::Alb, "alb", "Application Load Balancer"},
    {FrontDoor::FunctionUrl, "function-url", "Lambda function URL"},
}};

// "ec2, ecs-ec2 or eks-ec2", from the registry.
std::string rootVolumePlatforms()
{
    std::vector<std::string> names;
    for (Platform p : allPlatforms())
        if (platformModel(p).hasRootVolumes())
            names.emplace_back(platformName(p));
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return out;
}

// A request or a response of up to 10 GB; larger is a misplaced unit.
const NumberRule BytesRule = NumberRule::range(0, 10e9, "bytes");

} // namespace

const char *frontDoorName(FrontDoor door)
{
    for (const auto &f : FrontDoors)
        if (f.door == door)
            return f.name;
    return "none";
}

const char *frontDoorTitle(FrontDoor door)
{
    for (const auto &f : FrontDoors)
        if (f.door == door)
            return f.title;
    return "none";
}

std::optional<FrontDoor> frontDoorFromName(const std::string &name)
{
    for (const auto &f : FrontDoors)
        if (name == f.name)
            return f.door;
    return std::nullopt;
}

bool frontDoorFits(FrontDoor door, Platform platform)
{
    // Function URLs are a feature of Lambda functions; every other front door can reach every
    // platform (API Gateway through a public or VPC-link integration, an ALB through its targets).
    return door != FrontDoor::FunctionUrl || platformModel(platform).hasFunctionUrl();
}

// The platform registry answers; no list of platform names here.
bool hasRootVolumes(Platform platform)
{
    return platformModel(platform).hasRootVolumes();
}

bool isLambdaFamily(Platform platform)
{
    return platformModel(platform).isLambdaFamily();
}

OptionBill defaultOptionBill(Platform platform)
{
    OptionBill b;
    b.logRetentionDays = 30;
    // The registry answers (models/platforms/platformmodel.h); no list of platform names here.
    const PlatformModel &model = platformModel(platform);
    if (!model.runsInVpc()) {
        b.frontDoor = FrontDoor::ApiGatewayHttp;
        b.natGateways = 0;
        b.publicIpv4 = 0;
        return b;
    }
    b.natGateways = 1;
    if (model.isLambdaFamily()) {
        b.frontDoor = FrontDoor::ApiGatewayHttp;
        b.publicIpv4 = 1; // the NAT gateway's
        return b;
    }
    b.frontDoor = FrontDoor::Alb;
    b.publicIpv4 = 3; // an internet-facing ALB in two zones, and the NAT gateway
    if (model.hasRootVolumes())
        b.rootVolume = RootVolume{model.defaultRootVolumeGb(), "gp3"}; // AWS's default AMI for the platform
    return b;
}

WorkloadTraffic defaultWorkloadTraffic()
{
    return {1000.0, 10000.0, 500.0};
}

const std::set<std::string> &workloadTrafficKeys()
{
    static const std::set<std::string> keys{"bytesInPerRequest", "bytesOutPerRequest", "logBytesPerRequest"};
    return keys;
}

const std::set<std::string> &optionBillKeys()
{
    static const std::set<std::string> keys{"frontDoor",  "alb",          "natGateways",      "natTrafficShare",
                                            "publicIpv4", "logRetentionDays", "rootVolume"};
    return keys;
}

WorkloadTraffic readWorkloadTraffic(JsonReader &r, const Pointer &p)
{
    WorkloadTraffic t;
    t.bytesInPerRequest = r.number(p, "bytesInPerRequest", BytesRule, false);
    t.bytesOutPerRequest = r.number(p, "bytesOutPerRequest", BytesRule, false);
    t.logBytesPerRequest = r.number(p, "logBytesPerRequest", NumberRule::range(0, 1e9, "bytes"), false);
    return t;
}

OptionBill readOptionBill(JsonReader &r, const Pointer &p, Platform platform)
{
    OptionBill b;
    if (r.has(p, "frontDoor")) {
        std::vector<std::string> names;
        for (const auto &f : FrontDoors)
            names.emplace_back(f.name);
        if (const auto name = r.oneOf(p, "frontDoor", names)) {
            b.frontDoor = frontDoorFromName(*name);
            if (b.frontDoor && !frontDoorFits(*b.frontDoor, platform))
                r.fail(p / "frontDoor", ErrorCode::UnknownValue,
                       JsonReader::fieldName(p / "frontDoor") + ": \"" + *name + "\" is for AWS Lambda only; a "
                           + platformName(platform) + " option can have \"none\", \"api-gateway-http\", \"api-gateway-rest\" or \"alb\"");
        }
    }
    if (r.has(p, "alb") && r.object(p / "alb")) {
        const Pointer ap = p / "alb";
        b.alb.requestsPerConnection = r.number(ap, "requestsPerConnection", NumberRule::range(1, 1e6), false).value_or(1);
        b.alb.connectionSeconds = r.number(ap, "connectionSeconds", NumberRule::range(0, 86400 * 31.0, "s"), false);
        b.alb.rulesPerRequest = r.number(ap, "rulesPerRequest", NumberRule::range(0, 1000), false).value_or(1);
        if (const Json *obj = r.at(ap))
            for (const auto &[key, _] : obj->items())
                if (key != "requestsPerConnection" && key != "connectionSeconds" && key != "rulesPerRequest")
                    r.warn(ap / key, JsonReader::fieldName(ap / key) + ": unknown key, kept but not used");
    }
    b.natGateways = r.number(p, "natGateways", NumberRule::count(0, 100), false);
    b.natTrafficShare = r.number(p, "natTrafficShare", NumberRule::range(0, 1), false).value_or(0);
    if (r.has(p, "publicIpv4")) {
        const Json *v = r.at(p / "publicIpv4");
        if (v && v->is_string()) {
            if (r.oneOf(p, "publicIpv4", {"per-instance"}))
                b.publicIpv4PerInstance = true;
        } else {
            b.publicIpv4 = r.number(p, "publicIpv4", NumberRule::count(0, 10000), false);
        }
    }
    b.logRetentionDays = r.number(p, "logRetentionDays", NumberRule::range(1, 3653, "days"), false);
    if (r.has(p, "rootVolume") && !r.failed()) {
        const Pointer vp = p / "rootVolume";
        if (!hasRootVolumes(platform)) {
            r.fail(vp, ErrorCode::UnknownValue,
                   JsonReader::fieldName(vp) + ": a " + std::string(platformName(platform))
                       + " option runs on no instances of its own; only " + rootVolumePlatforms() + " options have root volumes");
        } else if (r.object(vp)) {
            RootVolume v;
            v.sizeGb = r.number(vp, "sizeGb", NumberRule::range(1, 65536, "GiB")).value_or(0);
            v.type = r.oneOf(vp, "type", {"gp3", "gp2"}, false).value_or("gp3");
            b.rootVolume = v;
        }
    }
    return b;
}

void writeWorkloadTraffic(const WorkloadTraffic &t, Json &w)
{
    auto set = [&w](const char *key, const std::optional<double> &v) {
        if (v)
            w[key] = *v;
        else
            w.erase(key);
    };
    set("bytesInPerRequest", t.bytesInPerRequest);
    set("bytesOutPerRequest", t.bytesOutPerRequest);
    set("logBytesPerRequest", t.logBytesPerRequest);
}

void writeOptionBill(const OptionBill &b, Json &o)
{
    auto set = [&o](const char *key, const std::optional<double> &v) {
        if (v)
            o[key] = *v;
        else
            o.erase(key);
    };
    if (b.frontDoor)
        o["frontDoor"] = frontDoorName(*b.frontDoor);
    else
        o.erase("frontDoor");
    const AlbTraffic defaults;
    if (b.alb == defaults) {
        o.erase("alb");
    } else {
        Json a = Json::object();
        a["requestsPerConnection"] = b.alb.requestsPerConnection;
        if (b.alb.connectionSeconds)
            a["connectionSeconds"] = *b.alb.connectionSeconds;
        a["rulesPerRequest"] = b.alb.rulesPerRequest;
        o["alb"] = std::move(a);
    }
    set("natGateways", b.natGateways);
    if (b.natTrafficShare > 0)
        o["natTrafficShare"] = b.natTrafficShare;
    else
        o.erase("natTrafficShare");
    if (b.publicIpv4PerInstance)
        o["publicIpv4"] = "per-instance";
    else
        set("publicIpv4", b.publicIpv4);
    set("logRetentionDays", b.logRetentionDays);
    if (b.rootVolume)
        o["rootVolume"] = Json{{"sizeGb", b.rootVolume->sizeGb}, {"type", b.rootVolume->type}};
    else
        o.erase("rootVolume");
}

} // namespace Costscape::Models
