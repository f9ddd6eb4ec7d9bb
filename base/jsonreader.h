// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/jsondocument.h"

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace Costscape {

/** The range a number must fall in; the message states it with its unit. */
struct NumberRule {
    double min = 0;                 ///< inclusive lower bound unless minExclusive
    double max = std::numeric_limits<double>::max();
    bool minExclusive = false;      ///< "must be greater than min" (e.g. durations, prices > 0)
    bool integer = false;           ///< whole numbers only (counts)
    const char *unit = "";          ///< shown in messages: "MB", "ms", "$/h"

    static NumberRule positive(const char *unit = "") { return {0, std::numeric_limits<double>::max(), true, false, unit}; }
    static NumberRule nonNegative(const char *unit = "") { return {0, std::numeric_limits<double>::max(), false, false, unit}; }
    static NumberRule range(double lo, double hi, const char *unit = "") { return {lo, hi, false, false, unit}; }
    static NumberRule count(double lo = 0, double hi = 1e9) { return {lo, hi, false, true, ""}; }

    /**
     * What is wrong with v under this rule ("must be between 128 and 10240 MB, got 20"), or ""
     * when v is fine. The reader and the editors share it, so a field says the same in both.
     */
    std::string problem(double v) const;
};

/**
 * Typed, validating access to a JsonDocument. Every read names the field by its path
 * ("options[2].memoryMb") and its line and column. The first error is kept and every later read
 * returns nothing, so a loader can read a whole section and check failed() once.
 */
class JsonReader final
{
public:
    using Json = JsonDocument::Json;
    using Pointer = JsonDocument::Pointer;

    explicit JsonReader(const JsonDocument &doc) : m_doc(doc) {}

    bool failed() const { return m_error.code != ErrorCode::None; }
    const Error &error() const { return m_error; }
    std::vector<Error> &warnings() { return m_warnings; }
    const JsonDocument &document() const { return m_doc; }

    /** The value at pointer, or nullptr when absent. */
    const Json *at(const Pointer &pointer) const;
    bool has(const Pointer &parent, const std::string &key) const;

    /** The object at pointer; an error if it is absent (when required) or not an object. */
    const Json *object(const Pointer &pointer, bool required = true);
    const Json *array(const Pointer &pointer, bool required = true);

    std::optional<double> number(const Pointer &parent, const std::string &key, const NumberRule &rule,
                                 bool required = true);
    std::optional<double> numberAt(const Pointer &pointer, const NumberRule &rule);
    std::optional<std::string> string(const Pointer &parent, const std::string &key, bool required = true,
                                      std::initializer_list<const char *> allowed = {});
    /** A string that must be one of allowed (a list built at run time, such as the registry's names). */
    std::optional<std::string> oneOf(const Pointer &parent, const std::string &key, const std::vector<std::string> &allowed,
                                     bool required = true);
    std::optional<bool> boolean(const Pointer &parent, const std::string &key, bool required = false);

    /** Records an error at pointer unless one is recorded already; returns false for chaining. */
    bool fail(const Pointer &pointer, ErrorCode code, const std::string &message);
    void warn(const Pointer &pointer, const std::string &message);

    /** "options[2].memoryMb" for "/options/2/memoryMb". */
    static std::string fieldName(const Pointer &pointer);
    static std::string typeName(const Json &value);

private:
    const JsonDocument &m_doc;
    Error m_error;
    std::vector<Error> m_warnings;
};

} // namespace Costscape
