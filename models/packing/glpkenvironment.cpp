// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/packing/glpkenvironment.h"

#include <glpk.h>

namespace Costscape::Models {

namespace {
struct EnvironmentGuard {
    EnvironmentGuard() = default;
    EnvironmentGuard(const EnvironmentGuard &) = delete;
    EnvironmentGuard &operator=(const EnvironmentGuard &) = delete;
    // Runs when the thread ends (a thread_local's destructor): after the thread's last solve.
    ~EnvironmentGuard() { glp_free_env(); }
    bool armed = true;
};
} // namespace

void freeGlpkEnvironmentAtThreadExit()
{
    thread_local EnvironmentGuard guard;
    (void)guard.armed; // odr-use: constructs the guard in this thread on the first call
}

} // namespace Costscape::Models
