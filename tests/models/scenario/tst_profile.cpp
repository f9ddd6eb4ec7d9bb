// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/profile.h"
#include "models/scenario/workload.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

using namespace Costscape;
using Costscape::Models::ProfileCsv;
using Costscape::Models::ProfilePreset;

Q_DECLARE_METATYPE(Costscape::Models::ProfilePreset)
Q_DECLARE_METATYPE(Costscape::Models::ProfileCsv::Unit)

class TestProfile : public QObject
{
    Q_OBJECT

private slots:
    void presets_havePeakOneAndTheRightLength_data();
    void presets_havePeakOneAndTheRightLength();
    void presets_haveStableNamesAndTitles();
    void presets_lookLikeWhatTheyAreCalled();
    void scaleToPeak_givesThatPeak();
    void scaleToMonthly_roundTripsThroughHourlyPlan_data();
    void scaleToMonthly_roundTripsThroughHourlyPlan();
    void scaleToMonthly_allZeroShapeGivesZeros();
    void merged_slotsOfEqualRateInFirstSeenOrder();
    void csv_reads_data();
    void csv_reads();
    void csv_perHourValuesBecomePerSecond();
    void csv_refuses_data();
    void csv_refuses();
};

static std::vector<double> hours(int n, double first = 1)
{
    std::vector<double> v;
    for (int i = 0; i < n; ++i)
        v.push_back(first + i);
    return v;
}

void TestProfile::presets_havePeakOneAndTheRightLength_data()
{
    QTest::addColumn<ProfilePreset>("preset");
    QTest::addColumn<int>("length");
    QTest::newRow("flat-a-day") << ProfilePreset::Flat << 24;
    QTest::newRow("business-hours-a-day") << ProfilePreset::BusinessHours << 24;
    QTest::newRow("diurnal-web-a-day") << ProfilePreset::DiurnalWeb << 24;
    QTest::newRow("weekday-weekend-a-week") << ProfilePreset::WeekdayWeekend << 168;
    QTest::newRow("nightly-batch-a-day") << ProfilePreset::NightlyBatch << 24;
}

void TestProfile::presets_havePeakOneAndTheRightLength()
{
    QFETCH(ProfilePreset, preset);
    QFETCH(int, length);
    const std::vector<double> shape = Models::profilePresetShape(preset);
    QCOMPARE(int(shape.size()), length);
    QVERIFY(Models::RequestModel::isValidProfileLength(shape.size()));
    QCOMPARE(*std::max_element(shape.begin(), shape.end()), 1.0);
    QVERIFY(*std::min_element(shape.begin(), shape.end()) >= 0.0);
}

void TestProfile::presets_haveStableNamesAndTitles()
{
    const auto all = Models::allProfilePresets();
    QCOMPARE(all.size(), std::size_t(5));
    QStringList names, titles;
    for (ProfilePreset p : all) {
        names << QString::fromUtf8(Models::profilePresetName(p));
        titles << QString::fromUtf8(Models::profilePresetTitle(p));
    }
    QCOMPARE(names, (QStringList{QStringLiteral("flat"), QStringLiteral("business-hours"), QStringLiteral("diurnal-web"),
                                 QStringLiteral("weekday-weekend"), QStringLiteral("nightly-batch")}));
    QCOMPARE(titles, (QStringList{QStringLiteral("Flat"), QStringLiteral("Business hours"), QStringLiteral("Diurnal web"),
                                  QStringLiteral("Weekday/weekend"), QStringLiteral("Nightly batch")}));
}

