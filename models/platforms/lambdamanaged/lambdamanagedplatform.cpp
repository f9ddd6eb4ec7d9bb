// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Lambda Managed Instances' keys in the scenario file, its rules for the report and its spike response.
#include "models/platforms/lambdamanaged/lambdamanagedmodel.h"

#include "base/textformat.h"
#include "models/detailswriter.h"
#include "models/platforms/fleet.h"
#include "models/scaling/scalingsources.h"
#include "models/scenario/optionreader.h"
#include "models/scenario/scenariorules.h"

namespace Costscape::Models {

using Json = JsonDocument::Json;

namespace {

const char *const SrcDoubling
    = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-scaling.html: \"If your traffic more than "
      "doubles within 5 minutes, you may see throttles as Lambda scales up instances and execution environments\"; "
      "LMI scales asynchronously on CPU utilisation and multi-concurrency saturation, with no cold starts";

const NumberRule MemoryPerVcpuRule = NumberRule::range(2, 8, "GB per vCPU");
const NumberRule ConcurrencyPerVcpuRule = NumberRule::range(1, 1600, "requests");
const NumberRule InstancesRule = NumberRule::count(0, 15000);
const NumberRule MaxInstancesRule = NumberRule::count(1, 15000);

} // namespace

void LambdaManagedDetails::write(DetailsWriter &out) const
{
    out.text("instanceType", instanceType);
    out.number("instanceHourly", instanceHourly);
    out.number("managementHourly", managementHourly);
    out.number("environmentMemoryMb", environmentMemoryMb);
    out.number("environmentVcpu", environmentVcpu);
    out.number("environmentConcurrency", environmentConcurrency);
    out.number("environmentsPerInstance", environmentsPerInstance);
    out.number("peakEnvironments", peakEnvironments);
    out.number("peakInstances", peakInstances);
}

PlatformSpec LambdaManagedModel::defaultSpec() const
{
    return LambdaManagedSpec{};
}

PlatformSpec LambdaManagedModel::read(OptionReader &reader) const
{
    JsonReader &r = reader.json();
    const auto &op = reader.pointer();
    reader.know({"instanceType", "runtime", "memoryPerVcpuGb", "concurrencyPerVcpu", "minInstances", "maxInstances",
                 "targetUtilization"});
    LambdaManagedSpec l;
    l.instanceType = r.string(op, "instanceType", false).value_or("auto");
    if (!r.failed() && l.instanceType.empty())
        r.fail(op / "instanceType", ErrorCode::UnknownValue,
               JsonReader::fieldName(op / "instanceType") + ": give an instance type of the price sheet, or \"auto\"");
    l.runtime = r.string(op, "runtime", false, {"nodejs", "python", "java", "dotnet"}).value_or("nodejs");
    l.memoryPerVcpuGb = r.number(op, "memoryPerVcpuGb", MemoryPerVcpuRule, false).value_or(2);
    l.concurrencyPerVcpu = r.number(op, "concurrencyPerVcpu", ConcurrencyPerVcpuRule, false);
    l.minInstances = r.number(op, "minInstances", InstancesRule, false).value_or(3);
    l.maxInstances = r.number(op, "maxInstances", MaxInstancesRule, false);
    l.targetUtilization = r.number(op, "targetUtilization", Rules::TargetUtilization, false).value_or(0.5);
    if (l.maxInstances && *l.maxInstances < l.minInstances && !r.failed())
        r.fail(op / "maxInstances", ErrorCode::OutOfRange,
               JsonReader::fieldName(op / "maxInstances") + ": must be at least minInstances (" + Text::general(l.minInstances) + ")");
    return l;
}

void LambdaManagedModel::write(const PlatformSpec &spec, Json &o) const
{
    const LambdaManagedSpec &l = std::get<LambdaManagedSpec>(spec);
    o["instanceType"] = l.instanceType;
    o["runtime"] = l.runtime;
    o["memoryPerVcpuGb"] = l.memoryPerVcpuGb;
    OptionWriter::setOrErase(o, "concurrencyPerVcpu", l.concurrencyPerVcpu);
    o["minInstances"] = l.minInstances;
    OptionWriter::setOrErase(o, "maxInstances", l.maxInstances);
    o["targetUtilization"] = l.targetUtilization;
}

std::vector<BillingRule> LambdaManagedModel::billingRules(const OptionSpec &option, const std::string &) const
{
    const LambdaManagedSpec &l = option.as<LambdaManagedSpec>();
    const double perVcpu = l.concurrencyPerVcpu.value_or(defaultConcurrencyPerVcpu(l.runtime));
    return {{"instances",
             "follow the hourly profile at " + Text::trimmed(l.targetUtilization * 100, 1) + "% of the environments' concurrency, at least "
                 + Text::general(l.minInstances),
             "AWS: \"It launches three by default for AZ resiliency\" (Lambda Managed Instances, scaling)"},
            {"concurrency", Text::general(perVcpu) + " requests per vCPU (" + l.runtime + ")",
             l.concurrencyPerVcpu ? "the scenario" : "AWS Lambda Managed Instances runtime pages (Node.js 64, Python 16, Java and .NET 32)"},
            {"billing", "EC2 on-demand instance-hours + a management fee on them + requests; no duration charge",
             "AWS Lambda pricing, Lambda Managed Instances (see the price sheet's sources)"}};
}

std::vector<ScalingAssumption> LambdaManagedModel::scalingDefaults() const
{
    using ScalingSources::assumption;
    return {assumption("doublingSeconds", "Time to double capacity", "s", 300, SrcDoubling, 10, 3600)};
}

SpikeInput LambdaManagedModel::spikeInput(const OptionContext &ctx, const OptionResult &result, const Spike &spike) const
{
    SpikeInput in = spikeInputBase(ctx, spike);
    const LambdaManagedSpec &l = ctx.option.as<LambdaManagedSpec>();
    const LambdaManagedDetails *details = result.detailsAs<LambdaManagedDetails>();
    in.autoscaled = true;
    in.minUnits = l.minInstances;
    in.targetUtilization = l.targetUtilization;
    if (details) {
        in.unitConcurrency = details->environmentsPerInstance * details->environmentConcurrency;
        const Pricing::Ec2InstanceType *type = ctx.sheet.ec2(ctx.region(), details->instanceType);
        in.maxUnits = l.maxInstances.value_or(type ? std::max(1.0, std::floor(DefaultMaxVcpus / type->vcpu)) : 0);
        in.unitHourPrice = details->instanceHourly + details->managementHourly;
    }
    in.unitsPerSlot = result.fleet.hourly;
    in.notes.push_back("capacity grows by at most doubling every " + Text::general(in.assumptions.front().value)
                       + " s; requests beyond it are throttled (HTTP 429) or wait, as the spike's \"excess\" says");
    return in;
}

} // namespace Costscape::Models
