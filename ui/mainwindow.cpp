// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"
#include "ui/uitext.h"

#include "ui/document/awsimporter.h"
#include "ui/charts/chartbase.h"
#include "ui/charts/filewriter.h"
#include "ui/charts/trafficchart.h"
#include "ui/document/evaluationrunner.h"
#include "ui/itemmodels/lineitemmodel.h"
#include "output/resultformat.h"
#include "ui/panels/optionspanel.h"
#include "ui/panels/pricesheetpanel.h"
#include "report/report.h"
#include "ui/panels/resultspanel.h"
#include "ui/document/recoverystore.h"
#include "ui/document/scenariodocument.h"
#include "ui/panels/workloadpanel.h"
#include "ui/panels/comparedialog.h"
#include "ui/panels/uncertaintydialog.h"
#include "ui/undorouter.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

namespace Costscape::Ui {

namespace {

constexpr int MaxRecentFiles = 8;
const char *const ScenarioFilter = QT_TRANSLATE_NOOP("MainWindow", "Costscape scenarios (*.costscape.json);;JSON files (*.json);;All files (*)");


QDockWidget *makeDock(const QString &title, const QString &objectName, QWidget *content, QMainWindow *window, bool scroll)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(objectName); // saveState() needs it to restore the layout
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    if (scroll) {
        auto *area = new QScrollArea(dock);
        area->setWidget(content);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        dock->setWidget(area);
    } else {
        dock->setWidget(content);
    }
    window->addDockWidget(Qt::LeftDockWidgetArea, dock);
    return dock;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new ScenarioDocument(this))
    , m_runner(new EvaluationRunner(this))
    , m_importer(new AwsImporter(this))
    , m_results(new ResultsPanel(this))
    , m_workload(new WorkloadPanel(m_document))
    , m_options(new OptionsPanel(m_document))
    , m_sheetPanel(new PriceSheetPanel)
    , m_workloadDock(makeDock(tr("Workload"), QStringLiteral("workloadDock"), m_workload, this, true))
    , m_optionsDock(makeDock(tr("Options"), QStringLiteral("optionsDock"), m_options, this, false))
    , m_sheetDock(makeDock(tr("Price sheet"), QStringLiteral("priceSheetDock"), m_sheetPanel, this, false))
    , m_provenance(new QLabel(this))
    , m_timing(new QLabel(this))
    , m_recovery(new RecoveryStore(m_document, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_results);
    tabifyDockWidget(m_workloadDock, m_optionsDock);
    tabifyDockWidget(m_optionsDock, m_sheetDock);
    m_workloadDock->raise();
    setAcceptDrops(true);
    statusBar()->addWidget(m_provenance, 1);
    statusBar()->addPermanentWidget(m_timing);
    m_provenance->setTextInteractionFlags(Qt::TextSelectableByMouse);

    createActions();

    connect(m_document, &ScenarioDocument::scenarioChanged, this, &MainWindow::scheduleEvaluation);
    connect(m_document, &ScenarioDocument::scenarioChanged, this,
            [this] { m_results->setOptionColors(m_document->optionColors()); });
    m_results->setOptionColors(m_document->optionColors());
    connect(m_document, &ScenarioDocument::priceSheetChanged, this, [this] {
        const auto sheet = m_document->priceSheet();
        m_sheetPanel->setPriceSheet(sheet, qs(m_document->scenario().region));
        if (sheet) {
            const auto &p = sheet->provenance;
            m_provenance->setText(tr("Prices: %1, retrieved %2 (%3)")
                                      .arg(qs(p.name), qs(p.retrieved), p.file == "embedded" ? tr("embedded") : qs(p.file)));
        } else {
            m_provenance->setText(tr("No price sheet: %1").arg(m_document->sheetError()));
        }
    });
    connect(m_document, &ScenarioDocument::scenarioChanged, this, [this] {
        m_sheetPanel->setRegion(qs(m_document->scenario().region));
    });
    connect(m_document, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::scenarioChanged, this, &MainWindow::updateTitle);
    connect(m_sheetPanel, &PriceSheetPanel::regionChosen, this, [this](const QString &region) {
        if (region.toStdString() != m_document->scenario().region)
            m_document->edit(tr("Change region to %1").arg(region),
                             [&](Models::Scenario &s) { s.region = region.toStdString(); });
    });
    connect(m_sheetPanel, &PriceSheetPanel::loadRequested, this, &MainWindow::loadPriceSheetInteractive);
    connect(m_runner, &EvaluationRunner::evaluated, this, [this](const std::shared_ptr<const EvaluationOutcome> &outcome) {
        m_results->showOutcome(*outcome);
        if (outcome->evaluation) {
            QHash<QString, QString> costs;
            for (const auto &o : outcome->evaluation->options)
                costs.insert(qs(o.id), o.feasible ? formatMoney(o.monthlyCost, qs(outcome->evaluation->prices.currency))
                                                  : tr("infeasible"));
            m_options->setCosts(costs);
        }
        m_timing->setText(tr("priced in %1 ms").arg(outcome->milliseconds, 0, 'f', 1));
    });
    connect(m_runner, &EvaluationRunner::swept, this,
            [this](const std::shared_ptr<const SweepOutcome> &outcome) { m_results->showSweep(*outcome); });

    m_importTarget = [this](const QString &summary, const QString &suggested) {
        QMessageBox::information(this, tr("Price sheet imported"),
                                 summary + QStringLiteral("\n\n") + tr("Save it as a price sheet next: reopening it later is instant."));
        return QFileDialog::getSaveFileName(this, tr("Save the imported price sheet"), suggested,
                                            tr("Costscape price sheets (*.prices.json)"));
    };

    resize(1280, 800);
    restoreLayout();
    Q_EMIT m_document->priceSheetChanged();
    updateTitle();
    scheduleEvaluation();
}

MainWindow::~MainWindow()
{
    m_runner->waitForIdle();
}

const std::optional<Models::Evaluation> &MainWindow::evaluation() const
{
    return m_results->evaluation();
}

void MainWindow::createActions()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newScenario);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("Load &price sheet…"), this, &MainWindow::loadPriceSheetInteractive);
    file->addAction(tr("&Import AWS price list…"), this, &MainWindow::importAwsPriceList);
    file->addAction(tr("Import spot price &history…"), this, &MainWindow::importSpotHistoryInteractive);
    file->addAction(tr("Import Spot Instance &Advisor data…"), this, &MainWindow::importSpotAdvisorInteractive);
    file->addAction(tr("Export chart as P&NG…"), this, [this] { exportCurrentChart(false); });
    file->addAction(tr("Export chart as P&DF…"), this, [this] { exportCurrentChart(true); });
    file->addAction(tr("Export &report…"), this, &MainWindow::exportReportInteractive);
    // Issue 17: two scenarios side by side, and the odds under the scenario's ranges.
    file->addAction(tr("Compare &with…"), this, [this] {
        auto *dialog = new CompareDialog(m_document, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    file->addAction(tr("&Uncertainty…"), this, [this] {
        auto *dialog = new UncertaintyDialog(m_document, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    updateRecentMenu();

    auto *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    // The platform's redo and both common spellings, whatever the platform calls its own.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
        if (!redoKeys.contains(key))
            redoKeys << key;
    redo->setShortcuts(redoKeys);
    // From anywhere, floating docks included; a text field with typing of its own keeps the key
    // (UndoRouter), and a modal dialog blocks it.
    undo->setShortcutContext(Qt::ApplicationShortcut);
    redo->setShortcutContext(Qt::ApplicationShortcut);
    new UndoRouter(this, undo, redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Copy line items"), this, [this] { m_results->copyLineItems(); });
    edit->addSeparator();
    auto *add = edit->addMenu(tr("&Add option"));
    for (const Models::Platform platform : Models::allPlatforms())
        add->addAction(QString::fromUtf8(Models::platformTitle(platform)), this, [this, platform] {
            m_options->addOption(platform);
            m_optionsDock->show();
            m_optionsDock->raise();
        });
    edit->addAction(tr("D&uplicate option"), QKeySequence(Qt::CTRL | Qt::Key_D), m_options, &OptionsPanel::duplicateSelected);
    edit->addAction(tr("&Remove option"), m_options, &OptionsPanel::removeSelected);

    auto *view = menuBar()->addMenu(tr("&View"));
    int key = Qt::Key_1;
    for (QDockWidget *dock : {m_workloadDock, m_optionsDock, m_sheetDock}) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | key++));
        view->addAction(toggle);
    }
    view->addSeparator();
    // In the order the tabs are shown; Ctrl+1.. follows that order.
    const std::pair<ResultsPanel::Tab, QString> tabs[] = {{ResultsPanel::MonthlyTab, tr("&Monthly cost")},
                                                          {ResultsPanel::TrafficTab, tr("Cost vs &traffic")},
                                                          {ResultsPanel::HourlyTab, tr("&Hour by hour")},
                                                          {ResultsPanel::PackingTab, tr("&Packing")},
                                                          {ResultsPanel::SpikeTab, tr("&Spike")},
                                                          {ResultsPanel::LineItemsTab, tr("&Line items")},
                                                          {ResultsPanel::CommitmentsTab, tr("Comm&itments")}};
    int shortcut = Qt::Key_1;
    for (const auto &[tab, label] : tabs)
        view->addAction(label, QKeySequence(Qt::CTRL | shortcut++), this, [this, tab = tab] { m_results->setCurrentTab(tab); });
    // Issue 16: the cost-against-traffic chart's dashed on-demand lines, kept in step with its box.
    QAction *without = view->addAction(tr("Cost vs traffic &without commitments"));
    without->setObjectName(QStringLiteral("trafficWithoutCommitments"));
    without->setCheckable(true);
    connect(without, &QAction::toggled, m_results->trafficChart(), &TrafficChart::setShowWithoutCommitment);
    connect(m_results->trafficChart(), &TrafficChart::showWithoutCommitmentChanged, without, &QAction::setChecked);
    view->addSeparator();
    view->addAction(tr("Reset chart &view"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] {
        if (ChartBase *chart = m_results->currentChart())
            chart->resetView();
    });
    auto *themeMenu = view->addMenu(tr("T&heme"));
    auto *themes = new QActionGroup(this);
    const Theme current = themeFromName(QSettings().value(QStringLiteral("theme")).toString());
    for (const auto &[theme, label] : {std::pair{Theme::System, tr("&System")}, std::pair{Theme::Light, tr("&Light")},
                                       std::pair{Theme::Dark, tr("&Dark")}}) {
        QAction *a = themeMenu->addAction(label, this, [this, theme = theme] { setTheme(theme); });
        a->setCheckable(true);
        a->setChecked(theme == current);
        themes->addAction(a);
    }

    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Costscape"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::setTheme(Theme theme)
{
    applyTheme(theme);
    QSettings().setValue(QStringLiteral("theme"), themeName(theme));
}

bool MainWindow::showError(const QString &title, const QString &error, bool quiet)
{
    m_lastError = error;
    if (!quiet)
        QMessageBox::warning(this, title, error);
    return false;
}

void MainWindow::newScenario()
{
    if (!maybeSave())
        return;
    m_document->newScenario();
}

bool MainWindow::openScenario(const QString &fileName, bool quiet)
{
    if (!quiet && !maybeSave())
        return false;
    return openScenarioFile(fileName, quiet);
}

bool MainWindow::openScenarioFile(const QString &fileName, bool quiet)
{
    const Result<void> loaded = m_document->load(fileName);
    if (!loaded)
        return showError(tr("Cannot open scenario"), qs(loaded.error().toString()), quiet);
    QStringList warnings;
    for (const Error &w : loaded.warnings())
        warnings << qs(w.toString());
    m_lastError.clear();
    addRecentFile(m_document->fileName());
    if (!warnings.isEmpty())
        statusBar()->showMessage(warnings.size() == 1 ? warnings.first() : tr("%1 warnings; first: %2").arg(warnings.size()).arg(warnings.first()), 15000);
    return true;
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString file = QFileDialog::getOpenFileName(this, tr("Open scenario"), QFileInfo(m_document->fileName()).absolutePath(),
                                                      tr(ScenarioFilter));
    if (!file.isEmpty())
        openScenarioFile(file, false);
}

bool MainWindow::save()
{
    if (m_document->fileName().isEmpty())
        return saveAs();
    return saveScenarioAs(m_document->fileName(), false);
}

bool MainWindow::saveAs()
{
    QString suggested = m_document->fileName();
    if (suggested.isEmpty())
        suggested = m_document->displayName().replace(QLatin1Char('/'), QLatin1Char('-')) + QStringLiteral(".costscape.json");
    QString file = QFileDialog::getSaveFileName(this, tr("Save scenario"), suggested, tr(ScenarioFilter));
    if (file.isEmpty())
        return false;
    if (!file.endsWith(QLatin1String(".json")))
        file += QStringLiteral(".costscape.json");
    return saveScenarioAs(file, false);
}

bool MainWindow::saveScenarioAs(const QString &fileName, bool quiet)
{
    const Result<void> saved = m_document->save(fileName);
    if (!saved)
        return showError(tr("Cannot save scenario"), qs(saved.error().toString()), quiet);
    m_lastError.clear();
    addRecentFile(m_document->fileName());
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->fileName())), 5000);
    return true;
}

bool MainWindow::loadPriceSheet(const QString &fileName, bool quiet)
{
    // Read it first: a broken sheet is reported with its line and never replaces a working one.
    const auto sheet = Pricing::loadPriceSheet(fileName.toStdString());
    if (!sheet)
        return showError(tr("Cannot load price sheet"), qs(sheet.error().toString()), quiet);
    const QString path = m_document->pricesPathFor(fileName);
    m_lastError.clear();
    m_document->edit(tr("Load price sheet %1").arg(QFileInfo(fileName).fileName()),
                     [&](Models::Scenario &s) { s.prices = path.toStdString(); });
    return true;
}

void MainWindow::loadPriceSheetInteractive()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Load price sheet"), QFileInfo(m_document->fileName()).absolutePath(),
                                                      tr("Costscape price sheets (*.prices.json);;JSON files (*.json);;All files (*)"));
    if (!file.isEmpty())
        loadPriceSheet(file, false);
}

