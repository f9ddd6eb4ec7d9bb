// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/commitmentcurvechart.h"

#include "models/evaluation.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Costscape::Ui {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// The cost at level x on the curve (its points are exact costs; between them the cost is linear
// for a plan and only whole levels exist for reservations).
double costAt(const Models::CommitmentSummary &s, double level)
{
    const auto &c = s.curve;
    if (c.empty())
        return 0;
    const auto it = std::lower_bound(c.begin(), c.end(), level,
                                     [](const Models::CommitmentLevelCost &p, double v) { return p.level < v; });
    if (it == c.end())
        return c.back().monthlyCost;
    if (it == c.begin() || it->level == level)
        return it->monthlyCost;
    const auto &a = *(it - 1);
    const double t = (level - a.level) / (it->level - a.level);
    return a.monthlyCost + t * (it->monthlyCost - a.monthlyCost);
}

} // namespace

CommitmentCurveChart::CommitmentCurveChart(QWidget *parent)
    : ChartBase(parent)
{
    setEmptyMessage(tr("No option has a commitment: give one in the option's Commitment group"));
    placeLegendAbove();
    QCustomPlot *p = plot();
    p->axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    p->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);

    // Which option: all, or one against its own level (as the packing chart chooses its option).
    m_selectorRow = new QWidget(this);
    m_selector = new QComboBox(m_selectorRow);
    m_selector->setObjectName(QStringLiteral("commitmentOption"));
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *row = new QHBoxLayout(m_selectorRow);
    row->setContentsMargins(8, 4, 8, 0);
    auto *label = new QLabel(tr("&Option:"), m_selectorRow);
    label->setBuddy(m_selector);
    row->addWidget(label);
    row->addWidget(m_selector);
    row->addStretch(1);
    m_selectorRow->setVisible(false);
    mainLayout()->insertWidget(0, m_selectorRow);
    connect(m_selector, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            selectOption(m_selector->itemData(index).toString());
    });

    showEmptyMessage(true);
    CommitmentCurveChart::applyTheme();
}

CommitmentCurveChart::~CommitmentCurveChart() = default;

void CommitmentCurveChart::setEvaluation(const Models::Evaluation &evaluation)
{
    m_all.clear();
    m_currency = qs(evaluation.prices.currency.empty() ? std::string("USD") : evaluation.prices.currency);
    std::vector<std::string> ids;
    bool selectedStays = false;
    for (const Models::OptionResult &o : evaluation.options) {
        if (!o.commitment || o.commitment->curve.empty())
            continue;
        Curve c;
        c.id = o.id;
        c.summary = *o.commitment;
        selectedStays = selectedStays || qs(o.id) == m_selected;
        m_all.push_back(std::move(c));
        ids.push_back(o.id);
    }
    includeOptions(ids);
    if (!selectedStays)
        m_selected.clear();
    {
        const QSignalBlocker blocker(m_selector);
        m_selector->clear();
        m_selector->addItem(tr("All options"), QString());
        for (const Curve &c : m_all)
            m_selector->addItem(qs(c.id), qs(c.id));
        m_selector->setCurrentIndex(std::max(0, m_selector->findData(m_selected)));
    }
    m_selectorRow->setVisible(m_all.size() > 1);
    rebuild();
}

QStringList CommitmentCurveChart::availableIds() const
{
    QStringList ids;
    for (const Curve &c : m_all)
        ids << qs(c.id);
    return ids;
}

bool CommitmentCurveChart::selectOption(const QString &id)
{
    if (!id.isEmpty() && !availableIds().contains(id))
        return false;
    {
        const QSignalBlocker blocker(m_selector);
        m_selector->setCurrentIndex(std::max(0, m_selector->findData(id)));
    }
    if (id == m_selected)
        return true;
    m_selected = id;
    rebuild();
    return true;
}

