// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/trafficchart.h"

#include "base/textformat.h"
#include "ui/uitext.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QSignalBlocker>
#include <QFontMetricsF>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Costscape::Ui {

namespace {


QString rateText(double rate)
{
    // Three significant digits: "0.0123", "12.3", "1,230".
    const QLocale english(QLocale::English);
    if (rate >= 100)
        return english.toString(rate, 'f', 0);
    const int decimals = rate > 0 ? std::max(0, 2 - static_cast<int>(std::floor(std::log10(rate)))) : 0;
    return english.toString(rate, 'f', std::min(decimals, 8));
}

} // namespace

TrafficChart::TrafficChart(QWidget *parent)
    : ChartBase(parent)
    , m_currentRate(std::numeric_limits<double>::quiet_NaN())
{
    setEmptyMessage(tr("No feasible option at this traffic"));
    placeLegendAbove();
    QCustomPlot *p = plot();
    p->xAxis->setScaleType(QCPAxis::stLogarithmic);
    p->yAxis->setScaleType(QCPAxis::stLogarithmic);
    setLogTicker(p->xAxis, QString());
    setLogTicker(p->yAxis, QStringLiteral("USD"));
    p->xAxis->setLabel(tr("Average requests/s"));
    p->yAxis->setLabel(tr("Monthly cost (USD)"));
    p->axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    p->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);

    m_caption = addCaption();

    // Issue 16: above the plot, at the right, shown only when some option has a commitment.
    m_withoutBox = new QCheckBox(tr("Show without commitments"), this);
    m_withoutBox->setObjectName(QStringLiteral("withoutCommitments"));
    m_withoutBox->setToolTip(tr("Adds a dashed line for each option with a Savings Plan or reservations: the "
                                "same option at on-demand prices"));
    m_withoutBox->setVisible(false);
    mainLayout()->insertWidget(0, m_withoutBox, 0, Qt::AlignRight);
    connect(m_withoutBox, &QCheckBox::toggled, this, &TrafficChart::setShowWithoutCommitment);

    showEmptyMessage(true);
    TrafficChart::applyTheme();
}

TrafficChart::~TrafficChart() = default;

