// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/packingchart.h"
#include "ui/uitext.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QFontMetricsF>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Costscape::Ui {

namespace {

/** Width of one sub-bar (CPU or memory) and the offset of its centre from the instance's key. */
constexpr double subWidth = 0.3;
constexpr double subOffset = 0.17;
/** A fleet of at most this many instances is drawn one bar per instance. */
constexpr int expandAllUpTo = 12;
/** In a larger fleet, runs of at most this many instances are still drawn one bar each. */
constexpr int expandRunUpTo = 2;



/** "1 instance", "4 instances". */
QString instances(int n)
{
    return n == 1 ? PackingChart::tr("1 instance") : PackingChart::tr("%1 instances").arg(english().toString(n));
}

QString percent(double share)
{
    return QStringLiteral("%1%").arg(std::lround(share * 100));
}

QString whole(double value)
{
    return english().toString(value, 'f', std::abs(value - std::round(value)) < 1e-9 ? 0 : 1);
}

/** "ECS binpack-memory", "ECS spread", "Optimised". */
QString strategyTitle(const std::string &strategy, bool optimised)
{
    if (optimised || strategy == "optimised")
        return PackingChart::tr("Optimised");
    if (strategy.rfind("kube-scheduler", 0) == 0) // EKS: the default kube-scheduler
        return qs(strategy);
    return PackingChart::tr("ECS %1").arg(strategy.empty() ? QStringLiteral("scheduler") : qs(strategy));
}

/** Hourly money with as many decimals as a price needs: "$0.384/h". */
QString hourly(double value, const QString &currency)
{
    return PackingChart::tr("%1/h").arg(ChartBase::formatMoney(value, currency, std::abs(value) < 10 ? 3 : 2));
}

} // namespace

PackingChart::PackingChart(QWidget *parent)
    : ChartBase(parent)
    , m_selectorRow(new QWidget(this))
    , m_selector(new QComboBox(m_selectorRow))
{
    setEmptyMessage(tr("No ECS on EC2 or EKS on EC2 option in this scenario"));
    placeLegendAbove();
    QCustomPlot *p = plot();

    // Two axis rects side by side under the legend row, each under its own title.
    QCPAxisRect *left = p->axisRect();
    p->plotLayout()->take(left);
    auto *grid = new QCPLayoutGrid;
    p->plotLayout()->addElement(1, 0, grid);
    auto *right = new QCPAxisRect(p);
    m_rects = {left, right};
    for (int f = 0; f < 2; ++f) {
        m_titles[static_cast<std::size_t>(f)] = new QCPTextElement(p, QString(), font());
        grid->addElement(0, f, m_titles[static_cast<std::size_t>(f)]);
        grid->addElement(1, f, m_rects[static_cast<std::size_t>(f)]);
    }
    grid->setRowStretchFactors({0.001, 1});
    // The two plots share their top and bottom edges whatever their tick labels need.
    auto *margins = new QCPMarginGroup(p);
    left->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    right->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    grid->setColumnSpacing(12);

    auto percentTicker = QSharedPointer<QCPAxisTickerText>::create();
    for (int v = 0; v <= 100; v += 25)
        percentTicker->addTick(v / 100.0, QStringLiteral("%1%").arg(v));
    for (QCPAxisRect *rect : m_rects) {
        rect->axis(QCPAxis::atBottom)->grid()->setVisible(false);
        rect->axis(QCPAxis::atBottom)->setSubTicks(false);
        rect->axis(QCPAxis::atBottom)->setTickLength(0, 3);
        rect->axis(QCPAxis::atLeft)->setTicker(percentTicker);
        rect->axis(QCPAxis::atLeft)->setSubTicks(false);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
    }
    left->axis(QCPAxis::atLeft)->setLabel(tr("Share of instance capacity (CPU | memory)"));

    m_selectorRow->setVisible(false);
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *row = new QHBoxLayout(m_selectorRow);
    row->setContentsMargins(8, 4, 8, 0);
    auto *label = new QLabel(tr("Option:"), m_selectorRow);
    label->setBuddy(m_selector);
    row->addWidget(label);
    row->addWidget(m_selector);
    row->addStretch(1);
    mainLayout()->insertWidget(0, m_selectorRow);
    connect(m_selector, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index != m_selected)
            selectOption(index);
    });

    m_caption = addCaption();

    rebuild();
    PackingChart::applyTheme();
}

