// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/evaluationrunner.h"
#include "ui/logging.h"

#include "models/evaluator.h"
#include "models/trafficsweep.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace Costscape::Ui {

EvaluationRunner::EvaluationRunner(QObject *parent)
    : QObject(parent)
{
    // Zero interval: edits made in one pass of the event loop become one request.
    m_startTimer.setSingleShot(true);
    m_startTimer.setInterval(0);
    connect(&m_startTimer, &QTimer::timeout, this, &EvaluationRunner::startEvaluation);
    m_sweepTimer.setSingleShot(true);
    m_sweepTimer.setInterval(250);
    connect(&m_sweepTimer, &QTimer::timeout, this, &EvaluationRunner::startSweep);
}

EvaluationRunner::~EvaluationRunner()
{
    waitForIdle();
}

void EvaluationRunner::waitForIdle()
{
    m_startTimer.stop();
    m_sweepTimer.stop();
    QThreadPool::globalInstance()->waitForDone();
}

quint64 EvaluationRunner::request(Snapshot scenario, SheetPtr sheet)
{
    m_scenario = std::move(scenario);
    m_sheet = std::move(sheet);
    ++m_generation;
    m_sweepTimer.stop();
    if (!m_evaluating)
        m_startTimer.start();
    return m_generation;
}

void EvaluationRunner::startEvaluation()
{
    if (m_evaluating || !m_scenario)
        return;
    m_evaluating = true;
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<std::shared_ptr<const EvaluationOutcome>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        const auto outcome = watcher->result();
        watcher->deleteLater();
        m_evaluating = false;
        if (generation == m_generation) {
            qCDebug(lcEvaluation) << "evaluation" << generation << "took" << outcome->milliseconds << "ms"
                                  << (outcome->error.isEmpty() ? QString() : outcome->error);
            Q_EMIT evaluated(outcome);
            if (m_sweepEnabled && outcome->evaluation)
                m_sweepTimer.start();
        } else {
            // The scenario changed while this ran: its result is stale; evaluate the newest.
            qCDebug(lcEvaluation) << "evaluation" << generation << "dropped: generation" << m_generation << "is newer";
            startEvaluation();
        }
    });
    watcher->setFuture(QtConcurrent::run([scenario = m_scenario, sheet = m_sheet, generation] {
        QElapsedTimer timer;
        timer.start();
        auto outcome = std::make_shared<EvaluationOutcome>();
        outcome->generation = generation;
        if (!sheet) {
            outcome->error = QStringLiteral("no price sheet");
        } else {
            auto result = Models::Evaluator::evaluate(*scenario, *sheet);
            if (result)
                outcome->evaluation = std::move(result).value();
            else
                outcome->error = QString::fromStdString(result.error().toString());
        }
        outcome->milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        return std::shared_ptr<const EvaluationOutcome>(std::move(outcome));
    }));
}

void EvaluationRunner::startSweep()
{
    if (m_sweeping || !m_scenario || !m_sheet || m_sweptGeneration == m_generation)
        return;
    m_sweeping = true;
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<std::shared_ptr<const SweepOutcome>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        const auto outcome = watcher->result();
        watcher->deleteLater();
        m_sweeping = false;
        if (generation == m_generation) {
            m_sweptGeneration = generation;
            qCDebug(lcEvaluation) << "traffic sweep" << generation << "took" << outcome->milliseconds << "ms";
            Q_EMIT swept(outcome);
        } else if (!m_evaluating && !m_startTimer.isActive()) {
            m_sweepTimer.start();
        }
    });
    watcher->setFuture(QtConcurrent::run([scenario = m_scenario, sheet = m_sheet, generation] {
        QElapsedTimer timer;
        timer.start();
        auto outcome = std::make_shared<SweepOutcome>();
        outcome->generation = generation;
        auto result = Models::sweepTraffic(*scenario, *sheet);
        if (result)
            outcome->sweep = std::move(result).value();
        else
            outcome->error = QString::fromStdString(result.error().toString());
        outcome->milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        return std::shared_ptr<const SweepOutcome>(std::move(outcome));
    }));
}

} // namespace Costscape::Ui
