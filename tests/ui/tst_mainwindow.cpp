// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/scenarioreader.h"
#include "ui/document/evaluationrunner.h"
#include "ui/document/recoverystore.h"
#include "tests/common/windowtesting.h"
#include "ui/itemmodels/lineitemmodel.h"
#include "ui/mainwindow.h"
#include "ui/charts/monthlycostchart.h"
#include "ui/editors/numberfield.h"
#include "ui/editors/optioneditor.h"
#include "ui/itemmodels/optionlistmodel.h"
#include "ui/panels/optionspanel.h"
#include "ui/panels/pricesheetpanel.h"
#include "ui/charts/profilechart.h"
#include "ui/itemmodels/profilemodel.h"
#include "ui/panels/resultspanel.h"
#include "ui/document/scenariodocument.h"
#include "ui/charts/trafficchart.h"
#include "ui/panels/workloadpanel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Costscape;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void sample_showsEveryOptionInChartAndTable();
    void newScenario_pricesEveryPlatform();
    void workloadPanel_tabOrderFollowsTheForm();
    void editDuration_updatesLineItemsAndBars();
    void invalidField_keepsLastResultAndSaysWhy();
    void undoRedo_restoreValues();
    void preset_changesProfileChart_data();
    void preset_changesProfileChart();
    void dragProfilePoint_isOneUndoStep();
    void importCsv_perHourHeader_becomesRequestsPerSecond();
    void importCsv_badRow_namesTheLineAndChangesNothing();
    void saveReopen_comparesEqual();
    void unsavedChanges_promptCanCancelOpen();
    void recovery_afterACrash_isOfferedOnTheNextStart_data();
    void recovery_afterACrash_isOfferedOnTheNextStart();
    void brokenFile_keepsScenarioAndNamesTheLine();
    void disableOption_leavesItOutOfTheComparison();
    void addDuplicateRemoveOption();
    void optionEditor_editsTheSelectedOption();
    void region_changeReprices();
    void priceSheet_brokenFileIsRefused();
    void staleResult_neverReplacesNewer();
    void trafficSweep_arrivesAndNamesBreakEvens();
    void droppedScenario_opens();
    void droppedScenario_whenModified_asksOnce();
    void layout_restoredOnNextStart();
    void itemModels_passTheModelTester();

private:
    QTemporaryDir m_settingsDir;
};

static const QString Sample = Testing::SampleScenario;
/** The options of the sample scenario, as its file lists them (read on first use, not at start-up). */
static std::size_t sampleOptions()
{
    static const std::size_t count = [] {
        const auto s = Models::loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
        return s ? s->options.size() : std::size_t(0);
    }();
    return count;
}

using Testing::settle;


static const Models::OptionResult *option(const Ui::MainWindow &w, const std::string &id)
{
    for (const auto &o : w.evaluation()->options)
        if (o.id == id)
            return &o;
    return nullptr;
}

static double totalInModel(const Ui::MainWindow &w, const QString &id)
{
    auto *m = w.results()->lineItemModel();
    const int row = m->optionTotalRow(id);
    return row < 0 ? -1 : m->index(row, 5).data(Qt::UserRole).toDouble();
}

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CostscapeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::sample_showsEveryOptionInChartAndTable()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY2(w.openScenario(Sample, true), qPrintable(w.lastError()));
    QVERIFY(settle(w));
    const auto &e = *w.evaluation();
    QCOMPARE(e.options.size(), sampleOptions());
    auto *chart = w.results()->monthlyChart();
    QCOMPARE(chart->barCount(), int(sampleOptions()));
    for (std::size_t i = 0; i < e.options.size(); ++i) {
        QCOMPARE(chart->stackedValue(static_cast<int>(i)), e.options[i].monthlyCost);
        QCOMPARE(totalInModel(w, QString::fromStdString(e.options[i].id)), e.options[i].monthlyCost);
    }
    QVERIFY(w.results()->headline()->text().contains(QString::fromStdString(e.options[static_cast<std::size_t>(e.cheapestIndex())].id)));
    QVERIFY(w.windowTitle().contains(QStringLiteral("web-api.costscape.json")));
}

