// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/evaluatetext.h"
#include "models/trafficsweep.h"
#include "models/packing/packingcache.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Costscape;
using namespace Costscape::Tests;

class TestTrafficSweep : public QObject
{
    Q_OBJECT

private slots:
    void lambdaAgainstFixedEc2_oneBreakEvenWhereTheCostsMeet_data();
    void lambdaAgainstFixedEc2_oneBreakEvenWhereTheCostsMeet();
    void lines_areTheEvaluatorsCostsAtEachFactor();
    void factors_areLogSpacedAndHitTodaysTrafficExactly();
    void derivedFleetBetweenLambdaAndBigFleet_twoBreakEvens();
    void disabledOptions_haveNoLine();
    void infeasibleOption_isNaN_andNeverCheapest();
    void noFeasibleOption_saysSo();
    void workloadWithoutRequests_speaksInMultiplesOfTraffic();
    void evaluatorError_isReturnedWithItsPlace();
    void badArguments_areErrors_data();
    void badArguments_areErrors();
    void formatRate_twoSignificantDigits_data();
    void formatRate_twoSignificantDigits();
    void sampleScenario_breakEvensAgreeWithFullEvaluations();
    void evaluateMonthly_givesTheMonthOfEvaluate_data();
    void evaluateMonthly_givesTheMonthOfEvaluate();
    void points_areEachPointPricedAloneBitForBit();
};

// Embedded sheet, us-east-1: Lambda $0.20 per million requests; duration per GB-second x86_64
// 0.0000166667, arm64 0.0000133334 (first tier); m5.large Linux on demand $0.096 an hour.
static constexpr double RequestPrice = 0.2 / 1e6;
static constexpr double X86GbSecond = 0.0000166667;
static constexpr double ArmGbSecond = 0.0000133334;
// 100 ms at 128 MB, billed per 1 ms: 0.1 s x 0.125 GB = 0.0125 GB-s per request.
static constexpr double GbSecondsPerRequest = 0.1 * 0.125;
// Two m5.large cost 2 x 0.096 = $0.192 an hour whatever the traffic.
static constexpr double TwoM5LargePerHour = 2 * 0.096;

static std::string twoOptionScenario(const std::string &workload, const std::string &architecture, double hours)
{
    return R"({"format": "costscape-scenario", "version": 1, "hoursPerMonth": )" + std::to_string(hours)
        + R"(, "workload": )" + workload + R"(, "options": [
            {"id": "fn", "platform": "lambda", "architecture": ")" + architecture + R"("},
            {"id": "vms", "platform": "ec2", "instanceType": "m5.large", "instances": 2}]})";
}

static Result<Models::TrafficSweep> sweepText(const std::string &text, int points = 41)
{
    const auto scenario = Models::parseScenario(text, "t.costscape.json");
    if (!scenario)
        return scenario.error();
    return Models::sweepTraffic(scenario.value(), Pricing::embeddedPriceSheet(), points);
}

/** The cheapest line of each stretch, in order of traffic (-1: nothing feasible). */
static std::vector<int> rangeLines(const Models::TrafficSweep &sweep)
{
    std::vector<int> out;
    for (const auto &r : sweep.ranges)
        out.push_back(r.line);
    return out;
}

static bool near(double actual, double expected, double relative)
{
    return std::abs(actual - expected) <= relative * std::abs(expected);
}

