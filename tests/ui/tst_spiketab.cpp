// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scaling/scaling.h"
#include "ui/document/evaluationrunner.h"
#include "tests/common/windowtesting.h"
#include "models/platforms/platformmodel.h"
#include "ui/mainwindow.h"
#include "ui/editors/numberfield.h"
#include "ui/editors/optioneditor.h"
#include "ui/panels/optionspanel.h"
#include "ui/panels/resultspanel.h"
#include "ui/itemmodels/scalingmodel.h"
#include "ui/document/scenariodocument.h"
#include "ui/charts/timelinechart.h"
#include "ui/panels/workloadpanel.h"

#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Costscape;

/** The Spike tab and the spike's editors, driven through the main window as a user would. */
class TestSpikeTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void resultsPanel_spikeTabSitsAfterPacking_andDrawsWhenShown();
    void sample_showsEveryOptionWithAScalingResult();
    void editObjective_changesScenarioAndIsOneUndoStep();
    void editSpikeRate_updatesTheTimeline();
    void chooseReject_isUndoable();
    void removeSpike_tabSaysHowToAddOne();
    void optionOverride_setsAndClearsTheAssumption();

private:
    QTemporaryDir m_settingsDir;
};

static const QString Sample = Testing::SampleScenario;
using Testing::settle;


static void typeInto(Ui::NumberField *field, const QString &text)
{
    field->lineEdit()->setFocus();
    field->lineEdit()->selectAll();
    if (text.isEmpty())
        QTest::keyClick(field->lineEdit(), Qt::Key_Delete);
    else
        QTest::keyClicks(field->lineEdit(), text);
}

static double demandPeak(const Ui::TimelineChart *chart)
{
    double top = 0;
    const QCPGraph *demand = chart->demandGraph();
    for (auto it = demand->data()->constBegin(); it != demand->data()->constEnd(); ++it)
        top = std::max(top, it->value);
    return top;
}

void TestSpikeTab::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CostscapeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_spiketab"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestSpikeTab::init()
{
    QSettings().clear();
}

void TestSpikeTab::resultsPanel_spikeTabSitsAfterPacking_andDrawsWhenShown()
{
    Ui::ResultsPanel panel;
    QTabWidget *tabs = panel.tabs();
    QCOMPARE(tabs->count(), 7); // the Commitments tab (issue 16) follows Line items
    QCOMPARE(tabs->tabText(4), QStringLiteral("&Spike"));
    QCOMPARE(tabs->tabText(5), QStringLiteral("&Line items"));

    // One option through a spike from 10 to 100 requests/s; its figures only need to arrive.
    Models::ScalingResult scaling;
    scaling.startSeconds = -2;
    scaling.demandPerSecond = {10, 10, 100, 100, 100};
    scaling.capacityPerSecond = {20, 20, 20, 120, 120};
    scaling.backlog = {0, 0, 80, 60, 40};
    scaling.secondsToMeetDemand = 1;
    scaling.peakBacklog = 80;
    Models::Evaluation evaluation;
    evaluation.options.resize(2);
    evaluation.options[0].id = "with-spike";
    evaluation.options[0].scaling = scaling;
    evaluation.options[1].id = "no-result"; // an option the model did not take through the spike
    Ui::EvaluationOutcome outcome;
    outcome.generation = 1;
    outcome.evaluation = evaluation;
    panel.showOutcome(outcome);
    QCOMPARE(panel.timelineChart()->lineCount(), 0); // hidden: not drawn yet
    panel.setCurrentTab(Ui::ResultsPanel::SpikeTab);
    QCOMPARE(tabs->currentIndex(), 4);
    QVERIFY(panel.isSpikeShown());
    QCOMPARE(panel.timelineChart()->lineCount(), 1);
    QCOMPARE(panel.scalingModel()->rowCount(), 1);
    QCOMPARE(panel.scalingModel()->index(0, Ui::ScalingModel::PeakBacklogColumn).data().toString(), QStringLiteral("80"));

    // The spike removed: the tab says how to add one, at once since it is visible.
    evaluation.options[0].scaling.reset();
    outcome.generation = 2;
    outcome.evaluation = evaluation;
    panel.showOutcome(outcome);
    QVERIFY(!panel.isSpikeShown());
    QVERIFY(panel.currentChart() == nullptr);
    QVERIFY(panel.noSpikeLabel()->text().contains(QStringLiteral("no traffic spike")));
}

