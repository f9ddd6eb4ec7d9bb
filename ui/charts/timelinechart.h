// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chartbase.h"

#include "models/chartseries.h"

#include <QStringList>

#include <vector>

class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPItemTracer;
class QLabel;

namespace Costscape::Ui {

/**
 * The workload's spike second by second, in two axis rects sharing the time axis: on top the
 * demand (requests/s, a neutral line) against each option's serving capacity (one line per
 * option, a circle where it first meets the demand), below the requests each option leaves
 * waiting, shaded in the option's colour. Time 0 is the start of the spike (a dashed line);
 * the axis reads "-0:30", "0:00", "2:30".
 *
 * The requests/s axis is sized to the demand, not to the capacities: an option that scales far
 * beyond the demand (Lambda's burst) runs off the top of the plot, which is what matters here;
 * where it leaves the plot a label in its colour says how high it goes ("↑ 6,000/s"), and the
 * tooltip gives its exact capacity. Long timelines are thinned for drawing (at most
 * maxDrawnPoints points a line) and kept whole for the tooltips and the caption.
 *
 * One legend entry per option hides its capacity, its backlog and its marker together; the
 * demand's entry comes last. Without a line the empty message is shown.
 */
class TimelineChart final : public ChartBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineChart)

public:
    /** Points drawn at most per line; the rest are skipped for drawing only. */
    static constexpr int maxDrawnPoints = 1500;

    explicit TimelineChart(QWidget *parent = nullptr);
    ~TimelineChart() override;

    /**
     * Replaces what is drawn and resets the view. Lines with fewer than two samples or a
     * non-positive step are listed in the caption but not drawn. Non-finite values are drawn as
     * gaps. A series without lines shows the empty message.
     */
    void setSeries(const Models::SpikeSeries &series);

    /** Number of options drawn (each has a capacity graph and a backlog graph). */
    int lineCount() const { return static_cast<int>(m_capacity.size()); }
    /** The capacity graph of drawn option @p index, or null. */
    QCPGraph *capacityGraph(int index) const;
    /** The backlog graph of drawn option @p index, or null. */
    QCPGraph *backlogGraph(int index) const;
    /** The demand graph, or null when nothing is drawn. */
    QCPGraph *demandGraph() const { return m_demand; }
    /** Circles where an option's capacity first meets the demand (options that never do have none). */
    int meetMarkerCount() const { return static_cast<int>(m_markers.size()); }
    /** The labels of capacities that run off the top of the plot, "↑ 6,000/s", in drawing order. */
    QStringList offScaleLabels() const;
    /** The upper rect (requests/s). */
    QCPAxisRect *rateRect() const { return m_rateRect; }
    /** The lower rect (requests waiting). */
    QCPAxisRect *backlogRect() const { return m_backlogRect; }
    /** The caption under the plot: which option meets the demand first, which never does. */
    QString caption() const;

    /** The time under the mouse: demand, and each shown option's capacity and backlog there. */
    QString tooltipAt(const QPointF &pixel) const override;
    void resetView() override;

    /** "0:00", "-0:30", "12:05", "1:02:03": seconds as the time axis writes them. */
    static QString formatSeconds(double seconds);

protected:
    void applyTheme() override;
    QString exportCaption() const override { return caption(); }
    void seriesVisibilityChanged() override;
    /** Places the off-scale labels along the top of the plot, in rows where they would overlap. */
    bool fitToLayout() override;

private:
    /** Sample of line @p line at time @p seconds, or -1 outside its timeline. */
    int sampleAt(std::size_t line, double seconds) const;

    Models::SpikeSeries m_series;
    std::vector<std::size_t> m_drawn; ///< index into m_series.lines of each drawn option
    QCPAxisRect *m_rateRect;
    QCPAxisRect *m_backlogRect;
    std::vector<QCPGraph *> m_capacity;
    std::vector<QCPGraph *> m_backlog;
    std::vector<QCPItemTracer *> m_markers;
    /** Per drawn option: where its capacity first leaves the plot, and its label; or null. */
    struct OffScale {
        std::size_t drawn = 0;
        double seconds = 0;
        QCPItemText *label = nullptr;
    };
    std::vector<OffScale> m_offScale;
    QCPGraph *m_demand = nullptr;
    QCPItemStraightLine *m_startLine = nullptr;
    QCPItemStraightLine *m_startLineBelow = nullptr;
    QCPItemText *m_startLabel = nullptr;
    QLabel *m_caption = nullptr;
    double m_xLower = 0;
    double m_xUpper = 1;
    double m_rateTop = 1;
    double m_backlogTop = 1;
};

} // namespace Costscape::Ui
