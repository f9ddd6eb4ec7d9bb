// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Durations as a distribution: the mean drives sizing, each request is rounded up for billing.

#include "tests/common/evaluatetext.h"
#include "models/scenario/durationdistribution.h"
#include "models/scenario/scenarioreader.h"

#include <QTest>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Models;
using Costscape::Tests::evaluateText;
using Costscape::Tests::scenarioWith;

class TestDurationDistribution : public QObject
{
    Q_OBJECT

private slots:
    void meanAndBilledMean_data();
    void meanAndBilledMean();
    void invalid_saysWhy_data();
    void invalid_saysWhy();
    void lambda_billsEachRequestRoundedUp();
    void scenario_roundTripsAndLocatesErrors();
};

void TestDurationDistribution::meanAndBilledMean_data()
{
    QTest::addColumn<bool>("histogram");
    QTest::addColumn<QList<double>>("pairs");
    QTest::addColumn<double>("granularity");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("billed");
    // 60% uniform in (0, 100], 30% in (100, 300], 10% in (300, 1000] ms.
    // Mean: 0.6 x 50 + 0.3 x 200 + 0.1 x 650 = 155 ms.
    // Per request at 100 ms: the first bin is all billed 100 (60); the second half 200, half 300
    // (0.3 x 250 = 75); the third evenly 400..1000 (0.1 x 700 = 70): 205 ms, where the mean
    // rounded up would be 200.
    const QList<double> bins{100, 0.6, 300, 0.3, 1000, 0.1};
    QTest::newRow("histogram-100ms") << true << bins << 100.0 << 155.0 << 205.0;
    // At 1 ms every uniform piece adds half a millisecond: 155.5.
    QTest::newRow("histogram-1ms") << true << bins << 1.0 << 155.0 << 155.5;
    // p50 80, p90 200, p100 400: 80 flat below the median (0.5 x 80), linear 80..200 (0.4 x 140),
    // 200..400 (0.1 x 300): mean 40 + 56 + 30 = 126 ms.
    // At 100 ms: 0.5 x 100; over 80..200, 20 ms billed 100 and 100 ms billed 200: 22000 / 120 =
    // 183.33 x 0.4; over 200..400, half 300 and half 400: 0.1 x 350. Total 50 + 73.33 + 35.
    const QList<double> percentiles{50, 80, 90, 200, 100, 400};
    QTest::newRow("percentiles-100ms") << false << percentiles << 100.0 << 126.0 << 50 + 22000.0 / 120 * 0.4 + 35;
    // A single point mass: everything takes 28 ms; billed 28 at 1 ms, 100 at 100 ms.
    QTest::newRow("point-28ms-1ms") << false << QList<double>{0, 28, 100, 28} << 1.0 << 28.0 << 28.0;
    QTest::newRow("point-28ms-100ms") << false << QList<double>{0, 28, 100, 28} << 100.0 << 28.0 << 100.0;
}

void TestDurationDistribution::meanAndBilledMean()
{
    QFETCH(bool, histogram);
    QFETCH(QList<double>, pairs);
    QFETCH(double, granularity);
    QFETCH(double, mean);
    QFETCH(double, billed);
    std::vector<std::pair<double, double>> points;
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2)
        points.emplace_back(pairs[i], pairs[i + 1]);
    DurationDistribution d;
    const std::string problem = histogram ? DurationDistribution::fromHistogram(points, d)
                                          : DurationDistribution::fromPercentiles(points, d);
    QVERIFY2(problem.empty(), problem.c_str());
    QVERIFY2(std::abs(d.meanMs() - mean) < 1e-9, std::to_string(d.meanMs()).c_str());
    QVERIFY2(std::abs(d.billedMeanMs(granularity) - billed) < 1e-9, std::to_string(d.billedMeanMs(granularity)).c_str());
}

