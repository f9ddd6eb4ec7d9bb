// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/document/evaluationrunner.h"
#include "ui/optioncolors.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace Costscape::Ui {

class ChartBase;
class HourlyChart;
class LineItemModel;
class MonthlyCostChart;
class PackingChart;
class CommitmentCurveChart;
class ScalingModel;
class TimelineChart;
class TrafficChart;

/**
 * The results: monthly cost per option, cost against traffic, hour by hour, how ECS on EC2 packs
 * its tasks, how each option rides through the workload's spike, and the line items.
 * It shows the newest evaluation; when a later edit cannot be priced, the error is shown above
 * the charts and the last result stays on screen. Charts on hidden tabs are brought up to date
 * when their tab is shown, so an edit only redraws what the user can see.
 */
class ResultsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPanel)

public:
    /**
     * The tabs. The values are stable (callers bind them to shortcuts and store them), so they
     * are not the visual order: PackingTab and then SpikeTab sit between HourlyTab and
     * LineItemsTab on screen.
     * Use setCurrentTab() / currentTab(), not QTabWidget indexes.
     */
    enum Tab {
        MonthlyTab,
        TrafficTab,
        HourlyTab,
        LineItemsTab,
        PackingTab,
        SpikeTab,
        CommitmentsTab, ///< issue 16: the cost against the commitment level, after Line items on screen
    };

    explicit ResultsPanel(QWidget *parent = nullptr);

    void showOutcome(const EvaluationOutcome &outcome);
    void showSweep(const SweepOutcome &outcome);
    /** Empties every chart and the table (a new document whose sheet failed, for instance). */
    void clearResults(const QString &why);
    /** The options' colours, for every chart and table of the results (OptionColors). */
    void setOptionColors(const OptionColors &colors);

    /** The evaluation on screen (the last one that succeeded). */
    const std::optional<Models::Evaluation> &evaluation() const { return m_evaluation; }
    /** The generation of the last outcome shown (an evaluation or its error). */
    quint64 shownGeneration() const { return m_shownGeneration; }
    /** The error of the newest request, empty when it succeeded. */
    QString errorText() const { return m_error; }
    /** Copies the selected line items (all when none is selected) as tab-separated text. */
    void copyLineItems();
    void setCurrentTab(Tab tab);
    /** The tab shown (MonthlyTab when the tab widget has none). */
    Tab currentTab() const;
    /** The chart of the current tab, or null on the line-item tab and on a spike tab without a spike. */
    ChartBase *currentChart() const;

    MonthlyCostChart *monthlyChart() const { return m_monthly; }
    TrafficChart *trafficChart() const { return m_traffic; }
    HourlyChart *hourlyChart() const { return m_hourly; }
    PackingChart *packingChart() const { return m_packing; }
    CommitmentCurveChart *commitmentChart() const { return m_commitments; }
    /** The spike tab's chart (above its table). */
    TimelineChart *timelineChart() const { return m_timeline; }
    /** The spike tab's table: per option, time to meet the demand, delayed and refused requests, warm minimum. */
    ScalingModel *scalingModel() const { return m_scaling; }
    QTableView *scalingTable() const { return m_scalingTable; }
    /** What the spike tab says instead of its chart when the scenario has no spike. */
    QLabel *noSpikeLabel() const { return m_noSpike; }
    /** True while the spike tab shows its chart and table, false while it shows noSpikeLabel(). */
    bool isSpikeShown() const;
    LineItemModel *lineItemModel() const { return m_lineItems; }
    QTableView *lineItemTable() const { return m_table; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *banner() const { return m_banner; }
    /** The line under the headline naming the costs the figures leave out; hidden when the bill is whole. */
    QLabel *leftOutLabel() const { return m_leftOut; }
    QLabel *headline() const { return m_headline; }

Q_SIGNALS:
    /** The charts were given the result of this generation (they repaint on the next frame). */
    void resultShown(quint64 generation);

private:
    void updateVisibleChart();
    QWidget *tabWidget(Tab tab) const;

    QLabel *m_headline;
    QLabel *m_banner;
    QLabel *m_leftOut;
    QTabWidget *m_tabs;
    MonthlyCostChart *m_monthly;
    TrafficChart *m_traffic;
    HourlyChart *m_hourly;
    PackingChart *m_packing;
    CommitmentCurveChart *m_commitments;
    QStackedWidget *m_spikePage;
    QLabel *m_noSpike;
    TimelineChart *m_timeline;
    ScalingModel *m_scaling;
    QTableView *m_scalingTable;
    LineItemModel *m_lineItems;
    QTableView *m_table;
    std::optional<Models::Evaluation> m_evaluation;
    std::optional<Models::TrafficSweep> m_sweep;
    QString m_error;
    quint64 m_shownGeneration = 0;
    bool m_monthlyDirty = false;
    bool m_trafficDirty = false;
    bool m_hourlyDirty = false;
    bool m_packingDirty = false;
    bool m_commitmentsDirty = false;
    bool m_spikeDirty = false;
};

} // namespace Costscape::Ui
