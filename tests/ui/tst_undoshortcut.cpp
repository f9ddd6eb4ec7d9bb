// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/windowtesting.h"

#include "ui/charts/monthlycostchart.h"
#include "ui/document/scenariodocument.h"
#include "ui/editors/numberfield.h"
#include "ui/mainwindow.h"
#include "ui/panels/pricesheetpanel.h"
#include "ui/panels/resultspanel.h"
#include "ui/panels/workloadpanel.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Costscape;

/**
 * Undo and redo by keyboard, as a user presses them: they reach the document wherever the focus
 * is, except in a text field that holds typing of its own (refused, or never meant for the
 * document), which undoes that first (issue 18: Ctrl+Z after Tab did nothing).
 */
class TestUndoShortcut : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void ctrlZ_afterTypingInAField_undoesTheDocument_data();
    void ctrlZ_afterTypingInAField_undoesTheDocument();
    void ctrlZ_onTheChart_undoesTheDocument();
    void ctrlZ_inAFieldWithRefusedTyping_undoesTheFieldFirst();
    void ctrlZ_inTheSearchBox_undoesTheSearchNotTheDocument();
    void ctrlZ_inAFloatingDock_undoesTheDocument();

private:
    QTemporaryDir m_settingsDir;
};

namespace {

void pressUndo()
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
}

void pressRedo()
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
}

/** A shown, active window with the sample scenario priced. */
bool openSample(Ui::MainWindow &w)
{
    w.resize(1280, 800);
    w.show();
    QApplication::setActiveWindow(&w);
    return QTest::qWaitForWindowActive(&w) && w.openScenario(Testing::SampleScenario, true) && Testing::settle(w);
}

} // namespace

void TestUndoShortcut::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestUndoShortcut::init()
{
    QSettings().clear();
}

void TestUndoShortcut::ctrlZ_afterTypingInAField_undoesTheDocument_data()
{
    QTest::addColumn<bool>("tabAway");
    QTest::addColumn<bool>("redo");
    // The steps: type in Duration, Tab to Memory (whose own history is empty), Ctrl+Z.
    QTest::newRow("duration-240-tab-to-memory") << true << false;
    QTest::newRow("duration-240-tab-to-memory-then-redo") << true << true;
    // Still in Duration: its typing is the document's already, so the document's step is undone.
    QTest::newRow("duration-240-focus-stays") << false << false;
}

void TestUndoShortcut::ctrlZ_afterTypingInAField_undoesTheDocument()
{
    QFETCH(bool, tabAway);
    QFETCH(bool, redo);
    Ui::MainWindow w;
    QVERIFY(openSample(w));
    const double before = w.document()->scenario().workload.durationMs;
    QCOMPARE(before, 120.0);
    const double costBefore = w.evaluation()->options.front().monthlyCost;
    QLineEdit *duration = w.workloadPanel()->durationField()->lineEdit();
    duration->setFocus();
    duration->selectAll();
    QTest::keyClicks(duration, QStringLiteral("240"));
    if (tabAway) {
        QTest::keyClick(duration, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(w.workloadPanel()->memoryField()->lineEdit()));
    }
    QCOMPARE(w.document()->scenario().workload.durationMs, 240.0);
    QCOMPARE(w.document()->undoStack()->count(), 1);

    pressUndo();
    QCOMPARE(w.document()->scenario().workload.durationMs, before);
    QCOMPARE(duration->text(), QStringLiteral("120"));
    QVERIFY(!w.document()->isModified());
    QVERIFY(Testing::settle(w));
    QCOMPARE(w.evaluation()->options.front().monthlyCost, costBefore); // and the result follows

    if (redo) {
        pressRedo();
        QCOMPARE(w.document()->scenario().workload.durationMs, 240.0);
        QCOMPARE(duration->text(), QStringLiteral("240"));
    }
}

