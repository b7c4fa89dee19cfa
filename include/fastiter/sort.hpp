// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::par_sort and par_stable_sort: parallel merge sort of a random-access range, in place.
#pragma once

#include <fastiter/detail/fork_join.hpp>
#include <fastiter/detail/operation.hpp>

#include <algorithm>
#include <atomic>
#include <bit>
#include <concepts>
#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <ranges>
#include <type_traits>
#include <utility>
#include <vector>

namespace fastiter {

// What par_sort and par_stable_sort accept: a sized random-access range whose elements can be
// reordered with `less` (a strict weak order). Elements must be move-constructible: the sort
// moves them through one buffer of the range's size.
template <class R, class Less>
concept par_sortable_range = std::ranges::random_access_range<R> && std::ranges::sized_range<R> &&
                             std::sortable<std::ranges::iterator_t<R>, Less>;

namespace detail {

// Below this many elements the sort stays on the calling thread: a 16K-int std::sort takes about
// half a millisecond, waking a thread and merging would eat most of what a second thread saves.
inline constexpr std::size_t sort_sequential_below = std::size_t(1) << 14;
// Leaves shorter than this are not worth a fork and a merge level of their own.
inline constexpr std::size_t sort_min_leaf = std::size_t(1) << 12;
// Merges are cut into about this many pieces per thread, so a thread that finished its share
// early takes pieces of a slower one (the machine may be shared); never pieces below 8K.
inline constexpr std::size_t merge_pieces_per_thread = 4;
inline constexpr std::size_t merge_min_piece = std::size_t(1) << 13;

// Elements that need neither construction nor destruction go to an uninitialized buffer and
// stay in the range until the first merge: no serial pass over the input before forking. Other
// elements are moved into a std::vector first, so that every buffer slot is a live object and an
// exception leaves nothing to destroy by hand.
template <class T>
inline constexpr bool sort_buffer_is_raw = std::is_trivially_default_constructible_v<T> &&
                                           std::is_trivially_destructible_v<T>;

// Merging two runs of small trivially copyable values without a branch per element: which run
// the next element comes from is a coin flip on random data, and a mispredicted branch costs
// more than computing both addresses.
template <class Src, class Dst>
inline constexpr bool merge_branch_free =
    std::contiguous_iterator<Src> && std::contiguous_iterator<Dst> &&
    std::is_trivially_copyable_v<std::iter_value_t<Src>> && sizeof(std::iter_value_t<Src>) <= 16;

struct unstable_leaf_sort {
    template <class It, class Less>
    void operator()(It first, It last, Less& less) const { std::sort(first, last, less); }
};
struct stable_leaf_sort {
    template <class It, class Less>
    void operator()(It first, It last, Less& less) const { std::stable_sort(first, last, less); }
};

// Sorts by halves down to `levels` deep, sorts the leaves with LeafSort, then merges pairs of
// runs. Runs ping-pong between the range and the buffer: a node at depth k leaves its result in
// the range when k is even, in the buffer when it is odd, so nothing is copied back at the end.
// Positions are indices, valid in both arrays. Forks go straight to fork_join on the pool looked
// up once: fastiter::join looks it up per call (a mutex on the default pool) and has no cancel flag.
template <class Input, class Buffer, class Less, class LeafSort>
class merge_sorter {
public:
    merge_sorter(Input input, Buffer buffer, Less& less, pool_core& pool, std::size_t merge_piece)
        : input_(input), buffer_(buffer), less_(less), pool_(pool), merge_piece_(merge_piece)
    {
    }

