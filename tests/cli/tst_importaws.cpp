// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Costscape::Tests;

/** `costscape-cli import-aws`: offer files in, a native price sheet out, as a user runs it. */
class TestImportAws : public QObject
{
    Q_OBJECT

private slots:
    void importThenEvaluate_usesTheImportedPrices();
    void spotHistory_oneZone_givesTheUpstreamAverage_data();
    void spotHistory_oneZone_givesTheUpstreamAverage();
    void csvWithBadRow_warnsWithLineAndStillImports();
    void regionFilter_keepsOnlyThatRegion();
    void brokenOffer_exitsOneAndWritesNothing();
    void usageErrors_exitTwo_data();
    void usageErrors_exitTwo();
    void notATerminal_noProgressOnStderr();
};

static QString data(const char *name)
{
    return QStringLiteral(COSTSCAPE_TEST_DATA_DIR "/pricelist/") + QString::fromLatin1(name);
}

static QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void TestImportAws::importThenEvaluate_usesTheImportedPrices()
{
    QTemporaryDir dir;
    const QString sheet = dir.filePath(QStringLiteral("aws.prices.json"));
    const CliRun run = runCli({QStringLiteral("import-aws"), data("ec2-instance-selector_GetProducts_m5_large.json"),
                               data("opencost_ecs-pricing-us-east-1.json"), QStringLiteral("-o"), sheet});
    QVERIFY2(run.exitedWith(0), run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("AmazonEC2")) && run.err.contains(QStringLiteral("AmazonECS")), run.describe());
    const QJsonObject us = readJson(sheet)[QStringLiteral("regions")].toObject()[QStringLiteral("us-east-1")].toObject();
    QCOMPARE(us[QStringLiteral("ec2")].toObject()[QStringLiteral("m5.large")].toObject()[QStringLiteral("onDemandHourly")]
                 .toObject()[QStringLiteral("linux")]
                 .toDouble(),
             0.096);
    QCOMPARE(us[QStringLiteral("fargate")].toObject()[QStringLiteral("linux/x86_64")].toObject()[QStringLiteral("vcpuHour")].toDouble(),
             0.04048);
    QVERIFY2(runCli({QStringLiteral("validate"), sheet}).exitedWith(0), "the written sheet does not validate");

    // Two m5.large all month and one 1 vCPU / 2 GB Fargate task, priced with the imported sheet.
    const QString scenario = dir.filePath(QStringLiteral("s.costscape.json"));
    QFile f(scenario);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "costscape-scenario", "version": 1, "name": "s", "region": "us-east-1", "prices": "aws.prices.json",
        "workload": {"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 128},
        "options": [{"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 2},
                    {"id": "task", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 1}]})");
    f.close();
    const CliRun ev = runCli({QStringLiteral("evaluate"), scenario, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(ev.exitedWith(0), ev.describe());
    const QJsonArray options = QJsonDocument::fromJson(ev.out.toUtf8()).object()[QStringLiteral("options")].toArray();
    QCOMPARE(options.size(), 2);
    QVERIFY(std::abs(options[0].toObject()[QStringLiteral("monthlyCost")].toDouble() - 2 * 730 * 0.096) < 1e-9);
    QVERIFY(std::abs(options[1].toObject()[QStringLiteral("monthlyCost")].toDouble() - 730 * (0.04048 + 2 * 0.004445)) < 1e-9);
}

void TestImportAws::spotHistory_oneZone_givesTheUpstreamAverage_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<double>("expected");
    // aws/amazon-ec2-instance-selector's test: m5.large in us-east-1a, time-weighted.
    QTest::newRow("us-east-1a-upstream") << QStringList{QStringLiteral("--spot-zone"), QStringLiteral("us-east-1a")}
                                         << 0.041486231229302666;
}

void TestImportAws::spotHistory_oneZone_givesTheUpstreamAverage()
{
    QFETCH(QStringList, extra);
    QFETCH(double, expected);
    QTemporaryDir dir;
    const QString sheet = dir.filePath(QStringLiteral("spot.prices.json"));
    QStringList args{QStringLiteral("import-aws"), data("ec2-instance-selector_GetProducts_m5_large.json"),
                     QStringLiteral("--spot-history"), data("ec2-instance-selector_DescribeSpotPriceHistory_m5_large.json"),
                     QStringLiteral("-o"), sheet};
    args += extra;
    const CliRun run = runCli(args);
    QVERIFY2(run.exitedWith(0), run.describe());
    const double spot = readJson(sheet)[QStringLiteral("regions")].toObject()[QStringLiteral("us-east-1")].toObject()[QStringLiteral("ec2")]
                            .toObject()[QStringLiteral("m5.large")]
                            .toObject()[QStringLiteral("spotHourly")]
                            .toObject()[QStringLiteral("linux")]
                            .toDouble();
    QVERIFY2(std::abs(spot - expected) < 1e-12, qPrintable(QString::number(spot, 'g', 17)));
}

