// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/evaluatetext.h"

#include <QTest>

using namespace Costscape;
using namespace Costscape::Tests;

class TestEc2Cost : public QObject
{
    Q_OBJECT

private slots:
    void spotPrice_followsTheDocumentedOrder_data();
    void spotPrice_followsTheDocumentedOrder();
    void mixedFleet_splitsAsAutoScalingDoes();
    void derivedFleet_requestMemoryLargerThanInstance_isInfeasible();
    void windowsSpotWithoutAnyPrice_isAnError();
    void unknownInstanceType_pointsAtTheField();
    void burstableType_isFlagged();
};

static const char *const Idle = R"({"requests": {"perMonth": 0}, "durationMs": 100, "memoryMb": 128})";

// A sheet where m5.large has a spot price and c5.large does not (but has an advisor saving).
static const char *const Sheet = R"({"format": "costscape-prices", "version": 1, "name": "s", "regions": {"us-east-1": {"ec2": {
    "m5.large": {"vcpu": 2, "memoryGib": 8, "onDemandHourly": {"linux": 0.096, "windows": 0.188}, "spotHourly": {"linux": 0.04}},
    "c5.large": {"vcpu": 2, "memoryGib": 4, "onDemandHourly": {"linux": 0.085, "windows": 0.177}, "spotAdvisorSavingsPercent": 60},
    "r5.large": {"vcpu": 2, "memoryGib": 16, "onDemandHourly": {"linux": 0.126}}}}}})";

void TestEc2Cost::spotPrice_followsTheDocumentedOrder_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<double>("hourly");
    QTest::addColumn<bool>("warnsIgnored");
    // FORMATS.md: the sheet's spot price, else spotHourly, else spotDiscount, else the advisor saving.
    QTest::newRow("sheet-price-wins-over-option")
        << R"({"id": "s", "platform": "ec2", "instanceType": "m5.large", "purchase": "spot", "spotHourly": 0.05, "instances": 1})"
        << 0.04 << true;
    QTest::newRow("option-spot-hourly")
        << R"({"id": "s", "platform": "ec2", "instanceType": "c5.large", "purchase": "spot", "spotHourly": 0.03, "spotDiscount": 0.9, "instances": 1})"
        << 0.03 << false;
    QTest::newRow("option-spot-discount")
        << R"({"id": "s", "platform": "ec2", "instanceType": "c5.large", "purchase": "spot", "spotDiscount": 0.7, "instances": 1})"
        << 0.085 * 0.3 << false;
    QTest::newRow("advisor-savings-percent")
        << R"({"id": "s", "platform": "ec2", "instanceType": "c5.large", "purchase": "spot", "instances": 1})" << 0.085 * 0.4 << false;
}

void TestEc2Cost::spotPrice_followsTheDocumentedOrder()
{
    QFETCH(QString, option);
    QFETCH(double, hourly);
    QFETCH(bool, warnsIgnored);
    const auto e = evaluateText(scenarioWith(Idle, option.toStdString()), Sheet);
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const auto *spot = line(e->options[0], "spot instances");
    QVERIFY(spot);
    QCOMPARE(spot->unitPrice, hourly);
    QCOMPARE(spot->quantity, 730.0);
    QCOMPARE(e->options[0].monthlyCost, 730 * hourly);
    bool warned = false;
    for (const auto &w : e->options[0].warnings)
        warned = warned || QString::fromStdString(w).contains(QStringLiteral("is not used"));
    QCOMPARE(warned, warnsIgnored);
}

void TestEc2Cost::mixedFleet_splitsAsAutoScalingDoes()
{
    // 4 instances, base 1, 50% above base on-demand: 1 + ceil(1.5) = 3 on-demand, 1 spot.
    const auto e = evaluateText(
        scenarioWith(Idle, R"({"id": "m", "platform": "ec2", "instanceType": "m5.large", "purchase": "spot",
                               "onDemandBase": 1, "onDemandPercentAboveBase": 50, "instances": 4})"),
        Sheet);
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const auto &o = e->options[0];
    QCOMPARE(line(o, "on-demand instances")->quantity, 3 * 730.0);
    QCOMPARE(line(o, "spot instances")->quantity, 730.0);
    QCOMPARE(o.monthlyCost, 730 * (3 * 0.096 + 0.04));
}

void TestEc2Cost::derivedFleet_requestMemoryLargerThanInstance_isInfeasible()
{
    // One request needs 6 GB; c5.large has 4 GiB: no capacity was given, so none can be derived.
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 6144})",
                                             R"({"id": "v", "platform": "ec2", "instanceType": "c5.large"})"),
                                Sheet);
    QVERIFY(e.ok());
    QVERIFY(!e->options[0].feasible);
    QVERIFY(QString::fromStdString(e->options[0].warnings[0]).contains(QStringLiteral("6144 MB")));

    // r5.large (16 GiB) holds 2 such requests; 1 req/s x 0.1 s = 0.1 concurrent -> minCount 1.
    const auto ok = evaluateText(scenarioWith(R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 6144})",
                                              R"({"id": "v", "platform": "ec2", "instanceType": "r5.large"})"),
                                 Sheet);
    QVERIFY(ok.ok());
    QVERIFY(ok->options[0].feasible);
    QCOMPARE(ok->options[0].fleet.peak, 1.0);
}

void TestEc2Cost::windowsSpotWithoutAnyPrice_isAnError()
{
    // No Windows spot price, no option price, and the advisor saving is for Linux only.
    const auto e = evaluateText(
        scenarioWith(Idle, R"({"id": "w", "platform": "ec2", "instanceType": "c5.large", "os": "windows", "purchase": "spot", "instances": 1})"),
        Sheet);
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, ErrorCode::MissingPrice);
    QVERIFY(QString::fromStdString(e.error().message).contains(QStringLiteral("spotHourly")));
}

void TestEc2Cost::unknownInstanceType_pointsAtTheField()
{
    const std::string text = "{\"format\": \"costscape-scenario\", \"version\": 1,\n"
                             " \"workload\": {\"requests\": {\"perMonth\": 1}, \"durationMs\": 1, \"memoryMb\": 1},\n"
                             " \"options\": [\n"
                             "  {\"id\": \"v\", \"platform\": \"ec2\", \"instances\": 1,\n"
                             "   \"instanceType\": \"z9.mega\"}]}";
    const auto e = evaluateText(text);
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, ErrorCode::UnknownValue);
    QCOMPARE(e.error().line, 5);
    QCOMPARE(e.error().column, 20);
    QVERIFY(QString::fromStdString(e.error().message).contains(QStringLiteral("options[0] (\"v\").instanceType")));
    QVERIFY(QString::fromStdString(e.error().message).contains(QStringLiteral("z9.mega")));
}

void TestEc2Cost::burstableType_isFlagged()
{
    const auto e = evaluateText(scenarioWith(Idle, R"({"id": "b", "platform": "ec2", "instanceType": "t3.medium", "instances": 1})"));
    QVERIFY(e.ok());
    // Embedded: t3.medium Linux $0.0416/h, as infracost's golden file prices it (730 h = $30.37).
    QCOMPARE(e->options[0].monthlyCost, 730 * 0.0416);
    bool flagged = false;
    for (const auto &w : e->options[0].warnings)
        flagged = flagged || QString::fromStdString(w).contains(QStringLiteral("burstable"));
    QVERIFY(flagged);
}

QTEST_GUILESS_MAIN(TestEc2Cost)
#include "tst_ec2cost.moc"
