// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/timelinechart.h"
#include "ui/uitext.h"

#include <qcustomplot.h>

#include <QFontMetricsF>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace Costscape::Ui {

namespace {



QString number(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("-");
    // Whole requests read as counts; rates keep three significant digits below 100.
    if (std::abs(value) >= 100 || value == std::round(value))
        return english().toString(value, 'f', 0);
    return english().toString(value, 'g', 3);
}

double at(const std::vector<double> &values, int index)
{
    return index >= 0 && static_cast<std::size_t>(index) < values.size() ? values[static_cast<std::size_t>(index)]
                                                                            : std::numeric_limits<double>::quiet_NaN();
}

/** Seconds on a clock's steps: 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1 h and multiples. */
class TimeTicker final : public QCPAxisTicker
{
protected:
    double getTickStep(const QCPRange &range) override
    {
        static constexpr std::array<double, 16> steps{1,   2,   5,   10,   15,   30,   60,   120,
                                                      300, 600, 900, 1800, 3600, 7200, 10800, 21600};
        const double ideal = range.size() / std::max(1, tickCount());
        for (double step : steps) {
            if (step >= ideal)
                return step;
        }
        return std::ceil(ideal / 21600.0) * 21600.0;
    }

    int getSubTickCount(double step) override
    {
        // Sub-ticks on round times: thirds of 15 and 30 (5 s, 10 s), quarters of a minute or an hour.
        switch (std::lround(step)) {
        case 15:
        case 30:
        case 900:
        case 1800:
        case 10800:
            return 2;
        case 60:
        case 3600:
            return 3;
        default:
            return 1;
        }
    }

    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        return TimelineChart::formatSeconds(tick);
    }
};

} // namespace

QString TimelineChart::formatSeconds(double seconds)
{
    if (!std::isfinite(seconds))
        return QStringLiteral("-");
    const long long total = std::llround(std::abs(seconds));
    const QString sign = seconds < 0 && total > 0 ? QStringLiteral("-") : QString();
    const long long h = total / 3600;
    const long long m = (total % 3600) / 60;
    const long long s = total % 60;
    if (h > 0)
        return sign + QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return sign + QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

TimelineChart::TimelineChart(QWidget *parent)
    : ChartBase(parent)
    , m_rateRect(nullptr)
    , m_backlogRect(nullptr)
{
    setEmptyMessage(tr("No traffic spike in this scenario"));
    placeLegendAbove();
    QCustomPlot *p = plot();
    m_rateRect = p->axisRect();
    m_backlogRect = new QCPAxisRect(p);
    p->plotLayout()->addElement(p->plotLayout()->rowCount(), 0, m_backlogRect);
    // Capacity against demand is the question; the backlog is its consequence, so it gets less room.
    p->plotLayout()->setRowStretchFactors({0.001, 3, 2});

    auto *margins = new QCPMarginGroup(p);
    auto ticker = QSharedPointer<TimeTicker>::create();
    ticker->setTickCount(8);
    for (QCPAxisRect *rect : {m_rateRect, m_backlogRect}) {
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        rect->setRangeDragAxes(rect->axis(QCPAxis::atBottom), nullptr);
        rect->setRangeZoomAxes(rect->axis(QCPAxis::atBottom), nullptr);
        rect->axis(QCPAxis::atBottom)->setTicker(ticker);
    }
    QCPAxis *rateX = m_rateRect->axis(QCPAxis::atBottom);
    QCPAxis *backlogX = m_backlogRect->axis(QCPAxis::atBottom);
    rateX->setTickLabels(false); // the time is written once, under the backlog
    m_rateRect->axis(QCPAxis::atLeft)->setLabel(tr("Requests/s"));
    m_backlogRect->axis(QCPAxis::atLeft)->setLabel(tr("Requests waiting"));
    backlogX->setLabel(tr("Time from the start of the spike (min:s)"));

    connect(rateX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), backlogX,
            qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(backlogX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), rateX,
            qOverload<const QCPRange &>(&QCPAxis::setRange));

    m_caption = addCaption();

    showEmptyMessage(true);
    TimelineChart::applyTheme();
}

TimelineChart::~TimelineChart() = default;

