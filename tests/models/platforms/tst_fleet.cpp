// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fleet sizing (Little's law), the month's hourly plan, and the EC2 Auto Scaling on-demand/spot
// split. Every expected figure is worked out by hand in the comment beside it.

#include "models/platforms/ec2/ec2model.h"
#include "models/evaluator.h"
#include "models/platforms/fleet.h"
#include "models/scenario/scenarioreader.h"
#include "models/scenario/workload.h"
#include "pricing/pricesheet.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <string>

using namespace Costscape;
using namespace Costscape::Models;

namespace {

/** Relative comparison that also holds for tiny expected values (a weight of 1e-10 is not 0). */
bool near(double a, double b, double relative = 1e-9)
{
    return b == 0 ? std::abs(a) <= 1e-12 : std::abs(a - b) <= relative * std::abs(b);
}

QByteArray describe(double actual, double expected)
{
    return "actual " + QByteArray::number(actual, 'g', 17) + ", expected " + QByteArray::number(expected, 'g', 17);
}

/** 1, 2, ..., 24: hour h of the day runs at h + 1 requests per second. */
QList<double> dayRamp()
{
    QList<double> v;
    for (int h = 0; h < 24; ++h)
        v << h + 1.0;
    return v;
}

/** A week: 120 weekday hours at 10 req/s, then 48 weekend hours at 4 req/s. */
QList<double> weekdaysAndWeekend()
{
    QList<double> v;
    for (int h = 0; h < 168; ++h)
        v << (h < 120 ? 10.0 : 4.0);
    return v;
}

/** 744 hours (31 days): the first 372 at 2 req/s, the last 372 at 4 req/s. */
QList<double> monthOf744()
{
    QList<double> v;
    for (int h = 0; h < 744; ++h)
        v << (h < 372 ? 2.0 : 4.0);
    return v;
}

/** 8760 hours as 12 blocks of 730: block m (0-based) runs at m + 1 req/s. */
QList<double> yearOfBlocks()
{
    QList<double> v;
    for (int h = 0; h < 8760; ++h)
        v << h / 730 + 1.0;
    return v;
}

RequestModel requestModel(const QString &kind, double value, const QList<double> &profile)
{
    if (kind == QLatin1String("perMonth"))
        return RequestModel::monthly(value);
    if (kind == QLatin1String("perSecond"))
        return RequestModel::constant(value);
    return RequestModel::hourly(std::vector<double>(profile.begin(), profile.end()));
}

/** A made-up instance type with an on-demand and a spot price: m.large, $0.10 and $0.04 an hour. */
const char MixedSheet[] = R"({
  "format": "costscape-prices", "version": 1, "name": "tiny test sheet", "currency": "USD",
  "source": "hand-made for tst_fleet", "retrieved": "2026-01-01",
  "regions": { "test-1": { "ec2": {
    "m.large": { "vcpu": 2, "memoryGib": 8, "onDemandHourly": { "linux": 0.10 }, "spotHourly": { "linux": 0.04 } }
  } } }
})";

} // namespace

class TestFleet : public QObject
{
    Q_OBJECT

private slots:
    void sizeFleet_derived_data();
    void sizeFleet_derived();
    void sizeFleet_requestLargerThanUnit_isInfeasible();
    void sizeFleet_fixedCount_ignoresTraffic();
    void sizeFleet_peakScaling_holdsPeakAllMonth();
    void hourlyPlan_tiling_data();
    void hourlyPlan_tiling();
    void onDemandCount_mixedFleet_data();
    void onDemandCount_mixedFleet();
    void ec2Evaluate_mixedFleet_billsBothParts_data();
    void ec2Evaluate_mixedFleet_billsBothParts();
};

