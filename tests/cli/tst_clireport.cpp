// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// costscape-cli evaluate --format html|pdf on a machine without a display: the same report the
// window exports, written only when the command succeeds.

#include "tests/common/clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using Costscape::Tests::CliRun;
using Costscape::Tests::runCli;

namespace {

const QString Sample = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");

/** "$1,234.56": how a total reads on screen and in a report. */
QString dollars(double value)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return QLatin1Char('$') + c.toString(value, 'f', 2);
}

} // namespace

class TestCliReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void html_toStandardOutput_isWellFormedWithEveryTotal();
    void output_writesTheFile_data();
    void output_writesTheFile();
    void pdf_withoutOutputFile_isAUsageError();
    void invalidScenario_writesNothing_data();
    void invalidScenario_writesNothing();

private:
    QTemporaryDir m_dir;
    QStringList m_totals;
};

void TestCliReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // As on a server: no display and no platform chosen; the CLI must pick offscreen itself.
    qunsetenv("QT_QPA_PLATFORM");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    const CliRun json = runCli({QStringLiteral("evaluate"), Sample, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(json.exitedWith(0), json.describe());
    for (const auto o : QJsonDocument::fromJson(json.out.toUtf8()).object().value(QLatin1String("options")).toArray())
        m_totals.push_back(dollars(o.toObject().value(QLatin1String("monthlyCost")).toDouble()));
    QCOMPARE(m_totals.size(), 9); // the sample's nine options
}

void TestCliReport::html_toStandardOutput_isWellFormedWithEveryTotal()
{
    const CliRun run = runCli({QStringLiteral("evaluate"), Sample, QStringLiteral("--format=html")});
    QVERIFY2(run.exitedWith(0), run.describe());
    QXmlStreamReader xml(run.out);
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters())
            text += xml.text();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (const QString &total : m_totals)
        QVERIFY2(text.contains(total), qPrintable(total));
}

void TestCliReport::output_writesTheFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("html") << "html" << QByteArray("<!DOCTYPE html>");
    QTest::newRow("pdf") << "pdf" << QByteArray("%PDF-");
}

void TestCliReport::output_writesTheFile()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, magic);
    const QString file = m_dir.filePath(QStringLiteral("sample.") + format);
    const CliRun run = runCli({QStringLiteral("evaluate"), Sample, QStringLiteral("--format"), format, QStringLiteral("-o"), file});
    QVERIFY2(run.exitedWith(0), run.describe());
    QVERIFY(run.out.isEmpty());
    // A script checks stderr: a successful run says nothing there, even as root without a session.
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith(magic));
    if (format != QLatin1String("pdf"))
        return;
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (Debian package poppler-utils) is missing");
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {file, QStringLiteral("-")});
    QVERIFY(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    for (const QString &total : m_totals)
        QVERIFY2(text.contains(total), qPrintable(total));
    QVERIFY(text.contains(QStringLiteral("Page 1 of")));
}

void TestCliReport::pdf_withoutOutputFile_isAUsageError()
{
    const CliRun run = runCli({QStringLiteral("evaluate"), Sample, QStringLiteral("--format"), QStringLiteral("pdf")});
    QVERIFY2(run.exitedWith(2), run.describe());
    QVERIFY(run.err.contains(QStringLiteral("-o")));
    QVERIFY(run.out.isEmpty());
}

void TestCliReport::invalidScenario_writesNothing_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("html") << "html";
    QTest::newRow("pdf") << "pdf";
}

void TestCliReport::invalidScenario_writesNothing()
{
    QFETCH(QString, format);
    const QString scenario = QStringLiteral(COSTSCAPE_TEST_DATA_DIR "/errors/duration-is-string.costscape.json");
    const QString file = m_dir.filePath(QStringLiteral("broken.") + format);
    const CliRun run = runCli({QStringLiteral("evaluate"), scenario, QStringLiteral("--format"), format, QStringLiteral("-o"), file});
    QVERIFY2(run.exitedWith(1), run.describe());
    QVERIFY(run.err.contains(QStringLiteral("duration-is-string.costscape.json:")));
    QVERIFY(!QFile::exists(file));
}

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_clireport.moc"
