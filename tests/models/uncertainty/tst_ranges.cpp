// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/evaluatetext.h"
#include "models/uncertainty/comparison.h"
#include "models/uncertainty/ranges.h"

#include <QTest>

using namespace Costscape;
using namespace Costscape::Models;
using namespace Costscape::Tests;

class TestRanges : public QObject
{
    Q_OBJECT

private slots:
    void noRangesKey_noRanges_andNoWarning();
    void defaults_typicalFromTheScenario_logNormalTraffic();
    void roundTrip_throughTheFileKeys();
    void badRanges_areLocatedErrors_data();
    void badRanges_areLocatedErrors();
    void compare_differencePerOptionAndLineItem();
};

static std::string withRanges(const std::string &ranges, const std::string &workloadExtra = {})
{
    return R"({"format": "costscape-scenario", "version": 1, "name": "t", "region": "us-east-1",
        "workload": {"requests": {"perMonth": 1000000}, "durationMs": 120, "memoryMb": 256)" + workloadExtra + R"(},
        "ranges": )" + ranges + R"(,
        "options": [{"id": "fn", "platform": "lambda", "memoryMb": 512}]})";
}

void TestRanges::noRangesKey_noRanges_andNoWarning()
{
    std::string without = withRanges("{}");
    without.erase(without.find(R"("ranges": {},)"), 14);
    QVERIFY(without.find("ranges") == std::string::npos);
    const auto scenario = parseScenario(without, "t.costscape.json");
    QVERIFY2(scenario, scenario ? "" : scenario.error().message.c_str());
    const auto ranges = readRanges(scenario.value());
    QVERIFY(ranges);
    QVERIFY(ranges.value().empty());
    // "ranges" is a known key: a file with it is read without an "unknown key" warning.
    const auto with = parseScenario(withRanges(R"({"traffic": {"low": 0.5, "high": 2}})"), "t.costscape.json");
    QVERIFY(with);
    for (const Error &w : with.warnings())
        QVERIFY2(w.message.find("ranges") == std::string::npos, w.message.c_str());
}

void TestRanges::defaults_typicalFromTheScenario_logNormalTraffic()
{
    const auto scenario = parseScenario(
        withRanges(R"({"traffic": {"low": 0.5, "high": 2}, "durationMs": {"low": 80, "high": 400}})"), "t.costscape.json");
    QVERIFY(scenario);
    const auto ranges = readRanges(scenario.value());
    QVERIFY2(ranges, ranges ? "" : ranges.error().message.c_str());
    const InputRange traffic = *ranges.value()[UncertainInput::Traffic];
    QCOMPARE(traffic.typical, 1.0);
    QCOMPARE(traffic.distribution, RangeDistribution::LogNormal);
    const InputRange duration = *ranges.value()[UncertainInput::DurationMs];
    QCOMPARE(duration.typical, 120.0);
    QCOMPARE(duration.distribution, RangeDistribution::Triangular);
    // Its quantiles: the triangular's ends and mode; the log-normal's median and P10 / P90.
    QCOMPARE(duration.quantile(0.0), 80.0);
    QCOMPARE(duration.quantile(1.0), 400.0);
    QVERIFY(std::abs(traffic.quantile(0.5) - 1) < 1e-12);
    QVERIFY(std::abs(traffic.quantile(0.1) - 0.5) < 1e-8);
    QVERIFY(std::abs(traffic.quantile(0.9) - 2) < 1e-8);

    // The spike's height: typical is the spike's toPerSecond, triangular unless told.
    const auto spiky = parseScenario(withRanges(R"({"spikeHeight": {"low": 300, "high": 1200}})",
                                                R"(, "spike": {"fromPerSecond": 60, "toPerSecond": 600})"),
                                     "t.costscape.json");
    QVERIFY(spiky);
    const auto spikeRanges = readRanges(spiky.value());
    QVERIFY2(spikeRanges, spikeRanges ? "" : spikeRanges.error().message.c_str());
    const InputRange height = *spikeRanges.value()[UncertainInput::SpikeHeight];
    QCOMPARE(height.typical, 600.0);
    QCOMPARE(height.distribution, RangeDistribution::Triangular);
    QVERIFY(!changesCost(UncertainInput::SpikeHeight));
    QVERIFY(!changesScenario(UncertainInput::SpikeHeight));
    QCOMPARE(std::string(inputKey(UncertainInput::SpikeHeight)), std::string("spikeHeight"));
}