void TestTrafficSweep::lambdaAgainstFixedEc2_oneBreakEvenWhereTheCostsMeet_data()
{
    QTest::addColumn<QString>("workload");
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<double>("hours");
    QTest::addColumn<double>("expectedRate");

    // Lambda costs p per request, the fleet $0.192 an hour: equal at 0.192 / (3600 p) requests
    // per second on average, for any shape of traffic and any length of month.
    // x86_64: p = 0.0000002 + 0.0125 x 0.0000166667 = 4.0833375e-7 -> 130.61 req/s.
    const double x86 = TwoM5LargePerHour / 3600 / (RequestPrice + GbSecondsPerRequest * X86GbSecond);
    // arm64: p = 0.0000002 + 0.0125 x 0.0000133334 = 3.666675e-7 -> 145.45 req/s.
    const double arm = TwoM5LargePerHour / 3600 / (RequestPrice + GbSecondsPerRequest * ArmGbSecond);

    QTest::newRow("x86-constant-10rps") << QStringLiteral(R"({"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 128})")
                                        << QStringLiteral("x86_64") << 730.0 << x86;
    QTest::newRow("x86-26.28M-per-month") << QStringLiteral(R"({"requests": {"perMonth": 26280000}, "durationMs": 100, "memoryMb": 128})")
                                          << QStringLiteral("x86_64") << 730.0 << x86;
    QTest::newRow("x86-720-hour-month") << QStringLiteral(R"({"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 128})")
                                        << QStringLiteral("x86_64") << 720.0 << x86;
    QTest::newRow("arm64-constant-10rps") << QStringLiteral(R"({"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 128})")
                                          << QStringLiteral("arm64") << 730.0 << arm;
    // Weekdays at 14 req/s, weekends idle: the break-even is in average rate, not peak.
    QString week;
    for (int h = 0; h < 168; ++h)
        week += QLatin1String(h ? "," : "") + QLatin1String(h < 120 ? "14" : "0");
    QTest::newRow("x86-weekdays-only-profile")
        << QStringLiteral(R"({"requests": {"perSecondHourly": [%1]}, "durationMs": 100, "memoryMb": 128})").arg(week)
        << QStringLiteral("x86_64") << 730.0 << x86;
}

void TestTrafficSweep::lambdaAgainstFixedEc2_oneBreakEvenWhereTheCostsMeet()
{
    QFETCH(QString, workload);
    QFETCH(QString, architecture);
    QFETCH(double, hours);
    QFETCH(double, expectedRate);
    const auto sweep = sweepText(twoOptionScenario(workload.toStdString(), architecture.toStdString(), hours));
    QVERIFY2(sweep.ok(), sweep.error().toString().c_str());
    QCOMPARE(sweep->breakEvens.size(), std::size_t(1));
    const auto &b = sweep->breakEvens[0];
    QCOMPARE(b.below, std::string("fn"));
    QCOMPARE(b.above, std::string("vms"));
    QVERIFY2(near(b.averageRate, expectedRate, 1e-3),
             qPrintable(QStringLiteral("break-even at %1 req/s, expected %2").arg(b.averageRate).arg(expectedRate)));
    // There Lambda costs what the fleet does: 2 x 0.096 x hours.
    QVERIFY2(near(b.cost, TwoM5LargePerHour * hours, 1e-3), qPrintable(QString::number(b.cost)));
    // Two stretches: fn cheapest up to the break-even, vms from there to 100x.
    QCOMPARE(sweep->ranges.size(), std::size_t(2));
    QCOMPARE(sweep->ranges[0].line, 0);
    QCOMPARE(sweep->ranges[0].fromFactor, sweep->factors.front());
    QCOMPARE(sweep->ranges[0].toFactor, b.factor);
    QCOMPARE(sweep->ranges[1].line, 1);
    QCOMPARE(sweep->ranges[1].fromFactor, b.factor);
    QCOMPARE(sweep->ranges[1].toFactor, sweep->factors.back());
    QVERIFY(near(sweep->baseRate * b.factor, expectedRate, 1e-3));
}

void TestTrafficSweep::lines_areTheEvaluatorsCostsAtEachFactor()
{
    const auto sweep = sweepText(
        twoOptionScenario(R"({"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 128})", "x86_64", 730));
    QVERIFY2(sweep.ok(), sweep.error().toString().c_str());
    QCOMPARE(sweep->lines.size(), std::size_t(2));
    QCOMPARE(sweep->lines[0].id, std::string("fn"));
    QCOMPARE(sweep->lines[1].id, std::string("vms"));
    QCOMPARE(sweep->currency, std::string("USD"));
    const double perRequest = RequestPrice + GbSecondsPerRequest * X86GbSecond;
    for (std::size_t i = 0; i < sweep->factors.size(); ++i) {
        // 10 req/s x factor, over 730 x 3600 s: Lambda is linear in requests, the fleet is fixed.
        const double requests = 10 * sweep->factors[i] * 730 * 3600;
        QVERIFY(near(sweep->averageRate[i], 10 * sweep->factors[i], 1e-12));
        QVERIFY2(near(sweep->lines[0].cost[i], requests * perRequest, 1e-9), qPrintable(QString::number(i)));
        QVERIFY(near(sweep->lines[1].cost[i], 140.16, 1e-12));
    }
    // At today's traffic: 26,280,000 requests x 4.0833375e-7 = $10.73101095.
    QVERIFY(near(sweep->lines[0].cost[20], 10.73101095, 1e-9));
}

