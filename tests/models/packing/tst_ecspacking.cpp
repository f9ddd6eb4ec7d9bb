// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ECS on EC2: how many instances the tasks need, and which candidate type the evaluator picks.
// Every expected figure is worked out by hand in the comment beside it. An instance offers
// vCPU x 1024 CPU units and the memory the ECS agent registers, floor(memoryGib x 1024 x 7985 / 8192)
// (the developer guide's m4.large: 8 GiB registers 7985 MiB), less reservedMemoryMb
// (EcsEc2Model::capacityOf). 8 GiB -> 7985 (7729 after 256); 16 GiB -> 15970 (15714 after 256).

#include "models/platforms/ecsec2/ecsec2model.h"
#include "models/packing/ecspacking.h"
#include "models/evaluator.h"
#include "models/scenario/scenarioreader.h"
#include "pricing/pricesheet.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

using namespace Costscape;
using namespace Costscape::Models;

namespace {

/**
 * Three made-up instance types whose arithmetic is easy (reserve 256 MiB unless a row says so):
 *   a.large   2 vCPU = 2048 units,  8 GiB registers  7985 MiB ( 7729 after 256)  $0.10/h
 *   b.xlarge  4 vCPU = 4096 units,  8 GiB registers  7985 MiB ( 7729 after 256)  $0.17/h
 *   c.large   2 vCPU = 2048 units, 16 GiB registers 15970 MiB (15714 after 256)  $0.13/h
 */
const char TinySheet[] = R"({
  "format": "costscape-prices", "version": 1, "name": "tiny test sheet", "currency": "USD",
  "source": "hand-made for tst_ecspacking", "retrieved": "2026-01-01",
  "regions": { "test-1": { "ec2": {
    "a.large":  { "vcpu": 2, "memoryGib": 8,  "onDemandHourly": { "linux": 0.10 } },
    "b.xlarge": { "vcpu": 4, "memoryGib": 8,  "onDemandHourly": { "linux": 0.17 } },
    "c.large":  { "vcpu": 2, "memoryGib": 16, "onDemandHourly": { "linux": 0.13 } }
  } } }
})";

const Pricing::PriceSheet &tinySheet()
{
    static const Pricing::PriceSheet sheet = [] {
        auto parsed = Pricing::parsePriceSheet(TinySheet, "tiny.prices.json");
        if (!parsed)
            qFatal("tiny sheet: %s", parsed.error().toString().c_str());
        return std::move(parsed).value();
    }();
    return sheet;
}

/** A 730-hour scenario in region test-1 with one option, given as its JSON object text. */
std::string scenarioWith(const QString &optionJson, const QString &requests = QStringLiteral(R"({ "perSecond": 0 })"),
                         const char *hoursPerMonth = "730")
{
    return R"({ "format": "costscape-scenario", "version": 1, "name": "packing", "region": "test-1",
        "hoursPerMonth": )" + std::string(hoursPerMonth) + R"(, "prices": "tiny.prices.json",
        "workload": { "requests": )"
        + requests.toStdString() + R"(, "durationMs": 200, "memoryMb": 128 },
        "options": [ )"
        + optionJson.toStdString() + " ] }";
}

