// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace Costscape {

/** What went wrong, so callers can react without parsing the message. */
enum class ErrorCode {
    None,
    FileNotFound,    ///< the file does not exist or cannot be opened
    SyntaxError,     ///< not well-formed JSON
    WrongFormat,     ///< well-formed, but not the format expected ("format"/"version")
    MissingField,    ///< a required key is absent
    WrongType,       ///< a value of the wrong JSON type
    OutOfRange,      ///< a number that is negative, zero, NaN or absurd for its field
    UnknownValue,    ///< an enumeration value, region, instance type or id that is not known
    MissingPrice,    ///< the price sheet has no price for what the scenario asks
    Cancelled,       ///< the user stopped a long operation; nothing was changed
    WriteFailed,     ///< a file could not be written; what was there before is untouched
    Warning,         ///< a recoverable remark; never stops a load
};

/**
 * A diagnostic tied to a place in a file. line and column are 1-based; 0 means "not known"
 * (for example an error about a whole file).
 */
struct Error {
    ErrorCode code = ErrorCode::None;
    std::string message;
    std::string file;
    int line = 0;
    int column = 0;

    /** `file:line:column: message`, leaving out the parts that are not known. */
    std::string toString() const
    {
        std::string s;
        if (!file.empty())
            s += file + ':';
        if (line > 0) {
            s += std::to_string(line) + ':';
            if (column > 0)
                s += std::to_string(column) + ':';
        }
        if (!s.empty())
            s += ' ';
        return s + message;
    }
};

} // namespace Costscape
