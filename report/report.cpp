// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report.h"
#include "ui/uitext.h"

#include "ui/charts/hourlychart.h"
#include "ui/itemmodels/lineitemmodel.h"
#include "ui/charts/monthlycostchart.h"
#include "ui/charts/packingchart.h"
#include "ui/charts/profilechart.h"
#include "ui/charts/trafficchart.h"

#include "models/evaluator.h"
#include "models/platforms/platformmodel.h"
#include "output/resultformat.h"
#include "models/trafficsweep.h"
#include "models/scenario/workload.h"

#include <QApplication>
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLayout>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPalette>
#include <QPdfWriter>
#include <QPixmap>
#include <QResizeEvent>
#include <QSaveFile>
#include <QThread>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <vector>

namespace Costscape::Ui {

namespace {


QString tr(const char *text)
{
    return QCoreApplication::translate("Costscape::Ui::Report", text);
}

/** English digits and grouping, whatever the user's locale: the figures must match the CLI's. */
QString number(double value, int decimals)
{
    static const QLocale locale = [] {
        QLocale l = QLocale::c();
        l.setNumberOptions(QLocale::DefaultNumberOptions);
        return l;
    }();
    return trimZeros(locale.toString(value, 'f', decimals));
}

QString rate(double perSecond)
{
    return qs(Models::formatRate(perSecond));
}

/**
 * The PDF's text font, unshaped: "traffic" drawn with an "ffi" ligature would come out of a PDF
 * reader's copy and search (and pdftotext) as one odd character. Latin text needs no shaping.
 */
QFont reportFont(double points, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

/** One piece of the report; the PDF and the HTML writer both walk the same list. */
struct Block {
    enum class Kind {
        Title,
        Heading,
        Subheading,
        Paragraph,
        Warning,
        Bullet,
        Table,
        Chart,
        PageBreak,
    };
    Kind kind = Kind::Paragraph;
    QString text; ///< text, or a chart's description (the HTML alt text)

    // Tables.
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<bool> strong;     ///< per row: a total, set in bold
    std::vector<double> widths;   ///< per column, relative
    std::vector<bool> numeric;    ///< per column: right-aligned

    // Charts.
    ChartBase *chart = nullptr;
    int width = 0;  ///< logical size the chart is laid out at
    int height = 0;
};

/** The charts of one rendering: the window's own chart classes, hidden, on a print palette. */
class ChartSet final
{
public:
    template <class C>
    C *add()
    {
        auto chart = std::make_unique<C>();
        C *raw = chart.get();
        // Paper is white whatever theme the window uses.
        QPalette palette = raw->palette();
        for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
            palette.setColor(group, QPalette::Window, Qt::white);
            palette.setColor(group, QPalette::Base, Qt::white);
            palette.setColor(group, QPalette::WindowText, Qt::black);
            palette.setColor(group, QPalette::Text, Qt::black);
            palette.setColor(group, QPalette::Mid, QColor(0xb0, 0xb0, 0xb0));
        }
        raw->setPalette(palette);
        m_charts.push_back(std::move(chart));
        return raw;
    }

    /** Lays @p chart out at its report size so that legends and ticks fit that size. */
    static void prepare(ChartBase *chart, int width, int height)
    {
        // Laid out without being shown (showing a window on the offscreen platform only adds
        // warnings): the layout places the plot, and the resize events it would have had set the
        // plot's viewport and reflow the legend.
        chart->resize(width, height);
        if (QLayout *layout = chart->layout())
            layout->activate();
        QResizeEvent plotResize(chart->plot()->size(), QSize());
        QCoreApplication::sendEvent(chart->plot(), &plotResize);
        QResizeEvent chartResize(chart->size(), QSize());
        QCoreApplication::sendEvent(chart, &chartResize);
        chart->plot()->replot();
    }

private:
    std::vector<std::unique_ptr<ChartBase>> m_charts;
};

constexpr int ChartWidth = 660;
constexpr int ChartHeight = 360;

class ReportBuilder final
{
public:
    ReportBuilder(const Models::Scenario &scenario, const Models::Evaluation &evaluation,
                  const Models::TrafficSweep &sweep, const QDateTime &created, ChartSet &charts)
        : m_scenario(scenario)
        , m_evaluation(evaluation)
        , m_sweep(sweep)
        , m_created(created)
        , m_charts(charts)
        , m_currency(qs(evaluation.prices.currency))
    {
    }

