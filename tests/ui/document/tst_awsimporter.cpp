// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/scenarioreader.h"
#include "pricing/aws/spotfeeds.h"
#include "ui/document/awsimporter.h"
#include "ui/itemmodels/instancetypemodel.h"
#include "ui/panels/pricesheetpanel.h"
#include "ui/document/evaluationrunner.h"
#include "ui/mainwindow.h"
#include "ui/panels/resultspanel.h"
#include "ui/document/scenariodocument.h"

#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableView>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Costscape;

/**
 * File > Import AWS price list, Import spot price history and Import Spot Instance Advisor data:
 * the background import, its progress and cancel, and its use.
 */
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
    void fileMenu_offersBothSpotFeedsBesideThePriceList();
    void spotFeed_fromTheWindow_pricesTheScenario_data();
    void spotFeed_fromTheWindow_pricesTheScenario();
    void spotFeed_cancelFromTheProgressDialog_changesNothing();
    void spotFeed_progress_countsBytesUpToTheFileSize();
    void spotFeed_brokenFile_reportsLineAndKeepsTheSheet();

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

// A scenario with one EC2 spot option that takes its spot price from the sheet.
static QString writeSpotScenario(const QTemporaryDir &dir)
{
    const QString file = dir.filePath(QStringLiteral("spot.costscape.json"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(R"({"format": "costscape-scenario", "version": 1, "name": "spot", "region": "us-east-1",
        "workload": {"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 256},
        "options": [{"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 2, "purchase": "spot"}]})");
    return file;
}

// A DescribeSpotPriceHistory response of over 12 MB, so that reading it takes steps.
static QString writeBigHistory(const QTemporaryDir &dir)
{
    const QString big = dir.filePath(QStringLiteral("big-history.json"));
    QFile f(big);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("{\"SpotPriceHistory\": [\n");
    for (int i = 0; i < 90000; ++i)
        f.write(QStringLiteral("  {\"AvailabilityZone\": \"us-east-1a\", \"InstanceType\": \"m5.large\", \"ProductDescription\": "
                               "\"Linux/UNIX\", \"SpotPrice\": \"0.0%1\", \"Timestamp\": \"2021-01-%2T%3:%4:00+00:00\"}%5\n")
                    .arg(400 + i % 50)
                    .arg(1 + (i / 3000) % 28, 2, 10, QLatin1Char('0'))
                    .arg((i / 60) % 24, 2, 10, QLatin1Char('0'))
                    .arg(i % 60, 2, 10, QLatin1Char('0'))
                    .arg(i + 1 < 90000 ? QStringLiteral(",") : QString())
                    .toUtf8());
    f.write("]}\n");
    f.close();
    return f.size() > 12'000'000 ? big : QString();
}

void TestAwsImporter::fileMenu_offersBothSpotFeedsBesideThePriceList()
{
    Ui::MainWindow w;
    QStringList file;
    for (QAction *menu : w.menuBar()->actions())
        if (menu->menu() && menu->text() == QLatin1String("&File"))
            for (QAction *a : menu->menu()->actions())
                file << a->text().remove(QLatin1Char('&'));
    const auto at = [&](const char *text) { return file.indexOf(QString::fromUtf8(text)); };
    QVERIFY2(at("Import AWS price list…") >= 0, qPrintable(file.join(QLatin1Char('|'))));
    QCOMPARE(at("Import spot price history…"), at("Import AWS price list…") + 1);
    QCOMPARE(at("Import Spot Instance Advisor data…"), at("Import AWS price list…") + 2);
}

void TestAwsImporter::spotFeed_fromTheWindow_pricesTheScenario_data()
{
    QTest::addColumn<int>("feed");
    QTest::addColumn<QString>("file");
    QTest::newRow("history-m5-large-us-east-1") << static_cast<int>(Ui::SpotFeedRequest::Feed::History)
                                                << data("ec2-instance-selector_DescribeSpotPriceHistory_m5_large.json");
    QTest::newRow("advisor-excerpt") << static_cast<int>(Ui::SpotFeedRequest::Feed::Advisor) << data("spot-advisor-excerpt.json");
}

void TestAwsImporter::spotFeed_fromTheWindow_pricesTheScenario()
{
    QFETCH(int, feed);
    QFETCH(QString, file);
    QTemporaryDir dir;
    Ui::MainWindow w;
    QVERIFY(w.openScenario(writeSpotScenario(dir), true));
    QTRY_VERIFY_WITH_TIMEOUT(w.results()->shownGeneration() == w.runner()->latestGeneration() && w.evaluation(), 10000);
    const double before = w.evaluation()->options[0].monthlyCost;
    const std::string embeddedM5 = Pricing::serializePriceSheet(Pricing::embeddedPriceSheet());

    QString summary;
    const QString sheetFile = dir.filePath(QStringLiteral("spot.prices.json"));
    w.setImportTargetPrompt([&](const QString &text, const QString &suggested) {
        summary = text;
        if (!suggested.endsWith(QLatin1String(".prices.json")))
            return QString();
        return sheetFile;
    });
    Ui::SpotFeedRequest request;
    request.feed = static_cast<Ui::SpotFeedRequest::Feed>(feed);
    request.file = file;
    request.region = QStringLiteral("us-east-1");
    QSignalSpy finished(w.awsImporter(), &Ui::AwsImporter::finished);
    QVERIFY(w.importSpotFeed(request));
    QVERIFY(finished.wait(30000));
    QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
    QVERIFY2(summary.contains(QFileInfo(file).fileName()), qPrintable(summary));
    // One undoable edit: the scenario's prices now name the new sheet, beside the scenario.
    QCOMPARE(QString::fromStdString(w.document()->scenario().prices), QStringLiteral("spot.prices.json"));
    QCOMPARE(w.document()->undoStack()->count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(w.results()->shownGeneration() == w.runner()->latestGeneration() && w.evaluation(), 10000);
    const auto sheet = w.document()->priceSheet();
    QVERIFY(sheet);
    const Pricing::Ec2InstanceType *m5 = sheet->ec2("us-east-1", "m5.large");
    QVERIFY(m5);
    if (request.feed == Ui::SpotFeedRequest::Feed::History) {
        // The file's time-weighted mean across zones, as the command line's import-aws computes it.
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const auto averages = Pricing::averageSpotPrices(in.readAll().toStdString(), "history", Pricing::SpotHistoryOptions{});
        QVERIFY(averages && averages.value().size() == 1);
        const double hourly = averages.value().front().hourly;
        QCOMPARE(m5->spotHourly.at("linux"), hourly);
        QCOMPARE(w.evaluation()->options[0].monthlyCost, 2 * 730 * hourly);
        QVERIFY(w.evaluation()->options[0].monthlyCost != before);
    } else {
        // The excerpt rates m5.large "r": 1 (5-10% interruptions) and "s": 54 (% saved).
        QCOMPARE(QString::fromStdString(m5->interruption), QStringLiteral("5-10%"));
        QCOMPARE(m5->spotAdvisorSavingsPercent, std::optional<double>(54));
        // The price-sheet table shows the band.
        auto *table = w.priceSheetPanel()->table()->model();
        bool shown = false;
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->index(row, Ui::InstanceTypeModel::TypeColumn).data().toString() == QLatin1String("m5.large"))
                shown = table->index(row, Ui::InstanceTypeModel::SpotColumn).data().toString().contains(QLatin1String("5-10%"));
        QVERIFY(shown);
    }
    // The sheet it started from is left as it was.
    QCOMPARE(Pricing::serializePriceSheet(Pricing::embeddedPriceSheet()), embeddedM5);
}

void TestAwsImporter::spotFeed_cancelFromTheProgressDialog_changesNothing()
{
    QTemporaryDir dir;
    const QString big = writeBigHistory(dir);
    QVERIFY(!big.isEmpty());
    Ui::MainWindow w;
    w.show();
    QVERIFY(w.openScenario(writeSpotScenario(dir), true));
    int asked = 0;
    w.setImportTargetPrompt([&](const QString &, const QString &) {
        ++asked;
        return dir.filePath(QStringLiteral("never.prices.json"));
    });
    Ui::SpotFeedRequest request;
    request.file = big;
    request.region = QStringLiteral("us-east-1");
    QSignalSpy finished(w.awsImporter(), &Ui::AwsImporter::finished);
    QVERIFY(w.importSpotFeed(request));
    auto *progress = w.findChild<QProgressDialog *>();
    QVERIFY(progress);
    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    QCOMPARE(cancel->text(), QStringLiteral("Cancel"));
    cancel->click();
    QVERIFY(finished.wait(30000));
    const auto outcome = finished.first().at(0).value<std::shared_ptr<const Ui::AwsImportOutcome>>();
    QVERIFY(outcome->cancelled);
    QVERIFY(!outcome->sheet);
    QCOMPARE(asked, 0);
    QCOMPARE(w.document()->scenario().prices, std::string("embedded"));
    QCOMPARE(w.document()->undoStack()->count(), 0);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("never.prices.json"))));
}

void TestAwsImporter::spotFeed_progress_countsBytesUpToTheFileSize()
{
    QTemporaryDir dir;
    const QString big = writeBigHistory(dir);
    QVERIFY(!big.isEmpty());
    Ui::AwsImporter importer;
    QSignalSpy progress(&importer, &Ui::AwsImporter::progress);
    QSignalSpy finished(&importer, &Ui::AwsImporter::finished);
    Ui::SpotFeedRequest request;
    request.file = big;
    request.region = QStringLiteral("us-east-1");
    QVERIFY(importer.startSpotFeed(std::make_shared<Pricing::PriceSheet>(Pricing::embeddedPriceSheet()), request));
    QVERIFY(!importer.startSpotFeed(std::make_shared<Pricing::PriceSheet>(Pricing::embeddedPriceSheet()), request)); // one at a time
    QVERIFY(finished.wait(60000));
    QCoreApplication::processEvents(); // progress is queued from the worker
    const auto outcome = finished.first().at(0).value<std::shared_ptr<const Ui::AwsImportOutcome>>();
    QVERIFY2(outcome->sheet, qPrintable(outcome->error));
    QCOMPARE(outcome->spotTypesUpdated, std::size_t(1));
    QVERIFY(progress.count() >= 2);
    qint64 last = 0;
    for (const auto &args : progress) {
        QVERIFY(args.at(0).toLongLong() >= last);
        QCOMPARE(args.at(1).toLongLong(), QFileInfo(big).size());
        last = args.at(0).toLongLong();
    }
    QCOMPARE(last, QFileInfo(big).size());
}

void TestAwsImporter::spotFeed_brokenFile_reportsLineAndKeepsTheSheet()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad-history.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"SpotPriceHistory\": [\n  {\"AvailabilityZone\": \"us-east-1a\",\n   \"InstanceType\": \"m5.large\",\n"
            "   \"ProductDescription\": \"Linux/UNIX\", \"Timestamp\": \"2021-02-09T01:40:10+00:00\"}]}\n");
    f.close();
    Ui::AwsImporter importer;
    QSignalSpy finished(&importer, &Ui::AwsImporter::finished);
    auto base = std::make_shared<const Pricing::PriceSheet>(Pricing::embeddedPriceSheet());
    const std::string before = Pricing::serializePriceSheet(*base);
    Ui::SpotFeedRequest request;
    request.file = bad;
    request.region = QStringLiteral("us-east-1");
    QVERIFY(importer.startSpotFeed(base, request));
    QVERIFY(finished.wait(30000));
    const auto outcome = finished.first().at(0).value<std::shared_ptr<const Ui::AwsImportOutcome>>();
    QVERIFY(!outcome->sheet);
    QVERIFY(!outcome->cancelled);
    // The record without a SpotPrice, by file and line.
    QVERIFY2(outcome->error.startsWith(bad + QStringLiteral(":2:")), qPrintable(outcome->error));
    QVERIFY2(outcome->error.contains(QStringLiteral("SpotPrice")), qPrintable(outcome->error));
    QCOMPARE(Pricing::serializePriceSheet(*base), before);
}

QTEST_MAIN(TestAwsImporter)
#include "tst_awsimporter.moc"
