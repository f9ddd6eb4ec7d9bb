// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultspanel.h"

#include "chartbase.h"
#include "hourlychart.h"
#include "lineitemmodel.h"
#include "models/resultformat.h"
#include "monthlycostchart.h"
#include "packingchart.h"
#include "trafficchart.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Costscape::Ui {

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

ResultsPanel::ResultsPanel(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_monthly(new MonthlyCostChart(this))
    , m_traffic(new TrafficChart(this))
    , m_hourly(new HourlyChart(this))
    , m_packing(new PackingChart(this))
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
    m_tabs->addTab(m_packing, tr("&Packing"));
    m_tabs->addTab(m_table, tr("&Line items"));
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
    const int cheapest = e.cheapestIndex();
    if (cheapest >= 0) {
        const auto &o = e.options[static_cast<std::size_t>(cheapest)];
        m_headline->setText(tr("Cheapest: <b>%1</b> (%2), <b>%3 %4</b> a month")
                                .arg(qs(o.id).toHtmlEscaped(), QString::fromUtf8(Models::platformTitle(o.platform)),
                                     qs(Models::formatMoney(o.monthlyCost)), qs(e.prices.currency).toHtmlEscaped()));
    } else {
        m_headline->setText(e.options.empty() ? tr("No option is enabled.")
                                              : tr("No option can serve this workload; see the reasons on the chart."));
    }
    m_lineItems->setEvaluation(e);
    m_monthlyDirty = m_hourlyDirty = m_packingDirty = true;
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

void ResultsPanel::clearResults(const QString &why)
{
    m_evaluation.reset();
    m_sweep.reset();
    m_monthly->setSeries({});
    m_traffic->setSweep({});
    m_hourly->setSeries({});
    m_packing->setSeries({});
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
    case LineItemsTab:
        return m_table;
    }
    return m_monthly;
}

void ResultsPanel::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentWidget(tabWidget(tab));
}

ResultsPanel::Tab ResultsPanel::currentTab() const
{
    for (const Tab tab : {MonthlyTab, TrafficTab, HourlyTab, LineItemsTab, PackingTab}) {
        if (m_tabs->currentWidget() == tabWidget(tab))
            return tab;
    }
    return MonthlyTab;
}

ChartBase *ResultsPanel::currentChart() const
{
    return qobject_cast<ChartBase *>(m_tabs->currentWidget());
}

void ResultsPanel::copyLineItems()
{
    const QModelIndexList rows = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList();
    QApplication::clipboard()->setText(m_lineItems->toTsv(rows));
}

} // namespace Costscape::Ui
