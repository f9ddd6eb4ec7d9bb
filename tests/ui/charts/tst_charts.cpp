// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/hourlychart.h"
#include "ui/charts/monthlycostchart.h"
#include "ui/charts/profilechart.h"
#include "ui/charts/trafficchart.h"

#include <qcustomplot.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace Costscape;
using Costscape::Ui::ChartBase;

namespace {

const double noCost = std::numeric_limits<double>::quiet_NaN();

/** Four options: two feasible, the cheapest in the middle, one priced but infeasible, one at 0. */
Models::MonthlySeries fourOptions()
{
    Models::MonthlySeries s;
    s.ids = {"lambda", "fargate", "ec2-ondemand", "ecs-ec2"};
    s.platforms = {"AWS Lambda", "AWS Fargate", "EC2 on-demand", "ECS on EC2"};
    s.summaries = {"3M requests, 1 s, 512 MB", "2 tasks x 730 h", "2 x m7g.large", ""};
    s.stacks = {{"requests", {0.60, 0, 0, 0}},
                {"duration", {25.00, 0, 0, 0}},
                {"tasks", {0, 72.08, 0, 0}},
                {"instances", {0, 0, 119.14, 0}},
                {"storage", {0, 1.23, 8.0, 0}}};
    s.totals = {25.60, 73.31, 127.14, 0};
    s.feasible = {true, true, false, false};
    s.reasons = {"", "", "Needs 4 GB per request; m7g.large has 8 GB for 2 concurrent requests",
                 "No instance type can hold a 64 GB task"};
    s.cheapest = 0;
    return s;
}

Models::TrafficSweep threeLineSweep()
{
    Models::TrafficSweep sweep;
    for (int i = 0; i <= 40; ++i) {
        const double factor = std::pow(10.0, -2 + i * 0.1);
        sweep.factors.push_back(factor);
        sweep.averageRate.push_back(factor * 5.0);
    }
    Models::TrafficSweep::Line lambda{"lambda", {}};
    Models::TrafficSweep::Line fargate{"fargate", {}};
    Models::TrafficSweep::Line ec2{"ec2", {}};
    for (std::size_t i = 0; i < sweep.factors.size(); ++i) {
        const double rate = sweep.averageRate[i];
        lambda.cost.push_back(rate > 200 ? noCost : rate * 8.5); // over the concurrency limit
        fargate.cost.push_back(30 + rate * 2.1);
        ec2.cost.push_back(rate < 0.1 ? 0.0 : 60 + rate * 1.2); // 0 would not fit a log axis
    }
    sweep.lines = {lambda, fargate, ec2};
    sweep.breakEvens = {{0.0906, 0.453, 3.85, "lambda", "fargate"},
                        {6.06, 30.3, 93.6, "fargate", "ec2"}};
    sweep.sentences = {"Below 0.453 requests/s AWS Lambda is the cheapest.",
                       "Above 30.3 requests/s EC2 on-demand is cheaper than Fargate."};
    return sweep;
}

Models::HourlySeries hourly(int slotCount, int options)
{
    Models::HourlySeries series;
    for (int h = 0; h < slotCount; ++h)
        series.ratePerSecond.push_back(40 + 30 * std::sin(h * 3.14159 / 12));
    for (int o = 0; o < options; ++o) {
        Models::HourlySeries::Line line;
        line.id = "option-" + std::to_string(o);
        line.unit = "tasks";
        for (int h = 0; h < slotCount; ++h) {
            line.fleet.push_back(std::ceil(series.ratePerSecond[static_cast<std::size_t>(h)] / (10 + o)));
            line.cost.push_back(line.fleet.back() * 0.04 * (o + 1));
        }
        series.lines.push_back(line);
    }
    return series;
}

std::vector<double> dayProfile(int slotCount)
{
    std::vector<double> values;
    for (int h = 0; h < slotCount; ++h)
        values.push_back(20 + 15 * std::sin(h * 3.14159 / 12) + (h % 24 == 9 ? 30 : 0));
    return values;
}

/** Shows @p chart at a fixed size and lays it out, so pixel positions mean something. */
void layOut(ChartBase *chart)
{
    chart->resize(1000, 600);
    chart->show();
    QVERIFY(QTest::qWaitForWindowExposed(chart));
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
}

QCPBars *barsNamed(QCustomPlot *plot, const QString &name, bool inLegend)
{
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto *bars = qobject_cast<QCPBars *>(plot->plottable(i));
        if (bars && bars->name() == name && (plot->legend->itemWithPlottable(bars) != nullptr) == inLegend)
            return bars;
    }
    return nullptr;
}

