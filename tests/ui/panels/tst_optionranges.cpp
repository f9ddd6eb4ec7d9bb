// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17: the spot discount and the share of spot hours interrupted are given ranges beside the
// EC2 option's fields in the options panel: each an undoable edit of the scenario's "ranges",
// seen by the odds under the workload's fields; a version-1 file without ranges shows them empty.
// Driven offscreen through the real OptionsPanel.
#include "tests/ui/panels/paneltesting.h"
#include "ui/document/scenariodocument.h"
#include "ui/editors/numberfield.h"
#include "ui/editors/optioneditor.h"
#include "ui/editors/rangebutton.h"
#include "ui/panels/optionspanel.h"
#include "ui/panels/rangeodds.h"

#include "models/uncertainty/montecarlo.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Ui;
using Models::UncertainInput;

class TestOptionRanges : public QObject
{
    Q_OBJECT

private slots:
    void versionOneFile_showsTheButtonsEmpty();
    void spotDiscountRange_isAnUndoableEditOfTheFile();
    void spotRanges_reachTheOdds();
    void tabOrder_fieldThenItsRange();
};

using namespace PanelTesting;

namespace {

const QString Sample = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");

int optionIndex(const ScenarioDocument &document, const std::string &id)
{
    const auto &options = document.scenario().options;
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].id == id)
            return static_cast<int>(i);
    return -1;
}

RangeButton *rangeButton(const OptionsPanel &panel, UncertainInput input)
{
    return panel.editor()->findChild<RangeButton *>(QStringLiteral("rangeButton-") + QString::fromUtf8(Models::inputKey(input)));
}

QByteArray saved(ScenarioDocument &document, const QString &path)
{
    const auto ok = document.save(path);
    if (!ok)
        qFatal("%s", ok.error().toString().c_str());
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

/** The sample in a temporary folder (saving writes beside it), loaded, its ec2-spot option selected. */
struct Fixture {
    QTemporaryDir dir;
    QString file;
    ScenarioDocument document;
    std::unique_ptr<OptionsPanel> panel;

    Fixture()
    {
        file = dir.filePath(QStringLiteral("web-api.costscape.json"));
        if (!QFile::copy(Sample, file) || !document.load(file))
            qFatal("cannot load the sample");
        panel = std::make_unique<OptionsPanel>(&document);
        panel->select(optionIndex(document, "ec2-spot"));
        panel->resize(460, 1400);
        panel->show();
    }
};

} // namespace

void TestOptionRanges::versionOneFile_showsTheButtonsEmpty()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(f.panel.get()));
    QCOMPARE(f.document.scenario().original["version"].get<int>(), 1);
    QVERIFY(!f.document.scenario().original.contains("ranges"));
    for (UncertainInput input : {UncertainInput::SpotDiscount, UncertainInput::SpotInterruptedShare}) {
        RangeButton *button = rangeButton(*f.panel, input);
        QVERIFY(button);
        QVERIFY(button->isVisible());
        QCOMPARE(button->text(), QStringLiteral("±"));
        QVERIFY(!button->popup()->range()); // "Give a range" unticked
    }
    // Opening and closing the popup without ticking changes nothing.
    const int steps = f.document.undoStack()->count();
    rangeButton(*f.panel, UncertainInput::SpotDiscount)->openPopup();
    rangeButton(*f.panel, UncertainInput::SpotDiscount)->popup()->hide();
    QCOMPARE(f.document.undoStack()->count(), steps);
    QVERIFY(!f.document.isModified());

    // An option bought on demand has no spot range to give.
    f.panel->select(optionIndex(f.document, "ec2-on-demand"));
    QVERIFY(!rangeButton(*f.panel, UncertainInput::SpotDiscount)->isVisible());
    QVERIFY(!rangeButton(*f.panel, UncertainInput::SpotInterruptedShare)->isVisible());
}

void TestOptionRanges::spotDiscountRange_isAnUndoableEditOfTheFile()
{
    Fixture f;
    const QByteArray before = saved(f.document, f.dir.filePath(QStringLiteral("before.costscape.json")));
    const int steps = f.document.undoStack()->count();

    RangeButton *button = rangeButton(*f.panel, UncertainInput::SpotDiscount);
    button->openPopup();
    RangePopup *popup = button->popup();
    QVERIFY(popup->isVisible());
    popup->enabledBox()->setChecked(true);
    // Offered around the discount the option is priced at: the sample's m7g.large has no spot
    // price in the sheet and no discount of its own, so the Spot Instance Advisor's 64% saving.
    auto r = rangeOf(f.document, UncertainInput::SpotDiscount);
    QVERIFY(r);
    QVERIFY(std::abs(r->typical - 0.64) < 1e-9);
    popup->lowBox()->setValue(0.5);
    popup->highBox()->setValue(0.7);
    popup->hide();
    r = rangeOf(f.document, UncertainInput::SpotDiscount);
    QVERIFY(r);
    QCOMPARE(r->low, 0.5);
    QCOMPARE(r->high, 0.7);
    QCOMPARE(r->distribution, Models::RangeDistribution::Triangular);
    QCOMPARE(button->text(), QStringLiteral("0.5–0.7"));
    QCOMPARE(f.document.undoStack()->count(), steps + 1); // one step for the popup's run of edits
    // The option's own figures are untouched: the range is the scenario's.
    QVERIFY(!f.document.scenario().options[static_cast<std::size_t>(optionIndex(f.document, "ec2-spot"))]
                 .as<Models::Ec2Spec>()
                 .spotDiscount);

    // The file holds the range under the key FORMATS.md and docs/uncertainty.md name.
    const QByteArray with = saved(f.document, f.dir.filePath(QStringLiteral("with.costscape.json")));
    const auto json = nlohmann::ordered_json::parse(with.toStdString());
    QCOMPARE(json["ranges"]["spotDiscount"]["low"].get<double>(), 0.5);
    QVERIFY(std::abs(json["ranges"]["spotDiscount"]["typical"].get<double>() - 0.64) < 1e-9);
    QCOMPARE(json["ranges"]["spotDiscount"]["high"].get<double>(), 0.7);
    ScenarioDocument reopened;
    QVERIFY(reopened.load(f.dir.filePath(QStringLiteral("with.costscape.json"))));
    QCOMPARE(rangeOf(reopened, UncertainInput::SpotDiscount), r);

    // Undo: the saved file is byte for byte what Save wrote before the range was given.
    f.document.undoStack()->undo();
    QCOMPARE(button->text(), QStringLiteral("±"));
    const QByteArray after = saved(f.document, f.dir.filePath(QStringLiteral("after.costscape.json")));
    QCOMPARE(after, before);
    f.document.undoStack()->redo();
    QCOMPARE(rangeOf(f.document, UncertainInput::SpotDiscount), r);
    // The form scrolled to the spot fields, as docs/screenshots shows them.
    f.panel->resize(460, 760);
    if (auto *scroll = f.panel->findChild<QScrollArea *>())
        scroll->ensureWidgetVisible(rangeButton(*f.panel, UncertainInput::SpotInterruptedShare), 10, 160);
    screenshot(*f.panel, "panel-options-spot-ranges");
}