PackingChart::~PackingChart() = default;

void PackingChart::setSeries(const std::vector<Models::PackingSeries> &series)
{
    const std::string previous = m_selected >= 0 ? m_series[static_cast<std::size_t>(m_selected)].id : std::string();
    m_series = series;
    m_selected = m_series.empty() ? -1 : 0;
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        if (!previous.empty() && m_series[i].id == previous)
            m_selected = static_cast<int>(i);
    }
    {
        const QSignalBlocker blocker(m_selector);
        m_selector->clear();
        for (const auto &s : m_series)
            m_selector->addItem(qs(s.id));
        m_selector->setCurrentIndex(m_selected);
    }
    m_selectorRow->setVisible(m_series.size() > 1);
    rebuild();
}

void PackingChart::selectOption(int index)
{
    if (index < 0 || index >= optionCount())
        return;
    m_selected = index;
    {
        const QSignalBlocker blocker(m_selector);
        m_selector->setCurrentIndex(index);
    }
    rebuild();
}

const Models::PackingSeries::Fleet &PackingChart::fleet(int index) const
{
    const auto &s = m_series[static_cast<std::size_t>(m_selected)];
    return index == 0 ? s.scheduler : s.optimised;
}

void PackingChart::rebuild()
{
    clearPlot();
    for (auto &fleetFills : m_fills)
        for (auto &resource : fleetFills)
            resource.clear();
    m_outlines.clear();
    m_notes.clear();
    m_subLabels.clear();
    m_bars = {};
    m_hidden = {};
    QCustomPlot *p = plot();
    p->legend->clearItems();

    const bool empty = m_selected < 0;
    for (std::size_t f = 0; f < 2; ++f) {
        // The axes go, not the axis rect: the empty message is clipped to the first one and
        // would go with it.
        for (QCPAxis *axis : {m_rects[f]->axis(QCPAxis::atBottom), m_rects[f]->axis(QCPAxis::atLeft)})
            axis->setVisible(!empty);
        m_rects[f]->axis(QCPAxis::atLeft)->grid()->setVisible(!empty);
        m_titles[f]->setVisible(!empty);
        m_titles[f]->setText(empty ? QString() : fleetTitle(static_cast<int>(f)));
    }
    if (empty) {
        m_caption->clear();
        m_caption->setVisible(false);
        p->legend->setVisible(false);
        showEmptyMessage(true);
        resetView();
        return;
    }

    const Models::PackingSeries &s = m_series[static_cast<std::size_t>(m_selected)];
    const std::size_t groups = s.groups.size();
    const QFont small = scaledFont(font(), 0.85);

    for (int f = 0; f < 2; ++f) {
        const auto fi = static_cast<std::size_t>(f);
        const Models::PackingSeries::Fleet &fl = fleet(f);
        int total = 0;
        for (const auto &run : fl.runs)
            total += run.instances;
        std::vector<Bar> &bars = m_bars[fi];
        for (std::size_t r = 0; r < fl.runs.size(); ++r) {
            const int n = fl.runs[r].instances;
            const bool expand = total <= expandAllUpTo || n <= expandRunUpTo;
            for (int k = 0; k < (expand ? n : 1); ++k) {
                if (static_cast<int>(bars.size()) >= maxBarsPerFleet) {
                    m_hidden[fi] += expand ? n - k : n;
                    break;
                }
                bars.push_back({static_cast<int>(r), expand ? 1 : n});
            }
        }

        QCPAxis *keyAxis = m_rects[fi]->axis(QCPAxis::atBottom);
        QCPAxis *valueAxis = m_rects[fi]->axis(QCPAxis::atLeft);

        // The capacity, drawn first: the fills cover what the tasks use, and the empty part of
        // the outline is what the packing strands.
        auto *outline = new QCPBars(keyAxis, valueAxis);
        outline->setName(QStringLiteral("capacity"));
        leaveOutOfLegend(outline);
        outline->setWidth(subWidth);
        QVector<double> outlineKeys, outlineValues;
        for (std::size_t b = 0; b < bars.size(); ++b) {
            for (double offset : {-subOffset, subOffset}) {
                outlineKeys.append(static_cast<double>(b) + offset);
                outlineValues.append(1.0);
            }
        }
        outline->setData(outlineKeys, outlineValues, true);
        m_outlines.push_back(outline);

        // Each bar's share of capacity per group, split by the groups' per-task demand; the
        // sub-bar adds up to the run's own used / offered whatever the split.
        for (int resource = 0; resource < 2; ++resource) {
            const std::vector<double> &demand = resource == 0 ? s.taskCpuUnits : s.taskMemoryMb;
            std::vector<QVector<double>> keys(groups), values(groups);
            for (std::size_t b = 0; b < bars.size(); ++b) {
                const auto &run = fl.runs[static_cast<std::size_t>(bars[b].run)];
                const double used = resource == 0 ? run.cpuUsed : run.memoryUsed;
                const double offered = resource == 0 ? run.cpuOffered : run.memoryOffered;
                if (!(offered > 0))
                    continue;
                double weightSum = 0;
                for (std::size_t g = 0; g < groups; ++g)
                    weightSum += run.tasks[g] * (g < demand.size() ? demand[g] : 0.0);
                double taskSum = 0;
                for (double t : run.tasks)
                    taskSum += t;
                for (std::size_t g = 0; g < groups; ++g) {
                    const double weight = weightSum > 0 ? run.tasks[g] * (g < demand.size() ? demand[g] : 0.0) / weightSum
                                                        : (taskSum > 0 ? run.tasks[g] / taskSum : 0.0);
                    const double share = used / offered * weight;
                    if (share <= 0)
                        continue;
                    keys[g].append(static_cast<double>(b) + (resource == 0 ? -subOffset : subOffset));
                    values[g].append(share);
                }
            }
            for (std::size_t g = 0; g < groups; ++g) {
                auto *fill = new QCPBars(keyAxis, valueAxis);
                fill->setName(qs(s.groups[g]));
                fill->setWidth(subWidth);
                fill->setAntialiased(false);
                fill->setData(keys[g], values[g], true);
                if (f != 0 || resource != 0)
                    leaveOutOfLegend(fill);
                m_fills[fi][static_cast<std::size_t>(resource)].push_back(fill);
            }
        }


        // Which sub-bar is which, over the first bar only.
        if (!bars.empty() && bars.size() <= 16) {
            for (int resource = 0; resource < 2; ++resource) {
                auto *label = new QCPItemText(p);
                label->setClipAxisRect(m_rects[fi]);
                label->setClipToAxisRect(true);
                label->position->setAxes(keyAxis, valueAxis);
                label->position->setCoords(resource == 0 ? -subOffset : subOffset, 1.0);
                label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
                label->setText(resource == 0 ? tr("CPU") : tr("mem"));
                label->setFont(scaledFont(font(), 0.75));
                label->setPadding(QMargins(0, 0, 0, 1));
                label->setSelectable(false);
                m_subLabels.push_back(label);
            }
        }

        // Instance types under the bars; a long row is rotated, and a run drawn as several bars
        // names its type once.
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        const auto barTotal = static_cast<int>(bars.size());
        // Up to 16 bars every bar is named; beyond, a name where the type changes or a bar
        // stands for several instances, at most about 16 names a fleet.
        const int minGap = barTotal > 16 ? (barTotal + 15) / 16 : 1;
        int lastLabelled = -minGap;
        for (int b = 0; b < barTotal; ++b) {
            const Bar &bar = bars[static_cast<std::size_t>(b)];
            const auto &run = fl.runs[static_cast<std::size_t>(bar.run)];
            const bool changed = b == 0 || bar.count > 1
                || fl.runs[static_cast<std::size_t>(bars[static_cast<std::size_t>(b - 1)].run)].type != run.type;
            if (barTotal > 16 && (!changed || b - lastLabelled < minGap))
                continue;
            lastLabelled = b;
            QString label = qs(run.type);
            if (bar.count > 1) // on a line of its own under a horizontal label, so it stays narrow
                label += (barTotal > 8 ? QStringLiteral(" ") : QStringLiteral("\n")) + QStringLiteral("\u00d7%1").arg(bar.count);
            ticker->addTick(static_cast<double>(b), label);
        }
        keyAxis->setTicker(ticker);
        keyAxis->setTickLabelRotation(bars.size() > 8 ? -60 : 0);
        keyAxis->setTickLabelFont(bars.size() > 8 ? small : font());

        if (m_hidden[fi] > 0) {
            auto *note = new QCPItemText(p);
            note->setClipAxisRect(m_rects[fi]);
            note->setClipToAxisRect(true);
            note->position->setAxes(keyAxis, valueAxis);
            note->position->setAxisRect(m_rects[fi]);
            note->position->setType(QCPItemPosition::ptAxisRectRatio);
            note->position->setCoords(0.99, 0.01);
            note->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
            note->setText(m_hidden[fi] == 1 ? tr("+ 1 more instance, not drawn")
                                             : tr("+ %1 more instances, not drawn").arg(english().toString(m_hidden[fi])));
            note->setFont(small);
            note->setPadding(QMargins(4, 2, 4, 2));
            note->setSelectable(false);
            m_notes.push_back(note);
        }
        m_keyUpper = std::max(m_keyUpper, static_cast<double>(bars.size()));
    }
    m_keyUpper = std::max<double>({1.0, static_cast<double>(m_bars[0].size()), static_cast<double>(m_bars[1].size())});

    restack();
    reflowLegend();
    p->legend->setVisible(groups > 0);
    m_caption->setText(caption());
    m_caption->setVisible(true);
    showEmptyMessage(false);
    applyTheme();
    resetView();
}

