// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluatetext.h"
#include "models/chartseries.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Costscape;
using namespace Costscape::Tests;

class TestChartSeries : public QObject
{
    Q_OBJECT

private slots:
    void monthly_stacksAddUpToEachTotal();
    void monthly_stacksFollowFirstAppearance_zeroWhereAbsent();
    void monthly_infeasibleOptionShowsItsReason_andIsNeverCheapest();
    void monthly_noFeasibleOption_hasNoCheapest();
    void monthly_platformTitlesSummariesAndCurrency();
    void hourly_fleetAndCostFollowTheWorkloadsSlots();
    void hourly_optionsWithTheirOwnPlanAreSkipped();
};

// Three platforms with different line items: Lambda (requests, duration), Fargate (vCPU,
// memory), EC2 (instances); 10 req/s of 100 ms at 128 MB.
static const char *const ThreePlatforms = R"({"format": "costscape-scenario", "version": 1, "name": "three",
    "workload": {"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 128},
    "options": [{"id": "fn", "platform": "lambda"},
                {"id": "tasks", "platform": "fargate", "taskVcpu": 0.25, "taskMemoryGb": 0.5, "tasks": 2},
                {"id": "vms", "platform": "ec2", "instanceType": "m5.large", "instances": 2}]})";

void TestChartSeries::monthly_stacksAddUpToEachTotal()
{
    const auto e = evaluateText(ThreePlatforms);
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::MonthlySeries s = Models::monthlySeries(e.value());
    QCOMPARE(s.ids, (std::vector<std::string>{"fn", "tasks", "vms"}));
    QCOMPARE(s.totals.size(), std::size_t(3));
    for (std::size_t i = 0; i < s.ids.size(); ++i) {
        QCOMPARE(s.totals[i], e->options[i].monthlyCost);
        double stacked = 0;
        for (const auto &stack : s.stacks) {
            QCOMPARE(stack.values.size(), s.ids.size());
            stacked += stack.values[i];
        }
        QVERIFY2(std::abs(stacked - s.totals[i]) <= 1e-9 * s.totals[i], s.ids[i].c_str());
    }
    // Two m5.large on demand all month: 2 x 0.096 x 730 = 140.16, one "instances" bar segment.
    const auto vms = std::find_if(s.stacks.begin(), s.stacks.end(), [](const auto &st) { return st.values[2] > 0; });
    QVERIFY(vms != s.stacks.end());
    QVERIFY(std::abs(vms->values[2] - 140.16) < 1e-9);
}

void TestChartSeries::monthly_stacksFollowFirstAppearance_zeroWhereAbsent()
{
    const auto e = evaluateText(ThreePlatforms);
    QVERIFY(e.ok());
    const Models::MonthlySeries s = Models::monthlySeries(e.value());
    // Every distinct line item name once, in the order the options list them.
    std::vector<std::string> expected;
    for (const auto &o : e->options)
        for (const auto &li : o.lineItems)
            if (std::find(expected.begin(), expected.end(), li.name) == expected.end())
                expected.push_back(li.name);
    std::vector<std::string> names;
    for (const auto &stack : s.stacks)
        names.push_back(stack.name);
    QCOMPARE(names, expected);
    QCOMPARE(names.front(), std::string("requests")); // Lambda's first line comes first
    // Lambda has no vCPU line; Fargate has no requests line.
    const auto find = [&](const std::string &name) {
        return *std::find_if(s.stacks.begin(), s.stacks.end(), [&](const auto &st) { return st.name == name; });
    };
    QCOMPARE(find("vCPU").values[0], 0.0);
    QVERIFY(find("vCPU").values[1] > 0);
    QCOMPARE(find("requests").values[1], 0.0);
    QCOMPARE(find("requests").values[2], 0.0);
    // 10 req/s x 3600 x 730 = 26,280,000 requests x $0.20 per million = $5.256.
    QVERIFY(std::abs(find("requests").values[0] - 5.256) < 1e-9);
}

void TestChartSeries::monthly_infeasibleOptionShowsItsReason_andIsNeverCheapest()
{
    // 20 GB is above Lambda's 10240 MB: infeasible, although it would cost little at 1000 requests.
    const auto e = evaluateText(R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perMonth": 1000}, "durationMs": 100, "memoryMb": 20480},
        "options": [{"id": "fn", "platform": "lambda"},
                    {"id": "vm", "platform": "ec2", "instanceType": "r5.xlarge", "instances": 1}]})");
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::MonthlySeries s = Models::monthlySeries(e.value());
    QCOMPARE(s.feasible, (std::vector<bool>{false, true}));
    QVERIFY(QString::fromStdString(s.reasons[0]).contains(QStringLiteral("between 128 and 10240 MB")));
    QCOMPARE(s.reasons[0], e->options[0].warnings.front());
    QCOMPARE(s.reasons[1], std::string());
    QVERIFY(s.totals[0] < s.totals[1]); // cheaper on paper
    QCOMPARE(s.cheapest, 1);
}

