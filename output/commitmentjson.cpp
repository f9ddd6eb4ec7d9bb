// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "output/commitmentjson.h"

namespace Costscape::Output {

nlohmann::ordered_json commitmentToJson(const Models::CommitmentSummary &s)
{
    using Json = nlohmann::ordered_json;
    Json list = Json::array();
    for (const Models::AppliedCommitment &a : s.commitments) {
        Json c = {{"kind", a.spec.kind}, {"termYears", a.spec.termYears}, {"payment", a.spec.payment}};
        if (a.spec.isReservation()) {
            c["offering"] = a.spec.offering;
            c["count"] = a.amount;
        } else {
            c["hourly"] = a.amount;
        }
        c["optimal"] = a.optimal;
        if (!a.products.empty()) {
            // A plan over several products (Fargate): each product's rate and coverage, in the order it covers them.
            Json products = Json::array();
            for (const Models::CoveredProduct &p : a.products)
                products.push_back({{"unit", p.unit}, {"rate", p.rate}, {"onDemand", p.onDemand}, {"coveredUnitHours", p.coveredUnitHours}});
            c["products"] = std::move(products);
        } else {
            c["rate"] = a.rate;
        }
        c["monthlyCost"] = a.monthlyCost;
        c["upfrontTotal"] = a.upfrontTotal;
        c["upfrontMonthly"] = a.upfrontMonthly;
        c["usedMonthly"] = a.usedMonthly;
        if (a.products.empty())
            c["coveredInstanceHours"] = a.coveredUnitHours;
        list.push_back(std::move(c));
    }
    Json curve = Json::array();
    for (const Models::CommitmentLevelCost &p : s.curve)
        curve.push_back({{"level", p.level}, {"monthlyCost", p.monthlyCost}});
    Json out = {{"instanceType", s.instanceType},
                {"commitments", std::move(list)},
                {"onDemandMonthly", s.onDemandMonthly},
                {"effectiveMonthly", s.effectiveMonthly},
                {"upfrontMonthly", s.upfrontMonthly},
                {"upfrontTotal", s.upfrontTotal},
                {"spillMonthly", s.spillMonthly},
                {"coverage", s.coverage},
                {"utilisation", s.utilisation},
                {"unusedMonthly", s.unusedMonthly},
                {"breakEvenMonth", s.breakEvenMonth ? Json(*s.breakEvenMonth) : Json(nullptr)},
                {"curve", {{"unit", s.curveUnit}, {"current", s.curveCurrent}, {"optimal", s.curveOptimal}, {"points", std::move(curve)}}}};
    return out;
}

} // namespace Costscape::Output
