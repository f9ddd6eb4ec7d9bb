// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The speed-ups of the hour-by-hour packing must not move a cent: packCombinations (the packings
// remembered across evaluations) gives the same bits as packing the combinations in series
// afresh, whatever it remembered, in whatever order and on however many threads; and the
// kube-scheduler simulation, now ordered by score, places every pod where scanning every node
// (the scheduler's definition) places it. The packer's own memory (the cheapest single type's
// packing of each set of tasks) and its short sorts change no bit either.

#include "models/packing/ecspacking.h"
#include "models/packing/kubescheduler.h"
#include "models/packing/packingcache.h"
#include "models/packing/packingdetail.h"
#include "models/packing/packingpatterns.h"
#include "models/packing/smallstablesort.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <random>
#include <thread>

using namespace Costscape;
using namespace Costscape::Models;

namespace {

using Combinations = std::vector<std::vector<long long>>;

/** packOptimised over the combinations in series, `first` first, one pattern vector: what the models did before. */
std::vector<Packing> inSeries(const std::vector<TaskDemand> &sizes, const Combinations &combinations, std::size_t first,
                              const std::vector<InstanceOffer> &offers)
{
    std::vector<Packing> out(combinations.size());
    std::vector<std::size_t> order(combinations.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::swap(order[0], order[first]);
    std::vector<PackingPattern> patterns;
    for (std::size_t k : order) {
        std::vector<TaskDemand> demand = sizes;
        for (std::size_t g = 0; g < demand.size(); ++g)
            demand[g].count = combinations[k][g];
        out[k] = packOptimised(demand, offers, &patterns);
    }
    return out;
}

/** Equal to the bit: cost, counts, every run. */
QString differs(const std::vector<Packing> &a, const std::vector<Packing> &b)
{
    if (a.size() != b.size())
        return QStringLiteral("%1 packings against %2").arg(a.size()).arg(b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        const Packing &x = a[k], &y = b[k];
        bool same = x.hourlyCost == y.hourlyCost && x.instances == y.instances && x.feasible == y.feasible
            && x.reason == y.reason && x.runs.size() == y.runs.size();
        for (std::size_t r = 0; same && r < x.runs.size(); ++r)
            same = x.runs[r].offer == y.runs[r].offer && x.runs[r].instances == y.runs[r].instances
                && x.runs[r].tasksPerGroup == y.runs[r].tasksPerGroup && x.runs[r].cpuUsed == y.runs[r].cpuUsed
                && x.runs[r].memoryUsed == y.runs[r].memoryUsed;
        if (!same)
            return QStringLiteral("combination %1: $%2/h, %3 instances against $%4/h, %5 instances")
                .arg(k)
                .arg(x.hourlyCost, 0, 'g', 17)
                .arg(x.instances)
                .arg(y.hourlyCost, 0, 'g', 17)
                .arg(y.instances);
    }
    return {};
}

/** ECS-like offers: vCPU x 1024 and the registered memory less 256 MiB, on-demand us-east-1 prices. */
std::vector<InstanceOffer> offers()
{
    return {{"m5.large", {2048, 7236}, 0.096, 0, false},   {"c5.xlarge", {4096, 7236}, 0.17, 0, false},
            {"r5.large", {2048, 15728}, 0.126, 0, false},  {"m5.xlarge", {4096, 14729}, 0.192, 0, false},
            {"c5.2xlarge", {8192, 14729}, 0.34, 0, false}, {"m5.4xlarge", {16384, 59671}, 0.768, 0, false}};
}

/** A day of counts: a night floor, a ramp and a peak, the groups moving differently (as the year bench's do). */
Combinations day(std::size_t groups, long long scale)
{
    Combinations out;
    for (int h = 0; h < 24; ++h) {
        const double shape = 0.15 + 0.85 * std::exp(-std::pow((h + 0.5 - 13.0) / 4.0, 2));
        std::vector<long long> key;
        for (std::size_t g = 0; g < groups; ++g)
            key.push_back(g % 2 == 0 ? static_cast<long long>(std::ceil(scale * shape / static_cast<double>(g + 1)))
                                     : static_cast<long long>(2 + g)); // fixed groups (workers, sidecars)
        if (std::find(out.begin(), out.end(), key) == out.end())
            out.push_back(key);
    }
    return out;
}

std::size_t busiest(const Combinations &c)
{
    std::size_t best = 0;
    long long most = -1;
    for (std::size_t k = 0; k < c.size(); ++k)
        if (const long long n = std::accumulate(c[k].begin(), c[k].end(), 0LL); n > most) {
            most = n;
            best = k;
        }
    return best;
}

/** The kube-scheduler as its definition reads: the autoscaler's first fit scanning every node, then each pod on the best-scoring node of all. */
Packing scanEveryNode(const std::vector<TaskDemand> &groups, const InstanceOffer &offer, double dsCpu, double dsMem)
{
    struct Node {
        std::vector<long long> perGroup;
        double cpu = 0, mem = 0;
        long long pods = 0;
    };
    auto room = [&](const Node &n, const TaskDemand &t) {
        return PackingDetail::howManyCapped(offer.capacity.cpuUnits - n.cpu, offer.capacity.memoryMb - n.mem, n.pods, offer.maxTasks, t) > 0;
    };
    auto place = [](Node &n, const TaskDemand &t, std::size_t g) {
        n.perGroup[g] += 1;
        n.cpu += t.cpuUnits;
        n.mem += t.memoryMb;
        n.pods += 1;
    };
    auto score = [](double requested, double allocatable) -> std::int64_t {
        const auto cap = static_cast<std::int64_t>(std::llround(allocatable));
        const auto req = static_cast<std::int64_t>(std::llround(requested));
        return cap <= 0 || req > cap ? 0 : (cap - req) * 100 / cap;
    };
    const Node empty{std::vector<long long>(groups.size(), 0)};
    std::vector<Node> estimate;
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (long long k = 0; k < groups[g].count; ++k) {
            std::size_t i = 0;
            while (i < estimate.size() && !room(estimate[i], groups[g]))
                ++i;
            if (i == estimate.size())
                estimate.push_back(empty);
            place(estimate[i], groups[g], g);
        }
    std::vector<Node> nodes(estimate.size(), empty);
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (long long k = 0; k < groups[g].count; ++k) {
            const TaskDemand &t = groups[g];
            std::size_t best = nodes.size();
            std::int64_t bestScore = -1;
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                if (!room(nodes[i], t))
                    continue;
                const std::int64_t s = (score(dsCpu + nodes[i].cpu + t.cpuUnits, offer.capacity.cpuUnits + dsCpu)
                                        + score(dsMem + nodes[i].mem + t.memoryMb, offer.capacity.memoryMb + dsMem))
                    / 2;
                if (s > bestScore) {
                    bestScore = s;
                    best = i;
                }
            }
            if (best == nodes.size())
                nodes.push_back(empty);
            place(nodes[best], t, g);
        }
    Packing p;
    std::map<std::vector<long long>, std::size_t> runOf;
    for (const Node &n : nodes) {
        if (n.pods == 0)
            continue;
        const auto [it, inserted] = runOf.emplace(n.perGroup, p.runs.size());
        if (inserted)
            p.runs.push_back({0, 0, n.perGroup, n.cpu, n.mem});
        p.runs[it->second].instances += 1;
        p.instances += 1;
    }
    p.hourlyCost = static_cast<double>(p.instances) * offer.hourlyPrice;
    return p;
}

} // namespace

