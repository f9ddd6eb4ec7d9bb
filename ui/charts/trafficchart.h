// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chartbase.h"

#include "models/chartseries.h"

#include <utility>
#include <vector>

class QCheckBox;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPItemTracer;
class QLabel;

namespace Costscape::Ui {

/**
 * Each option's monthly cost as the workload is scaled: average requests per second on a
 * logarithmic x axis, monthly cost on a logarithmic y axis, one line per option with gaps where
 * the option cannot serve that traffic. Circles mark where the cheapest option changes, a dashed
 * vertical line marks the current workload, and the sweep's sentences are shown in a caption
 * under the plot.
 *
 * A log axis cannot show 0: a cost of exactly 0 (a free tier) is drawn on a dotted "$0" floor
 * just above the bottom of the axis; the tooltip gives the exact figure.
 *
 * Issue 16: when the sweep carries options with a commitment (TrafficSweep::Line::
 * costWithoutCommitment), a "Show without commitments" box above the plot (off by default) adds,
 * for each of them, a dashed line in the option's colour: the same option priced on demand,
 * named "<id> without commitment" in the legend. The box is hidden for a sweep without
 * commitments; the y axis always has room for both, so turning it on or off keeps the view.
 */
class TrafficChart final : public ChartBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficChart)

public:
    explicit TrafficChart(QWidget *parent = nullptr);
    ~TrafficChart() override;

    /**
     * Replaces what is drawn and resets the view. @p currentFactor is the scale of the workload
     * being planned (1 = as described); no line is drawn when it is not positive or the sweep has
     * no positive rate. Points with a non-positive or non-finite rate are skipped; a sweep
     * without any drawable cost shows the empty message.
     */
    void setSweep(const Models::TrafficSweep &sweep, double currentFactor = 1);

    /** The caption under the plot: describe(sweep), one sentence per line. */
    QString caption() const;

    /**
     * Which option is cheapest over which stretch of traffic, in words, from the sweep's ranges:
     * "lambda is cheapest below 130 requests/s (monthly average)", "ec2 is cheapest above 130
     * requests/s"; stretches where nothing is feasible say so; a workload without requests gives
     * its stretches as multiples of the scenario's traffic. Two significant digits, more where two
     * ends would otherwise read the same. The window and the report show the same words. An id
     * with right-to-left text is isolated (ChartBase::isolated).
     */
    static QStringList describe(const Models::TrafficSweep &sweep);
    /** Number of option lines (graphs). */
    int lineCount() const;
    /** Number of break-even markers drawn. */
    int breakEvenCount() const;
    /** Requests per second at the current-workload line; NaN when there is none. */
    double currentRate() const { return m_currentRate; }

    /**
     * Shows or hides the dashed lines of the options priced without their commitment; the
     * setting holds across setSweep() calls (it is the user's, not the data's).
     */
    void setShowWithoutCommitment(bool show);
    bool showsWithoutCommitment() const { return m_showWithout; }
    /** Number of dashed "without commitment" lines drawn (shown or not): one per committed option. */
    int withoutCommitmentCount() const { return static_cast<int>(m_withoutGraphs.size()); }
    /** The dashed line of sweep line @p line, or null when that option has no commitment. */
    QCPGraph *withoutCommitmentGraph(int line) const;
    /** The box that turns the dashed lines on and off; hidden when the sweep has no commitment. */
    QCheckBox *withoutCommitmentBox() const { return m_withoutBox; }

    /** The nearest point of a shown line within 24 pixels: option, rate, monthly cost. */
    QString tooltipAt(const QPointF &pixel) const override;
    void resetView() override;

Q_SIGNALS:
    /** The dashed without-commitment lines were turned on or off (by the box or the setter). */
    void showWithoutCommitmentChanged(bool show);

protected:
    void applyTheme() override;
    QString exportCaption() const override { return caption(); }
    /** Turns the labels of break-evens and of the current workload away from the plot's edges. */
    bool fitToLayout() override;

private:
    double displayCost(double cost) const;

    Models::TrafficSweep m_sweep;
    std::vector<QCPGraph *> m_graphs;
    /** Dashed lines: the graph and the index of its sweep line. */
    std::vector<std::pair<QCPGraph *, std::size_t>> m_withoutGraphs;
    QCheckBox *m_withoutBox = nullptr;
    bool m_showWithout = false;
    std::vector<QCPItemTracer *> m_markers;
    std::vector<QCPItemText *> m_markerLabels;
    QCPItemStraightLine *m_currentLine = nullptr;
    QCPItemText *m_currentLabel = nullptr;
    QCPItemStraightLine *m_zeroLine = nullptr;
    QCPItemText *m_zeroLabel = nullptr;
    QLabel *m_caption = nullptr;
    double m_currentRate;
    double m_floor = 0.01;
    double m_xLower = 0.01, m_xUpper = 100, m_yLower = 0.01, m_yUpper = 100;
};

} // namespace Costscape::Ui
