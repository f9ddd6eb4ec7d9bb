// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The configuration LP of vector bin packing with several instance types, by column generation:
//
//   variables  z_p >= 0   instances bought of pattern p (a type t(p) and a_pg tasks of group g on
//                         one instance of it, fitting its CPU, memory and task cap, a_pg <= count_g)
//   minimise   sum_p price_t(p) * z_p
//   subject to sum_p a_pg * z_p >= count_g                            for every group g
//
// Gilmore & Gomory, "A linear programming approach to the cutting-stock problem", Operations
// Research 9(6), 1961, is the one-dimensional original; with two resources the pricing problem
// is a two-constraint bounded knapsack, solved here exactly by branch and bound (20 groups at
// most in practice), or, when that runs long and the sizes are whole numbers, by a table over
// (CPU, memory) units. The assignment LP of packingbound.cpp spreads fractions of tasks over
// instances; here every instance holds whole tasks, which is what closes most of the gap on
// small problems where one task more or less per instance matters.
//
// Why the bound stays valid whatever GLPK's accuracy: at every iteration the row duals pi (clamped
// to >= 0) are scaled by theta = min_t price_t / v_t, v_t being the most any pattern of type t is
// worth at pi (the knapsack optimum, or an upper bound on it when the search was cut short).
// theta * pi is then feasible for the dual of the full LP, so theta * sum_g pi_g count_g is a
// lower bound (Farley, "A note on bounding a class of linear programming problems, including
// cutting stock problems", Operations Research 38(5), 1990). Only the knapsack has to be right.

#include "models/packing/packingpatterns.h"

#include "models/packing/glpkenvironment.h"
#include "models/packing/smallstablesort.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <numeric>
#include <utility>

namespace Costscape::Models {

namespace {

struct ProblemDeleter {
    void operator()(glp_prob *lp) const { glp_delete_prob(lp); }
};
using Problem = std::unique_ptr<glp_prob, ProblemDeleter>;

// The packers' tolerance (howMany in packingdetail.h): 4 x 0.25 vCPU fill 1 vCPU.
constexpr double FitEps = 1e-9;

bool usable(const InstanceOffer &o)
{
    return std::isfinite(o.hourlyPrice) && o.hourlyPrice >= 0 && o.maxTasks >= 0 && std::isfinite(o.capacity.cpuUnits)
        && std::isfinite(o.capacity.memoryMb) && o.capacity.cpuUnits > 0 && o.capacity.memoryMb > 0;
}

/** Whether every instance of b could be replaced by one of a at no more cost (as packOptimised). */
bool dominates(const InstanceOffer &a, const InstanceOffer &b)
{
    const bool capsCover = b.maxTasks > 0 ? (a.maxTasks == 0 || a.maxTasks >= b.maxTasks) : a.maxTasks == 0;
    return a.capacity.cpuUnits >= b.capacity.cpuUnits && a.capacity.memoryMb >= b.capacity.memoryMb && capsCover
        && a.hourlyPrice <= b.hourlyPrice;
}

/**
 * max sum v_j a_j subject to sum c_j a_j <= C, sum m_j a_j <= M, sum a_j <= K, 0 <= a_j <= u_j
 * integer: depth-first branch and bound, largest counts first, pruned by the least of five
 * fractional relaxations (surrogates: the CPU and memory rows blended with weights 1:0, 0:1,
 * 1:1, 1:3 and 3:1, each a valid bound on its own).
 */
class Knapsack
{
public:
    struct Item {
        double cpu = 0, mem = 0, value = 0;
        long long upper = 0;
        std::size_t group = 0;
    };

