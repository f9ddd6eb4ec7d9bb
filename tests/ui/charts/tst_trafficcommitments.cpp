// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The cost-against-traffic chart with and without commitments (issue 16): the sweep prices each
// option that has a "commitment" a second time on demand, and the chart's box adds it as a dashed
// line of the option's colour.

#include "models/evaluator.h"
#include "models/scenario/scenarioreader.h"
#include "models/trafficsweep.h"
#include "pricing/pricesheet.h"
#include "report/report.h"
#include "ui/charts/trafficchart.h"
#include "ui/mainwindow.h"
#include "ui/panels/resultspanel.h"

#include <qcustomplot.h>

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Costscape;

namespace {

// The sample's workload with options that carry commitments (examples/).
const QString Example = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api-commitments.costscape.json");

Models::Scenario exampleScenario()
{
    QFile f(Example);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = f.readAll();
    auto scenario = Models::parseScenario(std::string_view(text.constData(), std::size_t(text.size())), "example");
    return scenario ? scenario.value() : Models::Scenario{};
}

/** The scenario at `factor` times its traffic, as the sweep scales it (the example has an hourly profile). */
Models::Scenario scaled(Models::Scenario s, double factor)
{
    for (double &rate : s.workload.requests.perSecondHourly)
        rate *= factor;
    s.workload.spike.reset(); // the sweep leaves the spike out; it changes no monthly cost
    return s;
}

const Models::OptionResult *find(const Models::Evaluation &e, const std::string &id)
{
    for (const auto &o : e.options)
        if (o.id == id)
            return &o;
    return nullptr;
}

/** Legend entries (a legend grid may hold empty cells). */
int legendEntries(const QCustomPlot *p)
{
    int n = 0;
    for (int i = 0; i < p->legend->elementCount(); ++i)
        n += p->legend->item(i) ? 1 : 0;
    return n;
}

bool near(double a, double b, double relative = 1e-7)
{
    return std::abs(a - b) <= relative * std::max({1.0, std::abs(a), std::abs(b)});
}

// Five points, 0.1x to 10x: factor 1 and 10 come out exactly (trafficsweep.h).
constexpr int Points = 5;
constexpr double MinFactor = 0.1;
constexpr double MaxFactor = 10;

} // namespace

class TestTrafficCommitments final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sweep_pricesCommittedOptionsBothWays();
    void sweep_differenceIsTheEvaluatorsAtEveryScale();
    void sweep_handWorked_ec2ComputeSavingsPlan();
    void sweep_copiesNeverTakePartInTheCheapest();
    void chart_toggleAddsOneDashedGraphPerCommittedOption();
    void chart_withoutCommitments_hidesTheBox();
    void report_drawsBothAndSaysSo();
    void window_viewMenuFollowsTheBoxAndIsRemembered();
    void screenshot();

private:
    Models::Scenario m_scenario;
    Models::TrafficSweep m_sweep;
    QTemporaryDir m_settingsDir;
};

void TestTrafficCommitments::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CostscapeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_trafficcommitments"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings().clear();
    m_scenario = exampleScenario();
    QCOMPARE(m_scenario.options.size(), std::size_t(5));
    auto sweep = Models::sweepTraffic(m_scenario, Pricing::embeddedPriceSheet(), Points, MinFactor, MaxFactor);
    QVERIFY2(sweep.ok(), sweep.ok() ? "" : sweep.error().message.c_str());
    m_sweep = sweep.value();
    QCOMPARE(m_sweep.factors.size(), std::size_t(Points));
    QCOMPARE(m_sweep.factors[2], 1.0);
    QCOMPARE(m_sweep.factors[4], 10.0);
}

void TestTrafficCommitments::sweep_pricesCommittedOptionsBothWays()
{
    // One line per option, as before; the three with a commitment also carry their on-demand cost.
    QCOMPARE(m_sweep.lines.size(), std::size_t(5));
    QVERIFY(m_sweep.hasCommitments());
    for (const auto &line : m_sweep.lines) {
        const bool committed = line.id == "ec2-compute-sp" || line.id == "ecs-reserved" || line.id == "lambda-managed-reserved";
        QCOMPARE(line.costWithoutCommitment.empty(), !committed);
        if (committed)
            QCOMPARE(line.costWithoutCommitment.size(), m_sweep.factors.size());
    }
}

