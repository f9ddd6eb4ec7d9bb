// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A Compute Savings Plan on an ECS or EKS fleet that mixes instance types (issue 16): each type is
// a product at its own plan rate, covered in the order AWS applies a plan within an hour. The
// figures are AWS's own illustrative example, worked by hand in the comments.
#include "models/commitments/commitmentmath.h"
#include "output/resultformat.h"
#include "tests/common/evaluatetext.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Tests;

namespace {

// AWS Savings Plans User Guide, "Understanding how Savings Plans apply to your AWS usage"
// (sp-applying.html, current version), its pricing example, "illustrative only": r5.4xlarge
// On-Demand $1.00, Compute Savings Plans rate $0.70 (30%); m5.24xlarge $10.00 -> $8.20 (18%).
// (The stored page stops before its table; the rows are quoted from the lyz-code/blue-book notes
// that copy it, docs/commitments.md.) The test sheet is the embedded one with these two types at
// AWS's illustrative rates, so they are not prices; their sizes are the real ones (16 vCPU /
// 128 GiB, 96 vCPU / 384 GiB).
std::string sheetWithAwsExampleTypes()
{
    auto sheet = nlohmann::json::parse(std::string(Pricing::embeddedPriceSheetText()));
    auto &ec2 = sheet["regions"]["us-east-1"]["ec2"];
    ec2["r5.4xlarge"] = {{"vcpu", 16}, {"memoryGib", 128}, {"onDemandHourly", {{"linux", 1.00}}},
                         {"commitments", {{"compute-savings-plan/1yr/partial-upfront", {{"hourly", 0.70}}}}}};
    ec2["m5.24xlarge"] = {{"vcpu", 96}, {"memoryGib", 384}, {"onDemandHourly", {{"linux", 10.00}}},
                          {"commitments", {{"compute-savings-plan/1yr/partial-upfront", {{"hourly", 8.20}}}}}};
    return sheet.dump();
}

const std::string Workload = R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 128})";

// The example's hour, every hour of the month: one task that only an m5.24xlarge holds (90 vCPU)
// and four that each need an r5.4xlarge of their own (15 vCPU). The cheapest packing is 4 x r5.4xlarge
// ($4) + 1 x m5.24xlarge ($10), $14 an hour: the usage of AWS's example.
std::string ecsOption(const std::string &id, const std::string &commitment, const std::string &extra = {})
{
    return R"({"id": ")" + id + R"(", "platform": "ecs-ec2", "instanceTypes": ["r5.4xlarge", "m5.24xlarge"])" + extra
        + R"(, "taskGroups": [{"name": "big", "taskVcpu": 90, "taskMemoryMb": 300000, "tasks": 1},
                              {"name": "small", "taskVcpu": 15, "taskMemoryMb": 100000, "tasks": 4}])"
        + (commitment.empty() ? std::string() : ", \"commitment\": " + commitment) + "}";
}

std::string eksOption(const std::string &id, const std::string &commitment)
{
    return R"({"id": ")" + id + R"(", "platform": "eks-ec2", "nodeTypes": ["r5.4xlarge", "m5.24xlarge"],
              "podGroups": [{"name": "big", "podVcpu": 90, "podMemoryMb": 300000, "pods": 1},
                            {"name": "small", "podVcpu": 15, "podMemoryMb": 100000, "pods": 4}])"
        + (commitment.empty() ? std::string() : ", \"commitment\": " + commitment) + "}";
}

std::string plan(const std::string &hourly, const std::string &payment = "partial-upfront", int years = 1)
{
    return R"({"kind": "compute-savings-plan", "termYears": )" + std::to_string(years) + R"(, "payment": ")" + payment
        + R"(", "hourly": )" + hourly + "}";
}

} // namespace

class TestCommitmentMixedFleet : public QObject
{
    Q_OBJECT

private slots:
    void awsExample_planCoversTheHighestSavingFirst_data();
    void awsExample_planCoversTheHighestSavingFirst();
    void optimal_coversASteadyMixedFleet();
    void eks_mixedNodes();
    void refusals_data();
    void refusals();
};

