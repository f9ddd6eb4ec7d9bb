// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/commitments/commitment.h"
#include "models/platforms/platforms.h"
#include "models/scenario/workload.h"
#include "base/jsondocument.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace Costscape::Models {

/** One deployment option: what every option has, and the keys of its platform. */
struct OptionSpec {
    std::string id;
    /** Costscape extension (`"enabled": false`): kept in the file, left out of the evaluation. */
    bool enabled = true;
    std::optional<double> hoursPerMonth;
    std::optional<double> durationMs;
    std::optional<double> memoryMb;
    std::optional<RequestModel> requests;
    /** Costscape extension (`"spikeResponse"`): scaling assumptions by key, see models/scaling/scaling.h. */
    std::map<std::string, double> scalingOverrides;
    /** Costscape extension (issue 15): the front door, network, logs and volumes; see models/bill/. */
    OptionBill bill;
    /** Savings Plans and Reserved Instances (`"commitment"`, issue 16); empty = all on demand. */
    std::vector<CommitmentSpec> commitments;
    /** The platform's own keys; which alternative it holds is the option's platform. */
    PlatformSpec spec;

    Platform platform() const { return static_cast<Platform>(spec.index()); }
    /** The platform's keys; the option must be of that platform (std::bad_variant_access otherwise). */
    template<class Spec>
    const Spec &as() const
    {
        return std::get<Spec>(spec);
    }
    template<class Spec>
    Spec &as()
    {
        return std::get<Spec>(spec);
    }
    /** The platform's keys, or nullptr when the option is of another platform. */
    template<class Spec>
    const Spec *asIf() const
    {
        return std::get_if<Spec>(&spec);
    }
    template<class Spec>
    Spec *asIf()
    {
        return std::get_if<Spec>(&spec);
    }

    bool operator==(const OptionSpec &) const = default;
};

/**
 * A validated scenario (FORMATS.md section 1) with the places its values came from, so that a
 * check that needs the price sheet can still point at a line and column.
 */
struct Scenario {
    std::string name;
    std::string region = "us-east-1";
    double hoursPerMonth = 730;
    std::string prices = "embedded"; ///< "embedded" or a path relative to the scenario file
    Workload workload;
    std::vector<OptionSpec> options;

    std::string fileName;                 ///< where it was loaded from; "" when built in code
    JsonDocument::Json original;          ///< the file as read, to keep unknown keys on save
    JsonDocument::PositionMap positions; ///< by JSON pointer

    /** An error located at a JSON pointer of the scenario file ("/options/2/instanceType"). */
    Error errorAt(const std::string &pointer, ErrorCode code, std::string message) const;
};

} // namespace Costscape::Models