void TestTrafficSweep::factors_areLogSpacedAndHitTodaysTrafficExactly()
{
    const auto sweep = sweepText(
        twoOptionScenario(R"({"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 128})", "x86_64", 730));
    QVERIFY(sweep.ok());
    QCOMPARE(sweep->factors.size(), std::size_t(41));
    QCOMPARE(sweep->averageRate.size(), std::size_t(41));
    QCOMPARE(sweep->lines[0].cost.size(), std::size_t(41));
    QCOMPARE(sweep->factors.front(), 0.01);
    QCOMPARE(sweep->factors.back(), 100.0);
    QCOMPARE(sweep->factors[20], 1.0); // the scenario as it is
    for (std::size_t i = 1; i < sweep->factors.size(); ++i)
        QVERIFY(near(sweep->factors[i] / sweep->factors[i - 1], std::pow(10.0, 0.1), 1e-12)); // 10 points a decade
}

void TestTrafficSweep::derivedFleetBetweenLambdaAndBigFleet_twoBreakEvens()
{
    // 1 to 10,000 req/s of 100 ms at 128 MB.
    //  fn:    $1.0731011 a month per req/s (2,628,000 s x 4.0833375e-7)
    //  small: t3.micro serving 100 req/s each: ceil(rate / 100) x 0.0104 x 730 = $7.592 per instance
    //  big:   four m5.large, $280.32 at any traffic
    // fn is cheaper than one t3.micro below 7.592 / 1.0731011 = 7.0748 req/s; 36 t3.micro ($273.312)
    // serve up to 3600 req/s, the 37th ($280.904) costs more than the big fleet.
    const auto sweep = sweepText(R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perSecond": 100}, "durationMs": 100, "memoryMb": 128},
        "options": [{"id": "fn", "platform": "lambda"},
                    {"id": "small", "platform": "ec2", "instanceType": "t3.micro",
                     "capacity": {"requestsPerSecond": 100}, "targetUtilization": 1},
                    {"id": "big", "platform": "ec2", "instanceType": "m5.large", "instances": 4}]})");
    QVERIFY2(sweep.ok(), sweep.error().toString().c_str());
    QCOMPARE(sweep->breakEvens.size(), std::size_t(2));
    const auto &first = sweep->breakEvens[0];
    QCOMPARE(first.below, std::string("fn"));
    QCOMPARE(first.above, std::string("small"));
    const double lambdaPerRps = 730 * 3600 * (RequestPrice + GbSecondsPerRequest * X86GbSecond);
    QVERIFY2(near(first.averageRate, 0.0104 * 730 / lambdaPerRps, 1e-3), qPrintable(QString::number(first.averageRate)));
    QVERIFY(near(first.cost, 7.592, 1e-3));
    const auto &second = sweep->breakEvens[1];
    QCOMPARE(second.below, std::string("small"));
    QCOMPARE(second.above, std::string("big"));
    QVERIFY2(near(second.averageRate, 3600, 1e-3), qPrintable(QString::number(second.averageRate)));
    QVERIFY(near(second.cost, 36 * 7.592, 1e-9)); // the last size before the step, exactly
    // fn up to the first break-even, small up to the second, big to the end.
    QCOMPARE(rangeLines(sweep.value()), (std::vector<int>{0, 1, 2}));
    QCOMPARE(sweep->ranges[1].fromFactor, first.factor);
    QCOMPARE(sweep->ranges[1].toFactor, second.factor);
}