void TestCommitmentMixedFleet::awsExample_planCoversTheHighestSavingFirst_data()
{
    QTest::addColumn<QString>("hourly");
    QTest::addColumn<double>("r5SpillPerHour");
    QTest::addColumn<double>("m5SpillPerHour");
    // Scenario 2: "$2.00/hour ... covers approximately 2.9 units" of r5.4xlarge (30% first): 2 / 0.70
    // = 2.857 units; "the remaining 1.1 units are charged at On-Demand rates, resulting in $1.14" for
    // r5 (4 - 20/7 = 8/7 x $1.00); the m5.24xlarge is not reached: $10.00 on demand.
    QTest::newRow("scenario 2: $2.00 covers part of the r5.4xlarge usage") << "2.0" << 8.0 / 7.0 << 10.0;
    // $4.00 covers the four r5.4xlarge ($2.80 at the plan rate), then 1.20 / 8.20 of the m5.24xlarge.
    QTest::newRow("$4.00 reaches the m5.24xlarge") << "4.0" << 0.0 << 10.0 * (1 - 1.2 / 8.2);
    // Scenario 1: "$50.00/hour ... covers all of your usage": everything at plan rates is $11.00.
    QTest::newRow("scenario 1: $50.00 covers every type") << "50.0" << 0.0 << 0.0;
    QTest::newRow("no commitment") << "0" << 4.0 << 10.0;
}

void TestCommitmentMixedFleet::awsExample_planCoversTheHighestSavingFirst()
{
    QFETCH(QString, hourly);
    QFETCH(double, r5SpillPerHour);
    QFETCH(double, m5SpillPerHour);
    const auto e = evaluateText(scenarioWith(Workload, ecsOption("od", "") + ", " + ecsOption("sp", plan(hourly.toStdString()))),
                                sheetWithAwsExampleTypes());
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::OptionResult *od = optionById(e.value(), "od");
    const Models::OptionResult *sp = optionById(e.value(), "sp");
    QVERIFY(od && sp);
    QVERIFY2(sp->commitment.has_value(), sp->summary.c_str());
    // The fleet is the example's: 4 + 1 instances, $14.00 an hour on demand, 730 hours.
    QVERIFY(line(*od, "on-demand instances r5.4xlarge") && closeTo(line(*od, "on-demand instances r5.4xlarge")->quantity, 4 * 730.0));
    QVERIFY(line(*od, "on-demand instances m5.24xlarge") && closeTo(line(*od, "on-demand instances m5.24xlarge")->quantity, 730.0));
    const Models::CommitmentSummary &c = *sp->commitment;
    const double commitment = hourly.toDouble();
    QVERIFY(closeTo(c.onDemandMonthly, 14.0 * 730));
    QVERIFY(closeTo(c.spillMonthly, (r5SpillPerHour + m5SpillPerHour) * 730));
    QVERIFY(closeTo(c.effectiveMonthly, (commitment + r5SpillPerHour + m5SpillPerHour) * 730));
    QVERIFY(closeTo(sp->monthlyCost, od->monthlyCost - c.onDemandMonthly + c.effectiveMonthly));
    QCOMPARE(c.instanceType, std::string("r5.4xlarge + m5.24xlarge"));
    // The type lines give way to the plan and one spill line per type.
    QVERIFY(!line(*sp, "on-demand instances r5.4xlarge") && !line(*sp, "on-demand instances m5.24xlarge"));
    QVERIFY(line(*sp, "on-demand spill r5.4xlarge") && closeTo(line(*sp, "on-demand spill r5.4xlarge")->cost, r5SpillPerHour * 730));
    QVERIFY(closeTo(line(*sp, "on-demand spill r5.4xlarge")->quantity, r5SpillPerHour * 730)); // $1.00 an instance-hour
    QVERIFY(line(*sp, "on-demand spill m5.24xlarge") && closeTo(line(*sp, "on-demand spill m5.24xlarge")->cost, m5SpillPerHour * 730));
    QCOMPARE(line(*sp, "on-demand spill m5.24xlarge")->unit, std::string("instance-hours"));
    // In the order the plan covers them: r5.4xlarge (30%) before m5.24xlarge (18%).
    QCOMPARE(c.commitments.size(), std::size_t(1));
    const auto &products = c.commitments[0].products;
    QCOMPARE(products.size(), std::size_t(2));
    QCOMPARE(products[0].unit, std::string("r5.4xlarge instance-hours"));
    QCOMPARE(products[0].rate, 0.70);
    QCOMPARE(products[1].unit, std::string("m5.24xlarge instance-hours"));
    QVERIFY(closeTo(products[0].coveredUnitHours, (4 - r5SpillPerHour) * 730));
    for (double hour : sp->hourlyCost)
        QVERIFY(closeTo(hour - od->hourlyCost.front(), commitment + r5SpillPerHour + m5SpillPerHour - 14.0));
}