class TestPackingCache : public QObject
{
    Q_OBJECT

private slots:
    void init() { clearPackingCache(); }
    void packCombinations_sameBitsAsPackingInSeries_data();
    void packCombinations_sameBitsAsPackingInSeries();
    void packCombinations_anotherBusiestHour_isPackedUnderItsOwnSeed();
    void packCombinations_twoThreadsAtOnce_sameBits();
    void packCombinationsShared_sameBitsSharedNotCopied_data();
    void packCombinationsShared_sameBitsSharedNotCopied();
    void singleTypeMemo_sameBitsAsNoMemo_data();
    void singleTypeMemo_sameBitsAsNoMemo();
    void stableSortSmall_ordersAsStdStableSort_data();
    void stableSortSmall_ordersAsStdStableSort();
    void kubeScheduler_placesPodsAsScanningEveryNode_data();
    void kubeScheduler_placesPodsAsScanningEveryNode();
};

void TestPackingCache::packCombinations_sameBitsAsPackingInSeries_data()
{
    QTest::addColumn<int>("groups");
    QTest::addColumn<int>("scale");
    // One group: the LP hands no patterns on (all are one-group patterns), every call unseeded.
    QTest::newRow("one-group-60-tasks") << 1 << 60;
    // Two and four groups: the busiest hour's patterns seed every other hour's.
    QTest::newRow("two-groups-120-tasks") << 2 << 120;
    QTest::newRow("four-groups-300-tasks") << 4 << 300;
}

