// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/monthlycostchart.h"

#include "tests/common/chartdata.h"

#include <qcustomplot.h>

#include <QDir>
#include <QFontMetricsF>
#include <QTest>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Tests;
using Costscape::Ui::ChartBase;

namespace {

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

/** The sample's nine options (examples/web-api.costscape.json), one per platform, with their platforms' names. */
Models::MonthlySeries nineOptions()
{
    Models::MonthlySeries s;
    s.ids = {"lambda-x86", "lambda-arm", "fargate", "ec2-on-demand", "ec2-spot", "ecs-cluster", "lambda-managed", "eks-cluster", "eks-fargate"};
    s.platforms = {"AWS Lambda", "AWS Lambda", "AWS Fargate", "Amazon EC2", "Amazon EC2", "ECS on EC2", "Lambda Managed Instances",
                   "EKS on EC2", "EKS on Fargate"};
    s.stacks = {{"compute", {454.70, 426.47, 269.56, 337.33, 299.20, 289.91, 521.30, 369.00, 367.57}}};
    s.totals = s.stacks[0].values;
    s.feasible.assign(9, true);
    s.cheapest = 2;
    return s;
}

bool isGrey(const QColor &color)
{
    return color.hsvSaturation() < 16;
}

} // namespace

/** The monthly cost per option: stacked line items, infeasible options in grey, legend toggling. */
class TestMonthlyCostChart : public QObject
{
    Q_OBJECT

private slots:
    void stacks_sumToTheTotal_data();
    void stacks_sumToTheTotal();
    void valueUnderBar_isTheSeriesValue();
    void infeasible_isGreyWithReason_data();
    void infeasible_isGreyWithReason();
    void legendClick_hidesTheLineItem();
    void empty_showsMessage();
    void axisLabels_fitTheirBarsAndTheTooltipHasThemWhole_data();
    void axisLabels_fitTheirBarsAndTheTooltipHasThemWhole();

    void snapshots();
};

void TestMonthlyCostChart::stacks_sumToTheTotal_data()
{
    QTest::addColumn<int>("option");
    QTest::newRow("lambda-requests-plus-duration") << 0;
    QTest::newRow("fargate-tasks-plus-storage") << 1;
    QTest::newRow("infeasible-ec2-still-priced") << 2;
}

void TestMonthlyCostChart::stacks_sumToTheTotal()
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

void TestMonthlyCostChart::valueUnderBar_isTheSeriesValue()
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

void TestMonthlyCostChart::infeasible_isGreyWithReason_data()
{
    QTest::addColumn<int>("option");
    QTest::addColumn<bool>("stub");
    QTest::newRow("priced-but-infeasible-grey-stacks") << 2 << false;
    QTest::newRow("zero-total-grey-stub") << 3 << true;
}

void TestMonthlyCostChart::infeasible_isGreyWithReason()
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

void TestMonthlyCostChart::legendClick_hidesTheLineItem()
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

void TestMonthlyCostChart::empty_showsMessage()
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

void TestMonthlyCostChart::axisLabels_fitTheirBarsAndTheTooltipHasThemWhole_data()
{
    // The chart's width in the window at 1280 x 800 (the options dock beside it), and in a narrow one.
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("whole");
    QTest::newRow("1280x800-window") << 870 << true;
    QTest::newRow("narrow-window") << 420 << false;
}

