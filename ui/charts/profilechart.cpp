// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/profilechart.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Costscape::Ui {

namespace {

constexpr double grabDistance = 8;
constexpr int longPlan = 730;
constexpr int week = 168;
/** Points are drawn up to this many slots; beyond, they would merge into a thick line. */
constexpr int maxPointsShown = 168;

QString rateText(double value)
{
    return QLocale(QLocale::English).toString(value, 'g', 6);
}

} // namespace

ProfileChart::ProfileChart(QWidget *parent)
    : ChartBase(parent)
    , m_line(nullptr)
    , m_points(nullptr)
{
    setEmptyMessage(tr("No hourly profile"));
    QCustomPlot *p = plot();
    p->yAxis->setLabel(tr("requests/s"));
    p->xAxis->setLabel(tr("Hour of the plan"));
    p->axisRect()->setRangeDrag(Qt::Horizontal);
    p->axisRect()->setRangeZoom(Qt::Horizontal);

    m_line = p->addGraph();
    m_line->setName(tr("requests/s"));
    m_line->setLineStyle(QCPGraph::lsStepLeft);
    m_points = p->addGraph();
    m_points->setName(tr("requests/s"));
    m_points->setLineStyle(QCPGraph::lsNone);
    m_points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));

    connect(p, &QCustomPlot::mousePress, this, &ProfileChart::onMousePress);
    connect(p, &QCustomPlot::mouseMove, this, &ProfileChart::onMouseMove);
    connect(p, &QCustomPlot::mouseRelease, this, &ProfileChart::onMouseRelease);

    showEmptyMessage(true);
    ProfileChart::applyTheme();
}

ProfileChart::~ProfileChart() = default;

void ProfileChart::setProfile(const std::vector<double> &perSecond)
{
    const bool sameLength = perSecond.size() == m_values.size();
    if (isDragging() && !sameLength) {
        // The point being dragged is gone: end the drag without reporting it.
        m_dragIndex = -1;
        plot()->setInteraction(QCP::iRangeDrag, m_rangeDragWasOn);
    }
    m_values = perSecond;
    for (double &value : m_values) {
        if (!std::isfinite(value) || value < 0)
            value = 0;
    }
    const auto slotCount = static_cast<int>(m_values.size());
    setHourTicker(plot()->xAxis, slotCount);
    updateData();
    showEmptyMessage(m_values.empty());
    applyTheme();
    if (isDragging())
        return; // the point under the mouse must stay under it
    if (!sameLength) {
        resetView();
        return;
    }
    // Same plan: keep the user's zoom, refit the values (an accepted edit may have raised the top).
    setAxisBounds(plot()->xAxis, 0, std::max(1, slotCount));
    setAxisView(plot()->yAxis, 0, fittedTop());
    queueReplot();
}

void ProfileChart::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    if (readOnly && isDragging()) {
        m_dragIndex = -1;
        plot()->setInteraction(QCP::iRangeDrag, m_rangeDragWasOn);
    }
    plot()->unsetCursor();
}

QPointF ProfileChart::pointPixel(int index) const
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_values.size())
        return {};
    const QCustomPlot *p = plot();
    return {p->xAxis->coordToPixel(index + 0.5),
            p->yAxis->coordToPixel(m_values[static_cast<std::size_t>(index)])};
}

double ProfileChart::valueAtPixelY(double y) const
{
    return plot()->yAxis->pixelToCoord(y);
}

double ProfileChart::snapValue(double value)
{
    if (!(value > 0))
        return 0;
    const double unit = std::pow(10.0, std::floor(std::log10(value)) - 2);
    return std::round(value / unit) * unit;
}

QString ProfileChart::tooltipAt(const QPointF &pixel) const
{
    const QCustomPlot *p = plot();
    if (m_values.empty() || !p->axisRect()->rect().contains(pixel.toPoint()))
        return {};
    const int slot = static_cast<int>(std::floor(p->xAxis->pixelToCoord(pixel.x())));
    if (slot < 0 || static_cast<std::size_t>(slot) >= m_values.size())
        return {};
    const auto slotCount = static_cast<int>(m_values.size());
    return QStringLiteral("<b>%1</b><br>%2")
        .arg(hourLabel(slot, slotCount).toHtmlEscaped(),
             tr("%1 requests/s").arg(rateText(m_values[static_cast<std::size_t>(slot)])));
}

void ProfileChart::resetView()
{
    QCustomPlot *p = plot();
    const int slotCount = std::max(1, static_cast<int>(m_values.size()));
    setAxisView(p->xAxis, 0, slotCount, 0, slotCount >= longPlan ? week : slotCount);
    setAxisView(p->yAxis, 0, fittedTop());
    ChartBase::resetView();
}

