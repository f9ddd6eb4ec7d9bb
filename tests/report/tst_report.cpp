// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The report writers: what the PDF, HTML, CSV and JSON say, and that they say the same.

#include "models/evaluator.h"
#include "pricing/pricesheet.h"
#include "ui/itemmodels/lineitemmodel.h"
#include "ui/mainwindow.h"
#include "report/report.h"
#include "ui/charts/trafficchart.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <cmath>
#include <optional>

using namespace Costscape;

namespace {

const QString Sample = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");

/**
 * Three options with totals worked by hand from AWS's own pricing pages:
 * - Fargate pricing page, example 1: 5 tasks of 1 vCPU and 2 GB for 5 hours with 30 GB of
 *   ephemeral storage (us-east-1, Linux x86): 5 x 5 x 0.04048 = 1.012 (vCPU)
 *   + 5 x 5 x 2 x 0.004445 = 0.22225 (memory) + 5 x 5 x 10 x 0.000111 = 0.02775 (storage) = $1.26.
 * - Lambda pricing page, example 1 (mobile backend, x86): 3M requests of 120 ms at 1536 MB:
 *   3M x 0.12 s x 1.5 GB = 540,000 GB-s x $0.0000166667 = $9.00, plus 3 x $0.20 = $0.60: $9.60.
 * - A Lambda function that runs 20 minutes: Lambda stops a function after 900 s, so it is
 *   infeasible whatever it costs.
 */
QByteArray handWorkedScenario(const QString &name)
{
    QJsonObject root{
        {QStringLiteral("format"), QStringLiteral("costscape-scenario")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("name"), name},
        {QStringLiteral("region"), QStringLiteral("us-east-1")},
        {QStringLiteral("hoursPerMonth"), 730},
        {QStringLiteral("prices"), QStringLiteral("embedded")},
        {QStringLiteral("workload"),
         QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("perMonth"), 3000000}}},
                     {QStringLiteral("durationMs"), 120},
                     {QStringLiteral("memoryMb"), 128}}},
        {QStringLiteral("options"),
         QJsonArray{
             QJsonObject{{QStringLiteral("id"), QStringLiteral("tasks")},
                         {QStringLiteral("platform"), QStringLiteral("fargate")},
                         {QStringLiteral("os"), QStringLiteral("linux")},
                         {QStringLiteral("architecture"), QStringLiteral("x86_64")},
                         {QStringLiteral("taskVcpu"), 1},
                         {QStringLiteral("taskMemoryGb"), 2},
                         {QStringLiteral("tasks"), 5},
                         {QStringLiteral("hoursPerMonth"), 5},
                         {QStringLiteral("ephemeralStorageGb"), 30}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("mobile-backend")},
                         {QStringLiteral("platform"), QStringLiteral("lambda")},
                         {QStringLiteral("architecture"), QStringLiteral("x86_64")},
                         {QStringLiteral("memoryMb"), 1536},
                         {QStringLiteral("billingGranularityMs"), 1},
                         {QStringLiteral("freeTier"), false}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("too-long")},
                         {QStringLiteral("platform"), QStringLiteral("lambda")},
                         {QStringLiteral("architecture"), QStringLiteral("x86_64")},
                         {QStringLiteral("memoryMb"), 512},
                         {QStringLiteral("durationMs"), 1200000},
                         {QStringLiteral("requests"), QJsonObject{{QStringLiteral("perMonth"), 1000}}}},
         }},
    };
    return QJsonDocument(root).toJson();
}

const QString HostileName = QStringLiteral("<script>alert(1)</script> & \"Co\" <b>bold</b>");

std::optional<Ui::Report> reportOf(const QString &scenarioFile)
{
    const auto priced = Models::loadAndEvaluate(scenarioFile.toStdString());
    if (!priced) {
        qWarning("%s", priced.error().toString().c_str());
        return std::nullopt;
    }
    auto report = Ui::Report::compute(priced.value().scenario, *priced.value().sheet);
    if (!report)
        return std::nullopt;
    return std::move(report).value();
}

QString pdfToText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

