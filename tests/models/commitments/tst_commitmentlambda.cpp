// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Compute Savings Plans on Lambda's on-demand duration (issue 16): applied hour by hour to the
// option's GB-seconds, the exact optimum, the requests left on demand, and the refusals (no rate,
// provisioned concurrency, the free tier, a month past the first duration tier). Figures are
// worked by hand in the comments. The plan rate in the test sheet is ILLUSTRATIVE, not a price: no
// public per-unit Lambda Savings Plans rate was found (docs/commitments.md).
#include "models/chartseries.h"
#include "output/resultformat.h"
#include "tests/common/evaluatetext.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Tests;

namespace {

// The test sheet: the embedded one, with an ILLUSTRATIVE 1-year no-upfront Compute Savings Plans
// rate on us-east-1 Lambda x86_64 duration: 0.000014 per GB-second (on demand 0.0000166667 in the
// first tier: 16.0% off). Not a price.
std::string sheetWithLambdaPlanRate()
{
    auto sheet = nlohmann::json::parse(std::string(Pricing::embeddedPriceSheetText()));
    sheet["regions"]["us-east-1"]["lambda"]["x86_64"]["commitments"] = {
        {"compute-savings-plan/1yr/no-upfront", {{"gbSecond", 0.000014}}}};
    return sheet.dump();
}

std::string planOf(const std::string &hourly)
{
    return R"("commitment": {"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": )" + hourly + "}";
}

// 10 requests a second of 100 ms at 1024 MB: 1 GB-second every second, 3,600 an hour, 2,628,000
// in the month's 730 hours (first tier: on demand 2,628,000 x 0.0000166667 = 43.8000876).
// Requests: 10 x 3,600 x 730 = 26,280,000 x 0.20 / million = 5.256.
const std::string Steady = R"({"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 1024})";

// A daily profile (requests per second by hour) of 200 ms at 512 MB.
const std::string Daily = R"({"requests": {"perSecondHourly": [8, 8, 8, 8, 12, 20, 32, 40, 48, 56, 60, 60,
                                                                60, 56, 56, 52, 52, 48, 44, 40, 32, 24, 16, 12]},
                             "durationMs": 200, "memoryMb": 512})";

} // namespace

class TestCommitmentLambda : public QObject
{
    Q_OBJECT

private slots:
    void duration_endToEnd();
    void optimal_coversSteadyTraffic();
    void optimal_isNoWorseThanAnyLevelOnAFineGrid_data();
    void optimal_isNoWorseThanAnyLevelOnAFineGrid();
    void refusals_data();
    void refusals();
};

