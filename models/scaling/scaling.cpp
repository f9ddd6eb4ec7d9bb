// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scaling/scaling.h"

#include "models/platforms/fleet.h"
#include "models/scaling/scalingsources.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace Costscape::Models {

namespace {

constexpr double WindowBeforeSeconds = 30;
constexpr double TailSeconds = 60;
constexpr std::size_t MaxSteps = 7200; // 2 hours at 1 s: keeps one evaluation in milliseconds
/// Less than half a request delayed or rejected counts as none: the fluid model has no
/// whole requests, and rounding noise must not decide the warm minimum.
constexpr double RequestTolerance = 0.5;

double valueOf(const std::vector<ScalingAssumption> &list, const char *key, double fallback)
{
    for (const ScalingAssumption &a : list)
        if (a.key == key)
            return a.value;
    return fallback;
}

/** The platform's figures, read once from the assumption list. */
struct Figures {
    double metricPeriod = 60;
    double datapoints = 3;
    double launch = 30;        ///< EC2, ECS: instance launch to ready
    double warmup = 0;         ///< EC2: application warm-up
    double health = 30;        ///< load balancer health check
    double maxStep = 0;        ///< units per scale-out, 0 = no limit
    double taskStart = 30;     ///< ECS, Fargate
    double clusterDelay = 60;  ///< ECS capacity provider alarm
    double burst = 100;        ///< Fargate launch tokens; Lambda environments per 10 s
    double refill = 20;        ///< per second
    double coldStart = 1;      ///< Lambda, seconds
    double accountLimit = 1000;
    double instanceWarmup = 0;    ///< ECS capacity provider: a new scale-out waits this long after the last
    double targetCapacity = 1;    ///< ECS capacity provider: share of the cluster's room tasks may fill
    double maxInstancesPerStep = 0; ///< ECS capacity provider: instances per scale-out, 0 = no limit
    double doubling = 300;          ///< Lambda Managed Instances: seconds to double capacity

    Figures(ScalingKind kind, const std::vector<ScalingAssumption> &a)
    {
        metricPeriod = std::max(1.0, std::round(valueOf(a, "metricPeriodSeconds", 60)));
        datapoints = std::max(1.0, std::round(valueOf(a, "alarmDatapoints", 3)));
        launch = valueOf(a, "instanceLaunchSeconds", 30);
        warmup = valueOf(a, "appWarmupSeconds", kind == ScalingKind::Instances ? 30 : 0);
        health = valueOf(a, "healthCheckSeconds", 30);
        maxStep = valueOf(a, "maxUnitsPerStep", 0);
        taskStart = valueOf(a, "taskStartSeconds", kind == ScalingKind::ClusterTasks ? 20 : 30);
        clusterDelay = valueOf(a, "clusterScaleOutSeconds", 60);
        if (kind == ScalingKind::Environments) {
            burst = valueOf(a, "environmentsPer10Seconds", 1000);
            refill = burst / 10.0;
        } else {
            burst = valueOf(a, "launchBurstTasks", 100);
            refill = valueOf(a, "launchTasksPerSecond", 20);
        }
        coldStart = valueOf(a, "coldStartMs", 1000) / 1000.0;
        accountLimit = valueOf(a, "accountConcurrency", 1000);
        instanceWarmup = valueOf(a, "instanceWarmupSeconds", 0);
        targetCapacity = std::clamp(valueOf(a, "targetCapacityPercent", 100) / 100.0, 0.01, 1.0);
        maxInstancesPerStep = valueOf(a, "maximumScalingStepSize", 0);
        doubling = std::max(1.0, valueOf(a, "doublingSeconds", 300));
    }
};

/** Units that become ready part-way through a step count for the part of it they are ready. */
class ReadySchedule
{
public:
    // Sized for the usual window and grown on demand up to maxSteps: most runs end long before
    // the 2-hour cap, and the warm-minimum search makes several.
    ReadySchedule(std::size_t expectedSteps, std::size_t maxSteps, double startSeconds)
        : m_delta(std::min(expectedSteps, maxSteps) + 2, 0.0), m_max(maxSteps + 2), m_start(startSeconds)
    {
    }

