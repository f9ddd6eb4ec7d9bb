// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/scenarioreader.h"

#include <QFile>
#include <QTest>

#include <set>

using namespace Costscape;
using namespace Costscape::Models;

class TestScenarioReader : public QObject
{
    Q_OBJECT

private slots:
    void formatsExample_readsEveryField();
    void defaults_areThoseOfTheFormat();
    void saveAndReload_givesTheSameScenario();
    void unknownKeys_areKeptOnSaveAndWarned();
    void unknownKeys_stayWithTheirOptionWhenOptionsMove();
    void requests_exactlyOneForm_data();
    void requests_exactlyOneForm();
    void taskGroups_andAutoInstanceTypes();
    void sampleScenario_isValid();
};

// The example of FORMATS.md section 1, verbatim.
static const char *const FormatsExample = R"({
  "format": "costscape-scenario",
  "version": 1,
  "name": "Orders API",
  "region": "us-east-1",
  "hoursPerMonth": 730,
  "prices": "embedded",
  "workload": {
    "requests": { "perMonth": 3000000 },
    "durationMs": 120,
    "memoryMb": 1536,
    "spike": { "fromPerSecond": 50, "toPerSecond": 2000, "rampSeconds": 0, "holdSeconds": 600 }
  },
  "options": [
    { "id": "fn", "platform": "lambda", "architecture": "x86_64", "memoryMb": 1536,
      "ephemeralStorageMb": 512, "billingGranularityMs": 1, "freeTier": true },
    { "id": "tasks", "platform": "fargate", "os": "linux", "architecture": "x86_64",
      "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2 },
    { "id": "vms", "platform": "ec2", "instanceType": "m5.large", "os": "linux",
      "purchase": "on-demand", "instances": 2 },
    { "id": "cheap", "platform": "ec2", "instanceType": "m5.large", "purchase": "spot",
      "spotDiscount": 0.7, "capacity": { "concurrentRequests": 40 }, "targetUtilization": 0.7 },
    { "id": "cluster", "platform": "ecs-ec2", "taskVcpu": 0.25, "taskMemoryMb": 512,
      "tasks": 40, "instanceTypes": ["m5.large", "c5.xlarge", "r5.large"], "purchase": "on-demand" }
  ]
})";

void TestScenarioReader::formatsExample_readsEveryField()
{
    const auto s = parseScenario(FormatsExample, "orders.costscape.json");
    QVERIFY2(s.ok(), s.error().toString().c_str());
    QCOMPARE(s.warnings().size(), std::size_t(0));
    QCOMPARE(s->name, std::string("Orders API"));
    QCOMPARE(s->hoursPerMonth, 730.0);
    QCOMPARE(s->workload.requests.kind, RequestModel::Kind::PerMonth);
    QCOMPARE(s->workload.requests.perMonth, 3e6);
    QCOMPARE(s->workload.durationMs, 120.0);
    QVERIFY(s->workload.spike);
    QCOMPARE(s->workload.spike->toPerSecond, 2000.0);
    QCOMPARE(s->options.size(), std::size_t(5));
    const OptionSpec &fn = s->options[0];
    QCOMPARE(fn.platform(), Platform::Lambda);
    QCOMPARE(fn.memoryMb.value_or(0), 1536.0);
    QVERIFY(fn.as<Models::LambdaSpec>().freeTier);
    const OptionSpec &tasks = s->options[1];
    QCOMPARE(tasks.platform(), Platform::Fargate);
    QCOMPARE(tasks.as<Models::FargateSpec>().fleet.fixedCount.value_or(0), 2.0);
    const OptionSpec &cheap = s->options[3];
    QCOMPARE(cheap.as<Models::Ec2Spec>().purchase, Purchase::Spot);
    QCOMPARE(cheap.as<Models::Ec2Spec>().spotDiscount.value_or(0), 0.7);
    QVERIFY(!cheap.as<Models::Ec2Spec>().fleet.isFixed());
    QCOMPARE(cheap.as<Models::Ec2Spec>().fleet.capacity->value, 40.0);
    const OptionSpec &cluster = s->options[4];
    QCOMPARE(cluster.platform(), Platform::EcsEc2);
    QCOMPARE(cluster.as<Models::EcsEc2Spec>().taskGroups.size(), std::size_t(1));
    QCOMPARE(cluster.as<Models::EcsEc2Spec>().taskGroups[0].fleet.fixedCount.value_or(0), 40.0);
    QCOMPARE(cluster.as<Models::EcsEc2Spec>().instanceTypes, (std::vector<std::string>{"m5.large", "c5.xlarge", "r5.large"}));
    QCOMPARE(cluster.as<Models::EcsEc2Spec>().reservedMemoryMb, 256.0);
    // Positions survive for later, sheet-dependent messages.
    const Error e = s->errorAt("/options/2/instanceType", ErrorCode::UnknownValue, "x");
    QCOMPARE(e.line, 19);
    QCOMPARE(e.column, 55);
}