void TestUndoShortcut::ctrlZ_onTheChart_undoesTheDocument()
{
    Ui::MainWindow w;
    QVERIFY(openSample(w));
    QLineEdit *memory = w.workloadPanel()->memoryField()->lineEdit();
    memory->setFocus();
    memory->selectAll();
    QTest::keyClicks(memory, QStringLiteral("1024"));
    QCOMPARE(w.document()->scenario().workload.memoryMb, 1024.0);
    QVERIFY(Testing::settle(w));
    auto *plot = w.results()->monthlyChart()->plot();
    QTest::mouseClick(plot, Qt::LeftButton, {}, plot->rect().center());
    plot->setFocus(); // a click gives focus to a widget that takes it by click; the plot may not
    pressUndo();
    QCOMPARE(w.document()->scenario().workload.memoryMb, 512.0);
    QCOMPARE(memory->text(), QStringLiteral("512"));
}

void TestUndoShortcut::ctrlZ_inAFieldWithRefusedTyping_undoesTheFieldFirst()
{
    Ui::MainWindow w;
    QVERIFY(openSample(w));
    // One document edit to undo later: the duration.
    QLineEdit *duration = w.workloadPanel()->durationField()->lineEdit();
    duration->setFocus();
    duration->selectAll();
    QTest::keyClicks(duration, QStringLiteral("240"));
    QTest::keyClick(duration, Qt::Key_Tab);
    // Then a refused value in Memory: the document keeps 512 MB, the field keeps what was typed.
    Ui::NumberField *memory = w.workloadPanel()->memoryField();
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(memory->lineEdit()));
    memory->lineEdit()->selectAll();
    QTest::keyClicks(memory->lineEdit(), QStringLiteral("-5"));
    QVERIFY(!memory->isValid());
    QCOMPARE(w.document()->scenario().workload.memoryMb, 512.0);

    // The first Ctrl+Z takes back the refused typing, and only that.
    pressUndo();
    QCOMPARE(memory->lineEdit()->text(), QStringLiteral("512"));
    QVERIFY(memory->isValid());
    QCOMPARE(w.document()->scenario().workload.durationMs, 240.0);
    QCOMPARE(w.document()->undoStack()->count(), 1);
    QCOMPARE(w.document()->undoStack()->index(), 1);

    // Nothing of its own is left in the field: the next one undoes the document's last edit.
    pressUndo();
    QCOMPARE(w.document()->scenario().workload.durationMs, 120.0);
    QCOMPARE(w.document()->scenario().workload.memoryMb, 512.0);
}

void TestUndoShortcut::ctrlZ_inTheSearchBox_undoesTheSearchNotTheDocument()
{
    Ui::MainWindow w;
    QVERIFY(openSample(w));
    w.document()->edit(QStringLiteral("duration"), [](Models::Scenario &s) { s.workload.durationMs = 300; });
    w.priceSheetDock()->raise();
    QLineEdit *search = w.priceSheetPanel()->searchBox();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("m5"));
    QCOMPARE(search->text(), QStringLiteral("m5"));
    pressUndo();
    // The search is the box's own typing: it goes, the document's edit stays.
    QVERIFY2(search->text().isEmpty(), qPrintable(search->text()));
    QCOMPARE(w.document()->scenario().workload.durationMs, 300.0);
    // An empty history of its own: now the document's edit is undone.
    pressUndo();
    QCOMPARE(w.document()->scenario().workload.durationMs, 120.0);
}

void TestUndoShortcut::ctrlZ_inAFloatingDock_undoesTheDocument()
{
    Ui::MainWindow w;
    QVERIFY(openSample(w));
    w.workloadDock()->setFloating(true);
    w.workloadDock()->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.workloadDock()));
    QApplication::setActiveWindow(w.workloadDock());
    QVERIFY(QTest::qWaitForWindowActive(w.workloadDock()));
    QLineEdit *duration = w.workloadPanel()->durationField()->lineEdit();
    duration->setFocus();
    duration->selectAll();
    QTest::keyClicks(duration, QStringLiteral("90"));
    QTest::keyClick(duration, Qt::Key_Tab);
    QCOMPARE(w.document()->scenario().workload.durationMs, 90.0);
    pressUndo();
    QCOMPARE(w.document()->scenario().workload.durationMs, 120.0);
}

QTEST_MAIN(TestUndoShortcut)
#include "tst_undoshortcut.moc"
