// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/timelinechart.h"

#include <qcustomplot.h>

#include <QElapsedTimer>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Costscape;
using Costscape::Ui::TimelineChart;

namespace {

/**
 * A spike from 60 to 600 requests/s at t = 0, held for @p seconds, sampled each second from
 * t = -30 s. Worked by hand:
 * - "lambda" serves 600 requests/s from the first second: nothing waits.
 * - "ec2" serves 100 requests/s until t = 120 s, then 700: 500 requests/s pile up for 120 s
 *   (60,000 waiting at t = 120 s), then drain at 100 requests/s, empty at t = 720 s.
 * - "fixed" serves 100 requests/s throughout: it never meets the demand.
 */
Models::SpikeSeries threeOptions(int seconds = 900)
{
    Models::SpikeSeries s;
    const int samples = 30 + seconds;
    Models::SpikeSeries::Line lambda, ec2, fixed;
    lambda.id = "lambda";
    ec2.id = "ec2";
    fixed.id = "fixed";
    for (auto *line : {&lambda, &ec2, &fixed}) {
        line->startSeconds = -30;
        line->stepSeconds = 1;
    }
    double ec2Backlog = 0;
    double fixedBacklog = 0;
    for (int i = 0; i < samples; ++i) {
        const int t = i - 30;
        const double demand = t < 0 ? 60 : 600;
        for (auto *line : {&lambda, &ec2, &fixed})
            line->demandPerSecond.push_back(demand);
        lambda.capacityPerSecond.push_back(std::max(demand, 600.0));
        lambda.backlog.push_back(0);
        const double ec2Capacity = t < 120 ? 100 : 700;
        ec2.capacityPerSecond.push_back(ec2Capacity);
        ec2Backlog = std::max(0.0, ec2Backlog + demand - ec2Capacity);
        ec2.backlog.push_back(ec2Backlog);
        fixed.capacityPerSecond.push_back(100);
        fixedBacklog = std::max(0.0, fixedBacklog + demand - 100);
        fixed.backlog.push_back(fixedBacklog);
    }
    lambda.secondsToMeetDemand = 0;
    ec2.secondsToMeetDemand = 120;
    ec2.peakBacklog = 60000;
    fixed.secondsToMeetDemand = -1;
    s.lines = {lambda, ec2, fixed};
    return s;
}

void layOut(Ui::ChartBase *chart)
{
    chart->resize(1000, 600);
    chart->show();
    QVERIFY(QTest::qWaitForWindowExposed(chart));
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
}

/** The graph's value at @p key, NaN when it has no point there. */
double valueAt(QCPGraph *graph, double key)
{
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
        if (it->key == key)
            return it->value;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

double maxValue(QCPGraph *graph)
{
    double top = 0;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        top = std::max(top, it->value);
    return top;
}

} // namespace

class TestTimelineChart : public QObject
{
    Q_OBJECT

private slots:
    void formatSeconds_data();
    void formatSeconds();
    void options_eachHaveCapacityBacklogAndMeetMarker();
    void graphs_holdTheSeriesValues_data();
    void graphs_holdTheSeriesValues();
    void flatRuns_areThinnedWithoutChangingTheShape();
    void caption_namesFastestAndThoseThatNeverCatchUp();
    void hidingAnOption_hidesItsBacklogAndMarker();
    void capacityOffTheScale_isLabelledWithItsPeakInsideThePlot();
    void tooltip_givesExactValuesAtTheTimeUnderTheMouse();
    void noSpike_showsMessageAndNoAxes();
    void shortLine_isNotDrawnButNamed();
    void twoHourTimeline_replotsQuickly();
    void export_writesPngWithCaption();
};

void TestTimelineChart::formatSeconds_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("before-the-spike") << -30.0 << QStringLiteral("-0:30");
    QTest::newRow("spike-start") << 0.0 << QStringLiteral("0:00");
    QTest::newRow("two-and-a-half-minutes") << 150.0 << QStringLiteral("2:30");
    QTest::newRow("over-an-hour") << 3723.0 << QStringLiteral("1:02:03");
    QTest::newRow("rounds-to-the-second") << 59.6 << QStringLiteral("1:00");
}

void TestTimelineChart::formatSeconds()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(TimelineChart::formatSeconds(seconds), text);
}

void TestTimelineChart::options_eachHaveCapacityBacklogAndMeetMarker()
{
    TimelineChart chart;
    chart.setSeries(threeOptions());
    QCOMPARE(chart.lineCount(), 3);
    QVERIFY(chart.demandGraph());
    // Three capacities, three backlogs, one demand.
    QCOMPARE(chart.plot()->plottableCount(), 7);
    // "fixed" never meets the demand: no circle for it.
    QCOMPARE(chart.meetMarkerCount(), 2);
    // One legend entry per option, and the demand last.
    QCOMPARE(chart.plot()->legend->itemCount(), 4);
    QVERIFY(!chart.isEmptyMessageShown());
    // The demand sets the scale: 600 requests/s fit under the top of the requests/s axis.
    const QCPRange rates = chart.rateRect()->axis(QCPAxis::atLeft)->range();
    QVERIFY(rates.upper > 600 && rates.upper < 1000);
    // The time axis runs from 30 s before the spike to the end of the timeline.
    const QCPRange time = chart.backlogRect()->axis(QCPAxis::atBottom)->range();
    QCOMPARE(time.lower, -30.0);
    QCOMPARE(time.upper, 899.0);
}