bool hasKey(QCPBars *bars, double key)
{
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
        if (it->key == key)
            return true;
    }
    return false;
}

bool isGrey(const QColor &color)
{
    return color.hsvSaturation() < 16;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private slots:
    void formatMoney_data();
    void formatMoney();

    void monthlyStacks_sumToTheTotal_data();
    void monthlyStacks_sumToTheTotal();
    void monthlyValueUnderBar_isTheSeriesValue();
    void monthlyInfeasible_isGreyWithReason_data();
    void monthlyInfeasible_isGreyWithReason();
    void monthlyLegendClick_hidesTheLineItem();
    void monthlyEmpty_showsMessage();

    void traffic_graphPerLineMarkerPerBreakEven_data();
    void traffic_graphPerLineMarkerPerBreakEven();
    void traffic_tooltipNamesNearestPoint();
    void trafficWithoutFeasiblePoint_showsMessage();

    void hourly_linesInBothRectsAndHourLabels_data();
    void hourly_linesInBothRectsAndHourLabels();
    void hourlyHidingAnOption_hidesItInBothRects();

    void profileDrag_emitsValueOfThePixel_data();
    void profileDrag_emitsValueOfThePixel();
    void profileReadOnly_ignoresDrags();
    void profileClick_isNotAnEdit();

    void export_writesNonEmptyFile_data();
    void export_writesNonEmptyFile();
    void export_intoMissingFolder_failsWithMessage_data();
    void export_intoMissingFolder_failsWithMessage();

    void paletteChange_recoloursTheChart();

    void snapshots();
};

void TestCharts::formatMoney_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("expected");
    QTest::newRow("usd-grouping") << 1234.56 << QStringLiteral("USD") << 2 << QStringLiteral("$1,234.56");
    QTest::newRow("usd-whole") << 1200.0 << QStringLiteral("USD") << 0 << QStringLiteral("$1,200");
    QTest::newRow("exact-keeps-mills") << 30.368 << QStringLiteral("USD") << -1 << QStringLiteral("$30.368");
    QTest::newRow("exact-pads-cents") << 12.5 << QStringLiteral("USD") << -1 << QStringLiteral("$12.50");
    QTest::newRow("exact-below-a-cent") << 0.0000166667 << QStringLiteral("USD") << -1
                                        << QStringLiteral("$0.0000166667");
    QTest::newRow("eur-symbol") << 5.0 << QStringLiteral("EUR") << 2 << QString(QChar(0x20AC) + QStringLiteral("5.00"));
    QTest::newRow("other-code") << 5.0 << QStringLiteral("CHF") << 2 << QStringLiteral("CHF 5.00");
    QTest::newRow("negative") << -3.5 << QStringLiteral("USD") << 2 << QStringLiteral("-$3.50");
    QTest::newRow("no-negative-zero") << -0.001 << QStringLiteral("USD") << 2 << QStringLiteral("$0.00");
}

void TestCharts::formatMoney()
{
    QFETCH(double, value);
    QFETCH(QString, currency);
    QFETCH(int, decimals);
    QFETCH(QString, expected);
    QCOMPARE(ChartBase::formatMoney(value, currency, decimals), expected);
}

void TestCharts::monthlyStacks_sumToTheTotal_data()
{
    QTest::addColumn<int>("option");
    QTest::newRow("lambda-requests-plus-duration") << 0;
    QTest::newRow("fargate-tasks-plus-storage") << 1;
    QTest::newRow("infeasible-ec2-still-priced") << 2;
}

void TestCharts::monthlyStacks_sumToTheTotal()
{
    QFETCH(int, option);
    Ui::MonthlyCostChart chart;
    const auto series = fourOptions();
    chart.setSeries(series);
    QCOMPARE(chart.barCount(), 4);
    QCOMPARE(chart.stackNames(),
             QStringList({QStringLiteral("requests"), QStringLiteral("duration"), QStringLiteral("tasks"),
                          QStringLiteral("instances"), QStringLiteral("storage")}));
    QCOMPARE(chart.stackedValue(option), series.totals[static_cast<std::size_t>(option)]);
    QCOMPARE(chart.stackedValue(3), 0.0);
    QCOMPARE(chart.stackedValue(99), 0.0);
}