void TestTrafficSweep::disabledOptions_haveNoLine()
{
    const auto sweep = sweepText(R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 128},
        "options": [{"id": "fn", "platform": "lambda"},
                    {"id": "off", "platform": "ec2", "instanceType": "t3.micro", "instances": 1, "enabled": false},
                    {"id": "vms", "platform": "ec2", "instanceType": "m5.large", "instances": 2}]})");
    QVERIFY2(sweep.ok(), sweep.error().toString().c_str());
    QCOMPARE(sweep->lines.size(), std::size_t(2));
    QCOMPARE(sweep->lines[0].id, std::string("fn"));
    QCOMPARE(sweep->lines[1].id, std::string("vms"));
    // The one t3.micro ($7.59) would beat both; switched off, it changes nothing.
    QCOMPARE(sweep->breakEvens.size(), std::size_t(1));
    QCOMPARE(sweep->breakEvens[0].above, std::string("vms"));
}

void TestTrafficSweep::infeasibleOption_isNaN_andNeverCheapest()
{
    // 20 GB per request is above Lambda's 10240 MB at any traffic.
    const auto sweep = sweepText(twoOptionScenario(R"({"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 20480})",
                                                   "x86_64", 730));
    QVERIFY2(sweep.ok(), sweep.error().toString().c_str());
    for (double cost : sweep->lines[0].cost)
        QVERIFY(std::isnan(cost));
    for (double cost : sweep->lines[1].cost)
        QVERIFY(near(cost, 140.16, 1e-12));
    QVERIFY(sweep->breakEvens.empty());
    // vms at every level: one stretch over the whole sweep.
    QCOMPARE(rangeLines(sweep.value()), std::vector<int>{1});
    QCOMPARE(sweep->ranges[0].fromFactor, 0.01);
    QCOMPARE(sweep->ranges[0].toFactor, 100.0);
}

void TestTrafficSweep::noFeasibleOption_saysSo()
{
    // A request of 1000 s: longer than Lambda's 15 minutes.
    const auto sweep = sweepText(scenarioWith(R"({"requests": {"perSecond": 2}, "durationMs": 1000000, "memoryMb": 128})",
                                              R"({"id": "fn", "platform": "lambda"})"));
    QVERIFY2(sweep.ok(), sweep.error().toString().c_str());
    QVERIFY(sweep->breakEvens.empty());
    QCOMPARE(rangeLines(sweep.value()), std::vector<int>{-1});
    QCOMPARE(sweep->baseRate, 2.0);
}

void TestTrafficSweep::workloadWithoutRequests_speaksInMultiplesOfTraffic()
{
    // The workload has no requests, but fn has 10 req/s of its own: scaled all the same, it meets
    // the fleet at 13.06 times that (130.61 req/s, as above).
    const auto sweep = sweepText(R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perMonth": 0}, "durationMs": 100, "memoryMb": 128},
        "options": [{"id": "fn", "platform": "lambda", "requests": {"perSecond": 10}},
                    {"id": "vms", "platform": "ec2", "instanceType": "m5.large", "instances": 2}]})");
    QVERIFY2(sweep.ok(), sweep.error().toString().c_str());
    QCOMPARE(sweep->averageRate.back(), 0.0);
    QCOMPARE(sweep->breakEvens.size(), std::size_t(1));
    const double x86 = TwoM5LargePerHour / 3600 / (RequestPrice + GbSecondsPerRequest * X86GbSecond);
    QVERIFY(near(sweep->breakEvens[0].factor, x86 / 10, 1e-3));
    QCOMPARE(rangeLines(sweep.value()), (std::vector<int>{0, 1}));
    QCOMPARE(sweep->baseRate, 0.0); // the words then speak in multiples of the traffic
    QCOMPARE(sweep->ranges[0].toFactor, sweep->breakEvens[0].factor);
}