void TestFleet::sizeFleet_derived_data()
{
    QTest::addColumn<double>("ratePerSecond");
    QTest::addColumn<double>("durationMs");
    QTest::addColumn<int>("capacityKind"); // 0 none (from memory), 1 concurrent requests, 2 requests/s
    QTest::addColumn<double>("capacity");
    QTest::addColumn<double>("targetUtilization");
    QTest::addColumn<double>("minCount");
    QTest::addColumn<double>("unitMemoryMb");
    QTest::addColumn<double>("requestMemoryMb");
    QTest::addColumn<double>("expected");

    // Little's law: 100 req/s x 0.2 s = 20 concurrent; 10 x 0.7 = 7 per unit; 20/7 = 2.857 -> 3.
    QTest::newRow("littles-law-100rps-200ms-cap10-at-0.7") << 100.0 << 200.0 << 1 << 10.0 << 0.7 << 1.0 << 0.0 << 0.0 << 3.0;
    // 250 req/s over 100 req/s x 0.8 = 80 per unit: 3.125 -> 4 (duration plays no part).
    QTest::newRow("rps-capacity-250rps-cap100-at-0.8") << 250.0 << 5000.0 << 2 << 100.0 << 0.8 << 1.0 << 0.0 << 0.0 << 4.0;
    // 240 req/s over 80: 3 exactly -> 3.
    QTest::newRow("rps-capacity-exactly-3-units-240rps-cap100-at-0.8") << 240.0 << 5000.0 << 2 << 100.0 << 0.8 << 1.0 << 0.0 << 0.0 << 3.0;
    // Exactly on the boundary, where binary noise would round up: 60 req/s x 0.07 s = 4.2
    // concurrent; 3 x 0.7 = 2.1 per unit; 4.2 / 2.1 = 2 exactly -> 2, not 3.
    QTest::newRow("boundary-2-units-60rps-70ms-cap3-at-0.7") << 60.0 << 70.0 << 1 << 3.0 << 0.7 << 0.0 << 0.0 << 0.0 << 2.0;
    // 7 req/s x 0.2 s = 1.4; 1 x 0.7 = 0.7; 1.4/0.7 = 2 exactly -> 2.
    QTest::newRow("boundary-2-units-7rps-200ms-cap1-at-0.7") << 7.0 << 200.0 << 1 << 1.0 << 0.7 << 0.0 << 0.0 << 0.0 << 2.0;
    // 30 req/s x 0.07 s = 2.1; 3 x 0.7 = 2.1; 1 exactly -> 1 (minCount 0, so the floor hides nothing).
    QTest::newRow("boundary-1-unit-30rps-70ms-cap3-at-0.7") << 30.0 << 70.0 << 1 << 3.0 << 0.7 << 0.0 << 0.0 << 0.0 << 1.0;
    // 14 req/s x 0.3 s = 4.2; 3 x 0.7 = 2.1 -> 2 exactly.
    QTest::newRow("boundary-2-units-14rps-300ms-cap3-at-0.7") << 14.0 << 300.0 << 1 << 3.0 << 0.7 << 0.0 << 0.0 << 0.0 << 2.0;
    // Just over the boundary: 61 req/s x 0.07 = 4.27; / 2.1 = 2.033 -> 3.
    QTest::newRow("just-over-2-units-61rps-70ms-cap3-at-0.7") << 61.0 << 70.0 << 1 << 3.0 << 0.7 << 0.0 << 0.0 << 0.0 << 3.0;
    // minCount floor: 1 req/s x 0.1 s = 0.1; / 7 = 0.014 -> 1; max(3, 1) = 3.
    QTest::newRow("min-count-3-floor-over-light-load") << 1.0 << 100.0 << 1 << 10.0 << 0.7 << 3.0 << 0.0 << 0.0 << 3.0;
    // minCount below the need: 20/7 -> 3; max(2, 3) = 3.
    QTest::newRow("min-count-2-below-need-of-3") << 100.0 << 200.0 << 1 << 10.0 << 0.7 << 2.0 << 0.0 << 0.0 << 3.0;
    // No traffic and minCount 0: ceil(0) = 0 -> 0 (scale to zero).
    QTest::newRow("no-traffic-min-count-0") << 0.0 << 200.0 << 1 << 10.0 << 0.7 << 0.0 << 0.0 << 0.0 << 0.0;
    // No traffic, default minCount 1 -> 1.
    QTest::newRow("no-traffic-default-min-count-1") << 0.0 << 200.0 << 1 << 10.0 << 0.7 << 1.0 << 0.0 << 0.0 << 1.0;
    // Capacity from memory: floor(2048 / 512) = 4 concurrent; 50 req/s x 0.1 s = 5; 4 x 0.7 = 2.8;
    // 5/2.8 = 1.786 -> 2.
    QTest::newRow("capacity-from-memory-2048mb-unit-512mb-request") << 50.0 << 100.0 << 0 << 0.0 << 0.7 << 1.0 << 2048.0 << 512.0 << 2.0;
    // floor(3000 / 1024) = floor(2.93) = 2 concurrent; 10 req/s x 0.5 s = 5; 2 x 0.5 = 1; 5/1 = 5.
    QTest::newRow("capacity-from-memory-rounds-down-3000mb-unit-1024mb") << 10.0 << 500.0 << 0 << 0.0 << 0.5 << 1.0 << 3000.0 << 1024.0 << 5.0;
}

