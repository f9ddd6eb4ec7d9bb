// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/evaluatetext.h"
#include "models/platforms/fargate/fargatemodel.h"

#include <QTest>

using namespace Costscape;
using namespace Costscape::Tests;

class TestFargateCost : public QObject
{
    Q_OBJECT

private slots:
    void taskSizes_onlyWhatAwsOffers_data();
    void taskSizes_onlyWhatAwsOffers();
    void cost_isTasksTimesHoursTimesRates_data();
    void cost_isTasksTimesHoursTimesRates();
    void invalidSize_isInfeasibleWithTheReason();
    void spot_onLinuxOnly_x86AndArm_data();
    void spot_onLinuxOnly_x86AndArm();
    void spot_withoutRates_needsADiscountOrFails();
    void spot_usesTheSheetsSpotRates();
    void derivedTasks_followTheProfile();
};

static const char *const Idle = R"({"requests": {"perMonth": 0}, "durationMs": 100, "memoryMb": 128})";

void TestFargateCost::taskSizes_onlyWhatAwsOffers_data()
{
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<double>("gb");
    QTest::addColumn<QString>("os");
    QTest::addColumn<bool>("valid");
    // ECS Developer Guide, "Task size" (Fargate).
    QTest::newRow("0.25-vcpu-0.5-gb") << 0.25 << 0.5 << "linux" << true;
    QTest::newRow("0.25-vcpu-2-gb") << 0.25 << 2.0 << "linux" << true;
    QTest::newRow("0.25-vcpu-3-gb") << 0.25 << 3.0 << "linux" << false;
    QTest::newRow("0.5-vcpu-4-gb") << 0.5 << 4.0 << "linux" << true;
    QTest::newRow("0.5-vcpu-1.5-gb-not-a-step") << 0.5 << 1.5 << "linux" << false;
    QTest::newRow("1-vcpu-8-gb") << 1.0 << 8.0 << "linux" << true;
    QTest::newRow("1-vcpu-9-gb") << 1.0 << 9.0 << "linux" << false;
    QTest::newRow("2-vcpu-4-gb") << 2.0 << 4.0 << "linux" << true;
    QTest::newRow("4-vcpu-30-gb") << 4.0 << 30.0 << "linux" << true;
    QTest::newRow("4-vcpu-31-gb") << 4.0 << 31.0 << "linux" << false;
    QTest::newRow("8-vcpu-20-gb-4gb-steps") << 8.0 << 20.0 << "linux" << true;
    QTest::newRow("8-vcpu-18-gb-off-step") << 8.0 << 18.0 << "linux" << false;
    QTest::newRow("16-vcpu-120-gb") << 16.0 << 120.0 << "linux" << true;
    QTest::newRow("16-vcpu-36-gb-off-step") << 16.0 << 36.0 << "linux" << false;
    QTest::newRow("3-vcpu-does-not-exist") << 3.0 << 8.0 << "linux" << false;
    QTest::newRow("windows-1-vcpu-2-gb") << 1.0 << 2.0 << "windows" << true;
    QTest::newRow("windows-0.5-vcpu-below-minimum") << 0.5 << 2.0 << "windows" << false;
    QTest::newRow("windows-8-vcpu-linux-only-size") << 8.0 << 16.0 << "windows" << false;
}

void TestFargateCost::taskSizes_onlyWhatAwsOffers()
{
    QFETCH(double, vcpu);
    QFETCH(double, gb);
    QFETCH(QString, os);
    QFETCH(bool, valid);
    const std::string why = Models::FargateModel::invalidTaskSize(vcpu, gb, os.toStdString());
    QVERIFY2(why.empty() == valid, why.c_str());
}