void MainWindow::importAwsPriceList()
{
    if (m_importer->isRunning())
        return;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import AWS price list"), QFileInfo(m_document->fileName()).absolutePath(),
        tr("AWS offer files (*.json *.csv);;All files (*)"));
    if (files.isEmpty())
        return;
    bool ok = false;
    const QString regions = QInputDialog::getText(this, tr("Import AWS price list"),
                                                  tr("Regions to keep, separated by commas (empty keeps every region "
                                                     "of the files):"),
                                                  QLineEdit::Normal, QString::fromStdString(m_document->scenario().region), &ok);
    if (!ok)
        return;
    if (!m_importer->start(files, regions.split(QLatin1Char(','), Qt::SkipEmptyParts)))
        return;
    const QString folder = QFileInfo(m_document->fileName().isEmpty() ? files.first() : m_document->fileName()).absolutePath();
    followImport(tr("Import AWS price list"), tr("Reading %n offer file(s)…", nullptr, static_cast<int>(files.size())), folder);
}

void MainWindow::followImport(const QString &title, const QString &label, const QString &folder)
{
    auto *dialog = new QProgressDialog(label, tr("Cancel"), 0, 1000, this);
    dialog->setWindowTitle(title);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    connect(m_importer, &AwsImporter::progress, dialog, [dialog](qint64 done, qint64 total) {
        dialog->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
    });
    connect(dialog, &QProgressDialog::canceled, m_importer, &AwsImporter::cancel);
    connect(m_importer, &AwsImporter::finished, this, [this, dialog, title, folder](const std::shared_ptr<const AwsImportOutcome> &outcome) {
        dialog->deleteLater();
        if (outcome->cancelled) {
            statusBar()->showMessage(tr("Import cancelled; nothing changed."), 8000);
            return;
        }
        if (!outcome->sheet) {
            showError(title, outcome->error, false);
            return;
        }
        const QString suggested = QDir(folder).filePath(
            (outcome->spotFeed ? QStringLiteral("aws-spot-%1.prices.json") : QStringLiteral("aws-%1.prices.json"))
                .arg(QDate::currentDate().toString(Qt::ISODate)));
        const QString target = m_importTarget(AwsImporter::describe(*outcome), suggested);
        if (!target.isEmpty())
            saveImportedSheet(*outcome, target.endsWith(QLatin1String(".json")) ? target : target + QStringLiteral(".prices.json"));
    }, Qt::SingleShotConnection);
}

