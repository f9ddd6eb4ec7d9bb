// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17: ranges edited beside the workload's fields (traffic, duration, memory, response size,
// log volume, the spike's peak), each an undoable edit of the scenario's "ranges", and the odds of each option being
// the cheapest under them, worked out on a worker while the user types. Driven offscreen.
#include "tests/ui/panels/paneltesting.h"
#include "ui/document/scenariodocument.h"
#include "ui/editors/numberfield.h"
#include "ui/editors/rangebutton.h"
#include "ui/panels/rangeodds.h"
#include "ui/panels/workloadpanel.h"

#include "models/uncertainty/montecarlo.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Costscape;
using namespace Costscape::Ui;
using Models::UncertainInput;

class TestWorkloadRanges : public QObject
{
    Q_OBJECT

private slots:
    void durationRange_isOneUndoableEdit_savedWithTheFile();
    void impossibleRange_isShownNotCommitted();
    void odds_followTheEdits_andEqualTheDrawsOfTheFinalScenario();
    void responseSize_fieldAndItsRange();
    void spikeHeight_besideTheSpikesPeak_refusedAtItsStart_andGoesWithTheSpike();
};

using namespace PanelTesting;

namespace {

const QString Sample = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");

void type(NumberField *field, const QString &text)
{
    field->lineEdit()->setFocus();
    field->lineEdit()->selectAll();
    QTest::keyClicks(field->lineEdit(), text);
}

} // namespace

void TestWorkloadRanges::durationRange_isOneUndoableEdit_savedWithTheFile()
{
    ScenarioDocument document;
    QVERIFY(document.load(Sample));
    WorkloadPanel panel(&document);
    RangeButton *button = panel.durationRange();
    QCOMPARE(button->text(), QStringLiteral("±"));
    QVERIFY(!rangeOf(document, UncertainInput::DurationMs));
    const int steps = document.undoStack()->count();

    button->openPopup();
    RangePopup *popup = button->popup();
    QVERIFY(popup->isVisible());
    popup->enabledBox()->setChecked(true);
    // Ticked, it offers a spread around the scenario's own 120 ms, already in the scenario.
    auto r = rangeOf(document, UncertainInput::DurationMs);
    QVERIFY(r);
    QCOMPARE(r->typical, document.scenario().workload.durationMs);
    popup->lowBox()->setValue(80);
    popup->highBox()->setValue(250);
    popup->hide();
    r = rangeOf(document, UncertainInput::DurationMs);
    QVERIFY(r);
    QCOMPARE(r->low, 80.0);
    QCOMPARE(r->typical, 120.0);
    QCOMPARE(r->high, 250.0);
    QCOMPARE(r->distribution, Models::RangeDistribution::Triangular);
    QCOMPARE(button->text(), QStringLiteral("80–250"));
    // The duration itself is untouched: the range spreads around it.
    QCOMPARE(document.scenario().workload.durationMs, 120.0);
    QCOMPARE(document.undoStack()->count(), steps + 1);

    // Saved with the file, read back the same.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ranged.costscape.json"));
    QVERIFY(document.save(path));
    ScenarioDocument reopened;
    QVERIFY(reopened.load(path));
    QCOMPARE(rangeOf(reopened, UncertainInput::DurationMs), r);

    document.undoStack()->undo();
    QVERIFY(!rangeOf(document, UncertainInput::DurationMs));
    QVERIFY(!document.scenario().original.contains("ranges"));
    QCOMPARE(button->text(), QStringLiteral("±"));
    document.undoStack()->redo();
    QCOMPARE(rangeOf(document, UncertainInput::DurationMs), r);

    // Unticked: the range goes, the other ranges stay.
    panel.memoryRange()->openPopup();
    panel.memoryRange()->popup()->enabledBox()->setChecked(true);
    panel.memoryRange()->popup()->hide();
    button->openPopup();
    button->popup()->enabledBox()->setChecked(false);
    button->popup()->hide();
    QVERIFY(!rangeOf(document, UncertainInput::DurationMs));
    QVERIFY(rangeOf(document, UncertainInput::MemoryMb));
}

