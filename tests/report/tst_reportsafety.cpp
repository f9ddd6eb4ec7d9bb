// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What the reports do with hostile or impossible input (issue 13): right-to-left text and
// bidirectional controls in ids and names are isolated (<bdi> in the HTML, U+2068..U+2069 in the
// PDF), so U+202E cannot reorder the sentence around an id; an option that could not be priced
// says so instead of showing $0.00; a report onto a folder is refused, onto a pipe written through.

#include "models/evaluator.h"
#include "report/report.h"
#include "ui/charts/chartbase.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Costscape;

namespace {

constexpr char16_t Rlo = 0x202E; // RIGHT-TO-LEFT OVERRIDE
constexpr char16_t Pdi = 0x2069; // POP DIRECTIONAL ISOLATE

/**
 * Two fixed fleets of m5.large on the embedded sheet (us-east-1, Linux, $0.096 an hour):
 * `cheapId` with 1 instance, 730 h x $0.096 = $70.08, the cheapest; "two" with 2, $140.16.
 */
QByteArray twoFleets(const QString &name, const QString &cheapId)
{
    auto fleet = [](const QString &id, int instances) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("platform"), QStringLiteral("ec2")},
                           {QStringLiteral("instanceType"), QStringLiteral("m5.large")},
                           {QStringLiteral("instances"), instances}};
    };
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("costscape-scenario")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("region"), QStringLiteral("us-east-1")},
                           {QStringLiteral("hoursPerMonth"), 730},
                           {QStringLiteral("prices"), QStringLiteral("embedded")},
                           {QStringLiteral("workload"),
                            QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("perSecond"), 10}}},
                                        {QStringLiteral("durationMs"), 100},
                                        {QStringLiteral("memoryMb"), 128}}},
                           {QStringLiteral("options"), QJsonArray{fleet(cheapId, 1), fleet(QStringLiteral("two"), 2)}}};
    return QJsonDocument(root).toJson();
}

std::optional<Ui::Report> reportOf(const QString &path)
{
    auto priced = Models::loadAndEvaluate(QFile::encodeName(path).toStdString());
    if (!priced)
        return std::nullopt;
    return Ui::Report(priced.value().scenario, priced.value().evaluation, Models::TrafficSweep{});
}

QString pdfToText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReportSafety : public QObject
{
    Q_OBJECT

private slots:
    void isolated_wrapsOnlyBidirectionalText_data();
    void isolated_wrapsOnlyBidirectionalText();
    void html_isolatesIdsAndNames_data();
    void html_isolatesIdsAndNames();
    void pdf_overrideInAnIdLeavesTheSentenceReadable();
    void html_unpricedOption_saysNotPricedNotZero();
    void write_ontoAFolder_isRefused_ontoAPipe_isWrittenThrough();
};

void TestReportSafety::isolated_wrapsOnlyBidirectionalText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const QString fsi{QChar(0x2068)};
    const QString pdi{QChar(Pdi)};
    QTest::newRow("latin-unchanged") << QStringLiteral("web-api") << QStringLiteral("web-api");
    QTest::newRow("empty-unchanged") << QString() << QString();
    QTest::newRow("hebrew-isolated") << QStringLiteral("\u05E9\u05DC\u05D5\u05DD") << fsi + QStringLiteral("\u05E9\u05DC\u05D5\u05DD") + pdi;
    QTest::newRow("arabic-isolated") << QStringLiteral("\u0645\u0631\u062D\u0628\u0627") << fsi + QStringLiteral("\u0645\u0631\u062D\u0628\u0627") + pdi;
    QTest::newRow("override-isolated") << QString(QChar(Rlo)) + QStringLiteral("abc") << fsi + QChar(Rlo) + QStringLiteral("abc") + pdi;
    // A PDI of its own would close the isolate early: dropped, as are its other isolate controls.
    QTest::newRow("stray-pdi-dropped") << QStringLiteral("x") + pdi + QStringLiteral("y") + QChar(Rlo)
                                       << fsi + QStringLiteral("xy") + QChar(Rlo) + pdi;
    QTest::newRow("lri-dropped") << QStringLiteral("\u2066a") << fsi + QStringLiteral("a") + pdi;
}

void TestReportSafety::isolated_wrapsOnlyBidirectionalText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(Ui::ChartBase::isolated(text), expected);
}

void TestReportSafety::html_isolatesIdsAndNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("shownId"); // the id as the HTML shows it, inside its <bdi>
    QTest::addColumn<bool>("isolates");

    QTest::newRow("override-in-id") << QStringLiteral("Plain") << QString(QChar(Rlo)) + QStringLiteral("abc")
                                    << QString(QChar(Rlo)) + QStringLiteral("abc") << true;
    QTest::newRow("hebrew-id") << QStringLiteral("Plain") << QStringLiteral("\u05E9\u05DC\u05D5\u05DD")
                               << QStringLiteral("\u05E9\u05DC\u05D5\u05DD") << true;
    QTest::newRow("stray-pdi-in-id") << QStringLiteral("Plain") << QStringLiteral("x") + QChar(Pdi) + QStringLiteral("y") + QChar(Rlo)
                                     << QStringLiteral("xy") + QChar(Rlo) << true;
    QTest::newRow("override-in-name") << QStringLiteral("Evil ") + QChar(Rlo) + QStringLiteral("eman") << QStringLiteral("one")
                                      << QStringLiteral("one") << true;
    QTest::newRow("latin-only-no-bdi") << QStringLiteral("Plain") << QStringLiteral("one") << QStringLiteral("one") << false;
}

