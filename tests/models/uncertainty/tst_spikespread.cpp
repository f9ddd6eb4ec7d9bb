// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A range on the spike's height (issue 17, `ranges.spikeHeight`): each draw's spike simulated at
// the drawn peak for every option, the spread of the spike model's own measures per option.
#include "models/evaluator.h"
#include "models/scenario/scenarioreader.h"
#include "models/uncertainty/montecarlo.h"
#include "output/uncertaintyformat.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Costscape;
using namespace Costscape::Models;

class TestSpikeSpread : public QObject
{
    Q_OBJECT

private slots:
    void absentRange_costsAndOutputUnchanged_data();
    void absentRange_costsAndOutputUnchanged();
    void flatRange_everyQuantileIsTheDeterministicOutcome_data();
    void flatRange_everyQuantileIsTheDeterministicOutcome();
    void higherSpike_neverAnEasierRide();
    void sameSeed_sameFigures_whateverTheThreads();
    void subsample_andSwitchedOff();
};

namespace {

// The sample with ranges: seven options (Lambda x2, Fargate, EC2 x2, ECS on EC2, Lambda Managed
// Instances) and a spike from 60 to 600 requests/s.
Scenario sample()
{
    auto s = loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api-uncertain.costscape.json");
    if (!s)
        qFatal("%s", s.error().toString().c_str());
    return std::move(s).value();
}

UncertaintyRanges rangesOf(const Scenario &s)
{
    auto r = readRanges(s);
    if (!r)
        qFatal("%s", r.error().toString().c_str());
    auto ranges = r.value();
    ranges[UncertainInput::SpikeHeight].reset();
    return ranges;
}

UncertaintyResult runOrFail(const Scenario &s, const UncertaintyRanges &ranges, UncertaintySettings settings)
{
    auto r = runUncertainty(s, Pricing::embeddedPriceSheet(), ranges, settings);
    if (!r)
        qFatal("%s", r.error().toString().c_str());
    return std::move(r).value();
}

/** The spike model's figure as the spread reports it: "not before the spike ends" (-1) is +inf. */
double measureOf(const ScalingResult &s, SpikeMeasure m)
{
    switch (m) {
    case SpikeMeasure::SecondsToMeetDemand:
        return s.secondsToMeetDemand < 0 ? std::numeric_limits<double>::infinity() : s.secondsToMeetDemand;
    case SpikeMeasure::MaxDelaySeconds:
        return s.maxDelaySeconds;
    case SpikeMeasure::RequestsDelayed:
        return s.requestsDelayed;
    case SpikeMeasure::RequestsRejected:
        return s.requestsRejected;
    }
    return 0;
}

bool same(double a, double b)
{
    if (std::isinf(a) || std::isinf(b))
        return a == b;
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a));
}

} // namespace

void TestSpikeSpread::absentRange_costsAndOutputUnchanged_data()
{
    QTest::addColumn<QStringList>("ranged");
    QTest::newRow("traffic") << QStringList{QStringLiteral("traffic")};
    QTest::newRow("traffic, duration, memory")
        << QStringList{QStringLiteral("traffic"), QStringLiteral("durationMs"), QStringLiteral("memoryMb")};
    QTest::newRow("the sample's five") << QStringList{QStringLiteral("traffic"), QStringLiteral("durationMs"),
                                                      QStringLiteral("memoryMb"), QStringLiteral("spotDiscount"),
                                                      QStringLiteral("spotInterruptedShare")};
    QTest::newRow("none") << QStringList{};
}

