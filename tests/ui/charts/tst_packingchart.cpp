// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/chartseries.h"
#include "ui/charts/packingchart.h"
#include "ui/panels/resultspanel.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDir>
#include <QPalette>
#include <QTabWidget>
#include <QTest>

#include <cmath>
#include <string>
#include <vector>

using namespace Costscape;
using Json = nlohmann::ordered_json;

namespace {

// Capacities as ECS sees them: 1024 CPU units per vCPU, the memory less 256 MB reserved.
Json run(const char *type, int instances, std::vector<int> tasks, double cpuOffered, double memoryOffered, double price,
         bool burstable = false)
{
    // api: 512 units, 1024 MB a task; worker: 256 units, 2048 MB.
    const double cpu = tasks[0] * 512.0 + tasks[1] * 256.0;
    const double memory = tasks[0] * 1024.0 + tasks[1] * 2048.0;
    return {{"type", type},           {"instances", instances},         {"tasks", tasks},
            {"cpuUsed", cpu},         {"memoryUsed", memory},           {"cpuOffered", cpuOffered},
            {"memoryOffered", memoryOffered}, {"hourlyPrice", price},  {"burstable", burstable}};
}

Json m5large(int n, std::vector<int> tasks) { return run("m5.large", n, std::move(tasks), 2048, 7936, 0.096); }
Json c5large(int n, std::vector<int> tasks) { return run("c5.large", n, std::move(tasks), 2048, 3840, 0.085); }
Json t3medium(int n, std::vector<int> tasks) { return run("t3.medium", n, std::move(tasks), 2048, 3840, 0.0416, true); }
Json t3large(int n, std::vector<int> tasks) { return run("t3.large", n, std::move(tasks), 2048, 7936, 0.0832, true); }

/** Totals of a packing from its runs, as the model would write them. */
Json packing(const char *strategy, const Json &runs)
{
    double cost = 0, cpuUsed = 0, cpuOffered = 0, memUsed = 0, memOffered = 0;
    int instances = 0;
    for (const auto &r : runs) {
        const int n = r["instances"].get<int>();
        instances += n;
        cost += n * r["hourlyPrice"].get<double>();
        cpuUsed += n * r["cpuUsed"].get<double>();
        cpuOffered += n * r["cpuOffered"].get<double>();
        memUsed += n * r["memoryUsed"].get<double>();
        memOffered += n * r["memoryOffered"].get<double>();
    }
    return {{"strategy", strategy},
            {"hourlyCost", cost},
            {"instances", instances},
            {"cpuUtilisation", cpuUsed / cpuOffered},
            {"memoryUtilisation", memUsed / memOffered},
            {"strandedCpuUnits", cpuOffered - cpuUsed},
            {"strandedMemoryMb", memOffered - memUsed},
            {"runs", runs}};
}

/** The rows above, written compactly as JSON, as the model's typed fleet. */
Models::PackedFleet fleetOf(const Json &j)
{
    Models::PackedFleet f;
    f.strategy = j["strategy"].get<std::string>();
    f.hourlyCost = j["hourlyCost"].get<double>();
    f.instances = j["instances"].get<long long>();
    f.cpuUtilisation = j["cpuUtilisation"].get<double>();
    f.memoryUtilisation = j["memoryUtilisation"].get<double>();
    f.strandedCpuUnits = j["strandedCpuUnits"].get<double>();
    f.strandedMemoryMb = j["strandedMemoryMb"].get<double>();
    for (const Json &r : j["runs"])
        f.runs.push_back({r["type"].get<std::string>(), r["instances"].get<long long>(), r["tasks"].get<std::vector<double>>(),
                          r["cpuUsed"].get<double>(), r["memoryUsed"].get<double>(), r["cpuOffered"].get<double>(),
                          r["memoryOffered"].get<double>(), r["hourlyPrice"].get<double>(), r["burstable"].get<bool>()});
    return f;
}

Models::OptionResult ecsOption(const std::string &id, const Json &scheduler, const Json &optimised,
                               double lowerBound = -1)
{
    Models::OptionResult o;
    o.id = id;
    o.platform = Models::Platform::EcsEc2;
    Models::EcsEc2Details d;
    d.instanceType = "m5.large";
    d.packing.hour = 13;
    d.packing.groups = {"api", "worker"};
    d.packing.taskCpuUnits = {512, 256};
    d.packing.taskMemoryMb = {1024, 2048};
    d.packing.optimised = fleetOf(optimised);
    d.packing.scheduler = fleetOf(scheduler);
    d.packing.savingsHourly = scheduler["hourlyCost"].get<double>() - optimised["hourlyCost"].get<double>();
    if (lowerBound >= 0)
        d.packing.lowerBoundHourly = lowerBound;
    o.details = std::move(d);
    return o;
}

/** 10 api and 6 worker tasks: the scheduler's 5 m5.large against 4 mixed instances. */
Models::OptionResult fiveAgainstFour(const std::string &id = "ecs-web", double lowerBound = -1)
{
    const Json scheduler = packing("binpack-memory", Json::array({m5large(2, {1, 3}), m5large(2, {3, 0}), m5large(1, {2, 0})}));
    const Json optimised = packing("optimised", Json::array({m5large(2, {1, 3}), m5large(1, {4, 0}), t3large(1, {4, 0})}));
    return ecsOption(id, scheduler, optimised, lowerBound);
}

/** 200 instances, each its own run (the scheduler spread them), against 3 large runs. */
Models::OptionResult twoHundred()
{
    Json scheduler = Json::array();
    for (int i = 0; i < 200; ++i)
        scheduler.push_back(i % 2 == 0 ? m5large(1, {3, 1}) : m5large(1, {1, 3}));
    const Json optimised = packing("optimised", Json::array({m5large(100, {1, 3}), c5large(60, {3, 0}), m5large(1, {4, 0})}));
    return ecsOption("ecs-batch", packing("spread", scheduler), optimised);
}

Models::Evaluation evaluationOf(std::vector<Models::OptionResult> options)
{
    Models::Evaluation e;
    e.hoursPerMonth = 730;
    e.ratePerSecond.assign(24, 1.0);
    Models::OptionResult lambda;
    lambda.id = "fn";
    lambda.platform = Models::Platform::Lambda;
    e.options.push_back(lambda);
    for (auto &o : options)
        e.options.push_back(std::move(o));
    return e;
}

std::vector<Models::PackingSeries> seriesOf(std::vector<Models::OptionResult> options)
{
    return Models::packingSeries(evaluationOf(std::move(options)));
}

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Mid, QColor(0x55, 0x57, 0x5c));
    return dark;
}

