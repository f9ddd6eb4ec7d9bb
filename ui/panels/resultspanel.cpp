// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/resultspanel.h"

#include "base/textformat.h"
#include "ui/uitext.h"

#include "ui/charts/chartbase.h"
#include "ui/charts/commitmentcurvechart.h"
#include "ui/charts/hourlychart.h"
#include "ui/itemmodels/lineitemmodel.h"
#include "output/resultformat.h"
#include "ui/charts/monthlycostchart.h"
#include "ui/charts/packingchart.h"
#include "ui/itemmodels/scalingmodel.h"
#include "ui/charts/timelinechart.h"
#include "ui/charts/trafficchart.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Costscape::Ui {

namespace {
} // namespace

ResultsPanel::ResultsPanel(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_leftOut(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_monthly(new MonthlyCostChart(this))
    , m_traffic(new TrafficChart(this))
    , m_hourly(new HourlyChart(this))
    , m_packing(new PackingChart(this))
    , m_commitments(new CommitmentCurveChart(this))
    , m_spikePage(new QStackedWidget(this))
    , m_noSpike(new QLabel(m_spikePage))
    , m_timeline(new TimelineChart(this))
    , m_scaling(new ScalingModel(this))
    , m_scalingTable(new QTableView(this))
    , m_lineItems(new LineItemModel(this))
    , m_table(new QTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_headline->setFont(big);
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::RichText);
    layout->addWidget(m_headline);
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Red on a pale tint reads on light and dark palettes alike.
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c; border: 1px solid #d32f2f; "
                                           "border-radius: 3px; padding: 6px; }"));
    layout->addWidget(m_banner);
    // What the figures leave out, said plainly under the headline: a compute-only answer must not
    // read as the whole bill (docs/bill.md).
    m_leftOut->setWordWrap(true);
    m_leftOut->setVisible(false);
    m_leftOut->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_leftOut->setStyleSheet(QStringLiteral("QLabel { background: #fff8e1; color: #6d4c00; border: 1px solid #f0c36d; "
                                            "border-radius: 3px; padding: 4px; }"));
    layout->addWidget(m_leftOut);

    m_table->setModel(m_lineItems);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->setWordWrap(false);
    // Sized to the figures when the rows change, not on every recompute: a column the user
    // widened stays as it is while they edit.
    connect(m_lineItems, &QAbstractItemModel::modelReset, m_table, &QTableView::resizeColumnsToContents);
    auto *copy = new QAction(tr("&Copy as TSV"), m_table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ResultsPanel::copyLineItems);
    m_table->addAction(copy);

    m_tabs->addTab(m_monthly, tr("&Monthly cost"));
    m_tabs->addTab(m_traffic, tr("Cost vs &traffic"));
    m_tabs->addTab(m_hourly, tr("&Hour by hour"));
    // The spike tab: the timeline over its figures, or, without a spike, how to add one.
    m_noSpike->setWordWrap(true);
    m_noSpike->setAlignment(Qt::AlignCenter);
    m_noSpike->setMargin(24);
    m_noSpike->setTextFormat(Qt::PlainText);
    m_scalingTable->setModel(m_scaling);
    m_scalingTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_scalingTable->setAlternatingRowColors(true);
    m_scalingTable->verticalHeader()->setVisible(false);
    // Not stretched: the last figure stays under its header.
    m_scalingTable->horizontalHeader()->setStretchLastSection(false);
    m_scalingTable->verticalHeader()->setDefaultSectionSize(m_scalingTable->fontMetrics().height() + 8);
    m_scalingTable->setWordWrap(false);
    connect(m_scaling, &QAbstractItemModel::modelReset, this, [this] {
        m_scalingTable->resizeColumnsToContents();
        // As tall as its rows (up to a dozen), so that the chart above gets the rest of the tab.
        const int rows = std::min(m_scaling->rowCount(), 12);
        m_scalingTable->setMaximumHeight(m_scalingTable->horizontalHeader()->sizeHint().height()
                                         + std::max(rows, 1) * m_scalingTable->verticalHeader()->defaultSectionSize()
                                         + 2 * m_scalingTable->frameWidth());
    });
    auto *spikeSplit = new QSplitter(Qt::Vertical, m_spikePage);
    spikeSplit->addWidget(m_timeline);
    spikeSplit->addWidget(m_scalingTable);
    spikeSplit->setStretchFactor(0, 3);
    spikeSplit->setStretchFactor(1, 1);
    spikeSplit->setChildrenCollapsible(false);
    m_spikePage->addWidget(m_noSpike);
    m_spikePage->addWidget(spikeSplit);

    m_tabs->addTab(m_packing, tr("&Packing"));
    m_tabs->addTab(m_spikePage, tr("&Spike"));
    m_tabs->addTab(m_table, tr("&Line items"));
    m_tabs->addTab(m_commitments, tr("Comm&itments"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ResultsPanel::updateVisibleChart);
    m_headline->setText(tr("Evaluating…"));
}