    void add(double readyAtSeconds, double count)
    {
        if (count <= 0)
            return;
        const double pos = readyAtSeconds - m_start;
        if (pos <= 0) {
            m_delta[0] += count;
            return;
        }
        const double whole = std::floor(pos);
        if (whole >= static_cast<double>(m_max - 1))
            return;
        const auto idx = static_cast<std::size_t>(whole);
        if (idx + 2 > m_delta.size())
            m_delta.resize(std::min(m_max, std::max(idx + 2, m_delta.size() * 2)), 0.0);
        const double frac = pos - whole;
        m_delta[idx] += count * (1 - frac);
        m_delta[idx + 1] += count * frac;
    }
    /** Effective ready units in step i; call with i = 0, 1, 2, ... in order. */
    double next(std::size_t i)
    {
        if (i < m_delta.size())
            m_running += m_delta[i];
        return m_running;
    }

private:
    std::vector<double> m_delta;
    std::size_t m_max;
    double m_start;
    double m_running = 0;
};

/** What one run of the window gives, before the warm-minimum search. */
struct Run {
    double delayed = 0;
    double rejected = 0;
    double peakBacklog = 0;
    double maxDelay = 0;
    double secondsToMeet = 0;
    double unitsBefore = 0;
    double coldStarts = 0;   ///< requests that waited for a new environment (Lambda)
    bool truncated = false;
    bool failedEarly = false; ///< stopped as soon as the objective was missed (warm-minimum search)
    std::vector<double> demand, capacity, backlog;
};

double demandAt(const Spike &s, double t)
{
    if (t < 0)
        return s.fromPerSecond;
    if (t < s.rampSeconds)
        return s.fromPerSecond + (s.toPerSecond - s.fromPerSecond) * (t / s.rampSeconds);
    if (t < s.rampSeconds + s.holdSeconds)
        return s.toPerSecond;
    return s.fromPerSecond;
}

/** Requests served later than the objective and the longest wait, from cumulative arrivals and departures. */
void measureDelays(const std::vector<double> &A, const std::vector<double> &D, double objective, Run &run)
{
    const std::size_t n = A.size() - 1; // steps
    auto served = [&](std::size_t j) { return D[j + 1] - D[j]; };
    // D at a time in steps from the window start; flat after the window (the rest is never served in it).
    auto departuresAt = [&](double tau) {
        if (tau >= static_cast<double>(n))
            return D[n];
        const double whole = std::floor(tau);
        const auto j = static_cast<std::size_t>(whole);
        return D[j] + served(j) * (tau - whole);
    };
    // The part of [u0, u1] of arrival step i whose requests are still waiting at arrival + objective.
    auto lateShare = [&](std::size_t i, double u0, double u1) {
        if (u1 <= u0)
            return 0.0;
        const double a = A[i + 1] - A[i];
        const double g0 = A[i] + a * u0 - departuresAt(static_cast<double>(i) + u0 + objective);
        const double g1 = A[i] + a * u1 - departuresAt(static_cast<double>(i) + u1 + objective);
        const double tol = 1e-9 * std::max(1.0, A[i + 1]);
        if (g0 <= tol && g1 <= tol)
            return 0.0;
        if (g0 > tol && g1 > tol)
            return u1 - u0;
        // One root in between: g is linear on the segment.
        const double root = u0 + (u1 - u0) * (g0 - tol) / (g0 - g1);
        return g0 > tol ? root - u0 : u1 - root;
    };
    double late = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = A[i + 1] - A[i];
        if (a <= 0)
            continue;
        // Within one arrival step the deadline crosses at most one step boundary of D.
        const double base = static_cast<double>(i) + objective;
        const double split = 1 - (base - std::floor(base));
        late += a * (lateShare(i, 0, std::min(1.0, split)) + lateShare(i, std::min(1.0, split), 1));
    }
    run.delayed = late;

