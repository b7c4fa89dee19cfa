// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::par_range and fastiter::into_par_iter: where parallel iterators come from.
#pragma once

#include <fastiter/detail/sources.hpp>
#include <fastiter/parallel_iterator.hpp>

#include <concepts>
#include <cstdint>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace fastiter {

namespace detail {

// Number of elements of range(start, stop, step), computed in unsigned arithmetic so that
// ranges touching the integer limits neither overflow nor lose an element.
template <class T>
std::size_t progression_length(T start, T stop, std::intmax_t step) noexcept
{
    auto as_unsigned = [](T v) {
        if constexpr (std::is_signed_v<T>)
            return std::uintmax_t(std::intmax_t(v));
        else
            return std::uintmax_t(v);
    };
    const bool ascending = step > 0;
    if (ascending ? !(start < stop) : !(stop < start))
        return 0;
    const std::uintmax_t distance =
        ascending ? as_unsigned(stop) - as_unsigned(start) : as_unsigned(start) - as_unsigned(stop);
    const std::uintmax_t magnitude = ascending ? std::uintmax_t(step) : std::uintmax_t(0) - std::uintmax_t(step);
    return std::size_t((distance - 1) / magnitude + 1);
}

}  // namespace detail

namespace detail {

// The source of par_range, checked; fastiter::mpi splits it across ranks.
template <std::integral Start, std::integral Stop, std::integral Step>
auto progression(Start start, Stop stop, Step step)
{
    using T = std::common_type_t<Start, Stop>;
    if (step == 0)
        throw std::invalid_argument("fastiter::par_range: step must not be zero (Python's range "
                                    "rule); use a positive step to count up, a negative one to count down");
    const auto signed_step = static_cast<std::intmax_t>(step);
    return progression_source<T>{T(start), std::uintmax_t(signed_step),
                                 progression_length<T>(T(start), T(stop), signed_step)};
}

}  // namespace detail

// Python's range(start, stop, step) in parallel: start, start + step, ... while before stop.
// Elements have the common type of start and stop; step is read as a signed value, so
// par_range(10u, 0u, -3) counts 10, 7, 4, 1. Throws std::invalid_argument when step is 0.
template <std::integral Start, std::integral Stop, std::integral Step = int>
auto par_range(Start start, Stop stop, Step step = 1)
{
    return parallel_iterator(detail::progression(start, stop, step));
}

template <class R>
concept par_source =
    is_parallel_iterator<std::remove_cvref_t<R>> || detail::iterable<std::remove_reference_t<R>>;

// Any range as a parallel iterator: std containers, plain arrays, std::ranges views and
// Boost.Range ranges. An lvalue is referenced (it must outlive the iterator), an rvalue moved
// in. Random-access ranges split in place; forward-only ones are buffered first (one pass).
template <par_source R>
auto into_par_iter(R&& range)
{
    using plain = std::remove_cvref_t<R>;
    if constexpr (is_parallel_iterator<plain>)
        return plain(std::forward<R>(range));
    else if constexpr (std::is_lvalue_reference_v<R>)
        return parallel_iterator(detail::range_source<detail::referenced_range<std::remove_reference_t<R>>>{{&range}});
    else
        return parallel_iterator(detail::range_source<detail::owned_range<plain>>{{std::move(range)}});
}

template <class R>
    requires(!par_source<R>)
void into_par_iter(R&&)
{
    static_assert(par_source<R>,
                  "fastiter::into_par_iter: the argument is not a range. Pass a container, a plain "
                  "array, a std::ranges view, a Boost.Range range or a fastiter parallel iterator; "
                  "for a pair of iterators use boost::make_iterator_range(first, last)");
}

template <class Source, class Stages>
template <class Other>
auto parallel_iterator<Source, Stages>::zip(Other&& other) &&
{
    auto right = into_par_iter(std::forward<Other>(other));
    using right_type = decltype(right);
    static_assert(indexed && right_type::indexed,
                  "fastiter: zip needs positions on both sides, which filter, filter_map, flat_map "
                  "and fold drop: zip before those stages, or collect() first");
    if constexpr (indexed && right_type::indexed)
        return derived(detail::zip_source<closed, typename right_type::closed>{std::move(*this).close(),
                                                                               std::move(right).close()});
}

template <class Source, class Stages>
template <class Other>
auto parallel_iterator<Source, Stages>::chain(Other&& other) &&
{
    auto right = into_par_iter(std::forward<Other>(other));
    return derived(detail::chain_source<closed, typename decltype(right)::closed>{std::move(*this).close(),
                                                                                  std::move(right).close()});
}

}  // namespace fastiter