void TestImportAws::csvWithBadRow_warnsWithLineAndStillImports()
{
    QTemporaryDir dir;
    const QString sheet = dir.filePath(QStringLiteral("ecs.prices.json"));
    const CliRun run = runCli({QStringLiteral("import-aws"), data("ligoj_AmazonECS_eu-west-1_index.csv"), QStringLiteral("-o"), sheet});
    QVERIFY2(run.exitedWith(0), run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("ligoj_AmazonECS_eu-west-1_index.csv:21:")), run.describe());
    const QJsonObject eu = readJson(sheet)[QStringLiteral("regions")].toObject()[QStringLiteral("eu-west-1")].toObject();
    QCOMPARE(eu[QStringLiteral("fargate")].toObject()[QStringLiteral("linux/x86_64")].toObject()[QStringLiteral("gbHour")].toDouble(),
             0.004445);
}

void TestImportAws::regionFilter_keepsOnlyThatRegion()
{
    QTemporaryDir dir;
    const QString sheet = dir.filePath(QStringLiteral("r.prices.json"));
    const CliRun none = runCli({QStringLiteral("import-aws"), data("opencost_pricing-us-east-1.json"), QStringLiteral("--region"),
                                QStringLiteral("eu-west-1"), QStringLiteral("-o"), sheet});
    QVERIFY2(none.exitedWith(1), none.describe());
    QVERIFY2(!QFile::exists(sheet), "a sheet without prices was written");
    const CliRun some = runCli({QStringLiteral("import-aws"), data("opencost_pricing-us-east-1.json"), QStringLiteral("--region"),
                                QStringLiteral("us-east-1"), QStringLiteral("-o"), sheet});
    QVERIFY2(some.exitedWith(0), some.describe());
    const QJsonObject regions = readJson(sheet)[QStringLiteral("regions")].toObject();
    QCOMPARE(regions.keys(), QStringList{QStringLiteral("us-east-1")});
    // The Capacity Block row ($0) is never the price.
    QCOMPARE(regions[QStringLiteral("us-east-1")].toObject()[QStringLiteral("ec2")].toObject()[QStringLiteral("p4d.24xlarge")]
                 .toObject()[QStringLiteral("onDemandHourly")]
                 .toObject()[QStringLiteral("linux")]
                 .toDouble(),
             32.7726);
}

void TestImportAws::brokenOffer_exitsOneAndWritesNothing()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"formatVersion\" : \"v1.0\",\n  \"offerCode\" : \"AmazonEC2\",\n  \"products\" : {\n    \"A\" : [\n");
    f.close();
    const QString sheet = dir.filePath(QStringLiteral("out.prices.json"));
    const CliRun run = runCli({QStringLiteral("import-aws"), data("ec2-instance-selector_GetProducts_m5_large.json"), bad,
                               QStringLiteral("-o"), sheet});
    QVERIFY2(run.exitedWith(1), run.describe());
    QVERIFY2(run.err.contains(bad + QLatin1Char(':')), run.describe());
    QVERIFY(!QFile::exists(sheet));
}

void TestImportAws::usageErrors_exitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    const QString ia = QStringLiteral("import-aws");
    QTest::newRow("no-file") << QStringList{ia};
    QTest::newRow("region-without-value") << QStringList{ia, data("opencost_pricing-us-east-1.json"), QStringLiteral("--region")};
    QTest::newRow("unknown-option") << QStringList{ia, data("opencost_pricing-us-east-1.json"), QStringLiteral("--fast")};
    QTest::newRow("spot-days-zero") << QStringList{ia, data("opencost_pricing-us-east-1.json"), QStringLiteral("--spot-days"),
                                                  QStringLiteral("0")};
}

void TestImportAws::usageErrors_exitTwo()
{
    QFETCH(QStringList, args);
    const CliRun run = runCli(args);
    QVERIFY2(run.exitedWith(2), run.describe());
    QVERIFY2(run.out.isEmpty(), run.describe());
}

void TestImportAws::notATerminal_noProgressOnStderr()
{
    const CliRun run = runCli({QStringLiteral("import-aws"), data("opencost_pricing-us-east-1.json")});
    QVERIFY2(run.exitedWith(0), run.describe());
    QVERIFY2(!run.err.contains(QLatin1Char('\r')), "progress was written to a pipe");
    // Without -o the sheet goes to standard output.
    QVERIFY(QJsonDocument::fromJson(run.out.toUtf8()).object()[QStringLiteral("format")].toString() == QStringLiteral("costscape-prices"));
}

QTEST_GUILESS_MAIN(TestImportAws)
#include "tst_importaws.moc"
