// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/error.h"

#include <cassert>
#include <optional>
#include <utility>
#include <vector>

namespace Costscape {

/**
 * A value or the error that prevented it, plus warnings about recoverable problems.
 * Loaders return this instead of throwing or showing dialogs; only ui/ turns errors into message
 * boxes. value() must only be called when ok().
 */
template<typename T>
class Result final
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { assert(ok()); return *m_value; }
    T &value() & { assert(ok()); return *m_value; }
    T &&value() && { assert(ok()); return std::move(*m_value); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }

    const Error &error() const { return m_error; }

    const std::vector<Error> &warnings() const { return m_warnings; }
    void addWarning(Error warning) { m_warnings.push_back(std::move(warning)); }
    void setWarnings(std::vector<Error> warnings) { m_warnings = std::move(warnings); }

private:
    std::optional<T> m_value;
    Error m_error;
    std::vector<Error> m_warnings;
};

/**
 * Success, or the error that prevented it, plus warnings: for an operation with nothing to return
 * (a save, an import into a document). A default-constructed Result<void> is a success.
 */
template<>
class Result<void> final
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

    const std::vector<Error> &warnings() const { return m_warnings; }
    void addWarning(Error warning) { m_warnings.push_back(std::move(warning)); }
    void setWarnings(std::vector<Error> warnings) { m_warnings = std::move(warnings); }

private:
    Error m_error;
    bool m_failed = false;
    std::vector<Error> m_warnings;
};

} // namespace Costscape
