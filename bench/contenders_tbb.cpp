// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// oneTBB as its users write it: parallel_reduce / parallel_for over a blocked_range with the
// default (auto) partitioner, the hand-written loops of kernels.hpp inside the bodies.
#include "contenders.hpp"
#include "kernels.hpp"

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/parallel_reduce.h>
#include <tbb/parallel_sort.h>
#include <tbb/task_group.h>
#include <tbb/version.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <numeric>
#include <vector>

namespace bench {

namespace {

using index_range = tbb::blocked_range<std::size_t>;

template <class Loop, class Combine>
long reduce(std::size_t n, long identity, const Loop& loop, const Combine& combine)
{
    return tbb::parallel_reduce(
        index_range(0, n), identity,
        [&](const index_range& r, long partial) { return combine(partial, loop(r.begin(), r.end())); }, combine);
}

template <long (*Loop)(const long*, std::size_t, std::size_t)>
long data_sum(const workload_input& in)
{
    const long* data = in.data.data();
    return reduce(
        in.data.size(), 0, [data](std::size_t from, std::size_t to) { return Loop(data, from, to); },
        std::plus<>{});
}

long max(const workload_input& in)
{
    const long* data = in.data.data();
    return reduce(
        in.data.size(), max_loop(data, 0, 0),
        [data](std::size_t from, std::size_t to) { return max_loop(data, from, to); },
        [](long a, long b) { return std::max(a, b); });
}

long expensive(const workload_input& in)
{
    return reduce(
        std::size_t(in.n), 0, [](std::size_t from, std::size_t to) { return expensive_loop(long(from), long(to)); },
        std::plus<>{});
}

long irregular(const workload_input& in)
{
    const long n = in.n;
    return reduce(
        std::size_t(n), 0,
        [n](std::size_t from, std::size_t to) { return irregular_loop(long(from), long(to), n); },
        std::plus<>{});
}

long collect(const workload_input& in)
{
    collect_vector out(in.data.size());
    tbb::parallel_for(index_range(0, out.size()),
                      [&](const index_range& r) { collect_loop(in.data.data(), out.data(), r.begin(), r.end()); });
    return collect_checksum(out);
}

long nested(const workload_input& in)
{
    std::vector<long> row_sums(in.rows);
    tbb::parallel_for(index_range(0, in.rows), [&](const index_range& rows) {
        for (std::size_t r = rows.begin(); r != rows.end(); ++r) {
            const long* row = in.row(r).data();
            row_sums[r] = reduce(
                in.row_length(), 0, [row](std::size_t from, std::size_t to) { return sum_loop(row, from, to); },
                std::plus<>{});
        }
    });
    return std::accumulate(row_sums.begin(), row_sums.end(), 0L);
}

long join(const workload_input&)
{
    tbb::parallel_invoke([] {}, [] {});
    return 0;
}

long sort(const workload_input& in)
{
    return sort_copy(in, [](std::span<long> v) { tbb::parallel_sort(v.begin(), v.end()); });
}

// oneTBB's deterministic reduction: simple_partitioner down to the grain size, combined in a
// fixed tree. The grain is fastiter's deterministic() leaf: with the default grain of 1 every
// element would be a task of its own.
constexpr std::size_t deterministic_grain = 4096;

long deterministic(const workload_input& in)
{
    const long* data = in.data.data();
    return rounded_checksum(tbb::parallel_deterministic_reduce(
        index_range(0, in.data.size(), deterministic_grain), 0.0,
        [data](const index_range& r, double partial) { return partial + reciprocal_sum_loop(data, r.begin(), r.end()); },
        std::plus<>{}));
}

// The cancellation oneTBB documents: the body that finds a match cancels the group, so that no
// further subrange starts, and sets the flag that running bodies poll per element.
long early_exit(const workload_input& in)
{
    std::atomic<bool> found{false};
    tbb::task_group_context context;
    tbb::parallel_for(
        index_range(0, std::size_t(in.n)),
        [&](const index_range& r) {
            if (any_match_loop(long(r.begin()), long(r.end()), found)) {
                found.store(true, std::memory_order_relaxed);  // relaxed: read after the join
                context.cancel_group_execution();
            }
        },
        context);
    return found.load(std::memory_order_relaxed);
}

// An exception cancels the group and reaches the caller of parallel_for; bodies already
// running finish their subrange first.
long throw_early(const workload_input& in)
{
    return catches_early_exit([&] {
        tbb::parallel_for(index_range(0, std::size_t(in.n)),
                          [](const index_range& r) { throw_on_match_loop(long(r.begin()), long(r.end())); });
    });
}

long join_tree(const workload_input& in)
{
    return bench::join_tree(0, in.n, join_tree_depth,
                            [](auto& left, auto& right) { tbb::parallel_invoke(left, right); });
}

std::shared_ptr<void> start(std::size_t threads)
{
    return std::make_shared<tbb::global_control>(tbb::global_control::max_allowed_parallelism, threads);
}

}  // namespace

const contender tbb_contender{
    "tbb",
    "oneTBB",
    "tbb::parallel_reduce / parallel_for, default partitioner; join as tbb::parallel_invoke; "
    "parallel_sort, parallel_deterministic_reduce",
    "oneTBB " TBB_VERSION_STRING,
    "",
    start,
    {.sum = data_sum<sum_loop>,
     .sum_of_squares = data_sum<sum_of_squares_loop>,
     .count_evens = data_sum<count_evens_loop>,
     .max = max,
     .pipeline = data_sum<pipeline_loop>,
     .expensive = expensive,
     .collect = collect,
     .irregular = irregular,
     .nested = nested,
     .join = join,
     .sort = sort,
     .deterministic = deterministic,
     .early_exit = early_exit,
     .throw_early = throw_early,
     .join_tree = join_tree},
};

}  // namespace bench
