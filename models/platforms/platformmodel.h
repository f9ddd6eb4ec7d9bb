// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"
#include "base/jsonreader.h"

namespace Costscape::Models {

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

/**
 * Prices one platform. Implementations are stateless and thread-safe. A missing price or an
 * unknown name is an error (the scenario cannot be priced as written); a workload the platform
 * cannot serve is a result with feasible = false and the reason.
 */
class PlatformModel
{
public:
    virtual ~PlatformModel() = default;
    virtual Platform platform() const = 0;
    virtual Result<OptionResult> evaluate(const OptionContext &context) const = 0;
};

/** The model registered for a platform; every Platform value has one. */
const PlatformModel &platformModel(Platform platform);

} // namespace Costscape::Models