void TestProfile::presets_lookLikeWhatTheyAreCalled()
{
    const auto business = Models::profilePresetShape(ProfilePreset::BusinessHours);
    QVERIFY(business[3] <= 0.1);  // 03:00, nobody at work
    for (int h = 9; h < 17; ++h)   // 09:00-17:00 in full
        QCOMPARE(business[h], 1.0);
    QVERIFY(business[8] > business[3] && business[8] < 1.0); // the morning ramp
    QVERIFY(business[19] <= 0.1); // gone home by 19:00

    const auto web = Models::profilePresetShape(ProfilePreset::DiurnalWeb);
    QCOMPARE(std::min_element(web.begin(), web.end()) - web.begin(), 4);  // trough at 04:00
    QCOMPARE(std::max_element(web.begin(), web.end()) - web.begin(), 20); // peak at 20:00
    QVERIFY(std::abs(web[4] - 0.2) < 0.05);
    for (int h = 1; h < 24; ++h) // smooth: no hour jumps by more than a fifth of the peak
        QVERIFY(std::abs(web[h] - web[h - 1]) <= 0.2);

    const auto week = Models::profilePresetShape(ProfilePreset::WeekdayWeekend);
    for (int h = 0; h < 24; ++h) {
        QCOMPARE(week[h], web[h]);                                 // Monday is a web day
        QCOMPARE(week[4 * 24 + h], web[h]);                        // so is Friday
        QVERIFY(std::abs(week[5 * 24 + h] - 0.6 * web[h]) < 1e-12); // Saturday at 0.6
        QVERIFY(std::abs(week[6 * 24 + h] - 0.6 * web[h]) < 1e-12); // Sunday at 0.6
    }

    const auto batch = Models::profilePresetShape(ProfilePreset::NightlyBatch);
    for (int h = 1; h < 4; ++h) // 01:00-04:00 in full
        QCOMPARE(batch[h], 1.0);
    for (int h = 6; h < 24; ++h)
        QVERIFY(batch[h] <= 0.05);

    const auto flat = Models::profilePresetShape(ProfilePreset::Flat);
    QCOMPARE(flat, std::vector<double>(24, 1.0));
}

void TestProfile::scaleToPeak_givesThatPeak()
{
    const auto scaled = Models::scaleProfileToPeak(Models::profilePresetShape(ProfilePreset::BusinessHours), 250);
    QCOMPARE(*std::max_element(scaled.begin(), scaled.end()), 250.0);
    QVERIFY(std::abs(scaled[3] - 0.05 * 250) < 1e-12); // the overnight floor keeps its share
    QCOMPARE(Models::scaleProfileToPeak({1, 2, 4}, 10), (std::vector<double>{2.5, 5, 10}));
    QCOMPARE(Models::scaleProfileToPeak(std::vector<double>(24, 0.0), 10), std::vector<double>(24, 0.0));
}

void TestProfile::scaleToMonthly_roundTripsThroughHourlyPlan_data()
{
    QTest::addColumn<QVector<double>>("shape");
    QTest::addColumn<double>("requestsPerMonth");
    QTest::addColumn<double>("hoursPerMonth");
    auto q = [](const std::vector<double> &v) { return QVector<double>(v.begin(), v.end()); };
    QTest::newRow("diurnal-web-3M-730h") << q(Models::profilePresetShape(ProfilePreset::DiurnalWeb)) << 3e6 << 730.0;
    QTest::newRow("business-hours-fractional-730.5h")
        << q(Models::profilePresetShape(ProfilePreset::BusinessHours)) << 1.234e8 << 730.5;
    QTest::newRow("weekday-weekend-744h") << q(Models::profilePresetShape(ProfilePreset::WeekdayWeekend)) << 5e9 << 744.0;
    QTest::newRow("nightly-batch-672h") << q(Models::profilePresetShape(ProfilePreset::NightlyBatch)) << 42.0 << 672.0;
    std::vector<double> year;
    const auto week = Models::profilePresetShape(ProfilePreset::WeekdayWeekend);
    for (int h = 0; h < 8760; ++h)
        year.push_back(week[h % 168] * (1 + h / 8760.0)); // growing over the year
    QTest::newRow("year-8760-values-730h") << q(year) << 7.5e7 << 730.0;
}

