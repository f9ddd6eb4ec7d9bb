// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/aws/spotfeeds.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Pricing;

namespace {

const char *const UpstreamFile = COSTSCAPE_TEST_DATA_DIR "/pricelist/ec2-instance-selector_DescribeSpotPriceHistory_m5_large.json";
const char *const AdvisorFile = COSTSCAPE_TEST_DATA_DIR "/pricelist/spot-advisor-excerpt.json";

std::string readFile(const char *path)
{
    QFile f(QString::fromUtf8(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

// A small native sheet: m5.large and c5.large in us-east-1 (m5.large with a spot price already
// set, to see that a failed load leaves it alone), m5.large in eu-west-1.
PriceSheet smallSheet()
{
    auto sheet = parsePriceSheet(R"({"format": "costscape-prices", "version": 1, "name": "test",
        "regions": {
          "us-east-1": {"ec2": {
            "m5.large": {"vcpu": 2, "memoryGib": 8, "onDemandHourly": {"linux": 0.096}, "spotHourly": {"linux": 0.05}},
            "c5.large": {"vcpu": 2, "memoryGib": 4, "onDemandHourly": {"linux": 0.085}}}},
          "eu-west-1": {"ec2": {
            "m5.large": {"vcpu": 2, "memoryGib": 8, "onDemandHourly": {"linux": 0.107}}}}}})",
                                 "small.prices.json");
    if (!sheet)
        qFatal("%s", sheet.error().toString().c_str());
    return sheet.value();
}

// One DescribeSpotPriceHistory record per line, so errors have a known line.
std::string history(const std::vector<std::string> &records)
{
    std::string text = "{\"SpotPriceHistory\": [\n";
    for (std::size_t i = 0; i < records.size(); ++i)
        text += records[i] + (i + 1 < records.size() ? ",\n" : "\n");
    return text + "]}\n";
}

std::string record(const std::string &zone, const std::string &price, const std::string &time,
                   const std::string &type = "m5.large", const std::string &description = "Linux/UNIX")
{
    return R"({"AvailabilityZone": ")" + zone + R"(", "InstanceType": ")" + type + R"(", "ProductDescription": ")"
        + description + R"(", "SpotPrice": ")" + price + R"(", "Timestamp": ")" + time + "\"}";
}

} // namespace

class TestSpotFeeds : public QObject
{
    Q_OBJECT

private slots:
    void upstreamFile_matchesInstanceSelectorFigure();
    void zones_perZoneAndAcrossZones_data();
    void zones_perZoneAndAcrossZones();
    void window_weighsPricesByTimeInEffect_data();
    void window_weighsPricesByTimeInEffect();
    void history_typesAndSystemsAreSeparate();
    void history_nextTokenIsAWarning();
    void malformedHistory_reportsFieldLineAndColumn_data();
    void malformedHistory_reportsFieldLineAndColumn();
    void applySpotHistory_setsPricesForTypesTheSheetHas();
    void applySpotHistory_leavesSheetUnchangedOnError_data();
    void applySpotHistory_leavesSheetUnchangedOnError();
    void advisor_setsBandAndSavingsFromLinux_data();
    void advisor_setsBandAndSavingsFromLinux();
    void advisor_limitsToRegionsAndWarnsAboutMissingTypes();
    void advisor_normalisesSpacedLabels();
    void malformedAdvisor_reportsErrorAndLeavesSheetUnchanged_data();
    void malformedAdvisor_reportsErrorAndLeavesSheetUnchanged();
};