void TestMainWindow::newScenario_pricesEveryPlatform()
{
    Ui::MainWindow w;
    QVERIFY(settle(w));
    QVERIFY2(w.results()->errorText().isEmpty(), qPrintable(w.results()->errorText()));
    QVERIFY(w.evaluation());
    QStringList platforms;
    for (const auto &o : w.evaluation()->options) {
        platforms << QString::fromUtf8(Models::platformName(o.platform));
        QVERIFY2(o.feasible, o.warnings.empty() ? o.id.c_str() : o.warnings.front().c_str());
        QVERIFY(o.monthlyCost > 0);
    }
    // Every platform of the registry, in its order.
    QStringList every;
    for (const Models::Platform p : Models::allPlatforms())
        every << QString::fromUtf8(Models::platformName(p));
    QCOMPARE(platforms, every);
    QVERIFY(every.contains(QStringLiteral("lambda-managed")));
    QVERIFY(!w.document()->isModified());
    QVERIFY(w.windowTitle().contains(QStringLiteral("unsaved")));
}

void TestMainWindow::workloadPanel_tabOrderFollowsTheForm()
{
    Ui::MainWindow w;
    w.show();
    auto *panel = w.workloadPanel();
    // Where Tab goes from a widget: the next one in the focus chain that takes focus by Tab.
    auto tabFrom = [](QWidget *from) {
        QWidget *next = from->nextInFocusChain();
        while (next != from && !((next->focusPolicy() & Qt::TabFocus) && next->isVisible() && next->isEnabled()))
            next = next->nextInFocusChain();
        return next;
    };
    QCOMPARE(tabFrom(panel->nameEdit()), static_cast<QWidget *>(panel->hoursField()->lineEdit()));
    QCOMPARE(tabFrom(panel->hoursField()->lineEdit()), static_cast<QWidget *>(panel->requestKindBox()));
    QCOMPARE(tabFrom(panel->durationField()->lineEdit()), static_cast<QWidget *>(panel->memoryField()->lineEdit()));
}

void TestMainWindow::editDuration_updatesLineItemsAndBars()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    const double before = option(w, "lambda-x86")->monthlyCost;
    const auto *beforeDuration = option(w, "lambda-x86");
    double gbSecondsBefore = 0;
    for (const auto &li : beforeDuration->lineItems)
        if (li.unit == "GB-seconds")
            gbSecondsBefore += li.quantity;

    // Type a doubled duration into the real field, as a user would.
    Ui::NumberField *duration = w.workloadPanel()->durationField();
    const double oldDuration = w.document()->scenario().workload.durationMs;
    duration->lineEdit()->selectAll();
    QTest::keyClicks(duration->lineEdit(), QString::number(oldDuration * 2));
    QVERIFY(settle(w));
    QCOMPARE(w.document()->scenario().workload.durationMs, oldDuration * 2);

    const auto *after = option(w, "lambda-x86");
    double gbSecondsAfter = 0;
    for (const auto &li : after->lineItems)
        if (li.unit == "GB-seconds")
            gbSecondsAfter += li.quantity;
    // Lambda bills GB-seconds in proportion to the duration (1 ms granularity, whole ms here).
    QVERIFY(gbSecondsBefore > 0);
    QCOMPARE(gbSecondsAfter, 2 * gbSecondsBefore);
    QVERIFY(after->monthlyCost > before);
    const int index = static_cast<int>(after - w.evaluation()->options.data());
    QCOMPARE(w.results()->monthlyChart()->stackedValue(index), after->monthlyCost);
    QCOMPARE(totalInModel(w, QStringLiteral("lambda-x86")), after->monthlyCost);
}