void layOut(Ui::ChartBase *chart)
{
    chart->resize(1100, 600);
    chart->show();
    QVERIFY(QTest::qWaitForWindowExposed(chart));
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
}

} // namespace

class TestPackingChart : public QObject
{
    Q_OBJECT

private slots:
    void barCount_followsTheRuns_data();
    void barCount_followsTheRuns();
    void caption_holdsBothTotalsAndTheSaving();
    void caption_givesTheGapToTheLowerBound_whenPresent();
    void legend_listsTheGroups_andHidesThemInBothFleets();
    void noEcsOption_showsTheEmptyMessage();
    void severalOptions_selectorPicksTheOptionShown();
    void fills_addUpToTheUtilisation();
    void tooltip_namesTypeTasksAndCapacity();
    void resultsPanel_packingTabSitsAfterHourByHour_andUpdatesWhenShown();
    void snapshots();
};

void TestPackingChart::barCount_followsTheRuns_data()
{
    QTest::addColumn<Json>("scheduler");
    QTest::addColumn<Json>("optimised");
    QTest::addColumn<int>("schedulerBars");
    QTest::addColumn<int>("optimisedBars");
    QTest::addColumn<int>("hidden");

    QTest::newRow("small-fleets-one-bar-per-instance")
        << packing("binpack-memory", Json::array({m5large(2, {1, 3}), m5large(2, {3, 0}), m5large(1, {2, 0})}))
        << packing("optimised", Json::array({m5large(2, {1, 3}), c5large(2, {3, 0}), t3medium(1, {2, 0})})) << 5 << 5
        << 0;
    QTest::newRow("large-runs-one-bar-each")
        << packing("binpack-cpu", Json::array({m5large(20, {2, 1}), c5large(1, {3, 0}), c5large(2, {1, 0})}))
        << packing("optimised", Json::array({m5large(14, {1, 3})})) << 1 + 1 + 2 << 1 << 0;
    QTest::newRow("two-hundred-single-runs-capped")
        << packing("spread", [] {
               Json runs = Json::array();
               for (int i = 0; i < 200; ++i)
                   runs.push_back(m5large(1, {1, 3}));
               return runs;
           }())
        << packing("optimised", Json::array({m5large(150, {1, 3})})) << Ui::PackingChart::maxBarsPerFleet << 1
        << 200 - Ui::PackingChart::maxBarsPerFleet;
}