    // Leaves sort in place where the data is, so `levels` must be even when the data starts in
    // the range and odd when it starts in the buffer (the root's result goes to the range).
    void sort(std::size_t from, std::size_t to, std::size_t levels, bool into_input)
    {
        if (cancelled_.load(std::memory_order_relaxed))
            return;
        if (levels == 0) {
            if (into_input)
                LeafSort{}(input_ + from, input_ + to, less_);
            else
                LeafSort{}(buffer_ + from, buffer_ + to, less_);
            return;
        }
        const std::size_t mid = from + (to - from) / 2;
        auto left = [&] { sort(from, mid, levels - 1, !into_input); };
        auto right = [&] { sort(mid, to, levels - 1, !into_input); };
        fork_join(pool_, left, right, &cancelled_);
        if (into_input)
            merge(buffer_, input_, from, mid, mid, to, from);
        else
            merge(input_, buffer_, from, mid, mid, to, from);
    }

private:
    // Merges src[a, a_end) and src[b, b_end) into dst from `out`; on ties the element of the
    // first run comes first, which is what keeps par_stable_sort stable.
    template <class Src, class Dst>
    void merge(Src src, Dst dst, std::size_t a, std::size_t a_end, std::size_t b, std::size_t b_end,
               std::size_t out)
    {
        if (cancelled_.load(std::memory_order_relaxed))
            return;
        if ((a_end - a) + (b_end - b) <= merge_piece_) {
            sequential_merge(src + a, src + a_end, src + b, src + b_end, dst + out);
            return;
        }
        // Cut the longer run in the middle and find the matching cut in the other: elements of
        // the second run equal to a first-run pivot go right of it (lower_bound), first-run
        // elements equal to a second-run pivot go left of it (upper_bound).
        std::size_t a_cut = 0;
        std::size_t b_cut = 0;
        if (a_end - a >= b_end - b) {
            a_cut = a + (a_end - a) / 2;
            b_cut = std::size_t(std::lower_bound(src + b, src + b_end, src[a_cut], less_) - src);
        } else {
            b_cut = b + (b_end - b) / 2;
            a_cut = std::size_t(std::upper_bound(src + a, src + a_end, src[b_cut], less_) - src);
        }
        const std::size_t out_cut = out + (a_cut - a) + (b_cut - b);
        auto left = [&] { merge(src, dst, a, a_cut, b, b_cut, out); };
        auto right = [&] { merge(src, dst, a_cut, a_end, b_cut, b_end, out_cut); };
        fork_join(pool_, left, right, &cancelled_);
    }

    template <class Src, class Dst>
    void sequential_merge(Src a, Src a_end, Src b, Src b_end, Dst out)
    {
        if constexpr (merge_branch_free<Src, Dst>) {
            auto* pa = std::to_address(a);
            auto* pb = std::to_address(b);
            auto* const pa_end = std::to_address(a_end);
            auto* const pb_end = std::to_address(b_end);
            auto* po = std::to_address(out);
            if (pa != pa_end && pb != pb_end) {
                for (;;) {
                    const bool take_b = less_(*pb, *pa);
                    *po++ = take_b ? *pb : *pa;
                    pb += take_b;
                    pa += !take_b;
                    if (pa == pa_end || pb == pb_end)
                        break;
                }
            }
            std::copy(pb, pb_end, std::copy(pa, pa_end, po));
        } else {
            for (; a != a_end && b != b_end; ++out) {
                if (less_(*b, *a)) {
                    *out = std::move(*b);
                    ++b;
                } else {
                    *out = std::move(*a);
                    ++a;
                }
            }
            std::move(b, b_end, std::move(a, a_end, out));
        }
    }