    std::vector<Block> build()
    {
        titlePage();
        workload();
        monthly();
        traffic();
        hourly();
        packing();
        spike();
        lineItems();
        warnings();
        assumptions();
        return std::move(m_blocks);
    }

private:
    void add(Block::Kind kind, const QString &text)
    {
        Block b;
        b.kind = kind;
        b.text = text;
        m_blocks.push_back(std::move(b));
    }
    void table(QStringList header, std::vector<QStringList> rows, std::vector<double> widths,
               std::vector<bool> numeric, std::vector<bool> strong = {})
    {
        Block b;
        b.kind = Block::Kind::Table;
        b.header = std::move(header);
        b.rows = std::move(rows);
        b.widths = std::move(widths);
        b.numeric = std::move(numeric);
        b.strong = std::move(strong);
        b.strong.resize(b.rows.size(), false);
        m_blocks.push_back(std::move(b));
    }
    void chart(ChartBase *c, const QString &description, int width = ChartWidth, int height = ChartHeight)
    {
        ChartSet::prepare(c, width, height);
        Block b;
        b.kind = Block::Kind::Chart;
        b.text = description;
        b.chart = c;
        b.width = width;
        b.height = height;
        m_blocks.push_back(std::move(b));
    }
    QString money(double value) const { return formatMoney(value, m_currency); }

    const Models::OptionSpec *spec(const std::string &id) const
    {
        for (const Models::OptionSpec &o : m_scenario.options)
            if (o.id == id)
                return &o;
        return nullptr;
    }

    void titlePage()
    {
        const auto &p = m_evaluation.prices;
        const QString name = m_evaluation.scenario.empty() ? tr("Untitled scenario") : qs(m_evaluation.scenario);
        add(Block::Kind::Title, tr("Cost report: %1").arg(name));
        const QString retrieved = p.retrieved.empty() ? tr("not stated") : qs(p.retrieved);
        table({tr("Item"), tr("Value")},
              {{tr("Scenario"), name},
               {tr("Region"), qs(m_evaluation.region)},
               {tr("Report date"), QLocale::c().toString(m_created, QStringLiteral("yyyy-MM-dd HH:mm"))},
               {tr("Hours per month"), number(m_evaluation.hoursPerMonth, 2)},
               {tr("Price sheet"), qs(p.name)},
               {tr("Price source"), qs(p.source)},
               {tr("Prices retrieved"), retrieved},
               {tr("Currency"), m_currency},
               {tr("Price sheet file"), p.file.empty() ? tr("embedded") : qs(p.file)}},
              {1, 3}, {false, false});

        add(Block::Kind::Heading, tr("Summary"));
        const int cheapest = m_evaluation.cheapestIndex();
        std::vector<QStringList> rows;
        std::vector<bool> strong;
        for (std::size_t i = 0; i < m_evaluation.options.size(); ++i) {
            const Models::OptionResult &o = m_evaluation.options[i];
            QString status = o.feasible ? tr("feasible") : tr("cannot serve the workload");
            if (static_cast<int>(i) == cheapest)
                status = tr("cheapest");
            rows.push_back({qs(o.id), qs(Models::platformTitle(o.platform)), qs(o.summary), money(o.monthlyCost), status});
            strong.push_back(static_cast<int>(i) == cheapest);
        }
        table({tr("Option"), tr("Platform"), tr("What"), tr("Monthly cost"), tr("Status")}, std::move(rows),
              {1.2, 1.1, 2.6, 1.1, 1.2}, {false, false, false, true, false}, std::move(strong));
        if (cheapest >= 0) {
            const auto &o = m_evaluation.options[static_cast<std::size_t>(cheapest)];
            add(Block::Kind::Paragraph, tr("The cheapest option that can serve the workload is %1 (%2) at %3 a month.")
                                            .arg(qs(o.id), qs(Models::platformTitle(o.platform)), money(o.monthlyCost)));
        } else if (!m_evaluation.options.empty()) {
            add(Block::Kind::Warning, tr("No option can serve the workload as described."));
        } else {
            add(Block::Kind::Paragraph, tr("The scenario has no option to price."));
        }
        add(Block::Kind::Paragraph, tr("Monthly costs are the unrounded sums of the line items, shown to the cent, "
                                       "at the list prices of the sheet above (retrieved %1).")
                                        .arg(retrieved));
        add(Block::Kind::PageBreak, {});
    }

    void workload()
    {
        add(Block::Kind::Heading, tr("Workload"));
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
        add(Block::Kind::Paragraph,
            tr("%1 requests a month (%2); average %3 requests/s, busiest hour %4 requests/s. One request runs "
               "%5 ms and needs %6 MB of memory.")
                .arg(number(plan.requestsPerMonth(), 0), shape, rate(average), rate(plan.peakRate()),
                     number(w.durationMs, 3), number(w.memoryMb, 1)));
        if (w.spike)
            add(Block::Kind::Paragraph, tr("Traffic spike: from %1 to %2 requests/s over a ramp of %3 s, held for %4 s.")
                                            .arg(rate(w.spike->fromPerSecond), rate(w.spike->toPerSecond),
                                                 number(w.spike->rampSeconds, 1), number(w.spike->holdSeconds, 1)));
        if (!m_evaluation.ratePerSecond.empty()) {
            auto *profile = m_charts.add<ProfileChart>();
            profile->setReadOnly(true);
            profile->setProfile(m_evaluation.ratePerSecond);
            chart(profile, tr("Requests per second, hour by hour"), ChartWidth, 300);
        }
    }

