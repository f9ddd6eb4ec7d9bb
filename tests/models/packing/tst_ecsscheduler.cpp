// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The two packings of ECS on EC2 side by side: what the ECS scheduler would do (one type, tasks
// placed one at a time by the placement strategy, an instance launched when none has room) and
// the optimised fleet (the cheapest mix of types). Every expected figure is worked out by hand in
// the comment beside it; capacities are given directly (CPU units, MiB) unless a row says so.

#include "models/platforms/ecsec2/ecsec2model.h"
#include "models/packing/ecspacking.h"
#include "models/evaluator.h"
#include "models/scenario/scenarioreader.h"
#include "pricing/pricesheet.h"

#include <QTest>

#include <cmath>
#include <random>
#include <string>

using namespace Costscape;
using namespace Costscape::Models;

Q_DECLARE_METATYPE(Costscape::Models::PlacementStrategy)

namespace {

InstanceOffer offer(const char *type, double cpuUnits, double memoryMb, double hourly, long long maxTasks = 0)
{
    InstanceOffer o;
    o.type = type;
    o.capacity = {cpuUnits, memoryMb};
    o.hourlyPrice = hourly;
    o.maxTasks = maxTasks;
    return o;
}

/** Every task of every group is on exactly one instance, and no instance is over its capacity. */
bool holdsEveryTaskOnce(const Packing &p, const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers,
                        QString &why)
{
    std::vector<long long> placed(groups.size(), 0);
    long long instances = 0;
    for (const InstanceRun &r : p.runs) {
        const InstanceOffer &o = offers.at(static_cast<std::size_t>(r.offer));
        double cpu = 0, mem = 0;
        long long tasks = 0;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            placed[g] += r.instances * r.tasksPerGroup.at(g);
            cpu += static_cast<double>(r.tasksPerGroup[g]) * groups[g].cpuUnits;
            mem += static_cast<double>(r.tasksPerGroup[g]) * groups[g].memoryMb;
            tasks += r.tasksPerGroup[g];
        }
        instances += r.instances;
        if (cpu > o.capacity.cpuUnits + 1e-6 || mem > o.capacity.memoryMb + 1e-6 || (o.maxTasks > 0 && tasks > o.maxTasks)) {
            why = QStringLiteral("an instance of %1 is over its capacity").arg(QString::fromStdString(o.type));
            return false;
        }
        if (std::abs(cpu - r.cpuUsed) > 1e-6 || std::abs(mem - r.memoryUsed) > 1e-6) {
            why = QStringLiteral("a run's cpuUsed/memoryUsed disagree with its tasks");
            return false;
        }
    }
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (placed[g] != std::max(0LL, groups[g].count)) {
            why = QStringLiteral("group %1: %2 tasks placed of %3").arg(g).arg(placed[g]).arg(groups[g].count);
            return false;
        }
    if (instances != p.instances) {
        why = QStringLiteral("instances %1 but runs hold %2").arg(p.instances).arg(instances);
        return false;
    }
    return true;
}

/** What first-fit decreasing on the cheapest single type costs an hour (infinity when none holds every task). */
double bestSingleTypeFfd(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers)
{
    double best = INFINITY;
    for (const InstanceOffer &o : offers) {
        const long long n = countInstancesFirstFitDecreasing(groups, o.capacity);
        if (n >= 0)
            best = std::min(best, static_cast<double>(n) * o.hourlyPrice);
    }
    return best;
}

std::vector<InstanceOffer> randomOffers(std::mt19937 &rng)
{
    // c-, m- and r-like families in three sizes, priced roughly as on the sheet.
    std::vector<InstanceOffer> offers;
    const double gibPerVcpu[] = {2, 4, 8};
    const double pricePerVcpu[] = {0.0425, 0.048, 0.063};
    const char *names[] = {"c.", "m.", "r."};
    std::uniform_real_distribution<double> jitter(0.95, 1.05);
    for (int f = 0; f < 3; ++f)
        for (double vcpu : {2.0, 4.0, 8.0})
            offers.push_back(offer((std::string(names[f]) + std::to_string(static_cast<int>(vcpu))).c_str(), vcpu * 1024,
                                   vcpu * gibPerVcpu[f] * 1024 - 256, vcpu * pricePerVcpu[f] * jitter(rng)));
    return offers;
}