void CommitmentCurveChart::rebuild()
{
    clearPlot();
    m_curves.clear();
    m_onDemand = nullptr;
    QCustomPlot *p = plot();
    for (const Curve &c : m_all)
        if (m_selected.isEmpty() || qs(c.id) == m_selected)
            m_curves.push_back(c);
    bool reservations = false, plans = false;
    for (const Curve &c : m_curves)
        (c.summary.curveUnit == "reservations" ? reservations : plans) = true;
    // Plans (USD/hour) and reservations (a count) on one axis would squash one of them: with both,
    // each curve is drawn against its level as a share of its own highest level.
    m_shares = reservations && plans;
    for (Curve &c : m_curves) {
        const bool counts = c.summary.curveUnit == "reservations";
        double top = 0;
        for (const auto &pt : c.summary.curve)
            top = std::max(top, pt.level);
        c.scale = m_shares && top > 0 ? 100.0 / top : 1.0;
        c.line = p->addGraph();
        c.line->setName(qs(c.id));
        QVector<double> x, y;
        for (const auto &pt : c.summary.curve) {
            x << pt.level * c.scale;
            y << pt.monthlyCost;
        }
        c.line->setData(x, y, true);
        // Reservations come in whole numbers: steps between the counts, not a slope.
        if (counts)
            c.line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 3));
        c.optimal = p->addGraph();
        c.optimal->setName(tr("optimal level"));
        c.optimal->setLineStyle(QCPGraph::lsNone);
        c.optimal->addData(c.summary.curveOptimal * c.scale, costAt(c.summary, c.summary.curveOptimal));
        c.current = p->addGraph();
        c.current->setName(tr("level applied"));
        c.current->setLineStyle(QCPGraph::lsNone);
        c.current->addData(c.summary.curveCurrent * c.scale, costAt(c.summary, c.summary.curveCurrent));
        if (&c != &m_curves.front()) {
            leaveOutOfLegend(c.optimal);
            leaveOutOfLegend(c.current);
        }
    }
    p->xAxis->setLabel(m_shares      ? tr("Commitment level, % of each option's highest level shown (hover for the level)")
                       : reservations ? tr("Reservations")
                                      : tr("Hourly commitment (%1 per hour)").arg(m_currency));
    p->yAxis->setLabel(tr("Monthly cost of the covered usage (%1)").arg(m_currency));
    if (reservations && !plans) {
        // Whole reservations only: no "0.5" ticks on a count.
        auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
        ticker->setTickStep(1);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        p->xAxis->setTicker(ticker);
    } else {
        p->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    setMoneyTicker(p->yAxis, m_currency);
    if (!m_selected.isEmpty() && m_curves.size() == 1) {
        // One option alone: its on-demand cost as a level line, what every level is weighed against.
        const Curve &c = m_curves.front();
        double top = 0;
        for (const auto &pt : c.summary.curve)
            top = std::max(top, pt.level);
        m_onDemand = p->addGraph();
        m_onDemand->setName(tr("on demand"));
        m_onDemand->addData(0, c.summary.onDemandMonthly);
        m_onDemand->addData(top > 0 ? top * c.scale : 1, c.summary.onDemandMonthly);
    }
    if (!m_curves.empty()) {
        // The optimum and the applied level read first in the legend, after the lines.
        moveToLegendEnd(m_curves.front().optimal);
        moveToLegendEnd(m_curves.front().current);
        if (m_onDemand)
            moveToLegendEnd(m_onDemand);
        reflowLegend();
    }
    showEmptyMessage(m_curves.empty());
    resetView();
    applyTheme();
}

QStringList CommitmentCurveChart::optionIds() const
{
    QStringList ids;
    for (const Curve &c : m_curves)
        ids << qs(c.id);
    return ids;
}

void CommitmentCurveChart::resetView()
{
    double xMax = 0, yMin = std::numeric_limits<double>::infinity(), yMax = 0;
    for (const Curve &c : m_curves)
        for (const auto &pt : c.summary.curve) {
            xMax = std::max(xMax, pt.level * c.scale);
            yMin = std::min(yMin, pt.monthlyCost);
            yMax = std::max(yMax, pt.monthlyCost);
        }
    if (m_curves.empty())
        yMin = 0;
    // From zero cost: how much a commitment saves reads against the whole bill.
    yMin = std::min(0.0, yMin);
    setAxisView(plot()->xAxis, 0, xMax > 0 ? xMax * 1.03 : 1);
    setAxisView(plot()->yAxis, yMin, yMax > 0 ? yMax * 1.08 : 1);
    queueReplot();
}

void CommitmentCurveChart::applyTheme()
{
    ChartBase::applyTheme();
    const QColor text = palette().color(QPalette::WindowText);
    for (const Curve &c : m_curves) {
        const QColor colour = optionColor(c.id);
        c.line->setPen(QPen(colour, 2));
        c.optimal->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour.darker(130), colour, 11));
        c.current->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(text, 1.5), Qt::NoBrush, 12));
    }
    if (m_onDemand && !m_curves.empty()) {
        QPen dotted(optionColor(m_curves.front().id), 1.5, Qt::DotLine);
        m_onDemand->setPen(dotted);
    }
    queueReplot();
}

QString CommitmentCurveChart::exportCaption() const
{
    if (m_curves.empty())
        return {};
    return tr("Cost of the covered usage against the commitment level: a disc marks the optimum, a square the "
              "level applied.");
}

QString CommitmentCurveChart::tooltipAt(const QPointF &pixel) const
{
    const Curve *best = nullptr;
    double bestLevel = 0, bestDistance = 12; // pixels
    for (const Curve &c : m_curves)
        for (const auto &pt : c.summary.curve) {
            const double dx = plot()->xAxis->coordToPixel(pt.level * c.scale) - pixel.x();
            const double dy = plot()->yAxis->coordToPixel(pt.monthlyCost) - pixel.y();
            const double d = std::hypot(dx, dy);
            if (d < bestDistance) {
                bestDistance = d;
                best = &c;
                bestLevel = pt.level;
            }
        }
    if (!best)
        return {};
    const auto &s = best->summary;
    const bool counts = s.curveUnit == "reservations";
    const QString level = counts ? tr("%n reservation(s)", nullptr, int(std::lround(bestLevel)))
                                 : tr("%1 per hour").arg(formatMoney(bestLevel, m_currency, 4));
    return tr("<b>%1</b><br>%2: %3 a month<br>optimal: %4 (%5); applied: %6 (%7)<br>on demand: %8")
        .arg(qs(best->id).toHtmlEscaped(), level, formatMoney(costAt(s, bestLevel), m_currency))
        .arg(s.curveOptimal, 0, 'g', 6)
        .arg(formatMoney(costAt(s, s.curveOptimal), m_currency))
        .arg(s.curveCurrent, 0, 'g', 6)
        .arg(formatMoney(costAt(s, s.curveCurrent), m_currency))
        .arg(formatMoney(s.onDemandMonthly, m_currency));
}

} // namespace Costscape::Ui
