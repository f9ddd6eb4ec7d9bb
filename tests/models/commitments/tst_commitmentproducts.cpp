// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Compute Savings Plans over several products per hour (issue 16: Fargate's vCPU-hours and
// GB-hours): the hour-by-hour order AWS applies, the exact optimum, and fargate / eks-fargate
// options end to end. Figures come from AWS's published example or are worked by hand in the
// comments. The Fargate plan rates in the test sheet are ILLUSTRATIVE, not prices: no public
// per-unit Fargate Savings Plans rate was found (docs/commitments.md).
#include "models/chartseries.h"
#include "models/commitments/commitmentmath.h"
#include "output/resultformat.h"
#include "tests/common/evaluatetext.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <random>

using namespace Costscape;
using namespace Costscape::Tests;
using namespace Costscape::Models::Commitments;

namespace {

// AWS Savings Plans User Guide, "Understanding How Savings Plans are Applied to Your Usage" (the
// older version of sp-applying.html), its pricing example: "10 vCPU and 5 GB per hour of Fargate
// usage in us-west-1"; Fargate vCPU On-Demand $1.50, Compute Savings Plans rate $1.00 (33.3%);
// Fargate GB per hour $2.00 -> $1.00 (50%). The rates are AWS's own "illustrative only" ones.
// Products: 0 = vCPU, 1 = GB.
ProductUsage awsFargateHour()
{
    return ProductUsage{{{10.0}, {5.0}}, {1.0}, {1.50, 2.00}};
}
const std::vector<double> AwsFargateRates = {1.00, 1.00};

// The test sheet: the embedded one, with ILLUSTRATIVE 1-year no-upfront Compute Savings Plans
// rates on us-east-1 Fargate linux/x86_64: 0.03 per vCPU-hour (on demand 0.04048: 25.9% off) and
// 0.002 per GB-hour (on demand 0.004445: 55.0% off). Not prices.
std::string sheetWithFargatePlanRates()
{
    auto sheet = nlohmann::json::parse(std::string(Pricing::embeddedPriceSheetText()));
    sheet["regions"]["us-east-1"]["fargate"]["linux/x86_64"]["commitments"] = {
        {"compute-savings-plan/1yr/no-upfront", {{"vcpuHour", 0.03}, {"gbHour", 0.002}}}};
    return sheet.dump();
}

const std::string Workload = R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 128})";

} // namespace

class TestCommitmentProducts : public QObject
{
    Q_OBJECT

private slots:
    void awsExample_fargateHour_data();
    void awsExample_fargateHour();
    void awsExample_optimumCoversAll();
    void coverageOrder_highestSavingThenLowestRate();
    void severalPlans_eachTakesWhatTheOneBeforeLeft();
    void oneProduct_isTheSingleProductPath();
    void optimal_isNoWorseThanAnyLevelOnAFineGrid();
    void fargate_endToEnd();
    void fargate_optimalCoversASteadyFleet();
    void fargate_optimalFollowsTheTrafficProfile();
    void eksFargate_endToEnd();
    void fargate_refusals_data();
    void fargate_refusals();
};

void TestCommitmentProducts::awsExample_fargateHour_data()
{
    QTest::addColumn<double>("commitment");
    QTest::addColumn<double>("vcpuSpill");
    QTest::addColumn<double>("gbSpill");
    // Within the hour the plan covers the GB first (50% > 33.3%), then the vCPU.
    // $5/h: 5 GB x $1.00 = $5, the whole commitment; the 10 vCPU spill: 10 x $1.50 = $15.
    QTest::newRow("$5 covers the GB only") << 5.0 << 10 * 1.50 << 0.0;
    // $3/h: 3 GB; 2 GB x $2.00 = $4 and 10 vCPU x $1.50 = $15 spill.
    QTest::newRow("$3 covers part of the GB") << 3.0 << 10 * 1.50 << 2 * 2.00;
    // $10/h: 5 GB ($5), then 5 vCPU ($5); 5 vCPU x $1.50 = $7.50 spill.
    QTest::newRow("$10 reaches the vCPU") << 10.0 << 5 * 1.50 << 0.0;
    // $15/h: 5 GB + 10 vCPU at $1.00 = $15: all covered, nothing spills.
    QTest::newRow("$15 covers all") << 15.0 << 0.0 << 0.0;
    // $20/h: all covered, $5 of the commitment unused (paid all the same).
    QTest::newRow("$20, $5 unused") << 20.0 << 0.0 << 0.0;
    QTest::newRow("no plan: on demand") << 0.0 << 15.0 << 10.0;
}