void TestWorkloadRanges::impossibleRange_isShownNotCommitted()
{
    ScenarioDocument document;
    QVERIFY(document.load(Sample));
    WorkloadPanel panel(&document);
    RangeButton *button = panel.memoryRange();
    button->openPopup();
    RangePopup *popup = button->popup();
    popup->enabledBox()->setChecked(true);
    const auto committed = rangeOf(document, UncertainInput::MemoryMb);
    QVERIFY(committed);
    popup->lowBox()->setValue(900); // above the typical 512
    QCOMPARE(rangeOf(document, UncertainInput::MemoryMb), committed);
    QLabel *problem = nullptr;
    for (QLabel *l : popup->findChildren<QLabel *>())
        if (l->text().contains(QStringLiteral("typical")))
            problem = l;
    QVERIFY(problem);
    QVERIFY(problem->isVisibleTo(popup));
    popup->lowBox()->setValue(400);
    QCOMPARE(rangeOf(document, UncertainInput::MemoryMb)->low, 400.0);
    QVERIFY(!problem->isVisibleTo(popup));
    popup->hide();
}

void TestWorkloadRanges::odds_followTheEdits_andEqualTheDrawsOfTheFinalScenario()
{
    ScenarioDocument document;
    QVERIFY(document.load(Sample));
    WorkloadPanel panel(&document);
    RangeOdds *odds = panel.rangeOdds();
    odds->setDraws(400);
    QTRY_VERIFY_WITH_TIMEOUT(!odds->isBusy(), 60000);
    QVERIFY(!odds->isVisibleTo(&panel)); // no ranges, no line

    panel.trafficRange()->openPopup();
    panel.trafficRange()->popup()->enabledBox()->setChecked(true); // x0.5-2, log-normal
    panel.trafficRange()->popup()->hide();
    QCOMPARE(rangeOf(document, UncertainInput::Traffic)->distribution, Models::RangeDistribution::LogNormal);
    QVERIFY(odds->isBusy());

    // Typing goes on while the draws run: each keystroke is an edit, and the draws for the
    // scenario as it was are dropped. The edit returns before any draw is made.
    for (const QString &duration : {QStringLiteral("150"), QStringLiteral("300")}) {
        type(panel.durationField(), duration);
        QVERIFY(odds->isBusy());
    }
    QCOMPARE(document.scenario().workload.durationMs, 300.0);
    QTRY_VERIFY_WITH_TIMEOUT(!odds->isBusy(), 60000);
    QVERIFY2(odds->result(), qPrintable(odds->text()));
    QVERIFY(odds->isVisibleTo(&panel));

    // The odds shown are those of the final scenario: the same draws made directly agree exactly.
    auto settings = odds->settings();
    settings.cancel = nullptr;
    const auto direct = Models::runUncertainty(document.scenario(), *document.priceSheet(),
                                               Models::readRanges(document.scenario()).value(), settings);
    QVERIFY(direct.ok());
    QCOMPARE(odds->result()->options.size(), direct.value().options.size());
    double total = 0;
    const Models::OptionUncertainty *best = nullptr;
    for (std::size_t i = 0; i < direct.value().options.size(); ++i) {
        const auto &a = odds->result()->options[i];
        const auto &b = direct.value().options[i];
        QCOMPARE(a.id, b.id);
        QCOMPARE(a.probabilityCheapest, b.probabilityCheapest);
        total += a.probabilityCheapest;
        if (!best || b.probabilityCheapest > best->probabilityCheapest)
            best = &b;
    }
    QVERIFY(total > 0.99 && total <= 1.0 + 1e-12);
    QVERIFY2(odds->text().contains(QString::fromStdString(best->id)), qPrintable(odds->text()));
    QVERIFY2(odds->text().contains(QStringLiteral("400 draws")), qPrintable(odds->text()));

    // A duration range too, then the panel and the popup as docs/screenshots show them.
    panel.durationRange()->openPopup();
    panel.durationRange()->popup()->enabledBox()->setChecked(true);
    panel.durationRange()->popup()->hide();
    QCOMPARE(panel.durationRange()->text(), QStringLiteral("240–450"));
    QTRY_VERIFY_WITH_TIMEOUT(!odds->isBusy(), 60000);
    panel.resize(520, 900);
    screenshot(panel, "workload-ranges");
    panel.durationRange()->openPopup();
    screenshot(*panel.durationRange()->popup(), "workload-range-popup");
    panel.durationRange()->popup()->hide();
    QTRY_VERIFY_WITH_TIMEOUT(!odds->isBusy(), 60000);
}