void TestFleet::sizeFleet_derived()
{
    QFETCH(double, ratePerSecond);
    QFETCH(double, durationMs);
    QFETCH(int, capacityKind);
    QFETCH(double, capacity);
    QFETCH(double, targetUtilization);
    QFETCH(double, minCount);
    QFETCH(double, unitMemoryMb);
    QFETCH(double, requestMemoryMb);
    QFETCH(double, expected);

    FleetSpec spec;
    if (capacityKind == 1)
        spec.capacity = Capacity{Capacity::Kind::ConcurrentRequests, capacity};
    else if (capacityKind == 2)
        spec.capacity = Capacity{Capacity::Kind::RequestsPerSecond, capacity};
    spec.targetUtilization = targetUtilization;
    spec.minCount = minCount;
    const HourlyPlan plan = HourlyPlan::build(RequestModel::constant(ratePerSecond), 730);
    const FleetSizing sizing = sizeFleet(spec, plan, durationMs, unitMemoryMb, requestMemoryMb, "task");
    QVERIFY(sizing.feasible);
    QCOMPARE(sizing.counts.size(), std::size_t(730));
    for (double c : sizing.counts)
        QCOMPARE(c, expected);
    // The assumption is stated exactly when the capacity was not given.
    QCOMPARE(sizing.assumption.empty(), capacityKind != 0);
}

void TestFleet::sizeFleet_requestLargerThanUnit_isInfeasible()
{
    // One request needs 4096 MB, one task has 2048: floor(2048/4096) = 0 < 1 -> infeasible, and
    // the fleet stays at minCount (2) so the cost is not silently zero.
    FleetSpec spec;
    spec.minCount = 2;
    const HourlyPlan plan = HourlyPlan::build(RequestModel::constant(50), 730);
    const FleetSizing sizing = sizeFleet(spec, plan, 100, 2048, 4096, "task");
    QVERIFY(!sizing.feasible);
    QCOMPARE(QString::fromStdString(sizing.reason),
             QStringLiteral("one request needs 4096 MB of memory; one task has only 2048 MB"));
    QCOMPARE(sizing.counts, std::vector<double>(730, 2.0));
}