void TestCommitmentProducts::awsExample_fargateHour()
{
    QFETCH(double, commitment);
    QFETCH(double, vcpuSpill);
    QFETCH(double, gbSpill);
    const ProductOutcome o = applyPlans(awsFargateHour(), {{commitment, AwsFargateRates}});
    QVERIFY(closeTo(o.spillCost[0], vcpuSpill));
    QVERIFY(closeTo(o.spillCost[1], gbSpill));
    QVERIFY(closeTo(o.totalCost, commitment + vcpuSpill + gbSpill));
    QVERIFY(closeTo(o.onDemandCost, 25.0)); // 10 x 1.50 + 5 x 2.00
    QVERIFY(closeTo(o.layers[0].usedCost, std::min(commitment, 15.0)));
    QVERIFY(closeTo(o.slotCost[0], o.totalCost)); // one hour of weight 1
    // What is covered, it is covered at the plan's rates: on-demand value 2 per GB, 1.50 per vCPU.
    const double coveredGb = 5 - gbSpill / 2.00, coveredVcpu = 10 - vcpuSpill / 1.50;
    QVERIFY(closeTo(o.coveredUnitHours[0][1], coveredGb));
    QVERIFY(closeTo(o.coveredUnitHours[0][0], coveredVcpu));
    QVERIFY(closeTo(o.coveredOnDemandCost, coveredGb * 2.00 + coveredVcpu * 1.50));
}

void TestCommitmentProducts::awsExample_optimumCoversAll()
{
    // One hour of the example: each dollar saves $1 on the GB (2.00 - 1.00), then $0.50 on the
    // vCPU (1.50 - 1.00): worth spending until all is covered, $5 + $10 = $15 (cost $15 < $25).
    QVERIFY(closeTo(optimalPlanHourly(awsFargateHour(), AwsFargateRates), 15.0));
    // Busy one hour in three: a dollar of commitment costs $3 over the three hours and saves at
    // most $2 (on the GB) in the busy one: nothing is worth committing.
    const ProductUsage oneInThree{{{10.0, 0, 0}, {5.0, 0, 0}}, {1, 1, 1}, {1.50, 2.00}};
    QCOMPARE(optimalPlanHourly(oneInThree, AwsFargateRates), 0.0);
    // Busy two hours in three: a GB-dollar saves 2 x 2 = 4 > 3, a vCPU-dollar 1.5 x 2 = 3, not
    // more than 3: cover the GB only, $5 (the vCPU segment is flat: $5 is its cheapest end).
    const ProductUsage twoInThree{{{10.0, 10.0, 0}, {5.0, 5.0, 0}}, {1, 1, 1}, {1.50, 2.00}};
    QVERIFY(closeTo(optimalPlanHourly(twoInThree, AwsFargateRates), 5.0));
    QVERIFY(closeTo(applyPlans(twoInThree, {{5.0, AwsFargateRates}}).totalCost, 3 * 5.0 + 2 * 15.0));
}

void TestCommitmentProducts::coverageOrder_highestSavingThenLowestRate()
{
    // The example: GB (50%) before vCPU (33.3%).
    QCOMPARE(coverageOrder({1.50, 2.00}, {1.00, 1.00}), (std::vector<std::size_t>{1, 0}));
    // Equal savings (50% both): "applied to the first usage with the lowest Savings Plans rate".
    QCOMPARE(coverageOrder({4.00, 2.00}, {2.00, 1.00}), (std::vector<std::size_t>{1, 0}));
    // So $1 covers one unit of the $1-rate product; the other spills whole.
    const ProductOutcome o = applyPlans({{{1.0}, {1.0}}, {1.0}, {4.00, 2.00}}, {{1.0, {2.00, 1.00}}});
    QVERIFY(closeTo(o.spillCost[1], 0.0));
    QVERIFY(closeTo(o.spillCost[0], 4.0));
}