std::vector<TaskDemand> randomGroups(std::mt19937 &rng, int groups, long long maxCount)
{
    const double vcpus[] = {0.25, 0.5, 1, 2};
    const double gibPerVcpu[] = {0.5, 1, 2, 4, 8};
    std::uniform_int_distribution<int> pickCpu(0, 3), pickMem(0, 4);
    std::uniform_int_distribution<long long> count(1, maxCount);
    std::vector<TaskDemand> out;
    for (int g = 0; g < groups; ++g) {
        const double v = vcpus[pickCpu(rng)];
        out.push_back({v * 1024, std::min(v * gibPerVcpu[pickMem(rng)] * 1024, 15000.0), count(rng)});
    }
    return out;
}

/**
 * Made-up types whose arithmetic is easy; 8 GiB registers 7985 MiB, 7729 after the default 256:
 *   a.large   2 vCPU = 2048 units, 8 GiB  $0.10/h
 *   b.xlarge  4 vCPU = 4096 units, 8 GiB  $0.17/h
 *   t3.small  2 vCPU = 2048 units, 8 GiB  $0.02/h (burstable, and far cheaper)
 */
Pricing::PriceSheet sheetWith(bool withBurstable)
{
    std::string text = R"({ "format": "costscape-prices", "version": 1, "name": "scheduler test sheet", "currency": "USD",
      "source": "hand-made for tst_ecsscheduler", "retrieved": "2026-01-01",
      "regions": { "test-1": { "ec2": {
        "a.large":  { "vcpu": 2, "memoryGib": 8, "onDemandHourly": { "linux": 0.10 } },
        "b.xlarge": { "vcpu": 4, "memoryGib": 8, "onDemandHourly": { "linux": 0.17 } })";
    if (withBurstable)
        text += R"(, "t3.small": { "vcpu": 2, "memoryGib": 8, "onDemandHourly": { "linux": 0.02 } })";
    text += "} } } }";
    auto parsed = Pricing::parsePriceSheet(text, "scheduler.prices.json");
    if (!parsed)
        qFatal("sheet: %s", parsed.error().toString().c_str());
    return std::move(parsed).value();
}

std::string scenarioWith(const std::string &option)
{
    return R"({ "format": "costscape-scenario", "version": 1, "name": "scheduler", "region": "test-1",
        "hoursPerMonth": 730, "prices": "scheduler.prices.json",
        "workload": { "requests": { "perSecond": 0 }, "durationMs": 200, "memoryMb": 128 },
        "options": [ )" + option + " ] }";
}

} // namespace

class TestEcsScheduler : public QObject
{
    Q_OBJECT

private slots:
    void exactlyFillingTasks_fillEveryInstance_data();
    void exactlyFillingTasks_fillEveryInstance();
    void taskLargerThanEveryCandidate_isInfeasibleWithReason();
    void optimised_choosesFamilyByBottleneck_data();
    void optimised_choosesFamilyByBottleneck();
    void reservedMemory_changesTheCount_data();
    void reservedMemory_changesTheCount();
    void binpackMemory_placesOnLeastRemainingMemory();
    void binpackCpu_againstBinpackMemory_chooseDifferentInstances();
    void spread_launchesWhatBinpackNeedsThenSpreadsEvenly();
    void spread_fragmentsAndNeedsAnExtraInstance();
    void maxTasksPerInstance_capsTheLoad_data();
    void maxTasksPerInstance_capsTheLoad();
    void optimised_mixesTypesWhenNoSingleTypeHoldsEveryGroup();
    void optimised_neverDearerThanBestSingleTypeFfd_randomMixes();
    void scheduler_neverCheaperThanOptimised_randomMixes();
    void hundredThousandTasks_arePackedCompletely();
    void noTasks_noInstances();
    void evaluator_detailsPacking_bothFleetsSideBySide();
    void evaluator_maxTasksPerInstance_readCheckedAndWritten();
    void evaluator_burstableTypeChosen_isWarned();
};

void TestEcsScheduler::exactlyFillingTasks_fillEveryInstance_data()
{
    QTest::addColumn<PlacementStrategy>("strategy");
    // 2048 units / 4096 MiB; 8 tasks of 512 units / 1024 MiB: 4 fill an instance exactly by
    // CPU (4 x 512 = 2048) and memory (4 x 1024 = 4096) -> 2 instances, 100% / 100%.
    QTest::newRow("binpack-memory") << PlacementStrategy::BinpackMemory;
    QTest::newRow("binpack-cpu") << PlacementStrategy::BinpackCpu;
    QTest::newRow("spread") << PlacementStrategy::Spread;
}