void TestFleet::sizeFleet_fixedCount_ignoresTraffic()
{
    // Fixed 5 whatever the traffic: 5 in each of 730 hours = 3650 unit-hours, average 5.
    FleetSpec spec;
    spec.fixedCount = 5;
    spec.minCount = 9; // not used for a fixed count
    const HourlyPlan plan = HourlyPlan::build(RequestModel::constant(100000), 730);
    const FleetSizing sizing = sizeFleet(spec, plan, 1000, 1024, 128, "instance");
    QVERIFY(sizing.feasible);
    QCOMPARE(sizing.counts, std::vector<double>(730, 5.0));
    const FleetSummary summary = summarizeFleet(sizing.counts, plan, "instances");
    QCOMPARE(summary.peak, 5.0);
    QCOMPARE(summary.average, 5.0);
    QCOMPARE(summary.unitHours, 3650.0);

    // Fixed 0 is 0, not minCount.
    spec.fixedCount = 0;
    QCOMPARE(sizeFleet(spec, plan, 1000, 1024, 128, "instance").counts, std::vector<double>(730, 0.0));
}

void TestFleet::sizeFleet_peakScaling_holdsPeakAllMonth()
{
    // A day at 2 req/s except hour 12 at 20 req/s; capacity 2 req/s at 0.5 -> 1 req/s per unit:
    // 2 units in 23 hours, 20 units at noon.
    std::vector<double> day(24, 2.0);
    day[12] = 20.0;
    const HourlyPlan plan = HourlyPlan::build(RequestModel::hourly(day), 730);
    FleetSpec spec;
    spec.capacity = Capacity{Capacity::Kind::RequestsPerSecond, 2};
    spec.targetUtilization = 0.5;

    // Hourly: 730 h = 30 days + 10 h (hours 0-9, all at 2).
    // 30 x (23 x 2 + 20) + 10 x 2 = 30 x 66 + 20 = 2000 unit-hours; average 2000/730 = 2.7397.
    const FleetSizing hourly = sizeFleet(spec, plan, 100, 0, 0, "instance");
    QCOMPARE(hourly.counts.at(0), 2.0);
    QCOMPARE(hourly.counts.at(12), 20.0);
    QCOMPARE(hourly.counts.at(24 + 12), 20.0);
    QCOMPARE(hourly.counts.at(729), 2.0);
    const FleetSummary hs = summarizeFleet(hourly.counts, plan, "instances");
    QCOMPARE(hs.peak, 20.0);
    QCOMPARE(hs.unitHours, 2000.0);
    QVERIFY2(near(hs.average, 2000.0 / 730.0), describe(hs.average, 2000.0 / 730.0).constData());

    // Peak: 20 in every hour: 20 x 730 = 14600 unit-hours, average 20.
    spec.scaling = FleetSpec::Scaling::Peak;
    const FleetSizing peak = sizeFleet(spec, plan, 100, 0, 0, "instance");
    QCOMPARE(peak.counts, std::vector<double>(730, 20.0));
    const FleetSummary ps = summarizeFleet(peak.counts, plan, "instances");
    QCOMPARE(ps.peak, 20.0);
    QCOMPARE(ps.unitHours, 14600.0);
    QCOMPARE(ps.average, 20.0);
}