    // The longest wait is at a corner of either staircase: the last request of an arrival step,
    // or the last request of a departure step.
    double maxDelay = 0;
    std::size_t j = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = A[i + 1];
        if (A[i + 1] - A[i] <= 0)
            continue;
        while (j < n && D[j + 1] < x - 1e-9 * std::max(1.0, x))
            ++j;
        double depart;
        if (j >= n)
            depart = static_cast<double>(n); // still waiting at the end of the window
        else
            depart = static_cast<double>(j) + (served(j) > 0 ? std::clamp((x - D[j]) / served(j), 0.0, 1.0) : 1.0);
        maxDelay = std::max(maxDelay, depart - static_cast<double>(i + 1));
    }
    std::size_t i = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const double x = D[k + 1];
        if (served(k) <= 0)
            continue;
        while (i < n && A[i + 1] < x - 1e-9 * std::max(1.0, x))
            ++i;
        if (i >= n)
            break;
        const double a = A[i + 1] - A[i];
        const double arrive = static_cast<double>(i) + (a > 0 ? std::clamp((x - A[i]) / a, 0.0, 1.0) : 1.0);
        maxDelay = std::max(maxDelay, static_cast<double>(k + 1) - arrive);
    }
    run.maxDelay = std::max(0.0, maxDelay);
}

