// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Batch runs: each platform bills a run with its minimum charge. The rules: Fargate "is calculated
// ... rounded up to the nearest second. A minimum charge of 1 minute applies" (AWS Fargate pricing);
// EC2 Linux "will be billed on one second increments, with a minimum of 60 seconds" (AWS, per-second
// billing, 2017; Windows too since June 2021); Lambda bills each invocation's duration, no minimum
// beyond its 1 ms rounding. Prices: the embedded sheet, us-east-1.

#include "tests/common/evaluatetext.h"

#include <QTest>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Tests;

class TestBatch : public QObject
{
    Q_OBJECT

private slots:
    void runs_billedWithEachPlatformsMinimum_data();
    void runs_billedWithEachPlatformsMinimum();
    void lambdaRunLongerThan15Minutes_isInfeasible();
    void requestsAndBatch_together_isAnError();
    void scenario_roundTrips();
};

namespace {
std::string batch(double runs, double seconds, double parallel)
{
    return R"({"batch": {"runsPerMonth": )" + std::to_string(runs) + R"(, "runSeconds": )" + std::to_string(seconds)
        + R"(, "parallel": )" + std::to_string(parallel) + R"(}, "memoryMb": 1024})";
}
} // namespace

void TestBatch::runs_billedWithEachPlatformsMinimum_data()
{
    QTest::addColumn<double>("runs");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<double>("parallel");
    QTest::addColumn<QString>("option");
    QTest::addColumn<double>("expected");
    const QString fargate = QStringLiteral(R"({"id": "t", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2})");
    // A 1 vCPU / 2 GB task-hour: 0.04048 + 2 x 0.004445 = $0.04937.
    // 100 runs of 20 s, one task: billed 60 s each, 100 x 60 / 3600 = 1.6667 task-hours.
    QTest::newRow("fargate-20s-billed-a-minute") << 100.0 << 20.0 << 1.0 << fargate << 100 * 60 / 3600.0 * 0.04937;
    // 100 runs of 90.4 s: rounded up to 91 s.
    QTest::newRow("fargate-90.4s-rounded-up") << 100.0 << 90.4 << 1.0 << fargate << 100 * 91 / 3600.0 * 0.04937;
    // 30 runs of 600 s with 5 tasks: 25 task-hours, no minimum at play.
    QTest::newRow("fargate-5-tasks-600s") << 30.0 << 600.0 << 5.0 << fargate << 25 * 0.04937;
    // EC2 t3.medium ($0.0416/h), 2 instances a run, 30 s runs billed 60 s: 100 x 2 x 60 / 3600 h.
    QTest::newRow("ec2-30s-billed-a-minute") << 100.0 << 30.0 << 2.0
                                             << QStringLiteral(R"({"id": "vm", "platform": "ec2", "instanceType": "t3.medium"})")
                                             << 100 * 2 * 60 / 3600.0 * 0.0416;
    // Lambda, 1 GB: 1,000 runs of 10 invocations of 30 s: 10,000 requests ($0.002) and
    // 10,000 x 30 s x 1 GB = 300,000 GB-s at $0.0000166667 ($5.00001).
    QTest::newRow("lambda-30s-no-minimum") << 1000.0 << 30.0 << 10.0
                                           << QStringLiteral(R"({"id": "fn", "platform": "lambda", "memoryMb": 1024})")
                                           << 10000 * 0.0000002 + 300000 * 0.0000166667;
}

void TestBatch::runs_billedWithEachPlatformsMinimum()
{
    QFETCH(double, runs);
    QFETCH(double, seconds);
    QFETCH(double, parallel);
    QFETCH(QString, option);
    QFETCH(double, expected);
    const auto e = evaluateText(scenarioWith(batch(runs, seconds, parallel), option.toStdString()));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const auto &o = e->options[0];
    QVERIFY2(o.feasible, o.warnings.empty() ? "" : o.warnings.front().c_str());
    QVERIFY2(std::abs(o.monthlyCost - expected) < 1e-9 * std::max(1.0, expected),
             qPrintable(QStringLiteral("%1, expected %2").arg(o.monthlyCost, 0, 'f', 9).arg(expected, 0, 'f', 9)));
    QVERIFY(o.ownPlan); // its one slot is the runs, not the workload's hours
}

void TestBatch::lambdaRunLongerThan15Minutes_isInfeasible()
{
    const auto e = evaluateText(scenarioWith(batch(10, 1000, 1), R"({"id": "fn", "platform": "lambda"})"));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    QVERIFY(!e->options[0].feasible);
    QVERIFY2(QString::fromStdString(e->options[0].warnings.at(0)).contains(QStringLiteral("900 s")), e->options[0].warnings.at(0).c_str());
    QCOMPARE(e->cheapestIndex(), -1);
}

void TestBatch::requestsAndBatch_together_isAnError()
{
    const auto s = Models::parseScenario(
        scenarioWith(R"({"requests": {"perMonth": 10}, "batch": {"runsPerMonth": 1, "runSeconds": 5}, "durationMs": 10, "memoryMb": 128})",
                     R"({"id": "fn", "platform": "lambda"})"),
        "both.costscape.json");
    QVERIFY(!s.ok());
    QVERIFY2(QString::fromStdString(s.error().message).startsWith(QStringLiteral("workload.batch: give either")), s.error().message.c_str());
    QVERIFY(s.error().line > 0);
}

void TestBatch::scenario_roundTrips()
{
    const auto s = Models::parseScenario(scenarioWith(batch(30, 600, 5), R"({"id": "fn", "platform": "lambda"})"), "b.costscape.json");
    QVERIFY2(s.ok(), s.error().toString().c_str());
    QVERIFY(s->workload.batch);
    const auto again = Models::parseScenario(Models::serializeScenario(s.value()), "again.costscape.json");
    QVERIFY2(again.ok(), again.error().toString().c_str());
    QVERIFY(again->workload.batch == s->workload.batch);
}

QTEST_GUILESS_MAIN(TestBatch)
#include "tst_batch.moc"