    void monthly()
    {
        add(Block::Kind::Heading, tr("Monthly cost per option"));
        auto *c = m_charts.add<MonthlyCostChart>();
        c->setSeries(Models::monthlySeries(m_evaluation));
        chart(c, tr("Monthly cost per option, stacked by line item"));
    }

    void traffic()
    {
        add(Block::Kind::Heading, tr("Cost against traffic"));
        if (m_sweep.factors.empty()) {
            add(Block::Kind::Paragraph, tr("The traffic sweep could not be computed for this scenario."));
            return;
        }
        add(Block::Kind::Paragraph, tr("Each option's monthly cost with the workload scaled from %1x to %2x "
                                       "(durations, memory and fixed fleets unchanged).")
                                        .arg(number(m_sweep.factors.front(), 2), number(m_sweep.factors.back(), 2)));
        auto *c = m_charts.add<TrafficChart>();
        c->setSweep(m_sweep);
        chart(c, tr("Monthly cost against the average request rate, logarithmic axes"));
        for (const std::string &s : m_sweep.sentences)
            add(Block::Kind::Bullet, qs(s));
        if (!m_sweep.breakEvens.empty()) {
            std::vector<QStringList> rows;
            for (const auto &b : m_sweep.breakEvens)
                rows.push_back({rate(b.averageRate), number(b.factor, 3) + QStringLiteral("x"),
                                b.below.empty() ? tr("none") : qs(b.below), b.above.empty() ? tr("none") : qs(b.above),
                                money(b.cost)});
            table({tr("Requests/s (monthly average)"), tr("Traffic"), tr("Cheapest below"), tr("Cheapest above"),
                   tr("Monthly cost there")},
                  std::move(rows), {1.4, 0.8, 1.3, 1.3, 1.2}, {true, true, false, false, true});
        }
    }

    void hourly()
    {
        add(Block::Kind::Heading, tr("Hour by hour"));
        auto *c = m_charts.add<HourlyChart>();
        c->setSeries(Models::hourlySeries(m_evaluation));
        chart(c, tr("Fleet size and cost of each hour per option"), ChartWidth, 520);
        if (!c->note().isEmpty())
            add(Block::Kind::Paragraph, c->note());
    }

    void packing()
    {
        const auto series = Models::packingSeries(m_evaluation);
        for (std::size_t i = 0; i < series.size(); ++i) {
            const Models::PackingSeries &s = series[i];
            add(Block::Kind::Heading, tr("ECS packing: %1").arg(qs(s.id)));
            auto *c = m_charts.add<PackingChart>();
            c->setSeries({s});
            chart(c, tr("Tasks packed onto instances at the busiest hour"), ChartWidth, 460);
            if (!c->captionText().isEmpty())
                add(Block::Kind::Paragraph, c->captionText());
            std::vector<QStringList> rows;
            auto row = [&](const Models::PackingSeries::Fleet &f, const QString &name) {
                rows.push_back({name, QString::number(f.instances), ChartBase::formatMoney(f.hourlyCost, m_currency, -1),
                                money(f.hourlyCost * s.hoursPerMonth),
                                number(f.cpuUtilisation * 100, 1) + QStringLiteral("%"),
                                number(f.memoryUtilisation * 100, 1) + QStringLiteral("%"),
                                number(f.strandedCpuUnits, 0), number(f.strandedMemoryMb, 0)});
            };
            if (s.hasScheduler)
                row(s.scheduler, tr("ECS scheduler (%1)").arg(qs(s.scheduler.strategy)));
            row(s.optimised, tr("optimised"));
            table({tr("Fleet"), tr("Instances"), tr("Per hour"), tr("This fleet all month"), tr("CPU used"),
                   tr("Memory used"), tr("Stranded CPU units"), tr("Stranded MB")},
                  std::move(rows), {1.6, 0.8, 0.9, 1.1, 0.8, 0.8, 0.9, 0.9},
                  {false, true, true, true, true, true, true, true});
            if (s.hasLowerBound())
                add(Block::Kind::Paragraph, tr("Lower bound (LP relaxation): %1 per hour.").arg(ChartBase::formatMoney(s.lowerBoundHourly, m_currency, -1)));
        }
    }

