// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chartbase.h"

#include <qcustomplot.h>

#include <QRectF>
#include <QStringList>

#include <cmath>
#include <functional>

namespace Costscape::Testing {

/**
 * What a chart draws outside the place it belongs, in words, as the user would find it cut off:
 * a bar (its edges and its top, stacking included) or a point of a graph outside its axis rect,
 * a label (QCPItemText, by its four corners) or a marker (QCPItemTracer) outside the rect it is
 * clipped to, or outside the plot when it is not clipped, and a legend or an axis rect outside the
 * plot. Empty when everything fits. Only what is shown counts; @p exempt skips plottables a chart
 * deliberately lets run off its scale (it must say so in its own documentation).
 *
 * With @p pannable, a point beyond the ends of the key axis is a part of the data the chart
 * opens scrolled away from (a month's plan opens on its first week): it must then lie within the
 * value range, so that panning to it shows it whole.
 *
 * Pixel positions are those of the last layout: replot the chart (or let its queued replot run)
 * before calling this.
 */
inline QStringList outsideOfView(const Ui::ChartBase &chart,
                                 const std::function<bool(const QCPAbstractPlottable *)> &exempt = {}, bool pannable = false)
{
    constexpr double tolerance = 1.0; // a pixel of rounding between coordinates and the rect
    QStringList out;
    QCustomPlot *p = chart.plot();
    const QRectF viewport = QRectF(p->viewport()).adjusted(-tolerance, -tolerance, tolerance, tolerance);
    auto inside = [](const QRectF &rect, const QPointF &point) {
        return point.x() >= rect.left() - tolerance && point.x() <= rect.right() + 1 + tolerance
            && point.y() >= rect.top() - tolerance && point.y() <= rect.bottom() + 1 + tolerance;
    };
    auto where = [](const QPointF &point) { return QStringLiteral("(%1, %2)").arg(point.x(), 0, 'f', 1).arg(point.y(), 0, 'f', 1); };

    for (const QCPAxisRect *rect : p->axisRects())
        if (rect->visible() && !viewport.contains(QRectF(rect->outerRect())))
            out << QStringLiteral("axis rect %1 outside the plot").arg(where(rect->outerRect().topLeft()));
    if (p->legend->visible() && p->legend->itemCount() > 0 && !viewport.contains(QRectF(p->legend->outerRect())))
        out << QStringLiteral("legend outside the plot");

    for (int i = 0; i < p->plottableCount(); ++i) {
        const QCPAbstractPlottable *plottable = p->plottable(i);
        if (!plottable->realVisibility() || (exempt && exempt(plottable)))
            continue;
        const QCPAxis *keyAxis = plottable->keyAxis();
        const QRectF rect = keyAxis->axisRect()->rect();
        if (const auto *bars = qobject_cast<const QCPBars *>(plottable)) {
            for (int d = 0; d < bars->dataCount(); ++d) {
                const QPointF top = bars->dataPixelPosition(d);
                const double key = bars->data()->at(d)->key;
                const QPointF left(keyAxis->coordToPixel(key - bars->width() / 2), top.y());
                const QPointF right(keyAxis->coordToPixel(key + bars->width() / 2), top.y());
                if (!inside(rect, top) || !inside(rect, left) || !inside(rect, right))
                    out << QStringLiteral("bar \"%1\" at %2 (value %3) outside its axis rect")
                               .arg(bars->name(), where(top))
                               .arg(bars->data()->at(d)->value);
            }
        } else if (const auto *graph = qobject_cast<const QCPGraph *>(plottable)) {
            const QCPRange keys = keyAxis->range();
            const QCPRange values = graph->valueAxis()->range();
            for (int d = 0; d < graph->dataCount(); ++d) {
                const double key = graph->data()->at(d)->key;
                const double value = graph->data()->at(d)->value;
                if (!std::isfinite(value))
                    continue; // a gap
                const QPointF point = graph->dataPixelPosition(d);
                if (pannable && !keys.contains(key)) {
                    if (value < values.lower || value > values.upper)
                        out << QStringLiteral("point of \"%1\" (key %2, value %3) beyond the value range %4..%5")
                                   .arg(graph->name()).arg(key).arg(value).arg(values.lower).arg(values.upper);
                    continue;
                }
                if (!inside(rect, point))
                    out << QStringLiteral("point of \"%1\" at %2 (key %3, value %4) outside its axis rect")
                               .arg(graph->name(), where(point))
                               .arg(graph->data()->at(d)->key)
                               .arg(graph->data()->at(d)->value);
            }
        }
    }

    for (int i = 0; i < p->itemCount(); ++i) {
        QCPAbstractItem *item = p->item(i);
        if (!item->realVisibility())
            continue;
        const QRectF clip = item->clipToAxisRect() && item->clipAxisRect() ? QRectF(item->clipAxisRect()->rect()) : viewport;
        if (auto *text = qobject_cast<QCPItemText *>(item)) {
            if (text->text().isEmpty())
                continue;
            for (const QCPItemAnchor *corner : {text->topLeft, text->topRight, text->bottomLeft, text->bottomRight}) {
                if (!inside(clip, corner->pixelPosition())) {
                    out << QStringLiteral("label \"%1\" reaches %2, outside %3")
                               .arg(text->text().replace(QLatin1Char('\n'), QLatin1Char(' ')), where(corner->pixelPosition()),
                                    clip == viewport ? QStringLiteral("the plot") : QStringLiteral("its axis rect"));
                    break;
                }
            }
        } else if (auto *tracer = qobject_cast<QCPItemTracer *>(item)) {
            if (!inside(clip, tracer->position->pixelPosition()))
                out << QStringLiteral("marker at %1 outside its axis rect").arg(where(tracer->position->pixelPosition()));
        }
    }
    return out;
}

/** A fingerprint of what a chart draws (every shown bar's and point's value), to see that an edit changed it. */
inline double drawnSum(const Ui::ChartBase &chart)
{
    double sum = 0;
    QCustomPlot *p = chart.plot();
    for (int i = 0; i < p->plottableCount(); ++i) {
        const QCPAbstractPlottable *plottable = p->plottable(i);
        if (!plottable->realVisibility())
            continue;
        if (const auto *bars = qobject_cast<const QCPBars *>(plottable)) {
            for (int d = 0; d < bars->dataCount(); ++d)
                sum += bars->data()->at(d)->value + bars->data()->at(d)->key;
        } else if (const auto *graph = qobject_cast<const QCPGraph *>(plottable)) {
            for (int d = 0; d < graph->dataCount(); ++d)
                if (std::isfinite(graph->data()->at(d)->value))
                    sum += graph->data()->at(d)->value;
        }
    }
    return sum;
}

} // namespace Costscape::Testing