void TestTrafficSweep::evaluatorError_isReturnedWithItsPlace()
{
    const std::string text = R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 128},
        "options": [{"id": "fn", "platform": "lambda"},
                    {"id": "vms", "platform": "ec2", "instanceType": "m5.huge", "instances": 2}]})";
    const auto scenario = Models::parseScenario(text, "t.costscape.json");
    QVERIFY(scenario.ok());
    const auto expected = Models::Evaluator::evaluate(scenario.value(), Pricing::embeddedPriceSheet());
    QVERIFY(!expected.ok());
    const auto sweep = Models::sweepTraffic(scenario.value(), Pricing::embeddedPriceSheet());
    QVERIFY(!sweep.ok());
    QCOMPARE(sweep.error().code, ErrorCode::UnknownValue);
    QCOMPARE(sweep.error().toString(), expected.error().toString());
    QCOMPARE(sweep.error().line, 4); // the option's instanceType, as the evaluator reports it
    QVERIFY(sweep.error().column > 0);
}

void TestTrafficSweep::badArguments_areErrors_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<double>("minFactor");
    QTest::addColumn<double>("maxFactor");
    QTest::newRow("one-point") << 1 << 0.01 << 100.0;
    QTest::newRow("zero-minimum") << 41 << 0.0 << 100.0;
    QTest::newRow("negative-minimum") << 41 << -1.0 << 100.0;
    QTest::newRow("maximum-below-minimum") << 41 << 10.0 << 1.0;
    QTest::newRow("infinite-maximum") << 41 << 0.01 << std::numeric_limits<double>::infinity();
}

void TestTrafficSweep::badArguments_areErrors()
{
    QFETCH(int, points);
    QFETCH(double, minFactor);
    QFETCH(double, maxFactor);
    const auto scenario = Models::parseScenario(
        twoOptionScenario(R"({"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 128})", "x86_64", 730), "t");
    QVERIFY(scenario.ok());
    const auto sweep = Models::sweepTraffic(scenario.value(), Pricing::embeddedPriceSheet(), points, minFactor, maxFactor);
    QVERIFY(!sweep.ok());
    QCOMPARE(sweep.error().code, ErrorCode::OutOfRange);
}

void TestTrafficSweep::formatRate_twoSignificantDigits_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0");
    QTest::newRow("hundredths") << 0.042 << QStringLiteral("0.042");
    QTest::newRow("thousandths-rounded") << 0.004249 << QStringLiteral("0.0042");
    QTest::newRow("rounds-up-to-a-decade-below-one") << 0.0999 << QStringLiteral("0.1");
    QTest::newRow("units") << 3.24 << QStringLiteral("3.2");
    QTest::newRow("whole-units") << 7.0 << QStringLiteral("7");
    QTest::newRow("rounds-up-to-ten") << 9.96 << QStringLiteral("10");
    QTest::newRow("tens") << 42.4 << QStringLiteral("42");
    QTest::newRow("hundreds") << 849.0 << QStringLiteral("850");
    QTest::newRow("thousands") << 12345.0 << QStringLiteral("12000");
    QTest::newRow("millions-no-exponent") << 2.5e6 << QStringLiteral("2500000");
}

void TestTrafficSweep::formatRate_twoSignificantDigits()
{
    QFETCH(double, rate);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(Models::formatRate(rate)), text);
}

void TestTrafficSweep::sampleScenario_breakEvensAgreeWithFullEvaluations()
{
    const auto scenario = Models::loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
    QVERIFY2(scenario.ok(), scenario.error().toString().c_str());
    QElapsedTimer timer;
    timer.start();
    const auto sweep = Models::sweepTraffic(scenario.value(), Pricing::embeddedPriceSheet());
    const qint64 ms = timer.elapsed();
    QVERIFY2(sweep.ok(), sweep.error().toString().c_str());
    qInfo("sweepTraffic on the sample scenario: %lld ms, %zu break-evens", ms, sweep->breakEvens.size());
    QVERIFY(!sweep->breakEvens.empty()); // Lambda at a trickle, a fleet at 100x
    QCOMPARE(sweep->ranges.size(), sweep->breakEvens.size() + 1);
    QVERIFY(sweep->baseRate > 0);

    // The bisection runs on two-option copies; the whole scenario must agree on each side.
    auto cheapestAt = [&](double factor) {
        Models::Scenario scaled = scenario.value();
        for (double &r : scaled.workload.requests.perSecondHourly)
            r *= factor;
        const auto e = Models::Evaluator::evaluate(scaled, Pricing::embeddedPriceSheet());
        const int c = e->cheapestIndex();
        return c < 0 ? std::string() : e->options[static_cast<std::size_t>(c)].id;
    };
    for (const auto &b : sweep->breakEvens) {
        QCOMPARE(cheapestAt(b.factor * 0.999), b.below);
        QCOMPARE(cheapestAt(b.factor * 1.001), b.above);
    }
}