void TestCommitmentMixedFleet::optimal_coversASteadyMixedFleet()
{
    // Every hour alike and both types cheaper under the plan: the optimum covers everything,
    // 4 x 0.70 + 8.20 = $11.00 an hour, $8,030 a month against $10,220 on demand.
    const auto e = evaluateText(scenarioWith(Workload, ecsOption("sp", plan("\"optimal\""))), sheetWithAwsExampleTypes());
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::OptionResult *sp = optionById(e.value(), "sp");
    QVERIFY(sp && sp->commitment);
    const Models::CommitmentSummary &c = *sp->commitment;
    QVERIFY(c.commitments.front().optimal);
    QVERIFY(closeTo(c.commitments.front().amount, 11.0));
    QVERIFY(closeTo(c.effectiveMonthly, 8030.0));
    QVERIFY(closeTo(c.coverage, 1.0));
    QVERIFY(closeTo(c.curveOptimal, 11.0));
    // The curve is no lower anywhere than at the optimum.
    QVERIFY(!c.curve.empty());
    for (const auto &point : c.curve)
        QVERIFY(point.monthlyCost >= c.effectiveMonthly - 1e-6);
    // The JSON carries both types' rates.
    const auto json = nlohmann::json::parse(Output::formatJson(e.value()));
    QCOMPARE(json["options"][0]["commitment"]["commitments"][0]["products"].size(), std::size_t(2));
}

void TestCommitmentMixedFleet::eks_mixedNodes()
{
    // The same pods on EKS nodes: the plan covers the nodes as it covers ECS instances; the
    // control plane is not compute and keeps its line.
    const auto e = evaluateText(scenarioWith(Workload, eksOption("od", "") + ", " + eksOption("sp", plan("2.0"))),
                                sheetWithAwsExampleTypes());
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::OptionResult *od = optionById(e.value(), "od");
    const Models::OptionResult *sp = optionById(e.value(), "sp");
    QVERIFY(od && sp && sp->commitment);
    QVERIFY(line(*od, "on-demand nodes r5.4xlarge") && closeTo(line(*od, "on-demand nodes r5.4xlarge")->quantity, 4 * 730.0));
    QVERIFY(line(*od, "on-demand nodes m5.24xlarge") && closeTo(line(*od, "on-demand nodes m5.24xlarge")->quantity, 730.0));
    QVERIFY(closeTo(sp->commitment->effectiveMonthly, (2.0 + 8.0 / 7.0 + 10.0) * 730));
    QVERIFY(closeTo(sp->monthlyCost, od->monthlyCost - 14.0 * 730 + (2.0 + 8.0 / 7.0 + 10.0) * 730));
    QVERIFY(line(*sp, "on-demand spill r5.4xlarge") && !line(*sp, "on-demand nodes r5.4xlarge"));
}

void TestCommitmentMixedFleet::refusals_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("message");
    const std::string ri = R"({"kind": "reserved-instance", "offering": "standard", "termYears": 1, "payment": "no-upfront", "count": 2})";
    QTest::newRow("a reservation is bought for one type")
        << QString::fromStdString(ecsOption("x", ri)) << "reserved-instance is bought for one instance type, and this option's cluster uses 2";
    QTest::newRow("the message says which plan covers every type")
        << QString::fromStdString(eksOption("x", ri)) << "or use a compute-savings-plan, which covers every type";
    QTest::newRow("a type without the plan's rate is named")
        << QString::fromStdString(ecsOption("x", plan("1.0", "no-upfront", 3)))
        << "has no 3-year Compute Savings Plan, no upfront rate for r5.4xlarge in us-east-1";
    QTest::newRow("spot")
        << QString::fromStdString(ecsOption("x", plan("1.0"), R"(, "purchase": "spot", "spotDiscount": 0.6)")) << "this option buys spot";
}

void TestCommitmentMixedFleet::refusals()
{
    QFETCH(QString, option);
    QFETCH(QString, message);
    const auto e = evaluateText(scenarioWith(Workload, option.toStdString()), sheetWithAwsExampleTypes());
    QVERIFY(!e.ok());
    QVERIFY2(e.error().message.find(message.toStdString()) != std::string::npos, e.error().toString().c_str());
    QVERIFY2(e.error().toString().find("options[0] (\"x\").commitment") != std::string::npos, e.error().toString().c_str());
}

QTEST_GUILESS_MAIN(TestCommitmentMixedFleet)
#include "tst_commitmentmixedfleet.moc"