    /**
     * A new problem: the items, the instance's CPU, memory and task cap (0 = none). The storage
     * of the last problem is reused: column generation sets up one knapsack per type per round.
     */
    void reset(const std::vector<Item> &items, double cpu, double mem, long long cap)
    {
        m_items.assign(items.begin(), items.end());
        m_cpu = cpu;
        m_mem = mem;
        m_cap = cap > 0 ? cap : std::numeric_limits<long long>::max() / 4;
        m_bestValue = m_rootBound = m_frontier = 0;
        m_nodes = m_nodeLimit = 0;
        m_cut = false;
        // Branch on the items worth most per share of the instance first.
        auto share = [&](const Item &it) { return it.cpu / m_cpu + it.mem / m_mem; };
        PackingDetail::stableSortSmall(m_items.begin(), m_items.end(), [&](const Item &a, const Item &b) {
            return a.value * share(b) > b.value * share(a);
        });
        m_current.assign(m_items.size(), 0);
        m_best.assign(m_items.size(), 0);
        m_most.assign(m_items.size(), 0);
        // For each relaxation, each item's weight (computed once here: bound() reads it at every
        // node of the search) and the items by value per unit of it (best first).
        for (int d = 0; d < 5; ++d) {
            std::vector<double> &w = m_weights[d];
            w.resize(m_items.size());
            for (std::size_t j = 0; j < m_items.size(); ++j)
                w[j] = weight(d, m_items[j]);
            std::vector<std::size_t> &o = m_orders[d];
            o.resize(m_items.size());
            std::iota(o.begin(), o.end(), std::size_t{0});
            PackingDetail::stableSortSmall(o.begin(), o.end(), [&](std::size_t a, std::size_t b) {
                return m_items[a].value * w[b] > m_items[b].value * w[a];
            });
        }
    }

    /**
     * Searches for the best load worth more than `floor`; false when the node limit cut the search
     * short (best() is then feasible, not proven best). A floor prunes every branch that cannot
     * beat it, which is what pricing needs: only a pattern worth more than the type's price helps.
     * A long search falls back on the exact table (solveByTable) while `tableBudget` (cell
     * updates, shared by the caller's knapsacks) lasts; null: never.
     */
    bool solve(long long nodeLimit, double floor = 0, long long *tableBudget = nullptr)
    {
        // Most searches end within a few hundred nodes; the ones that do not are instances whose
        // CPU and memory both bind (burstable types with a balanced ratio), where the relaxations
        // are weak and the search runs to millions of nodes. Those are solved exactly by dynamic
        // programming instead whenever the sizes are whole multiples of a common unit and the
        // table is small; otherwise the search goes on to its full node limit.
        const long long first = std::min(nodeLimit, DpAfterNodes);
        search(first, floor);
        if (!m_cut)
            return true;
        if (tableBudget && solveByTable(floor, *tableBudget))
            return true;
        if (nodeLimit > first)
            search(nodeLimit, floor);
        return !m_cut;
    }
    double bestValue() const { return m_bestValue; }
    /**
     * An upper bound on the optimum: the best found (or the floor) when the search finished; when
     * it was cut short, the best found or the most any branch left unexplored could be worth
     * (each open branch's relaxation), never more than the root relaxation.
     */
    double upperBound() const { return m_cut ? std::max(m_bestValue, std::min(m_rootBound, m_frontier)) : m_bestValue; }
    const std::vector<Item> &items() const { return m_items; }
    const std::vector<long long> &best() const { return m_best; }

private:
    static constexpr long long DpAfterNodes = 2000;
    static constexpr long long DpMaxCells = 1 << 18;
    static constexpr long long DpMaxWork = 2'000'000;

    void search(long long nodeLimit, double floor)
    {
        m_nodeLimit = nodeLimit;
        m_nodes = 0;
        m_cut = false;
        m_frontier = 0;
        std::fill(m_current.begin(), m_current.end(), 0);
        std::fill(m_best.begin(), m_best.end(), 0);
        m_bestValue = floor;
        m_rootBound = bound(0, m_cpu, m_mem, m_cap);
        dfs(0, m_cpu, m_mem, m_cap, 0.0);
    }

    /**
     * Whether every size is a whole number: then the greatest common divisor of the sizes is a
     * unit in which the knapsack is exact. 0 when some size is not whole (or absurdly large).
     */
    static long long commonUnit(const std::vector<double> &sizes)
    {
        long long unit = 0;
        for (double v : sizes) {
            if (!(v >= 0) || v > 1e12 || v != std::floor(v))
                return 0;
            unit = std::gcd(unit, static_cast<long long>(v));
        }
        return unit;
    }