void TestPackingChart::barCount_followsTheRuns()
{
    QFETCH(Json, scheduler);
    QFETCH(Json, optimised);
    QFETCH(int, schedulerBars);
    QFETCH(int, optimisedBars);
    QFETCH(int, hidden);
    Ui::PackingChart chart;
    chart.setSeries(seriesOf({ecsOption("ecs", scheduler, optimised)}));
    QCOMPARE(chart.barCount(0), schedulerBars);
    QCOMPARE(chart.barCount(1), optimisedBars);
    QCOMPARE(chart.barCount(), schedulerBars + optimisedBars);
    QCOMPARE(chart.hiddenInstances(0), hidden);
    QCOMPARE(chart.hiddenInstances(1), 0);
    QVERIFY(!chart.isEmptyMessageShown());
}

void TestPackingChart::caption_holdsBothTotalsAndTheSaving()
{
    Ui::PackingChart chart;
    chart.setSeries(seriesOf({fiveAgainstFour()}));
    const QString caption = chart.caption();
    // Optimised: 3 x 0.096 + 0.0832 = 0.3712/h; scheduler 5 x 0.096 = 0.48/h. CPU 6656 of 4 x 2048
    // units, memory 22528 of 4 x 7936 MB. Saving 0.1088/h x 730 h = $79.42 a month, 22.7%.
    QVERIFY2(caption.contains(QStringLiteral("Optimised: 4 instances, $0.371/h, CPU 81%, memory 71%")), qPrintable(caption));
    QVERIFY2(caption.contains(QStringLiteral("ECS binpack-memory: 5 instances, $0.480/h")), qPrintable(caption));
    QVERIFY2(caption.contains(QStringLiteral("saves $79.42 a month (23%)")), qPrintable(caption));
    QVERIFY2(caption.contains(QStringLiteral("At the busiest hour (13:00)")), qPrintable(caption));
    QVERIFY2(!caption.contains(QStringLiteral("lower bound")), qPrintable(caption));
    QVERIFY(chart.fleetTitle(0).startsWith(QStringLiteral("ECS binpack-memory: 5 instances")));
    QVERIFY(chart.fleetTitle(1).startsWith(QStringLiteral("Optimised: 4 instances")));
}

