// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/uncertaintychart.h"

#include <qcustomplot.h>

#include <cmath>

namespace Costscape::Ui {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString percent(double share)
{
    return QString::number(share * 100, 'f', share < 0.1 && share > 0 ? 1 : 0) + QLatin1Char('%');
}

} // namespace

UncertaintyChart::UncertaintyChart(QWidget *parent)
    : ChartBase(parent)
{
    setEmptyMessage(tr("No uncertainty run yet"));
    QCustomPlot *p = plot();
    p->xAxis->grid()->setVisible(false);
    p->xAxis->setSubTicks(false);
    p->xAxis->setTickLength(0, 0);
    p->yAxis->setLabel(tr("Monthly cost (USD), P10 to P90"));
    setMoneyTicker(p->yAxis, QStringLiteral("USD"));
    p->axisRect()->setRangeDrag(Qt::Vertical);
    p->axisRect()->setRangeZoom(Qt::Vertical);
    showEmptyMessage(true);
    UncertaintyChart::applyTheme();
}

UncertaintyChart::~UncertaintyChart() = default;

void UncertaintyChart::setResult(const Models::UncertaintyResult &result)
{
    m_result = result;
    clearPlot();
    m_perOption.clear();
    m_labels.clear();
    QCustomPlot *p = plot();
    std::vector<std::string> ids;
    for (const auto &o : result.options)
        ids.push_back(o.id);
    includeOptions(ids);
    const QString currency = qs(result.currency);
    p->yAxis->setLabel(tr("Monthly cost (%1): box P10 to P90, line P50").arg(currency));
    setMoneyTicker(p->yAxis, currency);

    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    m_top = 0;
    {
        LegendBatch batch(this);
        for (std::size_t i = 0; i < result.options.size(); ++i) {
            const auto &o = result.options[i];
            ticker->addTick(static_cast<double>(i), isolated(qs(o.id)));
            if (std::isnan(o.p50)) {
                m_perOption.push_back(nullptr);
                continue;
            }
            // One plottable per option: each takes its own colour.
            auto *box = new QCPStatisticalBox(p->xAxis, p->yAxis);
            box->setWidth(0.55);
            box->setWhiskerWidth(0.3);
            box->addData(static_cast<double>(i), o.p10, o.p10, o.p50, o.p90, o.p90);
            box->setName(qs(o.id));
            m_perOption.push_back(box);
            m_top = std::max(m_top, o.p90);
        }
    }
    p->xAxis->setTicker(ticker);
    for (std::size_t i = 0; i < result.options.size(); ++i) {
        const auto &o = result.options[i];
        auto *label = new QCPItemText(p);
        label->position->setType(QCPItemPosition::ptPlotCoords);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        const bool never = std::isnan(o.p50);
        label->setText(never ? tr("never feasible") : tr("%1 cheapest").arg(percent(o.probabilityCheapest)));
        QFont font = label->font();
        font.setBold(static_cast<int>(i) == result.cheapestAtTypical || o.probabilityCheapest >= 0.5);
        label->setFont(font);
        m_labels.push_back(label);
    }
    showEmptyMessage(result.options.empty());
    resetView();
    applyTheme();
}

int UncertaintyChart::boxCount() const
{
    int n = 0;
    for (auto *b : m_perOption)
        n += b != nullptr;
    return n;
}

QString UncertaintyChart::oddsLabel(int option) const
{
    if (option < 0 || option >= static_cast<int>(m_labels.size()))
        return {};
    return m_labels[static_cast<std::size_t>(option)]->text();
}

void UncertaintyChart::resetView()
{
    QCustomPlot *p = plot();
    const double n = static_cast<double>(m_result.options.size());
    const double top = m_top > 0 ? m_top * 1.18 : 1;
    setAxisView(p->xAxis, -0.6, std::max(0.6, n - 0.4));
    setAxisView(p->yAxis, 0, top);
    for (std::size_t i = 0; i < m_labels.size(); ++i) {
        const auto &o = m_result.options[i];
        const double y = std::isnan(o.p90) ? 0 : o.p90;
        m_labels[i]->position->setCoords(static_cast<double>(i), y + top * 0.015);
    }
    queueReplot();
}

void UncertaintyChart::applyTheme()
{
    ChartBase::applyTheme();
    const QColor text = palette().color(QPalette::WindowText);
    for (std::size_t i = 0; i < m_perOption.size(); ++i) {
        QCPStatisticalBox *box = m_perOption[i];
        if (!box)
            continue;
        const QColor c = optionColor(m_result.options[i].id);
        box->setPen(QPen(c.darker(130), 1));
        box->setBrush(QBrush(c.lighter(125)));
        box->setMedianPen(QPen(text, 2));
        box->setWhiskerPen(QPen(c.darker(130), 1));
        box->setWhiskerBarPen(QPen(c.darker(130), 1));
    }
    for (auto *label : m_labels)
        label->setColor(text);
    queueReplot();
}

QString UncertaintyChart::exportCaption() const
{
    if (m_result.options.empty())
        return {};
    return tr("%1 draws (seed %2). Each box spans the 10th to the 90th percentile of the monthly cost, the "
              "line is the median; above it, the share of draws in which the option is the cheapest.")
        .arg(m_result.draws)
        .arg(m_result.seed);
}

QString UncertaintyChart::tooltipAt(const QPointF &pixel) const
{
    if (m_result.options.empty())
        return {};
    const double x = plot()->xAxis->pixelToCoord(pixel.x());
    const long i = std::lround(x);
    if (i < 0 || i >= static_cast<long>(m_result.options.size()) || std::abs(x - static_cast<double>(i)) > 0.4)
        return {};
    const auto &o = m_result.options[static_cast<std::size_t>(i)];
    const QString cur = qs(m_result.currency);
    if (std::isnan(o.p50))
        return tr("<b>%1</b><br>never feasible in the draws").arg(isolated(qs(o.id)).toHtmlEscaped());
    return tr("<b>%1</b><br>P10 %2 · P50 %3 · P90 %4<br>cheapest in %5 of draws (± %6)<br>expected regret %7")
        .arg(isolated(qs(o.id)).toHtmlEscaped(), formatMoney(o.p10, cur), formatMoney(o.p50, cur), formatMoney(o.p90, cur),
             percent(o.probabilityCheapest), percent(o.probabilityCheapestError), formatMoney(o.expectedRegret, cur));
}

} // namespace Costscape::Ui