    /**
     * The exact optimum by a table over (CPU, memory) in their common units: a 0-1 knapsack over
     * the items split in binary (1, 2, 4, ... copies), with one bit per piece and cell to read the
     * load back. False (nothing changed) when the sizes are not whole, a task cap binds, or the
     * table would be too large.
     */
    bool solveByTable(double floor, long long &budget)
    {
        if (m_items.empty())
            return false;
        std::vector<double> cpus, mems;
        long long capNeeded = 0;
        for (const Item &it : m_items) {
            cpus.push_back(it.cpu);
            mems.push_back(it.mem);
            capNeeded += it.upper;
        }
        if (capNeeded > m_cap)
            return false; // a third dimension; the search handles it
        const long long cu = commonUnit(cpus), mu = commonUnit(mems);
        if (cu <= 0 || mu <= 0)
            return false;
        auto units = [](double capacity, long long unit) {
            return static_cast<long long>(std::floor((capacity + FitEps) / static_cast<double>(unit)));
        };
        // No more room than all the items together could use.
        long long cpuAll = 0, memAll = 0;
        for (const Item &it : m_items) {
            cpuAll += it.upper * static_cast<long long>(it.cpu) / cu;
            memAll += it.upper * static_cast<long long>(it.mem) / mu;
        }
        const long long width = std::min(units(m_cpu, cu), cpuAll) + 1, height = std::min(units(m_mem, mu), memAll) + 1;
        if (width <= 0 || height <= 0 || width > DpMaxCells / height)
            return false;
        const long long cells = width * height;
        struct Piece {
            std::size_t item;
            long long copies, cpu, mem;
        };
        std::vector<Piece> pieces;
        for (std::size_t j = 0; j < m_items.size(); ++j) {
            const Item &it = m_items[j];
            if (it.value <= 0)
                continue;
            long long left = std::min(it.upper, most(j, m_cpu, m_mem, m_cap));
            for (long long k = 1; left > 0; k *= 2) {
                const long long take = std::min(k, left);
                pieces.push_back(
                    {j, take, take * static_cast<long long>(it.cpu) / cu, take * static_cast<long long>(it.mem) / mu});
                left -= take;
            }
        }
        const long long work = static_cast<long long>(pieces.size()) * cells;
        if (static_cast<long long>(pieces.size()) > DpMaxWork / cells || work > budget)
            return false;
        budget -= work;
        std::vector<double> table(static_cast<std::size_t>(cells), 0.0);
        const std::size_t words = static_cast<std::size_t>((cells + 63) / 64);
        std::vector<std::uint64_t> taken(pieces.size() * words, 0);
        for (std::size_t p = 0; p < pieces.size(); ++p) {
            const Piece &pc = pieces[p];
            const double v = static_cast<double>(pc.copies) * m_items[pc.item].value;
            std::uint64_t *bits = taken.data() + p * words;
            for (long long c = width - 1; c >= pc.cpu; --c)
                for (long long m = height - 1; m >= pc.mem; --m) {
                    const long long to = c * height + m;
                    const double candidate = table[static_cast<std::size_t>((c - pc.cpu) * height + (m - pc.mem))] + v;
                    if (candidate > table[static_cast<std::size_t>(to)]) {
                        table[static_cast<std::size_t>(to)] = candidate;
                        bits[to / 64] |= std::uint64_t{1} << (to % 64);
                    }
                }
        }
        m_cut = false;
        std::fill(m_best.begin(), m_best.end(), 0);
        const double optimum = table[static_cast<std::size_t>(cells - 1)];
        m_rootBound = optimum;
        if (optimum > floor) {
            m_bestValue = optimum;
            long long c = width - 1, m = height - 1;
            for (std::size_t p = pieces.size(); p-- > 0;) {
                const long long at = c * height + m;
                if (taken[p * words + static_cast<std::size_t>(at / 64)] >> (at % 64) & 1) {
                    m_best[pieces[p].item] += pieces[p].copies;
                    c -= pieces[p].cpu;
                    m -= pieces[p].mem;
                }
            }
        } else {
            m_bestValue = floor;
        }
        return true;
    }