void TestMainWindow::invalidField_keepsLastResultAndSaysWhy()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    const double before = option(w, "lambda-x86")->monthlyCost;
    const quint64 generation = w.runner()->latestGeneration();
    Ui::NumberField *memory = w.workloadPanel()->memoryField();
    memory->lineEdit()->setFocus();
    memory->lineEdit()->selectAll();
    QTest::keyClicks(memory->lineEdit(), QStringLiteral("-512"));
    QVERIFY(settle(w));
    QVERIFY(!memory->isValid());
    QVERIFY2(memory->errorText().contains(QStringLiteral("must be between 0.001 and 4194304 MB, got -512")), qPrintable(memory->errorText()));
    QCOMPARE(memory->lineEdit()->text(), QStringLiteral("-512")); // nothing typed is lost
    QCOMPARE(w.runner()->latestGeneration(), generation);          // nothing was re-priced
    QCOMPARE(option(w, "lambda-x86")->monthlyCost, before);
    QCOMPARE(w.results()->monthlyChart()->stackedValue(0), before);
    QVERIFY(!w.document()->isModified());
}

void TestMainWindow::undoRedo_restoreValues()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    const double duration = w.document()->scenario().workload.durationMs;
    const double cost = option(w, "lambda-x86")->monthlyCost;
    Ui::NumberField *field = w.workloadPanel()->durationField();
    field->lineEdit()->selectAll();
    QTest::keyClicks(field->lineEdit(), QStringLiteral("500"));
    QVERIFY(settle(w));
    // Typing "500" is one undo step, not three.
    QCOMPARE(w.document()->undoStack()->count(), 1);
    QCOMPARE(w.document()->scenario().workload.durationMs, 500.0);
    QVERIFY(w.document()->isModified());
    QVERIFY(w.windowTitle().contains(QStringLiteral("*")) || w.isWindowModified());

    w.document()->undoStack()->undo();
    QVERIFY(settle(w));
    QCOMPARE(w.document()->scenario().workload.durationMs, duration);
    QCOMPARE(field->value(), std::optional<double>(duration));
    QCOMPARE(option(w, "lambda-x86")->monthlyCost, cost);
    QVERIFY(!w.document()->isModified());

    w.document()->undoStack()->redo();
    QVERIFY(settle(w));
    QCOMPARE(w.document()->scenario().workload.durationMs, 500.0);
    QCOMPARE(field->value(), std::optional<double>(500.0));
    QVERIFY(option(w, "lambda-x86")->monthlyCost > cost);
}

void TestMainWindow::preset_changesProfileChart_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<int>("length");
    QTest::newRow("business-hours-day") << static_cast<int>(Models::ProfilePreset::BusinessHours) << 24;
    QTest::newRow("weekday-weekend-week") << static_cast<int>(Models::ProfilePreset::WeekdayWeekend) << 168;
    QTest::newRow("nightly-batch-day") << static_cast<int>(Models::ProfilePreset::NightlyBatch) << 24;
}

void TestMainWindow::preset_changesProfileChart()
{
    QFETCH(int, preset);
    QFETCH(int, length);
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    auto *panel = w.workloadPanel();
    const int index = panel->presetBox()->findData(preset);
    QVERIFY(index >= 0);
    panel->presetBox()->setCurrentIndex(index);
    panel->applyPreset(static_cast<Models::ProfilePreset>(preset), Ui::WorkloadPanel::PresetScale::Peak, 200);
    QVERIFY(settle(w));
    const auto profile = panel->profileChart()->profile();
    QCOMPARE(static_cast<int>(profile.size()), length);
    QCOMPARE(*std::max_element(profile.begin(), profile.end()), 200.0);
    QCOMPARE(profile, w.document()->scenario().workload.requests.perSecondHourly);
    QCOMPARE(panel->profileModel()->rowCount(), length);
    // The evaluation on screen prices the new profile, tiled over the month.
    const auto &rates = w.evaluation()->ratePerSecond;
    QCOMPARE(rates.size(), std::size_t(730));
    for (std::size_t h = 0; h < rates.size(); ++h)
        QCOMPARE(rates[h], profile[h % profile.size()]);
}

