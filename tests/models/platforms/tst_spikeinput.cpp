// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Each platform's spike input (PlatformModel::spikeInput, in models/platforms/<platform>/): what
// the spike model is told about one priced option. The option is read by Models::parseScenario,
// priced on the hand-made sheet below and given the context Models::Evaluator builds; every
// expected figure is worked out by hand in the comment beside its row.
//
// The workload throughout: 10 requests/s all month (730 one-hour slots), 200 ms and 256 MB per
// request, so 10 x 0.2 = 2 requests are in flight at once (Little's law).

#include "models/evaluator.h"
#include "models/platforms/platformmodel.h"
#include "models/scenario/scenarioreader.h"
#include "pricing/pricesheet.h"

#include "tests/common/evaluatetext.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

using namespace Costscape;
using namespace Costscape::Models;

namespace {

const std::string SpikeWorkload = R"({"requests": {"perSecond": 10}, "durationMs": 200, "memoryMb": 256,
    "spike": {"fromPerSecond": 10, "toPerSecond": 100, "rampSeconds": 10, "holdSeconds": 60}})";

/**
 * Round figures: Lambda's x86 provisioned rate is AWS's us-east-1 list price, arm64 has none;
 * Fargate $0.04 per vCPU-hour and $0.004 per GB-hour; m5.large (2 vCPU, 8 GiB) $0.10 an hour.
 */
const std::string Sheet = R"({"format": "costscape-prices", "version": 1, "name": "spike test sheet",
    "currency": "USD", "source": "made by hand for tst_spikeinput", "retrieved": "2026-11-02",
    "regions": {"us-east-1": {
      "lambda": {"x86_64": {"requestPerMillion": 0.2, "gbSecond": [{"price": 0.0000166667}],
                            "provisionedGbSecond": 0.0000041667, "provisionedDurationGbSecond": 0.0000097222},
                 "arm64": {"requestPerMillion": 0.2, "gbSecond": [{"price": 0.0000133334}]}},
      "fargate": {"linux/x86_64": {"vcpuHour": 0.04, "gbHour": 0.004}},
      "ec2": {"m5.large": {"vcpu": 2, "memoryGib": 8, "onDemandHourly": {"linux": 0.1}}}}}})";

struct Priced {
    OptionResult result;
    SpikeInput input;
};

/**
 * Prices the one option of @p optionJson and builds its spike input, with the context
 * Models::Evaluator::evaluate gives it (models/evaluator.cpp). nullopt with @p why set when the
 * scenario or the sheet does not read, the option cannot be priced or cannot serve the workload
 * (the evaluator simulates no spike then).
 */
std::optional<Priced> spikeInputOf(const std::string &optionJson, QString *why)
{
    const auto scenario = parseScenario(Tests::scenarioWith(SpikeWorkload, optionJson), "t.costscape.json");
    if (!scenario) {
        *why = QString::fromStdString(scenario.error().toString());
        return std::nullopt;
    }
    const auto sheet = Pricing::parsePriceSheet(Sheet, "t.prices.json");
    if (!sheet) {
        *why = QString::fromStdString(sheet.error().toString());
        return std::nullopt;
    }
    const Scenario &s = scenario.value();
    const OptionSpec &option = s.options.front();
    const HourlyPlan plan = HourlyPlan::build(s.workload.requests, s.hoursPerMonth);
    const OptionContext context{s,
                                option,
                                sheet.value(),
                                plan,
                                option.durationMs.value_or(s.workload.durationMs),
                                option.memoryMb.value_or(s.workload.memoryMb),
                                option.hoursPerMonth.value_or(s.hoursPerMonth),
                                "/options/0"};
    const PlatformModel &model = platformModel(option.platform());
    auto result = model.evaluate(context);
    if (!result) {
        *why = QString::fromStdString(result.error().toString());
        return std::nullopt;
    }
    if (!result->feasible) {
        *why = QStringLiteral("infeasible: ") + QString::fromStdString(result->warnings.empty() ? "" : result->warnings.front());
        return std::nullopt;
    }
    SpikeInput input = model.spikeInput(context, result.value(), *s.workload.spike);
    return Priced{std::move(result).value(), std::move(input)};
}

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-12 * std::max(1.0, std::abs(expected));
}