void TestTimelineChart::graphs_holdTheSeriesValues_data()
{
    QTest::addColumn<int>("option");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<double>("capacity");
    QTest::addColumn<double>("backlog");
    // ec2: 500 requests/s pile up from t = 0 to t = 119 (120 s), then drain at 100/s.
    QTest::newRow("ec2-before-spike") << 1 << -30.0 << 100.0 << 0.0;
    QTest::newRow("ec2-queue-at-its-peak") << 1 << 119.0 << 100.0 << 60000.0;
    QTest::newRow("ec2-draining") << 1 << 219.0 << 700.0 << 50000.0;
    QTest::newRow("ec2-drained") << 1 << 719.0 << 700.0 << 0.0;
    QTest::newRow("fixed-keeps-piling-up") << 2 << 99.0 << 100.0 << 50000.0;
}

void TestTimelineChart::graphs_holdTheSeriesValues()
{
    QFETCH(int, option);
    QFETCH(double, seconds);
    QFETCH(double, capacity);
    QFETCH(double, backlog);
    TimelineChart chart;
    chart.setSeries(threeOptions());
    // Flat runs are thinned, so compare where the graph has a point, else the straight line through.
    QCPGraph *cap = chart.capacityGraph(option);
    QCPGraph *queue = chart.backlogGraph(option);
    QVERIFY(cap && queue);
    const double drawnBacklog = valueAt(queue, seconds);
    QVERIFY2(drawnBacklog == backlog, qPrintable(QString::number(drawnBacklog)));
    const double drawnCapacity = valueAt(cap, seconds);
    QVERIFY(std::isnan(drawnCapacity) || drawnCapacity == capacity);
    QCOMPARE(maxValue(chart.demandGraph()), 600.0);
}

void TestTimelineChart::flatRuns_areThinnedWithoutChangingTheShape()
{
    TimelineChart chart;
    chart.setSeries(threeOptions());
    // The demand is two flat runs: its first, last and the points around the step remain.
    QCPGraph *demand = chart.demandGraph();
    QVERIFY(demand->dataCount() <= 6);
    QCOMPARE(valueAt(demand, -30), 60.0);
    QCOMPARE(valueAt(demand, -1), 60.0);
    QCOMPARE(valueAt(demand, 0), 600.0);
    QCOMPARE(valueAt(demand, 899), 600.0);
    // The fixed option's capacity is one flat run: two points.
    QCOMPARE(chart.capacityGraph(2)->dataCount(), 2);
}

void TestTimelineChart::caption_namesFastestAndThoseThatNeverCatchUp()
{
    TimelineChart chart;
    chart.setSeries(threeOptions());
    const QString caption = chart.caption();
    QVERIFY2(caption.contains(QStringLiteral("lambda serves the spike from its first second")), qPrintable(caption));
    QVERIFY2(caption.contains(QStringLiteral("fixed never catches up")), qPrintable(caption));

    auto series = threeOptions();
    series.lines.erase(series.lines.begin()); // without lambda, ec2 is the fastest: 2 min
    chart.setSeries(series);
    QVERIFY2(chart.caption().contains(QStringLiteral("ec2 meets the demand first, after 2:00")), qPrintable(chart.caption()));
}

void TestTimelineChart::hidingAnOption_hidesItsBacklogAndMarker()
{
    TimelineChart chart;
    chart.setSeries(threeOptions());
    QVERIFY(chart.setSeriesVisible(QStringLiteral("ec2"), false));
    QVERIFY(!chart.capacityGraph(1)->visible());
    QVERIFY(!chart.backlogGraph(1)->visible());
    QVERIFY(chart.capacityGraph(0)->visible());
    int shownMarkers = 0;
    for (int i = 0; i < chart.plot()->itemCount(); ++i)
        if (auto *tracer = qobject_cast<QCPItemTracer *>(chart.plot()->item(i)); tracer && tracer->visible())
            ++shownMarkers;
    QCOMPARE(shownMarkers, 1);
    QVERIFY(chart.setSeriesVisible(QStringLiteral("ec2"), true));
    QVERIFY(chart.backlogGraph(1)->visible());
}

