// oneTBB as its users write it: parallel_reduce / parallel_for over a blocked_range with the
// default (auto) partitioner, the hand-written loops of kernels.hpp inside the bodies.
#include "contenders.hpp"
#include "kernels.hpp"

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/parallel_reduce.h>
#include <tbb/version.h>

#include <algorithm>
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

std::shared_ptr<void> start(std::size_t threads)
{
    return std::make_shared<tbb::global_control>(tbb::global_control::max_allowed_parallelism, threads);
}

}  // namespace

const contender tbb_contender{
    "tbb",
    "oneTBB",
    "tbb::parallel_reduce / parallel_for, default partitioner; join as tbb::parallel_invoke",
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
     .join = join},
};

}  // namespace bench