void TestFleet::hourlyPlan_tiling_data()
{
    QTest::addColumn<QString>("kind"); // perMonth, perSecond or hourly
    QTest::addColumn<double>("value");
    QTest::addColumn<QList<double>>("profile");
    QTest::addColumn<double>("hoursPerMonth");
    QTest::addColumn<int>("expectedSlots");
    QTest::addColumn<double>("expectedFirstWeight");
    QTest::addColumn<double>("expectedLastWeight");
    QTest::addColumn<double>("expectedLastRate");
    QTest::addColumn<int>("probeSlot");
    QTest::addColumn<double>("expectedProbeRate");
    QTest::addColumn<double>("expectedPeak");
    QTest::addColumn<double>("expectedRequests");

    const QString hourly = QStringLiteral("hourly");
    // 24 values 1..24 over 730 h = 30 days (720 h) + 10 h. Slot 729 is hour 729 - 720 = 9 of
    // day 31 -> 10 req/s; slot 25 is hour 1 -> 2 req/s.
    // Requests: 3600 x (30 x (1 + ... + 24) + (1 + ... + 10)) = 3600 x (30 x 300 + 55)
    // = 3600 x 9055 = 32,598,000.
    QTest::newRow("day-24-over-730h-is-30-days-and-10-hours")
        << hourly << 0.0 << dayRamp() << 730.0 << 730 << 1.0 << 1.0 << 10.0 << 25 << 2.0 << 24.0 << 32'598'000.0;
    // Same day over 744 h = 31 days exactly: 3600 x 31 x 300 = 33,480,000; slot 743 is hour 23 -> 24.
    QTest::newRow("day-24-over-744h-is-31-days")
        << hourly << 0.0 << dayRamp() << 744.0 << 744 << 1.0 << 1.0 << 24.0 << 600 << 1.0 << 24.0 << 33'480'000.0;
    // 5.5 h: ceil(5.5) = 6 slots, the last standing for half an hour. Slots are hours 0-5 ->
    // 1..6 req/s; requests 3600 x (1 + 2 + 3 + 4 + 5 + 6 x 0.5) = 3600 x 18 = 64,800.
    QTest::newRow("day-24-over-5.5h-last-slot-half-an-hour")
        << hourly << 0.0 << dayRamp() << 5.5 << 6 << 1.0 << 0.5 << 6.0 << 4 << 5.0 << 6.0 << 64'800.0;
    // Constant 2 req/s over 5.5 h: 6 slots, last weight 0.5; 2 x 3600 x 5.5 = 39,600.
    QTest::newRow("constant-2rps-over-5.5h")
        << QStringLiteral("perSecond") << 2.0 << QList<double>{} << 5.5 << 6 << 1.0 << 0.5 << 2.0 << 3 << 2.0 << 2.0 << 39'600.0;
    // A week over 730 h = 4 weeks (672 h) + 58 h; those 58 h are weekday hours (58 < 120).
    // 4 x (120 x 10 + 48 x 4) + 58 x 10 = 4 x 1392 + 580 = 6148 req/s-hours; x 3600 = 22,132,800.
    // Slot 120 is the first weekend hour -> 4; slot 729 is week hour 57 -> 10.
    QTest::newRow("week-168-over-730h-is-4-weeks-and-58-hours")
        << hourly << 0.0 << weekdaysAndWeekend() << 730.0 << 730 << 1.0 << 1.0 << 10.0 << 120 << 4.0 << 10.0 << 22'132'800.0;
    // A week over 744 h = 4 weeks + 72 weekday hours: 4 x 1392 + 720 = 6288; x 3600 = 22,636,800.
    // Slot 671 = 4 x 168 - 1 is the last weekend hour of week 4 -> 4; slot 743 is week hour 71 -> 10.
    QTest::newRow("week-168-over-744h")
        << hourly << 0.0 << weekdaysAndWeekend() << 744.0 << 744 << 1.0 << 1.0 << 10.0 << 671 << 4.0 << 10.0 << 22'636'800.0;
    // 744 values at 730 h: all 744 slots, each weighing 730/744 = 0.981183 h.
    // Requests 3600 x (730/744) x (372 x 2 + 372 x 4) = 3600 x (730/744) x 2232 = 3600 x 730 x 3
    // = 7,884,000 (the average rate, 3 req/s, over 730 h). Slot 371 -> 2, slot 743 -> 4.
    QTest::newRow("month-744-at-730h-scaled-by-730-over-744")
        << hourly << 0.0 << monthOf744() << 730.0 << 744 << 730.0 / 744.0 << 730.0 / 744.0 << 4.0 << 371 << 2.0 << 4.0
        << 7'884'000.0;
    // 730 values at 730 h: evaluated as they are, weight 1. 3 x 3600 x 730 = 7,884,000.
    QTest::newRow("month-730-at-730h-as-is")
        << hourly << 0.0 << QList<double>(730, 3.0) << 730.0 << 730 << 1.0 << 1.0 << 3.0 << 500 << 3.0 << 3.0 << 7'884'000.0;
    // 8760 values at 730 h: every hour of the year, each weighing 730/8760 = 1/12 h, so the
    // result is the year's average month. Rates 1..12 in blocks of 730 h:
    // 3600 x (1/12) x 730 x (1 + ... + 12) = 3600 x 730 x 78 / 12 = 3600 x 730 x 6.5 = 17,082,000.
    // Slot 730 is the first hour of block 1 -> 2 req/s.
    QTest::newRow("year-8760-at-730h-is-the-average-month")
        << hourly << 0.0 << yearOfBlocks() << 730.0 << 8760 << 1.0 / 12.0 << 1.0 / 12.0 << 12.0 << 730 << 2.0 << 12.0
        << 17'082'000.0;
    // The same year at 744 h: weight 744/8760; 3600 x 744 x 6.5 = 17,409,600.
    QTest::newRow("year-8760-at-744h")
        << hourly << 0.0 << yearOfBlocks() << 744.0 << 8760 << 744.0 / 8760.0 << 744.0 / 8760.0 << 12.0 << 8759 << 12.0
        << 12.0 << 17'409'600.0;
    // 3,000,000 a month over 730 h, spread evenly: 3e6 / (730 x 3600) = 3e6 / 2,628,000
    // = 1.1415525 req/s in every slot; the month gets back exactly 3,000,000.
    QTest::newRow("per-month-3M-over-730h-spread-evenly")
        << QStringLiteral("perMonth") << 3e6 << QList<double>{} << 730.0 << 730 << 1.0 << 1.0 << 3e6 / 2'628'000.0 << 365
        << 3e6 / 2'628'000.0 << 3e6 / 2'628'000.0 << 3e6;
    // 39,600 a month over 5.5 h: 39,600 / (5.5 x 3600) = 39,600 / 19,800 = 2 req/s; 6 slots,
    // the last weighing 0.5; 2 x 3600 x 5.5 = 39,600 back.
    // A month of 1e-10 h (the reader accepts any hoursPerMonth > 0): still one slot, weighing
    // 1e-10 h, never none. 10 req/s x 3600 x 1e-10 = 3.6e-6 requests.
    QTest::newRow("tiny-month-1e-10h-is-one-slot")
        << QStringLiteral("perSecond") << 10.0 << QList<double>{} << 1e-10 << 1 << 1e-10 << 1e-10 << 10.0 << 0 << 10.0 << 10.0
        << 3.6e-6;
    // The same with a day profile: slot 0 is hour 0 -> 1 req/s; 3600 x 1e-10 = 3.6e-7.
    QTest::newRow("tiny-month-1e-10h-day-profile")
        << hourly << 0.0 << dayRamp() << 1e-10 << 1 << 1e-10 << 1e-10 << 1.0 << 0 << 1.0 << 1.0 << 3.6e-7;
    QTest::newRow("per-month-39600-over-5.5h")
        << QStringLiteral("perMonth") << 39'600.0 << QList<double>{} << 5.5 << 6 << 1.0 << 0.5 << 2.0 << 5 << 2.0 << 2.0
        << 39'600.0;
}