void TestSpikeSpread::absentRange_costsAndOutputUnchanged()
{
    QFETCH(QStringList, ranged);
    const Scenario s = sample();
    const UncertaintyRanges all = rangesOf(s);
    UncertaintyRanges without;
    for (int i = 0; i < UncertainInputCount; ++i)
        if (ranged.contains(QString::fromUtf8(inputKey(static_cast<UncertainInput>(i)))))
            without.ranges[static_cast<std::size_t>(i)] = all.ranges[static_cast<std::size_t>(i)];
    UncertaintyRanges with = without;
    with[UncertainInput::SpikeHeight] = InputRange{300, 600, 1200, RangeDistribution::Triangular};
    UncertaintySettings settings;
    settings.draws = 400;
    settings.spikeDraws = 40;
    settings.seed = 7;
    const UncertaintyResult a = runOrFail(s, without, settings);
    const UncertaintyResult b = runOrFail(s, with, settings);

    // Without a spike range: no spike figures, nothing about the spike in the JSON or the CSV.
    QCOMPARE(a.spikeDraws, 0);
    for (const auto &o : a.options)
        QVERIFY(!o.spike);
    const std::string json = Output::formatUncertaintyJson(a);
    QVERIFY(json.find("\"spike") == std::string::npos);
    QVERIFY(Output::formatUncertaintyCsv(a).find("spike") == std::string::npos);
    QVERIFY(Output::formatUncertaintyTable(a).find("Spike response") == std::string::npos);

    // With it: every cost figure is the same, draw for draw (its heights have a stream of their own).
    QCOMPARE(b.spikeDraws, 40);
    QCOMPARE(b.options.size(), a.options.size());
    for (std::size_t i = 0; i < a.options.size(); ++i) {
        const OptionUncertainty &x = a.options[i], &y = b.options[i];
        QVERIFY(y.spike.has_value());
        for (auto [p, q] : {std::pair{x.p10, y.p10}, {x.p50, y.p50}, {x.p90, y.p90}, {x.mean, y.mean},
                            {x.probabilityCheapest, y.probabilityCheapest}, {x.expectedRegret, y.expectedRegret},
                            {x.typical, y.typical}})
            QVERIFY((std::isnan(p) && std::isnan(q)) || p == q);
    }
    // The spike's height moves no cost: no tornado bar for it.
    QCOMPARE(b.chosenCost.bars.size(), a.chosenCost.bars.size());
    for (const TornadoBar &bar : b.chosenCost.bars)
        QVERIFY(bar.input != UncertainInput::SpikeHeight);
    const std::string withJson = Output::formatUncertaintyJson(b);
    QVERIFY(withJson.find("\"spikeDraws\": 40") != std::string::npos);
    QVERIFY(withJson.find("\"secondsToMeetDemand\"") != std::string::npos);
}

void TestSpikeSpread::flatRange_everyQuantileIsTheDeterministicOutcome_data()
{
    QTest::addColumn<double>("height");
    QTest::addColumn<QString>("excess");
    QTest::newRow("600/s, queue (the file's spike)") << 600.0 << QStringLiteral("queue");
    QTest::newRow("250/s, queue") << 250.0 << QStringLiteral("queue");
    QTest::newRow("2,000/s, queue") << 2000.0 << QStringLiteral("queue");
    QTest::newRow("2,000/s, reject") << 2000.0 << QStringLiteral("reject");
}

void TestSpikeSpread::flatRange_everyQuantileIsTheDeterministicOutcome()
{
    QFETCH(double, height);
    QFETCH(QString, excess);
    Scenario s = sample();
    s.workload.spike->excess = excess == QLatin1String("reject") ? Spike::Excess::Reject : Spike::Excess::Queue;
    UncertaintyRanges ranges; // only the spike: every other input at its scenario value
    ranges[UncertainInput::SpikeHeight] = InputRange{height, height, height, RangeDistribution::Triangular};
    UncertaintySettings settings;
    settings.draws = 30;
    const UncertaintyResult r = runOrFail(s, ranges, settings);

    // The plain evaluation of the scenario with its spike at that height.
    Scenario at = s;
    at.workload.spike->toPerSecond = height;
    const auto plain = Evaluator::evaluate(at, Pricing::embeddedPriceSheet());
    QVERIFY(plain);
    QCOMPARE(r.options.size(), plain.value().options.size());
    int simulated = 0;
    for (std::size_t i = 0; i < r.options.size(); ++i) {
        const OptionResult &o = plain.value().options[i];
        const auto &spike = r.options[i].spike;
        QVERIFY(spike.has_value());
        if (!o.feasible || !o.scaling) {
            QCOMPARE(spike->simulated, 0);
            continue;
        }
        ++simulated;
        QCOMPARE(spike->simulated, 30);
        for (int m = 0; m < SpikeMeasureCount; ++m) {
            const auto measure = static_cast<SpikeMeasure>(m);
            const double expected = measureOf(*o.scaling, measure);
            const SpikeSpread &g = (*spike)[measure];
            for (double v : {g.typical, g.p10, g.p50, g.p90})
                QVERIFY2(same(v, expected), qPrintable(QStringLiteral("%1 %2: %3, the evaluation says %4")
                                                           .arg(QString::fromStdString(o.id), QString::fromUtf8(spikeMeasureKey(measure)))
                                                           .arg(v)
                                                           .arg(expected)));
        }
        const bool absorbed = o.scaling->requestsDelayed < 0.5 && o.scaling->requestsRejected < 0.5;
        QCOMPARE(spike->absorbedShare, absorbed ? 1.0 : 0.0);
    }
    QVERIFY(simulated >= 5);
}

