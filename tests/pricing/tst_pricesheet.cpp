// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/aws/awsoffer.h"
#include "pricing/pricesheet.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Pricing;

class TestPriceSheet : public QObject
{
    Q_OBJECT

private slots:
    void embedded_loadsWithProvenance();
    void embedded_matchesTheShippedFile();
    void embedded_pricesFromItsSources_data();
    void embedded_pricesFromItsSources();
    void lookups_returnNothingForWhatTheSheetLacks();
    void tiers_areOrderedAndOpenEnded();
    void burstableTypes_areRecognised_data();
    void burstableTypes_areRecognised();
    void unknownKeys_areIgnoredNotFatal();
    void fargateCommitments_areReadPerArchitecture();
    void fargateCommitments_badInputIsLocated_data();
    void fargateCommitments_badInputIsLocated();
    void lambdaCommitments_areReadPerArchitecture();
    void lambdaCommitments_badInputIsLocated_data();
    void lambdaCommitments_badInputIsLocated();
};

void TestPriceSheet::embedded_loadsWithProvenance()
{
    const PriceSheet &sheet = embeddedPriceSheet();
    QCOMPARE(sheet.provenance.file, std::string("embedded"));
    QCOMPARE(sheet.provenance.currency, std::string("USD"));
    QCOMPARE(sheet.provenance.retrieved, std::string("2025-04-04"));
    QVERIFY(!sheet.provenance.source.empty());
    QCOMPARE(sheet.regionCodes(), (std::vector<std::string>{"eu-west-1", "us-east-1", "us-west-2"}));
    // SOURCES.md: the same 76 types in each region.
    for (const auto &code : sheet.regionCodes())
        QCOMPARE(sheet.region(code)->ec2.size(), std::size_t(76));
}

