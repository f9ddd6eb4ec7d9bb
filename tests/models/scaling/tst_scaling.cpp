// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/evaluatetext.h"
#include "output/resultformat.h"
#include "models/platforms/platformmodel.h"
#include "models/scaling/scaling.h"
#include "models/scenario/scenarioreader.h"

#include <QTest>

#include <set>

using namespace Costscape;
using namespace Costscape::Models;

Q_DECLARE_METATYPE(Costscape::Models::Platform)

/**
 * The scaling-latency model against cases worked by hand (the working is in each row's comment),
 * the spike's new fields in the scenario reader and writer, and the evaluator's wiring.
 */
class TestScaling : public QObject
{
    Q_OBJECT

private slots:
    void handWorkedSpikes_data();
    void handWorkedSpikes();
    void lambdaRamp_limitedByScalingRate();
    void warmMinimum_pricesTheExtraUnitHours();
    void fargate_launchesABurstThenASustainedRate();
    void ecs_fillsSpareRoomBeforeLaunchingInstances();
    void ecs_warmupBlocksTheNextScaleOut();
    void lambdaManaged_doublesEveryFiveMinutes();
    void lambda_meetsDemandAtOnce_coldStartsCounted();
    void defaults_haveASourceAndUniqueKeys_data();
    void defaults_haveASourceAndUniqueKeys();
    void reader_readsObjectiveExcessAndOverrides();
    void reader_defaultsAndSaveRoundTrip();
    void reader_badValues_nameFileLineColumn_data();
    void reader_badValues_nameFileLineColumn();
    void evaluator_simulatesEveryFeasibleOptionOfTheSample();
    void evaluator_noSpike_noScaling();
};

namespace {

/** "key=value;key=value" as overrides of a platform's defaults. */
std::map<std::string, double> overridesFrom(const QString &text)
{
    std::map<std::string, double> overrides;
    for (const QString &pair : text.split(u';', Qt::SkipEmptyParts)) {
        const QStringList kv = pair.split(u'=');
        overrides[kv[0].trimmed().toStdString()] = kv[1].toDouble();
    }
    return overrides;
}

/** The spike input of a platform (its kind, warm unit and assumptions) with the overrides. */
SpikeInput inputFor(Platform platform, const QString &overrides = {})
{
    return platformModel(platform).emptySpikeInput(overridesFrom(overrides));
}

std::vector<ScalingAssumption> assumptionsFrom(Platform platform, const QString &text)
{
    return inputFor(platform, text).assumptions;
}

} // namespace

