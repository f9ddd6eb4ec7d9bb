// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The native price-sheet writer (Pricing::serializePriceSheet, pricing/aws/pricesheetwriter.cpp):
// a sheet written to a file and loaded back holds the same prices, to the last bit; tiers keep
// their order with only the last open-ended; optional prices are written only when set; the
// provenance travels with the prices. The sheet is made by hand below, so every expected figure
// is the one set there.

#include "pricing/aws/awsoffer.h"
#include "pricing/pricesheet.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <optional>

using namespace Costscape;
using namespace Costscape::Pricing;

namespace {

constexpr double Open = std::numeric_limits<double>::infinity();

/**
 * eu-west-1 sets every optional price (both Lambda architectures, three Fargate platforms, an EC2
 * type with spot, interruption band and advisor saving); us-east-1 sets none of them; us-west-2
 * has EC2 only. Figures are AWS's list prices of the kind the embedded sheet holds, except the
 * last: 0.1 + 0.2 = 0.30000000000000004 needs all 17 digits to read back the same.
 */
PriceSheet handMadeSheet()
{
    PriceSheet s;
    s.provenance.name = "Hand-made test sheet";
    s.provenance.source = "AWS Price List offer files, AmazonEC2, AWSLambda, AmazonECS";
    s.provenance.retrieved = "2026-11-02";
    s.provenance.currency = "EUR";
    s.provenance.file = "where-it-was-read.prices.json"; // not part of the format: never written

    RegionPrices eu;
    eu.code = "eu-west-1";
    LambdaArchitecturePrices x86;
    x86.requestPerMillion = 0.2;
    x86.gbSecond = {{6e9, 0.0000166667}, {15e9, 0.000015}, {Open, 0.0000133334}};
    x86.provisionedGbSecond = 0.0000041667;
    x86.provisionedDurationGbSecond = 0.0000097222;
    LambdaArchitecturePrices arm;
    arm.requestPerMillion = 0.2;
    arm.gbSecond = {{7.5e9, 0.0000133334}, {Open, 0.0000106667}};
    LambdaPrices lambda;
    lambda.architectures = {{"x86_64", x86}, {"arm64", arm}};
    lambda.ephemeralGbSecond = 0.0000000309;
    lambda.freeTier = LambdaFreeTier{1e6, 400000};
    eu.lambda = lambda;
    FargatePrices fargate;
    fargate.rates = {{"linux/x86_64", {0.04048, 0.004445, std::nullopt, {}}},
                     {"windows/x86_64", {0.09148, 0.01005, 0.046, {}}},
                     {"spot/linux/x86_64", {0.01334053, 0.00146489, std::nullopt, {}}}};
    fargate.ephemeralGbHour = 0.000111;
    eu.fargate = fargate;
    Ec2InstanceType m5;
    m5.name = "m5.large";
    m5.vcpu = 2;
    m5.memoryGib = 8;
    m5.onDemandHourly = {{"linux", 0.107}, {"windows", 0.199}};
    m5.spotHourly = {{"linux", 0.0375}};
    m5.interruption = "<5%";
    m5.spotAdvisorSavingsPercent = 61;
    eu.ec2 = {{"m5.large", m5}};
    s.regions.emplace(eu.code, eu);

    RegionPrices us;
    us.code = "us-east-1";
    LambdaArchitecturePrices plain;
    plain.requestPerMillion = 0.2;
    plain.gbSecond = {{Open, 0.0000166667}};
    us.lambda = LambdaPrices{{{"x86_64", plain}}, std::nullopt, std::nullopt, std::nullopt};
    us.fargate = FargatePrices{{{"linux/x86_64", {0.04048, 0.004445, std::nullopt, {}}}}, std::nullopt};
    Ec2InstanceType micro;
    micro.name = "t3.micro";
    micro.vcpu = 2;
    micro.memoryGib = 1;
    micro.onDemandHourly = {{"linux", 0.1 + 0.2}};
    us.ec2 = {{"t3.micro", micro}};
    s.regions.emplace(us.code, us);

    RegionPrices west;
    west.code = "us-west-2";
    micro.onDemandHourly = {{"linux", 0.0104}};
    west.ec2 = {{"t3.micro", micro}};
    s.regions.emplace(west.code, west);
    return s;
}

/**
 * A price of @p sheet by a path: "lambda:<region>:<arch>:requestPerMillion",
 * "lambda:<region>:<arch>:tier:<i>:price" or ":upTo", "lambda:<region>:ephemeralGbSecond",
 * "lambda:<region>:freeTier:requests", "fargate:<region>:<os/arch>:vcpuHour",
 * "fargate:<region>:ephemeralGbHour", "ec2:<region>:<type>:onDemand:<os>", ":spot:<os>",
 * "ec2:<region>:<type>:vcpu"; nullopt when the sheet has no such price.
 */
std::optional<double> priceAt(const PriceSheet &sheet, const QString &path)
{
    const QStringList p = path.split(QLatin1Char(':'));
    const std::string region = p.value(1).toStdString();
    if (p[0] == QLatin1String("lambda")) {
        const LambdaPrices *l = sheet.lambda(region);
        if (!l)
            return std::nullopt;
        if (p[2] == QLatin1String("ephemeralGbSecond"))
            return l->ephemeralGbSecond;
        if (p[2] == QLatin1String("freeTier")) {
            if (!l->freeTier)
                return std::nullopt;
            return p[3] == QLatin1String("requests") ? l->freeTier->requests : l->freeTier->gbSeconds;
        }
        const LambdaArchitecturePrices *a = sheet.lambda(region, p[2].toStdString());
        if (!a)
            return std::nullopt;
        if (p[3] == QLatin1String("requestPerMillion"))
            return a->requestPerMillion;
        if (p[3] == QLatin1String("provisionedGbSecond"))
            return a->provisionedGbSecond;
        if (p[3] == QLatin1String("provisionedDurationGbSecond"))
            return a->provisionedDurationGbSecond;
        const auto i = static_cast<std::size_t>(p[4].toInt());
        if (i >= a->gbSecond.size())
            return std::nullopt;
        return p[5] == QLatin1String("upTo") ? a->gbSecond[i].upTo : a->gbSecond[i].price;
    }
    if (p[0] == QLatin1String("fargate")) {
        const FargatePrices *f = sheet.fargate(region);
        if (!f)
            return std::nullopt;
        if (p[2] == QLatin1String("ephemeralGbHour"))
            return f->ephemeralGbHour;
        const auto it = f->rates.find(p[2].toStdString());
        if (it == f->rates.end())
            return std::nullopt;
        if (p[3] == QLatin1String("osLicenseVcpuHour"))
            return it->second.osLicenseVcpuHour;
        return p[3] == QLatin1String("vcpuHour") ? it->second.vcpuHour : it->second.gbHour;
    }
    const Ec2InstanceType *t = sheet.ec2(region, p[2].toStdString());
    if (!t)
        return std::nullopt;
    if (p[3] == QLatin1String("vcpu"))
        return t->vcpu;
    if (p[3] == QLatin1String("memoryGib"))
        return t->memoryGib;
    if (p[3] == QLatin1String("advisorSavingsPercent"))
        return t->spotAdvisorSavingsPercent;
    const auto &byOs = p[3] == QLatin1String("spot") ? t->spotHourly : t->onDemandHourly;
    const auto it = byOs.find(p[4].toStdString());
    return it == byOs.end() ? std::nullopt : std::optional<double>(it->second);
}

} // namespace

class TestPriceSheetWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writtenAndLoaded_givesTheSamePrices_data();
    void writtenAndLoaded_givesTheSamePrices();
    void tiers_keepTheirOrderAndOnlyTheLastIsOpen();
    void optionalKeys_writtenOnlyWhenSet_data();
    void optionalKeys_writtenOnlyWhenSet();
    void unsetPrices_loadBackUnset();
    void provenance_isKept();
    void wholeNumbers_areWrittenWithoutFraction();
    void writtenAgain_isTheSameText();

private:
    QTemporaryDir m_dir;
    QString m_file;
    std::string m_text;
    std::optional<PriceSheet> m_loaded;
};

void TestPriceSheetWriter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_text = serializePriceSheet(handMadeSheet());
    m_file = m_dir.filePath(QStringLiteral("written.prices.json"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(m_text.data(), static_cast<qint64>(m_text.size())), static_cast<qint64>(m_text.size()));
    file.close();
    auto loaded = loadPriceSheet(m_file.toStdString());
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toString().c_str());
    QVERIFY(loaded.warnings().empty());
    m_loaded = std::move(loaded).value();
}

void TestPriceSheetWriter::writtenAndLoaded_givesTheSamePrices_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<double>("expected"); // as set in handMadeSheet()
    QTest::newRow("lambda-x86-requests") << "lambda:eu-west-1:x86_64:requestPerMillion" << 0.2;
    QTest::newRow("lambda-x86-first-tier-price") << "lambda:eu-west-1:x86_64:tier:0:price" << 0.0000166667;
    QTest::newRow("lambda-x86-middle-tier-price") << "lambda:eu-west-1:x86_64:tier:1:price" << 0.000015;
    QTest::newRow("lambda-x86-last-tier-price") << "lambda:eu-west-1:x86_64:tier:2:price" << 0.0000133334;
    QTest::newRow("lambda-x86-provisioned") << "lambda:eu-west-1:x86_64:provisionedGbSecond" << 0.0000041667;
    QTest::newRow("lambda-x86-provisioned-duration") << "lambda:eu-west-1:x86_64:provisionedDurationGbSecond" << 0.0000097222;
    QTest::newRow("lambda-arm-first-tier-price") << "lambda:eu-west-1:arm64:tier:0:price" << 0.0000133334;
    QTest::newRow("lambda-arm-last-tier-price") << "lambda:eu-west-1:arm64:tier:1:price" << 0.0000106667;
    QTest::newRow("lambda-ephemeral-storage") << "lambda:eu-west-1:ephemeralGbSecond" << 0.0000000309;
    QTest::newRow("lambda-free-requests") << "lambda:eu-west-1:freeTier:requests" << 1e6;
    QTest::newRow("lambda-free-gb-seconds") << "lambda:eu-west-1:freeTier:gbSeconds" << 400000.0;
    QTest::newRow("fargate-linux-vcpu") << "fargate:eu-west-1:linux/x86_64:vcpuHour" << 0.04048;
    QTest::newRow("fargate-linux-gb") << "fargate:eu-west-1:linux/x86_64:gbHour" << 0.004445;
    QTest::newRow("fargate-windows-licence") << "fargate:eu-west-1:windows/x86_64:osLicenseVcpuHour" << 0.046;
    QTest::newRow("fargate-spot-vcpu") << "fargate:eu-west-1:spot/linux/x86_64:vcpuHour" << 0.01334053;
    QTest::newRow("fargate-spot-gb") << "fargate:eu-west-1:spot/linux/x86_64:gbHour" << 0.00146489;
    QTest::newRow("fargate-ephemeral-storage") << "fargate:eu-west-1:ephemeralGbHour" << 0.000111;
    QTest::newRow("ec2-m5-vcpu") << "ec2:eu-west-1:m5.large:vcpu" << 2.0;
    QTest::newRow("ec2-m5-memory") << "ec2:eu-west-1:m5.large:memoryGib" << 8.0;
    QTest::newRow("ec2-m5-linux") << "ec2:eu-west-1:m5.large:onDemand:linux" << 0.107;
    QTest::newRow("ec2-m5-windows") << "ec2:eu-west-1:m5.large:onDemand:windows" << 0.199;
    QTest::newRow("ec2-m5-spot-linux") << "ec2:eu-west-1:m5.large:spot:linux" << 0.0375;
    QTest::newRow("ec2-m5-advisor-saving") << "ec2:eu-west-1:m5.large:advisorSavingsPercent" << 61.0;
    // 0.1 + 0.2 is 0.30000000000000004 in binary64: it reads back only if all 17 digits are written.
    QTest::newRow("ec2-price-needing-17-digits") << "ec2:us-east-1:t3.micro:onDemand:linux" << 0.30000000000000004;
    QTest::newRow("ec2-third-region") << "ec2:us-west-2:t3.micro:onDemand:linux" << 0.0104;
}