void TestSpotFeeds::upstreamFile_matchesInstanceSelectorFigure()
{
    // aws/amazon-ec2-instance-selector pkg/ec2pricing/ec2pricing_test.go,
    // TestGetSpotInstanceTypeNDayAvgCost: m5.large, us-east-1a, 30 days. Its mock ignores the
    // requested window and the clock, so every record of the zone counts.
    const std::string json = readFile(UpstreamFile);
    QVERIFY(!json.empty());
    SpotHistoryOptions options;
    options.availabilityZone = "us-east-1a";
    options.days = 30;
    const auto averages = averageSpotPrices(json, "m5_large.json", options);
    QVERIFY2(averages.ok(), averages.error().toString().c_str());
    QCOMPARE(averages->size(), std::size_t(1));
    const SpotAverage &a = averages->front();
    QCOMPARE(a.instanceType, std::string("m5.large"));
    QCOMPARE(a.os, std::string("linux"));
    QCOMPARE(a.availabilityZone, std::string("us-east-1a"));
    QCOMPARE(a.records, std::size_t(48));
    QVERIFY2(std::abs(a.hourly - 0.041486231229302666) < 1e-12, std::to_string(a.hourly).c_str());
    QVERIFY(averages.warnings().empty());
}

void TestSpotFeeds::zones_perZoneAndAcrossZones_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("productDescription");
    QTest::addColumn<double>("expected");
    QTest::addColumn<int>("records");
    // Per-zone figures by the upstream formula (computed independently from the file).
    QTest::newRow("us-east-1a") << "us-east-1a" << "Linux/UNIX" << 0.041486231229302666 << 48;
    QTest::newRow("us-east-1b") << "us-east-1b" << "Linux/UNIX" << 0.03798777123201232 << 50;
    QTest::newRow("us-east-1d") << "us-east-1d" << "Linux/UNIX" << 0.0427846069540731 << 43;
    QTest::newRow("us-east-1f") << "us-east-1f" << "Linux/UNIX" << 0.04133782831446142 << 60;
    // Across zones: the mean of the five zones' averages, every record counted.
    QTest::newRow("across-zones-mean-of-zone-averages") << "" << "Linux/UNIX" << 0.040357699414088996 << 250;
    // Upstream asks for "Linux/UNIX (Amazon VPC)" and gets "Linux/UNIX" records back.
    QTest::newRow("amazon-vpc-description-is-the-same") << "us-east-1a" << "Linux/UNIX (Amazon VPC)"
                                                       << 0.041486231229302666 << 48;
    QTest::newRow("any-description") << "us-east-1a" << "" << 0.041486231229302666 << 48;
}

void TestSpotFeeds::zones_perZoneAndAcrossZones()
{
    QFETCH(QString, zone);
    QFETCH(QString, productDescription);
    QFETCH(double, expected);
    QFETCH(int, records);
    SpotHistoryOptions options;
    options.availabilityZone = zone.toStdString();
    options.productDescription = productDescription.toStdString();
    const auto averages = averageSpotPrices(readFile(UpstreamFile), "m5_large.json", options);
    QVERIFY2(averages.ok(), averages.error().toString().c_str());
    QCOMPARE(averages->size(), std::size_t(1));
    QCOMPARE(averages->front().availabilityZone, zone.toStdString());
    QCOMPARE(averages->front().records, std::size_t(records));
    QVERIFY2(std::abs(averages->front().hourly - expected) < 1e-12, std::to_string(averages->front().hourly).c_str());
}

