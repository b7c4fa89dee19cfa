// The per-element work of every workload and the hand-written loops over a range of it.
// Every contender calls these same functions, so a difference in time is the scheduling's,
// not the arithmetic's.
#pragma once

#include <climits>
#include <cmath>
#include <cstddef>

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

// The seed's expensive_computation: 20 rounds of r = (r * 1.1 + 1) % 1e6, from r = x.
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

inline void collect_loop(const long* data, long* out, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i)
        out[i] = square(data[i]);
}

}  // namespace bench