void TestMainWindow::dragProfilePoint_isOneUndoStep()
{
    Ui::MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    auto *chart = w.workloadPanel()->profileChart();
    const auto before = w.document()->scenario().workload.requests.perSecondHourly;
    const int hour = 10;
    const QPoint start = chart->pointPixel(hour).toPoint();
    QWidget *plot = reinterpret_cast<QWidget *>(chart->plot());
    QTest::mousePress(plot, Qt::LeftButton, {}, start);
    for (int dy = 5; dy <= 30; dy += 5)
        QTest::mouseMove(plot, start - QPoint(0, dy));
    QTest::mouseRelease(plot, Qt::LeftButton, {}, start - QPoint(0, 30));
    QVERIFY(settle(w));
    const auto after = w.document()->scenario().workload.requests.perSecondHourly;
    QVERIFY2(after[hour] > before[hour], qPrintable(QStringLiteral("%1 -> %2").arg(before[hour]).arg(after[hour])));
    for (std::size_t i = 0; i < after.size(); ++i)
        if (static_cast<int>(i) != hour)
            QCOMPARE(after[i], before[i]);
    QCOMPARE(w.document()->undoStack()->count(), 1);
    w.document()->undoStack()->undo();
    QCOMPARE(w.document()->scenario().workload.requests.perSecondHourly, before);
}

void TestMainWindow::importCsv_perHourHeader_becomesRequestsPerSecond()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("day.csv"));
    QByteArray text = "hour,requests per hour\n";
    for (int h = 0; h < 24; ++h)
        text += QByteArray::number(h) + "," + QByteArray::number((h + 1) * 3600) + "\n";
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    const auto imported = w.workloadPanel()->importProfileCsv(csv, std::nullopt);
    QVERIFY2(imported.ok(), imported.error().toString().c_str());
    QVERIFY(settle(w));
    // 3600 requests in an hour is one request per second.
    std::vector<double> expected;
    for (int h = 0; h < 24; ++h)
        expected.push_back(h + 1);
    QCOMPARE(w.document()->scenario().workload.requests.perSecondHourly, expected);
    QCOMPARE(w.workloadPanel()->profileChart()->profile(), expected);
    QCOMPARE(w.evaluation()->ratePerSecond[25], 2.0);
}

void TestMainWindow::importCsv_badRow_namesTheLineAndChangesNothing()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    const auto before = w.document()->scenario().workload.requests.perSecondHourly;
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("bad.csv"));
    QByteArray text;
    for (int h = 0; h < 24; ++h)
        text += h == 6 ? QByteArray("lots\n") : QByteArray("5\n");
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    const auto imported = w.workloadPanel()->importProfileCsv(csv, Models::ProfileCsv::Unit::PerSecond);
    QVERIFY(!imported.ok());
    const QString error = QString::fromStdString(imported.error().toString());
    QVERIFY2(error.startsWith(csv + QStringLiteral(":7:")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("\"lots\" is not a number")), qPrintable(error));
    QCOMPARE(w.document()->scenario().workload.requests.perSecondHourly, before);
    QCOMPARE(w.document()->undoStack()->count(), 0);
}