    // The relaxations weigh an item as a blend of its CPU and memory shares of the instance.
    static constexpr double Blends[5] = {1.0, 0.0, 0.5, 0.25, 0.75};
    double weight(int d, const Item &it) const { return Blends[d] * it.cpu / m_cpu + (1 - Blends[d]) * it.mem / m_mem; }

    long long most(std::size_t j, double cpuLeft, double memLeft, long long capLeft, long long upper = -1) const
    {
        const Item &it = m_items[j];
        long long n = std::min(upper >= 0 ? upper : it.upper, capLeft);
        if (it.cpu > 0)
            n = std::min(n, static_cast<long long>(std::floor((cpuLeft + FitEps) / it.cpu)));
        if (it.mem > 0)
            n = std::min(n, static_cast<long long>(std::floor((memLeft + FitEps) / it.mem)));
        return std::max(0LL, n);
    }

    // The least of the fractional relaxations over the items from `from` on (in branching order),
    // item `from` taken at most `fromUpper` times when that is not negative.
    double bound(std::size_t from, double cpuLeft, double memLeft, long long capLeft, long long fromUpper = -1) const
    {
        // How many of each item still fit does not depend on the relaxation: found once, not five times.
        for (std::size_t j = from; j < m_items.size(); ++j)
            m_most[j] = most(j, cpuLeft, memLeft, capLeft, j == from ? fromUpper : -1);
        double best = std::numeric_limits<double>::infinity();
        for (int d = 0; d < 5; ++d) {
            double room = Blends[d] * cpuLeft / m_cpu + (1 - Blends[d]) * memLeft / m_mem + FitEps;
            double value = 0;
            for (std::size_t j : m_orders[d]) {
                if (j < from)
                    continue;
                const Item &it = m_items[j];
                const long long n = m_most[j];
                if (n <= 0 || it.value <= 0)
                    continue;
                const double w = m_weights[d][j];
                if (w <= 0) {
                    value += static_cast<double>(n) * it.value;
                    continue;
                }
                const double take = std::min(static_cast<double>(n), room / w);
                value += take * it.value;
                room -= take * w;
                if (room <= 0)
                    break;
            }
            best = std::min(best, value);
        }
        return best;
    }

    void dfs(std::size_t i, double cpuLeft, double memLeft, long long capLeft, double value)
    {
        if (++m_nodes > m_nodeLimit) {
            // This node stays unexplored: what it could be worth joins the frontier.
            m_cut = true;
            m_frontier = std::max(m_frontier, i < m_items.size() ? value + bound(i, cpuLeft, memLeft, capLeft) : value);
            return;
        }
        if (value > m_bestValue) {
            m_bestValue = value;
            m_best = m_current;
        }
        if (i == m_items.size())
            return;
        if (value + bound(i, cpuLeft, memLeft, capLeft) <= m_bestValue * (1 + 1e-12))
            return;
        const Item &it = m_items[i];
        for (long long a = most(i, cpuLeft, memLeft, capLeft); a >= 0 && !m_cut; --a) {
            m_current[i] = a;
            const double n = static_cast<double>(a);
            dfs(i + 1, cpuLeft - n * it.cpu, memLeft - n * it.mem, capLeft - a, value + n * it.value);
            // Cut short below: the branches with fewer of this item, not yet searched, are worth
            // at most the relaxation with this item capped at a - 1 (a tighter figure than the
            // root's relaxation, which is what keeps Farley's bound close after a cut).
            if (m_cut && a > 0)
                m_frontier = std::max(m_frontier, value + bound(i, cpuLeft, memLeft, capLeft, a - 1));
        }
        m_current[i] = 0;
    }