    void spike()
    {
        const auto &spike = m_scenario.workload.spike;
        if (!spike)
            return;
        add(Block::Kind::Heading, tr("Traffic spike"));
        add(Block::Kind::Paragraph, tr("From %1 to %2 requests/s over a ramp of %3 s, held for %4 s: how long each "
                                       "option takes to keep up, the requests that wait or are turned away, and what "
                                       "keeping enough capacity warm would add to the month.")
                                        .arg(rate(spike->fromPerSecond), rate(spike->toPerSecond),
                                             number(spike->rampSeconds, 1), number(spike->holdSeconds, 1)));
        std::vector<QStringList> rows;
        for (const Models::OptionResult &o : m_evaluation.options) {
            if (!o.scaling) {
                rows.push_back({qs(o.id), o.feasible ? tr("not simulated") : tr("cannot serve the workload"), {}, {}, {}, {}, {}});
                continue;
            }
            const Models::ScalingResult &r = *o.scaling;
            const QString meet = r.secondsToMeetDemand < 0 ? tr("never") : tr("%1 s").arg(number(r.secondsToMeetDemand, 1));
            const QString warm = r.warmMinimum < 0 ? tr("none would")
                                                   : tr("%1 %2 (+%3/month)")
                                                         .arg(number(r.warmMinimum, 2), qs(r.warmUnit), money(r.warmExtraMonthlyCost));
            rows.push_back({qs(o.id), meet, number(r.requestsDelayed, 0), number(r.requestsRejected, 0),
                            number(r.peakBacklog, 0), tr("%1 s").arg(number(r.maxDelaySeconds, 1)), warm});
        }
        table({tr("Option"), tr("Keeps up after"), tr("Requests delayed"), tr("Requests rejected"), tr("Peak backlog"),
               tr("Longest wait"), tr("Warm minimum")},
              std::move(rows), {1.2, 0.9, 0.9, 0.9, 0.9, 0.8, 1.6}, {false, true, true, true, true, true, false});
        for (const Models::OptionResult &o : m_evaluation.options) {
            if (!o.scaling)
                continue;
            for (const std::string &n : o.scaling->notes)
                add(Block::Kind::Bullet, tr("%1: %2").arg(qs(o.id), qs(n)));
        }
        add(Block::Kind::Subheading, tr("Spike assumptions"));
        // Options of a platform share most figures: one row per figure, naming every option using it.
        std::vector<QStringList> assumptions;
        for (const Models::OptionResult &o : m_evaluation.options) {
            if (!o.scaling)
                continue;
            for (const Models::ScalingAssumption &a : o.scaling->assumptions) {
                const QString value = number(a.value, 3) + (a.unit.empty() ? QString() : QStringLiteral(" ") + qs(a.unit))
                    + (a.overridden ? tr(" (set in the scenario)") : QString());
                QStringList row{qs(o.id), qs(a.label), value, qs(a.source)};
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

    void lineItems()
    {
        add(Block::Kind::Heading, tr("Line items"));
        // The same model and formatting as the table on screen.
        LineItemModel model;
        model.setEvaluation(m_evaluation);
        for (std::size_t i = 0; i < m_evaluation.options.size(); ++i) {
            const Models::OptionResult &o = m_evaluation.options[i];
            add(Block::Kind::Subheading, tr("%1 (%2): %3").arg(qs(o.id), qs(Models::platformTitle(o.platform)), qs(o.summary)));
            if (!o.feasible)
                add(Block::Kind::Warning, tr("Cannot serve the workload: %1")
                                              .arg(o.warnings.empty() ? tr("no reason given") : qs(o.warnings.front())));
            std::vector<QStringList> rows;
            std::vector<bool> strong;
            for (int r = 0; r < model.rowCount(); ++r) {
                if (model.data(model.index(r, 0), LineItemModel::OptionIndexRole).toInt() != static_cast<int>(i))
                    continue;
                QStringList cells;
                for (int c = LineItemModel::LineColumn; c < LineItemModel::ColumnCount; ++c)
                    cells.push_back(model.data(model.index(r, c)).toString());
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

    void warnings()
    {
        add(Block::Kind::Heading, tr("Feasibility and warnings"));
        bool any = false;
        for (const Models::OptionResult &o : m_evaluation.options) {
            for (std::size_t w = 0; w < o.warnings.size(); ++w) {
                any = true;
                const bool reason = !o.feasible && w == 0;
                add(reason ? Block::Kind::Warning : Block::Kind::Bullet,
                    (reason ? tr("%1 cannot serve the workload: %2") : tr("%1: %2")).arg(qs(o.id), qs(o.warnings[w])));
            }
        }
        if (!any)
            add(Block::Kind::Paragraph, tr("Every option can serve the workload; there are no warnings."));
    }


    void assumptions()
    {
        add(Block::Kind::Heading, tr("Assumptions and sources"));
        const auto &p = m_evaluation.prices;
        std::vector<QStringList> rows;
        rows.push_back({tr("Prices"), tr("%1 (%2), retrieved %3").arg(qs(p.name), m_currency,
                                                                       p.retrieved.empty() ? tr("not stated") : qs(p.retrieved)),
                        qs(p.source)});
        rows.push_back({tr("Hours per month"), number(m_evaluation.hoursPerMonth, 2),
                        tr("the scenario; AWS's calculator uses 730 (8760 / 12)")});
        rows.push_back({tr("Fleet sizing"), tr("concurrency = request rate x duration (Little's law); "
                                               "units = max(minimum, ceil(concurrency / (capacity x target utilisation)))"),
                        tr("Costscape's model, README \"What it prices, and how\"")});
        for (const Models::OptionResult &r : m_evaluation.options) {
            const Models::OptionSpec *o = spec(r.id);
            if (!o)
                continue;
            const QString id = qs(o->id);
            for (const Models::BillingRule &rule : Models::platformModel(o->platform()).billingRules(*o, m_evaluation.prices.currency))
                rows.push_back({id + QStringLiteral(": ") + qs(rule.label), qs(rule.value), qs(rule.source)});
        }
        table({tr("Assumption"), tr("Value"), tr("Source")}, std::move(rows), {1.3, 2.6, 2.0}, {false, false, false});
    }

    const Models::Scenario &m_scenario;
    const Models::Evaluation &m_evaluation;
    const Models::TrafficSweep &m_sweep;
    QDateTime m_created;
    ChartSet &m_charts;
    QString m_currency;
    std::vector<Block> m_blocks;
};

// ---------------------------------------------------------------------------------------------
// PDF: A4 in points (72 dpi), laid out once into pages of drawing steps, then drawn with the total
// page count known.

class PdfLayout final
{
public:
    using Step = std::function<void(QCPPainter &)>;

    PdfLayout(QPaintDevice *device, double width, double height)
        : m_device(device)
        , m_width(width)
        , m_bottom(height - FooterHeight)
    {
        m_pages.emplace_back();
    }

    std::vector<std::vector<Step>> take() { return std::move(m_pages); }

    /** Places every block; a heading starts a new page rather than end one without what it introduces. */
    void placeAll(const std::vector<Block> &blocks)
    {
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            const Block &b = blocks[i];
            if (b.kind == Block::Kind::Heading || b.kind == Block::Kind::Subheading)
                ensure(std::min(keepHeight(blocks, i), m_bottom));
            place(b);
        }
    }

    void place(const Block &b)
    {
        switch (b.kind) {
        case Block::Kind::Title: text(b.text, font(18, true), 0, 12, QColor(0x20, 0x20, 0x20)); break;
        case Block::Kind::Heading:
            // A heading never ends a page: keep room for a few lines after it.
            ensure(80);
            if (m_y > 0)
                m_y += 10;
            text(b.text, font(14, true), 0, 6, Qt::black);
            break;
        case Block::Kind::Subheading:
            ensure(60);
            m_y += 6;
            text(b.text, font(10.5, true), 0, 4, Qt::black);
            break;
        case Block::Kind::Paragraph: text(b.text, font(9.5), 0, 6, Qt::black); break;
        case Block::Kind::Warning: text(b.text, font(9.5, true), 0, 6, QColor(0xa0, 0x10, 0x10)); break;
        case Block::Kind::Bullet: text(QStringLiteral("\u2022  ") + b.text, font(9.5), 10, 3, Qt::black); break;
        case Block::Kind::Table:
            if (m_y > 0)
                m_y += 4;
            table(b);
            break;
        case Block::Kind::Chart: chart(b); break;
        case Block::Kind::PageBreak: newPage(); break;
        }
    }

    static constexpr double FooterHeight = 22;

private:
    QFont font(double points, bool bold = false) const
    {
        return reportFont(points, bold);
    }

    void newPage()
    {
        if (m_pages.back().empty() && m_y == 0)
            return;
        m_pages.emplace_back();
        m_y = 0;
    }
    void ensure(double height)
    {
        if (m_y > 0 && m_y + height > m_bottom)
            newPage();
    }

    double measure(const QString &s, const QFont &f, double width) const
    {
        const QFontMetricsF metrics(f, m_device);
        return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, s).height();
    }

    void text(const QString &s, const QFont &f, double indent, double after, const QColor &color)
    {
        const double w = m_width - indent;
        const double h = measure(s, f, w);
        ensure(h);
        const QRectF rect(indent, m_y, w, h);
        m_pages.back().push_back([=](QCPPainter &p) {
            p.setFont(f);
            p.setPen(color);
            p.drawText(rect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, s);
        });
        m_y += h + after;
    }

    void chart(const Block &b)
    {
        const double scale = std::min(1.0, m_width / b.width);
        const double h = b.height * scale;
        ensure(h);
        const double x = (m_width - b.width * scale) / 2;
        const double y = m_y;
        ChartBase *c = b.chart;
        const int w = b.width, height = b.height;
        m_pages.back().push_back([=](QCPPainter &p) {
            p.save();
            p.translate(x, y);
            p.scale(scale, scale);
            p.setClipRect(QRect(0, 0, w, height));
            c->renderTo(&p, w, height);
            p.restore();
        });
        m_y += h + 8;
    }

    void table(const Block &b)
    {
        const int columns = static_cast<int>(b.header.size());
        double total = 0;
        for (int c = 0; c < columns; ++c)
            total += c < static_cast<int>(b.widths.size()) ? b.widths[static_cast<std::size_t>(c)] : 1;
        std::vector<double> x(static_cast<std::size_t>(columns) + 1, 0);
        for (int c = 0; c < columns; ++c)
            x[static_cast<std::size_t>(c) + 1] = x[static_cast<std::size_t>(c)]
                + m_width * (c < static_cast<int>(b.widths.size()) ? b.widths[static_cast<std::size_t>(c)] : 1) / total;
        const QFont body = font(8);
        const QFont bold = font(8, true);
        constexpr double Pad = 3;

        auto rowHeight = [&](const QStringList &cells, const QFont &f) {
            double h = 0;
            for (int c = 0; c < columns; ++c)
                h = std::max(h, measure(cells.value(c), f, x[static_cast<std::size_t>(c) + 1] - x[static_cast<std::size_t>(c)] - 2 * Pad));
            return h + 2 * Pad;
        };
        auto drawRow = [&](const QStringList &cells, const QFont &f, bool header, bool strong) {
            const double h = rowHeight(cells, f);
            const double y = m_y;
            const std::vector<double> xs = x;
            const std::vector<bool> numeric = b.numeric;
            const double width = m_width;
            m_pages.back().push_back([=](QCPPainter &p) {
                if (header)
                    p.fillRect(QRectF(0, y, width, h), QColor(0xe8, 0xea, 0xee));
                p.setFont(f);
                p.setPen(Qt::black);
                for (int c = 0; c < columns; ++c) {
                    const bool right = c < static_cast<int>(numeric.size()) && numeric[static_cast<std::size_t>(c)];
                    const QRectF cell(xs[static_cast<std::size_t>(c)] + Pad, y + Pad,
                                      xs[static_cast<std::size_t>(c) + 1] - xs[static_cast<std::size_t>(c)] - 2 * Pad, h - 2 * Pad);
                    p.drawText(cell, Qt::TextWordWrap | Qt::AlignTop | (right ? Qt::AlignRight : Qt::AlignLeft), cells.value(c));
                }
                p.setPen(QPen(strong ? QColor(0x40, 0x40, 0x40) : QColor(0xc8, 0xc8, 0xc8), strong ? 0.8 : 0.4));
                if (strong)
                    p.drawLine(QPointF(0, y), QPointF(width, y));
                p.drawLine(QPointF(0, y + h), QPointF(width, y + h));
            });
            m_y += h;
        };

        // The header and the first row stay together; a page break repeats the header.
        const double headerHeight = rowHeight(b.header, bold);
        ensure(headerHeight + (b.rows.empty() ? 0 : rowHeight(b.rows.front(), body)));
        drawRow(b.header, bold, true, false);
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
            const bool strong = r < b.strong.size() && b.strong[r];
            const QFont &f = strong ? bold : body;
            if (m_y + rowHeight(b.rows[r], f) > m_bottom) {
                newPage();
                drawRow(b.header, bold, true, false);
            }
            drawRow(b.rows[r], f, false, strong);
        }
        m_y += 10;
    }

    /** Height of the heading at @p first and what follows it up to its first chart or table rows. */
    double keepHeight(const std::vector<Block> &blocks, std::size_t first) const
    {
        double h = 0;
        for (std::size_t i = first; i < blocks.size() && i < first + 6; ++i) {
            const Block &b = blocks[i];
            if (i > first && (b.kind == Block::Kind::Heading || b.kind == Block::Kind::Subheading || b.kind == Block::Kind::PageBreak))
                break;
            if (b.kind == Block::Kind::Chart)
                return h + b.height * std::min(1.0, m_width / b.width);
            if (b.kind == Block::Kind::Table)
                return h + 60; // the header and the first rows
            h += measure(b.text, font(b.kind == Block::Kind::Heading ? 14 : 10), m_width) + 12;
        }
        return h;
    }

    QPaintDevice *m_device;
    double m_width;
    double m_bottom;
    double m_y = 0;
    std::vector<std::vector<Step>> m_pages;
};

// ---------------------------------------------------------------------------------------------
// HTML

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString pngDataUri(ChartBase *chart, int width, int height)
{
    // Twice the size, so the chart stays sharp on high-density screens and in print.
    const QPixmap pixmap = chart->plot()->toPixmap(width, height, 2.0);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (pixmap.isNull() || !buffer.open(QIODevice::WriteOnly) || !pixmap.save(&buffer, "PNG"))
        return {};
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

const char *const HtmlStyle = R"(
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 14px; color: #111;
       max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.8em; margin-bottom: 0.6em; }
h2 { font-size: 1.35em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05em; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.2em; font-size: 0.86em; }
th, td { text-align: left; vertical-align: top; padding: 0.3em 0.5em; border-bottom: 1px solid #ddd; }
th { background: #e8eaee; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 1.5px solid #444; }
p.warning { color: #a01010; font-weight: bold; }
figure { margin: 1em 0; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.86em; color: #555; }
.pagebreak { break-after: page; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  h2, h3 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
)";

} // namespace

Report::Report(Models::Scenario scenario, Models::Evaluation evaluation, Models::TrafficSweep sweep, QDateTime created)
    : m_scenario(std::move(scenario))
    , m_evaluation(std::move(evaluation))
    , m_sweep(std::move(sweep))
    , m_created(std::move(created))
{
}

Result<Report> Report::compute(const Models::Scenario &scenario, const Pricing::PriceSheet &sheet)
{
    auto evaluated = Models::Evaluator::evaluate(scenario, sheet);
    if (!evaluated)
        return evaluated.error();
    auto swept = Models::sweepTraffic(scenario, sheet);
    Models::TrafficSweep sweep;
    if (swept)
        sweep = std::move(swept).value();
    return Report(scenario, std::move(evaluated).value(), std::move(sweep));
}

std::optional<ReportFormat> Report::formatForFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("htm"))
        return ReportFormat::Html;
    return formatFromName(suffix);
}

std::optional<ReportFormat> Report::formatFromName(const QString &name)
{
    if (name == QLatin1String("pdf"))
        return ReportFormat::Pdf;
    if (name == QLatin1String("html"))
        return ReportFormat::Html;
    if (name == QLatin1String("csv"))
        return ReportFormat::Csv;
    if (name == QLatin1String("json"))
        return ReportFormat::Json;
    return std::nullopt;
}

QString Report::extension(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf: return QStringLiteral(".pdf");
    case ReportFormat::Html: return QStringLiteral(".html");
    case ReportFormat::Csv: return QStringLiteral(".csv");
    case ReportFormat::Json: return QStringLiteral(".json");
    }
    return {};
}

QString Report::write(ReportFormat format, const QString &fileName) const
{
    const QString shown = QDir::toNativeSeparators(fileName);
    if (fileName.isEmpty())
        return tr("Cannot write the report: no file name");
    QByteArray bytes;
    switch (format) {
    case ReportFormat::Pdf: bytes = pdf(); break;
    case ReportFormat::Html: bytes = html(); break;
    case ReportFormat::Csv: bytes = csv(); break;
    case ReportFormat::Json: bytes = json(); break;
    }
    if (bytes.isEmpty())
        return tr("Cannot write %1: the report could not be drawn").arg(shown);
    // Rendered in memory first, then written through QSaveFile: a failure leaves no partial file.
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(shown, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return tr("Cannot write %1: %2").arg(shown, file.errorString());
    return {};
}

QByteArray Report::csv() const
{
    return QByteArray::fromStdString(Models::formatCsv(m_evaluation));
}

QByteArray Report::json() const
{
    return QByteArray::fromStdString(Models::formatJson(m_evaluation));
}

QByteArray Report::pdf() const
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())
        || QThread::currentThread() != QCoreApplication::instance()->thread())
        return {};
    ChartSet charts;
    const std::vector<Block> blocks = ReportBuilder(m_scenario, m_evaluation, m_sweep, m_created, charts).build();

    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return {};
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Costscape"));
        writer.setTitle(tr("Cost report: %1").arg(qs(m_evaluation.scenario)));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 16, 18, 14),
                                         QPageLayout::Millimeter));
        // Points as the logical unit: font sizes and line widths read as they print.
        writer.setResolution(72);
        const double width = writer.width();
        const double height = writer.height();

