// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/hourlychart.h"
#include "ui/uitext.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace Costscape::Ui {

namespace {

/** Plans this long open on their first week. */
constexpr int longPlan = 730;
constexpr int week = 168;


double at(const std::vector<double> &values, int slot)
{
    return slot >= 0 && static_cast<std::size_t>(slot) < values.size()
               ? values[static_cast<std::size_t>(slot)]
               : std::numeric_limits<double>::quiet_NaN();
}

/**
 * Step data for lsStepLeft: slot i holds from i to i + 1, so the last slot needs a closing point
 * at the end of the plan. The points go into the graph's container in one piece, already sorted
 * (a year is 8,761 points for each of two graphs per option, on every edit).
 */
void setSteps(QCPGraph *graph, const std::vector<double> &values, int slotCount, double *top)
{
    QVector<QCPGraphData> points(slotCount + 1);
    for (int i = 0; i <= slotCount; ++i) {
        const double value = at(values, std::min(i, slotCount - 1));
        points[i] = QCPGraphData(i, std::isfinite(value) ? value : std::numeric_limits<double>::quiet_NaN());
        if (std::isfinite(value))
            *top = std::max(*top, value);
    }
    graph->data()->set(points, true);
    graph->setLineStyle(QCPGraph::lsStepLeft);
}

/** As setSteps, on a graph that already holds slotCount + 1 steps: the values written in place. */
void updateSteps(QCPGraph *graph, const std::vector<double> &values, int slotCount, double *top)
{
    if (graph->dataCount() != slotCount + 1) {
        setSteps(graph, values, slotCount, top);
        return;
    }
    // The container and its ends taken once: graph->data() is a shared pointer (an atomic count
    // up and down on each call) and the non-const end() checks for a detach each time.
    QCPGraphDataContainer &container = *graph->data();
    const auto end = container.end();
    int i = 0;
    for (auto it = container.begin(); it != end; ++it, ++i) {
        const double value = at(values, std::min(i, slotCount - 1));
        it->value = std::isfinite(value) ? value : std::numeric_limits<double>::quiet_NaN();
        if (std::isfinite(value))
            *top = std::max(*top, value);
    }
}

QString number(double value)
{
    return english().toString(value, 'g', 6);
}

} // namespace

HourlyChart::HourlyChart(QWidget *parent)
    : ChartBase(parent)
    , m_fleetRect(nullptr)
    , m_costRect(nullptr)
    , m_note(new QLabel(this))
{
    setEmptyMessage(tr("No option follows the workload's hourly plan"));
    placeLegendAbove();
    QCustomPlot *p = plot();
    m_fleetRect = p->axisRect();
    m_costRect = new QCPAxisRect(p);
    p->plotLayout()->addElement(p->plotLayout()->rowCount(), 0, m_costRect);

    // The two rects line up: same left and right margins whatever their tick labels need.
    auto *margins = new QCPMarginGroup(p);
    for (QCPAxisRect *rect : {m_fleetRect, m_costRect}) {
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        rect->setRangeDragAxes(rect->axis(QCPAxis::atBottom), nullptr);
        rect->setRangeZoomAxes(rect->axis(QCPAxis::atBottom), nullptr);
    }
    QCPAxis *fleetX = m_fleetRect->axis(QCPAxis::atBottom);
    QCPAxis *costX = m_costRect->axis(QCPAxis::atBottom);
    fleetX->setTickLabels(false); // the hours are written once, under the cost rect
    m_fleetRect->axis(QCPAxis::atLeft)->setLabel(tr("Fleet size"));
    QCPAxis *demandAxis = m_fleetRect->axis(QCPAxis::atRight);
    demandAxis->setVisible(true);
    demandAxis->setLabel(tr("requests/s"));
    m_costRect->axis(QCPAxis::atLeft)->setLabel(tr("Cost per hour (USD)"));
    setMoneyTicker(m_costRect->axis(QCPAxis::atLeft), QStringLiteral("USD"));
    costX->setLabel(tr("Hour of the plan"));

    // Dragging or zooming either rect moves both (setRange does nothing when unchanged, so the
    // pair does not loop).
    connect(fleetX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), costX,
            qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(costX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), fleetX,
            qOverload<const QCPRange &>(&QCPAxis::setRange));

    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setContentsMargins(8, 0, 8, 4);
    m_note->setVisible(false);
    mainLayout()->addWidget(m_note);

    showEmptyMessage(true);
    HourlyChart::applyTheme();
}

HourlyChart::~HourlyChart() = default;

