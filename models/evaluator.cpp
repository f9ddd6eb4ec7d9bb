// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/evaluator.h"

#include "models/bill/bill.h"
#include "models/commitments/commitmentapply.h"
#include "models/detailswriter.h"
#include "models/platforms/platformmodel.h"
#include "models/scenario/scenarioreader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Costscape::Models {

namespace {

bool sound(double v)
{
    return std::isfinite(v) && v >= 0;
}

bool allSound(const std::vector<double> &values)
{
    // No early exit and no branch: it runs over every hour of every option of every evaluation.
    // NaN fails both comparisons. GCC does not vectorise the plain loop (one comisd pair per hour),
    // so on x86-64 two hours are compared at a time with SSE2, which every x86-64 processor has.
    const double top = std::numeric_limits<double>::max();
    std::size_t i = 0;
    bool ok = true;
#if defined(__SSE2__)
    const __m128d zero = _mm_setzero_pd(), most = _mm_set1_pd(top);
    __m128d all = _mm_castsi128_pd(_mm_set1_epi32(-1));
    for (; i + 2 <= values.size(); i += 2) {
        const __m128d v = _mm_loadu_pd(values.data() + i);
        all = _mm_and_pd(all, _mm_and_pd(_mm_cmpge_pd(v, zero), _mm_cmple_pd(v, most)));
    }
    ok = _mm_movemask_pd(all) == 3;
#endif
    for (; i < values.size(); ++i)
        ok = ok && values[i] >= 0 && values[i] <= top;
    return ok;
}

/** Walks a platform's details and remembers the first number that is not finite. */
class FiniteDetails final : public DetailsWriter
{
public:
    std::string bad; ///< the key of the first non-finite number, "" when every number is finite

    void number(std::string_view key, double value) override { check(key, value); }
    void integer(std::string_view, long long) override {}
    void text(std::string_view, std::string_view) override {}
    void flag(std::string_view, bool) override {}
    void numbers(std::string_view key, const std::vector<double> &values) override
    {
        for (double v : values)
            check(key, v);
    }
    void integers(std::string_view, const std::vector<long long> &) override {}
    void texts(std::string_view, const std::vector<std::string> &) override {}
    void beginObject(std::string_view) override {}
    void endObject() override {}
    void beginArray(std::string_view) override {}
    void endArray() override {}

private:
    void check(std::string_view key, double v)
    {
        if (bad.empty() && !std::isfinite(v))
            bad = key.empty() ? std::string("a value") : std::string(key);
    }
};

/**
 * A batch as one slot: `parallel` units busy for the billed length of a run, runsPerMonth times.
 * The slot's rate (parallel / runSeconds) and duration (runSeconds) give parallel in flight by
 * Little's law, and requests = rate x 3600 x hours = runs x parallel. A run is billed at least the
 * platform's minimum, in whole seconds where there is one; a platform that stays up all month has
 * the month as its slot, with the same requests.
 */
HourlyPlan batchPlan(const Batch &batch, const PlatformModel &model, double hoursPerMonth)
{
    HourlyPlan plan;
    plan.hoursPerMonth = hoursPerMonth;
    const double requests = batch.runsPerMonth * batch.parallel;
    if (model.billsWholeMonth()) {
        plan.ratePerSecond = {hoursPerMonth > 0 ? requests / (hoursPerMonth * 3600) : 0};
        plan.weight = {hoursPerMonth};
        return plan;
    }
    const double minimum = model.minimumBilledSeconds();
    const double billed = minimum > 0 ? std::max(minimum, std::ceil(batch.runSeconds - 1e-9)) : batch.runSeconds;
    const double hours = batch.runsPerMonth * billed / 3600.0;
    plan.ratePerSecond = {hours > 0 ? requests / (hours * 3600) : 0};
    plan.weight = {hours};
    return plan;
}

} // namespace

