// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/reportbuilder.h"

#include "base/textformat.h"
#include "report/chartset.h"
#include "ui/charts/commitmentcurvechart.h"

#include "ui/charts/hourlychart.h"
#include "ui/charts/monthlycostchart.h"
#include "ui/charts/packingchart.h"
#include "ui/charts/profilechart.h"
#include "ui/charts/trafficchart.h"
#include "ui/itemmodels/lineitemmodel.h"
#include "ui/uitext.h"

#include "models/platforms/platformmodel.h"
#include "models/scenario/workload.h"
#include "models/trafficsweep.h"

#include <QLocale>

#include <algorithm>
#include <utility>

namespace Costscape::Ui {

namespace {

/**
 * Text from the scenario or the price sheet (ids, names, summaries, warnings), isolated when it
 * holds right-to-left letters or bidirectional controls (ChartBase::isolated): an id with U+202E
 * must not reorder the sentence or the table row it stands in, in the PDF or the HTML.
 */
QString us(const std::string &text)
{
    return ChartBase::isolated(qs(text));
}

/** English digits and grouping, whatever the user's locale: the figures must match the CLI's. */
/** A figure with up to decimals decimals, grouped, trailing zeros dropped: "1,234.5", "16". */
QString number(double value, int decimals)
{
    return trimZeros(qs(Text::grouped(value, decimals)));
}

QString rate(double perSecond)
{
    return qs(Models::formatRate(perSecond));
}

constexpr int ChartWidth = 660;
constexpr int ChartHeight = 360;

} // namespace

ReportBuilder::ReportBuilder(const Models::Scenario &scenario, const Models::Evaluation &evaluation,
                             const Models::TrafficSweep &sweep, const QDateTime &created, ChartSet &charts,
                             const OptionColors &colors)
    : m_scenario(scenario)
    , m_evaluation(evaluation)
    , m_sweep(sweep)
    , m_created(created)
    , m_charts(charts)
    , m_colors(colors)
    , m_currency(us(evaluation.prices.currency))
{
}

std::vector<ReportBlock> ReportBuilder::build()
{
    titlePage();
    workload();
    monthly();
    traffic();
    hourly();
    packing();
    commitments();
    spike();
    lineItems();
    warnings();
    assumptions();
    return std::move(m_blocks);
}

void ReportBuilder::add(ReportBlock::Kind kind, const QString &text)
{
    ReportBlock b;
    b.kind = kind;
    b.text = text;
    m_blocks.push_back(std::move(b));
}

void ReportBuilder::table(QStringList header, std::vector<QStringList> rows, std::vector<double> widths,
                          std::vector<bool> numeric, std::vector<bool> strong)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Table;
    b.header = std::move(header);
    b.rows = std::move(rows);
    b.widths = std::move(widths);
    b.numeric = std::move(numeric);
    b.strong = std::move(strong);
    b.strong.resize(b.rows.size(), false);
    m_blocks.push_back(std::move(b));
}

void ReportBuilder::chart(ChartBase *c, const QString &description, int width, int height)
{
    c->setOptionColors(m_colors);
    ChartSet::prepare(c, width, height);
    ReportBlock b;
    b.kind = ReportBlock::Kind::Chart;
    b.text = description;
    b.chart = c;
    b.width = width;
    b.height = height;
    m_blocks.push_back(std::move(b));
}

QString ReportBuilder::money(double value) const
{
    // The line-item table's money (lineitemmodel.h), so the report's totals read as on screen.
    return formatMoney(value, m_currency);
}

const Models::OptionSpec *ReportBuilder::spec(const std::string &id) const
{
    for (const Models::OptionSpec &o : m_scenario.options)
        if (o.id == id)
            return &o;
    return nullptr;
}

