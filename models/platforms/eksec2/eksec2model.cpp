// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/platforms/eksec2/eksec2model.h"

#include "base/textformat.h"
#include "models/packing/kubescheduler.h"
#include "models/packing/packingpatterns.h"
#include "models/platforms/fleet.h"
#include "models/platforms/instanceprice.h"
#include "models/platforms/packedhours.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace Costscape::Models {

namespace {

// CPU in the packers' units: 1024 per vCPU, as ECS counts them, so that the two platforms pack alike.
constexpr double UnitsPerMillicore = 1024.0 / 1000.0;

struct Candidate {
    const Pricing::Ec2InstanceType *type = nullptr;
    InstancePrice price;
    Kube::NodeAllocatable node;
};

} // namespace

std::vector<DaemonSetSpec> EksEc2Model::daemonSetsOf(const EksEc2Spec &spec)
{
    // aws-node: 25m (container aws-node) + 25m (aws-eks-nodeagent), no memory; its init
    // container's 25m does not add (a pod requests the larger of its init containers and the sum
    // of its containers). aws/amazon-vpc-cni-k8s@b52188387f:config/master/aws-k8s-cni.yaml lines
    // 297-299 and 339-341. kube-proxy: no memory request (aws/containers-roadmap#1509, "The
    // kube-proxy service now has no memory request or limit set"); no AWS source gives its CPU
    // request, so none is assumed.
    std::vector<DaemonSetSpec> out{{"aws-node", 0.05, 0}, {"kube-proxy", 0, 0}};
    for (const DaemonSetSpec &d : spec.daemonSets) {
        auto it = std::find_if(out.begin(), out.end(), [&](const DaemonSetSpec &e) { return e.name == d.name; });
        if (it != out.end())
            *it = d;
        else
            out.push_back(d);
    }
    return out;
}

InstanceOffer EksEc2Model::offerOf(const Kube::NodeAllocatable &node, const std::vector<DaemonSetSpec> &daemonSets,
                                   double hourlyPrice, bool burstable)
{
    double dsCpu = 0, dsMem = 0;
    for (const DaemonSetSpec &d : daemonSets) {
        dsCpu += d.podVcpu * 1000.0;
        dsMem += d.podMemoryMb;
    }
    InstanceOffer o;
    o.type = node.type;
    o.capacity = {(node.allocatableCpuMillicores - dsCpu) * UnitsPerMillicore, node.allocatableMemoryMib - dsMem};
    o.hourlyPrice = hourlyPrice;
    // DaemonSet pods count against the kubelet's max pods like any other (the +2 of the ENI
    // formula is room for aws-node and kube-proxy, which use the host's network).
    o.maxTasks = std::max(0LL, node.maxPods - static_cast<long long>(daemonSets.size()));
    if (o.maxTasks == 0)
        o.capacity = {0, 0}; // no room for a pod: the packers skip an offer with nothing to offer
    o.burstable = burstable;
    return o;
}

