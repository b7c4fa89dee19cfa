// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::par_range: Python's range(start, stop, step), compared with a plain loop and, at the
// integer limits, with the elements written out by hand.
#define BOOST_TEST_MODULE fastiter par_range
#include <boost/test/unit_test.hpp>

#include <fastiter/fastiter.hpp>

#include <climits>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace fi = fastiter;
namespace tt = boost::test_tools;

namespace {

// Python's range as a loop that steps one element at a time. It works on the bit patterns in
// unsigned long long, where the distance between any two values of T and the magnitude of
// any step fit, and it stops before a step would pass stop, so it never overflows T.
template <class T>
std::vector<T> python_range(T start, T stop, long long step)
{
    auto bits = [](T v) -> unsigned long long {
        if constexpr (std::is_signed_v<T>)
            return static_cast<unsigned long long>(static_cast<long long>(v));
        else
            return static_cast<unsigned long long>(v);
    };
    const bool up = step > 0;
    const unsigned long long magnitude =
        up ? static_cast<unsigned long long>(step) : 0ULL - static_cast<unsigned long long>(step);
    std::vector<T> out;
    for (T v = start; up ? v < stop : stop < v;) {
        out.push_back(v);
        const unsigned long long room = up ? bits(stop) - bits(v) : bits(v) - bits(stop);
        if (room <= magnitude)
            break;
        v = static_cast<T>(up ? bits(v) + magnitude : bits(v) - magnitude);
    }
    return out;
}

// The element type is the common type of start and stop.
template <class Iterator>
using element_t = typename std::remove_cvref_t<Iterator>::value_type;

}  // namespace

BOOST_AUTO_TEST_SUITE(python_semantics)

BOOST_AUTO_TEST_CASE(default_step_counts_up_by_one)
{
    BOOST_TEST(fi::par_range(0, 10).collect() == python_range(0, 10, 1), tt::per_element());
    BOOST_TEST(fi::par_range(-7, 3).collect() == python_range(-7, 3, 1), tt::per_element());
}

BOOST_AUTO_TEST_CASE(positive_step_stops_before_stop)
{
    BOOST_TEST(fi::par_range(0, 20, 3).collect() == std::vector<int>({0, 3, 6, 9, 12, 15, 18}),
               tt::per_element());
    BOOST_TEST(fi::par_range(0, 9, 3).collect() == std::vector<int>({0, 3, 6}), tt::per_element());
    BOOST_TEST(fi::par_range(-10, 10, 4).collect() == python_range(-10, 10, 4), tt::per_element());
}