void TestOptionRanges::spotRanges_reachTheOdds()
{
    Fixture f;
    RangeOdds odds(&f.document); // the line under the workload's fields
    odds.setDraws(300);
    QTRY_VERIFY_WITH_TIMEOUT(!odds.isBusy(), 60000);
    QVERIFY(!odds.result()); // no ranges, no draws

    RangeButton *interrupted = rangeButton(*f.panel, UncertainInput::SpotInterruptedShare);
    interrupted->openPopup();
    interrupted->popup()->enabledBox()->setChecked(true);
    // 0 unless ranged: offered from 0 to 0.1 around 0.
    QCOMPARE(interrupted->popup()->typicalBox()->value(), 0.0);
    interrupted->popup()->highBox()->setValue(0.3);
    interrupted->popup()->hide();
    QCOMPARE(interrupted->text(), QStringLiteral("0–0.3"));
    RangeButton *discount = rangeButton(*f.panel, UncertainInput::SpotDiscount);
    discount->openPopup();
    discount->popup()->enabledBox()->setChecked(true);
    discount->popup()->lowBox()->setValue(0.4);
    discount->popup()->hide();
    QVERIFY(odds.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!odds.isBusy(), 60000);
    QVERIFY2(odds.result(), qPrintable(odds.text()));

    // Only the spot inputs are ranged: the spot option's cost spreads (a dearer spot price, hours
    // run on demand), every option without spot instances costs the same in every draw.
    bool sawSpot = false;
    for (const Models::OptionUncertainty &o : odds.result()->options) {
        if (o.id == "ec2-spot") {
            sawSpot = true;
            QVERIFY2(o.p90 > o.p10, o.id.c_str());
            QVERIFY2(o.p90 > o.typical, o.id.c_str());
        } else if (o.id == "lambda-x86" || o.id == "ec2-on-demand" || o.id == "fargate") {
            QCOMPARE(o.p10, o.typical);
            QCOMPARE(o.p90, o.typical);
        }
    }
    QVERIFY(sawSpot);
    // The odds are those of the scenario's ranges as the file holds them.
    auto settings = odds.settings();
    settings.cancel = nullptr;
    const auto direct = Models::runUncertainty(f.document.scenario(), *f.document.priceSheet(),
                                               Models::readRanges(f.document.scenario()).value(), settings);
    QVERIFY(direct.ok());
    for (std::size_t i = 0; i < direct.value().options.size(); ++i)
        QCOMPARE(odds.result()->options[i].probabilityCheapest, direct.value().options[i].probabilityCheapest);

    // Both undone: no ranges, the odds line hides.
    f.document.undoStack()->undo();
    f.document.undoStack()->undo();
    QVERIFY(!f.document.scenario().original.contains("ranges"));
    QTRY_VERIFY_WITH_TIMEOUT(!odds.isBusy(), 60000);
    QVERIFY(odds.text().isEmpty() || !odds.isVisibleTo(f.panel.get()));
}

void TestOptionRanges::tabOrder_fieldThenItsRange()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(f.panel.get()));
    OptionEditor *editor = f.panel->editor();
    // The widgets Tab reaches after the spot discount's box, in order.
    const auto next = [](QWidget *w) {
        do
            w = w->nextInFocusChain();
        while (!(w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy()));
        return w;
    };
    QWidget *discount = editor->numberField(QStringLiteral("ec2.spotDiscount"))->lineEdit();
    QWidget *first = next(discount);
    QCOMPARE(first, rangeButton(*f.panel, UncertainInput::SpotDiscount));
    QWidget *second = next(first);
    QCOMPARE(second, rangeButton(*f.panel, UncertainInput::SpotInterruptedShare));
    QCOMPARE(next(second), editor->numberField(QStringLiteral("ec2.onDemandBase"))->lineEdit());
    // And Tab itself goes there (where the platform lets the window take the keyboard).
    f.panel->activateWindow();
    if (QTest::qWaitForWindowActive(f.panel.get(), 2000)) {
        discount->setFocus();
        QTRY_VERIFY(discount->hasFocus());
        QTest::keyClick(discount, Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), first);
    }
}

QTEST_MAIN(TestOptionRanges)
#include "tst_optionranges.moc"
