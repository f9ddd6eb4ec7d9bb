// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chartbase.h"

#include "models/chartseries.h"

#include <QSharedPointer>
#include <QStringList>

#include <vector>

class QCPAxisTickerText;
class QCPBars;
class QCPItemRect;
class QCPItemText;

namespace Costscape::Ui {

/**
 * Monthly cost per option as stacked bars, one stack segment per line item ("requests",
 * "duration", "instances"), each bar labelled with its total as money. The cheapest feasible
 * option is outlined and labelled "Cheapest"; options that cannot serve the workload are drawn in
 * grey (a short hatched stub when their total is 0) under their reason, elided to the bar's width
 * and given in full in the tooltip. The legend lists the line items; clicking one hides it, the
 * bars are re-stacked without it and their labels give the sum of what is shown (the tooltip
 * keeps the total).
 *
 * Under each bar a chip in the option's own colour (OptionColors) ties it to the options list
 * and the other charts; the line items take muted part colours, apart from the options'.
 *
 * Option @c i is drawn at x = i.
 */
class MonthlyCostChart final : public ChartBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonthlyCostChart)

public:
    explicit MonthlyCostChart(QWidget *parent = nullptr);
    ~MonthlyCostChart() override;

    /**
     * Replaces what is drawn and resets the view. Per-option vectors shorter than @c ids are
     * read as 0 / feasible / "" for the missing entries; an empty series shows the empty message.
     */
    void setSeries(const Models::MonthlySeries &series);

    /** Number of options (bars). */
    int barCount() const;
    /**
     * Sum of the shown line items of option @p option as drawn (hidden items excluded, the grey
     * stub of an infeasible option with total 0 not counted); 0 for an index out of range.
     */
    double stackedValue(int option) const;
    /** The line items, in stacking order (bottom first); these are the series names. */
    QStringList stackNames() const;
    /** The colour of the chip under option @p option's bar (its own colour); invalid out of range. */
    QColor chipColor(int option) const;

    /**
     * The name under option @p option's bar: its id, then its platform, each wrapped after a '-'
     * or at a space to the width of a bar's slot (less a gap), and elided when it still does not
     * fit; empty out of range. The tooltip over it gives both in full.
     */
    QString axisLabel(int option) const;

    /**
     * Over a segment: option, line item, its exact cost and the total; over the bar elsewhere,
     * the option; under the axis (the option's chip and name), its id and platform in full.
     */
    QString tooltipAt(const QPointF &pixel) const override;
    void resetView() override;

protected:
    void applyTheme() override;
    void seriesVisibilityChanged() override;
    /** Raises the top of the y axis so that every bar's total and note fit above it. */
    bool fitToLayout() override;

private:
    void restack();
    void placeLabels();
    double optionTop(int option) const;
    /** The highest value option @p option may show: its total, or what is stacked when more. */
    double dataTop(int option) const;
    /** Pixels the labels above option @p option's bar take: its total, and its note. */
    double labelRoom(int option) const;
    /** Sets the stubs of infeasible options to their share of the current y range. */
    void updateStub();
    /** Fits the names under the bars to @p width pixels (0: whole); true when a name changed. */
    bool updateAxisLabels(double width);

    Models::MonthlySeries m_series;
    std::vector<QCPBars *> m_colored; ///< per stack: the feasible options, in the legend
    std::vector<QCPBars *> m_greyed;  ///< per stack: the infeasible options, same name
    QCPBars *m_stub = nullptr;        ///< infeasible options whose total is 0
    std::vector<QCPItemText *> m_totalLabels; ///< per option; null for a stub
    std::vector<QCPItemText *> m_notes;       ///< per option: "Cheapest", the reason, or null
    QCPItemRect *m_cheapestOutline = nullptr;
    std::vector<QCPItemRect *> m_chips;       ///< per option: its colour, under its bar
    double m_top = 1;
    QSharedPointer<QCPAxisTickerText> m_ticker; ///< the names under the bars
    double m_labelWidth = -1;                   ///< the width they were fitted to
    int m_totalDecimals = 2;                    ///< the totals' cents, dropped when they do not fit
};

} // namespace Costscape::Ui
