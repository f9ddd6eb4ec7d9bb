// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The recovery copy of unsaved work (ui/document/recoverystore.h): written a moment after a burst
// of edits, removed once the work is saved (or undone) and on a clean exit, and left behind by a
// crash for the next start to offer. QStandardPaths' test mode keeps it out of the user's folder.

#include "ui/document/recoverystore.h"
#include "ui/document/scenariodocument.h"

#include "models/scenario/scenarioreader.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Costscape;
using namespace Costscape::Ui;

namespace {

const QString Sample = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");

void rename(ScenarioDocument &doc, const std::string &name)
{
    doc.edit(QStringLiteral("Rename"), [&](Models::Scenario &s) { s.name = name; });
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestRecoveryStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void edits_writeOneCopyAfterTheBurst();
    void save_removesTheCopy();
    void undoToTheSavedState_removesTheCopy();
    void cleanExit_removesTheCopy();
    void crashedSession_isAnOrphan_runningSessionsAreNot();
    void recover_givesBackTheWorkAsUnsavedChangesOfItsFile();
};

void TestRecoveryStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(RecoveryStore::folder().contains(QStringLiteral("qttest")));
}

void TestRecoveryStore::init()
{
    QDir(RecoveryStore::folder()).removeRecursively();
}

void TestRecoveryStore::edits_writeOneCopyAfterTheBurst()
{
    ScenarioDocument doc;
    QVERIFY(doc.load(Sample).ok());
    RecoveryStore store(&doc);
    store.setDelay(150);
    QSignalSpy written(&store, &RecoveryStore::written);
    // Five edits in a burst: one copy, a moment after the last.
    for (int i = 1; i <= 5; ++i)
        rename(doc, "Orders API v" + std::to_string(i));
    QVERIFY(!QFile::exists(store.copyPath()));
    QTRY_COMPARE(written.count(), 1);
    QTest::qWait(300);
    QCOMPARE(written.count(), 1);

    // The copy holds the scenario as edited, and the file it belongs to.
    const auto orphan = RecoveryStore::Copy{store.copyPath(), {}, {}, {}};
    const auto text = RecoveryStore::scenarioText(orphan);
    QVERIFY2(text.ok(), text.ok() ? "" : text.error().toString().c_str());
    QCOMPARE(text.value().toStdString(), Models::serializeScenario(doc.scenario()));
    QVERIFY(readAll(store.copyPath()).contains("examples/web-api.costscape.json"));
}

void TestRecoveryStore::save_removesTheCopy()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ScenarioDocument doc;
    QVERIFY(doc.load(Sample).ok());
    RecoveryStore store(&doc);
    rename(doc, "Saved soon");
    QVERIFY(store.flush().ok());
    QVERIFY(QFile::exists(store.copyPath()));
    QVERIFY(doc.save(dir.filePath(QStringLiteral("saved.costscape.json"))).ok());
    QVERIFY(!QFile::exists(store.copyPath()));
}

void TestRecoveryStore::undoToTheSavedState_removesTheCopy()
{
    ScenarioDocument doc;
    QVERIFY(doc.load(Sample).ok());
    RecoveryStore store(&doc);
    rename(doc, "Undone soon");
    QVERIFY(store.flush().ok());
    QVERIFY(QFile::exists(store.copyPath()));
    doc.undoStack()->undo();
    QVERIFY(!doc.isModified());
    QVERIFY(!QFile::exists(store.copyPath()));
}

void TestRecoveryStore::cleanExit_removesTheCopy()
{
    ScenarioDocument doc;
    QString path;
    {
        RecoveryStore store(&doc);
        rename(doc, "Closed with changes");
        QVERIFY(store.flush().ok());
        path = store.copyPath();
        QVERIFY(QFile::exists(path));
    }
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(RecoveryStore::folder()).entryList(QDir::Files), QStringList());
}

void TestRecoveryStore::crashedSession_isAnOrphan_runningSessionsAreNot()
{
    ScenarioDocument crashed, running, next;
    QVERIFY(crashed.load(Sample).ok());
    rename(crashed, "Crashed with changes");
    rename(running, "Another window, still open");
    auto crashedStore = std::make_unique<RecoveryStore>(&crashed);
    RecoveryStore runningStore(&running);
    RecoveryStore nextStore(&next);
    QVERIFY(crashedStore->flush().ok());
    QVERIFY(runningStore.flush().ok());
    // Both sessions run: neither copy is offered.
    QCOMPARE(nextStore.orphans().size(), 0);

    // A crash leaves the copy behind with no live lock: keep its bytes, end the session, put them back.
    const QString path = crashedStore->copyPath();
    const QByteArray bytes = readAll(path);
    crashedStore.reset();
    QVERIFY(writeAll(path, bytes));

    const auto orphans = nextStore.orphans();
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans[0].path, path);
    QCOMPARE(orphans[0].originalFile, QFileInfo(Sample).absoluteFilePath());
    QCOMPARE(orphans[0].name, QStringLiteral("Crashed with changes"));
    QVERIFY(orphans[0].saved.isValid());
    QVERIFY(orphans[0].saved.secsTo(QDateTime::currentDateTimeUtc()) < 60);
    QVERIFY(RecoveryStore::remove(orphans[0]));
    QCOMPARE(nextStore.orphans().size(), 0);
}

void TestRecoveryStore::recover_givesBackTheWorkAsUnsavedChangesOfItsFile()
{
    ScenarioDocument before;
    QVERIFY(before.load(Sample).ok());
    rename(before, "Worked on, never saved");
    before.edit(QStringLiteral("Duration"), [](Models::Scenario &s) { s.workload.durationMs = 250; });
    const std::string expected = Models::serializeScenario(before.scenario());

    ScenarioDocument after;
    QSignalSpy modified(&after, &ScenarioDocument::modifiedChanged);
    QVERIFY(after.recover(QByteArray::fromStdString(expected), Sample).ok());
    QCOMPARE(Models::serializeScenario(after.scenario()), expected);
    QCOMPARE(after.fileName(), QFileInfo(Sample).absoluteFilePath());
    QVERIFY(after.isModified());
    QVERIFY(!after.undoStack()->canUndo());
    QVERIFY(!modified.isEmpty() && modified.last().at(0).toBool());
    QVERIFY(after.priceSheet());

    // A copy that is not a scenario changes nothing.
    QVERIFY(!after.recover("{\"format\": \"something else\"}", Sample).ok());
    QCOMPARE(Models::serializeScenario(after.scenario()), expected);
}

QTEST_GUILESS_MAIN(TestRecoveryStore)
#include "tst_recoverystore.moc"