void TestScaling::handWorkedSpikes_data()
{
    QTest::addColumn<Platform>("platform");
    QTest::addColumn<double>("durationMs");
    QTest::addColumn<double>("unitConcurrency");
    QTest::addColumn<double>("targetUtilization");
    QTest::addColumn<double>("minUnits");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<double>("hold");
    QTest::addColumn<double>("objectiveMs");
    QTest::addColumn<bool>("reject");
    QTest::addColumn<QString>("overrides");
    QTest::addColumn<double>("secondsToMeet");
    QTest::addColumn<double>("delayed");
    QTest::addColumn<double>("rejected");
    QTest::addColumn<double>("peakBacklog");
    QTest::addColumn<double>("maxDelay");
    QTest::addColumn<double>("warmMinimum");

    // A unit serves 10 requests/s (10 at once, 1 s each); 1 unit carries the 10 req/s before
    // the spike. The step to 50 req/s is seen by the first datapoint (t = 60 s, 1 of 1), which
    // asks for ceil(50 / 10) = 5 units; the 4 new ones are ready 100 s later, at 160 s.
    // Backlog: 40 req/s short for 160 s = 6400, held while 50 in = 50 out, drained at 40/s
    // after the hold (600 s): empty at 760 s. FIFO with D(t) = 10 t, A(s) = 50 s: a request of
    // time s < 32 leaves at 5 s (waits 4 s), later ones wait 128 s until the hold ends, then
    // 128 - 0.8 (s - 600). Waits beyond 1 s: from s = 0.25 to s = 758.75:
    // A(758.75) - A(0.25) = 30000 + 10 x 158.75 - 12.5 = 31575. 5 units warm need no scaling.
    QTest::newRow("ec2-step-against-fixed-launch-delay")
        << Platform::Ec2 << 1000.0 << 10.0 << 1.0 << 1.0 << 10.0 << 50.0 << 600.0 << 1000.0 << false
        << u"alarmDatapoints=1;instanceLaunchSeconds=100;appWarmupSeconds=0;healthCheckSeconds=0"_qs << 160.0
        << 31575.0 << 0.0 << 6400.0 << 128.0 << 5.0;
    // The same with excess rejected: the queue keeps one objective's worth (capacity 10/s x 1 s
    // = 10 requests, so 10 wait at most, for 1 s) and turns away the rest: 40 a second for
    // 160 s, less those 10 kept.
    QTest::newRow("ec2-step-rejects-what-cannot-wait")
        << Platform::Ec2 << 1000.0 << 10.0 << 1.0 << 1.0 << 10.0 << 50.0 << 600.0 << 1000.0 << true
        << u"alarmDatapoints=1;instanceLaunchSeconds=100;appWarmupSeconds=0;healthCheckSeconds=0"_qs << 160.0
        << 0.0 << 6390.0 << 10.0 << 1.0 << 5.0;
    // Lambda, 1 s per request, a step from 0 to 3000 req/s, no cold start: 1,000 environments
    // at once, then the bucket refills 100 a second (1,000 per 10 s, continuously), so
    // 1000 + 100 k >= 3000 first at k = 20. Short by 2000 - 100 k in second k: sum over
    // k = 0..19 = 40000 - 19000 = 21000 waiting at most. The environments keep coming while
    // requests wait, so D(t) = 1000 t + 50 t (t - 1) against A(s) = 3000 s; the wait of the
    // request leaving at t is t - D(t) / 3000 = 2050 t / 3000 - t^2 / 60, largest at t = 20
    // and 21: 7 s. An objective of 60 s keeps them all within it, so no provisioned
    // environment is needed: the warm minimum is the floor, 0.
    QTest::newRow("lambda-step-limited-by-1000-per-10s")
        << Platform::Lambda << 1000.0 << 1.0 << 1.0 << 0.0 << 0.0 << 3000.0 << 60.0 << 60000.0 << false
        << u"coldStartMs=0;accountConcurrency=10000"_qs << 20.0 << 0.0 << 0.0 << 21000.0 << 7.0 << 0.0;
    // The account's 1,000 concurrent executions cap a spike to 1500 req/s of 1 s requests:
    // 500 a second over the cap for the 60 s hold, all turned away (objective 0: no waiting),
    // and no provisioned concurrency can help: it counts against the same limit.
    QTest::newRow("lambda-account-limit-caps-concurrency")
        << Platform::Lambda << 1000.0 << 1.0 << 1.0 << 0.0 << 0.0 << 1500.0 << 60.0 << 0.0 << true
        << u"coldStartMs=0;environmentsPer10Seconds=10000"_qs << -1.0 << 0.0 << 30000.0 << 0.0 << 0.0 << -1.0;
    // 200 provisioned environments of 100 ms requests serve 2000 req/s: the spike from 100 to
    // 2000 finds them all warm. With 199, 10 req/s would wait for a 2 s cold start: 200 is the
    // warm minimum, already there.
    QTest::newRow("lambda-provisioned-concurrency-absorbs-spike")
        << Platform::Lambda << 100.0 << 1.0 << 1.0 << 200.0 << 100.0 << 2000.0 << 600.0 << 1000.0 << false
        << u"coldStartMs=2000"_qs << 0.0 << 0.0 << 0.0 << 0.0 << 0.0 << 200.0;
    // 10 instances of 10 req/s each (100 req/s) are the floor; a spike from 20 to 90 req/s fits
    // in that headroom: nothing waits, and the floor is already the warm minimum.
    QTest::newRow("ec2-spike-within-warm-headroom")
        << Platform::Ec2 << 1000.0 << 10.0 << 0.7 << 10.0 << 20.0 << 90.0 << 600.0 << 1000.0 << false << QString()
        << 0.0 << 0.0 << 0.0 << 0.0 << 0.0 << 10.0;
}