void TestSpikeSpread::higherSpike_neverAnEasierRide()
{
    // A ladder of heights: each option's every measure is no better (no lower) at a higher peak,
    // and its odds of absorbing the spike no higher.
    const Scenario s = sample();
    UncertaintySettings settings;
    settings.draws = 3;
    std::vector<UncertaintyResult> ladder;
    for (double h : {100.0, 300.0, 600.0, 1200.0, 2500.0, 5000.0}) {
        UncertaintyRanges ranges;
        ranges[UncertainInput::SpikeHeight] = InputRange{h, h, h, RangeDistribution::Triangular};
        ladder.push_back(runOrFail(s, ranges, settings));
    }
    for (std::size_t k = 1; k < ladder.size(); ++k)
        for (std::size_t i = 0; i < ladder[k].options.size(); ++i) {
            const auto &lower = *ladder[k - 1].options[i].spike, &higher = *ladder[k].options[i].spike;
            if (lower.simulated == 0 || higher.simulated == 0)
                continue;
            for (int m = 0; m < SpikeMeasureCount; ++m)
                QVERIFY2(higher.measures[static_cast<std::size_t>(m)].p50 >= lower.measures[static_cast<std::size_t>(m)].p50,
                         qPrintable(QStringLiteral("%1, %2, step %3").arg(QString::fromStdString(ladder[k].options[i].id),
                                                                          QString::fromUtf8(spikeMeasureKey(static_cast<SpikeMeasure>(m))))
                                        .arg(k)));
            QVERIFY(higher.absorbedShare <= lower.absorbedShare);
        }

    // Over draws: the same seed with the whole range moved up gives every draw a higher peak (the
    // same uniform through a quantile function further right), so no quantile may improve.
    UncertaintyRanges low, high;
    low[UncertainInput::SpikeHeight] = InputRange{200, 600, 1500, RangeDistribution::Triangular};
    high[UncertainInput::SpikeHeight] = InputRange{400, 1200, 3000, RangeDistribution::Triangular};
    settings.draws = 60;
    const UncertaintyResult a = runOrFail(s, low, settings), b = runOrFail(s, high, settings);
    for (std::size_t i = 0; i < a.options.size(); ++i) {
        const auto &x = *a.options[i].spike, &y = *b.options[i].spike;
        if (x.simulated == 0 || y.simulated == 0)
            continue;
        for (int m = 0; m < SpikeMeasureCount; ++m) {
            const SpikeSpread &p = x.measures[static_cast<std::size_t>(m)], &q = y.measures[static_cast<std::size_t>(m)];
            QVERIFY(q.p10 >= p.p10);
            QVERIFY(q.p50 >= p.p50);
            QVERIFY(q.p90 >= p.p90);
            QVERIFY(p.p10 <= p.p50 && p.p50 <= p.p90);
        }
        QVERIFY(y.absorbedShare <= x.absorbedShare);
    }
}

void TestSpikeSpread::sameSeed_sameFigures_whateverTheThreads()
{
    const Scenario s = sample();
    UncertaintyRanges ranges = rangesOf(s);
    ranges[UncertainInput::SpikeHeight] = InputRange{300, 600, 1200, RangeDistribution::Triangular};
    UncertaintySettings settings;
    settings.draws = 200;
    settings.spikeDraws = 24;
    settings.seed = 11;
    settings.threads = 1;
    const std::string one = Output::formatUncertaintyJson(runOrFail(s, ranges, settings));
    settings.threads = 2;
    const std::string two = Output::formatUncertaintyJson(runOrFail(s, ranges, settings));
    QCOMPARE(one, two);
    settings.seed = 12;
    const std::string other = Output::formatUncertaintyJson(runOrFail(s, ranges, settings));
    QVERIFY(other != one);
}

void TestSpikeSpread::subsample_andSwitchedOff()
{
    const Scenario s = sample();
    UncertaintyRanges ranges;
    ranges[UncertainInput::SpikeHeight] = InputRange{300, 600, 1200, RangeDistribution::Triangular};
    UncertaintySettings settings;
    settings.draws = 100;
    settings.spikeDraws = 10;
    const UncertaintyResult r = runOrFail(s, ranges, settings);
    QCOMPARE(r.spikeDraws, 10);
    for (const auto &o : r.options)
        QVERIFY(o.spike && o.spike->simulated <= 10);
    // Fewer draws than the subsample: all of them.
    settings.draws = 5;
    QCOMPARE(runOrFail(s, ranges, settings).spikeDraws, 5);
    // The window's odds line leaves the spike out.
    settings.spike = false;
    const UncertaintyResult off = runOrFail(s, ranges, settings);
    QCOMPARE(off.spikeDraws, 0);
    for (const auto &o : off.options)
        QVERIFY(!o.spike);
}

QTEST_GUILESS_MAIN(TestSpikeSpread)
#include "tst_spikespread.moc"