/** One pass through the window with `warm` units (instances, tasks, provisioned environments) as the floor. */
Run simulate(const SpikeInput &in, const Figures &f, double warm, bool keepSeries, bool stopWhenLate = false)
{
    Run run;
    const Spike &s = in.spike;
    const double durationS = in.durationMs / 1000.0;
    const double unitRate = in.unitRequestsPerSecond > 0 ? in.unitRequestsPerSecond : in.unitConcurrency / durationS;
    const double objective = std::max(0.0, s.objectiveMs / 1000.0);
    const bool reject = s.excess == Spike::Excess::Reject;
    const bool lambda = in.kind == ScalingKind::Environments;
    const double tu = lambda ? 1.0 : std::clamp(in.targetUtilization, 1e-6, 1.0);

    const double spikeEnd = s.rampSeconds + s.holdSeconds;
    const double start = -WindowBeforeSeconds;
    const auto minSteps = static_cast<std::size_t>(std::ceil(spikeEnd + TailSeconds - start));
    // Room for the backlog to clear after the spike, within the 2-hour cap; the loop stops
    // as soon as it has.
    const std::size_t maxSteps = MaxSteps;
    run.truncated = minSteps > MaxSteps;

    // The fleet when the spike starts: what the floor and the traffic before it call for.
    double units;
    if (lambda)
        units = std::min(f.accountLimit, std::max(warm, ceilTolerant(s.fromPerSecond / unitRate)));
    else if (in.autoscaled)
        units = std::max(warm, ceilTolerant(s.fromPerSecond / (unitRate * tu)));
    else
        units = warm;
    run.unitsBefore = units;

    const std::size_t expectedSteps = minSteps + 600;
    ReadySchedule ready(expectedSteps, maxSteps, start);
    ready.add(start, units);
    double desired = units; // units ready or on their way

    // Lambda and Fargate launch through token buckets; both start full.
    double tokens = f.burst;
    double waitingForToken = 0;

    // ECS on EC2: tasks first take free room on running instances, then on instances being
    // launched, then new instances are launched for the rest.
    struct Batch {
        double readyAt;
        double freeSlots;
    };
    std::vector<Batch> batches;
    const double tpi = in.tasksPerInstance;
    double nextClusterScaleOut = -std::numeric_limits<double>::infinity();
    if (in.kind == ScalingKind::ClusterTasks && tpi > 0) {
        // A target capacity below 100% keeps that share of the cluster's room free before the spike.
        const double instances = std::max(in.instancesBefore, ceilTolerant(units / tpi / f.targetCapacity));
        batches.push_back({-std::numeric_limits<double>::infinity(), instances * tpi - units});
    }
    auto placeEcsTasks = [&](double t, double count) {
        if (tpi <= 0) {
            ready.add(t + f.taskStart + f.health, count);
            return;
        }
        for (Batch &b : batches) {
            const double take = std::min(count, b.freeSlots);
            if (take <= 0)
                continue;
            ready.add(std::max(t, b.readyAt) + f.taskStart + f.health, take);
            b.freeSlots -= take;
            count -= take;
        }
        // The rest waits for new instances: the capacity provider's alarm, then a scale-out that
        // may not start while earlier instances are in their warm-up, of at most the step size.
        while (count > 0) {
            double instances = ceilTolerant(count / tpi);
            if (f.maxInstancesPerStep > 0)
                instances = std::min(instances, f.maxInstancesPerStep);
            const double launchAt = std::max(t + f.clusterDelay, nextClusterScaleOut);
            nextClusterScaleOut = launchAt + f.instanceWarmup;
            const double at = launchAt + f.launch;
            const double tasks = std::min(count, instances * tpi);
            ready.add(at + f.taskStart + f.health, tasks);
            batches.push_back({at, instances * tpi - tasks});
            count -= tasks;
        }
    };
    auto launch = [&](double t, double count) {
        switch (in.kind) {
        case ScalingKind::Instances: ready.add(t + f.launch + f.warmup + f.health, count); break;
        case ScalingKind::ClusterTasks: placeEcsTasks(t, count); break;
        case ScalingKind::Tasks: waitingForToken += count; break;
        case ScalingKind::DoublingCapacity: ready.add(t, count); break;
        case ScalingKind::Environments:
            // The request that asks for a new environment waits for its cold start and is then
            // served by it: a cold start is latency, not missing capacity.
            ready.add(t, count);
            run.coldStarts += count;
            break;
        }
    };

    std::vector<double> A{0}, D{0};
    A.reserve(std::min(expectedSteps, maxSteps) + 1);
    D.reserve(std::min(expectedSteps, maxSteps) + 1);
    std::vector<double> demandHistory; // per step, for the metric's averages
    demandHistory.reserve(std::min(expectedSteps, maxSteps));
    double backlog = 0;
    int breaching = 0;
    double lastShort = -1; // seconds from spike start of the last step short of capacity
    bool shortAtEnd = false;
    if (keepSeries) {
        run.demand.reserve(std::min(expectedSteps, maxSteps));
        run.capacity.reserve(std::min(expectedSteps, maxSteps));
        run.backlog.reserve(std::min(expectedSteps, maxSteps));
    }

    for (std::size_t i = 0; i < maxSteps; ++i) {
        const double t = start + static_cast<double>(i);
        const double d = demandAt(s, t);
        demandHistory.push_back(d);

        if (lambda) {
            // Every request without a free environment asks for one; the scaling rate and the
            // account's concurrency cap how many Lambda creates.
            if (i > 0)
                tokens = std::min(f.burst, tokens + f.refill);
            const double want = std::min(f.accountLimit, std::max(warm, ceilTolerant((d + backlog) / unitRate)));
            const double add = std::floor(std::min(want - desired, tokens) + 1e-9);
            if (add > 0) {
                tokens -= add;
                desired += add;
                launch(t, add);
            }
        } else if (in.kind == ScalingKind::DoublingCapacity) {
            // Capacity follows the demand at the target utilisation, but grows by at most doubling
            // every `doubling` seconds; beyond that, requests are throttled (or wait).
            double want = std::max(warm, ceilTolerant((d + backlog) / (unitRate * tu)));
            if (in.maxUnits > 0)
                want = std::min(want, in.maxUnits);
            const double reachable = desired * std::pow(2.0, 1.0 / f.doubling);
            const double add = std::min(want, reachable) - desired;
            if (add > 1e-9) {
                desired += add;
                launch(t, add);
            }
        } else if (in.autoscaled && t > 0 && static_cast<long long>(t) % static_cast<long long>(f.metricPeriod) == 0) {
            // A datapoint: the mean arrival rate of the period just ended (request count per
            // target counts arrivals, so a queue does not hide the load).
            const auto p = static_cast<std::size_t>(f.metricPeriod);
            double sum = 0;
            for (std::size_t k = 0; k < p; ++k)
                sum += i >= k + 1 ? demandHistory[i - k - 1] : s.fromPerSecond;
            const double datapoint = sum / f.metricPeriod;
            breaching = datapoint > tu * desired * unitRate * (1 + 1e-9) ? breaching + 1 : 0;
            if (breaching >= static_cast<int>(f.datapoints)) {
                // The alarm stays in ALARM and invokes the policy every period while it does.
                double add = ceilTolerant(datapoint / (tu * unitRate)) - desired;
                if (f.maxStep > 0)
                    add = std::min(add, f.maxStep);
                if (add > 0) {
                    desired += add;
                    launch(t, add);
                }
            }
        }
        if (in.kind == ScalingKind::Tasks) {
            if (i > 0)
                tokens = std::min(f.burst, tokens + f.refill);
            const double go = std::floor(std::min(waitingForToken, tokens) + 1e-9);
            if (go > 0) {
                tokens -= go;
                waitingForToken -= go;
                ready.add(t + f.taskStart + f.health, go);
            }
        }

        const double capacity = ready.next(i) * unitRate;
        double arrivals = d;
        const double available = backlog + arrivals;
        const double served = std::min(available, capacity);
        backlog = available - served;
        if (reject) {
            // Those that could not be served within the objective are turned away at once.
            const double keep = capacity * objective;
            if (backlog > keep) {
                const double turnedAway = std::min(backlog - keep, arrivals);
                run.rejected += turnedAway;
                arrivals -= turnedAway;
                backlog -= turnedAway;

            }
        }
        run.peakBacklog = std::max(run.peakBacklog, backlog);
        A.push_back(A.back() + arrivals);
        D.push_back(D.back() + served);
        if (keepSeries) {
            run.demand.push_back(d);
            run.capacity.push_back(capacity);
            run.backlog.push_back(backlog);
        }
        if (t >= 0 && t < spikeEnd) {
            const bool isShort = capacity < d * (1 - 1e-9) - 1e-9;
            if (isShort)
                lastShort = t;
            shortAtEnd = isShort;
        }
        if (t + 1 >= spikeEnd + TailSeconds && backlog <= 1e-9)
            break;
        // The warm-minimum search only needs to know that a run fails: requests that arrived
        // more than the objective (rounded up) plus a step ago and are still waiting are late.
        if (stopWhenLate) {
            const std::size_t lag = static_cast<std::size_t>(std::ceil(objective)) + 1;
            const bool late = i + 1 >= lag && D.back() < A[i + 1 - lag] - RequestTolerance;
            if (late || run.rejected >= RequestTolerance) {
                run.failedEarly = true;
                return run;
            }
        }
    }

    // Meets demand: from when on the ready capacity serves the arrivals for the rest of the spike,
    // the same for every platform. A Lambda environment counts from the moment it is asked for:
    // the request that asked waits its cold start (counted apart), the capacity is there.
    if (lastShort < 0)
        run.secondsToMeet = 0;
    else if (shortAtEnd)
        run.secondsToMeet = -1;
    else
        run.secondsToMeet = lastShort + 1;
    measureDelays(A, D, objective, run);
    if (run.coldStarts > 0) {
        // One request per new environment waits its whole cold start; later ones find it warm.
        run.maxDelay = std::max(run.maxDelay, f.coldStart);
        if (f.coldStart > objective + 1e-9)
            run.delayed += run.coldStarts;
    }
    return run;
}