void ReportBuilder::titlePage()
{
    const auto &p = m_evaluation.prices;
    const QString name = m_evaluation.scenario.empty() ? tr("Untitled scenario") : us(m_evaluation.scenario);
    add(ReportBlock::Kind::Title, tr("Cost report: %1").arg(name));
    const QString retrieved = p.retrieved.empty() ? tr("not stated") : us(p.retrieved);
    table({tr("Item"), tr("Value")},
          {{tr("Scenario"), name},
           {tr("Region"), us(m_evaluation.region)},
           {tr("Report date"), QLocale::c().toString(m_created, QStringLiteral("yyyy-MM-dd HH:mm"))},
           {tr("Hours per month"), number(m_evaluation.hoursPerMonth, 2)},
           {tr("Price sheet"), us(p.name)},
           {tr("Price source"), us(p.source)},
           {tr("Prices retrieved"), retrieved},
           {tr("Currency"), m_currency},
           {tr("Price sheet file"), p.file.empty() ? tr("embedded") : us(p.file)}},
          {1, 3}, {false, false});

    add(ReportBlock::Kind::Heading, tr("Summary"));
    const int cheapest = m_evaluation.cheapestIndex();
    std::vector<QStringList> rows;
    std::vector<bool> strong;
    for (std::size_t i = 0; i < m_evaluation.options.size(); ++i) {
        const Models::OptionResult &o = m_evaluation.options[i];
        QString status = o.feasible ? tr("feasible") : tr("cannot serve the workload");
        if (static_cast<int>(i) == cheapest)
            status = tr("cheapest");
        // An unpriced option (a fleet too large to give) has no figure: its 0 is not a price.
        rows.push_back({us(o.id), us(Models::platformTitle(o.platform)), us(o.summary),
                        o.priced ? money(o.monthlyCost) : tr("not priced"), status});
        strong.push_back(static_cast<int>(i) == cheapest);
    }
    table({tr("Option"), tr("Platform"), tr("What"), tr("Monthly cost"), tr("Status")}, std::move(rows),
          {1.2, 1.1, 2.6, 1.1, 1.2}, {false, false, false, true, false}, std::move(strong));
    if (cheapest >= 0) {
        const auto &o = m_evaluation.options[static_cast<std::size_t>(cheapest)];
        add(ReportBlock::Kind::Paragraph, tr("The cheapest option that can serve the workload is %1 (%2) at %3 a month.")
                                              .arg(us(o.id), us(Models::platformTitle(o.platform)), money(o.monthlyCost)));
    } else if (!m_evaluation.options.empty()) {
        add(ReportBlock::Kind::Warning, tr("No option can serve the workload as described."));
    } else {
        add(ReportBlock::Kind::Paragraph, tr("The scenario has no option to price."));
    }
    add(ReportBlock::Kind::Paragraph, tr("Monthly costs are the unrounded sums of the line items, shown to the cent, "
                                         "at the list prices of the sheet above (retrieved %1).")
                                          .arg(retrieved));
    add(ReportBlock::Kind::PageBreak, {});
}

void ReportBuilder::workload()
{
    add(ReportBlock::Kind::Heading, tr("Workload"));
    const Models::Workload &w = m_scenario.workload;
    const auto plan = Models::HourlyPlan::build(w.requests, m_scenario.hoursPerMonth);
    const double average = m_scenario.hoursPerMonth > 0 ? plan.requestsPerMonth() / (m_scenario.hoursPerMonth * 3600) : 0;
    QString shape;
    switch (w.requests.kind) {
    case Models::RequestModel::Kind::PerMonth: shape = tr("a monthly total, spread evenly"); break;
    case Models::RequestModel::Kind::PerSecond: shape = tr("a constant rate"); break;
    case Models::RequestModel::Kind::Hourly:
        shape = tr("an hourly profile of %1 values").arg(w.requests.perSecondHourly.size());
        break;
    }
    add(ReportBlock::Kind::Paragraph,
        tr("%1 requests a month (%2); average %3 requests/s, busiest hour %4 requests/s. One request runs "
           "%5 ms and needs %6 MB of memory.")
            .arg(number(plan.requestsPerMonth(), 0), shape, rate(average), rate(plan.peakRate()),
                 number(w.durationMs, 3), number(w.memoryMb, 1)));
    if (w.spike)
        add(ReportBlock::Kind::Paragraph, tr("Traffic spike: from %1 to %2 requests/s over a ramp of %3 s, held for %4 s.")
                                              .arg(rate(w.spike->fromPerSecond), rate(w.spike->toPerSecond),
                                                   number(w.spike->rampSeconds, 1), number(w.spike->holdSeconds, 1)));
    if (!m_evaluation.ratePerSecond.empty()) {
        auto *profile = m_charts.add<ProfileChart>();
        profile->setReadOnly(true);
        profile->setProfile(m_evaluation.ratePerSecond);
        chart(profile, tr("Requests per second, hour by hour"), ChartWidth, 300);
    }
}