/** RFC 4180: fields separated by commas, quoted fields with doubled quotes, CRLF records. */
std::vector<QStringList> parseCsv(const QString &text)
{
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.push_back(field);
            field.clear();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            row.push_back(field);
            field.clear();
            rows.push_back(row);
            row.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

bool near(double a, double b)
{
    // The CSV keeps ten significant digits.
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void formatForFile_byExtension_data();
    void formatForFile_byExtension();
    void pdf_holdsHandWorkedTotalsAndTheSource();
    void pdf_sample_holdsEveryTotalAndNumbersItsPages();
    void html_parsesEscapesAndHoldsTheTotals();
    void csv_roundTripsToTheResultJson();
    void infeasibleOption_saysWhy();
    void write_unwritablePath_namesTheFileAndLeavesNothing();
    void mainWindow_exportReport_writesByExtension();

private:
    QTemporaryDir m_dir;
    QString m_scenario;
};

void TestReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    m_scenario = m_dir.filePath(QStringLiteral("hand.costscape.json"));
    QFile f(m_scenario);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(handWorkedScenario(HostileName));
}

void TestReport::formatForFile_byExtension_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format"); // -1: none
    QTest::newRow("pdf") << "out.pdf" << static_cast<int>(Ui::ReportFormat::Pdf);
    QTest::newRow("html-uppercase") << "OUT.HTML" << static_cast<int>(Ui::ReportFormat::Html);
    QTest::newRow("htm") << "out.htm" << static_cast<int>(Ui::ReportFormat::Html);
    QTest::newRow("csv") << "dir.pdf/out.csv" << static_cast<int>(Ui::ReportFormat::Csv);
    QTest::newRow("json") << "out.json" << static_cast<int>(Ui::ReportFormat::Json);
    QTest::newRow("text-is-none") << "out.txt" << -1;
    QTest::newRow("no-extension") << "report" << -1;
}

void TestReport::formatForFile_byExtension()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    const auto f = Ui::Report::formatForFile(file);
    QCOMPARE(f ? static_cast<int>(*f) : -1, format);
}

void TestReport::pdf_holdsHandWorkedTotalsAndTheSource()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (Debian package poppler-utils, installed by script/bootstrap) is missing");
    const auto report = reportOf(m_scenario);
    QVERIFY(report);
    const QString pdf = m_dir.filePath(QStringLiteral("hand.pdf"));
    const QString error = report->write(Ui::ReportFormat::Pdf, pdf);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString text = pdfToText(pdf);
    QVERIFY(!text.isEmpty());
    QVERIFY2(text.contains(QStringLiteral("$1.26")), "Fargate page example 1");
    QVERIFY2(text.contains(QStringLiteral("$9.60")), "Lambda page example 1");
    // The price sheet's provenance travels into the report (FORMATS.md section 2).
    const auto &p = Pricing::embeddedPriceSheet().provenance;
    QVERIFY(text.contains(QString::fromStdString(p.name)));
    QVERIFY(text.contains(QString::fromStdString(p.retrieved)));
    // The source is a long sentence: pdftotext breaks it over lines, so compare its words.
    QString flat = text.simplified();
    QVERIFY2(flat.contains(QString::fromStdString(p.source).simplified().left(60)), qPrintable(flat.left(3000)));
    QVERIFY(text.contains(QStringLiteral("us-east-1")));
    // The hostile name is text in a PDF too.
    QVERIFY(flat.contains(QStringLiteral("<script>alert(1)</script>")));
}

void TestReport::pdf_sample_holdsEveryTotalAndNumbersItsPages()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (Debian package poppler-utils, installed by script/bootstrap) is missing");
    const auto report = reportOf(Sample);
    QVERIFY(report);
    QElapsedTimer timer;
    timer.start();
    const QByteArray bytes = report->pdf();
    qInfo("sample PDF: %lld bytes in %lld ms", static_cast<long long>(bytes.size()), static_cast<long long>(timer.elapsed()));
    QVERIFY(bytes.startsWith("%PDF-"));
    const QString pdf = m_dir.filePath(QStringLiteral("sample.pdf"));
    QVERIFY(report->write(Ui::ReportFormat::Pdf, pdf).isEmpty());
    const QString text = pdfToText(pdf);
    // What the line item table on screen shows for each total.
    Ui::LineItemModel model;
    model.setEvaluation(report->evaluation());
    for (const auto &o : report->evaluation().options) {
        const int row = model.optionTotalRow(QString::fromStdString(o.id));
        const QString total = model.index(row, Ui::LineItemModel::CostColumn).data().toString();
        QVERIFY2(text.contains(total), qPrintable(QString::fromStdString(o.id) + QStringLiteral(" ") + total));
    }
    // Pages are numbered "Page N of M", M the same on every page.
    static const QRegularExpression pageRe(QStringLiteral("Page (\\d+) of (\\d+)"));
    auto it = pageRe.globalMatch(text);
    int pages = 0, last = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        ++pages;
        QCOMPARE(m.captured(1).toInt(), pages);
        last = m.captured(2).toInt();
    }
    QVERIFY(pages >= 3);
    QCOMPARE(last, pages);
    // Every section a reader looks for.
    for (const char *heading : {"Workload", "Monthly cost per option", "Cost against traffic", "Hour by hour",
                                "ECS packing: ecs-cluster", "Line items", "Assumptions and sources"})
        QVERIFY2(text.contains(QLatin1String(heading)), heading);
    // The break-even points in words, as the chart's caption says them.
    const QStringList words = Ui::TrafficChart::describe(report->sweep());
    QVERIFY(!words.isEmpty());
    QVERIFY(text.simplified().contains(words.front().simplified()));
}