void TrafficChart::setSweep(const Models::TrafficSweep &sweep, double currentFactor)
{
    m_sweep = sweep;
    clearPlot();
    m_graphs.clear();
    m_withoutGraphs.clear();
    m_markers.clear();
    m_markerLabels.clear();
    m_currentLine = nullptr;
    m_currentLabel = nullptr;
    m_zeroLine = nullptr;
    m_zeroLabel = nullptr;
    m_currentRate = std::numeric_limits<double>::quiet_NaN();

    QCustomPlot *p = plot();
    const QString currency = qs(m_sweep.currency);
    setLogTicker(p->yAxis, currency);
    p->yAxis->setLabel(tr("Monthly cost (%1)").arg(currency));

    const std::size_t points = std::min(m_sweep.factors.size(), m_sweep.averageRate.size());
    auto rateAt = [this](std::size_t i) { return m_sweep.averageRate[i]; };
    auto usableRate = [](double rate) { return std::isfinite(rate) && rate > 0; };

    double minPositive = std::numeric_limits<double>::infinity();
    double maxCost = 0;
    double minRate = std::numeric_limits<double>::infinity();
    double maxRate = 0;
    bool anyZero = false;
    for (std::size_t i = 0; i < points; ++i) {
        if (!usableRate(rateAt(i)))
            continue;
        bool anyCost = false;
        for (const auto &line : m_sweep.lines) {
            const double cost = i < line.cost.size() ? line.cost[i] : std::nan("");
            if (!std::isfinite(cost))
                continue;
            anyCost = true;
            maxCost = std::max(maxCost, cost);
            if (cost > 0)
                minPositive = std::min(minPositive, cost);
            else
                anyZero = true;
            // Room for the on-demand line too, shown or not: turning it on keeps the view.
            if (i < line.costWithoutCommitment.size() && std::isfinite(line.costWithoutCommitment[i]))
                maxCost = std::max(maxCost, line.costWithoutCommitment[i]);
        }
        if (anyCost) {
            minRate = std::min(minRate, rateAt(i));
            maxRate = std::max(maxRate, rateAt(i));
        }
    }
    const bool empty = !(maxRate > 0);
    m_floor = std::isfinite(minPositive) ? minPositive / 2 : 0.01;

    std::vector<std::string> ids;
    for (const auto &line : m_sweep.lines)
        ids.push_back(line.id);
    includeOptions(ids);
    {
        // Legend entries in one go: linear in the options (see appendToLegend).
        const LegendBatch batch(this);
        for (std::size_t l = 0; l < m_sweep.lines.size(); ++l) {
            const auto &line = m_sweep.lines[l];
            auto *graph = p->addGraph(p->xAxis, p->yAxis);
            graph->setName(qs(line.id));
            graph->setLineStyle(QCPGraph::lsLine);
            QVector<double> keys, values;
            for (std::size_t i = 0; i < points; ++i) {
                if (!usableRate(rateAt(i)))
                    continue;
                const double cost = i < line.cost.size() ? line.cost[i] : std::nan("");
                keys.append(rateAt(i));
                // NaN breaks the line: the option cannot serve this traffic.
                values.append(std::isfinite(cost) ? displayCost(cost) : std::nan(""));
            }
            graph->setData(keys, values, true);
            m_graphs.push_back(graph);
        }
        appendToLegend({m_graphs.begin(), m_graphs.end()});

        // Each committed option on demand: dashed, after the options, in the legend only while shown.
        for (std::size_t l = 0; l < m_sweep.lines.size(); ++l) {
            const auto &line = m_sweep.lines[l];
            if (line.costWithoutCommitment.empty())
                continue;
            auto *graph = p->addGraph(p->xAxis, p->yAxis);
            graph->setName(tr("%1 without commitment").arg(qs(line.id)));
            graph->setLineStyle(QCPGraph::lsLine);
            QVector<double> keys, values;
            for (std::size_t i = 0; i < points; ++i) {
                if (!usableRate(rateAt(i)))
                    continue;
                const double cost = i < line.costWithoutCommitment.size() ? line.costWithoutCommitment[i] : std::nan("");
                keys.append(rateAt(i));
                values.append(std::isfinite(cost) ? displayCost(cost) : std::nan(""));
            }
            graph->setData(keys, values, true);
            graph->setVisible(m_showWithout);
            m_withoutGraphs.emplace_back(graph, l);
        }
        if (m_showWithout) {
            std::vector<QCPAbstractPlottable *> dashed;
            for (const auto &[graph, line] : m_withoutGraphs)
                dashed.push_back(graph);
            appendToLegend(dashed);
        }
    }
    m_withoutBox->setVisible(!m_withoutGraphs.empty());

    const QFont small = scaledFont(font(), 0.85);
    for (std::size_t b = 0; b < m_sweep.breakEvens.size(); ++b) {
        const auto &breakEven = m_sweep.breakEvens[b];
        if (!usableRate(breakEven.averageRate) || !std::isfinite(breakEven.cost))
            continue;
        auto *marker = new QCPItemTracer(p);
        marker->setGraph(nullptr);
        marker->position->setCoords(breakEven.averageRate, displayCost(breakEven.cost));
        marker->setStyle(QCPItemTracer::tsCircle);
        marker->setSize(9);
        marker->setSelectable(false);
        m_markers.push_back(marker);

        // Alternate above and below so neighbouring break-evens do not write over each other.
        const bool above = m_markers.size() % 2 == 1;
        auto *label = new QCPItemText(p);
        label->setFont(small);
        label->setText(tr("%1 \u2192 %2\n%3 req/s")
                           .arg(isolated(qs(breakEven.below)), isolated(qs(breakEven.above)),
                                rateText(breakEven.averageRate)));
        label->setTextAlignment(Qt::AlignHCenter);
        label->setPositionAlignment(Qt::AlignHCenter | (above ? Qt::AlignBottom : Qt::AlignTop));
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->position->setParentAnchor(marker->position);
        label->position->setCoords(0, above ? -7 : 7);
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setClipToAxisRect(true);
        label->setSelectable(false);
        m_markerLabels.push_back(label);
    }

    // The current workload: the sweep scales one workload, so rate = factor x (rate at 1x).
    double baseRate = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < points; ++i) {
        if (m_sweep.factors[i] > 0 && usableRate(rateAt(i))) {
            baseRate = rateAt(i) / m_sweep.factors[i];
            break;
        }
    }
    if (!empty && currentFactor > 0 && std::isfinite(baseRate)) {
        m_currentRate = baseRate * currentFactor;
        m_currentLine = new QCPItemStraightLine(p);
        m_currentLine->point1->setCoords(m_currentRate, 1);
        m_currentLine->point2->setCoords(m_currentRate, 10);
        m_currentLine->setSelectable(false);
        m_currentLabel = new QCPItemText(p);
        m_currentLabel->setFont(small);
        m_currentLabel->setText(tr("current workload\n%1 req/s").arg(rateText(m_currentRate)));
        m_currentLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
        m_currentLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        m_currentLabel->position->setCoords(m_currentRate, 0);
        m_currentLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_currentLabel->setTextAlignment(Qt::AlignLeft);
        m_currentLabel->setPadding(QMargins(4, 2, 2, 2));
        m_currentLabel->setClipToAxisRect(true);
        m_currentLabel->setSelectable(false);
    }

    if (!empty && anyZero) {
        // Where the zero costs are drawn, said once on the plot rather than left to look like a
        // real (small) figure.
        m_zeroLine = new QCPItemStraightLine(p);
        m_zeroLine->point1->setCoords(1, m_floor);
        m_zeroLine->point2->setCoords(10, m_floor);
        m_zeroLine->setSelectable(false);
        m_zeroLabel = new QCPItemText(p);
        m_zeroLabel->setFont(small);
        m_zeroLabel->setText(formatMoney(0, currency, 0));
        m_zeroLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        m_zeroLabel->position->setTypeY(QCPItemPosition::ptPlotCoords);
        m_zeroLabel->position->setCoords(1, m_floor);
        m_zeroLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        m_zeroLabel->setPadding(QMargins(2, 0, 4, 1));
        m_zeroLabel->setClipToAxisRect(true);
        m_zeroLabel->setSelectable(false);
    }

    const QStringList sentences = describe(m_sweep);
    m_caption->setText(sentences.join(QLatin1Char('\n')));
    m_caption->setVisible(!sentences.isEmpty());

    if (!empty) {
        // Half a decade of air around the data; the floor for zero costs stays inside.
        m_xLower = minRate / 1.25;
        m_xUpper = maxRate * 1.25;
        m_yLower = m_floor / 1.5;
        m_yUpper = std::max(maxCost, m_floor * 10) * 3;
    }
    reflowLegend();
    p->legend->setVisible(!m_sweep.lines.empty());
    showEmptyMessage(empty);
    applyTheme();
    resetView();
}

