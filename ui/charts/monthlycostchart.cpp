// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/monthlycostchart.h"
#include "ui/charts/labelfit.h"
#include "ui/uitext.h"

#include <qcustomplot.h>

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace Costscape::Ui {

namespace {

/** Pixels kept free between the labels of two neighbouring bars. */
constexpr double labelGap = 6;
/** Lines an option's id and its platform may take under its bar before they are elided. */
constexpr int idLines = 2;
constexpr int platformLines = 3;

constexpr double barWidth = 0.6;
/** The option's colour chip under its bar: pixels below the axis, and its height. */
constexpr int chipTop = 3;
constexpr int chipHeight = 6;
/** Height of the stub of an infeasible option with total 0, as a share of the y range. */
constexpr double stubShare = 0.025;


template <typename T>
T valueAt(const std::vector<T> &values, std::size_t i, T fallback)
{
    return i < values.size() ? values[i] : fallback;
}

bool feasibleAt(const Models::MonthlySeries &series, std::size_t i)
{
    return i < series.feasible.size() ? static_cast<bool>(series.feasible[i]) : true;
}

/** @p text in at most @p maxLines lines of @p width pixels, the last one elided. */
QString fitText(const QString &text, const QFontMetricsF &metrics, double width, int maxLines)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList lines;
    QString line;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString candidate = line.isEmpty() ? words[i] : line + QLatin1Char(' ') + words[i];
        if (line.isEmpty() || metrics.horizontalAdvance(candidate) <= width) {
            line = candidate;
            continue;
        }
        lines << line;
        if (lines.size() == maxLines - 1) {
            line = words.mid(i).join(QLatin1Char(' '));
            break;
        }
        line = words[i];
    }
    if (!line.isEmpty())
        lines << line;
    for (QString &l : lines)
        l = metrics.elidedText(l, Qt::ElideRight, width);
    return lines.join(QLatin1Char('\n'));
}

/**
 * A label that wraps and elides its text to the pixel width of @c keyWidth plot units at draw
 * time, so it fits its bar on screen and in exports of any size.
 */
class FittedText final : public QCPItemText
{
public:
    FittedText(QCustomPlot *plot, double keyWidth, int maxLines)
        : QCPItemText(plot)
        , m_keyWidth(keyWidth)
        , m_maxLines(maxLines)
    {
    }

    void setFullText(const QString &text)
    {
        m_full = text;
        setText(text);
    }

protected:
    void draw(QCPPainter *painter) override
    {
        if (QCPAxis *axis = position->keyAxis()) {
            const double center = axis->range().center();
            const double width = std::abs(axis->coordToPixel(center + m_keyWidth / 2)
                                          - axis->coordToPixel(center - m_keyWidth / 2));
            mText = fitText(m_full, QFontMetricsF(mainFont(), painter->device()), width, m_maxLines);
        }
        QCPItemText::draw(painter);
    }

private:
    QString m_full;
    double m_keyWidth;
    int m_maxLines;
};

} // namespace

MonthlyCostChart::MonthlyCostChart(QWidget *parent)
    : ChartBase(parent)
{
    setEmptyMessage(tr("No options to compare"));
    placeLegendAbove();
    QCustomPlot *p = plot();
    p->xAxis->grid()->setVisible(false);
    p->xAxis->setSubTicks(false);
    // No ticks: each option's colour chip sits under its bar, between the axis and its name.
    p->xAxis->setTickLength(0, 0);
    p->xAxis->setTickLabelPadding(chipTop + chipHeight + 4);
    p->xAxis->setPadding(6);
    p->yAxis->setLabel(tr("Monthly cost (USD)"));
    setMoneyTicker(p->yAxis, QStringLiteral("USD"));
    p->axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    p->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    showEmptyMessage(true);
    MonthlyCostChart::applyTheme();
}

MonthlyCostChart::~MonthlyCostChart() = default;