void TestReport::html_parsesEscapesAndHoldsTheTotals()
{
    const auto report = reportOf(m_scenario);
    QVERIFY(report);
    const QString file = m_dir.filePath(QStringLiteral("hand.html"));
    const QString error = report->write(Ui::ReportFormat::Html, file);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray html = f.readAll();

    // Well-formed XML (XHTML-compatible): any unescaped "<" or "&" would break the parse.
    QXmlStreamReader xml(html);
    QString title, text;
    int scripts = 0, images = 0, bolds = 0;
    QStringList headings;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("script"))
                ++scripts;
            if (name == QLatin1String("b"))
                ++bolds;
            if (name == QLatin1String("title"))
                title = xml.readElementText();
            if (name == QLatin1String("h2"))
                headings.push_back(xml.readElementText());
            if (name == QLatin1String("img")) {
                ++images;
                const QString src = xml.attributes().value(QLatin1String("src")).toString();
                QVERIFY(src.startsWith(QLatin1String("data:image/png;base64,")));
                const QImage image = QImage::fromData(QByteArray::fromBase64(src.mid(22).toLatin1()), "PNG");
                QVERIFY(!image.isNull());
                // Twice the size the page shows it at.
                QCOMPARE(image.width(), 2 * xml.attributes().value(QLatin1String("width")).toInt());
            }
        } else if (xml.isCharacters()) {
            text += xml.text();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString())));
    QCOMPARE(scripts, 0);
    QCOMPARE(bolds, 0);
    QCOMPARE(title, QStringLiteral("Cost report: ") + HostileName);
    QVERIFY(text.contains(HostileName));
    QVERIFY(images >= 3);
    QVERIFY(headings.contains(QStringLiteral("Line items")));
    QVERIFY(text.contains(QStringLiteral("$1.26")));
    QVERIFY(text.contains(QStringLiteral("$9.60")));
    QVERIFY(text.contains(QString::fromStdString(Pricing::embeddedPriceSheet().provenance.retrieved)));
}

void TestReport::csv_roundTripsToTheResultJson()
{
    const auto report = reportOf(Sample);
    QVERIFY(report);
    const QString csvFile = m_dir.filePath(QStringLiteral("sample.csv"));
    const QString jsonFile = m_dir.filePath(QStringLiteral("sample.json"));
    QVERIFY(report->write(Ui::ReportFormat::Csv, csvFile).isEmpty());
    QVERIFY(report->write(Ui::ReportFormat::Json, jsonFile).isEmpty());
    QFile c(csvFile), j(jsonFile);
    QVERIFY(c.open(QIODevice::ReadOnly) && j.open(QIODevice::ReadOnly));
    const auto rows = parseCsv(QString::fromUtf8(c.readAll()));
    const QJsonObject result = QJsonDocument::fromJson(j.readAll()).object();
    QCOMPARE(result.value(QLatin1String("format")).toString(), QStringLiteral("costscape-result"));

    QVERIFY(!rows.empty());
    const QStringList header = rows.front();
    const int option = header.indexOf(QLatin1String("option")), line = header.indexOf(QLatin1String("lineItem")),
              quantity = header.indexOf(QLatin1String("quantity")), unit = header.indexOf(QLatin1String("unit")),
              unitPrice = header.indexOf(QLatin1String("unitPrice")), cost = header.indexOf(QLatin1String("cost"));
    QVERIFY(option >= 0 && line >= 0 && quantity >= 0 && unit >= 0 && unitPrice >= 0 && cost >= 0);
    const int region = header.indexOf(QLatin1String("region"));
    QVERIFY(region >= 0);

    std::size_t r = 1;
    int options = 0;
    for (const auto o : result.value(QLatin1String("options")).toArray()) {
        const QJsonObject opt = o.toObject();
        ++options;
        for (const auto l : opt.value(QLatin1String("lineItems")).toArray()) {
            const QJsonObject li = l.toObject();
            QVERIFY(r < rows.size());
            const QStringList &row = rows[r++];
            QCOMPARE(row.value(option), opt.value(QLatin1String("id")).toString());
            QCOMPARE(row.value(region), result.value(QLatin1String("region")).toString());
            QCOMPARE(row.value(line), li.value(QLatin1String("name")).toString());
            QCOMPARE(row.value(unit), li.value(QLatin1String("unit")).toString());
            QVERIFY(near(row.value(quantity).toDouble(), li.value(QLatin1String("quantity")).toDouble()));
            QVERIFY(near(row.value(unitPrice).toDouble(), li.value(QLatin1String("unitPrice")).toDouble()));
            QVERIFY(near(row.value(cost).toDouble(), li.value(QLatin1String("cost")).toDouble()));
        }
        QVERIFY(r < rows.size());
        const QStringList &total = rows[r++];
        QCOMPARE(total.value(line), QStringLiteral("total"));
        QVERIFY(near(total.value(cost).toDouble(), opt.value(QLatin1String("monthlyCost")).toDouble()));
    }
    QCOMPARE(options, 9); // the sample's nine options
    QCOMPARE(r, rows.size());
}