void TestPackingChart::caption_givesTheGapToTheLowerBound_whenPresent()
{
    Ui::PackingChart chart;
    chart.setSeries(seriesOf({fiveAgainstFour("ecs", 0.36)}));
    // 0.3712 / 0.36 - 1 = 3.1%
    QVERIFY2(chart.caption().contains(QStringLiteral("3.1% above the lower bound ($0.360/h)")), qPrintable(chart.caption()));
    chart.setSeries(seriesOf({fiveAgainstFour("ecs", 0.3712)}));
    QVERIFY2(chart.caption().contains(QStringLiteral("at the lower bound")), qPrintable(chart.caption()));

    // No scheduler placement in the result: the optimised fleet alone, no saving claimed.
    auto alone = fiveAgainstFour("ecs");
    std::get<Models::EcsEc2Details>(alone.details).packing.scheduler.reset();
    std::get<Models::EcsEc2Details>(alone.details).packing.savingsHourly = 0;
    chart.setSeries(seriesOf({alone}));
    QCOMPARE(chart.barCount(0), 0);
    QCOMPARE(chart.barCount(1), 4);
    QVERIFY2(chart.caption().contains(QStringLiteral("no ECS scheduler placement")), qPrintable(chart.caption()));
    QVERIFY2(!chart.caption().contains(QStringLiteral("saves")), qPrintable(chart.caption()));
    QCOMPARE(chart.fleetTitle(0), QStringLiteral("ECS scheduler: no placement in the result"));
}

void TestPackingChart::legend_listsTheGroups_andHidesThemInBothFleets()
{
    Ui::PackingChart chart;
    chart.setSeries(seriesOf({fiveAgainstFour()}));
    layOut(&chart);
    QCustomPlot *p = chart.plot();
    QCOMPARE(chart.groupNames(), (QStringList{QStringLiteral("api"), QStringLiteral("worker")}));
    QCOMPARE(p->legend->itemCount(), 2);
    QStringList legend;
    for (int i = 0; i < p->legend->itemCount(); ++i)
        legend << qobject_cast<QCPPlottableLegendItem *>(p->legend->item(i))->plottable()->name();
    QCOMPARE(legend, chart.groupNames());
    QVERIFY(p->legend->visible());

    QVERIFY(chart.setSeriesVisible(QStringLiteral("api"), false));
    int hidden = 0;
    for (int i = 0; i < p->plottableCount(); ++i)
        if (p->plottable(i)->name() == QLatin1String("api")) {
            QVERIFY(!p->plottable(i)->visible());
            ++hidden;
        }
    QCOMPARE(hidden, 4); // CPU and memory, in both fleets
    QVERIFY(chart.isSeriesVisible(QStringLiteral("worker")));
}

void TestPackingChart::noEcsOption_showsTheEmptyMessage()
{
    Ui::PackingChart chart;
    QVERIFY(chart.isEmptyMessageShown());
    chart.setSeries(seriesOf({}));
    QVERIFY(chart.isEmptyMessageShown());
    QCOMPARE(chart.emptyMessage(), QStringLiteral("No ECS on EC2 or EKS on EC2 option in this scenario"));
    QCOMPARE(chart.barCount(), 0);
    QCOMPARE(chart.selectedOption(), -1);
    QVERIFY(chart.caption().isEmpty());
    QVERIFY(chart.tooltipAt(QPointF(300, 300)).isEmpty());

    chart.setSeries(seriesOf({fiveAgainstFour()}));
    QVERIFY(!chart.isEmptyMessageShown());
    chart.setSeries({});
    QVERIFY(chart.isEmptyMessageShown());
    QCOMPARE(chart.barCount(), 0);
}

void TestPackingChart::severalOptions_selectorPicksTheOptionShown()
{
    Ui::PackingChart chart;
    chart.setSeries(seriesOf({fiveAgainstFour("ecs-web")}));
    QVERIFY(!chart.optionSelector()->isVisibleTo(&chart));

    chart.setSeries(seriesOf({fiveAgainstFour("ecs-web"), twoHundred()}));
    QCOMPARE(chart.optionCount(), 2);
    QVERIFY(chart.optionSelector()->isVisibleTo(&chart));
    QCOMPARE(chart.selectedOption(), 0); // the option shown before stays
    QCOMPARE(chart.barCount(), 9);

    chart.selectOption(1);
    QCOMPARE(chart.selectedOption(), 1);
    QCOMPARE(chart.optionSelector()->currentIndex(), 1);
    QCOMPARE(chart.barCount(), Ui::PackingChart::maxBarsPerFleet + 3);
    QVERIFY(chart.caption().contains(QStringLiteral("ECS spread: 200 instances")));

    chart.optionSelector()->setCurrentIndex(0); // as the user would
    QCOMPARE(chart.selectedOption(), 0);
    QCOMPARE(chart.barCount(), 9);

    chart.selectOption(7); // out of range: ignored
    QCOMPARE(chart.selectedOption(), 0);

    // New results keep the option by id even when it moved.
    chart.selectOption(1);
    chart.setSeries(seriesOf({twoHundred(), fiveAgainstFour("ecs-web")}));
    QCOMPARE(chart.selectedOption(), 0);
    QVERIFY(chart.caption().contains(QStringLiteral("200 instances")));
}