void MonthlyCostChart::setSeries(const Models::MonthlySeries &series)
{
    m_series = series;
    clearPlot();
    m_colored.clear();
    m_greyed.clear();
    m_stub = nullptr;
    m_totalLabels.clear();
    m_notes.clear();
    m_chips.clear();
    m_cheapestOutline = nullptr;

    QCustomPlot *p = plot();
    includeOptions(m_series.ids);
    const std::size_t n = m_series.ids.size();
    const QString currency = qs(m_series.currency);

    m_ticker = QSharedPointer<QCPAxisTickerText>::create();
    m_labelWidth = -1;
    updateAxisLabels(0); // whole: fitToLayout() fits them to the bars' width once it is known
    p->xAxis->setTicker(m_ticker);
    p->yAxis->setLabel(tr("Monthly cost (%1)").arg(currency));
    setMoneyTicker(p->yAxis, currency);

    for (std::size_t s = 0; s < m_series.stacks.size(); ++s) {
        const auto &stack = m_series.stacks[s];
        auto *colored = new QCPBars(p->xAxis, p->yAxis);
        auto *greyed = new QCPBars(p->xAxis, p->yAxis);
        for (QCPBars *bars : {colored, greyed}) {
            bars->setName(qs(stack.name));
            bars->setWidth(barWidth);
            bars->setAntialiased(false); // crisp segment edges
        }
        leaveOutOfLegend(greyed);
        QVector<double> coloredKeys, coloredValues, greyedKeys, greyedValues;
        for (std::size_t i = 0; i < n; ++i) {
            const double value = valueAt(stack.values, i, 0.0);
            if (value == 0 || !std::isfinite(value))
                continue; // zero-height segments would only confuse hit tests
            (feasibleAt(m_series, i) ? coloredKeys : greyedKeys).append(static_cast<double>(i));
            (feasibleAt(m_series, i) ? coloredValues : greyedValues).append(value);
        }
        colored->setData(coloredKeys, coloredValues, true);
        greyed->setData(greyedKeys, greyedValues, true);
        m_colored.push_back(colored);
        m_greyed.push_back(greyed);
    }
    restack();

    // The y range leaves room above the tallest bar for its total and note: a first guess here,
    // made exact in pixels by fitToLayout() once the plot's size is known.
    double top = 0;
    for (std::size_t i = 0; i < n; ++i)
        top = std::max(top, dataTop(static_cast<int>(i)));
    m_top = top > 0 ? top * 1.15 : 1;

    QVector<double> stubKeys, stubValues;
    for (std::size_t i = 0; i < n; ++i) {
        if (!feasibleAt(m_series, i) && stackedValue(static_cast<int>(i)) <= 0) {
            stubKeys.append(static_cast<double>(i));
            stubValues.append(m_top * stubShare);
        }
    }
    if (!stubKeys.isEmpty()) {
        m_stub = new QCPBars(p->xAxis, p->yAxis);
        m_stub->setName(tr("Cannot serve the workload"));
        m_stub->setWidth(barWidth);
        leaveOutOfLegend(m_stub);
        m_stub->setData(stubKeys, stubValues, true);
    }

    QFont bold = font();
    bold.setBold(true);
    const QFont small = scaledFont(font(), 0.9);
    for (std::size_t i = 0; i < n; ++i) {
        const bool feasible = feasibleAt(m_series, i);
        const double total = valueAt(m_series.totals, i, 0.0);
        QCPItemText *totalLabel = nullptr;
        if (feasible || total > 0) {
            totalLabel = new QCPItemText(p);
            totalLabel->setText(formatMoney(total, currency)); // placeLabels() keeps it current
            totalLabel->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            totalLabel->setPadding(QMargins(2, 0, 2, 2));
            totalLabel->setClipToAxisRect(true);
            totalLabel->setSelectable(false);
        }
        m_totalLabels.push_back(totalLabel);

        QCPItemText *note = nullptr;
        if (static_cast<int>(i) == m_series.cheapest && feasible) {
            note = new QCPItemText(p);
            note->setText(tr("Cheapest"));
            note->setFont(bold);
        } else if (!feasible) {
            auto *reason = new FittedText(p, 1.0 - 0.1, 2);
            const QString text = qs(valueAt(m_series.reasons, i, std::string()));
            reason->setFullText(text.isEmpty() ? tr("Cannot serve the workload") : text);
            reason->setFont(small);
            reason->setTextAlignment(Qt::AlignHCenter);
            note = reason;
        }
        if (note) {
            note->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            note->setPadding(QMargins(2, 0, 2, 1));
            note->setClipToAxisRect(true);
            note->setSelectable(false);
            if (totalLabel) {
                note->position->setType(QCPItemPosition::ptAbsolute);
                note->position->setParentAnchor(totalLabel->top);
                note->position->setCoords(0, 0);
            }
        }
        m_notes.push_back(note);
    }

    for (std::size_t i = 0; i < n; ++i) {
        // Placed in pixels by fitToLayout(): under the axis, outside the axis rect.
        auto *chip = new QCPItemRect(p);
        chip->setClipToAxisRect(false);
        chip->setSelectable(false);
        chip->topLeft->setType(QCPItemPosition::ptAbsolute);
        chip->bottomRight->setType(QCPItemPosition::ptAbsolute);
        m_chips.push_back(chip);
    }

    if (m_series.cheapest >= 0 && static_cast<std::size_t>(m_series.cheapest) < n) {
        m_cheapestOutline = new QCPItemRect(p);
        m_cheapestOutline->setSelectable(false);
        m_cheapestOutline->setBrush(Qt::NoBrush);
    }

    reflowLegend();
    p->legend->setVisible(!m_series.stacks.empty());
    placeLabels();
    showEmptyMessage(n == 0);
    applyTheme();
    resetView();
}

