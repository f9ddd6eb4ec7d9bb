// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/evaluator.h"
#include "models/scenario/scenarioreader.h"
#include "ui/document/evaluationrunner.h"
#include "ui/document/scenariodocument.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Costscape;

/** The document's undo history and files, and the runner that prices its snapshots. */
class TestScenarioDocument : public QObject
{
    Q_OBJECT

private slots:
    void typing_mergesIntoOneStepUntilFocusLeaves();
    void differentFields_areSeparateSteps();
    void saveAs_rewritesRelativePriceSheetPath();
    void save_toUnwritablePlace_keepsDocumentModified();
    void load_brokenFile_leavesDocumentAsItWas();
    void load_missingPriceSheet_namesTheField();
    void runner_burstOfRequests_emitsOnlyTheNewest();
    void runner_unpriceableScenario_reportsTheError();
};

static const QString Sample = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");

static void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

void TestScenarioDocument::typing_mergesIntoOneStepUntilFocusLeaves()
{
    Ui::ScenarioDocument doc;
    for (double v : {1.0, 15.0, 150.0})
        doc.edit(QStringLiteral("duration"), [v](Models::Scenario &s) { s.workload.durationMs = v; }, QStringLiteral("durationMs"));
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.closeMerge();
    doc.edit(QStringLiteral("duration"), [](Models::Scenario &s) { s.workload.durationMs = 200; }, QStringLiteral("durationMs"));
    QCOMPARE(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    QCOMPARE(doc.scenario().workload.durationMs, 150.0);
    doc.undoStack()->undo();
    QCOMPARE(doc.scenario().workload.durationMs, 120.0); // the new scenario's default
    QVERIFY(!doc.isModified());
}

void TestScenarioDocument::differentFields_areSeparateSteps()
{
    Ui::ScenarioDocument doc;
    QSignalSpy changed(&doc, &Ui::ScenarioDocument::scenarioChanged);
    doc.edit(QStringLiteral("a"), [](Models::Scenario &s) { s.workload.durationMs = 10; }, QStringLiteral("durationMs"));
    doc.edit(QStringLiteral("b"), [](Models::Scenario &s) { s.workload.memoryMb = 1024; }, QStringLiteral("memoryMb"));
    doc.edit(QStringLiteral("c"), [](Models::Scenario &s) { s.workload.durationMs = 20; }, QStringLiteral("durationMs"));
    QCOMPARE(doc.undoStack()->count(), 3);
    QCOMPARE(changed.count(), 3);
    doc.undoStack()->undo();
    QCOMPARE(doc.scenario().workload.durationMs, 10.0);
    QCOMPARE(doc.scenario().workload.memoryMb, 1024.0);
}

void TestScenarioDocument::saveAs_rewritesRelativePriceSheetPath()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a/sheets")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("b/deeper")));
    QVERIFY(QFile::copy(QStringLiteral(COSTSCAPE_SOURCE_DIR "/pricing/data/aws-default.prices.json"),
                        dir.filePath(QStringLiteral("a/sheets/my.prices.json"))));
    QFile sample(Sample);
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QByteArray text = sample.readAll();
    text.replace("\"prices\": \"embedded\"", "\"prices\": \"sheets/my.prices.json\"");
    QVERIFY(text.contains("sheets/my.prices.json"));
    writeFile(dir.filePath(QStringLiteral("a/s.costscape.json")), text);

    Ui::ScenarioDocument doc;
    const auto loaded = doc.load(dir.filePath(QStringLiteral("a/s.costscape.json")));
    QVERIFY2(loaded.ok(), loaded.error().toString().c_str());
    QVERIFY(doc.priceSheet());
    const QString moved = dir.filePath(QStringLiteral("b/deeper/s.costscape.json"));
    const auto saved = doc.save(moved);
    QVERIFY2(saved.ok(), saved.error().toString().c_str());
    QCOMPARE(QString::fromStdString(doc.scenario().prices), QStringLiteral("../../a/sheets/my.prices.json"));
    // The saved file finds its sheet from where it now is.
    Ui::ScenarioDocument again;
    const auto reloaded = again.load(moved);
    QVERIFY2(reloaded.ok(), reloaded.error().toString().c_str());
    QVERIFY(again.priceSheet());
    QVERIFY(again.sheetError().isEmpty());
}