QByteArray describe(const char *what, double actual, double expected)
{
    return QByteArray(what) + ": actual " + QByteArray::number(actual, 'g', 17) + ", expected "
        + QByteArray::number(expected, 'g', 17);
}

bool hasNote(const SpikeInput &in, const QString &part)
{
    return std::any_of(in.notes.begin(), in.notes.end(),
                       [&](const std::string &n) { return QString::fromStdString(n).contains(part); });
}

} // namespace

class TestSpikeInput : public QObject
{
    Q_OBJECT

private slots:
    void spikeInput_describesTheOptionsUnits_data();
    void spikeInput_describesTheOptionsUnits();
    void spikeInput_carriesTheSpikeDurationAndSlots();
    void spikeResponse_overridesAreMarkedOthersKeepDefaults_data();
    void spikeResponse_overridesAreMarkedOthersKeepDefaults();
    void evaluator_simulatesFeasibleOptionsWithTheirOverrides();
};

void TestSpikeInput::spikeInput_describesTheOptionsUnits_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<int>("kind");                 // ScalingKind
    QTest::addColumn<QString>("warmUnit");
    QTest::addColumn<double>("unitConcurrency");   // requests one unit serves at once
    QTest::addColumn<double>("unitRequestsPerSecond"); // 0 unless the capacity is a rate
    QTest::addColumn<double>("targetUtilization");
    QTest::addColumn<bool>("autoscaled");
    QTest::addColumn<double>("minUnits");          // the floor already warm
    QTest::addColumn<double>("unitsEachHour");     // the option's units in every one of the 730 slots
    QTest::addColumn<double>("unitHourPrice");     // what one more warm unit costs an hour
    QTest::addColumn<double>("tasksPerInstance");  // ECS on EC2 only, else 0
    QTest::addColumn<bool>("memoryNote");          // "no capacity given: ... as fit in its memory"
    QTest::addColumn<QString>("note");             // another note it must carry, or empty

    const int environments = static_cast<int>(ScalingKind::Environments);
    const int tasks = static_cast<int>(ScalingKind::Tasks);
    const int instances = static_cast<int>(ScalingKind::Instances);
    const int clusterTasks = static_cast<int>(ScalingKind::ClusterTasks);

    // Lambda: one environment serves one request at a time: 1000 / 200 ms = 5 a second, under the
    // quota's 10 a second per environment; the floor is the provisioned concurrency.
    // A provisioned environment-hour: 1024 MB = 1 GB x 3600 s x $0.0000041667 = $0.01500012.
    QTest::newRow("lambda-x86-1gb-none-provisioned")
        << R"({"id": "fn", "platform": "lambda", "architecture": "x86_64", "memoryMb": 1024})" << environments
        << "provisioned environments" << 1.0 << 5.0 << 1.0 << true << 0.0 << 0.0 << 0.01500012 << 0.0 << false
        << "priced all month";
    // 512 MB = 0.5 GB x 3600 s x $0.0000041667 = $0.00750006; 5 environments kept warm every hour.
    QTest::newRow("lambda-x86-512mb-5-provisioned")
        << R"({"id": "fn", "platform": "lambda", "architecture": "x86_64", "memoryMb": 512,
              "provisionedConcurrency": {"count": 5}})"
        << environments << "provisioned environments" << 1.0 << 5.0 << 1.0 << true << 5.0 << 5.0 << 0.00750006 << 0.0
        << false << "";
    // The sheet has no arm64 provisioned rate: the cost of being ready is left at 0, with a note.
    QTest::newRow("lambda-arm-sheet-lacks-provisioned-price")
        << R"({"id": "fn", "platform": "lambda", "architecture": "arm64", "memoryMb": 1024})" << environments
        << "provisioned environments" << 1.0 << 5.0 << 1.0 << true << 0.0 << 0.0 << 0.0 << 0.0 << false
        << "has no provisioned concurrency price for Lambda arm64";

    // Fargate: a task-hour of 0.5 vCPU x $0.04 + 1 GB x $0.004 = $0.024.
    // Tasks: ceil(2 in flight / (4 x 0.5)) = 1, raised to minCount 2. Price: 2 x 730 x 0.024 / (2 x 730).
    QTest::newRow("fargate-4-concurrent-at-50pct-min-2")
        << R"({"id": "f", "platform": "fargate", "taskVcpu": 0.5, "taskMemoryGb": 1,
              "capacity": {"concurrentRequests": 4}, "targetUtilization": 0.5, "minCount": 2})"
        << tasks << "tasks" << 4.0 << 0.0 << 0.5 << true << 2.0 << 2.0 << 0.024 << 0.0 << false << "";
    // A rate capacity: 25 requests/s per task; ceil(10 / (25 x 0.7)) = ceil(0.571) = 1 task.
    QTest::newRow("fargate-25-requests-per-second")
        << R"({"id": "f", "platform": "fargate", "taskVcpu": 0.5, "taskMemoryGb": 1,
              "capacity": {"requestsPerSecond": 25}})"
        << tasks << "tasks" << 1.0 << 25.0 << 0.7 << true << 1.0 << 1.0 << 0.024 << 0.0 << false << "";
    // No capacity: floor(2 GB = 2048 MB / 256 MB) = 8 requests per task; ceil(2 / (8 x 0.7)) = 1.
    // A task-hour of 1 vCPU x $0.04 + 2 GB x $0.004 = $0.048.
    QTest::newRow("fargate-capacity-from-memory")
        << R"({"id": "f", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2})" << tasks << "tasks" << 8.0 << 0.0
        << 0.7 << true << 1.0 << 1.0 << 0.048 << 0.0 << true << "";
    // A fixed fleet never scales: its floor is its count, 3; each task holds floor(1024 / 256) = 4.
    QTest::newRow("fargate-fixed-3-tasks")
        << R"({"id": "f", "platform": "fargate", "taskVcpu": 0.5, "taskMemoryGb": 1, "tasks": 3})" << tasks << "tasks"
        << 4.0 << 0.0 << 0.7 << false << 3.0 << 3.0 << 0.024 << 0.0 << true << "";

    // EC2: ceil(2 / (16 x 0.7)) = 1 instance, raised to minCount 2; 2 x 730 x $0.10 / (2 x 730) = $0.10.
    QTest::newRow("ec2-16-concurrent-min-2")
        << R"({"id": "e", "platform": "ec2", "instanceType": "m5.large", "capacity": {"concurrentRequests": 16},
              "minCount": 2})"
        << instances << "instances" << 16.0 << 0.0 << 0.7 << true << 2.0 << 2.0 << 0.1 << 0.0 << false << "";
    // One on-demand instance ($0.10) and one spot at 60% off (0.10 x 0.4 = $0.04) every hour:
    // (730 x 0.10 + 730 x 0.04) / 1460 instance-hours = $0.07, the fleet's average.
    QTest::newRow("ec2-one-on-demand-one-spot-averages")
        << R"({"id": "e", "platform": "ec2", "instanceType": "m5.large", "purchase": "spot", "spotDiscount": 0.6,
              "onDemandBase": 1, "onDemandPercentAboveBase": 0, "capacity": {"concurrentRequests": 16},
              "minCount": 2})"
        << instances << "instances" << 16.0 << 0.0 << 0.7 << true << 2.0 << 2.0 << 0.07 << 0.0 << false << "";
    // No capacity: floor(8 GiB = 8192 MB / 256 MB) = 32 requests per instance; ceil(2 / 22.4) = 1.
    QTest::newRow("ec2-capacity-from-memory")
        << R"({"id": "e", "platform": "ec2", "instanceType": "m5.large"})" << instances << "instances" << 32.0 << 0.0
        << 0.7 << true << 1.0 << 1.0 << 0.1 << 0.0 << true << "";
    QTest::newRow("ec2-fixed-4-instances")
        << R"({"id": "e", "platform": "ec2", "instanceType": "m5.large", "instances": 4})" << instances << "instances"
        << 32.0 << 0.0 << 0.7 << false << 4.0 << 4.0 << 0.1 << 0.0 << true << "";

    // ECS on EC2, m5.large: 2 vCPU = 2048 CPU units; memory registered floor(8192 x 7985 / 8192)
    // = 7985 MiB less 256 reserved = 7729 MiB. A task slot costs the instance's hour / its tasks.
    // 0.5 vCPU / 1024 MiB: min(2048 / 512 = 4, floor(7729 / 1024) = 7) = 4 tasks; $0.10 / 4 = $0.025.
    // Tasks: ceil(2 / (4 x 0.7)) = 1, raised to minCount 2.
    QTest::newRow("ecs-4-tasks-per-m5-large")
        << R"({"id": "c", "platform": "ecs-ec2", "taskVcpu": 0.5, "taskMemoryMb": 1024,
              "capacity": {"concurrentRequests": 4}, "minCount": 2, "instanceTypes": ["m5.large"]})"
        << clusterTasks << "tasks" << 4.0 << 0.0 << 0.7 << true << 2.0 << 2.0 << 0.025 << 4.0 << false
        << "the cluster runs m5.large instances, 4 tasks each";
    // Memory-bound: 0.25 vCPU / 2048 MiB: min(2048 / 256 = 8, floor(7729 / 2048) = 3) = 3 tasks;
    // $0.10 / 3 = $0.0333...
    QTest::newRow("ecs-memory-bound-3-tasks-per-instance")
        << R"({"id": "c", "platform": "ecs-ec2", "taskVcpu": 0.25, "taskMemoryMb": 2048,
              "capacity": {"concurrentRequests": 4}, "instanceTypes": ["m5.large"]})"
        << clusterTasks << "tasks" << 4.0 << 0.0 << 0.7 << true << 1.0 << 1.0 << 0.1 / 3 << 3.0 << false
        << "3 tasks each";
    // The awsvpc cap of 2 tasks per instance wins over the 4 that fit: $0.10 / 2 = $0.05.
    QTest::newRow("ecs-capped-at-2-tasks-per-instance")
        << R"({"id": "c", "platform": "ecs-ec2", "taskVcpu": 0.5, "taskMemoryMb": 1024,
              "capacity": {"concurrentRequests": 4}, "minCount": 2, "instanceTypes": ["m5.large"],
              "maxTasksPerInstance": 2})"
        << clusterTasks << "tasks" << 4.0 << 0.0 << 0.7 << true << 2.0 << 2.0 << 0.05 << 2.0 << false
        << "2 tasks each";
    // Two groups: the spike rides on the first ("web", as in the first row); the worker is left out.
    QTest::newRow("ecs-two-groups-spike-on-the-first")
        << R"({"id": "c", "platform": "ecs-ec2", "instanceTypes": ["m5.large"], "taskGroups": [
              {"name": "web", "taskVcpu": 0.5, "taskMemoryMb": 1024, "capacity": {"concurrentRequests": 4}, "minCount": 2},
              {"name": "worker", "taskVcpu": 0.25, "taskMemoryMb": 512, "tasks": 1}]})"
        << clusterTasks << "tasks" << 4.0 << 0.0 << 0.7 << true << 2.0 << 2.0 << 0.025 << 4.0 << false
        << "the spike is applied to the first task group (\"web\") only";
}

