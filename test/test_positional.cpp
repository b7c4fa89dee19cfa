// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The positional operations (enumerate, zip, take, skip, step_by, rev, chunks) and chain, in both
// spellings (member and pipe), compared with the sequential loop at sizes 0, 1, 2, 97 and
// 100'003 on pools of 1, 2 and 8 threads, each with map before it and map or filter after it;
// then compositions of them, the terminals after them, and the rules: arguments out of range,
// zip's length, chain's order and lifetimes of the sources they close over.
#define BOOST_TEST_MODULE fastiter positional
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"
#include "watchdog.hpp"

#include <fastiter/fastiter.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace fi = fastiter;
namespace bdata = boost::unit_test::data;

// A named namespace, not an anonymous one: BOOST_DATA_TEST_CASE's body is a member template
// outside it, and g++ warns (-Wsubobject-linkage) when its lambdas capture internal types.
namespace positional_test {

using namespace fastiter_test;

const std::vector<std::size_t> sizes{0, 1, 2, 97, 100'003};
const std::vector<std::size_t> thread_counts{1, 2, 8};
constexpr std::size_t largest = 100'003;

// The inputs, made once per size and shared by every thread count; `others` are a second
// input for zip and chain, of another length.
const std::vector<long>& values_of_size(std::size_t n) { return cached_pseudo_random(n, -1000, 1000); }
const std::vector<long>& others_of_size(std::size_t n) { return cached_pseudo_random(n, -50, 50, 7); }

template <class T>
std::vector<std::pair<std::size_t, T>> loop_enumerate(const std::vector<T>& in)
{
    std::vector<std::pair<std::size_t, T>> out;
    for (std::size_t i = 0; i < in.size(); ++i)
        out.emplace_back(i, in[i]);
    return out;
}

template <class A, class B>
std::vector<std::pair<A, B>> loop_zip(const std::vector<A>& a, const std::vector<B>& b)
{
    std::vector<std::pair<A, B>> out;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        out.emplace_back(a[i], b[i]);
    return out;
}

template <class T>
std::vector<T> loop_take(const std::vector<T>& in, std::size_t k)
{
    return std::vector<T>(in.begin(), in.begin() + std::ptrdiff_t(std::min(k, in.size())));
}

template <class T>
std::vector<T> loop_skip(const std::vector<T>& in, std::size_t k)
{
    return std::vector<T>(in.begin() + std::ptrdiff_t(std::min(k, in.size())), in.end());
}

template <class T>
std::vector<T> loop_step_by(const std::vector<T>& in, std::size_t k)
{
    std::vector<T> out;
    for (std::size_t i = 0; i < in.size(); i += k)
        out.push_back(in[i]);
    return out;
}

template <class T>
std::vector<T> loop_rev(const std::vector<T>& in)
{
    return std::vector<T>(in.rbegin(), in.rend());
}

template <class T>
std::vector<std::vector<T>> loop_chunks(const std::vector<T>& in, std::size_t k)
{
    std::vector<std::vector<T>> out;
    for (std::size_t i = 0; i < in.size(); i += k)
        out.emplace_back(in.begin() + std::ptrdiff_t(i), in.begin() + std::ptrdiff_t(std::min(i + k, in.size())));
    return out;
}

template <class T, class U>
std::vector<T> loop_chain(const std::vector<T>& a, const std::vector<U>& b)
{
    std::vector<T> out(a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

template <class T>
T loop_sum(const std::vector<T>& in)
{
    T total{};
    for (const auto& x : in)
        total += x;
    return total;
}

char letter(long v) { return char('a' + (v % 26 + 26) % 26); }

const auto twice = [](long v) { return 2 * v; };
const auto plus_one = [](long v) { return v + 1; };
const auto square = [](long v) { return v * v; };
const auto is_odd = [](long v) { return v % 2 != 0; };
const auto is_positive = [](long v) { return v > 0; };
const auto second_is_positive = [](const auto& pair) { return pair.second > 0; };
const auto first_plus_second = [](const auto& pair) { return long(pair.first) + long(pair.second); };
const auto size_of = [](const auto& range) { return range.size(); };

}  // namespace positional_test

using namespace positional_test;

BOOST_FIXTURE_TEST_SUITE(size_and_thread_matrix, fastiter_test::watchdog)

BOOST_DATA_TEST_CASE(enumerate_matches_the_loop, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto run = spellings_for(threads, n, largest);
    const auto enumerated = loop_enumerate(values);
    const auto twice_enumerated_positive = loop_filter(loop_enumerate(loop_map(values, twice)), second_is_positive);
    const auto index_plus_value = loop_map(enumerated, first_plus_second);
    fi::thread_pool pool(threads);
    pool.install([&] {
        if (run.member) {
            BOOST_TEST(same_elements(fi::into_par_iter(values).enumerate().collect(), enumerated));
            BOOST_TEST(same_elements(fi::into_par_iter(values).map(twice).enumerate().filter(second_is_positive).collect(),
                                     twice_enumerated_positive));
            BOOST_TEST(fi::into_par_iter(values).enumerate().count() == n);
            BOOST_TEST(fi::par_range(0L, long(n)).enumerate().all([](const auto& p) { return long(p.first) == p.second; }));
        }
        if (run.pipe) {
            BOOST_TEST(same_elements(values | fi::par_enumerate | fi::par_collect, enumerated));
            BOOST_TEST(same_elements(values | fi::par_map(twice) | fi::par_enumerate | fi::par_filter(second_is_positive) |
                                         fi::par_collect,
                                     twice_enumerated_positive));
            BOOST_TEST(same_elements(values | fi::par_enumerate | fi::par_map(first_plus_second) | fi::par_collect,
                                     index_plus_value));
            BOOST_TEST((values | fi::par_enumerate | fi::par_map([](const auto& p) { return p.first; }) | fi::par_sum) ==
                       (n == 0 ? 0 : n * (n - 1) / 2));
        }
    });
}

BOOST_DATA_TEST_CASE(zip_matches_the_loop, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto run = spellings_for(threads, n, largest);
    std::vector<char> shorter;  // n / 2 + 1 letters: shorter than values from n = 3 on
    for (std::size_t i = 0; i < n / 2 + 1; ++i)
        shorter.push_back(letter(long(i)));
    const auto& longer = others_of_size(n + 3);
    std::vector<long> squares;
    for (long i = 0; i < long(n) + 5; ++i)
        squares.push_back(square(i));
    const auto with_shorter = loop_zip(values, shorter);
    const auto with_longer = loop_zip(values, longer);
    const auto twice_with_squares = loop_zip(loop_map(values, twice), squares);
    fi::thread_pool pool(threads);
    pool.install([&] {
        if (run.member) {
            BOOST_TEST(same_elements(fi::into_par_iter(values).zip(shorter).collect(), with_shorter));
            BOOST_TEST(same_elements(fi::into_par_iter(shorter).zip(values).collect(), loop_zip(shorter, values)));
            BOOST_TEST(same_elements(fi::into_par_iter(values).zip(std::vector<long>(longer)).collect(), with_longer));
            // Another parallel iterator, with a stage of its own, on the right.
            BOOST_TEST(same_elements(fi::into_par_iter(values).map(twice).zip(fi::par_range(0L, long(n) + 5).map(square))
                                         .filter(second_is_positive)
                                         .collect(),
                                     loop_filter(twice_with_squares, second_is_positive)));
            BOOST_TEST(fi::into_par_iter(values).zip(shorter).count() == with_shorter.size());
        }
        if (run.pipe) {
            BOOST_TEST(same_elements(values | fi::par_zip(longer) | fi::par_collect, with_longer));
            BOOST_TEST(same_elements(values | fi::par_zip(shorter) | fi::par_collect, with_shorter));
            BOOST_TEST(same_elements(values | fi::par_map(twice) | fi::par_zip(fi::par_range(0L, long(n) + 5).map(square)) |
                                         fi::par_map(first_plus_second) | fi::par_collect,
                                     loop_map(twice_with_squares, first_plus_second)));
            BOOST_TEST((values | fi::par_zip(longer) | fi::par_map(first_plus_second) | fi::par_sum) ==
                       loop_sum(loop_map(with_longer, first_plus_second)));
        }
    });
}

BOOST_DATA_TEST_CASE(take_skip_and_step_by_match_the_loop, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto run = spellings_for(threads, n, largest);
    const auto doubled = loop_map(values, twice);
    fi::thread_pool pool(threads);
    pool.install([&] {
        for (std::size_t k : {std::size_t{0}, std::size_t{1}, std::size_t{2}, n / 2, n, n + 7}) {
            BOOST_TEST_CONTEXT("take / skip " << k)
            {
                if (run.member) {
                    BOOST_TEST(same_elements(fi::into_par_iter(values).take(k).collect(), loop_take(values, k)));
                    BOOST_TEST(same_elements(fi::into_par_iter(values).map(twice).skip(k).filter(is_positive).collect(),
                                             loop_filter(loop_skip(doubled, k), is_positive)));
                    BOOST_TEST(fi::into_par_iter(values).skip(k).count() == n - std::min(k, n));
                }
                if (run.pipe) {
                    BOOST_TEST(same_elements(values | fi::par_skip(k) | fi::par_collect, loop_skip(values, k)));
                    BOOST_TEST(same_elements(values | fi::par_map(twice) | fi::par_take(k) | fi::par_map(plus_one) |
                                                 fi::par_collect,
                                             loop_map(loop_take(doubled, k), plus_one)));
                    BOOST_TEST((values | fi::par_take(k) | fi::par_sum) == loop_sum(loop_take(values, k)));
                }
            }
        }
        for (std::size_t k : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{97}, n + 1}) {
            BOOST_TEST_CONTEXT("step_by " << k)
            {
                if (run.member) {
                    BOOST_TEST(same_elements(fi::into_par_iter(values).step_by(k).collect(), loop_step_by(values, k)));
                    BOOST_TEST(same_elements(fi::into_par_iter(values).map(twice).step_by(k).filter(is_positive).collect(),
                                             loop_filter(loop_step_by(doubled, k), is_positive)));
                }
                if (run.pipe) {
                    BOOST_TEST(same_elements(values | fi::par_step_by(k) | fi::par_collect, loop_step_by(values, k)));
                    BOOST_TEST((values | fi::par_map(twice) | fi::par_step_by(k) | fi::par_map(plus_one) | fi::par_sum) ==
                               loop_sum(loop_map(loop_step_by(doubled, k), plus_one)));
                }
            }
        }
    });
}

BOOST_DATA_TEST_CASE(rev_and_chunks_match_the_loop, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto run = spellings_for(threads, n, largest);
    const auto reversed = loop_rev(values);
    const auto doubled = loop_map(values, twice);
    fi::thread_pool pool(threads);
    pool.install([&] {
        if (run.member) {
            BOOST_TEST(same_elements(fi::into_par_iter(values).rev().collect(), reversed));
            BOOST_TEST(same_elements(fi::into_par_iter(values).map(twice).rev().filter(is_positive).collect(),
                                     loop_filter(loop_rev(doubled), is_positive)));
            BOOST_TEST(same_elements(fi::into_par_iter(values).rev().rev().collect(), values));
        }
        if (run.pipe) {
            BOOST_TEST(same_elements(values | fi::par_rev | fi::par_collect, reversed));
            BOOST_TEST(same_elements(values | fi::par_map(twice) | fi::par_rev | fi::par_map(plus_one) | fi::par_collect,
                                     loop_map(loop_rev(doubled), plus_one)));
        }
        for (std::size_t k : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{64}, n + 1}) {
            if (k < 3 && n == largest)  // a vector per one or two elements: slow in a Debug build
                continue;
            BOOST_TEST_CONTEXT("chunks " << k)
            {
                const auto chunked = loop_chunks(values, k);
                if (run.member) {
                    BOOST_TEST(same_elements(fi::into_par_iter(values).chunks(k).collect(), chunked));
                    BOOST_TEST(fi::into_par_iter(values).map(twice).chunks(k).filter([k](const auto& c) { return c.size() == k; })
                                   .count() == n / k);
                }
                if (run.pipe) {
                    BOOST_TEST(same_elements(values | fi::par_map(twice) | fi::par_chunks(k) | fi::par_collect,
                                             loop_chunks(doubled, k)));
                    BOOST_TEST(same_elements(values | fi::par_chunks(k) | fi::par_map(size_of) | fi::par_collect,
                                             loop_map(chunked, size_of)));
                }
            }
        }
    });
}

BOOST_DATA_TEST_CASE(chain_matches_the_loop, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto& second = others_of_size(n / 3 + 1);
    const auto run = spellings_for(threads, n, largest);
    const auto chained = loop_chain(values, second);
    const auto odd_then_second = loop_chain(loop_filter(values, is_odd), second);
    const auto values_then_positive = loop_chain(values, loop_filter(second, is_positive));
    std::vector<long> small_range;
    for (long i = 0; i < 50; ++i)
        small_range.push_back(i);
    const std::vector<int> ints(second.begin(), second.end());
    fi::thread_pool pool(threads);
    pool.install([&] {
        if (run.member) {
            BOOST_TEST(same_elements(fi::into_par_iter(values).chain(second).collect(), chained));
            // Unindexed then indexed, indexed then unindexed, unindexed on both sides.
            BOOST_TEST(same_elements(fi::into_par_iter(values).filter(is_odd).chain(second).collect(), odd_then_second));
            BOOST_TEST(same_elements(fi::into_par_iter(values).chain(second | fi::par_filter(is_positive)).collect(),
                                     values_then_positive));
            BOOST_TEST(same_elements(
                fi::into_par_iter(values).filter(is_odd).chain(fi::into_par_iter(second).filter(is_positive)).collect(),
                loop_chain(loop_filter(values, is_odd), loop_filter(second, is_positive))));
            BOOST_TEST(same_elements(fi::into_par_iter(values).map(twice).chain(fi::par_range(0L, 50L)).filter(is_positive).collect(),
                                     loop_filter(loop_chain(loop_map(values, twice), small_range), is_positive)));
            // int then long: the elements are longs.
            const auto mixed = fi::into_par_iter(ints).chain(values).collect();
            static_assert(std::is_same_v<typename decltype(mixed)::value_type, long>);
            BOOST_TEST(same_elements(mixed, loop_chain(second, values)));
            BOOST_TEST(fi::into_par_iter(values).chain(second).sum() == loop_sum(chained));
            BOOST_TEST(fi::into_par_iter(values).filter(is_odd).chain(second).count() == odd_then_second.size());
            // Indexed on both sides: positional operations go on.
            BOOST_TEST(same_elements(fi::into_par_iter(values).chain(second).rev().collect(), loop_rev(chained)));
        }
        if (run.pipe) {
            BOOST_TEST(same_elements(values | fi::par_chain(second) | fi::par_collect, chained));
            BOOST_TEST(same_elements(values | fi::par_filter(is_odd) | fi::par_chain(fi::par_range(0L, 50L)) |
                                         fi::par_map(plus_one) | fi::par_collect,
                                     loop_map(loop_chain(loop_filter(values, is_odd), small_range), plus_one)));
            BOOST_TEST(same_elements(values | fi::par_chain(second) | fi::par_enumerate | fi::par_collect,
                                     loop_enumerate(chained)));
            BOOST_TEST(same_elements(values | fi::par_chain(second) | fi::par_step_by(3) | fi::par_collect,
                                     loop_step_by(chained, 3)));
        }
    });
}

BOOST_DATA_TEST_CASE(compositions_match_the_loop, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto run = spellings_for(threads, n, largest);
    const auto reversed = loop_rev(values);
    const auto rev_enumerate_skip_step = loop_step_by(loop_skip(loop_enumerate(reversed), 3), 2);
    const auto take_rev_chunks = loop_chunks(loop_rev(loop_take(values, n / 2)), 3);
    const auto skip_zip_rev = loop_zip(loop_skip(values, 1), reversed);
    const auto enumerate_rev_take = loop_take(loop_rev(loop_enumerate(values)), 5);
    const auto step_chain_rev = loop_enumerate(loop_chain(loop_step_by(values, 3), reversed));
    const auto chunks_enumerate_rev = loop_rev(loop_enumerate(loop_chunks(values, 4)));
    fi::thread_pool pool(threads);
    pool.install([&] {
        if (run.member) {
            BOOST_TEST(same_elements(fi::into_par_iter(values).rev().enumerate().skip(3).step_by(2).collect(),
                                     rev_enumerate_skip_step));
            BOOST_TEST(same_elements(fi::into_par_iter(values).take(n / 2).rev().chunks(3).collect(), take_rev_chunks));
            BOOST_TEST(same_elements(fi::into_par_iter(values).skip(1).zip(fi::into_par_iter(values).rev()).collect(),
                                     skip_zip_rev));
            BOOST_TEST(same_elements(fi::into_par_iter(values).enumerate().rev().take(5).collect(), enumerate_rev_take));
            BOOST_TEST(same_elements(fi::into_par_iter(values).step_by(3).chain(fi::into_par_iter(values).rev()).enumerate().collect(),
                                     step_chain_rev));
            BOOST_TEST(same_elements(fi::into_par_iter(values).chunks(4).enumerate().rev().collect(), chunks_enumerate_rev));
            BOOST_TEST(same_elements(
                fi::into_par_iter(values).map(twice).rev().enumerate().skip(3).step_by(2).map(first_plus_second).collect(),
                loop_map(loop_step_by(loop_skip(loop_enumerate(loop_map(reversed, twice)), 3), 2), first_plus_second)));
        }
        if (run.pipe) {
            BOOST_TEST(same_elements(values | fi::par_rev | fi::par_enumerate | fi::par_skip(3) | fi::par_step_by(2) |
                                         fi::par_collect,
                                     rev_enumerate_skip_step));
            BOOST_TEST(same_elements(values | fi::par_take(n / 2) | fi::par_rev | fi::par_chunks(3) | fi::par_collect,
                                     take_rev_chunks));
            BOOST_TEST(same_elements(values | fi::par_skip(1) | fi::par_zip(values | fi::par_rev) | fi::par_collect,
                                     skip_zip_rev));
            BOOST_TEST(same_elements(values | fi::par_enumerate | fi::par_rev | fi::par_take(5) | fi::par_collect,
                                     enumerate_rev_take));
            BOOST_TEST(same_elements(values | fi::par_chunks(4) | fi::par_enumerate | fi::par_rev |
                                         fi::par_filter([](const auto& p) { return p.first % 2 == 0; }) | fi::par_collect,
                                     loop_filter(chunks_enumerate_rev, [](const auto& p) { return p.first % 2 == 0; })));
        }
    });
}

BOOST_DATA_TEST_CASE(terminals_after_positional_operations_match_the_loop, bdata::make(thread_counts) * bdata::make(sizes),
                     threads, n)
{
    const auto& values = values_of_size(n);
    const auto run = spellings_for(threads, n, largest);
    const auto reversed = loop_rev(values);
    const auto enumerated = loop_enumerate(values);
    auto is_multiple_of_seven = [](long v) { return v % 7 == 0; };
    auto first_match = [](const auto& in, auto pred) {
        std::optional<std::remove_cvref_t<decltype(in[0])>> found;
        for (const auto& x : in)
            if (pred(x))
                return std::optional(x);
        return found;
    };
    auto last_match = [](const auto& in, auto pred) {
        std::optional<std::remove_cvref_t<decltype(in[0])>> found;
        for (const auto& x : in)
            if (pred(x))
                found = x;
        return found;
    };
    auto position = [](const auto& in, auto pred) {
        for (std::size_t i = 0; i < in.size(); ++i)
            if (pred(in[i]))
                return std::optional(i);
        return std::optional<std::size_t>();
    };
    // Keys modulo 10 tie often; enumerate's index tells equal keys apart.
    auto key_mod_10 = [](const std::pair<std::size_t, long>& p) { return p.second % 10; };
    std::optional<std::pair<std::size_t, long>> first_min, last_max;
    for (const auto& p : enumerated) {
        if (!first_min || key_mod_10(p) < key_mod_10(*first_min))
            first_min = p;
        if (!last_max || !(key_mod_10(p) < key_mod_10(*last_max)))
            last_max = p;
    }
    const auto reversed_first_seven = position(reversed, is_multiple_of_seven);
    long product_of_first_three = 1;
    for (long v : loop_take(values, 3))
        product_of_first_three *= v + 1;
    std::string every_other_letter;
    for (long v : loop_step_by(values, 2))
        every_other_letter += letter(v);
    fi::thread_pool pool(threads);
    pool.install([&] {
        if (run.member) {
            BOOST_TEST(same_optional(fi::into_par_iter(values).rev().find_first(is_multiple_of_seven),
                                     first_match(reversed, is_multiple_of_seven)));
            BOOST_TEST(same_optional(fi::into_par_iter(values).rev().position_first(is_multiple_of_seven), reversed_first_seven));
            const auto any_position = fi::into_par_iter(values).rev().position_any(is_multiple_of_seven);
            BOOST_TEST(any_position.has_value() == reversed_first_seven.has_value());
            if (any_position)
                BOOST_TEST(is_multiple_of_seven(reversed[*any_position]));
            BOOST_TEST(same_optional(fi::into_par_iter(values).enumerate().min_by_key(key_mod_10), first_min));
            const auto [numbers, indices] = fi::into_par_iter(values).zip(fi::par_range(std::size_t{0}, n)).unzip();
            BOOST_TEST(same_elements(numbers, values));
            BOOST_TEST(indices.size() == n);
            const auto [odd, even] = fi::into_par_iter(values).enumerate().partition([](const auto& p) { return p.second % 2 != 0; });
            BOOST_TEST(same_elements(odd, loop_filter(enumerated, [](const auto& p) { return p.second % 2 != 0; })));
            BOOST_TEST(odd.size() + even.size() == n);
            BOOST_TEST((fi::into_par_iter(values).enumerate().template collect_into<std::map<std::size_t, long>>() ==
                        std::map<std::size_t, long>(enumerated.begin(), enumerated.end())));
            BOOST_TEST(fi::into_par_iter(values).rev().all() == std::all_of(values.begin(), values.end(), [](long v) { return v != 0; }));
            BOOST_TEST(fi::into_par_iter(values).step_by(2).map(letter).template collect_into<std::string>() ==
                       every_other_letter);
        }
        if (run.pipe) {
            BOOST_TEST(same_optional(values | fi::par_rev | fi::par_find_last(is_multiple_of_seven),
                                     last_match(reversed, is_multiple_of_seven)));
            BOOST_TEST(same_optional(values | fi::par_skip(n / 3) | fi::par_position_first(is_multiple_of_seven),
                                     position(loop_skip(values, n / 3), is_multiple_of_seven)));
            BOOST_TEST(same_optional(values | fi::par_enumerate | fi::par_max_by_key(key_mod_10), last_max));
            const auto [indices, numbers] = values | fi::par_enumerate | fi::par_rev | fi::par_unzip;
            BOOST_TEST(same_elements(numbers, reversed));
            BOOST_TEST(indices.size() == n);
            const auto found = values | fi::par_rev | fi::par_find_any(is_multiple_of_seven);
            BOOST_TEST(found.has_value() == reversed_first_seven.has_value());
            if (found)
                BOOST_TEST(is_multiple_of_seven(*found));
            BOOST_TEST((values | fi::par_take(3) | fi::par_map(plus_one) | fi::par_product) == product_of_first_three);
            BOOST_TEST((values | fi::par_chunks(7) | fi::par_map(size_of) | fi::par_sum) == n);
            BOOST_TEST((values | fi::par_rev | fi::par_any) == std::any_of(values.begin(), values.end(), [](long v) { return v != 0; }));
        }
    });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(rules, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(step_by_0_and_chunks_0_throw_invalid_argument)
{
    const std::vector<long> empty, some{1, 2, 3};
    BOOST_CHECK_THROW(fi::into_par_iter(some).step_by(0), std::invalid_argument);
    BOOST_CHECK_THROW(fi::into_par_iter(empty).step_by(0), std::invalid_argument);
    BOOST_CHECK_THROW(some | fi::par_step_by(0), std::invalid_argument);
    BOOST_CHECK_THROW(some | fi::par_map(twice) | fi::par_rev | fi::par_step_by(0), std::invalid_argument);
    BOOST_CHECK_THROW(fi::into_par_iter(some).chunks(0), std::invalid_argument);
    BOOST_CHECK_THROW(fi::into_par_iter(empty).chunks(0), std::invalid_argument);
    BOOST_CHECK_THROW(some | fi::par_chunks(0), std::invalid_argument);
    BOOST_CHECK_THROW(std::vector<long>(2, 4) | fi::par_enumerate | fi::par_chunks(0), std::invalid_argument);
    BOOST_CHECK_NO_THROW(some | fi::par_step_by(1));
    BOOST_CHECK_NO_THROW(some | fi::par_chunks(1));
}

BOOST_AUTO_TEST_CASE(take_and_skip_beyond_the_length)
{
    const std::vector<long> some{1, 2, 3};
    BOOST_TEST(same_elements(fi::into_par_iter(some).take(4).collect(), some));
    BOOST_TEST(same_elements(some | fi::par_take(std::size_t(-1)) | fi::par_collect, some));
    BOOST_TEST(fi::into_par_iter(some).skip(4).collect().empty());
    BOOST_TEST((some | fi::par_skip(std::size_t(-1)) | fi::par_count) == 0u);
    BOOST_TEST(same_elements(some | fi::par_step_by(std::size_t(-1)) | fi::par_collect, std::vector<long>{1}));
    BOOST_TEST(same_elements(some | fi::par_chunks(std::size_t(-1)) | fi::par_collect, std::vector<std::vector<long>>{some}));
    BOOST_TEST((std::vector<long>{} | fi::par_rev | fi::par_count) == 0u);
    BOOST_TEST(fi::into_par_iter(std::vector<long>{}).chunks(3).collect().empty());
}

BOOST_AUTO_TEST_CASE(zip_is_as_long_as_the_shorter_side)
{
    const std::vector<long> three{1, 2, 3}, five{10, 20, 30, 40, 50}, none;
    const std::vector<std::pair<long, long>> expected{{1, 10}, {2, 20}, {3, 30}};
    const std::vector<std::pair<long, long>> swapped{{10, 1}, {20, 2}, {30, 3}};
    BOOST_TEST(same_elements(fi::into_par_iter(three).zip(five).collect(), expected));
    BOOST_TEST(same_elements(five | fi::par_zip(three) | fi::par_collect, swapped));
    BOOST_TEST(fi::into_par_iter(three).zip(none).collect().empty());
    BOOST_TEST((none | fi::par_zip(five) | fi::par_count) == 0u);
    BOOST_TEST(same_elements(fi::into_par_iter(three).zip(fi::par_range(10L, 1000L, 10)).collect(), expected));
    BOOST_TEST(same_elements(fi::par_range(10L, 1000L, 10).zip(three).map([](const auto& p) { return std::pair(p.second, p.first); })
                                 .collect(),
                             expected));
}

BOOST_AUTO_TEST_CASE(chain_gives_the_first_sides_elements_then_the_seconds)
{
    const std::vector<long> first{1, 2, 3}, second{4, 5}, none;
    BOOST_TEST(same_elements(fi::into_par_iter(first).chain(second).collect(), std::vector<long>{1, 2, 3, 4, 5}));
    BOOST_TEST(same_elements(second | fi::par_chain(first) | fi::par_collect, std::vector<long>{4, 5, 1, 2, 3}));
    BOOST_TEST(same_elements(fi::into_par_iter(none).chain(second).collect(), second));
    BOOST_TEST(same_elements(fi::into_par_iter(first).chain(none).collect(), first));
    BOOST_TEST(fi::into_par_iter(none).chain(none).collect().empty());
    BOOST_TEST(same_elements(fi::into_par_iter(first).filter(is_odd).chain(second).collect(), std::vector<long>{1, 3, 4, 5}));
    BOOST_TEST(same_elements(first | fi::par_chain(second | fi::par_filter(is_odd)) | fi::par_collect,
                             std::vector<long>{1, 2, 3, 5}));
    // Indexed after chain only when both sides are.
    BOOST_TEST(decltype(fi::into_par_iter(first).chain(second))::indexed);
    BOOST_TEST(decltype(fi::into_par_iter(first).map(twice).chain(fi::par_range(0L, 3L)))::indexed);
    BOOST_TEST(!decltype(fi::into_par_iter(first).filter(is_odd).chain(second))::indexed);
    BOOST_TEST(!decltype(fi::into_par_iter(first).chain(fi::into_par_iter(second).filter(is_odd)))::indexed);
    // Searches and positions run across the boundary, in order.
    const auto big = fi::par_range(0L, 300'000L).chain(fi::par_range(0L, 300'000L));
    fi::thread_pool pool(8);
    pool.install([&] {
        BOOST_TEST(same_optional(big.find_first([](long v) { return v == 299'999; }), std::optional(299'999L)));
        BOOST_TEST(same_optional(big.position_first([](long v) { return v == 5; }), std::optional(std::size_t{5})));
        BOOST_TEST(same_optional(big.rev().position_first([](long v) { return v == 5; }), std::optional(std::size_t{299'994})));
        BOOST_TEST(same_optional(big.enumerate().find_last([](const auto& p) { return p.second == 5; }),
                                 std::optional(std::pair<std::size_t, long>(300'005, 5))));
        BOOST_TEST(big.sum() == 2 * (299'999L * 300'000L / 2));
    });
}

// Every positional operation closes over its source; stored and run later, the iterator must
// still own (rvalue) or reference (lvalue) it. AddressSanitizer checks the lifetimes.
BOOST_AUTO_TEST_CASE(positional_iterators_run_after_their_rvalue_sources_are_gone)
{
    auto make = [] { return pseudo_random(1000, -1000, 1000, 3); };
    const auto values = make();
    const auto enumerated = fi::into_par_iter(make()).enumerate();
    const auto zipped = fi::into_par_iter(make()).zip(make());
    const auto zipped_with_iterator = fi::into_par_iter(make()).zip(fi::into_par_iter(make()).map(twice));
    const auto taken = fi::into_par_iter(make()).take(10);
    const auto skipped = fi::into_par_iter(make()).map(twice).skip(10);
    const auto stepped = make() | fi::par_step_by(3);
    const auto reversed = make() | fi::par_rev;
    const auto chunked = make() | fi::par_chunks(7);
    const auto chained = fi::into_par_iter(make()).chain(make());
    const auto chained_piped = make() | fi::par_chain(fi::into_par_iter(make()).filter(is_odd));
    fi::thread_pool pool(2);
    pool.install([&] {
        BOOST_TEST(same_elements(enumerated.collect(), loop_enumerate(values)));
        BOOST_TEST(same_elements(zipped.collect(), loop_zip(values, values)));
        BOOST_TEST(same_elements(zipped_with_iterator.collect(), loop_zip(values, loop_map(values, twice))));
        BOOST_TEST(same_elements(taken.collect(), loop_take(values, 10)));
        BOOST_TEST(same_elements(skipped.collect(), loop_skip(loop_map(values, twice), 10)));
        BOOST_TEST(same_elements(stepped.collect(), loop_step_by(values, 3)));
        BOOST_TEST(same_elements(reversed.collect(), loop_rev(values)));
        BOOST_TEST(same_elements(chunked.collect(), loop_chunks(values, 7)));
        BOOST_TEST(same_elements(chained.collect(), loop_chain(values, values)));
        BOOST_TEST(same_elements(chained_piped.collect(), loop_chain(values, loop_filter(values, is_odd))));
    });
}

// Regression: `range | par_zip(other)` and `range | par_chain(other)` with `other` a range
// used to capture a copy of `other` in the pipe step, a temporary of the full expression, and
// reference that copy; an iterator stored in a variable then read a destroyed vector
// (AddressSanitizer: stack-use-after-scope; without it, garbage). Smallest case:
//     std::vector<int> a{1, 2, 3}, b{4, 5, 6};
//     auto z = a | fastiter::par_zip(b);
//     z.collect();  // read the destroyed copy of b
BOOST_AUTO_TEST_CASE(pipe_zip_and_chain_with_a_range_can_be_stored)
{
    const std::vector<long> a{1, 2, 3}, b{4, 5, 6};
    const auto zipped = a | fi::par_zip(b);
    const auto chained = a | fi::par_chain(b);
    std::vector<long> overwrite(3, -1);  // reuses the freed stack or heap, so that garbage shows
    BOOST_TEST(overwrite.size() == 3u);
    BOOST_TEST(same_elements(zipped.collect(), loop_zip(a, b)));
    BOOST_TEST(same_elements(chained.collect(), loop_chain(a, b)));
}

// An element with a counted copy; moves are free and not counted.
struct tracked {
    static inline std::atomic<long> copies{0};
    long value = 0;

    explicit tracked(long v) : value(v) {}
    tracked(const tracked& other) : value(other.value) { copies.fetch_add(1, std::memory_order_relaxed); }
    tracked(tracked&&) noexcept = default;
    tracked& operator=(const tracked& other)
    {
        value = other.value;
        copies.fetch_add(1, std::memory_order_relaxed);
        return *this;
    }
    tracked& operator=(tracked&&) noexcept = default;
    ~tracked() = default;
};

// 0..999 as counted-copy elements, and an iterator owning them that maps to the values.
std::vector<tracked> tracked_items()
{
    std::vector<tracked> out;
    for (long i = 0; i < 1000; ++i)
        out.emplace_back(i);
    return out;
}
auto owned_tracked() { return fi::into_par_iter(tracked_items()).map([](const tracked& t) { return t.value; }); }

// 0..99 as move-only elements, and an iterator owning them that maps to the values.
std::vector<std::unique_ptr<long>> move_only_items()
{
    std::vector<std::unique_ptr<long>> out;
    for (long i = 0; i < 100; ++i)
        out.push_back(std::make_unique<long>(i));
    return out;
}
auto owned_move_only()
{
    return fi::into_par_iter(move_only_items()).map([](const std::unique_ptr<long>& p) { return *p; });
}

// Regression: parallel_iterator.hpp promises "Adaptors called on an rvalue move it into the
// result". The positional adaptors and chain used to have only a const member that copied the
// source: on an iterator owning its container, each copied the whole container (1000 copies
// for rev() here, 2000 for rev().enumerate()), and with move-only elements they did not
// compile. Every copy is counted while the pipelines are built.
BOOST_AUTO_TEST_CASE(positional_adaptors_and_chain_on_an_rvalue_move_the_source)
{
    tracked::copies = 0;
    auto values = owned_tracked();
    auto reversed = std::move(values).rev();
    auto enumerated = std::move(reversed).enumerate();
    const auto taken = owned_tracked().take(10);
    const auto skipped = owned_tracked() | fi::par_skip(10);
    const auto stepped = owned_tracked().step_by(3);
    const auto chunked = owned_tracked() | fi::par_chunks(7);
    const auto zipped = owned_tracked().zip(owned_tracked());
    const auto zipped_with_vector = fi::into_par_iter(tracked_items()).zip(tracked_items());
    const auto chained = owned_tracked().chain(owned_tracked());
    BOOST_TEST(tracked::copies.load() == 0);
    BOOST_TEST(enumerated.count() == 1000u);
    BOOST_TEST((taken | fi::par_sum) == 45);
    BOOST_TEST(skipped.count() == 990u);
    BOOST_TEST(stepped.count() == 334u);
    BOOST_TEST(chunked.count() == 143u);
    BOOST_TEST(zipped.count() == 1000u);
    BOOST_TEST(zipped_with_vector.count() == 1000u);
    BOOST_TEST(chained.sum() == 2 * 999 * 1000 / 2);
}

// Regression: operator| used to copy its step, and with it an rvalue argument it held: 1000
// copies for `tracked_items() | par_zip(tracked_items())`, and a move-only argument did not compile.
BOOST_AUTO_TEST_CASE(pipe_zip_and_chain_move_an_rvalue_argument)
{
    tracked::copies = 0;
    const auto zipped_with_vector = tracked_items() | fi::par_zip(tracked_items());
    BOOST_TEST(tracked::copies.load() == 0);
    const auto zipped_with_iterator = fi::par_range(0L, 1000L) | fi::par_zip(owned_tracked());
    BOOST_TEST(tracked::copies.load() == 0);
    const auto chained_with_vector = tracked_items() | fi::par_chain(tracked_items());
    BOOST_TEST(tracked::copies.load() == 0);
    BOOST_TEST(zipped_with_vector.count() == 1000u);
    BOOST_TEST(zipped_with_iterator.count() == 1000u);
    BOOST_TEST(chained_with_vector.count() == 2000u);
}

BOOST_AUTO_TEST_CASE(positional_adaptors_and_chain_on_an_owned_move_only_container)
{
    auto position_minus_value = [](const auto& p) { return long(p.first) - p.second; };
    BOOST_TEST(same_elements(owned_move_only().enumerate().map(position_minus_value).collect(), std::vector<long>(100, 0)));
    BOOST_TEST(same_elements(owned_move_only().rev().take(3).collect(), std::vector<long>{99, 98, 97}));
    BOOST_TEST(same_elements((owned_move_only() | fi::par_skip(97) | fi::par_collect), std::vector<long>{97, 98, 99}));
    BOOST_TEST(owned_move_only().step_by(10).chunks(3).count() == 4u);
    BOOST_TEST(owned_move_only().zip(owned_move_only()).count() == 100u);
    BOOST_TEST(owned_move_only().chain(owned_move_only()).sum() == 2 * 99 * 100 / 2);
}

BOOST_AUTO_TEST_CASE(pipe_zip_and_chain_with_an_owned_move_only_argument)
{
    BOOST_TEST((fi::par_range(0L, 100L) | fi::par_zip(owned_move_only()) | fi::par_count) == 100u);
    BOOST_TEST((fi::par_range(0L, 100L) | fi::par_chain(owned_move_only()) | fi::par_count) == 200u);
}

BOOST_AUTO_TEST_CASE(rev_take_skip_and_step_by_hand_out_references_of_an_lvalue_container)
{
    std::vector<long> values(100, 0);
    fi::into_par_iter(values).rev().for_each([](long& v) { v += 1; });
    fi::into_par_iter(values).take(10).for_each([](long& v) { v += 10; });
    values | fi::par_skip(90) | fi::par_for_each([](long& v) { v += 100; });
    values | fi::par_step_by(50) | fi::par_for_each([](long& v) { v += 1000; });
    std::vector<long> expected(100, 1);
    for (std::size_t i = 0; i < 100; ++i)
        expected[i] += (i < 10 ? 10 : 0) + (i >= 90 ? 100 : 0) + (i % 50 == 0 ? 1000 : 0);
    BOOST_TEST(same_elements(values, expected));
}

BOOST_AUTO_TEST_CASE(searches_on_reversed_2m_elements_at_8_threads)
{
    constexpr long n = 2'000'000;
    auto sparse = [](long v) { return v % 250'000 == 77'777; };  // 77'777 ... 1'827'777
    fi::thread_pool pool(8);
    pool.install([&] {
        const auto reversed = fi::par_range(0L, n).rev();
        BOOST_TEST(same_optional(reversed.find_first(sparse), std::optional(1'827'777L)));
        BOOST_TEST(same_optional(reversed | fi::par_find_last(sparse), std::optional(77'777L)));
        BOOST_TEST(same_optional(reversed.position_first(sparse), std::optional(std::size_t(n - 1 - 1'827'777))));
        // Odd elements only from 100'001 on: the first match is 327'777.
        BOOST_TEST(same_optional(fi::par_range(0L, n) | fi::par_skip(100'001) | fi::par_step_by(2) |
                                     fi::par_position_first(sparse),
                                 std::optional(std::size_t((327'777 - 100'001) / 2))));
    });
}

BOOST_AUTO_TEST_SUITE_END()