Result<OptionResult> EksEc2Model::evaluate(const OptionContext &ctx) const
{
    const EksEc2Spec &spec = ctx.option.as<EksEc2Spec>();
    OptionResult r;
    r.id = ctx.option.id;
    r.platform = Platform::EksEc2;
    const std::string os = "linux"; // EKS on EC2 here runs Linux nodes
    const Pricing::RegionPrices *region = ctx.sheet.region(ctx.region());
    const bool spot = spec.purchase == Purchase::Spot;

    std::vector<Candidate> candidates;
    auto priceOf = [&](const Pricing::Ec2InstanceType &type) -> std::optional<InstancePrice> {
        const auto od = type.onDemandHourly.find(os);
        if (od == type.onDemandHourly.end())
            return std::nullopt;
        if (!spot)
            return InstancePrice{od->second, "on-demand"};
        return spotPrice(type, os, od->second, spec.spotHourly, spec.spotDiscount);
    };
    const bool arm = spec.architecture == "arm64";
    if (spec.autoNodeTypes) {
        if (region)
            for (const auto &[name, type] : region->ec2)
                if (Kube::isArm64(name) == arm)
                    if (const auto price = priceOf(type))
                        candidates.push_back({&type, *price, Kube::nodeAllocatable(type, spec.prefixDelegation)});
        if (candidates.empty())
            return ctx.error("nodeTypes", ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no " + spec.architecture + " EC2 instance type with a "
                                 + (spot ? "spot" : "on-demand") + " Linux price in " + ctx.region());
    } else {
        for (std::size_t k = 0; k < spec.nodeTypes.size(); ++k) {
            const std::string &name = spec.nodeTypes[k];
            const std::string field = "nodeTypes/" + std::to_string(k);
            const Pricing::Ec2InstanceType *type = ctx.sheet.ec2(ctx.region(), name);
            if (!type)
                return ctx.error(field, ErrorCode::UnknownValue,
                                 "unknown instance type \"" + name + "\": " + ctx.sheetName() + " does not list it in " + ctx.region());
            if (Kube::isArm64(name) != arm)
                return ctx.error(field, ErrorCode::UnknownValue,
                                 name + " runs " + (arm ? "x86_64" : "arm64") + ", not the option's architecture " + spec.architecture);
            const auto price = priceOf(*type);
            if (!price)
                return ctx.error(field, ErrorCode::MissingPrice,
                                 ctx.sheetName() + " has no " + (spot ? "spot" : "on-demand") + " Linux price for " + name + " in "
                                     + ctx.region() + (spot ? "; give \"spotHourly\" or \"spotDiscount\"" : ""));
            candidates.push_back({type, *price, Kube::nodeAllocatable(*type, spec.prefixDelegation)});
        }
    }

    // Pods per group, hour by hour, grouped by their combinations of counts.
    const HourlyPlan &plan = ctx.plan;
    std::vector<PackedGroup> groups;
    for (const PodGroup &g : spec.podGroups)
        groups.push_back({g.name, g.podVcpu, g.podMemoryMb, &g.fleet});
    PackedHours hours;
    if (!hours.size(groups, ctx, "pod", "nodes", r))
        return r;
    const std::vector<double> &podsPerHour = hours.unitsPerHour;

    const std::vector<DaemonSetSpec> daemonSets = daemonSetsOf(spec);
    double dsCpuM = 0, dsMem = 0;
    for (const DaemonSetSpec &d : daemonSets) {
        dsCpuM += d.podVcpu * 1000.0;
        dsMem += d.podMemoryMb;
    }
    std::vector<InstanceOffer> offers;
    std::vector<const Candidate *> offerCandidate;
    for (const Candidate &c : candidates) {
        InstanceOffer o = offerOf(c.node, daemonSets, c.price.hourly, c.type->isBurstable());
        if (o.capacity.memoryMb <= 0 || o.capacity.cpuUnits <= 0 || o.maxTasks <= 0)
            continue;
        offers.push_back(std::move(o));
        offerCandidate.push_back(&c);
    }
    for (const Candidate &c : candidates)
        if (!c.node.maxPodsKnown)
            r.warnings.push_back(c.type->name + ": not in the EKS AMI's ENI table, so the kubelet's default of 110 pods is assumed");

    if (offers.empty()) {
        r.fleet = summarizeFleet(std::vector<double>(plan.size(), 0.0), plan, "nodes");
        r.hourlyCost.assign(plan.size(), 0.0);
        r.withdraw("no candidate node type has room for a pod after kube-reserved, the eviction threshold and the DaemonSets");
        r.summary = "no node type fits";
        return r;
    }
    std::string largest;
    for (std::size_t g = 0; g < spec.podGroups.size(); ++g) {
        bool fitsSomewhere = false;
        for (const InstanceOffer &o : offers)
            fitsSomewhere = fitsSomewhere || fits(groups[g].demand(), o.capacity);
        if (hours.runsAtAll(g) && !fitsSomewhere)
            largest += (largest.empty() ? "" : ", ") + Text::general(spec.podGroups[g].podVcpu) + " vCPU / "
                + Text::general(spec.podGroups[g].podMemoryMb) + " MiB";
    }
    if (!largest.empty()) {
        r.fleet = summarizeFleet(std::vector<double>(plan.size(), 0.0), plan, "nodes");
        r.hourlyCost.assign(plan.size(), 0.0);
        r.withdraw("no candidate node type can hold a pod (" + largest
                   + ") in what it allocates after kube-reserved, the eviction threshold and the DaemonSets");
        r.summary = "no node type fits";
        return r;
    }

    // The optimised fleet of each distinct combination of pod counts, remembered across evaluations.
    hours.pack(offers, plan, ctx.figuresOnly);
    const std::size_t peakHour = hours.peakHour;
    const Packing &peakPacking = *hours.packings[hours.peakKey];
    const std::vector<double> &nodes = hours.instances;
    r.hourlyCost = hours.hourlyCost;
    r.fleet = summarizeFleet(nodes, plan, "nodes");
    const std::vector<double> &offerHours = hours.offerHours;
    std::size_t typesUsed = 0;
    std::vector<TypeFleet> fleetByType;
    for (std::size_t o = 0; o < offers.size(); ++o) {
        if (offerHours[o] <= 0)
            continue;
        ++typesUsed;
        if (!spot && !ctx.option.commitments.empty()) // a Compute Savings Plan on a mixed fleet covers every type
            fleetByType.push_back({offers[o].type, offers[o].hourlyPrice, "on-demand nodes " + offers[o].type,
                                   hours.offerInstancesPerHour(o)});
        const Candidate &c = *offerCandidate[o];
        r.addLine({std::string(spot ? "spot nodes " : "on-demand nodes ") + offers[o].type, offerHours[o], "instance-hours",
                   offers[o].hourlyPrice, offerHours[o] * offers[o].hourlyPrice,
                   offers[o].type + " Linux" + (spot ? ", " + c.price.basis : "") + ", up to "
                       + std::to_string(c.node.maxPods) + " pods a node, in the cheapest mix of "
                       + std::to_string(candidates.size()) + " candidate type" + (candidates.size() == 1 ? "" : "s")});
    }
    const Result<double> controlPlane = Eks::addControlPlane(ctx, spec.controlPlane, r);
    if (!controlPlane.ok())
        return controlPlane.error();

    // The busiest hour: the optimised fleet beside the default kube-scheduler on one type.
    const std::vector<TaskDemand> peakDemand = hours.demand(hours.peakKey);
    Packing scheduler;
    int schedulerOffer = -1;
    // Only for show: a caller that reads the month's figures alone (the sweep, the Monte Carlo) skips it.
    for (std::size_t o = 0; o < offers.size() && !ctx.figuresOnly; ++o) {
        Packing p = simulateKubeScheduler(peakDemand, offers[o], dsCpuM * UnitsPerMillicore, dsMem);
        if (!p.feasible)
            continue;
        for (InstanceRun &run : p.runs)
            run.offer = static_cast<int>(o);
        if (schedulerOffer < 0 || p.hourlyCost < scheduler.hourlyCost - 1e-12) {
            scheduler = std::move(p);
            schedulerOffer = static_cast<int>(o);
        }
    }

    // The packing view: pod groups, then the DaemonSets (one pod on every node); what a node
    // offers is what it allocates, so the DaemonSets are seen taking their room.
    auto packedFleet = [&](const Packing &p, const std::string &name) {
        PackedFleet fleet;
        double cpuUsed = 0, cpuOffered = 0, memUsed = 0, memOffered = 0;
        for (const InstanceRun &run : p.runs) {
            const InstanceOffer &o = offers[static_cast<std::size_t>(run.offer)];
            const Kube::NodeAllocatable &node = offerCandidate[static_cast<std::size_t>(run.offer)]->node;
            const double n = static_cast<double>(run.instances);
            const double used = run.cpuUsed + dsCpuM * UnitsPerMillicore, usedMem = run.memoryUsed + dsMem;
            const double offered = node.allocatableCpuMillicores * UnitsPerMillicore, offeredMem = node.allocatableMemoryMib;
            cpuUsed += n * used;
            memUsed += n * usedMem;
            cpuOffered += n * offered;
            memOffered += n * offeredMem;
            std::vector<double> pods(run.tasksPerGroup.begin(), run.tasksPerGroup.end());
            pods.insert(pods.end(), daemonSets.size(), 1.0);
            fleet.runs.push_back({o.type, run.instances, pods, used, usedMem, offered, offeredMem, o.hourlyPrice, o.burstable});
        }
        fleet.strategy = name;
        fleet.hourlyCost = p.hourlyCost;
        fleet.instances = p.instances;
        fleet.cpuUtilisation = cpuOffered > 0 ? cpuUsed / cpuOffered : 0;
        fleet.memoryUtilisation = memOffered > 0 ? memUsed / memOffered : 0;
        fleet.strandedCpuUnits = cpuOffered - cpuUsed;
        fleet.strandedMemoryMb = memOffered - memUsed;
        return fleet;
    };
    PackingDetails packing;
    packing.hour = peakHour;
    for (const PodGroup &g : spec.podGroups) {
        packing.groups.push_back(g.name);
        packing.taskCpuUnits.push_back(g.podVcpu * 1024.0);
        packing.taskMemoryMb.push_back(g.podMemoryMb);
    }
    for (const DaemonSetSpec &d : daemonSets) {
        packing.groups.push_back("DaemonSet " + d.name);
        packing.taskCpuUnits.push_back(d.podVcpu * 1024.0);
        packing.taskMemoryMb.push_back(d.podMemoryMb);
    }
    const Packing &optimised = peakPacking;
    packing.optimised = packedFleet(optimised, "optimised");
    if (schedulerOffer >= 0) {
        packing.scheduler = packedFleet(scheduler, "kube-scheduler LeastAllocated");
        packing.savingsHourly = scheduler.hourlyCost - optimised.hourlyCost;
    }
    if (const double bound = ctx.figuresOnly ? NAN : packingLowerBound(peakDemand, offers); std::isfinite(bound))
        packing.lowerBoundHourly = bound;

    // What the reservations add at the busiest hour: the same pods on nodes offering their whole
    // capacity (installed vCPU and the memory the node reports), the pod cap unchanged.
    std::vector<InstanceOffer> bare = offers;
    for (std::size_t o = 0; o < bare.size(); ++o) {
        const Kube::NodeAllocatable &node = offerCandidate[o]->node;
        bare[o].capacity = {node.capacityCpuMillicores * UnitsPerMillicore, node.capacityMemoryMib};
    }
    const double bareHourly = ctx.figuresOnly ? optimised.hourlyCost : packOptimised(peakDemand, bare).hourlyCost;

    std::vector<long long> peakByOffer(offers.size(), 0);
    for (const InstanceRun &run : optimised.runs)
        peakByOffer[static_cast<std::size_t>(run.offer)] += run.instances;
    std::size_t main = 0;
    for (std::size_t o = 0; o < offers.size(); ++o)
        if (peakByOffer[o] > peakByOffer[main])
            main = o;
    EksEc2Details d;
    d.nodeType = offers[main].type;
    d.hourlyPrice = offers[main].hourlyPrice;
    d.peakPods = podsPerHour[peakHour];
    d.peakNodes = nodes[peakHour];
    d.cpuUtilization = packing.optimised.cpuUtilisation;
    d.memoryUtilization = packing.optimised.memoryUtilisation;
    d.candidates = candidates.size();
    d.typesUsed = typesUsed;
    d.fleetByType = std::move(fleetByType);
    d.controlPlaneHourly = controlPlane.value();
    d.controlPlane = controlPlaneName(spec.controlPlane);
    d.reservationsHourly = std::max(0.0, optimised.hourlyCost - bareHourly);
    for (const DaemonSetSpec &ds : daemonSets)
        d.daemonSets.push_back(ds.name);
    for (std::size_t o = 0; o < offers.size(); ++o) {
        if (peakByOffer[o] == 0)
            continue;
        const Kube::NodeAllocatable &n = offerCandidate[o]->node;
        d.nodes.push_back({n.type, n.capacityCpuMillicores, n.capacityMemoryMib, n.kubeReservedCpuMillicores,
                           n.kubeReservedMemoryMib, n.evictionMemoryMib, n.allocatableCpuMillicores, n.allocatableMemoryMib,
                           dsCpuM, dsMem, n.maxPods, offers[o].maxTasks});
    }
    d.packing = std::move(packing);
    r.details = std::move(d);

    for (std::size_t o = 0; o < offers.size(); ++o)
        if (offerHours[o] > 0 && offers[o].burstable)
            r.warnings.push_back(offers[o].type + " is burstable: its baseline CPU is a fraction of its vCPUs, "
                                                  "so CPU-bound pods packed by their requests may be throttled");

    std::ostringstream summary;
    if (optimised.runs.empty()) {
        summary << "no nodes for " << podsPerHour[peakHour] << " pods";
    } else {
        bool first = true;
        for (std::size_t o = 0; o < offers.size(); ++o) {
            if (peakByOffer[o] == 0)
                continue;
            summary << (first ? "" : " + ") << offers[o].type << " x " << peakByOffer[o];
            first = false;
        }
        summary << " " << (spot ? "spot" : "on-demand") << " for " << podsPerHour[peakHour] << " pods (optimised";
        if (schedulerOffer >= 0)
            summary << "; kube-scheduler would use " << scheduler.instances << " "
                    << offers[static_cast<std::size_t>(schedulerOffer)].type;
        summary << "; + control plane)";
    }
    r.summary = summary.str();
    return r;
}

} // namespace Costscape::Models
