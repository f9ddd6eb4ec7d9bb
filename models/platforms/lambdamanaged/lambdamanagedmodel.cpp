// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/platforms/lambdamanaged/lambdamanagedmodel.h"

#include "base/textformat.h"
#include "models/platforms/fleet.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace Costscape::Models {

namespace {

/** One instance type's fleet for the option, hour by hour, and what it costs. */
struct Candidate {
    const Pricing::Ec2InstanceType *type = nullptr;
    double onDemandHourly = 0;
    double managementHourly = 0;
    double environmentsPerInstance = 0;
    double maxInstances = 0;
    std::vector<double> instances;
    std::vector<double> environments;
    double monthlyCost = 0;
    std::string infeasible; ///< why this type cannot serve, "" when it can
};

} // namespace

double LambdaManagedModel::defaultConcurrencyPerVcpu(const std::string &runtime)
{
    // AWS Lambda developer guide, "Lambda Managed Instances" runtime pages: "the default is 64
    // concurrent requests per vCPU" (Node.js), 16 (Python), 32 (Java), 32 (.NET).
    if (runtime == "nodejs")
        return 64;
    if (runtime == "python")
        return 16;
    if (runtime == "java" || runtime == "dotnet")
        return 32;
    return 0;
}

bool LambdaManagedModel::runsOn(const Pricing::Ec2InstanceType &type)
{
    if (type.isBurstable())
        return false;
    const std::string family = type.family();
    if (family.empty() || (family[0] != 'c' && family[0] != 'm' && family[0] != 'r'))
        return false;
    const std::string size = type.name.substr(type.name.find('.') + 1);
    return size != "nano" && size != "micro" && size != "small" && size != "medium";
}

