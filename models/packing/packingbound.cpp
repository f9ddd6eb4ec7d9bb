// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The lower bound on what any fleet holding the tasks costs: the LP relaxation of the assignment
// formulation of vector bin packing with several bin types (variable-sized bin packing; see
// Gilmore & Gomory, "A linear programming approach to the cutting-stock problem", Operations
// Research 9(6), 1961, and for the vector case Spieksma, "A branch-and-bound algorithm for the
// two-dimensional vector packing problem", Computers & OR 21(1), 1994, whose bounds are the
// same relaxation). Solved with GLPK's simplex (GLPK 5.0 reference manual, glp_simplex).
//
//   variables  x[g][t] >= 0  tasks of group g placed on type t (only where one task of g fits
//                            an empty instance of t: CPU, memory and maxTasks)
//              y[t]    >= 0  instances of type t bought, fractionally
//   minimise   sum_t price_t * y_t
//   subject to sum_t x[g][t] = count_g                                for every group g
//              sum_g cpu_g * x[g][t] <= cpuCap_t * y_t                for every type t
//              sum_g mem_g * x[g][t] <= memCap_t * y_t
//              sum_g x[g][t] <= maxTasks_t * y_t                      when maxTasks_t > 0
//
// Why not the two-row bound (buy enough CPU and enough memory in total, from any type):
// that relaxation lets a type supply capacity to tasks it could never hold. On the embedded sheet
// (us-east-1) a t4g.micro (1 GiB; 742 MiB left to tasks by EcsEc2Model::capacityOf) sells 2 vCPUs
// for $0.0084/h, the cheapest CPU there is, so the two-row bound prices the CPU of 4 GiB tasks at
// micro rates and comes out far below any fleet that exists. Here a task's CPU and memory must go
// to the same type, and only to a type where the task fits, so useless cheap capacity is ignored.
//
// Without the coupling each group would have a closed form (put all of it on the type with the
// least price * max(cpu share, memory share)), but the groups interact: a CPU-heavy and a
// memory-heavy group can share a balanced type and both fill it, which no per-group figure sees.
// So the LP is solved. With 20 groups and the ~76 types of the embedded sheet it has about 1.5k
// columns and 250 rows: a few milliseconds.

#include "models/packing/ecspacking.h"
#include "models/packing/packingpatterns.h"

#include "models/packing/glpkenvironment.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <vector>

namespace Costscape::Models {

namespace {

struct ProblemDeleter {
    void operator()(glp_prob *lp) const { glp_delete_prob(lp); }
};
using Problem = std::unique_ptr<glp_prob, ProblemDeleter>;

// Whether an offer is something a fleet can be bought from at all.
bool usable(const InstanceOffer &offer)
{
    return std::isfinite(offer.hourlyPrice) && offer.hourlyPrice >= 0 && offer.maxTasks >= 0
        && std::isfinite(offer.capacity.cpuUnits) && std::isfinite(offer.capacity.memoryMb);
}

// The packers' own test (fits(), with its tolerance); usable() has already refused a negative
// task cap, and 0 means no cap, so any type that passes can hold at least one task.
bool holds(const TaskDemand &task, const InstanceOffer &offer)
{
    return usable(offer) && fits(task, offer.capacity);
}

} // namespace

namespace {
double assignmentBound(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();

    // Only groups with tasks take part; a negative count or a non-finite size is no workload.
    std::vector<std::size_t> active;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const TaskDemand &task = groups[g];
        if (task.count < 0 || !std::isfinite(task.cpuUnits) || !std::isfinite(task.memoryMb) || task.cpuUnits < 0
            || task.memoryMb < 0)
            return nan;
        if (task.count > 0)
            active.push_back(g);
    }
    if (active.empty())
        return 0.0;

    // placeable[a][t]: one task of active group a fits an empty instance of offer t.
    std::vector<std::vector<bool>> placeable(active.size(), std::vector<bool>(offers.size(), false));
    std::vector<bool> typeUsed(offers.size(), false);
    for (std::size_t a = 0; a < active.size(); ++a) {
        bool any = false;
        for (std::size_t t = 0; t < offers.size(); ++t) {
            if (holds(groups[active[a]], offers[t])) {
                placeable[a][t] = true;
                typeUsed[t] = true;
                any = true;
            }
        }
        if (!any)
            return nan; // a task of this group fits no offered type: no fleet exists
    }

    freeGlpkEnvironmentAtThreadExit(); // a worker thread's GLPK environment is freed when it ends
    Problem lp(glp_create_prob());
    glp_set_obj_dir(lp.get(), GLP_MIN);

    // Rows: one equality per active group, then per used type its CPU, memory and (if capped)
    // task-count rows. Each capacity row is divided by the type's capacity so its coefficients are
    // shares of one instance, and x is measured as the fraction of the group's tasks, so the
    // equality rows read "= 1": counts of 100,000 tasks and capacities of 100,000 units then meet
    // the simplex as numbers near 1, which keeps it clear of tolerance trouble.
    const int groupRows = static_cast<int>(active.size());
    glp_add_rows(lp.get(), groupRows);
    for (int r = 1; r <= groupRows; ++r)
        glp_set_row_bnds(lp.get(), r, GLP_FX, 1.0, 1.0);

