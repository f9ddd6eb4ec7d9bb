// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/chartfit.h"
#include "tests/common/windowtesting.h"

#include "ui/charts/hourlychart.h"
#include "ui/charts/monthlycostchart.h"
#include "ui/charts/packingchart.h"
#include "ui/charts/profilechart.h"
#include "ui/charts/timelinechart.h"
#include "ui/charts/trafficchart.h"
#include "ui/editors/numberfield.h"
#include "ui/mainwindow.h"
#include "ui/panels/resultspanel.h"
#include "ui/panels/workloadpanel.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Costscape;

/**
 * Every chart fits its data after every result, its labels included: each chart kind is driven
 * through the real window on the sample scenario while the figures rise and fall, and after each
 * result nothing it draws may lie outside its axis rect or the plot (issue 18: the monthly chart
 * kept a $137 top when typing 240 ms raised Lambda to $310, cutting off bars and totals).
 */
class TestChartFit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void monthlyChart_fitsBarsAndTotals_data();
    void monthlyChart_fitsBarsAndTotals();
    void trafficChart_fitsLinesAndBreakEvens_data();
    void trafficChart_fitsLinesAndBreakEvens();
    void hourlyChart_fitsFleetAndCost_data();
    void hourlyChart_fitsFleetAndCost();
    void packingChart_fitsInstancesAndLabels_data();
    void packingChart_fitsInstancesAndLabels();
    void spikeChart_fitsDemandMarkersAndBacklog_data();
    void spikeChart_fitsDemandMarkersAndBacklog();
    void profileChart_fitsItsPoints_data();
    void profileChart_fitsItsPoints();

private:
    using Exempt = std::function<bool(const QCPAbstractPlottable *)>;
    void addEditRows(const QString &edit, const std::vector<std::pair<const char *, QList<double>>> &rows);
    void raiseAndLower(Ui::ResultsPanel::Tab tab, const std::function<Ui::ChartBase *(Ui::MainWindow &)> &chartOf,
                       const Exempt &exempt = {}, bool pannable = false);

    QTemporaryDir m_settingsDir;
};

namespace {

/** Types @p value into @p field as a user does (select all, type, Tab away). */
void typeInto(Ui::NumberField *field, double value)
{
    QLineEdit *edit = field->lineEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, QString::number(value));
    QTest::keyClick(edit, Qt::Key_Tab);
}

/** Applies the workload's preset with @p value as its busiest hour's requests/s, through its controls. */
void applyPeak(Ui::MainWindow &w, double value)
{
    typeInto(w.workloadPanel()->presetValueField(), value);
    QTest::mouseClick(w.workloadPanel()->applyPresetButton(), Qt::LeftButton);
}

void apply(Ui::MainWindow &w, const QString &edit, double value)
{
    if (edit == QLatin1String("duration"))
        typeInto(w.workloadPanel()->durationField(), value);
    else if (edit == QLatin1String("spike"))
        typeInto(w.workloadPanel()->spikeToField(), value);
    else
        applyPeak(w, value);
}

} // namespace

void TestChartFit::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestChartFit::init()
{
    QSettings().clear();
}

void TestChartFit::addEditRows(const QString &edit, const std::vector<std::pair<const char *, QList<double>>> &rows)
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QList<double>>("values");
    for (const auto &[name, values] : rows)
        QTest::newRow(name) << edit << values;
}

void TestChartFit::raiseAndLower(Ui::ResultsPanel::Tab tab, const std::function<Ui::ChartBase *(Ui::MainWindow &)> &chartOf,
                                 const Exempt &exempt, bool pannable)
{
    QFETCH(QString, edit);
    QFETCH(QList<double>, values);
    Ui::MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY2(w.openScenario(Testing::SampleScenario, true), qPrintable(w.lastError()));
    w.results()->setCurrentTab(tab);
    QVERIFY(Testing::settle(w));
    Ui::ChartBase *chart = chartOf(w);
    QVERIFY(chart);
    QVERIFY(chart->isVisible());
    chart->plot()->replot();
    QVERIFY2(!chart->isEmptyMessageShown(), "the sample scenario draws this chart");
    QStringList outside = Testing::outsideOfView(*chart, exempt, pannable);
    QVERIFY2(outside.isEmpty(), qPrintable(QStringLiteral("as opened:\n") + outside.join(QLatin1Char('\n'))));

    for (const double value : values) {
        const double before = Testing::drawnSum(*chart);
        apply(w, edit, value);
        QVERIFY(Testing::settle(w));
        QCoreApplication::processEvents(); // the chart's queued replot
        chart->plot()->replot();
        const QString step = QStringLiteral("%1 %2").arg(edit).arg(value);
        QVERIFY2(Testing::drawnSum(*chart) != before, qPrintable(step + QStringLiteral(": the chart did not change")));
        outside = Testing::outsideOfView(*chart, exempt, pannable);
        QVERIFY2(outside.isEmpty(), qPrintable(step + QStringLiteral(":\n") + outside.join(QLatin1Char('\n'))));
    }
}