void TestMainWindow::saveReopen_comparesEqual()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("copy.costscape.json"));
    std::string savedJson;
    {
        Ui::MainWindow w;
        QVERIFY(w.openScenario(Sample, true));
        QVERIFY(settle(w));
        w.workloadPanel()->applyPreset(Models::ProfilePreset::DiurnalWeb, Ui::WorkloadPanel::PresetScale::Monthly, 5e7);
        w.document()->edit(QStringLiteral("test"), [](Models::Scenario &s) { s.options[1].enabled = false; });
        QVERIFY(settle(w));
        QVERIFY(w.saveScenarioAs(file, true));
        QVERIFY(!w.document()->isModified());
        QCOMPARE(w.recentFiles().value(0), QFileInfo(file).absoluteFilePath());
        savedJson = Models::scenarioToJson(w.document()->scenario()).dump();
    }
    Ui::MainWindow again;
    QVERIFY2(again.openScenario(file, true), qPrintable(again.lastError()));
    QVERIFY(settle(again));
    QCOMPARE(Models::scenarioToJson(again.document()->scenario()).dump(), savedJson);
    QCOMPARE(again.document()->scenario().options[1].enabled, false);
    QCOMPARE(again.evaluation()->options.size(), sampleOptions() - 1);
    // Unknown keys of the original file survive the round trip.
    const auto original = Models::loadScenario(Sample.toStdString());
    QVERIFY(original);
}

void TestMainWindow::unsavedChanges_promptCanCancelOpen()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    w.workloadPanel()->applyPreset(Models::ProfilePreset::Flat, Ui::WorkloadPanel::PresetScale::Peak, 10);
    QVERIFY(w.document()->isModified());
    int asked = 0;
    w.setUnsavedChangesPrompt([&] {
        ++asked;
        return QMessageBox::Cancel;
    });
    QVERIFY(!w.openScenario(Sample, false));
    QCOMPARE(asked, 1);
    QVERIFY(w.document()->isModified());
    QCOMPARE(w.document()->scenario().workload.requests.perSecondHourly, std::vector<double>(24, 10.0));
    w.setUnsavedChangesPrompt([&] {
        ++asked;
        return QMessageBox::Discard;
    });
    QVERIFY(w.openScenario(Sample, false));
    QCOMPARE(asked, 2);
    QVERIFY(!w.document()->isModified());
}

void TestMainWindow::recovery_afterACrash_isOfferedOnTheNextStart_data()
{
    QTest::addColumn<int>("answer"); // QMessageBox::StandardButton
    QTest::addColumn<bool>("recovered");
    QTest::addColumn<bool>("copyKept");
    QTest::newRow("recover-gives-back-the-unsaved-preset") << int(QMessageBox::Yes) << true << false;
    QTest::newRow("discard-deletes-the-copy") << int(QMessageBox::Discard) << false << false;
    QTest::newRow("later-keeps-the-copy-for-the-next-start") << int(QMessageBox::Cancel) << false << true;
}

void TestMainWindow::recovery_afterACrash_isOfferedOnTheNextStart()
{
    QFETCH(int, answer);
    QFETCH(bool, recovered);
    QFETCH(bool, copyKept);
    QDir(Ui::RecoveryStore::folder()).removeRecursively();
    QString copy;
    QByteArray bytes;
    {
        // A session with unsaved changes whose copy was written, then a crash: the copy stays
        // (its bytes are put back after the window is gone, which a clean exit would remove).
        Ui::MainWindow crashed;
        QVERIFY(crashed.openScenario(Sample, true));
        QVERIFY(settle(crashed));
        crashed.workloadPanel()->applyPreset(Models::ProfilePreset::Flat, Ui::WorkloadPanel::PresetScale::Peak, 10);
        QVERIFY(crashed.recoveryStore()->flush().ok());
        copy = crashed.recoveryStore()->copyPath();
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadOnly));
        bytes = f.readAll();
    }
    QVERIFY2(!QFile::exists(copy), "a clean exit left its recovery copy");
    {
        QFile f(copy);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    }

    // The copy left behind is removed at the end, after the window (whose lock it would take along).
    const auto cleanUp = qScopeGuard([] { QDir(Ui::RecoveryStore::folder()).removeRecursively(); });
    Ui::MainWindow next;
    QStringList asked;
    next.setRecoveryPrompt([&](const QString &text) {
        asked << text;
        return static_cast<QMessageBox::StandardButton>(answer);
    });
    QCOMPARE(next.offerRecovery(), recovered);
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked[0].contains(QStringLiteral("did not close properly")) && asked[0].contains(QFileInfo(Sample).fileName()),
             qPrintable(asked[0]));
    QCOMPARE(QFile::exists(copy), copyKept);
    QCOMPARE(next.document()->isModified(), recovered);
    if (recovered) {
        // The flat profile of 10 requests/s is back, as unsaved changes of the sample's file.
        QCOMPARE(next.document()->scenario().workload.requests.perSecondHourly, std::vector<double>(24, 10.0));
        QCOMPARE(next.document()->fileName(), QFileInfo(Sample).absoluteFilePath());
        QVERIFY(QFile::exists(next.recoveryStore()->copyPath()));
        QVERIFY(settle(next));
        QVERIFY(next.evaluation().has_value());
        // Nothing is left to offer again.
        QVERIFY(!next.offerRecovery());
        QCOMPARE(asked.size(), 1);
    }
}

