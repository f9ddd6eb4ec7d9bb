// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The cost-against-commitment chart (issue 16): one curve per option with a commitment, the
// optimum and the applied level marked, and its tab in the results panel.

#include "models/evaluator.h"
#include "models/scenario/scenarioreader.h"
#include "pricing/pricesheet.h"
#include "ui/charts/commitmentcurvechart.h"
#include "ui/panels/resultspanel.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QTabWidget>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Costscape;

namespace {

// The sample's workload with options that carry commitments (examples/).
const QString Example = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api-commitments.costscape.json");

Models::Evaluation evaluateExample()
{
    QFile f(Example);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = f.readAll();
    const auto scenario = Models::parseScenario(std::string_view(text.constData(), std::size_t(text.size())), "example");
    if (!scenario)
        return {};
    auto e = Models::Evaluator::evaluate(scenario.value(), Pricing::embeddedPriceSheet());
    return e.ok() ? e.value() : Models::Evaluation{};
}

} // namespace

class TestCommitmentCurveChart final : public QObject
{
    Q_OBJECT

private slots:
    void drawsEveryOptionWithACommitment();
    void markersSitOnTheCurveAndTheOptimumIsItsLowest();
    void noCommitment_showsTheEmptyMessage();
    void optionBox_drawsTheChosenOptionAlone();
    void resultsPanel_hasTheTab();
    void screenshot();
};

void TestCommitmentCurveChart::drawsEveryOptionWithACommitment()
{
    const Models::Evaluation e = evaluateExample();
    QVERIFY(!e.options.empty());
    Ui::CommitmentCurveChart chart;
    chart.setEvaluation(e);
    // fargate and ec2-on-demand have none; the other three have one each.
    QCOMPARE(chart.optionIds(), (QStringList{QStringLiteral("ec2-compute-sp"), QStringLiteral("ecs-reserved"),
                                              QStringLiteral("lambda-managed-reserved")}));
    QCOMPARE(chart.curveCount(), 3);
    QVERIFY(chart.emptyMessage().size() > 0);
    QVERIFY(!chart.captionText().isEmpty());
    // Three lines and two markers each.
    QCOMPARE(chart.plot()->graphCount(), 9);
}

