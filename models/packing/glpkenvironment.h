// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Costscape::Models {

/**
 * Frees this thread's GLPK environment when the thread ends. GLPK keeps one environment per
 * thread (thread-local, made on the first glp_* call) and frees it only on glp_free_env(); a
 * worker thread that solved an LP and ended leaked it. Call before the first glp_* call of a
 * solve, in any thread; calling again is free. The environment of the main thread is freed at
 * program exit. Every problem object must be deleted before its thread ends (the solvers hold
 * them in unique_ptrs scoped to one solve), as glp_free_env frees them too.
 */
void freeGlpkEnvironmentAtThreadExit();

} // namespace Costscape::Models