void TestChartFit::monthlyChart_fitsBarsAndTotals_data()
{
    addEditRows(QStringLiteral("duration"), {{"duration-120-to-240-ms", {240}},
                                             {"duration-120-to-240-then-60-ms", {240, 60}},
                                             {"duration-120-to-60-then-3000-ms", {60, 3000}}});
}

void TestChartFit::monthlyChart_fitsBarsAndTotals()
{
    raiseAndLower(Ui::ResultsPanel::MonthlyTab, [](Ui::MainWindow &w) { return w.results()->monthlyChart(); });
}

void TestChartFit::trafficChart_fitsLinesAndBreakEvens_data()
{
    addEditRows(QStringLiteral("duration"), {{"duration-120-to-240-ms", {240}},
                                             {"duration-120-to-2000-then-20-ms", {2000, 20}}});
}

void TestChartFit::trafficChart_fitsLinesAndBreakEvens()
{
    raiseAndLower(Ui::ResultsPanel::TrafficTab, [](Ui::MainWindow &w) { return w.results()->trafficChart(); });
}

void TestChartFit::hourlyChart_fitsFleetAndCost_data()
{
    addEditRows(QStringLiteral("peak"), {{"peak-150-to-1500-requests-per-second", {1500}},
                                         {"peak-150-to-1500-then-15-requests-per-second", {1500, 15}}});
}

void TestChartFit::hourlyChart_fitsFleetAndCost()
{
    // The sample's month-long plan opens on its first week; the rest is a pan away.
    raiseAndLower(Ui::ResultsPanel::HourlyTab, [](Ui::MainWindow &w) { return w.results()->hourlyChart(); }, {}, true);
}

void TestChartFit::packingChart_fitsInstancesAndLabels_data()
{
    addEditRows(QStringLiteral("peak"), {{"peak-150-to-1500-requests-per-second", {1500}},
                                         {"peak-150-to-1500-then-15-requests-per-second", {1500, 15}}});
}

void TestChartFit::packingChart_fitsInstancesAndLabels()
{
    raiseAndLower(Ui::ResultsPanel::PackingTab, [](Ui::MainWindow &w) { return w.results()->packingChart(); });
}

void TestChartFit::spikeChart_fitsDemandMarkersAndBacklog_data()
{
    addEditRows(QStringLiteral("spike"), {{"spike-600-to-1200-requests-per-second", {1200}},
                                          {"spike-600-to-1200-then-150-requests-per-second", {1200, 150}}});
}

void TestChartFit::spikeChart_fitsDemandMarkersAndBacklog()
{
    // The requests/s axis is sized to the demand by design (TimelineChart): a capacity that scales
    // far past it runs off the top; everything else must fit.
    raiseAndLower(Ui::ResultsPanel::SpikeTab, [](Ui::MainWindow &w) { return w.results()->timelineChart(); },
                  [](const QCPAbstractPlottable *plottable) {
                      const auto *graph = qobject_cast<const QCPGraph *>(plottable);
                      return graph && graph->valueAxis()->axisRect() == graph->parentPlot()->axisRect(0)
                          && graph->name() != Ui::TimelineChart::tr("demand");
                  });
}

void TestChartFit::profileChart_fitsItsPoints_data()
{
    addEditRows(QStringLiteral("peak"), {{"peak-150-to-1500-requests-per-second", {1500}},
                                         {"peak-150-to-1500-then-15-requests-per-second", {1500, 15}}});
}

void TestChartFit::profileChart_fitsItsPoints()
{
    raiseAndLower(Ui::ResultsPanel::MonthlyTab, [](Ui::MainWindow &w) { return w.workloadPanel()->profileChart(); }, {}, true);
}

QTEST_MAIN(TestChartFit)
#include "tst_chartfit.moc"