void TestSpotFeeds::window_weighsPricesByTimeInEffect_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("endTime");
    QTest::addColumn<int>("days");
    QTest::addColumn<double>("expected");
    QTest::addColumn<int>("records");

    QTest::newRow("single-record-upstream-is-its-price")
        << QString::fromStdString(history({record("us-east-1a", "0.0312", "2021-01-15T10:00:00+00:00")})) << ""
        << 30 << 0.0312 << 1;
    QTest::newRow("single-record-before-window-is-flat")
        << QString::fromStdString(history({record("us-east-1a", "0.0312", "2020-12-01T10:00:00Z")}))
        << "2021-02-01T00:00:00Z" << 30 << 0.0312 << 1;
    // 0.04 is in effect when the window opens (set the day before), 0.06 from noon; the record
    // after the end does not count: 12 h x 0.04 + 12 h x 0.06 over 24 h.
    QTest::newRow("price-in-effect-at-start-counts-from-start")
        << QString::fromStdString(history({record("us-east-1a", "0.06", "2021-01-31T12:00:00Z"),
                                           record("us-east-1a", "1.00", "2021-02-01T06:00:00Z"),
                                           record("us-east-1a", "0.04", "2021-01-30T12:00:00Z"),
                                           record("us-east-1a", "0.01", "2021-01-29T12:00:00Z")}))
        << "2021-02-01T00:00:00Z" << 1 << 0.05 << 2;
    // No record before the window: it opens at the first record (6 h x 0.02 + 12 h x 0.05) / 18 h.
    QTest::newRow("window-opens-at-first-record-when-nothing-before")
        << QString::fromStdString(history({record("us-east-1a", "0.02", "2021-01-31T06:00:00.000Z"),
                                           record("us-east-1a", "0.05", "2021-01-31T12:00:00-00:00")}))
        << "2021-02-01T00:00:00+00:00" << 1 << (6 * 0.02 + 12 * 0.05) / 18 << 2;
    // The same two records upstream-style: the newest gets no weight, so the average is 0.02.
    QTest::newRow("upstream-newest-record-has-no-weight")
        << QString::fromStdString(history({record("us-east-1a", "0.02", "2021-01-31T06:00:00Z"),
                                           record("us-east-1a", "0.05", "2021-01-31T12:00:00Z")}))
        << "" << 30 << 0.02 << 2;
    // Offsets are honoured: 13:00+01:00 is noon UTC.
    QTest::newRow("timestamp-offsets-are-honoured")
        << QString::fromStdString(history({record("us-east-1a", "0.02", "2021-01-31T00:00:00Z"),
                                           record("us-east-1a", "0.04", "2021-01-31T13:00:00+01:00")}))
        << "2021-02-01T00:00:00Z" << 1 << 0.03 << 2;
}

void TestSpotFeeds::window_weighsPricesByTimeInEffect()
{
    QFETCH(QString, json);
    QFETCH(QString, endTime);
    QFETCH(int, days);
    QFETCH(double, expected);
    QFETCH(int, records);
    SpotHistoryOptions options;
    options.availabilityZone = "us-east-1a";
    options.endTime = endTime.toStdString();
    options.days = days;
    const auto averages = averageSpotPrices(json.toStdString(), "h.json", options);
    QVERIFY2(averages.ok(), averages.error().toString().c_str());
    QCOMPARE(averages->size(), std::size_t(1));
    QVERIFY2(std::abs(averages->front().hourly - expected) < 1e-12, std::to_string(averages->front().hourly).c_str());
    QCOMPARE(averages->front().records, std::size_t(records));
}

void TestSpotFeeds::history_typesAndSystemsAreSeparate()
{
    const std::string json = history({
        record("us-east-1a", "0.03", "2021-01-31T00:00:00Z", "c5.large"),
        record("us-east-1a", "0.04", "2021-01-31T00:00:00Z", "m5.large"),
        record("us-east-1a", "0.12", "2021-01-31T00:00:00Z", "m5.large", "Windows"),
        record("us-east-1a", "0.09", "2021-01-31T00:00:00Z", "m5.large", "SUSE Linux"),
    });
    SpotHistoryOptions options;
    options.productDescription.clear();
    const auto averages = averageSpotPrices(json, "h.json", options);
    QVERIFY2(averages.ok(), averages.error().toString().c_str());
    QCOMPARE(averages->size(), std::size_t(3));
    QCOMPARE((*averages)[0].instanceType + "/" + (*averages)[0].os, std::string("c5.large/linux"));
    QCOMPARE((*averages)[1].instanceType + "/" + (*averages)[1].os, std::string("m5.large/linux"));
    QCOMPARE((*averages)[2].instanceType + "/" + (*averages)[2].os, std::string("m5.large/windows"));
    QCOMPARE((*averages)[2].hourly, 0.12);
    // SUSE has no place in the sheet: skipped with a warning on its line.
    QCOMPARE(averages.warnings().size(), std::size_t(1));
    QCOMPARE(averages.warnings()[0].line, 5);
    QVERIFY(averages.warnings()[0].message.find("SUSE Linux") != std::string::npos);

    // The default (Linux/UNIX only) leaves Windows and SUSE out without a word.
    const auto linuxOnly = averageSpotPrices(json, "h.json", SpotHistoryOptions{});
    QVERIFY(linuxOnly.ok());
    QCOMPARE(linuxOnly->size(), std::size_t(2));
    QVERIFY(linuxOnly.warnings().empty());
}

