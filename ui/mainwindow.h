// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"
#include "ui/theme.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>
#include <optional>

class QDockWidget;
class QLabel;
class QMenu;

namespace Costscape::Ui {

class AwsImporter;
struct AwsImportOutcome;
struct SpotFeedRequest;
class EvaluationRunner;
class OptionsPanel;
class PriceSheetPanel;
class RecoveryStore;
class ResultsPanel;
class ScenarioDocument;
class WorkloadPanel;

/**
 * The workbench: the workload, options and price sheet panels around the results. Every edit
 * is undoable and re-prices the scenario on a worker thread; the charts follow. Files: New,
 * Open, Save, Save As, recent files, drop a scenario on the window, an unsaved-changes prompt,
 * and a recovery copy of unsaved work (RecoveryStore) offered after a crash.
 * Problems with files are shown in message boxes naming the file, line and field.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /**
     * Loads and shows a scenario (after the unsaved-changes prompt). On failure shows the error
     * (unless quiet), keeps the current scenario and returns false.
     */
    bool openScenario(const QString &fileName, bool quiet = false);
    /** Saves to fileName; on failure shows the error (unless quiet) and returns false. */
    bool saveScenarioAs(const QString &fileName, bool quiet = false);
    /** Loads a native price sheet for the scenario (an undoable edit of its "prices"). */
    bool loadPriceSheet(const QString &fileName, bool quiet = false);
    /**
     * Imports AWS Price List offer files in the background with a progress dialog and Cancel,
     * then asks where to save the native sheet and prices the scenario with it.
     */
    void importAwsPriceList();
    /**
     * Adds a spot feed (a spot price history of the scenario's region, or the Spot Instance
     * Advisor's file) to a copy of the scenario's price sheet in the background, with the same
     * progress dialog and Cancel as importAwsPriceList(), then asks where to save the sheet and
     * prices the scenario with it (File > Import spot price history / Spot Instance Advisor data
     * after their file dialogs). Returns false, showing why, when an import runs already or the
     * scenario has no price sheet; a cancelled import changes nothing.
     */
    bool importSpotFeed(const SpotFeedRequest &request);
    /**
     * Where to save a sheet an import made, given its summary and a suggested file: the default
     * shows the summary and a save dialog; an empty answer saves nothing. Tests replace it.
     */
    void setImportTargetPrompt(std::function<QString(const QString &summary, const QString &suggested)> prompt)
    {
        m_importTarget = std::move(prompt);
    }
    /**
     * Saves an imported sheet to fileName (QSaveFile) and makes it the scenario's sheet (one
     * undoable edit). On failure shows the error (unless quiet) and returns false.
     */
    bool saveImportedSheet(const AwsImportOutcome &outcome, const QString &fileName, bool quiet = false);
    AwsImporter *awsImporter() const { return m_importer; }
    /** The last error, `file:line:column: message`; empty after a success. */
    QString lastError() const { return m_lastError; }
    /** The evaluation on screen. */
    const std::optional<Models::Evaluation> &evaluation() const;
    /**
     * Writes the report of the scenario as edited (File > Export report… without the dialog):
     * PDF, HTML, CSV or JSON by the extension of @p fileName. The scenario is priced afresh with
     * the document's price sheet, so the file says what the screen says once the screen is up to
     * date. On failure (no price sheet, a scenario that cannot be priced, an unknown extension, a
     * file that cannot be written) shows the error unless @p quiet, sets lastError() and returns
     * false; an existing file is then left as it was.
     */
    bool exportReport(const QString &fileName, bool quiet = false);

    /**
     * What to do with unsaved changes before they would be lost: Save, Discard or Cancel. The
     * default asks with a message box; tests replace it.
     */
    void setUnsavedChangesPrompt(std::function<QMessageBox::StandardButton()> prompt) { m_prompt = std::move(prompt); }

    /**
     * Offers the unsaved work of sessions that ended without a clean exit (RecoveryStore::
     * orphans(), newest first), one at a time: Recover puts it in the window as unsaved changes
     * of its original file (after the unsaved-changes prompt if the window has changes of its
     * own), Discard deletes the copy, Later keeps it for the next start. At most one is
     * recovered. Returns true when one was. The application calls it once, after showing the
     * window.
     */
    bool offerRecovery();
    /**
     * The question offerRecovery() asks, given its text: Yes (recover), Discard or Cancel
     * (later). The default asks with a message box; tests replace it.
     */
    void setRecoveryPrompt(std::function<QMessageBox::StandardButton(const QString &text)> prompt)
    {
        m_recoveryPrompt = std::move(prompt);
    }
    RecoveryStore *recoveryStore() const { return m_recovery; }
    void setTheme(Theme theme);

    ScenarioDocument *document() const { return m_document; }
    EvaluationRunner *runner() const { return m_runner; }
    ResultsPanel *results() const { return m_results; }
    WorkloadPanel *workloadPanel() const { return m_workload; }
    OptionsPanel *optionsPanel() const { return m_options; }
    PriceSheetPanel *priceSheetPanel() const { return m_sheetPanel; }
    QDockWidget *workloadDock() const { return m_workloadDock; }
    QDockWidget *optionsDock() const { return m_optionsDock; }
    QDockWidget *priceSheetDock() const { return m_sheetDock; }
    QStringList recentFiles() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void newScenario();
    void open();
    /** openScenario without the unsaved-changes prompt: the caller has asked already. */
    bool openScenarioFile(const QString &fileName, bool quiet);
    bool save();
    bool saveAs();
    void loadPriceSheetInteractive();
    void importSpotHistoryInteractive();
    void importSpotAdvisorInteractive();
    /**
     * Shows the progress of the import just started (Cancel cancels it) and, when it ends, its
     * error, or its summary and where to save the sheet; @p folder is where the sheet is suggested.
     */
    void followImport(const QString &title, const QString &label, const QString &folder);
    void exportCurrentChart(bool pdf);
    void exportReportInteractive();
    bool maybeSave();
    void addRecentFile(const QString &fileName);
    void updateRecentMenu();
    void updateTitle();
    void scheduleEvaluation();
    void showAbout();
    void restoreLayout();
    void saveLayout();
    bool showError(const QString &title, const QString &error, bool quiet);

    ScenarioDocument *m_document;
    EvaluationRunner *m_runner;
    AwsImporter *m_importer;
    ResultsPanel *m_results;
    WorkloadPanel *m_workload;
    OptionsPanel *m_options;
    PriceSheetPanel *m_sheetPanel;
    QDockWidget *m_workloadDock;
    QDockWidget *m_optionsDock;
    QDockWidget *m_sheetDock;
    QLabel *m_provenance;
    QLabel *m_timing;
    QMenu *m_recentMenu = nullptr;
    QString m_lastError;
    std::function<QMessageBox::StandardButton()> m_prompt;
    std::function<QString(const QString &, const QString &)> m_importTarget;
    std::function<QMessageBox::StandardButton(const QString &)> m_recoveryPrompt;
    RecoveryStore *m_recovery;
};

} // namespace Costscape::Ui
