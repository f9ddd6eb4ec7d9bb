// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// import-aws reading commitment rates (issue 16): the Reserved terms of the EC2 offer (GetProducts
// JSON and bulk CSV) and the Savings Plans offer (AWSComputeSavingsPlan JSON), streamed by the
// same reader as the on-demand prices. Inputs are the stored excerpts of tests/data/pricelist
// (SOURCES.md there says what each is).

#include "pricing/aws/awsoffer.h"
#include "pricing/aws/awsoffercollector.h"
#include "pricing/pricesheet.h"

#include <QtTest>

#include <algorithm>

using namespace Costscape;
using namespace Costscape::Pricing;

namespace {

std::string dataPath(const char *name)
{
    return std::string(COSTSCAPE_TEST_DATA_DIR) + "/pricelist/" + name;
}

QString errorText(const Error &e) { return QString::fromStdString(e.toString()); }

bool anyWarningContains(const std::vector<Error> &warnings, const std::string &what)
{
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const Error &e) { return e.message.find(what) != std::string::npos; });
}

struct ChunkGuard {
    std::size_t saved = AwsOffer::chunkSize();
    ~ChunkGuard() { AwsOffer::setChunkSizeForTesting(saved); }
};

// aws/amazon-ec2-instance-selector's stored GetProducts answer for m5.large in us-east-1 (real
// AWS Price List data): its 12 Reserved offers.
const char *const M5GetProducts = "ec2-instance-selector_GetProducts_m5_large.json";
// The same record as a bulk CSV offer (derived here: SOURCES.md), with the upfront row of the
// 1-year standard Partial Upfront offer left out.
const char *const DerivedCsv = "derived_AmazonEC2_m5_large_reserved.csv";
// ligoj/plugin-prov-aws's AWSComputeSavingsPlan file (eu-west-1; a hand-edited mock, format only).
const char *const LigojPlans = "ligoj_AWSComputeSavingsPlan_eu-west-1_index.json";
// Made here in the layout of AWS's Savings Plans offer file (Billing User Guide), with the m5.large
// Compute Savings Plans rates of the embedded sheet (pricesim, SOURCES.md section 8); the other
// rates are not prices (9.999) and must not be taken.
const char *const DerivedPlans = "derived_AWSComputeSavingsPlan_us-east-1_m5_large.json";

// Made here in the same layout with Fargate usage types; its rates are illustrative test values,
// NOT prices (no public per-unit Fargate Savings Plans rate was found): SOURCES.md there.
const char *const DerivedFargatePlans = "derived_AWSComputeSavingsPlan_us-east-1_fargate.json";
// opencost's AmazonECS offer for us-east-1: the Fargate on-demand rates the plan rates go beside.
const char *const EcsJson = "opencost_ecs-pricing-us-east-1.json";

// Made here in the same layout with Lambda usage types (eu-west-1); its rates are illustrative
// test values, NOT prices (no public per-unit Lambda Savings Plans rate was found): SOURCES.md there.
const char *const DerivedLambdaPlans = "derived_AWSComputeSavingsPlan_eu-west-1_lambda.json";
// ligoj/plugin-prov-aws's AWSLambda CSV offer for eu-west-1: x86_64 on-demand Lambda prices only.
const char *const LambdaCsv = "ligoj_AWSLambda_eu-west-1_index.csv";

const PriceSheet &embedded() { return embeddedPriceSheet(); }

} // namespace

class TestAwsCommitments final : public QObject
{
    Q_OBJECT

private slots:
    void reservedGetProducts_takesAllTwelveOffers_data();
    void reservedGetProducts_takesAllTwelveOffers();
    void reservedGetProducts_sameAtEveryChunkSize();
    void reservedCsv_takesCompleteOffersOnly();
    void savingsPlans_takeLinuxSharedEc2RatesOnly();
    void savingsPlans_beforeTheEc2Offer_areNotTakenAndSaySo();
    void savingsPlans_mock_readsFormatAndTakesNothingWrong();
    void importedRates_roundTripThroughTheWriter();
    void fargatePlans_takeLinuxVcpuAndGbRatesPerArchitecture();
    void fargatePlans_beforeTheEcsOffer_areNotTakenAndSaySo();
    void fargatePlans_roundTripThroughTheWriter();
    void lambdaPlans_takeDurationRatesPerArchitecture();
    void lambdaPlans_beforeTheLambdaOffer_areNotTakenAndSaySo();
    void lambdaPlans_roundTripThroughTheWriter();
};

