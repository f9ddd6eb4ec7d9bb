// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;

namespace Costscape::Ui {

/** Plain data for the monthly comparison: one bar per option. */
struct CostBars {
    std::vector<QString> labels;
    std::vector<double> totals;
    std::vector<bool> feasible;
    int cheapest = -1;
    QString currency = QStringLiteral("USD");
};

/** Monthly cost per option as bars; the cheapest feasible one highlighted, infeasible ones grey. */
class CostChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostChart)

public:
    explicit CostChart(QWidget *parent = nullptr);

    void setBars(const CostBars &bars);
    /** Saves the chart; false when the file cannot be written. */
    bool savePng(const QString &fileName, int width, int height);

    QCustomPlot *plot() const { return m_plot; }

private:
    QCustomPlot *m_plot;
    QCPBars *m_feasible;
    QCPBars *m_cheapest;
    QCPBars *m_infeasible;
};

} // namespace Costscape::Ui