void TestDurationDistribution::invalid_saysWhy_data()
{
    QTest::addColumn<bool>("histogram");
    QTest::addColumn<QList<double>>("pairs");
    QTest::addColumn<QString>("message");
    QTest::newRow("shares-not-1") << true << QList<double>{100, 0.6, 300, 0.3} << QStringLiteral("the shares add up to 0.9, not 1");
    QTest::newRow("bins-not-increasing") << true << QList<double>{300, 0.5, 100, 0.5}
                                         << QStringLiteral("bins must end at increasing durations");
    QTest::newRow("no-p100") << false << QList<double>{50, 80, 99, 900} << QStringLiteral("the last percentile must be \"100\"");
    QTest::newRow("durations-decrease") << false << QList<double>{50, 300, 100, 200}
                                        << QStringLiteral("the duration at percentile 100 (200 ms) is below the one at 50 (300 ms)");
    QTest::newRow("one-percentile") << false << QList<double>{100, 80} << QStringLiteral("give at least two percentiles");
}

void TestDurationDistribution::invalid_saysWhy()
{
    QFETCH(bool, histogram);
    QFETCH(QList<double>, pairs);
    QFETCH(QString, message);
    std::vector<std::pair<double, double>> points;
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2)
        points.emplace_back(pairs[i], pairs[i + 1]);
    DurationDistribution d;
    const std::string problem = histogram ? DurationDistribution::fromHistogram(points, d)
                                          : DurationDistribution::fromPercentiles(points, d);
    QVERIFY2(QString::fromStdString(problem).startsWith(message), problem.c_str());
}

void TestDurationDistribution::lambda_billsEachRequestRoundedUp()
{
    // 1,000,000 requests a month of 128 MB (0.125 GB), the histogram above, billed per 100 ms:
    // 1e6 x 0.205 s x 0.125 GB = 25,625 GB-seconds; the mean alone (155 ms -> 200 ms) would bill 25,000.
    const std::string workload = R"({"requests": {"perMonth": 1000000}, "memoryMb": 128,
        "durationDistribution": {"histogram": [{"upToMs": 100, "share": 0.6}, {"upToMs": 300, "share": 0.3},
                                               {"upToMs": 1000, "share": 0.1}]}})";
    const auto e = evaluateText(scenarioWith(workload, R"({"id": "fn", "platform": "lambda", "billingGranularityMs": 100})"));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    double gbSeconds = 0;
    for (const auto &line : e->options[0].lineItems)
        if (line.name.rfind("duration", 0) == 0)
            gbSeconds += line.quantity;
    QVERIFY2(std::abs(gbSeconds - 25625) < 1e-6, std::to_string(gbSeconds).c_str());
    // Sizing uses the mean: 155 ms.
    const auto s = parseScenario(scenarioWith(workload, R"({"id": "fn", "platform": "lambda"})"), "d.costscape.json");
    QVERIFY(s.ok());
    QVERIFY(std::abs(s->workload.durationMs - 155) < 1e-9);
}

void TestDurationDistribution::scenario_roundTripsAndLocatesErrors()
{
    const std::string workload = R"({"requests": {"perMonth": 10}, "memoryMb": 128,
        "durationDistribution": {"percentiles": {"50": 80, "90": 200, "100": 400}}})";
    const auto s = parseScenario(scenarioWith(workload, R"({"id": "fn", "platform": "lambda"})"), "d.costscape.json");
    QVERIFY2(s.ok(), s.error().toString().c_str());
    QVERIFY(s->workload.durationDistribution);
    const auto again = parseScenario(serializeScenario(s.value()), "again.costscape.json");
    QVERIFY2(again.ok(), again.error().toString().c_str());
    QVERIFY(again->workload.durationDistribution == s->workload.durationDistribution);
    QCOMPARE(again->workload.durationMs, s->workload.durationMs);

    const auto bad = parseScenario(scenarioWith(R"({"requests": {"perMonth": 10}, "memoryMb": 128,
        "durationDistribution": {"percentiles": {"50": 80, "99": 200}}})",
                                                R"({"id": "fn", "platform": "lambda"})"),
                                   "bad.costscape.json");
    QVERIFY(!bad.ok());
    QVERIFY2(QString::fromStdString(bad.error().message).startsWith(QStringLiteral("workload.durationDistribution: the last percentile")),
             bad.error().message.c_str());
    QVERIFY(bad.error().line > 0);
}

QTEST_GUILESS_MAIN(TestDurationDistribution)
#include "tst_durationdistribution.moc"
