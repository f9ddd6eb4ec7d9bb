// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/uncertainty/montecarlo.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;
template<typename T>
class QFutureWatcher;

namespace Costscape::Ui {

class ScenarioDocument;
class UncertaintyChart;
class TornadoChart;

/**
 * Analysis > Uncertainty: the scenario's ranges, edited in a table (each edit is an undoable step
 * of the document and is saved with the file, as the `"ranges"` key), and the Monte Carlo run over
 * them: the spread of each option's monthly cost with its odds of being the cheapest, the two
 * tornadoes and, with a range on the spike's peak, the spread of each option's spike response. A run starts a moment after the last edit and on Run; it goes on a worker thread with
 * a progress bar and Cancel, and a run made stale by an edit is cancelled and its result dropped,
 * so typing never waits for the draws.
 */
class UncertaintyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UncertaintyDialog)

public:
    explicit UncertaintyDialog(ScenarioDocument *document, QWidget *parent = nullptr);
    /** Cancels a run in progress and waits for it. */
    ~UncertaintyDialog() override;

    /** Starts a run now (cancelling one in progress). */
    void run();
    /** True while a run is in progress. */
    bool isRunning() const;
    /** The last finished run's result, if any. */
    const std::optional<Models::UncertaintyResult> &result() const { return m_result; }

    UncertaintyChart *bandChart() const { return m_band; }
    TornadoChart *costTornado() const { return m_costTornado; }
    TornadoChart *differenceTornado() const { return m_differenceTornado; }
    /** The "Spike response" tab's table: one row per option, P10 / P50 / P90 of each spike measure. */
    QTableWidget *spikeTable() const { return m_spikeTable; }

Q_SIGNALS:
    /** A run finished (successfully or not); result() holds the figures when it succeeded. */
    void finished();

private:
    struct Row {
        QCheckBox *on = nullptr;
        QDoubleSpinBox *low = nullptr, *typical = nullptr, *high = nullptr;
        QComboBox *distribution = nullptr;
    };
    void loadRanges();
    void rangesEdited();
    void cancel();
    void drawsFinished(); ///< the draws ended (finished or cancelled)
    void showSpikeSpread(const Models::UncertaintyResult &r);

    ScenarioDocument *m_document;
    Row m_rows[Models::UncertainInputCount];
    QSpinBox *m_draws = nullptr;
    QSpinBox *m_seed = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_status = nullptr;
    UncertaintyChart *m_band = nullptr;
    TornadoChart *m_costTornado = nullptr;
    TornadoChart *m_differenceTornado = nullptr;
    QLabel *m_spikeNote = nullptr;
    QTableWidget *m_spikeTable = nullptr;
    QTimer *m_debounce = nullptr;
    QFutureWatcher<std::shared_ptr<Result<Models::UncertaintyResult>>> *m_watcher = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::optional<Models::UncertaintyResult> m_result;
    bool m_loading = false;
    bool m_rerun = false;
};

} // namespace Costscape::Ui
