// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/costchart.h"
#include "ui/mainwindow.h"

#include <qcustomplot.h>

#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Costscape;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void sample_showsEveryOptionInChartAndTable();
    void brokenFile_keepsTheLastResultAndNamesTheLine();
    void chart_savesPng();
};

static const QString Sample = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");

void TestMainWindow::sample_showsEveryOptionInChartAndTable()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY2(w.openScenario(Sample, true), qPrintable(w.lastError()));
    const auto &e = *w.evaluation();
    QCOMPARE(w.table()->rowCount(), static_cast<int>(e.options.size()));
    // Every option is a bar: feasible, cheapest and infeasible series together hold one each.
    QCustomPlot *plot = w.costChart()->plot();
    int bars = 0;
    for (int i = 0; i < plot->plottableCount(); ++i)
        bars += plot->plottable(i)->interface1D()->dataCount();
    QCOMPARE(bars, static_cast<int>(e.options.size()));
    // The cheapest series holds exactly the cheapest option, at its monthly cost.
    auto *cheapest = qobject_cast<QCPBars *>(plot->plottable(1));
    QVERIFY(cheapest);
    QCOMPARE(cheapest->dataCount(), 1);
    const int idx = e.cheapestIndex();
    QCOMPARE(cheapest->interface1D()->dataMainValue(0), e.options[static_cast<std::size_t>(idx)].monthlyCost);
    QVERIFY(w.table()->item(idx, 4)->text().startsWith(QStringLiteral("Cheapest")));
    QVERIFY(plot->yAxis->range().upper > e.options[static_cast<std::size_t>(idx)].monthlyCost);
}

void TestMainWindow::brokenFile_keepsTheLastResultAndNamesTheLine()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    const double before = w.evaluation()->options[0].monthlyCost;
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.costscape.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"costscape-scenario\", \"version\": 1,\n \"workload\": {\"durationMs\": -5}}");
    f.close();
    QVERIFY(!w.openScenario(bad, true));
    QVERIFY2(w.lastError().contains(QStringLiteral("bad.costscape.json:2:")), qPrintable(w.lastError()));
    QCOMPARE(w.evaluation()->options[0].monthlyCost, before);
}

void TestMainWindow::chart_savesPng()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QVERIFY(w.costChart()->savePng(png, 800, 500));
    QImage image(png);
    QCOMPARE(image.size(), QSize(800, 500));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