void TestPackingCache::packCombinations_sameBitsAsPackingInSeries()
{
    QFETCH(int, groups);
    QFETCH(int, scale);
    const std::vector<TaskDemand> sizes{{512, 1024, 0}, {2048, 4096, 0}, {1024, 3072, 0}, {256, 256, 0}};
    const std::vector<TaskDemand> used(sizes.begin(), sizes.begin() + groups);
    const Combinations combinations = day(static_cast<std::size_t>(groups), scale);
    QVERIFY(combinations.size() > 5);
    const std::size_t first = busiest(combinations);
    const std::vector<Packing> expected = inSeries(used, combinations, first, offers());

    const PackingCacheStats before = packingCacheStats();
    const QString fresh = differs(packCombinations(used, combinations, first, offers()), expected);
    QVERIFY2(fresh.isEmpty(), qPrintable(fresh));
    const PackingCacheStats packed = packingCacheStats();
    QCOMPARE(packed.packed - before.packed, combinations.size());

    // Again: every combination remembered, and still the same bits.
    const QString remembered = differs(packCombinations(used, combinations, first, offers()), expected);
    QVERIFY2(remembered.isEmpty(), qPrintable(remembered));
    const PackingCacheStats after = packingCacheStats();
    QCOMPARE(after.packed, packed.packed);
    QCOMPARE(after.reused - packed.reused, combinations.size());

    // Other offers (one price changed) are another problem: nothing reused.
    std::vector<InstanceOffer> dearer = offers();
    dearer[0].hourlyPrice = 0.1;
    const QString other = differs(packCombinations(used, combinations, first, dearer), inSeries(used, combinations, first, dearer));
    QVERIFY2(other.isEmpty(), qPrintable(other));
    QCOMPARE(packingCacheStats().packed - after.packed, combinations.size());
}

void TestPackingCache::packCombinations_anotherBusiestHour_isPackedUnderItsOwnSeed()
{
    // The same combinations with another one packed first (its patterns seed the rest): each
    // series gives what packing it afresh gives, though the combinations are shared.
    const std::vector<TaskDemand> sizes{{512, 1024, 0}, {2048, 4096, 0}, {1024, 3072, 0}};
    const Combinations combinations = day(3, 240);
    const std::size_t peak = busiest(combinations);
    const std::size_t other = peak == 0 ? 1 : 0;
    QVERIFY(packCombinations(sizes, combinations, peak, offers()).size() == combinations.size());
    const QString second = differs(packCombinations(sizes, combinations, other, offers()), inSeries(sizes, combinations, other, offers()));
    QVERIFY2(second.isEmpty(), qPrintable(second));
    const QString first = differs(packCombinations(sizes, combinations, peak, offers()), inSeries(sizes, combinations, peak, offers()));
    QVERIFY2(first.isEmpty(), qPrintable(first));
}

void TestPackingCache::packCombinations_twoThreadsAtOnce_sameBits()
{
    const std::vector<TaskDemand> sizes{{512, 1024, 0}, {2048, 4096, 0}};
    const Combinations combinations = day(2, 200);
    const std::size_t first = busiest(combinations);
    const std::vector<Packing> expected = inSeries(sizes, combinations, first, offers());
    clearPackingCache();
    std::vector<Packing> a, b;
    std::thread one([&] { a = packCombinations(sizes, combinations, first, offers()); });
    std::thread two([&] { b = packCombinations(sizes, combinations, first, offers()); });
    one.join();
    two.join();
    const QString da = differs(a, expected), db = differs(b, expected);
    QVERIFY2(da.isEmpty(), qPrintable(da));
    QVERIFY2(db.isEmpty(), qPrintable(db));
}

void TestPackingCache::packCombinationsShared_sameBitsSharedNotCopied_data()
{
    QTest::addColumn<int>("groups");
    QTest::addColumn<bool>("each");
    QTest::newRow("one-group-in-series") << 1 << false;
    QTest::newRow("three-groups-in-series") << 3 << false;
    QTest::newRow("three-groups-each-alone") << 3 << true;
}