Pricing::Ec2InstanceType instanceType(double vcpu, double memoryGib)
{
    Pricing::Ec2InstanceType t;
    t.name = "x.test";
    t.vcpu = vcpu;
    t.memoryGib = memoryGib;
    return t;
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

class TestEcsPacking : public QObject
{
    Q_OBJECT

private slots:
    void capacityOf_subtractsTheAgentReserve();
    void pack_oneGroup_instanceCount_data();
    void pack_oneGroup_instanceCount();
    void pack_usesEveryTaskOnce();
    void countInstances_millionTasks();
    void countInstances_agreesWithOneByOnePacking();
    void fits_taskAgainstEmptyInstance_data();
    void fits_taskAgainstEmptyInstance();
    void pack_taskLargerThanInstance_returnsNoInstances();
    void pack_twoGroups_bigFirstSmallFillGaps();
    void pack_zeroTasks_zeroInstances();
    void evaluator_taskFitsNoCandidate_isInfeasibleWithReason_data();
    void evaluator_taskFitsNoCandidate_isInfeasibleWithReason();
    void evaluator_picksCheapestCandidate_data();
    void evaluator_picksCheapestCandidate();
    void evaluator_zeroTasks_costNothing();
    void evaluator_idleGroupThatFitsNowhere_isNotInfeasible();
    void evaluator_tinyMonth_isPricedNotCrashing();
};

void TestEcsPacking::capacityOf_subtractsTheAgentReserve()
{
    // 2 vCPU x 1024 = 2048 units; 8 GiB registers 7985 MiB (the developer guide's m4.large),
    // less 256 = 7729.
    const InstanceCapacity cap = EcsEc2Model::capacityOf(instanceType(2, 8), 256);
    QCOMPARE(cap.cpuUnits, 2048.0);
    QCOMPARE(cap.memoryMb, 7729.0);
    // Reserve 0: all that is registered, 7985.
    QCOMPARE(EcsEc2Model::capacityOf(instanceType(2, 8), 0).memoryMb, 7985.0);
    // 16 GiB: 16384 x 7985 / 8192 = 15970 exactly; 2 GiB: 1996.25 -> 1996 (whole MiB).
    QCOMPARE(EcsEc2Model::capacityOf(instanceType(2, 16), 0).memoryMb, 15970.0);
    QCOMPARE(EcsEc2Model::capacityOf(instanceType(1, 2), 0).memoryMb, 1996.0);
}

void TestEcsPacking::pack_oneGroup_instanceCount_data()
{
    QTest::addColumn<double>("taskVcpu");
    QTest::addColumn<double>("taskMemoryMb");
    QTest::addColumn<qlonglong>("tasks");
    QTest::addColumn<double>("instanceVcpu");
    QTest::addColumn<double>("instanceMemoryGib");
    QTest::addColumn<double>("reservedMemoryMb");
    QTest::addColumn<int>("expectedInstances");

    // 4 x 512 units = 2048 = the whole CPU; 4 x 1024 = 4096 <= 7985 MiB -> 4 fit, 1 instance.
    QTest::newRow("exact-fill-4x-0.5vcpu-1gib-on-2vcpu-8gib") << 0.5 << 1024.0 << 4LL << 2.0 << 8.0 << 0.0 << 1;
    // Same instance, 4 per instance: the fifth task opens a second -> 2.
    QTest::newRow("one-over-5x-0.5vcpu-1gib-on-2vcpu-8gib") << 0.5 << 1024.0 << 5LL << 2.0 << 8.0 << 0.0 << 2;
    // CPU-bound: by CPU 2048/512 = 4, by memory floor(7985/512) = 15 -> 4 per instance; ceil(10/4) = 3.
    QTest::newRow("cpu-bound-10x-0.5vcpu-512mib-on-2vcpu-8gib") << 0.5 << 512.0 << 10LL << 2.0 << 8.0 << 0.0 << 3;
    // Memory-bound: by CPU 2048/256 = 8, by memory floor(7985/3072) = floor(2.6) = 2
    // -> 2 per instance; ceil(10/2) = 5.
    QTest::newRow("memory-bound-10x-0.25vcpu-3gib-on-2vcpu-8gib") << 0.25 << 3072.0 << 10LL << 2.0 << 8.0 << 0.0 << 5;
    // Reserve 0: floor(7985/1960) = 4 per instance (4 x 1960 = 7840; CPU 2048/256 = 8) -> 1 instance.
    QTest::newRow("agent-reserve-0-4x-1960mib-on-8gib") << 0.25 << 1960.0 << 4LL << 2.0 << 8.0 << 0.0 << 1;
    // Reserve 256: floor(7729/1960) = floor(3.94) = 3 per instance -> ceil(4/3) = 2 instances.
    QTest::newRow("agent-reserve-256-4x-1960mib-on-8gib") << 0.25 << 1960.0 << 4LL << 2.0 << 8.0 << 256.0 << 2;
    // Registered memory alone: 4 x 2048 = 8192 > 7985 even with reserve 0 -> 3 per instance -> 2.
    QTest::newRow("registered-memory-4x-2gib-on-8gib-reserve-0") << 0.25 << 2048.0 << 4LL << 2.0 << 8.0 << 0.0 << 2;
    // Reserve 256 and tasks sized for what is left: 4 x 1932 = 7728 <= 7729 -> 1 instance.
    QTest::newRow("agent-reserve-256-4x-1932mib-fill") << 0.25 << 1932.0 << 4LL << 2.0 << 8.0 << 256.0 << 1;
    // 0.1 vCPU = 102.4 units, not exact in binary; 10 x 102.4 = 1024 = 1 vCPU exactly
    // (memory 10 x 64 = 640 <= 1996) -> 1 instance, not 2.
    QTest::newRow("tenth-vcpu-tasks-fill-1vcpu-despite-rounding") << 0.1 << 64.0 << 10LL << 1.0 << 2.0 << 0.0 << 1;
    // m5.large shape with the default reserve: CPU 2048/512 = 4, memory floor(7729/1024) = 7
    // -> 4 per instance; 1000/4 = 250 instances.
    QTest::newRow("thousand-tasks-0.5vcpu-1gib-on-m5.large-shape") << 0.5 << 1024.0 << 1000LL << 2.0 << 8.0 << 256.0 << 250;
    // Same tasks on a 4 vCPU / 8 GiB shape, reserve 256: CPU 8, memory 7 -> 7 per instance;
    // 1000/7 = 142.86 -> 143.
    QTest::newRow("thousand-tasks-0.5vcpu-1gib-on-c5.xlarge-shape") << 0.5 << 1024.0 << 1000LL << 4.0 << 8.0 << 256.0 << 143;
}

void TestEcsPacking::pack_oneGroup_instanceCount()
{
    QFETCH(double, taskVcpu);
    QFETCH(double, taskMemoryMb);
    QFETCH(qlonglong, tasks);
    QFETCH(double, instanceVcpu);
    QFETCH(double, instanceMemoryGib);
    QFETCH(double, reservedMemoryMb);
    QFETCH(int, expectedInstances);

    const InstanceCapacity cap = EcsEc2Model::capacityOf(instanceType(instanceVcpu, instanceMemoryGib), reservedMemoryMb);
    const TaskDemand demand{taskVcpu * 1024.0, taskMemoryMb, tasks};
    QVERIFY(fits(demand, cap));
    const auto packed = packFirstFitDecreasing({demand}, cap);
    QCOMPARE(static_cast<int>(packed.size()), expectedInstances);
    // The evaluator prices with the run-based count: it must give the same figure.
    QCOMPARE(countInstancesFirstFitDecreasing({demand}, cap), static_cast<long long>(expectedInstances));
    // No instance is over-committed.
    for (const PackedInstance &p : packed) {
        QVERIFY(p.cpuUsed <= cap.cpuUnits + 1e-6);
        QVERIFY(p.memoryUsed <= cap.memoryMb + 1e-6);
        QVERIFY(p.tasksPerGroup.at(0) >= 1);
    }
}

void TestEcsPacking::pack_usesEveryTaskOnce()
{
    // 7 tasks of 0.5 vCPU / 1 GiB on 2 vCPU / 8 GiB, reserve 0: 4 + 3 -> two instances holding
    // 4 and 3 tasks; CPU used 2048 and 1536 units, memory 4096 and 3072 MiB.
    const InstanceCapacity cap{2048, 8192};
    const auto packed = packFirstFitDecreasing({{512, 1024, 7}}, cap);
    QCOMPARE(packed.size(), std::size_t(2));
    QCOMPARE(packed[0].tasksPerGroup, (std::vector<long long>{4}));
    QCOMPARE(packed[1].tasksPerGroup, (std::vector<long long>{3}));
    QCOMPARE(packed[0].cpuUsed, 2048.0);
    QCOMPARE(packed[1].cpuUsed, 1536.0);
    QCOMPARE(packed[0].memoryUsed, 4096.0);
    QCOMPARE(packed[1].memoryUsed, 3072.0);
}

void TestEcsPacking::countInstances_millionTasks()
{
    // m5.large shape, reserve 256: 4 tasks of (0.5 vCPU, 1 GiB) per instance (CPU 2048/512 = 4,
    // memory floor(7936/1024) = 7) -> 1,000,000 / 4 = 250,000 instances.
    QCOMPARE(countInstancesFirstFitDecreasing({{512, 1024, 1'000'000}}, {2048, 7936}), 250'000LL);
    // Plus 1,000,001 tasks of (0.25 vCPU, 256 MiB) = share max(0.125, 0.032) = 0.125, after the
    // 0.5 vCPU tasks (share 0.25): the full instances have no CPU left, so they open new ones at
    // min(2048/256 = 8, floor(7936/256) = 31) = 8 per instance: ceil(1,000,001 / 8) = 125,001.
    // 250,000 + 125,001 = 375,001.
    QCOMPARE(countInstancesFirstFitDecreasing({{256, 256, 1'000'001}, {512, 1024, 1'000'000}}, {2048, 7936}), 375'001LL);
    // A task that fits no instance: -1.
    QCOMPARE(countInstancesFirstFitDecreasing({{4096, 1024, 5}}, {2048, 7936}), -1LL);
    // No tasks: 0.
    QCOMPARE(countInstancesFirstFitDecreasing({{512, 1024, 0}}, {2048, 7936}), 0LL);
}

// The textbook algorithm, one task at a time, for the property test below: groups by their
// larger share of an instance (largest first, ties in input order), each task into the first
// instance with room.
static std::vector<std::vector<long long>> referenceFirstFitDecreasing(const std::vector<TaskDemand> &groups,
                                                                         const InstanceCapacity &cap)
{
    std::vector<std::size_t> order(groups.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    auto share = [&](const TaskDemand &t) { return std::max(t.cpuUnits / cap.cpuUnits, t.memoryMb / cap.memoryMb); };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return share(groups[a]) > share(groups[b]); });
    std::vector<std::vector<long long>> instances;
    std::vector<std::pair<double, double>> used;
    for (std::size_t g : order) {
        for (long long task = 0; task < groups[g].count; ++task) {
            std::size_t i = 0;
            for (; i < instances.size(); ++i)
                if (used[i].first + groups[g].cpuUnits <= cap.cpuUnits + 1e-9
                    && used[i].second + groups[g].memoryMb <= cap.memoryMb + 1e-9)
                    break;
            if (i == instances.size()) {
                instances.emplace_back(groups.size(), 0);
                used.emplace_back(0, 0);
            }
            ++instances[i][g];
            used[i].first += groups[g].cpuUnits;
            used[i].second += groups[g].memoryMb;
        }
    }
    return instances;
}

void TestEcsPacking::countInstances_agreesWithOneByOnePacking()
{
    // Not a hand figure: a property. The packing works on runs of identical instances; check on
    // 2000 deterministic mixes of up to four groups, including partial instances left by one
    // group and filled by the next, that it places every task exactly where one-task-at-a-time
    // first fit does, and that the count agrees with the list.
    std::uint32_t seed = 12345u;
    auto next = [&seed](std::uint32_t n) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % n;
    };
    const double cpus[] = {128, 256, 512, 1024, 2048, 384, 640};
    const double mems[] = {256, 512, 1024, 1536, 2048, 3072, 4096, 6144, 700, 1900};
    const InstanceCapacity shapes[] = {{2048, 7936}, {4096, 7936}, {2048, 16128}, {8192, 32512}, {2048, 3840}, {1024, 2048}};
    for (int round = 0; round < 2000; ++round) {
        const InstanceCapacity cap = shapes[next(6)];
        std::vector<TaskDemand> groups(1 + next(4));
        for (TaskDemand &g : groups)
            g = {cpus[next(7)], mems[next(10)], static_cast<long long>(next(60))};
        const auto packed = packFirstFitDecreasing(groups, cap);
        bool allFit = true;
        for (const TaskDemand &g : groups)
            allFit = allFit && (g.count == 0 || fits(g, cap));
        if (allFit) {
            const auto reference = referenceFirstFitDecreasing(groups, cap);
            QCOMPARE(packed.size(), reference.size());
            for (std::size_t i = 0; i < packed.size(); ++i)
                QCOMPARE(packed[i].tasksPerGroup, reference[i]);
        }
        const long long expected = allFit ? static_cast<long long>(packed.size()) : -1;
        const long long counted = countInstancesFirstFitDecreasing(groups, cap);
        if (counted != expected) {
            QByteArray what = "round " + QByteArray::number(round) + ": capacity " + QByteArray::number(cap.cpuUnits) + "/"
                + QByteArray::number(cap.memoryMb) + ", groups";
            for (const TaskDemand &g : groups)
                what += " {" + QByteArray::number(g.cpuUnits) + ", " + QByteArray::number(g.memoryMb) + ", "
                    + QByteArray::number(g.count) + "}";
            what += ": count " + QByteArray::number(counted) + ", one by one " + QByteArray::number(expected);
            QFAIL(what.constData());
        }
    }
}

void TestEcsPacking::fits_taskAgainstEmptyInstance_data()
{
    QTest::addColumn<double>("taskVcpu");
    QTest::addColumn<double>("taskMemoryMb");
    QTest::addColumn<double>("instanceVcpu");
    QTest::addColumn<double>("instanceMemoryGib");
    QTest::addColumn<double>("reservedMemoryMb");
    QTest::addColumn<bool>("expected");

    // 4 vCPU = 4096 units > 2048.
    QTest::newRow("4vcpu-task-on-2vcpu-instance") << 4.0 << 1024.0 << 2.0 << 8.0 << 256.0 << false;
    // 2 vCPU = 2048 = 2048: the whole CPU, fits.
    QTest::newRow("2vcpu-task-fills-2vcpu-instance") << 2.0 << 1024.0 << 2.0 << 8.0 << 256.0 << true;
    // 8192 MiB > 7985 - 256 = 7729: does not fit.
    QTest::newRow("8gib-task-on-8gib-instance-reserve-256") << 1.0 << 8192.0 << 2.0 << 8.0 << 256.0 << false;
    // 8192 > 7985 even with no reserve: the agent registers less than is installed.
    QTest::newRow("8gib-task-on-8gib-instance-reserve-0") << 1.0 << 8192.0 << 2.0 << 8.0 << 0.0 << false;
    // 7985 = all that is registered, reserve 0: fits.
    QTest::newRow("7985mib-task-reserve-0-exactly-registered") << 1.0 << 7985.0 << 2.0 << 8.0 << 0.0 << true;
    // 7729 = 7985 - 256 exactly: fits.
    QTest::newRow("7729mib-task-exactly-the-registered-memory") << 1.0 << 7729.0 << 2.0 << 8.0 << 256.0 << true;
    // 7730 > 7729 by 1 MiB.
    QTest::newRow("7730mib-task-one-mib-too-many") << 1.0 << 7730.0 << 2.0 << 8.0 << 256.0 << false;
}

void TestEcsPacking::fits_taskAgainstEmptyInstance()
{
    QFETCH(double, taskVcpu);
    QFETCH(double, taskMemoryMb);
    QFETCH(double, instanceVcpu);
    QFETCH(double, instanceMemoryGib);
    QFETCH(double, reservedMemoryMb);
    QFETCH(bool, expected);
    const InstanceCapacity cap = EcsEc2Model::capacityOf(instanceType(instanceVcpu, instanceMemoryGib), reservedMemoryMb);
    QCOMPARE(fits({taskVcpu * 1024.0, taskMemoryMb, 1}, cap), expected);
}

void TestEcsPacking::pack_taskLargerThanInstance_returnsNoInstances()
{
    // A 4 vCPU task cannot go on a 2 vCPU instance: the contract is "no instances", and the
    // caller checks fits() first. A fitting group next to it does not change that.
    const InstanceCapacity cap{2048, 7936};
    QVERIFY(packFirstFitDecreasing({{4096, 1024, 3}}, cap).empty());
    QVERIFY(packFirstFitDecreasing({{512, 1024, 3}, {4096, 1024, 1}}, cap).empty());
    QCOMPARE(countInstancesFirstFitDecreasing({{4096, 1024, 3}}, cap), -1LL);
    QCOMPARE(countInstancesFirstFitDecreasing({{512, 1024, 3}, {4096, 1024, 1}}, cap), -1LL);
}

void TestEcsPacking::pack_twoGroups_bigFirstSmallFillGaps()
{
    // Instance 2 vCPU / 8192 MiB (reserve 0).
    //   small: 0.5 vCPU = 512 units, 3072 MiB; share max(512/2048, 3072/8192) = max(0.25, 0.375) = 0.375; 5 tasks
    //   big:   0.5 vCPU = 512 units, 5120 MiB; share max(0.25, 0.625) = 0.625; 3 tasks
    // Listed small first, so a plain first fit in input order would put 2 small on instance 0
    // (6144 MiB, 2048 left: no room for a big), 2 on instance 1, 1 on instance 2 (5120 left: one
    // big), then the other 2 big on new instances: 5 instances.
    // FFD, big first: big fits once per instance (floor(8192/5120) = 1) -> instances 0, 1, 2 each
    // hold one big (5120 MiB, 512 units), leaving 3072 MiB and 1536 units: one small each
    // (floor(3072/3072) = 1) -> 3 small placed; the remaining 2 small open instance 3
    // (floor(8192/3072) = 2). Total 4.
    // Lower bound: memory 3 x 5120 + 5 x 3072 = 30720 MiB / 8192 = 3.75 -> at least 4, so 4 is optimal.
    const InstanceCapacity cap{2048, 8192};
    const std::vector<TaskDemand> groups = {{512, 3072, 5}, {512, 5120, 3}};
    const auto packed = packFirstFitDecreasing(groups, cap);
    QCOMPARE(packed.size(), std::size_t(4));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(packed[i].tasksPerGroup, (std::vector<long long>{1, 1})); // {small, big}, input order
        QCOMPARE(packed[i].memoryUsed, 8192.0);                           // 3072 + 5120: full
        QCOMPARE(packed[i].cpuUsed, 1024.0);                              // 512 + 512
    }
    QCOMPARE(packed[3].tasksPerGroup, (std::vector<long long>{2, 0}));
    QCOMPARE(packed[3].memoryUsed, 6144.0); // 2 x 3072
    QCOMPARE(countInstancesFirstFitDecreasing(groups, cap), 4LL);
    // 30 big + 50 small: the same pattern ten times over: 30 instances with one big and one
    // small (30 small placed), the other 20 small two per instance = 10 -> 40.
    QCOMPARE(countInstancesFirstFitDecreasing({{512, 3072, 50}, {512, 5120, 30}}, cap), 40LL);
    QCOMPARE(packFirstFitDecreasing({{512, 3072, 50}, {512, 5120, 30}}, cap).size(), std::size_t(40));

    // A mixed CPU/memory case: instance 4 vCPU = 4096 units / 8192 MiB (reserve 0).
    //   cpu-heavy: 2 vCPU = 2048 units, 1024 MiB; share max(0.5, 0.125) = 0.5; 3 tasks
    //   mem-heavy: 0.25 vCPU = 256 units, 3072 MiB; share max(0.0625, 0.375) = 0.375; 4 tasks
    // cpu-heavy first: floor(4096/2048) = 2 per instance -> instance 0 holds 2 (4096 units,
    // 2048 MiB: no CPU left), instance 1 holds 1 (2048 units, 1024 MiB; left 2048 units, 7168 MiB).
    // mem-heavy: instance 0 has 0 units left -> 0; instance 1: floor(2048/256) = 8 by CPU,
    // floor(7168/3072) = 2 by memory -> 2; the other 2 open instance 2 (floor(8192/3072) = 2).
    // Total 3. The totals allow 2 (CPU 7168/4096 = 1.75, memory 15360/8192 = 1.875), but 3
    // cpu-heavy tasks need two instances split 2 + 1, the "2" one has no CPU left, so all 4
    // mem-heavy tasks would need the other: 1024 + 4 x 3072 = 13312 MiB > 8192. So 3 is optimal.
    const InstanceCapacity cap4{4096, 8192};
    const auto mixed = packFirstFitDecreasing({{256, 3072, 4}, {2048, 1024, 3}}, cap4);
    QCOMPARE(mixed.size(), std::size_t(3));
    QCOMPARE(mixed[0].tasksPerGroup, (std::vector<long long>{0, 2}));
    QCOMPARE(mixed[1].tasksPerGroup, (std::vector<long long>{2, 1}));
    QCOMPARE(mixed[2].tasksPerGroup, (std::vector<long long>{2, 0}));
    QCOMPARE(countInstancesFirstFitDecreasing({{256, 3072, 4}, {2048, 1024, 3}}, cap4), 3LL);
}