void TestTrafficCommitments::sweep_differenceIsTheEvaluatorsAtEveryScale()
{
    // At each factor, the full evaluation of the scaled scenario: the committed line is its cost,
    // and the gap to the dashed line is what the commitment did to the covered usage
    // (on-demand minus commitments and spill, CommitmentSummary), nothing more.
    int checked = 0;
    for (std::size_t i = 0; i < m_sweep.factors.size(); ++i) {
        const double factor = m_sweep.factors[i];
        const auto e = Models::Evaluator::evaluate(scaled(m_scenario, factor), Pricing::embeddedPriceSheet());
        QVERIFY(e.ok());
        for (const auto &line : m_sweep.lines) {
            if (line.costWithoutCommitment.empty())
                continue;
            const Models::OptionResult *o = find(e.value(), line.id);
            QVERIFY(o);
            if (!o->feasible) {
                QVERIFY(std::isnan(line.cost[i]));
                QVERIFY(std::isnan(line.costWithoutCommitment[i]));
                continue;
            }
            QVERIFY(o->commitment.has_value());
            const auto &c = *o->commitment;
            QVERIFY2(near(line.cost[i], o->monthlyCost),
                     qPrintable(QStringLiteral("%1 at %2x: %3 vs %4").arg(QString::fromStdString(line.id)).arg(factor)
                                    .arg(line.cost[i]).arg(o->monthlyCost)));
            const double gap = line.costWithoutCommitment[i] - line.cost[i];
            QVERIFY2(near(gap, c.onDemandMonthly - c.effectiveMonthly, 1e-6),
                     qPrintable(QStringLiteral("%1 at %2x: gap %3, evaluator %4").arg(QString::fromStdString(line.id))
                                    .arg(factor).arg(gap).arg(c.onDemandMonthly - c.effectiveMonthly)));
            // The optimum is never worse than on demand (issue 16's property), so the dashed line is never below.
            QVERIFY(gap >= -1e-9);
            qInfo("%s at %gx: %.2f with its commitment, %.2f on demand, saves %.2f", line.id.c_str(), factor,
                  line.cost[i], line.costWithoutCommitment[i], gap);
            ++checked;
        }
    }
    QCOMPARE(checked, 3 * Points);
}

void TestTrafficCommitments::sweep_handWorked_ec2ComputeSavingsPlan()
{
    const auto &line = m_sweep.lines[2];
    QCOMPARE(line.id, std::string("ec2-compute-sp"));
    // m7g.large, us-east-1, embedded sheet: on demand 0.0816/h, 1-yr no-upfront Compute SP 0.0599/h.
    constexpr double OnDemand = 0.0816;
    constexpr double Plan = 0.0599;

    // At 1x the fleet never leaves its minimum of 2 (150 requests/s x 0.12 s = 18 in flight,
    // 16 x 0.6 = 9.6 per instance): the optimum commits to both, 2 x 0.0599 = $0.1198 an hour.
    // Commitment fee 0.1198 x 730 = 87.454, spill 0; on demand 2 x 0.0816 x 730 = 119.136.
    QVERIFY(near(line.costWithoutCommitment[2] - line.cost[2], 119.136 - 87.454, 1e-9));

    // At 10x the fleet follows the day (2 to 19 instances): the commitment c covers c / 0.0599
    // instances each hour and the rest spills at 0.0816. From the evaluator's hour-by-hour fleet
    // and its chosen c, by hand: fee = c x 730, spill = sum of weight x max(0, n - c/0.0599) x 0.0816.
    const auto e = Models::Evaluator::evaluate(scaled(m_scenario, 10), Pricing::embeddedPriceSheet());
    QVERIFY(e.ok());
    const Models::OptionResult *o = find(e.value(), "ec2-compute-sp");
    QVERIFY(o && o->commitment && o->commitment->commitments.size() == 1);
    const double c = o->commitment->commitments[0].amount;
    const auto &hourly = o->fleet.hourly;
    const auto &weight = e.value().slotWeight;
    QCOMPARE(hourly.size(), weight.size());
    double hours = 0, onDemand = 0, spill = 0, lowest = 1e9, highest = 0, atFloor = 0;
    for (std::size_t h = 0; h < hourly.size(); ++h) {
        hours += weight[h];
        onDemand += weight[h] * hourly[h] * OnDemand;
        spill += weight[h] * std::max(0.0, hourly[h] - c / Plan) * OnDemand;
        lowest = std::min(lowest, hourly[h]);
        highest = std::max(highest, hourly[h]);
        atFloor += hourly[h] <= 2 ? weight[h] : 0;
    }
    QCOMPARE(hours, 730.0);
    QCOMPARE(lowest, 2.0);
    QVERIFY(highest > 10); // the fleet does follow the traffic here
    QVERIFY(spill > 0);    // and the optimum leaves the peaks on demand
    // The optimum is the (1 - 0.0599/0.0816) = 26.6% quantile of the hourly fleet (docs/commitments.md):
    // more hours than that run the floor of 2, so it commits to 2 instances, as at 1x.
    QVERIFY(atFloor / hours > 1 - Plan / OnDemand);
    QVERIFY(near(c, 2 * Plan, 1e-12));
    const double fee = c * 730;
    QVERIFY2(near(line.costWithoutCommitment[4] - line.cost[4], onDemand - (fee + spill), 1e-6),
             qPrintable(QStringLiteral("gap %1, by hand %2 - (%3 + %4)")
                            .arg(line.costWithoutCommitment[4] - line.cost[4]).arg(onDemand).arg(fee).arg(spill)));
}

