// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "workloads.hpp"

#include "zoo.hpp"

#include <algorithm>
#include <random>

namespace bench {

namespace {

// Read at run time, so the data (and every sum over it) is unknown to the compiler.
volatile long data_seed = 0;

constexpr workload workloads[] = {
    {"sum3m", "sum of 3M longs in a vector (FastIter: par_range(0, 3M).sum())", &kernel_set::sum,
     input_kind::data_vector, 3'000'000, false, true},
    {"expensive", "each of 0..200k runs 20 rounds of r = fmod(r*1.1+1, 1e6), then sum int(r)",
     &kernel_set::expensive, input_kind::index_range, 200'000, false, true},
    {"sumsq", "sum of squares over a 1M vector", &kernel_set::sum_of_squares, input_kind::data_vector,
     1'000'000, false, true},
    {"count_evens", "count the even elements of a 1M vector", &kernel_set::count_evens,
     input_kind::data_vector, 1'000'000, false, true},
    {"max", "maximum of a 1M vector", &kernel_set::max, input_kind::data_vector, 1'000'000, false, true},
    {"pipeline", "filter(even) | map(square) | filter(>1000) | sum over a 1M vector",
     &kernel_set::pipeline, input_kind::data_vector, 1'000'000, false, true},
    {"sweep_sum", "sum of a vector at each --sizes n", &kernel_set::sum, input_kind::data_vector, 0, true,
     false},
    {"sweep_sumsq", "sum of squares of a vector at each --sizes n", &kernel_set::sum_of_squares,
     input_kind::data_vector, 0, true, false},
    {"sweep_up", "sweep_sum, each n timed in a process that first summed every smaller size",
     &kernel_set::sum, input_kind::data_vector, 0, true, false, false, nullptr, sweep_history::ascending},
    {"sweep_down", "sweep_sum, each n timed after every size ascending, then down from the largest",
     &kernel_set::sum, input_kind::data_vector, 0, true, false, false, nullptr, sweep_history::descending},
    {"collect", "map(square) of a 1M vector collected into a new vector", &kernel_set::collect,
     input_kind::data_vector, 1'000'000, false, false},
    {"irregular", "element i of 5k runs 1 + 1000*i/n fmod rounds: cost grows 1000x along the range",
     &kernel_set::irregular, input_kind::index_range, 5'000, false, false},
    {"nested", "for_each over 200 rows of a 2M vector, a parallel sum inside each row",
     &kernel_set::nested, input_kind::data_vector, 2'000'000, false, false},
    {"join", "join of two empty tasks, per call (seq: the harness's own call overhead)",
     &kernel_set::join, input_kind::nothing, 1, false, false, true},
    {"sort", "sort a copy of 1M random longs (the copy, made serially, is in every time)",
     &kernel_set::sort, input_kind::random_vector, 1'000'000, false, false},
    {"deterministic", "sum of 1.0 / (1 + x) over a 1M vector as doubles (fastiter: deterministic())",
     &kernel_set::deterministic, input_kind::data_vector, 1'000'000, false, false},
    {"progress", "sum of squares over a 1M vector with a progress callback (fastiter only)",
     &kernel_set::progress, input_kind::data_vector, 1'000'000, false, false},
    {"early_exit", "any over 0..1e9 that matches element 0: how soon every thread stops",
     &kernel_set::early_exit, input_kind::index_range, 1'000'000'000, false, false, true},
    {"throw_early", "for_each over 0..1e9 that throws at element 0: how soon the caller catches it",
     &kernel_set::throw_early, input_kind::index_range, 1'000'000'000, false, false, true},
    {"join_tree", "fork-join tree of depth 12 over 0..100k: 4096 leaves of ~2 us of the expensive step",
     &kernel_set::join_tree, input_kind::index_range, 100'000, false, false},
};

}  // namespace

std::span<const workload> all_workloads() { return workloads; }

const workload* find_workload(std::string_view name)
{
    for (const auto family : {all_workloads(), zoo_workloads()}) {
        const auto found = std::find_if(family.begin(), family.end(), [&](const workload& w) { return w.name == name; });
        if (found != family.end())
            return &*found;
    }
    return nullptr;
}

std::vector<long> history_before(const workload& w, long n, std::vector<long> sweep_sizes)
{
    std::sort(sweep_sizes.begin(), sweep_sizes.end());
    sweep_sizes.erase(std::unique(sweep_sizes.begin(), sweep_sizes.end()), sweep_sizes.end());
    std::vector<long> history;
    if (w.history == sweep_history::none)
        return history;
    for (const long size : sweep_sizes)
        if (size < n || w.history == sweep_history::descending)
            history.push_back(size);
    if (w.history == sweep_history::descending)
        for (auto size = sweep_sizes.rbegin() + 1; size < sweep_sizes.rend() && *size > n; ++size)
            history.push_back(*size);
    return history;
}

std::unique_ptr<built_input> build_input(const workload& w, long n)
{
    auto built = std::make_unique<built_input>();
    built->input.n = n;
    const bool data_valued = w.input == input_kind::data_vector || w.input == input_kind::int_vector ||
                             w.input == input_kind::double_vector;
    if (data_valued) {
        built->storage.resize(std::size_t(n));
        const long seed = data_seed;
        // FastIter's par_range(0, n) values, so its filters see the same alternating parity,
        // wrapped below 2^16 so that the sum of squares of 10M of them still fits in a long.
        for (std::size_t i = 0; i < built->storage.size(); ++i)
            built->storage[i] = (long(i) + seed) & 0xffff;
    }
    if (w.input == input_kind::random_vector) {
        // Uniform over the whole range of long, as sort benchmarks usually are: the wrapped
        // values above repeat each value n / 2^16 times, which favours quicksorts (equal keys
        // fall out of the partitioning) over merge sorts.
        built->storage.resize(std::size_t(n));
        std::mt19937_64 random{std::uint64_t(data_seed)};
        for (auto& v : built->storage)
            v = long(random() >> 1);
        built->scratch.resize(std::size_t(n));
        built->input.scratch = built->scratch;
    }
    if (w.input == input_kind::int_vector)
        built->ints.assign(built->storage.begin(), built->storage.end());
    if (w.input == input_kind::double_vector)
        built->doubles.assign(built->storage.begin(), built->storage.end());
    built->input.data = built->storage;
    built->input.ints = built->ints;
    built->input.doubles = built->doubles;
    if (w.work == &kernel_set::nested)
        built->input.rows = std::min<std::size_t>(nested_rows, std::max<std::size_t>(1, std::size_t(n)));
    return built;
}

}  // namespace bench