bool MainWindow::importSpotFeed(const SpotFeedRequest &request)
{
    const QString title = request.feed == SpotFeedRequest::Feed::History ? tr("Import spot price history")
                                                                         : tr("Import Spot Instance Advisor data");
    if (m_importer->isRunning())
        return showError(title, tr("Another import is running; wait for it or cancel it first."), false);
    const auto sheet = m_document->priceSheet();
    if (!sheet)
        return showError(title, tr("No price sheet to add the spot data to: %1").arg(m_document->sheetError()), false);
    if (!m_importer->startSpotFeed(sheet, request))
        return false;
    const QString folder = QFileInfo(m_document->fileName().isEmpty() ? request.file : m_document->fileName()).absolutePath();
    followImport(title, tr("Reading %1…").arg(QFileInfo(request.file).fileName()), folder);
    return true;
}

void MainWindow::importSpotHistoryInteractive()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Import spot price history"), QFileInfo(m_document->fileName()).absolutePath(),
        tr("DescribeSpotPriceHistory responses (*.json);;All files (*)"));
    if (file.isEmpty())
        return;
    SpotFeedRequest request;
    request.feed = SpotFeedRequest::Feed::History;
    request.file = file;
    request.region = qs(m_document->scenario().region);
    bool ok = false;
    // Each zone is its own market: one zone's prices, or the mean of every zone's average.
    const QString zone = QInputDialog::getText(this, tr("Import spot price history"),
                                               tr("The history is read as %1's. Availability zone to average (empty: the "
                                                  "mean of every zone in the file):")
                                                   .arg(request.region),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    request.history.availabilityZone = zone.trimmed().toStdString();
    importSpotFeed(request);
}