QString TrafficChart::caption() const
{
    return m_caption->text();
}

int TrafficChart::lineCount() const
{
    return static_cast<int>(m_graphs.size());
}

int TrafficChart::breakEvenCount() const
{
    return static_cast<int>(m_markers.size());
}

QString TrafficChart::tooltipAt(const QPointF &pixel) const
{
    const QCustomPlot *p = plot();
    if (!p->axisRect()->rect().contains(pixel.toPoint()))
        return {};
    constexpr double reach = 24;
    double best = reach * reach;
    int bestLine = -1;
    int bestPoint = -1;
    const std::size_t points = std::min(m_sweep.factors.size(), m_sweep.averageRate.size());
    bool bestWithout = false;
    // The option lines, then the dashed on-demand lines of the committed options.
    auto nearest = [&](const QCPGraph *graph, std::size_t l, const std::vector<double> &costs, bool without) {
        if (!graph->visible())
            return;
        for (std::size_t i = 0; i < points && i < costs.size(); ++i) {
            const double rate = m_sweep.averageRate[i];
            if (!std::isfinite(costs[i]) || !std::isfinite(rate) || rate <= 0)
                continue;
            const double dx = p->xAxis->coordToPixel(rate) - pixel.x();
            const double dy = p->yAxis->coordToPixel(displayCost(costs[i])) - pixel.y();
            const double distance = dx * dx + dy * dy;
            if (distance < best) {
                best = distance;
                bestLine = static_cast<int>(l);
                bestPoint = static_cast<int>(i);
                bestWithout = without;
            }
        }
    };
    for (std::size_t l = 0; l < m_graphs.size(); ++l)
        nearest(m_graphs[l], l, m_sweep.lines[l].cost, false);
    for (const auto &[graph, l] : m_withoutGraphs)
        nearest(graph, l, m_sweep.lines[l].costWithoutCommitment, true);
    if (bestLine < 0)
        return {};
    const auto l = static_cast<std::size_t>(bestLine);
    const auto i = static_cast<std::size_t>(bestPoint);
    const auto &line = m_sweep.lines[l];
    const QLocale english(QLocale::English);
    const QString currency = qs(m_sweep.currency);
    QString text = QStringLiteral("<b>%1</b><br>%2<br>%3")
                       .arg((bestWithout ? tr("%1 without commitment").arg(qs(line.id)) : qs(line.id)).toHtmlEscaped(),
                            tr("%1 requests/s (%2x the workload)")
                                .arg(rateText(m_sweep.averageRate[i]), english.toString(m_sweep.factors[i], 'g', 4)),
                            tr("%1 per month")
                                .arg(formatMoney(bestWithout ? line.costWithoutCommitment[i] : line.cost[i], currency, -1)));
    // With both lines on screen, what the commitment changes at this traffic.
    if (m_showWithout && i < line.costWithoutCommitment.size() && i < line.cost.size()
        && std::isfinite(line.costWithoutCommitment[i]) && std::isfinite(line.cost[i])) {
        const double saved = line.costWithoutCommitment[i] - line.cost[i];
        text += QStringLiteral("<br>")
            + (saved >= 0 ? tr("the commitment saves %1 a month").arg(formatMoney(saved, currency, 2))
                          : tr("the commitment costs %1 a month more").arg(formatMoney(-saved, currency, 2)));
    }
    return text;
}

