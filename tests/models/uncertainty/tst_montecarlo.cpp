// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/evaluatetext.h"
#include "models/uncertainty/montecarlo.h"
#include "models/uncertainty/sampling.h"

#include <QTest>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Models;
using namespace Costscape::Tests;

class TestMonteCarlo : public QObject
{
    Q_OBJECT

private slots:
    void noRanges_everyQuantileIsTheDeterministicTotal_andTheCheapestHasOddsOne();
    void sameSeed_sameFigures_whateverTheThreads();
    void standardErrors_shrinkAsTheDrawsGrow();
    void normalQuantile_matchesTheTable_data();
    void normalQuantile_matchesTheTable();
    void sumOfTwoUniforms_triangularQuantilesAndMean();
    void logNormalTraffic_lambdaQuantilesAreTheClosedForm();
    void oddsOfCheapest_areThoseOfTrafficBelowTheBreakEven();
    void spotInputs_repriceTheSpotLine();
    void tornado_sortedBySwing_withHandWorkedEnds();
    void cancel_stops_andProgressReachesTheEnd();
    void badDraws_areErrors();
};

// Embedded sheet, us-east-1 (as tst_trafficsweep): Lambda x86_64 $0.20 per million requests and
// $0.0000166667 per GB-second; m5.large Linux on demand $0.096 an hour.
// 10 million requests of 100 ms at 128 MB: 10e6 x 0.2e-6 + 10e6 x 0.0125 GB-s x 0.0000166667.
static constexpr double LambdaCost = 10e6 * 0.2e-6 + 10e6 * 0.1 * 0.125 * 0.0000166667;
// Two m5.large all month: 2 x 0.096 x 730.
static constexpr double TwoM5Large = 2 * 0.096 * 730;

static std::string scenarioText(const std::string &ranges, const std::string &ec2Purchase = "on-demand")
{
    return R"({"format": "costscape-scenario", "version": 1, "name": "t", "region": "us-east-1",
        "workload": {"requests": {"perMonth": 10000000}, "durationMs": 100, "memoryMb": 128},
        "ranges": )" + ranges + R"(,
        "options": [
            {"id": "fn", "platform": "lambda", "architecture": "x86_64", "memoryMb": 128, "freeTier": false},
            {"id": "vms", "platform": "ec2", "instanceType": "m5.large", "instances": 2, "purchase": ")"
        + ec2Purchase + R"("}]})";
}

static Result<UncertaintyResult> run(const std::string &text, UncertaintySettings settings = {})
{
    const auto scenario = parseScenario(text, "t.costscape.json");
    if (!scenario)
        return scenario.error();
    const auto ranges = readRanges(scenario.value());
    if (!ranges)
        return ranges.error();
    return runUncertainty(scenario.value(), Pricing::embeddedPriceSheet(), ranges.value(), settings);
}