void TestMainWindow::brokenFile_keepsScenarioAndNamesTheLine()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    const double before = w.evaluation()->options[0].monthlyCost;
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.costscape.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"costscape-scenario\", \"version\": 1,\n \"workload\": {\"durationMs\": -5}}");
    f.close();
    QVERIFY(!w.openScenario(bad, true));
    QVERIFY2(w.lastError().contains(QStringLiteral("bad.costscape.json:2:")), qPrintable(w.lastError()));
    QCOMPARE(w.document()->fileName(), QFileInfo(Sample).absoluteFilePath());
    QVERIFY(settle(w));
    QCOMPARE(w.evaluation()->options[0].monthlyCost, before);
}

void TestMainWindow::disableOption_leavesItOutOfTheComparison()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    auto *model = w.optionsPanel()->model();
    const QModelIndex first = model->index(0, 0);
    QCOMPARE(first.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(model->setData(first, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(settle(w));
    QCOMPARE(w.evaluation()->options.size(), sampleOptions() - 1);
    QVERIFY(!option(w, "lambda-x86"));
    QCOMPARE(w.results()->monthlyChart()->barCount(), int(sampleOptions()) - 1);
    QCOMPARE(model->index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    w.document()->undoStack()->undo();
    QVERIFY(settle(w));
    QCOMPARE(w.evaluation()->options.size(), sampleOptions());
}

void TestMainWindow::addDuplicateRemoveOption()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    auto *panel = w.optionsPanel();
    panel->addOption(Models::Platform::Lambda);
    QVERIFY(settle(w));
    QCOMPARE(w.document()->scenario().options.size(), sampleOptions() + 1);
    QCOMPARE(w.document()->scenario().options.back().id, std::string("lambda"));
    QCOMPARE(panel->selectedIndex(), int(sampleOptions()));
    panel->duplicateSelected();
    QVERIFY(settle(w));
    QCOMPARE(w.document()->scenario().options.size(), sampleOptions() + 2);
    QCOMPARE(w.document()->scenario().options.back().id, std::string("lambda-copy"));
    QCOMPARE(w.evaluation()->options.size(), sampleOptions() + 2);
    QCOMPARE(option(w, "lambda-copy")->monthlyCost, option(w, "lambda")->monthlyCost);
    panel->removeSelected();
    panel->removeSelected();
    QVERIFY(settle(w));
    QCOMPARE(w.document()->scenario().options.size(), sampleOptions());
    QCOMPARE(w.document()->undoStack()->count(), 4);
}

void TestMainWindow::optionEditor_editsTheSelectedOption()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    auto *panel = w.optionsPanel();
    const auto &options = w.document()->scenario().options;
    int fargate = -1;
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].platform() == Models::Platform::Fargate)
            fargate = static_cast<int>(i);
    QVERIFY(fargate >= 0);
    panel->select(fargate);
    const double before = w.evaluation()->options[static_cast<std::size_t>(fargate)].monthlyCost;
    const double vcpu = options[static_cast<std::size_t>(fargate)].as<Models::FargateSpec>().taskVcpu;
    const double memory = options[static_cast<std::size_t>(fargate)].as<Models::FargateSpec>().taskMemoryGb;
    Ui::NumberField *field = panel->editor()->numberField(QStringLiteral("fargate.taskVcpu"));
    QVERIFY(field);
    // Doubling vCPU and memory of a fixed or derived fleet cannot make it cheaper per task.
    field->lineEdit()->selectAll();
    QTest::keyClicks(field->lineEdit(), QString::number(vcpu * 2));
    Ui::NumberField *mem = panel->editor()->numberField(QStringLiteral("fargate.taskMemoryGb"));
    QVERIFY(mem);
    mem->lineEdit()->selectAll();
    QTest::keyClicks(mem->lineEdit(), QString::number(memory * 2));
    QVERIFY(settle(w));
    QCOMPARE(w.document()->scenario().options[static_cast<std::size_t>(fargate)].as<Models::FargateSpec>().taskVcpu, vcpu * 2);
    QCOMPARE(w.document()->scenario().options[static_cast<std::size_t>(fargate)].as<Models::FargateSpec>().taskMemoryGb, memory * 2);
    QVERIFY(w.evaluation()->options[static_cast<std::size_t>(fargate)].monthlyCost != before);
}