void ReportBuilder::monthly()
{
    add(ReportBlock::Kind::Heading, tr("Monthly cost per option"));
    auto *c = m_charts.add<MonthlyCostChart>();
    c->setSeries(Models::monthlySeries(m_evaluation));
    chart(c, tr("Monthly cost per option, stacked by line item"), ChartWidth, ChartHeight);
}

void ReportBuilder::traffic()
{
    add(ReportBlock::Kind::Heading, tr("Cost against traffic"));
    if (m_sweep.factors.empty()) {
        add(ReportBlock::Kind::Paragraph, tr("The traffic sweep could not be computed for this scenario."));
        return;
    }
    add(ReportBlock::Kind::Paragraph, tr("Each option's monthly cost with the workload scaled from %1x to %2x "
                                         "(durations, memory and fixed fleets unchanged).")
                                          .arg(number(m_sweep.factors.front(), 2), number(m_sweep.factors.back(), 2)));
    auto *c = m_charts.add<TrafficChart>();
    c->setSweep(m_sweep);
    // Issue 16: a report shows each committed option on demand as well (dashed), as the window can.
    c->setShowWithoutCommitment(m_sweep.hasCommitments());
    chart(c, tr("Monthly cost against the average request rate, logarithmic axes"), ChartWidth, ChartHeight);
    for (const QString &sentence : TrafficChart::describe(m_sweep)) // ids isolated by describe()
        add(ReportBlock::Kind::Bullet, sentence);
    if (m_sweep.hasCommitments())
        add(ReportBlock::Kind::Bullet, tr("Dashed lines: the options with a commitment priced on demand, their "
                                          "commitment removed; the solid line of the same colour includes it."));
    if (!m_sweep.breakEvens.empty()) {
        std::vector<QStringList> rows;
        for (const auto &b : m_sweep.breakEvens)
            rows.push_back({rate(b.averageRate), number(b.factor, 3) + QStringLiteral("x"),
                            b.below.empty() ? tr("none") : us(b.below), b.above.empty() ? tr("none") : us(b.above),
                            money(b.cost)});
        table({tr("Requests/s (monthly average)"), tr("Traffic"), tr("Cheapest below"), tr("Cheapest above"),
               tr("Monthly cost there")},
              std::move(rows), {1.4, 0.8, 1.3, 1.3, 1.2}, {true, true, false, false, true});
    }
}

void ReportBuilder::hourly()
{
    add(ReportBlock::Kind::Heading, tr("Hour by hour"));
    auto *c = m_charts.add<HourlyChart>();
    c->setSeries(Models::hourlySeries(m_evaluation));
    chart(c, tr("Fleet size and cost of each hour per option"), ChartWidth, 520);
    if (!c->note().isEmpty())
        add(ReportBlock::Kind::Paragraph, c->note());
}