void TestCommitmentLambda::duration_endToEnd()
{
    // A $0.03/h plan at 0.000014 per GB-second covers 0.03 / 0.000014 = 2,142.857 GB-seconds of
    // each hour's 3,600; 1,457.143 spill at 0.0000166667 = 0.0242857629 per hour.
    // Month: plan 730 x 0.03 = 21.90; spill 730 x 1,457.143 = 1,063,714.29 GB-s, 17.7286069;
    // 39.6286069 in all against 43.8000876 on demand. The requests (5.256) stay on demand.
    const auto e = evaluateText(scenarioWith(Steady, R"({"id": "od", "platform": "lambda"},
                                                       {"id": "sp", "platform": "lambda", )"
                                                         + planOf("0.03") + "}"),
                                sheetWithLambdaPlanRate());
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::OptionResult &od = e->options[0];
    const Models::OptionResult &sp = e->options[1];
    QVERIFY(sp.commitment && !od.commitment);
    const Models::CommitmentSummary &c = *sp.commitment;
    QVERIFY(closeTo(c.onDemandMonthly, 43.8000876));
    QVERIFY(closeTo(c.effectiveMonthly, 39.6286069, 1e-8));
    QVERIFY(closeTo(c.spillMonthly, 17.7286069, 1e-8));
    QVERIFY(closeTo(od.monthlyCost, 43.8000876 + 5.256));
    QVERIFY(closeTo(sp.monthlyCost, 39.6286069 + 5.256, 1e-8));
    QCOMPARE(c.instanceType, std::string("Lambda x86_64"));
    // Covered: 2,142.857 of 3,600 GB-seconds an hour, at one on-demand price.
    QVERIFY(closeTo(c.coverage, 2142.857142857143 / 3600));
    QVERIFY(closeTo(c.utilisation, 1.0));
    QCOMPARE(c.breakEvenMonth, std::optional<int>(1));
    QCOMPARE(c.commitments.size(), std::size_t(1));
    QCOMPARE(c.commitments[0].products.size(), std::size_t(1));
    QCOMPARE(c.commitments[0].products[0].unit, std::string("GB-seconds"));
    QVERIFY(closeTo(c.commitments[0].products[0].coveredUnitHours, 730 * 2142.857142857143));
    // The bill: the duration gives way to the plan and the spill; requests stay.
    QVERIFY(!line(sp, "duration tier 1"));
    QVERIFY(line(sp, "commitment: savings plan") && closeTo(line(sp, "commitment: savings plan")->cost, 21.9));
    const Models::LineItem *spill = line(sp, "on-demand spill duration");
    QVERIFY(spill && closeTo(spill->cost, 17.7286069, 1e-8));
    QVERIFY(closeTo(spill->quantity, 1063714.2857142857));
    QCOMPARE(spill->unit, std::string("GB-seconds"));
    QVERIFY(line(sp, "requests") && closeTo(line(sp, "requests")->cost, 5.256));
    QVERIFY(line(sp, "commitment: savings plan")->note.find("at Lambda x86_64 rate 1.4e-05/GB-second") != std::string::npos);
    // Every hour: its requests (5.256 / 730), the plan and the spill.
    for (double hour : sp.hourlyCost)
        QVERIFY(closeTo(hour, 5.256 / 730 + 0.03 + 0.0242857629, 1e-8));
    // The result JSON names the product's rate.
    const auto json = nlohmann::json::parse(Output::formatJson(e.value()));
    const auto &applied = json["options"][1]["commitment"]["commitments"][0];
    QCOMPARE(applied["products"][0]["unit"].get<std::string>(), std::string("GB-seconds"));
    QCOMPARE(applied["products"][0]["rate"].get<double>(), 0.000014);
}

void TestCommitmentLambda::optimal_coversSteadyTraffic()
{
    // Steady traffic: every GB-second is worth covering, so "optimal" is all of it at the plan's
    // rate: 3,600 x 0.000014 = 0.0504 per hour, 730 x 0.0504 = 36.792 a month, no spill.
    const auto e = evaluateText(scenarioWith(Steady, R"({"id": "sp", "platform": "lambda", )" + planOf(R"("optimal")") + "}"),
                                sheetWithLambdaPlanRate());
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::CommitmentSummary &c = *e->options[0].commitment;
    QVERIFY(c.commitments[0].optimal);
    QVERIFY(closeTo(c.commitments[0].amount, 0.0504));
    QVERIFY(closeTo(c.effectiveMonthly, 36.792));
    QVERIFY(closeTo(c.spillMonthly, 0, 1e-9));
    QVERIFY(closeTo(c.curveOptimal, 0.0504));
}

void TestCommitmentLambda::optimal_isNoWorseThanAnyLevelOnAFineGrid_data()
{
    QTest::addColumn<QString>("workload");
    QTest::addColumn<double>("peakSpend"); // the busiest hour's GB-seconds at the plan's rate
    // Daily: the busiest hour, 60 requests/s x 0.2 s x 0.5 GB x 3,600 = 21,600 GB-s, 0.3024 at 0.000014.
    QTest::newRow("daily profile") << QString::fromStdString(Daily) << 0.3024;
    // Steady: 3,600 GB-s an hour, 0.0504.
    QTest::newRow("steady") << QString::fromStdString(Steady) << 0.0504;
}

