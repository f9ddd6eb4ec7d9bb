// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/rangeodds.h"

#include "ui/document/scenariodocument.h"
#include "ui/uitext.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Costscape::Ui {

RangeOdds::RangeOdds(ScenarioDocument *document, QWidget *parent)
    : QLabel(parent)
    , m_document(document)
    , m_debounce(new QTimer(this))
    , m_watcher(new QFutureWatcher<std::shared_ptr<Result<Models::UncertaintyResult>>>(this))
{
    setObjectName(QStringLiteral("rangeOdds"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_settings.draws = 1000;
    m_settings.seed = 1;
    m_settings.tornado = false; // the line shows the odds only; the dialog draws the tornadoes
    m_settings.spike = false;   // and the spike moves no cost: its simulation would only slow the line
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &RangeOdds::run);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &RangeOdds::done);
    connect(m_document, &ScenarioDocument::scenarioChanged, this, &RangeOdds::scenarioEdited);
    connect(m_document, &ScenarioDocument::priceSheetChanged, this, &RangeOdds::scenarioEdited);
    hide();
    scenarioEdited();
}

RangeOdds::~RangeOdds()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher->waitForFinished();
}

bool RangeOdds::isBusy() const
{
    return m_debounce->isActive() || m_running || m_rerun;
}

void RangeOdds::scenarioEdited()
{
    // A run over the scenario as it was is stale now: stop it at once, start again after a pause.
    if (m_cancel)
        m_cancel->store(true);
    m_debounce->start();
}

void RangeOdds::run()
{
    if (m_running) {
        m_rerun = true; // done() starts again when the cancelled run has stopped
        return;
    }
    const Models::Scenario &scenario = m_document->scenario();
    const auto ranges = Models::readRanges(scenario);
    const auto sheet = m_document->priceSheet();
    if (!ranges || ranges.value().empty() || !sheet) {
        m_result.reset();
        setVisible(!ranges);
        if (!ranges)
            setText(tr("The ranges cannot be used: %1").arg(qs(ranges.error().message).toHtmlEscaped()));
        Q_EMIT updated();
        return;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto settings = m_settings;
    settings.cancel = m_cancel.get();
    if (!isVisible() || text().isEmpty())
        setText(tr("Working out the odds under these ranges…"));
    show();
    m_running = true;
    m_watcher->setFuture(QtConcurrent::run([scenario = scenario, sheet, ranges = ranges.value(), settings,
                                            cancel = m_cancel] {
        return std::make_shared<Result<Models::UncertaintyResult>>(Models::runUncertainty(scenario, *sheet, ranges, settings));
    }));
}

void RangeOdds::done()
{
    const auto outcome = m_watcher->result();
    m_running = false;
    if (m_rerun || (outcome && !*outcome && outcome->error().code == ErrorCode::Cancelled)) {
        m_rerun = false;
        if (!m_debounce->isActive())
            run();
        return;
    }
    if (!outcome || !*outcome) {
        m_result.reset();
        setText(tr("The odds cannot be worked out: %1").arg(outcome ? qs(outcome->error().message).toHtmlEscaped() : QString()));
        Q_EMIT updated();
        return;
    }
    m_result = outcome->value();
    std::vector<const Models::OptionUncertainty *> options;
    for (const auto &o : m_result->options)
        if (o.probabilityCheapest > 0)
            options.push_back(&o);
    std::stable_sort(options.begin(), options.end(),
                     [](auto *a, auto *b) { return a->probabilityCheapest > b->probabilityCheapest; });
    QStringList parts;
    for (const auto *o : options)
        parts.push_back(tr("<b>%1</b> %2%").arg(qs(o->id).toHtmlEscaped(),
                                                english().toString(o->probabilityCheapest * 100, 'f', 1)));
    setText(parts.isEmpty() ? tr("Under these ranges no option can serve the workload in any of %L1 draws.").arg(m_result->draws)
                            : tr("Odds of being the cheapest under these ranges (%L1 draws): %2.")
                                  .arg(m_result->draws)
                                  .arg(parts.join(QStringLiteral(", "))));
    Q_EMIT updated();
}

} // namespace Costscape::Ui