void TestRanges::roundTrip_throughTheFileKeys()
{
    const auto scenario = parseScenario(withRanges(R"({"memoryMb": {"low": 200, "typical": 300, "high": 700,
        "distribution": "lognormal"}})"),
                                        "t.costscape.json");
    QVERIFY(scenario);
    const auto ranges = readRanges(scenario.value());
    QVERIFY(ranges);
    Scenario copy = scenario.value();
    copy.original["ranges"] = rangesToJson(ranges.value());
    const auto again = readRanges(copy);
    QVERIFY(again);
    QVERIFY(again.value() == ranges.value());
    // A save keeps the key (the writer keeps the file's other keys).
    const auto saved = scenarioToJson(scenario.value());
    QVERIFY(saved.contains("ranges"));
}

void TestRanges::badRanges_areLocatedErrors_data()
{
    QTest::addColumn<QString>("ranges");
    QTest::addColumn<QString>("workloadExtra");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object") << "[1, 2]" << "" << "ranges: expected an object";
    QTest::newRow("unknown input") << R"({"latency": {"low": 1, "high": 2}})" << "" << "unknown input 'latency'";
    QTest::newRow("unknown key") << R"({"traffic": {"low": 1, "high": 2, "mode": 1}})" << "" << "unknown key 'mode'";
    QTest::newRow("missing high") << R"({"traffic": {"low": 0.5}})" << "" << "\"high\" is missing";
    QTest::newRow("text") << R"({"durationMs": {"low": "fast", "high": 2}})" << "" << "ranges.durationMs.low: expected a number";
    QTest::newRow("low above high") << R"({"durationMs": {"low": 300, "high": 200}})" << "" << "low <= typical <= high";
    QTest::newRow("typical outside") << R"({"durationMs": {"low": 10, "high": 20}})" << "" << "low <= typical <= high";
    QTest::newRow("zero memory") << R"({"memoryMb": {"low": 0, "high": 512}})" << "" << "must be above 0";
    QTest::newRow("flat log-normal") << R"({"traffic": {"low": 1, "high": 1}})" << "" << "needs 0 < low < high";
    QTest::newRow("distribution") << R"({"traffic": {"low": 0.5, "high": 2, "distribution": "normal"}})" << ""
                                  << "use \"triangular\" or \"lognormal\"";
    QTest::newRow("spot without spot options") << R"({"spotInterruptedShare": {"low": 0, "high": 0.2}})" << ""
                                               << "EC2 options bought as spot";
    QTest::newRow("spot discount needs typical") << R"({"spotDiscount": {"low": 0.5, "high": 0.7}})" << ""
                                                 << "\"typical\" is missing";
    QTest::newRow("duration with distribution")
        << R"({"durationMs": {"low": 50, "high": 300}})"
        << R"(, "durationDistribution": {"percentiles": {"0": 50, "50": 100, "100": 200}})" << "durationDistribution";
    // The whole bill's sizes: a range spreads around the workload's own value, so it needs one.
    QTest::newRow("response size without the key") << R"({"bytesOutPerRequest": {"low": 1000, "high": 9000}})" << ""
                                                   << "ranges.bytesOutPerRequest: the workload gives no";
    QTest::newRow("log volume without the key") << R"({"logBytesPerRequest": {"low": 100, "high": 900}})" << ""
                                                << "ranges.logBytesPerRequest: the workload gives no";
    QTest::newRow("negative response size") << R"({"bytesOutPerRequest": {"low": -1, "high": 9000}})"
                                            << R"(, "bytesOutPerRequest": 5000)" << "between 0 and 10,000,000,000 bytes";
    QTest::newRow("response size beyond the rule") << R"({"bytesOutPerRequest": {"low": 1, "high": 2e10}})"
                                                   << R"(, "bytesOutPerRequest": 5000)" << "between 0 and 10,000,000,000 bytes";
    // The spike's height: a range needs the spike it spreads, and a peak above where it starts.
    const QString spike = QStringLiteral(R"(, "spike": {"fromPerSecond": 50, "toPerSecond": 500})");
    QTest::newRow("spike height without a spike") << R"({"spikeHeight": {"low": 100, "high": 900}})" << ""
                                                  << "ranges.spikeHeight: the workload has no \"spike\"";
    QTest::newRow("spike height low above typical") << R"({"spikeHeight": {"low": 600, "high": 900}})" << spike
                                                    << "low <= typical <= high";
    QTest::newRow("spike height typical above high") << R"({"spikeHeight": {"low": 100, "typical": 950, "high": 900}})"
                                                     << spike << "low <= typical <= high";
    QTest::newRow("spike height at its start") << R"({"spikeHeight": {"low": 50, "high": 900}})" << spike
                                               << "ranges.spikeHeight.low: must be above the spike's fromPerSecond (50";
    QTest::newRow("spike height beyond the rule") << R"({"spikeHeight": {"low": 100, "high": 2e9}})" << spike
                                                  << "ranges.spikeHeight.high: at most";
    QTest::newRow("spike height flat log-normal")
        << R"({"spikeHeight": {"low": 500, "high": 500, "distribution": "lognormal"}})" << spike << "needs 0 < low < high";
}

