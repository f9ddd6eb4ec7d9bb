// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace Costscape::Models {

/**
 * Where a platform's typed details describe themselves, field by field, so that a writer (the
 * output library's JSON) can show any platform's details without knowing the platform, and
 * nothing has to parse them back. Inside an array, keys are ignored (pass "").
 */
class DetailsWriter
{
public:
    virtual ~DetailsWriter() = default;
    virtual void number(std::string_view key, double value) = 0;
    virtual void integer(std::string_view key, long long value) = 0;
    virtual void text(std::string_view key, std::string_view value) = 0;
    virtual void flag(std::string_view key, bool value) = 0;
    virtual void numbers(std::string_view key, const std::vector<double> &values) = 0;
    virtual void integers(std::string_view key, const std::vector<long long> &values) = 0;
    virtual void texts(std::string_view key, const std::vector<std::string> &values) = 0;
    virtual void beginObject(std::string_view key) = 0;
    virtual void endObject() = 0;
    virtual void beginArray(std::string_view key) = 0;
    virtual void endArray() = 0;
};

} // namespace Costscape::Models