void TestPriceSheet::embedded_matchesTheShippedFile()
{
    QFile f(QStringLiteral(COSTSCAPE_SOURCE_DIR "/pricing/data/aws-default.prices.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const std::string_view embedded = embeddedPriceSheetText();
    QCOMPARE(QByteArray(embedded.data(), static_cast<qsizetype>(embedded.size())), bytes);
}

void TestPriceSheet::embedded_pricesFromItsSources_data()
{
    // Figures quoted in pricing/data/SOURCES.md and the AWS pages it cites.
    QTest::addColumn<QString>("what");
    QTest::addColumn<double>("expected");
    QTest::newRow("m5.large-linux-us-east-1") << "ec2:us-east-1:m5.large:linux" << 0.096;
    QTest::newRow("t3.medium-linux-us-east-1") << "ec2:us-east-1:t3.medium:linux" << 0.0416;
    QTest::newRow("fargate-linux-x86-vcpu") << "fargate:linux/x86_64:vcpu" << 0.04048;
    QTest::newRow("fargate-linux-x86-gb") << "fargate:linux/x86_64:gb" << 0.004445;
    QTest::newRow("fargate-linux-arm-vcpu") << "fargate:linux/arm64:vcpu" << 0.03238;
    QTest::newRow("fargate-windows-licence") << "fargate:windows/x86_64:licence" << 0.046;
    // eu-west-1: AWS's AmazonECS offer of 2026-09-11 (x86, SKU K4EXFQ5YFQCP98EN) and the offer-file
    // copy in ligoj's tests (arm, SKU KXC9CEUQGJQPNZPY); SOURCES.md section 4.
    QTest::newRow("fargate-linux-x86-vcpu-eu-west-1") << "fargate:linux/x86_64:vcpu:eu-west-1" << 0.04048;
    QTest::newRow("fargate-linux-arm-gb-eu-west-1") << "fargate:linux/arm64:gb:eu-west-1" << 0.00356;
    QTest::newRow("lambda-x86-request-per-million") << "lambda:x86_64:request" << 0.20;
    QTest::newRow("lambda-x86-tier1") << "lambda:x86_64:tier0" << 0.0000166667;
    QTest::newRow("lambda-arm-tier1") << "lambda:arm64:tier0" << 0.0000133334;
    QTest::newRow("lambda-x86-provisioned") << "lambda:x86_64:pc" << 0.0000041667;
}

void TestPriceSheet::embedded_pricesFromItsSources()
{
    QFETCH(QString, what);
    QFETCH(double, expected);
    const PriceSheet &s = embeddedPriceSheet();
    const QStringList p = what.split(QLatin1Char(':'));
    double actual = -1;
    if (p[0] == QLatin1String("ec2")) {
        actual = s.ec2OnDemandHourly(p[1].toStdString(), p[2].toStdString(), p[3].toStdString()).value_or(-1);
    } else if (p[0] == QLatin1String("fargate")) {
        const QStringList osArch = p[1].split(QLatin1Char('/'));
        const std::string region = p.size() > 3 ? p[3].toStdString() : std::string("us-east-1");
        const FargateRates *r = s.fargate(region, osArch[0].toStdString(), osArch[1].toStdString());
        QVERIFY(r);
        actual = p[2] == QLatin1String("vcpu") ? r->vcpuHour : p[2] == QLatin1String("gb") ? r->gbHour : r->osLicenseVcpuHour.value_or(-1);
    } else {
        const LambdaArchitecturePrices *l = s.lambda("us-east-1", p[1].toStdString());
        QVERIFY(l);
        actual = p[2] == QLatin1String("request") ? l->requestPerMillion
            : p[2] == QLatin1String("pc")         ? l->provisionedGbSecond.value_or(-1)
                                                  : l->gbSecond.at(0).price;
    }
    QCOMPARE(actual, expected);
}

void TestPriceSheet::lookups_returnNothingForWhatTheSheetLacks()
{
    const PriceSheet &s = embeddedPriceSheet();
    QVERIFY(!s.region("mars-north-1"));
    QVERIFY(!s.lambda("us-west-2")); // omitted on purpose, see SOURCES.md section 6
    QVERIFY(!s.fargate("eu-west-1", "windows", "x86_64")); // eu-west-1: Linux only (SOURCES.md section 4)
    QVERIFY(!s.fargate("us-west-2", "linux", "arm64")); // us-west-2: x86 only (SOURCES.md section 4)
    QVERIFY(!s.lambda("eu-west-1", "arm64")->provisionedGbSecond); // no source: absent, never 0
    QVERIFY(!s.fargate("us-east-1", "linux", "x86_64", true)); // no Fargate Spot rates
    QVERIFY(!s.ec2("us-east-1", "z9.mega"));
    QVERIFY(!s.ec2OnDemandHourly("us-east-1", "m7g.large", "windows")); // ARM: no Windows
    QVERIFY(!s.ec2OnDemandHourly("eu-west-1", "m5.large", "windows"));
    QVERIFY(!s.ec2SpotHourly("us-east-1", "m5.large", "linux"));
    QVERIFY(s.ec2("us-east-1", "m5.large")->spotAdvisorSavingsPercent.has_value());
}

void TestPriceSheet::tiers_areOrderedAndOpenEnded()
{
    const LambdaArchitecturePrices *x86 = embeddedPriceSheet().lambda("us-east-1", "x86_64");
    QVERIFY(x86);
    QCOMPARE(x86->gbSecond.size(), std::size_t(3));
    QCOMPARE(x86->gbSecond[0].upTo, 6e9);
    QCOMPARE(x86->gbSecond[1].upTo, 15e9);
    QVERIFY(std::isinf(x86->gbSecond[2].upTo));
    const LambdaArchitecturePrices *arm = embeddedPriceSheet().lambda("us-east-1", "arm64");
    QCOMPARE(arm->gbSecond[0].upTo, 7.5e9);
    QCOMPARE(arm->gbSecond[1].upTo, 18.75e9);
}

void TestPriceSheet::burstableTypes_areRecognised_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("burstable");
    QTest::newRow("t3.micro") << "t3.micro" << true;
    QTest::newRow("t4g.large") << "t4g.large" << true;
    QTest::newRow("t3a.small") << "t3a.small" << true;
    QTest::newRow("m5.large") << "m5.large" << false;
    QTest::newRow("trn1.2xlarge-is-not-a-t-family") << "trn1.2xlarge" << false;
}

void TestPriceSheet::burstableTypes_areRecognised()
{
    QFETCH(QString, type);
    QFETCH(bool, burstable);
    Ec2InstanceType t;
    t.name = type.toStdString();
    QCOMPARE(t.isBurstable(), burstable);
}

void TestPriceSheet::unknownKeys_areIgnoredNotFatal()
{
    const auto sheet = parsePriceSheet(R"({"format": "costscape-prices", "version": 1, "name": "n", "futureKey": 1,
        "regions": {"us-east-1": {"ec2": {"m5.large": {"vcpu": 2, "memoryGib": 8,
        "onDemandHourly": {"linux": 0.096, "freebsd": 0.5}, "newField": "x"}}}}})",
                                       "s.prices.json");
    QVERIFY2(sheet.ok(), sheet.error().toString().c_str());
    QCOMPARE(sheet->ec2OnDemandHourly("us-east-1", "m5.large", "linux").value_or(0), 0.096);
    QVERIFY(!sheet->ec2OnDemandHourly("us-east-1", "m5.large", "freebsd"));
    QCOMPARE(sheet.warnings().size(), std::size_t(1)); // the unknown operating system
    QCOMPARE(sheet.warnings()[0].line, 3);
}