void MainWindow::importSpotAdvisorInteractive()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Import Spot Instance Advisor data"), QFileInfo(m_document->fileName()).absolutePath(),
        tr("Spot Instance Advisor data (spot-advisor-data.json *.json);;All files (*)"));
    if (file.isEmpty())
        return;
    SpotFeedRequest request;
    request.feed = SpotFeedRequest::Feed::Advisor;
    request.file = file;
    importSpotFeed(request);
}

bool MainWindow::saveImportedSheet(const AwsImportOutcome &outcome, const QString &fileName, bool quiet)
{
    if (!outcome.sheet)
        return showError(tr("Cannot save the price sheet"), outcome.error, quiet);
    const QByteArray bytes = QByteArray::fromStdString(Pricing::serializePriceSheet(*outcome.sheet));
    if (const QString why = writeWholeFile(fileName, bytes); !why.isEmpty())
        return showError(tr("Cannot save the price sheet"), tr("%1: cannot write: %2").arg(fileName, why), quiet);
    return loadPriceSheet(fileName, quiet);
}

void MainWindow::exportCurrentChart(bool pdf)
{
    ChartBase *chart = m_results->currentChart();
    if (!chart) {
        QMessageBox::information(this, tr("Export chart"), tr("Show a chart first: the line items are copied with Edit > Copy."));
        return;
    }
    const QString suffix = pdf ? QStringLiteral(".pdf") : QStringLiteral(".png");
    QString file = QFileDialog::getSaveFileName(this, pdf ? tr("Export chart as PDF") : tr("Export chart as PNG"),
                                                m_document->displayName() + suffix,
                                                pdf ? tr("PDF files (*.pdf)") : tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    if (!file.endsWith(suffix, Qt::CaseInsensitive))
        file += suffix;
    QString error;
    const bool ok = pdf ? chart->exportPdf(file, chart->width(), chart->height(), &error)
                        : chart->exportPng(file, chart->width(), chart->height(), &error);
    if (!ok)
        showError(tr("Cannot export chart"), error, false);
}

bool MainWindow::exportReport(const QString &fileName, bool quiet)
{
    const QString title = tr("Cannot export the report");
    const auto format = Report::formatForFile(fileName);
    if (!format)
        return showError(title, tr("%1: the file name must end in .pdf, .html, .csv or .json")
                                    .arg(QDir::toNativeSeparators(fileName)), quiet);
    const auto sheet = m_document->priceSheet();
    if (!sheet)
        return showError(title, tr("No price sheet: %1").arg(m_document->sheetError()), quiet);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto report = Report::compute(m_document->scenario(), *sheet);
    if (report)
        report.value().setOptionColors(m_document->optionColors()); // as the window shows them
    const QString error = report ? report.value().write(*format, fileName) : QString::fromStdString(report.error().toString());
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty())
        return showError(title, error, quiet);
    m_lastError.clear();
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    return true;
}

