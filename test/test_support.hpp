// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// What the operation tests share: deterministic inputs, the sequential loops results are
// compared with, and Boost.Test predicates that name the first difference.
#pragma once

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <ostream>
#include <tuple>
#include <type_traits>
#include <vector>

namespace fastiter_test {

// Deterministic values in [lo, hi], from splitmix64.
inline std::vector<long> pseudo_random(std::size_t n, long lo, long hi, std::uint64_t seed = 42)
{
    std::vector<long> out(n);
    for (auto& v : out) {
        std::uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        v = lo + long(z % std::uint64_t(hi - lo + 1));
    }
    return out;
}

// The same, made once and shared by every thread count (std::map: references stay valid as it
// grows).
inline const std::vector<long>& cached_pseudo_random(std::size_t n, long lo, long hi, std::uint64_t seed = 42)
{
    static std::map<std::tuple<std::size_t, long, long, std::uint64_t>, std::vector<long>> cache;
    const auto key = std::tuple(n, lo, hi, seed);
    auto found = cache.find(key);
    if (found == cache.end())
        found = cache.emplace(key, pseudo_random(n, lo, hi, seed)).first;
    return found->second;
}

// The two spellings (member and pipe) share everything below operator|, so at the largest size
// each runs on two of three pools only (member: all but 2 threads, pipe: all but 1), to keep a
// Debug run short.
struct spellings {
    bool member, pipe;
};

inline spellings spellings_for(std::size_t threads, std::size_t n, std::size_t largest)
{
    if (n < largest)
        return {true, true};
    return {threads != 2, threads != 1};
}

template <class T>
concept printable = requires(std::ostream& out, const T& t) { out << t; };

// Element-wise equality that names the first difference; Boost.Test's per_element would assert
// once per element, which takes seconds at millions of elements in a Debug build.
template <class Actual, class Expected>
boost::test_tools::predicate_result same_elements(const Actual& actual, const Expected& expected)
{
    boost::test_tools::predicate_result result(false);
    if (std::size(actual) != std::size(expected)) {
        result.message() << "sizes differ: " << std::size(actual) << " != " << std::size(expected);
        return result;
    }
    const auto [a, e] = std::mismatch(std::begin(actual), std::end(actual), std::begin(expected));
    if (a == std::end(actual))
        return true;
    result.message() << "first difference at index " << std::distance(std::begin(actual), a);
    if constexpr (printable<std::remove_cvref_t<decltype(*a)>>)
        result.message() << ": " << *a << " != " << *e;
    return result;
}

template <class T>
boost::test_tools::predicate_result same_optional(const std::optional<T>& actual, const std::optional<T>& expected)
{
    if (actual.has_value() == expected.has_value() && (!actual || *actual == *expected))
        return true;
    boost::test_tools::predicate_result result(false);
    result.message() << (actual ? "a value" : "nothing") << " where the loop gives " << (expected ? "a value" : "nothing");
    if constexpr (printable<T>)
        if (actual && expected)
            result.message() << ": " << *actual << " != " << *expected;
    return result;
}

// The sequential loops the parallel results are compared with.
template <class T, class F>
auto loop_map(const std::vector<T>& in, F f)
{
    std::vector<std::remove_cvref_t<std::invoke_result_t<F&, const T&>>> out;
    for (const auto& x : in)
        out.push_back(f(x));
    return out;
}

template <class T, class P>
std::vector<T> loop_filter(const std::vector<T>& in, P p)
{
    std::vector<T> out;
    for (const auto& x : in)
        if (p(x))
            out.push_back(x);
    return out;
}

}  // namespace fastiter_test