void TestScaling::handWorkedSpikes()
{
    QFETCH(Platform, platform);
    QFETCH(double, durationMs);
    QFETCH(double, unitConcurrency);
    QFETCH(double, targetUtilization);
    QFETCH(double, minUnits);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(double, hold);
    QFETCH(double, objectiveMs);
    QFETCH(bool, reject);
    QFETCH(QString, overrides);
    QFETCH(double, secondsToMeet);
    QFETCH(double, delayed);
    QFETCH(double, rejected);
    QFETCH(double, peakBacklog);
    QFETCH(double, maxDelay);
    QFETCH(double, warmMinimum);

    SpikeInput in = inputFor(platform);
    in.spike = {from, to, 0, hold, objectiveMs, reject ? Spike::Excess::Reject : Spike::Excess::Queue};
    in.durationMs = durationMs;
    in.unitConcurrency = unitConcurrency;
    in.targetUtilization = targetUtilization;
    in.minUnits = minUnits;
    in.assumptions = assumptionsFrom(platform, overrides);
    const ScalingResult r = simulateSpike(in);

    QCOMPARE(r.secondsToMeetDemand, secondsToMeet);
    QVERIFY2(std::abs(r.requestsDelayed - delayed) < 1e-6 * std::max(1.0, delayed),
             qPrintable(QString::number(r.requestsDelayed, 'f', 3)));
    QVERIFY2(std::abs(r.requestsRejected - rejected) < 1e-6 * std::max(1.0, rejected),
             qPrintable(QString::number(r.requestsRejected, 'f', 3)));
    QVERIFY2(std::abs(r.peakBacklog - peakBacklog) < 1e-6 * std::max(1.0, peakBacklog),
             qPrintable(QString::number(r.peakBacklog, 'f', 3)));
    QVERIFY2(std::abs(r.maxDelaySeconds - maxDelay) < 1e-6 * std::max(1.0, maxDelay),
             qPrintable(QString::number(r.maxDelaySeconds, 'f', 3)));
    QCOMPARE(r.warmMinimum, warmMinimum);

    // The series: one sample a second from 30 s before the spike, demand as specified.
    QCOMPARE(r.startSeconds, -30.0);
    QVERIFY(r.demandPerSecond.size() >= static_cast<std::size_t>(30 + hold));
    QCOMPARE(r.demandPerSecond.size(), r.capacityPerSecond.size());
    QCOMPARE(r.demandPerSecond.size(), r.backlog.size());
    QCOMPARE(r.demandPerSecond[0], from);
    QCOMPARE(r.demandPerSecond[30], to);
}

void TestScaling::lambdaRamp_limitedByScalingRate()
{
    // A ramp from 0 to 20,000 req/s of 1 s requests over 10 s: demand 2000 k in second k. The
    // first 1,000 environments come at once (k = 1), then 100 a second: 900 + 100 k in second
    // k >= 1, short of 20,000 until k = 191. Waiting at most: the shortfalls 1900 k - 900 for
    // k = 1..9 (77,400) and 19100 - 100 k for k = 10..190 (1,647,100): 1,724,500.
    SpikeInput in = inputFor(Platform::Lambda);
    in.spike = {0, 20000, 10, 600, 1000, Spike::Excess::Queue};
    in.durationMs = 1000;
    in.minUnits = 0;
    in.assumptions = assumptionsFrom(Platform::Lambda, u"coldStartMs=0;accountConcurrency=100000"_qs);
    const ScalingResult r = simulateSpike(in);
    QCOMPARE(r.demandPerSecond[30 + 1], 2000.0);
    QCOMPARE(r.capacityPerSecond[30 + 1], 1000.0);
    QCOMPARE(r.capacityPerSecond[30 + 2], 1100.0);
    QCOMPARE(r.secondsToMeetDemand, 191.0);
    QCOMPARE(r.peakBacklog, 1724500.0);
}

