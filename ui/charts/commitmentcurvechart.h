// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chartbase.h"

#include "models/commitments/commitment.h"

#include <string>
#include <vector>

class QComboBox;
class QCPGraph;

namespace Costscape::Models {
struct Evaluation;
}

namespace Costscape::Ui {

/**
 * The month's cost of an option's covered usage against the level of its (first) commitment: the
 * hourly commitment of a Savings Plan or the number of reservations, the others held (issue 16).
 * One line per option that has a commitment, in its option colour; a filled disc marks the level
 * that minimises the cost ("optimal"), a hollow square the level the scenario applies. When plans
 * and reservations are drawn together, x is each curve's level as a percentage of its highest
 * level (the tooltip gives the level itself). Options without a commitment are left out; none
 * shows the empty message.
 *
 * With two or more such options, an "Option:" box above the plot chooses between all of them
 * ("All options", the default) and one of them, drawn alone against its own level (USD/hour or
 * reservations) with its on-demand cost as a dotted line. The choice is kept by option id across
 * new evaluations while that option still has a commitment, else it goes back to all.
 */
class CommitmentCurveChart final : public ChartBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommitmentCurveChart)

public:
    explicit CommitmentCurveChart(QWidget *parent = nullptr);
    ~CommitmentCurveChart() override;

    /** Replaces the curves with those of evaluation's options and resets the view. */
    void setEvaluation(const Models::Evaluation &evaluation);

    /** Options drawn, in the evaluation's order. */
    int curveCount() const { return static_cast<int>(m_curves.size()); }
    /** The ids of the options drawn. */
    QStringList optionIds() const;
    /** The ids of every option with a commitment (what the box offers after "All options"). */
    QStringList availableIds() const;

    /**
     * Draws only option @p id, or all of them when @p id is empty. Returns false (and changes
     * nothing) when no option with a commitment has that id.
     */
    bool selectOption(const QString &id);
    /** The option drawn alone, or empty when all are drawn. */
    QString selectedOption() const { return m_selected; }
    /** The "Option:" box; its row is hidden with fewer than two options to choose from. */
    QComboBox *optionSelector() const { return m_selector; }
    /** The dotted on-demand line of the option drawn alone, or null when all are drawn. */
    QCPGraph *onDemandLine() const { return m_onDemand; }

    QString tooltipAt(const QPointF &pixel) const override;
    void resetView() override;

protected:
    void applyTheme() override;
    QString exportCaption() const override;

private:
    struct Curve {
        std::string id;
        Models::CommitmentSummary summary;
        QCPGraph *line = nullptr;
        QCPGraph *optimal = nullptr;
        QCPGraph *current = nullptr;
        double scale = 1; ///< x per level: 1, or 100 / the curve's top level when units are mixed
    };
    /** Draws the curves of the selection from m_all. */
    void rebuild();

    std::vector<Curve> m_all;     ///< every option with a commitment (no graphs)
    std::vector<Curve> m_curves;  ///< the ones drawn
    QString m_selected;           ///< option drawn alone; empty: all
    QWidget *m_selectorRow = nullptr;
    QComboBox *m_selector = nullptr;
    QCPGraph *m_onDemand = nullptr;
    QString m_currency;
    bool m_shares = false; ///< plans and reservations together: x is a share of each curve's top
};

} // namespace Costscape::Ui