void TestCharts::monthlyValueUnderBar_isTheSeriesValue()
{
    Ui::MonthlyCostChart chart;
    const auto series = fourOptions();
    chart.setSeries(series);
    layOut(&chart);
    QCustomPlot *plot = chart.plot();
    for (int option = 0; option < 3; ++option) {
        double base = 0;
        for (const auto &stack : series.stacks) {
            const double value = stack.values[static_cast<std::size_t>(option)];
            if (value <= 0)
                continue;
            const QPointF pixel(plot->xAxis->coordToPixel(option),
                                plot->yAxis->coordToPixel(base + value / 2));
            base += value;
            if (std::abs(plot->yAxis->coordToPixel(0) - plot->yAxis->coordToPixel(value)) < 3)
                continue; // thinner than the mouse can aim at
            int dataIndex = -1;
            auto *bars = qobject_cast<QCPBars *>(plot->plottableAt(pixel, false, &dataIndex));
            QVERIFY2(bars, qPrintable(QStringLiteral("no bar at option %1, %2").arg(option).arg(QString::fromStdString(stack.name))));
            QCOMPARE(bars->name(), QString::fromStdString(stack.name));
            QCOMPARE(bars->interface1D()->dataMainKey(dataIndex), double(option));
            QCOMPARE(bars->interface1D()->dataMainValue(dataIndex), value);
            const QString tooltip = chart.tooltipAt(pixel);
            QVERIFY2(tooltip.contains(QString::fromStdString(stack.name) + QStringLiteral(": ")
                                      + ChartBase::formatMoney(value, QStringLiteral("USD"), -1)),
                     qPrintable(tooltip));
            QVERIFY(tooltip.contains(ChartBase::formatMoney(series.totals[static_cast<std::size_t>(option)],
                                                            QStringLiteral("USD"), -1)));
        }
    }
}

void TestCharts::monthlyInfeasible_isGreyWithReason_data()
{
    QTest::addColumn<int>("option");
    QTest::addColumn<bool>("stub");
    QTest::newRow("priced-but-infeasible-grey-stacks") << 2 << false;
    QTest::newRow("zero-total-grey-stub") << 3 << true;
}

void TestCharts::monthlyInfeasible_isGreyWithReason()
{
    QFETCH(int, option);
    QFETCH(bool, stub);
    Ui::MonthlyCostChart chart;
    const auto series = fourOptions();
    chart.setSeries(series);
    layOut(&chart);
    QCustomPlot *plot = chart.plot();

    // No coloured bar at an infeasible option; grey ones (or the hatched stub) instead.
    int greyBars = 0;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto *bars = qobject_cast<QCPBars *>(plot->plottable(i));
        if (!bars || !hasKey(bars, option))
            continue;
        QVERIFY2(isGrey(bars->brush().color()), qPrintable(bars->name()));
        QCOMPARE(bars->brush().style() == Qt::BDiagPattern, stub);
        ++greyBars;
    }
    QVERIFY(greyBars > 0);

    // The reason is written above the bar (it fits at this width) and given in full in the tooltip.
    const QString reason = QString::fromStdString(series.reasons[static_cast<std::size_t>(option)]);
    bool written = false;
    for (int i = 0; i < plot->itemCount(); ++i) {
        if (auto *text = qobject_cast<QCPItemText *>(plot->item(i))) {
            QString shown = text->text();
            shown.replace(QLatin1Char('\n'), QLatin1Char(' '));
            if (shown.endsWith(QChar(0x2026)))
                shown.chop(1);
            if (!shown.isEmpty() && reason.startsWith(shown) && shown.size() >= 10)
                written = true;
        }
    }
    QVERIFY2(written, qPrintable(reason));
    const QPointF aboveBar(plot->xAxis->coordToPixel(option), plot->yAxis->coordToPixel(0) - 2);
    QVERIFY(chart.tooltipAt(aboveBar).contains(reason.toHtmlEscaped()));
}