void TestSpotFeeds::history_nextTokenIsAWarning()
{
    const std::string json = "{\"SpotPriceHistory\": [\n" + record("us-east-1a", "0.04", "2021-01-31T00:00:00Z")
        + "\n],\n\"NextToken\": \"abc\"}";
    const auto averages = averageSpotPrices(json, "page.json", SpotHistoryOptions{});
    QVERIFY2(averages.ok(), averages.error().toString().c_str());
    QCOMPARE(averages.warnings().size(), std::size_t(1));
    QCOMPARE(averages.warnings()[0].line, 4);
    QVERIFY(averages.warnings()[0].message.find("NextToken") != std::string::npos);
}

void TestSpotFeeds::malformedHistory_reportsFieldLineAndColumn_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("endTime");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    const std::string good = record("us-east-1a", "0.04", "2021-01-31T00:00:00Z");
    QTest::newRow("not-json") << "{\"SpotPriceHistory\": [\n{\"SpotPrice\": }]}" << "" << ""
                              << int(ErrorCode::SyntaxError) << "" << 2 << 15;
    QTest::newRow("root-is-an-array") << "[]" << "" << "" << int(ErrorCode::WrongFormat)
                                      << "expected a DescribeSpotPriceHistory response" << 1 << 1;
    QTest::newRow("history-missing") << "{\"Spot\": []}" << "" << "" << int(ErrorCode::WrongFormat)
                                     << "\"SpotPriceHistory\" is missing" << 1 << 1;
    QTest::newRow("record-missing-price")
        << QString::fromStdString(history({good, R"({"AvailabilityZone": "us-east-1a", "InstanceType": "m5.large",)"
                                                 R"( "ProductDescription": "Linux/UNIX", "Timestamp": "2021-01-31T00:00:00Z"})"}))
        << "" << "" << int(ErrorCode::MissingField) << "SpotPriceHistory[1].SpotPrice: expected a price" << 3 << 1;
    QTest::newRow("record-missing-zone")
        << QString::fromStdString(history({R"({"InstanceType": "m5.large", "SpotPrice": "0.04"})"})) << "" << ""
        << int(ErrorCode::MissingField) << "SpotPriceHistory[0].AvailabilityZone: expected an availability zone" << 2
        << 1;
    QTest::newRow("price-not-numeric")
        << QString::fromStdString(history({good, record("us-east-1a", "0.04x", "2021-01-31T00:00:00Z")})) << "" << ""
        << int(ErrorCode::WrongType) << "SpotPriceHistory[1].SpotPrice: \"0.04x\" is not a price" << 3 << 113;
    QTest::newRow("price-negative")
        << QString::fromStdString(history({record("us-east-1a", "-0.04", "2021-01-31T00:00:00Z")})) << "" << ""
        << int(ErrorCode::OutOfRange) << "SpotPriceHistory[0].SpotPrice: a price must be zero or more" << 2 << 113;
    QTest::newRow("timestamp-not-a-date")
        << QString::fromStdString(history({record("us-east-1a", "0.04", "2021-02-30T00:00:00Z")})) << "" << ""
        << int(ErrorCode::WrongType)
        << "SpotPriceHistory[0].Timestamp: \"2021-02-30T00:00:00Z\" is not an ISO 8601 time with an offset" << 2 << 134;
    QTest::newRow("timestamp-without-offset")
        << QString::fromStdString(history({record("us-east-1a", "0.04", "2021-01-30T00:00:00")})) << "" << ""
        << int(ErrorCode::WrongType) << "SpotPriceHistory[0].Timestamp: \"2021-01-30T00:00:00\" is not an ISO 8601"
        << 2 << 134;
    QTest::newRow("no-record-in-zone")
        << QString::fromStdString(history({good})) << "us-east-1c" << "" << int(ErrorCode::MissingPrice)
        << "m5.large (linux): no spot price record in us-east-1c" << 2 << 52;
    QTest::newRow("no-record-in-window")
        << QString::fromStdString(history({good})) << "us-east-1a" << "2021-01-01T00:00:00Z"
        << int(ErrorCode::MissingPrice)
        << "m5.large (linux): no spot price record in us-east-1a at or before 2021-01-01T00:00:00Z" << 2 << 52;
    QTest::newRow("no-record-in-window-any-zone")
        << QString::fromStdString(history({good})) << "" << "2021-01-01T00:00:00Z" << int(ErrorCode::MissingPrice)
        << "m5.large (linux): no spot price record in any zone at or before 2021-01-01T00:00:00Z" << 2 << 52;
    QTest::newRow("bad-end-time-option")
        << QString::fromStdString(history({good})) << "" << "yesterday" << int(ErrorCode::OutOfRange)
        << "end time \"yesterday\" is not an ISO 8601 time" << 0 << 0;
}