Result<OptionResult> LambdaManagedModel::evaluate(const OptionContext &ctx) const
{
    const LambdaManagedSpec &spec = ctx.option.as<LambdaManagedSpec>();
    OptionResult r;
    r.id = ctx.option.id;
    r.platform = Platform::LambdaManaged;

    const Pricing::LambdaPrices *lambda = ctx.sheet.lambda(ctx.region());
    if (!lambda || !lambda->managedInstances)
        return ctx.error("platform", ErrorCode::MissingPrice,
                         ctx.sheetName() + " has no Lambda Managed Instances prices for region " + ctx.region()
                             + " (\"lambda.managedInstances\"; import the AWSLambda offer file for the region)");
    const Pricing::LambdaManagedPrices &prices = *lambda->managedInstances;

    // One execution environment: its memory (the function's size), its vCPUs by the ratio, and the
    // requests it serves at once.
    const double envMemoryMb = ctx.option.memoryMb.value_or(MinEnvironmentMemoryMb);
    const double envVcpu = envMemoryMb / 1024.0 / spec.memoryPerVcpuGb;
    const double perVcpu = spec.concurrencyPerVcpu.value_or(defaultConcurrencyPerVcpu(spec.runtime));
    const double envConcurrency = std::min(std::floor(envVcpu * perVcpu + 1e-9), MaxConcurrencyPerEnvironment);
    if (envMemoryMb < MinEnvironmentMemoryMb - 1e-9)
        r.infeasible("an execution environment of Lambda Managed Instances has at least 2048 MB and 1 vCPU; the option gives "
                     + Text::general(envMemoryMb) + " MB");
    else if (envMemoryMb > MaxEnvironmentMemoryMb + 1e-9)
        r.infeasible("an execution environment has at most 32768 MB; the option gives " + Text::general(envMemoryMb) + " MB");
    else if (envVcpu < 1 - 1e-9)
        r.infeasible(Text::general(envMemoryMb) + " MB at " + Text::general(spec.memoryPerVcpuGb) + " GB per vCPU is "
                     + Text::general(envVcpu) + " vCPU; an execution environment has at least 1 vCPU");
    if (ctx.durationMs > 900'000)
        r.infeasible("a request runs " + Text::general(ctx.durationMs / 1000) + " s; Lambda stops a function after 900 s (15 minutes)");

    // The candidate types: the one named, or every type of the sheet Lambda Managed Instances run on.
    const Pricing::RegionPrices *region = ctx.sheet.region(ctx.region());
    std::vector<const Pricing::Ec2InstanceType *> types;
    if (spec.autoInstanceType()) {
        for (const auto &[name, type] : region->ec2)
            if (runsOn(type) && type.onDemandHourly.count("linux"))
                types.push_back(&type);
        if (types.empty())
            return ctx.error("instanceType", ErrorCode::MissingPrice,
                             ctx.sheetName() + " lists no instance type in " + ctx.region()
                                 + " that Lambda Managed Instances run on (C, M or R families, .large and larger)");
    } else {
        const Pricing::Ec2InstanceType *type = ctx.sheet.ec2(ctx.region(), spec.instanceType);
        if (!type)
            return ctx.error("instanceType", ErrorCode::UnknownValue,
                             "unknown instance type \"" + spec.instanceType + "\": " + ctx.sheetName() + " does not list it in "
                                 + ctx.region());
        if (!type->onDemandHourly.count("linux"))
            return ctx.error("instanceType", ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no Linux on-demand price for " + spec.instanceType + " in " + ctx.region());
        if (!runsOn(*type))
            r.warnings.push_back(spec.instanceType + " is not among the types Lambda Managed Instances are known to run on "
                                                     "(current-generation C, M and R families, .large and larger)");
        types.push_back(type);
    }

    const HourlyPlan &plan = ctx.plan;
    const double durationS = ctx.durationMs / 1000.0;
    const double tu = std::clamp(spec.targetUtilization, 1e-6, 1.0);
    auto price = [&](const Pricing::Ec2InstanceType &type) {
        Candidate c;
        c.type = &type;
        c.onDemandHourly = type.onDemandHourly.at("linux");
        const auto fee = prices.managementHourly.find(type.name);
        c.managementHourly = fee != prices.managementHourly.end() ? fee->second
                                                                   : c.onDemandHourly * prices.managementFeeOfOnDemand.value_or(0);
        c.environmentsPerInstance
            = envVcpu > 0 ? std::floor(std::min(type.vcpu / envVcpu, type.memoryGib * 1024.0 / envMemoryMb) + 1e-9) : 0;
        c.maxInstances = spec.maxInstances.value_or(std::max(1.0, std::floor(DefaultMaxVcpus / type.vcpu)));
        if (c.environmentsPerInstance < 1) {
            c.infeasible = type.name + " (" + Text::general(type.vcpu) + " vCPU, " + Text::general(type.memoryGib)
                + " GiB) cannot hold one execution environment of " + Text::general(envMemoryMb) + " MB and "
                + Text::general(envVcpu) + " vCPU";
            return c;
        }
        c.instances.resize(plan.size());
        c.environments.resize(plan.size());
        double peak = 0;
        for (std::size_t i = 0; i < plan.size(); ++i) {
            // Little's law: requests in flight; environments at the target utilisation, never
            // fewer than three (AWS starts three before a version is active).
            const double inFlight = plan.ratePerSecond[i] * durationS;
            const double envs = std::max(3.0, envConcurrency > 0 ? ceilTolerant(inFlight / (envConcurrency * tu)) : 3.0);
            c.environments[i] = envs;
            c.instances[i] = std::max(spec.minInstances, ceilTolerant(envs / c.environmentsPerInstance));
            peak = std::max(peak, c.instances[i]);
            c.monthlyCost += c.instances[i] * plan.weight[i] * (c.onDemandHourly + c.managementHourly);
        }
        if (envConcurrency <= 0)
            c.infeasible = "no concurrency per vCPU for runtime \"" + spec.runtime + "\"; give \"concurrencyPerVcpu\"";
        else if (peak > c.maxInstances + 1e-9)
            c.infeasible = "the busiest hour needs " + Text::grouped(peak, 0) + " " + type.name + " instances, above the maximum of "
                + Text::grouped(c.maxInstances, 0) + (spec.maxInstances ? "" : " (the capacity provider's default 400 vCPUs)");
        return c;
    };

    Candidate best;
    bool found = false;
    std::string why;
    for (const Pricing::Ec2InstanceType *type : types) {
        Candidate c = price(*type);
        if (!c.infeasible.empty()) {
            if (why.empty())
                why = c.infeasible;
            if (!found && types.size() == 1)
                best = std::move(c);
            continue;
        }
        if (!found || c.monthlyCost < best.monthlyCost - 1e-9) {
            best = std::move(c);
            found = true;
        }
    }
    if (!found) {
        r.infeasible(types.size() == 1 ? why : "no instance type of " + ctx.sheetName() + " serves the workload; for example " + why);
        if (!best.type)
            return r;
    }

    const Pricing::Ec2InstanceType &type = *best.type;
    const std::vector<double> counts
        = best.instances.empty() ? std::vector<double>(plan.size(), spec.minInstances) : best.instances;
    r.fleet = summarizeFleet(counts, plan, "instances");
    const double instanceHours = r.fleet.unitHours;
    const double requests = plan.requestsPerMonth();
    const double requestPrice = prices.requestPerMillion / 1e6;
    std::ostringstream shape;
    shape << Text::general(best.environmentsPerInstance) << " environments of " << Text::general(envMemoryMb) << " MB and "
          << Text::general(envVcpu) << " vCPU per instance, " << Text::general(envConcurrency) << " requests at once each";
    r.addLine({"instances", instanceHours, "instance-hours", best.onDemandHourly, instanceHours * best.onDemandHourly,
               type.name + " on-demand; " + shape.str()});
    const bool perType = prices.managementHourly.count(type.name) > 0;
    r.addLine({"management fee", instanceHours, "instance-hours", best.managementHourly, instanceHours * best.managementHourly,
               perType ? "the sheet's fee for " + type.name
                       : Text::general(prices.managementFeeOfOnDemand.value_or(0) * 100) + "% of the on-demand price"});
    r.addLine({"requests", requests, "requests", requestPrice, requests * requestPrice, ""});

    r.hourlyCost.assign(plan.size(), 0.0);
    for (std::size_t i = 0; i < plan.size(); ++i)
        r.hourlyCost[i] = counts[i] * (best.onDemandHourly + best.managementHourly)
            + plan.ratePerSecond[i] * 3600.0 * requestPrice;

    double peakEnvironments = 0;
    for (double e : best.environments)
        peakEnvironments = std::max(peakEnvironments, e);
    r.details = LambdaManagedDetails{type.name,   best.onDemandHourly,  best.managementHourly,       envMemoryMb,
                                     envVcpu,     envConcurrency,       best.environmentsPerInstance, peakEnvironments,
                                     r.fleet.peak};
    std::ostringstream summary;
    summary << type.name << ", " << describeCounts(counts, "instance", "instances") << ", " << spec.runtime << ", "
            << Text::general(envMemoryMb) << " MB environments (" << Text::general(envVcpu) << " vCPU, "
            << Text::general(envConcurrency) << " at once)";
    r.summary = summary.str();
    return r;
}

} // namespace Costscape::Models