void PackingChart::restack()
{
    // As in the monthly chart: a hidden group must not leave a gap in the stack.
    for (auto &fleetFills : m_fills) {
        for (auto &resource : fleetFills) {
            for (QCPBars *bars : resource)
                bars->moveAbove(nullptr);
            QCPBars *below = nullptr;
            for (QCPBars *bars : resource) {
                if (!bars->visible())
                    continue;
                if (below)
                    bars->moveAbove(below);
                below = bars;
            }
        }
    }
}

void PackingChart::seriesVisibilityChanged()
{
    restack();
}

int PackingChart::barCount() const
{
    return barCount(0) + barCount(1);
}

int PackingChart::barCount(int fleetIndex) const
{
    if (fleetIndex < 0 || fleetIndex > 1)
        return 0;
    return static_cast<int>(m_bars[static_cast<std::size_t>(fleetIndex)].size());
}

int PackingChart::hiddenInstances(int fleetIndex) const
{
    if (fleetIndex < 0 || fleetIndex > 1)
        return 0;
    return m_hidden[static_cast<std::size_t>(fleetIndex)];
}

QStringList PackingChart::groupNames() const
{
    QStringList names;
    if (m_selected >= 0)
        for (const auto &g : m_series[static_cast<std::size_t>(m_selected)].groups)
            names << qs(g);
    return names;
}