BOOST_AUTO_TEST_CASE(negative_step_counts_down)
{
    BOOST_TEST(fi::par_range(10, -10, -3).collect() == std::vector<int>({10, 7, 4, 1, -2, -5, -8}),
               tt::per_element());
    BOOST_TEST(fi::par_range(5, 0, -1).collect() == std::vector<int>({5, 4, 3, 2, 1}), tt::per_element());
    BOOST_TEST(fi::par_range(9, 0, -3).collect() == std::vector<int>({9, 6, 3}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(empty_when_start_equals_stop)
{
    for (int step : {1, 5, -1, -5}) {
        BOOST_TEST(fi::par_range(4, 4, step).count() == 0u);
        BOOST_TEST(fi::par_range(4, 4, step).collect().empty());
    }
}

BOOST_AUTO_TEST_CASE(empty_when_step_points_away_from_stop)
{
    BOOST_TEST(fi::par_range(0, 10, -1).count() == 0u);
    BOOST_TEST(fi::par_range(10, 0).count() == 0u);
    BOOST_TEST(fi::par_range(10, 0, 3).collect().empty());
    BOOST_TEST(fi::par_range(-5, 5, -2).collect().empty());
    BOOST_TEST(!fi::par_range(10, 0, 1).min().has_value());
}

BOOST_AUTO_TEST_CASE(step_larger_than_the_span_gives_only_start)
{
    BOOST_TEST(fi::par_range(0, 5, 100).collect() == std::vector<int>({0}), tt::per_element());
    BOOST_TEST(fi::par_range(5, 0, -100).collect() == std::vector<int>({5}), tt::per_element());
    BOOST_TEST(fi::par_range(0, 1, INT_MAX).collect() == std::vector<int>({0}), tt::per_element());
    BOOST_TEST(fi::par_range(0, -1, INT_MIN).collect() == std::vector<int>({0}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(every_step_from_minus_twelve_to_twelve_matches_the_loop)
{
    for (int start = -15; start <= 15; start += 5)
        for (int stop = -15; stop <= 15; stop += 3)
            for (int step = -12; step <= 12; ++step) {
                if (step == 0)
                    continue;
                BOOST_TEST_CONTEXT("range(" << start << ", " << stop << ", " << step << ")")
                {
                    BOOST_TEST(fi::par_range(start, stop, step).collect() == python_range(start, stop, step),
                               tt::per_element());
                }
            }
}

BOOST_AUTO_TEST_CASE(large_ranges_split_across_threads_match_the_loop)
{
    const auto up = python_range(-1'000'000L, 2'000'000L, 7);
    BOOST_TEST(fi::par_range(-1'000'000L, 2'000'000L, 7).collect() == up, tt::per_element());
    long expected_sum = 0;
    for (long v : up)
        expected_sum += v;
    BOOST_TEST(fi::par_range(-1'000'000L, 2'000'000L, 7).sum() == expected_sum);

    const auto down = python_range(3'000'000L, -5L, -3);
    BOOST_TEST(fi::par_range(3'000'000L, -5L, -3).collect() == down, tt::per_element());
    BOOST_TEST(fi::par_range(3'000'000L, -5L, -3).count() == down.size());
}

BOOST_AUTO_TEST_CASE(step_zero_throws_invalid_argument_naming_the_step)
{
    auto names_the_step = [](const std::invalid_argument& e) {
        return std::string(e.what()).find("step") != std::string::npos;
    };
    BOOST_CHECK_EXCEPTION(fi::par_range(0, 10, 0), std::invalid_argument, names_the_step);
    BOOST_CHECK_EXCEPTION(fi::par_range(10, 0, 0), std::invalid_argument, names_the_step);
    BOOST_CHECK_EXCEPTION(fi::par_range(5, 5, 0), std::invalid_argument, names_the_step);
    BOOST_CHECK_EXCEPTION(fi::par_range(0u, 10u, 0u), std::invalid_argument, names_the_step);
    BOOST_CHECK_EXCEPTION(fi::par_range(char(0), char(10), char(0)), std::invalid_argument, names_the_step);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(integral_types)

BOOST_AUTO_TEST_CASE(int_start_with_long_stop_gives_long_elements)
{
    const long n = 100'003;
    auto range = fi::par_range(0, n);
    static_assert(std::is_same_v<element_t<decltype(range)>, long>);
    BOOST_TEST(range.collect() == python_range(0L, n, 1), tt::per_element());
    BOOST_TEST(range.count() == std::size_t(n));
}

BOOST_AUTO_TEST_CASE(size_t_bounds_count_a_container)
{
    const std::vector<int> v(1234);
    auto range = fi::par_range(std::size_t{0}, v.size());
    static_assert(std::is_same_v<element_t<decltype(range)>, std::size_t>);
    BOOST_TEST(range.count() == v.size());
    BOOST_TEST(range.max().value() == v.size() - 1);
}

BOOST_AUTO_TEST_CASE(unsigned_bounds_with_a_negative_int_step_count_down)
{
    auto range = fi::par_range(10u, 0u, -3);
    static_assert(std::is_same_v<element_t<decltype(range)>, unsigned>);
    BOOST_TEST(range.collect() == std::vector<unsigned>({10, 7, 4, 1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(unsigned_counting_down_never_wraps_below_zero)
{
    BOOST_TEST(fi::par_range(9u, 0u, -3).collect() == std::vector<unsigned>({9, 6, 3}), tt::per_element());
    BOOST_TEST(fi::par_range(2u, 0u, -5).collect() == std::vector<unsigned>({2}), tt::per_element());
    BOOST_TEST(fi::par_range(5u, 0u, -1).collect() == python_range(5u, 0u, -1), tt::per_element());
    BOOST_TEST(fi::par_range(3u, 10u, -1).collect().empty());
}

BOOST_AUTO_TEST_CASE(mixed_unsigned_and_signed_bounds_use_the_common_type)
{
    // int and unsigned: unsigned, so only non-negative starts mean what Python means.
    auto range = fi::par_range(2, 9u, 2);
    static_assert(std::is_same_v<element_t<decltype(range)>, unsigned>);
    BOOST_TEST(range.collect() == std::vector<unsigned>({2, 4, 6, 8}), tt::per_element());
    auto wide = fi::par_range(3u, 20L, 5);
    static_assert(std::is_same_v<element_t<decltype(wide)>, long>);
    BOOST_TEST(wide.collect() == std::vector<long>({3, 8, 13, 18}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(char_and_short_bounds_keep_their_type)
{
    auto letters = fi::par_range('a', char('z' + 1));
    static_assert(std::is_same_v<element_t<decltype(letters)>, char>);
    const auto collected = letters.collect();
    BOOST_TEST(std::string(collected.begin(), collected.end()) == "abcdefghijklmnopqrstuvwxyz");

    auto shorts = fi::par_range(short(-300), short(300), short(7));
    static_assert(std::is_same_v<element_t<decltype(shorts)>, short>);
    BOOST_TEST(shorts.collect() == python_range(short(-300), short(300), 7), tt::per_element());

    auto promoted = fi::par_range(short(1), 40'000, 9'999);
    static_assert(std::is_same_v<element_t<decltype(promoted)>, int>);
    BOOST_TEST(promoted.collect() == std::vector<int>({1, 10'000, 19'999, 29'998, 39'997}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(signed_char_spans_its_whole_range_and_steps_by_its_minimum)
{
    using sc = signed char;
    BOOST_TEST(fi::par_range(sc(SCHAR_MIN), sc(SCHAR_MAX)).collect() == python_range(sc(SCHAR_MIN), sc(SCHAR_MAX), 1),
               tt::per_element());
    BOOST_TEST(fi::par_range(sc(SCHAR_MIN), sc(SCHAR_MAX)).count() == 255u);
    // 127, then 127 - 128 = -1; the next, -129, is past the stop.
    BOOST_TEST(fi::par_range(sc(SCHAR_MAX), sc(SCHAR_MIN), sc(SCHAR_MIN)).collect() == std::vector<sc>({127, -1}),
               tt::per_element());
}

BOOST_AUTO_TEST_CASE(unsigned_char_reaches_its_maximum_exactly)
{
    using uc = unsigned char;
    BOOST_TEST(fi::par_range(uc(250), uc(255)).collect() == std::vector<uc>({250, 251, 252, 253, 254}),
               tt::per_element());
    BOOST_TEST(fi::par_range(uc(255), uc(0), -100).collect() == std::vector<uc>({255, 155, 55}), tt::per_element());
    BOOST_TEST(fi::par_range(uc(0), uc(255), 64).collect() == std::vector<uc>({0, 64, 128, 192}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(unsigned_step_above_the_signed_maximum_is_read_as_negative)
{
    // The documented rule: the step is read as a signed value, so ~0ULL is -1.
    BOOST_TEST(fi::par_range(10ULL, 5ULL, ~0ULL).collect() == std::vector<unsigned long long>({10, 9, 8, 7, 6}),
               tt::per_element());
    BOOST_TEST(fi::par_range(5ULL, 10ULL, ~0ULL).count() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(integer_limits)

BOOST_AUTO_TEST_CASE(ascending_to_long_max_stops_before_it)
{
    const std::vector<long> expected{LONG_MAX - 5, LONG_MAX - 4, LONG_MAX - 3, LONG_MAX - 2, LONG_MAX - 1};
    BOOST_TEST(fi::par_range(LONG_MAX - 5, LONG_MAX).collect() == expected, tt::per_element());
    BOOST_TEST(python_range(LONG_MAX - 5, LONG_MAX, 1) == expected, tt::per_element());
    BOOST_TEST(fi::par_range(LONG_MAX - 10, LONG_MAX, 4).collect() ==
                   std::vector<long>({LONG_MAX - 10, LONG_MAX - 6, LONG_MAX - 2}),
               tt::per_element());
}

BOOST_AUTO_TEST_CASE(descending_to_long_min_stops_before_it)
{
    const std::vector<long> expected{LONG_MIN + 10, LONG_MIN + 7, LONG_MIN + 4, LONG_MIN + 1};
    BOOST_TEST(fi::par_range(LONG_MIN + 10, LONG_MIN, -3).collect() == expected, tt::per_element());
    BOOST_TEST(python_range(LONG_MIN + 10, LONG_MIN, -3) == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(long_max_down_to_long_min_by_long_min_has_two_elements)
{
    // LONG_MAX, then LONG_MAX + LONG_MIN = -1; one more step would be below LONG_MIN.
    BOOST_TEST(fi::par_range(LONG_MAX, LONG_MIN, LONG_MIN).collect() == std::vector<long>({LONG_MAX, -1}),
               tt::per_element());
    BOOST_TEST(python_range(LONG_MAX, LONG_MIN, LONG_MIN) == std::vector<long>({LONG_MAX, -1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(long_min_up_to_long_max_by_long_max_has_three_elements)
{
    const std::vector<long> expected{LONG_MIN, -1, LONG_MAX - 1};
    BOOST_TEST(fi::par_range(LONG_MIN, LONG_MAX, LONG_MAX).collect() == expected, tt::per_element());
    BOOST_TEST(python_range(LONG_MIN, LONG_MAX, LONG_MAX) == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(step_long_min_in_the_wrong_direction_is_empty)
{
    BOOST_TEST(fi::par_range(LONG_MIN, LONG_MAX, LONG_MIN).count() == 0u);
    BOOST_TEST(fi::par_range(0L, 1L, LONG_MIN).count() == 0u);
    BOOST_TEST(fi::par_range(0L, -1L, LONG_MIN).collect() == std::vector<long>({0}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(whole_long_span_is_not_truncated)
{
    // 2^64 - 1 elements: too many to walk, but any() stops at the first match, and a wrong
    // length (a wrap to 0 or to a small number) would miss these elements.
    BOOST_TEST(fi::par_range(LONG_MIN, LONG_MAX).any([](long v) { return v == LONG_MIN + 3; }));
    BOOST_TEST(fi::par_range(LONG_MAX, LONG_MIN, -1).any([](long v) { return v == LONG_MAX - 3; }));
    BOOST_TEST(!fi::par_range(LONG_MIN, LONG_MAX).all([](long v) { return v < LONG_MIN + 1000; }));
}

BOOST_AUTO_TEST_CASE(ulong_long_max_bounds_are_exact)
{
    constexpr auto max = ULLONG_MAX;
    using ull = unsigned long long;
    BOOST_TEST(fi::par_range(max - 4, max).collect() == std::vector<ull>({max - 4, max - 3, max - 2, max - 1}),
               tt::per_element());
    BOOST_TEST(fi::par_range(max, max - 10, -4).collect() == std::vector<ull>({max, max - 4, max - 8}),
               tt::per_element());
    BOOST_TEST(fi::par_range(max, max - 10, -4).collect() == python_range(max, max - 10, -4), tt::per_element());
    // 0, 2^63 - 1, 2^64 - 2: the third element is above LLONG_MAX.
    BOOST_TEST(fi::par_range(0ULL, max, LLONG_MAX).collect() == std::vector<ull>({0, max / 2, max - 1}),
               tt::per_element());
    BOOST_TEST(fi::par_range(0ULL, max, LLONG_MAX).collect() == python_range(0ULL, max, LLONG_MAX),
               tt::per_element());
}

BOOST_AUTO_TEST_CASE(ulong_long_max_down_by_long_min_has_two_elements)
{
    constexpr auto max = ULLONG_MAX;
    // max, then max - 2^63 = 2^63 - 1; one more step would be below 0.
    const std::vector<unsigned long long> expected{max, max / 2};
    BOOST_TEST(fi::par_range(max, 0ULL, LONG_MIN).collect() == expected, tt::per_element());
    BOOST_TEST(python_range(max, 0ULL, LONG_MIN) == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(whole_ulong_long_span_is_not_truncated)
{
    BOOST_TEST(fi::par_range(0ULL, ULLONG_MAX).any([](unsigned long long v) { return v == 5; }));
    BOOST_TEST(fi::par_range(ULLONG_MAX, 0ULL, -1).any([](unsigned long long v) { return v == ULLONG_MAX - 5; }));
}

BOOST_AUTO_TEST_CASE(terminals_over_ranges_at_the_limits_match_the_loop)
{
    const auto expected = python_range(LONG_MAX - 1000, LONG_MAX, 7);
    auto range = fi::par_range(LONG_MAX - 1000, LONG_MAX, 7);
    BOOST_TEST(range.count() == expected.size());
    BOOST_TEST(range.min().value() == expected.front());
    BOOST_TEST(range.max().value() == expected.back());
    long offsets = 0;
    for (long v : expected)
        offsets += v - (LONG_MAX - 1000);
    BOOST_TEST(range.map([](long v) { return v - (LONG_MAX - 1000); }).sum() == offsets);
}

BOOST_AUTO_TEST_SUITE_END()
