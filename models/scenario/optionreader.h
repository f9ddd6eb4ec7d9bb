// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/jsonreader.h"
#include "models/scenario/fleetspec.h"

#include <set>
#include <string>

namespace Costscape::Models {

/**
 * What a platform model reads an option's keys with: the JSON reader positioned at the option,
 * the keys known so far (every other key is warned about as unused), and the readers of the
 * pieces several platforms share (a fleet, a purchase choice).
 */
class OptionReader final
{
public:
    using Pointer = JsonReader::Pointer;

    OptionReader(JsonReader &reader, Pointer option)
        : m_r(reader)
        , m_option(std::move(option))
    {
    }

    JsonReader &json() { return m_r; }
    /** The option's object in the file. */
    const Pointer &pointer() const { return m_option; }
    bool failed() const { return m_r.failed(); }

    /** Marks keys of the option as known (read, or deliberately ignored). */
    void know(std::initializer_list<const char *> keys) { m_known.insert(keys.begin(), keys.end()); }
    std::set<std::string> &known() { return m_known; }

    /** Warns about each key of the object at p that is not in known. */
    void warnUnknown(const Pointer &p, const std::set<std::string> &known);

    /**
     * Reads a fleet at p (the option, or one of its groups): countKey ("tasks", "instances") for a
     * fixed fleet, or capacity, targetUtilization, minCount and scaling for a derived one. The keys
     * are added to known.
     */
    FleetSpec readFleet(const Pointer &p, const char *countKey, std::set<std::string> &known);
    /** The option's "purchase": "on-demand" (default) or "spot". */
    Purchase readPurchase();

private:
    JsonReader &m_r;
    Pointer m_option;
    std::set<std::string> m_known;
};

/** Writing an option's keys back: a value, or the key's removal when it has none. */
namespace OptionWriter {
void setOrErase(JsonDocument::Json &object, const char *key, const std::optional<double> &value);
/** The fleet's keys, as OptionReader::readFleet reads them. */
void writeFleet(JsonDocument::Json &object, const char *countKey, const FleetSpec &fleet);
} // namespace OptionWriter

} // namespace Costscape::Models