    std::vector<Item> m_items;
    double m_cpu = 0, m_mem = 0;
    long long m_cap = 0;
    std::vector<std::size_t> m_orders[5];
    std::vector<double> m_weights[5];       ///< weight(d, item j), by relaxation d and item
    mutable std::vector<long long> m_most;  ///< bound()'s scratch: how many of each item fit
    std::vector<long long> m_current, m_best;
    double m_bestValue = 0, m_rootBound = 0;
    double m_frontier = 0; ///< the most an unexplored branch could be worth once the search is cut
    long long m_nodes = 0, m_nodeLimit = 0;
    bool m_cut = false;
};

struct Column {
    int offer = 0;      ///< index into the caller's offers
    std::size_t at = 0; ///< where its tasks per active group start in the flat list of loads
};

} // namespace

PatternLp solvePatternLp(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers, int maxIterations,
                         long long nodeLimit, bool tightBound, const std::vector<PackingPattern> *seed)
{
    PatternLp out;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    out.residual.assign(groups.size(), 0);
    std::vector<std::size_t> active;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const TaskDemand &t = groups[g];
        if (t.count < 0 || !std::isfinite(t.cpuUnits) || !std::isfinite(t.memoryMb) || t.cpuUnits < 0 || t.memoryMb < 0) {
            out.lowerBound = nan;
            return out;
        }
        out.residual[g] = std::max(0LL, t.count);
        if (t.count > 0)
            active.push_back(g);
    }
    if (active.empty()) {
        out.converged = true;
        return out;
    }

    // The types worth pricing: usable, holding at least one active task, and not dominated.
    std::vector<int> types;
    for (std::size_t i = 0; i < offers.size(); ++i) {
        if (!usable(offers[i]))
            continue;
        bool holdsAny = false;
        for (std::size_t g : active)
            holdsAny = holdsAny || tasksPerEmptyInstance(groups[g], offers[i]) > 0;
        if (!holdsAny)
            continue;
        bool dominated = false;
        for (std::size_t j = 0; j < offers.size() && !dominated; ++j)
            if (j != i && usable(offers[j]) && dominates(offers[j], offers[i]))
                dominated = !dominates(offers[i], offers[j]) || j < i;
        if (!dominated)
            types.push_back(static_cast<int>(i));
    }
    // How many tasks of each active group one instance of each type holds, at most the group's
    // count: every round of pricing asks again for every type, so it is found once here.
    std::vector<long long> upperOf(types.size() * active.size());
    for (std::size_t ti = 0; ti < types.size(); ++ti)
        for (std::size_t a = 0; a < active.size(); ++a)
            upperOf[ti * active.size() + a]
                = std::min(tasksPerEmptyInstance(groups[active[a]], offers[static_cast<std::size_t>(types[ti])]), groups[active[a]].count);
    for (std::size_t a = 0; a < active.size(); ++a) {
        bool any = false;
        for (std::size_t ti = 0; ti < types.size(); ++ti)
            any = any || upperOf[ti * active.size() + a] > 0;
        if (!any) {
            out.lowerBound = nan;
            return out;
        }
    }

    freeGlpkEnvironmentAtThreadExit(); // a worker thread's GLPK environment is freed when it ends
    Problem lp(glp_create_prob());
    glp_set_obj_dir(lp.get(), GLP_MIN);
    const int rows = static_cast<int>(active.size());
    glp_add_rows(lp.get(), rows);
    // Rows as shares of each group's count (">= 1"), so 100,000 tasks meet the simplex near 1.
    for (int r = 1; r <= rows; ++r)
        glp_set_row_bnds(lp.get(), r, GLP_LO, 1.0, 0.0);