void TestCommitmentProducts::severalPlans_eachTakesWhatTheOneBeforeLeft()
{
    // The example's hour, a $5 plan then a $3 plan at the same rates: the first covers the 5 GB,
    // the second 3 vCPU; 7 vCPU x $1.50 = $10.50 spill; total 5 + 3 + 10.50 = $18.50.
    const ProductOutcome o = applyPlans(awsFargateHour(), {{5.0, AwsFargateRates}, {3.0, AwsFargateRates}});
    QVERIFY(closeTo(o.coveredUnitHours[0][1], 5.0));
    QVERIFY(closeTo(o.coveredUnitHours[0][0], 0.0));
    QVERIFY(closeTo(o.coveredUnitHours[1][0], 3.0));
    QVERIFY(closeTo(o.totalCost, 18.50));
    QVERIFY(closeTo(o.leftUnits[0][0], 7.0));
}

void TestCommitmentProducts::oneProduct_isTheSingleProductPath()
{
    // With one product the multi-product functions give the EC2 path's figures: same optimum to
    // the bit, same month.
    std::mt19937 random(161207);
    std::lognormal_distribution<double> load(1.0, 0.8);
    std::uniform_real_distribution<double> discount(0.05, 0.75);
    for (int round = 0; round < 100; ++round) {
        Usage single;
        single.onDemand = 0.096;
        for (int h = 0; h < 200; ++h) {
            single.units.push_back(std::floor(load(random)));
            single.weight.push_back(round % 3 ? 1.0 : 0.5 + (h % 5));
        }
        const double rate = single.onDemand * (1 - discount(random));
        const ProductUsage multi{{single.units}, single.weight, {single.onDemand}};
        const double best = optimalPlanHourly(single, rate);
        QCOMPARE(optimalPlanHourly(multi, {rate}), best);
        for (double level : {0.0, best, 0.5 * best, 2 * best + 0.01}) {
            const Outcome a = apply(single, {}, {{level, rate}});
            const ProductOutcome b = applyPlans(multi, {{level, {rate}}});
            QVERIFY(closeTo(a.totalCost, b.totalCost, 1e-12));
            QVERIFY(closeTo(a.spillUnitHours, b.spillUnitHours[0], 1e-12));
        }
    }
}

void TestCommitmentProducts::optimal_isNoWorseThanAnyLevelOnAFineGrid()
{
    // The issue's property, for two and three products: on random hourly profiles (tasks of
    // random sizes, so vCPU and GB do not move together) with random savings per product, the
    // optimum costs no more than any of 2,001 levels up to 1.2 x the peak hour's spend at the
    // plan's rates, and never more than on demand.
    std::mt19937 random(20261207);
    std::lognormal_distribution<double> load(1.0, 0.8);
    std::uniform_real_distribution<double> discount(0.05, 0.75);
    std::uniform_real_distribution<double> size(0.25, 4.0);
    for (int round = 0; round < 120; ++round) {
        const std::size_t products = round % 4 == 3 ? 3 : 2;
        ProductUsage usage;
        usage.onDemand = {0.04048, 0.004445, 0.0125};
        usage.onDemand.resize(products);
        usage.units.assign(products, {});
        const int hours = round % 2 ? 24 : 730;
        for (int h = 0; h < hours; ++h) {
            const double tasks = std::floor(load(random));
            const double perTask = size(random);
            usage.units[0].push_back(tasks * perTask);
            usage.units[1].push_back(tasks * perTask * (2 + size(random)));
            if (products == 3)
                usage.units[2].push_back(std::floor(load(random)));
            usage.weight.push_back(round % 3 ? 1.0 : 0.5 + (h % 5));
        }
        std::vector<double> rates;
        for (std::size_t j = 0; j < products; ++j)
            rates.push_back(usage.onDemand[j] * (1 - discount(random)));
        if (round % 5 == 0)
            rates[1] = usage.onDemand[1] * (rates[0] / usage.onDemand[0]); // equal savings: the lower rate goes first

        double peak = 0;
        for (int h = 0; h < hours; ++h) {
            double spend = 0;
            for (std::size_t j = 0; j < products; ++j)
                spend += usage.units[j][std::size_t(h)] * rates[j];
            peak = std::max(peak, spend);
        }
        const double best = optimalPlanHourly(usage, rates);
        const double bestCost = applyPlans(usage, {{best, rates}}).totalCost;
        QVERIFY(bestCost <= usage.onDemandCost() + 1e-9);
        for (int k = 0; k <= 2000; ++k) {
            const double level = peak * 1.2 * k / 2000;
            QVERIFY2(bestCost <= applyPlans(usage, {{level, rates}}).totalCost + 1e-9, "a plan level on the grid is cheaper");
        }
    }
}