    Input input_;
    Buffer buffer_;
    Less& less_;
    pool_core& pool_;
    std::size_t merge_piece_;
    std::atomic<bool> cancelled_{false};  // a hint: a piece that threw stops the others early
};

// Depth of the leaves, of the parity merge_sorter::sort needs: four to eight leaves per thread,
// so that a thread that finished early finds a sibling's leaf still offered. Smaller leaves also
// sort faster per element (measured at 10M ints on 2 threads: 4 levels beat 2 by about 5% CPU).
inline std::size_t sort_levels(std::size_t n, std::size_t threads, bool data_in_input)
{
    const std::size_t wanted_parity = data_in_input ? 0 : 1;
    std::size_t levels = std::size_t(std::bit_width(threads - 1)) + 2;
    if (levels % 2 != wanted_parity)
        ++levels;
    while (levels > 2 && (n >> levels) < sort_min_leaf)
        levels -= 2;
    return levels;
}

// std::sort calls its comparator with plain call syntax; std::sortable also allows member
// pointers. Other comparators pass through unwrapped, so that a Debug build does not pay for
// two more calls per comparison.
template <class Compare>
decltype(auto) as_plain_callable(Compare& cmp)
{
    if constexpr (std::is_member_pointer_v<Compare>)
        return std::mem_fn(cmp);
    else
        return (cmp);
}

template <class LeafSort, class It, class Compare>
void par_merge_sort(It first, std::size_t n, Compare& cmp)
{
    auto&& less = as_plain_callable(cmp);
    if (n < sort_sequential_below) {
        LeafSort{}(first, first + n, less);
        return;
    }
    operation_depth_scope inside;
    const auto pool = current_pool();  // held: keeps a default pool alive until we are done
    const std::size_t threads = pool.core->num_threads();
    if (threads == 1) {
        LeafSort{}(first, first + n, less);
        return;
    }
    const std::size_t merge_piece = std::max(merge_min_piece, n / (threads * merge_pieces_per_thread));
    using value_type = std::iter_value_t<It>;
    using sorter_type = merge_sorter<It, value_type*, std::remove_reference_t<decltype(less)>, LeafSort>;
    auto sort_with = [&](value_type* buffer, bool data_in_input) {
        sorter_type sorter(first, buffer, less, *pool.core, merge_piece);
        sorter.sort(0, n, sort_levels(n, threads, data_in_input), true);
    };
    if constexpr (sort_buffer_is_raw<value_type>) {
        const auto buffer = std::make_unique_for_overwrite<value_type[]>(n);
        sort_with(buffer.get(), true);
    } else {
        std::vector<value_type> buffer(std::make_move_iterator(first), std::make_move_iterator(first + n));
        sort_with(buffer.data(), false);
    }
}

template <class R, class Less>
void explain_unsortable()
{
    static_assert(std::ranges::random_access_range<R>,
                  "fastiter::par_sort and par_stable_sort need random-access iterators: sort a "
                  "std::list with list::sort, or copy into a std::vector");
    static_assert(!std::ranges::random_access_range<R> || std::ranges::sized_range<R>,
                  "fastiter::par_sort and par_stable_sort need to know the range's size: pass a "
                  "range whose end is reachable in one step (std::ranges::subrange(first, last))");
    static_assert(!std::ranges::random_access_range<R> || !std::ranges::sized_range<R> ||
                      std::sortable<std::ranges::iterator_t<R>, Less>,
                  "fastiter::par_sort and par_stable_sort: the elements cannot be reordered with "
                  "this comparator. The range must not be const, its elements must be movable, and "
                  "the comparator must take two elements and return bool");
}

}  // namespace detail

// Sorts the range in place by `less` (operator< by default), in parallel; equal elements end in
// any order. `less` is called from several threads at once. If it or a move throws, the exception
// reaches the caller once every piece stopped, and the elements are valid but unspecified.
template <class R, class Less = std::less<>>
    requires par_sortable_range<R, Less>
void par_sort(R&& range, Less less = {})
{
    detail::par_merge_sort<detail::unstable_leaf_sort>(std::ranges::begin(range),
                                                       std::size_t(std::ranges::distance(range)), less);
}

// As par_sort, but equal elements keep their input order.
template <class R, class Less = std::less<>>
    requires par_sortable_range<R, Less>
void par_stable_sort(R&& range, Less less = {})
{
    detail::par_merge_sort<detail::stable_leaf_sort>(std::ranges::begin(range),
                                                     std::size_t(std::ranges::distance(range)), less);
}

// Catch-alls for arguments par_sort cannot take: a compile error that names the fix.
template <class R, class Less = std::less<>>
    requires(!par_sortable_range<R, Less>)
void par_sort(R&&, Less = {})
{
    detail::explain_unsortable<R, Less>();
}

template <class R, class Less = std::less<>>
    requires(!par_sortable_range<R, Less>)
void par_stable_sort(R&&, Less = {})
{
    detail::explain_unsortable<R, Less>();
}

}  // namespace fastiter