void TestCharts::monthlyLegendClick_hidesTheLineItem()
{
    Ui::MonthlyCostChart chart;
    const auto series = fourOptions();
    chart.setSeries(series);
    layOut(&chart);
    QCustomPlot *plot = chart.plot();
    QCPBars *duration = barsNamed(plot, QStringLiteral("duration"), true);
    QVERIFY(duration);
    QCPPlottableLegendItem *item = plot->legend->itemWithPlottable(duration);
    QVERIFY(item);
    const QColor shownColor = item->textColor();

    QTest::mouseClick(plot, Qt::LeftButton, {}, item->rect().center());
    QVERIFY(!chart.isSeriesVisible(QStringLiteral("duration")));
    QVERIFY(!duration->visible());
    QVERIFY(item->textColor() != shownColor); // greyed
    QCOMPARE(chart.stackedValue(0), 0.60);    // the requests segment alone
    bool labelled = false; // the bar's label says what it shows now
    for (int i = 0; i < plot->itemCount(); ++i) {
        if (auto *text = qobject_cast<QCPItemText *>(plot->item(i)))
            labelled = labelled || text->text() == QStringLiteral("$0.60");
    }
    QVERIFY(labelled);
    // Re-stacked: the segment above duration now starts where duration started.
    QVERIFY(chart.isSeriesVisible(QStringLiteral("requests")));

    plot->replot(QCustomPlot::rpImmediateRefresh);
    QTest::mouseClick(plot, Qt::LeftButton, {}, item->rect().center());
    QVERIFY(chart.isSeriesVisible(QStringLiteral("duration")));
    QCOMPARE(chart.stackedValue(0), 25.60);
    QCOMPARE(item->textColor(), shownColor);

    QVERIFY(!chart.setSeriesVisible(QStringLiteral("no such line item"), false));
}

void TestCharts::monthlyEmpty_showsMessage()
{
    Ui::MonthlyCostChart chart;
    QVERIFY(chart.isEmptyMessageShown());
    chart.setSeries(fourOptions());
    QVERIFY(!chart.isEmptyMessageShown());
    chart.setSeries({});
    QVERIFY(chart.isEmptyMessageShown());
    QCOMPARE(chart.barCount(), 0);
    QCOMPARE(chart.plot()->plottableCount(), 0);
}

void TestCharts::traffic_graphPerLineMarkerPerBreakEven_data()
{
    QTest::addColumn<bool>("single");
    QTest::newRow("three-options-two-break-evens") << false;
    QTest::newRow("one-option-no-break-even") << true;
}

void TestCharts::traffic_graphPerLineMarkerPerBreakEven()
{
    QFETCH(bool, single);
    auto sweep = threeLineSweep();
    if (single) {
        sweep.lines.resize(1);
        sweep.breakEvens.clear();
        sweep.sentences = {"AWS Lambda is the only option."};
    }
    Ui::TrafficChart chart;
    chart.setSweep(sweep, 2.0);
    layOut(&chart);
    QCustomPlot *plot = chart.plot();
    QCOMPARE(chart.lineCount(), int(sweep.lines.size()));
    QCOMPARE(plot->graphCount(), int(sweep.lines.size()));
    QCOMPARE(chart.breakEvenCount(), int(sweep.breakEvens.size()));
    int tracers = 0;
    for (int i = 0; i < plot->itemCount(); ++i)
        tracers += qobject_cast<QCPItemTracer *>(plot->item(i)) ? 1 : 0;
    QCOMPARE(tracers, int(sweep.breakEvens.size()));
    for (const auto &sentence : sweep.sentences)
        QVERIFY(chart.caption().contains(QString::fromStdString(sentence)));
    QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(chart.currentRate(), 10.0); // 2x a workload of 5 requests/s

    // Infeasible traffic is a gap: NaN in the drawn data.
    QCPGraph *lambda = plot->graph(0);
    int gaps = 0;
    for (auto it = lambda->data()->constBegin(); it != lambda->data()->constEnd(); ++it)
        gaps += std::isnan(it->value) ? 1 : 0;
    QVERIFY(gaps > 0);
}