bool withinObjective(const Run &r)
{
    return !r.failedEarly && r.delayed < RequestTolerance && r.rejected < RequestTolerance;
}

std::string number(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

} // namespace

std::vector<ScalingAssumption> resolveScalingAssumptions(std::vector<ScalingAssumption> list,
                                                         const std::map<std::string, double> &overrides)
{
    for (ScalingAssumption &a : list) {
        const auto it = overrides.find(a.key);
        if (it != overrides.end()) {
            a.value = it->second;
            a.overridden = true;
        }
    }
    return list;
}

ScalingResult simulateSpike(const SpikeInput &input)
{
    ScalingResult out;
    out.assumptions = input.assumptions;
    out.startSeconds = -WindowBeforeSeconds;
    out.warmUnit = input.warmUnit;
    out.notes = input.notes;
    const Figures f(input.kind, out.assumptions);
    const bool lambda = input.kind == ScalingKind::Environments;

    if (!(input.durationMs > 0) || !(input.unitConcurrency > 0 || input.unitRequestsPerSecond > 0)) {
        out.notes.push_back("a request takes no time or a unit serves nothing, so there is no capacity to simulate");
        out.warmMinimum = -1;
        return out;
    }

    const Run run = simulate(input, f, input.minUnits, true);
    out.secondsToMeetDemand = run.secondsToMeet;
    out.requestsDelayed = run.delayed;
    out.requestsRejected = run.rejected;
    out.peakBacklog = run.peakBacklog;
    out.coldStarts = run.coldStarts;
    out.coldStartSeconds = run.coldStarts > 0 ? f.coldStart : 0;
    out.maxDelaySeconds = run.maxDelay;
    out.warmUnitsBefore = run.unitsBefore;
    out.demandPerSecond = run.demand;
    out.capacityPerSecond = run.capacity;
    out.backlog = run.backlog;
    if (run.truncated)
        out.notes.push_back("the spike is longer than the 2-hour window simulated; figures cover its first "
                            + number(static_cast<double>(MaxSteps) - WindowBeforeSeconds) + " s");

    // The warm minimum: the smallest floor with nothing delayed beyond the objective or turned
    // away. Enough units for the peak at 100% always does, unless a cap (Lambda's account
    // concurrency) stands in the way. Between the two, bisect.
    const double durationS = input.durationMs / 1000.0;
    const double unitRate
        = input.unitRequestsPerSecond > 0 ? input.unitRequestsPerSecond : input.unitConcurrency / durationS;
    const double peak = std::max(input.spike.fromPerSecond, input.spike.toPerSecond);
    double lo = input.minUnits;
    double hi = std::max(lo, ceilTolerant(peak / unitRate));
    if (lambda && hi > f.accountLimit)
        hi = f.accountLimit;
    if (withinObjective(run)) {
        out.warmMinimum = lo;
    } else if (!withinObjective(simulate(input, f, hi, false, true))) {
        out.warmMinimum = -1;
        out.notes.push_back(lambda ? "no provisioned concurrency within the account concurrency limit keeps the spike "
                                     "within the objective"
                                   : "no warm fleet keeps the spike within the objective");
    } else {
        while (hi - lo > 1) {
            const double mid = std::floor((lo + hi) / 2);
            if (withinObjective(simulate(input, f, mid, false, true)))
                hi = mid;
            else
                lo = mid;
        }
        out.warmMinimum = hi;
    }
    if (out.warmMinimum > 0) {
        double extra = 0;
        for (std::size_t i = 0; i < input.unitsPerSlot.size() && i < input.slotWeight.size(); ++i)
            extra += std::max(0.0, out.warmMinimum - input.unitsPerSlot[i]) * input.slotWeight[i];
        out.warmExtraMonthlyCost = extra * input.unitHourPrice;
    }
    if (lambda && input.spike.excess == Spike::Excess::Queue && (run.delayed > 0 || run.rejected > 0))
        out.notes.push_back("Lambda throttles synchronous requests it has no environment for (HTTP 429); "
                            "\"queue\" stands for asynchronous invocations or clients that retry");
    return out;
}

} // namespace Costscape::Models
