// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/chartseries.h"

#include <cmath>
#include <cstddef>

namespace Costscape::Models {

MonthlySeries monthlySeries(const Evaluation &evaluation)
{
    MonthlySeries out;
    out.currency = evaluation.prices.currency;
    out.cheapest = evaluation.cheapestIndex();
    const std::size_t n = evaluation.options.size();
    for (std::size_t i = 0; i < n; ++i) {
        const OptionResult &o = evaluation.options[i];
        out.ids.push_back(o.id);
        out.platforms.push_back(platformTitle(o.platform));
        out.summaries.push_back(o.summary);
        out.totals.push_back(o.monthlyCost);
        out.feasible.push_back(o.feasible);
        // OptionResult::infeasible() puts the reasons first, so the first warning is the reason.
        out.reasons.push_back(!o.feasible && !o.warnings.empty() ? o.warnings.front() : std::string());
        for (const LineItem &item : o.lineItems) {
            std::size_t s = 0;
            while (s < out.stacks.size() && out.stacks[s].name != item.name)
                ++s;
            if (s == out.stacks.size())
                out.stacks.push_back({item.name, std::vector<double>(n, 0.0)});
            // Summed, not assigned: should a model ever bill two lines of one name, the bar must
            // still add up to the total.
            out.stacks[s].values[i] += item.cost;
        }
    }
    return out;
}

HourlySeries hourlySeries(const Evaluation &evaluation)
{
    HourlySeries out;
    out.currency = evaluation.prices.currency;
    out.ratePerSecond = evaluation.ratePerSecond;
    const std::size_t slots = evaluation.ratePerSecond.size();
    for (const OptionResult &o : evaluation.options) {
        // An option with its own requests or hours has slots that do not line up with the
        // workload's axis; drawing them on it would show a fleet at the wrong hours.
        if (o.ownPlan || o.fleet.hourly.size() != slots || o.hourlyCost.size() != slots) {
            out.skipped.push_back(o.id);
            continue;
        }
        out.lines.push_back({o.id, o.fleet.unit, o.fleet.hourly, o.hourlyCost, o.feasible});
    }
    return out;
}

namespace {

double number(const nlohmann::ordered_json &object, const char *key, double fallback = 0)
{
    if (!object.is_object())
        return fallback;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return fallback;
    const double value = it->get<double>();
    return std::isfinite(value) ? value : fallback;
}

std::string text(const nlohmann::ordered_json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<double> numbers(const nlohmann::ordered_json &object, const char *key)
{
    std::vector<double> out;
    if (!object.is_object())
        return out;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array())
        return out;
    for (const auto &v : *it)
        out.push_back(v.is_number() && std::isfinite(v.get<double>()) ? v.get<double>() : 0.0);
    return out;
}

PackingSeries::Fleet readFleet(const nlohmann::ordered_json &json, std::size_t groups)
{
    PackingSeries::Fleet fleet;
    fleet.strategy = text(json, "strategy");
    fleet.hourlyCost = number(json, "hourlyCost");
    fleet.instances = static_cast<int>(std::lround(number(json, "instances")));
    fleet.cpuUtilisation = number(json, "cpuUtilisation");
    fleet.memoryUtilisation = number(json, "memoryUtilisation");
    fleet.strandedCpuUnits = number(json, "strandedCpuUnits");
    fleet.strandedMemoryMb = number(json, "strandedMemoryMb");
    const auto runs = json.is_object() ? json.find("runs") : json.end();
    if (json.is_object() && runs != json.end() && runs->is_array()) {
        for (const auto &r : *runs) {
            PackingSeries::Run run;
            run.type = text(r, "type");
            run.instances = static_cast<int>(std::lround(number(r, "instances")));
            run.tasks = numbers(r, "tasks");
            run.tasks.resize(groups, 0.0);
            run.cpuUsed = number(r, "cpuUsed");
            run.memoryUsed = number(r, "memoryUsed");
            run.cpuOffered = number(r, "cpuOffered");
            run.memoryOffered = number(r, "memoryOffered");
            run.hourlyPrice = number(r, "hourlyPrice");
            const auto burst = r.is_object() ? r.find("burstable") : r.end();
            run.burstable = r.is_object() && burst != r.end() && burst->is_boolean() && burst->get<bool>();
            if (run.instances > 0)
                fleet.runs.push_back(std::move(run));
        }
    }
    return fleet;
}

/**
 * Per-task demand of each group from the runs: the least-squares solution of
 * tasks x demand = used over every run. Falls back to one demand shared by all tasks when the
 * runs cannot tell the groups apart (or the solution has a negative demand).
 */
std::vector<double> estimateDemand(const std::vector<const PackingSeries::Run *> &runs, std::size_t groups,
                                   double PackingSeries::Run::*used)
{
    std::vector<double> out(groups, 0.0);
    if (groups == 0 || runs.empty())
        return out;
    double usedSum = 0, taskSum = 0;
    for (const auto *run : runs) {
        usedSum += run->*used;
        for (double t : run->tasks)
            taskSum += t;
    }
    const double shared = taskSum > 0 ? usedSum / taskSum : 0;
    // Normal equations (A^T A) x = A^T b, solved with partial pivoting.
    std::vector<std::vector<double>> m(groups, std::vector<double>(groups + 1, 0.0));
    for (const auto *run : runs) {
        for (std::size_t i = 0; i < groups; ++i) {
            for (std::size_t j = 0; j < groups; ++j)
                m[i][j] += run->tasks[i] * run->tasks[j];
            m[i][groups] += run->tasks[i] * (run->*used);
        }
    }
    bool solved = true;
    for (std::size_t c = 0; c < groups && solved; ++c) {
        std::size_t pivot = c;
        for (std::size_t r = c + 1; r < groups; ++r)
            if (std::abs(m[r][c]) > std::abs(m[pivot][c]))
                pivot = r;
        if (std::abs(m[pivot][c]) < 1e-9) {
            solved = false;
            break;
        }
        std::swap(m[c], m[pivot]);
        for (std::size_t r = 0; r < groups; ++r) {
            if (r == c)
                continue;
            const double f = m[r][c] / m[c][c];
            for (std::size_t k = c; k <= groups; ++k)
                m[r][k] -= f * m[c][k];
        }
    }
    if (solved) {
        for (std::size_t g = 0; g < groups; ++g) {
            out[g] = m[g][groups] / m[g][g];
            if (!(out[g] >= -1e-6 * std::max(1.0, shared)))
                solved = false;
            out[g] = std::max(0.0, out[g]);
        }
    }
    if (!solved)
        std::fill(out.begin(), out.end(), shared);
    return out;
}

} // namespace

std::vector<PackingSeries> packingSeries(const Evaluation &evaluation)
{
    std::vector<PackingSeries> out;
    for (const OptionResult &o : evaluation.options) {
        if (o.platform != Platform::EcsEc2 || !o.details.is_object())
            continue;
        const auto packing = o.details.find("packing");
        if (packing == o.details.end() || !packing->is_object())
            continue;
        const nlohmann::ordered_json &p = *packing;
        PackingSeries s;
        s.id = o.id;
        s.feasible = o.feasible;
        s.currency = evaluation.prices.currency;
        s.hoursPerMonth = evaluation.hoursPerMonth;
        s.hour = static_cast<int>(std::lround(number(p, "hour")));
        s.slotCount = static_cast<int>(o.ownPlan ? o.fleet.hourly.size() : evaluation.ratePerSecond.size());
        if (const auto groups = p.find("groups"); groups != p.end() && groups->is_array()) {
            for (const auto &g : *groups)
                s.groups.push_back(g.is_string() ? g.get<std::string>() : std::string());
        }
        s.optimised = readFleet(p.contains("optimised") ? p["optimised"] : nlohmann::ordered_json(), s.groups.size());
        s.scheduler = readFleet(p.contains("scheduler") ? p["scheduler"] : nlohmann::ordered_json(), s.groups.size());
        s.hasScheduler = p.contains("scheduler") && p["scheduler"].is_object();
        s.savingsHourly = s.hasScheduler ? number(p, "savingsHourly", s.scheduler.hourlyCost - s.optimised.hourlyCost) : 0.0;
        s.lowerBoundHourly = number(p, "lowerBoundHourly", -1);

        std::vector<const PackingSeries::Run *> runs;
        for (const auto *fleet : {&s.optimised, &s.scheduler})
            for (const auto &run : fleet->runs)
                runs.push_back(&run);
        s.taskCpuUnits = numbers(p, "taskCpuUnits");
        if (s.taskCpuUnits.size() != s.groups.size())
            s.taskCpuUnits = estimateDemand(runs, s.groups.size(), &PackingSeries::Run::cpuUsed);
        s.taskMemoryMb = numbers(p, "taskMemoryMb");
        if (s.taskMemoryMb.size() != s.groups.size())
            s.taskMemoryMb = estimateDemand(runs, s.groups.size(), &PackingSeries::Run::memoryUsed);
        out.push_back(std::move(s));
    }
    return out;
}

SpikeSeries spikeSeries(const Evaluation &evaluation)
{
    SpikeSeries s;
    s.currency = evaluation.prices.currency;
    for (const auto &o : evaluation.options) {
        if (!o.scaling)
            continue;
        const ScalingResult &r = *o.scaling;
        SpikeSeries::Line line;
        line.id = o.id;
        line.platform = platformTitle(o.platform);
        line.feasible = o.feasible;
        line.startSeconds = r.startSeconds;
        line.stepSeconds = r.stepSeconds;
        line.demandPerSecond = r.demandPerSecond;
        line.capacityPerSecond = r.capacityPerSecond;
        line.backlog = r.backlog;
        line.secondsToMeetDemand = r.secondsToMeetDemand;
        line.requestsDelayed = r.requestsDelayed;
        line.requestsRejected = r.requestsRejected;
        line.peakBacklog = r.peakBacklog;
        line.maxDelaySeconds = r.maxDelaySeconds;
        line.warmMinimum = r.warmMinimum;
        line.warmUnit = r.warmUnit;
        line.warmExtraMonthlyCost = r.warmExtraMonthlyCost;
        line.notes = r.notes;
        s.lines.push_back(std::move(line));
    }
    return s;
}

} // namespace Costscape::Models
