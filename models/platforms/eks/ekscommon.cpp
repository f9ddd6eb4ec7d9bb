// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/platforms/eks/ekscommon.h"

#include "base/textformat.h"
#include "models/platforms/platformmodel.h"
#include "models/scenario/optionreader.h"
#include "models/scenario/scenariorules.h"

#include <numeric>

namespace Costscape::Models::Eks {

using Json = JsonDocument::Json;

std::vector<PodGroup> readPodGroups(OptionReader &reader)
{
    JsonReader &r = reader.json();
    const auto &op = reader.pointer();
    reader.know({"podVcpu", "podMemoryMb", "podGroups"});
    std::vector<PodGroup> groups;
    // Pods request CPU in millicores: 1m is the least Kubernetes accepts.
    const NumberRule vcpuRule = NumberRule::range(0.001, 192, "vCPU");
    const NumberRule &memRule = Rules::TaskMemoryMib;
    if (!r.has(op, "podGroups")) {
        PodGroup g;
        g.name = "pods";
        g.podVcpu = r.number(op, "podVcpu", vcpuRule).value_or(0);
        g.podMemoryMb = r.number(op, "podMemoryMb", memRule).value_or(0);
        g.fleet = reader.readFleet(op, "pods", reader.known());
        groups.push_back(std::move(g));
        return groups;
    }
    if (r.has(op, "podVcpu") || r.has(op, "podMemoryMb")) {
        r.fail(op / "podGroups", ErrorCode::WrongFormat,
               JsonReader::fieldName(op / "podGroups") + ": give either \"podGroups\" or \"podVcpu\"/\"podMemoryMb\", not both");
        return groups;
    }
    const Json *arr = r.array(op / "podGroups");
    if (!arr)
        return groups;
    if (arr->empty()) {
        r.fail(op / "podGroups", ErrorCode::MissingField, JsonReader::fieldName(op / "podGroups") + ": is empty");
        return groups;
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const auto gp = op / "podGroups" / i;
        if (!r.object(gp))
            return groups;
        PodGroup g;
        g.name = r.string(gp, "name", false).value_or("group " + std::to_string(i + 1));
        g.podVcpu = r.number(gp, "podVcpu", vcpuRule).value_or(0);
        g.podMemoryMb = r.number(gp, "podMemoryMb", memRule).value_or(0);
        std::set<std::string> groupKeys = {"name", "podVcpu", "podMemoryMb"};
        g.fleet = reader.readFleet(gp, "pods", groupKeys);
        reader.warnUnknown(gp, groupKeys);
        groups.push_back(std::move(g));
    }
    for (const char *k : {"pods", "capacity", "targetUtilization", "minCount", "scaling"})
        if (r.has(op, k))
            r.warn(op / k, JsonReader::fieldName(op / k) + ": ignored; with \"podGroups\" each group sets its own");
    reader.know({"pods", "capacity", "targetUtilization", "minCount", "scaling"});
    return groups;
}

void writePodGroups(const std::vector<PodGroup> &groups, Json &o)
{
    if (groups.size() == 1 && !o.contains("podGroups")) {
        o["podVcpu"] = groups[0].podVcpu;
        o["podMemoryMb"] = groups[0].podMemoryMb;
        OptionWriter::writeFleet(o, "pods", groups[0].fleet);
        return;
    }
    for (const char *k : {"podVcpu", "podMemoryMb", "pods", "capacity", "targetUtilization", "minCount", "scaling"})
        o.erase(k);
    Json out = Json::array();
    for (const PodGroup &g : groups) {
        Json gj{{"name", g.name}, {"podVcpu", g.podVcpu}, {"podMemoryMb", g.podMemoryMb}};
        OptionWriter::writeFleet(gj, "pods", g.fleet);
        out.push_back(gj);
    }
    o["podGroups"] = out;
}

ControlPlaneTier readControlPlane(OptionReader &reader)
{
    reader.know({"controlPlane"});
    const auto v = reader.json().string(reader.pointer(), "controlPlane", false, {"standard", "extended"});
    return v.value_or("standard") == "extended" ? ControlPlaneTier::Extended : ControlPlaneTier::Standard;
}

Result<double> addControlPlane(const OptionContext &ctx, ControlPlaneTier tier, OptionResult &r)
{
    const Pricing::RegionPrices *region = ctx.sheet.region(ctx.region());
    if (!region || !region->eks)
        return ctx.error("controlPlane", ErrorCode::MissingPrice,
                         ctx.sheetName() + " has no Amazon EKS control-plane price for " + ctx.region()
                             + "; import a sheet with \"eks\" prices for the region");
    double hourly = region->eks->clusterHour;
    if (tier == ControlPlaneTier::Extended) {
        if (!region->eks->extendedSupportClusterHour)
            return ctx.error("controlPlane", ErrorCode::MissingPrice,
                             ctx.sheetName() + " has no Amazon EKS extended-support price for " + ctx.region());
        hourly = *region->eks->extendedSupportClusterHour;
    }
    // The control plane runs every hour of the month, whatever the pods do.
    const double hours = std::accumulate(ctx.plan.weight.begin(), ctx.plan.weight.end(), 0.0);
    r.addLine({"EKS control plane", hours, "cluster-hours", hourly, hours * hourly,
               std::string(tier == ControlPlaneTier::Extended ? "extended" : "standard") + " support, one cluster"});
    for (double &h : r.hourlyCost)
        h += hourly;
    return hourly;
}

std::string groupLabel(const std::vector<PodGroup> &groups, const PodGroup &g)
{
    return groups.size() < 2 || g.name.empty() ? std::string("pods") : "pods (" + g.name + ")";
}

} // namespace Costscape::Models::Eks
