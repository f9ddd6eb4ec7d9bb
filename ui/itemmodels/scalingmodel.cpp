// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/itemmodels/scalingmodel.h"
#include "ui/uitext.h"

#include "ui/itemmodels/lineitemmodel.h"

#include <QLocale>

#include <cmath>

namespace Costscape::Ui {

namespace {



/** "0 s", "0.35 s", "45 s", "3 min 20 s", "1 h 5 min": a wait or a time to scale, as people say it. */
QString duration(double seconds)
{
    if (!std::isfinite(seconds))
        return QStringLiteral("-");
    if (seconds < 10 && seconds != std::round(seconds))
        return ScalingModel::tr("%1 s").arg(english().toString(seconds, 'g', 2));
    const long long total = std::llround(seconds);
    if (total < 60)
        return ScalingModel::tr("%1 s").arg(total);
    if (total < 3600) {
        const long long s = total % 60;
        return s == 0 ? ScalingModel::tr("%1 min").arg(total / 60) : ScalingModel::tr("%1 min %2 s").arg(total / 60).arg(s);
    }
    const long long m = (total % 3600) / 60;
    return m == 0 ? ScalingModel::tr("%1 h").arg(total / 3600) : ScalingModel::tr("%1 h %2 min").arg(total / 3600).arg(m);
}

/** Requests are counted whole: a model's fractional request is an average, not a request. */
QString requests(double value)
{
    return std::isfinite(value) ? english().toString(std::round(value), 'f', 0) : QStringLiteral("-");
}

} // namespace

ScalingModel::ScalingModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ScalingModel::setOptionColors(const OptionColors &colors)
{
    if (colors == m_colors)
        return;
    m_colors = colors;
    if (!m_series.lines.empty())
        Q_EMIT dataChanged(index(0, OptionColumn), index(rowCount() - 1, OptionColumn), {Qt::DecorationRole});
}

void ScalingModel::setSeries(const Models::SpikeSeries &series)
{
    std::vector<std::string> ids;
    for (const auto &line : series.lines)
        ids.push_back(line.id);
    m_colors.include(ids);
    bool same = series.lines.size() == m_series.lines.size() && series.currency == m_series.currency;
    for (std::size_t i = 0; same && i < series.lines.size(); ++i)
        same = series.lines[i].id == m_series.lines[i].id;
    if (!same) {
        beginResetModel();
        m_series = series;
        endResetModel();
        return;
    }
    m_series = series;
    if (!m_series.lines.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ScalingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_series.lines.size());
}

int ScalingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ScalingModel::text(const Models::SpikeSeries::Line &line, int column) const
{
    const QString currency = qs(m_series.currency);
    switch (column) {
    case OptionColumn: return qs(line.id);
    case MeetsDemandColumn:
        if (line.secondsToMeetDemand < 0)
            return tr("never");
        return line.secondsToMeetDemand == 0 ? tr("at once") : duration(line.secondsToMeetDemand);
    case DelayedColumn: return requests(line.requestsDelayed);
    case RejectedColumn: return requests(line.requestsRejected);
    case PeakBacklogColumn: return requests(line.peakBacklog);
    case MaxDelayColumn: return duration(line.maxDelaySeconds);
    case WarmMinimumColumn:
        if (line.warmMinimum < 0)
            return tr("none would do");
        if (line.warmMinimum == 0)
            return tr("none needed");
        return QStringLiteral("%1 %2").arg(english().toString(line.warmMinimum, 'g', 6), qs(line.warmUnit)).trimmed();
    case WarmCostColumn:
        if (line.warmMinimum < 0)
            return QStringLiteral("-");
        if (!(line.warmExtraMonthlyCost >= 0.005))
            return tr("no extra cost");
        return QStringLiteral("+") + formatMoney(line.warmExtraMonthlyCost, currency);
    default: break;
    }
    return {};
}

QVariant ScalingModel::rawValue(const Models::SpikeSeries::Line &line, int column) const
{
    switch (column) {
    case OptionColumn: return qs(line.id);
    case MeetsDemandColumn: return line.secondsToMeetDemand;
    case DelayedColumn: return line.requestsDelayed;
    case RejectedColumn: return line.requestsRejected;
    case PeakBacklogColumn: return line.peakBacklog;
    case MaxDelayColumn: return line.maxDelaySeconds;
    case WarmMinimumColumn: return line.warmMinimum;
    case WarmCostColumn: return line.warmExtraMonthlyCost;
    default: break;
    }
    return {};
}

QString ScalingModel::toolTip(const Models::SpikeSeries::Line &line, int column) const
{
    switch (column) {
    case OptionColumn: {
        QString tip = line.feasible ? qs(line.platform) : tr("%1; it cannot serve the workload").arg(qs(line.platform));
        for (const auto &note : line.notes)
            tip += QLatin1Char('\n') + qs(note);
        return tip;
    }
    case MeetsDemandColumn:
        return line.secondsToMeetDemand < 0 ? tr("Its capacity never reaches the demand within the timeline")
                                            : tr("Seconds from the start of the spike until it serves every arriving request");
    case DelayedColumn: return tr("Requests served later than the latency objective");
    case RejectedColumn: return tr("Requests refused: over a hard limit, or beyond capacity when the excess is rejected");
    case PeakBacklogColumn: return tr("The most requests waiting at once");
    case MaxDelayColumn: return tr("The longest any request waits before it is served");
    case WarmMinimumColumn:
        return line.warmMinimum < 0 ? tr("No warm minimum meets the objective for this option")
                                    : tr("Capacity kept warm all month so that the spike meets the objective");
    case WarmCostColumn: return tr("What keeping the warm minimum adds to the monthly cost");
    default: break;
    }
    return {};
}

QVariant ScalingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &line = m_series.lines[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: return text(line, index.column());
    case RawValueRole: return rawValue(line, index.column());
    case Qt::ToolTipRole: return toolTip(line, index.column());
    case Qt::DecorationRole:
        if (index.column() == OptionColumn)
            return m_colors.color(line.id);
        break;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(index.column() == OptionColumn ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                                                  : Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    default: break;
    }
    return {};
}

QVariant ScalingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section != OptionColumn) {
        // What the column means in general, not what it says of one option ("never", "none would do").
        Models::SpikeSeries::Line typical;
        typical.secondsToMeetDemand = 0;
        typical.warmMinimum = 0;
        return toolTip(typical, section);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    // Two lines each, so that the table fits beside the chart without a horizontal scroll bar.
    case OptionColumn: return tr("Option");
    case MeetsDemandColumn: return tr("Meets demand\nafter");
    case DelayedColumn: return tr("Delayed beyond\nobjective");
    case RejectedColumn: return tr("Rejected");
    case PeakBacklogColumn: return tr("Peak\nbacklog");
    case MaxDelayColumn: return tr("Longest\nwait");
    case WarmMinimumColumn: return tr("Warm\nminimum");
    case WarmCostColumn: return tr("Warm cost\na month");
    default: break;
    }
    return {};
}

} // namespace Costscape::Ui