int MonthlyCostChart::barCount() const
{
    return static_cast<int>(m_series.ids.size());
}

double MonthlyCostChart::stackedValue(int option) const
{
    if (option < 0 || option >= barCount())
        return 0;
    double sum = 0;
    const double key = option;
    for (const auto *group : {&m_colored, &m_greyed}) {
        for (QCPBars *bars : *group) {
            if (!bars->visible())
                continue;
            // The data are sorted by key: a binary search, not a scan (a thousand bars made the
            // chart quadratic).
            const auto end = bars->data()->constEnd();
            for (auto it = bars->data()->findBegin(key, false); it != end && it->key == key; ++it)
                sum += it->value;
        }
    }
    return sum;
}

QColor MonthlyCostChart::chipColor(int option) const
{
    if (option < 0 || static_cast<std::size_t>(option) >= m_chips.size())
        return {};
    return m_chips[static_cast<std::size_t>(option)]->brush().color();
}

QStringList MonthlyCostChart::stackNames() const
{
    QStringList names;
    for (const auto &stack : m_series.stacks)
        names << qs(stack.name);
    return names;
}

QString MonthlyCostChart::tooltipAt(const QPointF &pixel) const
{
    const QCustomPlot *p = plot();
    const QRect rect = p->axisRect()->rect();
    if (m_series.ids.empty() || pixel.x() < rect.left() || pixel.x() > rect.right() + 1)
        return {};
    const int option = static_cast<int>(std::lround(p->xAxis->pixelToCoord(pixel.x())));
    if (option < 0 || option >= barCount())
        return {};
    const auto i = static_cast<std::size_t>(option);
    const QString platform = qs(valueAt(m_series.platforms, i, std::string()));
    QString html = QStringLiteral("<b>%1</b>").arg(qs(m_series.ids[i]).toHtmlEscaped());
    if (!platform.isEmpty())
        html += QStringLiteral(" &middot; ") + platform.toHtmlEscaped();
    // Under the axis, over an option's chip and name (which may be wrapped or elided): the names in full.
    if (pixel.y() > rect.bottom() + 1 && pixel.y() <= p->xAxis->axisRect()->outerRect().bottom())
        return html;
    if (!rect.contains(pixel.toPoint()))
        return {};
    const double center = p->xAxis->coordToPixel(option);
    const double half = std::abs(p->xAxis->coordToPixel(option + barWidth / 2) - center);
    if (std::abs(pixel.x() - center) > half)
        return {};

    const QString currency = qs(m_series.currency);

    // Walk the shown segments bottom-up, as restack() piles them.
    const double value = p->yAxis->pixelToCoord(pixel.y());
    const auto &group = feasibleAt(m_series, i) ? m_colored : m_greyed;
    double base = 0;
    for (std::size_t s = 0; s < group.size(); ++s) {
        if (!group[s]->visible())
            continue;
        const double segment = valueAt(m_series.stacks[s].values, i, 0.0);
        if (segment <= 0 || !std::isfinite(segment))
            continue;
        if (value >= base && value <= base + segment) {
            html += QStringLiteral("<br>%1: %2")
                        .arg(qs(m_series.stacks[s].name).toHtmlEscaped(),
                             formatMoney(segment, currency, -1));
            break;
        }
        base += segment;
    }
    html += QStringLiteral("<br>") + tr("Total: %1 per month")
                                         .arg(formatMoney(valueAt(m_series.totals, i, 0.0),
                                                          currency, -1));
    const QString summary = qs(valueAt(m_series.summaries, i, std::string()));
    if (!summary.isEmpty())
        html += QStringLiteral("<br>") + summary.toHtmlEscaped();
    if (option == m_series.cheapest)
        html += QStringLiteral("<br><b>") + tr("Cheapest feasible option") + QStringLiteral("</b>");
    if (!feasibleAt(m_series, i)) {
        const QString reason = qs(valueAt(m_series.reasons, i, std::string()));
        html += QStringLiteral("<br><i>") + tr("Cannot serve the workload")
                + (reason.isEmpty() ? QString() : QStringLiteral(": ") + reason.toHtmlEscaped())
                + QStringLiteral("</i>");
    }
    return html;
}