void ReportBuilder::packing()
{
    const auto series = Models::packingSeries(m_evaluation);
    for (std::size_t i = 0; i < series.size(); ++i) {
        const Models::PackingSeries &s = series[i];
        add(ReportBlock::Kind::Heading, tr("ECS packing: %1").arg(us(s.id)));
        auto *c = m_charts.add<PackingChart>();
        c->setSeries({s});
        chart(c, tr("Tasks packed onto instances at the busiest hour"), ChartWidth, 460);
        if (!c->captionText().isEmpty())
            add(ReportBlock::Kind::Paragraph, c->captionText());
        std::vector<QStringList> rows;
        auto row = [&](const Models::PackingSeries::Fleet &f, const QString &name) {
            rows.push_back({name, QString::number(f.instances), ChartBase::formatMoney(f.hourlyCost, m_currency, -1),
                            money(f.hourlyCost * s.hoursPerMonth),
                            number(f.cpuUtilisation * 100, 1) + QStringLiteral("%"),
                            number(f.memoryUtilisation * 100, 1) + QStringLiteral("%"),
                            number(f.strandedCpuUnits, 0), number(f.strandedMemoryMb, 0)});
        };
        if (s.hasScheduler)
            row(s.scheduler, tr("ECS scheduler (%1)").arg(us(s.scheduler.strategy)));
        row(s.optimised, tr("optimised"));
        table({tr("Fleet"), tr("Instances"), tr("Per hour"), tr("This fleet all month"), tr("CPU used"),
               tr("Memory used"), tr("Stranded CPU units"), tr("Stranded MB")},
              std::move(rows), {1.6, 0.8, 0.9, 1.1, 0.8, 0.8, 0.9, 0.9},
              {false, true, true, true, true, true, true, true});
        if (s.hasLowerBound())
            add(ReportBlock::Kind::Paragraph, tr("Lower bound (LP relaxation): %1 per hour.").arg(ChartBase::formatMoney(s.lowerBoundHourly, m_currency, -1)));
    }
}

void ReportBuilder::commitments()
{
    // Issue 16: what Savings Plans and reservations did to each option that has them.
    std::vector<QStringList> rows;
    for (const Models::OptionResult &o : m_evaluation.options) {
        if (!o.commitment)
            continue;
        const Models::CommitmentSummary &c = *o.commitment;
        QStringList what;
        for (const Models::AppliedCommitment &a : c.commitments)
            what << tr("%1: %2%3")
                        .arg(us(a.spec.title()),
                             a.spec.isReservation() ? tr("%1 reserved").arg(number(a.amount, 0))
                                                    : tr("%1/hour").arg(money(a.amount)),
                             a.optimal ? tr(" (optimal)") : QString());
        rows.push_back({us(o.id), what.join(QStringLiteral("; ")), money(c.onDemandMonthly), money(c.effectiveMonthly),
                        money(c.upfrontMonthly), tr("%1%").arg(number(100 * c.coverage, 0)),
                        tr("%1%").arg(number(100 * c.utilisation, 0)), money(c.unusedMonthly),
                        c.breakEvenMonth ? tr("month %1").arg(*c.breakEvenMonth) : tr("none")});
    }
    if (rows.empty())
        return;
    add(ReportBlock::Kind::Heading, tr("Commitments"));
    add(ReportBlock::Kind::Paragraph, tr("Savings Plans and Reserved Instances applied hour by hour to each option's own "
                                         "hourly usage (instance-hours, Fargate's vCPU-hours and GB-hours, or Lambda's duration "
                                         "GB-seconds): reservations first, "
                                         "then EC2 Instance and Compute Savings Plans; "
                                         "usage above them is billed on demand. Costs are those of the covered usage, "
                                         "upfront payments amortised over the term."));
    table({tr("Option"), tr("Commitment"), tr("On-demand"), tr("With it"), tr("Of which upfront"), tr("Coverage"),
           tr("Utilisation"), tr("Unused"), tr("Break-even")},
          std::move(rows), {0.9, 2.4, 0.8, 0.8, 0.8, 0.7, 0.7, 0.7, 0.7},
          {false, false, true, true, true, true, true, true, true});
    // The curve of cost against the commitment level, with the optimum and the applied level.
    auto *curve = m_charts.add<CommitmentCurveChart>();
    curve->setEvaluation(m_evaluation);
    chart(curve, curve->captionText(), ChartWidth, ChartHeight);
}