void TestFleet::hourlyPlan_tiling()
{
    QFETCH(QString, kind);
    QFETCH(double, value);
    QFETCH(QList<double>, profile);
    QFETCH(double, hoursPerMonth);
    QFETCH(int, expectedSlots);
    QFETCH(double, expectedFirstWeight);
    QFETCH(double, expectedLastWeight);
    QFETCH(double, expectedLastRate);
    QFETCH(int, probeSlot);
    QFETCH(double, expectedProbeRate);
    QFETCH(double, expectedPeak);
    QFETCH(double, expectedRequests);

    const HourlyPlan plan = HourlyPlan::build(requestModel(kind, value, profile), hoursPerMonth);
    QCOMPARE(static_cast<int>(plan.size()), expectedSlots);
    QCOMPARE(static_cast<int>(plan.weight.size()), expectedSlots);
    QCOMPARE(plan.hoursPerMonth, hoursPerMonth);
    QVERIFY2(near(plan.weight.front(), expectedFirstWeight), describe(plan.weight.front(), expectedFirstWeight).constData());
    QVERIFY2(near(plan.weight.back(), expectedLastWeight), describe(plan.weight.back(), expectedLastWeight).constData());
    QVERIFY2(near(plan.ratePerSecond.back(), expectedLastRate), describe(plan.ratePerSecond.back(), expectedLastRate).constData());
    QVERIFY2(near(plan.ratePerSecond.at(static_cast<std::size_t>(probeSlot)), expectedProbeRate),
             describe(plan.ratePerSecond.at(static_cast<std::size_t>(probeSlot)), expectedProbeRate).constData());
    QVERIFY2(near(plan.peakRate(), expectedPeak), describe(plan.peakRate(), expectedPeak).constData());
    QVERIFY2(near(plan.requestsPerMonth(), expectedRequests), describe(plan.requestsPerMonth(), expectedRequests).constData());
    // The weights always add up to the month: monthly() of 1 per hour is hoursPerMonth.
    const double hours = plan.monthly(std::vector<double>(plan.size(), 1.0));
    QVERIFY2(near(hours, hoursPerMonth), describe(hours, hoursPerMonth).constData());
}