void TestMainWindow::region_changeReprices()
{
    Ui::MainWindow w;
    QTemporaryDir dir;
    // An EC2-only scenario: the embedded sheet has EC2 prices for eu-west-1 too.
    const QString file = dir.filePath(QStringLiteral("ec2.costscape.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "costscape-scenario", "version": 1, "name": "vm", "region": "us-east-1",
        "workload": {"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 256},
        "options": [{"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 2}]})");
    f.close();
    QVERIFY(w.openScenario(file, true));
    QVERIFY(settle(w));
    const double useast = w.evaluation()->options[0].monthlyCost;
    // The file describes compute only: the window says plainly what the figure leaves out.
    QLabel *leftOut = w.results()->leftOutLabel();
    QVERIFY(!leftOut->isHidden());
    QVERIFY2(leftOut->text().contains(QStringLiteral("front door")), qPrintable(leftOut->text()));
    QVERIFY(leftOut->text().contains(QStringLiteral("NAT gateways")));
    QVERIFY(leftOut->text().contains(QStringLiteral("root volumes")));
    QComboBox *regions = w.priceSheetPanel()->regionBox();
    const int eu = regions->findText(QStringLiteral("eu-west-1"));
    QVERIFY(eu >= 0);
    regions->setCurrentIndex(eu);
    Q_EMIT regions->activated(eu);
    QVERIFY(settle(w));
    QCOMPARE(QString::fromStdString(w.document()->scenario().region), QStringLiteral("eu-west-1"));
    QCOMPARE(QString::fromStdString(w.evaluation()->region), QStringLiteral("eu-west-1"));
    QVERIFY(w.evaluation()->options[0].monthlyCost != useast);
}

void TestMainWindow::priceSheet_brokenFileIsRefused()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.prices.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"costscape-prices\",\n \"version\": 1,\n \"currency\": 5}");
    f.close();
    QVERIFY(!w.loadPriceSheet(bad, true));
    QVERIFY2(w.lastError().contains(QStringLiteral("bad.prices.json:")), qPrintable(w.lastError()));
    QCOMPARE(w.document()->scenario().prices, std::string("embedded"));
    QCOMPARE(w.document()->undoStack()->count(), 0);
}

void TestMainWindow::staleResult_neverReplacesNewer()
{
    Ui::MainWindow w;
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    // A burst of edits, each a new request, without returning to the event loop in between.
    for (int ms = 101; ms <= 160; ++ms)
        w.document()->edit(QStringLiteral("burst"), [ms](Models::Scenario &s) { s.workload.durationMs = ms; }, QStringLiteral("d"));
    QVERIFY(settle(w));
    // What is on screen is the last edit's result, whatever order the workers finished in.
    Ui::EvaluationRunner runner;
    QSignalSpy spy(&runner, &Ui::EvaluationRunner::evaluated);
    runner.request(w.document()->snapshot(), w.document()->priceSheet());
    QVERIFY(spy.wait(10000));
    const auto outcome = spy.takeFirst().at(0).value<std::shared_ptr<const Ui::EvaluationOutcome>>();
    QVERIFY(outcome->evaluation);
    for (std::size_t i = 0; i < outcome->evaluation->options.size(); ++i)
        QCOMPARE(w.evaluation()->options[i].monthlyCost, outcome->evaluation->options[i].monthlyCost);
    // Requests made in one pass of the event loop were merged: far fewer than 60 evaluations ran.
    QCOMPARE(w.document()->scenario().workload.durationMs, 160.0);
}

void TestMainWindow::trafficSweep_arrivesAndNamesBreakEvens()
{
    Ui::MainWindow w;
    w.show();
    QVERIFY(w.openScenario(Sample, true));
    w.results()->setCurrentTab(Ui::ResultsPanel::TrafficTab);
    QTRY_VERIFY_WITH_TIMEOUT(!w.results()->trafficChart()->caption().isEmpty(), 20000);
    QVERIFY2(w.results()->trafficChart()->caption().contains(QStringLiteral("cheapest")),
             qPrintable(w.results()->trafficChart()->caption()));
}

void TestMainWindow::droppedScenario_opens()
{
    Ui::MainWindow w;
    QVERIFY(settle(w));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(Sample)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &drop);
    QCOMPARE(w.document()->fileName(), QFileInfo(Sample).absoluteFilePath());
    QVERIFY(settle(w));
    QCOMPARE(w.evaluation()->options.size(), sampleOptions());
}

void TestMainWindow::droppedScenario_whenModified_asksOnce()
{
    Ui::MainWindow w;
    QVERIFY(settle(w));
    w.workloadPanel()->applyPreset(Models::ProfilePreset::Flat, Ui::WorkloadPanel::PresetScale::Peak, 10);
    int asked = 0;
    w.setUnsavedChangesPrompt([&] {
        ++asked;
        return QMessageBox::Discard;
    });
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(Sample)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY(w.document()->isModified());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &drop);
    QCOMPARE(asked, 1);
    QCOMPARE(w.document()->fileName(), QFileInfo(Sample).absoluteFilePath());
    QVERIFY(!w.document()->isModified());
}

