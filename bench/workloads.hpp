// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The workloads: what each computes, its default size, and what input it is built from.
#pragma once

#include <fastiter/default_init_allocator.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace bench {

// Built outside the timed region. `data` is filled from a volatile seed, so no compiler can
// fold a sum over it into a formula; index workloads leave it empty and count 0..n-1.
struct workload_input {
    long n = 0;
    std::span<const long> data;
    std::span<const int> ints;        // int_vector: data's values as ints
    std::span<const double> doubles;  // double_vector: data's values as doubles
    std::size_t rows = 0;  // nested: data viewed as rows of n / rows elements
    // sort: as long as data, allocated (and its pages touched) once; a call copies data here
    // and sorts the copy, so no call pays for an allocation or page faults.
    std::span<long> scratch;
    std::size_t row_length() const { return data.size() / rows; }
    std::span<const long> row(std::size_t r) const { return data.subspan(r * row_length(), row_length()); }
};

// One call of a workload; returns a checksum that every contender must agree on.
using kernel = long (*)(const workload_input&);

// What a contender implements, one entry per kind of work; nullptr where it has no
// counterpart (std::execution has no join). The sweeps reuse sum and sum_of_squares.
struct kernel_set {
    kernel sum = nullptr;
    kernel sum_of_squares = nullptr;
    kernel count_evens = nullptr;
    kernel max = nullptr;
    kernel pipeline = nullptr;
    kernel expensive = nullptr;
    kernel collect = nullptr;
    kernel irregular = nullptr;
    kernel nested = nullptr;
    kernel join = nullptr;
    kernel sort = nullptr;
    kernel deterministic = nullptr;
    kernel progress = nullptr;
    kernel early_exit = nullptr;
    kernel throw_early = nullptr;
    kernel join_tree = nullptr;
};

// random_vector: n pseudo-random longs over the whole range (from the volatile seed), plus the
// scratch; int_vector and double_vector: data_vector's values as ints or doubles.
enum class input_kind { data_vector, random_vector, index_range, int_vector, double_vector, nothing };

struct zoo_kernels;

// What a sweep cell's worker runs before it times n, so that the pipeline's remembered cost
// comes from another size, as in a program that calls one pipeline at many sizes: none (a
// fresh process), every smaller size of the sweep in ascending order, or the whole sweep
// ascending and then the larger sizes descending down to n.
enum class sweep_history { none, ascending, descending };

struct workload {
    std::string_view name;
    std::string_view description;
    kernel kernel_set::*work;
    input_kind input;
    long default_n;
    bool sweep;      // n comes from --sizes
    bool fastiter_six;  // one of FastIter's six workloads (-w fastiter): the default selection
    // The sequential call returns at once: a contender's time is a latency, and its ratio to
    // the sequential time no speedup; means over workloads leave it out.
    bool latency = false;
    // A kernel zoo cell (zoo.hpp) brings its own kernels instead of naming a kernel_set member.
    const zoo_kernels* zoo = nullptr;
    sweep_history history = sweep_history::none;
};

// The workloads `--workloads all` runs; the zoo's cells are chosen with `--workloads zoo`.
std::span<const workload> all_workloads();
// Any workload or zoo cell, by name.
const workload* find_workload(std::string_view name);

// Rows of the nested workload; each row is n / nested_rows elements long.
inline constexpr std::size_t nested_rows = 200;

// Depth of join_tree's fork-join tree: 4096 leaves.
inline constexpr int join_tree_depth = 12;

// Owns what a workload_input views.
struct built_input {
    std::vector<long> storage;
    std::vector<long> scratch;
    std::vector<int> ints;
    std::vector<double> doubles;
    workload_input input;
};
std::unique_ptr<built_input> build_input(const workload& w, long n);

// The sizes a sweep cell's worker calls the workload at before timing n, in order.
std::vector<long> history_before(const workload& w, long n, std::vector<long> sweep_sizes);

// Every collect contender writes into a vector whose elements start uninitialised, fastiter
// too (collect_into): none pays a serial zeroing pass the others skip.
using collect_vector = std::vector<long, fastiter::default_init_allocator<long>>;

// The checksum of a collected vector: cheap, and it depends on length, order and values.
template <class Vector>
long collect_checksum(const Vector& out)
{
    if (out.empty())
        return 0;
    return long(out.size()) + out.front() + out[out.size() / 2] + out.back();
}

// The checksum of a sorted vector: collect_checksum plus 15 more positions, each weighted by
// its place, so that a wrong order anywhere along the vector is likely to show.
inline long sorted_checksum(std::span<const long> out)
{
    long checksum = collect_checksum(out);
    constexpr std::size_t samples = 16;
    for (std::size_t k = 1; k < samples && !out.empty(); ++k)
        checksum += long(k) * out[k * out.size() / samples];
    return checksum;
}

// One sort call: copy data into the scratch buffer on the calling thread (the same serial copy
// in every contender's time), sort_in_place(span) it, and checksum the result.
template <class Sort>
long sort_copy(const workload_input& in, const Sort& sort_in_place)
{
    std::copy(in.data.begin(), in.data.end(), in.scratch.begin());
    sort_in_place(in.scratch);
    return sorted_checksum(in.scratch);
}

// The checksum of a floating-point sum. Contenders add in different orders (fastiter's
// deterministic() in a fixed tree, OpenMP's reduction in whatever order threads finish), so
// their sums differ in the last bits, ~1e-13 relative at 1M terms, while the runner compares
// checksums exactly. Rounded to float (6e-8 relative, 10^5 times coarser than that drift),
// reassociated sums agree and a wrong one still shows; only a sum that lands within the drift
// of a rounding boundary would be flagged, about one run in 10^5. In units of 1e-6, so that a
// mismatch note reads as the sum.
inline long rounded_checksum(double sum) { return std::lround(double(float(sum)) * 1e6); }

}  // namespace bench