void TestPriceSheetWriter::writtenAndLoaded_givesTheSamePrices()
{
    QFETCH(QString, path);
    QFETCH(double, expected);
    QVERIFY(m_loaded);
    const std::optional<double> price = priceAt(*m_loaded, path);
    QVERIFY2(price, qPrintable(path));
    // Exactly the same double, not merely close: the writer promises a lossless round trip.
    QVERIFY2(*price == expected,
             qPrintable(QStringLiteral("%1: %2, expected %3").arg(path).arg(*price, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    // And the same as the sheet it was written from.
    QCOMPARE(priceAt(handMadeSheet(), path), price);
}

void TestPriceSheetWriter::tiers_keepTheirOrderAndOnlyTheLastIsOpen()
{
    const QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(m_text)).object();
    const QJsonArray tiers = root[QLatin1String("regions")][QLatin1String("eu-west-1")][QLatin1String("lambda")]
                                 [QLatin1String("x86_64")][QLatin1String("gbSecond")].toArray();
    QCOMPARE(tiers.size(), 3);
    // In the order set: up to 6 billion GB-s, up to 15 billion, then all further usage.
    QCOMPARE(tiers[0][QLatin1String("upTo")].toDouble(), 6e9);
    QCOMPARE(tiers[0][QLatin1String("price")].toDouble(), 0.0000166667);
    QCOMPARE(tiers[1][QLatin1String("upTo")].toDouble(), 15e9);
    QCOMPARE(tiers[1][QLatin1String("price")].toDouble(), 0.000015);
    QVERIFY(!tiers[2].toObject().contains(QLatin1String("upTo")));
    QCOMPARE(tiers[2][QLatin1String("price")].toDouble(), 0.0000133334);

    const LambdaArchitecturePrices *loaded = m_loaded->lambda("eu-west-1", "x86_64");
    QVERIFY(loaded);
    QCOMPARE(loaded->gbSecond.size(), std::size_t(3));
    QCOMPARE(loaded->gbSecond[0].upTo, 6e9);
    QCOMPARE(loaded->gbSecond[1].upTo, 15e9);
    QVERIFY(std::isinf(loaded->gbSecond[2].upTo));
    // A single tier is the open-ended one.
    const QJsonArray single = root[QLatin1String("regions")][QLatin1String("us-east-1")][QLatin1String("lambda")]
                                  [QLatin1String("x86_64")][QLatin1String("gbSecond")].toArray();
    QCOMPARE(single.size(), 1);
    QVERIFY(!single[0].toObject().contains(QLatin1String("upTo")));
}

void TestPriceSheetWriter::optionalKeys_writtenOnlyWhenSet_data()
{
    QTest::addColumn<QStringList>("object"); // the JSON object's path from the top
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("written");
    const QString eu = QStringLiteral("eu-west-1");
    const QString us = QStringLiteral("us-east-1");
    const QString west = QStringLiteral("us-west-2");
    auto at = [](std::initializer_list<QString> keys) {
        QStringList path{QStringLiteral("regions")};
        for (const QString &k : keys)
            path.push_back(k);
        return path;
    };
    const QString lambda = QStringLiteral("lambda");
    const QString fargate = QStringLiteral("fargate");
    const QString ec2 = QStringLiteral("ec2");

    QTest::newRow("lambda-provisioned-set") << at({eu, lambda, QStringLiteral("x86_64")}) << "provisionedGbSecond" << true;
    QTest::newRow("lambda-provisioned-unset") << at({eu, lambda, QStringLiteral("arm64")}) << "provisionedGbSecond" << false;
    QTest::newRow("lambda-provisioned-duration-set")
        << at({eu, lambda, QStringLiteral("x86_64")}) << "provisionedDurationGbSecond" << true;
    QTest::newRow("lambda-provisioned-duration-unset")
        << at({eu, lambda, QStringLiteral("arm64")}) << "provisionedDurationGbSecond" << false;
    QTest::newRow("lambda-ephemeral-set") << at({eu, lambda}) << "ephemeralGbSecond" << true;
    QTest::newRow("lambda-ephemeral-unset") << at({us, lambda}) << "ephemeralGbSecond" << false;
    QTest::newRow("lambda-free-tier-set") << at({eu, lambda}) << "freeTier" << true;
    QTest::newRow("lambda-free-tier-unset") << at({us, lambda}) << "freeTier" << false;
    QTest::newRow("lambda-architecture-not-priced") << at({us, lambda}) << "arm64" << false;
    QTest::newRow("fargate-licence-set") << at({eu, fargate, QStringLiteral("windows/x86_64")}) << "osLicenseVcpuHour" << true;
    QTest::newRow("fargate-licence-unset") << at({eu, fargate, QStringLiteral("linux/x86_64")}) << "osLicenseVcpuHour" << false;
    QTest::newRow("fargate-ephemeral-set") << at({eu, fargate}) << "ephemeralGbHour" << true;
    QTest::newRow("fargate-ephemeral-unset") << at({us, fargate}) << "ephemeralGbHour" << false;
    QTest::newRow("ec2-spot-set") << at({eu, ec2, QStringLiteral("m5.large")}) << "spotHourly" << true;
    QTest::newRow("ec2-spot-unset") << at({us, ec2, QStringLiteral("t3.micro")}) << "spotHourly" << false;
    QTest::newRow("ec2-interruption-set") << at({eu, ec2, QStringLiteral("m5.large")}) << "interruption" << true;
    QTest::newRow("ec2-interruption-unset") << at({us, ec2, QStringLiteral("t3.micro")}) << "interruption" << false;
    QTest::newRow("ec2-advisor-set") << at({eu, ec2, QStringLiteral("m5.large")}) << "spotAdvisorSavingsPercent" << true;
    QTest::newRow("ec2-advisor-unset") << at({us, ec2, QStringLiteral("t3.micro")}) << "spotAdvisorSavingsPercent" << false;
    QTest::newRow("region-without-lambda") << at({west}) << "lambda" << false;
    QTest::newRow("region-without-fargate") << at({west}) << "fargate" << false;
    QTest::newRow("region-with-ec2") << at({west}) << "ec2" << true;
    // Where the sheet was read from is not part of the sheet.
    QTest::newRow("file-never-written") << QStringList() << "file" << false;
}

void TestPriceSheetWriter::optionalKeys_writtenOnlyWhenSet()
{
    QFETCH(QStringList, object);
    QFETCH(QString, key);
    QFETCH(bool, written);
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(m_text)).object();
    for (const QString &k : object) {
        QVERIFY2(o.contains(k), qPrintable(object.join(QLatin1Char('/'))));
        o = o[k].toObject();
    }
    QCOMPARE(o.contains(key), written);
}

void TestPriceSheetWriter::unsetPrices_loadBackUnset()
{
    const LambdaArchitecturePrices *arm = m_loaded->lambda("eu-west-1", "arm64");
    QVERIFY(arm);
    QVERIFY(!arm->provisionedGbSecond);
    QVERIFY(!arm->provisionedDurationGbSecond);
    const LambdaPrices *us = m_loaded->lambda("us-east-1");
    QVERIFY(us);
    QVERIFY(!us->ephemeralGbSecond);
    QVERIFY(!us->freeTier);
    QVERIFY(!m_loaded->lambda("us-east-1", "arm64"));
    QVERIFY(!m_loaded->fargate("eu-west-1", "linux", "x86_64")->osLicenseVcpuHour);
    QVERIFY(!m_loaded->fargate("us-east-1")->ephemeralGbHour);
    const Ec2InstanceType *micro = m_loaded->ec2("us-east-1", "t3.micro");
    QVERIFY(micro);
    QVERIFY(micro->spotHourly.empty());
    QVERIFY(micro->interruption.empty());
    QVERIFY(!micro->spotAdvisorSavingsPercent);
    QVERIFY(!m_loaded->lambda("us-west-2"));
    QVERIFY(!m_loaded->fargate("us-west-2"));
}

void TestPriceSheetWriter::provenance_isKept()
{
    const PriceSheet original = handMadeSheet();
    QCOMPARE(m_loaded->provenance.name, original.provenance.name);
    QCOMPARE(m_loaded->provenance.source, original.provenance.source);
    QCOMPARE(m_loaded->provenance.retrieved, original.provenance.retrieved);
    QCOMPARE(m_loaded->provenance.currency, std::string("EUR")); // not the reader's default, USD
    // The file is where this copy was read from, not where the original was.
    QCOMPARE(m_loaded->provenance.file, m_file.toStdString());
    const auto parsed = parsePriceSheet(m_text, "label.prices.json");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->provenance.file, std::string("label.prices.json"));
    QCOMPARE(parsed->provenance.retrieved, original.provenance.retrieved);

    const QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(m_text)).object();
    QCOMPARE(root[QLatin1String("format")].toString(), QStringLiteral("costscape-prices"));
    QCOMPARE(root[QLatin1String("version")].toInt(), 1);
}

void TestPriceSheetWriter::wholeNumbers_areWrittenWithoutFraction()
{
    // FORMATS.md writes counts and sizes as integers: "vcpu": 2, not 2.0.
    const QString text = QString::fromStdString(m_text);
    QVERIFY(text.contains(QStringLiteral("\"vcpu\": 2,")));
    QVERIFY(text.contains(QStringLiteral("\"memoryGib\": 8,")));
    QVERIFY(text.contains(QStringLiteral("\"upTo\": 6000000000,")));
    QVERIFY(text.contains(QStringLiteral("\"requests\": 1000000,")));
    QVERIFY(!text.contains(QStringLiteral(".0,")));
}

void TestPriceSheetWriter::writtenAgain_isTheSameText()
{
    QCOMPARE(serializePriceSheet(*m_loaded), m_text);
}

QTEST_GUILESS_MAIN(TestPriceSheetWriter)
#include "tst_pricesheetwriter.moc"
