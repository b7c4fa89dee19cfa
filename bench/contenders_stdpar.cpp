// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// std::execution::par with libstdc++'s parallel algorithms, which run on oneTBB (without TBB
// they are the sequential loop, so this file is built only when TBB is found). Index
// workloads use boost::counting_iterator: it is random access in the std sense, while
// std::views::iota's iterators are not Cpp17 random-access iterators and run serially.
#include "contenders.hpp"
#include "kernels.hpp"

#include <boost/iterator/counting_iterator.hpp>
#include <tbb/global_control.h>
#include <tbb/version.h>

#include <algorithm>
#include <climits>
#include <execution>
#include <functional>
#include <iterator>
#include <numeric>
#include <vector>

namespace bench {

namespace {

using counting = boost::counting_iterator<long>;
static_assert(std::is_same_v<std::iterator_traits<counting>::iterator_category, std::random_access_iterator_tag>,
              "libstdc++'s parallel algorithms fall back to a serial loop below random access");

constexpr auto par = std::execution::par;

long sum(const workload_input& in) { return std::reduce(par, in.data.begin(), in.data.end(), 0L); }

long sum_of_squares(const workload_input& in)
{
    return std::transform_reduce(par, in.data.begin(), in.data.end(), 0L, std::plus<>{},
                                 [](long x) { return square(x); });
}

long count_evens(const workload_input& in)
{
    return long(std::count_if(par, in.data.begin(), in.data.end(), [](long x) { return is_even(x); }));
}

long max(const workload_input& in)
{
    const auto best = std::max_element(par, in.data.begin(), in.data.end());
    return best == in.data.end() ? LONG_MIN : *best;
}

long pipeline(const workload_input& in)
{
    return std::transform_reduce(par, in.data.begin(), in.data.end(), 0L, std::plus<>{},
                                 [](long x) { return pipeline_contribution(x); });
}

long expensive(const workload_input& in)
{
    return std::transform_reduce(par, counting(0), counting(in.n), 0L, std::plus<>{},
                                 [](long x) { return expensive_element(x); });
}

long irregular(const workload_input& in)
{
    const long n = in.n;
    return std::transform_reduce(par, counting(0), counting(n), 0L, std::plus<>{},
                                 [n](long i) { return irregular_element(i, n); });
}

long collect(const workload_input& in)
{
    collect_vector out(in.data.size());
    std::transform(par, in.data.begin(), in.data.end(), out.begin(), [](long x) { return square(x); });
    return collect_checksum(out);
}

long nested(const workload_input& in)
{
    std::vector<long> row_sums(in.rows);
    std::for_each(par, counting(0), counting(long(in.rows)), [&](long r) {
        const auto row = in.row(std::size_t(r));
        row_sums[std::size_t(r)] = std::reduce(par, row.begin(), row.end(), 0L);
    });
    return std::accumulate(row_sums.begin(), row_sums.end(), 0L);
}

long sort(const workload_input& in)
{
    return sort_copy(in, [](std::span<long> v) { std::sort(par, v.begin(), v.end()); });
}

long deterministic(const workload_input& in)
{
    return rounded_checksum(std::transform_reduce(par, in.data.begin(), in.data.end(), 0.0, std::plus<>{},
                                                  [](long x) { return reciprocal_of_successor(x); }));
}

long early_exit(const workload_input& in)
{
    return std::any_of(par, counting(0), counting(in.n), [](long x) { return early_exit_match(x); });
}

// libstdc++'s backend honours oneTBB's global limit on parallelism.
std::shared_ptr<void> start(std::size_t threads)
{
    return std::make_shared<tbb::global_control>(tbb::global_control::max_allowed_parallelism, threads);
}

}  // namespace

// No join or join_tree: std::execution has no fork-join of two callables. No progress: no
// callback to give. No throw_early: an exception leaving an element function of a parallel
// algorithm calls std::terminate.
const contender std_par_contender{
    "std-par",
    "std::par",
    "std::reduce / transform_reduce / count_if / max_element / any_of / sort with std::execution::par (TBB "
    "backend)",
    "libstdc++'s parallel algorithms on oneTBB " TBB_VERSION_STRING,
    "",
    start,
    {.sum = sum,
     .sum_of_squares = sum_of_squares,
     .count_evens = count_evens,
     .max = max,
     .pipeline = pipeline,
     .expensive = expensive,
     .collect = collect,
     .irregular = irregular,
     .nested = nested,
     .sort = sort,
     .deterministic = deterministic,
     .early_exit = early_exit},
};

}  // namespace bench
