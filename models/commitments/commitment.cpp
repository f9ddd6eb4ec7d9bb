// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/commitments/commitment.h"

namespace Costscape::Models {

namespace {

/** Commitments beyond this are a typing error, not a purchase (a million dollars an hour). */
const NumberRule HourlyRule = NumberRule::range(0, 1e6, "USD/hour");
const NumberRule CountRule = NumberRule::count(0, 1e6);

CommitmentSpec readOne(JsonReader &r, const JsonReader::Pointer &p)
{
    CommitmentSpec c;
    if (!r.object(p))
        return c;
    const auto kind = r.string(p, "kind", true, {"compute-savings-plan", "ec2-instance-savings-plan", "reserved-instance"});
    if (!kind)
        return c;
    c.kind = *kind;
    if (const auto years = r.number(p, "termYears", NumberRule::count(1, 3))) {
        if (*years != 1 && *years != 3) {
            r.fail(p / "termYears", ErrorCode::OutOfRange,
                   JsonReader::fieldName(p / "termYears") + ": AWS sells 1- and 3-year terms only, got " + std::to_string(int(*years)));
            return c;
        }
        c.termYears = int(*years);
    } else {
        return c;
    }
    const auto payment = r.string(p, "payment", true, {"no-upfront", "partial-upfront", "all-upfront"});
    if (!payment)
        return c;
    c.payment = *payment;
    const char *amountKey = c.isReservation() ? "count" : "hourly";
    const char *otherKey = c.isReservation() ? "hourly" : "count";
    if (r.has(p, otherKey)) {
        r.fail(p / otherKey, ErrorCode::UnknownValue,
               JsonReader::fieldName(p / otherKey) + ": a " + c.kind + " takes \"" + amountKey + "\", not \"" + otherKey + "\"");
        return c;
    }
    if (c.isReservation()) {
        if (const auto offering = r.string(p, "offering", false, {"standard", "convertible"}))
            c.offering = *offering;
    } else if (r.has(p, "offering")) {
        r.fail(p / "offering", ErrorCode::UnknownValue,
               JsonReader::fieldName(p / "offering") + ": only a reserved-instance has an offering (standard or convertible)");
        return c;
    }
    const JsonDocument::Json *amount = r.at(p / amountKey);
    if (!amount) {
        r.fail(p, ErrorCode::MissingField,
               JsonReader::fieldName(p / amountKey) + ": missing required field \"" + amountKey + "\" (a number or \"optimal\")");
        return c;
    }
    if (amount->is_string()) {
        if (amount->get<std::string>() != "optimal")
            r.fail(p / amountKey, ErrorCode::UnknownValue,
                   JsonReader::fieldName(p / amountKey) + ": must be a number or \"optimal\", got \"" + amount->get<std::string>() + "\"");
        return c;
    }
    c.amount = r.number(p, amountKey, c.isReservation() ? CountRule : HourlyRule);
    for (const auto &[key, _] : r.at(p)->items())
        if (key != "kind" && key != "termYears" && key != "payment" && key != "offering" && key != amountKey)
            r.warn(p / key, JsonReader::fieldName(p / key) + ": unknown key, ignored");
    return c;
}

std::string paymentTitle(const std::string &payment)
{
    if (payment == "all-upfront")
        return "all upfront";
    if (payment == "partial-upfront")
        return "partial upfront";
    return "no upfront";
}

} // namespace

std::string CommitmentSpec::title() const
{
    std::string what;
    if (kind == "reserved-instance")
        what = offering == "convertible" ? "Convertible Reserved Instances" : "Standard Reserved Instances";
    else if (kind == "ec2-instance-savings-plan")
        what = "EC2 Instance Savings Plan";
    else
        what = "Compute Savings Plan";
    return std::to_string(termYears) + "-year " + what + ", " + paymentTitle(payment);
}

namespace CommitmentIo {

std::vector<CommitmentSpec> read(JsonReader &r, const JsonReader::Pointer &option)
{
    std::vector<CommitmentSpec> out;
    const JsonReader::Pointer p = option / "commitment";
    const JsonDocument::Json *value = r.at(p);
    if (!value)
        return out;
    if (value->is_array()) {
        if (value->empty()) {
            r.fail(p, ErrorCode::MissingField, JsonReader::fieldName(p) + ": an empty list; remove the key for no commitment");
            return out;
        }
        for (std::size_t i = 0; i < value->size() && !r.failed(); ++i)
            out.push_back(readOne(r, p / i));
    } else {
        out.push_back(readOne(r, p));
    }
    if (r.failed())
        out.clear();
    return out;
}

void write(JsonDocument::Json &option, const std::vector<CommitmentSpec> &commitments)
{
    using Json = JsonDocument::Json;
    if (commitments.empty()) {
        option.erase("commitment");
        return;
    }
    Json list = Json::array();
    for (const CommitmentSpec &c : commitments) {
        Json o = Json::object();
        o["kind"] = c.kind;
        o["termYears"] = c.termYears;
        o["payment"] = c.payment;
        if (c.isReservation())
            o["offering"] = c.offering;
        const char *key = c.isReservation() ? "count" : "hourly";
        if (c.amount)
            o[key] = *c.amount;
        else
            o[key] = "optimal";
        list.push_back(std::move(o));
    }
    option["commitment"] = list.size() == 1 ? list[0] : list;
}

} // namespace CommitmentIo

} // namespace Costscape::Models