    std::vector<Column> columns;
    // Every column's tasks per active group, one after the other: one allocation, not one per column.
    const std::size_t width = active.size();
    std::vector<long long> loads;
    // Whether the master has the column already: a scan (a few hundred columns, most of another
    // offer) costs less than keeping a tree of copies of them.
    auto known = [&](int offer, const std::vector<long long> &load) {
        return std::any_of(columns.begin(), columns.end(), [&](const Column &c) {
            return c.offer == offer && std::equal(load.begin(), load.end(), loads.begin() + static_cast<std::ptrdiff_t>(c.at));
        });
    };
    columns.reserve(types.size() * active.size() + (seed ? seed->size() : 0)); // the starting columns
    std::vector<int> ind;     // one column's rows and values, GLPK's 1-based form; reused
    std::vector<double> val;
    auto addColumn = [&](int offer, const std::vector<long long> &load) {
        const int col = glp_add_cols(lp.get(), 1);
        glp_set_col_bnds(lp.get(), col, GLP_LO, 0.0, 0.0);
        glp_set_obj_coef(lp.get(), col, offers[static_cast<std::size_t>(offer)].hourlyPrice);
        ind.assign(1, 0);
        val.assign(1, 0.0);
        for (std::size_t a = 0; a < active.size(); ++a)
            if (load[a] > 0) {
                ind.push_back(static_cast<int>(a) + 1);
                val.push_back(static_cast<double>(load[a]) / static_cast<double>(groups[active[a]].count));
            }
        glp_set_mat_col(lp.get(), col, static_cast<int>(ind.size()) - 1, ind.data(), val.data());
        columns.push_back({offer, loads.size()});
        loads.insert(loads.end(), load.begin(), load.end());
    };
    loads.reserve(columns.capacity() * width);
    std::vector<long long> load(width); // the column being made
    // Start: every group alone on every type that holds it, as full as the type allows.
    for (std::size_t ti = 0; ti < types.size(); ++ti)
        for (std::size_t a = 0; a < active.size(); ++a) {
            const long long n = upperOf[ti * active.size() + a];
            if (n <= 0)
                continue;
            std::fill(load.begin(), load.end(), 0);
            load[a] = n;
            addColumn(types[ti], load);
        }
    const std::size_t startColumns = columns.size();
    // A seed's patterns, trimmed to the counts: fewer tasks of a group never overfill an instance.
    if (seed) {
        for (const PackingPattern &pattern : *seed) {
            if (pattern.offer < 0 || static_cast<std::size_t>(pattern.offer) >= offers.size()
                || !usable(offers[static_cast<std::size_t>(pattern.offer)]) || pattern.tasksPerGroup.size() != groups.size())
                continue;
            bool any = false;
            for (std::size_t a = 0; a < active.size(); ++a) {
                load[a] = std::clamp(pattern.tasksPerGroup[active[a]], 0LL, groups[active[a]].count);
                any = any || load[a] > 0;
            }
            if (any && !known(pattern.offer, load))
                addColumn(pattern.offer, load);
        }
    }