bool HourlyChart::sameGraphs(const Models::HourlySeries &series) const
{
    int count = static_cast<int>(series.ratePerSecond.size());
    for (const auto &line : series.lines)
        count = std::max({count, static_cast<int>(line.fleet.size()), static_cast<int>(line.cost.size())});
    if (count != m_slots || series.currency != m_series.currency || series.lines.size() != m_fleet.size()
        || (m_demand != nullptr) != (count > 0 && !series.ratePerSecond.empty()))
        return false;
    for (std::size_t l = 0; l < series.lines.size(); ++l) {
        // A series the user hid comes back on a new result, as it did when the graphs were rebuilt.
        if (series.lines[l].id != m_series.lines[l].id || !m_fleet[l]->visible() || !m_cost[l]->visible())
            return false;
    }
    return !m_demand || m_demand->visible();
}

void HourlyChart::setSeries(Models::HourlySeries series)
{
    if (!series.lines.empty() && sameGraphs(series)) {
        // A new result for the same options (an edit of a figure): the new values written into
        // the graphs already there, whose keys (the slots) are unchanged. Rebuilding the graphs,
        // their legend and their theme took more time than the data.
        m_series = std::move(series);
        m_fleetTop = m_costTop = m_demandTop = 0;
        if (m_demand)
            updateSteps(m_demand, m_series.ratePerSecond, m_slots, &m_demandTop);
        for (std::size_t l = 0; l < m_series.lines.size(); ++l) {
            updateSteps(m_fleet[l], m_series.lines[l].fleet, m_slots, &m_fleetTop);
            updateSteps(m_cost[l], m_series.lines[l].cost, m_slots, &m_costTop);
        }
        updateNote();
        applyPens(); // an option may have become feasible or not
        resetView();
        return;
    }
    m_series = std::move(series);
    clearPlot();
    m_fleet.clear();
    m_cost.clear();
    m_demand = nullptr;

    QCustomPlot *p = plot();
    m_slots = static_cast<int>(m_series.ratePerSecond.size());
    for (const auto &line : m_series.lines)
        m_slots = std::max({m_slots, static_cast<int>(line.fleet.size()),
                            static_cast<int>(line.cost.size())});

    QCPAxis *fleetX = m_fleetRect->axis(QCPAxis::atBottom);
    QCPAxis *costX = m_costRect->axis(QCPAxis::atBottom);
    setHourTicker(fleetX, m_slots);
    setHourTicker(costX, m_slots);
    const QString currency = qs(m_series.currency);
    setMoneyTicker(m_costRect->axis(QCPAxis::atLeft), currency);
    m_costRect->axis(QCPAxis::atLeft)->setLabel(tr("Cost per hour (%1)").arg(currency));

    m_fleetTop = 0;
    m_costTop = 0;
    m_demandTop = 0;
    // Legend entries in one go at the end: linear in the options (see appendToLegend).
    const LegendBatch batch(this);
    if (m_slots > 0 && !m_series.ratePerSecond.empty()) {
        // Drawn first, so the options' lines stay on top of it.
        m_demand = p->addGraph(fleetX, m_fleetRect->axis(QCPAxis::atRight));
        m_demand->setName(tr("demand (requests/s)"));
        setSteps(m_demand, m_series.ratePerSecond, m_slots, &m_demandTop);
    }
    std::vector<std::string> ids;
    for (const auto &line : m_series.lines)
        ids.push_back(line.id);
    includeOptions(ids);
    for (const auto &line : m_series.lines) {
        auto *fleet = p->addGraph(fleetX, m_fleetRect->axis(QCPAxis::atLeft));
        auto *cost = p->addGraph(costX, m_costRect->axis(QCPAxis::atLeft));
        fleet->setName(qs(line.id));
        cost->setName(qs(line.id)); // same name: the fleet's legend entry shows and hides both
        setSteps(fleet, line.fleet, m_slots, &m_fleetTop);
        setSteps(cost, line.cost, m_slots, &m_costTop);
        m_fleet.push_back(fleet);
        m_cost.push_back(cost);
    }
    // The options first in reading order, the demand last.
    std::vector<QCPAbstractPlottable *> entries(m_fleet.begin(), m_fleet.end());
    if (m_demand)
        entries.push_back(m_demand);
    appendToLegend(entries);

    updateNote();

    reflowLegend();
    p->legend->setVisible(!m_series.lines.empty());
    showEmptyMessage(m_series.lines.empty());
    applyTheme();
    resetView();
}

