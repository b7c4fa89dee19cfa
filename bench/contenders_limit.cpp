// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The limit: the hand-written loops of kernels.hpp split statically over plain threads that
// are already running (static_team). No library and no balancing, so on even work it shows
// what this machine allows right now, and on uneven work what a static split costs.
#include "contenders.hpp"
#include "kernels.hpp"
#include "static_team.hpp"

#include <algorithm>
#include <functional>
#include <type_traits>
#include <vector>

namespace bench {

namespace {

// One worker process runs one contender, so the team can be a file-level pointer set by
// start(); the kernels keep the plain kernel signature of every other contender.
static_team* team = nullptr;

struct alignas(64) padded_partial {
    long value;
    double real;  // deterministic's partial sums
};
// One slot per thread, allocated by start() so that no call pays for an allocation.
std::vector<padded_partial>* partials = nullptr;

template <class T>
T& slot(padded_partial& partial)
{
    if constexpr (std::is_same_v<T, double>)
        return partial.real;
    else
        return partial.value;
}

// Runs loop(from, to) over each thread's slice of [0, n) and combines the partial results in
// slice order.
template <class T, class Loop, class Combine>
T split_reduce(std::size_t n, T identity, const Loop& loop, const Combine& combine)
{
    team->run([&](std::size_t index) {
        const auto [from, to] = team->bounds(n, index);
        slot<T>((*partials)[index]) = loop(from, to);
    });
    T result = identity;
    for (auto& partial : *partials)
        result = combine(result, slot<T>(partial));
    return result;
}

template <long (*Loop)(const long*, std::size_t, std::size_t)>
long data_sum(const workload_input& in)
{
    const long* data = in.data.data();
    return split_reduce(
        in.data.size(), 0L, [data](std::size_t from, std::size_t to) { return Loop(data, from, to); },
        std::plus<>{});
}

long max(const workload_input& in)
{
    const long* data = in.data.data();
    return split_reduce(
        in.data.size(), max_loop(data, 0, 0),
        [data](std::size_t from, std::size_t to) { return max_loop(data, from, to); },
        [](long a, long b) { return std::max(a, b); });
}

long expensive(const workload_input& in)
{
    return split_reduce(
        std::size_t(in.n), 0L, [](std::size_t from, std::size_t to) { return expensive_loop(long(from), long(to)); },
        std::plus<>{});
}

long irregular(const workload_input& in)
{
    const long n = in.n;
    return split_reduce(
        std::size_t(n), 0L,
        [n](std::size_t from, std::size_t to) { return irregular_loop(long(from), long(to), n); },
        std::plus<>{});
}

long collect(const workload_input& in)
{
    collect_vector out(in.data.size());
    team->run([&](std::size_t index) {
        const auto [from, to] = team->bounds(out.size(), index);
        collect_loop(in.data.data(), out.data(), from, to);
    });
    return collect_checksum(out);
}

// Rows split statically, each row summed by the thread that owns it.
long nested(const workload_input& in)
{
    return split_reduce(
        in.rows, 0L,
        [&in](std::size_t from, std::size_t to) {
            long total = 0;
            for (std::size_t r = from; r < to; ++r)
                total += sum_loop(in.row(r).data(), 0, in.row_length());
            return total;
        },
        std::plus<>{});
}

long deterministic(const workload_input& in)
{
    const long* data = in.data.data();
    return rounded_checksum(split_reduce(
        in.data.size(), 0.0,
        [data](std::size_t from, std::size_t to) { return reciprocal_sum_loop(data, from, to); }, std::plus<>{}));
}

// Two empty slices handed to the spinning threads: the cheapest fork-join plain threads allow.
long join(const workload_input&)
{
    team->run([](std::size_t) {});
    return 0;
}

struct team_state {
    explicit team_state(std::size_t n) : threads(n), slots(n) {}
    static_team threads;
    std::vector<padded_partial> slots;
};

std::shared_ptr<void> start(std::size_t threads)
{
    auto state = std::make_shared<team_state>(threads);
    team = &state->threads;
    partials = &state->slots;
    return state;
}

}  // namespace

// Only the even loops: a sort, a tree of tasks or a search that stops early is no static split.
const contender limit_contender{
    "limit",
    "limit",
    "the same loop split statically over already-running std::threads (no library)",
    "std::thread, one per CPU (pinned), spinning between calls",
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
     .deterministic = deterministic},
};

}  // namespace bench
