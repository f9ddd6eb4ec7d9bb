// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/evaluatetext.h"
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
    void packing_oneSeriesPerEcsOptionWithAPacking();
    void packing_readsBothFleetsAndTheirRuns();
    void packing_lowerBoundIsOptional_data();
    void packing_lowerBoundIsOptional();
    void packing_taskDemandPerGroup();
    void packing_emptyRunsAreLeftOut();
};

namespace {

using Models::PackedFleet;
using Models::PackingDetails;

/** One run: api tasks take 512 CPU units / 1024 MB, worker tasks 256 / 2048 (per instance). */
PackedFleet::Run packingRun(const char *type, int instances, int api, int worker, double cpuOffered = 2048,
                            double memoryOffered = 7936, double price = 0.096)
{
    return {type,
            instances,
            {double(api), double(worker)},
            api * 512.0 + worker * 256.0,
            api * 1024.0 + worker * 2048.0,
            cpuOffered,
            memoryOffered,
            price,
            std::string(type).rfind("t3", 0) == 0};
}

/** The scheduler's 5 m5.large against 3 m5.large and a t3.large. */
PackingDetails fivePacking()
{
    PackingDetails p;
    p.hour = 13;
    p.groups = {"api", "worker"};
    p.taskCpuUnits = {512, 256};
    p.taskMemoryMb = {1024, 2048};
    p.optimised = {"optimised", 0.3712, 4, 6656.0 / 8192, 22528.0 / 31744, 1536, 9216,
                   {packingRun("m5.large", 2, 1, 3), packingRun("m5.large", 1, 4, 0), packingRun("t3.large", 1, 4, 0, 2048, 7936, 0.0832)}};
    p.scheduler = PackedFleet{"binpack-memory", 0.48, 5, 0.65, 22528.0 / 39680, 3584, 17152,
                              {packingRun("m5.large", 2, 1, 3), packingRun("m5.large", 2, 3, 0), packingRun("m5.large", 1, 2, 0)}};
    p.savingsHourly = 0.1088;
    return p;
}

Models::OptionResult optionWith(const std::string &id, Models::Platform platform, Models::PlatformDetails details)
{
    Models::OptionResult o;
    o.id = id;
    o.platform = platform;
    o.details = std::move(details);
    return o;
}

Models::EcsEc2Details ecsWith(PackingDetails packing)
{
    Models::EcsEc2Details d;
    d.instanceType = "m5.large";
    d.packing = std::move(packing);
    return d;
}

Models::Evaluation evaluationWith(std::vector<Models::OptionResult> options)
{
    Models::Evaluation e;
    e.prices.currency = "USD";
    e.ratePerSecond.assign(168, 1.0);
    e.options = std::move(options);
    return e;
}

} // namespace

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

void TestChartSeries::packing_oneSeriesPerEcsOptionWithAPacking()
{
    const auto e = evaluationWith({optionWith("fn", Models::Platform::Lambda, Models::LambdaDetails{120, 512, 1e6}),
                                   optionWith("ecs-a", Models::Platform::EcsEc2, ecsWith(fivePacking())),
                                   optionWith("ecs-unpriced", Models::Platform::EcsEc2, std::monostate()),
                                   optionWith("ecs-b", Models::Platform::EcsEc2, ecsWith(fivePacking()))});
    const auto series = Models::packingSeries(e);
    QCOMPARE(series.size(), std::size_t(2));
    QCOMPARE(series[0].id, std::string("ecs-a"));
    QCOMPARE(series[1].id, std::string("ecs-b"));
    QVERIFY(Models::packingSeries(evaluationWith({})).empty());
}