void TestScaling::warmMinimum_pricesTheExtraUnitHours()
{
    // The step of the first row: 5 instances warm keep it within the objective. The fleet runs
    // 1 instance for 500 hours and 3 for 230 hours at $0.10 an instance-hour: raising its floor
    // to 5 adds 4 x 500 + 2 x 230 = 2460 instance-hours, $246.
    SpikeInput in = inputFor(Platform::Ec2);
    in.spike = {10, 50, 0, 600, 1000, Spike::Excess::Queue};
    in.durationMs = 1000;
    in.unitConcurrency = 10;
    in.targetUtilization = 1;
    in.minUnits = 1;
    in.unitsPerSlot = {1, 3};
    in.slotWeight = {500, 230};
    in.unitHourPrice = 0.10;
    const ScalingResult r = simulateSpike(in);
    QCOMPARE(r.warmMinimum, 5.0);
    QCOMPARE(r.warmUnit, std::string("instances"));
    QVERIFY(std::abs(r.warmExtraMonthlyCost - 246.0) < 1e-9);

    // Lambda, objective 0 (no wait at all): 500 req/s of 1 s requests need 500 environments
    // warm; 500 of 1 GB for 730 hours at $0.0000041667 per GB-second.
    SpikeInput l = inputFor(Platform::Lambda);
    l.spike = {0, 500, 0, 60, 0, Spike::Excess::Queue};
    l.durationMs = 1000;
    l.assumptions = assumptionsFrom(Platform::Lambda, u"coldStartMs=5000"_qs);
    l.unitsPerSlot = {0};
    l.slotWeight = {730};
    l.unitHourPrice = 1.0 * 3600 * 0.0000041667;
    const ScalingResult lr = simulateSpike(l);
    QCOMPARE(lr.warmMinimum, 500.0);
    QCOMPARE(lr.warmUnit, std::string("provisioned environments"));
    QVERIFY(std::abs(lr.warmExtraMonthlyCost - 500 * 730 * 3600 * 0.0000041667) < 1e-6);
}

void TestScaling::fargate_launchesABurstThenASustainedRate()
{
    // 1 task serves 1 req/s; the step from 0 to 300 req/s is seen at t = 60 s (1 datapoint),
    // which asks for 300 tasks: 100 launch at once (the burst), then 20 a second, so the last
    // of the 200 others at t = 70 s; each runs 0 s later (overridden), so 300 tasks from 70 s.
    SpikeInput in = inputFor(Platform::Fargate);
    in.spike = {0, 300, 0, 600, 1000, Spike::Excess::Queue};
    in.durationMs = 1000;
    in.unitConcurrency = 1;
    in.targetUtilization = 1;
    in.minUnits = 0;
    in.assumptions = assumptionsFrom(Platform::Fargate, u"alarmDatapoints=1;taskStartSeconds=0;healthCheckSeconds=0"_qs);
    const ScalingResult r = simulateSpike(in);
    QCOMPARE(r.secondsToMeetDemand, 70.0);
    // At t = 60: 100 tasks; at 61..70: 120, 140, ..., 300 (sample i is t = i - 30).
    QCOMPARE(r.capacityPerSecond[30 + 59], 0.0);
    QCOMPARE(r.capacityPerSecond[30 + 60], 100.0);
    QCOMPARE(r.capacityPerSecond[30 + 61], 120.0);
    QCOMPARE(r.capacityPerSecond[30 + 70], 300.0);
}

void TestScaling::ecs_fillsSpareRoomBeforeLaunchingInstances()
{
    // Instances hold 4 tasks of 1 req/s; 6 tasks run on 2 instances (2 spare slots). At t = 60 s
    // the policy asks for 12 tasks: 2 start in the spare room (ready after 20 s task start, at
    // 80 s), 4 more wait for 1 new instance: 60 s for the cluster alarm, 30 s launch, 20 s task
    // start: 170 s. With the load balancer check at 0 s.
    SpikeInput in = inputFor(Platform::EcsEc2);
    in.spike = {6, 12, 0, 600, 1000, Spike::Excess::Queue};
    in.durationMs = 1000;
    in.unitConcurrency = 1;
    in.targetUtilization = 1;
    in.minUnits = 6;
    in.tasksPerInstance = 4;
    in.assumptions = assumptionsFrom(Platform::EcsEc2, u"alarmDatapoints=1;healthCheckSeconds=0"_qs);
    const ScalingResult r = simulateSpike(in);
    QCOMPARE(r.capacityPerSecond[30 + 79], 6.0);
    QCOMPARE(r.capacityPerSecond[30 + 80], 8.0);
    QCOMPARE(r.capacityPerSecond[30 + 169], 8.0);
    QCOMPARE(r.capacityPerSecond[30 + 170], 12.0);
    QCOMPARE(r.secondsToMeetDemand, 170.0);
}