void ReportBuilder::spike()
{
    const auto &spike = m_scenario.workload.spike;
    if (!spike)
        return;
    add(ReportBlock::Kind::Heading, tr("Traffic spike"));
    add(ReportBlock::Kind::Paragraph, tr("From %1 to %2 requests/s over a ramp of %3 s, held for %4 s: how long each "
                                         "option takes to keep up, the requests that wait or are turned away, and what "
                                         "keeping enough capacity warm would add to the month.")
                                          .arg(rate(spike->fromPerSecond), rate(spike->toPerSecond),
                                               number(spike->rampSeconds, 1), number(spike->holdSeconds, 1)));
    std::vector<QStringList> rows;
    for (const Models::OptionResult &o : m_evaluation.options) {
        if (!o.scaling) {
            rows.push_back({us(o.id), o.feasible ? tr("not simulated") : tr("cannot serve the workload"), {}, {}, {}, {}, {}});
            continue;
        }
        const Models::ScalingResult &r = *o.scaling;
        const QString meet = r.secondsToMeetDemand < 0 ? tr("never") : tr("%1 s").arg(number(r.secondsToMeetDemand, 1));
        const QString warm = r.warmMinimum < 0 ? tr("none would")
                                               : tr("%1 %2 (+%3/month)")
                                                     .arg(number(r.warmMinimum, 2), us(r.warmUnit), money(r.warmExtraMonthlyCost));
        rows.push_back({us(o.id), meet, number(r.requestsDelayed, 0), number(r.requestsRejected, 0),
                        number(r.peakBacklog, 0), tr("%1 s").arg(number(r.maxDelaySeconds, 1)), warm});
    }
    table({tr("Option"), tr("Keeps up after"), tr("Requests delayed"), tr("Requests rejected"), tr("Peak backlog"),
           tr("Longest wait"), tr("Warm minimum")},
          std::move(rows), {1.2, 0.9, 0.9, 0.9, 0.9, 0.8, 1.6}, {false, true, true, true, true, true, false});
    for (const Models::OptionResult &o : m_evaluation.options) {
        if (!o.scaling)
            continue;
        for (const std::string &n : o.scaling->notes)
            add(ReportBlock::Kind::Bullet, tr("%1: %2").arg(us(o.id), us(n)));
    }
    add(ReportBlock::Kind::Subheading, tr("Spike assumptions"));
    // Options of a platform share most figures: one row per figure, naming every option using it.
    std::vector<QStringList> assumptions;
    for (const Models::OptionResult &o : m_evaluation.options) {
        if (!o.scaling)
            continue;
        for (const Models::ScalingAssumption &a : o.scaling->assumptions) {
            const QString value = number(a.value, 3) + (a.unit.empty() ? QString() : QStringLiteral(" ") + us(a.unit))
                + (a.overridden ? tr(" (set in the scenario)") : QString());
            QStringList row{us(o.id), us(a.label), value, us(a.source)};
            auto same = std::find_if(assumptions.begin(), assumptions.end(), [&](const QStringList &r) {
                return r[1] == row[1] && r[2] == row[2] && r[3] == row[3];
            });
            if (same != assumptions.end())
                (*same)[0] += QStringLiteral(", ") + row[0];
            else
                assumptions.push_back(row);
        }
    }
    table({tr("Options"), tr("Assumption"), tr("Value"), tr("Source")}, std::move(assumptions), {1.1, 1.5, 0.9, 2.6},
          {false, false, true, false});
}

