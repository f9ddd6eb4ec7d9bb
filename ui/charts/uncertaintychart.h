// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chartbase.h"

#include "models/uncertainty/montecarlo.h"

class QCPStatisticalBox;
class QCPItemText;

namespace Costscape::Ui {

/**
 * The spread of each option's monthly cost over the Monte Carlo draws: per option a box from P10 to
 * P90 with a line at P50, in the option's own colour, and above it the odds of being the cheapest
 * ("62% cheapest"). An option never feasible has no box, only its name and "never feasible".
 * Option @c i is drawn at x = i. Nothing to draw shows the empty message.
 */
class UncertaintyChart final : public ChartBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UncertaintyChart)

public:
    explicit UncertaintyChart(QWidget *parent = nullptr);
    ~UncertaintyChart() override;

    /** Replaces what is drawn and resets the view. */
    void setResult(const Models::UncertaintyResult &result);

    /** Number of options with a box. */
    int boxCount() const;
    /** The label above option @p option ("62% cheapest"); empty out of range. */
    QString oddsLabel(int option) const;

    QString tooltipAt(const QPointF &pixel) const override;
    void resetView() override;

protected:
    void applyTheme() override;
    QString exportCaption() const override;

private:
    Models::UncertaintyResult m_result;
    QCPStatisticalBox *m_boxes = nullptr;
    std::vector<QCPStatisticalBox *> m_perOption;
    std::vector<QCPItemText *> m_labels;
    double m_top = 1;
};

} // namespace Costscape::Ui