void TestCharts::traffic_tooltipNamesNearestPoint()
{
    Ui::TrafficChart chart;
    const auto sweep = threeLineSweep();
    chart.setSweep(sweep);
    layOut(&chart);
    QCustomPlot *plot = chart.plot();
    const std::size_t i = 10; // factor 0.1, where the three lines are far apart
    const QPointF pixel(plot->xAxis->coordToPixel(sweep.averageRate[i]) + 2,
                        plot->yAxis->coordToPixel(sweep.lines[1].cost[i]) - 2);
    const QString tooltip = chart.tooltipAt(pixel);
    QVERIFY2(tooltip.contains(QStringLiteral("fargate")), qPrintable(tooltip));
    QVERIFY2(tooltip.contains(ChartBase::formatMoney(sweep.lines[1].cost[i], QStringLiteral("USD"), -1)),
             qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QStringLiteral("0.500 requests/s")), qPrintable(tooltip));
}

void TestCharts::trafficWithoutFeasiblePoint_showsMessage()
{
    auto sweep = threeLineSweep();
    for (auto &line : sweep.lines)
        std::fill(line.cost.begin(), line.cost.end(), noCost);
    sweep.breakEvens.clear();
    Ui::TrafficChart chart;
    chart.setSweep(sweep);
    QVERIFY(chart.isEmptyMessageShown());
    QCOMPARE(chart.emptyMessage(), QStringLiteral("No feasible option at this traffic"));
    chart.setSweep(threeLineSweep());
    QVERIFY(!chart.isEmptyMessageShown());
}

void TestCharts::hourly_linesInBothRectsAndHourLabels_data()
{
    QTest::addColumn<int>("slotCount");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<double>("shownHours");
    QTest::newRow("day-24-slots") << 24 << QStringList{QStringLiteral("00:00"), QStringLiteral("12:00")} << 24.0;
    QTest::newRow("week-168-slots")
        << 168 << QStringList{QStringLiteral("Mon\n00:00"), QStringLiteral("Mon\n12:00"), QStringLiteral("Tue\n00:00")}
        << 168.0;
    QTest::newRow("year-8760-slots-opens-on-first-week")
        << 8760 << QStringList{QStringLiteral("Day 1"), QStringLiteral("Day 2")} << 168.0;
}

void TestCharts::hourly_linesInBothRectsAndHourLabels()
{
    QFETCH(int, slotCount);
    QFETCH(QStringList, labels);
    QFETCH(double, shownHours);
    Ui::HourlyChart chart;
    chart.setSeries(hourly(slotCount, 3));
    layOut(&chart);
    QCOMPARE(chart.lineCount(), 3);
    QCOMPARE(chart.slotCount(), slotCount);
    QCOMPARE(chart.fleetRect()->graphs().size(), 3 + 1); // + the demand
    QCOMPARE(chart.costRect()->graphs().size(), 3);
    for (QCPGraph *graph : chart.fleetRect()->graphs())
        QCOMPARE(graph->lineStyle(), QCPGraph::lsStepLeft);
    // Full data is kept even when only a week is shown.
    QCOMPARE(chart.costRect()->graphs().first()->dataCount(), slotCount + 1);
    QCPAxis *hours = chart.costRect()->axis(QCPAxis::atBottom);
    QCOMPARE(hours->range().lower, 0.0);
    QCOMPARE(hours->range().upper, shownHours);
    QCOMPARE(chart.fleetRect()->axis(QCPAxis::atBottom)->range(), hours->range());
    const QVector<QString> shown = hours->tickVectorLabels();
    for (const QString &label : labels)
        QVERIFY2(shown.contains(label), qPrintable(QStringList(shown.begin(), shown.end()).join(QLatin1Char('|'))));

    const QPointF inCost(hours->coordToPixel(5.5), chart.costRect()->center().y());
    const QString tooltip = chart.tooltipAt(inCost);
    QVERIFY2(tooltip.contains(QStringLiteral("05:00")), qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QStringLiteral("per hour")), qPrintable(tooltip));
}