void TestTrafficSweep::evaluateMonthly_givesTheMonthOfEvaluate_data()
{
    QTest::addColumn<QString>("workload");
    QTest::addColumn<int>("mergedSlots");

    // 730 h of a day profile: 24 distinct rates, each hour of the day one slot.
    QString day;
    for (int h = 0; h < 24; ++h)
        day += (h ? QStringLiteral(", ") : QString()) + QString::number(5 + 40 * (h >= 8 && h < 20) + h);
    QTest::newRow("day-profile-730h-is-24-slots")
        << QStringLiteral(R"({"requests": {"perSecondHourly": [%1]}, "durationMs": 120, "memoryMb": 256})").arg(day) << 24;
    // A constant rate is one slot of 730 hours.
    QTest::newRow("constant-rate-is-one-slot") << QStringLiteral(R"({"requests": {"perSecond": 75}, "durationMs": 80, "memoryMb": 128})")
                                               << 1;
    // A week of two rates (weekdays 60/s, weekend 12/s) is two slots.
    QString week;
    for (int h = 0; h < 168; ++h)
        week += (h ? QStringLiteral(", ") : QString()) + QString::number(h < 120 ? 60 : 12);
    QTest::newRow("week-of-two-rates-is-two-slots")
        << QStringLiteral(R"({"requests": {"perSecondHourly": [%1]}, "durationMs": 200, "memoryMb": 512})").arg(week) << 2;
}

void TestTrafficSweep::evaluateMonthly_givesTheMonthOfEvaluate()
{
    QFETCH(QString, workload);
    QFETCH(int, mergedSlots);
    // Every platform, fixed and derived fleets, peak scaling, provisioned concurrency (which
    // fills the busiest hours first): the month must not depend on how the hours are grouped.
    const std::string text = R"({"format": "costscape-scenario", "version": 1, "hoursPerMonth": 730, "workload": )"
        + workload.toStdString() + R"(, "options": [
            {"id": "fn", "platform": "lambda", "memoryMb": 512},
            {"id": "pc", "platform": "lambda", "memoryMb": 1024, "provisionedConcurrency": {"count": 3, "hoursPerMonth": 200}},
            {"id": "tasks", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "capacity": {"concurrentRequests": 4}},
            {"id": "vms", "platform": "ec2", "instanceType": "m5.large", "capacity": {"requestsPerSecond": 20}, "scaling": "peak"},
            {"id": "mix", "platform": "ec2", "instanceType": "m5.large", "purchase": "spot", "spotDiscount": 0.6,
             "capacity": {"requestsPerSecond": 15}, "onDemandBase": 1, "onDemandPercentAboveBase": 50},
            {"id": "ecs", "platform": "ecs-ec2", "taskVcpu": 0.5, "taskMemoryMb": 1024, "capacity": {"concurrentRequests": 3},
             "instanceTypes": ["m5.large", "c5.xlarge"]}]})";
    const auto scenario = Models::parseScenario(text, "t.costscape.json");
    QVERIFY2(scenario.ok(), scenario.error().toString().c_str());
    const auto hourly = Models::Evaluator::evaluate(scenario.value(), Pricing::embeddedPriceSheet());
    const auto monthly = Models::Evaluator::evaluateMonthly(scenario.value(), Pricing::embeddedPriceSheet());
    QVERIFY(hourly.ok() && monthly.ok());
    QCOMPARE(hourly->ratePerSecond.size(), std::size_t(730));
    QCOMPARE(monthly->ratePerSecond.size(), std::size_t(mergedSlots));
    QCOMPARE(monthly->options.size(), hourly->options.size());
    for (std::size_t i = 0; i < hourly->options.size(); ++i) {
        const auto &h = hourly->options[i];
        const auto &m = monthly->options[i];
        QVERIFY2(near(m.monthlyCost, h.monthlyCost, 1e-9) || (h.monthlyCost == 0 && m.monthlyCost == 0),
                 qPrintable(QStringLiteral("%1: %2 merged, %3 hour by hour").arg(QString::fromStdString(h.id)).arg(m.monthlyCost, 0, 'g', 17).arg(h.monthlyCost, 0, 'g', 17)));
        QCOMPARE(m.feasible, h.feasible);
        QCOMPARE(m.fleet.peak, h.fleet.peak);
        QVERIFY(near(m.fleet.unitHours, h.fleet.unitHours, 1e-9) || h.fleet.unitHours == 0);
    }
    QCOMPARE(monthly->cheapestIndex(), hourly->cheapestIndex());
}

