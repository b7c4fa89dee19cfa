// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter, written the two ways a user would: the Boost.Range-style pipe and the fluent
// (Rayon/Python-style) chain. Both must cost the same; a gap between them is a finding.
#include "contenders.hpp"
#include "kernels.hpp"

#include <fastiter/fastiter.hpp>

#include <boost/range/irange.hpp>

#include <atomic>
#include <climits>
#include <cstddef>
#include <numeric>
#include <vector>

namespace bench {

namespace fi = fastiter;

namespace {

// Lambdas rather than function names: a function pointer in a stage would be an indirect
// call the other contenders do not pay.
constexpr auto square_of = [](long x) { return square(x); };
constexpr auto even = [](long x) { return is_even(x); };
constexpr auto over_1000 = [](long x) { return above_1000(x); };
constexpr auto expensive_of = [](long x) { return expensive_element(x); };
constexpr auto reciprocal_of = [](long x) { return reciprocal_of_successor(x); };
constexpr auto matches = [](long x) { return early_exit_match(x); };
constexpr auto throws_on_match = [](long x) { throw_on_match(x); };

// progress's callback: what a caller that polls the count from another thread would install.
struct store_count {
    std::atomic<std::size_t>* reported;
    // relaxed: the count is read after the operation returned, which orders it.
    void operator()(std::size_t done, std::size_t) const { reported->store(done, std::memory_order_relaxed); }
};

// The kernel's checksum: the sum plus the last count the callback got, which must be n.
template <class Sum>
long with_progress(const Sum& sum_reporting_to)
{
    std::atomic<std::size_t> reported{0};
    const long sum = sum_reporting_to(store_count{&reported});
    return sum + long(reported.load(std::memory_order_relaxed));
}

constexpr auto fastiter_fork = [](auto& left, auto& right) { fi::join(left, right); };

long sum_of_rows(const std::vector<long>& row_sums) { return std::accumulate(row_sums.begin(), row_sums.end(), 0L); }

std::shared_ptr<void> start(std::size_t threads)
{
    fi::set_num_threads(threads);
    return nullptr;
}

// --- pipe form: data | fi::par_map(f) | fi::par_sum ---------------------------------------

namespace pipe {

long sum(const workload_input& in) { return in.data | fi::par_sum; }
long sum_of_squares(const workload_input& in) { return in.data | fi::par_map(square_of) | fi::par_sum; }
long count_evens(const workload_input& in) { return long(in.data | fi::par_filter(even) | fi::par_count); }
long max(const workload_input& in) { return (in.data | fi::par_max).value_or(LONG_MIN); }

long pipeline(const workload_input& in)
{
    return in.data | fi::par_filter(even) | fi::par_map(square_of) | fi::par_filter(over_1000) | fi::par_sum;
}

long expensive(const workload_input& in) { return boost::irange(0L, in.n) | fi::par_map(expensive_of) | fi::par_sum; }

long irregular(const workload_input& in)
{
    const long n = in.n;
    return boost::irange(0L, n) | fi::par_map([n](long i) { return irregular_element(i, n); }) | fi::par_sum;
}

long collect(const workload_input& in)
{
    return collect_checksum(in.data | fi::par_map(square_of) | fi::par_collect_into<collect_vector>);
}

long nested(const workload_input& in)
{
    std::vector<long> row_sums(in.rows);
    boost::irange(std::size_t{0}, in.rows) |
        fi::par_for_each([&](std::size_t r) { row_sums[r] = in.row(r) | fi::par_sum; });
    return sum_of_rows(row_sums);
}

long join(const workload_input&)
{
    fi::join([] {}, [] {});
    return 0;
}

long sort(const workload_input& in)
{
    return sort_copy(in, [](std::span<long> v) { fi::par_sort(v); });
}

long deterministic(const workload_input& in)
{
    return rounded_checksum(in.data | fi::par_map(reciprocal_of) | fi::par_deterministic | fi::par_sum);
}

long progress(const workload_input& in)
{
    return with_progress([&](store_count report) {
        return in.data | fi::par_progress(report) | fi::par_map(square_of) | fi::par_sum;
    });
}

long early_exit(const workload_input& in) { return boost::irange(0L, in.n) | fi::par_any(matches); }

long throw_early(const workload_input& in)
{
    return catches_early_exit([&] { boost::irange(0L, in.n) | fi::par_for_each(throws_on_match); });
}

long join_tree(const workload_input& in) { return bench::join_tree(0, in.n, join_tree_depth, fastiter_fork); }

}  // namespace pipe

// --- fluent form: fi::into_par_iter(data).map(f).sum() ------------------------------------

namespace fluent {

long sum(const workload_input& in) { return fi::into_par_iter(in.data).sum(); }
long sum_of_squares(const workload_input& in) { return fi::into_par_iter(in.data).map(square_of).sum(); }
long count_evens(const workload_input& in) { return long(fi::into_par_iter(in.data).filter(even).count()); }
long max(const workload_input& in) { return fi::into_par_iter(in.data).max().value_or(LONG_MIN); }

long pipeline(const workload_input& in)
{
    return fi::into_par_iter(in.data).filter(even).map(square_of).filter(over_1000).sum();
}

long expensive(const workload_input& in) { return fi::par_range(0L, in.n).map(expensive_of).sum(); }

long irregular(const workload_input& in)
{
    const long n = in.n;
    return fi::par_range(0L, n).map([n](long i) { return irregular_element(i, n); }).sum();
}

long collect(const workload_input& in)
{
    return collect_checksum(fi::into_par_iter(in.data).map(square_of).collect_into<collect_vector>());
}

long nested(const workload_input& in)
{
    std::vector<long> row_sums(in.rows);
    fi::par_range(std::size_t{0}, in.rows).for_each([&](std::size_t r) {
        row_sums[r] = fi::into_par_iter(in.row(r)).sum();
    });
    return sum_of_rows(row_sums);
}

long deterministic(const workload_input& in)
{
    return rounded_checksum(fi::into_par_iter(in.data).map(reciprocal_of).deterministic().sum());
}

long progress(const workload_input& in)
{
    return with_progress(
        [&](store_count report) { return fi::into_par_iter(in.data).progress(report).map(square_of).sum(); });
}

long early_exit(const workload_input& in) { return fi::par_range(0L, in.n).any(matches); }

long throw_early(const workload_input& in)
{
    return catches_early_exit([&] { fi::par_range(0L, in.n).for_each(throws_on_match); });
}

}  // namespace fluent

}  // namespace

const contender fastiter_pipe_contender{
    "fastiter-pipe",
    "fastiter",
    "fastiter's pipe form: data | fi::par_map(f) | fi::par_sum (index workloads over boost::irange)",
    "fastiter " FASTITER_VERSION_STRING,
    "",
    start,
    {.sum = pipe::sum,
     .sum_of_squares = pipe::sum_of_squares,
     .count_evens = pipe::count_evens,
     .max = pipe::max,
     .pipeline = pipe::pipeline,
     .expensive = pipe::expensive,
     .collect = pipe::collect,
     .irregular = pipe::irregular,
     .nested = pipe::nested,
     .join = pipe::join,
     .sort = pipe::sort,
     .deterministic = pipe::deterministic,
     .progress = pipe::progress,
     .early_exit = pipe::early_exit,
     .throw_early = pipe::throw_early,
     .join_tree = pipe::join_tree},
};

// join, join_tree and sort have no fluent spelling: fi::join and fi::par_sort are the same
// calls in both forms, timed once above.
const contender fastiter_fluent_contender{
    "fastiter-fluent",
    "fluent",
    "fastiter's fluent form: fi::into_par_iter(data).map(f).sum() (index workloads over fi::par_range)",
    "fastiter " FASTITER_VERSION_STRING,
    "",
    start,
    {.sum = fluent::sum,
     .sum_of_squares = fluent::sum_of_squares,
     .count_evens = fluent::count_evens,
     .max = fluent::max,
     .pipeline = fluent::pipeline,
     .expensive = fluent::expensive,
     .collect = fluent::collect,
     .irregular = fluent::irregular,
     .nested = fluent::nested,
     .deterministic = fluent::deterministic,
     .progress = fluent::progress,
     .early_exit = fluent::early_exit,
     .throw_early = fluent::throw_early},
};

}  // namespace bench