void MainWindow::exportReportInteractive()
{
    const QString pdf = tr("PDF report (*.pdf)");
    const QString html = tr("HTML report (*.html *.htm)");
    const QString csv = tr("Line items as CSV (*.csv)");
    const QString json = tr("Result as JSON (*.json)");
    QString filter = pdf;
    QString file = QFileDialog::getSaveFileName(this, tr("Export report"), m_document->displayName() + QStringLiteral(".pdf"),
                                                QStringList{pdf, html, csv, json}.join(QStringLiteral(";;")), &filter);
    if (file.isEmpty())
        return;
    // A name without a known extension takes the one of the chosen filter.
    if (!Report::formatForFile(file)) {
        const ReportFormat chosen = filter == html ? ReportFormat::Html
            : filter == csv                        ? ReportFormat::Csv
            : filter == json                       ? ReportFormat::Json
                                                   : ReportFormat::Pdf;
        file += Report::extension(chosen);
    }
    exportReport(file, false);
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    QMessageBox::StandardButton answer;
    if (m_prompt) {
        answer = m_prompt();
    } else {
        answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                      tr("%1 has changes that are not saved. Save them?").arg(m_document->displayName()),
                                      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    }
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::offerRecovery()
{
    for (const RecoveryStore::Copy &copy : m_recovery->orphans()) {
        const QString what = copy.originalFile.isEmpty()
            ? tr("the unsaved scenario \"%1\"").arg(copy.name)
            : tr("%1 (%2)").arg(copy.name, QDir::toNativeSeparators(copy.originalFile));
        const QString text = tr("Costscape did not close properly. Changes to %1 made before %2 were not saved. "
                                "Recover them?")
                                 .arg(what, QLocale().toString(copy.saved.toLocalTime(), QLocale::ShortFormat));
        QMessageBox::StandardButton answer;
        if (m_recoveryPrompt) {
            answer = m_recoveryPrompt(text);
        } else {
            QMessageBox box(QMessageBox::Question, tr("Recover unsaved work"), text,
                            QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Cancel, this);
            box.button(QMessageBox::Yes)->setText(tr("&Recover"));
            box.button(QMessageBox::Cancel)->setText(tr("&Later"));
            box.setDefaultButton(QMessageBox::Yes);
            answer = static_cast<QMessageBox::StandardButton>(box.exec());
        }
        if (answer == QMessageBox::Discard) {
            RecoveryStore::remove(copy);
            continue;
        }
        if (answer != QMessageBox::Yes || (m_document->isModified() && !maybeSave()))
            continue; // kept for the next start
        const auto saved = RecoveryStore::scenarioText(copy);
        const Result<void> recovered = saved ? m_document->recover(saved.value(), copy.originalFile) : Result<void>(saved.error());
        if (!recovered) {
            showError(tr("Cannot recover unsaved work"), qs(recovered.error().toString()), false);
            continue;
        }
        // This session's own copy holds the work from now on; the old one can go.
        m_recovery->flush();
        RecoveryStore::remove(copy);
        statusBar()->showMessage(tr("Recovered unsaved changes to %1: save them to keep them.").arg(copy.name), 15000);
        return true;
    }
    return false;
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::addRecentFile(const QString &fileName)
{
    QStringList files = recentFiles();
    files.removeAll(fileName);
    files.prepend(fileName);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &f = files[i];
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(f).fileName()), this, [this, f] {
            if (maybeSave())
                openScenarioFile(f, false);
        });
        a->setToolTip(QDir::toNativeSeparators(f));
        a->setStatusTip(QDir::toNativeSeparators(f));
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear list"), this, [this] {
            QSettings().remove(QStringLiteral("recentFiles"));
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateTitle()
{
    const QString file = m_document->fileName().isEmpty() ? tr("unsaved") : QFileInfo(m_document->fileName()).fileName();
    setWindowTitle(tr("%1 (%2)[*] — Costscape").arg(m_document->displayName(), file));
    setWindowModified(m_document->isModified());
}

void MainWindow::scheduleEvaluation()
{
    m_runner->request(m_document->snapshot(), m_document->priceSheet());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    m_importer->cancel();
    m_importer->wait();
    m_runner->waitForIdle();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() && urls.first().toLocalFile().endsWith(QLatin1String(".json")))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString file = event->mimeData()->urls().value(0).toLocalFile();
    event->acceptProposedAction();
    // A dropped price sheet prices the scenario; anything else is opened as a scenario.
    if (file.endsWith(QLatin1String(".prices.json")))
        loadPriceSheet(file, false);
    else if (maybeSave())
        openScenarioFile(file, false);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const int tab = settings.value(QStringLiteral("window/resultsTab"), 0).toInt();
    m_results->setCurrentTab(static_cast<ResultsPanel::Tab>(std::clamp(tab, 0, static_cast<int>(ResultsPanel::CommitmentsTab))));
    m_results->trafficChart()->setShowWithoutCommitment(
        settings.value(QStringLiteral("window/trafficWithoutCommitments"), false).toBool());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/resultsTab"), static_cast<int>(m_results->currentTab()));
    settings.setValue(QStringLiteral("window/trafficWithoutCommitments"), m_results->trafficChart()->showsWithoutCommitment());
}