void TestPackingChart::fills_addUpToTheUtilisation()
{
    const auto series = seriesOf({fiveAgainstFour()});
    Ui::PackingChart chart;
    chart.setSeries(series);
    QCustomPlot *p = chart.plot();
    // Every instance here offers the same capacity and is a bar of its own, so the mean filled
    // share of a fleet's sub-bars is the fleet's utilisation.
    for (int fleet = 0; fleet < 2; ++fleet) {
        const auto &expected = fleet == 0 ? series.front().scheduler : series.front().optimised;
        QCPAxisRect *rect = p->axisRect(fleet);
        double cpu = 0, memory = 0;
        for (int i = 0; i < p->plottableCount(); ++i) {
            auto *bars = qobject_cast<QCPBars *>(p->plottable(i));
            if (!bars || bars->keyAxis()->axisRect() != rect || bars->name() == QLatin1String("capacity"))
                continue;
            for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
                (it->key < std::round(it->key) ? cpu : memory) += it->value;
        }
        const double n = chart.barCount(fleet);
        QCOMPARE(n, static_cast<double>(expected.instances));
        QVERIFY2(std::abs(cpu / n - expected.cpuUtilisation) < 1e-9, qPrintable(QString::number(cpu / n)));
        QVERIFY2(std::abs(memory / n - expected.memoryUtilisation) < 1e-9, qPrintable(QString::number(memory / n)));
    }
    QVERIFY(std::abs(series.front().optimised.cpuUtilisation - 6656.0 / 8192) < 1e-12);
    QVERIFY(std::abs(series.front().optimised.memoryUtilisation - 22528.0 / 31744) < 1e-12);
    // The per-task demand was recovered from the runs: api 512 units / 1024 MB, worker 256 / 2048.
    QCOMPARE(series.front().taskCpuUnits.size(), std::size_t(2));
    QVERIFY(std::abs(series.front().taskCpuUnits[0] - 512) < 1e-6);
    QVERIFY(std::abs(series.front().taskCpuUnits[1] - 256) < 1e-6);
    QVERIFY(std::abs(series.front().taskMemoryMb[0] - 1024) < 1e-6);
    QVERIFY(std::abs(series.front().taskMemoryMb[1] - 2048) < 1e-6);
}