std::string unsoundFigure(const OptionResult &r)
{
    if (!sound(r.monthlyCost))
        return "monthly cost";
    for (const LineItem &li : r.lineItems)
        if (!sound(li.quantity) || !sound(li.unitPrice) || !sound(li.cost))
            return "line item \"" + li.name + "\"";
    if (!sound(r.fleet.peak) || !sound(r.fleet.average) || !sound(r.fleet.unitHours) || !allSound(r.fleet.hourly))
        return "fleet";
    if (!allSound(r.hourlyCost))
        return "hourly cost";
    FiniteDetails details;
    std::visit(
        [&details](const auto &d) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(d)>, std::monostate>)
                d.write(details);
        },
        r.details);
    if (!details.bad.empty())
        return "details (" + details.bad + ")";
    if (const auto &s = r.scaling) {
        // -1 is the model's "never" and "none can"; anything else must be a figure.
        for (double v : {s->secondsToMeetDemand, s->requestsDelayed, s->requestsRejected, s->peakBacklog, s->maxDelaySeconds,
                         s->warmMinimum, s->warmExtraMonthlyCost, s->warmUnitsBefore})
            if (!std::isfinite(v) || v < -1)
                return "spike response";
        if (!allSound(s->demandPerSecond) || !allSound(s->capacityPerSecond) || !allSound(s->backlog))
            return "spike response";
    }
    return {};
}

std::string leftOutSummary(const Evaluation &evaluation)
{
    std::vector<std::string> parts;
    for (const OptionResult &o : evaluation.options)
        for (const std::string &p : o.leftOut)
            if (std::find(parts.begin(), parts.end(), p) == parts.end())
                parts.push_back(p);
    std::string out;
    for (const std::string &p : parts)
        out += (out.empty() ? "" : "; ") + p;
    return out;
}

int Evaluation::cheapestIndex() const
{
    int best = -1;
    for (std::size_t i = 0; i < options.size(); ++i) {
        const OptionResult &o = options[i];
        // The Evaluator withdraws an unsound price; the check stays here for results built elsewhere.
        if (!o.feasible || !sound(o.monthlyCost))
            continue;
        if (best < 0 || o.monthlyCost < options[static_cast<std::size_t>(best)].monthlyCost)
            best = static_cast<int>(i);
    }
    return best;
}

Result<Evaluation> Evaluator::evaluate(const Scenario &scenario, const Pricing::PriceSheet &sheet)
{
    return run(scenario, sheet, false);
}

Result<Evaluation> Evaluator::evaluateMonthly(const Scenario &scenario, const Pricing::PriceSheet &sheet)
{
    return run(scenario, sheet, true);
}

Result<Evaluation> Evaluator::run(const Scenario &scenario, const Pricing::PriceSheet &sheet, bool mergeHours)
{
    if (!sheet.region(scenario.region)) {
        std::string known;
        for (const std::string &code : sheet.regionCodes())
            known += (known.empty() ? "" : ", ") + code;
        return scenario.errorAt("/region", ErrorCode::UnknownValue,
                                "region: \"" + scenario.region + "\" is not in price sheet \"" + sheet.provenance.name
                                    + "\" (it has " + known + ")");
    }
    Evaluation out;
    out.scenario = scenario.name;
    out.region = scenario.region;
    out.hoursPerMonth = scenario.hoursPerMonth;
    out.prices = sheet.provenance;

    auto plan = [mergeHours](const RequestModel &requests, double hours) {
        HourlyPlan p = HourlyPlan::build(requests, hours);
        return mergeHours ? p.merged() : p;
    };
    const HourlyPlan workloadPlan = plan(scenario.workload.requests, scenario.hoursPerMonth);
    out.ratePerSecond = workloadPlan.ratePerSecond;
    out.slotWeight = workloadPlan.weight;
    out.spike = scenario.workload.spike;

    for (std::size_t i = 0; i < scenario.options.size(); ++i) {
        const OptionSpec &option = scenario.options[i];
        if (!option.enabled)
            continue;
        const double hours = option.hoursPerMonth.value_or(scenario.hoursPerMonth);
        const PlatformModel &model = platformModel(option.platform());
        // Most options share the workload's plan; only overrides and batch runs build their own.
        std::optional<HourlyPlan> ownPlan;
        OptionSpec batchOption;
        double durationMs = option.durationMs.value_or(scenario.workload.durationMs);
        if (const auto &batch = scenario.workload.batch) {
            ownPlan = batchPlan(*batch, model, hours);
            batchOption = option;
            model.applyBatch(batchOption, batch->parallel);
            durationMs = batch->runSeconds * 1000;
        } else if (option.requests || option.hoursPerMonth) {
            ownPlan = plan(option.requests.value_or(scenario.workload.requests), hours);
        }
        const OptionContext context{scenario,
                                    scenario.workload.batch ? batchOption : option,
                                    sheet,
                                    ownPlan ? *ownPlan : workloadPlan,
                                    durationMs,
                                    option.memoryMb.value_or(scenario.workload.memoryMb),
                                    hours,
                                    "/options/" + std::to_string(i),
                                    option.durationMs || scenario.workload.batch || !scenario.workload.durationDistribution
                                        ? nullptr
                                        : &*scenario.workload.durationDistribution,
                                    mergeHours};
        auto result = model.evaluate(context);
        if (!result)
            return result.error();
        // Savings Plans and reservations reprice the option's own hours (models/commitments/).
        if (auto applied = applyCommitments(context, result.value()); !applied)
            return applied.error();
        // The parts around the compute (front door, network, logs, volumes), or what is left out.
        addBillParts(context, result.value(), result.value().leftOut);
        // The spike is simulated only for an option that can serve the workload at all.
        if (scenario.workload.spike && result.value().feasible)
            result.value().scaling = simulateSpike(model.spikeInput(context, result.value(), *scenario.workload.spike));
        // The last guard: a figure that is not a finite, non-negative number reaches no table,
        // chart or report, and the option is not priced. The ranges of scenariorules.h and
        // MaxFleetCount keep every known path away from it.
        if (const std::string figure = unsoundFigure(result.value()); !figure.empty())
            result.value().withdraw("its " + figure + " is beyond what can be computed (not a finite, non-negative number); not priced");
        out.options.push_back(std::move(result).value());
        out.options.back().ownPlan = ownPlan.has_value();
    }
    return out;
}

