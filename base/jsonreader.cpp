// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/jsonreader.h"

#include <cmath>
#include <sstream>

namespace Costscape {

namespace {
std::string formatBound(double v)
{
    std::ostringstream s;
    s.precision(12);
    s << v;
    return s.str();
}

std::string withUnit(double v, const char *unit)
{
    std::string s = formatBound(v);
    if (unit && *unit)
        s += std::string(" ") + unit;
    return s;
}
} // namespace

std::string NumberRule::problem(double d) const
{
    if (!std::isfinite(d))
        return "must be a finite number";
    const bool belowMin = minExclusive ? !(d > min) : d < min;
    if (belowMin || d > max) {
        std::string expect;
        const bool unbounded = max == std::numeric_limits<double>::max();
        if (minExclusive)
            expect = "must be greater than " + (unbounded ? withUnit(min, unit)
                                                          : formatBound(min) + " and at most " + withUnit(max, unit));
        else if (unbounded)
            expect = "must be at least " + withUnit(min, unit);
        else
            expect = "must be between " + formatBound(min) + " and " + withUnit(max, unit);
        return expect + ", got " + formatBound(d);
    }
    if (integer && std::floor(d) != d)
        return "must be a whole number, got " + formatBound(d);
    return {};
}

std::string JsonReader::fieldName(const Pointer &pointer)
{
    // json_pointer has no public token access in 3.11, so walk its string form.
    const std::string s = pointer.to_string();
    if (s.empty())
        return "(top level)";
    std::string out;
    std::size_t i = 1;
    while (i <= s.size()) {
        std::size_t j = s.find('/', i);
        if (j == std::string::npos)
            j = s.size();
        std::string token = s.substr(i, j - i);
        for (std::size_t k; (k = token.find("~1")) != std::string::npos;)
            token.replace(k, 2, 1, '/');
        for (std::size_t k; (k = token.find("~0")) != std::string::npos;)
            token.replace(k, 2, 1, '~');
        const bool index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
        if (index)
            out += '[' + token + ']';
        else
            out += (out.empty() ? "" : ".") + token;
        i = j + 1;
    }
    return out;
}

std::string JsonReader::typeName(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "a number";
    default: return "an unsupported value";
    }
}

bool JsonReader::fail(const Pointer &pointer, ErrorCode code, const std::string &message)
{
    if (!failed())
        m_error = m_doc.errorAt(pointer, code, message);
    return false;
}

void JsonReader::warn(const Pointer &pointer, const std::string &message)
{
    m_warnings.push_back(m_doc.errorAt(pointer, ErrorCode::Warning, message));
}

const JsonReader::Json *JsonReader::at(const Pointer &pointer) const
{
    const Json &root = m_doc.root();
    if (!root.contains(pointer))
        return nullptr;
    return &root.at(pointer);
}

bool JsonReader::has(const Pointer &parent, const std::string &key) const
{
    const Json *p = at(parent);
    return p && p->is_object() && p->contains(key);
}

const JsonReader::Json *JsonReader::object(const Pointer &pointer, bool required)
{
    if (failed())
        return nullptr;
    const Json *v = at(pointer);
    if (!v) {
        if (required)
            fail(pointer.parent_pointer(), ErrorCode::MissingField,
                 fieldName(pointer) + ": missing (an object is required here)");
        return nullptr;
    }
    if (!v->is_object()) {
        fail(pointer, ErrorCode::WrongType, fieldName(pointer) + ": expected an object, got " + typeName(*v));
        return nullptr;
    }
    return v;
}

const JsonReader::Json *JsonReader::array(const Pointer &pointer, bool required)
{
    if (failed())
        return nullptr;
    const Json *v = at(pointer);
    if (!v) {
        if (required)
            fail(pointer.parent_pointer(), ErrorCode::MissingField,
                 fieldName(pointer) + ": missing (an array is required here)");
        return nullptr;
    }
    if (!v->is_array()) {
        fail(pointer, ErrorCode::WrongType, fieldName(pointer) + ": expected an array, got " + typeName(*v));
        return nullptr;
    }
    return v;
}

std::optional<double> JsonReader::numberAt(const Pointer &ptr, const NumberRule &rule)
{
    if (failed())
        return std::nullopt;
    const Json *v = at(ptr);
    // The field's name is only worked out for a message: most numbers are fine.
    if (!v) {
        fail(ptr.parent_pointer(), ErrorCode::MissingField, fieldName(ptr) + ": missing (a number is required here)");
        return std::nullopt;
    }
    if (!v->is_number()) {
        fail(ptr, ErrorCode::WrongType, fieldName(ptr) + ": expected a number, got " + typeName(*v));
        return std::nullopt;
    }
    const double d = v->get<double>();
    if (const std::string why = rule.problem(d); !why.empty()) {
        fail(ptr, ErrorCode::OutOfRange, fieldName(ptr) + ": " + why);
        return std::nullopt;
    }
    return d;
}

std::optional<double> JsonReader::number(const Pointer &parent, const std::string &key, const NumberRule &rule,
                                         bool required)
{
    if (failed())
        return std::nullopt;
    if (!has(parent, key)) {
        if (required)
            fail(parent, ErrorCode::MissingField,
                 fieldName(parent / key) + ": missing required field \"" + key + "\"");
        return std::nullopt;
    }
    return numberAt(parent / key, rule);
}

std::optional<std::string> JsonReader::string(const Pointer &parent, const std::string &key, bool required,
                                              std::initializer_list<const char *> allowed)
{
    if (failed())
        return std::nullopt;
    const Pointer ptr = parent / key;
    if (!has(parent, key)) {
        if (required)
            fail(parent, ErrorCode::MissingField, fieldName(ptr) + ": missing required field \"" + key + "\"");
        return std::nullopt;
    }
    const Json &v = *at(ptr);
    if (!v.is_string()) {
        fail(ptr, ErrorCode::WrongType, fieldName(ptr) + ": expected a string, got " + typeName(v));
        return std::nullopt;
    }
    std::string s = v.get<std::string>();
    if (allowed.size() > 0)
        return oneOf(parent, key, std::vector<std::string>(allowed.begin(), allowed.end()), required);
    return s;
}

std::optional<std::string> JsonReader::oneOf(const Pointer &parent, const std::string &key,
                                             const std::vector<std::string> &allowed, bool required)
{
    const auto s = string(parent, key, required);
    if (!s)
        return std::nullopt;
    std::string list;
    for (const std::string &a : allowed) {
        if (*s == a)
            return s;
        list += (list.empty() ? "" : ", ") + std::string("\"") + a + '"';
    }
    const Pointer ptr = parent / key;
    fail(ptr, ErrorCode::UnknownValue, fieldName(ptr) + ": unknown value \"" + *s + "\"; expected one of " + list);
    return std::nullopt;
}

std::optional<bool> JsonReader::boolean(const Pointer &parent, const std::string &key, bool required)
{
    if (failed())
        return std::nullopt;
    const Pointer ptr = parent / key;
    if (!has(parent, key)) {
        if (required)
            fail(parent, ErrorCode::MissingField, fieldName(ptr) + ": missing required field \"" + key + "\"");
        return std::nullopt;
    }
    const Json &v = *at(ptr);
    if (!v.is_boolean()) {
        fail(ptr, ErrorCode::WrongType, fieldName(ptr) + ": expected true or false, got " + typeName(v));
        return std::nullopt;
    }
    return v.get<bool>();
}

} // namespace Costscape
