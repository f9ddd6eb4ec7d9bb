// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chartbase.h"

#include "models/chartseries.h"

#include <vector>

class QCPAxisRect;
class QCPGraph;
class QLabel;

namespace Costscape::Ui {

/**
 * The fleet hour by hour, in two axis rects sharing the hour axis: on top the fleet size of each
 * option (step lines) with the workload's demand in requests/s on the right axis, below the cost
 * of each hour per option. One legend entry per option hides it in both rects.
 *
 * Hours are labelled "00:00" for a day, "Mon 00:00" for a week and "Day 3" for longer plans;
 * plans of 730 slots and more open on their first week (pan and zoom to see the rest; the full
 * data is kept). Options that cannot serve the workload are drawn in a faded colour; options with
 * a plan of their own (HourlySeries::skipped) are named in a note under the plot.
 */
class HourlyChart final : public ChartBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HourlyChart)

public:
    explicit HourlyChart(QWidget *parent = nullptr);
    ~HourlyChart() override;

    /**
     * Replaces what is drawn and resets the view. A series of the same options, slots and
     * currency as the one drawn (a new result after an edit) updates the graphs' points in place;
     * anything else rebuilds them. Taken by value: a temporary is moved in, not copied. The number of slots is the longest of the
     * demand and the lines; missing values are drawn as gaps. Without lines the empty message is
     * shown.
     */
    void setSeries(Models::HourlySeries series);

    /** Number of options drawn; each has one graph in each axis rect. */
    int lineCount() const;
    /** Number of hourly slots of the plan. */
    int slotCount() const { return m_slots; }
    /** The upper rect (fleet size, demand on its right axis). */
    QCPAxisRect *fleetRect() const { return m_fleetRect; }
    /** The lower rect (cost per hour). */
    QCPAxisRect *costRect() const { return m_costRect; }
    /** The note naming the options not drawn; empty when every option is drawn. */
    QString note() const;

    /** The hour under the mouse and the option nearest to it: fleet and cost per hour. */
    QString tooltipAt(const QPointF &pixel) const override;
    void resetView() override;

protected:
    void applyTheme() override;
    QString exportCaption() const override { return note(); }

private:
    /** True when @p series draws the same options, slots and currency as the graphs already there, all shown. */
    bool sameGraphs(const Models::HourlySeries &series) const;
    /** The note under the plot naming the options not drawn. */
    void updateNote();
    /** The options' pens (faded when they cannot serve the workload) and the demand's. */
    void applyPens();

    Models::HourlySeries m_series;
    QCPAxisRect *m_fleetRect;
    QCPAxisRect *m_costRect;
    std::vector<QCPGraph *> m_fleet;
    std::vector<QCPGraph *> m_cost;
    QCPGraph *m_demand = nullptr;
    QLabel *m_note;
    int m_slots = 0;
    double m_fleetTop = 1;
    double m_costTop = 1;
    double m_demandTop = 1;
};

} // namespace Costscape::Ui
