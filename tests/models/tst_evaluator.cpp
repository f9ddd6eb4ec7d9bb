// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/evaluatetext.h"
#include "output/resultformat.h"

#include <QTest>

using namespace Costscape;
using namespace Costscape::Tests;

class TestEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void unknownRegion_namesTheRegionsTheSheetHas();
    void provenance_travelsIntoTheResult();
    void optionOverrides_replaceTheWorkloadsValues();
    void cheapest_skipsInfeasibleOptions();
    void hourlyCosts_addUpToTheMonth();
    void monthlyCost_isTheSumOfLineItems();
    void yearProfile_givesTheAverageMonth();
    void resultJson_hasTheShapeOfFormatsSection3();
};

static const char *const Idle = R"({"requests": {"perMonth": 0}, "durationMs": 100, "memoryMb": 128})";

void TestEvaluator::unknownRegion_namesTheRegionsTheSheetHas()
{
    const auto e = evaluateText(scenarioWith(Idle, R"({"id": "a", "platform": "lambda"})", R"("region": "mars-north-1", )"));
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, ErrorCode::UnknownValue);
    QCOMPARE(e.error().line, 1);
    QVERIFY(QString::fromStdString(e.error().message).contains(QStringLiteral("mars-north-1")));
    QVERIFY(QString::fromStdString(e.error().message).contains(QStringLiteral("eu-west-1, us-east-1, us-west-2")));
}

void TestEvaluator::provenance_travelsIntoTheResult()
{
    const auto e = evaluateText(scenarioWith(Idle, R"({"id": "a", "platform": "lambda"})"));
    QVERIFY(e.ok());
    QCOMPARE(e->prices.retrieved, std::string("2025-04-04"));
    QCOMPARE(e->prices.name, Pricing::embeddedPriceSheet().provenance.name);
    const auto json = Output::evaluationToJson(e.value());
    QCOMPARE(json["prices"]["source"].get<std::string>(), Pricing::embeddedPriceSheet().provenance.source);
}

void TestEvaluator::optionOverrides_replaceTheWorkloadsValues()
{
    // The workload says 1 M requests of 100 ms; the option runs 2 M requests of 1 s at 1024 MB.
    // 2,000,000 x 1 s x 1 GB = 2,000,000 GB-s x 0.0000166667 = 33.3334; requests 0.40.
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perMonth": 1000000}, "durationMs": 100, "memoryMb": 128})",
                                             R"({"id": "a", "platform": "lambda", "requests": {"perMonth": 2000000},
                                                 "durationMs": 1000, "memoryMb": 1024})"));
    QVERIFY(e.ok());
    QVERIFY(std::abs(e->options[0].monthlyCost - 33.7334) < 1e-9);
}

void TestEvaluator::cheapest_skipsInfeasibleOptions()
{
    const std::string text = R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perMonth": 1000}, "durationMs": 1000000, "memoryMb": 128},
        "options": [{"id": "fn", "platform": "lambda"},
                    {"id": "vm", "platform": "ec2", "instanceType": "t3.micro", "instances": 1}]})";
    const auto e = evaluateText(text);
    QVERIFY(e.ok());
    QVERIFY(!e->options[0].feasible);
    QVERIFY(e->options[0].monthlyCost < e->options[1].monthlyCost); // cheaper, but cannot run
    QCOMPARE(e->cheapestIndex(), 1);
}

void TestEvaluator::hourlyCosts_addUpToTheMonth()
{
    const auto s = Models::loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
    QVERIFY(s.ok());
    const auto e = Models::Evaluator::evaluate(s.value(), Pricing::embeddedPriceSheet());
    QVERIFY2(e.ok(), e.error().toString().c_str());
    for (const auto &o : e->options) {
        double sum = 0;
        for (std::size_t i = 0; i < o.hourlyCost.size(); ++i)
            sum += o.hourlyCost[i] * e->slotWeight[i];
        QVERIFY2(std::abs(sum - o.monthlyCost) < 1e-6 * std::max(1.0, o.monthlyCost), o.id.c_str());
        QCOMPARE(o.fleet.hourly.size(), std::size_t(730));
    }
}

void TestEvaluator::monthlyCost_isTheSumOfLineItems()
{
    const auto s = Models::loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
    const auto e = Models::Evaluator::evaluate(s.value(), Pricing::embeddedPriceSheet());
    QVERIFY(e.ok());
    for (const auto &o : e->options) {
        double sum = 0;
        for (const auto &li : o.lineItems) {
            QVERIFY(li.cost >= 0);
            QVERIFY(std::abs(li.quantity * li.unitPrice - li.cost) <= 1e-9 * std::max(1.0, li.cost));
            sum += li.cost;
        }
        QCOMPARE(o.monthlyCost, sum);
        QVERIFY(o.monthlyCost > 0);
    }
}

void TestEvaluator::yearProfile_givesTheAverageMonth()
{
    // 8760 hours: 10 req/s all year except 1000 req/s in the last 730 hours. A fixed fleet costs
    // the same each month; Lambda's requests average to (8030 x 10 + 730 x 1000) x 3600 / 12.
    std::string profile;
    for (int h = 0; h < 8760; ++h)
        profile += (h ? "," : "") + std::string(h < 8030 ? "10" : "1000");
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perSecondHourly": [)" + profile + R"(]}, "durationMs": 100, "memoryMb": 128})",
                                             R"({"id": "fn", "platform": "lambda"})"));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const double requests = (8030.0 * 10 + 730.0 * 1000) * 3600 / 12;
    QVERIFY(std::abs(line(e->options[0], "requests")->quantity - requests) < 1e-3);
    QCOMPARE(e->options[0].fleet.peak, 100.0); // 1000 req/s x 0.1 s
}

void TestEvaluator::resultJson_hasTheShapeOfFormatsSection3()
{
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perMonth": 3000000}, "durationMs": 120, "memoryMb": 1536})",
                                             R"({"id": "fn", "platform": "lambda", "freeTier": true})"));
    QVERIFY(e.ok());
    const auto json = Output::evaluationToJson(e.value());
    QCOMPARE(json["format"].get<std::string>(), std::string("costscape-result"));
    QCOMPARE(json["version"].get<int>(), 1);
    QCOMPARE(json["currency"].get<std::string>(), std::string("USD"));
    QCOMPARE(json["hoursPerMonth"].get<double>(), 730.0);
    const auto &fn = json["options"][0];
    QCOMPARE(fn["id"].get<std::string>(), std::string("fn"));
    QCOMPARE(fn["platform"].get<std::string>(), std::string("lambda"));
    QVERIFY(fn["feasible"].get<bool>());
    QVERIFY(fn["warnings"].is_array());
    QVERIFY(fn["fleet"].contains("peak") && fn["fleet"].contains("average"));
    // FORMATS.md's example line: 2,000,000 billable requests at $0.0000002 = $0.40.
    const auto &req = fn["lineItems"][0]["name"] == "requests" ? fn["lineItems"][0] : fn["lineItems"][1];
    QCOMPARE(req["quantity"].get<double>(), 2000000.0);
    QCOMPARE(req["unit"].get<std::string>(), std::string("requests"));
    QCOMPARE(req["unitPrice"].get<double>(), 0.0000002);
    QVERIFY(std::abs(req["cost"].get<double>() - 0.40) < 1e-12);
    QCOMPARE(json["cheapest"].get<std::string>(), std::string("fn"));
}

QTEST_GUILESS_MAIN(TestEvaluator)
#include "tst_evaluator.moc"
