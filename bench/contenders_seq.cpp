// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The baseline: the hand-written loops of kernels.hpp over the whole input, on one thread.
#include "contenders.hpp"
#include "kernels.hpp"

#include <algorithm>
#include <atomic>

namespace bench {

namespace {

long sum(const workload_input& in) { return sum_loop(in.data.data(), 0, in.data.size()); }
long sum_of_squares(const workload_input& in) { return sum_of_squares_loop(in.data.data(), 0, in.data.size()); }
long count_evens(const workload_input& in) { return count_evens_loop(in.data.data(), 0, in.data.size()); }
long max(const workload_input& in) { return max_loop(in.data.data(), 0, in.data.size()); }
long pipeline(const workload_input& in) { return pipeline_loop(in.data.data(), 0, in.data.size()); }
long expensive(const workload_input& in) { return expensive_loop(0, in.n); }
long irregular(const workload_input& in) { return irregular_loop(0, in.n, in.n); }

long collect(const workload_input& in)
{
    collect_vector out(in.data.size());
    collect_loop(in.data.data(), out.data(), 0, out.size());
    return collect_checksum(out);
}

long nested(const workload_input& in)
{
    long total = 0;
    for (std::size_t r = 0; r < in.rows; ++r) {
        const auto row = in.row(r);
        total += sum_loop(row.data(), 0, row.size());
    }
    return total;
}

long sort(const workload_input& in)
{
    return sort_copy(in, [](std::span<long> v) { std::sort(v.begin(), v.end()); });
}

long deterministic(const workload_input& in)
{
    return rounded_checksum(reciprocal_sum_loop(in.data.data(), 0, in.data.size()));
}

// The fastiter contenders add the total their callback was last given: n, with nothing to report.
long progress(const workload_input& in) { return sum_of_squares(in) + long(in.data.size()); }

long early_exit(const workload_input& in)
{
    const std::atomic<bool> never_set{false};
    return any_match_loop(0, in.n, never_set);
}

long throw_early(const workload_input& in)
{
    return catches_early_exit([&] { throw_on_match_loop(0, in.n); });
}

long join_tree(const workload_input& in)
{
    return bench::join_tree(0, in.n, join_tree_depth, [](auto& left, auto& right) {
        left();
        right();
    });
}

// Nothing to join: the time is the harness's own cost of one call, the floor for the others.
long join(const workload_input&) { return 0; }

std::shared_ptr<void> start(std::size_t) { return nullptr; }

}  // namespace

const contender seq_contender{
    "seq",
    "sequential",
    "the hand-written loop on one thread",
    "no runtime",
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
     .join = join,
     .sort = sort,
     .deterministic = deterministic,
     .progress = progress,
     .early_exit = early_exit,
     .throw_early = throw_early,
     .join_tree = join_tree},
};

}  // namespace bench