namespace {
// A sheet with Fargate on-demand rates and the given "commitments" object on linux/x86_64 (the
// plan rates are illustrative, not prices).
std::string fargateSheet(const std::string &platform, const std::string &commitments)
{
    return R"({"format": "costscape-prices", "version": 1, "name": "n",
  "regions": {"us-east-1": {"fargate": {
    "linux/arm64": {"vcpuHour": 0.03238, "gbHour": 0.00356},
    ")" + platform + R"(": {"vcpuHour": 0.04048, "gbHour": 0.004445, "osLicenseVcpuHour": 0.046,
      "commitments": )" + commitments + R"(}}}}})";
}
} // namespace

void TestPriceSheet::fargateCommitments_areReadPerArchitecture()
{
    const auto sheet = parsePriceSheet(fargateSheet("linux/x86_64", R"({
        "compute-savings-plan/1yr/no-upfront": {"vcpuHour": 0.03, "gbHour": 0.002},
        "compute-savings-plan/3yr/all-upfront": {"vcpuHour": 0.02, "gbHour": 0.0015}})"),
                                       "s.prices.json");
    QVERIFY2(sheet.ok(), sheet.error().toString().c_str());
    QVERIFY(sheet.warnings().empty());
    const FargateRates *x86 = sheet->fargate("us-east-1", "linux", "x86_64");
    QVERIFY(x86);
    QCOMPARE(x86->commitments.size(), std::size_t(2));
    QCOMPARE(x86->commitments.at("compute-savings-plan/1yr/no-upfront"), (FargateCommitmentRate{0.03, 0.002}));
    QCOMPARE(x86->commitments.at("compute-savings-plan/3yr/all-upfront"), (FargateCommitmentRate{0.02, 0.0015}));
    QVERIFY(sheet->fargate("us-east-1", "linux", "arm64")->commitments.empty());
}

void TestPriceSheet::fargateCommitments_badInputIsLocated_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("commitments");
    QTest::addColumn<bool>("fails");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::newRow("no GB rate") << "linux/x86_64" << R"({"compute-savings-plan/1yr/no-upfront": {"vcpuHour": 0.03}})" << true
                                << "gbHour" << 5;
    QTest::newRow("negative rate") << "linux/x86_64"
                                   << R"({"compute-savings-plan/1yr/no-upfront": {"vcpuHour": -0.03, "gbHour": 0.002}})" << true
                                   << "vcpuHour" << 5;
    QTest::newRow("not an object") << "linux/x86_64" << R"({"compute-savings-plan/1yr/no-upfront": 0.03})" << true
                                   << "compute-savings-plan/1yr/no-upfront" << 5;
    // Reservations and EC2 Instance Savings Plans cover EC2 instances, never Fargate: warned, ignored.
    QTest::newRow("a reservation key") << "linux/x86_64"
                                       << R"({"reserved-instance/standard/1yr/no-upfront": {"vcpuHour": 0.03, "gbHour": 0.002}})"
                                       << false << "not a commitment this program knows for Fargate" << 5;
    QTest::newRow("on Windows") << "windows/x86_64"
                                << R"({"compute-savings-plan/1yr/no-upfront": {"vcpuHour": 0.03, "gbHour": 0.002}})" << false
                                << "read for linux/x86_64 and linux/arm64 only" << 5;
}

void TestPriceSheet::fargateCommitments_badInputIsLocated()
{
    QFETCH(QString, platform);
    QFETCH(QString, commitments);
    QFETCH(bool, fails);
    QFETCH(QString, message);
    QFETCH(int, line);
    const auto sheet = parsePriceSheet(fargateSheet(platform.toStdString(), commitments.toStdString()), "s.prices.json");
    if (fails) {
        QVERIFY(!sheet.ok());
        QVERIFY2(QString::fromStdString(sheet.error().message).contains(message), sheet.error().toString().c_str());
        QCOMPARE(sheet.error().line, line);
        QCOMPARE(sheet.error().file, std::string("s.prices.json"));
        return;
    }
    QVERIFY2(sheet.ok(), sheet.error().toString().c_str());
    QCOMPARE(sheet.warnings().size(), std::size_t(1));
    QVERIFY2(QString::fromStdString(sheet.warnings()[0].message).contains(message), sheet.warnings()[0].toString().c_str());
    QCOMPARE(sheet.warnings()[0].line, line);
    for (const auto &[key, rates] : sheet->fargate("us-east-1")->rates)
        QVERIFY(rates.commitments.empty());
}