void TestSpotFeeds::malformedHistory_reportsFieldLineAndColumn()
{
    QFETCH(QString, json);
    QFETCH(QString, zone);
    QFETCH(QString, endTime);
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    SpotHistoryOptions options;
    options.availabilityZone = zone.toStdString();
    options.endTime = endTime.toStdString();
    const auto averages = averageSpotPrices(json.toStdString(), "bad.json", options);
    QVERIFY(!averages.ok());
    const Error &e = averages.error();
    QCOMPARE(int(e.code), code);
    QVERIFY2(e.message.find(message.toStdString()) != std::string::npos, e.toString().c_str());
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    if (line > 0)
        QCOMPARE(e.file, std::string("bad.json"));
}

void TestSpotFeeds::applySpotHistory_setsPricesForTypesTheSheetHas()
{
    PriceSheet sheet = smallSheet();
    SpotHistoryOptions options;
    options.availabilityZone = "us-east-1a";
    const auto set = applySpotHistory(UpstreamFile, sheet, "us-east-1", options);
    QVERIFY2(set.ok(), set.error().toString().c_str());
    QCOMPARE(set.value(), std::size_t(1));
    QVERIFY(set.warnings().empty());
    QVERIFY(std::abs(sheet.ec2SpotHourly("us-east-1", "m5.large", "linux").value_or(-1) - 0.041486231229302666)
            < 1e-12);
    QVERIFY(!sheet.ec2SpotHourly("us-east-1", "c5.large", "linux"));
    QVERIFY(!sheet.ec2SpotHourly("eu-west-1", "m5.large", "linux"));

    // A region without m5.large: nothing set, one warning naming the type.
    PriceSheet other = smallSheet();
    other.regions.at("us-east-1").ec2.erase("m5.large");
    const auto none = applySpotHistory(UpstreamFile, other, "us-east-1", SpotHistoryOptions{});
    QVERIFY2(none.ok(), none.error().toString().c_str());
    QCOMPARE(none.value(), std::size_t(0));
    QCOMPARE(none.warnings().size(), std::size_t(1));
    QVERIFY(none.warnings()[0].message.find("m5.large") != std::string::npos);
}

void TestSpotFeeds::applySpotHistory_leavesSheetUnchangedOnError_data()
{
    QTest::addColumn<QString>("contents"); // "" = use the upstream file
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("truncated-file") << "{\"SpotPriceHistory\": [" << "us-east-1" << "" << int(ErrorCode::SyntaxError)
                                    << "";
    QTest::newRow("second-record-bad")
        << QString::fromStdString(history({record("us-east-1a", "0.04", "2021-01-31T00:00:00Z"),
                                           record("us-east-1a", "n/a", "2021-01-31T00:00:00Z")}))
        << "us-east-1" << "" << int(ErrorCode::WrongType) << "SpotPriceHistory[1].SpotPrice";
    QTest::newRow("zones-of-another-region") << "" << "eu-west-1" << "" << int(ErrorCode::UnknownValue)
                                             << "us-east-1f is not in region eu-west-1";
    QTest::newRow("zone-option-of-another-region") << "" << "us-east-1" << "eu-west-1a"
                                                   << int(ErrorCode::UnknownValue)
                                                   << "eu-west-1a is not in region us-east-1";
    QTest::newRow("region-not-in-sheet") << "" << "ap-south-1" << "" << int(ErrorCode::UnknownValue)
                                         << "no region ap-south-1";
}