void TestCommitmentProducts::fargate_endToEnd()
{
    // Two tasks of 1 vCPU / 2 GB all month (730 h): 2 vCPU and 4 GB each hour. On demand:
    // 2 x 0.04048 + 4 x 0.004445 = 0.09874 per hour, 72.0802 a month. A $0.02/h plan at the
    // illustrative rates covers the GB first (55.0% off > 25.9%): 4 x 0.002 = 0.008, then
    // 0.012 / 0.03 = 0.4 vCPU; 1.6 vCPU spill at 0.04048 = 0.064768 per hour.
    // Month: plan 730 x 0.02 = 14.60; spill 730 x 1.6 x 0.04048 = 47.28064; 61.88064 in all.
    const std::string plan = R"({"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": 0.02})";
    const auto e = evaluateText(
        scenarioWith(Workload, R"({"id": "od", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2},
                                  {"id": "sp", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2, "commitment": )"
                                   + plan + "}"),
        sheetWithFargatePlanRates());
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::OptionResult *od = optionById(e.value(), "od");
    const Models::OptionResult *sp = optionById(e.value(), "sp");
    QVERIFY(od && sp && sp->commitment);
    const Models::CommitmentSummary &c = *sp->commitment;
    QVERIFY(closeTo(c.onDemandMonthly, 72.0802));
    QVERIFY(closeTo(c.effectiveMonthly, 61.88064));
    QVERIFY(closeTo(c.spillMonthly, 47.28064));
    QVERIFY(closeTo(sp->monthlyCost, od->monthlyCost - (72.0802 - 61.88064)));
    QCOMPARE(c.instanceType, std::string("Fargate linux/x86_64"));
    // Covered on demand: 4 x 0.004445 + 0.4 x 0.04048 = 0.033972 of 0.09874 per hour.
    QVERIFY(closeTo(c.coverage, 0.033972 / 0.09874));
    QVERIFY(closeTo(c.utilisation, 1.0));
    QCOMPARE(c.breakEvenMonth, std::optional<int>(1));
    // The plan's products, in the order it covers them: GB-hours (4 x 730), then vCPU-hours (0.4 x 730).
    QCOMPARE(c.commitments.size(), std::size_t(1));
    const auto &products = c.commitments[0].products;
    QCOMPARE(products.size(), std::size_t(2));
    QCOMPARE(products[0].unit, std::string("GB-hours"));
    QVERIFY(closeTo(products[0].coveredUnitHours, 2920));
    QCOMPARE(products[1].unit, std::string("vCPU-hours"));
    QVERIFY(closeTo(products[1].coveredUnitHours, 292));
    // The bill: vCPU and memory give way to the plan and the spill.
    QVERIFY(!line(*sp, "vCPU") && !line(*sp, "memory"));
    QVERIFY(line(*sp, "commitment: savings plan") && closeTo(line(*sp, "commitment: savings plan")->cost, 14.6));
    QVERIFY(line(*sp, "on-demand spill vCPU") && closeTo(line(*sp, "on-demand spill vCPU")->cost, 47.28064));
    QVERIFY(closeTo(line(*sp, "on-demand spill vCPU")->quantity, 1168));
    QVERIFY(line(*sp, "on-demand spill memory") && closeTo(line(*sp, "on-demand spill memory")->cost, 0));
    // Every hour costs the plan plus its spill.
    for (double hour : sp->hourlyCost)
        QVERIFY(closeTo(hour, 0.02 + 0.064768));
    // The monthly chart stacks the commitment and the spill as their own segments.
    const Models::MonthlySeries series = Models::monthlySeries(e.value());
    bool commitment = false, spill = false;
    for (const auto &stack : series.stacks) {
        commitment |= stack.name == "commitment: savings plan" && closeTo(stack.values[1], 14.6) && stack.values[0] == 0;
        spill |= stack.name == "on-demand spill vCPU" && closeTo(stack.values[1], 47.28064);
    }
    QVERIFY(commitment && spill);
    // The result JSON names each product's rate.
    const auto json = nlohmann::json::parse(Output::formatJson(e.value()));
    const auto &applied = json["options"][1]["commitment"]["commitments"][0];
    QCOMPARE(applied["products"][0]["unit"].get<std::string>(), std::string("GB-hours"));
    QCOMPARE(applied["products"][0]["rate"].get<double>(), 0.002);
    QCOMPARE(applied["products"][1]["rate"].get<double>(), 0.03);
}