void TestFleet::onDemandCount_mixedFleet_data()
{
    QTest::addColumn<double>("count");
    QTest::addColumn<double>("base");
    QTest::addColumn<double>("percentAboveBase");
    QTest::addColumn<double>("expected");

    // EC2 Auto Scaling "instances distribution": base first, then the percentage of the rest,
    // rounded up in favour of on-demand.
    // 10 base + 50% of (20 - 10) = 10 + 5 = 15.
    QTest::newRow("base-10-50pct-20-instances") << 20.0 << 10.0 << 50.0 << 15.0;
    // 0 base, 50% of 3 = 1.5 -> rounds up to 2 on-demand (1 spot).
    QTest::newRow("base-0-50pct-3-instances-rounds-up") << 3.0 << 0.0 << 50.0 << 2.0;
    // Base 5 larger than a fleet of 3: all 3 on-demand, nothing above the base.
    QTest::newRow("base-5-larger-than-3-instances") << 3.0 << 5.0 << 50.0 << 3.0;
    // Base equal to the fleet: 4 of 4.
    QTest::newRow("base-4-equals-4-instances") << 4.0 << 4.0 << 0.0 << 4.0;
    // 2 base + 25% of 8 = 2 + 2 (exactly, no rounding) = 4.
    QTest::newRow("base-2-25pct-10-instances-exact") << 10.0 << 2.0 << 25.0 << 4.0;
    // 1 base + 33% of 3 = 0.99 -> 1; 1 + 1 = 2.
    QTest::newRow("base-1-33pct-4-instances") << 4.0 << 1.0 << 33.0 << 2.0;
    // 0% above a base of 0: all spot.
    QTest::newRow("base-0-0pct-all-spot") << 6.0 << 0.0 << 0.0 << 0.0;
    // 100% above base: all on-demand.
    QTest::newRow("base-0-100pct-all-on-demand") << 6.0 << 0.0 << 100.0 << 6.0;
    // 10% of 1 = 0.1 -> 1: a single instance above the base is on-demand.
    QTest::newRow("base-0-10pct-1-instance-rounds-up") << 1.0 << 0.0 << 10.0 << 1.0;
    // An empty fleet has no on-demand instances, whatever the base.
    QTest::newRow("no-instances") << 0.0 << 3.0 << 50.0 << 0.0;
}