void TestCharts::hourlyHidingAnOption_hidesItInBothRects()
{
    Ui::HourlyChart chart;
    chart.setSeries(hourly(168, 3));
    layOut(&chart);
    QCustomPlot *plot = chart.plot();
    QCPGraph *fleet = chart.fleetRect()->graphs().at(2); // after the demand: option-1
    QCOMPARE(fleet->name(), QStringLiteral("option-1"));
    QCPPlottableLegendItem *item = plot->legend->itemWithPlottable(fleet);
    QVERIFY(item);
    QTest::mouseClick(plot, Qt::LeftButton, {}, item->rect().center());
    QVERIFY(!chart.isSeriesVisible(QStringLiteral("option-1")));
    for (QCPAxisRect *rect : {chart.fleetRect(), chart.costRect()}) {
        for (QCPGraph *graph : rect->graphs()) {
            if (graph->name() == QStringLiteral("option-1"))
                QVERIFY(!graph->visible());
            else
                QVERIFY(graph->visible());
        }
    }
    QVERIFY(chart.setSeriesVisible(QStringLiteral("option-1"), true));
    QVERIFY(fleet->visible());
}

void TestCharts::profileDrag_emitsValueOfThePixel_data()
{
    QTest::addColumn<int>("slotCount");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("dy");
    QTest::newRow("day-drag-up") << 24 << 5 << -60;
    QTest::newRow("day-drag-down") << 24 << 9 << 45;
    QTest::newRow("week-drag-up") << 168 << 100 << -30;
    QTest::newRow("day-drag-below-zero-clamps") << 24 << 0 << 2000;
}

void TestCharts::profileDrag_emitsValueOfThePixel()
{
    QFETCH(int, slotCount);
    QFETCH(int, index);
    QFETCH(int, dy);
    Ui::ProfileChart chart;
    chart.setProfile(dayProfile(slotCount));
    layOut(&chart);
    QCustomPlot *plot = chart.plot();
    const QCPRange xBefore = plot->xAxis->range();
    const QPoint start = chart.pointPixel(index).toPoint();
    const QPoint end = start + QPoint(3, dy);
    QSignalSpy dragged(&chart, &Ui::ProfileChart::pointDragged);
    QSignalSpy finished(&chart, &Ui::ProfileChart::dragFinished);

    QTest::mousePress(plot, Qt::LeftButton, {}, start);
    QVERIFY(chart.isDragging());
    QTest::mouseMove(plot, start + QPoint(1, dy / 2));
    QTest::mouseMove(plot, end);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, end);
    QVERIFY(!chart.isDragging());

    const double expected = Ui::ProfileChart::snapValue(chart.valueAtPixelY(end.y()));
    QVERIFY(expected >= 0);
    QVERIFY(dragged.count() >= 1);
    QCOMPARE(dragged.last().at(0).toInt(), index);
    QCOMPARE(dragged.last().at(1).toDouble(), expected);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toInt(), index);
    QCOMPARE(finished.first().at(1).toDouble(), expected);
    QCOMPARE(chart.profile()[static_cast<std::size_t>(index)], expected);
    QCOMPARE(plot->xAxis->range(), xBefore); // the drag edited, it did not pan
    QVERIFY(plot->interactions().testFlag(QCP::iRangeDrag)); // panning is back
    if (dy > 1000)
        QCOMPARE(expected, 0.0);
    else // three significant digits
        QCOMPARE(Ui::ProfileChart::snapValue(expected), expected);
}

void TestCharts::profileReadOnly_ignoresDrags()
{
    Ui::ProfileChart chart;
    const auto values = dayProfile(24);
    chart.setProfile(values);
    chart.setReadOnly(true);
    layOut(&chart);
    QSignalSpy dragged(&chart, &Ui::ProfileChart::pointDragged);
    QSignalSpy finished(&chart, &Ui::ProfileChart::dragFinished);
    const QPoint start = chart.pointPixel(3).toPoint();
    QTest::mousePress(chart.plot(), Qt::LeftButton, {}, start);
    QTest::mouseMove(chart.plot(), start + QPoint(0, -50));
    QTest::mouseRelease(chart.plot(), Qt::LeftButton, {}, start + QPoint(0, -50));
    QCOMPARE(dragged.count(), 0);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(chart.profile(), values);
}

void TestCharts::profileClick_isNotAnEdit()
{
    Ui::ProfileChart chart;
    const auto values = dayProfile(24);
    chart.setProfile(values);
    layOut(&chart);
    QSignalSpy finished(&chart, &Ui::ProfileChart::dragFinished);
    QTest::mouseClick(chart.plot(), Qt::LeftButton, {}, (chart.pointPixel(7) + QPointF(0, 4)).toPoint());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(chart.profile(), values);
}