void TestReportSafety::html_isolatesIdsAndNames()
{
    QFETCH(QString, name);
    QFETCH(QString, id);
    QFETCH(QString, shownId);
    QFETCH(bool, isolates);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("t.costscape.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(twoFleets(name, id)) > 0);
    f.close();
    const auto report = reportOf(path);
    QVERIFY(report);
    const QString html = QString::fromUtf8(report->html());
    QVERIFY(!html.isEmpty());
    const QString body = html.mid(html.indexOf(QStringLiteral("<body>")));

    QCOMPARE(body.count(QStringLiteral("<bdi>")), body.count(QStringLiteral("</bdi>")));
    QCOMPARE(body.contains(QStringLiteral("<bdi>")), isolates);
    QVERIFY2(!body.contains(QChar(0x2068)) && !body.contains(QChar(Pdi)), "isolate characters left in the HTML body");
    if (!isolates)
        return;
    // The id in the summary sentence: isolated, and the words after it are the sentence's own.
    const QString shown = shownId == QLatin1String("one") ? shownId : QStringLiteral("<bdi>") + shownId + QStringLiteral("</bdi>");
    QVERIFY2(body.contains(QStringLiteral("The cheapest option that can serve the workload is ") + shown
                           + QStringLiteral(" (Amazon EC2) at $70.08 a month.")),
             qPrintable(body.left(4000)));
    // Every place the text stands in the body, it stands inside an isolate.
    const QString raw = shownId == QLatin1String("one") ? name : shownId;
    for (qsizetype at = body.indexOf(raw); at >= 0; at = body.indexOf(raw, at + 1))
        QVERIFY2(body.mid(at - 5, 5) == QLatin1String("<bdi>"), qPrintable(body.mid(at - 40, 80)));
}

void TestReportSafety::pdf_overrideInAnIdLeavesTheSentenceReadable()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (Debian package poppler-utils) is missing");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("t.costscape.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(twoFleets(QStringLiteral("Plain"), QString(QChar(Rlo)) + QStringLiteral("abc"))) > 0);
    f.close();
    const auto report = reportOf(path);
    QVERIFY(report);
    const QString pdf = dir.filePath(QStringLiteral("t.pdf"));
    QCOMPARE(report->write(Ui::ReportFormat::Pdf, pdf), QString());
    const QString text = pdfToText(pdf).simplified();
    // Without the isolate, the override ran to the end of the line: ".htnom a 80.07$ ta )2CE nozamA(".
    QVERIFY2(text.contains(QStringLiteral("(Amazon EC2) at $70.08 a month.")), qPrintable(text.left(3000)));
}

void TestReportSafety::html_unpricedOption_saysNotPricedNotZero()
{
    const auto report = reportOf(QStringLiteral(COSTSCAPE_TEST_DATA_DIR "/limits/ec2-instances-past-the-limit.costscape.json"));
    QVERIFY(report);
    const QString html = QString::fromUtf8(report->html());
    // Summary row: id, platform, what, cost, status.
    QVERIFY2(html.contains(QStringLiteral("<tr><td>vms</td><td>Amazon EC2</td><td>not priced: fleet too large</td>"
                                          "<td class=\"num\">not priced</td><td>cannot serve the workload</td></tr>")),
             qPrintable(html.left(6000)));
    QVERIFY(html.contains(QStringLiteral("Not priced: no bill can be drawn up for this option (the reason is above).")));
    // The fixed m5.large beside it is the cheapest: 730 h x $0.096 = $70.08.
    QVERIFY(html.contains(QStringLiteral("The cheapest option that can serve the workload is one (Amazon EC2) at $70.08 a month.")));
    QVERIFY(!html.contains(QStringLiteral("$0.00")));
}

void TestReportSafety::write_ontoAFolder_isRefused_ontoAPipe_isWrittenThrough()
{
    const auto report = reportOf(QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json"));
    QVERIFY(report);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(report->write(Ui::ReportFormat::Json, dir.path()),
             QStringLiteral("Cannot write %1: it is a directory").arg(QDir::toNativeSeparators(dir.path())));

    const QString fifo = dir.filePath(QStringLiteral("pipe.csv"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    QCOMPARE(report->write(Ui::ReportFormat::Csv, fifo), QString());
    QByteArray got(65536, '\0');
    const auto n = ::read(reader, got.data(), static_cast<std::size_t>(got.size()));
    ::close(reader);
    QCOMPARE(got.left(static_cast<qsizetype>(n)), report->csv());
    struct stat st {};
    QVERIFY(::lstat(QFile::encodeName(fifo).constData(), &st) == 0);
    QVERIFY2(S_ISFIFO(st.st_mode), "the pipe was replaced by a regular file");
}

QTEST_MAIN(TestReportSafety)
#include "tst_reportsafety.moc"