void TestEcsPacking::pack_zeroTasks_zeroInstances()
{
    const InstanceCapacity cap{2048, 7936};
    QVERIFY(packFirstFitDecreasing({}, cap).empty());
    QVERIFY(packFirstFitDecreasing({{512, 1024, 0}}, cap).empty());
    QVERIFY(packFirstFitDecreasing({{512, 1024, 0}, {256, 512, 0}}, cap).empty());
    QCOMPARE(countInstancesFirstFitDecreasing({}, cap), 0LL);
    QCOMPARE(countInstancesFirstFitDecreasing({{512, 1024, 0}, {256, 512, 0}}, cap), 0LL);
}

void TestEcsPacking::evaluator_taskFitsNoCandidate_isInfeasibleWithReason_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("reason");

    // 8 vCPU > 4 vCPU (b.xlarge), the largest candidate.
    QTest::newRow("8vcpu-task-larger-than-every-type")
        << QStringLiteral(R"({ "id": "big", "platform": "ecs-ec2", "taskVcpu": 8, "taskMemoryMb": 1024, "tasks": 2,
                               "instanceTypes": ["a.large", "b.xlarge", "c.large"] })")
        << QStringLiteral("no candidate instance type can hold a task (8 vCPU / 1024 MiB) after reserving 256 MiB for the ECS agent");
    // 16384 MiB > 15970 - 256 = 15714 on c.large, the one with the most memory.
    QTest::newRow("16gib-task-too-big-after-agent-reserve")
        << QStringLiteral(R"({ "id": "fat", "platform": "ecs-ec2", "taskVcpu": 1, "taskMemoryMb": 16384, "tasks": 2,
                               "instanceTypes": "auto" })")
        << QStringLiteral("no candidate instance type can hold a task (1 vCPU / 16384 MiB) after reserving 256 MiB for the ECS agent");
    // Groups: the second (4 GiB) fits, the first (3 vCPU) fits only b.xlarge (4 vCPU) which
    // is listed out: the reason names only the group that fits nowhere.
    QTest::newRow("one-group-of-two-fits-no-candidate")
        << QStringLiteral(R"({ "id": "groups", "platform": "ecs-ec2", "instanceTypes": ["a.large", "c.large"],
                               "taskGroups": [ { "name": "cpu", "taskVcpu": 3, "taskMemoryMb": 1024, "tasks": 1 },
                                               { "name": "web", "taskVcpu": 0.5, "taskMemoryMb": 4096, "tasks": 4 } ] })")
        << QStringLiteral("no candidate instance type can hold a task (3 vCPU / 1024 MiB) after "
                          "reserving 256 MiB for the ECS agent");
}