void TestCharts::export_writesNonEmptyFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("pdf");
    for (const QString &kind : {QStringLiteral("monthly"), QStringLiteral("traffic"), QStringLiteral("hourly"),
                               QStringLiteral("profile")}) {
        QTest::addRow("%s-png", qPrintable(kind)) << kind << false;
        QTest::addRow("%s-pdf", qPrintable(kind)) << kind << true;
    }
}

namespace {

std::unique_ptr<ChartBase> makeChart(const QString &kind)
{
    if (kind == QStringLiteral("monthly")) {
        auto chart = std::make_unique<Ui::MonthlyCostChart>();
        chart->setSeries(fourOptions());
        return chart;
    }
    if (kind == QStringLiteral("traffic")) {
        auto chart = std::make_unique<Ui::TrafficChart>();
        chart->setSweep(threeLineSweep());
        return chart;
    }
    if (kind == QStringLiteral("hourly")) {
        auto chart = std::make_unique<Ui::HourlyChart>();
        chart->setSeries(hourly(168, 4));
        return chart;
    }
    auto chart = std::make_unique<Ui::ProfileChart>();
    chart->setProfile(dayProfile(168));
    return chart;
}

} // namespace

void TestCharts::export_writesNonEmptyFile()
{
    QFETCH(QString, kind);
    QFETCH(bool, pdf);
    const auto chart = makeChart(kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(pdf ? QStringLiteral("chart.pdf") : QStringLiteral("chart.png"));
    QString error;
    const bool ok = pdf ? chart->exportPdf(file, 800, 500, &error) : chart->exportPng(file, 800, 500, &error);
    QVERIFY2(ok, qPrintable(error));
    QVERIFY(QFileInfo(file).size() > 0);
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    if (pdf) {
        QVERIFY(written.read(5) == "%PDF-");
    } else {
        const QImage image(file);
        QCOMPARE(image.size(), QSize(800, 500));
    }
    // Nothing but the file itself: no temporary left next to it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 1);
}

void TestCharts::export_intoMissingFolder_failsWithMessage_data()
{
    QTest::addColumn<bool>("pdf");
    QTest::newRow("png") << false;
    QTest::newRow("pdf") << true;
}

void TestCharts::export_intoMissingFolder_failsWithMessage()
{
    QFETCH(bool, pdf);
    const auto chart = makeChart(QStringLiteral("monthly"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("no/such/folder/chart") + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".png")));
    QString error;
    const bool ok = pdf ? chart->exportPdf(file, 800, 500, &error) : chart->exportPng(file, 800, 500, &error);
    QVERIFY(!ok);
    QVERIFY2(error.contains(QDir::toNativeSeparators(file)), qPrintable(error));
    QVERIFY(error.size() > QDir::toNativeSeparators(file).size() + 20); // and a reason
    QVERIFY(!QFileInfo::exists(file));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("no"))));
}

void TestCharts::paletteChange_recoloursTheChart()
{
    Ui::MonthlyCostChart chart;
    chart.setSeries(fourOptions());
    layOut(&chart);
    QPalette dark = chart.palette();
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe8, 0xe8, 0xe8);
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Text, text);
    chart.setPalette(dark);
    QCOMPARE(chart.plot()->toPixmap(200, 120).toImage().pixelColor(2, 2), base);
    QCOMPARE(chart.plot()->yAxis->tickLabelColor(), text);
    QCOMPARE(chart.plot()->legend->textColor(), text);

    QPalette light = dark;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::WindowText, Qt::black);
    chart.setPalette(light);
    QCOMPARE(chart.plot()->toPixmap(200, 120).toImage().pixelColor(2, 2), QColor(Qt::white));
    QCOMPARE(chart.plot()->yAxis->tickLabelColor(), QColor(Qt::black));
}

/**
 * Not a check: with COSTSCAPE_CHART_SNAPSHOTS=<folder> it writes every chart with realistic data,
 * in a light and a dark palette, for a person to look at.
 */