void TestTrafficSweep::points_areEachPointPricedAloneBitForBit()
{
    // The sweep prices its points on two threads, each after whatever the other packed and with
    // the busiest hours' order of the point before: every cost must be the very bits of that
    // point priced alone, afresh (no packing remembered), on this thread.
    QString week;
    for (int h = 0; h < 168; ++h)
        week += (h ? QStringLiteral(", ") : QString()) + QString::number(std::round((30 + 25 * std::sin(h * 0.2618) + (h % 7)) * 100) / 100);
    const std::string text = R"({"format": "costscape-scenario", "version": 1, "hoursPerMonth": 730,
        "workload": {"requests": {"perSecondHourly": [)" + week.toStdString() + R"(]}, "durationMs": 150, "memoryMb": 512},
        "options": [
            {"id": "pc", "platform": "lambda", "memoryMb": 1024, "provisionedConcurrency": {"count": 4, "hoursPerMonth": 300}},
            {"id": "vms", "platform": "ec2", "instanceType": "m5.large", "capacity": {"concurrentRequests": 8}, "minCount": 1},
            {"id": "tasks", "platform": "fargate", "taskVcpu": 0.5, "taskMemoryGb": 1, "capacity": {"concurrentRequests": 3}},
            {"id": "ecs", "platform": "ecs-ec2", "instanceTypes": ["m5.large", "c5.xlarge", "r5.large"], "taskGroups": [
                {"name": "api", "taskVcpu": 0.5, "taskMemoryMb": 1024, "capacity": {"concurrentRequests": 4}},
                {"name": "workers", "taskVcpu": 1, "taskMemoryMb": 3072, "capacity": {"requestsPerSecond": 25}}]}]})";
    const auto scenario = Models::parseScenario(text, "t.costscape.json");
    QVERIFY2(scenario.ok(), scenario.error().toString().c_str());
    const auto sweep = Models::sweepTraffic(scenario.value(), Pricing::embeddedPriceSheet(), 9);
    QVERIFY2(sweep.ok(), sweep.error().toString().c_str());
    QCOMPARE(sweep->lines.size(), std::size_t(4));
    for (std::size_t i = 0; i < sweep->factors.size(); ++i) {
        Models::clearPackingCache();
        Models::Scenario at = scenario.value();
        for (double &rate : at.workload.requests.perSecondHourly)
            rate *= sweep->factors[i];
        const auto alone = Models::Evaluator::evaluateMonthly(at, Pricing::embeddedPriceSheet());
        QVERIFY(alone.ok());
        for (std::size_t k = 0; k < sweep->lines.size(); ++k) {
            const Models::OptionResult &o = alone->options[k];
            const double expected = o.feasible ? o.monthlyCost : std::numeric_limits<double>::quiet_NaN();
            const double got = sweep->lines[k].cost[i];
            QVERIFY2(got == expected || (std::isnan(got) && std::isnan(expected)),
                     qPrintable(QStringLiteral("%1 at x%2: swept %3, alone %4")
                                    .arg(QString::fromStdString(o.id))
                                    .arg(sweep->factors[i])
                                    .arg(got, 0, 'g', 17)
                                    .arg(expected, 0, 'g', 17)));
        }
    }
}

QTEST_GUILESS_MAIN(TestTrafficSweep)
#include "tst_trafficsweep.moc"