void TestEcsPacking::evaluator_taskFitsNoCandidate_isInfeasibleWithReason()
{
    QFETCH(QString, option);
    QFETCH(QString, reason);
    const auto scenario = parseScenario(scenarioWith(option), "infeasible.costscape.json");
    QVERIFY2(scenario.ok(), scenario.error().toString().c_str());
    const auto evaluation = Evaluator::evaluate(*scenario, tinySheet());
    QVERIFY2(evaluation.ok(), evaluation.error().toString().c_str());
    const OptionResult &r = evaluation->options.at(0);
    QVERIFY(!r.feasible);
    QVERIFY(!r.warnings.empty());
    QCOMPARE(QString::fromStdString(r.warnings.front()), reason);
    QCOMPARE(r.monthlyCost, 0.0);
    QCOMPARE(r.fleet.peak, 0.0);
    QCOMPARE(evaluation->cheapestIndex(), -1);
}

void TestEcsPacking::evaluator_picksCheapestCandidate_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("requests");
    QTest::addColumn<QString>("expectedType");
    QTest::addColumn<double>("expectedInstances");
    QTest::addColumn<double>("expectedMonthly");

    const QString none = QStringLiteral(R"({ "perSecond": 0 })");
    const QString three = QStringLiteral(R"(["a.large", "b.xlarge", "c.large"])");
    auto fixed = [&](double vcpu, double mib, int tasks, const QString &types) {
        return QStringLiteral(R"({ "id": "svc", "platform": "ecs-ec2", "taskVcpu": %1, "taskMemoryMb": %2, "tasks": %3,
                                   "instanceTypes": %4 })")
            .arg(vcpu)
            .arg(mib)
            .arg(tasks)
            .arg(types);
    };

    // 12 x (0.5 vCPU, 1024 MiB), reserve 256:
    //   a.large  CPU 2048/512 = 4, memory floor(7729/1024) = 7 -> 4/inst -> 3 inst x 0.10 = 0.30/h
    //   b.xlarge CPU 4096/512 = 8, memory 7 -> 7/inst -> ceil(12/7) = 2 x 0.17 = 0.34/h
    //   c.large  CPU 4, memory floor(15714/1024) = 15 -> 4/inst -> 3 x 0.13 = 0.39/h
    // a.large: 3 x 730 h x 0.10 = 219.00
    QTest::newRow("balanced-tasks-pick-a.large") << fixed(0.5, 1024, 12, three) << none << QStringLiteral("a.large") << 3.0 << 219.0;
    // 12 x (0.5 vCPU, 3072 MiB):
    //   a.large  memory floor(7729/3072) = 2 -> 6 inst x 0.10 = 0.60/h
    //   b.xlarge memory 2 -> 6 x 0.17 = 1.02/h
    //   c.large  CPU 4, memory floor(15714/3072) = 5 -> 4/inst -> 3 x 0.13 = 0.39/h
    // c.large: 3 x 730 x 0.13 = 284.70
    QTest::newRow("memory-heavy-tasks-pick-c.large") << fixed(0.5, 3072, 12, three) << none << QStringLiteral("c.large") << 3.0 << 284.7;
    // 12 x (1 vCPU, 1024 MiB):
    //   a.large  CPU 2048/1024 = 2 -> 6 x 0.10 = 0.60/h
    //   b.xlarge CPU 4, memory 7 -> 4/inst -> 3 x 0.17 = 0.51/h
    //   c.large  CPU 2 -> 6 x 0.13 = 0.78/h
    // b.xlarge: 3 x 730 x 0.17 = 372.30
    QTest::newRow("cpu-heavy-tasks-pick-b.xlarge") << fixed(1, 1024, 12, three) << none << QStringLiteral("b.xlarge") << 3.0 << 372.3;
    // "auto" means every type in the sheet: the same three, the same choice.
    QTest::newRow("cpu-heavy-tasks-auto-types-pick-b.xlarge")
        << fixed(1, 1024, 12, QStringLiteral(R"("auto")")) << none << QStringLiteral("b.xlarge") << 3.0 << 372.3;
    // Only one candidate: it is chosen even though another would be cheaper. 12 tasks on c.large:
    // 4/inst -> 3 x 730 x 0.13 = 284.70.
    QTest::newRow("single-candidate-is-used")
        << fixed(0.5, 1024, 12, QStringLiteral(R"(["c.large"])")) << none << QStringLiteral("c.large") << 3.0 << 284.7;
    // Derived tasks: 100 req/s x 200 ms = 20 concurrent; 4 per task at 0.5 -> 2 -> 20/2 = 10 tasks
    // of (0.5 vCPU, 1024 MiB):
    //   a.large 4/inst -> 3 x 0.10 = 0.30/h; b.xlarge 7/inst -> 2 x 0.17 = 0.34/h;
    //   c.large 4/inst -> 3 x 0.13 = 0.39/h; the mix 1 b.xlarge (7) + 1 a.large (3) = 0.27/h.
    //   The mix: 2 instances x 730 h, 0.27 x 730 = 197.10; a.large comes first of the tie (1 each).
    QTest::newRow("derived-10-tasks-mix-b.xlarge-and-a.large")
        << QStringLiteral(R"({ "id": "svc", "platform": "ecs-ec2", "taskVcpu": 0.5, "taskMemoryMb": 1024,
                               "capacity": { "concurrentRequests": 4 }, "targetUtilization": 0.5,
                               "instanceTypes": ["a.large", "b.xlarge", "c.large"] })")
        << QStringLiteral(R"({ "perSecond": 100 })") << QStringLiteral("a.large") << 2.0 << 197.1;
    // Two task groups, reserve 0, on a.large only (7985 MiB): 3 big (0.5 vCPU, 5000 MiB) + 5 small
    // (0.5 vCPU, 2985 MiB). FFD: each big opens an instance and takes one small (5000 + 2985 =
    // 7985 exactly), the last 2 smalls share a fourth (5970) -> 4 x 730 x 0.10 = 292.00; memory
    // 29925 / 7985 = 3.75 says 4 is the least.
    QTest::newRow("two-groups-ffd-on-a.large")
        << QStringLiteral(R"({ "id": "svc", "platform": "ecs-ec2", "instanceTypes": ["a.large"], "reservedMemoryMb": 0,
                               "taskGroups": [ { "name": "small", "taskVcpu": 0.5, "taskMemoryMb": 2985, "tasks": 5 },
                                               { "name": "big", "taskVcpu": 0.5, "taskMemoryMb": 5000, "tasks": 3 } ] })")
        << none << QStringLiteral("a.large") << 4.0 << 292.0;
    // The reserve decides the type: 2 tasks of (1 vCPU, 15970 MiB) with reserve 0 fit only
    // c.large (15970 <= 15970), one per instance -> 2 x 730 x 0.13 = 189.80
    QTest::newRow("reserve-0-lets-15970mib-task-onto-c.large")
        << QStringLiteral(R"({ "id": "svc", "platform": "ecs-ec2", "taskVcpu": 1, "taskMemoryMb": 15970, "tasks": 2,
                               "reservedMemoryMb": 0, "instanceTypes": "auto" })")
        << none << QStringLiteral("c.large") << 2.0 << 189.8;
    // "cpu" (3 vCPU / 1 GiB) fits only b.xlarge; "mem" (1 vCPU / 12 GiB) only c.large: no one type
    // holds both, the mix holds one each: (0.17 + 0.13) x 730 = 219.00; b.xlarge comes first of the tie.
    QTest::newRow("each-group-on-a-different-type")
        << QStringLiteral(R"({ "id": "split", "platform": "ecs-ec2", "instanceTypes": ["b.xlarge", "c.large"],
                               "taskGroups": [ { "name": "cpu", "taskVcpu": 3, "taskMemoryMb": 1024, "tasks": 1 },
                                               { "name": "mem", "taskVcpu": 1, "taskMemoryMb": 12288, "tasks": 1 } ] })")
        << none << QStringLiteral("b.xlarge") << 2.0 << 219.0;
}