void TestRanges::badRanges_areLocatedErrors()
{
    QFETCH(QString, ranges);
    QFETCH(QString, workloadExtra);
    QFETCH(QString, message);
    const auto scenario = parseScenario(withRanges(ranges.toStdString(), workloadExtra.toStdString()), "t.costscape.json");
    QVERIFY2(scenario, scenario ? "" : scenario.error().message.c_str());
    const auto read = readRanges(scenario.value());
    QVERIFY(!read);
    QVERIFY2(read.error().message.find(message.toStdString()) != std::string::npos, read.error().message.c_str());
    QCOMPARE(read.error().file, std::string("t.costscape.json"));
    // "ranges" is on line 3 of the text.
    QCOMPARE(read.error().line, 3);
}

void TestRanges::compare_differencePerOptionAndLineItem()
{
    // The same Lambda at 120 and 240 ms: the duration line doubles, the requests line stays.
    // 1e6 requests x 0.12 s x 0.5 GB x 0.0000166667 = 1.000002 (x86_64, first tier).
    const auto a = evaluateText(withRanges("{}"));
    std::string longer = withRanges("{}");
    longer.replace(longer.find("\"durationMs\": 120"), 17, "\"durationMs\": 240");
    std::string extra = longer;
    extra.replace(extra.find(R"([{"id": "fn")"), 1, R"([{"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 1}, )");
    const auto b = evaluateText(extra);
    QVERIFY(a && b);
    const Comparison c = compareEvaluations(a.value(), b.value());
    QCOMPARE(c.options.size(), std::size_t(2));
    const OptionDifference &fn = c.options[0];
    QCOMPARE(fn.id, std::string("fn"));
    QVERIFY(fn.inA && fn.inB && fn.feasibleA && fn.feasibleB);
    QVERIFY(std::abs(fn.difference() - 1e6 * 0.12 * 0.5 * 0.0000166667) < 1e-6);
    for (const LineDifference &l : fn.lines)
        if (l.name == "requests")
            QCOMPARE(l.difference(), 0.0);
    // An option only B has: 0 on A's side; m5.large 730 h x $0.096.
    const OptionDifference &vm = c.options[1];
    QVERIFY(!vm.inA && vm.inB);
    QVERIFY(std::abs(vm.difference() - 730 * 0.096) < 1e-6);
    QCOMPARE(c.cheapestA, std::string("fn"));
}

QTEST_GUILESS_MAIN(TestRanges)
#include "tst_ranges.moc"