void TestEcsScheduler::exactlyFillingTasks_fillEveryInstance()
{
    QFETCH(PlacementStrategy, strategy);
    const std::vector<InstanceOffer> offers{offer("x.large", 2048, 4096, 0.10)};
    const std::vector<TaskDemand> groups{{512, 1024, 8}};
    const Packing s = simulateEcsScheduler(groups, offers[0], strategy);
    QVERIFY(s.feasible);
    QCOMPARE(s.instances, 2LL);
    QCOMPARE(s.runs.size(), std::size_t(1));
    QCOMPARE(s.runs[0].tasksPerGroup, std::vector<long long>{4});
    QCOMPARE(s.cpuUtilisation(offers), 1.0);
    QCOMPARE(s.memoryUtilisation(offers), 1.0);
    QVERIFY(std::abs(s.hourlyCost - 0.20) < 1e-12);

    const Packing o = packOptimised(groups, offers);
    QVERIFY(o.feasible);
    QCOMPARE(o.instances, 2LL);
    QCOMPARE(o.cpuUtilisation(offers), 1.0);
    QCOMPARE(o.memoryUtilisation(offers), 1.0);
}

void TestEcsScheduler::taskLargerThanEveryCandidate_isInfeasibleWithReason()
{
    // Group 2 asks 8 vCPU = 8192 units; the largest candidate offers 4096.
    const std::vector<InstanceOffer> offers{offer("a.large", 2048, 8192, 0.10), offer("b.xlarge", 4096, 8192, 0.17)};
    const std::vector<TaskDemand> groups{{512, 1024, 4}, {8192, 1024, 1}};
    const Packing o = packOptimised(groups, offers);
    QVERIFY(!o.feasible);
    QCOMPARE(QString::fromStdString(o.reason), QStringLiteral("task group 2 (8 vCPU / 1024 MiB) fits no candidate type"));
    QCOMPARE(o.instances, 0LL);
    QCOMPARE(o.hourlyCost, 0.0);
    const Packing s = simulateEcsScheduler(groups, offers[1], PlacementStrategy::BinpackMemory);
    QVERIFY(!s.feasible);
    QCOMPARE(QString::fromStdString(s.reason), QStringLiteral("task group 2 (8 vCPU / 1024 MiB) fits no b.xlarge instance"));
}

void TestEcsScheduler::optimised_choosesFamilyByBottleneck_data()
{
    QTest::addColumn<double>("cpu");
    QTest::addColumn<double>("memory");
    QTest::addColumn<QString>("expectedType");
    QTest::addColumn<long long>("expectedInstances");
    QTest::addColumn<double>("expectedHourly");
    // Offers: c.large 2048 / 4096 $0.085, m.large 2048 / 8192 $0.096, r.large 2048 / 16384 $0.126.
    // CPU-heavy 10 x (1024 units, 1024 MiB): 2 per instance on each (CPU-bound) -> 5 instances;
    // c.large is cheapest: 5 x 0.085 = 0.425.
    QTest::newRow("cpu-heavy-picks-c.large") << 1024.0 << 1024.0 << QStringLiteral("c.large") << 5LL << 0.425;
    // Memory-heavy 10 x (256 units, 7168 MiB): c.large holds none (4096 < 7168); m.large 1 per
    // instance -> 10 x 0.096 = 0.96; r.large floor(16384/7168) = 2 -> 5 x 0.126 = 0.63.
    QTest::newRow("memory-heavy-picks-r.large") << 256.0 << 7168.0 << QStringLiteral("r.large") << 5LL << 0.63;
    // Balanced 10 x (512 units, 2048 MiB): c.large 2 (memory) -> 5 x 0.085 = 0.425; m.large 4 ->
    // 3 x 0.096 = 0.288, or 2 m.large (8 tasks) + 1 c.large (2 tasks) = 0.277; r.large 4 -> 3 x
    // 0.126. The cheapest: 2 x m.large + 1 x c.large = 0.277 (checked below as the hourly cost;
    // expectedType names the type holding the most instances).
    QTest::newRow("balanced-picks-m.large-mix") << 512.0 << 2048.0 << QStringLiteral("m.large") << 3LL << 0.277;
}

void TestEcsScheduler::optimised_choosesFamilyByBottleneck()
{
    QFETCH(double, cpu);
    QFETCH(double, memory);
    QFETCH(QString, expectedType);
    QFETCH(long long, expectedInstances);
    QFETCH(double, expectedHourly);
    const std::vector<InstanceOffer> offers{offer("c.large", 2048, 4096, 0.085), offer("m.large", 2048, 8192, 0.096),
                                            offer("r.large", 2048, 16384, 0.126)};
    const std::vector<TaskDemand> groups{{cpu, memory, 10}};
    const Packing o = packOptimised(groups, offers);
    QVERIFY(o.feasible);
    QString why;
    QVERIFY2(holdsEveryTaskOnce(o, groups, offers, why), qPrintable(why));
    QCOMPARE(o.instances, expectedInstances);
    QVERIFY2(std::abs(o.hourlyCost - expectedHourly) < 1e-9, QByteArray::number(o.hourlyCost, 'f', 6).constData());
    long long most = 0;
    QString mostType;
    for (const InstanceRun &r : o.runs) {
        long long n = 0;
        for (const InstanceRun &q : o.runs)
            if (q.offer == r.offer)
                n += q.instances;
        if (n > most) {
            most = n;
            mostType = QString::fromStdString(offers[static_cast<std::size_t>(r.offer)].type);
        }
    }
    QCOMPARE(mostType, expectedType);
}