void TestEcsPacking::evaluator_picksCheapestCandidate()
{
    QFETCH(QString, option);
    QFETCH(QString, requests);
    QFETCH(QString, expectedType);
    QFETCH(double, expectedInstances);
    QFETCH(double, expectedMonthly);

    const auto scenario = parseScenario(scenarioWith(option, requests), "cheapest.costscape.json");
    QVERIFY2(scenario.ok(), scenario.error().toString().c_str());
    const auto evaluation = Evaluator::evaluate(*scenario, tinySheet());
    QVERIFY2(evaluation.ok(), evaluation.error().toString().c_str());
    const OptionResult &r = evaluation->options.at(0);
    QVERIFY2(r.feasible, r.warnings.empty() ? "" : r.warnings.front().c_str());
    QCOMPARE(QString::fromStdString(r.detailsAs<EcsEc2Details>()->instanceType), expectedType);
    QCOMPARE(r.detailsAs<EcsEc2Details>()->peakInstances, expectedInstances);
    QCOMPARE(r.fleet.peak, expectedInstances);
    // Constant counts over 730 one-hour slots: instance-hours = instances x 730.
    QCOMPARE(r.fleet.unitHours, expectedInstances * 730.0);
    QVERIFY2(near(r.monthlyCost, expectedMonthly), QByteArray::number(r.monthlyCost, 'f', 6).constData());
    // One line per type of the mix, each in instance-hours, adding up to the month.
    double lines = 0;
    for (const LineItem &line : r.lineItems) {
        QCOMPARE(QString::fromStdString(line.unit), QStringLiteral("instance-hours"));
        lines += line.cost;
    }
    QVERIFY(near(lines, r.monthlyCost));
}