void TestCommitmentLambda::optimal_isNoWorseThanAnyLevelOnAFineGrid()
{
    // The issue's property on a Lambda option: the optimum's month costs no more than the month at
    // any of 121 levels up to 1.2 x the busiest hour's spend at the plan's rate, and never more
    // than on demand. Each level is its own option of one scenario.
    QFETCH(QString, workload);
    QFETCH(double, peakSpend);
    std::string options = R"({"id": "opt", "platform": "lambda", )" + planOf(R"("optimal")") + "}";
    const int levels = 120;
    for (int k = 0; k <= levels; ++k)
        options += R"(, {"id": "l)" + std::to_string(k) + R"(", "platform": "lambda", )"
            + planOf(std::to_string(1.2 * peakSpend * k / levels)) + "}";
    const auto e = evaluateText(scenarioWith(workload.toStdString(), options), sheetWithLambdaPlanRate());
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::CommitmentSummary &best = *e->options[0].commitment;
    QVERIFY(best.effectiveMonthly <= best.onDemandMonthly + 1e-9);
    QVERIFY(best.commitments[0].amount > 0);
    for (std::size_t i = 1; i < e->options.size(); ++i)
        QVERIFY2(best.effectiveMonthly <= e->options[i].commitment->effectiveMonthly + 1e-9, e->options[i].id.c_str());
    for (const auto &point : best.curve)
        QVERIFY(best.effectiveMonthly <= point.monthlyCost + 1e-9);
}

void TestCommitmentLambda::refusals_data()
{
    QTest::addColumn<QString>("workload");
    QTest::addColumn<QString>("option");
    QTest::addColumn<bool>("embedded");
    QTest::addColumn<QString>("message");
    const QString steady = QString::fromStdString(Steady);
    auto withPlan = [](const std::string &head) { return QString::fromStdString(head + planOf("0.03") + "}"); };
    // The embedded sheet has no Lambda plan rate (none public): the message says which file to import.
    QTest::newRow("embedded sheet") << steady << withPlan(R"({"id": "f", "platform": "lambda", )") << true
                                    << "has no 1-year Compute Savings Plan, no upfront rates for Lambda x86_64 in us-east-1 (key "
                                       "\"compute-savings-plan/1yr/no-upfront\" of lambda/x86_64/commitments); import AWS's "
                                       "AWSComputeSavingsPlan offer file for the region with its AWSLambda offer file";
    QTest::newRow("arm64 has no rates") << steady << withPlan(R"({"id": "f", "platform": "lambda", "architecture": "arm64", )")
                                        << false << "rates for Lambda arm64 in us-east-1";
    QTest::newRow("3-year plan") << steady << QString::fromStdString(R"({"id": "f", "platform": "lambda",
        "commitment": {"kind": "compute-savings-plan", "termYears": 3, "payment": "no-upfront", "hourly": 0.03}})")
                                 << false << "has no 3-year Compute Savings Plan, no upfront rates for Lambda x86_64";
    QTest::newRow("provisioned concurrency")
        << steady << withPlan(R"({"id": "f", "platform": "lambda", "provisionedConcurrency": {"count": 2}, )") << false
        << "with provisioned concurrency is not priced yet";
    QTest::newRow("free tier") << steady << withPlan(R"({"id": "f", "platform": "lambda", "freeTier": true, )") << false
                               << "the free tier and a Compute Savings Plan on one Lambda option are not priced together";
    // 300 requests/s of 1 s at 10,240 MB: 3,000 GB-s a second, 7.884 billion a month: past the
    // first tier's 6 billion.
    QTest::newRow("past the first tier") << R"({"requests": {"perSecond": 300}, "durationMs": 1000, "memoryMb": 10240})"
                                         << withPlan(R"({"id": "f", "platform": "lambda", )") << false
                                         << "passes the first price tier (6,000,000,000 GB-seconds)";
    QTest::newRow("reservation") << steady << QString::fromStdString(R"({"id": "f", "platform": "lambda",
        "commitment": {"kind": "reserved-instance", "termYears": 1, "payment": "no-upfront", "count": 1}})")
                                 << false << "reserved-instance covers EC2 instances only, and this option runs on lambda";
}

void TestCommitmentLambda::refusals()
{
    QFETCH(QString, workload);
    QFETCH(QString, option);
    QFETCH(bool, embedded);
    QFETCH(QString, message);
    const auto e = evaluateText(scenarioWith(workload.toStdString(), option.toStdString()), embedded ? std::string() : sheetWithLambdaPlanRate());
    QVERIFY(!e.ok());
    QVERIFY2(QString::fromStdString(e.error().message).contains(message), e.error().toString().c_str());
    QVERIFY(e.error().line > 0); // located at the option's "commitment"
}

QTEST_GUILESS_MAIN(TestCommitmentLambda)
#include "tst_commitmentlambda.moc"