void TestEcsScheduler::reservedMemory_changesTheCount_data()
{
    QTest::addColumn<double>("reservedMemoryMb");
    QTest::addColumn<long long>("expectedInstances");
    // An 8 GiB, 2 vCPU type registers 7985 MiB (EcsEc2Model::capacityOf). 8 tasks of (256 units,
    // 1960 MiB): 4 x 1960 = 7840.
    // Reserve 0: 7985 >= 7840 -> 4 per instance -> 2 instances.
    QTest::newRow("reserve-0-four-per-instance") << 0.0 << 2LL;
    // Reserve 256 (the agent's default): 7729 < 7840 -> 3 per instance -> ceil(8/3) = 3 instances.
    QTest::newRow("reserve-256-three-per-instance") << 256.0 << 3LL;
}

void TestEcsScheduler::reservedMemory_changesTheCount()
{
    QFETCH(double, reservedMemoryMb);
    QFETCH(long long, expectedInstances);
    Pricing::Ec2InstanceType type;
    type.name = "m4.large";
    type.vcpu = 2;
    type.memoryGib = 8;
    // The ECS developer guide's example: an m4.large with 8 GiB installed registers 7985 MiB.
    QCOMPARE(EcsEc2Model::capacityOf(type, 0).memoryMb, 7985.0);
    InstanceOffer o = offer("m4.large", 0, 0, 0.10);
    o.capacity = EcsEc2Model::capacityOf(type, reservedMemoryMb);
    const std::vector<TaskDemand> groups{{256, 1960, 8}};
    QCOMPARE(simulateEcsScheduler(groups, o, PlacementStrategy::BinpackMemory).instances, expectedInstances);
    QCOMPARE(packOptimised(groups, {o}).instances, expectedInstances);
}

void TestEcsScheduler::binpackMemory_placesOnLeastRemainingMemory()
{
    // The developer guide (task placement strategies): "if you binpack on memory, a task is placed
    // on the instance with the least amount of remaining memory but still enough to run the task".
    // 4096 units / 8192 MiB; one task each of 6144, 5120, 2048 MiB, in that order:
    //   6144 -> instance A (2048 left); 5120 does not fit A -> B (3072 left);
    //   2048 fits A (2048 left) and B (3072 left): binpack picks A, the least left -> 2 instances,
    //   A = {1, 0, 1}, B = {0, 1, 0}.
    const std::vector<InstanceOffer> offers{offer("x", 4096, 8192, 0.1)};
    const std::vector<TaskDemand> groups{{256, 6144, 1}, {256, 5120, 1}, {256, 2048, 1}};
    const Packing p = simulateEcsScheduler(groups, offers[0], PlacementStrategy::BinpackMemory);
    QCOMPARE(p.instances, 2LL);
    bool sawA = false, sawB = false;
    for (const InstanceRun &r : p.runs) {
        sawA = sawA || r.tasksPerGroup == std::vector<long long>{1, 0, 1};
        sawB = sawB || r.tasksPerGroup == std::vector<long long>{0, 1, 0};
    }
    QVERIFY(sawA && sawB);
    // Both instances memory: (8192 + 5120) / 16384 used.
    QCOMPARE(p.memoryUtilisation(offers), (8192.0 + 5120.0) / 16384.0);
}

void TestEcsScheduler::binpackCpu_againstBinpackMemory_chooseDifferentInstances()
{
    // 4096 units / 8192 MiB. In order: (3072 units, 1024 MiB) -> A (1024 units, 7168 MiB left);
    // (2048, 6144) does not fit A's 1024 units -> B (2048 units, 2048 MiB left);
    // (512, 1024) fits both: binpack-cpu picks A (1024 units left < 2048), binpack-memory picks B
    // (2048 MiB left < 7168).
    const InstanceOffer o = offer("x", 4096, 8192, 0.1);
    const std::vector<TaskDemand> groups{{3072, 1024, 1}, {2048, 6144, 1}, {512, 1024, 1}};
    const Packing cpu = simulateEcsScheduler(groups, o, PlacementStrategy::BinpackCpu);
    const Packing mem = simulateEcsScheduler(groups, o, PlacementStrategy::BinpackMemory);
    auto has = [](const Packing &p, std::vector<long long> tasks) {
        for (const InstanceRun &r : p.runs)
            if (r.tasksPerGroup == tasks)
                return true;
        return false;
    };
    QCOMPARE(cpu.instances, 2LL);
    QCOMPARE(mem.instances, 2LL);
    QVERIFY(has(cpu, {1, 0, 1}));
    QVERIFY(has(mem, {0, 1, 1}));
}