void MonthlyCostChart::resetView()
{
    QCustomPlot *p = plot();
    const double n = std::max(1, barCount());
    // Zooming in and panning stay within the full view; zooming out stops there.
    setAxisView(p->xAxis, -0.6, n - 0.4);
    setAxisView(p->yAxis, 0, m_top);
    ChartBase::resetView();
}

void MonthlyCostChart::applyTheme()
{
    ChartBase::applyTheme();
    const QColor background = backgroundColor();
    const QColor text = foregroundColor();
    // Segments are separated by a line in the background colour, so they read as one bar.
    QPen separator(background, 1);
    separator.setCosmetic(true);
    for (std::size_t s = 0; s < m_colored.size(); ++s) {
        m_colored[s]->setPen(separator);
        m_colored[s]->setBrush(partBrush(static_cast<int>(s)));
        // Two alternating greys keep the segments of an infeasible option apart.
        m_greyed[s]->setPen(separator);
        m_greyed[s]->setBrush(blend(background, text, s % 2 == 0 ? 0.38 : 0.52));
    }
    if (m_stub) {
        m_stub->setPen(QPen(mutedColor(), 0));
        m_stub->setBrush(QBrush(mutedColor(), Qt::BDiagPattern));
    }
    for (std::size_t i = 0; i < m_totalLabels.size(); ++i) {
        if (m_totalLabels[i])
            m_totalLabels[i]->setColor(feasibleAt(m_series, i) ? text : mutedColor());
        if (m_notes[i])
            m_notes[i]->setColor(feasibleAt(m_series, i) ? text : mutedColor());
    }
    if (m_cheapestOutline)
        m_cheapestOutline->setPen(QPen(text, 2));
    for (std::size_t i = 0; i < m_chips.size(); ++i) {
        m_chips[i]->setPen(Qt::NoPen);
        m_chips[i]->setBrush(optionColor(m_series.ids[i]));
    }
    plot()->legend->setVisible(!m_series.stacks.empty());
}

void MonthlyCostChart::seriesVisibilityChanged()
{
    restack();
    placeLabels();
}

void MonthlyCostChart::restack()
{
    // QCPBars stacks on the bars below whether they are shown or not; a hidden line item would
    // leave a gap. Re-link the shown ones only.
    for (const auto *group : {&m_colored, &m_greyed}) {
        for (QCPBars *bars : *group)
            bars->moveAbove(nullptr);
        QCPBars *below = nullptr;
        for (QCPBars *bars : *group) {
            if (!bars->visible())
                continue;
            if (below)
                bars->moveAbove(below);
            below = bars;
        }
    }
}

double MonthlyCostChart::dataTop(int option) const
{
    return std::max(valueAt(m_series.totals, static_cast<std::size_t>(option), 0.0), stackedValue(option));
}

double MonthlyCostChart::labelRoom(int option) const
{
    const auto i = static_cast<std::size_t>(option);
    // As QCPItemText measures itself: the text's bounding box plus the padding set above.
    auto height = [](const QCPItemText *label, int lines) {
        const QString sample = lines > 1 ? QStringLiteral("X\nX") : QStringLiteral("X");
        return QFontMetricsF(label->font()).boundingRect(QRectF(), Qt::TextDontClip, sample).height()
            + label->padding().top() + label->padding().bottom();
    };
    double room = 4; // air between the highest label and the top of the plot
    if (i < m_totalLabels.size() && m_totalLabels[i])
        room += height(m_totalLabels[i], 1);
    if (i < m_notes.size() && m_notes[i])
        room += height(m_notes[i], m_notes[i]->text().contains(QLatin1Char('\n')) || !feasibleAt(m_series, i) ? 2 : 1);
    return room;
}

void MonthlyCostChart::updateStub()
{
    if (!m_stub)
        return;
    QVector<double> keys, values;
    for (auto it = m_stub->data()->constBegin(); it != m_stub->data()->constEnd(); ++it) {
        keys.append(it->key);
        values.append(m_top * stubShare);
    }
    m_stub->setData(keys, values, true);
}

