// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "costchart.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>

namespace Costscape::Ui {

CostChart::CostChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    auto makeBars = [this](const QString &name, const QColor &color) {
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(name);
        bars->setWidth(0.6);
        bars->setPen(QPen(color.darker(130)));
        bars->setBrush(color);
        return bars;
    };
    m_feasible = makeBars(tr("Monthly cost"), QColor(70, 130, 180));
    m_cheapest = makeBars(tr("Cheapest feasible"), QColor(46, 160, 67));
    m_infeasible = makeBars(tr("Cannot serve the workload"), QColor(180, 180, 180));

    m_plot->yAxis->setLabel(tr("USD per month"));
    m_plot->xAxis->setTickLabelRotation(0);
    // The legend sits in a row of its own above the bars, so it never hides a bar or its label.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Vertical);
    m_plot->axisRect()->setRangeZoom(Qt::Vertical);
}

void CostChart::setBars(const CostBars &bars)
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QVector<double> kf, kc, ki, feasible, cheapest, infeasible;
    double top = 0;
    for (std::size_t i = 0; i < bars.totals.size(); ++i) {
        const double key = static_cast<double>(i + 1);
        ticker->addTick(key, bars.labels[i]);
        top = std::max(top, bars.totals[i]);
        if (static_cast<int>(i) == bars.cheapest) {
            kc.append(key);
            cheapest.append(bars.totals[i]);
        } else if (bars.feasible[i]) {
            kf.append(key);
            feasible.append(bars.totals[i]);
        } else {
            ki.append(key);
            infeasible.append(bars.totals[i]);
        }
    }
    // Only the kinds present are explained in the legend.
    for (QCPBars *series : {m_feasible, m_cheapest, m_infeasible})
        series->removeFromLegend();
    if (!kf.isEmpty())
        m_feasible->addToLegend();
    if (!kc.isEmpty())
        m_cheapest->addToLegend();
    if (!ki.isEmpty())
        m_infeasible->addToLegend();
    m_feasible->setData(kf, feasible, true);
    m_cheapest->setData(kc, cheapest, true);
    m_infeasible->setData(ki, infeasible, true);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(0.4, static_cast<double>(bars.totals.size()) + 0.6);
    m_plot->yAxis->setLabel(tr("%1 per month").arg(bars.currency));
    m_plot->yAxis->setRange(0, top > 0 ? top * 1.15 : 1);

    m_plot->clearItems();
    for (std::size_t i = 0; i < bars.totals.size(); ++i) {
        auto *label = new QCPItemText(m_plot);
        label->position->setCoords(static_cast<double>(i + 1), bars.totals[i]);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setText(QStringLiteral("%L1").arg(bars.totals[i], 0, 'f', 2));
        label->setPadding(QMargins(0, 0, 0, 4));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool CostChart::savePng(const QString &fileName, int width, int height)
{
    return m_plot->savePng(fileName, width, height);
}

} // namespace Costscape::Ui