void TrafficChart::setShowWithoutCommitment(bool show)
{
    if (show == m_showWithout)
        return;
    m_showWithout = show;
    {
        const QSignalBlocker blocker(m_withoutBox);
        m_withoutBox->setChecked(show);
    }
    std::vector<QCPAbstractPlottable *> dashed;
    for (const auto &[graph, line] : m_withoutGraphs) {
        graph->setVisible(show);
        if (show)
            dashed.push_back(graph);
        else
            leaveOutOfLegend(graph);
    }
    if (!dashed.empty())
        appendToLegend(dashed);
    if (!m_withoutGraphs.empty()) {
        reflowLegend();
        applyTheme(); // the new legend entries take the legend's colours
        queueReplot();
    }
    Q_EMIT showWithoutCommitmentChanged(show);
}

QCPGraph *TrafficChart::withoutCommitmentGraph(int line) const
{
    for (const auto &[graph, l] : m_withoutGraphs)
        if (static_cast<int>(l) == line)
            return graph;
    return nullptr;
}

void TrafficChart::resetView()
{
    QCustomPlot *p = plot();
    setAxisView(p->xAxis, m_xLower, m_xUpper);
    setAxisView(p->yAxis, m_yLower, m_yUpper);
    ChartBase::resetView();
}

void TrafficChart::applyTheme()
{
    ChartBase::applyTheme();
    const QColor text = foregroundColor();
    for (std::size_t l = 0; l < m_graphs.size(); ++l)
        m_graphs[l]->setPen(seriesPen(optionColor(m_sweep.lines[l].id), m_graphs[l]->dataCount()));
    for (const auto &[graph, l] : m_withoutGraphs) {
        QPen dashed = seriesPen(optionColor(m_sweep.lines[l].id), graph->dataCount());
        dashed.setStyle(Qt::DashLine);
        graph->setPen(dashed);
    }
    for (QCPItemTracer *marker : m_markers) {
        marker->setPen(QPen(text, 1.5));
        marker->setBrush(backgroundColor());
    }
    // Labels on a mostly opaque patch of background: readable where lines cross them, while a
    // line running behind a label still shows through rather than seeming to break off.
    QColor patch = backgroundColor();
    patch.setAlpha(120);
    for (QCPItemText *label : m_markerLabels) {
        label->setColor(text);
        label->setBrush(patch);
    }
    if (m_currentLine) {
        QPen dashed(text, 1, Qt::DashLine);
        dashed.setCosmetic(true);
        m_currentLine->setPen(dashed);
    }
    if (m_currentLabel) {
        m_currentLabel->setColor(text);
        m_currentLabel->setBrush(backgroundColor());
    }
    if (m_zeroLine) {
        QPen dotted(mutedColor(), 1, Qt::DotLine);
        dotted.setCosmetic(true);
        m_zeroLine->setPen(dotted);
    }
    if (m_zeroLabel)
        m_zeroLabel->setColor(mutedColor());
}

