// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/trafficchart.h"

#include "tests/common/chartdata.h"

#include <qcustomplot.h>

#include <QDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Costscape;
using namespace Costscape::Tests;
using Costscape::Ui::ChartBase;

/** The cost against traffic: a graph per option on log axes, break-even markers, gaps where infeasible. */
class TestTrafficChart : public QObject
{
    Q_OBJECT

private slots:
    void graphPerLineMarkerPerBreakEven_data();
    void graphPerLineMarkerPerBreakEven();
    void tooltip_namesNearestPoint();
    void withoutFeasiblePoint_showsMessage();
    void describe_saysWhoIsCheapestWhere_data();
    void describe_saysWhoIsCheapestWhere();

    void snapshots();
};

void TestTrafficChart::graphPerLineMarkerPerBreakEven_data()
{
    QTest::addColumn<bool>("single");
    QTest::newRow("three-options-two-break-evens") << false;
    QTest::newRow("one-option-no-break-even") << true;
}

void TestTrafficChart::graphPerLineMarkerPerBreakEven()
{
    QFETCH(bool, single);
    auto sweep = threeLineSweep();
    if (single) {
        sweep.lines.resize(1);
        sweep.breakEvens.clear();
        sweep.ranges = {{0, 0.01, 100}};
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
    for (const QString &sentence : Ui::TrafficChart::describe(sweep))
        QVERIFY(chart.caption().contains(sentence));
    QCOMPARE(chart.caption().count(QLatin1Char('\n')) + 1, int(sweep.ranges.size()));
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

void TestTrafficChart::tooltip_namesNearestPoint()
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

void TestTrafficChart::withoutFeasiblePoint_showsMessage()
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

// Not a check: with COSTSCAPE_CHART_SNAPSHOTS=<folder> it writes the chart with six options, in a
// light and a dark palette, for a person to look at.
void TestTrafficChart::snapshots()
{
    const QString folder = snapshotFolder();
    if (folder.isEmpty())
        QSKIP("set COSTSCAPE_CHART_SNAPSHOTS to a folder to write the charts as PNG");
    QVERIFY(QDir().mkpath(folder));

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

    for (const bool dark : {false, true}) {
        Ui::TrafficChart chart;
        chart.setSweep(sweep, 1.0);
        QString error;
        QVERIFY2(writeSnapshot(chart, folder, QStringLiteral("traffic"), dark, &error), qPrintable(error));
    }
}

void TestTrafficChart::describe_saysWhoIsCheapestWhere_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<double>("baseRate");
    QTest::addColumn<QList<double>>("ranges"); // line, from, to for each range
    QTest::addColumn<QStringList>("words");
    // 10 requests/s on average; the break-even at 13.061x is 130.61 requests/s: two significant digits.
    QTest::newRow("lambda-then-fleet") << QStringList{QStringLiteral("fn"), QStringLiteral("vms")} << 10.0
                                       << QList<double>{0, 0.01, 13.061, 1, 13.061, 100}
                                       << QStringList{QStringLiteral("fn is cheapest below 130 requests/s (monthly average)"),
                                                      QStringLiteral("vms is cheapest above 130 requests/s")};
    // A middle stretch from 851 to 854 requests/s: 2 digits read "850 to 850", 3 digits tell them apart.
    QTest::newRow("close-break-evens-get-digits")
        << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")} << 1.0
        << QList<double>{0, 0.01, 851, 1, 851, 854, 2, 854, 10000}
        << QStringList{QStringLiteral("a is cheapest below 850 requests/s (monthly average)"),
                       QStringLiteral("b is cheapest from 851 to 854 requests/s"), QStringLiteral("c is cheapest above 850 requests/s")};
    QTest::newRow("one-winner") << QStringList{QStringLiteral("fn")} << 5.0 << QList<double>{0, 0.01, 100}
                                << QStringList{QStringLiteral("fn is cheapest at every traffic level from 0.05 to 500 requests/s (monthly average)")};
    QTest::newRow("nothing-feasible-then-fleet") << QStringList{QStringLiteral("vms")} << 2.0 << QList<double>{-1, 0.01, 3, 0, 3, 100}
                                                 << QStringList{QStringLiteral("no option is feasible below 6 requests/s (monthly average)"),
                                                                QStringLiteral("vms is cheapest above 6 requests/s")};
    // A workload without requests: the stretches are multiples of the scenario's traffic.
    QTest::newRow("no-requests-as-factors") << QStringList{QStringLiteral("fn"), QStringLiteral("vms")} << 0.0
                                            << QList<double>{0, 0.01, 2.5, 1, 2.5, 100}
                                            << QStringList{QStringLiteral("fn is cheapest below 2.5 times the scenario's traffic"),
                                                           QStringLiteral("vms is cheapest above 2.5 times the scenario's traffic")};
}

void TestTrafficChart::describe_saysWhoIsCheapestWhere()
{
    QFETCH(QStringList, ids);
    QFETCH(double, baseRate);
    QFETCH(QList<double>, ranges);
    QFETCH(QStringList, words);
    Models::TrafficSweep sweep;
    for (const QString &id : ids)
        sweep.lines.push_back({id.toStdString(), {}});
    sweep.factors = {0.01, 100};
    sweep.baseRate = baseRate;
    for (qsizetype i = 0; i + 2 < ranges.size() + 0; i += 3)
        sweep.ranges.push_back({static_cast<int>(ranges[i]), ranges[i + 1], ranges[i + 2]});
    QCOMPARE(Ui::TrafficChart::describe(sweep), words);
}

QTEST_MAIN(TestTrafficChart)
#include "tst_trafficchart.moc"