void TestProfile::scaleToMonthly_roundTripsThroughHourlyPlan()
{
    QFETCH(QVector<double>, shape);
    QFETCH(double, requestsPerMonth);
    QFETCH(double, hoursPerMonth);
    const std::vector<double> input(shape.begin(), shape.end());
    const auto scaled = Models::scaleProfileToMonthly(input, requestsPerMonth, hoursPerMonth);
    QCOMPARE(scaled.size(), input.size());
    const double back =
        Models::HourlyPlan::build(Models::RequestModel::hourly(scaled), hoursPerMonth).requestsPerMonth();
    QVERIFY2(std::abs(back - requestsPerMonth) <= 1e-9 * requestsPerMonth,
             qPrintable(QStringLiteral("%1 requests, expected %2").arg(back, 0, 'g', 17).arg(requestsPerMonth, 0, 'g', 17)));
    // The shape is kept: the busiest hour stays the busiest, in proportion.
    const auto peak = std::max_element(input.begin(), input.end()) - input.begin();
    QCOMPARE(std::max_element(scaled.begin(), scaled.end()) - scaled.begin(), peak);
}

void TestProfile::scaleToMonthly_allZeroShapeGivesZeros()
{
    QCOMPARE(Models::scaleProfileToMonthly(std::vector<double>(24, 0.0), 1e6, 730), std::vector<double>(24, 0.0));
    QCOMPARE(Models::scaleProfileToMonthly(std::vector<double>(168, 0.0), 1e6, 730), std::vector<double>(168, 0.0));
}

void TestProfile::merged_slotsOfEqualRateInFirstSeenOrder()
{
    // By hand: rates 5, 3, 5, 0, -0, NaN, 3, NaN with weights 1..8: 5 (1 + 3), 3 (2 + 7), 0 (4 + 5:
    // 0 and -0 are equal rates), then each NaN on its own (a NaN equals nothing), in that order.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Models::HourlyPlan plan;
    plan.hoursPerMonth = 36;
    plan.ratePerSecond = {5, 3, 5, 0, -0.0, nan, 3, nan};
    plan.weight = {1, 2, 3, 4, 5, 6, 7, 8};
    const Models::HourlyPlan m = plan.merged();
    QCOMPARE(m.hoursPerMonth, 36.0);
    QCOMPARE(m.size(), std::size_t(5));
    QCOMPARE(m.ratePerSecond[0], 5.0);
    QCOMPARE(m.ratePerSecond[1], 3.0);
    QCOMPARE(m.ratePerSecond[2], 0.0);
    QVERIFY(std::isnan(m.ratePerSecond[3]) && std::isnan(m.ratePerSecond[4]));
    QCOMPARE(m.weight, (std::vector<double>{4, 9, 9, 6, 8}));

    // A year of 8,760 rates with repeats (one decimal, as a profile file may give them): every
    // distinct rate once, in first-seen order, its weights summed in hour order, as a plain map
    // of rate to slot does it.
    Models::HourlyPlan year;
    year.hoursPerMonth = 730;
    for (int h = 0; h < 8760; ++h) {
        year.ratePerSecond.push_back(std::round((200 + 150 * std::sin(h * 0.2618) + 40 * std::sin(h * 0.0172)) * 10) / 10);
        year.weight.push_back(730.0 / 8760 * (1 + (h % 3) * 0.25));
    }
    std::map<double, std::size_t> slotOf;
    Models::HourlyPlan expected;
    for (std::size_t h = 0; h < year.size(); ++h) {
        const auto [it, added] = slotOf.emplace(year.ratePerSecond[h], expected.size());
        if (added) {
            expected.ratePerSecond.push_back(year.ratePerSecond[h]);
            expected.weight.push_back(year.weight[h]);
        } else {
            expected.weight[it->second] += year.weight[h];
        }
    }
    const Models::HourlyPlan merged = year.merged();
    QVERIFY(expected.size() < year.size() / 2); // the test has repeats to merge
    QCOMPARE(merged.ratePerSecond, expected.ratePerSecond);
    QCOMPARE(merged.weight, expected.weight); // the same bits: summed in the same order
}

/** n lines "prefix<value>" with values first, first+1, ... joined by eol. */
static QByteArray rows(int n, const QByteArray &prefix = {}, const QByteArray &eol = "\n", double first = 1)
{
    QByteArray out;
    for (int i = 0; i < n; ++i)
        out += prefix + QByteArray::number(first + i) + eol;
    return out;
}

