// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/profilechart.h"

#include "tests/common/chartdata.h"

#include <qcustomplot.h>

#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace Costscape;
using namespace Costscape::Tests;

/** The request profile editor: dragging a point sets its value, read-only and clicks change nothing. */
class TestProfileChart : public QObject
{
    Q_OBJECT

private slots:
    void drag_emitsValueOfThePixel_data();
    void drag_emitsValueOfThePixel();
    void readOnly_ignoresDrags();
    void click_isNotAnEdit();

    void snapshots();
};

void TestProfileChart::drag_emitsValueOfThePixel_data()
{
    QTest::addColumn<int>("slotCount");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("dy");
    QTest::newRow("day-drag-up") << 24 << 5 << -60;
    QTest::newRow("day-drag-down") << 24 << 9 << 45;
    QTest::newRow("week-drag-up") << 168 << 100 << -30;
    QTest::newRow("day-drag-below-zero-clamps") << 24 << 0 << 2000;
}

void TestProfileChart::drag_emitsValueOfThePixel()
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

void TestProfileChart::readOnly_ignoresDrags()
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

void TestProfileChart::click_isNotAnEdit()
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

// Not a check: with COSTSCAPE_CHART_SNAPSHOTS=<folder> it writes a week and a day, in a light and
// a dark palette, for a person to look at.
void TestProfileChart::snapshots()
{
    const QString folder = snapshotFolder();
    if (folder.isEmpty())
        QSKIP("set COSTSCAPE_CHART_SNAPSHOTS to a folder to write the charts as PNG");
    QVERIFY(QDir().mkpath(folder));

    for (const bool dark : {false, true}) {
        QString error;
        Ui::ProfileChart weekChart;
        weekChart.setProfile(dayProfile(168));
        QVERIFY2(writeSnapshot(weekChart, folder, QStringLiteral("profile-week"), dark, &error), qPrintable(error));
        Ui::ProfileChart dayChart;
        dayChart.setProfile(dayProfile(24));
        QVERIFY2(writeSnapshot(dayChart, folder, QStringLiteral("profile-day"), dark, &error), qPrintable(error));
    }
}

QTEST_MAIN(TestProfileChart)
#include "tst_profilechart.moc"