void TestFargateCost::cost_isTasksTimesHoursTimesRates_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<double>("expected");
    // Embedded us-east-1 rates: Linux x86 $0.04048/vCPU-h, $0.004445/GB-h; ARM $0.03238, $0.00356;
    // Windows $0.046552 + licence $0.046 per vCPU-h, $0.00511175/GB-h; storage $0.000111/GB-h.
    // 2 x 730 x (1 x 0.04048 + 2 x 0.004445) = 1460 x 0.04937 = 72.0802
    QTest::newRow("linux-x86-1vcpu-2gb-2-tasks")
        << R"({"id": "t", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2})" << 72.0802;
    // 730 x (0.5 x 0.03238 + 1 x 0.00356) = 730 x 0.01975 = 14.4175
    QTest::newRow("linux-arm-0.5vcpu-1gb")
        << R"({"id": "t", "platform": "fargate", "architecture": "arm64", "taskVcpu": 0.5, "taskMemoryGb": 1, "tasks": 1})"
        << 14.4175;
    // 730 x (0.046552 + 0.046 + 2 x 0.00511175) = 730 x 0.1027755 = 75.026115
    QTest::newRow("windows-1vcpu-2gb-pays-licence")
        << R"({"id": "t", "platform": "fargate", "os": "windows", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 1})"
        << 75.026115;
    // 72.0802 + 2 x 730 x 30 GB x 0.000111 = 72.0802 + 4.8618 = 76.942
    QTest::newRow("ephemeral-50gb-pays-30gb")
        << R"({"id": "t", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2, "ephemeralStorageGb": 50})"
        << 76.942;
    // 10 tasks for 100 hours: 1000 task-hours x (0.25 x 0.04048 + 0.5 x 0.004445) = 1000 x 0.0123425
    QTest::newRow("option-hours-override")
        << R"({"id": "t", "platform": "fargate", "taskVcpu": 0.25, "taskMemoryGb": 0.5, "tasks": 10, "hoursPerMonth": 100})"
        << 12.3425;
}

void TestFargateCost::cost_isTasksTimesHoursTimesRates()
{
    QFETCH(QString, option);
    QFETCH(double, expected);
    const auto e = evaluateText(scenarioWith(Idle, option.toStdString()));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    QVERIFY(e->options[0].feasible);
    QVERIFY2(std::abs(e->options[0].monthlyCost - expected) < 1e-9,
             qPrintable(QString::number(e->options[0].monthlyCost, 'f', 10)));
}

void TestFargateCost::invalidSize_isInfeasibleWithTheReason()
{
    const auto e = evaluateText(scenarioWith(Idle, R"({"id": "t", "platform": "fargate", "taskVcpu": 3, "taskMemoryGb": 6, "tasks": 1})"));
    QVERIFY(e.ok());
    QVERIFY(!e->options[0].feasible);
    QVERIFY(QString::fromStdString(e->options[0].warnings[0]).contains(QStringLiteral("0.25, 0.5, 1, 2, 4, 8 or 16 vCPU")));
}

void TestFargateCost::spot_onLinuxOnly_x86AndArm_data()
{
    // "FARGATE_SPOT supports Linux tasks with the ARM64 architecture on platform version 1.4.0 or
    // later"; "Windows containers on Fargate don't support the Fargate Spot capacity provider".
    QTest::addColumn<QString>("option");
    QTest::addColumn<bool>("feasible");
    QTest::addColumn<double>("monthly");
    // arm64 Spot from the sheet: 730 x (1 x 0.0097 + 2 x 0.00107) = 730 x 0.01184 = 8.6432
    QTest::newRow("linux-arm64-spot-rates")
        << QStringLiteral(R"({"id": "t", "platform": "fargate", "architecture": "arm64", "spot": true, "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 1})")
        << true << 8.6432;
    // x86_64 Spot from the sheet: 730 x (0.012 + 2 x 0.0013) = 730 x 0.0146 = 10.658
    QTest::newRow("linux-x86-spot-rates")
        << QStringLiteral(R"({"id": "t", "platform": "fargate", "spot": true, "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 1})")
        << true << 10.658;
    QTest::newRow("windows-no-spot")
        << QStringLiteral(R"({"id": "t", "platform": "fargate", "os": "windows", "spot": true, "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 1})")
        << false << -1.0;
}