void TestSpotFeeds::applySpotHistory_leavesSheetUnchangedOnError()
{
    QFETCH(QString, contents);
    QFETCH(QString, region);
    QFETCH(QString, zone);
    QFETCH(int, code);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string path = UpstreamFile;
    if (!contents.isEmpty()) {
        path = dir.filePath(QStringLiteral("bad.json")).toStdString();
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents.toUtf8());
    }
    PriceSheet sheet = smallSheet();
    SpotHistoryOptions options;
    options.availabilityZone = zone.toStdString();
    const auto set = applySpotHistory(path, sheet, region.toStdString(), options);
    QVERIFY(!set.ok());
    QCOMPARE(int(set.error().code), code);
    QVERIFY2(set.error().message.find(message.toStdString()) != std::string::npos, set.error().toString().c_str());
    QCOMPARE(sheet.ec2SpotHourly("us-east-1", "m5.large", "linux").value_or(-1), 0.05);
    QVERIFY(!sheet.ec2SpotHourly("eu-west-1", "m5.large", "linux"));
}

void TestSpotFeeds::advisor_setsBandAndSavingsFromLinux_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("band");
    QTest::addColumn<double>("savings");
    QTest::newRow("m5.large-us-east-1-5-10") << "us-east-1" << "m5.large" << "5-10%" << 54.0;
    QTest::newRow("c5.large-us-east-1-10-15") << "us-east-1" << "c5.large" << "10-15%" << 60.0;
    QTest::newRow("m5.large-eu-west-1-under-5") << "eu-west-1" << "m5.large" << "<5%" << 61.0;
}

void TestSpotFeeds::advisor_setsBandAndSavingsFromLinux()
{
    QFETCH(QString, region);
    QFETCH(QString, type);
    QFETCH(QString, band);
    QFETCH(double, savings);
    PriceSheet sheet = smallSheet();
    const auto updated = applySpotAdvisor(readFile(AdvisorFile), "spot-advisor-excerpt.json", sheet);
    QVERIFY2(updated.ok(), updated.error().toString().c_str());
    QCOMPARE(updated.value(), std::size_t(3));
    QVERIFY(updated.warnings().empty());
    const Ec2InstanceType *t = sheet.ec2(region.toStdString(), type.toStdString());
    QVERIFY(t);
    QCOMPARE(t->interruption, band.toStdString());
    QCOMPARE(t->spotAdvisorSavingsPercent.value_or(-1), savings);
    // The advisor gives a band and a saving, never a price.
    QVERIFY(!sheet.ec2SpotHourly("eu-west-1", "m5.large", "linux"));
}

void TestSpotFeeds::advisor_limitsToRegionsAndWarnsAboutMissingTypes()
{
    PriceSheet sheet = smallSheet();
    sheet.regions.at("us-east-1").ec2["x9.mega"] = Ec2InstanceType{"x9.mega", 4, 16, {{"linux", 1.0}}, {}, {}, {}, {}};
    const auto updated = applySpotAdvisor(readFile(AdvisorFile), "advisor.json", sheet, {"us-east-1"});
    QVERIFY2(updated.ok(), updated.error().toString().c_str());
    QCOMPARE(updated.value(), std::size_t(2));
    QCOMPARE(updated.warnings().size(), std::size_t(1));
    QVERIFY(updated.warnings()[0].message.find("x9.mega") != std::string::npos);
    QCOMPARE(updated.warnings()[0].line, 3); // the region's "Linux" object
    QCOMPARE(sheet.ec2("us-east-1", "m5.large")->interruption, std::string("5-10%"));
    QVERIFY(sheet.ec2("eu-west-1", "m5.large")->interruption.empty());
    QVERIFY(!sheet.ec2("eu-west-1", "m5.large")->spotAdvisorSavingsPercent);
}

