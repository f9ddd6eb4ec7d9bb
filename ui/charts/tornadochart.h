// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chartbase.h"

#include "models/uncertainty/montecarlo.h"

class QCPBars;
class QCPItemStraightLine;

namespace Costscape::Ui {

/**
 * A tornado: one horizontal bar per input, from the figure with every input typical (a vertical
 * line) to the figure with that input at its low (one colour) and at its high (another), the
 * others typical; the largest swing on top. The figure is a monthly cost or a difference of two.
 * Bar @c i (in the tornado's order) is drawn at y = i, the axis running downwards.
 */
class TornadoChart final : public ChartBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TornadoChart)

public:
    explicit TornadoChart(QWidget *parent = nullptr);
    ~TornadoChart() override;

    /** Replaces what is drawn and resets the view; no bars shows the empty message. */
    void setTornado(const Models::Tornado &tornado, const std::string &currency);

    int barCount() const { return static_cast<int>(m_tornado.bars.size()); }
    /** The input names down the axis, largest swing first. */
    QStringList inputNames() const;

    QString tooltipAt(const QPointF &pixel) const override;
    void resetView() override;

protected:
    void applyTheme() override;
    QString exportCaption() const override;

private:
    Models::Tornado m_tornado;
    std::string m_currency;
    QCPBars *m_low = nullptr;
    QCPBars *m_high = nullptr;
    QCPItemStraightLine *m_baseLine = nullptr;
};

} // namespace Costscape::Ui