static double phi(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

void TestMonteCarlo::noRanges_everyQuantileIsTheDeterministicTotal_andTheCheapestHasOddsOne()
{
    const auto scenario = loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
    QVERIFY(scenario);
    const auto plain = Evaluator::evaluate(scenario.value(), Pricing::embeddedPriceSheet());
    QVERIFY(plain);
    UncertaintySettings settings;
    settings.draws = 500;
    const auto result = runUncertainty(scenario.value(), Pricing::embeddedPriceSheet(), UncertaintyRanges{}, settings);
    QVERIFY2(result, result.error().message.c_str());
    const int cheapest = plain.value().cheapestIndex();
    QVERIFY(cheapest >= 0);
    QCOMPARE(result.value().options.size(), plain.value().options.size());
    QCOMPARE(result.value().cheapestAtTypical, cheapest);
    for (std::size_t i = 0; i < plain.value().options.size(); ++i) {
        const OptionResult &o = plain.value().options[i];
        const OptionUncertainty &u = result.value().options[i];
        QCOMPARE(u.id, o.id);
        if (!o.feasible) {
            QVERIFY(std::isnan(u.p50));
            QCOMPARE(u.probabilityCheapest, 0.0);
            continue;
        }
        // evaluateMonthly prices equal hours once: the same month to rounding.
        const double tolerance = 1e-9 * std::max(1.0, o.monthlyCost);
        QVERIFY(std::abs(u.p10 - o.monthlyCost) < tolerance);
        QVERIFY(std::abs(u.p50 - o.monthlyCost) < tolerance);
        QVERIFY(std::abs(u.p90 - o.monthlyCost) < tolerance);
        QCOMPARE(u.p10, u.p90);
        QCOMPARE(u.probabilityCheapest, static_cast<int>(i) == cheapest ? 1.0 : 0.0);
        QCOMPARE(u.probabilityCheapestError, 0.0);
        QCOMPARE(u.p50Error, 0.0);
    }
}

void TestMonteCarlo::sameSeed_sameFigures_whateverTheThreads()
{
    const std::string text = scenarioText(R"({"traffic": {"low": 10, "typical": 30, "high": 90},
        "durationMs": {"low": 60, "high": 250}, "memoryMb": {"low": 100, "high": 200}})");
    UncertaintySettings one;
    one.draws = 2000;
    one.seed = 42;
    one.threads = 1;
    UncertaintySettings two = one;
    two.threads = 2;
    UncertaintySettings three = one;
    three.threads = 3;
    const auto a = run(text, one), b = run(text, two), c = run(text, three);
    QVERIFY(a && b && c);
    for (std::size_t i = 0; i < a.value().options.size(); ++i) {
        for (const auto *other : {&b.value(), &c.value()}) {
            QCOMPARE(other->options[i].p10, a.value().options[i].p10);
            QCOMPARE(other->options[i].p50, a.value().options[i].p50);
            QCOMPARE(other->options[i].p90, a.value().options[i].p90);
            QCOMPARE(other->options[i].probabilityCheapest, a.value().options[i].probabilityCheapest);
            QCOMPARE(other->options[i].expectedRegret, a.value().options[i].expectedRegret);
        }
    }
    // Another seed draws other numbers: the figures move, within their errors.
    UncertaintySettings seven = one;
    seven.seed = 7;
    const auto d = run(text, seven);
    QVERIFY(d);
    QVERIFY(d.value().options[0].p50 != a.value().options[0].p50);
    QVERIFY(std::abs(d.value().options[0].p50 - a.value().options[0].p50)
            < 5 * (d.value().options[0].p50Error + a.value().options[0].p50Error));
}

void TestMonteCarlo::standardErrors_shrinkAsTheDrawsGrow()
{
    const std::string text = scenarioText(R"({"traffic": {"low": 10, "typical": 30, "high": 90}})");
    UncertaintySettings few, many;
    few.draws = 250;
    many.draws = 4000;
    const auto a = run(text, few), b = run(text, many);
    QVERIFY(a && b);
    // Sixteen times the draws: errors about a quarter (1 / sqrt(16)); at most half, allowing for chance.
    for (std::size_t i = 0; i < a.value().options.size(); ++i) {
        const auto &x = a.value().options[i], &y = b.value().options[i];
        if (x.p90 > x.p10) {
            QVERIFY2(y.meanError < 0.5 * x.meanError, x.id.c_str());
            QVERIFY2(y.p50Error < 0.5 * x.p50Error, x.id.c_str());
        }
        QVERIFY(y.probabilityCheapestError < 0.5 * x.probabilityCheapestError);
        QVERIFY(x.probabilityCheapestError > 0);
    }
}

void TestMonteCarlo::normalQuantile_matchesTheTable_data()
{
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("z");
    // Standard normal table (e.g. Abramowitz and Stegun, table 26.5): the usual critical values.
    QTest::newRow("median") << 0.5 << 0.0;
    QTest::newRow("0.9") << 0.9 << 1.2815515655446004;
    QTest::newRow("0.975") << 0.975 << 1.959963984540054;
    QTest::newRow("0.995") << 0.995 << 2.5758293035489004;
    QTest::newRow("0.001 (lower tail formula)") << 0.001 << -3.090232306167813;
    QTest::newRow("0.99999 (upper tail formula)") << 0.99999 << 4.264890793922602;
}

void TestMonteCarlo::normalQuantile_matchesTheTable()
{
    QFETCH(double, p);
    QFETCH(double, z);
    QVERIFY(std::abs(Sampling::normalQuantile(p) - z) < 1e-8 * std::max(1.0, std::abs(z)));
}