void TestFleet::onDemandCount_mixedFleet()
{
    QFETCH(double, count);
    QFETCH(double, base);
    QFETCH(double, percentAboveBase);
    QFETCH(double, expected);
    QCOMPARE(Ec2Model::onDemandCount(count, base, percentAboveBase), expected);
}

void TestFleet::ec2Evaluate_mixedFleet_billsBothParts_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<double>("expectedOnDemandHours");
    QTest::addColumn<double>("expectedSpotHours");
    QTest::addColumn<double>("expectedMonthly");

    // 20 instances, base 10, 50% above: 15 on-demand, 5 spot, for 730 h.
    // 15 x 730 = 10,950 h x 0.10 = 1095.00; 5 x 730 = 3650 h x 0.04 = 146.00; total 1241.00.
    QTest::newRow("20-instances-base-10-50pct")
        << QStringLiteral(R"({ "id": "mix", "platform": "ec2", "instanceType": "m.large", "purchase": "spot",
                               "instances": 20, "onDemandBase": 10, "onDemandPercentAboveBase": 50 })")
        << 10'950.0 << 3650.0 << 1241.0;
    // 3 instances, base 0, 50%: 2 on-demand (rounded up), 1 spot.
    // 2 x 730 = 1460 h x 0.10 = 146.00; 730 h x 0.04 = 29.20; total 175.20.
    QTest::newRow("3-instances-base-0-50pct")
        << QStringLiteral(R"({ "id": "mix", "platform": "ec2", "instanceType": "m.large", "purchase": "spot",
                               "instances": 3, "onDemandBase": 0, "onDemandPercentAboveBase": 50 })")
        << 1460.0 << 730.0 << 175.2;
    // 4 instances under a base of 6: all on-demand, 4 x 730 = 2920 h x 0.10 = 292.00; no spot.
    QTest::newRow("4-instances-under-base-6")
        << QStringLiteral(R"({ "id": "mix", "platform": "ec2", "instanceType": "m.large", "purchase": "spot",
                               "instances": 4, "onDemandBase": 6, "onDemandPercentAboveBase": 50 })")
        << 2920.0 << 0.0 << 292.0;
}

void TestFleet::ec2Evaluate_mixedFleet_billsBothParts()
{
    QFETCH(QString, option);
    QFETCH(double, expectedOnDemandHours);
    QFETCH(double, expectedSpotHours);
    QFETCH(double, expectedMonthly);

    const auto sheet = Pricing::parsePriceSheet(MixedSheet, "mixed.prices.json");
    QVERIFY2(sheet.ok(), sheet.error().toString().c_str());
    const std::string text = R"({ "format": "costscape-scenario", "version": 1, "name": "mixed", "region": "test-1",
        "hoursPerMonth": 730, "workload": { "requests": { "perSecond": 0 }, "durationMs": 100, "memoryMb": 128 },
        "options": [ )" + option.toStdString() + " ] }";
    const auto scenario = parseScenario(text, "mixed.costscape.json");
    QVERIFY2(scenario.ok(), scenario.error().toString().c_str());
    const auto evaluation = Evaluator::evaluate(*scenario, *sheet);
    QVERIFY2(evaluation.ok(), evaluation.error().toString().c_str());
    const OptionResult &r = evaluation->options.at(0);
    QVERIFY(r.feasible);

    double onDemandHours = 0, spotHours = 0;
    for (const LineItem &item : r.lineItems) {
        if (item.name == "on-demand instances")
            onDemandHours += item.quantity;
        else if (item.name == "spot instances")
            spotHours += item.quantity;
        else
            QFAIL(("unexpected line item " + item.name).c_str());
    }
    QVERIFY2(near(onDemandHours, expectedOnDemandHours), describe(onDemandHours, expectedOnDemandHours).constData());
    QVERIFY2(near(spotHours, expectedSpotHours), describe(spotHours, expectedSpotHours).constData());
    QVERIFY2(near(r.monthlyCost, expectedMonthly), describe(r.monthlyCost, expectedMonthly).constData());
}

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
