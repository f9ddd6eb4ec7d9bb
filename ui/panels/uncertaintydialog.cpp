// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/uncertaintydialog.h"

#include "ui/editors/rangebutton.h"

#include "ui/charts/tornadochart.h"
#include "ui/charts/uncertaintychart.h"
#include "ui/document/scenariodocument.h"
#include "ui/uitext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QHeaderView>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace Costscape::Ui {

namespace {

using Models::UncertainInput;

/** A spike figure for the table: "never" for a time to meet demand the spike never reaches. */
QString spikeText(Models::SpikeMeasure m, double v)
{
    if (std::isnan(v))
        return QStringLiteral("–");
    if (std::isinf(v))
        return UncertaintyDialog::tr("never");
    const bool count = m == Models::SpikeMeasure::RequestsDelayed || m == Models::SpikeMeasure::RequestsRejected;
    return english().toString(v, 'f', count ? 0 : 1);
}

} // namespace

UncertaintyDialog::UncertaintyDialog(ScenarioDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_band(new UncertaintyChart)
    , m_costTornado(new TornadoChart)
    , m_differenceTornado(new TornadoChart)
    , m_debounce(new QTimer(this))
    , m_watcher(new QFutureWatcher<std::shared_ptr<Result<Models::UncertaintyResult>>>(this))
{
    setWindowTitle(tr("Uncertainty"));
    auto *ranges = new QGridLayout;
    ranges->addWidget(new QLabel(tr("<b>Range on</b>")), 0, 0);
    ranges->addWidget(new QLabel(tr("<b>Low</b>")), 0, 1);
    ranges->addWidget(new QLabel(tr("<b>Typical</b>")), 0, 2);
    ranges->addWidget(new QLabel(tr("<b>High</b>")), 0, 3);
    ranges->addWidget(new QLabel(tr("<b>Distribution</b>")), 0, 4);
    for (int i = 0; i < Models::UncertainInputCount; ++i) {
        const auto input = static_cast<UncertainInput>(i);
        Row &row = m_rows[i];
        row.on = new QCheckBox(QString::fromUtf8(Models::inputTitle(input)));
        row.on->setObjectName(QString::fromUtf8(Models::inputKey(input)));
        double min = 0, max = 1;
        int decimals = 2;
        rangeInputLimits(input, min, max, decimals);
        for (QDoubleSpinBox **box : {&row.low, &row.typical, &row.high}) {
            *box = new QDoubleSpinBox;
            (*box)->setRange(min, max);
            (*box)->setDecimals(decimals);
            (*box)->setKeyboardTracking(false);
            connect(*box, &QDoubleSpinBox::valueChanged, this, &UncertaintyDialog::rangesEdited);
        }
        row.distribution = new QComboBox;
        row.distribution->addItem(tr("triangular"));
        row.distribution->addItem(tr("log-normal"));
        connect(row.distribution, &QComboBox::currentIndexChanged, this, &UncertaintyDialog::rangesEdited);
        connect(row.on, &QCheckBox::toggled, this, &UncertaintyDialog::rangesEdited);
        ranges->addWidget(row.on, i + 1, 0);
        ranges->addWidget(row.low, i + 1, 1);
        ranges->addWidget(row.typical, i + 1, 2);
        ranges->addWidget(row.high, i + 1, 3);
        ranges->addWidget(row.distribution, i + 1, 4);
    }

    m_draws = new QSpinBox;
    m_draws->setRange(100, 1000000);
    m_draws->setSingleStep(1000);
    m_draws->setValue(10000);
    m_seed = new QSpinBox;
    m_seed->setRange(0, 2147483647);
    m_seed->setValue(1);
    m_progress = new QProgressBar;
    m_runButton = new QPushButton(tr("Run"));
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setEnabled(false);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Draws")));
    controls->addWidget(m_draws);
    controls->addWidget(new QLabel(tr("Seed")));
    controls->addWidget(m_seed);
    controls->addWidget(m_progress, 1);
    controls->addWidget(m_runButton);
    controls->addWidget(m_cancelButton);

    auto *tabs = new QTabWidget;
    tabs->addTab(m_band, tr("Spread and odds of being cheapest"));
    tabs->addTab(m_costTornado, tr("Tornado: cheapest option's cost"));
    tabs->addTab(m_differenceTornado, tr("Tornado: runner-up minus cheapest"));
    // The spike's response under a range on its peak: no cost moves with it, so a table, not a chart.
    auto *spikePage = new QWidget;
    auto *spikeLayout = new QVBoxLayout(spikePage);
    m_spikeNote = new QLabel;
    m_spikeNote->setWordWrap(true);
    m_spikeTable = new QTableWidget(0, 6);
    m_spikeTable->setObjectName(QStringLiteral("spikeSpread"));
    m_spikeTable->setHorizontalHeaderLabels({tr("Option"), tr("Absorbs the spike"), tr("Time to meet demand (s)"),
                                             tr("Longest wait (s)"), tr("Requests delayed"), tr("Requests turned away")});
    m_spikeTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_spikeTable->verticalHeader()->hide();
    m_spikeTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    spikeLayout->addWidget(m_spikeNote);
    spikeLayout->addWidget(m_spikeTable, 1);
    tabs->addTab(spikePage, tr("Spike response"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(ranges);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(tabs, 1);
    resize(1000, 760);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &UncertaintyDialog::run);
    connect(m_runButton, &QPushButton::clicked, this, &UncertaintyDialog::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &UncertaintyDialog::cancel);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &UncertaintyDialog::drawsFinished);
    connect(m_document, &ScenarioDocument::scenarioChanged, this, [this] {
        loadRanges();
        m_debounce->start();
    });
    loadRanges();
    m_debounce->start();
}

UncertaintyDialog::~UncertaintyDialog()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher->waitForFinished();
}