void TestSpikeTab::sample_showsEveryOptionWithAScalingResult()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY2(w.openScenario(Sample, true), qPrintable(w.lastError()));
    QVERIFY(settle(w));
    Ui::ResultsPanel *results = w.results();
    QAbstractItemModelTester tester(results->scalingModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    results->setCurrentTab(Ui::ResultsPanel::SpikeTab);
    QCOMPARE(results->currentTab(), Ui::ResultsPanel::SpikeTab);
    QVERIFY(results->isSpikeShown());
    QCOMPARE(results->currentChart(), static_cast<Ui::ChartBase *>(results->timelineChart()));

    int withScaling = 0;
    for (const auto &o : w.evaluation()->options)
        withScaling += o.scaling ? 1 : 0;
    QVERIFY(withScaling > 0);
    QCOMPARE(results->timelineChart()->lineCount(), withScaling);
    QCOMPARE(results->scalingModel()->rowCount(), withScaling);
    // The sample's spike goes from 60 to 600 requests/s: the demand line tops out at 600.
    QCOMPARE(demandPeak(results->timelineChart()), 600.0);
    // The table shows the result's figures.
    const auto &first = *std::find_if(w.evaluation()->options.begin(), w.evaluation()->options.end(),
                                      [](const Models::OptionResult &o) { return o.scaling.has_value(); });
    QCOMPARE(results->scalingModel()->index(0, Ui::ScalingModel::OptionColumn).data().toString(), QString::fromStdString(first.id));
    QCOMPARE(results->scalingModel()->index(0, Ui::ScalingModel::PeakBacklogColumn).data(Ui::ScalingModel::RawValueRole).toDouble(),
             first.scaling->peakBacklog);
}

void TestSpikeTab::editObjective_changesScenarioAndIsOneUndoStep()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    const double before = w.document()->scenario().workload.spike->objectiveMs;
    Ui::NumberField *objective = w.workloadPanel()->spikeObjectiveField();
    QCOMPARE(objective->value(), std::optional<double>(before));
    typeInto(objective, QStringLiteral("250"));
    QVERIFY(settle(w));
    QCOMPARE(w.document()->scenario().workload.spike->objectiveMs, 250.0);
    // Typing "250" is one undo step, not three.
    QCOMPARE(w.document()->undoStack()->count(), 1);

    w.document()->undoStack()->undo();
    QVERIFY(settle(w));
    QCOMPARE(w.document()->scenario().workload.spike->objectiveMs, before);
    QCOMPARE(objective->value(), std::optional<double>(before));
    w.document()->undoStack()->redo();
    QCOMPARE(w.document()->scenario().workload.spike->objectiveMs, 250.0);

    // A value the format refuses stays in the box and changes nothing.
    typeInto(objective, QStringLiteral("-5"));
    QVERIFY(!objective->isValid());
    QCOMPARE(w.document()->scenario().workload.spike->objectiveMs, 250.0);
}

void TestSpikeTab::editSpikeRate_updatesTheTimeline()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    w.results()->setCurrentTab(Ui::ResultsPanel::SpikeTab);
    QCOMPARE(demandPeak(w.results()->timelineChart()), 600.0);

    QSignalSpy evaluated(w.runner(), &Ui::EvaluationRunner::evaluated);
    QSignalSpy shown(w.results(), &Ui::ResultsPanel::resultShown);
    typeInto(w.workloadPanel()->spikeToField(), QStringLiteral("900"));
    QTRY_VERIFY_WITH_TIMEOUT(evaluated.count() >= 1, 15000);
    QVERIFY(settle(w));
    QVERIFY(shown.count() >= 1);
    QCOMPARE(w.document()->scenario().workload.spike->toPerSecond, 900.0);
    // The visible tab redraws at once: the demand now tops out at the new rate.
    QCOMPARE(demandPeak(w.results()->timelineChart()), 900.0);
}

void TestSpikeTab::chooseReject_isUndoable()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    QComboBox *excess = w.workloadPanel()->spikeExcessBox();
    QCOMPARE(excess->currentData().toString(), QStringLiteral("queue"));
    const int reject = excess->findData(QStringLiteral("reject"));
    QVERIFY(reject >= 0);
    excess->setCurrentIndex(reject);
    Q_EMIT excess->activated(reject);
    QVERIFY(settle(w));
    QCOMPARE(w.document()->scenario().workload.spike->excess, Models::Spike::Excess::Reject);
    QCOMPARE(w.document()->undoStack()->count(), 1);
    w.document()->undoStack()->undo();
    QVERIFY(settle(w));
    QCOMPARE(w.document()->scenario().workload.spike->excess, Models::Spike::Excess::Queue);
    QCOMPARE(excess->currentData().toString(), QStringLiteral("queue"));
}