void TestAwsCommitments::reservedGetProducts_takesAllTwelveOffers_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("upfront");
    QTest::addColumn<double>("hourly");
    // The record's own figures (its "Upfront Fee" / Quantity and Hrs dimensions).
    QTest::newRow("std-1yr-no") << "reserved-instance/standard/1yr/no-upfront" << 0.0 << 0.06;
    QTest::newRow("std-1yr-partial") << "reserved-instance/standard/1yr/partial-upfront" << 252.0 << 0.029;
    QTest::newRow("std-1yr-all") << "reserved-instance/standard/1yr/all-upfront" << 494.0 << 0.0;
    QTest::newRow("std-3yr-no") << "reserved-instance/standard/3yr/no-upfront" << 0.0 << 0.041;
    QTest::newRow("std-3yr-partial") << "reserved-instance/standard/3yr/partial-upfront" << 505.0 << 0.019;
    QTest::newRow("std-3yr-all") << "reserved-instance/standard/3yr/all-upfront" << 949.0 << 0.0;
    QTest::newRow("conv-1yr-no") << "reserved-instance/convertible/1yr/no-upfront" << 0.0 << 0.071;
    QTest::newRow("conv-1yr-partial") << "reserved-instance/convertible/1yr/partial-upfront" << 294.0 << 0.034;
    QTest::newRow("conv-1yr-all") << "reserved-instance/convertible/1yr/all-upfront" << 577.0 << 0.0;
    QTest::newRow("conv-3yr-no") << "reserved-instance/convertible/3yr/no-upfront" << 0.0 << 0.049;
    QTest::newRow("conv-3yr-partial") << "reserved-instance/convertible/3yr/partial-upfront" << 592.0 << 0.023;
    QTest::newRow("conv-3yr-all") << "reserved-instance/convertible/3yr/all-upfront" << 1161.0 << 0.0;
}