void TestCommitmentCurveChart::markersSitOnTheCurveAndTheOptimumIsItsLowest()
{
    const Models::Evaluation e = evaluateExample();
    Ui::CommitmentCurveChart chart;
    chart.setEvaluation(e);
    QCustomPlot *p = chart.plot();
    int curve = 0;
    for (const auto &o : e.options) {
        if (!o.commitment)
            continue;
        const auto &s = *o.commitment;
        QCPGraph *line = p->graph(3 * curve);
        QCPGraph *optimal = p->graph(3 * curve + 1);
        QCPGraph *current = p->graph(3 * curve + 2);
        QCOMPARE(line->dataCount(), int(s.curve.size()));
        double lowest = INFINITY;
        for (const auto &pt : s.curve)
            lowest = std::min(lowest, pt.monthlyCost);
        // The disc is at the optimal level and at the curve's lowest cost; every option here asks
        // for "optimal", so the square is there too.
        QCOMPARE(optimal->dataCount(), 1);
        QVERIFY(std::abs(optimal->data()->begin()->value - lowest) < 1e-9);
        QVERIFY(std::abs(current->data()->begin()->value - s.effectiveMonthly) < 1e-6);
        // Both markers sit on a point of the line (same x, same cost).
        for (QCPGraph *marker : {optimal, current}) {
            const auto m = marker->data()->begin();
            bool onLine = false;
            for (auto it = line->data()->begin(); it != line->data()->end(); ++it)
                onLine |= std::abs(it->key - m->key) < 1e-9 && std::abs(it->value - m->value) < 1e-6;
            QVERIFY(onLine);
        }
        // No commitment at all costs what on-demand does.
        QVERIFY(std::abs(line->data()->begin()->value - s.onDemandMonthly) < 1e-6);
        ++curve;
    }
    QCOMPARE(curve, 3);
    // A tooltip names the option at a point of its curve.
    chart.resize(800, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    p->replot();
    QCPGraph *first = p->graph(0);
    const auto pt = first->data()->at(first->dataCount() / 2);
    const QPointF pixel(p->xAxis->coordToPixel(pt->key), p->yAxis->coordToPixel(pt->value));
    QVERIFY2(chart.tooltipAt(pixel).contains(QStringLiteral("ec2-compute-sp")), qPrintable(chart.tooltipAt(pixel)));
}

void TestCommitmentCurveChart::noCommitment_showsTheEmptyMessage()
{
    Models::Evaluation e = evaluateExample();
    for (auto &o : e.options)
        o.commitment.reset();
    Ui::CommitmentCurveChart chart;
    chart.setEvaluation(e);
    QCOMPARE(chart.curveCount(), 0);
    QCOMPARE(chart.plot()->graphCount(), 0);
    QVERIFY(chart.captionText().isEmpty());
}

void TestCommitmentCurveChart::optionBox_drawsTheChosenOptionAlone()
{
    const Models::Evaluation e = evaluateExample();
    Ui::CommitmentCurveChart chart;
    chart.setEvaluation(e);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QComboBox *box = chart.optionSelector();
    // "All options" and the three options with a commitment; all drawn at first.
    QVERIFY(box->isVisible());
    QCOMPARE(box->count(), 4);
    QCOMPARE(box->itemText(0), QStringLiteral("All options"));
    QCOMPARE(chart.availableIds(), chart.optionIds());
    QVERIFY(chart.selectedOption().isEmpty());
    QVERIFY(!chart.onDemandLine());
    // Plans and reservations together: the x axis is a share of each curve's top level.
    QVERIFY(chart.plot()->xAxis->label().contains(QStringLiteral("%")));

    // Choosing the reservations option in the box draws it alone, against its own count.
    box->setCurrentIndex(box->findText(QStringLiteral("ecs-reserved")));
    QCOMPARE(chart.selectedOption(), QStringLiteral("ecs-reserved"));
    QCOMPARE(chart.optionIds(), QStringList{QStringLiteral("ecs-reserved")});
    QCustomPlot *p = chart.plot();
    QCOMPARE(p->xAxis->label(), QStringLiteral("Reservations"));
    const Models::OptionResult *ecs = nullptr;
    for (const auto &o : e.options)
        if (o.id == "ecs-reserved")
            ecs = &o;
    QVERIFY(ecs && ecs->commitment);
    const auto &s = *ecs->commitment;
    // Line, optimum, applied level and the on-demand line; the curve's points at their own levels.
    QCOMPARE(p->graphCount(), 4);
    QCPGraph *line = p->graph(0);
    QCOMPARE(line->dataCount(), int(s.curve.size()));
    for (int i = 0; i < line->dataCount(); ++i) {
        QCOMPARE(line->data()->at(i)->key, s.curve[std::size_t(i)].level);
        QCOMPARE(line->data()->at(i)->value, s.curve[std::size_t(i)].monthlyCost);
    }
    QCOMPARE(p->graph(1)->data()->at(0)->key, s.curveOptimal);
    QVERIFY(chart.onDemandLine());
    QCOMPARE(chart.onDemandLine()->data()->at(0)->value, s.onDemandMonthly);
    QCOMPARE(chart.onDemandLine()->pen().style(), Qt::DotLine);

    // The plan option alone: dollars an hour.
    QVERIFY(chart.selectOption(QStringLiteral("ec2-compute-sp")));
    QCOMPARE(box->currentText(), QStringLiteral("ec2-compute-sp"));
    QVERIFY(p->xAxis->label().startsWith(QStringLiteral("Hourly commitment")));
    // An unknown id changes nothing.
    QVERIFY(!chart.selectOption(QStringLiteral("fargate")));
    QCOMPARE(chart.selectedOption(), QStringLiteral("ec2-compute-sp"));

    // A new evaluation keeps the choice while the option still has a commitment...
    chart.setEvaluation(e);
    QCOMPARE(chart.optionIds(), QStringList{QStringLiteral("ec2-compute-sp")});
    QCOMPARE(box->currentText(), QStringLiteral("ec2-compute-sp"));
    // ... and goes back to all when it no longer has one.
    Models::Evaluation without = e;
    for (auto &o : without.options)
        if (o.id == "ec2-compute-sp")
            o.commitment.reset();
    chart.setEvaluation(without);
    QVERIFY(chart.selectedOption().isEmpty());
    QCOMPARE(chart.curveCount(), 2);
    QCOMPARE(box->currentIndex(), 0);
    // Back to all by the box.
    chart.setEvaluation(e);
    chart.selectOption(QStringLiteral("ecs-reserved"));
    box->setCurrentIndex(0);
    QCOMPARE(chart.curveCount(), 3);
    // One option only: nothing to choose, the row is hidden.
    Models::Evaluation one = e;
    for (auto &o : one.options)
        if (o.id != "ecs-reserved")
            o.commitment.reset();
    chart.setEvaluation(one);
    QVERIFY(!box->isVisible());
    QCOMPARE(chart.curveCount(), 1);
}

void TestCommitmentCurveChart::resultsPanel_hasTheTab()
{
    Ui::ResultsPanel panel;
    // Last on screen, after Line items.
    QCOMPARE(panel.tabs()->count(), 7);
    QCOMPARE(panel.tabs()->tabText(6), QStringLiteral("Comm&itments"));
    panel.setCurrentTab(Ui::ResultsPanel::CommitmentsTab);
    QCOMPARE(panel.currentTab(), Ui::ResultsPanel::CommitmentsTab);
    QCOMPARE(static_cast<QWidget *>(panel.currentChart()), static_cast<QWidget *>(panel.commitmentChart()));
}

void TestCommitmentCurveChart::screenshot()
{
    // Written when asked (COSTSCAPE_SCREENSHOT_DIR), to be looked at and committed to docs/screenshots.
    const QString dir = qEnvironmentVariable("COSTSCAPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set COSTSCAPE_SCREENSHOT_DIR to write chart-commitments.png");
    Ui::CommitmentCurveChart chart;
    chart.setEvaluation(evaluateExample());
    // Laid out at the export's width first, so that the legend flows across it (ChartBase reflows on resize).
    chart.resize(1000, 600);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QString error;
    QVERIFY2(chart.exportPng(QDir(dir).filePath(QStringLiteral("chart-commitments.png")), 1000, 600, &error), qPrintable(error));
    // One option chosen in the box, against its own count of reservations; the box itself is
    // seen in the window (grab), which the export leaves out.
    QVERIFY(chart.selectOption(QStringLiteral("ecs-reserved")));
    chart.resize(1000, 640);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.plot()->replot();
    QVERIFY(chart.grab().save(QDir(dir).filePath(QStringLiteral("chart-commitments-option.png"))));
}

QTEST_MAIN(TestCommitmentCurveChart)
#include "tst_commitmentcurvechart.moc"