namespace {
// A sheet with Lambda on-demand prices and the given "commitments" object on x86_64 (the plan
// rates are illustrative, not prices). The "commitments" line is line 6.
std::string lambdaSheet(const std::string &commitments)
{
    return R"({"format": "costscape-prices", "version": 1, "name": "n",
  "regions": {"us-east-1": {"lambda": {
    "arm64": {"requestPerMillion": 0.2, "gbSecond": [{"price": 0.0000133334}]},
    "x86_64": {"requestPerMillion": 0.2, "gbSecond": [{"upTo": 6000000000, "price": 0.0000166667}, {"price": 0.000015}],
      "provisionedGbSecond": 0.0000041667,
      "commitments": )" + commitments + R"(}}}}})";
}
} // namespace

void TestPriceSheet::lambdaCommitments_areReadPerArchitecture()
{
    const auto sheet = parsePriceSheet(lambdaSheet(R"({
        "compute-savings-plan/1yr/no-upfront": {"gbSecond": 0.000014},
        "compute-savings-plan/3yr/all-upfront": {"gbSecond": 0.0000115}})"),
                                       "s.prices.json");
    QVERIFY2(sheet.ok(), sheet.error().toString().c_str());
    QVERIFY(sheet.warnings().empty());
    const LambdaArchitecturePrices *x86 = sheet->lambda("us-east-1", "x86_64");
    QVERIFY(x86);
    const std::map<std::string, LambdaCommitmentRate> expected = {{"compute-savings-plan/1yr/no-upfront", {0.000014}},
                                                                  {"compute-savings-plan/3yr/all-upfront", {0.0000115}}};
    QCOMPARE(x86->commitments, expected);
    QVERIFY(sheet->lambda("us-east-1", "arm64")->commitments.empty());
    // The sheet writer keeps them.
    const auto back = parsePriceSheet(serializePriceSheet(sheet.value()), "back.prices.json");
    QVERIFY2(back.ok(), back.error().toString().c_str());
    QCOMPARE(back->lambda("us-east-1", "x86_64")->commitments, expected);
}

void TestPriceSheet::lambdaCommitments_badInputIsLocated_data()
{
    QTest::addColumn<QString>("commitments");
    QTest::addColumn<bool>("fails");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::newRow("no duration rate") << R"({"compute-savings-plan/1yr/no-upfront": {"provisionedGbSecond": 0.000003}})" << true
                                      << "gbSecond" << 6;
    QTest::newRow("negative rate") << R"({"compute-savings-plan/1yr/no-upfront": {"gbSecond": -0.000014}})" << true << "gbSecond" << 6;
    QTest::newRow("not an object") << R"({"compute-savings-plan/1yr/no-upfront": 0.000014})" << true
                                   << "compute-savings-plan/1yr/no-upfront" << 6;
    QTest::newRow("not an object at all") << R"([0.000014])" << true << "commitments" << 6;
    // Reservations and EC2 Instance Savings Plans cover EC2 instances, never Lambda: warned, ignored.
    QTest::newRow("a reservation key") << R"({"reserved-instance/standard/1yr/no-upfront": {"gbSecond": 0.000014}})" << false
                                       << "not a commitment this program knows for Lambda" << 6;
}

void TestPriceSheet::lambdaCommitments_badInputIsLocated()
{
    QFETCH(QString, commitments);
    QFETCH(bool, fails);
    QFETCH(QString, message);
    QFETCH(int, line);
    const auto sheet = parsePriceSheet(lambdaSheet(commitments.toStdString()), "s.prices.json");
    if (fails) {
        QVERIFY(!sheet.ok());
        QVERIFY2(QString::fromStdString(sheet.error().message).contains(message), sheet.error().toString().c_str());
        QCOMPARE(sheet.error().line, line);
        QCOMPARE(sheet.error().file, std::string("s.prices.json"));
        return;
    }
    QVERIFY2(sheet.ok(), sheet.error().toString().c_str());
    QCOMPARE(sheet.warnings().size(), std::size_t(1));
    QVERIFY2(QString::fromStdString(sheet.warnings()[0].message).contains(message), sheet.warnings()[0].toString().c_str());
    QCOMPARE(sheet.warnings()[0].line, line);
    QVERIFY(sheet->lambda("us-east-1", "x86_64")->commitments.empty());
}

QTEST_GUILESS_MAIN(TestPriceSheet)
#include "tst_pricesheet.moc"