void TestReport::infeasibleOption_saysWhy()
{
    const auto report = reportOf(m_scenario);
    QVERIFY(report);
    const QString html = QString::fromUtf8(report->html());
    // Lambda stops a function after 900 s (AWS Lambda quotas); the option runs 1200 s.
    static const QRegularExpression warning(QStringLiteral("<p class=\"warning\">[^<]*too-long[^<]*900 s[^<]*</p>"));
    QVERIFY2(warning.match(html).hasMatch(), "the infeasible option's reason is a warning paragraph");
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (Debian package poppler-utils) is missing");
    const QString pdf = m_dir.filePath(QStringLiteral("infeasible.pdf"));
    QVERIFY(report->write(Ui::ReportFormat::Pdf, pdf).isEmpty());
    const QString text = pdfToText(pdf).simplified();
    QVERIFY(text.contains(QStringLiteral("too-long cannot serve the workload")));
    QVERIFY(text.contains(QStringLiteral("900 s")));
}

void TestReport::write_unwritablePath_namesTheFileAndLeavesNothing()
{
    const auto report = reportOf(m_scenario);
    QVERIFY(report);
    const QString file = m_dir.filePath(QStringLiteral("no-such-folder/report.csv"));
    const QString error = report->write(Ui::ReportFormat::Csv, file);
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("report.csv")), qPrintable(error));
    QVERIFY(!QFile::exists(file));

    // An existing file stays as it was when the new one cannot be drawn or written.
    const QString kept = m_dir.filePath(QStringLiteral("kept.json"));
    QFile k(kept);
    QVERIFY(k.open(QIODevice::WriteOnly));
    k.write("old");
    k.close();
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    const QString denied = report->write(Ui::ReportFormat::Json, kept);
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile again(kept);
    QVERIFY(again.open(QIODevice::ReadOnly));
    if (!denied.isEmpty()) // root may write anyway
        QCOMPARE(again.readAll(), QByteArray("old"));
}

void TestReport::mainWindow_exportReport_writesByExtension()
{
    Ui::MainWindow window;
    QVERIFY(window.openScenario(m_scenario, true));
    const QString html = m_dir.filePath(QStringLiteral("window.html"));
    QVERIFY2(window.exportReport(html, true), qPrintable(window.lastError()));
    QFile f(html);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.contains("$9.60"));
    QVERIFY(bytes.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    const QString json = m_dir.filePath(QStringLiteral("window.json"));
    QVERIFY(window.exportReport(json, true));
    QVERIFY(QJsonDocument::fromJson([&] {
                QFile j(json);
                return j.open(QIODevice::ReadOnly) ? j.readAll() : QByteArray();
            }()).isObject());

    const QString text = m_dir.filePath(QStringLiteral("window.txt"));
    QVERIFY(!window.exportReport(text, true));
    QVERIFY(window.lastError().contains(QStringLiteral(".pdf, .html, .csv or .json")));
    QVERIFY(!QFile::exists(text));
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
