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
    // second removes the first's 2,000 graphs).
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
