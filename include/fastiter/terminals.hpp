// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Pipe terminals: range | fastiter::par_sum, | par_reduce(id, op), | par_collect, ...
// Each stands for the parallel_iterator member of the same name without `par_`.
#pragma once

#include <fastiter/detail/pipe.hpp>

namespace fastiter {

namespace detail {
FASTITER_BARE_STEP(sum, sum());
FASTITER_BARE_STEP(product, product());
FASTITER_BARE_STEP(count, count());
FASTITER_BARE_STEP(min, min());
FASTITER_BARE_STEP(max, max());
FASTITER_BARE_STEP(collect, collect());
FASTITER_BARE_STEP(unzip, unzip());
FASTITER_BARE_STEP(truthy_any, any());
FASTITER_BARE_STEP(truthy_all, all());
FASTITER_STEP(any, any);
FASTITER_STEP(all, all);
FASTITER_STEP(reduce, reduce);
FASTITER_STEP(min_by, min_by);
FASTITER_STEP(max_by, max_by);
FASTITER_STEP(min_by_key, min_by_key);
FASTITER_STEP(max_by_key, max_by_key);
FASTITER_STEP(find_any, find_any);
FASTITER_STEP(find_first, find_first);
FASTITER_STEP(find_last, find_last);
FASTITER_STEP(position_any, position_any);
FASTITER_STEP(position_first, position_first);
FASTITER_STEP(partition, partition);
FASTITER_STEP(for_each, for_each);

// par_any and par_all work bare (truthiness) and with a predicate.
template <class Bare, class WithPredicate>
struct optional_predicate_step : pipe_step<Bare>, WithPredicate {
    using WithPredicate::operator();
};

template <class Container>
struct collect_into_run {
    template <class It>
    Container operator()(It&& it) const
    {
        return std::forward<It>(it).template collect_into<Container>();
    }
};
}  // namespace detail

inline constexpr auto par_sum = detail::make_step(detail::sum_run{});          // T{} when empty
inline constexpr auto par_product = detail::make_step(detail::product_run{});  // T{1} when empty
inline constexpr auto par_count = detail::make_step(detail::count_run{});
inline constexpr auto par_min = detail::make_step(detail::min_run{});  // optional; first of equals
inline constexpr auto par_max = detail::make_step(detail::max_run{});  // optional; last of equals
inline constexpr auto par_collect = detail::make_step(detail::collect_run{});  // vector, in order
inline constexpr auto par_unzip = detail::make_step(detail::unzip_run{});      // pairs -> 2 vectors
inline constexpr detail::optional_predicate_step<detail::truthy_any_run, detail::any_adaptor> par_any{};
inline constexpr detail::optional_predicate_step<detail::truthy_all_run, detail::all_adaptor> par_all{};
inline constexpr detail::reduce_adaptor par_reduce{};                  // (identity, associative op)
inline constexpr detail::min_by_adaptor par_min_by{};                  // (less)
inline constexpr detail::max_by_adaptor par_max_by{};                  // (less)
inline constexpr detail::min_by_key_adaptor par_min_by_key{};          // (key)
inline constexpr detail::max_by_key_adaptor par_max_by_key{};          // (key)
inline constexpr detail::find_any_adaptor par_find_any{};              // (p): any match
inline constexpr detail::find_first_adaptor par_find_first{};          // (p): first match
inline constexpr detail::find_last_adaptor par_find_last{};            // (p): last match
inline constexpr detail::position_any_adaptor par_position_any{};      // (p): index of any match
inline constexpr detail::position_first_adaptor par_position_first{};  // (p): index of the first
inline constexpr detail::partition_adaptor par_partition{};            // (p): two vectors
inline constexpr detail::for_each_adaptor par_for_each{};              // (f)
template <class Container>
inline constexpr auto par_collect_into = detail::make_step(detail::collect_into_run<Container>{});

}  // namespace fastiter