void UncertaintyDialog::loadRanges()
{
    const Models::Scenario &s = m_document->scenario();
    const auto read = Models::readRanges(s);
    m_loading = true;
    for (int i = 0; i < Models::UncertainInputCount; ++i) {
        const auto input = static_cast<UncertainInput>(i);
        Row &row = m_rows[i];
        const double own = Models::scenarioValue(s, input);
        const double base = std::isnan(own) ? 0.6 : own;
        const bool traffic = input == UncertainInput::Traffic;
        // What an unticked row offers when ticked; a range the file gives replaces it whole.
        Models::InputRange shown;
        shown.low = traffic ? 0.5 : base * (base > 0 ? 0.8 : 1);
        shown.typical = traffic ? 1 : base;
        shown.high = traffic ? 2 : base > 0 ? base * 1.5 : 0.1;
        shown.distribution = traffic ? Models::RangeDistribution::LogNormal : Models::RangeDistribution::Triangular;
        const bool given = read && read.value()[input].has_value();
        if (given)
            shown = *read.value()[input];
        row.on->setChecked(given);
        // A range on the spike's peak needs a spike (the reader refuses one without).
        row.on->setEnabled(given || input != UncertainInput::SpikeHeight || s.workload.spike.has_value());
        row.low->setValue(shown.low);
        row.typical->setValue(shown.typical);
        row.high->setValue(shown.high);
        row.distribution->setCurrentIndex(shown.distribution == Models::RangeDistribution::LogNormal ? 1 : 0);
        for (QWidget *w : std::initializer_list<QWidget *>{row.low, row.typical, row.high, row.distribution})
            w->setEnabled(row.on->isChecked());
    }
    m_loading = false;
    if (!read)
        m_status->setText(tr("The scenario's ranges cannot be used: %1").arg(QString::fromStdString(read.error().toString())));
}

void UncertaintyDialog::rangesEdited()
{
    if (m_loading)
        return;
    Models::UncertaintyRanges ranges;
    for (int i = 0; i < Models::UncertainInputCount; ++i) {
        const Row &row = m_rows[i];
        for (QWidget *w : std::initializer_list<QWidget *>{row.low, row.typical, row.high, row.distribution})
            w->setEnabled(row.on->isChecked());
        if (!row.on->isChecked())
            continue;
        ranges[static_cast<UncertainInput>(i)] =
            Models::InputRange{row.low->value(), row.typical->value(), row.high->value(),
                               row.distribution->currentIndex() == 1 ? Models::RangeDistribution::LogNormal
                                                                     : Models::RangeDistribution::Triangular};
    }
    const auto json = Models::rangesToJson(ranges);
    // One undo step per run of edits to the table; saved with the file as the "ranges" key.
    m_document->edit(tr("Change ranges"), [&](Models::Scenario &s) {
        if (!s.original.is_object())
            s.original = JsonDocument::Json::object();
        if (json.empty())
            s.original.erase("ranges");
        else
            s.original["ranges"] = json;
    }, QStringLiteral("ranges"));
}

bool UncertaintyDialog::isRunning() const
{
    return m_watcher->isRunning();
}