        PdfLayout layout(&writer, width, height);
        layout.placeAll(blocks);
        const auto pages = layout.take();

        QCPPainter painter(&writer);
        if (!painter.isActive())
            return {};
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setRenderHint(QPainter::Antialiasing);
        const int count = static_cast<int>(pages.size());
        const QFont footer = reportFont(7.5);
        const QString name = qs(m_evaluation.scenario);
        for (int i = 0; i < count; ++i) {
            if (i > 0 && !writer.newPage())
                return {};
            for (const auto &step : pages[static_cast<std::size_t>(i)])
                step(painter);
            painter.setFont(footer);
            painter.setPen(QColor(0x60, 0x60, 0x60));
            const QRectF foot(0, height - PdfLayout::FooterHeight + 8, width, PdfLayout::FooterHeight - 8);
            painter.drawText(foot, Qt::AlignLeft | Qt::AlignBottom, tr("Costscape: %1").arg(name));
            painter.drawText(foot, Qt::AlignRight | Qt::AlignBottom, tr("Page %1 of %2").arg(i + 1).arg(count));
        }
        if (!painter.end())
            return {};
    }
    return bytes;
}

QByteArray Report::html() const
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())
        || QThread::currentThread() != QCoreApplication::instance()->thread())
        return {};
    ChartSet charts;
    const std::vector<Block> blocks = ReportBuilder(m_scenario, m_evaluation, m_sweep, m_created, charts).build();

    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                          "<meta charset=\"utf-8\"/>\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                          "<meta name=\"generator\" content=\"Costscape\"/>\n");
    out += QStringLiteral("<title>%1</title>\n").arg(esc(tr("Cost report: %1").arg(qs(m_evaluation.scenario))));
    out += QStringLiteral("<style>") + QString::fromLatin1(HtmlStyle) + QStringLiteral("</style>\n</head>\n<body>\n");
    bool inList = false;
    for (const Block &b : blocks) {
        if (inList && b.kind != Block::Kind::Bullet) {
            out += QStringLiteral("</ul>\n");
            inList = false;
        }
        switch (b.kind) {
        case Block::Kind::Title: out += QStringLiteral("<h1>%1</h1>\n").arg(esc(b.text)); break;
        case Block::Kind::Heading: out += QStringLiteral("<h2>%1</h2>\n").arg(esc(b.text)); break;
        case Block::Kind::Subheading: out += QStringLiteral("<h3>%1</h3>\n").arg(esc(b.text)); break;
        case Block::Kind::Paragraph: out += QStringLiteral("<p>%1</p>\n").arg(esc(b.text)); break;
        case Block::Kind::Warning: out += QStringLiteral("<p class=\"warning\">%1</p>\n").arg(esc(b.text)); break;
        case Block::Kind::Bullet:
            if (!inList)
                out += QStringLiteral("<ul>\n");
            inList = true;
            out += QStringLiteral("<li>%1</li>\n").arg(esc(b.text));
            break;
        case Block::Kind::PageBreak: out += QStringLiteral("<div class=\"pagebreak\"></div>\n"); break;
        case Block::Kind::Chart: {
            const QString uri = pngDataUri(b.chart, b.width, b.height);
            out += QStringLiteral("<figure>\n");
            if (!uri.isEmpty())
                out += QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\"/>\n")
                           .arg(uri)
                           .arg(b.width)
                           .arg(b.height)
                           .arg(esc(b.text));
            out += QStringLiteral("<figcaption>%1</figcaption>\n</figure>\n").arg(esc(b.text));
            break;
        }
        case Block::Kind::Table: {
            auto cellClass = [&](int c) {
                return c < static_cast<int>(b.numeric.size()) && b.numeric[static_cast<std::size_t>(c)]
                    ? QStringLiteral(" class=\"num\"")
                    : QString();
            };
            out += QStringLiteral("<table>\n<thead><tr>");
            for (int c = 0; c < b.header.size(); ++c)
                out += QStringLiteral("<th%1>%2</th>").arg(cellClass(c), esc(b.header[c]));
            out += QStringLiteral("</tr></thead>\n<tbody>\n");
            for (std::size_t r = 0; r < b.rows.size(); ++r) {
                out += b.strong[r] ? QStringLiteral("<tr class=\"total\">") : QStringLiteral("<tr>");
                for (int c = 0; c < b.header.size(); ++c)
                    out += QStringLiteral("<td%1>%2</td>").arg(cellClass(c), esc(b.rows[r].value(c)));
                out += QStringLiteral("</tr>\n");
            }
            out += QStringLiteral("</tbody>\n</table>\n");
            break;
        }
        }
    }
    if (inList)
        out += QStringLiteral("</ul>\n");
    out += QStringLiteral("</body>\n</html>\n");
    return out.toUtf8();
}

} // namespace Costscape::Ui