void TestScenarioReader::defaults_areThoseOfTheFormat()
{
    const auto s = parseScenario(R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perSecond": 5}, "durationMs": 10, "memoryMb": 128},
        "options": [{"id": "a", "platform": "lambda"}, {"id": "b", "platform": "ec2", "instanceType": "m5.large"}]})",
                                 "d.costscape.json");
    QVERIFY2(s.ok(), s.error().toString().c_str());
    QCOMPARE(s->region, std::string("us-east-1"));
    QCOMPARE(s->hoursPerMonth, 730.0);
    QCOMPARE(s->prices, std::string("embedded"));
    QCOMPARE(s->options[0].as<Models::LambdaSpec>().architecture, std::string("x86_64"));
    QCOMPARE(s->options[0].as<Models::LambdaSpec>().billingGranularityMs, 1);
    QCOMPARE(s->options[0].as<Models::LambdaSpec>().freeTier, false); // as the AWS Pricing Calculator
    QCOMPARE(s->options[0].as<Models::LambdaSpec>().ephemeralStorageMb, 512.0);
    QCOMPARE(s->options[1].as<Models::Ec2Spec>().fleet.targetUtilization, 0.7);
    QCOMPARE(s->options[1].as<Models::Ec2Spec>().fleet.minCount, 1.0);
    QCOMPARE(s->options[1].as<Models::Ec2Spec>().fleet.scaling, FleetSpec::Scaling::Hourly);
    QCOMPARE(s->options[1].as<Models::Ec2Spec>().purchase, Purchase::OnDemand);
}

void TestScenarioReader::saveAndReload_givesTheSameScenario()
{
    const auto a = parseScenario(FormatsExample, "a.costscape.json");
    QVERIFY(a.ok());
    const std::string saved = serializeScenario(a.value());
    const auto b = parseScenario(saved, "b.costscape.json");
    QVERIFY2(b.ok(), b.error().toString().c_str());
    // Saving again gives the same text: nothing drifts between saves.
    QCOMPARE(QString::fromStdString(serializeScenario(b.value())), QString::fromStdString(saved));
    QCOMPARE(b->options.size(), a->options.size());
    QCOMPARE(b->options[3].as<Models::Ec2Spec>().spotDiscount, a->options[3].as<Models::Ec2Spec>().spotDiscount);
    QCOMPARE(b->options[4].as<Models::EcsEc2Spec>().instanceTypes, a->options[4].as<Models::EcsEc2Spec>().instanceTypes);
}

void TestScenarioReader::unknownKeys_areKeptOnSaveAndWarned()
{
    const auto s = parseScenario(R"({"format": "costscape-scenario", "version": 1, "team": "payments",
        "workload": {"requests": {"perMonth": 1}, "durationMs": 10, "memoryMb": 128, "comment": "peak Q4"},
        "options": [{"id": "a", "platform": "lambda", "memroyMb": 512}]})",
                                 "u.costscape.json");
    QVERIFY2(s.ok(), s.error().toString().c_str());
    QCOMPARE(s.warnings().size(), std::size_t(3));
    bool typoNamed = false;
    for (const Error &w : s.warnings())
        typoNamed = typoNamed || QString::fromStdString(w.message).contains(QStringLiteral("options[0].memroyMb: unknown key"));
    QVERIFY(typoNamed);
    const auto json = scenarioToJson(s.value());
    QCOMPARE(json["team"].get<std::string>(), std::string("payments"));
    QCOMPARE(json["workload"]["comment"].get<std::string>(), std::string("peak Q4"));
    QCOMPARE(json["options"][0]["memroyMb"].get<int>(), 512);
}