void TestSpikeInput::spikeInput_describesTheOptionsUnits()
{
    QFETCH(QString, option);
    QFETCH(int, kind);
    QFETCH(QString, warmUnit);
    QFETCH(double, unitConcurrency);
    QFETCH(double, unitRequestsPerSecond);
    QFETCH(double, targetUtilization);
    QFETCH(bool, autoscaled);
    QFETCH(double, minUnits);
    QFETCH(double, unitsEachHour);
    QFETCH(double, unitHourPrice);
    QFETCH(double, tasksPerInstance);
    QFETCH(bool, memoryNote);
    QFETCH(QString, note);

    QString why;
    const auto priced = spikeInputOf(option.toStdString(), &why);
    QVERIFY2(priced, qPrintable(why));
    const SpikeInput &in = priced->input;
    QCOMPARE(static_cast<int>(in.kind), kind);
    QCOMPARE(QString::fromStdString(in.warmUnit), warmUnit);
    QVERIFY2(near(in.unitConcurrency, unitConcurrency), describe("unitConcurrency", in.unitConcurrency, unitConcurrency));
    QVERIFY2(near(in.unitRequestsPerSecond, unitRequestsPerSecond),
             describe("unitRequestsPerSecond", in.unitRequestsPerSecond, unitRequestsPerSecond));
    QVERIFY2(near(in.targetUtilization, targetUtilization), describe("targetUtilization", in.targetUtilization, targetUtilization));
    QCOMPARE(in.autoscaled, autoscaled);
    QVERIFY2(near(in.minUnits, minUnits), describe("minUnits", in.minUnits, minUnits));
    QCOMPARE(in.unitsPerSlot.size(), std::size_t(730));
    for (double units : in.unitsPerSlot)
        QVERIFY2(near(units, unitsEachHour), describe("units in a slot", units, unitsEachHour));
    QVERIFY2(near(in.unitHourPrice, unitHourPrice), describe("unitHourPrice", in.unitHourPrice, unitHourPrice));
    QVERIFY2(near(in.tasksPerInstance, tasksPerInstance), describe("tasksPerInstance", in.tasksPerInstance, tasksPerInstance));
    QCOMPARE(hasNote(in, QStringLiteral("as fit in its memory")), memoryNote);
    if (!note.isEmpty()) {
        QStringList notes;
        for (const std::string &n : in.notes)
            notes.push_back(QString::fromStdString(n));
        QVERIFY2(hasNote(in, note), qPrintable(notes.join(QLatin1String(" | "))));
    }
    // No override given: every assumption is the platform's default.
    const auto defaults = platformModel(priced->result.platform).scalingDefaults();
    QCOMPARE(in.assumptions.size(), defaults.size());
    for (std::size_t i = 0; i < defaults.size(); ++i) {
        QCOMPARE(in.assumptions[i].key, defaults[i].key);
        QCOMPARE(in.assumptions[i].value, defaults[i].value);
        QVERIFY(!in.assumptions[i].overridden);
    }
}

