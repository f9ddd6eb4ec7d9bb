// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// EKS on EC2's keys in the scenario file, its rules for the report and its spike response.
#include "models/platforms/eksec2/eksec2model.h"

#include "base/textformat.h"
#include "models/detailswriter.h"
#include "models/platforms/eks/ekssources.h"
#include "models/platforms/fleet.h"
#include "models/scaling/scalingsources.h"
#include "models/scenario/optionreader.h"
#include "models/scenario/scenariorules.h"

#include <algorithm>

namespace Costscape::Models {

using Json = JsonDocument::Json;

namespace {

const char *const SrcPodStart
    = "Costscape assumption: binding a pod to a running node, pulling a cached image and starting the container "
      "(as for an ECS task); measure your own image";
const char *const SrcNoWarmup
    = "Costscape assumption: Cluster Autoscaler and Karpenter add nodes for pods still pending at their next loop, with "
      "no warm-up period between scale-ups";

} // namespace

void EksNodeDetails::write(DetailsWriter &out) const
{
    out.text("type", type);
    out.number("capacityCpuMillicores", capacityCpuMillicores);
    out.number("capacityMemoryMib", capacityMemoryMib);
    out.number("kubeReservedCpuMillicores", kubeReservedCpuMillicores);
    out.number("kubeReservedMemoryMib", kubeReservedMemoryMib);
    out.number("evictionMemoryMib", evictionMemoryMib);
    out.number("allocatableCpuMillicores", allocatableCpuMillicores);
    out.number("allocatableMemoryMib", allocatableMemoryMib);
    out.number("daemonSetCpuMillicores", daemonSetCpuMillicores);
    out.number("daemonSetMemoryMib", daemonSetMemoryMib);
    out.integer("maxPods", maxPods);
    out.integer("podsBesideDaemonSets", podsBesideDaemonSets);
}

void EksEc2Details::write(DetailsWriter &out) const
{
    out.text("nodeType", nodeType);
    out.number("hourlyPrice", hourlyPrice);
    out.number("peakPods", peakPods);
    out.number("peakNodes", peakNodes);
    out.number("cpuUtilization", cpuUtilization);
    out.number("memoryUtilization", memoryUtilization);
    out.integer("candidates", static_cast<long long>(candidates));
    out.integer("typesUsed", static_cast<long long>(typesUsed));
    out.text("controlPlane", controlPlane);
    out.number("controlPlaneHourly", controlPlaneHourly);
    out.number("reservationsHourly", reservationsHourly);
    out.texts("daemonSets", daemonSets);
    out.beginArray("nodes");
    for (const EksNodeDetails &n : nodes) {
        out.beginObject("");
        n.write(out);
        out.endObject();
    }
    out.endArray();
    out.beginObject("packing");
    packing.write(out);
    out.endObject();
}

PlatformSpec EksEc2Model::defaultSpec() const
{
    EksEc2Spec e;
    PodGroup g;
    g.name = "pods";
    g.podVcpu = 0.5;
    g.podMemoryMb = 1024;
    e.podGroups = {g};
    e.nodeTypes = {"m5.large", "m5.xlarge", "c5.xlarge"};
    return e;
}

PlatformSpec EksEc2Model::read(OptionReader &reader) const
{
    JsonReader &r = reader.json();
    const auto &op = reader.pointer();
    reader.know({"nodeTypes", "architecture", "spotHourly", "spotDiscount", "daemonSets", "prefixDelegation", "autoscaler"});
    EksEc2Spec e;
    e.podGroups = Eks::readPodGroups(reader);
    const auto tp = op / "nodeTypes";
    if (!r.has(op, "nodeTypes")) {
        r.fail(op, ErrorCode::MissingField, JsonReader::fieldName(tp) + ": missing required field \"nodeTypes\" (a list, or \"auto\")");
    } else if (r.at(tp)->is_string()) {
        if (r.at(tp)->get<std::string>() != "auto")
            r.fail(tp, ErrorCode::UnknownValue, JsonReader::fieldName(tp) + ": expected a list of instance types or \"auto\"");
        e.autoNodeTypes = true;
    } else if (const Json *arr = r.array(tp)) {
        if (arr->empty())
            r.fail(tp, ErrorCode::MissingField, JsonReader::fieldName(tp) + ": lists no instance type");
        for (std::size_t i = 0; i < arr->size() && !r.failed(); ++i) {
            if (!(*arr)[i].is_string()) {
                r.fail(tp / i, ErrorCode::WrongType,
                       JsonReader::fieldName(tp / i) + ": expected an instance type name, got " + JsonReader::typeName((*arr)[i]));
                break;
            }
            e.nodeTypes.push_back((*arr)[i].get<std::string>());
        }
    }
    e.architecture = r.string(op, "architecture", false, {"x86_64", "arm64"}).value_or("x86_64");
    e.purchase = reader.readPurchase();
    e.spotHourly = r.number(op, "spotHourly", Rules::SpotHourly, false);
    e.spotDiscount = r.number(op, "spotDiscount", Rules::SpotDiscount, false);
    e.controlPlane = Eks::readControlPlane(reader);
    e.prefixDelegation = r.has(op, "prefixDelegation") ? r.boolean(op, "prefixDelegation").value_or(false) : false;
    e.autoscaler = r.string(op, "autoscaler", false, {"cluster-autoscaler", "karpenter"}).value_or("cluster-autoscaler") == "karpenter"
        ? NodeAutoscaler::Karpenter
        : NodeAutoscaler::ClusterAutoscaler;
    if (r.has(op, "daemonSets")) {
        if (const Json *arr = r.array(op / "daemonSets")) {
            for (std::size_t i = 0; i < arr->size() && !r.failed(); ++i) {
                const auto dp = op / "daemonSets" / i;
                if (!r.object(dp))
                    break;
                DaemonSetSpec d;
                d.name = r.string(dp, "name", false).value_or("daemonset " + std::to_string(i + 1));
                d.podVcpu = r.number(dp, "podVcpu", NumberRule::range(0, 192, "vCPU"), false).value_or(0);
                d.podMemoryMb = r.number(dp, "podMemoryMb", NumberRule::range(0, 4'194'304, "MiB"), false).value_or(0);
                reader.warnUnknown(dp, {"name", "podVcpu", "podMemoryMb"});
                e.daemonSets.push_back(std::move(d));
            }
        }
    }
    return e;
}

void EksEc2Model::write(const PlatformSpec &spec, Json &o) const
{
    const EksEc2Spec &e = std::get<EksEc2Spec>(spec);
    Eks::writePodGroups(e.podGroups, o);
    if (e.autoNodeTypes)
        o["nodeTypes"] = "auto";
    else
        o["nodeTypes"] = e.nodeTypes;
    o["architecture"] = e.architecture;
    o["purchase"] = purchaseName(e.purchase);
    OptionWriter::setOrErase(o, "spotHourly", e.spotHourly);
    OptionWriter::setOrErase(o, "spotDiscount", e.spotDiscount);
    o["controlPlane"] = controlPlaneName(e.controlPlane);
    if (e.daemonSets.empty()) {
        o.erase("daemonSets");
    } else {
        Json ds = Json::array();
        for (const DaemonSetSpec &d : e.daemonSets)
            ds.push_back({{"name", d.name}, {"podVcpu", d.podVcpu}, {"podMemoryMb", d.podMemoryMb}});
        o["daemonSets"] = ds;
    }
    if (e.prefixDelegation)
        o["prefixDelegation"] = true;
    else
        o.erase("prefixDelegation");
    if (e.autoscaler == NodeAutoscaler::Karpenter)
        o["autoscaler"] = "karpenter";
    else
        o.erase("autoscaler");
}

std::vector<BillingRule> EksEc2Model::billingRules(const OptionSpec &option, const std::string &) const
{
    const EksEc2Spec &e = option.as<EksEc2Spec>();
    std::vector<BillingRule> rules;
    for (const PodGroup &g : e.podGroups)
        rules.push_back({Eks::groupLabel(e.podGroups, g), describeFleetRule(g.fleet, "pods"), "the scenario"});
    rules.push_back({"node allocatable", "capacity less kube-reserved (CPU: 6% of the first core, 1% of the second, 0.5% of the "
                                         "next two, 0.25% above; memory: 11 MiB x max pods + 255 MiB) and 100 MiB eviction threshold",
                     EksSources::Allocatable});
    rules.push_back({"max pods", e.prefixDelegation ? "prefix delegation: ENIs x ((IPv4 per ENI - 1) x 16) + 2, at most 110 (250 above 30 vCPUs)"
                                                    : "ENIs x (IPv4 per ENI - 1) + 2",
                     EksSources::MaxPods});
    std::string ds;
    for (const DaemonSetSpec &d : daemonSetsOf(e))
        ds += (ds.empty() ? "" : ", ") + d.name + " " + Text::general(d.podVcpu * 1000) + "m / " + Text::general(d.podMemoryMb) + " MiB";
    rules.push_back({"DaemonSets on every node", ds, EksSources::DaemonSets});
    rules.push_back({"control plane", std::string("one cluster, every hour, ") + controlPlaneName(e.controlPlane) + " support",
                     EksSources::ControlPlane});
    return rules;
}

std::vector<ScalingAssumption> EksEc2Model::scalingDefaults() const
{
    using namespace ScalingSources;
    const double hour = 3600;
    return {assumption("metricPeriodSeconds", "HPA sync period", "s", 15, EksSources::HpaSyncPeriod, 10, hour, true),
            assumption("alarmDatapoints", "Readings over target to scale out", "", 1, EksSources::HpaSyncPeriod, 1, 100, true),
            assumption("taskStartSeconds", "Pod start on a running node", "s", 20, SrcPodStart, 0, hour),
            assumption("healthCheckSeconds", "Load balancer health check", "s", 30, HealthCheck, 0, hour),
            assumption("clusterScaleOutSeconds", "Pod pending to node requested (Cluster Autoscaler)", "s", 30,
                       EksSources::ClusterAutoscalerLatency, 0, hour),
            assumption("instanceLaunchSeconds", "Instance launch to booted", "s", 30, InstanceLaunch, 0, hour),
            assumption("instanceWarmupSeconds", "Pause between node scale-ups", "s", 0, SrcNoWarmup, 0, 10000),
            assumption("targetCapacityPercent", "Node capacity used before scale-out", "%", 100, SrcNoWarmup, 1, 100),
            assumption("maximumScalingStepSize", "Nodes added per scale-up", "nodes", 10000, SrcNoWarmup, 1, 10000, true),
            assumption("maxUnitsPerStep", "Pods added per scale-out (0 = as many as needed)", "pods", 0, TargetTrackingStep, 0,
                       1e6, true)};
}

SpikeInput EksEc2Model::spikeInput(const OptionContext &ctx, const OptionResult &result, const Spike &spike) const
{
    SpikeInput in = spikeInputBase(ctx, spike);
    const EksEc2Spec &spec = ctx.option.as<EksEc2Spec>();
    if (spec.podGroups.empty())
        return in;
    if (spec.autoscaler == NodeAutoscaler::Karpenter) {
        // Karpenter batches pending pods for at most 10 s before it launches nodes.
        for (ScalingAssumption &a : in.assumptions)
            if (a.key == "clusterScaleOutSeconds" && !a.overridden) {
                a.value = 10;
                a.label = "Pod pending to node requested (Karpenter)";
                a.source = EksSources::KarpenterBatch;
            }
    }
    const PodGroup &group = spec.podGroups.front();
    if (spec.podGroups.size() > 1)
        in.notes.push_back("the spike is applied to the first pod group (\"" + group.name + "\") only");
    applyFleetToSpike(in, group.fleet, group.podMemoryMb, ctx.memoryMb);
    in.unitsPerSlot = sizeFleet(group.fleet, ctx.plan, ctx.durationMs, group.podMemoryMb, ctx.memoryMb, "pod").counts;
    const EksEc2Details *details = result.detailsAs<EksEc2Details>();
    const Pricing::Ec2InstanceType *type = details && !details->nodeType.empty() ? ctx.sheet.ec2(ctx.region(), details->nodeType) : nullptr;
    if (type) {
        const InstanceOffer offer = offerOf(Kube::nodeAllocatable(*type, spec.prefixDelegation), daemonSetsOf(spec), details->hourlyPrice,
                                            type->isBurstable());
        const TaskDemand pod{group.podVcpu * 1024.0, group.podMemoryMb, 1};
        in.tasksPerInstance = static_cast<double>(std::max(1LL, tasksPerEmptyInstance(pod, offer)));
        in.unitHourPrice = details->hourlyPrice / in.tasksPerInstance;
        in.notes.push_back("the cluster runs " + details->nodeType + " nodes, "
                           + std::to_string(static_cast<long long>(in.tasksPerInstance)) + " pods each, packed full before the spike");
    } else {
        in.notes.push_back("no node type known for the cluster: pods are assumed to find room at once");
    }
    return in;
}

void EksEc2Model::applyBatch(OptionSpec &option, double parallel) const
{
    for (PodGroup &group : option.as<EksEc2Spec>().podGroups)
        if (!group.fleet.fixedCount)
            group.fleet.fixedCount = parallel;
}

} // namespace Costscape::Models