void TestSpotFeeds::advisor_normalisesSpacedLabels()
{
    PriceSheet sheet = smallSheet();
    const std::string json = R"({"ranges": [{"index": 0, "label": "< 5%"}, {"index": 4, "label": " > 20% "}],
        "spot_advisor": {"eu-west-1": {"Linux": {"m5.large": {"s": 70, "r": 4}}}}})";
    const auto updated = applySpotAdvisor(json, "advisor.json", sheet, {"eu-west-1"});
    QVERIFY2(updated.ok(), updated.error().toString().c_str());
    QCOMPARE(sheet.ec2("eu-west-1", "m5.large")->interruption, std::string(">20%"));
    QCOMPARE(sheet.ec2("eu-west-1", "m5.large")->spotAdvisorSavingsPercent.value_or(-1), 70.0);
}

void TestSpotFeeds::malformedAdvisor_reportsErrorAndLeavesSheetUnchanged_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QString ranges = QStringLiteral(R"("ranges": [{"index": 0, "label": "<5%"}, {"index": 1, "label": "5-10%"}],)");
    // m5.large in us-east-1 is fine and comes first; the bad entry is in eu-west-1, processed
    // after, so a half-applied feed would show.
    auto feed = [&](const QString &euEntry) {
        return QStringLiteral("{") + ranges + QStringLiteral("\n\"spot_advisor\": {\"us-east-1\": {\"Linux\": {")
            + QStringLiteral("\"m5.large\": {\"s\": 54, \"r\": 1}, \"c5.large\": {\"s\": 60, \"r\": 0}}},\n")
            + QStringLiteral("\"eu-west-1\": {\"Linux\": {\"m5.large\": ") + euEntry + QStringLiteral("}}}}");
    };
    QTest::newRow("not-json") << "{\"ranges\": [" << int(ErrorCode::SyntaxError) << "" << 1 << 13;
    QTest::newRow("ranges-missing") << "{\"spot_advisor\": {}}" << int(ErrorCode::MissingField)
                                    << "ranges: expected the interruption ranges" << 1 << 1;
    QTest::newRow("unknown-band-label")
        << "{\"ranges\": [{\"index\": 0, \"label\": \"rare\"}], \"spot_advisor\": {}}" << int(ErrorCode::UnknownValue)
        << "ranges[0].label: \"rare\" is none of" << 1 << 35;
    QTest::newRow("range-index-unknown") << feed(QStringLiteral("{\"s\": 61, \"r\": 7}")) << int(ErrorCode::UnknownValue)
                                         << "spot_advisor.eu-west-1.Linux.m5.large.r: 7 is the index of no entry" << 3
                                         << 52;
    QTest::newRow("savings-over-100") << feed(QStringLiteral("{\"s\": 161, \"r\": 0}")) << int(ErrorCode::OutOfRange)
                                      << "spot_advisor.eu-west-1.Linux.m5.large.s: 161 is not a percent" << 3 << 43;
    QTest::newRow("savings-missing") << feed(QStringLiteral("{\"r\": 0}")) << int(ErrorCode::MissingField)
                                     << "spot_advisor.eu-west-1.Linux.m5.large.s: expected the savings percent" << 3
                                     << 37;
}

void TestSpotFeeds::malformedAdvisor_reportsErrorAndLeavesSheetUnchanged()
{
    QFETCH(QString, json);
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    PriceSheet sheet = smallSheet();
    const auto updated = applySpotAdvisor(json.toStdString(), "advisor.json", sheet);
    QVERIFY(!updated.ok());
    const Error &e = updated.error();
    QCOMPARE(int(e.code), code);
    QVERIFY2(e.message.find(message.toStdString()) != std::string::npos, e.toString().c_str());
    QCOMPARE(e.file, std::string("advisor.json"));
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    for (const auto &regionCode : sheet.regionCodes()) {
        for (const auto &[name, type] : sheet.region(regionCode)->ec2) {
            QVERIFY2(type.interruption.empty(), name.c_str());
            QVERIFY2(!type.spotAdvisorSavingsPercent, name.c_str());
        }
    }
}

QTEST_GUILESS_MAIN(TestSpotFeeds)
#include "tst_spotfeeds.moc"