void TestChartSeries::packing_readsBothFleetsAndTheirRuns()
{
    auto e = evaluationWith({optionWith("ecs", Models::Platform::EcsEc2, ecsWith(fivePacking()))});
    e.hoursPerMonth = 730;
    const Models::PackingSeries s = Models::packingSeries(e).front();
    QCOMPARE(s.hour, 13);
    QCOMPARE(s.slotCount, 168);
    QCOMPARE(s.groups, (std::vector<std::string>{"api", "worker"}));
    QCOMPARE(s.scheduler.strategy, std::string("binpack-memory"));
    QCOMPARE(s.scheduler.instances, 5LL);
    QCOMPARE(s.scheduler.runs.size(), std::size_t(3));
    QCOMPARE(s.optimised.strategy, std::string("optimised"));
    QCOMPARE(s.optimised.instances, 4LL);
    QCOMPARE(s.optimised.hourlyCost, 0.3712);
    QCOMPARE(s.optimised.strandedCpuUnits, 1536.0);
    QCOMPARE(s.optimised.strandedMemoryMb, 9216.0);
    const auto &t3 = s.optimised.runs[2];
    QCOMPARE(t3.type, std::string("t3.large"));
    QCOMPARE(t3.instances, 1LL);
    QCOMPARE(t3.tasks, (std::vector<double>{4, 0}));
    QCOMPARE(t3.cpuUsed, 2048.0);
    QCOMPARE(t3.memoryOffered, 7936.0);
    QCOMPARE(t3.hourlyPrice, 0.0832);
    QVERIFY(t3.burstable);
    QVERIFY(!s.optimised.runs[0].burstable);
    // 0.1088 an hour over 730 hours.
    QVERIFY(std::abs(s.savingsMonthly() - 79.424) < 1e-9);
    QVERIFY(s.hasScheduler);
    // No single type holds the tasks: no scheduler fleet, nothing saved against it.
    PackingDetails alone = fivePacking();
    alone.scheduler.reset();
    alone.savingsHourly = 0;
    const auto a = Models::packingSeries(evaluationWith({optionWith("ecs", Models::Platform::EcsEc2, ecsWith(alone))})).front();
    QVERIFY(!a.hasScheduler);
    QVERIFY(a.scheduler.runs.empty());
    QCOMPARE(a.savingsMonthly(), 0.0);
}

void TestChartSeries::packing_lowerBoundIsOptional_data()
{
    QTest::addColumn<bool>("present");
    QTest::addColumn<double>("bound");
    QTest::newRow("absent") << false << -1.0;
    QTest::newRow("present-0.36") << true << 0.36;
    QTest::newRow("present-0") << true << 0.0;
}

void TestChartSeries::packing_lowerBoundIsOptional()
{
    QFETCH(bool, present);
    QFETCH(double, bound);
    PackingDetails packing = fivePacking();
    if (present)
        packing.lowerBoundHourly = bound;
    const auto s = Models::packingSeries(evaluationWith({optionWith("ecs", Models::Platform::EcsEc2, ecsWith(packing))})).front();
    QCOMPARE(s.hasLowerBound(), present);
    if (present)
        QCOMPARE(s.lowerBoundHourly, bound);
}

void TestChartSeries::packing_taskDemandPerGroup()
{
    // The model's own task sizes, carried as they are (no estimate from the runs).
    const auto s = Models::packingSeries(evaluationWith({optionWith("ecs", Models::Platform::EcsEc2, ecsWith(fivePacking()))})).front();
    QCOMPARE(s.taskCpuUnits, (std::vector<double>{512, 256}));
    QCOMPARE(s.taskMemoryMb, (std::vector<double>{1024, 2048}));
}

void TestChartSeries::packing_emptyRunsAreLeftOut()
{
    PackingDetails packing = fivePacking();
    packing.optimised.runs.push_back(packingRun("m5.xlarge", 0, 0, 0));
    const auto s = Models::packingSeries(evaluationWith({optionWith("ecs", Models::Platform::EcsEc2, ecsWith(packing))})).front();
    QCOMPARE(s.optimised.runs.size(), std::size_t(3));
}

QTEST_GUILESS_MAIN(TestChartSeries)
#include "tst_chartseries.moc"