void ProfileChart::applyTheme()
{
    ChartBase::applyTheme();
    // The demand, not an option: neutral, as the hour-by-hour and spike charts draw it.
    const QColor color = blend(backgroundColor(), foregroundColor(), 0.75);
    m_line->setPen(seriesPen(color, static_cast<int>(m_values.size())));
    m_points->setPen(QPen(color, 1.5));
    m_points->setBrush(Qt::NoBrush);
    QCPScatterStyle style(QCPScatterStyle::ssCircle, QPen(color, 1.5), QBrush(backgroundColor()), 7);
    m_points->setScatterStyle(style);
}

void ProfileChart::onMousePress(QMouseEvent *event)
{
    if (m_readOnly || event->button() != Qt::LeftButton || m_values.empty())
        return;
    const int index = pointAt(event->position());
    if (index < 0)
        return;
    m_dragIndex = index;
    m_dragMoved = false;
    m_pressPos = event->position();
    // The press reaches the axis rect after this signal: without range drag it will not pan.
    m_rangeDragWasOn = plot()->interactions().testFlag(QCP::iRangeDrag);
    plot()->setInteraction(QCP::iRangeDrag, false);
}

void ProfileChart::onMouseMove(QMouseEvent *event)
{
    if (!isDragging()) {
        if (!m_readOnly && event->buttons() == Qt::NoButton) {
            if (pointAt(event->position()) >= 0)
                plot()->setCursor(Qt::SizeVerCursor);
            else
                plot()->unsetCursor();
        }
        return;
    }
    if (!m_dragMoved && (event->position() - m_pressPos).manhattanLength() < 2)
        return;
    m_dragMoved = true;
    const double value = snapValue(valueAtPixelY(event->position().y()));
    auto &current = m_values[static_cast<std::size_t>(m_dragIndex)];
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1 requests/s").arg(rateText(value)), plot());
    if (value == current)
        return;
    current = value;
    updateData();
    queueReplot();
    emit pointDragged(m_dragIndex, value);
}

void ProfileChart::onMouseRelease(QMouseEvent *event)
{
    if (!isDragging())
        return;
    const int index = m_dragIndex;
    m_dragIndex = -1;
    plot()->setInteraction(QCP::iRangeDrag, m_rangeDragWasOn);
    if (!m_dragMoved && (event->position() - m_pressPos).manhattanLength() < 2)
        return; // a click, not an edit
    const double value = snapValue(valueAtPixelY(event->position().y()));
    auto &current = m_values[static_cast<std::size_t>(index)];
    if (value != current) {
        current = value;
        updateData();
        queueReplot();
        emit pointDragged(index, value);
    }
    QToolTip::hideText();
    emit dragFinished(index, value);
}

int ProfileChart::pointAt(const QPointF &pixel) const
{
    const QCustomPlot *p = plot();
    if (m_values.empty() || !p->axisRect()->rect().contains(pixel.toPoint()))
        return -1;
    const int slot = static_cast<int>(std::floor(p->xAxis->pixelToCoord(pixel.x())));
    int best = -1;
    double bestDistance = grabDistance;
    // The step under the mouse can be grabbed anywhere along it; the neighbours' points by
    // distance, which matters when a slot is only a few pixels wide.
    for (int j = slot - 1; j <= slot + 1; ++j) {
        if (j < 0 || static_cast<std::size_t>(j) >= m_values.size())
            continue;
        const QPointF point = pointPixel(j);
        const double dy = point.y() - pixel.y();
        const double distance = j == slot ? std::abs(dy) : std::hypot(point.x() - pixel.x(), dy);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = j;
        }
    }
    return best;
}

void ProfileChart::updateData()
{
    const auto slotCount = static_cast<int>(m_values.size());
    QVector<double> keys(slotCount > 0 ? slotCount + 1 : 0), values(slotCount > 0 ? slotCount + 1 : 0);
    for (int i = 0; i < slotCount; ++i) {
        keys[i] = i;
        values[i] = m_values[static_cast<std::size_t>(i)];
    }
    if (slotCount > 0) {
        // lsStepLeft holds each value until the next key: close the last slot at its end.
        keys[slotCount] = slotCount;
        values[slotCount] = m_values.back();
    }
    m_line->setData(keys, values, true);

    QVector<double> pointKeys, pointValues;
    if (slotCount <= maxPointsShown) {
        for (int i = 0; i < slotCount; ++i) {
            pointKeys.append(i + 0.5);
            pointValues.append(m_values[static_cast<std::size_t>(i)]);
        }
    }
    m_points->setData(pointKeys, pointValues, true);
}

double ProfileChart::fittedTop() const
{
    const double top = m_values.empty() ? 0 : *std::max_element(m_values.begin(), m_values.end());
    // Headroom so a point can be dragged above the current maximum.
    return top > 0 ? top * 1.25 : 1;
}

} // namespace Costscape::Ui