void TestCommitmentProducts::fargate_optimalCoversASteadyFleet()
{
    // A steady fleet: every unit is worth covering, so "optimal" is all of it at the plan's rates:
    // 2 x 0.03 + 4 x 0.002 = 0.068 per hour, 730 x 0.068 = 49.64 a month.
    const auto e = evaluateText(
        scenarioWith(Workload, R"({"id": "sp", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2,
            "commitment": {"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": "optimal"}})"),
        sheetWithFargatePlanRates());
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::CommitmentSummary &c = *e->options[0].commitment;
    QVERIFY(c.commitments[0].optimal);
    QVERIFY(closeTo(c.commitments[0].amount, 0.068));
    QVERIFY(closeTo(c.effectiveMonthly, 49.64));
    QVERIFY(closeTo(c.spillMonthly, 0));
    QVERIFY(closeTo(c.curveOptimal, 0.068));
}

void TestCommitmentProducts::fargate_optimalFollowsTheTrafficProfile()
{
    // A fleet that follows a daily traffic profile: the optimum is found exactly, so no point of
    // the commitment curve (61 levels from 0 to the peak hour's spend) costs less, and the month is
    // never dearer than on demand.
    const auto e = evaluateText(
        scenarioWith(R"({"requests": {"perSecondHourly": [8, 8, 8, 8, 12, 20, 32, 40, 48, 56, 60, 60,
                                                          60, 56, 56, 52, 52, 48, 44, 40, 32, 24, 16, 12]},
                         "durationMs": 200, "memoryMb": 512})",
                     R"({"id": "sp", "platform": "fargate", "taskVcpu": 0.5, "taskMemoryGb": 1, "capacity": {"concurrentRequests": 1},
            "commitment": {"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": "optimal"}})"),
        sheetWithFargatePlanRates());
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::CommitmentSummary &c = *e->options[0].commitment;
    QVERIFY(c.effectiveMonthly <= c.onDemandMonthly + 1e-9);
    QVERIFY(c.curve.size() > 50);
    for (const auto &point : c.curve)
        QVERIFY2(c.effectiveMonthly <= point.monthlyCost + 1e-9, "a level of the curve is cheaper than the optimum");
    // The fleet varies, so the optimum leaves some peak hours on demand.
    QVERIFY(c.spillMonthly > 0);
    QVERIFY(c.effectiveMonthly < c.onDemandMonthly);
}