void TestPackingChart::tooltip_namesTypeTasksAndCapacity()
{
    Ui::PackingChart chart;
    chart.setSeries(seriesOf({fiveAgainstFour()}));
    layOut(&chart);
    QCustomPlot *p = chart.plot();
    QCPAxisRect *right = p->axisRect(1);
    const QPointF first(right->axis(QCPAxis::atBottom)->coordToPixel(0), right->axis(QCPAxis::atLeft)->coordToPixel(0.3));
    const QString tip = chart.tooltipAt(first);
    QVERIFY2(tip.contains(QStringLiteral("m5.large")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("api: 1 task")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("worker: 3 tasks")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("CPU: 1,280 of 2,048 units (63%)")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Memory: 7,168 of 7,936 MB (90%)")), qPrintable(tip));
    const QPointF last(right->axis(QCPAxis::atBottom)->coordToPixel(3), right->axis(QCPAxis::atLeft)->coordToPixel(0.3));
    QVERIFY2(chart.tooltipAt(last).contains(QStringLiteral("t3.large")), qPrintable(chart.tooltipAt(last) + QStringLiteral(" at %1,%2 rect %3,%4 %5x%6").arg(last.x()).arg(last.y()).arg(right->left()).arg(right->top()).arg(right->width()).arg(right->height())));
    QVERIFY2(chart.tooltipAt(last).contains(QStringLiteral("Burstable")), qPrintable(chart.tooltipAt(last)));
    const QPointF between(right->axis(QCPAxis::atBottom)->coordToPixel(0.5), first.y());
    QVERIFY(chart.tooltipAt(between).isEmpty());
}

void TestPackingChart::resultsPanel_packingTabSitsAfterHourByHour_andUpdatesWhenShown()
{
    Ui::ResultsPanel panel;
    QTabWidget *tabs = panel.tabs();
    QCOMPARE(tabs->count(), 7); // the Spike tab follows Packing; Commitments comes last
    QCOMPARE(tabs->tabText(3), QStringLiteral("&Packing"));
    QCOMPARE(tabs->widget(3), static_cast<QWidget *>(panel.packingChart()));
    // The enum keeps its values; setCurrentTab / currentTab map them to the tabs.
    panel.setCurrentTab(Ui::ResultsPanel::LineItemsTab);
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(panel.lineItemTable()));
    QCOMPARE(panel.currentTab(), Ui::ResultsPanel::LineItemsTab);
    panel.setCurrentTab(Ui::ResultsPanel::HourlyTab);
    QCOMPARE(tabs->currentIndex(), 2);
    QCOMPARE(panel.currentTab(), Ui::ResultsPanel::HourlyTab);

    Ui::EvaluationOutcome outcome;
    outcome.generation = 1;
    outcome.evaluation = evaluationOf({fiveAgainstFour()});
    panel.showOutcome(outcome);
    QCOMPARE(panel.packingChart()->barCount(), 0); // hidden: not drawn yet
    panel.setCurrentTab(Ui::ResultsPanel::PackingTab);
    QCOMPARE(panel.currentTab(), Ui::ResultsPanel::PackingTab);
    QCOMPARE(panel.currentChart(), static_cast<Ui::ChartBase *>(panel.packingChart()));
    QCOMPARE(panel.packingChart()->barCount(), 9);

    outcome.generation = 2;
    outcome.evaluation = evaluationOf({}); // the ecs-ec2 option was removed
    panel.showOutcome(outcome);
    QVERIFY(panel.packingChart()->isEmptyMessageShown()); // visible: drawn at once
}

/** Writes the chart with realistic data, light and dark, to /tmp/packview (or $COSTSCAPE_PACKING_SNAPSHOTS). */
void TestPackingChart::snapshots()
{
    QString folder = qEnvironmentVariable("COSTSCAPE_PACKING_SNAPSHOTS");
    if (folder.isEmpty())
        QSKIP("set COSTSCAPE_PACKING_SNAPSHOTS to a folder to write the charts as PNG");
    QVERIFY(QDir().mkpath(folder));
    for (const bool dark : {false, true}) {
        const QString suffix = dark ? QStringLiteral("-dark.png") : QStringLiteral("-light.png");
        auto write = [&](std::vector<Models::OptionResult> options, const QString &name, int select = 0) {
            Ui::PackingChart chart;
            if (dark)
                chart.setPalette(darkPalette());
            chart.setSeries(seriesOf(std::move(options)));
            chart.selectOption(select);
            layOut(&chart);
            QString error;
            QVERIFY2(chart.exportPng(QDir(folder).filePath(name + suffix), 1100, 600, &error), qPrintable(error));
            QVERIFY(chart.grab().save(QDir(folder).filePath(name + QStringLiteral("-widget") + suffix)));
        };
        write({fiveAgainstFour("ecs-web", 0.36)}, QStringLiteral("five-four"));
        write({fiveAgainstFour("ecs-web"), twoHundred()}, QStringLiteral("two-hundred"), 1);
        write({}, QStringLiteral("empty"));
    }
}

QTEST_MAIN(TestPackingChart)
#include "tst_packingchart.moc"