    glp_smcp parameters;
    glp_init_smcp(&parameters);
    parameters.msg_lev = GLP_MSG_OFF;
    double best = 0;
    bool solved = false;
    // The exact tables cost about a millisecond per 10^6 cell updates; this caps the bound's
    // extra time near 30 ms on a problem whose tables are all large.
    long long tableBudget = 30'000'000;
    // One knapsack and item list per thread for every type, round and LP: their storage is reused
    // (reset() sets every part of the problem; items is cleared before each use).
    thread_local Knapsack k;
    thread_local std::vector<Knapsack::Item> items;
    std::vector<double> pi(active.size());
    for (int iteration = 0; iteration < maxIterations; ++iteration) {
        if (glp_simplex(lp.get(), &parameters) != 0 || glp_get_status(lp.get()) != GLP_OPT)
            break;
        solved = true;
        // Per-task duals: the row was divided by the count.
        double piTotal = 0;
        for (std::size_t a = 0; a < active.size(); ++a) {
            const double dual = std::max(0.0, glp_get_row_dual(lp.get(), static_cast<int>(a) + 1));
            pi[a] = dual / static_cast<double>(groups[active[a]].count);
            piTotal += dual;
        }
        double theta = std::numeric_limits<double>::infinity();
        bool added = false, cut = false;
        for (std::size_t ti = 0; ti < types.size(); ++ti) {
            const int t = types[ti];
            const InstanceOffer &o = offers[static_cast<std::size_t>(t)];
            items.clear();
            for (std::size_t a = 0; a < active.size(); ++a) {
                const TaskDemand &task = groups[active[a]];
                const long long upper = upperOf[ti * active.size() + a];
                if (upper > 0 && pi[a] > 0)
                    items.push_back({task.cpuUnits, task.memoryMb, pi[a], upper, a});
            }
            k.reset(items, o.capacity.cpuUnits, o.capacity.memoryMb, o.maxTasks);
            // The search proves what the type's best pattern is worth whenever that is near its
            // price or above (the basic columns are worth exactly their price); below that it only
            // proves "less than the floor", which is all theta needs.
            const double floor = o.hourlyPrice * (tightBound ? 1 - 1e-6 : 1 + 1e-9);
            if (!k.solve(nodeLimit, floor, tightBound ? &tableBudget : nullptr))
                cut = true;
            const double worth = k.upperBound();
            if (worth > 0)
                theta = std::min(theta, o.hourlyPrice / worth);
            if (k.bestValue() > o.hourlyPrice * (1 + 1e-9) + 1e-12) {
                std::fill(load.begin(), load.end(), 0);
                for (std::size_t j = 0; j < k.items().size(); ++j)
                    load[k.items()[j].group] = k.best()[j];
                // A column the master has already is the simplex's rounding, not progress.
                if (!known(t, load)) {
                    addColumn(t, load);
                    added = true;
                }
            }
        }
        if (std::isfinite(theta))
            best = std::max(best, theta * piTotal * (1 - 1e-12));
        if (!added) {
            // Proven only when every knapsack was searched to the end.
            out.converged = !cut;
            break;
        }
        // Within 0.05% of the LP's own optimum (the master's cost is above it, the bound below):
        // further columns could not move either figure enough to matter.
        if (best >= glp_get_obj_val(lp.get()) * (1 - 5e-4))
            break;
    }
    if (!solved) {
        out.lowerBound = nan;
        return out;
    }
    if (!out.converged && (glp_simplex(lp.get(), &parameters) != 0 || glp_get_status(lp.get()) != GLP_OPT)) {
        out.lowerBound = best;
        return out;
    }
    out.lowerBound = best;
    for (std::size_t c = startColumns; c < columns.size(); ++c) {
        PackingPattern pattern;
        pattern.offer = columns[c].offer;
        pattern.tasksPerGroup.assign(groups.size(), 0);
        for (std::size_t a = 0; a < active.size(); ++a)
            pattern.tasksPerGroup[active[a]] = loads[columns[c].at + a];
        out.patterns.push_back(std::move(pattern));
    }

    // Whole instances of the LP optimum: floor(z) of each pattern, no group given more than it has.
    std::vector<long long> left(active.size());
    for (std::size_t a = 0; a < active.size(); ++a)
        left[a] = groups[active[a]].count;
    auto push = [&](const Column &c, long long copies, const long long *load) {
        InstanceRun run;
        run.offer = c.offer;
        run.instances = copies;
        run.tasksPerGroup.assign(groups.size(), 0);
        bool any = false;
        for (std::size_t a = 0; a < active.size(); ++a) {
            run.tasksPerGroup[active[a]] = load[a];
            run.cpuUsed += static_cast<double>(load[a]) * groups[active[a]].cpuUnits;
            run.memoryUsed += static_cast<double>(load[a]) * groups[active[a]].memoryMb;
            left[a] -= copies * load[a];
            any = any || load[a] > 0;
        }
        if (any && copies > 0)
            out.rounded.push_back(std::move(run));
    };
    for (std::size_t c = 0; c < columns.size(); ++c) {
        long long copies = static_cast<long long>(std::floor(glp_get_col_prim(lp.get(), static_cast<int>(c) + 1) + 1e-9));
        if (copies <= 0)
            continue;
        // As many whole copies as every group can still fill, then the rest trimmed one by one.
        const long long *full = loads.data() + columns[c].at;
        long long whole = copies;
        for (std::size_t a = 0; a < active.size(); ++a)
            if (full[a] > 0)
                whole = std::min(whole, left[a] / full[a]);
        push(columns[c], whole, full);
        for (long long k = whole; k < copies; ++k) {
            bool any = false;
            for (std::size_t a = 0; a < active.size(); ++a) {
                load[a] = std::min(full[a], left[a]);
                any = any || load[a] > 0;
            }
            if (!any)
                break;
            push(columns[c], 1, load.data());
        }
    }
    for (std::size_t a = 0; a < active.size(); ++a)
        out.residual[active[a]] = left[a];
    return out;
}

} // namespace Costscape::Models
