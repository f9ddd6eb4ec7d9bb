// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/uncertainty/montecarlo.h"

#include <QLabel>

#include <atomic>
#include <memory>
#include <optional>

class QTimer;
template<typename T>
class QFutureWatcher;

namespace Costscape::Ui {

class ScenarioDocument;

/**
 * One line under the workload's fields: the odds of each option being the cheapest under the
 * scenario's ranges (issue 17), kept up to date as the ranges and the fields are edited. The draws
 * run on a worker thread a moment after the last edit; an edit made while they run cancels them and
 * starts again, so typing never waits for them. Hidden while the scenario has no ranges.
 */
class RangeOdds final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangeOdds)

public:
    explicit RangeOdds(ScenarioDocument *document, QWidget *parent = nullptr);
    /** Cancels a run in progress and waits for it. */
    ~RangeOdds() override;

    /** Draws per run (default 1,000: a fraction of a second for the sample). */
    void setDraws(int draws) { m_settings.draws = draws; }
    const Models::UncertaintySettings &settings() const { return m_settings; }
    /** True while draws run (or are about to, after an edit). */
    bool isBusy() const;
    /** The last finished run, for the scenario as it then was. */
    const std::optional<Models::UncertaintyResult> &result() const { return m_result; }

Q_SIGNALS:
    /** The text was updated (a run finished, or the ranges went away or became unusable). */
    void updated();

private:
    void scenarioEdited();
    void run();
    void done();

    ScenarioDocument *m_document;
    QTimer *m_debounce;
    QFutureWatcher<std::shared_ptr<Result<Models::UncertaintyResult>>> *m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    Models::UncertaintySettings m_settings;
    std::optional<Models::UncertaintyResult> m_result;
    bool m_rerun = false;
    /// From the start of a run until done() has taken its result: the watcher stops running a
    /// moment before its finished signal arrives, and the result is not shown yet in between.
    bool m_running = false;
};

} // namespace Costscape::Ui