QString PackingChart::fleetTitle(int index) const
{
    if (m_selected < 0 || index < 0 || index > 1)
        return {};
    const auto &s = m_series[static_cast<std::size_t>(m_selected)];
    const auto &fl = fleet(index);
    if (index == 0 && !s.hasScheduler)
        return tr("ECS scheduler: no placement in the result");
    return tr("%1: %2, %3, CPU %4, memory %5")
        .arg(strategyTitle(fl.strategy, index == 1), instances(fl.instances), hourly(fl.hourlyCost, qs(s.currency)),
             percent(fl.cpuUtilisation), percent(fl.memoryUtilisation));
}

QString PackingChart::caption() const
{
    if (m_selected < 0)
        return {};
    const auto &s = m_series[static_cast<std::size_t>(m_selected)];
    const QString currency = qs(s.currency);
    const auto &opt = s.optimised;
    const auto &sch = s.scheduler;
    QString text = tr("Optimised: %1, %2, CPU %3, memory %4")
                       .arg(instances(opt.instances), hourly(opt.hourlyCost, currency), percent(opt.cpuUtilisation),
                            percent(opt.memoryUtilisation));
    const double monthly = s.savingsMonthly();
    if (!s.hasScheduler) {
        text += QStringLiteral("; ") + tr("no ECS scheduler placement to compare with");
    } else {
        text += QStringLiteral("; ")
            + tr("%1: %2, %3").arg(strategyTitle(sch.strategy, false), instances(sch.instances), hourly(sch.hourlyCost, currency));
        if (std::abs(monthly) < 0.005) {
            text += QStringLiteral("; ") + tr("no saving");
        } else if (monthly > 0) {
            const QString share = sch.hourlyCost > 0
                ? QStringLiteral(" (%1)").arg(percent(s.savingsHourly / sch.hourlyCost))
                : QString();
            text += QStringLiteral("; ") + tr("saves %1 a month%2").arg(formatMoney(monthly, currency), share);
        } else {
            text += QStringLiteral("; ") + tr("costs %1 a month more").arg(formatMoney(-monthly, currency));
        }
    }
    if (s.hasLowerBound()) {
        if (s.lowerBoundHourly > 0) {
            const double gap = opt.hourlyCost / s.lowerBoundHourly - 1;
            text += QStringLiteral("; ") + (gap < 0.0005 ? tr("at the lower bound (%1)").arg(hourly(s.lowerBoundHourly, currency))
                                                           : tr("%1% above the lower bound (%2)")
                                                                 .arg(english().toString(gap * 100, 'f', gap < 0.1 ? 1 : 0),
                                                                      hourly(s.lowerBoundHourly, currency)));
        }
    }
    // Two lines: exports write the caption as it is, without wrapping it.
    QString when = tr("At the busiest hour");
    if (s.slotCount > 0)
        when += QStringLiteral(" (") + hourLabel(s.hour, s.slotCount) + QLatin1Char(')');
    if (s.hasScheduler)
        when += QStringLiteral("; ") + tr("the monthly saving is that hour's over %1 hours").arg(whole(s.hoursPerMonth));
    if (!s.feasible)
        when += QStringLiteral("; ") + tr("the option cannot serve the workload");
    return text + QStringLiteral(".\n") + when + QLatin1Char('.');
}