void TimelineChart::setSeries(const Models::SpikeSeries &series)
{
    m_series = series;
    clearPlot();
    m_drawn.clear();
    m_capacity.clear();
    m_backlog.clear();
    m_markers.clear();
    m_offScale.clear();
    m_demand = nullptr;
    m_startLine = m_startLineBelow = nullptr;
    m_startLabel = nullptr;

    QCustomPlot *p = plot();
    QCPAxis *rateX = m_rateRect->axis(QCPAxis::atBottom);
    QCPAxis *backlogX = m_backlogRect->axis(QCPAxis::atBottom);
    QCPAxis *rateY = m_rateRect->axis(QCPAxis::atLeft);
    QCPAxis *backlogY = m_backlogRect->axis(QCPAxis::atLeft);

    for (std::size_t l = 0; l < m_series.lines.size(); ++l) {
        const auto &line = m_series.lines[l];
        if (line.stepSeconds > 0 && std::max(line.capacityPerSecond.size(), line.demandPerSecond.size()) >= 2)
            m_drawn.push_back(l);
    }

    std::vector<std::string> ids;
    for (const std::size_t l : m_drawn)
        ids.push_back(m_series.lines[l].id);
    includeOptions(ids);

    m_xLower = 0;
    m_xUpper = 1;
    m_rateTop = 0;
    m_backlogTop = 0;
    double capacityTop = 0;
    bool first = true;
    auto addPoints = [](QCPGraph *graph, const Models::SpikeSeries::Line &line, const std::vector<double> &values,
                        double *top) {
        const auto n = static_cast<int>(values.size());
        // Thinned for drawing only: every k-th sample, and the last one so the line reaches the end.
        const int k = std::max(1, (n + maxDrawnPoints - 1) / maxDrawnPoints);
        QVector<double> keys, data;
        keys.reserve(n / k + 2);
        data.reserve(n / k + 2);
        for (int i = 0; i < n; i += k) {
            const double v = values[static_cast<std::size_t>(i)];
            // The inside of a flat run adds nothing to a straight-line plot: a spike's demand and
            // a fleet's capacity are mostly flat, so this keeps them to a handful of points.
            if (i > 0 && i + k < n && v == values[static_cast<std::size_t>(i - k)] && v == values[static_cast<std::size_t>(i + k)])
                continue;
            keys.append(line.startSeconds + i * line.stepSeconds);
            data.append(std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN());
        }
        if (n > 0 && (n - 1) % k != 0) {
            keys.append(line.startSeconds + (n - 1) * line.stepSeconds);
            data.append(values.back());
        }
        for (double v : values)
            if (std::isfinite(v) && top)
                *top = std::max(*top, v);
        graph->setData(keys, data, true);
    };

    for (std::size_t d = 0; d < m_drawn.size(); ++d) {
        const auto &line = m_series.lines[m_drawn[d]];
        const auto samples = std::max({line.capacityPerSecond.size(), line.demandPerSecond.size(), line.backlog.size()});
        const double start = line.startSeconds;
        const double end = line.startSeconds + static_cast<double>(samples - 1) * line.stepSeconds;
        m_xLower = first ? start : std::min(m_xLower, start);
        m_xUpper = first ? end : std::max(m_xUpper, end);
        first = false;

        if (!m_demand && line.demandPerSecond.size() >= 2) {
            // Drawn first, so the options' lines stay on top of it.
            m_demand = p->addGraph(rateX, rateY);
            m_demand->setName(tr("demand"));
            addPoints(m_demand, line, line.demandPerSecond, &m_rateTop);
        }
    }
    // The largest backlog is drawn first: the opaque shades nest, and none hides a smaller one.
    std::vector<std::size_t> order(m_drawn.size());
    for (std::size_t d = 0; d < order.size(); ++d)
        order[d] = d;
    auto peak = [this](std::size_t d) {
        double top = 0;
        for (double v : m_series.lines[m_drawn[d]].backlog)
            if (std::isfinite(v))
                top = std::max(top, v);
        return top;
    };
    std::stable_sort(order.begin(), order.end(), [&peak](std::size_t a, std::size_t b) { return peak(a) > peak(b); });
    m_backlog.assign(m_drawn.size(), nullptr);
    for (std::size_t d : order) {
        const auto &line = m_series.lines[m_drawn[d]];
        auto *backlog = p->addGraph(backlogX, backlogY);
        backlog->setName(qs(line.id));
        leaveOutOfLegend(backlog);
        addPoints(backlog, line, line.backlog, &m_backlogTop);
        m_backlog[d] = backlog;
    }
    // Capacities over every backlog, so a shaded area never hides a line.
    for (std::size_t d = 0; d < m_drawn.size(); ++d) {
        const auto &line = m_series.lines[m_drawn[d]];
        auto *capacity = p->addGraph(rateX, rateY);
        capacity->setName(qs(line.id)); // same name: one legend entry shows and hides both
        addPoints(capacity, line, line.capacityPerSecond, &capacityTop);
        m_capacity.push_back(capacity);

        if (line.secondsToMeetDemand >= 0) {
            // On the demand line, where the capacity crosses it: a capacity that jumps far past
            // the demand would put the circle off the top of the plot.
            const int sample = sampleAt(m_drawn[d], line.secondsToMeetDemand);
            const double demand = at(line.demandPerSecond, sample);
            const double value = std::isfinite(demand) ? std::min(demand, at(line.capacityPerSecond, sample))
                                                       : at(line.capacityPerSecond, sample);
            if (std::isfinite(value)) {
                auto *marker = new QCPItemTracer(p);
                marker->setClipAxisRect(m_rateRect);
                marker->position->setAxes(rateX, rateY);
                marker->position->setCoords(line.secondsToMeetDemand, value);
                marker->setStyle(QCPItemTracer::tsCircle);
                marker->setSize(8);
                marker->setSelectable(false);
                marker->setProperty("line", static_cast<int>(d));
                m_markers.push_back(marker);
            }
        }
    }
    if (m_demand) {
        // The demand's legend entry goes last: the options come first in reading order.
        moveToLegendEnd(m_demand);
    }
    // Without a demand (a result that carries none) the capacities set the scale.
    if (m_rateTop <= 0)
        m_rateTop = capacityTop;

    // Capacities beyond the scale say how high they go, where they leave the plot.
    const double rateUpper = m_rateTop > 0 ? m_rateTop * 1.3 : 1;
    const QFont small = scaledFont(font(), 0.85);
    for (std::size_t d = 0; d < m_drawn.size(); ++d) {
        const auto &line = m_series.lines[m_drawn[d]];
        const auto &capacity = line.capacityPerSecond;
        const auto first = std::find_if(capacity.begin(), capacity.end(), [&](double v) { return std::isfinite(v) && v > rateUpper; });
        if (first == capacity.end())
            continue;
        const double peak = *std::max_element(first, capacity.end(), [](double a, double b) {
            return (std::isfinite(a) ? a : 0) < (std::isfinite(b) ? b : 0);
        });
        auto *label = new QCPItemText(p);
        label->setClipAxisRect(m_rateRect);
        label->setClipToAxisRect(true);
        label->position->setType(QCPItemPosition::ptAbsolute); // placed by fitToLayout()
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setText(tr("\u2191 %1/s").arg(number(peak)));
        label->setFont(small);
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setSelectable(false);
        m_offScale.push_back({d, line.startSeconds + static_cast<double>(first - capacity.begin()) * line.stepSeconds, label});
    }

    if (!m_drawn.empty() && m_xLower < 0 && m_xUpper > 0) {
        for (QCPAxisRect *rect : {m_rateRect, m_backlogRect}) {
            auto *start = new QCPItemStraightLine(p);
            start->setClipAxisRect(rect);
            start->point1->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            start->point2->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            start->point1->setCoords(0, 0);
            start->point2->setCoords(0, 1);
            start->setSelectable(false);
            (rect == m_rateRect ? m_startLine : m_startLineBelow) = start;
        }
        m_startLabel = new QCPItemText(p);
        m_startLabel->setClipAxisRect(m_rateRect);
        m_startLabel->position->setAxes(rateX, rateY);
        m_startLabel->position->setAxisRect(m_rateRect);
        m_startLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
        m_startLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        m_startLabel->position->setCoords(0, 0.02);
        m_startLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_startLabel->setText(tr("spike starts"));
        m_startLabel->setFont(scaledFont(font(), 0.85));
        m_startLabel->setPadding(QMargins(4, 0, 2, 0));
        m_startLabel->setSelectable(false);
    }

    const QString text = caption();
    m_caption->setText(text);
    m_caption->setVisible(!text.isEmpty());
    reflowLegend();
    p->legend->setVisible(!m_drawn.empty());
    for (QCPAxisRect *rect : {m_rateRect, m_backlogRect}) {
        for (QCPAxis *axis : rect->axes())
            axis->setVisible(axis->axisType() == QCPAxis::atBottom || axis->axisType() == QCPAxis::atLeft ? !m_drawn.empty() : false);
        rect->axis(QCPAxis::atLeft)->grid()->setVisible(!m_drawn.empty());
        rect->axis(QCPAxis::atBottom)->grid()->setVisible(!m_drawn.empty());
    }
    showEmptyMessage(m_drawn.empty());
    applyTheme();
    resetView();
}