void TestEcsScheduler::spread_launchesWhatBinpackNeedsThenSpreadsEvenly()
{
    // Spread (field instanceId) "spreads placement across available candidates evenly"; with a
    // capacity provider the instances are those its managed scaling launches for the pending
    // tasks, which Costscape estimates by binpack. 4096 units / 8192 MiB; 4 small (512, 1024)
    // then 2 big (512, 6144):
    //   binpack: the 4 small share A (4096 MiB left); a big does not fit A -> B, the other -> C: 3.
    //   spread over A, B, C: small 2, 1, 1; each big goes to an instance with 1 task (7168 left):
    //   3 instances, {2, 0}, {1, 1}, {1, 1}: as many as binpack, but evenly loaded.
    const InstanceOffer o = offer("x", 4096, 8192, 0.1);
    const std::vector<TaskDemand> groups{{512, 1024, 4}, {512, 6144, 2}};
    const Packing binpack = simulateEcsScheduler(groups, o, PlacementStrategy::BinpackMemory);
    const Packing spread = simulateEcsScheduler(groups, o, PlacementStrategy::Spread);
    QCOMPARE(binpack.instances, 3LL);
    QCOMPARE(spread.instances, 3LL);
    for (const InstanceRun &r : spread.runs) {
        if (r.tasksPerGroup == std::vector<long long>{1, 1})
            QCOMPARE(r.instances, 2LL);
        else
            QCOMPARE(r.tasksPerGroup, (std::vector<long long>{2, 0}));
    }
    // Binpack: {4, 0} x 1 and {0, 1} x 2.
    for (const InstanceRun &r : binpack.runs)
        QVERIFY(r.tasksPerGroup == (std::vector<long long>{4, 0}) || r.tasksPerGroup == (std::vector<long long>{0, 1}));
}

void TestEcsScheduler::spread_fragmentsAndNeedsAnExtraInstance()
{
    // 4096 units / 8192 MiB; 4 tasks of (256, 2048) then 1 of (256, 8192).
    //   binpack: the 4 fill A (8192 MiB); the big one -> B: 2 instances.
    //   spread over the 2 launched: 2 + 2 (4096 MiB left on each); the big one fits neither ->
    //   a third instance: spread costs 3 x 0.1 against binpack's 2 x 0.1.
    const InstanceOffer o = offer("x", 4096, 8192, 0.1);
    const std::vector<TaskDemand> groups{{256, 2048, 4}, {256, 8192, 1}};
    QCOMPARE(simulateEcsScheduler(groups, o, PlacementStrategy::BinpackMemory).instances, 2LL);
    const Packing spread = simulateEcsScheduler(groups, o, PlacementStrategy::Spread);
    QCOMPARE(spread.instances, 3LL);
    QVERIFY(std::abs(spread.hourlyCost - 0.3) < 1e-12);
    // The optimised fleet is binpack's 2.
    QCOMPARE(packOptimised(groups, {o}).instances, 2LL);
}

void TestEcsScheduler::maxTasksPerInstance_capsTheLoad_data()
{
    QTest::addColumn<long long>("maxTasks");
    QTest::addColumn<long long>("expectedInstances");
    // 10 tasks of (256, 512) on 4096 / 16384: 16 fit by CPU, 32 by memory -> 1 instance uncapped.
    QTest::newRow("no-cap-one-instance") << 0LL << 1LL;
    // awsvpc, 3 tasks per instance (network interfaces): ceil(10 / 3) = 4.
    QTest::newRow("cap-3-four-instances") << 3LL << 4LL;
    // Cap 10: exactly one instance.
    QTest::newRow("cap-10-one-instance") << 10LL << 1LL;
}