void TestMonthlyCostChart::axisLabels_fitTheirBarsAndTheTooltipHasThemWhole()
{
    QFETCH(int, width);
    QFETCH(bool, whole);
    Ui::MonthlyCostChart chart;
    const Models::MonthlySeries series = nineOptions();
    chart.setSeries(series);
    chart.resize(width, 600);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCustomPlot *plot = chart.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QFontMetricsF metrics(plot->xAxis->tickLabelFont());
    const double slot = std::abs(plot->xAxis->coordToPixel(1) - plot->xAxis->coordToPixel(0));
    QVERIFY(slot > 20);
    // The widest line of each name, centred under its bar: no name reaches its neighbour's.
    std::vector<double> half;
    for (int i = 0; i < chart.barCount(); ++i) {
        const QString label = chart.axisLabel(i);
        double widest = 0;
        for (const QString &line : label.split(QLatin1Char('\n')))
            widest = std::max(widest, metrics.horizontalAdvance(line));
        QVERIFY2(widest <= slot, qPrintable(QStringLiteral("%1: %2 px in a slot of %3 px").arg(label).arg(widest).arg(slot)));
        half.push_back(widest / 2);
    }
    for (int i = 0; i + 1 < chart.barCount(); ++i) {
        const double right = plot->xAxis->coordToPixel(i) + half[static_cast<std::size_t>(i)];
        const double left = plot->xAxis->coordToPixel(i + 1) - half[static_cast<std::size_t>(i) + 1];
        QVERIFY2(right + 2 <= left, qPrintable(QStringLiteral("\"%1\" runs into \"%2\"")
                                                   .arg(chart.axisLabel(i), chart.axisLabel(i + 1))
                                                   .replace(QLatin1Char('\n'), QLatin1Char(' '))));
    }
    for (int i = 0; i < chart.barCount(); ++i) {
        const auto index = static_cast<std::size_t>(i);
        const QString id = QString::fromStdString(series.ids[index]);
        const QString platform = QString::fromStdString(series.platforms[index]);
        QString label = chart.axisLabel(i);
        // Wrapped only where a name has a '-' or a space: read without the breaks, the id then the platform.
        if (whole) {
            QVERIFY2(!label.contains(QChar(0x2026)), qPrintable(label));
            QString expected = id + platform;
            label.remove(QLatin1Char('\n')).remove(QLatin1Char(' '));
            QCOMPARE(label, expected.remove(QLatin1Char(' ')));
        }
        // Under the axis, over the name: both in full.
        const QPointF name(plot->xAxis->coordToPixel(i), plot->axisRect()->rect().bottom() + 20);
        const QString tooltip = chart.tooltipAt(name);
        QVERIFY2(tooltip.contains(id) && tooltip.contains(platform), qPrintable(tooltip));
    }
    // The totals above the bars fit their slots too: whole dollars when the cents do not.
    int totals = 0;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto *text = qobject_cast<QCPItemText *>(plot->item(i)); text && text->text().startsWith(QLatin1Char('$'))) {
            ++totals;
            QVERIFY2(QFontMetricsF(text->font()).horizontalAdvance(text->text()) <= slot, qPrintable(text->text()));
            QCOMPARE(text->text().contains(QLatin1Char('.')), whole);
        }
    QCOMPARE(totals, chart.barCount());
    if (!whole) // too narrow for "Lambda Managed Instances" whole: elided, never overlapping (above)
        QVERIFY(chart.axisLabel(6).contains(QChar(0x2026)));
}

// Not a check: with COSTSCAPE_CHART_SNAPSHOTS=<folder> it writes the chart with realistic data, in
// a light and a dark palette, for a person to look at.
void TestMonthlyCostChart::snapshots()
{
    const QString folder = snapshotFolder();
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

    for (const bool dark : {false, true}) {
        Ui::MonthlyCostChart chart;
        chart.setSeries(monthly);
        QString error;
        QVERIFY2(writeSnapshot(chart, folder, QStringLiteral("monthly"), dark, &error), qPrintable(error));
        QVERIFY(chart.setSeriesVisible(QStringLiteral("vCPU"), false));
        QVERIFY2(writeSnapshot(chart, folder, QStringLiteral("monthly-vcpu-hidden"), dark, &error), qPrintable(error));
    }
    // The sample's nine options in a narrow window: names wrapped, then elided, never overlapping.
    Ui::MonthlyCostChart narrow;
    narrow.setSeries(nineOptions());
    narrow.resize(480, 500);
    narrow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&narrow));
    narrow.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(narrow.grab().save(QDir(folder).filePath(QStringLiteral("monthly-nine-narrow.png"))));
}

QTEST_MAIN(TestMonthlyCostChart)
#include "tst_monthlycostchart.moc"
