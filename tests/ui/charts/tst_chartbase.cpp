// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/hourlychart.h"
#include "ui/charts/monthlycostchart.h"
#include "ui/charts/profilechart.h"
#include "ui/charts/trafficchart.h"

#include "tests/common/chartdata.h"

#include <qcustomplot.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Costscape;
using namespace Costscape::Tests;
using Costscape::Ui::ChartBase;

namespace {

/** A chart of each kind with data, by name: "monthly", "traffic", "hourly", anything else a profile. */
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

/**
 * What every chart shares (ChartBase): money on axes and tooltips, PNG and PDF export (through
 * each chart kind) and re-theming when the palette changes.
 */
class TestChartBase : public QObject
{
    Q_OBJECT

private slots:
    void formatMoney_groupsAndPlacesTheSymbol_data();
    void formatMoney_groupsAndPlacesTheSymbol();

    void export_writesNonEmptyFile_data();
    void export_writesNonEmptyFile();
    void export_intoMissingFolder_failsWithMessage_data();
    void export_intoMissingFolder_failsWithMessage();

    void paletteChange_recoloursTheChart();
};

void TestChartBase::formatMoney_groupsAndPlacesTheSymbol_data()
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

void TestChartBase::formatMoney_groupsAndPlacesTheSymbol()
{
    QFETCH(double, value);
    QFETCH(QString, currency);
    QFETCH(int, decimals);
    QFETCH(QString, expected);
    QCOMPARE(ChartBase::formatMoney(value, currency, decimals), expected);
}

void TestChartBase::export_writesNonEmptyFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("pdf");
    for (const QString &kind : {QStringLiteral("monthly"), QStringLiteral("traffic"), QStringLiteral("hourly"),
                               QStringLiteral("profile")}) {
        QTest::addRow("%s-png", qPrintable(kind)) << kind << false;
        QTest::addRow("%s-pdf", qPrintable(kind)) << kind << true;
    }
}

void TestChartBase::export_writesNonEmptyFile()
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

void TestChartBase::export_intoMissingFolder_failsWithMessage_data()
{
    QTest::addColumn<bool>("pdf");
    QTest::newRow("png") << false;
    QTest::newRow("pdf") << true;
}

void TestChartBase::export_intoMissingFolder_failsWithMessage()
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

void TestChartBase::paletteChange_recoloursTheChart()
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

QTEST_MAIN(TestChartBase)
#include "tst_chartbase.moc"