void TestSpikeTab::removeSpike_tabSaysHowToAddOne()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    w.results()->setCurrentTab(Ui::ResultsPanel::SpikeTab);
    QVERIFY(w.results()->isSpikeShown());

    auto *spikeOn = w.workloadPanel()->findChild<QCheckBox *>();
    for (QCheckBox *box : w.workloadPanel()->findChildren<QCheckBox *>())
        if (box->text().contains(QStringLiteral("spike")))
            spikeOn = box;
    QVERIFY(spikeOn && spikeOn->isChecked());
    spikeOn->click();
    QVERIFY(settle(w));
    QVERIFY(!w.document()->scenario().workload.spike);
    QVERIFY(!w.results()->isSpikeShown());
    QVERIFY(w.results()->currentChart() == nullptr);
    QVERIFY2(w.results()->noSpikeLabel()->text().contains(QStringLiteral("Model a traffic spike")),
             qPrintable(w.results()->noSpikeLabel()->text()));

    w.document()->undoStack()->undo();
    QVERIFY(settle(w));
    QVERIFY(w.results()->isSpikeShown());
    QVERIFY(w.results()->timelineChart()->lineCount() > 0);
}

void TestSpikeTab::optionOverride_setsAndClearsTheAssumption()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    const auto &options = w.document()->scenario().options;
    int ec2 = -1;
    for (std::size_t i = 0; i < options.size() && ec2 < 0; ++i)
        if (options[i].platform() == Models::Platform::Ec2)
            ec2 = static_cast<int>(i);
    QVERIFY(ec2 >= 0);
    w.optionsPanel()->select(ec2);
    Ui::OptionEditor *editor = w.optionsPanel()->editor();
    const auto defaults = Models::scalingAssumptionDefaults(Models::Platform::Ec2);
    QVERIFY(!defaults.empty());
    const Models::ScalingAssumption &first = defaults.front();
    const QString key = QStringLiteral("spike.") + QString::fromStdString(first.key);

    QAbstractButton *toggle = editor->button(QStringLiteral("spike.toggle"));
    QVERIFY(toggle);
    Ui::NumberField *field = editor->numberField(key);
    QVERIFY(field);
    QVERIFY(!field->isVisibleTo(editor)); // collapsed until asked for
    toggle->click();
    QVERIFY(field->isVisibleTo(editor));
    // Empty: the default is the placeholder, and the source is the tooltip.
    QVERIFY(!field->value());
    QVERIFY(field->lineEdit()->placeholderText().contains(QLocale::c().toString(first.value, 'g', 10)));
    if (!first.source.empty())
        QVERIFY(field->toolTip().contains(QString::fromStdString(first.source).toHtmlEscaped()));

    // A value inside the assumption's range, different from the default.
    const bool bounded = first.max > first.min;
    double wanted = first.integer ? first.value + 1 : (first.value > 0 ? first.value * 2 : 1);
    if (bounded && wanted > first.max)
        wanted = first.integer ? first.value - 1 : (first.value + first.min) / 2;
    QVERIFY(wanted != first.value && (!bounded || (wanted >= first.min && wanted <= first.max)));
    typeInto(field, QLocale::c().toString(wanted, 'g', 10));
    QVERIFY(settle(w));
    auto overrides = [&w, ec2] { return w.document()->scenario().options[static_cast<std::size_t>(ec2)].scalingOverrides; };
    QCOMPARE(overrides().count(first.key), std::size_t(1));
    QCOMPARE(overrides().at(first.key), wanted);
    QVERIFY(toggle->text().contains(QStringLiteral("1 changed")));
    // Typing the number was one undo step; undo empties the field again.
    QCOMPARE(w.document()->undoStack()->count(), 1);
    w.document()->undoStack()->undo();
    QVERIFY(settle(w));
    QCOMPARE(overrides().count(first.key), std::size_t(0));
    QVERIFY(!field->value());
    w.document()->undoStack()->redo();
    QVERIFY(settle(w));
    QCOMPARE(field->value(), std::optional<double>(wanted));

    // Emptying the field goes back to the default.
    typeInto(field, QString());
    QVERIFY(settle(w));
    QCOMPARE(overrides().count(first.key), std::size_t(0));
    QVERIFY(!toggle->text().contains(QStringLiteral("changed")));
}

QTEST_MAIN(TestSpikeTab)
#include "tst_spiketab.moc"