void TestWorkloadRanges::responseSize_fieldAndItsRange()
{
    ScenarioDocument document;
    QVERIFY(document.load(Sample));
    WorkloadPanel panel(&document);
    // The sample's workload: 10,000 bytes out and 500 of logs per request.
    QCOMPARE(panel.bytesOutField()->value(), std::optional<double>(10000));
    QCOMPARE(panel.logBytesField()->value(), std::optional<double>(500));
    QVERIFY(panel.bytesOutRange()->isEnabled());

    type(panel.bytesOutField(), QStringLiteral("20000"));
    QCOMPARE(document.scenario().workload.traffic.bytesOutPerRequest, std::optional<double>(20000));
    panel.bytesOutRange()->openPopup();
    RangePopup *popup = panel.bytesOutRange()->popup();
    popup->enabledBox()->setChecked(true);
    QCOMPARE(rangeOf(document, UncertainInput::BytesOutPerRequest)->typical, 20000.0);
    popup->lowBox()->setValue(0); // a response may be empty
    popup->hide();
    QCOMPARE(rangeOf(document, UncertainInput::BytesOutPerRequest)->low, 0.0);

    // Emptied, the size is left out of the bill again, and its range cannot be given.
    document.undoStack()->undo(); // the range
    type(panel.logBytesField(), QString());
    QTest::keyClick(panel.logBytesField()->lineEdit(), Qt::Key_Backspace);
    QVERIFY(!document.scenario().workload.traffic.logBytesPerRequest);
    QVERIFY(!panel.logBytesRange()->isEnabled());
}

void TestWorkloadRanges::spikeHeight_besideTheSpikesPeak_refusedAtItsStart_andGoesWithTheSpike()
{
    ScenarioDocument document;
    QVERIFY(document.load(Sample)); // a spike from 60 to 600 requests/s
    WorkloadPanel panel(&document);
    RangeButton *button = panel.spikeHeightRange();
    QVERIFY(button->isEnabled());
    QCOMPARE(button->text(), QStringLiteral("±"));
    button->openPopup();
    RangePopup *popup = button->popup();
    popup->enabledBox()->setChecked(true); // offered: half to twice the peak, triangular
    auto r = rangeOf(document, UncertainInput::SpikeHeight);
    QVERIFY(r);
    QCOMPARE(r->low, 300.0);
    QCOMPARE(r->typical, 600.0);
    QCOMPARE(r->high, 1200.0);
    QCOMPARE(r->distribution, Models::RangeDistribution::Triangular);

    // A peak at the spike's start is no spike: shown with the reader's reason, not committed.
    popup->lowBox()->setValue(60);
    QCOMPARE(rangeOf(document, UncertainInput::SpikeHeight), r);
    QLabel *problem = nullptr;
    for (QLabel *l : popup->findChildren<QLabel *>())
        if (l->text().contains(QStringLiteral("fromPerSecond")))
            problem = l;
    QVERIFY(problem);
    QVERIFY(problem->isVisibleTo(popup));
    popup->lowBox()->setValue(200);
    QCOMPARE(rangeOf(document, UncertainInput::SpikeHeight)->low, 200.0);
    QVERIFY(!problem->isVisibleTo(popup));
    popup->hide();
    QCOMPARE(button->text(), QStringLiteral("200–1,200"));
    panel.resize(520, 1100);
    screenshot(panel, "workload-spike-range");

    // The spike removed takes its range along (the reader refuses one without a spike); undo brings both back.
    QCheckBox *spikeOn = nullptr;
    for (QCheckBox *box : panel.findChildren<QCheckBox *>())
        if (box->text().contains(QStringLiteral("spike")))
            spikeOn = box;
    QVERIFY(spikeOn && spikeOn->isChecked());
    spikeOn->setChecked(false);
    QVERIFY(!document.scenario().workload.spike);
    QVERIFY(Models::readRanges(document.scenario()));
    QVERIFY(!rangeOf(document, UncertainInput::SpikeHeight));
    document.undoStack()->undo();
    QVERIFY(document.scenario().workload.spike);
    QCOMPARE(rangeOf(document, UncertainInput::SpikeHeight)->low, 200.0);
}

QTEST_MAIN(TestWorkloadRanges)
#include "tst_workloadranges.moc"