void TestScaling::defaults_haveASourceAndUniqueKeys_data()
{
    QTest::addColumn<Platform>("platform");
    QTest::newRow("lambda") << Platform::Lambda;
    QTest::newRow("fargate") << Platform::Fargate;
    QTest::newRow("ec2") << Platform::Ec2;
    QTest::newRow("ecs-ec2") << Platform::EcsEc2;
}

void TestScaling::defaults_haveASourceAndUniqueKeys()
{
    QFETCH(Platform, platform);
    const auto list = scalingAssumptionDefaults(platform);
    QVERIFY(!list.empty());
    std::set<std::string> keys;
    for (const ScalingAssumption &a : list) {
        QVERIFY2(keys.insert(a.key).second, a.key.c_str());
        QVERIFY2(!a.source.empty() && !a.label.empty(), a.key.c_str());
        QVERIFY2(a.source.rfind("http", 0) == 0 || a.source.rfind("Costscape assumption", 0) == 0, a.key.c_str());
        QVERIFY2(a.value >= a.min && a.value <= a.max, a.key.c_str());
        QVERIFY(!a.overridden);
    }
    if (platform == Platform::Lambda) {
        // AWS's own figures: 1,000 environments per 10 s, 1,000 concurrent executions.
        QCOMPARE(scalingAssumptionDefaults(platform)[1].value, 1000.0);
        QCOMPARE(scalingAssumptionDefaults(platform)[2].value, 1000.0);
    }
}

void TestScaling::reader_readsObjectiveExcessAndOverrides()
{
    const auto s = parseScenario(R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perSecond": 5}, "durationMs": 100, "memoryMb": 128,
          "spike": {"fromPerSecond": 5, "toPerSecond": 50, "objectiveMs": 250, "excess": "reject"}},
        "options": [{"id": "a", "platform": "lambda", "spikeResponse": {"coldStartMs": 400, "accountConcurrency": 3000}}]})",
                                 "s.costscape.json");
    QVERIFY2(s.ok(), s.error().toString().c_str());
    QCOMPARE(s.warnings().size(), std::size_t(0));
    QCOMPARE(s->workload.spike->objectiveMs, 250.0);
    QCOMPARE(s->workload.spike->excess, Spike::Excess::Reject);
    const auto &o = s->options[0].scalingOverrides;
    QCOMPARE(o.size(), std::size_t(2));
    QCOMPARE(o.at("coldStartMs"), 400.0);
    QCOMPARE(o.at("accountConcurrency"), 3000.0);
    const auto resolved = resolveScalingAssumptions(scalingAssumptionDefaults(Platform::Lambda), o);
    QCOMPARE(resolved[0].key, std::string("coldStartMs"));
    QVERIFY(resolved[0].overridden);
    QVERIFY(!resolved[1].overridden);
}

void TestScaling::reader_defaultsAndSaveRoundTrip()
{
    const auto s = parseScenario(R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perSecond": 5}, "durationMs": 100, "memoryMb": 128,
          "spike": {"fromPerSecond": 5, "toPerSecond": 50}},
        "options": [{"id": "a", "platform": "ec2", "instanceType": "m5.large", "spikeResponse": {"instanceLaunchSeconds": 45}}]})",
                                 "s.costscape.json");
    QVERIFY2(s.ok(), s.error().toString().c_str());
    QCOMPARE(s->workload.spike->objectiveMs, 1000.0);
    QCOMPARE(s->workload.spike->excess, Spike::Excess::Queue);

    Scenario edited = s.value();
    edited.workload.spike->excess = Spike::Excess::Reject;
    edited.workload.spike->objectiveMs = 300;
    edited.options[0].scalingOverrides["alarmDatapoints"] = 1;
    const std::string saved = serializeScenario(edited);
    const auto back = parseScenario(saved, "b.costscape.json");
    QVERIFY2(back.ok(), back.error().toString().c_str());
    QCOMPARE(back->workload.spike->excess, Spike::Excess::Reject);
    QCOMPARE(back->workload.spike->objectiveMs, 300.0);
    QCOMPARE(back->options[0].scalingOverrides.at("instanceLaunchSeconds"), 45.0);
    QCOMPARE(back->options[0].scalingOverrides.at("alarmDatapoints"), 1.0);
    QCOMPARE(QString::fromStdString(serializeScenario(back.value())), QString::fromStdString(saved));

    // Overrides removed in the editor are removed from the file.
    edited.options[0].scalingOverrides.clear();
    QVERIFY(serializeScenario(edited).find("spikeResponse") == std::string::npos);
}

