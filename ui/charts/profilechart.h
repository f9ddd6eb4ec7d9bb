// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chartbase.h"

#include <vector>

class QCPGraph;
class QMouseEvent;

namespace Costscape::Ui {

/**
 * The hourly request profile of a workload as a step line, one step per slot, with a point in
 * the middle of each step when there are at most 168 of them. Dragging a step vertically edits
 * it: the chart only reports the edit (pointDragged while moving, dragFinished on release) and
 * shows it locally; the owner decides whether to accept it and then calls setProfile() with the
 * profile it keeps (so undo and validation stay with the owner).
 *
 * A press within 8 pixels of a point (or of its step) starts a drag; panning is suspended until
 * the release. A press and release without moving is not an edit and emits nothing. Values are
 * clamped at 0 and rounded to three significant digits. Hours are labelled as in HourlyChart.
 */
class ProfileChart final : public ChartBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileChart)

public:
    explicit ProfileChart(QWidget *parent = nullptr);
    ~ProfileChart() override;

    /**
     * Shows @p perSecond (24, 168, 730, 744 or 8760 values, though any length is drawn). A new
     * length resets the view (plans of 730 slots and more open on their first week); the same
     * length keeps the user's horizontal zoom. Called during a drag, the view is left alone. An
     * empty profile shows the empty message.
     */
    void setProfile(const std::vector<double> &perSecond);
    /** The profile as drawn, including a drag in progress. */
    std::vector<double> profile() const { return m_values; }

    /** A read-only chart shows the profile (e.g. a constant workload) and ignores drags. */
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    /** True between the press that grabbed a point and its release. */
    bool isDragging() const { return m_dragIndex >= 0; }

    /**
     * Pixel position on plot() of point @p index (the middle of its step, at its value); a null
     * QPointF for an index out of range. Valid once the plot has been laid out.
     */
    QPointF pointPixel(int index) const;
    /** The requests/s value at pixel row @p y of plot() (unclamped, unrounded). */
    double valueAtPixelY(double y) const;
    /** @p value clamped at 0 (NaN gives 0) and rounded to three significant digits. */
    static double snapValue(double value);

    /** The hour under the mouse and its requests/s. */
    QString tooltipAt(const QPointF &pixel) const override;
    void resetView() override;

signals:
    /** The point @p index is being dragged to @p value (emitted when the value changes). */
    void pointDragged(int index, double value);
    /** The drag of point @p index ended at @p value. */
    void dragFinished(int index, double value);

protected:
    void applyTheme() override;

private:
    void onMousePress(QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);
    int pointAt(const QPointF &pixel) const;
    void updateData();
    double fittedTop() const;

    std::vector<double> m_values;
    QCPGraph *m_line;
    QCPGraph *m_points;
    bool m_readOnly = false;
    int m_dragIndex = -1;
    bool m_dragMoved = false;
    QPointF m_pressPos;
    bool m_rangeDragWasOn = true;
};

} // namespace Costscape::Ui