void TestPackingCache::packCombinationsShared_sameBitsSharedNotCopied()
{
    // The hour-by-hour models take the packings shared with the memory (issue 17: copying the
    // runs of every reused packing was a tenth of a cold sweep): the same bits as packing
    // afresh, the very packings the memory holds on a second call, and still whole once the
    // memory forgets them.
    QFETCH(int, groups);
    QFETCH(bool, each);
    const std::vector<TaskDemand> all{{512, 1024, 0}, {2048, 4096, 0}, {1024, 3072, 0}};
    const std::vector<TaskDemand> sizes(all.begin(), all.begin() + groups);
    const Combinations combinations = day(static_cast<std::size_t>(groups), 150);
    const std::size_t first = busiest(combinations);
    std::vector<Packing> expected;
    if (each) {
        // Seeding::Each: every combination packed alone, unseeded.
        for (const std::vector<long long> &counts : combinations) {
            std::vector<TaskDemand> demand = sizes;
            for (std::size_t g = 0; g < demand.size(); ++g)
                demand[g].count = counts[g];
            expected.push_back(packOptimised(demand, offers()));
        }
    } else {
        expected = inSeries(sizes, combinations, first, offers());
    }
    const Seeding seeding = each ? Seeding::Each : Seeding::FromFirst;
    auto values = [](const std::vector<std::shared_ptr<const Packing>> &shared) {
        std::vector<Packing> out;
        for (const auto &p : shared)
            out.push_back(*p);
        return out;
    };
    const auto fresh = packCombinationsShared(sizes, combinations, first, offers(), seeding);
    const QString freshDiffers = differs(values(fresh), expected);
    QVERIFY2(freshDiffers.isEmpty(), qPrintable(freshDiffers));
    const auto again = packCombinationsShared(sizes, combinations, first, offers(), seeding);
    QCOMPARE(again.size(), fresh.size());
    for (std::size_t k = 0; k < fresh.size(); ++k)
        QVERIFY2(again[k].get() == fresh[k].get(), qPrintable(QStringLiteral("combination %1 was copied").arg(k)));
    // The copying form hands back the same figures.
    const QString copied = differs(packCombinations(sizes, combinations, first, offers(), seeding), expected);
    QVERIFY2(copied.isEmpty(), qPrintable(copied));
    clearPackingCache();
    const QString kept = differs(values(fresh), expected);
    QVERIFY2(kept.isEmpty(), qPrintable(kept));
}

void TestPackingCache::singleTypeMemo_sameBitsAsNoMemo_data()
{
    QTest::addColumn<int>("groups");
    QTest::addColumn<int>("scale");
    QTest::newRow("one-group-90-tasks") << 1 << 90;
    QTest::newRow("two-groups-150-tasks") << 2 << 150;
    QTest::newRow("four-groups-300-tasks") << 4 << 300;
}

void TestPackingCache::singleTypeMemo_sameBitsAsNoMemo()
{
    // The cheapest single type's packing of each set of tasks is remembered across the packings
    // of a series (re-packing the emptiest instances asks for the same sets again and again).
    // Packing with that memory filled by other hours, in either order, must give the bits of
    // packing with no memory at all.
    QFETCH(int, groups);
    QFETCH(int, scale);
    const std::vector<TaskDemand> sizes{{512, 1024, 0}, {2048, 4096, 0}, {1024, 3072, 0}, {256, 256, 0}};
    const std::vector<TaskDemand> used(sizes.begin(), sizes.begin() + groups);
    Combinations combinations = day(static_cast<std::size_t>(groups), scale);
    for (const std::vector<long long> &k : day(static_cast<std::size_t>(groups), scale * 3))
        combinations.push_back(k); // a busier day too: residuals of one meet whole hours of the other
    auto demandOf = [&](const std::vector<long long> &counts) {
        std::vector<TaskDemand> d = used;
        for (std::size_t g = 0; g < d.size(); ++g)
            d[g].count = counts[g];
        return d;
    };
    UndominatedOffers bare = undominatedOffers(offers());
    QVERIFY(bare.memo);
    bare.memo.reset(); // nothing remembered, not even within one packing
    const UndominatedOffers shared = undominatedOffers(offers());
    for (const bool seeded : {false, true}) {
        // Seeded: the first packing's LP patterns seed the rest, as Evaluator::evaluate packs.
        std::vector<PackingPattern> barePatterns, forwardPatterns, backwardPatterns;
        std::vector<Packing> expected(combinations.size()), forward(combinations.size()), backward(combinations.size());
        for (std::size_t k = 0; k < combinations.size(); ++k) {
            expected[k] = packOptimised(demandOf(combinations[k]), bare, seeded ? &barePatterns : nullptr);
            forward[k] = packOptimised(demandOf(combinations[k]), shared, seeded ? &forwardPatterns : nullptr);
        }
        // Backward the seed is another hour's: compare with packing that order with no memory.
        std::vector<Packing> expectedBackward(combinations.size());
        barePatterns.clear();
        for (std::size_t k = combinations.size(); k-- > 0;) {
            expectedBackward[k] = packOptimised(demandOf(combinations[k]), bare, seeded ? &barePatterns : nullptr);
            backward[k] = packOptimised(demandOf(combinations[k]), shared, seeded ? &backwardPatterns : nullptr);
        }
        const QString f = differs(forward, expected), b = differs(backward, expectedBackward);
        QVERIFY2(f.isEmpty(), qPrintable(f));
        QVERIFY2(b.isEmpty(), qPrintable(b));
    }
}