void TestChartSeries::monthly_noFeasibleOption_hasNoCheapest()
{
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perMonth": 1000}, "durationMs": 1000000, "memoryMb": 128})",
                                             R"({"id": "fn", "platform": "lambda"})"));
    QVERIFY(e.ok());
    const Models::MonthlySeries s = Models::monthlySeries(e.value());
    QCOMPARE(s.cheapest, -1);
    QVERIFY(QString::fromStdString(s.reasons[0]).contains(QStringLiteral("900 s")));
}

void TestChartSeries::monthly_platformTitlesSummariesAndCurrency()
{
    const auto e = evaluateText(ThreePlatforms);
    QVERIFY(e.ok());
    const Models::MonthlySeries s = Models::monthlySeries(e.value());
    QCOMPARE(s.platforms, (std::vector<std::string>{"AWS Lambda", "AWS Fargate", "Amazon EC2"}));
    QCOMPARE(s.summaries[2], e->options[2].summary);
    QVERIFY(!s.summaries[2].empty());
    QCOMPARE(s.currency, std::string("USD"));
    QCOMPARE(s.cheapest, 0); // 26.28 M short requests on Lambda: about $11, below two instances
}

void TestChartSeries::hourly_fleetAndCostFollowTheWorkloadsSlots()
{
    // 10 req/s for 12 hours, 100 req/s for 12, of 100 ms: concurrency 1 and 10. One instance
    // serves 4 concurrent requests at 50%, so 2: the fleet is max(1, ceil(1/2)) = 1 and
    // ceil(10/2) = 5 instances, at 0.096 and 0.48 per hour.
    std::string profile;
    for (int h = 0; h < 24; ++h)
        profile += (h ? "," : "") + std::string(h < 12 ? "10" : "100");
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perSecondHourly": [)" + profile
                                                 + R"(]}, "durationMs": 100, "memoryMb": 128})",
                                             R"({"id": "vms", "platform": "ec2", "instanceType": "m5.large",
                                                 "capacity": {"concurrentRequests": 4}, "targetUtilization": 0.5})"));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::HourlySeries s = Models::hourlySeries(e.value());
    QCOMPARE(s.ratePerSecond.size(), std::size_t(730)); // a day tiled over 730 hours
    QCOMPARE(s.ratePerSecond, e->ratePerSecond);
    QCOMPARE(s.lines.size(), std::size_t(1));
    QVERIFY(s.skipped.empty());
    const auto &vms = s.lines[0];
    QCOMPARE(vms.id, std::string("vms"));
    QCOMPARE(vms.unit, std::string("instances"));
    QVERIFY(vms.feasible);
    QCOMPARE(vms.fleet.size(), std::size_t(730));
    QCOMPARE(vms.fleet[3], 1.0);
    QCOMPARE(vms.fleet[15], 5.0);
    QCOMPARE(vms.fleet[24 + 15], 5.0); // the next day
    QVERIFY(std::abs(vms.cost[3] - 0.096) < 1e-12);
    QVERIFY(std::abs(vms.cost[15] - 0.48) < 1e-12);
    QCOMPARE(s.currency, std::string("USD"));
}

void TestChartSeries::hourly_optionsWithTheirOwnPlanAreSkipped()
{
    const auto e = evaluateText(R"({"format": "costscape-scenario", "version": 1,
        "workload": {"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 128},
        "options": [{"id": "fn", "platform": "lambda"},
                    {"id": "own-requests", "platform": "ec2", "instanceType": "m5.large", "instances": 1,
                     "requests": {"perSecondHourly": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]}},
                    {"id": "own-hours", "platform": "fargate", "taskVcpu": 0.25, "taskMemoryGb": 0.5, "tasks": 1,
                     "hoursPerMonth": 200},
                    {"id": "vms", "platform": "ec2", "instanceType": "m5.large", "instances": 1}]})");
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const Models::HourlySeries s = Models::hourlySeries(e.value());
    QCOMPARE(s.skipped, (std::vector<std::string>{"own-requests", "own-hours"}));
    QCOMPARE(s.lines.size(), std::size_t(2));
    QCOMPARE(s.lines[0].id, std::string("fn"));
    QCOMPARE(s.lines[0].unit, std::string("concurrent executions"));
    QCOMPARE(s.lines[0].fleet[0], 1.0); // 10 req/s x 0.1 s
    QCOMPARE(s.lines[1].id, std::string("vms"));
    for (const auto &line : s.lines) {
        QCOMPARE(line.fleet.size(), s.ratePerSecond.size());
        QCOMPARE(line.cost.size(), s.ratePerSecond.size());
    }
}

QTEST_GUILESS_MAIN(TestChartSeries)
#include "tst_chartseries.moc"