void TestEcsPacking::evaluator_zeroTasks_costNothing()
{
    // 0 tasks -> 0 instances in every hour -> 0 instance-hours -> 0.00; still feasible.
    const auto scenario = parseScenario(
        scenarioWith(QStringLiteral(R"({ "id": "idle", "platform": "ecs-ec2", "taskVcpu": 0.5, "taskMemoryMb": 1024,
                                         "tasks": 0, "instanceTypes": ["a.large", "b.xlarge"] })")),
        "zero.costscape.json");
    QVERIFY2(scenario.ok(), scenario.error().toString().c_str());
    const auto evaluation = Evaluator::evaluate(*scenario, tinySheet());
    QVERIFY2(evaluation.ok(), evaluation.error().toString().c_str());
    const OptionResult &r = evaluation->options.at(0);
    QVERIFY(r.feasible);
    QCOMPARE(r.monthlyCost, 0.0);
    QCOMPARE(r.fleet.peak, 0.0);
    QCOMPARE(r.fleet.unitHours, 0.0);
    QCOMPARE(r.detailsAs<EcsEc2Details>()->peakInstances, 0.0);
}

void TestEcsPacking::evaluator_idleGroupThatFitsNowhere_isNotInfeasible()
{
    // "batch" (8 vCPU) fits no type but runs 0 tasks; "web" 4 x 0.5 vCPU / 1 GiB fills one
    // a.large (2048 / 512 = 4 by CPU): 1 x 730 h x $0.10 = $73.
    const auto scenario = parseScenario(
        scenarioWith(QStringLiteral(R"({ "id": "mixed", "platform": "ecs-ec2", "instanceTypes": ["a.large"],
                                         "taskGroups": [ { "name": "batch", "taskVcpu": 8, "taskMemoryMb": 1024, "tasks": 0 },
                                                         { "name": "web", "taskVcpu": 0.5, "taskMemoryMb": 1024, "tasks": 4 } ] })")),
        "idle.costscape.json");
    QVERIFY2(scenario.ok(), scenario.error().toString().c_str());
    const auto evaluation = Evaluator::evaluate(*scenario, tinySheet());
    QVERIFY2(evaluation.ok(), evaluation.error().toString().c_str());
    const OptionResult &r = evaluation->options.at(0);
    QVERIFY(r.feasible);
    QCOMPARE(r.fleet.peak, 1.0);
    QCOMPARE(r.monthlyCost, 73.0);
}