void TestTrafficCommitments::sweep_copiesNeverTakePartInTheCheapest()
{
    // The same scenario with the commitments removed gives the dashed lines as its own lines, and
    // the committed sweep's ranges and break-evens name only the scenario's options.
    Models::Scenario plain = m_scenario;
    for (auto &option : plain.options)
        option.commitments.clear();
    auto swept = Models::sweepTraffic(plain, Pricing::embeddedPriceSheet(), Points, MinFactor, MaxFactor);
    QVERIFY(swept.ok());
    QVERIFY(!swept.value().hasCommitments());
    for (std::size_t l = 0; l < m_sweep.lines.size(); ++l) {
        const auto &committed = m_sweep.lines[l];
        if (committed.costWithoutCommitment.empty())
            continue;
        for (std::size_t i = 0; i < m_sweep.factors.size(); ++i)
            QVERIFY(near(committed.costWithoutCommitment[i], swept.value().lines[l].cost[i], 1e-9));
    }
    // ec2-on-demand is ec2-compute-sp without its plan: the same figures at every scale.
    QCOMPARE(m_sweep.lines[1].id, std::string("ec2-on-demand"));
    for (std::size_t i = 0; i < m_sweep.factors.size(); ++i)
        QVERIFY(near(m_sweep.lines[2].costWithoutCommitment[i], m_sweep.lines[1].cost[i], 1e-12));
    for (const auto &range : m_sweep.ranges)
        QVERIFY(range.line < int(m_sweep.lines.size()));
    for (const auto &b : m_sweep.breakEvens) {
        QVERIFY(b.below.find("without") == std::string::npos);
        QVERIFY(b.above.find("without") == std::string::npos);
    }
}

void TestTrafficCommitments::chart_toggleAddsOneDashedGraphPerCommittedOption()
{
    Ui::TrafficChart chart;
    chart.resize(900, 560);
    chart.setSweep(m_sweep);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCustomPlot *p = chart.plot();
    auto visibleGraphs = [p] {
        int n = 0;
        for (int g = 0; g < p->graphCount(); ++g)
            n += p->graph(g)->visible() ? 1 : 0;
        return n;
    };
    // Off by default: the five options, the box offered.
    QVERIFY(!chart.showsWithoutCommitment());
    QVERIFY(chart.withoutCommitmentBox()->isVisible());
    QCOMPARE(visibleGraphs(), 5);
    QCOMPARE(legendEntries(p), 5);
    QCOMPARE(chart.lineCount(), 5);

    QSignalSpy changed(&chart, &Ui::TrafficChart::showWithoutCommitmentChanged);
    QTest::mouseClick(chart.withoutCommitmentBox(), Qt::LeftButton, {}, QPoint(8, chart.withoutCommitmentBox()->height() / 2));
    QVERIFY(chart.showsWithoutCommitment());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(visibleGraphs(), 8);
    QCOMPARE(legendEntries(p), 8);
    QCOMPARE(chart.withoutCommitmentCount(), 3);
    for (int l = 0; l < int(m_sweep.lines.size()); ++l) {
        const auto &line = m_sweep.lines[std::size_t(l)];
        QCPGraph *dashed = chart.withoutCommitmentGraph(l);
        QCOMPARE(dashed != nullptr, !line.costWithoutCommitment.empty());
        if (!dashed)
            continue;
        QCOMPARE(dashed->name(), QString::fromStdString(line.id) + QStringLiteral(" without commitment"));
        QCOMPARE(dashed->pen().style(), Qt::DashLine);
        QCOMPARE(dashed->pen().color(), p->graph(l)->pen().color()); // the option's own colour
        QVERIFY(p->legend->hasItemWithPlottable(dashed));
        // The dashed line's points are the sweep's on-demand costs.
        int i = 0;
        for (auto it = dashed->data()->constBegin(); it != dashed->data()->constEnd(); ++it, ++i) {
            QCOMPARE(it->key, m_sweep.averageRate[std::size_t(i)]);
            QVERIFY(near(it->value, line.costWithoutCommitment[std::size_t(i)], 1e-12));
        }
        QCOMPARE(i, Points);
    }
    // A tooltip on a dashed point names it and says what the commitment saves there.
    chart.plot()->replot();
    // (ecs-reserved: ec2-compute-sp's dashed line lies on ec2-on-demand's, the same option on demand.)
    const auto &sp = m_sweep.lines[3];
    const QPointF at(p->xAxis->coordToPixel(m_sweep.averageRate[4]), p->yAxis->coordToPixel(sp.costWithoutCommitment[4]));
    const QString tip = chart.tooltipAt(at);
    QVERIFY2(tip.contains(QStringLiteral("ecs-reserved without commitment")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("the commitment saves ")
                          + Ui::ChartBase::formatMoney(sp.costWithoutCommitment[4] - sp.cost[4], QStringLiteral("USD"), 2)),
             qPrintable(tip));

    // The setting holds across new data, and off takes the lines and their legend entries away.
    chart.setSweep(m_sweep);
    QCOMPARE(visibleGraphs(), 8);
    QCOMPARE(legendEntries(p), 8);
    chart.setShowWithoutCommitment(false);
    QVERIFY(!chart.withoutCommitmentBox()->isChecked());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(visibleGraphs(), 5);
    QCOMPARE(legendEntries(p), 5);
}

