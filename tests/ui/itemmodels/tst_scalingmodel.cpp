// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/itemmodels/scalingmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Costscape;
using Costscape::Ui::ScalingModel;

namespace {

/**
 * Three options through a spike from 60 to 600 requests/s (figures worked by hand):
 * - "lambda" serves it at once; nothing waits.
 * - "ec2" serves 100 requests/s for 120 s: 500 requests/s x 120 s = 60,000 wait, the last of them
 *   until the queue drains at 100/s (600 s); 3 instances kept warm at $0.0816/h for 730 h cost
 *   3 x 0.0816 x 730 = $178.70 more a month.
 * - "fixed" (a fixed fleet) never catches up, and no warm minimum would do.
 */
Models::SpikeSeries threeOptions()
{
    Models::SpikeSeries s;
    Models::SpikeSeries::Line lambda, ec2, fixed;
    lambda.id = "lambda";
    lambda.platform = "AWS Lambda";
    lambda.secondsToMeetDemand = 0;
    lambda.warmMinimum = 0;
    lambda.warmUnit = "provisioned environments";
    ec2.id = "ec2";
    ec2.platform = "Amazon EC2";
    ec2.secondsToMeetDemand = 120;
    ec2.requestsDelayed = 59999.6;
    ec2.peakBacklog = 60000;
    ec2.maxDelaySeconds = 600;
    ec2.warmMinimum = 3;
    ec2.warmUnit = "instances";
    ec2.warmExtraMonthlyCost = 3 * 0.0816 * 730;
    ec2.notes = {"Instances launch one after another."};
    fixed.id = "fixed";
    fixed.platform = "AWS Fargate";
    fixed.secondsToMeetDemand = -1;
    fixed.requestsRejected = 1234;
    fixed.maxDelaySeconds = 0.35;
    fixed.warmMinimum = -1;
    s.lines = {lambda, ec2, fixed};
    return s;
}

} // namespace

class TestScalingModel : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTester();
    void cells_data();
    void cells();
    void rawValues_areTheSeriesFigures();
    void newFigures_sameOptions_emitDataChangedOnly();
    void otherOptions_resetTheModel();
    void empty_hasNoRows();
};

void TestScalingModel::passesTheModelTester()
{
    ScalingModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSeries(threeOptions());
    auto changed = threeOptions();
    changed.lines[1].peakBacklog = 1;
    model.setSeries(changed);
    changed.lines.pop_back();
    model.setSeries(changed);
    model.setSeries({});
    QCOMPARE(model.rowCount(), 0);
}

void TestScalingModel::cells_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::newRow("option-id") << 1 << int(ScalingModel::OptionColumn) << QStringLiteral("ec2");
    QTest::newRow("meets-at-once") << 0 << int(ScalingModel::MeetsDemandColumn) << QStringLiteral("at once");
    QTest::newRow("meets-after-two-minutes") << 1 << int(ScalingModel::MeetsDemandColumn) << QStringLiteral("2 min");
    QTest::newRow("never-meets") << 2 << int(ScalingModel::MeetsDemandColumn) << QStringLiteral("never");
    QTest::newRow("delayed-whole-requests") << 1 << int(ScalingModel::DelayedColumn) << QStringLiteral("60,000");
    QTest::newRow("rejected") << 2 << int(ScalingModel::RejectedColumn) << QStringLiteral("1,234");
    QTest::newRow("peak-backlog") << 1 << int(ScalingModel::PeakBacklogColumn) << QStringLiteral("60,000");
    QTest::newRow("wait-ten-minutes") << 1 << int(ScalingModel::MaxDelayColumn) << QStringLiteral("10 min");
    QTest::newRow("wait-under-a-second") << 2 << int(ScalingModel::MaxDelayColumn) << QStringLiteral("0.35 s");
    QTest::newRow("warm-instances") << 1 << int(ScalingModel::WarmMinimumColumn) << QStringLiteral("3 instances");
    QTest::newRow("warm-not-needed") << 0 << int(ScalingModel::WarmMinimumColumn) << QStringLiteral("none needed");
    QTest::newRow("warm-none-would-do") << 2 << int(ScalingModel::WarmMinimumColumn) << QStringLiteral("none would do");
    QTest::newRow("warm-cost-3x0.0816x730") << 1 << int(ScalingModel::WarmCostColumn) << QStringLiteral("+$178.70");
    QTest::newRow("warm-cost-when-none-needed") << 0 << int(ScalingModel::WarmCostColumn) << QStringLiteral("no extra cost");
    QTest::newRow("warm-cost-when-none-would-do") << 2 << int(ScalingModel::WarmCostColumn) << QStringLiteral("-");
}

void TestScalingModel::cells()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    ScalingModel model;
    model.setSeries(threeOptions());
    QCOMPARE(model.index(row, column).data().toString(), text);
}

void TestScalingModel::rawValues_areTheSeriesFigures()
{
    ScalingModel model;
    model.setSeries(threeOptions());
    QCOMPARE(model.columnCount(), int(ScalingModel::ColumnCount));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, ScalingModel::WarmCostColumn).data(ScalingModel::RawValueRole).toDouble(), 3 * 0.0816 * 730);
    QCOMPARE(model.index(1, ScalingModel::DelayedColumn).data(ScalingModel::RawValueRole).toDouble(), 59999.6);
    QCOMPARE(model.index(2, ScalingModel::MeetsDemandColumn).data(ScalingModel::RawValueRole).toDouble(), -1.0);
    // Numbers are right-aligned, the option's id left.
    QVERIFY(model.index(1, ScalingModel::PeakBacklogColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight);
    QVERIFY(model.index(1, ScalingModel::OptionColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignLeft);
    // The option's tooltip names its platform and the model's notes.
    const QString tip = model.index(1, ScalingModel::OptionColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Amazon EC2")) && tip.contains(QStringLiteral("one after another")), qPrintable(tip));
    QCOMPARE(model.headerData(ScalingModel::DelayedColumn, Qt::Horizontal).toString(), QStringLiteral("Delayed beyond\nobjective"));
}

void TestScalingModel::newFigures_sameOptions_emitDataChangedOnly()
{
    ScalingModel model;
    model.setSeries(threeOptions());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    auto next = threeOptions();
    next.lines[1].secondsToMeetDemand = 90;
    model.setSeries(next);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(1, ScalingModel::MeetsDemandColumn).data().toString(), QStringLiteral("1 min 30 s"));
}

void TestScalingModel::otherOptions_resetTheModel()
{
    ScalingModel model;
    model.setSeries(threeOptions());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    auto next = threeOptions();
    next.lines[0].id = "lambda-arm";
    model.setSeries(next);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("lambda-arm"));
}

void TestScalingModel::empty_hasNoRows()
{
    ScalingModel model;
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Option"));
}

QTEST_MAIN(TestScalingModel)
#include "tst_scalingmodel.moc"