void MainWindow::showAbout()
{
    QString sheetText;
    if (const auto sheet = m_document->priceSheet()) {
        const auto &p = sheet->provenance;
        sheetText = tr("<p><b>Price sheet in use:</b> %1, retrieved %2.<br><small>Source: %3</small></p>")
                        .arg(qs(p.name).toHtmlEscaped(), qs(p.retrieved).toHtmlEscaped(), qs(p.source).toHtmlEscaped());
    }
    const auto &embedded = Pricing::embeddedPriceSheet().provenance;
    QMessageBox::about(
        this, tr("About Costscape"),
        tr("<h3>Costscape %1</h3><p>Cost and capacity planner for AWS compute: Lambda, Fargate, EC2 on-demand and "
           "spot, ECS on EC2, side by side.</p>"
           "<p>Copyright 2026 Costscape contributors. Costscape is free software: you can redistribute it and/or modify "
           "it under the terms of the GNU General Public License as published by the Free Software Foundation, either "
           "version 3 of the License, or (at your option) any later version. It comes with no warranty. Charts by "
           "QCustomPlot (GPL-3.0).</p>%2"
           "<p><b>Embedded price sheet:</b> %3, retrieved %4.<br><small>Source: %5</small></p>"
           "<p><small>Prices are AWS public list prices for the regions the sheet covers; check them before you "
           "commit to a budget.</small></p>")
            .arg(QStringLiteral(COSTSCAPE_VERSION), sheetText, qs(embedded.name).toHtmlEscaped(),
                 qs(embedded.retrieved).toHtmlEscaped(), qs(embedded.source).toHtmlEscaped()));
}

} // namespace Costscape::Ui