bool MonthlyCostChart::fitToLayout()
{
    QCustomPlot *p = plot();
    const QRect rect = p->axisRect()->rect();
    if (barCount() == 0 || rect.height() <= 0)
        return false;
    double top = 0;
    for (int i = 0; i < barCount(); ++i) {
        const double value = dataTop(i);
        top = std::max({top, value * 1.04, upperWithRoom(0, value, labelRoom(i), rect.height())});
    }
    if (!(top > 0))
        top = 1;
    // The option names take the width of a bar's slot: wrapped, or elided when they still do not fit.
    const double slot = std::abs(p->xAxis->coordToPixel(1) - p->xAxis->coordToPixel(0));
    bool changed = updateAxisLabels(slot - labelGap);
    // The totals above the bars too: whole dollars when the cents would run into the next bar's
    // (the tooltip keeps them).
    int decimals = 2;
    const QString currency = qs(m_series.currency);
    for (std::size_t i = 0; i < m_totalLabels.size(); ++i)
        if (const QCPItemText *label = m_totalLabels[i];
            label && QFontMetricsF(label->font()).horizontalAdvance(formatMoney(valueAt(m_series.totals, i, 0.0), currency, 2)) > slot - labelGap)
            decimals = 0;
    if (decimals != m_totalDecimals) {
        m_totalDecimals = decimals;
        placeLabels();
        changed = true;
    }
    if (std::abs(top - m_top) > 1e-9 * top) {
        m_top = top;
        updateStub();
        placeLabels();
        changed = refitAxis(p->yAxis, 0, m_top) || changed;
    }
    const double bottom = rect.bottom() + 1;
    for (std::size_t i = 0; i < m_chips.size(); ++i) {
        // Cut to the axis rect's width: a bar panned out of view takes its chip with it.
        const double key = static_cast<double>(i);
        const double left = std::max<double>(p->xAxis->coordToPixel(key - barWidth / 2), rect.left());
        const double right = std::min<double>(p->xAxis->coordToPixel(key + barWidth / 2), rect.right() + 1);
        m_chips[i]->setVisible(right > left);
        m_chips[i]->topLeft->setCoords(left, bottom + chipTop);
        m_chips[i]->bottomRight->setCoords(right, bottom + chipTop + chipHeight);
    }
    return changed;
}

QString MonthlyCostChart::axisLabel(int option) const
{
    return m_ticker ? m_ticker->ticks().value(static_cast<double>(option)) : QString();
}

bool MonthlyCostChart::updateAxisLabels(double width)
{
    if (!m_ticker || std::abs(width - m_labelWidth) < 0.5)
        return false;
    m_labelWidth = width;
    const QFontMetricsF metrics(plot()->xAxis->tickLabelFont());
    QMap<double, QString> ticks;
    for (std::size_t i = 0; i < m_series.ids.size(); ++i) {
        // Each line isolated: an id in a right-to-left script keeps its own order on every line.
        QStringList lines;
        for (const QString &line : fitLabel(qs(m_series.ids[i]), metrics, width, idLines).split(QLatin1Char('\n')))
            lines << isolated(line);
        const QString platform = qs(valueAt(m_series.platforms, i, std::string()));
        if (!platform.isEmpty())
            lines << fitLabel(platform, metrics, width, platformLines);
        ticks.insert(static_cast<double>(i), lines.join(QLatin1Char('\n')));
    }
    if (ticks == m_ticker->ticks())
        return false;
    m_ticker->setTicks(ticks);
    return true;
}

double MonthlyCostChart::optionTop(int option) const
{
    const double stacked = stackedValue(option);
    if (stacked <= 0 && !feasibleAt(m_series, static_cast<std::size_t>(option)))
        return m_top * stubShare;
    return stacked;
}

void MonthlyCostChart::placeLabels()
{
    // With line items hidden a bar shows part of the total: its label says what the bar shows,
    // so it agrees with the axis (the tooltip keeps the total).
    const bool partial = std::any_of(m_colored.begin(), m_colored.end(),
                                     [](const QCPBars *bars) { return !bars->visible(); });
    const QString currency = qs(m_series.currency);
    for (int i = 0; i < barCount(); ++i) {
        const double top = optionTop(i);
        const auto index = static_cast<std::size_t>(i);
        if (QCPItemText *label = m_totalLabels[index]) {
            label->position->setCoords(i, top);
            label->setText(formatMoney(partial ? stackedValue(i) : valueAt(m_series.totals, index, 0.0),
                                       currency, m_totalDecimals));
        } else if (QCPItemText *note = m_notes[index]) {
            note->position->setCoords(i, top);
        }
    }
    if (m_cheapestOutline) {
        const int i = m_series.cheapest;
        const double half = barWidth / 2 + 0.04;
        m_cheapestOutline->topLeft->setCoords(i - half, optionTop(i));
        m_cheapestOutline->bottomRight->setCoords(i + half, 0);
    }
}

} // namespace Costscape::Ui