void TestTrafficCommitments::chart_withoutCommitments_hidesTheBox()
{
    Models::TrafficSweep sweep = m_sweep;
    for (auto &line : sweep.lines)
        line.costWithoutCommitment.clear();
    Ui::TrafficChart chart;
    chart.setSweep(sweep);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QVERIFY(!chart.withoutCommitmentBox()->isVisible());
    chart.setShowWithoutCommitment(true);
    QCOMPARE(chart.withoutCommitmentCount(), 0);
    QCOMPARE(chart.plot()->graphCount(), 5);
    QCOMPARE(legendEntries(chart.plot()), 5);
}

void TestTrafficCommitments::report_drawsBothAndSaysSo()
{
    // The report draws the chart with the dashed lines whenever an option has a commitment, and
    // says what they are under it; a scenario without commitments says nothing of the kind.
    const QString sentence = QStringLiteral("Dashed lines: the options with a commitment priced on demand");
    auto report = Ui::Report::compute(m_scenario, Pricing::embeddedPriceSheet());
    QVERIFY(report.ok());
    QVERIFY(report.value().sweep().hasCommitments());
    QVERIFY(QString::fromUtf8(report.value().html()).contains(sentence));

    Models::Scenario plain = m_scenario;
    for (auto &option : plain.options)
        option.commitments.clear();
    auto plainReport = Ui::Report::compute(plain, Pricing::embeddedPriceSheet());
    QVERIFY(plainReport.ok());
    QVERIFY(!plainReport.value().sweep().hasCommitments());
    QVERIFY(!QString::fromUtf8(plainReport.value().html()).contains(sentence));
}

void TestTrafficCommitments::window_viewMenuFollowsTheBoxAndIsRemembered()
{
    {
        Ui::MainWindow w;
        auto *action = w.findChild<QAction *>(QStringLiteral("trafficWithoutCommitments"));
        QVERIFY(action);
        QVERIFY(action->isCheckable());
        Ui::TrafficChart *chart = w.results()->trafficChart();
        // Off at first; the menu turns the chart on, the chart's box turns the menu off.
        QVERIFY(!action->isChecked());
        QVERIFY(!chart->showsWithoutCommitment());
        action->trigger();
        QVERIFY(chart->showsWithoutCommitment());
        chart->withoutCommitmentBox()->setChecked(false);
        QVERIFY(!action->isChecked());
        chart->withoutCommitmentBox()->setChecked(true);
        QVERIFY(action->isChecked());
        w.show();
        QVERIFY(w.close()); // saves the window's settings
    }
    {
        // The next window starts as the last one was left.
        Ui::MainWindow w;
        QVERIFY(w.results()->trafficChart()->showsWithoutCommitment());
        QVERIFY(w.findChild<QAction *>(QStringLiteral("trafficWithoutCommitments"))->isChecked());
        w.findChild<QAction *>(QStringLiteral("trafficWithoutCommitments"))->trigger();
        w.show();
        QVERIFY(w.close());
    }
    Ui::MainWindow w;
    QVERIFY(!w.results()->trafficChart()->showsWithoutCommitment());
}

void TestTrafficCommitments::screenshot()
{
    // Written when asked (COSTSCAPE_SCREENSHOT_DIR), to be looked at and committed to docs/screenshots.
    const QString dir = qEnvironmentVariable("COSTSCAPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set COSTSCAPE_SCREENSHOT_DIR to write chart-traffic-commitments.png");
    auto sweep = Models::sweepTraffic(m_scenario, Pricing::embeddedPriceSheet());
    QVERIFY(sweep.ok());
    Ui::TrafficChart chart;
    chart.setSweep(sweep.value());
    chart.setShowWithoutCommitment(true);
    // As on screen, with the box (an export leaves the widgets out).
    chart.resize(1100, 700);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.plot()->replot();
    QVERIFY(chart.grab().save(QDir(dir).filePath(QStringLiteral("chart-traffic-commitments.png"))));
}

QTEST_MAIN(TestTrafficCommitments)
#include "tst_trafficcommitments.moc"
