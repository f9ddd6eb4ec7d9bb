// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chartbase.h"

#include "models/chartseries.h"

#include <QStringList>

#include <array>
#include <vector>

class QCPAxisRect;
class QCPBars;
class QCPItemText;
class QCPTextElement;
class QComboBox;
class QLabel;

namespace Costscape::Ui {

/**
 * How an ECS-on-EC2 option packs its tasks at the busiest hour: the ECS scheduler's fleet (left)
 * and the optimised fleet (right), side by side on the same scale. Each instance is a bar made of
 * two thin sub-bars, CPU (left) and memory (right), filled with each task group's share of the
 * instance's capacity in the group's colour; the outline is the capacity, so what is left empty
 * is stranded. The instance type is written under each bar.
 *
 * A run of identical instances is drawn one bar per instance when the fleet is small (at most 12
 * instances) or the run has at most 2 instances, else as one bar labelled "x n". At most 60 bars
 * are drawn per fleet; the rest are counted in a note. A caption under the plot gives both totals
 * and the saving (and the gap to the lower bound when the result has one). With several ecs-ec2
 * options a combo box above the plot picks the option shown. The legend lists the task groups;
 * clicking one hides it in both fleets.
 */
class PackingChart final : public ChartBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PackingChart)

public:
    /** Fleet bars drawn at most per fleet; the rest are counted in a note. */
    static constexpr int maxBarsPerFleet = 60;

    explicit PackingChart(QWidget *parent = nullptr);
    ~PackingChart() override;

    /**
     * Replaces the options and shows the one with the same id as before (else the first). An
     * empty vector shows the empty message ("No ECS on EC2 or EKS on EC2 option in this scenario").
     */
    void setSeries(const std::vector<Models::PackingSeries> &series);

    /** Instance bars drawn for the selected option, both fleets together (0 when empty). */
    int barCount() const;
    /** Instance bars drawn for one fleet: 0 = the scheduler's, 1 = the optimised one. */
    int barCount(int fleet) const;
    /** Instances of a fleet not drawn because it has more than maxBarsPerFleet bars. */
    int hiddenInstances(int fleet) const;
    /** The caption under the plot: both fleets' totals, the saving, the lower bound gap. */
    QString caption() const;
    /** Index of the option shown, -1 when there is none. */
    int selectedOption() const { return m_selected; }
    /** Shows option @p index; out of range indexes are ignored. */
    void selectOption(int index);
    /** Number of options (entries of the selector). */
    int optionCount() const { return static_cast<int>(m_series.size()); }
    /** The selector above the plot; its row is hidden unless there are two options or more. */
    QComboBox *optionSelector() const { return m_selector; }
    /** Task group names of the option shown: the legend entries and series names. */
    QStringList groupNames() const;
    /** The title over fleet @p fleet (0 scheduler, 1 optimised): strategy, count, utilisation. */
    QString fleetTitle(int fleet) const;

    /** Over a bar: instance type (x n), tasks per group, CPU and memory used of offered, price. */
    QString tooltipAt(const QPointF &pixel) const override;
    void resetView() override;

protected:
    void applyTheme() override;
    QString exportCaption() const override { return caption(); }
    void seriesVisibilityChanged() override;
    /** Leaves room above the full bars for the "CPU" and "mem" labels. */
    bool fitToLayout() override;

private:
    /** One drawn bar: @c count identical instances of run @c run. */
    struct Bar {
        int run = 0;
        int count = 1;
    };
    void rebuild();
    void restack();
    const Models::PackingSeries::Fleet &fleet(int index) const;

    std::vector<Models::PackingSeries> m_series;
    int m_selected = -1;
    QWidget *m_selectorRow;
    QComboBox *m_selector;
    QLabel *m_caption = nullptr;
    std::array<QCPAxisRect *, 2> m_rects{};
    std::array<QCPTextElement *, 2> m_titles{};
    std::array<std::vector<Bar>, 2> m_bars;
    std::array<int, 2> m_hidden{};
    /** Per fleet, per resource (0 CPU, 1 memory): one stacked QCPBars per group. */
    std::array<std::array<std::vector<QCPBars *>, 2>, 2> m_fills;
    std::vector<QCPBars *> m_outlines;
    std::vector<QCPItemText *> m_notes;
    std::vector<QCPItemText *> m_subLabels; ///< "CPU" and "mem" over the first bar of each fleet
    double m_keyUpper = 1;
    double m_valueTop = 1.06; ///< top of both value axes: a full bar, and room for its labels
};

} // namespace Costscape::Ui