QString PackingChart::tooltipAt(const QPointF &pixel) const
{
    if (m_selected < 0)
        return {};
    for (int f = 0; f < 2; ++f) {
        const auto fi = static_cast<std::size_t>(f);
        QCPAxisRect *rect = m_rects[fi];
        if (!rect->rect().contains(pixel.toPoint()))
            continue;
        QCPAxis *keyAxis = rect->axis(QCPAxis::atBottom);
        const double key = keyAxis->pixelToCoord(pixel.x());
        const int b = static_cast<int>(std::lround(key));
        if (b < 0 || b >= barCount(f) || std::abs(key - b) > subOffset + subWidth / 2)
            return {};
        const auto &s = m_series[static_cast<std::size_t>(m_selected)];
        const Bar &bar = m_bars[fi][static_cast<std::size_t>(b)];
        const auto &run = fleet(f).runs[static_cast<std::size_t>(bar.run)];
        QString html = QStringLiteral("<b>%1</b>").arg(qs(run.type).toHtmlEscaped());
        if (bar.count > 1)
            html += QStringLiteral(" &times; %1").arg(bar.count);
        html += QStringLiteral(" &middot; ") + strategyTitle(fleet(f).strategy, f == 1).toHtmlEscaped();
        if (run.instances > 1)
            html += QStringLiteral("<br>") + tr("%1 identical instances, each with:").arg(english().toString(run.instances));
        for (std::size_t g = 0; g < s.groups.size(); ++g) {
            if (run.tasks[g] > 0)
                html += QStringLiteral("<br>%1: %2").arg(qs(s.groups[g]).toHtmlEscaped(),
                                                         (run.tasks[g] == 1 ? tr("1 task") : tr("%1 tasks").arg(whole(run.tasks[g]))));
        }
        auto share = [](double used, double offered) { return offered > 0 ? percent(used / offered) : QStringLiteral("-"); };
        html += QStringLiteral("<br>") + tr("CPU: %1 of %2 units (%3)")
                                             .arg(whole(run.cpuUsed), whole(run.cpuOffered), share(run.cpuUsed, run.cpuOffered));
        html += QStringLiteral("<br>") + tr("Memory: %1 of %2 MB (%3)")
                                             .arg(whole(run.memoryUsed), whole(run.memoryOffered),
                                                  share(run.memoryUsed, run.memoryOffered));
        html += QStringLiteral("<br>") + tr("%1 per instance").arg(hourly(run.hourlyPrice, qs(s.currency)));
        if (run.burstable)
            html += QStringLiteral("<br><i>") + tr("Burstable: its baseline CPU is below its vCPUs") + QStringLiteral("</i>");
        return html;
    }
    return {};
}