void TestCommitmentProducts::eksFargate_endToEnd()
{
    // Two pods of 0.5 vCPU / 1024 MB: + 256 MB for Kubernetes = 1.25 GB, provisioned as 0.5 vCPU /
    // 2 GB (EKS "Fargate Pod configuration"): 1 vCPU and 4 GB each hour, at the linux/x86_64 rates.
    // On demand 0.04048 + 4 x 0.004445 = 0.05826 per hour, 42.5298 a month. $0.02/h covers the
    // 4 GB (0.008), then 0.012 / 0.03 = 0.4 vCPU; 0.6 vCPU x 0.04048 = 0.024288 spills per hour:
    // 730 x (0.02 + 0.024288) = 32.33024. The control plane (730 x 0.10 = 73) stays on demand.
    const auto e = evaluateText(
        scenarioWith(Workload, R"({"id": "p", "platform": "eks-fargate", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 2,
            "commitment": {"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": 0.02}})"),
        sheetWithFargatePlanRates());
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::OptionResult &o = e->options[0];
    QVERIFY(o.commitment);
    QVERIFY(closeTo(o.commitment->onDemandMonthly, 42.5298));
    QVERIFY(closeTo(o.commitment->effectiveMonthly, 32.33024));
    QVERIFY(closeTo(lineCost(o, "on-demand spill"), 730 * 0.024288));
    QVERIFY(closeTo(lineCost(o, "EKS control plane"), 73.0));
    QVERIFY(!line(o, "vCPU") && !line(o, "memory"));
    double total = 0;
    for (const auto &li : o.lineItems)
        total += li.cost;
    QVERIFY(closeTo(o.monthlyCost, total));
    QVERIFY(closeTo(o.monthlyCost - o.commitment->effectiveMonthly, 73.0));
}

void TestCommitmentProducts::fargate_refusals_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("message");
    const std::string plan = R"("commitment": {"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": 0.02})";
    auto withPlan = [&plan](const char *head) { return QString::fromStdString(head + plan + "}"); };
    // The sheet has rates for linux/x86_64 only: arm64 and the 3-year plan are refused, naming the offer file.
    QTest::newRow("arm64 has no rates") << withPlan(R"({"id": "t", "platform": "fargate", "architecture": "arm64", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2, )")
                                        << "has no 1-year Compute Savings Plan, no upfront rates for Fargate linux/arm64 in us-east-1 (key "
                                           "\"compute-savings-plan/1yr/no-upfront\" of fargate/linux/arm64/commitments); import AWS's "
                                           "AWSComputeSavingsPlan offer file";
    QTest::newRow("3-year plan") << R"({"id": "t", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2,
        "commitment": {"kind": "compute-savings-plan", "termYears": 3, "payment": "all-upfront", "hourly": 0.02}})"
                                 << "has no 3-year Compute Savings Plan, all upfront rates for Fargate linux/x86_64";
    QTest::newRow("Fargate Spot") << withPlan(R"({"id": "t", "platform": "fargate", "spot": true, "spotDiscount": 0.7, "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2, )")
                                  << "this option runs on Fargate Spot";
    QTest::newRow("Windows") << withPlan(R"({"id": "t", "platform": "fargate", "os": "windows", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2, )")
                             << "are for Linux tasks; this option runs windows";
    QTest::newRow("reservation") << R"({"id": "t", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2,
        "commitment": {"kind": "reserved-instance", "termYears": 1, "payment": "no-upfront", "count": 1}})"
                                 << "reserved-instance covers EC2 instances only, and this option runs on fargate";
}

void TestCommitmentProducts::fargate_refusals()
{
    QFETCH(QString, option);
    QFETCH(QString, message);
    const auto e = evaluateText(scenarioWith(Workload, option.toStdString()), sheetWithFargatePlanRates());
    QVERIFY(!e.ok());
    QVERIFY2(QString::fromStdString(e.error().message).contains(message), e.error().toString().c_str());
    QVERIFY(e.error().line > 0); // located at the option's "commitment"
}

QTEST_GUILESS_MAIN(TestCommitmentProducts)
#include "tst_commitmentproducts.moc"