void TestSpikeInput::spikeInput_carriesTheSpikeDurationAndSlots()
{
    // The part every platform shares (spikeInputBase): the workload's spike, the request's
    // duration (the option's override when it has one) and the weight of each slot, here 1 hour.
    QString why;
    const auto priced = spikeInputOf(R"({"id": "f", "platform": "fargate", "taskVcpu": 0.5, "taskMemoryGb": 1,
                                        "durationMs": 150, "capacity": {"concurrentRequests": 4}})",
                                     &why);
    QVERIFY2(priced, qPrintable(why));
    const SpikeInput &in = priced->input;
    QCOMPARE(in.spike.fromPerSecond, 10.0);
    QCOMPARE(in.spike.toPerSecond, 100.0);
    QCOMPARE(in.spike.rampSeconds, 10.0);
    QCOMPARE(in.spike.holdSeconds, 60.0);
    QCOMPARE(in.spike.objectiveMs, 1000.0); // the format's default
    QCOMPARE(in.durationMs, 150.0);          // the option's, not the workload's 200
    QCOMPARE(in.slotWeight.size(), std::size_t(730));
    QVERIFY(std::all_of(in.slotWeight.begin(), in.slotWeight.end(), [](double w) { return w == 1.0; }));
}

void TestSpikeInput::spikeResponse_overridesAreMarkedOthersKeepDefaults_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("defaultValue"); // the platform's own figure, for the record
    QTest::newRow("lambda-cold-start-400ms")
        << R"({"id": "fn", "platform": "lambda", "spikeResponse": {"coldStartMs": 400}})" << "coldStartMs" << 400.0 << 1000.0;
    QTest::newRow("fargate-5-launches-per-second")
        << R"({"id": "f", "platform": "fargate", "taskVcpu": 0.5, "taskMemoryGb": 1,
              "spikeResponse": {"launchTasksPerSecond": 5}})"
        << "launchTasksPerSecond" << 5.0 << 20.0;
    QTest::newRow("ec2-launch-45s")
        << R"({"id": "e", "platform": "ec2", "instanceType": "m5.large", "spikeResponse": {"instanceLaunchSeconds": 45}})"
        << "instanceLaunchSeconds" << 45.0 << 30.0;
    QTest::newRow("ecs-cluster-scale-out-120s")
        << R"({"id": "c", "platform": "ecs-ec2", "taskVcpu": 0.5, "taskMemoryMb": 1024, "instanceTypes": ["m5.large"],
              "spikeResponse": {"clusterScaleOutSeconds": 120}})"
        << "clusterScaleOutSeconds" << 120.0 << 60.0;
}