void TestEcsScheduler::maxTasksPerInstance_capsTheLoad()
{
    QFETCH(long long, maxTasks);
    QFETCH(long long, expectedInstances);
    const std::vector<InstanceOffer> offers{offer("x", 4096, 16384, 0.1, maxTasks)};
    const std::vector<TaskDemand> groups{{256, 512, 10}};
    for (PlacementStrategy s : {PlacementStrategy::BinpackMemory, PlacementStrategy::BinpackCpu, PlacementStrategy::Spread})
        QCOMPARE(simulateEcsScheduler(groups, offers[0], s).instances, expectedInstances);
    const Packing o = packOptimised(groups, offers);
    QCOMPARE(o.instances, expectedInstances);
    QString why;
    QVERIFY2(holdsEveryTaskOnce(o, groups, offers, why), qPrintable(why));
}

void TestEcsScheduler::optimised_mixesTypesWhenNoSingleTypeHoldsEveryGroup()
{
    // "cpu" (3072 units, 1024 MiB) fits only b.xlarge (4096 / 7936); "mem" (1024, 12288) only
    // c.large (2048 / 16128): one of each -> 0.17 + 0.13 = 0.30.
    const std::vector<InstanceOffer> offers{offer("b.xlarge", 4096, 7936, 0.17), offer("c.large", 2048, 16128, 0.13)};
    const std::vector<TaskDemand> groups{{3072, 1024, 1}, {1024, 12288, 1}};
    const Packing o = packOptimised(groups, offers);
    QVERIFY(o.feasible);
    QCOMPARE(o.instances, 2LL);
    QVERIFY(std::abs(o.hourlyCost - 0.30) < 1e-12);
    QString why;
    QVERIFY2(holdsEveryTaskOnce(o, groups, offers, why), qPrintable(why));
}

void TestEcsScheduler::optimised_neverDearerThanBestSingleTypeFfd_randomMixes()
{
    std::mt19937 rng(20260101);
    for (int trial = 0; trial < 200; ++trial) {
        const std::vector<InstanceOffer> offers = randomOffers(rng);
        const std::vector<TaskDemand> groups = randomGroups(rng, 1 + trial % 8, trial % 3 == 0 ? 500 : 30);
        const Packing o = packOptimised(groups, offers);
        QVERIFY(o.feasible);
        QString why;
        QVERIFY2(holdsEveryTaskOnce(o, groups, offers, why), qPrintable(QStringLiteral("trial %1: ").arg(trial) + why));
        const double ffd = bestSingleTypeFfd(groups, offers);
        QVERIFY2(o.hourlyCost <= ffd + 1e-9, qPrintable(QStringLiteral("trial %1: %2 > %3").arg(trial).arg(o.hourlyCost).arg(ffd)));
    }
}

void TestEcsScheduler::scheduler_neverCheaperThanOptimised_randomMixes()
{
    std::mt19937 rng(7);
    for (int trial = 0; trial < 200; ++trial) {
        const std::vector<InstanceOffer> offers = randomOffers(rng);
        const std::vector<TaskDemand> groups = randomGroups(rng, 1 + trial % 6, 40);
        const Packing o = packOptimised(groups, offers);
        for (std::size_t k = 0; k < offers.size(); ++k)
            for (PlacementStrategy s : {PlacementStrategy::BinpackMemory, PlacementStrategy::BinpackCpu, PlacementStrategy::Spread}) {
                Packing p = simulateEcsScheduler(groups, offers[k], s);
                if (!p.feasible)
                    continue;
                for (InstanceRun &r : p.runs)
                    r.offer = static_cast<int>(k);
                QString why;
                QVERIFY2(holdsEveryTaskOnce(p, groups, offers, why), qPrintable(QStringLiteral("trial %1: ").arg(trial) + why));
                QVERIFY2(p.hourlyCost >= o.hourlyCost - 1e-9,
                         qPrintable(QStringLiteral("trial %1 on %2: %3 < %4")
                                        .arg(trial)
                                        .arg(QString::fromStdString(offers[k].type))
                                        .arg(p.hourlyCost)
                                        .arg(o.hourlyCost)));
            }
    }
}

void TestEcsScheduler::hundredThousandTasks_arePackedCompletely()
{
    // 20 task sizes from 0.25 to 4 vCPU, 5,000 tasks each, on the nine random-family offers.
    std::mt19937 rng(100000);
    std::vector<InstanceOffer> offers = randomOffers(rng);
    offers.push_back(offer("m.16", 16 * 1024, 64 * 1024 - 256, 16 * 0.048));
    std::vector<TaskDemand> groups;
    const double gibPerVcpu[] = {1, 2, 4, 8};
    for (int g = 0; g < 20; ++g) {
        const double vcpu = 0.25 + (4 - 0.25) * g / 19.0;
        groups.push_back({std::round(vcpu * 1024), std::round(vcpu * gibPerVcpu[g % 4] * 1024 / 2), 5000});
    }
    const Packing o = packOptimised(groups, offers);
    QVERIFY(o.feasible);
    QString why;
    QVERIFY2(holdsEveryTaskOnce(o, groups, offers, why), qPrintable(why));
    QVERIFY(o.hourlyCost <= bestSingleTypeFfd(groups, offers) + 1e-9);
    const Packing s = simulateEcsScheduler(groups, offers.back(), PlacementStrategy::Spread);
    std::vector<InstanceRun> runs = s.runs;
    Packing sOnAll = s;
    for (InstanceRun &r : sOnAll.runs)
        r.offer = static_cast<int>(offers.size() - 1);
    QVERIFY2(holdsEveryTaskOnce(sOnAll, groups, offers, why), qPrintable(why));
}