bool TrafficChart::fitToLayout()
{
    const QRectF rect = plot()->axisRect()->rect();
    if (rect.isEmpty())
        return false;
    auto boxSize = [](const QCPItemText *label) {
        const QSizeF text = QFontMetricsF(label->font()).boundingRect(QRectF(), Qt::TextDontClip | static_cast<int>(label->textAlignment()), label->text()).size();
        return QSizeF(text.width() + label->padding().left() + label->padding().right(),
                      text.height() + label->padding().top() + label->padding().bottom());
    };
    // Near an edge a centred label would be cut: it moves along its marker's row to stay whole,
    // and to the other side of the marker when its own side has no room.
    constexpr double gap = 7;
    for (std::size_t b = 0; b < m_markerLabels.size(); ++b) {
        QCPItemText *label = m_markerLabels[b];
        const QPointF at = m_markers[b]->position->pixelPosition();
        const QSizeF size = boxSize(label);
        bool above = b % 2 == 0;
        const auto fits = [&](bool up) {
            return up ? at.y() - gap - size.height() >= rect.top() : at.y() + gap + size.height() <= rect.bottom();
        };
        if (!fits(above) && fits(!above))
            above = !above;
        const double left = std::clamp(at.x() - size.width() / 2, rect.left() + 1, std::max(rect.left() + 1, rect.right() - 1 - size.width()));
        label->setPositionAlignment(Qt::AlignLeft | (above ? Qt::AlignBottom : Qt::AlignTop));
        label->position->setCoords(left - at.x(), above ? -gap : gap);
    }
    if (m_currentLabel && m_currentLine) {
        // Right of the dashed line, or left of it when the line is near the right edge.
        const double x = plot()->xAxis->coordToPixel(m_currentRate);
        const bool right = x + boxSize(m_currentLabel).width() <= rect.right();
        m_currentLabel->setPositionAlignment((right ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignTop);
    }
    return false;
}

double TrafficChart::displayCost(double cost) const
{
    return cost > 0 ? cost : m_floor;
}

QStringList TrafficChart::describe(const Models::TrafficSweep &sweep)
{
    if (sweep.lines.empty())
        return {tr("no enabled option to compare")};
    if (sweep.ranges.empty())
        return {};
    // Where the cheapest option holds, as the x axis shows it: the monthly average rate, or, for
    // a workload without requests, multiples of the scenario's traffic.
    const bool byRate = sweep.baseRate > 0;
    auto at = [&](double factor, int digits) {
        return qs(Text::significant(byRate ? sweep.baseRate * factor : factor, digits));
    };
    auto cheapest = [&](int line) {
        return line < 0 ? tr("no option is feasible") : tr("%1 is cheapest").arg(isolated(qs(sweep.lines[static_cast<std::size_t>(line)].id)));
    };
    auto unit = [&](bool first) {
        if (!byRate)
            return tr("times the scenario's traffic");
        return first ? tr("requests/s (monthly average)") : tr("requests/s");
    };
    QStringList out;
    const auto &ranges = sweep.ranges;
    if (ranges.size() == 1) {
        const QString span = tr("from %1 to %2 %3").arg(at(ranges[0].fromFactor, 2), at(ranges[0].toFactor, 2), unit(true));
        out << (ranges[0].line < 0 ? tr("no option is feasible at any traffic level %1").arg(span)
                                   : tr("%1 at every traffic level %2").arg(cheapest(ranges[0].line), span));
        return out;
    }
    for (std::size_t r = 0; r < ranges.size(); ++r) {
        const bool first = r == 0;
        if (first) {
            out << tr("%1 below %2 %3").arg(cheapest(ranges[r].line), at(ranges[r].toFactor, 2), unit(true));
        } else if (r + 1 == ranges.size()) {
            out << tr("%1 above %2 %3").arg(cheapest(ranges[r].line), at(ranges[r].fromFactor, 2), unit(false));
        } else {
            // Two break-evens close together would read "from 850 to 850": more digits until it shows.
            int digits = 2;
            while (digits < 6 && at(ranges[r].fromFactor, digits) == at(ranges[r].toFactor, digits))
                ++digits;
            out << tr("%1 from %2 to %3 %4").arg(cheapest(ranges[r].line), at(ranges[r].fromFactor, digits),
                                                 at(ranges[r].toFactor, digits), unit(false));
        }
    }
    return out;
}

} // namespace Costscape::Ui
