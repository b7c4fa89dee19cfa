// The workloads: what each computes, its default size, and what input it is built from.
#pragma once

#include <fastiter/default_init_allocator.hpp>

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
    std::size_t rows = 0;  // nested: data viewed as rows of n / rows elements
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
};

enum class input_kind { data_vector, index_range, nothing };

struct workload {
    std::string_view name;
    std::string_view description;
    kernel kernel_set::*work;
    input_kind input;
    long default_n;
    bool sweep;      // n comes from --sizes
    bool seed_six;   // one of the Python seed's six: the default selection
};

std::span<const workload> all_workloads();
const workload* find_workload(std::string_view name);

// Rows of the nested workload; each row is n / nested_rows elements long.
inline constexpr std::size_t nested_rows = 200;

// Owns what a workload_input views.
struct built_input {
    std::vector<long> storage;
    workload_input input;
};
std::unique_ptr<built_input> build_input(const workload& w, long n);

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

}  // namespace bench