void TestTimelineChart::capacityOffTheScale_isLabelledWithItsPeakInsideThePlot()
{
    // "ec2" jumps to 6,000 requests/s at 2 minutes, far over the 600 requests/s the axis is sized to.
    Models::SpikeSeries series = threeOptions();
    for (double &v : series.lines[1].capacityPerSecond)
        if (v == 700)
            v = 6000;
    TimelineChart chart;
    chart.setSeries(series);
    layOut(&chart);
    QCOMPARE(chart.offScaleLabels(), QStringList{QStringLiteral("\u2191 6,000/s")});
    QCPItemText *label = nullptr;
    for (int i = 0; i < chart.plot()->itemCount(); ++i)
        if (auto *text = qobject_cast<QCPItemText *>(chart.plot()->item(i)); text && text->text().startsWith(QChar(0x2191)))
            label = text;
    QVERIFY(label && label->visible());
    const QRectF rect = chart.rateRect()->rect();
    const QRectF box(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition());
    QVERIFY2(rect.contains(box), "the label lies inside the requests/s plot");
    // Beside where the line leaves the plot, at 2:00.
    QVERIFY(std::abs(box.left() - chart.rateRect()->axis(QCPAxis::atBottom)->coordToPixel(120)) < 5);
    // Hidden with its option.
    chart.setSeriesVisible(QStringLiteral("ec2"), false);
    QVERIFY(!label->visible());
    // Capacities within the scale have none.
    TimelineChart within;
    within.setSeries(threeOptions());
    QVERIFY(within.offScaleLabels().isEmpty());
}

void TestTimelineChart::tooltip_givesExactValuesAtTheTimeUnderTheMouse()
{
    TimelineChart chart;
    chart.setSeries(threeOptions());
    layOut(&chart);
    QCPAxisRect *rect = chart.backlogRect();
    // t = 119 s: ec2 has 60,000 requests waiting, fixed too, lambda none.
    const QPointF pixel(rect->axis(QCPAxis::atBottom)->coordToPixel(119), rect->center().y());
    const QString tooltip = chart.tooltipAt(pixel);
    QVERIFY2(tooltip.contains(QStringLiteral("1:59")), qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QStringLiteral("demand: 600 requests/s")), qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QStringLiteral("serves 100 requests/s, 60,000 waiting")), qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QStringLiteral("serves 600 requests/s, 0 waiting")), qPrintable(tooltip));
    // Outside the plot there is nothing to say.
    QVERIFY(chart.tooltipAt(QPointF(1, 1)).isEmpty());
}

void TestTimelineChart::noSpike_showsMessageAndNoAxes()
{
    TimelineChart chart;
    chart.setSeries(threeOptions());
    chart.setSeries({});
    QVERIFY(chart.isEmptyMessageShown());
    QCOMPARE(chart.lineCount(), 0);
    QCOMPARE(chart.plot()->plottableCount(), 0);
    QVERIFY(!chart.plot()->legend->visible());
    QVERIFY(chart.caption().isEmpty());
    QVERIFY(!chart.rateRect()->axis(QCPAxis::atLeft)->visible());
    QVERIFY(chart.tooltipAt(chart.rateRect()->center()).isEmpty());
}

void TestTimelineChart::shortLine_isNotDrawnButNamed()
{
    auto series = threeOptions();
    series.lines[2].capacityPerSecond = {100};
    series.lines[2].demandPerSecond = {600};
    series.lines[2].backlog = {0};
    TimelineChart chart;
    chart.setSeries(series);
    QCOMPARE(chart.lineCount(), 2);
    QVERIFY2(chart.caption().contains(QStringLiteral("not drawn (no timeline): fixed")), qPrintable(chart.caption()));
}

void TestTimelineChart::twoHourTimeline_replotsQuickly()
{
    // The model's longest window: 30 s before the spike and two hours, six options.
    auto three = threeOptions(7200);
    Models::SpikeSeries series;
    for (int copy = 0; copy < 2; ++copy) {
        for (auto line : three.lines) {
            line.id += copy == 0 ? "" : "-b";
            series.lines.push_back(line);
        }
    }
    TimelineChart chart;
    chart.setSeries(series);
    layOut(&chart);
    for (int i = 0; i < chart.lineCount(); ++i)
        QVERIFY(chart.backlogGraph(i)->dataCount() <= TimelineChart::maxDrawnPoints + 1);
    QElapsedTimer timer;
    timer.start();
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    // A few ms here; the bound only catches the slow paths (wide pens, translucent fills).
#ifndef COSTSCAPE_SANITIZED // ASan and UBSan slow everything several times over
    QVERIFY2(timer.elapsed() < 400, qPrintable(QString::number(timer.elapsed())));
#endif
}

void TestTimelineChart::export_writesPngWithCaption()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TimelineChart chart;
    chart.setSeries(threeOptions());
    QString error;
    const QString file = dir.filePath(QStringLiteral("spike.png"));
    QVERIFY2(chart.exportPng(file, 900, 500, &error), qPrintable(error));
    const QImage image(file);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 900);
    QCOMPARE(image.height(), 500);
}

QTEST_MAIN(TestTimelineChart)
#include "tst_timelinechart.moc"
