// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Analysis of the sample's ranges in the window (Uncertainty…) and File > Compare with…, driven
// offscreen through the real widgets.
#include "ui/charts/tornadochart.h"
#include "ui/charts/uncertaintychart.h"
#include "tests/ui/panels/paneltesting.h"
#include "ui/document/scenariodocument.h"
#include "ui/panels/comparedialog.h"
#include "ui/panels/uncertaintydialog.h"

#include "models/evaluator.h"

#include <QApplication>
#include <QCheckBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Ui;

class TestUncertaintyDialog : public QObject
{
    Q_OBJECT

private slots:
    void sampleRanges_runOnTheWorker_andDrawTheBandsAndTornadoes();
    void tickingARange_isAnUndoableEditOfTheScenario();
    void compareWithRegion_oneRowPerOption_withTheDifference();
};

using namespace PanelTesting;

namespace {

const QString SampleRanges = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api-uncertain.costscape.json");
const QString Sample = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");

bool waitForRun(UncertaintyDialog &dialog)
{
    QSignalSpy finished(&dialog, &UncertaintyDialog::finished);
    return finished.wait(60'000) || !finished.isEmpty();
}

} // namespace

void TestUncertaintyDialog::sampleRanges_runOnTheWorker_andDrawTheBandsAndTornadoes()
{
    ScenarioDocument document;
    QVERIFY(document.load(SampleRanges));
    UncertaintyDialog dialog(&document);
    dialog.findChild<QSpinBox *>() ->setValue(2000);
    dialog.run();
    QVERIFY(dialog.isRunning() || dialog.result());
    QVERIFY(waitForRun(dialog));
    QVERIFY(dialog.result());
    const auto &r = *dialog.result();
    QCOMPARE(r.draws, 2000);
    QCOMPARE(r.options.size(), std::size_t(7));
    double odds = r.noneFeasibleShare;
    int feasibleSomewhere = 0;
    for (std::size_t i = 0; i < r.options.size(); ++i) {
        odds += r.options[i].probabilityCheapest;
        feasibleSomewhere += !std::isnan(r.options[i].p50);
        QVERIFY(dialog.bandChart()->oddsLabel(static_cast<int>(i)).contains(
            std::isnan(r.options[i].p50) ? QStringLiteral("never") : QStringLiteral("cheapest")));
    }
    QVERIFY(std::abs(odds - 1) < 1e-9);
    QCOMPARE(dialog.bandChart()->boxCount(), feasibleSomewhere);
    // The sample's spike range moves no cost: five bars, not six.
    QCOMPARE(dialog.costTornado()->barCount(), 5);
    QCOMPARE(dialog.differenceTornado()->barCount(), 5);
    // Its spike response, one row per option: P10 / P50 / P90 of each measure.
    QVERIFY(r.spikeDraws > 0);
    QTableWidget *spike = dialog.spikeTable();
    QCOMPARE(spike->rowCount(), 7);
    for (int row = 0; row < spike->rowCount(); ++row) {
        QCOMPARE(spike->item(row, 0)->text(), QString::fromStdString(r.options[static_cast<std::size_t>(row)].id));
        if (r.options[static_cast<std::size_t>(row)].spike->simulated > 0)
            QCOMPARE(spike->item(row, 2)->text().count(QStringLiteral(" / ")), 2);
    }

    dialog.resize(1100, 860);
    auto *tabs = dialog.findChild<QTabWidget *>();
    QVERIFY(tabs);
    const char *const names[] = {"uncertainty-bands", "uncertainty-tornado-cost", "uncertainty-tornado-difference",
                                 "uncertainty-spike"};
    for (int i = 0; i < 4; ++i) {
        tabs->setCurrentIndex(i);
        screenshot(dialog, names[i]);
    }
}

void TestUncertaintyDialog::tickingARange_isAnUndoableEditOfTheScenario()
{
    ScenarioDocument document;
    QVERIFY(document.load(Sample));
    UncertaintyDialog dialog(&document);
    QVERIFY(!Models::readRanges(document.scenario()).value()[Models::UncertainInput::Traffic]);
    auto *traffic = dialog.findChild<QCheckBox *>(QStringLiteral("traffic"));
    QVERIFY(traffic);
    traffic->setChecked(true);
    const auto ranges = Models::readRanges(document.scenario());
    QVERIFY2(ranges, ranges ? "" : ranges.error().message.c_str());
    QVERIFY(ranges.value()[Models::UncertainInput::Traffic]);
    QCOMPARE(ranges.value()[Models::UncertainInput::Traffic]->distribution, Models::RangeDistribution::LogNormal);
    document.undoStack()->undo();
    QVERIFY(!Models::readRanges(document.scenario()).value()[Models::UncertainInput::Traffic]);
    QVERIFY(!traffic->isChecked());
}

void TestUncertaintyDialog::compareWithRegion_oneRowPerOption_withTheDifference()
{
    // Two EC2 fleets: the embedded sheet prices EC2 in us-east-1 and in eu-west-1.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("fleets.costscape.json"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"format": "costscape-scenario", "version": 1, "name": "two fleets", "region": "us-east-1",
            "workload": {"requests": {"perSecond": 100}, "durationMs": 50, "memoryMb": 256},
            "options": [
                {"id": "graviton", "platform": "ec2", "instanceType": "m7g.large", "instances": 2},
                {"id": "spot", "platform": "ec2", "instanceType": "c7g.xlarge", "instances": 1, "purchase": "spot"}]})");
    }
    ScenarioDocument document;
    QVERIFY(document.load(file));
    CompareDialog dialog(&document);
    QVERIFY(dialog.compareWithRegion(QStringLiteral("eu-west-1")));
    const auto &c = dialog.comparison();
    QCOMPARE(c.regionA, std::string("us-east-1"));
    QCOMPARE(c.regionB, std::string("eu-west-1"));
    QCOMPARE(dialog.table()->topLevelItemCount(), 2);
    // B - A of each option is what the two evaluations say.
    Models::Scenario moved = document.scenario();
    moved.region = "eu-west-1";
    const auto a = Models::Evaluator::evaluate(document.scenario(), *document.priceSheet());
    const auto b = Models::Evaluator::evaluate(moved, *document.priceSheet());
    QVERIFY(a && b);
    for (std::size_t i = 0; i < c.options.size(); ++i)
        QVERIFY(std::abs(c.options[i].difference()
                         - (b.value().options[i].monthlyCost - a.value().options[i].monthlyCost)) < 1e-9);
    QVERIFY(dialog.table()->topLevelItem(0)->childCount() > 0);
    dialog.resize(900, 420);
    screenshot(dialog, "compare-regions");
    QVERIFY(dialog.compareWithFile(file));
    QCOMPARE(dialog.comparison().options[0].difference(), 0.0);
    // A file that cannot be priced is said so, not compared.
    QVERIFY(!dialog.compareWithFile(dir.filePath(QStringLiteral("missing.costscape.json"))));
}

QTEST_MAIN(TestUncertaintyDialog)
#include "tst_uncertaintydialog.moc"