void TestPackingCache::stableSortSmall_ordersAsStdStableSort_data()
{
    QTest::addColumn<bool>("consistent");
    // A comparator answering at random (fixed per pair) is no strict weak ordering: different
    // stable sorts then disagree, so only a step-by-step copy of std::stable_sort matches it.
    QTest::newRow("random-answers") << false;
    // Keys with many ties: stability decides the order of equal keys.
    QTest::newRow("ties") << true;
}

void TestPackingCache::stableSortSmall_ordersAsStdStableSort()
{
    // The pricing knapsacks compare products of doubles, where rounding can make near-ties
    // intransitive: a sort that orders them otherwise than std::stable_sort changes the patterns
    // and so the fleets. Lengths 0-20 cover the copied algorithm (up to 14) and the fallback.
    QFETCH(bool, consistent);
    std::mt19937 random(20261207);
    for (int trial = 0; trial < 4000; ++trial) {
        const int n = trial % 21;
        std::vector<int> answers(static_cast<std::size_t>(n * n));
        for (int &a : answers)
            a = static_cast<int>(random() % 3 == 0);
        for (int i = 0; i < n; ++i)
            answers[static_cast<std::size_t>(i * n + i)] = 0; // never below itself (debug-mode libstdc++ checks that)
        std::vector<int> keys(static_cast<std::size_t>(n));
        for (int &k : keys)
            k = static_cast<int>(random() % 4);
        auto less = [&](int a, int b) {
            return consistent ? keys[static_cast<std::size_t>(a)] < keys[static_cast<std::size_t>(b)]
                              : answers[static_cast<std::size_t>(a * n + b)] != 0;
        };
        std::vector<int> expected(static_cast<std::size_t>(n));
        std::iota(expected.begin(), expected.end(), 0);
        std::vector<int> sorted = expected;
        std::stable_sort(expected.begin(), expected.end(), less);
        PackingDetail::stableSortSmall(sorted.begin(), sorted.end(), less);
        QVERIFY2(sorted == expected, qPrintable(QStringLiteral("trial %1, %2 elements").arg(trial).arg(n)));
    }
}

void TestPackingCache::kubeScheduler_placesPodsAsScanningEveryNode_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 12; ++seed)
        QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed))) << seed;
}

void TestPackingCache::kubeScheduler_placesPodsAsScanningEveryNode()
{
    QFETCH(int, seed);
    std::mt19937 random(static_cast<unsigned>(seed));
    auto pick = [&random](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
    // A node of 2-16 vCPU (after DaemonSets), 4-64 GiB, a pod cap on half of them; 1-3 deployments.
    const double cpu = 1024.0 * pick(2, 16) - 51.2;
    const double mem = 1024.0 * pick(4, 64) - 700;
    const InstanceOffer node{"node", {cpu, mem}, 0.1 * pick(1, 9), seed % 2 ? pick(8, 40) : 0, false};
    std::vector<TaskDemand> pods;
    for (int g = pick(1, 3); g > 0; --g)
        pods.push_back({128.0 * pick(1, 8), 256.0 * pick(1, 12), pick(0, 400)});
    const Packing fast = simulateKubeScheduler(pods, node, 51.2, 0);
    const Packing scan = scanEveryNode(pods, node, 51.2, 0);
    QVERIFY(fast.feasible);
    const QString d = differs({fast}, {scan});
    QVERIFY2(d.isEmpty(), qPrintable(d));
}

QTEST_APPLESS_MAIN(TestPackingCache)
#include "tst_packingcache.moc"