static QByteArray labelled(int n, char separator)
{
    QByteArray out;
    for (int i = 0; i < n; ++i)
        out += QByteArray::number(i % 24).rightJustified(2, '0') + ":00" + separator + QByteArray::number(i + 1) + '\n';
    return out;
}

void TestProfile::csv_reads_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QVector<double>>("expected");
    QTest::addColumn<bool>("hasHeader");
    QTest::addColumn<QString>("header");
    QTest::addColumn<ProfileCsv::Unit>("unit");
    auto q = [](const std::vector<double> &v) { return QVector<double>(v.begin(), v.end()); };
    using U = ProfileCsv::Unit;

    QTest::newRow("one-column-no-header") << rows(24) << q(hours(24)) << false << QString() << U::Unknown;
    QTest::newRow("one-column-rps-header") << "rps\n" + rows(24) << q(hours(24)) << true << QStringLiteral("rps") << U::PerSecond;
    QTest::newRow("requests-per-hour-header")
        << "requests_per_hour\n" + rows(24) << q(hours(24)) << true << QStringLiteral("requests_per_hour") << U::PerHour;
    QTest::newRow("two-columns-comma-per-second")
        << "hour,requests per second\n" + labelled(24, ',') << q(hours(24)) << true
        << QStringLiteral("hour,requests per second") << U::PerSecond;
    QTest::newRow("two-columns-no-header") << labelled(24, ',') << q(hours(24)) << false << QString() << U::Unknown;
    QTest::newRow("semicolons-decimal-comma-per-hour")
        << "Stunde;Anfragen/h\n" + rows(24, "2026-01-05 10:00;", ",5\n") << [&] {
               auto v = hours(24, 1.5); // "1,5" is 1.5
               return q(v);
           }() << true
        << QStringLiteral("Stunde;Anfragen/h") << U::PerHour;
    QTest::newRow("tab-separated") << "hour\trps\n" + labelled(24, '\t') << q(hours(24)) << true << QStringLiteral("hour\trps")
                                   << U::PerSecond;
    QTest::newRow("crlf-and-bom") << "\xEF\xBB\xBFhour,rps\r\n" + labelled(24, ',').replace("\n", "\r\n") << q(hours(24)) << true
                                  << QStringLiteral("hour,rps") << U::PerSecond;
    QTest::newRow("quoted-fields") << "\"time, UTC\",\"requests/s\"\n" + rows(24, "\"2026-01-05 10:00\",\"", "\"\n")
                                   << q(hours(24)) << true << QStringLiteral("\"time, UTC\",\"requests/s\"") << U::PerSecond;
    QTest::newRow("blank-lines-and-spaces-skipped") << "\n  \n" + rows(12, "  ") + "\n\n" + rows(12, "", " \n", 13) + "\n"
                                                    << q(hours(24)) << false << QString() << U::Unknown;
    QTest::newRow("hourly-header-means-per-hour") << "hourly requests\n" + rows(24) << q(hours(24)) << true
                                                  << QStringLiteral("hourly requests") << U::PerHour;
    QTest::newRow("per-second-wins-over-hourly") << "perSecondHourly\n" + rows(24) << q(hours(24)) << true
                                                 << QStringLiteral("perSecondHourly") << U::PerSecond;
    QTest::newRow("header-without-unit") << "load\n" + rows(24) << q(hours(24)) << true << QStringLiteral("load") << U::Unknown;
    QTest::newRow("a-week") << rows(168) << q(hours(168)) << false << QString() << U::Unknown;
    QTest::newRow("exponents-and-plus-sign") << "1e2\n+2.5\n" + rows(22) << [&] {
        auto v = hours(22);
        v.insert(v.begin(), {100, 2.5});
        return q(v);
    }() << false << QString() << U::Unknown;
    QTest::newRow("trailing-separators-padding") << rows(24, "", ",,\n") << q(hours(24)) << false << QString() << U::Unknown;
}