    struct TypeRows {
        int cpu = 0, memory = 0, tasks = 0; // 0 = no such row
        int column = 0;                     // y_t
    };
    std::vector<TypeRows> typeRows(offers.size());
    int rows = groupRows;
    for (std::size_t t = 0; t < offers.size(); ++t) {
        if (!typeUsed[t])
            continue;
        TypeRows &tr = typeRows[t];
        const int added = offers[t].maxTasks > 0 ? 3 : 2;
        glp_add_rows(lp.get(), added);
        tr.cpu = rows + 1;
        tr.memory = rows + 2;
        tr.tasks = added == 3 ? rows + 3 : 0;
        for (int r = rows + 1; r <= rows + added; ++r)
            glp_set_row_bnds(lp.get(), r, GLP_UP, 0.0, 0.0);
        rows += added;

        tr.column = glp_add_cols(lp.get(), 1);
        glp_set_col_bnds(lp.get(), tr.column, GLP_LO, 0.0, 0.0);
        glp_set_obj_coef(lp.get(), tr.column, offers[t].hourlyPrice);
    }

    // The matrix in GLPK's 1-based triplet form (glp_load_matrix); zeros are left out.
    std::vector<int> ia{0};
    std::vector<int> ja{0};
    std::vector<double> ar{0.0};
    auto put = [&](int row, int column, double value) {
        if (value == 0.0)
            return;
        ia.push_back(row);
        ja.push_back(column);
        ar.push_back(value);
    };
    for (std::size_t t = 0; t < offers.size(); ++t) {
        if (!typeUsed[t])
            continue;
        const TypeRows &tr = typeRows[t];
        // -y_t on each capacity row (the row was divided by the capacity, so y's coefficient is 1).
        put(tr.cpu, tr.column, -1.0);
        put(tr.memory, tr.column, -1.0);
        if (tr.tasks)
            put(tr.tasks, tr.column, -1.0);
    }
    for (std::size_t a = 0; a < active.size(); ++a) {
        const TaskDemand &task = groups[active[a]];
        const double count = static_cast<double>(task.count);
        for (std::size_t t = 0; t < offers.size(); ++t) {
            if (!placeable[a][t])
                continue;
            const InstanceOffer &offer = offers[t];
            const TypeRows &tr = typeRows[t];
            const int column = glp_add_cols(lp.get(), 1);
                glp_set_col_bnds(lp.get(), column, GLP_LO, 0.0, 0.0);
            put(static_cast<int>(a) + 1, column, 1.0);
            // fits() held, so a positive demand meets a positive capacity here.
            if (task.cpuUnits > 0)
                put(tr.cpu, column, count * task.cpuUnits / offer.capacity.cpuUnits);
            if (task.memoryMb > 0)
                put(tr.memory, column, count * task.memoryMb / offer.capacity.memoryMb);
            if (tr.tasks)
                put(tr.tasks, column, count / static_cast<double>(offer.maxTasks));
        }
    }
    glp_load_matrix(lp.get(), static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    // glp_scale_prob reports its work on the terminal whatever the simplex's msg_lev says, so
    // terminal output is off around it and restored after (glp_term_out returns the old state).
    const int terminal = glp_term_out(GLP_OFF);
    glp_scale_prob(lp.get(), GLP_SF_AUTO);
    glp_term_out(terminal);

    glp_smcp parameters;
    glp_init_smcp(&parameters);
    parameters.msg_lev = GLP_MSG_OFF;
    // The presolver removes the many columns that are dominated outright and reports an
    // infeasible problem as GLP_ENOPFS instead of running the simplex on it.
    parameters.presolve = GLP_ON;
    const int code = glp_simplex(lp.get(), &parameters);
    if (code != 0 || glp_get_status(lp.get()) != GLP_OPT)
        return nan;
    // Objective value of the optimum; never below 0 (prices are), whatever rounding says.
    return std::max(0.0, glp_get_obj_val(lp.get()));
}
} // namespace

double packingLowerBound(const std::vector<TaskDemand> &groups, const std::vector<InstanceOffer> &offers)
{
    // The configuration LP is the tighter of the two once its column generation has converged;
    // cut short, its Farley bound may fall below the assignment LP's. Both are valid, so the
    // larger is taken (the assignment LP costs a millisecond or two).
    const double assignment = assignmentBound(groups, offers);
    if (std::isnan(assignment))
        return assignment;
    // 100 rounds: with exact pricing most 100-task problems converge in 40 to 60.
    const PatternLp patterns = solvePatternLp(groups, offers, 100);
    return std::isnan(patterns.lowerBound) ? assignment : std::max(patterns.lowerBound, assignment);
}

} // namespace Costscape::Models
