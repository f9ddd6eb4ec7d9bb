// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/hourlychart.h"

#include "tests/common/chartdata.h"

#include <qcustomplot.h>

#include <QDir>
#include <QTest>

using namespace Costscape;
using namespace Costscape::Tests;

/** Hour by hour: fleet size and cost per option in two linked axis rects with hour labels. */
class TestHourlyChart : public QObject
{
    Q_OBJECT

private slots:
    void setSeries_drawsBothRectsWithHourLabels_data();
    void setSeries_drawsBothRectsWithHourLabels();
    void hidingAnOption_hidesItInBothRects();
    void thousandOptions_legendInOrder();
    void newResultForTheSameOptions_drawsItsFigures();

    void snapshots();
};

void TestHourlyChart::setSeries_drawsBothRectsWithHourLabels_data()
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

void TestHourlyChart::setSeries_drawsBothRectsWithHourLabels()
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

void TestHourlyChart::hidingAnOption_hidesItInBothRects()
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

void TestHourlyChart::thousandOptions_legendInOrder()
{
    // Issue 13: setSeries re-laid out the legend for every series it removed or left out of it,
    // a cost growing with the cube of the options. Its time is measured in bench_workbench
    // (BM_HourlyChart_SetSeriesTwice_1000Options); this checks what two calls leave behind (the
    // second finds the same options and reuses the first's 2,000 graphs).
    constexpr int options = 1000;
    const Models::HourlySeries series = hourly(168, options);
    Ui::HourlyChart chart;
    chart.setSeries(series);
    chart.setSeries(series);

    // One entry per option, in order, then the demand; no gaps, no cost graph of its own.
    QCPLegend *legend = chart.plot()->legend;
    QCOMPARE(legend->itemCount(), options + 1);
    for (int i = 0; i < legend->itemCount(); ++i) {
        auto *entry = qobject_cast<QCPPlottableLegendItem *>(legend->item(i));
        QVERIFY2(entry, qPrintable(QStringLiteral("no entry at %1").arg(i)));
        const QString expected = i < options ? QStringLiteral("option-%1").arg(i) : QStringLiteral("demand (requests/s)");
        QCOMPARE(entry->plottable()->name(), expected);
        if (i < options)
            QCOMPARE(entry->plottable()->valueAxis(), chart.fleetRect()->axis(QCPAxis::atLeft));
    }
    QCOMPARE(chart.fleetRect()->graphs().size(), options + 1);
    QCOMPARE(chart.costRect()->graphs().size(), options);
}

void TestHourlyChart::newResultForTheSameOptions_drawsItsFigures()
{
    // An edit gives a new result for the same options: the chart reuses its graphs (issue 17, the
    // window's speed), and what it draws must be the new figures, axes and faded colours, exactly
    // as a chart given only the new result draws them.
    Models::HourlySeries first = hourly(168, 3);
    Models::HourlySeries second = first;
    for (double &rate : second.ratePerSecond)
        rate *= 3;
    for (auto &line : second.lines) {
        for (double &v : line.fleet)
            v = v * 2 + 1;
        for (double &v : line.cost)
            v *= 5;
    }
    second.lines[1].feasible = false;
    second.skipped = {"lambda-own-plan"};

    Ui::HourlyChart edited;
    edited.setSeries(first);
    layOut(&edited);
    const QList<QCPGraph *> before = edited.fleetRect()->graphs() + edited.costRect()->graphs();
    const QPen feasiblePen = edited.fleetRect()->graphs().at(2)->pen(); // option-1's
    edited.setSeries(second);
    layOut(&edited);
    QCOMPARE(edited.fleetRect()->graphs() + edited.costRect()->graphs(), before); // the same graphs

    Ui::HourlyChart fresh;
    fresh.setSeries(second);
    layOut(&fresh);
    QCOMPARE(edited.note(), fresh.note());
    QVERIFY(edited.note().contains(QStringLiteral("lambda-own-plan")));
    for (auto rects : {std::pair(edited.fleetRect(), fresh.fleetRect()), std::pair(edited.costRect(), fresh.costRect())}) {
        const QList<QCPGraph *> a = rects.first->graphs();
        const QList<QCPGraph *> b = rects.second->graphs();
        QCOMPARE(a.size(), b.size());
        for (qsizetype g = 0; g < a.size(); ++g) {
            QCOMPARE(a[g]->name(), b[g]->name());
            QCOMPARE(a[g]->pen(), b[g]->pen());
            QCOMPARE(a[g]->dataCount(), 168 + 1);
            QCOMPARE(a[g]->dataCount(), b[g]->dataCount());
            for (int i = 0; i < a[g]->dataCount(); ++i) {
                QCOMPARE(a[g]->data()->at(i)->key, b[g]->data()->at(i)->key);
                QCOMPARE(a[g]->data()->at(i)->value, b[g]->data()->at(i)->value);
            }
        }
        for (QCPAxis::AxisType type : {QCPAxis::atLeft, QCPAxis::atRight, QCPAxis::atBottom})
            QCOMPARE(rects.first->axis(type)->range(), rects.second->axis(type)->range());
    }
    // Hand-worked: option-0's fleet at hour 6 is ceil((40 + 30 sin(pi/2)) / 10) * 2 + 1 = 15.
    QCOMPARE(edited.fleetRect()->graphs().at(1)->data()->at(6)->value, 15.0);
    // option-1 cannot serve the workload now: drawn faded, not in its own colour.
    QVERIFY(edited.fleetRect()->graphs().at(2)->pen().color() != feasiblePen.color());

    // A series the user hid comes back with the next result, as when the graphs were rebuilt.
    QVERIFY(edited.setSeriesVisible(QStringLiteral("option-1"), false));
    edited.setSeries(second);
    QVERIFY(edited.isSeriesVisible(QStringLiteral("option-1")));
    // Other options: other graphs, named after them.
    Models::HourlySeries renamed = second;
    renamed.lines[2].id = "option-x";
    edited.setSeries(renamed);
    QCOMPARE(edited.costRect()->graphs().at(2)->name(), QStringLiteral("option-x"));
    QVERIFY(edited.isSeriesVisible(QStringLiteral("option-x")));
    QVERIFY(!edited.isSeriesVisible(QStringLiteral("option-2")));
}

// Not a check: with COSTSCAPE_CHART_SNAPSHOTS=<folder> it writes a week (one option infeasible,
// one skipped) and a year, in a light and a dark palette, for a person to look at.
void TestHourlyChart::snapshots()
{
    const QString folder = snapshotFolder();
    if (folder.isEmpty())
        QSKIP("set COSTSCAPE_CHART_SNAPSHOTS to a folder to write the charts as PNG");
    QVERIFY(QDir().mkpath(folder));

    for (const bool dark : {false, true}) {
        QString error;
        Ui::HourlyChart weekChart;
        auto week = hourly(168, 6);
        week.lines[5].feasible = false;
        week.skipped = {"lambda-provisioned"};
        weekChart.setSeries(week);
        QVERIFY2(writeSnapshot(weekChart, folder, QStringLiteral("hourly-week"), dark, &error), qPrintable(error));
        Ui::HourlyChart yearChart;
        yearChart.setSeries(hourly(8760, 4));
        QVERIFY2(writeSnapshot(yearChart, folder, QStringLiteral("hourly-year"), dark, &error), qPrintable(error));
    }
}

QTEST_MAIN(TestHourlyChart)
#include "tst_hourlychart.moc"