void UncertaintyDialog::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void UncertaintyDialog::run()
{
    m_debounce->stop();
    if (m_watcher->isRunning()) {
        // The running draws are stale: stop them; drawsFinished() starts this run when they have stopped.
        cancel();
        m_rerun = true;
        return;
    }
    const auto sheet = m_document->priceSheet();
    if (!sheet) {
        m_status->setText(tr("No price sheet: load one to run the draws."));
        return;
    }
    Models::Scenario scenario = m_document->scenario();
    const auto ranges = Models::readRanges(scenario);
    if (!ranges) {
        m_status->setText(tr("The ranges cannot be used: %1").arg(QString::fromStdString(ranges.error().message)));
        return;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    Models::UncertaintySettings settings;
    settings.draws = m_draws->value();
    settings.seed = static_cast<std::uint64_t>(m_seed->value());
    settings.cancel = m_cancel.get();
    QPointer<QProgressBar> bar = m_progress;
    settings.progress = [bar](int done, int total) {
        // From the worker threads: the bar is updated on its own thread.
        QMetaObject::invokeMethod(bar, [bar, done, total] {
            if (bar) {
                bar->setMaximum(total);
                bar->setValue(std::max(bar->value(), done));
            }
        }, Qt::QueuedConnection);
    };
    m_progress->setValue(0);
    m_progress->setMaximum(settings.draws);
    m_cancelButton->setEnabled(true);
    m_status->setText(tr("Drawing %L1 times…").arg(settings.draws));
    auto cancelFlag = m_cancel;
    m_watcher->setFuture(QtConcurrent::run([scenario = std::move(scenario), sheet, ranges = ranges.value(), settings,
                                            cancelFlag] {
        return std::make_shared<Result<Models::UncertaintyResult>>(
            Models::runUncertainty(scenario, *sheet, ranges, settings));
    }));
}

void UncertaintyDialog::drawsFinished()
{
    m_cancelButton->setEnabled(false);
    const auto outcome = m_watcher->result();
    if (m_rerun) {
        m_rerun = false;
        run();
        return;
    }
    if (!outcome || !*outcome) {
        m_status->setText(outcome && outcome->error().code == ErrorCode::Cancelled
                              ? tr("Cancelled: the charts show the last finished run.")
                              : tr("The draws failed: %1").arg(QString::fromStdString(outcome ? outcome->error().toString()
                                                                                          : std::string())));
        Q_EMIT finished();
        return;
    }
    m_result = outcome->value();
    m_progress->setValue(m_progress->maximum());
    const auto &r = *m_result;
    m_band->setOptionColors(m_document->optionColors());
    m_band->setResult(r);
    m_costTornado->setTornado(r.chosenCost, r.currency);
    m_differenceTornado->setTornado(r.difference, r.currency);
    showSpikeSpread(r);
    QString best;
    double odds = -1;
    for (const auto &o : r.options)
        if (o.probabilityCheapest > odds) {
            odds = o.probabilityCheapest;
            best = QString::fromStdString(o.id);
        }
    m_status->setText(r.ranges.empty()
                          ? tr("No input has a range: tick one above. Every draw is the typical evaluation.")
                          : tr("%L1 draws, seed %2: %3 is the cheapest in %4% of them.")
                                .arg(r.draws)
                                .arg(r.seed)
                                .arg(best)
                                .arg(odds * 100, 0, 'f', 1));
    Q_EMIT finished();
}

void UncertaintyDialog::showSpikeSpread(const Models::UncertaintyResult &r)
{
    m_spikeTable->setRowCount(0);
    if (r.spikeDraws <= 0) {
        m_spikeNote->setText(tr("Give the spike's peak a range (the row above) to see how each option's response to it "
                                "spreads: the spike is then simulated at each drawn peak."));
        return;
    }
    const auto &g = r.ranges[UncertainInput::SpikeHeight];
    m_spikeNote->setText(tr("The spike's peak drawn from %1 to %2 requests/s (typically %3); the first %L4 draws simulated. "
                            "Each figure is P10 / P50 / P90 over those draws; no monthly cost moves with the spike.")
                             .arg(formatEditorNumber(g ? g->low : 0), formatEditorNumber(g ? g->high : 0),
                                  formatEditorNumber(g ? g->typical : 0))
                             .arg(r.spikeDraws));
    for (const Models::OptionUncertainty &o : r.options) {
        const int row = m_spikeTable->rowCount();
        m_spikeTable->insertRow(row);
        m_spikeTable->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(o.id)));
        if (!o.spike || o.spike->simulated == 0) {
            m_spikeTable->setItem(row, 1, new QTableWidgetItem(tr("not feasible")));
            continue;
        }
        m_spikeTable->setItem(row, 1, new QTableWidgetItem(tr("in %1% of draws").arg(o.spike->absorbedShare * 100, 0, 'f', 1)));
        for (int m = 0; m < Models::SpikeMeasureCount; ++m) {
            const auto measure = static_cast<Models::SpikeMeasure>(m);
            const Models::SpikeSpread &v = (*o.spike)[measure];
            auto *item = new QTableWidgetItem(spikeText(measure, v.p10) + QStringLiteral(" / ") + spikeText(measure, v.p50)
                                              + QStringLiteral(" / ") + spikeText(measure, v.p90));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(tr("At the typical peak: %1").arg(spikeText(measure, v.typical)));
            m_spikeTable->setItem(row, 2 + m, item);
        }
    }
}

} // namespace Costscape::Ui