void TestCharts::snapshots()
{
    const QString folder = qEnvironmentVariable("COSTSCAPE_CHART_SNAPSHOTS");
    if (folder.isEmpty())
        QSKIP("set COSTSCAPE_CHART_SNAPSHOTS to a folder to write the charts as PNG");
    QVERIFY(QDir().mkpath(folder));

    Models::MonthlySeries monthly;
    monthly.ids = {"lambda-arm-512", "fargate-1vcpu", "fargate-spot", "ec2-m7g-large", "ec2-spot-m7g", "ecs-c7g-xlarge"};
    monthly.platforms = {"AWS Lambda", "AWS Fargate", "AWS Fargate", "EC2 on-demand", "EC2 spot", "ECS on EC2"};
    monthly.summaries = {"26M requests, 120 ms", "3 tasks", "3 tasks (Spot)", "2 instances", "2 instances", "1 instance"};
    monthly.stacks = {{"requests", {5.20, 0, 0, 0, 0, 0}},
                      {"duration", {91.73, 0, 0, 0, 0, 0}},
                      {"vCPU", {0, 88.66, 26.60, 0, 0, 0}},
                      {"memory", {0, 19.47, 5.84, 0, 0, 0}},
                      {"instances", {0, 0, 0, 119.14, 45.27, 0}},
                      {"storage", {0, 0, 0, 16.0, 16.0, 0}}};
    monthly.totals = {96.93, 108.13, 32.44, 135.14, 61.27, 0};
    monthly.feasible = {true, true, true, true, false, false};
    monthly.reasons = {"", "", "", "", "Needs 3 instances at the peak hour; maxCount is 2", "No c7g.xlarge can hold a task of 12 GB; pick a larger instance type or smaller tasks"};
    monthly.cheapest = 2;

    auto sweep = threeLineSweep();
    sweep.lines.push_back({"fargate-spot", {}});
    sweep.lines.push_back({"ec2-spot", {}});
    sweep.lines.push_back({"ecs-ec2", {}});
    for (std::size_t i = 0; i < sweep.factors.size(); ++i) {
        const double rate = sweep.averageRate[i];
        sweep.lines[3].cost.push_back(9 + rate * 0.65);
        sweep.lines[4].cost.push_back(rate > 300 ? noCost : 22 + rate * 0.5);
        sweep.lines[5].cost.push_back(rate < 1 ? noCost : 70 + rate * 0.9);
    }

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Mid, QColor(0x55, 0x57, 0x5c));

    for (const bool isDark : {false, true}) {
        const QString suffix = isDark ? QStringLiteral("-dark.png") : QStringLiteral("-light.png");
        auto write = [&](ChartBase &chart, const QString &name) {
            if (isDark)
                chart.setPalette(dark);
            chart.resize(1000, 600);
            chart.show();
            QVERIFY(QTest::qWaitForWindowExposed(&chart));
            QString error;
            QVERIFY2(chart.exportPng(QDir(folder).filePath(name + suffix), 1000, 600, &error), qPrintable(error));
        };
        Ui::MonthlyCostChart monthlyChart;
        monthlyChart.setSeries(monthly);
        write(monthlyChart, QStringLiteral("monthly"));
        QVERIFY(monthlyChart.setSeriesVisible(QStringLiteral("vCPU"), false));
        write(monthlyChart, QStringLiteral("monthly-vcpu-hidden"));
        Ui::TrafficChart trafficChart;
        trafficChart.setSweep(sweep, 1.0);
        write(trafficChart, QStringLiteral("traffic"));
        Ui::HourlyChart hourlyChart;
        auto week = hourly(168, 6);
        week.lines[5].feasible = false;
        week.skipped = {"lambda-provisioned"};
        hourlyChart.setSeries(week);
        write(hourlyChart, QStringLiteral("hourly-week"));
        Ui::HourlyChart yearChart;
        yearChart.setSeries(hourly(8760, 4));
        write(yearChart, QStringLiteral("hourly-year"));
        Ui::ProfileChart profileChart;
        profileChart.setProfile(dayProfile(168));
        write(profileChart, QStringLiteral("profile-week"));
        Ui::ProfileChart dayChart;
        dayChart.setProfile(dayProfile(24));
        write(dayChart, QStringLiteral("profile-day"));
    }
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