void TestEcsScheduler::noTasks_noInstances()
{
    const std::vector<InstanceOffer> offers{offer("x", 2048, 4096, 0.1)};
    const std::vector<TaskDemand> groups{{512, 1024, 0}, {99999, 1024, 0}};
    const Packing o = packOptimised(groups, offers);
    QVERIFY(o.feasible);
    QCOMPARE(o.instances, 0LL);
    QCOMPARE(o.cpuUtilisation(offers), 0.0);
    const Packing s = simulateEcsScheduler(groups, offers[0], PlacementStrategy::Spread);
    QVERIFY(s.feasible);
    QCOMPARE(s.instances, 0LL);
}

void TestEcsScheduler::evaluator_detailsPacking_bothFleetsSideBySide()
{
    // 10 "api" tasks of (0.5 vCPU = 512 units, 1024 MiB) on a.large / b.xlarge, reserve 256 (7729 MiB):
    //   a.large 4 per (CPU) -> 3 x 0.10 = 0.30; b.xlarge 7 per (memory floor(7729/1024)) -> 2 x 0.17 = 0.34.
    //   Optimised: 1 b.xlarge (7) + 1 a.large (3) = 0.27/h.
    //   Scheduler (binpack-memory) on the cheapest single type for it, a.large: 3 instances, 0.30/h.
    //   Savings 0.03/h. Month: 0.27 x 730 = 197.10.
    const Pricing::PriceSheet sheet = sheetWith(false);
    const auto scenario = parseScenario(scenarioWith(R"({ "id": "ecs", "platform": "ecs-ec2", "instanceTypes": "auto",
        "taskGroups": [ { "name": "api", "taskVcpu": 0.5, "taskMemoryMb": 1024, "tasks": 10 } ] })"),
                                        "details.costscape.json");
    QVERIFY2(scenario.ok(), scenario.error().toString().c_str());
    const auto evaluation = Evaluator::evaluate(*scenario, sheet);
    QVERIFY2(evaluation.ok(), evaluation.error().toString().c_str());
    const OptionResult &r = evaluation->options.at(0);
    QVERIFY(r.feasible);
    QVERIFY(std::abs(r.monthlyCost - 197.1) < 1e-9);
    QCOMPARE(r.lineItems.size(), std::size_t(2));
    const EcsEc2Details *details = r.detailsAs<EcsEc2Details>();
    QVERIFY(details);
    const PackingDetails &p = details->packing;
    QCOMPARE(p.hour, std::size_t(0));
    QCOMPARE(p.groups, (std::vector<std::string>{"api"}));
    QVERIFY(p.scheduler);
    const PackedFleet &o = p.optimised;
    const PackedFleet &s = *p.scheduler;
    QCOMPARE(o.strategy, std::string("optimised"));
    QCOMPARE(s.strategy, std::string("binpack-memory"));
    QVERIFY(std::abs(o.hourlyCost - 0.27) < 1e-12);
    QVERIFY(std::abs(s.hourlyCost - 0.30) < 1e-12);
    QVERIFY(std::abs(p.savingsHourly - 0.03) < 1e-12);
    QCOMPARE(o.instances, 2LL);
    QCOMPARE(s.instances, 3LL);
    // Scheduler on 3 a.large: offered 3 x 2048 units and 3 x 7729 MiB; used 10 x 512, 10 x 1024.
    QVERIFY(std::abs(s.strandedCpuUnits - (3 * 2048 - 5120)) < 1e-9);
    QVERIFY(std::abs(s.strandedMemoryMb - (3 * 7729 - 10240)) < 1e-9);
    QVERIFY(std::abs(s.cpuUtilisation - 5120.0 / 6144.0) < 1e-12);
    double tasks = 0;
    for (const PackedFleet::Run &run : o.runs) {
        QVERIFY(!run.type.empty());
        QCOMPARE(run.tasks.size(), std::size_t(1));
        tasks += static_cast<double>(run.instances) * run.tasks.at(0);
        QCOMPARE(run.memoryOffered, 7729.0);
    }
    QCOMPARE(tasks, 10.0);
    QVERIFY2(QString::fromStdString(r.summary).contains(QStringLiteral("ECS binpack-memory would use 3 a.large")), r.summary.c_str());
}