void TestProfile::csv_reads()
{
    QFETCH(QByteArray, text);
    QFETCH(QVector<double>, expected);
    QFETCH(bool, hasHeader);
    QFETCH(QString, header);
    QFETCH(ProfileCsv::Unit, unit);
    const auto csv = Models::parseProfileCsv(std::string_view(text.constData(), std::size_t(text.size())), "p.csv");
    QVERIFY2(csv.ok(), csv.error().toString().c_str());
    QCOMPARE(QVector<double>(csv->values.begin(), csv->values.end()), expected);
    QCOMPARE(csv->hasHeader, hasHeader);
    QCOMPARE(QString::fromStdString(csv->header), header);
    QCOMPARE(csv->unitFromHeader, unit);
}

void TestProfile::csv_perHourValuesBecomePerSecond()
{
    const QByteArray text = "requests per hour\n" + rows(24, "", "\n", 3600);
    const auto csv = Models::parseProfileCsv(text.toStdString(), "p.csv");
    QVERIFY(csv.ok());
    QCOMPARE(csv->unitFromHeader, ProfileCsv::Unit::PerHour);
    const auto perSecond = Models::profileToPerSecond(csv->values, csv->unitFromHeader);
    QCOMPARE(perSecond[0], 1.0);       // 3600 an hour is 1 a second
    QCOMPARE(perSecond[23], 3623.0 / 3600);
    QCOMPARE(Models::profileToPerSecond({5, 6}, ProfileCsv::Unit::PerSecond), (std::vector<double>{5, 6}));
    QCOMPARE(Models::profileToPerSecond({5, 6}, ProfileCsv::Unit::Unknown), (std::vector<double>{5, 6}));
}

void TestProfile::csv_refuses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    // Header on line 1, five good rows, then the bad value on line 7.
    QTest::newRow("bad-number-with-its-line") << "rps\n" + rows(5) + "abc\n" + rows(18) << 7 << 1
                                              << QStringLiteral("line 7: \"abc\" is not a number");
    QTest::newRow("bad-number-in-second-column") << labelled(6, ',') + "06:00,12x\n" + labelled(17, ',') << 7 << 7
                                                 << QStringLiteral("line 7: \"12x\" is not a number");
    QTest::newRow("negative") << rows(3) + "-4\n" + rows(20) << 4 << 1 << QStringLiteral("line 4: must be at least 0, got -4");
    QTest::newRow("nan") << rows(3) + "nan\n" + rows(20) << 4 << 1 << QStringLiteral("line 4: must be a finite number, got \"nan\"");
    QTest::newRow("infinity") << rows(3) + "inf\n" + rows(20) << 4 << 1 << QStringLiteral("line 4: must be a finite number, got \"inf\"");
    QTest::newRow("wrong-count-25") << rows(25) << 0 << 0
                                    << QStringLiteral("an hourly profile has 24 (a day), 168 (a week), 730, 744 or 8760 values, got 25");
    QTest::newRow("header-only") << QByteArray("rps\n") << 0 << 0
                                 << QStringLiteral("an hourly profile has 24 (a day), 168 (a week), 730, 744 or 8760 values, got 0");
    QTest::newRow("three-columns") << "day,hour,rps\n" + rows(24, "mon,") << 1 << 10
                                   << QStringLiteral("line 1: 3 fields; a profile has one column of values, or two (a label, then the value)");
    QTest::newRow("columns-change") << labelled(2, ',') + "3\n" + labelled(21, ',') << 3 << 1
                                    << QStringLiteral("line 3: 1 field, but line 1 has 2; every row needs the same columns");
    QTest::newRow("unterminated-quote") << rows(2) + "\"00:00,5\n" + rows(21) << 3 << 1
                                        << QStringLiteral("line 3: a quoted field has no closing quote");
}

void TestProfile::csv_refuses()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto csv = Models::parseProfileCsv(text.toStdString(), "profile.csv");
    QVERIFY(!csv.ok());
    QCOMPARE(QString::fromStdString(csv.error().message), message);
    QCOMPARE(csv.error().file, std::string("profile.csv"));
    QCOMPARE(csv.error().line, line);
    QCOMPARE(csv.error().column, column);
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