void TestScaling::reader_badValues_nameFileLineColumn_data()
{
    QTest::addColumn<QString>("spike");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    // Line 3 is the spike, line 4 the option; columns count from 1 at the start of the line.
    QTest::newRow("negative-objective")
        << uR"(  "spike": {"fromPerSecond": 5, "toPerSecond": 50, "objectiveMs": -5}},)"_qs
        << uR"( "options": [{"id": "a", "platform": "lambda"}]})"_qs
        << u"bad.costscape.json:3:67: workload.spike.objectiveMs: must be between 0 and 3600000 ms, got -5"_qs;
    QTest::newRow("excess-unknown")
        << uR"(  "spike": {"fromPerSecond": 5, "toPerSecond": 50, "excess": "drop"}},)"_qs
        << uR"( "options": [{"id": "a", "platform": "lambda"}]})"_qs
        << u"bad.costscape.json:3:62: workload.spike.excess: unknown value \"drop\""_qs;
    QTest::newRow("override-unknown-for-platform")
        << uR"(  "spike": {"fromPerSecond": 5, "toPerSecond": 50}},)"_qs
        << uR"( "options": [{"id": "a", "platform": "lambda", "spikeResponse": {"instanceLaunchSeconds": 30}}]})"_qs
        << u"bad.costscape.json:4:91: options[0].spikeResponse.instanceLaunchSeconds: not a spike response figure of lambda"_qs;
    QTest::newRow("override-out-of-range")
        << uR"(  "spike": {"fromPerSecond": 5, "toPerSecond": 50}},)"_qs
        << uR"( "options": [{"id": "a", "platform": "lambda", "spikeResponse": {"accountConcurrency": 0}}]})"_qs
        << u"bad.costscape.json:4:88: options[0].spikeResponse.accountConcurrency: must be between 1 and 10000000"_qs;
    QTest::newRow("override-not-a-whole-count")
        << uR"(  "spike": {"fromPerSecond": 5, "toPerSecond": 50}},)"_qs
        << uR"( "options": [{"id": "a", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "spikeResponse": {"alarmDatapoints": 2.5}}]})"_qs
        << u"bad.costscape.json:4:120: options[0].spikeResponse.alarmDatapoints:"_qs;
}

void TestScaling::reader_badValues_nameFileLineColumn()
{
    QFETCH(QString, spike);
    QFETCH(QString, option);
    QFETCH(QString, expected);
    const QString text = uR"({"format": "costscape-scenario", "version": 1,
 "workload": {"requests": {"perSecond": 5}, "durationMs": 100, "memoryMb": 128,
)"_qs + spike + u'\n'
        + option;
    const auto s = parseScenario(text.toStdString(), "bad.costscape.json");
    QVERIFY(!s.ok());
    const QString got = QString::fromStdString(s.error().toString());
    QVERIFY2(got.startsWith(expected), qPrintable(got));
}