void TestEcsScheduler::evaluator_maxTasksPerInstance_readCheckedAndWritten()
{
    // 12 tasks of (0.25 vCPU, 512 MiB) on a.large: 8 per instance by CPU (memory 15) -> 2
    // instances; with awsvpc's cap of 3 tasks per instance -> 4 instances.
    const Pricing::PriceSheet sheet = sheetWith(false);
    auto evaluate = [&](const std::string &cap) {
        const auto scenario = parseScenario(scenarioWith(R"({ "id": "ecs", "platform": "ecs-ec2", "instanceTypes": ["a.large"],
            "taskVcpu": 0.25, "taskMemoryMb": 512, "tasks": 12)" + cap + " }"),
                                            "cap.costscape.json");
        if (!scenario.ok())
            qFatal("%s", scenario.error().toString().c_str());
        return Evaluator::evaluate(*scenario, sheet).value().options.at(0);
    };
    QCOMPARE(evaluate("").fleet.peak, 2.0);
    QCOMPARE(evaluate(R"(, "maxTasksPerInstance": 3)").fleet.peak, 4.0);

    // 0 and 2.5 are not a count of tasks of at least 1.
    for (const char *bad : {"0", "2.5", "-1"}) {
        const auto scenario = parseScenario(scenarioWith(std::string(R"({ "id": "ecs", "platform": "ecs-ec2", "instanceTypes": ["a.large"],
            "taskVcpu": 0.25, "taskMemoryMb": 512, "tasks": 12, "maxTasksPerInstance": )") + bad + " }"),
                                            "bad.costscape.json");
        QVERIFY2(!scenario.ok(), bad);
        QVERIFY2(QString::fromStdString(scenario.error().toString()).contains(QStringLiteral("maxTasksPerInstance")),
                 scenario.error().toString().c_str());
    }

    // Written back when set, absent when not.
    const auto withCap = parseScenario(scenarioWith(R"({ "id": "ecs", "platform": "ecs-ec2", "instanceTypes": ["a.large"],
        "taskVcpu": 0.25, "taskMemoryMb": 512, "tasks": 12, "maxTasksPerInstance": 3 })"),
                                       "cap.costscape.json");
    QVERIFY(withCap.ok());
    QCOMPARE(withCap->options.at(0).as<Models::EcsEc2Spec>().maxTasksPerInstance, 3LL);
    QCOMPARE(scenarioToJson(*withCap).at("options").at(0).at("maxTasksPerInstance").get<long long>(), 3LL);
    const auto without = parseScenario(scenarioWith(R"({ "id": "ecs", "platform": "ecs-ec2", "instanceTypes": ["a.large"],
        "taskVcpu": 0.25, "taskMemoryMb": 512, "tasks": 12 })"),
                                       "nocap.costscape.json");
    QVERIFY(without.ok());
    QVERIFY(!scenarioToJson(*without).at("options").at(0).contains("maxTasksPerInstance"));
}

void TestEcsScheduler::evaluator_burstableTypeChosen_isWarned()
{
    // t3.small (2 vCPU, 8 GiB, $0.02) holds 4 of the tasks for a fifth of a.large's price: chosen,
    // and flagged in the run and in a warning.
    const Pricing::PriceSheet sheet = sheetWith(true);
    const auto scenario = parseScenario(scenarioWith(R"({ "id": "ecs", "platform": "ecs-ec2", "instanceTypes": "auto",
        "taskVcpu": 0.5, "taskMemoryMb": 1024, "tasks": 8 })"),
                                        "burst.costscape.json");
    QVERIFY(scenario.ok());
    const OptionResult r = Evaluator::evaluate(*scenario, sheet).value().options.at(0);
    QVERIFY(r.feasible);
    QCOMPARE(r.fleet.peak, 2.0);
    QVERIFY(std::abs(r.monthlyCost - 2 * 0.02 * 730) < 1e-9);
    bool warned = false;
    for (const std::string &w : r.warnings)
        warned = warned || QString::fromStdString(w).startsWith(QStringLiteral("t3.small is burstable"));
    QVERIFY(warned);
    QVERIFY(r.detailsAs<EcsEc2Details>()->packing.optimised.runs.at(0).burstable);
}

QTEST_GUILESS_MAIN(TestEcsScheduler)
#include "tst_ecsscheduler.moc"
