// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/scenarioreader.h"
#include "ui/document/awsimporter.h"
#include "ui/document/evaluationrunner.h"
#include "ui/mainwindow.h"
#include "ui/panels/resultspanel.h"
#include "ui/document/scenariodocument.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Costscape;

/** File > Import AWS price list: the background import, its progress and cancel, and its use. */
class TestAwsImporter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void import_getProductsAndEcs_buildsOneSheet();
    void cancel_leavesNoSheet();
    void progress_countsBytesUpToTheFileSize();
    void brokenFile_reportsLineAndKeepsNothing();
    void saveImported_pricesTheScenarioWithIt();

private:
    QTemporaryDir m_settings;
};

static QString data(const char *name)
{
    return QStringLiteral(COSTSCAPE_TEST_DATA_DIR "/pricelist/") + QString::fromLatin1(name);
}

static std::shared_ptr<const Ui::AwsImportOutcome> runImport(Ui::AwsImporter &importer, const QStringList &files,
                                                             const QStringList &regions = {}, bool cancelAtOnce = false)
{
    QSignalSpy finished(&importer, &Ui::AwsImporter::finished);
    if (!importer.start(files, regions))
        return nullptr;
    if (cancelAtOnce)
        importer.cancel();
    if (!finished.wait(60000))
        return nullptr;
    return finished.first().at(0).value<std::shared_ptr<const Ui::AwsImportOutcome>>();
}

// An offer file large enough (over 12 MB) that the import reports progress before its end.
static QString writeBigOffer(const QTemporaryDir &dir)
{
    const QString big = dir.filePath(QStringLiteral("big.json"));
    QFile f(big);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("{\n  \"formatVersion\" : \"v1.0\",\n  \"offerCode\" : \"AmazonEC2\",\n  \"version\" : \"1\",\n"
            "  \"publicationDate\" : \"2025-01-01T00:00:00Z\",\n  \"products\" : {\n");
    for (int i = 0; i < 60000; ++i) {
        f.write(QStringLiteral("    \"SKU%1\" : { \"sku\" : \"SKU%1\", \"productFamily\" : \"Storage\", \"attributes\" : "
                               "{ \"servicecode\" : \"AmazonEC2\", \"location\" : \"US East (N. Virginia)\", "
                               "\"regionCode\" : \"us-east-1\", \"volumeType\" : \"General Purpose\", "
                               "\"description\" : \"padding padding padding padding padding padding\" } }%2\n")
                    .arg(i)
                    .arg(i + 1 < 60000 ? QStringLiteral(",") : QString())
                    .toUtf8());
    }
    f.write("  },\n  \"terms\" : { \"OnDemand\" : { } }\n}\n");
    f.close();
    return f.size() > 12'000'000 ? big : QString();
}

void TestAwsImporter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

void TestAwsImporter::import_getProductsAndEcs_buildsOneSheet()
{
    Ui::AwsImporter importer;
    const auto outcome = runImport(importer, {data("ec2-instance-selector_GetProducts_m5_large.json"),
                                              data("opencost_ecs-pricing-us-east-1.json")});
    QVERIFY(outcome);
    QVERIFY2(outcome->sheet, qPrintable(outcome->error));
    QCOMPARE(outcome->summaries.size(), std::size_t(2));
    // The published figures: m5.large Linux $0.096/h; Fargate Linux x86 $0.04048/vCPU-h, $0.004445/GB-h.
    QCOMPARE(outcome->sheet->ec2OnDemandHourly("us-east-1", "m5.large", "linux"), std::optional<double>(0.096));
    const auto *fargate = outcome->sheet->fargate("us-east-1", "linux", "x86_64");
    QVERIFY(fargate);
    QCOMPARE(fargate->vcpuHour, 0.04048);
    QCOMPARE(fargate->gbHour, 0.004445);
    const QString summary = Ui::AwsImporter::describe(*outcome);
    QVERIFY2(summary.contains(QStringLiteral("us-east-1")) && summary.contains(QStringLiteral("Fargate")), qPrintable(summary));
}

void TestAwsImporter::cancel_leavesNoSheet()
{
    QTemporaryDir dir;
    const QString big = writeBigOffer(dir);
    QVERIFY(!big.isEmpty());
    Ui::AwsImporter importer;
    const auto outcome = runImport(importer, {big}, {}, true);
    QVERIFY(outcome);
    QVERIFY(outcome->cancelled);
    QVERIFY(!outcome->sheet);
}

void TestAwsImporter::progress_countsBytesUpToTheFileSize()
{
    QTemporaryDir dir;
    const QString big = writeBigOffer(dir);
    QVERIFY(!big.isEmpty());
    Ui::AwsImporter importer;
    QSignalSpy progress(&importer, &Ui::AwsImporter::progress);
    const auto outcome = runImport(importer, {big});
    QVERIFY(outcome);
    QCoreApplication::processEvents(); // progress is queued from the worker
    QVERIFY(progress.count() >= 2);
    qint64 last = 0;
    for (const auto &args : progress) {
        const qint64 done = args.at(0).toLongLong();
        QVERIFY(done >= last);
        QCOMPARE(args.at(1).toLongLong(), QFileInfo(big).size());
        last = done;
    }
    QVERIFY(last <= QFileInfo(big).size());
    QVERIFY(last > QFileInfo(big).size() / 2);
}

void TestAwsImporter::brokenFile_reportsLineAndKeepsNothing()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"formatVersion\" : \"v1.0\",\n  \"offerCode\" : \"AmazonEC2\",\n  \"products\" : {\n    \"A\" : [\n");
    f.close();
    Ui::AwsImporter importer;
    const auto outcome = runImport(importer, {data("ec2-instance-selector_GetProducts_m5_large.json"), bad});
    QVERIFY(outcome);
    QVERIFY(!outcome->sheet);
    QVERIFY(!outcome->cancelled);
    QVERIFY2(outcome->error.startsWith(bad + QLatin1Char(':')), qPrintable(outcome->error));
}

void TestAwsImporter::saveImported_pricesTheScenarioWithIt()
{
    QTemporaryDir dir;
    const QString scenarioFile = dir.filePath(QStringLiteral("vm.costscape.json"));
    QFile f(scenarioFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "costscape-scenario", "version": 1, "name": "vm", "region": "us-east-1",
        "workload": {"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 256},
        "options": [{"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 2}]})");
    f.close();
    Ui::MainWindow w;
    QVERIFY(w.openScenario(scenarioFile, true));
    const auto outcome = runImport(*w.awsImporter(), {data("ec2-instance-selector_GetProducts_m5_large.json")});
    QVERIFY(outcome && outcome->sheet);
    const QString sheetFile = dir.filePath(QStringLiteral("imported.prices.json"));
    QVERIFY2(w.saveImportedSheet(*outcome, sheetFile, true), qPrintable(w.lastError()));
    QCOMPARE(QString::fromStdString(w.document()->scenario().prices), QStringLiteral("imported.prices.json"));
    QCOMPARE(w.document()->undoStack()->count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(w.results()->shownGeneration() == w.runner()->latestGeneration() && w.evaluation(), 10000);
    // Two m5.large for 730 hours at the imported $0.096/h.
    QCOMPARE(w.evaluation()->options[0].monthlyCost, 2 * 730 * 0.096);
    QVERIFY(w.evaluation()->prices.file.find("imported.prices.json") != std::string::npos);
}

QTEST_MAIN(TestAwsImporter)
#include "tst_awsimporter.moc"