void TestScaling::evaluator_simulatesEveryFeasibleOptionOfTheSample()
{
    // The sample's spike: 60 -> 600 req/s of 120 ms requests. EC2 with target tracking: three
    // 1-minute datapoints (180 s), launch 30 s, warm-up 30 s, health check 30 s: 270 s.
    // Fargate: 180 s + 30 s task start + 30 s health check = 240 s.
    const auto priced = loadAndEvaluate(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
    QVERIFY2(priced.ok(), priced.error().toString().c_str());
    const Evaluation &e = priced->evaluation;
    QVERIFY(e.spike);
    for (const OptionResult &o : e.options) {
        QVERIFY2(o.scaling.has_value(), o.id.c_str());
        QVERIFY(!o.scaling->assumptions.empty());
    }
    auto byId = [&](const std::string &id) -> const ScalingResult & {
        for (const OptionResult &o : e.options)
            if (o.id == id)
                return *o.scaling;
        return *e.options.front().scaling;
    };
    QCOMPARE(byId("ec2-on-demand").secondsToMeetDemand, 270.0);
    QCOMPARE(byId("fargate").secondsToMeetDemand, 240.0);
    // 600 req/s x 0.12 s = 72 requests at once; 16 per m7g.large at 100%: 5 instances warm.
    QCOMPARE(byId("ec2-on-demand").warmMinimum, 5.0);
    // 4 per Fargate task: 18 tasks.
    QCOMPARE(byId("fargate").warmMinimum, 18.0);
    // 2 instances all month already: 3 more m7g.large x 730 h, priced at the option's own rate.
    const OptionResult &ec2 = e.options[3];
    QCOMPARE(ec2.id, std::string("ec2-on-demand"));
    const double hourly = ec2.monthlyCost / ec2.fleet.unitHours;
    QVERIFY(std::abs(ec2.scaling->warmExtraMonthlyCost - 3 * 730 * hourly) < 1e-6);

    const auto json = Output::evaluationToJson(e);
    QVERIFY(json["options"][0].contains("scaling"));
    QCOMPARE(json["options"][3]["scaling"]["warmMinimum"].get<double>(), 5.0);
    QCOMPARE(json["spike"]["objectiveMs"].get<double>(), 1000.0);
    QCOMPARE(json["spike"]["excess"].get<std::string>(), std::string("queue"));
    QVERIFY(Output::formatTable(e).find("Spike: 60 -> 600 requests/s") != std::string::npos);
}

void TestScaling::evaluator_noSpike_noScaling()
{
    const auto r = Tests::evaluateText(Tests::scenarioWith(R"({"requests": {"perSecond": 5}, "durationMs": 100, "memoryMb": 128})",
                                                           R"({"id": "a", "platform": "lambda"})"));
    QVERIFY2(r.ok(), r.error().toString().c_str());
    QVERIFY(!r->options[0].scaling);
    QVERIFY(!r->spike);
    QVERIFY(!Output::evaluationToJson(r.value())["options"][0].contains("scaling"));
    QVERIFY(!Output::evaluationToJson(r.value()).contains("spike"));
    QVERIFY(Output::formatTable(r.value()).find("Spike:") == std::string::npos);
}

void TestScaling::ecs_warmupBlocksTheNextScaleOut()
{
    // Instances hold 4 tasks of 1 req/s; 4 tasks on 1 full instance. The service scales in two
    // steps 60 s apart (datapoint periods of 60 s, at most 4 tasks per step): 4 more tasks at 60 s
    // need a new instance, launched at 60 + 60 (cluster alarm) = 120 s, ready at 150 s + 20 s task
    // start = 170 s. The next 4 tasks (at 120 s) need another instance, but the scale-out must wait
    // for the first one's warm-up: launched at 120 + 300 = 420 s, tasks ready at 470 s.
    SpikeInput in = inputFor(Platform::EcsEc2, u"alarmDatapoints=1;healthCheckSeconds=0;maxUnitsPerStep=4"_qs);
    in.spike = {4, 12, 0, 900, 1000, Spike::Excess::Queue};
    in.durationMs = 1000;
    in.unitConcurrency = 1;
    in.targetUtilization = 1;
    in.minUnits = 4;
    in.tasksPerInstance = 4;
    const ScalingResult r = simulateSpike(in);
    QCOMPARE(r.capacityPerSecond[30 + 169], 4.0);
    QCOMPARE(r.capacityPerSecond[30 + 170], 8.0);
    QCOMPARE(r.capacityPerSecond[30 + 469], 8.0);
    QCOMPARE(r.capacityPerSecond[30 + 470], 12.0);
    QCOMPARE(r.secondsToMeetDemand, 470.0);
    // Without the warm-up the second instance follows the first by one datapoint: ready at 230 s.
    SpikeInput quick = in;
    quick.assumptions = assumptionsFrom(Platform::EcsEc2, u"alarmDatapoints=1;healthCheckSeconds=0;maxUnitsPerStep=4;instanceWarmupSeconds=0"_qs);
    QCOMPARE(simulateSpike(quick).secondsToMeetDemand, 230.0);
}

void TestScaling::lambdaManaged_doublesEveryFiveMinutes()
{
    // 10 instances serve 10 req/s each (100 req/s) at 100% target; demand jumps to 400 req/s.
    // Capacity may double every 300 s: 10 x 2^(t/300) reaches 40 instances after 600 s of growth
    // (steps t = 0..599), so the capacity meets demand from t = 599 s, and no sooner.
    SpikeInput in = inputFor(Platform::LambdaManaged);
    in.spike = {100, 400, 0, 900, 1000, Spike::Excess::Queue};
    in.durationMs = 1000;
    in.unitConcurrency = 10;
    in.targetUtilization = 1;
    in.minUnits = 10;
    const ScalingResult r = simulateSpike(in);
    QVERIFY2(std::abs(r.secondsToMeetDemand - 599) <= 1, qPrintable(QString::number(r.secondsToMeetDemand)));
    // Halfway, 150 s in: 10 x 2^(150/300) = 14.14 instances, 141.4 req/s.
    QVERIFY2(std::abs(r.capacityPerSecond[30 + 150] - 100 * std::sqrt(2.0)) < 1, qPrintable(QString::number(r.capacityPerSecond[30 + 150])));
    QCOMPARE(r.warmUnit, std::string("instances"));
    // Doubling within 5 minutes is absorbed: 100 -> 200 req/s at 50% target needs 40 where 20 run,
    // but 20 at 50% already serve 200 at 100%: no request waits.
    SpikeInput doubled = inputFor(Platform::LambdaManaged);
    doubled.spike = {100, 200, 0, 600, 1000, Spike::Excess::Queue};
    doubled.durationMs = 1000;
    doubled.unitConcurrency = 10;
    doubled.targetUtilization = 0.5;
    doubled.minUnits = 3;
    const ScalingResult d = simulateSpike(doubled);
    QCOMPARE(d.secondsToMeetDemand, 0.0);
    QCOMPARE(d.requestsDelayed, 0.0);
}

void TestScaling::lambda_meetsDemandAtOnce_coldStartsCounted()
{
    // The sample's spike: 60 -> 600 req/s of 120 ms, ramped over 30 s. 60 x 0.12 = 7.2, so 8
    // environments run before it; 600 x 0.12 = 72 at the top: 64 new environments, each one
    // request paying the 1 s cold start. Within 1,000 per 10 s, capacity is there at once.
    SpikeInput in = inputFor(Platform::Lambda);
    in.spike = {60, 600, 30, 600, 1000, Spike::Excess::Queue};
    in.durationMs = 120;
    in.unitConcurrency = 1;
    in.unitRequestsPerSecond = 1000.0 / 120;
    in.minUnits = 0;
    const ScalingResult r = simulateSpike(in);
    QCOMPARE(r.secondsToMeetDemand, 0.0);
    QCOMPARE(r.warmUnitsBefore, 8.0);
    QCOMPARE(r.coldStarts, 64.0);
    QCOMPARE(r.coldStartSeconds, 1.0);
    QCOMPARE(r.requestsDelayed, 0.0); // a 1 s cold start is within the 1 s objective
    QCOMPARE(r.maxDelaySeconds, 1.0);
    // A 1.5 s cold start misses the objective: the 64 requests that waited for one are late.
    in.assumptions = assumptionsFrom(Platform::Lambda, u"coldStartMs=1500"_qs);
    const ScalingResult slow = simulateSpike(in);
    QCOMPARE(slow.requestsDelayed, 64.0);
    QCOMPARE(slow.secondsToMeetDemand, 0.0);
}

QTEST_GUILESS_MAIN(TestScaling)
#include "tst_scaling.moc"