void TestMonteCarlo::sumOfTwoUniforms_triangularQuantilesAndMean()
{
    // The sum of two independent U(0, 1) is triangular(0, 1, 2): its quantile at p <= 1/2 is
    // sqrt(2p), at p > 1/2 it is 2 - sqrt(2(1 - p)); its mean 1, its variance 1/6.
    std::mt19937_64 rng(2026);
    std::vector<double> sums, drawn;
    constexpr int N = 100000;
    for (int i = 0; i < N; ++i) {
        sums.push_back(Sampling::uniform01(rng) + Sampling::uniform01(rng));
        drawn.push_back(Sampling::triangularQuantile(Sampling::uniform01(rng), 0, 1, 2));
    }
    std::sort(sums.begin(), sums.end());
    std::sort(drawn.begin(), drawn.end());
    for (double p : {0.1, 0.3, 0.5, 0.7, 0.9}) {
        const double exact = p <= 0.5 ? std::sqrt(2 * p) : 2 - std::sqrt(2 * (1 - p));
        QCOMPARE(Sampling::triangularQuantile(p, 0, 1, 2), exact);
        for (const auto *sample : {&sums, &drawn}) {
            const double estimate = Sampling::sortedQuantile(*sample, p);
            const double error = Sampling::sortedQuantileError(*sample, p);
            QVERIFY(error > 0 && error < 0.01);
            QVERIFY2(std::abs(estimate - exact) < 4 * error, qPrintable(QString::number(p)));
        }
    }
    double mean = 0;
    for (double x : drawn)
        mean += x / N;
    QVERIFY(std::abs(mean - 1) < 4 * std::sqrt(1.0 / 6 / N));
}

void TestMonteCarlo::logNormalTraffic_lambdaQuantilesAreTheClosedForm()
{
    // Lambda without free tier is linear in traffic, so its cost is LambdaCost x the traffic
    // factor: log-normal with median 30 x LambdaCost and P10 / P90 at 10 and 90 (30 = sqrt(10 x 90)).
    UncertaintySettings settings;
    settings.draws = 20000;
    const auto result = run(scenarioText(R"({"traffic": {"low": 10, "typical": 30, "high": 90}})"), settings);
    QVERIFY(result);
    const OptionUncertainty &fn = result.value().options[0];
    QCOMPARE(fn.id, std::string("fn"));
    QVERIFY(std::abs(fn.typical - 30 * LambdaCost) < 1e-6);
    QVERIFY2(std::abs(fn.p10 - 10 * LambdaCost) < 4 * fn.p10Error, qPrintable(QString::number(fn.p10)));
    QVERIFY2(std::abs(fn.p50 - 30 * LambdaCost) < 4 * fn.p50Error, qPrintable(QString::number(fn.p50)));
    QVERIFY2(std::abs(fn.p90 - 90 * LambdaCost) < 4 * fn.p90Error, qPrintable(QString::number(fn.p90)));
    // The mean of a log-normal is its median x exp(sigma^2 / 2), sigma = ln(9) / (2 x 1.28155).
    const double sigma = std::log(9.0) / (2 * 1.2815515655446004);
    QVERIFY(std::abs(fn.mean - 30 * LambdaCost * std::exp(sigma * sigma / 2)) < 4 * fn.meanError);
    // The fixed fleet costs the same in every draw.
    const OptionUncertainty &vms = result.value().options[1];
    QVERIFY(std::abs(vms.p10 - TwoM5Large) < 1e-6 && std::abs(vms.p90 - TwoM5Large) < 1e-6);
}

void TestMonteCarlo::oddsOfCheapest_areThoseOfTrafficBelowTheBreakEven()
{
    // Lambda (LambdaCost x f) is cheaper than the fixed fleet (TwoM5Large) when f < TwoM5Large /
    // LambdaCost: with ln f normal(ln 30, sigma), P = Phi(ln(TwoM5Large / LambdaCost / 30) / sigma).
    UncertaintySettings settings;
    settings.draws = 20000;
    const auto result = run(scenarioText(R"({"traffic": {"low": 10, "typical": 30, "high": 90}})"), settings);
    QVERIFY(result);
    const double sigma = std::log(9.0) / (2 * 1.2815515655446004);
    const double expected = phi(std::log(TwoM5Large / LambdaCost / 30) / sigma);
    const OptionUncertainty &fn = result.value().options[0], &vms = result.value().options[1];
    QVERIFY2(std::abs(fn.probabilityCheapest - expected) < 4 * fn.probabilityCheapestError,
             qPrintable(QString::number(fn.probabilityCheapest) + QStringLiteral(" vs ") + QString::number(expected)));
    QCOMPARE(fn.probabilityCheapest + vms.probabilityCheapest, 1.0);
    // Regret is never negative, and each option is sometimes the wrong choice here.
    QVERIFY(fn.expectedRegret > 0 && vms.expectedRegret > 0);
}

