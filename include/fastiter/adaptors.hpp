// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Pipe adaptors in the Boost.Range style: range | fastiter::par_map(f) | fastiter::par_filter(p).
// Each stands for the parallel_iterator member of the same name without `par_`.
#pragma once

#include <fastiter/detail/pipe.hpp>

namespace fastiter {

namespace detail {
FASTITER_STEP(map, map);
FASTITER_STEP(filter, filter);
FASTITER_STEP(filter_map, filter_map);
FASTITER_STEP(flat_map, flat_map);
FASTITER_STEP(inspect, inspect);
FASTITER_STEP(fold, fold);
FASTITER_STEP(zip, zip);
FASTITER_STEP(chain, chain);
FASTITER_STEP(take, take);
FASTITER_STEP(skip, skip);
FASTITER_STEP(step_by, step_by);
FASTITER_STEP(chunks, chunks);
FASTITER_STEP(with_min_len, with_min_len);
FASTITER_STEP(with_max_len, with_max_len);
FASTITER_STEP(progress, progress);
FASTITER_BARE_STEP(enumerate, enumerate());
FASTITER_BARE_STEP(rev, rev());
FASTITER_BARE_STEP(deterministic, deterministic());
}  // namespace detail

inline constexpr detail::map_adaptor par_map{};                    // f(x) for each x
inline constexpr detail::filter_adaptor par_filter{};              // the x with p(x)
inline constexpr detail::filter_map_adaptor par_filter_map{};      // *f(x) for engaged f(x)
inline constexpr detail::flat_map_adaptor par_flat_map{};          // the elements of each f(x)
inline constexpr detail::inspect_adaptor par_inspect{};            // calls f(x), passes x on
inline constexpr detail::fold_adaptor par_fold{};                  // one accumulator per piece
inline constexpr detail::zip_adaptor par_zip{};                    // pairs with another range
inline constexpr detail::chain_adaptor par_chain{};                // then another range's elements
inline constexpr detail::take_adaptor par_take{};                  // the first n
inline constexpr detail::skip_adaptor par_skip{};                  // all but the first n
inline constexpr detail::step_by_adaptor par_step_by{};            // every k-th
inline constexpr detail::chunks_adaptor par_chunks{};              // vectors of k consecutive
inline constexpr detail::with_min_len_adaptor par_with_min_len{};  // pieces of at least n
inline constexpr detail::with_max_len_adaptor par_with_max_len{};  // pieces of at most n
inline constexpr detail::progress_adaptor par_progress{};          // (callback(done, total))
inline constexpr auto par_enumerate = detail::make_step(detail::enumerate_run{});      // (i, x)
inline constexpr auto par_rev = detail::make_step(detail::rev_run{});                  // reversed
inline constexpr auto par_deterministic = detail::make_step(detail::deterministic_run{});  // fixed tree

}  // namespace fastiter