void TestFargateCost::spot_onLinuxOnly_x86AndArm()
{
    QFETCH(QString, option);
    QFETCH(bool, feasible);
    QFETCH(double, monthly);
    const std::string sheet = R"({"format": "costscape-prices", "version": 1, "name": "s", "regions": {"us-east-1": {
        "fargate": {"linux/x86_64": {"vcpuHour": 0.04, "gbHour": 0.004},
                    "linux/arm64": {"vcpuHour": 0.032, "gbHour": 0.0035},
                    "windows/x86_64": {"vcpuHour": 0.046, "gbHour": 0.005, "osLicenseVcpuHour": 0.046},
                    "spot/linux/x86_64": {"vcpuHour": 0.012, "gbHour": 0.0013},
                    "spot/linux/arm64": {"vcpuHour": 0.0097, "gbHour": 0.00107}}}}})";
    const auto e = evaluateText(scenarioWith(Idle, option.toStdString()), sheet);
    QVERIFY2(e.ok(), e.error().toString().c_str());
    QCOMPARE(e->options[0].feasible, feasible);
    if (feasible)
        QVERIFY2(std::abs(e->options[0].monthlyCost - monthly) < 1e-9, std::to_string(e->options[0].monthlyCost).c_str());
    else
        QVERIFY2(QString::fromStdString(e->options[0].warnings.at(0)).contains(QStringLiteral("Fargate Spot runs Linux tasks only")),
                 e->options[0].warnings.at(0).c_str());
}

void TestFargateCost::spot_withoutRates_needsADiscountOrFails()
{
    // The embedded sheet has no Fargate Spot rates: without a discount that is an error, not $0.
    const auto noRate = evaluateText(scenarioWith(Idle, R"({"id": "t", "platform": "fargate", "spot": true, "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 1})"));
    QVERIFY(!noRate.ok());
    QCOMPARE(noRate.error().code, ErrorCode::MissingPrice);
    QVERIFY(noRate.error().line > 0);
    // With spotDiscount 0.7: 730 x 0.04937 x 0.3 = 10.81203
    const auto discounted = evaluateText(scenarioWith(
        Idle, R"({"id": "t", "platform": "fargate", "spot": true, "spotDiscount": 0.7, "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 1})"));
    QVERIFY2(discounted.ok(), discounted.error().toString().c_str());
    QVERIFY(std::abs(discounted->options[0].monthlyCost - 10.81203) < 1e-9);
}

void TestFargateCost::spot_usesTheSheetsSpotRates()
{
    const std::string sheet = R"({"format": "costscape-prices", "version": 1, "name": "s", "regions": {"us-east-1": {
        "fargate": {"linux/x86_64": {"vcpuHour": 0.04, "gbHour": 0.004},
                    "spot/linux/x86_64": {"vcpuHour": 0.012, "gbHour": 0.0013}}}}})";
    // 730 x (2 x 0.012 + 4 x 0.0013) = 730 x 0.0292 = 21.316
    const auto e = evaluateText(scenarioWith(Idle, R"({"id": "t", "platform": "fargate", "spot": true, "taskVcpu": 2, "taskMemoryGb": 4, "tasks": 1})"),
                                sheet);
    QVERIFY2(e.ok(), e.error().toString().c_str());
    QVERIFY(std::abs(e->options[0].monthlyCost - 21.316) < 1e-9);
}

void TestFargateCost::derivedTasks_followTheProfile()
{
    // A day profile: 12 hours at 100 req/s, 12 at 10. 200 ms per request: 20 and 2 concurrent.
    // A task serves 10 concurrent at 100% and is run at 50%: 4 tasks by day, 1 (minCount 1) at night.
    std::string profile;
    for (int h = 0; h < 24; ++h)
        profile += (h ? "," : "") + std::string(h < 12 ? "100" : "10");
    const auto e = evaluateText(scenarioWith(
        R"({"requests": {"perSecondHourly": [)" + profile + R"(]}, "durationMs": 200, "memoryMb": 256})",
        R"({"id": "t", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2,
            "capacity": {"concurrentRequests": 10}, "targetUtilization": 0.5, "minCount": 1})",
        R"("region": "us-east-1", "hoursPerMonth": 720, )"));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const auto &o = e->options[0];
    QCOMPARE(o.fleet.peak, 4.0);
    // 30 days x (12 x 4 + 12 x 1) = 1,800 task-hours; average 2.5 tasks.
    QCOMPARE(o.fleet.unitHours, 1800.0);
    QCOMPARE(o.fleet.average, 2.5);
    QVERIFY(std::abs(o.monthlyCost - 1800 * 0.04937) < 1e-9);
}

QTEST_GUILESS_MAIN(TestFargateCost)
#include "tst_fargatecost.moc"