Result<PricedScenario> loadAndEvaluate(const std::string &scenarioPath, const std::string &pricesOverride)
{
    // Warnings gathered before a failure still reach the caller: they often explain it.
    std::vector<Error> warnings;
    auto failed = [&warnings](const Error &error) {
        Result<PricedScenario> r(error);
        r.setWarnings(warnings);
        return r;
    };
    auto scenario = loadScenario(scenarioPath);
    if (!scenario)
        return failed(scenario.error());
    warnings = scenario.warnings();
    auto sheet = resolvePriceSheet(scenario.value(), pricesOverride);
    if (!sheet)
        return failed(sheet.error());
    warnings.insert(warnings.end(), sheet.warnings().begin(), sheet.warnings().end());
    auto evaluation = Evaluator::evaluate(scenario.value(), *sheet.value());
    if (!evaluation)
        return failed(evaluation.error());
    if (const std::string missing = leftOutSummary(evaluation.value()); !missing.empty())
        warnings.push_back(Error{ErrorCode::Warning, "the figures leave out: " + missing + " (docs/bill.md)",
                                 scenario.value().fileName, 0, 0});
    Result<PricedScenario> result(PricedScenario{std::move(scenario).value(), std::move(sheet).value(), std::move(evaluation).value()});
    result.setWarnings(std::move(warnings));
    return result;
}

Result<std::shared_ptr<const Pricing::PriceSheet>> resolvePriceSheet(const Scenario &scenario, const std::string &overridePath)
{
    using SheetPtr = std::shared_ptr<const Pricing::PriceSheet>;
    const std::string &name = overridePath.empty() ? scenario.prices : overridePath;
    if (name == "embedded")
        return SheetPtr(&Pricing::embeddedPriceSheet(), [](const Pricing::PriceSheet *) {});
    std::filesystem::path path(name);
    if (overridePath.empty() && path.is_relative() && !scenario.fileName.empty())
        path = std::filesystem::path(scenario.fileName).parent_path() / path;
    if (overridePath.empty()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec))
            return scenario.errorAt("/prices", ErrorCode::FileNotFound,
                                    "prices: price sheet \"" + name + "\" not found (looked for " + path.string() + ")");
    }
    auto sheet = Pricing::loadPriceSheet(path.string());
    if (!sheet)
        return sheet.error();
    std::vector<Error> warnings = sheet.warnings();
    Result<SheetPtr> result(std::make_shared<const Pricing::PriceSheet>(std::move(sheet).value()));
    result.setWarnings(std::move(warnings));
    return result;
}

} // namespace Costscape::Models