void TestScenarioDocument::save_toUnwritablePlace_keepsDocumentModified()
{
    Ui::ScenarioDocument doc;
    doc.edit(QStringLiteral("x"), [](Models::Scenario &s) { s.name = "changed"; });
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing-dir/s.costscape.json"));
    const auto saved = doc.save(path);
    QVERIFY(!saved.ok());
    const QString error = QString::fromStdString(saved.error().toString());
    QVERIFY2(error.contains(QStringLiteral("missing-dir/s.costscape.json")), qPrintable(error));
    QVERIFY(doc.isModified());
    QVERIFY(doc.fileName().isEmpty());
    QVERIFY(!QFile::exists(path));
}

void TestScenarioDocument::load_brokenFile_leavesDocumentAsItWas()
{
    Ui::ScenarioDocument doc;
    QVERIFY(doc.load(Sample).ok());
    doc.edit(QStringLiteral("x"), [](Models::Scenario &s) { s.workload.durationMs = 333; });
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.costscape.json"));
    writeFile(bad, "{\"format\": \"costscape-scenario\",\n\"version\": 1,\n\"workload\": [}");
    const auto loaded = doc.load(bad);
    QVERIFY(!loaded.ok());
    const QString error = QString::fromStdString(loaded.error().toString());
    QVERIFY2(error.startsWith(bad + QStringLiteral(":3:")), qPrintable(error));
    QCOMPARE(doc.scenario().workload.durationMs, 333.0);
    QVERIFY(doc.isModified());
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.fileName(), QFileInfo(Sample).absoluteFilePath());
}

void TestScenarioDocument::load_missingPriceSheet_namesTheField()
{
    QTemporaryDir dir;
    QFile sample(Sample);
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QByteArray text = sample.readAll();
    text.replace("\"prices\": \"embedded\"", "\"prices\": \"nowhere.prices.json\"");
    const QString file = dir.filePath(QStringLiteral("s.costscape.json"));
    writeFile(file, text);
    Ui::ScenarioDocument doc;
    const auto loaded = doc.load(file);
    QVERIFY(!loaded.ok());
    const QString error = QString::fromStdString(loaded.error().toString());
    QVERIFY2(error.contains(QStringLiteral("prices: price sheet \"nowhere.prices.json\" not found")), qPrintable(error));
}

void TestScenarioDocument::runner_burstOfRequests_emitsOnlyTheNewest()
{
    Ui::ScenarioDocument doc;
    Ui::EvaluationRunner runner;
    runner.setSweepEnabled(false);
    QSignalSpy spy(&runner, &Ui::EvaluationRunner::evaluated);
    quint64 last = 0;
    for (int ms = 100; ms < 140; ++ms) {
        doc.edit(QStringLiteral("d"), [ms](Models::Scenario &s) { s.workload.durationMs = ms; });
        last = runner.request(doc.snapshot(), doc.priceSheet());
        if (ms == 110)
            QCoreApplication::processEvents(); // let one evaluation start mid-burst
    }
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 10000);
    // The evaluation started mid-burst finished stale and was dropped: one result, the newest.
    QCOMPARE(spy.count(), 1);
    const auto newest = spy.first().at(0).value<std::shared_ptr<const Ui::EvaluationOutcome>>();
    QCOMPARE(newest->generation, last);
    QVERIFY(newest->evaluation);
    // It priced the last edit (139 ms): compare with a direct evaluation of that snapshot.
    const auto direct = Models::Evaluator::evaluate(doc.scenario(), *doc.priceSheet());
    QVERIFY(direct);
    QCOMPARE(doc.scenario().workload.durationMs, 139.0);
    for (std::size_t i = 0; i < direct.value().options.size(); ++i)
        QCOMPARE(newest->evaluation->options[i].monthlyCost, direct.value().options[i].monthlyCost);
}

void TestScenarioDocument::runner_unpriceableScenario_reportsTheError()
{
    Ui::ScenarioDocument doc;
    doc.edit(QStringLiteral("r"), [](Models::Scenario &s) { s.region = "mars-north-1"; });
    Ui::EvaluationRunner runner;
    runner.setSweepEnabled(false);
    QSignalSpy spy(&runner, &Ui::EvaluationRunner::evaluated);
    runner.request(doc.snapshot(), doc.priceSheet());
    QVERIFY(spy.wait(10000));
    const auto outcome = spy.first().at(0).value<std::shared_ptr<const Ui::EvaluationOutcome>>();
    QVERIFY(!outcome->evaluation);
    QVERIFY2(outcome->error.contains(QStringLiteral("mars-north-1")), qPrintable(outcome->error));
}

QTEST_MAIN(TestScenarioDocument)
#include "tst_scenariodocument.moc"