void TestScenarioReader::unknownKeys_stayWithTheirOptionWhenOptionsMove()
{
    auto s = parseScenario(R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perMonth": 1}, "durationMs": 10, "memoryMb": 128},
        "options": [{"id": "a", "platform": "lambda", "owner": "ann"}, {"id": "b", "platform": "lambda", "owner": "bob"}]})",
                           "m.costscape.json");
    QVERIFY(s.ok());
    Scenario moved = s.value();
    std::swap(moved.options[0], moved.options[1]);
    const auto json = scenarioToJson(moved);
    QCOMPARE(json["options"][0]["id"].get<std::string>(), std::string("b"));
    QCOMPARE(json["options"][0]["owner"].get<std::string>(), std::string("bob"));
    QCOMPARE(json["options"][1]["owner"].get<std::string>(), std::string("ann"));
}

void TestScenarioReader::requests_exactlyOneForm_data()
{
    QTest::addColumn<QString>("requests");
    QTest::addColumn<bool>("valid");
    QTest::newRow("per-month") << R"({"perMonth": 1000})" << true;
    QTest::newRow("per-second") << R"({"perSecond": 2.5})" << true;
    QTest::newRow("day-profile-24") << QStringLiteral("{\"perSecondHourly\": [%1]}").arg(QStringLiteral("1,").repeated(23) + QStringLiteral("1")) << true;
    QTest::newRow("week-profile-168") << QStringLiteral("{\"perSecondHourly\": [%1]}").arg(QStringLiteral("1,").repeated(167) + QStringLiteral("1")) << true;
    QTest::newRow("profile-of-25-values") << QStringLiteral("{\"perSecondHourly\": [%1]}").arg(QStringLiteral("1,").repeated(24) + QStringLiteral("1")) << false;
    QTest::newRow("two-forms") << R"({"perMonth": 1000, "perSecond": 1})" << false;
    QTest::newRow("no-form") << R"({})" << false;
    QTest::newRow("negative-rate") << R"({"perSecond": -1})" << false;
}

void TestScenarioReader::requests_exactlyOneForm()
{
    QFETCH(QString, requests);
    QFETCH(bool, valid);
    const std::string text = R"({"format": "costscape-scenario", "version": 1, "workload": {"requests": )" + requests.toStdString()
        + R"(, "durationMs": 10, "memoryMb": 128}, "options": [{"id": "a", "platform": "lambda"}]})";
    const auto s = parseScenario(text, "r.costscape.json");
    QCOMPARE(s.ok(), valid);
    if (!valid)
        QVERIFY2(QString::fromStdString(s.error().toString()).startsWith(QStringLiteral("r.costscape.json:1:")),
                 s.error().toString().c_str());
}

void TestScenarioReader::taskGroups_andAutoInstanceTypes()
{
    const auto s = parseScenario(R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perMonth": 1}, "durationMs": 10, "memoryMb": 128},
        "options": [{"id": "c", "platform": "ecs-ec2", "instanceTypes": "auto", "purchase": "spot", "placement": "spread",
                     "taskGroups": [{"name": "web", "taskVcpu": 1, "taskMemoryMb": 2048, "tasks": 6},
                                    {"name": "worker", "taskVcpu": 2, "taskMemoryMb": 1024, "capacity": {"requestsPerSecond": 50}}]}]})",
                                 "g.costscape.json");
    QVERIFY2(s.ok(), s.error().toString().c_str());
    const EcsEc2Spec &e = s->options[0].as<EcsEc2Spec>();
    QVERIFY(e.autoInstanceTypes);
    QCOMPARE(e.purchase, Purchase::Spot);
    QCOMPARE(e.placement, PlacementStrategy::Spread);
    QCOMPARE(e.taskGroups.size(), std::size_t(2));
    QCOMPARE(e.taskGroups[1].name, std::string("worker"));
    QCOMPARE(e.taskGroups[1].fleet.capacity->kind, Capacity::Kind::RequestsPerSecond);
}

void TestScenarioReader::sampleScenario_isValid()
{
    const auto s = loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
    QVERIFY2(s.ok(), s.error().toString().c_str());
    QCOMPARE(s.warnings().size(), std::size_t(0));
    QCOMPARE(s->workload.requests.perSecondHourly.size(), std::size_t(168));
    std::set<Platform> platforms;
    for (const auto &o : s->options)
        platforms.insert(o.platform());
    // Every platform of the registry (EKS on EC2 is back since its sweep no longer stalls the window).
    QCOMPARE(platforms.size(), allPlatforms().size());
}

QTEST_GUILESS_MAIN(TestScenarioReader)
#include "tst_scenarioreader.moc"