void TestMonteCarlo::spotInputs_repriceTheSpotLine()
{
    // Two m5.large on spot all month, 1,460 instance-hours. With the discount at d and a share s of
    // the hours interrupted and run on demand: 1460 x 0.096 x ((1 - s)(1 - d) + s).
    UncertaintySettings settings;
    settings.draws = 4000;
    const auto result = run(scenarioText(R"({"spotDiscount": {"low": 0.5, "typical": 0.6, "high": 0.7},
                                              "spotInterruptedShare": {"low": 0, "typical": 0, "high": 0.3}})",
                                         "spot"),
                            settings);
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    const OptionUncertainty &vms = result.value().options[1];
    QVERIFY(std::abs(vms.typical - TwoM5Large * 0.4) < 1e-6);
    // Lower bound: d = 0.7, s = 0; upper: d = 0.5, s = 0.3.
    QVERIFY(vms.p10 > TwoM5Large * 0.3 && vms.p90 < TwoM5Large * (0.7 * 0.5 + 0.3));
    // Lambda does not depend on either input.
    QVERIFY(std::abs(result.value().options[0].p10 - LambdaCost) < 1e-9);
    QVERIFY(std::abs(result.value().options[0].p90 - LambdaCost) < 1e-9);
    // The tornado of the difference: at the discount's low, 1460 x 0.096 x 0.5 - LambdaCost.
    const Tornado &t = result.value().difference;
    QCOMPARE(t.bars.size(), std::size_t(2));
    for (const TornadoBar &bar : t.bars)
        if (bar.input == UncertainInput::SpotDiscount) {
            QVERIFY(std::abs(bar.atLow - (TwoM5Large * 0.5 - LambdaCost)) < 1e-6);
            QVERIFY(std::abs(bar.atHigh - (TwoM5Large * 0.3 - LambdaCost)) < 1e-6);
        } else {
            // s = 0.3 at a discount of 0.6: 1460 x 0.096 x (0.7 x 0.4 + 0.3)
            QVERIFY(std::abs(bar.atHigh - (TwoM5Large * 0.58 - LambdaCost)) < 1e-6);
        }
}

void TestMonteCarlo::tornado_sortedBySwing_withHandWorkedEnds()
{
    // Traffic 10..90 moves Lambda by 80 x LambdaCost; memory 64..256 MB (typical 128) leaves
    // Lambda's own 128 MB alone and so moves nothing; duration 50..150 ms moves the duration
    // line by half to one and a half of 30 x 10e6 x 0.0125 x 0.0000166667.
    const auto result = run(scenarioText(R"({"traffic": {"low": 10, "typical": 30, "high": 90},
        "memoryMb": {"low": 64, "high": 256}, "durationMs": {"low": 50, "high": 150}})"));
    QVERIFY(result);
    const Tornado &t = result.value().chosenCost;
    QCOMPARE(t.subject, std::string("monthly cost of fn"));
    QCOMPARE(t.bars.size(), std::size_t(3));
    QCOMPARE(t.bars[0].input, UncertainInput::Traffic);
    QVERIFY(std::abs(t.bars[0].atLow - 10 * LambdaCost) < 1e-6);
    QVERIFY(std::abs(t.bars[0].atHigh - 90 * LambdaCost) < 1e-6);
    QCOMPARE(t.bars[1].input, UncertainInput::DurationMs);
    const double durationLine = 30 * 10e6 * 0.1 * 0.125 * 0.0000166667;
    QVERIFY(std::abs(t.bars[1].atLow - (30 * LambdaCost - durationLine / 2)) < 1e-6);
    QVERIFY(std::abs(t.bars[1].atHigh - (30 * LambdaCost + durationLine / 2)) < 1e-6);
    QCOMPARE(t.bars[2].swing(), 0.0);
    for (std::size_t i = 1; i < t.bars.size(); ++i)
        QVERIFY(t.bars[i - 1].swing() >= t.bars[i].swing());
    QCOMPARE(result.value().difference.subject, std::string("vms minus fn"));
    QCOMPARE(result.value().difference.bars.size(), std::size_t(3));
}

void TestMonteCarlo::cancel_stops_andProgressReachesTheEnd()
{
    const std::string text = scenarioText(R"({"traffic": {"low": 10, "typical": 30, "high": 90}})");
    std::atomic<int> last{0};
    UncertaintySettings settings;
    settings.draws = 1000;
    settings.progress = [&](int done, int total) {
        QCOMPARE(total, 1000);
        int seen = last.load();
        while (done > seen && !last.compare_exchange_weak(seen, done)) {
        }
    };
    QVERIFY(run(text, settings));
    QCOMPARE(last.load(), 1000);

    std::atomic<bool> cancel{true};
    settings.cancel = &cancel;
    const auto cancelled = run(text, settings);
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
}

void TestMonteCarlo::badDraws_areErrors()
{
    UncertaintySettings settings;
    settings.draws = 0;
    const auto result = run(scenarioText("{}"), settings);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::OutOfRange);
}

QTEST_GUILESS_MAIN(TestMonteCarlo)
#include "tst_montecarlo.moc"
