// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/tornadochart.h"

#include <qcustomplot.h>

#include <cmath>

namespace Costscape::Ui {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

double orBase(double v, double base)
{
    return std::isnan(v) ? base : v;
}

} // namespace

TornadoChart::TornadoChart(QWidget *parent)
    : ChartBase(parent)
{
    setEmptyMessage(tr("No input has a range"));
    placeLegendAbove();
    QCustomPlot *p = plot();
    p->yAxis->grid()->setVisible(false);
    p->yAxis->setSubTicks(false);
    p->yAxis->setTickLength(0, 0);
    p->yAxis->setRangeReversed(true);
    setMoneyTicker(p->xAxis, QStringLiteral("USD"));
    p->axisRect()->setRangeDrag(Qt::Horizontal);
    p->axisRect()->setRangeZoom(Qt::Horizontal);
    showEmptyMessage(true);
    TornadoChart::applyTheme();
}

TornadoChart::~TornadoChart() = default;

void TornadoChart::setTornado(const Models::Tornado &tornado, const std::string &currency)
{
    m_tornado = tornado;
    m_currency = currency;
    clearPlot();
    m_low = m_high = nullptr;
    m_baseLine = nullptr;
    QCustomPlot *p = plot();
    const QString cur = qs(currency);
    p->xAxis->setLabel(tr("%1 (%2 a month)").arg(qs(tornado.subject), cur));
    setMoneyTicker(p->xAxis, cur);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t i = 0; i < tornado.bars.size(); ++i) {
        const auto &b = tornado.bars[i];
        ticker->addTick(static_cast<double>(i), QStringLiteral("%1\n%2 .. %3")
                                                    .arg(QString::fromUtf8(Models::inputTitle(b.input)))
                                                    .arg(b.lowValue, 0, 'g', 4)
                                                    .arg(b.highValue, 0, 'g', 4));
    }
    p->yAxis->setTicker(ticker);
    if (!tornado.bars.empty()) {
        m_low = new QCPBars(p->yAxis, p->xAxis);
        m_high = new QCPBars(p->yAxis, p->xAxis);
        m_low->setName(tr("input at its low"));
        m_high->setName(tr("input at its high"));
        for (QCPBars *bars : {m_low, m_high}) {
            bars->setWidth(0.6);
            bars->setBaseValue(tornado.base);
            bars->setAntialiased(false);
        }
        for (std::size_t i = 0; i < tornado.bars.size(); ++i) {
            const auto &b = tornado.bars[i];
            m_low->addData(static_cast<double>(i), orBase(b.atLow, tornado.base) - tornado.base);
            m_high->addData(static_cast<double>(i), orBase(b.atHigh, tornado.base) - tornado.base);
        }
        m_baseLine = new QCPItemStraightLine(p);
        m_baseLine->point1->setCoords(tornado.base, 0);
        m_baseLine->point2->setCoords(tornado.base, 1);
        reflowLegend();
    }
    showEmptyMessage(tornado.bars.empty());
    resetView();
    applyTheme();
}

QStringList TornadoChart::inputNames() const
{
    QStringList names;
    for (const auto &b : m_tornado.bars)
        names << QString::fromUtf8(Models::inputTitle(b.input));
    return names;
}

void TornadoChart::resetView()
{
    QCustomPlot *p = plot();
    double lo = m_tornado.base, hi = m_tornado.base;
    for (const auto &b : m_tornado.bars)
        for (double v : {b.atLow, b.atHigh})
            if (!std::isnan(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    const double margin = std::max((hi - lo) * 0.08, std::abs(m_tornado.base) * 0.02 + 1e-9);
    setAxisView(p->xAxis, lo - margin, hi + margin);
    setAxisView(p->yAxis, -0.6, std::max(0.6, static_cast<double>(m_tornado.bars.size()) - 0.4));
    queueReplot();
}

void TornadoChart::applyTheme()
{
    ChartBase::applyTheme();
    // Low and high in two colours told apart without hue alone (blue light, orange dark).
    const QColor low(0x6b, 0xae, 0xd6), high(0xe6, 0x55, 0x0d);
    if (m_low) {
        m_low->setPen(QPen(low.darker(120), 1));
        m_low->setBrush(low);
        m_high->setPen(QPen(high.darker(120), 1));
        m_high->setBrush(high);
    }
    if (m_baseLine)
        m_baseLine->setPen(QPen(palette().color(QPalette::WindowText), 1, Qt::DashLine));
    queueReplot();
}

QString TornadoChart::exportCaption() const
{
    if (m_tornado.bars.empty())
        return {};
    return tr("Each input from its low to its high with the others typical; the dashed line is %1 with every "
              "input typical (%2).")
        .arg(qs(m_tornado.subject), formatMoney(m_tornado.base, qs(m_currency)));
}

QString TornadoChart::tooltipAt(const QPointF &pixel) const
{
    const double y = plot()->yAxis->pixelToCoord(pixel.y());
    const long i = std::lround(y);
    if (i < 0 || i >= static_cast<long>(m_tornado.bars.size()) || std::abs(y - static_cast<double>(i)) > 0.35)
        return {};
    const auto &b = m_tornado.bars[static_cast<std::size_t>(i)];
    const QString cur = qs(m_currency);
    auto money = [&](double v) { return std::isnan(v) ? tr("infeasible") : formatMoney(v, cur); };
    return tr("<b>%1</b><br>at %2: %3<br>at %4: %5<br>swing %6")
        .arg(QString::fromUtf8(Models::inputTitle(b.input)).toHtmlEscaped())
        .arg(b.lowValue, 0, 'g', 6)
        .arg(money(b.atLow))
        .arg(b.highValue, 0, 'g', 6)
        .arg(money(b.atHigh))
        .arg(formatMoney(b.swing(), cur));
}

} // namespace Costscape::Ui