QCPGraph *TimelineChart::capacityGraph(int index) const
{
    return index >= 0 && index < lineCount() ? m_capacity[static_cast<std::size_t>(index)] : nullptr;
}

QCPGraph *TimelineChart::backlogGraph(int index) const
{
    return index >= 0 && index < lineCount() ? m_backlog[static_cast<std::size_t>(index)] : nullptr;
}

int TimelineChart::sampleAt(std::size_t line, double seconds) const
{
    const auto &l = m_series.lines[line];
    if (!(l.stepSeconds > 0))
        return -1;
    const auto samples = static_cast<int>(std::max({l.capacityPerSecond.size(), l.demandPerSecond.size(), l.backlog.size()}));
    const int index = static_cast<int>(std::lround((seconds - l.startSeconds) / l.stepSeconds));
    return index >= 0 && index < samples ? index : -1;
}

QString TimelineChart::caption() const
{
    if (m_series.lines.empty())
        return {};
    // The first to meet the demand, and those that never do, in words; the table has the rest.
    const Models::SpikeSeries::Line *fastest = nullptr;
    QStringList never;
    for (const auto &line : m_series.lines) {
        if (line.secondsToMeetDemand < 0)
            never << qs(line.id);
        else if (!fastest || line.secondsToMeetDemand < fastest->secondsToMeetDemand)
            fastest = &line;
    }
    QStringList parts;
    if (fastest) {
        parts << (fastest->secondsToMeetDemand <= 0
                      ? tr("%1 serves the spike from its first second").arg(qs(fastest->id))
                      : tr("%1 meets the demand first, after %2 (min:s)")
                            .arg(qs(fastest->id), formatSeconds(fastest->secondsToMeetDemand)));
    }
    if (!never.isEmpty())
        parts << (never.size() == 1 ? tr("%1 never catches up within the timeline").arg(never.constFirst())
                                    : tr("%1 never catch up within the timeline").arg(never.join(QStringLiteral(", "))));
    QStringList skipped;
    for (std::size_t l = 0; l < m_series.lines.size(); ++l)
        if (std::find(m_drawn.begin(), m_drawn.end(), l) == m_drawn.end())
            skipped << qs(m_series.lines[l].id);
    if (!skipped.isEmpty())
        parts << tr("not drawn (no timeline): %1").arg(skipped.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

QString TimelineChart::tooltipAt(const QPointF &pixel) const
{
    if (m_drawn.empty())
        return {};
    const bool inRate = m_rateRect->rect().contains(pixel.toPoint());
    const bool inBacklog = m_backlogRect->rect().contains(pixel.toPoint());
    if (!inRate && !inBacklog)
        return {};
    const double seconds = (inRate ? m_rateRect : m_backlogRect)->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x());
    QString html;
    bool any = false;
    for (std::size_t d = 0; d < m_drawn.size(); ++d) {
        const int sample = sampleAt(m_drawn[d], seconds);
        if (sample < 0)
            continue;
        const auto &line = m_series.lines[m_drawn[d]];
        if (!any) {
            const double t = line.startSeconds + sample * line.stepSeconds;
            html = QStringLiteral("<b>%1</b>").arg(formatSeconds(t));
            if (m_demand && m_demand->visible() && std::isfinite(at(line.demandPerSecond, sample)))
                html += QStringLiteral("<br>") + tr("demand: %1 requests/s").arg(number(at(line.demandPerSecond, sample)));
            any = true;
        }
        if (!m_capacity[d]->visible())
            continue;
        html += QStringLiteral("<br><b>%1</b>: ").arg(qs(line.id).toHtmlEscaped())
            + tr("serves %1 requests/s, %2 waiting")
                  .arg(number(at(line.capacityPerSecond, sample)), number(at(line.backlog, sample)));
    }
    return html;
}

void TimelineChart::resetView()
{
    for (QCPAxisRect *rect : {m_rateRect, m_backlogRect})
        setAxisView(rect->axis(QCPAxis::atBottom), m_xLower, m_xUpper);
    setAxisView(m_rateRect->axis(QCPAxis::atLeft), 0, m_rateTop > 0 ? m_rateTop * 1.3 : 1);
    setAxisView(m_backlogRect->axis(QCPAxis::atLeft), 0, m_backlogTop > 0 ? m_backlogTop * 1.15 : 1);
    ChartBase::resetView();
}

void TimelineChart::seriesVisibilityChanged()
{
    for (QCPItemTracer *marker : m_markers) {
        const int d = marker->property("line").toInt();
        marker->setVisible(m_capacity[static_cast<std::size_t>(d)]->visible());
    }
    fitToLayout();
}

QStringList TimelineChart::offScaleLabels() const
{
    QStringList out;
    for (const OffScale &o : m_offScale)
        out << o.label->text();
    return out;
}

bool TimelineChart::fitToLayout()
{
    const QRectF rect = m_rateRect->rect();
    QCPAxis *x = m_rateRect->axis(QCPAxis::atBottom);
    std::vector<QRectF> taken;
    if (m_startLabel)
        taken.push_back(QRectF(m_startLabel->topLeft->pixelPosition(), m_startLabel->bottomRight->pixelPosition()));
    for (const OffScale &o : m_offScale) {
        QCPItemText *label = o.label;
        const bool shown = m_capacity[o.drawn]->visible() && x->range().contains(o.seconds);
        label->setVisible(shown);
        if (!shown || rect.isEmpty())
            continue;
        const QSizeF size = QFontMetricsF(label->font()).boundingRect(QRectF(), Qt::TextDontClip, label->text()).size()
            + QSizeF(label->padding().left() + label->padding().right(), label->padding().top() + label->padding().bottom());
        // Beside the line where it leaves the plot, kept inside; a row lower while it would cover another.
        const double left = std::clamp(x->coordToPixel(o.seconds) + 2, rect.left() + 1, std::max(rect.left() + 1, rect.right() - size.width() - 1));
        QRectF box(QPointF(left, rect.top() + 2), size);
        while (std::any_of(taken.begin(), taken.end(), [&](const QRectF &t) { return t.intersects(box); })
               && box.bottom() + size.height() < rect.bottom())
            box.translate(0, size.height());
        taken.push_back(box);
        label->position->setCoords(box.topLeft());
    }
    return false;
}

void TimelineChart::applyTheme()
{
    ChartBase::applyTheme();
    const QColor background = backgroundColor();
    const QColor text = foregroundColor();
    for (std::size_t d = 0; d < m_capacity.size(); ++d) {
        const auto &line = m_series.lines[m_drawn[d]];
        QColor color = optionColor(line.id);
        if (!line.feasible)
            color = blend(color, background, 0.55); // faded: it cannot serve the workload
        const int points = m_capacity[d]->dataCount();
        m_capacity[d]->setPen(seriesPen(color, points));
        // An opaque pale tint, not a translucent fill: QCustomPlot's translucent fills are slow, and
        // where two backlogs overlap the later one's outline still shows.
        m_backlog[d]->setPen(seriesPen(color, m_backlog[d]->dataCount()));
        m_backlog[d]->setBrush(QBrush(blend(background, color, 0.22)));
    }
    for (QCPItemTracer *marker : m_markers) {
        const int d = marker->property("line").toInt();
        const QColor color = optionColor(m_series.lines[m_drawn[static_cast<std::size_t>(d)]].id);
        marker->setPen(QPen(color, 2));
        marker->setBrush(QBrush(background));
    }
    if (m_demand) {
        // Neutral and heavier than the options: the line they must reach.
        QPen pen(blend(background, text, 0.75), 2.5);
        pen.setStyle(Qt::DashLine);
        m_demand->setPen(pen);
    }
    QPen startPen(mutedColor(), 1, Qt::DashLine);
    startPen.setCosmetic(true);
    for (QCPItemStraightLine *line : {m_startLine, m_startLineBelow})
        if (line)
            line->setPen(startPen);
    if (m_startLabel)
        m_startLabel->setColor(mutedColor());
    for (const OffScale &o : m_offScale) {
        const auto &line = m_series.lines[m_drawn[o.drawn]];
        QColor color = optionColor(line.id);
        if (!line.feasible)
            color = blend(color, background, 0.55);
        o.label->setColor(blend(color, text, 0.25)); // the option's colour, a shade towards the text to read
        o.label->setBrush(QBrush(background));
    }
}

} // namespace Costscape::Ui
