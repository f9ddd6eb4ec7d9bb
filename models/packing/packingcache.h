// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/packing/ecspacking.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace Costscape::Models {

/**
 * The optimised packing of each distinct combination of task counts of an hour-by-hour fleet, as
 * ECS on EC2 and EKS on EC2 price it: packOptimised() on every combination, `first` (the busiest)
 * first, the configuration-LP patterns of the first call that yields any seeding every later one
 * (packOptimised's series form). `sizes` gives each group's task size (its count is ignored) and
 * `combinations` the task count of each group, one vector per combination; the result has one
 * Packing per combination, in their order.
 *
 * Remembered across calls, process-wide: a combination's packing depends only on the offers, the
 * task sizes, the combination itself and which combination's patterns seed it, so that is what it
 * is remembered under. Monte Carlo draws, the traffic sweep's points and the window's edits that
 * leave the fleet's inputs alone (most edits touch one option) reuse the packings of equal counts
 * instead of solving the LP again. The results are the same bits as packing afresh, whatever was
 * remembered and in whatever order calls come: what is reused is exactly what the same call
 * would compute. Thread-safe (the Monte Carlo's draws run on several threads); two threads
 * packing the same combination at once both compute it, with equal results. The memory is bounded:
 * past PackingCacheLimit packings (the single-type packings the packer remembers per series,
 * UndominatedOffers::memo, counted too) it is emptied and refilled.
 *
 * `first` must index `combinations` unless it is empty. Never fails: an infeasible combination is
 * a Packing with feasible = false and the reason, as packOptimised() returns it.
 */
enum class Seeding {
    FromFirst, ///< as above: exactly what Evaluator::evaluate() has always priced
    /// Every combination packed on its own, unseeded: its packing then depends on its counts
    /// alone, so it is shared by every evaluation over the same offers and sizes whatever their
    /// busiest hour (the Monte Carlo's draws, the sweep's points). A valid optimised packing, but
    /// with several groups not always the one FromFirst finds (the LP's rounding may differ).
    Each,
};
std::vector<Packing> packCombinations(const std::vector<TaskDemand> &sizes, const std::vector<std::vector<long long>> &combinations,
                                      std::size_t first, const std::vector<InstanceOffer> &offers,
                                      Seeding seeding = Seeding::FromFirst);

/**
 * packCombinations() without copies: each packing is the one the memory holds, shared (most
 * packings of an evaluation are reused, and copying one is an allocation per run). The same
 * packings, in the same order, with the same failure behaviour.
 */
std::vector<std::shared_ptr<const Packing>> packCombinationsShared(const std::vector<TaskDemand> &sizes,
                                                                   const std::vector<std::vector<long long>> &combinations,
                                                                   std::size_t first, const std::vector<InstanceOffer> &offers,
                                                                   Seeding seeding = Seeding::FromFirst);

/**
 * How many packings the process keeps at most before it forgets them all (each a few hundred bytes,
 * a few KiB with its LP patterns; the year benchmark's 1,000 draws keep the process under 17 MB),
 * the combinations' packings and the single-type packings of sets of tasks (each series' memo,
 * itself at most 20,000) counted together.
 */
inline constexpr std::size_t PackingCacheLimit = 50000;

/** What packCombinations() has remembered and reused since the process started (for benchmarks and tests). */
struct PackingCacheStats {
    std::size_t packed = 0; ///< combinations packed by packOptimised()
    std::size_t reused = 0; ///< combinations answered from memory
    std::size_t held = 0;   ///< packings held now
};
PackingCacheStats packingCacheStats();

/** Forgets every packing remembered (benchmarks measure the first evaluation with it). */
void clearPackingCache();

} // namespace Costscape::Models