void ResultsPanel::showOutcome(const EvaluationOutcome &outcome)
{
    m_shownGeneration = outcome.generation;
    if (!outcome.evaluation) {
        // The last result stays: the user sees what the scenario cost before the bad edit.
        m_error = outcome.error;
        m_banner->setText(tr("Cannot price this scenario: %1").arg(outcome.error));
        m_banner->setVisible(true);
        Q_EMIT resultShown(outcome.generation);
        return;
    }
    m_error.clear();
    m_banner->setVisible(false);
    m_evaluation = outcome.evaluation;
    const Models::Evaluation &e = *m_evaluation;
    const std::string leftOut = Models::leftOutSummary(e);
    m_leftOut->setText(tr("Left out of these figures: %1.").arg(QString::fromStdString(leftOut)));
    m_leftOut->setVisible(!leftOut.empty());
    const int cheapest = e.cheapestIndex();
    if (cheapest >= 0) {
        const auto &o = e.options[static_cast<std::size_t>(cheapest)];
        m_headline->setText(tr("Cheapest: <b>%1</b> (%2), <b>%3</b> a month")
                                .arg(qs(o.id).toHtmlEscaped(), QString::fromUtf8(Models::platformTitle(o.platform)),
                                     qs(Text::money(o.monthlyCost, e.prices.currency)).toHtmlEscaped()));
    } else {
        m_headline->setText(e.options.empty() ? tr("No option is enabled.")
                                              : tr("No option can serve this workload; see the reasons on the chart."));
    }
    m_lineItems->setEvaluation(e);
    m_monthlyDirty = m_hourlyDirty = m_packingDirty = m_spikeDirty = m_commitmentsDirty = true;
    updateVisibleChart();
    Q_EMIT resultShown(outcome.generation);
}

void ResultsPanel::showSweep(const SweepOutcome &outcome)
{
    if (!outcome.sweep)
        return; // the evaluation's own banner already says why it cannot be priced
    m_sweep = outcome.sweep;
    m_trafficDirty = true;
    updateVisibleChart();
}

void ResultsPanel::setOptionColors(const OptionColors &colors)
{
    for (ChartBase *chart : std::initializer_list<ChartBase *>{m_monthly, m_traffic, m_hourly, m_packing, m_timeline, m_commitments})
        chart->setOptionColors(colors);
    m_lineItems->setOptionColors(colors);
    m_scaling->setOptionColors(colors);
}

void ResultsPanel::clearResults(const QString &why)
{
    m_evaluation.reset();
    m_sweep.reset();
    m_monthly->setSeries({});
    m_traffic->setSweep({});
    m_hourly->setSeries({});
    m_packing->setSeries({});
    m_commitments->setEvaluation({});
    m_timeline->setSeries({});
    m_scaling->setSeries({});
    m_noSpike->setText(why);
    m_spikePage->setCurrentIndex(0);
    m_spikeDirty = false;
    m_leftOut->setVisible(false);
    m_lineItems->setEvaluation({});
    m_headline->setText(why.toHtmlEscaped());
}

void ResultsPanel::updateVisibleChart()
{
    switch (currentTab()) {
    case MonthlyTab:
        if (m_monthlyDirty && m_evaluation)
            m_monthly->setSeries(Models::monthlySeries(*m_evaluation));
        m_monthlyDirty = false;
        break;
    case TrafficTab:
        if (m_trafficDirty && m_sweep)
            m_traffic->setSweep(*m_sweep);
        m_trafficDirty = false;
        break;
    case HourlyTab:
        if (m_hourlyDirty && m_evaluation)
            m_hourly->setSeries(Models::hourlySeries(*m_evaluation));
        m_hourlyDirty = false;
        break;
    case PackingTab:
        if (m_packingDirty && m_evaluation)
            m_packing->setSeries(Models::packingSeries(*m_evaluation));
        m_packingDirty = false;
        break;
    case SpikeTab:
        if (m_spikeDirty && m_evaluation) {
            const Models::SpikeSeries series = Models::spikeSeries(*m_evaluation);
            m_timeline->setSeries(series);
            m_scaling->setSeries(series);
            bool anyFeasible = false;
            for (const auto &o : m_evaluation->options)
                anyFeasible = anyFeasible || o.feasible;
            m_noSpike->setText(anyFeasible || m_evaluation->options.empty()
                                   ? tr("This scenario has no traffic spike.\n\nTo see how fast each option scales when "
                                        "traffic jumps, tick \u201cModel a traffic spike\u201d in the Workload panel and "
                                        "give the rate before and during the spike.")
                                   : tr("No option can serve this workload, so none is taken through the spike."));
            m_spikePage->setCurrentIndex(series.hasSpike() ? 1 : 0);
        }
        m_spikeDirty = false;
        break;
    case CommitmentsTab:
        if (m_commitmentsDirty && m_evaluation)
            m_commitments->setEvaluation(*m_evaluation);
        m_commitmentsDirty = false;
        break;
    default:
        break;
    }
}

QWidget *ResultsPanel::tabWidget(Tab tab) const
{
    switch (tab) {
    case MonthlyTab:
        return m_monthly;
    case TrafficTab:
        return m_traffic;
    case HourlyTab:
        return m_hourly;
    case PackingTab:
        return m_packing;
    case SpikeTab:
        return m_spikePage;
    case LineItemsTab:
        return m_table;
    case CommitmentsTab:
        return m_commitments;
    }
    return m_monthly;
}

void ResultsPanel::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentWidget(tabWidget(tab));
}

ResultsPanel::Tab ResultsPanel::currentTab() const
{
    for (const Tab tab : {MonthlyTab, TrafficTab, HourlyTab, LineItemsTab, PackingTab, SpikeTab, CommitmentsTab}) {
        if (m_tabs->currentWidget() == tabWidget(tab))
            return tab;
    }
    return MonthlyTab;
}

ChartBase *ResultsPanel::currentChart() const
{
    if (m_tabs->currentWidget() == m_spikePage)
        return isSpikeShown() ? m_timeline : nullptr;
    return qobject_cast<ChartBase *>(m_tabs->currentWidget());
}

bool ResultsPanel::isSpikeShown() const
{
    return m_spikePage->currentIndex() == 1;
}

void ResultsPanel::copyLineItems()
{
    const QModelIndexList rows = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList();
    QApplication::clipboard()->setText(m_lineItems->toTsv(rows));
}

} // namespace Costscape::Ui
