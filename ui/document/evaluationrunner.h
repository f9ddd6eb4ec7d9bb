// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/chartseries.h"
#include "models/evaluation.h"
#include "pricing/pricesheet.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace Costscape::Ui {

/** What one evaluation request produced: the evaluation, or the error that stopped it. */
struct EvaluationOutcome {
    quint64 generation = 0;
    std::optional<Models::Evaluation> evaluation;
    QString error; ///< `file:line:column: message` when the scenario cannot be priced
    double milliseconds = 0;
};

struct SweepOutcome {
    quint64 generation = 0;
    std::optional<Models::TrafficSweep> sweep;
    QString error;
    double milliseconds = 0;
};

/**
 * Evaluates scenario snapshots off the GUI thread.
 *
 * Every request gets a generation number. Requests made in one pass of the event loop are merged
 * into one; while an evaluation runs, only the newest waiting request is kept, and a result
 * older than the newest request is dropped, so a stale result never replaces a newer one. The
 * traffic sweep (dozens of evaluations) waits for the edits to pause (sweepDelay) and is dropped
 * the same way when the scenario changed while it ran.
 */
class EvaluationRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationRunner)

public:
    using Snapshot = std::shared_ptr<const Models::Scenario>;
    using SheetPtr = std::shared_ptr<const Pricing::PriceSheet>;

    explicit EvaluationRunner(QObject *parent = nullptr);
    ~EvaluationRunner() override;

    /** Schedules an evaluation of this snapshot; returns its generation. */
    quint64 request(Snapshot scenario, SheetPtr sheet);
    quint64 latestGeneration() const { return m_generation; }
    /** The quiet time before a sweep starts, in ms (default 250). */
    void setSweepDelay(int ms) { m_sweepTimer.setInterval(ms); }
    void setSweepEnabled(bool enabled) { m_sweepEnabled = enabled; }
    bool isBusy() const { return m_evaluating || m_sweeping || m_startTimer.isActive() || m_sweepTimer.isActive(); }
    /** Blocks until no job runs, for orderly shutdown. */
    void waitForIdle();

Q_SIGNALS:
    /** The evaluation of the newest request (never an older one). */
    void evaluated(const std::shared_ptr<const Ui::EvaluationOutcome> &outcome);
    void swept(const std::shared_ptr<const Ui::SweepOutcome> &outcome);

private:
    void startEvaluation();
    void startSweep();

    quint64 m_generation = 0;
    Snapshot m_scenario;
    SheetPtr m_sheet;
    bool m_evaluating = false;
    bool m_sweeping = false;
    bool m_sweepEnabled = true;
    quint64 m_sweptGeneration = 0;
    QTimer m_startTimer;
    QTimer m_sweepTimer;
};

} // namespace Costscape::Ui

Q_DECLARE_METATYPE(std::shared_ptr<const Costscape::Ui::EvaluationOutcome>)
Q_DECLARE_METATYPE(std::shared_ptr<const Costscape::Ui::SweepOutcome>)