void ReportBuilder::lineItems()
{
    add(ReportBlock::Kind::Heading, tr("Line items"));
    // The same model and formatting as the table on screen.
    LineItemModel model;
    model.setEvaluation(m_evaluation);
    // The model's rows of each option, found in one pass (not one pass per option).
    std::vector<std::vector<int>> rowsOf(m_evaluation.options.size());
    for (int r = 0; r < model.rowCount(); ++r) {
        const int option = model.data(model.index(r, 0), LineItemModel::OptionIndexRole).toInt();
        if (option >= 0 && static_cast<std::size_t>(option) < rowsOf.size())
            rowsOf[static_cast<std::size_t>(option)].push_back(r);
    }
    for (std::size_t i = 0; i < m_evaluation.options.size(); ++i) {
        const Models::OptionResult &o = m_evaluation.options[i];
        add(ReportBlock::Kind::Subheading, tr("%1 (%2): %3").arg(us(o.id), us(Models::platformTitle(o.platform)), us(o.summary)));
        if (!o.feasible)
            add(ReportBlock::Kind::Warning, tr("Cannot serve the workload: %1")
                                                .arg(o.warnings.empty() ? tr("no reason given") : us(o.warnings.front())));
        if (!o.priced) {
            // No bill was drawn up: a table of nothing would end in a total of $0.00.
            add(ReportBlock::Kind::Paragraph, tr("Not priced: no bill can be drawn up for this option (the reason is above)."));
            continue;
        }
        std::vector<QStringList> rows;
        std::vector<bool> strong;
        for (const int r : rowsOf[i]) {
            QStringList cells;
            for (int c = LineItemModel::LineColumn; c < LineItemModel::ColumnCount; ++c)
                cells.push_back(ChartBase::isolated(model.data(model.index(r, c)).toString()));
            rows.push_back(cells);
            strong.push_back(model.isTotalRow(r));
        }
        QStringList header;
        for (int c = LineItemModel::LineColumn; c < LineItemModel::ColumnCount; ++c)
            header.push_back(model.headerData(c, Qt::Horizontal).toString());
        table(header, std::move(rows), {1.1, 1.1, 1.0, 1.1, 0.9, 2.4}, {false, true, false, true, true, false},
              std::move(strong));
    }
}

void ReportBuilder::warnings()
{
    add(ReportBlock::Kind::Heading, tr("Feasibility and warnings"));
    bool any = false;
    for (const Models::OptionResult &o : m_evaluation.options) {
        for (std::size_t w = 0; w < o.warnings.size(); ++w) {
            any = true;
            const bool reason = !o.feasible && w == 0;
            add(reason ? ReportBlock::Kind::Warning : ReportBlock::Kind::Bullet,
                (reason ? tr("%1 cannot serve the workload: %2") : tr("%1: %2")).arg(us(o.id), us(o.warnings[w])));
        }
    }
    if (!any)
        add(ReportBlock::Kind::Paragraph, tr("Every option can serve the workload; there are no warnings."));
}

void ReportBuilder::assumptions()
{
    add(ReportBlock::Kind::Heading, tr("Assumptions and sources"));
    const auto &p = m_evaluation.prices;
    std::vector<QStringList> rows;
    rows.push_back({tr("Prices"), tr("%1 (%2), retrieved %3").arg(us(p.name), m_currency,
                                                                   p.retrieved.empty() ? tr("not stated") : us(p.retrieved)),
                    us(p.source)});
    rows.push_back({tr("Hours per month"), number(m_evaluation.hoursPerMonth, 2),
                    tr("the scenario; AWS's calculator uses 730 (8760 / 12)")});
    rows.push_back({tr("Fleet sizing"), tr("concurrency = request rate x duration (Little's law); "
                                           "units = max(minimum, ceil(concurrency / (capacity x target utilisation)))"),
                    tr("Costscape's model, README \"What it prices, and how\"")});
    for (const Models::OptionResult &r : m_evaluation.options) {
        const Models::OptionSpec *o = spec(r.id);
        if (!o)
            continue;
        const QString id = us(o->id);
        for (const Models::BillingRule &rule : Models::platformModel(o->platform()).billingRules(*o, m_evaluation.prices.currency))
            rows.push_back({id + QStringLiteral(": ") + us(rule.label), us(rule.value), us(rule.source)});
    }
    table({tr("Assumption"), tr("Value"), tr("Source")}, std::move(rows), {1.3, 2.6, 2.0}, {false, false, false});
}
} // namespace Costscape::Ui