void HourlyChart::updateNote()
{
    QStringList skipped;
    for (const auto &id : m_series.skipped)
        skipped << qs(id);
    const QString text = skipped.isEmpty() ? QString()
                                           : tr("Not drawn (they follow a plan of their own): %1")
                                                 .arg(skipped.join(QStringLiteral(", ")));
    if (text != m_note->text())
        m_note->setText(text);
    m_note->setVisible(!skipped.isEmpty());
}

int HourlyChart::lineCount() const
{
    return static_cast<int>(m_fleet.size());
}

QString HourlyChart::note() const
{
    return m_note->text();
}

QString HourlyChart::tooltipAt(const QPointF &pixel) const
{
    if (m_slots <= 0 || m_fleet.empty())
        return {};
    const bool inFleet = m_fleetRect->rect().contains(pixel.toPoint());
    const bool inCost = m_costRect->rect().contains(pixel.toPoint());
    if (!inFleet && !inCost)
        return {};
    QCPAxisRect *rect = inFleet ? m_fleetRect : m_costRect;
    const int slot = static_cast<int>(std::floor(rect->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x())));
    if (slot < 0 || slot >= m_slots)
        return {};

    // The option whose line passes closest to the mouse at that hour, in pixels.
    QCPAxis *valueAxis = rect->axis(QCPAxis::atLeft);
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (std::size_t l = 0; l < m_series.lines.size(); ++l) {
        if (!m_fleet[l]->visible())
            continue;
        const double value = at(inFleet ? m_series.lines[l].fleet : m_series.lines[l].cost, slot);
        if (!std::isfinite(value))
            continue;
        const double distance = std::abs(valueAxis->coordToPixel(value) - pixel.y());
        if (distance < bestDistance) {
            bestDistance = distance;
            best = static_cast<int>(l);
        }
    }
    QString html = QStringLiteral("<b>%1</b>").arg(hourLabel(slot, m_slots).toHtmlEscaped());
    if (best >= 0) {
        const auto &line = m_series.lines[static_cast<std::size_t>(best)];
        const QString unit = line.unit.empty() ? tr("units") : qs(line.unit);
        html += QStringLiteral("<br><b>%1</b>").arg(qs(line.id).toHtmlEscaped());
        if (!line.feasible)
            html += QStringLiteral(" <i>(") + tr("cannot serve the workload") + QStringLiteral(")</i>");
        html += QStringLiteral("<br>") + tr("fleet: %1 %2").arg(number(at(line.fleet, slot)), unit.toHtmlEscaped());
        html += QStringLiteral("<br>")
                + tr("cost: %1 per hour").arg(formatMoney(at(line.cost, slot), qs(m_series.currency), -1));
    }
    if (m_demand && m_demand->visible() && std::isfinite(at(m_series.ratePerSecond, slot)))
        html += QStringLiteral("<br>") + tr("demand: %1 requests/s").arg(number(at(m_series.ratePerSecond, slot)));
    return html;
}

void HourlyChart::resetView()
{
    const double slotCount = std::max(1, m_slots);
    const double shown = m_slots >= longPlan ? week : slotCount;
    for (QCPAxisRect *rect : {m_fleetRect, m_costRect})
        setAxisView(rect->axis(QCPAxis::atBottom), 0, slotCount, 0, shown);
    setAxisView(m_fleetRect->axis(QCPAxis::atLeft), 0, m_fleetTop > 0 ? m_fleetTop * 1.15 : 1);
    setAxisView(m_fleetRect->axis(QCPAxis::atRight), 0, m_demandTop > 0 ? m_demandTop * 1.15 : 1);
    setAxisView(m_costRect->axis(QCPAxis::atLeft), 0, m_costTop > 0 ? m_costTop * 1.15 : 1);
    ChartBase::resetView();
}

void HourlyChart::applyTheme()
{
    ChartBase::applyTheme();
    applyPens();
}

void HourlyChart::applyPens()
{
    const QColor background = backgroundColor();
    for (std::size_t l = 0; l < m_fleet.size(); ++l) {
        QColor color = optionColor(m_series.lines[l].id);
        if (l < m_series.lines.size() && !m_series.lines[l].feasible)
            color = blend(color, background, 0.55); // faded: it cannot serve the workload
        m_fleet[l]->setPen(seriesPen(color, m_slots));
        m_cost[l]->setPen(seriesPen(color, m_slots));
    }
    if (m_demand) {
        // Light and neutral: context for the fleet, not one more option. Width 1 whatever the
        // length, so it stays behind the options' lines.
        QPen pen(blend(background, foregroundColor(), 0.35), 1);
        pen.setCosmetic(true);
        m_demand->setPen(pen);
    }
}

} // namespace Costscape::Ui
