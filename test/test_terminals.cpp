// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Every terminal (sum, count, min, max, any, all, reduce, collect, for_each) in both spellings,
// compared with the sequential loop at sizes from 0 to 3'000'000 and on pools of 1, 2, 3 and 8
// threads; then the rules a loop makes obvious and a parallel run could break: ties, order,
// empty inputs, floating point, and element types that are expensive to copy.
#define BOOST_TEST_MODULE fastiter terminals
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"
#include "watchdog.hpp"

#include <fastiter/fastiter.hpp>

#include <algorithm>
#include <climits>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace fi = fastiter;
namespace tt = boost::test_tools;
namespace bdata = boost::unit_test::data;

// A named namespace, not an anonymous one: BOOST_DATA_TEST_CASE's body is a member template
// outside it, and g++ warns (-Wsubobject-linkage) when its lambdas capture internal types.
namespace terminals_test {

using namespace fastiter_test;

const std::vector<std::size_t> sizes{0, 1, 2, 3, 7, 97, 1000, 100'003, 3'000'000};
const std::vector<std::size_t> thread_counts{1, 2, 3, 8};

// Compares by key only, so that equal elements stay distinguishable by their index.
struct keyed {
    long key;
    std::size_t index;
    friend bool operator<(const keyed& a, const keyed& b) { return a.key < b.key; }
};

std::ostream& operator<<(std::ostream& out, const keyed& k)
{
    return out << "{key " << k.key << ", index " << k.index << "}";
}

// 2x2 matrices over the integers modulo 2^64: associative, not commutative.
struct mat2 {
    std::uint64_t a, b, c, d;
    friend bool operator==(const mat2&, const mat2&) = default;
};

std::ostream& operator<<(std::ostream& out, const mat2& m)
{
    return out << "[[" << m.a << ", " << m.b << "], [" << m.c << ", " << m.d << "]]";
}

mat2 operator*(const mat2& x, const mat2& y)
{
    return {x.a * y.a + x.b * y.c, x.a * y.b + x.b * y.d, x.c * y.a + x.d * y.c, x.c * y.b + x.d * y.d};
}

constexpr mat2 identity_matrix{1, 0, 0, 1};

// Shears alternate between upper and lower, so every factor has determinant 1: the product
// never collapses to a matrix that every order would produce.
mat2 shear(std::size_t i, long v)
{
    const auto x = std::uint64_t(v) * 0x9e3779b97f4a7c15ULL + i;
    return i % 2 == 0 ? mat2{1, x, 0, 1} : mat2{1, 0, x, 1};
}

struct multiply {
    mat2 operator()(const mat2& l, const mat2& r) const { return l * r; }
};

// Appends a letter per element, and concatenates partial results: order shows in the result.
struct concatenate {
    std::string operator()(std::string acc, long v) const
    {
        acc += char('a' + (v % 26 + 26) % 26);
        return acc;
    }
    std::string operator()(std::string left, const std::string& right) const
    {
        left += right;
        return left;
    }
};

template <class T>
void check_optional(const std::optional<T>& actual, const std::optional<T>& expected)
{
    BOOST_TEST(actual.has_value() == expected.has_value());
    if (actual && expected)
        BOOST_TEST(*actual == *expected);
}

void check_keyed(const std::optional<keyed>& actual, const std::optional<keyed>& expected)
{
    BOOST_TEST(actual.has_value() == expected.has_value());
    if (actual && expected) {
        BOOST_TEST(actual->key == expected->key);
        BOOST_TEST(actual->index == expected->index);
    }
}

// The sequential answers for one input.
struct expected_results {
    long sum = 0;
    long sum_of_squares = 0;
    std::size_t multiples_of_three = 0;
    std::optional<long> min, max;
    std::optional<keyed> first_min, last_max;
    bool any_is_1000 = false;
    bool all_above_minus_990 = true;
    mat2 product = identity_matrix;
    std::string letters;
    std::vector<long> multiples_of_seven;
    std::vector<long> transformed;

    explicit expected_results(const std::vector<long>& values)
    {
        for (std::size_t i = 0; i < values.size(); ++i) {
            const long v = values[i];
            sum += v;
            sum_of_squares += v * v;
            multiples_of_three += v % 3 == 0;
            if (!min || v < *min)
                min = v;
            if (!max || !(v < *max))
                max = v;
            if (!first_min || v < first_min->key)
                first_min = keyed{v, i};
            if (!last_max || !(v < last_max->key))
                last_max = keyed{v, i};
            any_is_1000 = any_is_1000 || v == 1000;
            all_above_minus_990 = all_above_minus_990 && v > -990;
            product = product * shear(i, v);
            letters += char('a' + (v % 26 + 26) % 26);  // concatenate's element overload, inlined
            if (v % 7 == 0)
                multiples_of_seven.push_back(v);
            transformed.push_back(2 * v + 1);
        }
    }
};

// The inputs and their sequential answers, made once per size and shared by every thread count
// (std::map: its references stay valid as it grows).
const std::vector<long>& values_of_size(std::size_t n) { return cached_pseudo_random(n, -1000, 1000); }

const expected_results& expected_for(const std::vector<long>& values)
{
    static std::map<std::size_t, expected_results> cache;
    auto found = cache.find(values.size());
    if (found == cache.end())
        found = cache.emplace(values.size(), expected_results(values)).first;
    return found->second;
}

}  // namespace terminals_test

using namespace terminals_test;

BOOST_FIXTURE_TEST_SUITE(size_and_thread_matrix, fastiter_test::watchdog)

// Each terminal once in each spelling, except at the largest size, where the two spellings
// (which share all of their code below operator|) alternate to keep a Debug run short.
BOOST_DATA_TEST_CASE(every_terminal_matches_the_loop, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto& expected = expected_for(values);
    const bool both_spellings = n <= 100'003;
    auto by_index = [&values](std::size_t i) { return keyed{values[i], i}; };
    auto as_shear = [&values](std::size_t i) { return shear(i, values[i]); };
    auto is_multiple_of_three = [](long v) { return v % 3 == 0; };
    auto is_multiple_of_seven = [](long v) { return v % 7 == 0; };
    auto square = [](long v) { return v * v; };
    auto twice_plus_one = [](long& v) { v = 2 * v + 1; };  // a second visit would show
    const auto indices = fi::par_range(std::size_t{0}, n);

    fi::thread_pool pool(threads);
    pool.install([&] {
        BOOST_TEST(fi::num_threads() == threads);

        BOOST_TEST((values | fi::par_sum) == expected.sum);
        BOOST_TEST(fi::into_par_iter(values).map(square).sum() == expected.sum_of_squares);
        BOOST_TEST((values | fi::par_filter(is_multiple_of_three) | fi::par_count) == expected.multiples_of_three);
        check_optional(values | fi::par_min, expected.min);
        check_optional(fi::into_par_iter(values).max(), expected.max);
        check_keyed(indices | fi::par_map(by_index) | fi::par_min, expected.first_min);
        check_keyed(indices.map(by_index).max(), expected.last_max);
        BOOST_TEST((values | fi::par_any([](long v) { return v == 1000; })) == expected.any_is_1000);
        BOOST_TEST(fi::into_par_iter(values).all([](long v) { return v > -990; }) == expected.all_above_minus_990);
        // The only match is the last element: every piece must be searched to its end.
        BOOST_TEST(indices.any([n](std::size_t i) { return i + 1 == n; }) == (n > 0));
        BOOST_TEST((indices | fi::par_map(as_shear) | fi::par_reduce(identity_matrix, multiply{})) == expected.product);
        BOOST_TEST(fi::into_par_iter(values).reduce(std::string{}, concatenate{}) == expected.letters);
        BOOST_TEST(same_elements(values | fi::par_filter(is_multiple_of_seven) | fi::par_collect,
                                 expected.multiples_of_seven));
        auto in_place = values;
        in_place | fi::par_for_each(twice_plus_one);
        BOOST_TEST(same_elements(in_place, expected.transformed));

        if (!both_spellings)
            return;
        BOOST_TEST(fi::into_par_iter(values).sum() == expected.sum);
        BOOST_TEST((values | fi::par_map(square) | fi::par_sum) == expected.sum_of_squares);
        BOOST_TEST((values | fi::par_count) == n);
        BOOST_TEST(fi::into_par_iter(values).filter(is_multiple_of_three).count() == expected.multiples_of_three);
        check_optional(fi::into_par_iter(values).min(), expected.min);
        check_optional(values | fi::par_max, expected.max);
        check_keyed(indices.map(by_index).min(), expected.first_min);
        check_keyed(indices | fi::par_map(by_index) | fi::par_max, expected.last_max);
        BOOST_TEST(fi::into_par_iter(values).any([](long v) { return v == 1000; }) == expected.any_is_1000);
        BOOST_TEST(!(values | fi::par_any([](long v) { return v > 1000; })));
        BOOST_TEST((values | fi::par_all([](long v) { return v > -990; })) == expected.all_above_minus_990);
        BOOST_TEST((indices | fi::par_all([n](std::size_t i) { return i + 1 != n; })) == (n == 0));
        BOOST_TEST(indices.map(as_shear).reduce(identity_matrix, multiply{}) == expected.product);
        BOOST_TEST((values | fi::par_reduce(std::string{}, concatenate{})) == expected.letters);
        BOOST_TEST(same_elements(fi::into_par_iter(values).filter(is_multiple_of_seven).collect(),
                                 expected.multiples_of_seven));
        BOOST_TEST(same_elements(values | fi::par_collect, values));
        in_place = values;
        fi::into_par_iter(in_place).for_each(twice_plus_one);
        BOOST_TEST(same_elements(in_place, expected.transformed));
    });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(rules, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(every_terminal_on_empty_input)
{
    const std::vector<long> empty;
    auto never = [](long) { return false; };
    auto always = [](long) { return true; };
    BOOST_TEST((empty | fi::par_sum) == 0);
    BOOST_TEST((empty | fi::par_count) == 0u);
    BOOST_TEST(!(empty | fi::par_min).has_value());
    BOOST_TEST(!(empty | fi::par_max).has_value());
    BOOST_TEST(!(empty | fi::par_any(always)));
    BOOST_TEST((empty | fi::par_all(never)));
    BOOST_TEST((empty | fi::par_reduce(std::string("identity"), concatenate{})) == "identity");
    BOOST_TEST((empty | fi::par_collect).empty());
    bool called = false;
    empty | fi::par_for_each([&called](long) { called = true; });
    BOOST_TEST(!called);

    // Empty after a filter that rejects everything, over a large input on several threads.
    fi::thread_pool pool(3);
    pool.install([&] {
        const auto none = fi::par_range(0L, 300'000L).filter(never);
        BOOST_TEST(none.sum() == 0);
        BOOST_TEST(none.count() == 0u);
        BOOST_TEST(!none.min().has_value());
        BOOST_TEST(!none.max().has_value());
        BOOST_TEST(!none.any(always));
        BOOST_TEST(none.all(never));
        BOOST_TEST(none.collect().empty());
        BOOST_TEST(none.map([](long v) { return shear(0, v); }).reduce(identity_matrix, multiply{}) ==
                   identity_matrix);
    });
}

BOOST_AUTO_TEST_CASE(min_keeps_the_first_and_max_the_last_of_equal_elements)
{
    for (std::size_t threads : thread_counts) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            for (std::size_t n : {std::size_t{2}, std::size_t{1000}, std::size_t{100'003}}) {
                BOOST_TEST_CONTEXT("threads " << threads << ", n " << n)
                {
                    // All keys equal: min is element 0, max element n - 1.
                    auto all_equal = fi::par_range(std::size_t{0}, n).map([](std::size_t i) { return keyed{7, i}; });
                    BOOST_TEST(all_equal.min()->index == 0u);
                    BOOST_TEST(all_equal.max()->index == n - 1);
                    // Three runs of equal keys: the extremes sit in the first and last run.
                    auto runs = fi::par_range(std::size_t{0}, n).map([n](std::size_t i) {
                        return keyed{i < n / 3 ? 1L : (i < 2 * n / 3 ? 0L : 1L), i};
                    });
                    BOOST_TEST(runs.min()->index == n / 3);
                    BOOST_TEST(runs.max()->index == n - 1);
                }
            }
        });
    }
}

// Integer min/max may fold from the type's extreme value; the extreme itself, alone or among
// others, and empty inputs must still come out as the loop says.
BOOST_AUTO_TEST_CASE(integer_min_and_max_at_the_type_limits)
{
    const std::vector<long> only_max{LONG_MAX}, only_min{LONG_MIN}, both{LONG_MAX, 0, LONG_MIN};
    BOOST_TEST(*(only_max | fi::par_min) == LONG_MAX);
    BOOST_TEST(*(only_max | fi::par_max) == LONG_MAX);
    BOOST_TEST(*(only_min | fi::par_min) == LONG_MIN);
    BOOST_TEST(*(only_min | fi::par_max) == LONG_MIN);
    BOOST_TEST(*(both | fi::par_min) == LONG_MIN);
    BOOST_TEST(*(both | fi::par_max) == LONG_MAX);
    const std::vector<unsigned long long> unsigned_ends{ULLONG_MAX, 0, ULLONG_MAX};
    BOOST_TEST(*(unsigned_ends | fi::par_min) == 0u);
    BOOST_TEST(*(unsigned_ends | fi::par_max) == ULLONG_MAX);
    const std::vector<signed char> chars{0, SCHAR_MIN, SCHAR_MAX, -1};
    BOOST_TEST(int(*(chars | fi::par_min)) == SCHAR_MIN);
    BOOST_TEST(int(*(chars | fi::par_max)) == SCHAR_MAX);
    BOOST_TEST(!(both | fi::par_filter([](long v) { return v == 1; }) | fi::par_min).has_value());
    BOOST_TEST(!(both | fi::par_filter([](long v) { return v == 1; }) | fi::par_max).has_value());
    for (std::size_t threads : thread_counts) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            // The extremes sit at the last element of a large range, where a piece on another
            // thread finds them; every other element is strictly between.
            auto last_is_extreme = [](long n, long extreme) {
                return fi::par_range(0L, n).map([=](long i) { return i == n - 1 ? extreme : i % 1000 - 500; });
            };
            BOOST_TEST(*last_is_extreme(300'000, LONG_MIN).min() == LONG_MIN);
            BOOST_TEST(*last_is_extreme(300'000, LONG_MAX).max() == LONG_MAX);
            BOOST_TEST(*last_is_extreme(300'000, LONG_MAX).min() == -500);
            BOOST_TEST(*last_is_extreme(300'000, LONG_MIN).max() == 499);
        });
    }
}

BOOST_AUTO_TEST_CASE(signed_zeros_show_which_equal_double_min_and_max_return)
{
    // 0.0 == -0.0, but the sign bit tells them apart.
    BOOST_TEST(!std::signbit(*(std::vector<double>{0.0, -0.0} | fi::par_min)));
    BOOST_TEST(std::signbit(*(std::vector<double>{-0.0, 0.0} | fi::par_min)));
    BOOST_TEST(std::signbit(*(std::vector<double>{0.0, -0.0} | fi::par_max)));
    BOOST_TEST(!std::signbit(*(std::vector<double>{-0.0, 0.0} | fi::par_max)));
    std::vector<double> zeros(200'001);
    for (std::size_t i = 0; i < zeros.size(); ++i)
        zeros[i] = i % 2 == 0 ? -0.0 : 0.0;
    for (std::size_t threads : thread_counts) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            BOOST_TEST(std::signbit(*(zeros | fi::par_min)));   // first: element 0, -0.0
            BOOST_TEST(std::signbit(*(zeros | fi::par_max)));   // last: element 200'000, -0.0
        });
    }
}

// Folders copy small trivially copyable functions; one that cannot be copied (a defaulted
// move, a deleted copy: still trivially copyable) is held by reference instead.
struct move_only_is_three {
    move_only_is_three() = default;
    move_only_is_three(move_only_is_three&&) = default;
    move_only_is_three(const move_only_is_three&) = delete;
    bool operator()(int x) const { return x == 3; }
};

BOOST_AUTO_TEST_CASE(searches_take_a_move_only_predicate)
{
    const std::vector<int> v{1, 2, 3, 4, 3};
    const move_only_is_three is_three;
    BOOST_TEST(fi::into_par_iter(v).any(is_three));
    BOOST_TEST(*fi::into_par_iter(v).position_first(is_three) == 2u);
    BOOST_TEST(*fi::into_par_iter(v).find_last(is_three) == 3);
}

// max of doubles takes a select (maxsd) rather than a branch: the same choices as max_by's
// `!(x < best)`, for infinities, NaNs and a lone element alike.
BOOST_AUTO_TEST_CASE(double_max_matches_the_loop_on_infinities_and_nans)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto loop_max = [](const std::vector<double>& v) {
        std::optional<double> best;
        for (double x : v)
            if (!best || !(x < *best))
                best = x;
        return best;
    };
    auto same = [](std::optional<double> a, std::optional<double> b) {
        return a.has_value() == b.has_value() && (!a || (std::isnan(*a) ? std::isnan(*b) : *a == *b));
    };
    for (const auto& v : std::vector<std::vector<double>>{
             {}, {-inf}, {-inf, -inf}, {inf}, {nan}, {nan, 1.0}, {1.0, nan}, {1.0, nan, 2.0}, {-inf, -5.0}})
        BOOST_TEST(same(v | fi::par_max, loop_max(v)));
    const std::vector<double> all_minus_infinity(100'003, -inf);
    for (std::size_t threads : thread_counts) {
        fi::thread_pool pool(threads);
        pool.install([&] { BOOST_TEST(*(all_minus_infinity | fi::par_max) == -inf); });
    }
}

BOOST_AUTO_TEST_CASE(double_sum_within_tolerance_and_min_max_exact)
{
    for (std::size_t n : {0, 1, 2, 3, 7, 97, 1000, 100'003, 300'007}) {
        const auto raw = pseudo_random(n, 0, 1'000'000, 7);
        std::vector<double> positive(n), mixed(n);
        double sum_positive = 0, sum_mixed = 0, sum_abs_mixed = 0;
        for (std::size_t i = 0; i < n; ++i) {
            positive[i] = 0.5 + double(raw[i]) / 1e6;
            mixed[i] = (double(raw[i]) - 500'000.5) * 1e-3;
            sum_positive += positive[i];
            sum_mixed += mixed[i];
            sum_abs_mixed += std::fabs(mixed[i]);
        }
        for (std::size_t threads : {std::size_t{1}, std::size_t{3}, std::size_t{8}}) {
            fi::thread_pool pool(threads);
            pool.install([&] {
                BOOST_TEST_CONTEXT("n " << n << ", threads " << threads)
                {
                    BOOST_TEST((positive | fi::par_sum) == sum_positive, tt::tolerance(1e-9));
                    // Mixed signs cancel: bound the error by the sum of magnitudes instead.
                    BOOST_TEST(std::fabs((mixed | fi::par_sum) - sum_mixed) <= 1e-12 * sum_abs_mixed + 1e-300);
                    if (n > 0) {
                        BOOST_TEST(*(mixed | fi::par_min) == *std::min_element(mixed.begin(), mixed.end()));
                        BOOST_TEST(*(mixed | fi::par_max) == *std::max_element(mixed.begin(), mixed.end()));
                    }
                }
            });
        }
    }
}

BOOST_AUTO_TEST_CASE(reduce_keeps_order_for_a_non_commutative_op)
{
    const auto values = pseudo_random(50'021, -1000, 1000, 3);
    std::string expected;
    mat2 expected_product = identity_matrix, reversed_product = identity_matrix;
    for (std::size_t i = 0; i < values.size(); ++i) {
        expected = concatenate{}(std::move(expected), values[i]);
        expected_product = expected_product * shear(i, values[i]);
        reversed_product = shear(i, values[i]) * reversed_product;
    }
    BOOST_TEST_REQUIRE(!(expected_product == reversed_product));  // the order does show
    for (std::size_t threads : thread_counts) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            BOOST_TEST((values | fi::par_reduce(std::string{}, concatenate{})) == expected);
            BOOST_TEST(fi::par_range(std::size_t{0}, values.size())
                           .map([&values](std::size_t i) { return shear(i, values[i]); })
                           .reduce(identity_matrix, multiply{}) == expected_product);
        });
    }
}

BOOST_AUTO_TEST_CASE(collect_keeps_source_order_after_a_sparse_filter)
{
    // Few survivors, scattered: most pieces collect nothing, some one or two elements.
    auto selective = [](long v) { return (v * 2654435761L) % 1000 < 3; };
    std::vector<long> expected;
    for (long v = 0; v < 1'000'000; ++v)
        if (selective(v))
            expected.push_back(v);
    for (std::size_t threads : thread_counts) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            BOOST_TEST(same_elements(fi::par_range(0L, 1'000'000L) | fi::par_filter(selective) | fi::par_collect,
                                     expected));
        });
    }
}

BOOST_AUTO_TEST_CASE(any_stops_early_when_the_first_element_matches)
{
    std::atomic<long> calls{0};
    const bool found = fi::par_range(0L, 3'000'000L).any([&calls](long v) {
        calls.fetch_add(1, std::memory_order_relaxed);
        return v == 0;
    });
    BOOST_TEST(found);
    BOOST_TEST(calls.load() < 1'500'000);
}

// The loop this must equal is std::accumulate(first, last, 0L): acc = acc + x, in double,
// truncated to long after every element.
BOOST_AUTO_TEST_CASE(reduce_with_std_plus_into_long_over_doubles_matches_accumulate)
{
    const std::vector<double> values{1.0, -0.5, 1.0, -0.5, 2.5, -0.75, 0.5, 0.5};
    const long expected = std::accumulate(values.begin(), values.end(), 0L);
    fi::thread_pool one(1);  // a single piece, so that only the fold itself is compared
    one.install([&] { BOOST_TEST((values | fi::par_reduce(0L, std::plus<>{})) == expected); });
}

// Regression (fixed): a filter in front of reduce(identity, std::plus<>{})
// with an integral identity makes filter_folder call fold_consumer::consume_if (the branch-free
// path added for filter | sum), which computes acc += T(x) instead of acc = acc + x. For double
// elements and a long accumulator that truncates each element instead of each partial sum, so a
// filter that keeps everything changes the result: 4 here, where the loop (and the same
// pipeline without the filter) gives 1.
BOOST_AUTO_TEST_CASE(reduce_with_std_plus_after_a_filter_matches_accumulate)
{
    const std::vector<double> values{1.0, -0.5, 1.0, -0.5, 2.5, -0.75, 0.5, 0.5};
    const long expected = std::accumulate(values.begin(), values.end(), 0L);
    fi::thread_pool one(1);
    one.install([&] {
        BOOST_TEST((values | fi::par_filter([](double) { return true; }) | fi::par_reduce(0L, std::plus<>{})) ==
                   expected);
    });
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// An element with an expensive, counted copy; moves are free and not counted.
struct tracked {
    static inline std::atomic<long> copies{0};

    std::string label;
    long key = 0;

    tracked(std::string l, long k) : label(std::move(l)), key(k) {}
    tracked(const tracked& other) : label(other.label), key(other.key)
    {
        copies.fetch_add(1, std::memory_order_relaxed);
    }
    tracked(tracked&&) noexcept = default;
    tracked& operator=(const tracked& other)
    {
        label = other.label;
        key = other.key;
        copies.fetch_add(1, std::memory_order_relaxed);
        return *this;
    }
    tracked& operator=(tracked&&) noexcept = default;
    ~tracked() = default;

    friend bool operator<(const tracked& a, const tracked& b) { return a.key < b.key; }
    friend bool operator==(const tracked& a, const tracked& b) { return a.key == b.key && a.label == b.label; }
};

std::ostream& operator<<(std::ostream& out, const tracked& t) { return out << t.label << " (" << t.key << ")"; }

std::vector<tracked> tracked_items(std::size_t n)
{
    const auto keys = pseudo_random(n, 0, 500, 11);
    std::vector<tracked> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        out.emplace_back("item-" + std::to_string(i), keys[i]);
    return out;
}

struct join_labels {
    std::string operator()(std::string acc, const tracked& t) const
    {
        acc += t.label;
        acc += ',';
        return acc;
    }
    std::string operator()(std::string left, const std::string& right) const
    {
        left += right;
        return left;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(non_trivial_element_type, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(collect_min_max_reduce_with_an_expensive_copy)
{
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{97}, std::size_t{30'011}}) {
        const auto items = tracked_items(n);
        std::optional<tracked> first_min, last_max;
        std::string labels;
        for (const auto& t : items) {
            if (!first_min || t < *first_min)
                first_min = t;
            if (!last_max || !(t < *last_max))
                last_max = t;
            labels = join_labels{}(std::move(labels), t);
        }
        for (std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{8}}) {
            fi::thread_pool pool(threads);
            pool.install([&] {
                BOOST_TEST_CONTEXT("n " << n << ", threads " << threads)
                {
                    BOOST_TEST(same_elements(items | fi::par_collect, items));
                    check_optional(items | fi::par_min, first_min);
                    check_optional(fi::into_par_iter(items).max(), last_max);
                    BOOST_TEST((items | fi::par_reduce(std::string{}, join_labels{})) == labels);
                }
            });
        }
    }
}

BOOST_AUTO_TEST_CASE(collect_copies_each_element_exactly_once)
{
    const auto items = tracked_items(30'011);
    for (std::size_t threads : thread_counts) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            tracked::copies = 0;
            const auto collected = items | fi::par_collect;
            BOOST_TEST(tracked::copies.load() == long(items.size()));
            BOOST_TEST(same_elements(collected, items));
        });
    }
}

BOOST_AUTO_TEST_CASE(collect_of_mapped_values_moves_them)
{
    for (std::size_t threads : thread_counts) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            tracked::copies = 0;
            const auto collected =
                fi::par_range(0L, 30'011L).map([](long i) { return tracked("made-" + std::to_string(i), i); }).collect();
            BOOST_TEST(tracked::copies.load() == 0);
            BOOST_TEST(collected.size() == 30'011u);
            bool all_in_order = true;
            for (long i = 0; i < long(collected.size()); ++i)
                all_in_order = all_in_order && collected[std::size_t(i)].key == i &&
                               collected[std::size_t(i)].label == "made-" + std::to_string(i);
            BOOST_TEST(all_in_order);
        });
    }
}

// collect of a pipeline without filters may write each element straight into its final slot
// (default-construct, then assign); the element type below allows that, tracked does not.
BOOST_AUTO_TEST_CASE(collect_of_a_default_constructible_type_with_an_expensive_copy)
{
    struct labelled {
        std::string label;
        long key = -1;
    };
    std::vector<labelled> items;
    for (long i = 0; i < 30'011; ++i)
        items.push_back({"label-" + std::to_string(i), i});
    for (std::size_t threads : thread_counts) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            const auto collected = items | fi::par_collect;
            const auto renamed = items | fi::par_map([](const labelled& l) { return labelled{l.label + "!", l.key}; }) |
                                 fi::par_collect;
            BOOST_TEST_REQUIRE(collected.size() == items.size());
            BOOST_TEST_REQUIRE(renamed.size() == items.size());
            std::size_t wrong = 0;
            for (std::size_t i = 0; i < items.size(); ++i)
                wrong += collected[i].label != items[i].label || collected[i].key != items[i].key ||
                         renamed[i].label != items[i].label + "!" || renamed[i].key != items[i].key;
            BOOST_TEST(wrong == 0u, "pool of " << threads);
        });
    }
}

BOOST_AUTO_TEST_SUITE_END()