void TestEcsPacking::evaluator_tinyMonth_isPricedNotCrashing()
{
    // hoursPerMonth 1e-10 passes the reader (> 0). The plan used to have no slot at all, and the
    // ECS model then read the packing of a "busiest hour" that did not exist (a crash). Now one
    // slot weighs 1e-10 h: 12 x (0.5 vCPU, 1024 MiB) -> a.large x 3 as in
    // "balanced-tasks-pick-a.large"; 3 x 1e-10 h x 0.10 = 3e-11.
    const auto scenario = parseScenario(
        scenarioWith(QStringLiteral(R"({ "id": "svc", "platform": "ecs-ec2", "taskVcpu": 0.5, "taskMemoryMb": 1024,
                                         "tasks": 12, "instanceTypes": ["a.large", "b.xlarge", "c.large"] })"),
                     QStringLiteral(R"({ "perSecond": 0 })"), "1e-10"),
        "tiny-month.costscape.json");
    QVERIFY2(scenario.ok(), scenario.error().toString().c_str());
    const auto evaluation = Evaluator::evaluate(*scenario, tinySheet());
    QVERIFY2(evaluation.ok(), evaluation.error().toString().c_str());
    const OptionResult &r = evaluation->options.at(0);
    QVERIFY(r.feasible);
    QCOMPARE(r.fleet.hourly.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(r.detailsAs<EcsEc2Details>()->instanceType), QStringLiteral("a.large"));
    QCOMPARE(r.fleet.peak, 3.0);
    QCOMPARE(r.fleet.unitHours, 3e-10);
    QCOMPARE(r.monthlyCost, 3e-11);
}

QTEST_GUILESS_MAIN(TestEcsPacking)
#include "tst_ecspacking.moc"
