// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/chartseries.h"
#include "ui/optioncolors.h"

#include <QAbstractTableModel>

namespace Costscape::Ui {

/**
 * How each option copes with the workload's spike, one row per option of a Models::SpikeSeries:
 * how long until it serves the demand, the requests served later than the latency objective or
 * refused, the largest queue and wait, and the warm capacity that would meet the objective with
 * what it adds to the month. It adapts the series for views and computes nothing: every figure
 * is the series'.
 *
 * Re-setting a series with the same option ids (a live recompute with new numbers) emits
 * dataChanged only, so a selection survives; anything else resets the model.
 */
class ScalingModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScalingModel)

public:
    enum Column : int {
        OptionColumn,
        MeetsDemandColumn,
        DelayedColumn,
        RejectedColumn,
        PeakBacklogColumn,
        MaxDelayColumn,
        WarmMinimumColumn,
        WarmCostColumn,
        ColumnCount,
    };
    enum Role : int {
        /**
         * The raw double of a numeric cell: seconds, requests, a count or money per month; -1 for
         * "never" (meets demand) and "none" (warm minimum); the id for the option column.
         */
        RawValueRole = Qt::UserRole,
    };

    explicit ScalingModel(QObject *parent = nullptr);

    /** Shows series (copied); resets only when the option ids changed. */
    void setSeries(const Models::SpikeSeries &series);
    /**
     * The options' colours: the option column's decoration, as in the options list and the
     * charts. Until they are set, options take colours in the order they are first shown.
     */
    void setOptionColors(const OptionColors &colors);
    /** The series shown. */
    const Models::SpikeSeries &series() const { return m_series; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const Models::SpikeSeries::Line &line, int column) const;
    QVariant rawValue(const Models::SpikeSeries::Line &line, int column) const;
    QString toolTip(const Models::SpikeSeries::Line &line, int column) const;

    Models::SpikeSeries m_series;
    OptionColors m_colors;
};

} // namespace Costscape::Ui
