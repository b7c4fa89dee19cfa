// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The per-element work of every workload and the hand-written loops over a range of it.
// Every contender calls these same functions, so a difference in time is the scheduling's,
// not the arithmetic's.
#pragma once

#include <atomic>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace bench {

inline long square(long x) { return x * x; }
inline bool is_even(long x) { return x % 2 == 0; }
inline bool above_1000(long x) { return x > 1000; }

// filter(even) | map(square) | filter(> 1000) folded into one value per element (0 when
// filtered out), for the contenders that have no filter stage.
inline long pipeline_contribution(long x)
{
    if (!is_even(x))
        return 0;
    const long squared = square(x);
    return above_1000(squared) ? squared : 0;
}

// FastIter's expensive_computation: 20 rounds of r = (r * 1.1 + 1) % 1e6, from r = x.
inline long expensive_element(long x)
{
    double r = double(x);
    for (int round = 0; round < 20; ++round)
        r = std::fmod(r * 1.1 + 1, 1e6);
    return long(r);
}

// Element i of n runs 1 + 1000 * i / n rounds of the expensive step: the last element costs
// 1000x the first, so a static split into halves leaves one thread with 3/4 of the work.
inline long irregular_element(long i, long n)
{
    const long rounds = 1 + i * 1000 / n;
    double r = double(i);
    for (long round = 0; round < rounds; ++round)
        r = std::fmod(r * 1.1 + 1, 1e6);
    return long(r);
}

// deterministic's element: a double whose sum depends on the order of the additions.
inline double reciprocal_of_successor(long x) { return 1.0 / double(1 + x); }

// early_exit and throw_early look for element 0 of 0..n. The test hashes x first (the
// splitmix64 finaliser, a bijection, so only 0 matches): with a plain x == 0, clang turns the
// throwing loop over a block that cannot hold 0 into one range check, and a runtime that never
// stops early would look as fast as one that does. Here every element costs a few ns.
inline bool early_exit_match(long x)
{
    auto z = std::uint64_t(x);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return (z ^ (z >> 31)) == 0;
}

// What throw_early throws at element 0; every kernel catches it and returns 1.
struct early_exit_thrown {};

inline void throw_on_match(long x)
{
    if (early_exit_match(x))
        throw early_exit_thrown{};
}

// throw_early's result: 1 once the exception reached the caller of run(), 0 if nothing threw.
template <class Run>
long catches_early_exit(const Run& run)
{
    try {
        run();
    } catch (const early_exit_thrown&) {
        return 1;
    }
    return 0;
}

// --- the hand-written loops: the sequential contender runs them over [0, n), the limit
// contender over static slices, oneTBB inside its range bodies ---------------------------

inline long sum_loop(const long* data, std::size_t from, std::size_t to)
{
    long sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += data[i];
    return sum;
}

inline long sum_of_squares_loop(const long* data, std::size_t from, std::size_t to)
{
    long sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += square(data[i]);
    return sum;
}

inline long count_evens_loop(const long* data, std::size_t from, std::size_t to)
{
    long count = 0;
    for (std::size_t i = from; i < to; ++i)
        count += is_even(data[i]);
    return count;
}

// LONG_MIN for an empty range: the identity of max.
inline long max_loop(const long* data, std::size_t from, std::size_t to)
{
    long best = LONG_MIN;
    for (std::size_t i = from; i < to; ++i)
        best = data[i] > best ? data[i] : best;
    return best;
}

inline long pipeline_loop(const long* data, std::size_t from, std::size_t to)
{
    long sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += pipeline_contribution(data[i]);
    return sum;
}

inline long expensive_loop(long from, long to)
{
    long sum = 0;
    for (long x = from; x < to; ++x)
        sum += expensive_element(x);
    return sum;
}

inline long irregular_loop(long from, long to, long n)
{
    long sum = 0;
    for (long i = from; i < to; ++i)
        sum += irregular_element(i, n);
    return sum;
}

inline double reciprocal_sum_loop(const long* data, std::size_t from, std::size_t to)
{
    double sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += reciprocal_of_successor(data[i]);
    return sum;
}

// True at the first match in [from, to); false when there is none, or as soon as `stop` is
// set by a thread that found one elsewhere. The sequential contender passes a flag nobody
// sets, so that it runs the same code.
inline bool any_match_loop(long from, long to, const std::atomic<bool>& stop)
{
    for (long x = from; x < to; ++x) {
        // relaxed: the flag only says "stop looking"; the answer travels by the runtime's join.
        if (stop.load(std::memory_order_relaxed))
            return false;
        if (early_exit_match(x))
            return true;
    }
    return false;
}

inline void throw_on_match_loop(long from, long to)
{
    for (long x = from; x < to; ++x)
        throw_on_match(x);
}

inline void collect_loop(const long* data, long* out, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i)
        out[i] = square(data[i]);
}

// join_tree: halves [from, to) `depth` times, runs both halves through fork(left, right) (a
// runtime's fork-join, or one after the other), and sums the expensive step over each leaf.
template <class Fork>
long join_tree(long from, long to, int depth, const Fork& fork)
{
    if (depth == 0)
        return expensive_loop(from, to);
    const long mid = from + (to - from) / 2;
    long left_sum = 0;
    long right_sum = 0;
    auto left = [&] { left_sum = join_tree(from, mid, depth - 1, fork); };
    auto right = [&] { right_sum = join_tree(mid, to, depth - 1, fork); };
    fork(left, right);
    return left_sum + right_sum;
}

}  // namespace bench
