// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/scenario.h"

namespace Costscape::Models {

Error Scenario::errorAt(const std::string &pointer, ErrorCode code, std::string message) const
{
    const SourcePosition pos = JsonDocument::nearestPosition(positions, pointer);
    return Error{code, std::move(message), fileName, pos.line, pos.column};
}

} // namespace Costscape::Models