void TestSpikeInput::spikeResponse_overridesAreMarkedOthersKeepDefaults()
{
    QFETCH(QString, option);
    QFETCH(QString, key);
    QFETCH(double, value);
    QFETCH(double, defaultValue);
    QString why;
    const auto priced = spikeInputOf(option.toStdString(), &why);
    QVERIFY2(priced, qPrintable(why));
    const SpikeInput &in = priced->input;
    const auto defaults = platformModel(priced->result.platform).scalingDefaults();
    QCOMPARE(in.assumptions.size(), defaults.size());
    bool found = false;
    for (std::size_t i = 0; i < defaults.size(); ++i) {
        const ScalingAssumption &a = in.assumptions[i];
        QCOMPARE(a.key, defaults[i].key);
        QCOMPARE(a.source, defaults[i].source); // the source stays; the value is the scenario's
        if (a.key == key.toStdString()) {
            found = true;
            QCOMPARE(defaults[i].value, defaultValue);
            QCOMPARE(a.value, value);
            QVERIFY(a.overridden);
        } else {
            QCOMPARE(a.value, defaults[i].value);
            QVERIFY2(!a.overridden, a.key.c_str());
        }
    }
    QVERIFY2(found, qPrintable(key));
}

void TestSpikeInput::evaluator_simulatesFeasibleOptionsWithTheirOverrides()
{
    // Through the evaluator: the feasible option's scaling result names its warm unit and lists
    // the overridden assumption; the option that cannot serve the workload (Fargate has no
    // 0.5 vCPU / 9 GB task) is not simulated at all.
    const std::string scenario = R"({"format": "costscape-scenario", "version": 1, "name": "t", "region": "us-east-1",
        "workload": )" + SpikeWorkload + R"(, "options": [
          {"id": "e", "platform": "ec2", "instanceType": "m5.large", "spikeResponse": {"instanceLaunchSeconds": 45}},
          {"id": "f", "platform": "fargate", "taskVcpu": 0.5, "taskMemoryGb": 9}]})";
    const auto evaluation = Tests::evaluateText(scenario, Sheet);
    QVERIFY2(evaluation.ok(), evaluation.ok() ? "" : evaluation.error().toString().c_str());
    QCOMPARE(evaluation->options.size(), std::size_t(2));
    const OptionResult &ec2 = evaluation->options[0];
    QVERIFY(ec2.feasible);
    QVERIFY(ec2.scaling);
    QCOMPARE(ec2.scaling->warmUnit, std::string("instances"));
    const auto launch = std::find_if(ec2.scaling->assumptions.begin(), ec2.scaling->assumptions.end(),
                                     [](const ScalingAssumption &a) { return a.key == "instanceLaunchSeconds"; });
    QVERIFY(launch != ec2.scaling->assumptions.end());
    QCOMPARE(launch->value, 45.0);
    QVERIFY(launch->overridden);
    const OptionResult &fargate = evaluation->options[1];
    QVERIFY(!fargate.feasible);
    QVERIFY(!fargate.scaling);
}

QTEST_GUILESS_MAIN(TestSpikeInput)
#include "tst_spikeinput.moc"