void TestAwsCommitments::reservedGetProducts_takesAllTwelveOffers()
{
    QFETCH(QString, key);
    QFETCH(double, upfront);
    QFETCH(double, hourly);
    PriceSheet sheet;
    const auto r = importAwsOffer(dataPath(M5GetProducts), sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QCOMPARE(r->commitmentRates, std::size_t(12));
    const Ec2InstanceType *t = sheet.ec2("us-east-1", "m5.large");
    QVERIFY(t);
    QCOMPARE(t->commitments.size(), std::size_t(12));
    const auto it = t->commitments.find(key.toStdString());
    QVERIFY(it != t->commitments.end());
    QCOMPARE(it->second.upfront, upfront);
    QCOMPARE(it->second.hourly, hourly);
    // The embedded sheet took the same offers from other sources (SOURCES.md section 8: the
    // pricing-page feeds and a 2020 Price List record): the import agrees with them.
    const PriceSheet &e = embedded();
    const Ec2InstanceType *et = e.ec2("us-east-1", "m5.large");
    QVERIFY(et);
    const auto eit = et->commitments.find(key.toStdString());
    QVERIFY(eit != et->commitments.end());
    QCOMPARE(it->second, eit->second);
}

void TestAwsCommitments::reservedGetProducts_sameAtEveryChunkSize()
{
    ChunkGuard guard;
    PriceSheet whole;
    QVERIFY(importAwsOffer(dataPath(M5GetProducts), whole).ok());
    for (std::size_t chunk : {16u, 17u, 64u, 1000u}) {
        AwsOffer::setChunkSizeForTesting(chunk);
        PriceSheet pieces;
        const auto r = importAwsOffer(dataPath(M5GetProducts), pieces);
        QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
        QCOMPARE(pieces.ec2("us-east-1", "m5.large")->commitments, whole.ec2("us-east-1", "m5.large")->commitments);
    }
}

void TestAwsCommitments::reservedCsv_takesCompleteOffersOnly()
{
    PriceSheet fromJson;
    QVERIFY(importAwsOffer(dataPath(M5GetProducts), fromJson).ok());
    PriceSheet sheet;
    const auto r = importAwsOffer(dataPath(DerivedCsv), sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QCOMPARE(r->format, std::string("csv"));
    const Ec2InstanceType *t = sheet.ec2("us-east-1", "m5.large");
    QVERIFY(t);
    QCOMPARE(sheet.ec2OnDemandHourly("us-east-1", "m5.large", "linux"), std::optional<double>(0.096));
    // The offer without its upfront fee is refused (it would be priced as $0.029/h and nothing
    // upfront, far below the real offer), with a warning; the other eleven are the JSON's.
    QCOMPARE(r->commitmentRates, std::size_t(11));
    QVERIFY(!t->commitments.count("reserved-instance/standard/1yr/partial-upfront"));
    QVERIFY(anyWarningContains(r.warnings(), "Reserved offers lack"));
    auto expected = fromJson.ec2("us-east-1", "m5.large")->commitments;
    expected.erase("reserved-instance/standard/1yr/partial-upfront");
    QCOMPARE(t->commitments, expected);
}

void TestAwsCommitments::savingsPlans_takeLinuxSharedEc2RatesOnly()
{
    PriceSheet sheet;
    QVERIFY(importAwsOffer(dataPath(M5GetProducts), sheet).ok());
    const auto r = importAwsOffer(dataPath(DerivedPlans), sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QCOMPARE(r->offerCode, std::string("AWSComputeSavingsPlan"));
    QCOMPARE(r->products, std::size_t(2));
    QCOMPARE(r->commitmentRates, std::size_t(2));
    const Ec2InstanceType *t = sheet.ec2("us-east-1", "m5.large");
    QVERIFY(t);
    QCOMPARE(t->commitments.at("compute-savings-plan/1yr/no-upfront"), (CommitmentRate{0, 0.071}));
    QCOMPARE(t->commitments.at("compute-savings-plan/3yr/all-upfront"), (CommitmentRate{0, 0.044}));
    // The Reserved offers of the first file stay.
    QCOMPARE(t->commitments.size(), std::size_t(14));
    // Windows (RunInstances:0002) is not a Linux rate; the on-demand price is untouched.
    QCOMPARE(sheet.ec2OnDemandHourly("us-east-1", "m5.large", "linux"), std::optional<double>(0.096));
    for (const auto &[key, rate] : t->commitments)
        QVERIFY2(rate.hourly < 1, key.c_str());
    // The Fargate rate and the rate for a type the sheet lacks are named in warnings.
    // The Fargate vCPU rate has no GB-hour rate beside it (and is not a price): not taken, and said.
    QVERIFY(anyWarningContains(r.warnings(), "1 Fargate Savings Plans have only one of their vCPU-hour and GB-hour rates"));
    QVERIFY(anyWarningContains(r.warnings(), "us-east-1 c1.medium"));
    QVERIFY(!sheet.ec2("us-east-1", "c1.medium"));
}

void TestAwsCommitments::savingsPlans_beforeTheEc2Offer_areNotTakenAndSaySo()
{
    PriceSheet sheet;
    const auto r = importAwsOffer(dataPath(DerivedPlans), sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QCOMPARE(r->prices, std::size_t(0));
    QVERIFY(sheet.regions.empty());
    QVERIFY(anyWarningContains(r.warnings(), "import the region's EC2 offer file first"));
}

void TestAwsCommitments::savingsPlans_mock_readsFormatAndTakesNothingWrong()
{
    // The mock's products are an array with sku, usageType beside the attributes, and
    // terms.savingsPlan an array of plans with rates: the layout of the real files. Its EC2 rates
    // carry no discountedOperation (so no Linux rate can be told apart), and dedicated usage is
    // never a shared-tenancy rate: nothing is taken, and the Fargate and Lambda rates are counted.
    PriceSheet sheet;
    const auto r = importAwsOffer(dataPath(LigojPlans), sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QCOMPARE(r->products, std::size_t(3));
    QCOMPARE(r->commitmentRates, std::size_t(0));
    QCOMPARE(r->publicationDate, std::string("2020-02-20T22:03:00Z"));
    // Of its 11 rates for other services, the three Linux Fargate ones are read (EU- prefix:
    // eu-west-1) and not taken, for want of the region's Fargate on-demand prices; the 1-year plan
    // has no GB-hour rate. The two Lambda duration rates are read and not taken, for want of the
    // region's Lambda on-demand prices; the other 4 Lambda rates and 2 "IGNORE" rates are counted.
    QVERIFY(anyWarningContains(r.warnings(), "6 Savings Plans rates for Lambda provisioned concurrency, Windows or Spot Fargate, or other services"));
    QVERIFY(anyWarningContains(r.warnings(), "1 Lambda architectures have Savings Plans rates in this file but no on-demand price in the "
                                             "sheet (first: eu-west-1 x86_64)"));
    QVERIFY(anyWarningContains(r.warnings(), "Fargate platforms have Savings Plans rates in this file but no on-demand price"));
    QVERIFY(anyWarningContains(r.warnings(), "(first: eu-west-1 linux/x86_64 compute-savings-plan/1yr/all-upfront (no GB-hour rate))"));
    QVERIFY(sheet.regions.empty());
}

void TestAwsCommitments::importedRates_roundTripThroughTheWriter()
{
    PriceSheet sheet;
    QVERIFY(importAwsOffer(dataPath(M5GetProducts), sheet).ok());
    QVERIFY(importAwsOffer(dataPath(DerivedPlans), sheet).ok());
    const std::string text = serializePriceSheet(sheet);
    const auto back = parsePriceSheet(text, "round-trip");
    QVERIFY2(back.ok(), qPrintable(errorText(back.error())));
    QCOMPARE(back->ec2("us-east-1", "m5.large")->commitments, sheet.ec2("us-east-1", "m5.large")->commitments);
}

void TestAwsCommitments::fargatePlans_takeLinuxVcpuAndGbRatesPerArchitecture()
{
    PriceSheet sheet;
    QVERIFY(importAwsOffer(dataPath(EcsJson), sheet).ok());
    const auto r = importAwsOffer(dataPath(DerivedFargatePlans), sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QCOMPARE(r->offerCode, std::string("AWSComputeSavingsPlan"));
    // x86 1yr NU (2 rates), ARM 1yr NU (2), ARM 3yr AU (2); the x86 3yr AU plan lost its GB rate.
    QCOMPARE(r->commitmentRates, std::size_t(6));
    const FargateRates *x86 = sheet.fargate("us-east-1", "linux", "x86_64");
    const FargateRates *arm = sheet.fargate("us-east-1", "linux", "arm64");
    QVERIFY(x86 && arm);
    // The on-demand rates of the ECS offer stay as they were (SOURCES.md: 0.04048 / 0.004445).
    QCOMPARE(x86->vcpuHour, 0.04048);
    QCOMPARE(x86->gbHour, 0.004445);
    // The region prefix USE1- is stripped like the others; the first of two different rates stays.
    const std::map<std::string, FargateCommitmentRate> x86Expected = {{"compute-savings-plan/1yr/no-upfront", {0.03, 0.002}}};
    QCOMPARE(x86->commitments, x86Expected);
    const std::map<std::string, FargateCommitmentRate> armExpected = {{"compute-savings-plan/1yr/no-upfront", {0.024, 0.0016}},
                                                                      {"compute-savings-plan/3yr/all-upfront", {0.016, 0.0012}}};
    QCOMPARE(arm->commitments, armExpected);
    // Windows Fargate has no place for plan rates; nothing 9.999 was taken anywhere.
    QVERIFY(sheet.fargate("us-east-1", "windows", "x86_64")->commitments.empty());
    // The AmazonEKS rate that disagrees, the GB rate in Quantity, the plan left with one rate, and
    // the Windows and Lambda rates: each said in a warning.
    QVERIFY(anyWarningContains(r.warnings(), "a second Savings Plans rate for USE1-Fargate-GB-Hours in us-east-1 (9.999 after 0.002"));
    QVERIFY(anyWarningContains(r.warnings(), "USE1-Fargate-GB-Hours has unit \"Quantity\", not hours; skipped"));
    QVERIFY(anyWarningContains(r.warnings(),
                               "(first: us-east-1 linux/x86_64 compute-savings-plan/3yr/all-upfront (no GB-hour rate)); not taken"));
    QVERIFY(anyWarningContains(r.warnings(), "1 Savings Plans rates for Lambda provisioned concurrency, Windows or Spot Fargate"));
    QVERIFY(anyWarningContains(r.warnings(), "Lambda architectures have Savings Plans rates in this file but no on-demand price in the "
                                             "sheet (first: us-east-1 x86_64)"));
    // The AmazonEKS duplicate that agrees is no warning.
    QVERIFY(!anyWarningContains(r.warnings(), "USE1-Fargate-vCPU-Hours:perCPU in us-east-1"));
}

void TestAwsCommitments::fargatePlans_beforeTheEcsOffer_areNotTakenAndSaySo()
{
    PriceSheet sheet;
    const auto r = importAwsOffer(dataPath(DerivedFargatePlans), sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QCOMPARE(r->commitmentRates, std::size_t(0));
    QVERIFY(sheet.regions.empty());
    QVERIFY(anyWarningContains(r.warnings(), "import the region's AmazonECS offer file first, in the same command"));
}

void TestAwsCommitments::fargatePlans_roundTripThroughTheWriter()
{
    PriceSheet sheet;
    QVERIFY(importAwsOffer(dataPath(EcsJson), sheet).ok());
    QVERIFY(importAwsOffer(dataPath(DerivedFargatePlans), sheet).ok());
    const std::string text = serializePriceSheet(sheet);
    QVERIFY(text.find("\"compute-savings-plan/3yr/all-upfront\"") != std::string::npos);
    const auto back = parsePriceSheet(text, "round-trip");
    QVERIFY2(back.ok(), qPrintable(errorText(back.error())));
    for (const char *arch : {"x86_64", "arm64"})
        QCOMPARE(back->fargate("us-east-1", "linux", arch)->commitments, sheet.fargate("us-east-1", "linux", arch)->commitments);
    QCOMPARE(back->fargate("us-east-1", "linux", "arm64")->commitments.size(), std::size_t(2));
}

void TestAwsCommitments::lambdaPlans_takeDurationRatesPerArchitecture()
{
    PriceSheet sheet;
    QVERIFY(importAwsOffer(dataPath(LambdaCsv), sheet).ok());
    const auto r = importAwsOffer(dataPath(DerivedLambdaPlans), sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QCOMPARE(r->offerCode, std::string("AWSComputeSavingsPlan"));
    // The x86_64 1-year No Upfront duration rate only: the 3-year x86 rate is in the wrong unit,
    // and the ARM rates have no arm64 on-demand prices beside them (the CSV has x86_64 only).
    QCOMPARE(r->commitmentRates, std::size_t(1));
    const LambdaArchitecturePrices *x86 = sheet.lambda("eu-west-1", "x86_64");
    QVERIFY(x86);
    const std::map<std::string, LambdaCommitmentRate> expected = {{"compute-savings-plan/1yr/no-upfront", {0.000014}}};
    QCOMPARE(x86->commitments, expected);
    // The on-demand prices of the Lambda offer stay as they were (the CSV's 0.0000166667).
    QCOMPARE(x86->gbSecond.front().price, 0.0000166667);
    QVERIFY(!sheet.lambda("eu-west-1", "arm64"));
    // The second, different duration rate, the rate in Quantity, the ARM rates, and the
    // provisioned and request rates: each said in a warning.
    QVERIFY(anyWarningContains(r.warnings(), "a second Savings Plans rate for EU-Lambda-GB-Second in eu-west-1 (9.999 after "));
    QVERIFY(anyWarningContains(r.warnings(), "EU-Lambda-GB-Second has unit \"Quantity\", not GB-seconds; skipped"));
    QVERIFY(anyWarningContains(r.warnings(), "1 Lambda architectures have Savings Plans rates in this file but no on-demand price in the "
                                             "sheet (first: eu-west-1 arm64)"));
    QVERIFY(anyWarningContains(r.warnings(), "3 Savings Plans rates for Lambda provisioned concurrency"));
}

void TestAwsCommitments::lambdaPlans_beforeTheLambdaOffer_areNotTakenAndSaySo()
{
    PriceSheet sheet;
    const auto r = importAwsOffer(dataPath(DerivedLambdaPlans), sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QCOMPARE(r->commitmentRates, std::size_t(0));
    QVERIFY(sheet.regions.empty());
    QVERIFY(anyWarningContains(r.warnings(), "import the region's AWSLambda offer file first, in the same command"));
}

void TestAwsCommitments::lambdaPlans_roundTripThroughTheWriter()
{
    PriceSheet sheet;
    QVERIFY(importAwsOffer(dataPath(LambdaCsv), sheet).ok());
    QVERIFY(importAwsOffer(dataPath(DerivedLambdaPlans), sheet).ok());
    const std::string text = serializePriceSheet(sheet);
    const auto back = parsePriceSheet(text, "round-trip");
    QVERIFY2(back.ok(), qPrintable(errorText(back.error())));
    QCOMPARE(back->lambda("eu-west-1", "x86_64")->commitments, sheet.lambda("eu-west-1", "x86_64")->commitments);
    QCOMPARE(back->lambda("eu-west-1", "x86_64")->commitments.size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestAwsCommitments)
#include "tst_awscommitments.moc"
