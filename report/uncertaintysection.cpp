// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/uncertaintysection.h"

#include "ui/charts/tornadochart.h"
#include "ui/charts/uncertaintychart.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Costscape::Ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UncertaintySection", text);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

ReportBlock text(ReportBlock::Kind kind, const QString &t)
{
    ReportBlock b;
    b.kind = kind;
    b.text = t;
    return b;
}

ReportBlock chartBlock(ChartBase *c, const QString &description, const OptionColors &colors, int width, int height)
{
    c->setOptionColors(colors);
    ChartSet::prepare(c, width, height);
    ReportBlock b;
    b.kind = ReportBlock::Kind::Chart;
    b.text = description;
    b.chart = c;
    b.width = width;
    b.height = height;
    return b;
}

QString percent(double share)
{
    return QString::number(share * 100, 'f', 1) + QLatin1Char('%');
}

/** "12 / 15 / never": P10 / P50 / P90 of a spike measure. */
QString spikeCell(Models::SpikeMeasure m, const Models::SpikeSpread &g)
{
    auto one = [m](double v) {
        if (std::isnan(v))
            return QStringLiteral("–");
        if (std::isinf(v))
            return tr("never");
        const bool count = m == Models::SpikeMeasure::RequestsDelayed || m == Models::SpikeMeasure::RequestsRejected;
        return QLocale(QLocale::English).toString(v, 'f', count ? 0 : 1);
    };
    return one(g.p10) + QStringLiteral(" / ") + one(g.p50) + QStringLiteral(" / ") + one(g.p90);
}

/** With a range on the spike's peak: a short table of each option's spike response over the draws. */
void appendSpikeSpread(std::vector<ReportBlock> &blocks, const Models::UncertaintyResult &r)
{
    const auto &g = r.ranges[Models::UncertainInput::SpikeHeight];
    if (r.spikeDraws <= 0 || !g)
        return;
    blocks.push_back(text(ReportBlock::Kind::Paragraph,
                          tr("The spike's peak drawn from %1 to %2 requests/s, the spike simulated for each option in the "
                             "first %L3 draws. Each figure is P10 / P50 / P90; no monthly cost moves with the spike.")
                              .arg(g->low, 0, 'g', 6)
                              .arg(g->high, 0, 'g', 6)
                              .arg(r.spikeDraws)));
    ReportBlock table;
    table.kind = ReportBlock::Kind::Table;
    table.header = {tr("Option"), tr("Absorbs it"), tr("Meets demand (s)"), tr("Longest wait (s)"), tr("Delayed"),
                    tr("Turned away")};
    table.widths = {2.0, 1.1, 1.6, 1.6, 1.6, 1.6};
    table.numeric = {false, true, true, true, true, true};
    for (const auto &o : r.options) {
        if (!o.spike || o.spike->simulated == 0) {
            table.rows.push_back({ChartBase::isolated(qs(o.id)), tr("not feasible"), {}, {}, {}, {}});
            continue;
        }
        QStringList row{ChartBase::isolated(qs(o.id)), percent(o.spike->absorbedShare)};
        for (int m = 0; m < Models::SpikeMeasureCount; ++m)
            row.push_back(spikeCell(static_cast<Models::SpikeMeasure>(m), o.spike->measures[static_cast<std::size_t>(m)]));
        table.rows.push_back(row);
    }
    table.strong.assign(table.rows.size(), false);
    blocks.push_back(std::move(table));
}

} // namespace

void appendUncertaintySection(std::vector<ReportBlock> &blocks, const Models::UncertaintyResult &r, ChartSet &charts,
                              const OptionColors &colors)
{
    const QString cur = qs(r.currency);
    auto money = [&](double v) { return std::isnan(v) ? QStringLiteral("–") : ChartBase::formatMoney(v, cur); };
    blocks.push_back(text(ReportBlock::Kind::Heading, tr("Uncertainty")));
    blocks.push_back(text(ReportBlock::Kind::Paragraph,
                          tr("The scenario priced %L1 times (seed %2) with its inputs drawn from the ranges below, every "
                             "option on the same draws. P10, P50 and P90 are the monthly costs that 10%, 50% and 90% of "
                             "the draws stay under; the odds are the share of draws in which the option is the cheapest; "
                             "the regret is how much more than each draw's cheapest it costs on average.")
                              .arg(r.draws)
                              .arg(r.seed)));
    for (int i = 0; i < Models::UncertainInputCount; ++i)
        if (const auto &g = r.ranges.ranges[static_cast<std::size_t>(i)])
            blocks.push_back(text(ReportBlock::Kind::Bullet,
                                  QStringLiteral("%1: %2 / %3 / %4 (%5)")
                                      .arg(QString::fromUtf8(Models::inputTitle(static_cast<Models::UncertainInput>(i))))
                                      .arg(g->low, 0, 'g', 6)
                                      .arg(g->typical, 0, 'g', 6)
                                      .arg(g->high, 0, 'g', 6)
                                      .arg(g->distribution == Models::RangeDistribution::LogNormal ? tr("log-normal")
                                                                                                  : tr("triangular"))));
    ReportBlock table;
    table.kind = ReportBlock::Kind::Table;
    table.header = {tr("Option"), tr("Typical"), tr("P10"), tr("P50"), tr("P90"), tr("Cheapest in"), tr("Regret")};
    table.widths = {2.2, 1.2, 1.2, 1.2, 1.2, 1.3, 1.1};
    table.numeric = {false, true, true, true, true, true, true};
    for (const auto &o : r.options) {
        table.rows.push_back({ChartBase::isolated(qs(o.id)), money(o.typical), money(o.p10), money(o.p50), money(o.p90),
                              percent(o.probabilityCheapest) + QStringLiteral(" ± ") + percent(o.probabilityCheapestError),
                              money(o.expectedRegret)});
    }
    table.strong.assign(table.rows.size(), false);
    blocks.push_back(std::move(table));
    appendSpikeSpread(blocks, r);

    auto *band = charts.add<UncertaintyChart>();
    band->setResult(r);
    blocks.push_back(chartBlock(band, tr("Monthly cost per option, P10 to P90, and the odds of being the cheapest"), colors,
                                660, 340));
    for (const Models::Tornado *t : {&r.chosenCost, &r.difference}) {
        if (t->bars.empty())
            continue;
        auto *tornado = charts.add<TornadoChart>();
        tornado->setTornado(*t, r.currency);
        blocks.push_back(chartBlock(tornado, tr("Tornado: %1, each input from its low to its high").arg(qs(t->subject)),
                                    colors, 660, 80 + 46 * static_cast<int>(t->bars.size())));
    }
}

} // namespace Costscape::Ui