void TestMainWindow::layout_restoredOnNextStart()
{
    {
        Ui::MainWindow w;
        w.show();
        w.priceSheetDock()->hide();
        w.results()->setCurrentTab(Ui::ResultsPanel::PackingTab);
        QVERIFY(settle(w));
        w.close();
    }
    Ui::MainWindow again;
    again.show();
    QVERIFY(again.priceSheetDock()->isHidden());
    QCOMPARE(again.results()->currentTab(), Ui::ResultsPanel::PackingTab);
}

void TestMainWindow::itemModels_passTheModelTester()
{
    Ui::MainWindow w;
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    QAbstractItemModelTester lineItems(w.results()->lineItemModel(), mode);
    QAbstractItemModelTester options(w.optionsPanel()->model(), mode);
    QAbstractItemModelTester profile(w.workloadPanel()->profileModel(), mode);
    QAbstractItemModelTester sheet(w.priceSheetPanel()->table()->model(), mode);
    QVERIFY(w.openScenario(Sample, true));
    QVERIFY(settle(w));
    w.optionsPanel()->addOption(Models::Platform::EcsEc2);
    w.workloadPanel()->applyPreset(Models::ProfilePreset::WeekdayWeekend, Ui::WorkloadPanel::PresetScale::Peak, 80);
    w.priceSheetPanel()->searchBox()->setText(QStringLiteral("m5"));
    QVERIFY(settle(w));
    w.document()->undoStack()->undo();
    w.document()->undoStack()->undo();
    QVERIFY(settle(w));
    QVERIFY(w.results()->lineItemModel()->rowCount() > 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