void PackingChart::resetView()
{
    for (std::size_t f = 0; f < 2; ++f) {
        QCPAxis *keyAxis = m_rects[f]->axis(QCPAxis::atBottom);
        QCPAxis *valueAxis = m_rects[f]->axis(QCPAxis::atLeft);
        // Small fleets on one scale, so an instance is as wide on each side and the smaller
        // fleet ends early; large ones each on its own (3 bars on the scale of 60 would be
        // slivers), no fewer than 6 slots wide.
        const double keySlots = m_keyUpper <= 16 ? m_keyUpper : std::max(6.0, static_cast<double>(m_bars[f].size()));
        setAxisView(keyAxis, -0.6, keySlots - 0.4);
        setAxisView(valueAxis, 0, m_valueTop);
    }
    ChartBase::resetView();
}

bool PackingChart::fitToLayout()
{
    double top = 1.06;
    for (const QCPItemText *label : m_subLabels) {
        const QCPAxis *valueAxis = label->position->valueAxis();
        const double room = QFontMetricsF(label->font()).height() + label->padding().bottom() + 4;
        top = std::max(top, upperWithRoom(0, 1.0, room, valueAxis->axisRect()->rect().height()));
    }
    if (std::abs(top - m_valueTop) < 1e-9)
        return false;
    m_valueTop = top;
    bool changed = false;
    for (QCPAxisRect *rect : m_rects)
        changed = refitAxis(rect->axis(QCPAxis::atLeft), 0, m_valueTop) || changed;
    return changed;
}

void PackingChart::applyTheme()
{
    ChartBase::applyTheme();
    const QColor text = foregroundColor();
    const QColor background = backgroundColor();
    for (std::size_t f = 0; f < 2; ++f) {
        // A background-coloured separator keeps the groups of a stack apart; on bars a few
        // pixels wide it would eat the colour.
        QPen separator(background, 1);
        separator.setCosmetic(true);
        if (m_bars[f].size() > 30)
            separator = QPen(Qt::NoPen);
        for (auto &resource : m_fills[f]) {
            for (std::size_t g = 0; g < resource.size(); ++g) {
                resource[g]->setPen(separator);
                resource[g]->setBrush(partBrush(static_cast<int>(g)));
            }
        }
    }
    for (std::size_t f = 0; f < m_outlines.size() && f < 2; ++f) {
        QPen outlinePen(blend(background, text, 0.55), 1);
        outlinePen.setCosmetic(true);
        // The stranded part is an empty outline; outlines a few pixels apart would grey the
        // whole plot, so a dense fleet marks its capacity with a faint tint instead.
        const bool dense = m_bars[f].size() > 30;
        m_outlines[f]->setPen(dense ? QPen(Qt::NoPen) : outlinePen);
        m_outlines[f]->setBrush(dense ? QBrush(blend(background, text, 0.12)) : QBrush(Qt::NoBrush));
    }
    for (QCPTextElement *title : m_titles)
        title->setTextColor(text);
    for (QCPItemText *label : m_subLabels)
        label->setColor(mutedColor());
    for (QCPItemText *note : m_notes) {
        note->setColor(text);
        note->setBrush(QBrush(background));
    }
    plot()->legend->setVisible(m_selected >= 0 && !m_series[static_cast<std::size_t>(m_selected)].groups.empty());
}

} // namespace Costscape::Ui
