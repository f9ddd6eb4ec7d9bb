// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/jsonreader.h"
#include "models/evaluation.h"
#include "models/scaling/scaling.h"

#include <string>
#include <vector>

namespace Costscape::Models {

class OptionReader;

/** Everything a platform model needs to price one option; values already resolved. */
struct OptionContext {
    const Scenario &scenario;
    const OptionSpec &option;
    const Pricing::PriceSheet &sheet;
    const HourlyPlan &plan;
    double durationMs = 0;    ///< the option's override, else the workload's
    double memoryMb = 0;      ///< likewise
    double hoursPerMonth = 0; ///< likewise
    std::string pointer;      ///< "/options/<i>", to locate errors in the scenario file
    /** The workload's duration distribution, unless the option overrides durationMs; billing rounds per request. */
    const DurationDistribution *durationDistribution = nullptr;
    /**
     * The caller reads the month's figures only (costs, feasibility, warnings), as the traffic
     * sweep and the Monte Carlo do (Evaluator::evaluateMonthly): a model may leave out what it
     * computes only to show beside them (ECS's and the kube-scheduler's packing, the packing's lower
     * bound, what EKS's reservations add). Never changes a cost.
     */
    bool figuresOnly = false;

    /** An error located at this option's field (or the option when the field is absent). */
    Error error(const std::string &field, ErrorCode code, const std::string &message) const
    {
        // "instanceTypes/1" is a pointer; messages say "instanceTypes[1]", as the reader's do.
        const std::string name = field.empty() ? std::string() : JsonReader::fieldName(JsonReader::Pointer('/' + field));
        return scenario.errorAt(field.empty() ? pointer : pointer + '/' + field, code,
                                "options[" + pointer.substr(pointer.rfind('/') + 1) + "] (\"" + option.id + "\")"
                                    + (name.empty() ? "" : "." + name) + ": " + message);
    }
    const std::string &region() const { return scenario.region; }
    /** "price sheet \"AWS public list prices\"" for messages. */
    std::string sheetName() const { return "price sheet \"" + sheet.provenance.name + "\""; }
};

/** One rule a report lists beside an option's bill: what it is, its value here, and its source. */
struct BillingRule {
    std::string label;  ///< "duration billing", "instance memory"
    std::string value;  ///< "rounded up to 1 ms"
    std::string source; ///< "AWS Lambda pricing: 1 ms billing since December 2020"
};

/**
 * Everything one platform knows, behind one interface: its name, its keys in the scenario file,
 * its billing and sizing, how it rides through a spike, and its defaults with their sources.
 * Implementations live in models/platforms/<platform>/, are stateless and thread-safe, and are
 * listed once in models/platforms/registry.cpp. A missing price or an unknown name is an error
 * (the scenario cannot be priced as written); a workload the platform cannot serve is a result
 * with feasible = false and the reason.
 */
class PlatformModel
{
public:
    virtual ~PlatformModel() = default;
    virtual Platform platform() const = 0;
    /** The scenario format's name: "lambda". */
    virtual const char *name() const = 0;
    /** For tables and charts: "AWS Lambda". */
    virtual const char *title() const = 0;
    /** The stem of a new option's id in the window ("lambda", "ecs"). */
    virtual const char *idStem() const { return name(); }

    /** A new option of this platform as the window adds it: the format's defaults, required fields filled. */
    virtual PlatformSpec defaultSpec() const = 0;
    /**
     * Reads this platform's keys of the option reader.pointer() points at, marking each key it
     * knows (reader.know()). A problem is recorded in the reader (the first error wins); the spec
     * returned then is not used.
     */
    virtual PlatformSpec read(OptionReader &reader) const = 0;
    /** Writes the spec's keys into the option's JSON object, leaving keys it does not own alone. */
    virtual void write(const PlatformSpec &spec, JsonDocument::Json &option) const = 0;

    /** Prices one option hour by hour (see the class comment for errors and infeasibility). */
    virtual Result<OptionResult> evaluate(const OptionContext &context) const = 0;
    /**
     * Batch runs (workload.batch): the least a run is billed (Fargate and EC2 bill per second with a
     * minimum of 60 s), and the option's fleet for a run of `parallel` tasks. A platform whose
     * capacity stays up all month (Lambda Managed Instances) bills the month instead of the runs.
     */
    virtual double minimumBilledSeconds() const { return 0; }
    virtual void applyBatch(OptionSpec &, double /*parallel*/) const {}
    virtual bool billsWholeMonth() const { return false; }

    /**
     * What the whole bill (models/bill/, docs/bill.md) asks of a platform: whether its fleet is
     * instances of the account's own, each with a root volume (EC2, ECS and EKS on EC2); whether it
     * is Lambda's kind (its logs are Lambda's vended logs, an ALB reaches it as a Lambda target); and
     * whether it can have a Lambda function URL as its front door.
     */
    bool hasRootVolumes() const { return defaultRootVolumeGb() > 0; }
    virtual bool isLambdaFamily() const { return false; }
    virtual bool hasFunctionUrl() const { return false; }
    /** The root volume of AWS's default AMI for the platform's instances, GiB; 0: no instances of its own. */
    virtual double defaultRootVolumeGb() const { return 0; }
    /** Whether a new option of the platform sits in the account's VPC (and so reaches the internet through NAT). */
    virtual bool runsInVpc() const { return true; }
    /** The billing rules a report states for the option, in order. */
    virtual std::vector<BillingRule> billingRules(const OptionSpec &option, const std::string &currency) const = 0;

    /** The scaling assumptions of the spike model, each with its default and source; keys are unique. */
    virtual std::vector<ScalingAssumption> scalingDefaults() const = 0;
    /** How the platform's capacity comes up in the spike model. */
    virtual ScalingKind scalingKind() const = 0;
    /** What the spike model's warm minimum counts: "instances", "tasks", "provisioned environments". */
    virtual const char *warmUnit() const = 0;
    /** A spike input with the platform's kind, warm unit and assumptions (with overrides applied), nothing else. */
    SpikeInput emptySpikeInput(const std::map<std::string, double> &overrides = {}) const;
    /**
     * The spike model's input for one priced, feasible option: the unit it scales by, what one
     * unit serves, the floor already warm, the assumptions with the option's overrides, and the
     * unit-hour price that a higher warm floor costs. Never fails; a price the sheet lacks leaves
     * that cost at 0 with a note.
     */
    virtual SpikeInput spikeInput(const OptionContext &context, const OptionResult &result, const Spike &spike) const = 0;

protected:
    /** What every platform's spike input starts from: emptySpikeInput() with the spike, the duration, the slots. */
    SpikeInput spikeInputBase(const OptionContext &context, const Spike &spike) const;
};

/** The scaling defaults of a platform (platformModel(platform).scalingDefaults()). */
std::vector<ScalingAssumption> scalingAssumptionDefaults(Platform platform);

/** The model registered for a platform; every Platform value has one. */
const PlatformModel &platformModel(Platform platform);

} // namespace Costscape::Models
