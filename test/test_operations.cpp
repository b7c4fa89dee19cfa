// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The operations added beside map, filter and the first terminals, in both spellings (member and
// pipe), compared with the sequential loop at sizes 0, 1, 2, 97 and 100'003 on pools of 1, 2 and
// 8 threads: the stages flat_map, filter_map, inspect and fold; the terminals product,
// min_by/max_by(_key), any/all by truthiness, find_any/first/last, position_any/first,
// partition, unzip and collect_into; the split settings with_min_len, with_max_len and
// deterministic. Then the rules a loop makes obvious and a parallel run could break: ties,
// empty inputs, order across pieces, bit-for-bit determinism and stopping early.
// The positional operations (enumerate, zip, take, ...) are in test_positional.cpp.
#define BOOST_TEST_MODULE fastiter operations
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"
#include "watchdog.hpp"

#include <fastiter/fastiter.hpp>

#include <boost/align/aligned_allocator.hpp>
#include <boost/core/noinit_adaptor.hpp>
#include <boost/range/irange.hpp>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <map>
#include <numeric>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace fi = fastiter;
namespace bdata = boost::unit_test::data;

// A named namespace, not an anonymous one: BOOST_DATA_TEST_CASE's body is a member template
// outside it, and g++ warns (-Wsubobject-linkage) when its lambdas capture internal types.
namespace operations_test {

using namespace fastiter_test;

const std::vector<std::size_t> sizes{0, 1, 2, 97, 100'003};
const std::vector<std::size_t> thread_counts{1, 2, 8};
constexpr std::size_t largest = 100'003;

// The inputs, made once per size and shared by every thread count.
const std::vector<long>& values_of_size(std::size_t n) { return cached_pseudo_random(n, -1000, 1000); }

// Compares by key only, so that elements with equal keys stay distinguishable by their index.
struct keyed {
    long key;
    std::size_t index;
    friend bool operator==(const keyed&, const keyed&) = default;
};

std::ostream& operator<<(std::ostream& out, const keyed& k)
{
    return out << "{key " << k.key << ", index " << k.index << "}";
}

struct key_less {
    bool operator()(const keyed& a, const keyed& b) const { return a.key < b.key; }
};

struct key_of {
    long operator()(const keyed& k) const { return k.key; }
};

char letter(long v) { return char('a' + (v % 26 + 26) % 26); }

template <class T, class F>
auto loop_flat_map(const std::vector<T>& in, F f)
{
    std::vector<std::remove_cvref_t<decltype(*std::begin(f(in.front())))>> out;
    for (const auto& x : in)
        for (auto&& y : f(x))
            out.push_back(y);
    return out;
}

template <class T, class F>
auto loop_filter_map(const std::vector<T>& in, F f)
{
    std::vector<typename std::invoke_result_t<F&, const T&>::value_type> out;
    for (const auto& x : in)
        if (auto y = f(x))
            out.push_back(*y);
    return out;
}

template <class T>
T loop_sum(const std::vector<T>& in)
{
    return std::accumulate(in.begin(), in.end(), T{});
}

template <class T, class P>
std::optional<T> loop_find_first(const std::vector<T>& in, P p)
{
    for (const auto& x : in)
        if (p(x))
            return x;
    return std::nullopt;
}

template <class T, class P>
std::optional<T> loop_find_last(const std::vector<T>& in, P p)
{
    std::optional<T> found;
    for (const auto& x : in)
        if (p(x))
            found = x;
    return found;
}

template <class T, class P>
std::optional<std::size_t> loop_position_first(const std::vector<T>& in, P p)
{
    for (std::size_t i = 0; i < in.size(); ++i)
        if (p(in[i]))
            return i;
    return std::nullopt;
}

// The first smallest and the last largest key, as Rust's min_by / max_by.
std::optional<keyed> loop_first_min(const std::vector<keyed>& in)
{
    std::optional<keyed> best;
    for (const auto& k : in)
        if (!best || k.key < best->key)
            best = k;
    return best;
}

std::optional<keyed> loop_last_max(const std::vector<keyed>& in)
{
    std::optional<keyed> best;
    for (const auto& k : in)
        if (!best || !(k.key < best->key))
            best = k;
    return best;
}

std::vector<keyed> keyed_by_index(const std::vector<long>& values, long modulus)
{
    std::vector<keyed> out;
    for (std::size_t i = 0; i < values.size(); ++i)
        out.push_back({values[i] % modulus, i});
    return out;
}

// Appends one letter per element; concatenates partial results. Order shows in the result.
struct append_letter {
    std::string operator()(std::string acc, long v) const
    {
        acc += letter(v);
        return acc;
    }
};

struct concatenate {
    std::string operator()(std::string left, const std::string& right) const
    {
        left += right;
        return left;
    }
};

// Both at once, for reduce: letters for elements, concatenation for partial results.
struct letters_in_order : append_letter, concatenate {
    using append_letter::operator();
    using concatenate::operator();
};

std::string letters_of(const std::vector<long>& values)
{
    std::string out;
    for (long v : values)
        out += letter(v);
    return out;
}

struct push_back {
    std::vector<long> operator()(std::vector<long> acc, long v) const
    {
        acc.push_back(v);
        return acc;
    }
};

std::vector<long> concatenated(const std::vector<std::vector<long>>& pieces)
{
    std::vector<long> out;
    for (const auto& piece : pieces)
        out.insert(out.end(), piece.begin(), piece.end());
    return out;
}

const auto twice = [](long v) { return 2 * v; };
// What a user collects into to skip zeroing the vector before the parallel writes.
using unzeroed_vector = std::vector<long, fi::default_init_allocator<long>>;
// The same for an allocator of the user's own, adapted as the allocator's header advises.
using aligned_unzeroed_vector = std::vector<long, boost::noinit_adaptor<boost::alignment::aligned_allocator<long, 64>>>;
const auto plus_one = [](long v) { return v + 1; };
const auto is_odd = [](long v) { return v % 2 != 0; };
const auto is_positive = [](long v) { return v > 0; };
const auto is_multiple_of_three = [](long v) { return v % 3 == 0; };
const auto add = [](long acc, long v) { return acc + v; };
// v & 3 copies of v: some elements vanish, some repeat.
const auto copies = [](long v) { return std::vector<long>(std::size_t(v & 3), v); };
const auto thirds = [](long v) -> std::optional<long> {
    if (v % 3 == 0)
        return v / 3;
    return std::nullopt;
};

// The sequential answers of each matrix test, computed once per size and shared by every
// thread count (std::map: references stay valid as it grows).
template <class Expected>
const Expected& expected_for(std::size_t n)
{
    static std::map<std::size_t, Expected> cache;
    auto found = cache.find(n);
    if (found == cache.end())
        found = cache.emplace(n, Expected(values_of_size(n))).first;
    return found->second;
}

// Ranges of other kinds for flat_map: a Boost.Range, and a reference to a vector elsewhere.
const auto counting_up = [](long v) { return boost::irange(0L, v & 7); };
const std::vector<std::vector<long>> table{{}, {1}, {2, 2}, {3, 3, 3}, {-4}};
const auto from_table = [](long v) -> const std::vector<long>& { return table[std::size_t(v & 3)]; };

struct expected_flat_map_and_filter_map {
    std::vector<long> flat, mapped_flat_positive, odd_flat_plus_one, counted_up, from_table;
    std::vector<long> thirded, mapped_thirds_positive, odd_thirds_plus_one;

    explicit expected_flat_map_and_filter_map(const std::vector<long>& values)
        : flat(loop_flat_map(values, copies)),
          mapped_flat_positive(loop_filter(loop_flat_map(loop_map(values, twice), copies), is_positive)),
          odd_flat_plus_one(loop_map(loop_flat_map(loop_filter(values, is_odd), copies), plus_one)),
          counted_up(loop_flat_map(values, counting_up)),
          from_table(loop_flat_map(values, operations_test::from_table)),
          thirded(loop_filter_map(values, thirds)),
          mapped_thirds_positive(loop_filter(loop_filter_map(loop_map(values, twice), thirds), is_positive)),
          odd_thirds_plus_one(loop_map(loop_filter_map(loop_filter(values, is_odd), thirds), plus_one))
    {
    }
};

struct expected_inspect_and_fold {
    long total;
    std::vector<long> odd, twice_positive, odd_plus_one;
    std::string letters;

    explicit expected_inspect_and_fold(const std::vector<long>& values)
        : total(loop_sum(values)),
          odd(loop_filter(values, is_odd)),
          twice_positive(loop_filter(loop_map(values, twice), is_positive)),
          odd_plus_one(loop_map(odd, plus_one)),
          letters(letters_of(values))
    {
    }
};

const auto key_is_multiple_of_seven = [](const keyed& k) { return k.key % 7 == 0; };
const auto key_above_990 = [](const keyed& k) { return k.key > 990; };  // a few matches, far apart
const auto key_is_odd = [](const keyed& k) { return k.key % 2 != 0; };
const auto is_above_990 = [](long v) { return v > 990; };
const auto is_above_1000 = [](long v) { return v > 1000; };  // never

struct expected_searches {
    std::vector<keyed> items;
    std::optional<keyed> first_seven, last_seven, first_above_990, last_above_990, first_odd_seven, last_odd_seven;
    std::optional<std::size_t> position_of_three, position_above_990, position_of_twice_three;
    bool any_nonzero, all_nonzero, any_odd_positive;

    explicit expected_searches(const std::vector<long>& values)
        : items(keyed_by_index(values, 1'000'000)),
          first_seven(loop_find_first(items, key_is_multiple_of_seven)),
          last_seven(loop_find_last(items, key_is_multiple_of_seven)),
          first_above_990(loop_find_first(items, key_above_990)),
          last_above_990(loop_find_last(items, key_above_990)),
          first_odd_seven(loop_find_first(loop_filter(items, key_is_odd), key_is_multiple_of_seven)),
          last_odd_seven(loop_find_last(loop_filter(items, key_is_odd), key_is_multiple_of_seven)),
          position_of_three(loop_position_first(values, is_multiple_of_three)),
          position_above_990(loop_position_first(values, is_above_990)),
          position_of_twice_three(loop_position_first(loop_map(values, twice), is_multiple_of_three)),
          any_nonzero(std::any_of(values.begin(), values.end(), [](long v) { return v != 0; })),
          all_nonzero(std::all_of(values.begin(), values.end(), [](long v) { return v != 0; })),
          any_odd_positive(std::any_of(values.begin(), values.end(), [](long v) { return is_odd(v) && v > 0; }))
    {
    }
};

// Odd factors modulo 2^64: the product never collapses to 0, and wraps without overflow.
const auto odd_factor = [](long v) { return std::uint64_t(v) * 2 + 1; };
const auto index_not_multiple_of_three = [](std::size_t i) { return i % 3 != 0; };

struct expected_extrema_and_products {
    std::optional<keyed> first_min, last_max, filtered_first_min, filtered_last_max;
    std::uint64_t product = 1, odd_product = 1;
    double small_product = 1;  // of the first 60 elements, each near 1

    explicit expected_extrema_and_products(const std::vector<long>& values)
    {
        // Keys modulo 10: many ties, told apart by the index.
        const auto items = keyed_by_index(values, 10);
        const auto filtered = loop_filter(items, [](const keyed& k) { return index_not_multiple_of_three(k.index); });
        first_min = loop_first_min(items);
        last_max = loop_last_max(items);
        filtered_first_min = loop_first_min(filtered);
        filtered_last_max = loop_last_max(filtered);
        for (long v : values) {
            product *= odd_factor(v);
            if (is_odd(v))
                odd_product *= odd_factor(v);
        }
        for (std::size_t i = 0; i < std::min<std::size_t>(values.size(), 60); ++i)
            small_product *= 1.0 + double(values[i]) / 4096.0;
    }
};

const auto with_letter = [](long v) { return std::pair(v, letter(v)); };

struct expected_collections {
    std::vector<long> threes, others, twice_threes, odd, odd_positive, odd_not_positive;
    std::vector<double> twice_as_doubles;
    std::string letters, odd_letters;
    std::set<long> as_set;
    // Keys repeat (values modulo 100): a map built from the pairs in order keeps the first.
    std::map<long, std::size_t> as_map;
    std::unordered_map<long, std::size_t> as_hash;

    explicit expected_collections(const std::vector<long>& values)
        : threes(loop_filter(values, is_multiple_of_three)),
          others(loop_filter(values, [](long v) { return !is_multiple_of_three(v); })),
          twice_threes(loop_filter(loop_map(values, twice), is_multiple_of_three)),
          odd(loop_filter(values, is_odd)),
          odd_positive(loop_filter(odd, is_positive)),
          odd_not_positive(loop_filter(odd, [](long v) { return !is_positive(v); })),
          letters(letters_of(values)),
          odd_letters(letters_of(odd)),
          as_set(values.begin(), values.end())
    {
        for (long v : values)
            twice_as_doubles.push_back(double(twice(v)));
        std::vector<std::pair<long, std::size_t>> keys_and_indices;
        for (std::size_t i = 0; i < values.size(); ++i)
            keys_and_indices.emplace_back(values[i] % 100, i);
        as_map = std::map<long, std::size_t>(keys_and_indices.begin(), keys_and_indices.end());
        as_hash = std::unordered_map<long, std::size_t>(keys_and_indices.begin(), keys_and_indices.end());
    }
};

struct expected_settings {
    long total;
    std::vector<long> odd;
    std::string letters;
    std::optional<std::size_t> first_above_990;
    std::optional<long> last_odd;

    explicit expected_settings(const std::vector<long>& values)
        : total(loop_sum(values)),
          odd(loop_filter(values, is_odd)),
          letters(letters_of(values)),
          first_above_990(loop_position_first(values, is_above_990)),
          last_odd(loop_find_last(values, is_odd))
    {
    }
};

}  // namespace operations_test

using namespace operations_test;

BOOST_FIXTURE_TEST_SUITE(size_and_thread_matrix, fastiter_test::watchdog)

BOOST_DATA_TEST_CASE(flat_map_and_filter_map_match_the_loop, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto& expected = expected_for<expected_flat_map_and_filter_map>(n);
    const auto run = spellings_for(threads, n, largest);
    fi::thread_pool pool(threads);
    pool.install([&] {
        if (run.member) {
            BOOST_TEST(same_elements(fi::into_par_iter(values).flat_map(copies).collect(), expected.flat));
            BOOST_TEST(fi::into_par_iter(values).flat_map(copies).sum() == loop_sum(expected.flat));
            BOOST_TEST(same_elements(fi::into_par_iter(values).map(twice).flat_map(copies).filter(is_positive).collect(),
                                     expected.mapped_flat_positive));
            BOOST_TEST(same_elements(fi::into_par_iter(values).flat_map(from_table).collect(), expected.from_table));
            BOOST_TEST(same_elements(fi::into_par_iter(values).filter_map(thirds).collect(), expected.thirded));
            BOOST_TEST(fi::into_par_iter(values).filter_map(thirds).count() == expected.thirded.size());
            BOOST_TEST(same_elements(fi::into_par_iter(values).map(twice).filter_map(thirds).filter(is_positive).collect(),
                                     expected.mapped_thirds_positive));
        }
        if (run.pipe) {
            BOOST_TEST(same_elements(values | fi::par_flat_map(copies) | fi::par_collect, expected.flat));
            BOOST_TEST((values | fi::par_flat_map(copies) | fi::par_count) == expected.flat.size());
            BOOST_TEST(same_elements(values | fi::par_filter(is_odd) | fi::par_flat_map(copies) | fi::par_map(plus_one) |
                                         fi::par_collect,
                                     expected.odd_flat_plus_one));
            BOOST_TEST(same_elements(values | fi::par_flat_map(counting_up) | fi::par_collect, expected.counted_up));
            BOOST_TEST(same_elements(values | fi::par_filter_map(thirds) | fi::par_collect, expected.thirded));
            BOOST_TEST((values | fi::par_filter_map(thirds) | fi::par_sum) == loop_sum(expected.thirded));
            BOOST_TEST(same_elements(values | fi::par_filter(is_odd) | fi::par_filter_map(thirds) |
                                         fi::par_map(plus_one) | fi::par_collect,
                                     expected.odd_thirds_plus_one));
        }
    });
}

BOOST_DATA_TEST_CASE(inspect_and_fold_match_the_loop, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto& expected = expected_for<expected_inspect_and_fold>(n);
    const long total = expected.total;
    std::atomic<std::size_t> inspected{0};
    std::atomic<long> inspected_sum{0};
    // relaxed: the counts are read after the operation, which joins every piece.
    auto note = [&](long v) {
        inspected.fetch_add(1, std::memory_order_relaxed);
        inspected_sum.fetch_add(v, std::memory_order_relaxed);
    };
    auto reset = [&] {
        inspected = 0;
        inspected_sum = 0;
    };

    const auto run = spellings_for(threads, n, largest);
    fi::thread_pool pool(threads);
    pool.install([&] {
        if (run.member) {
            reset();
            BOOST_TEST(same_elements(fi::into_par_iter(values).inspect(note).collect(), values));
            BOOST_TEST(inspected.load() == n);
            BOOST_TEST(inspected_sum.load() == total);
            reset();
            BOOST_TEST(same_elements(fi::into_par_iter(values).map(twice).inspect(note).filter(is_positive).collect(),
                                     expected.twice_positive));
            BOOST_TEST(inspected.load() == n);
            BOOST_TEST(inspected_sum.load() == 2 * total);

            // How many accumulators fold makes is unspecified; their reduction is not.
            BOOST_TEST(fi::into_par_iter(values).fold(0L, add).sum() == total);
            const auto accumulators = fi::into_par_iter(values).fold(0L, add).collect();
            BOOST_TEST(loop_sum(accumulators) == total);
            BOOST_TEST(accumulators.size() >= (n > 0 ? 1u : 0u));
            BOOST_TEST(fi::into_par_iter(values).map(twice).fold(0L, add).filter([](long acc) { return acc != 0; }).sum() ==
                       2 * total);
            // Accumulators come in source order: a non-commutative fold and reduce show it.
            BOOST_TEST(fi::into_par_iter(values).fold(std::string{}, append_letter{}).reduce(std::string{}, concatenate{}) ==
                       expected.letters);
            BOOST_TEST(same_elements(concatenated(fi::into_par_iter(values).fold(std::vector<long>{}, push_back{}).collect()),
                                     values));
        }
        if (run.pipe) {
            reset();
            BOOST_TEST((values | fi::par_inspect(note) | fi::par_sum) == total);
            BOOST_TEST(inspected.load() == n);
            BOOST_TEST(inspected_sum.load() == total);
            reset();
            BOOST_TEST(same_elements(values | fi::par_filter(is_odd) | fi::par_inspect(note) | fi::par_map(plus_one) |
                                         fi::par_collect,
                                     expected.odd_plus_one));
            BOOST_TEST(inspected.load() == expected.odd.size());
            BOOST_TEST(inspected_sum.load() == loop_sum(expected.odd));

            BOOST_TEST((values | fi::par_fold(0L, add) | fi::par_reduce(0L, std::plus<>{})) == total);
            const auto accumulators = values | fi::par_fold(0L, add) | fi::par_collect;
            BOOST_TEST(loop_sum(accumulators) == total);
            BOOST_TEST(accumulators.size() >= (n > 0 ? 1u : 0u));
            BOOST_TEST((values | fi::par_filter(is_odd) | fi::par_fold(0L, add) | fi::par_map(twice) | fi::par_sum) ==
                       2 * loop_sum(expected.odd));
            BOOST_TEST((values | fi::par_fold(std::string{}, append_letter{}) |
                        fi::par_reduce(std::string{}, concatenate{})) == expected.letters);
        }
    });
}

BOOST_DATA_TEST_CASE(search_terminals_match_the_loop, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto& expected = expected_for<expected_searches>(n);
    const auto indices = fi::par_range(std::size_t{0}, n);
    auto by_index = [&values](std::size_t i) { return keyed{values[i], i}; };
    // find_any and position_any: some match, or nothing exactly when nothing matches.
    auto check_any_match = [&expected](const std::optional<keyed>& found, const std::optional<keyed>& first) {
        BOOST_TEST(found.has_value() == first.has_value());
        if (found) {
            BOOST_TEST_REQUIRE(found->index < expected.items.size());
            BOOST_TEST(same_optional(found, std::optional<keyed>(expected.items[found->index])));
        }
    };
    auto check_any_position = [&values](const std::optional<std::size_t>& position, const std::optional<std::size_t>& first,
                                        auto pred) {
        BOOST_TEST(position.has_value() == first.has_value());
        if (position) {
            BOOST_TEST_REQUIRE(*position < values.size());
            BOOST_TEST(pred(values[*position]));
        }
    };

    fi::thread_pool pool(threads);
    pool.install([&] {
        BOOST_TEST(same_optional(indices.map(by_index).find_first(key_is_multiple_of_seven), expected.first_seven));
        BOOST_TEST(same_optional(indices | fi::par_map(by_index) | fi::par_find_first(key_above_990),
                                 expected.first_above_990));
        BOOST_TEST(same_optional(indices.map(by_index).find_last(key_above_990), expected.last_above_990));
        BOOST_TEST(same_optional(indices | fi::par_map(by_index) | fi::par_find_last(key_is_multiple_of_seven),
                                 expected.last_seven));
        BOOST_TEST(same_optional(indices.map(by_index).filter(key_is_odd).find_first(key_is_multiple_of_seven),
                                 expected.first_odd_seven));
        BOOST_TEST(same_optional(indices | fi::par_map(by_index) | fi::par_filter(key_is_odd) |
                                     fi::par_find_last(key_is_multiple_of_seven),
                                 expected.last_odd_seven));
        BOOST_TEST(!(values | fi::par_find_first(is_above_1000)).has_value());
        BOOST_TEST(!fi::into_par_iter(values).find_last(is_above_1000).has_value());

        check_any_match(indices.map(by_index).find_any(key_is_multiple_of_seven), expected.first_seven);
        check_any_match(indices | fi::par_map(by_index) | fi::par_find_any(key_above_990), expected.first_above_990);
        check_any_match(indices.map(by_index).filter(key_is_odd).find_any(key_is_multiple_of_seven),
                        expected.first_odd_seven);
        BOOST_TEST(!(values | fi::par_find_any(is_above_1000)).has_value());

        BOOST_TEST(same_optional(fi::into_par_iter(values).position_first(is_multiple_of_three), expected.position_of_three));
        BOOST_TEST(same_optional(values | fi::par_position_first(is_above_990), expected.position_above_990));
        BOOST_TEST(same_optional(values | fi::par_map(twice) | fi::par_position_first(is_multiple_of_three),
                                 expected.position_of_twice_three));
        BOOST_TEST(!(values | fi::par_position_first(is_above_1000)).has_value());
        check_any_position(fi::into_par_iter(values).position_any(is_multiple_of_three), expected.position_of_three,
                           is_multiple_of_three);
        check_any_position(values | fi::par_position_any(is_above_990), expected.position_above_990, is_above_990);
        check_any_position(fi::into_par_iter(values).map(twice).position_any(is_multiple_of_three),
                           expected.position_of_twice_three, is_multiple_of_three);
        BOOST_TEST(!fi::into_par_iter(values).position_any(is_above_1000).has_value());

        // any() and all() without a predicate test the elements' truthiness.
        BOOST_TEST(fi::into_par_iter(values).any() == expected.any_nonzero);
        BOOST_TEST((values | fi::par_any) == expected.any_nonzero);
        BOOST_TEST(fi::into_par_iter(values).all() == expected.all_nonzero);
        BOOST_TEST((values | fi::par_all) == expected.all_nonzero);
        BOOST_TEST(fi::into_par_iter(values).map(is_above_990).any() == expected.position_above_990.has_value());
        BOOST_TEST((values | fi::par_map(is_above_990) | fi::par_any) == expected.position_above_990.has_value());
        BOOST_TEST(fi::into_par_iter(values).map([](long v) { return v >= -1000; }).all());
        BOOST_TEST(!(values | fi::par_map(is_above_1000) | fi::par_any));
        BOOST_TEST((values | fi::par_filter(is_odd) | fi::par_all));  // odd numbers are nonzero
        BOOST_TEST(fi::into_par_iter(values).filter(is_odd).map(is_positive).any() == expected.any_odd_positive);
    });
}

BOOST_DATA_TEST_CASE(extremum_and_product_terminals_match_the_loop, bdata::make(thread_counts) * bdata::make(sizes),
                     threads, n)
{
    const auto& values = values_of_size(n);
    const auto& expected = expected_for<expected_extrema_and_products>(n);
    const auto indices = fi::par_range(std::size_t{0}, n);
    auto by_index = [&values](std::size_t i) { return keyed{values[i] % 10, i}; };
    const auto first_60 = fi::par_range(std::size_t{0}, std::min<std::size_t>(n, 60)).map([&values](std::size_t i) {
        return 1.0 + double(values[i]) / 4096.0;
    });

    fi::thread_pool pool(threads);
    pool.install([&] {
        BOOST_TEST(same_optional(indices.map(by_index).min_by(key_less{}), expected.first_min));
        BOOST_TEST(same_optional(indices | fi::par_map(by_index) | fi::par_min_by(key_less{}), expected.first_min));
        BOOST_TEST(same_optional(indices.map(by_index).max_by(key_less{}), expected.last_max));
        BOOST_TEST(same_optional(indices | fi::par_map(by_index) | fi::par_max_by(key_less{}), expected.last_max));
        BOOST_TEST(same_optional(indices.map(by_index).min_by_key(key_of{}), expected.first_min));
        BOOST_TEST(same_optional(indices | fi::par_map(by_index) | fi::par_min_by_key(key_of{}), expected.first_min));
        BOOST_TEST(same_optional(indices.map(by_index).max_by_key(key_of{}), expected.last_max));
        BOOST_TEST(same_optional(indices | fi::par_map(by_index) | fi::par_max_by_key(key_of{}), expected.last_max));
        BOOST_TEST(same_optional(indices.filter(index_not_multiple_of_three).map(by_index).min_by_key(key_of{}),
                                 expected.filtered_first_min));
        BOOST_TEST(same_optional(indices | fi::par_filter(index_not_multiple_of_three) | fi::par_map(by_index) |
                                     fi::par_max_by(key_less{}),
                                 expected.filtered_last_max));

        BOOST_TEST(fi::into_par_iter(values).map(odd_factor).product() == expected.product);
        BOOST_TEST((values | fi::par_map(odd_factor) | fi::par_product) == expected.product);
        BOOST_TEST(fi::into_par_iter(values).filter(is_odd).map(odd_factor).product() == expected.odd_product);
        BOOST_TEST((values | fi::par_filter(is_odd) | fi::par_map(odd_factor) | fi::par_product) == expected.odd_product);
        BOOST_TEST(first_60.product() == expected.small_product, boost::test_tools::tolerance(1e-12));
        BOOST_TEST((first_60 | fi::par_product) == expected.small_product, boost::test_tools::tolerance(1e-12));
    });
}

BOOST_DATA_TEST_CASE(collecting_terminals_match_the_loop, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto& expected = expected_for<expected_collections>(n);
    const auto run = spellings_for(threads, n, largest);
    const auto indices = fi::par_range(std::size_t{0}, n);
    auto key_and_index = [&values](std::size_t i) { return std::pair(values[i] % 100, i); };
    auto is_not_positive = [](long v) { return !is_positive(v); };
    auto as_string = [](const std::vector<char>& chars) { return std::string(chars.begin(), chars.end()); };

    fi::thread_pool pool(threads);
    pool.install([&] {
        if (run.member) {
            const auto [yes, no] = fi::into_par_iter(values).partition(is_multiple_of_three);
            BOOST_TEST(same_elements(yes, expected.threes));
            BOOST_TEST(same_elements(no, expected.others));
            const auto [twice_yes, twice_no] = fi::into_par_iter(values).map(twice).partition(is_multiple_of_three);
            BOOST_TEST(same_elements(twice_yes, expected.twice_threes));
            BOOST_TEST(twice_no.size() == n - twice_yes.size());
            const auto [odd_non_positive, odd_positive] = fi::into_par_iter(values).filter(is_odd).partition(is_not_positive);
            BOOST_TEST(same_elements(odd_non_positive, expected.odd_not_positive));
            BOOST_TEST(same_elements(odd_positive, expected.odd_positive));

            const auto [numbers, chars] = fi::into_par_iter(values).map(with_letter).unzip();
            BOOST_TEST(same_elements(numbers, values));
            BOOST_TEST(as_string(chars) == expected.letters);

            BOOST_TEST(same_elements(fi::into_par_iter(values).template collect_into<std::vector<long>>(), values));
            BOOST_TEST(same_elements(fi::into_par_iter(values).map(twice).template collect_into<unzeroed_vector>(),
                                     expected.twice_as_doubles));
            BOOST_TEST(same_elements(fi::into_par_iter(values).filter(is_odd).template collect_into<unzeroed_vector>(),
                                     expected.odd));
            const auto aligned = fi::into_par_iter(values).map(twice).template collect_into<aligned_unzeroed_vector>();
            BOOST_TEST(same_elements(aligned, expected.twice_as_doubles));
            BOOST_TEST(reinterpret_cast<std::uintptr_t>(aligned.data()) % 64 == 0u);
            BOOST_TEST(same_elements(fi::into_par_iter(values).template collect_into<std::set<long>>(), expected.as_set));
            BOOST_TEST((indices.map(key_and_index).template collect_into<std::map<long, std::size_t>>() == expected.as_map));
            BOOST_TEST((indices.map(key_and_index).template collect_into<std::unordered_map<long, std::size_t>>() ==
                        expected.as_hash));
            BOOST_TEST(fi::into_par_iter(values).map(letter).template collect_into<std::string>() == expected.letters);
        }
        if (run.pipe) {
            const auto [yes, no] = values | fi::par_partition(is_multiple_of_three);
            BOOST_TEST(same_elements(yes, expected.threes));
            BOOST_TEST(same_elements(no, expected.others));
            const auto [odd_positive, odd_not_positive] = values | fi::par_filter(is_odd) | fi::par_partition(is_positive);
            BOOST_TEST(same_elements(odd_positive, expected.odd_positive));
            BOOST_TEST(same_elements(odd_not_positive, expected.odd_not_positive));

            const auto [numbers, chars] = values | fi::par_map(with_letter) | fi::par_unzip;
            BOOST_TEST(same_elements(numbers, values));
            BOOST_TEST(as_string(chars) == expected.letters);
            const auto [odd_numbers, odd_chars] = values | fi::par_filter(is_odd) | fi::par_map(with_letter) | fi::par_unzip;
            BOOST_TEST(same_elements(odd_numbers, expected.odd));
            BOOST_TEST(as_string(odd_chars) == expected.odd_letters);

            BOOST_TEST(same_elements(values | fi::par_filter(is_odd) | fi::par_collect_into<std::vector<long>>, expected.odd));
            BOOST_TEST(same_elements(values | fi::par_map(twice) | fi::par_collect_into<unzeroed_vector>, expected.twice_as_doubles));
            BOOST_TEST(same_elements(values | fi::par_map(twice) | fi::par_collect_into<std::vector<double>>,
                                     expected.twice_as_doubles));
            BOOST_TEST(same_elements(values | fi::par_collect_into<std::set<long>>, expected.as_set));
            BOOST_TEST((indices | fi::par_map(key_and_index) | fi::par_collect_into<std::map<long, std::size_t>>) ==
                       expected.as_map);
            BOOST_TEST((indices | fi::par_map(key_and_index) |
                        fi::par_collect_into<std::unordered_map<long, std::size_t>>) == expected.as_hash);
            BOOST_TEST((values | fi::par_map(letter) | fi::par_collect_into<std::string>) == expected.letters);
            BOOST_TEST((values | fi::par_filter(is_odd) | fi::par_map(letter) | fi::par_collect_into<std::string>) ==
                       expected.odd_letters);
            BOOST_TEST((expected.letters | fi::par_collect_into<std::string>) == expected.letters);
        }
    });
}

// The split settings change how an operation is cut into pieces, never its result.
BOOST_DATA_TEST_CASE(split_settings_leave_results_unchanged, bdata::make(thread_counts) * bdata::make(sizes), threads, n)
{
    const auto& values = values_of_size(n);
    const auto& expected = expected_for<expected_settings>(n);
    const auto run = spellings_for(threads, n, largest);

    fi::thread_pool pool(threads);
    pool.install([&] {
        auto check = [&](const auto& it, const char* setting) {
            BOOST_TEST_CONTEXT(setting)
            {
                BOOST_TEST(it.sum() == expected.total);
                BOOST_TEST(same_elements(it.collect(), values));
                BOOST_TEST(same_elements(it.filter(is_odd).collect(), expected.odd));
                BOOST_TEST(it.fold(std::string{}, append_letter{}).reduce(std::string{}, concatenate{}) ==
                           expected.letters);
                BOOST_TEST(same_optional(it.position_first(is_above_990), expected.first_above_990));
                BOOST_TEST(same_optional(it.find_last(is_odd), expected.last_odd));
            }
        };
        const auto base = fi::into_par_iter(values);
        if (run.member) {
            check(base.with_min_len(1000), "with_min_len(1000)");
            check(base.with_max_len(64), "with_max_len(64)");
            check(base.deterministic(), "deterministic()");
            BOOST_TEST(base.with_max_len(64).reduce(std::string{}, letters_in_order{}) == expected.letters);
        }
        if (run.pipe) {
            check(values | fi::par_with_min_len(n + 1), "| par_with_min_len(n + 1)");
            check(values | fi::par_with_max_len(4096), "| par_with_max_len(4096)");
            check(values | fi::par_with_min_len(5000) | fi::par_deterministic, "| par_with_min_len(5000) | par_deterministic");
        }
        if (n < largest) {
            check(base.with_min_len(1), "with_min_len(1)");
            check(values | fi::par_with_min_len(0), "| par_with_min_len(0)");
            check(base.with_min_len(100).with_max_len(1000), "with_min_len(100).with_max_len(1000)");
            check(values | fi::par_deterministic, "| par_deterministic");
            // One piece per element: a fork per element, too slow for the large size.
            check(base.with_max_len(1), "with_max_len(1)");
            check(values | fi::par_with_max_len(0), "| par_with_max_len(0)");
        }
        // Settings made before a stage stay with the pipeline.
        BOOST_TEST(base.with_max_len(64).map(twice).sum() == 2 * expected.total);
        BOOST_TEST((values | fi::par_deterministic | fi::par_filter(is_odd) | fi::par_sum) == loop_sum(expected.odd));
    });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(rules, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(every_new_terminal_on_empty_input)
{
    const std::vector<long> empty;
    auto always = [](long) { return true; };
    BOOST_TEST((empty | fi::par_product) == 1);
    BOOST_TEST(fi::into_par_iter(empty).map([](long v) { return double(v); }).product() == 1.0);
    BOOST_TEST(!(empty | fi::par_any));
    BOOST_TEST(fi::into_par_iter(empty).all());
    BOOST_TEST((empty | fi::par_all));
    BOOST_TEST(!fi::into_par_iter(empty).any());
    BOOST_TEST(!(empty | fi::par_min_by(std::less<>{})).has_value());
    BOOST_TEST(!fi::into_par_iter(empty).max_by(std::less<>{}).has_value());
    BOOST_TEST(!(empty | fi::par_min_by_key(std::negate<>{})).has_value());
    BOOST_TEST(!fi::into_par_iter(empty).max_by_key(std::negate<>{}).has_value());
    BOOST_TEST(!(empty | fi::par_find_any(always)).has_value());
    BOOST_TEST(!(empty | fi::par_find_first(always)).has_value());
    BOOST_TEST(!fi::into_par_iter(empty).find_last(always).has_value());
    BOOST_TEST(!(empty | fi::par_position_any(always)).has_value());
    BOOST_TEST(!fi::into_par_iter(empty).position_first(always).has_value());
    const auto [yes, no] = empty | fi::par_partition(always);
    BOOST_TEST(yes.empty());
    BOOST_TEST(no.empty());
    const auto [firsts, seconds] = empty | fi::par_map([](long v) { return std::pair(v, letter(v)); }) | fi::par_unzip;
    BOOST_TEST(firsts.empty());
    BOOST_TEST(seconds.empty());
    BOOST_TEST((empty | fi::par_collect_into<std::set<long>>).empty());
    BOOST_TEST((empty | fi::par_map(letter) | fi::par_collect_into<std::string>).empty());
    BOOST_TEST((empty | fi::par_flat_map(copies) | fi::par_collect).empty());
    BOOST_TEST((empty | fi::par_filter_map(thirds) | fi::par_count) == 0u);
    BOOST_TEST(fi::into_par_iter(empty).fold(5L, add).sum() == loop_sum(fi::into_par_iter(empty).fold(5L, add).collect()));

    // Empty after a filter that rejects everything, over a large input on several threads.
    fi::thread_pool pool(8);
    pool.install([&] {
        const auto none = fi::par_range(0L, 100'000L).filter([](long) { return false; });
        BOOST_TEST(none.product() == 1);
        BOOST_TEST(!none.any());
        BOOST_TEST(none.all());
        BOOST_TEST(!none.find_first(always).has_value());
        BOOST_TEST(!none.find_last(always).has_value());
        BOOST_TEST(!none.min_by_key(std::negate<>{}).has_value());
        BOOST_TEST(none.partition(always).first.empty());
        BOOST_TEST(none.collect_into<std::string>().empty());
        BOOST_TEST(none.flat_map(copies).count() == 0u);
    });
}

BOOST_AUTO_TEST_CASE(min_by_keeps_the_first_and_max_by_the_last_of_equal_keys)
{
    for (std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{8}}) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            for (std::size_t n : {std::size_t{2}, std::size_t{97}, std::size_t{100'003}}) {
                BOOST_TEST_CONTEXT("threads " << threads << ", n " << n)
                {
                    // All keys equal: min is element 0, max element n - 1.
                    const auto all_equal = fi::par_range(std::size_t{0}, n).map([](std::size_t i) { return keyed{7, i}; });
                    BOOST_TEST(all_equal.min_by(key_less{})->index == 0u);
                    BOOST_TEST((all_equal | fi::par_min_by_key(key_of{}))->index == 0u);
                    BOOST_TEST((all_equal | fi::par_max_by(key_less{}))->index == n - 1);
                    BOOST_TEST(all_equal.max_by_key(key_of{})->index == n - 1);
                    // Three runs: the extremes sit in the first and last run, ties in each.
                    const auto runs = fi::par_range(std::size_t{0}, n).map([n](std::size_t i) {
                        return keyed{i < n / 3 ? 1L : (i < 2 * n / 3 ? 0L : 1L), i};
                    });
                    BOOST_TEST(runs.min_by_key(key_of{})->index == n / 3);
                    BOOST_TEST((runs | fi::par_max_by_key(key_of{}))->index == n - 1);
                    // A key that reverses the order: min_by_key finds the largest first.
                    const auto reversed = fi::par_range(std::size_t{0}, n).map([](std::size_t i) {
                        return keyed{long(i % 5), i};
                    });
                    auto negated_key = [](const keyed& k) { return -k.key; };
                    BOOST_TEST(reversed.min_by_key(negated_key)->index == (n > 4 ? 4u : n - 1));
                    BOOST_TEST((reversed | fi::par_max_by_key(negated_key))->index == n - 1 - (n - 1) % 5);
                }
            }
        });
    }
}

BOOST_AUTO_TEST_CASE(find_first_and_find_last_on_2m_elements_with_matches_spread)
{
    constexpr long n = 2'000'000;
    std::vector<long> values(n);
    std::iota(values.begin(), values.end(), 0L);
    struct case_t {
        const char* name;
        bool (*pred)(long);
        std::optional<long> first, last;
    };
    const std::vector<case_t> cases{
        {"every 250'000th from 77'777", [](long v) { return v % 250'000 == 77'777; }, 77'777, 1'827'777},
        {"every third from 1", [](long v) { return v % 3 == 1; }, 1, 1'999'999},
        {"only near both ends", [](long v) { return v == 5 || v == 1'999'990; }, 5, 1'999'990},
        {"only in the middle", [](long v) { return v >= 999'000 && v < 1'001'000 && v % 17 == 0; }, 999'005, 1'000'994},
        {"only the last", [](long v) { return v == 1'999'999; }, 1'999'999, 1'999'999},
    };
    // 8 threads on this machine's 2 cores: pieces are stolen and finish in every order. 2 threads
    // repeat the cheaper cases.
    for (std::size_t threads : {std::size_t{8}, std::size_t{2}}) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            for (std::size_t i = 0; i < (threads == 8 ? cases.size() : 3); ++i) {
                const auto& c = cases[i];
                BOOST_TEST_CONTEXT("threads " << threads << ", " << c.name)
                {
                    BOOST_TEST(same_optional(fi::into_par_iter(values).find_first(c.pred), c.first));
                    BOOST_TEST(same_optional(values | fi::par_find_last(c.pred), c.last));
                    if (threads != 8)
                        continue;
                    BOOST_TEST(same_optional(fi::par_range(0L, n).position_first(c.pred),
                                             std::optional<std::size_t>(std::size_t(*c.first))));
                    BOOST_TEST(same_optional(fi::par_range(0L, n) | fi::par_map(plus_one) |
                                                 fi::par_find_first([&c](long v) { return c.pred(v - 1); }),
                                             std::optional<long>(*c.first + 1)));
                    if (i < 2)  // both cases' last matches are odd
                        BOOST_TEST(same_optional(fi::par_range(0L, n).filter(is_odd).find_last(c.pred), c.last));
                }
            }
        });
    }
}

// Visiting an element is counted in an inspect stage or in the predicate itself; the match is at
// position 100 of 10'000'000, so a search that stops early visits a tiny fraction.
BOOST_AUTO_TEST_CASE(searches_stop_early_when_the_match_is_early)
{
    static constexpr std::size_t n = 10'000'000, match = 100;
    std::atomic<std::size_t> visited{0};
    // relaxed: the count is read after the operation, which joins every piece.
    auto count_visit = [&visited](std::size_t) { visited.fetch_add(1, std::memory_order_relaxed); };
    auto is_match = [](std::size_t i) { return i == match; };
    auto counting_is_match = [&visited](std::size_t i) {
        visited.fetch_add(1, std::memory_order_relaxed);
        return i == match;
    };
    const auto counted = fi::par_range(std::size_t{0}, n).inspect(count_visit);
    auto visits = [&visited](auto&& run) {
        visited = 0;
        run();
        return visited.load();
    };
    for (std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{8}}) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            BOOST_TEST_CONTEXT("threads " << threads)
            {
                BOOST_TEST(visits([&] { BOOST_TEST(same_optional(counted.find_any(is_match), std::optional(match))); }) <
                           n / 10);
                BOOST_TEST(visits([&] {
                               BOOST_TEST(same_optional(fi::par_range(std::size_t{0}, n) | fi::par_inspect(count_visit) |
                                                            fi::par_find_any(is_match),
                                                        std::optional(match)));
                           }) < n / 10);
                BOOST_TEST(visits([&] {
                               BOOST_TEST(same_optional(fi::par_range(std::size_t{0}, n).find_any(counting_is_match),
                                                        std::optional(match)));
                           }) < n / 10);
                BOOST_TEST(visits([&] { BOOST_TEST(same_optional(counted.position_any(is_match), std::optional(match))); }) <
                           n / 10);
                BOOST_TEST(visits([&] {
                               BOOST_TEST(same_optional(fi::par_range(std::size_t{0}, n) | fi::par_position_any(counting_is_match),
                                                        std::optional(match)));
                           }) < n / 10);
                BOOST_TEST(visits([&] { BOOST_TEST(counted.any(is_match)); }) < n / 10);
                BOOST_TEST(visits([&] { BOOST_TEST((fi::par_range(std::size_t{0}, n) | fi::par_any(counting_is_match))); }) <
                           n / 10);
                BOOST_TEST(visits([&] { BOOST_TEST(counted.map(is_match).any()); }) < n / 10);
                BOOST_TEST(visits([&] { BOOST_TEST((counted | fi::par_map(is_match) | fi::par_any)); }) < n / 10);
                BOOST_TEST(visits([&] { BOOST_TEST(!counted.map([](std::size_t i) { return i != match; }).all()); }) <
                           n / 10);
                BOOST_TEST(visits([&] { BOOST_TEST(same_optional(counted.find_first(is_match), std::optional(match))); }) <
                           n / 10);
                BOOST_TEST(visits([&] { BOOST_TEST(same_optional(counted.position_first(is_match), std::optional(match))); }) <
                           n / 10);
            }
        });
    }
}

// Regression: under with_max_len or deterministic() (the fixed tree of detail/splitter.hpp) a
// search used to visit every leaf even once the answer was known: any() with the match at
// element 0 took 84 ms on 2'000'000 elements with with_max_len(1). fold shows it without a
// clock: each leaf hands its accumulator on, so the predicate of a following any() is called
// once per leaf visited, n times here if no subtree is skipped.
BOOST_AUTO_TEST_CASE(searches_stop_early_under_with_max_len_and_deterministic)
{
    constexpr std::size_t n = 200'000;
    std::atomic<std::size_t> calls{0};
    // relaxed: the count is read after the operation, which joins every piece.
    auto counting_any_accumulator = [&calls](long) {
        calls.fetch_add(1, std::memory_order_relaxed);
        return true;
    };
    const auto ones = fi::par_range(std::size_t{0}, n).map([](std::size_t) { return 1L; });
    // One thread runs the tree left to right, so the count is exact; with more, it depends on
    // how far the others got before the match, and only the answer is checked.
    for (std::size_t threads : {std::size_t{1}, std::size_t{8}}) {
        const bool counted = threads == 1;
        fi::thread_pool pool(threads);
        pool.install([&] {
            BOOST_TEST_CONTEXT("threads " << threads)
            {
                calls = 0;
                BOOST_TEST(ones.with_max_len(1).fold(0L, add).any(counting_any_accumulator));
                BOOST_TEST((!counted || calls.load() < n / 10));  // one leaf per element: n leaves
                calls = 0;
                BOOST_TEST((ones | fi::par_with_max_len(16) | fi::par_fold(0L, add) |
                            fi::par_find_first(counting_any_accumulator)).has_value());
                BOOST_TEST((!counted || calls.load() < n / 16 / 10));
                calls = 0;
                BOOST_TEST(ones.with_min_len(1).deterministic().with_max_len(64).fold(0L, add).any(counting_any_accumulator));
                BOOST_TEST((!counted || calls.load() < n / 64 / 10));
            }
        });
    }
}

// A thrown exception raises its operation's cancel flag; a piece of the fixed tree that sees
// the flag ends without folding (it used to fold the whole subtree it stood for). Which pieces
// see it first is timing, so the tree is run here on an operation already cancelled.
BOOST_AUTO_TEST_CASE(a_cancelled_fixed_tree_visits_no_element)
{
    struct counting_plan {
        struct folder : fi::detail::folder_base<false> {
            std::size_t* visited;
            void consume(std::size_t) { ++*visited; }
            int complete() && { return 0; }
        };
        std::size_t* visited;
        folder make_folder(std::size_t) const { return {{}, visited}; }
        int reduce(int, int) const { return 0; }
    };
    constexpr std::size_t n = 1'000'000;
    std::size_t visited = 0;
    const fi::detail::index_producer producer(fi::detail::progression_access<std::size_t>{0, 1}, n);
    fi::detail::operation op;
    op.cancelled() = true;
    fi::detail::run_fixed_tree(producer, counting_plan{&visited}, 0, n, fi::detail::split_settings{}, 16, op);
    BOOST_TEST(visited == 0u);
}

BOOST_AUTO_TEST_CASE(deterministic_double_sum_is_bitwise_identical_at_any_thread_count)
{
    // Magnitudes from 1e-6 to 1e6 and both signs: every reduction order rounds differently.
    constexpr std::size_t n = 1'000'000;
    const auto mantissas = pseudo_random(n, 1, 1'000'000, 5);
    const auto exponents = pseudo_random(n, -6, 6, 6);
    std::vector<double> values(n);
    double loop = 0, magnitude = 0;
    for (std::size_t i = 0; i < n; ++i) {
        values[i] = (i % 3 == 0 ? -1.0 : 1.0) * double(mantissas[i]) * 1e-6 * std::pow(10.0, double(exponents[i]));
        loop += values[i];
        magnitude += std::fabs(values[i]);
    }
    auto bits = [](double d) { return std::bit_cast<std::uint64_t>(d); };
    auto scaled = [](double d) { return d * 1.5; };
    std::optional<std::uint64_t> sum_bits, mapped_bits, leaves_bits;
    auto same_every_time = [&bits](std::optional<std::uint64_t>& seen, double value) {
        if (!seen)
            seen = bits(value);
        BOOST_TEST(bits(value) == *seen);
    };
    for (std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{8}}) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            BOOST_TEST_CONTEXT("threads " << threads)
            {
                const double sum = fi::into_par_iter(values).deterministic().sum();
                same_every_time(sum_bits, sum);
                BOOST_TEST(std::fabs(sum - loop) <= 1e-10 * magnitude);
                same_every_time(sum_bits, values | fi::par_deterministic | fi::par_sum);
                if (threads == 1 || threads == 8) {
                    const double mapped =
                        values | fi::par_deterministic | fi::par_map(scaled) | fi::par_reduce(0.0, std::plus<>{});
                    same_every_time(mapped_bits, mapped);
                    BOOST_TEST(std::fabs(mapped - 1.5 * loop) <= 1e-10 * 1.5 * magnitude);
                    same_every_time(leaves_bits, fi::into_par_iter(values).with_min_len(10'000).deterministic().sum());
                }
            }
        });
    }
}

BOOST_AUTO_TEST_CASE(with_max_len_1_on_10k_elements_changes_no_result)
{
    constexpr std::size_t n = 10'000;
    const auto values = pseudo_random(n, -1000, 1000, 9);
    const auto odd = loop_filter(values, is_odd);
    const auto letters = letters_of(values);
    for (std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{8}}) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            BOOST_TEST_CONTEXT("threads " << threads)
            {
                const auto one_by_one = fi::into_par_iter(values).with_max_len(1);
                BOOST_TEST(one_by_one.sum() == loop_sum(values));
                BOOST_TEST(same_elements(one_by_one.collect(), values));
                BOOST_TEST(same_elements(values | fi::par_with_max_len(1) | fi::par_filter(is_odd) | fi::par_collect, odd));
                BOOST_TEST(one_by_one.reduce(std::string{}, letters_in_order{}) == letters);
                BOOST_TEST((values | fi::par_with_max_len(1) | fi::par_fold(std::string{}, append_letter{}) |
                            fi::par_reduce(std::string{}, concatenate{})) == letters);
                const auto accumulators = one_by_one.fold(0L, add).collect();
                BOOST_TEST(accumulators.size() >= 1u);
                BOOST_TEST(loop_sum(accumulators) == loop_sum(values));
                BOOST_TEST(same_optional(one_by_one.find_first(is_multiple_of_three),
                                         loop_find_first(values, is_multiple_of_three)));
                BOOST_TEST(same_optional(one_by_one.find_last(is_multiple_of_three),
                                         loop_find_last(values, is_multiple_of_three)));
                const auto [yes, no] = one_by_one.partition(is_odd);
                BOOST_TEST(same_elements(yes, odd));
                BOOST_TEST(yes.size() + no.size() == n);
            }
        });
    }
}

BOOST_AUTO_TEST_CASE(fold_makes_one_accumulator_per_piece_in_source_order)
{
    // Pieces of at most 1'000 elements: at least 101 accumulators, whose order shows.
    const auto& values = values_of_size(100'003);
    for (std::size_t threads : {std::size_t{1}, std::size_t{8}}) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            const auto pieces = fi::into_par_iter(values).with_max_len(1000).fold(std::vector<long>{}, push_back{}).collect();
            BOOST_TEST(pieces.size() >= 101u);
            BOOST_TEST(same_elements(concatenated(pieces), values));
            const auto piped = values | fi::par_with_max_len(1000) | fi::par_fold(std::vector<long>{}, push_back{}) |
                               fi::par_collect;
            BOOST_TEST(same_elements(concatenated(piped), values));
        });
    }
}

std::pair<std::size_t, std::size_t> smallest_and_largest(const std::vector<std::vector<long>>& pieces)
{
    std::size_t smallest = std::size_t(-1), largest_piece = 0;
    for (const auto& piece : pieces) {
        smallest = std::min(smallest, piece.size());
        largest_piece = std::max(largest_piece, piece.size());
    }
    return {smallest, largest_piece};
}

// Regression: with_max_len(n) promises "Pieces longer than n elements are always split", and
// fold makes "one accumulator per piece" (as Rayon, where every leaf of at most n elements gets
// its own accumulator). The splitter used to cut the rest of a piece in halves but go on folding
// the left half into the folder it had, so a piece grew past n: with_max_len(10) on 100
// elements gave 4 to 6 accumulators of up to 37 elements, with_max_len(1) 37 of up to 7.
BOOST_AUTO_TEST_CASE(with_max_len_bounds_the_elements_of_every_fold_accumulator)
{
    for (std::size_t threads : {std::size_t{1}, std::size_t{8}}) {
        fi::thread_pool pool(threads);
        pool.install([&] {
            for (std::size_t max_len : {std::size_t{1}, std::size_t{10}}) {
                const auto pieces = fi::par_range(0L, 100L).with_max_len(max_len).fold(std::vector<long>{}, push_back{}).collect();
                BOOST_TEST(smallest_and_largest(pieces).second <= max_len, "threads " << threads << ", max_len " << max_len);
                BOOST_TEST(pieces.size() >= 100 / max_len);
            }
        });
    }
}

// Regression: deterministic() used to ignore with_max_len and break with_min_len. Its fixed
// tree halved every range longer than max(min_len, 4096) and never looked at max_len:
// with_max_len(10).deterministic() on 100'000 elements folded pieces of 3'125 elements, and
// with_min_len(4096).deterministic() on 5'000 elements two pieces of 2'500, below the promised
// minimum ("Pieces are never split below n elements").
BOOST_AUTO_TEST_CASE(deterministic_keeps_with_min_len_and_with_max_len)
{
    const auto capped = fi::par_range(0L, 100'000L).with_max_len(10).deterministic().fold(std::vector<long>{}, push_back{}).collect();
    BOOST_TEST(smallest_and_largest(capped).second <= 10u);
    const auto floored = fi::par_range(0L, 5000L).with_min_len(4096).deterministic().fold(std::vector<long>{}, push_back{}).collect();
    BOOST_TEST(smallest_and_largest(floored).first >= 4096u);
}

BOOST_AUTO_TEST_CASE(inspect_passes_references_on_so_for_each_can_modify_in_place)
{
    auto values = values_of_size(97);
    const auto expected = loop_map(values, plus_one);
    std::atomic<std::size_t> seen{0};
    fi::into_par_iter(values).inspect([&seen](long) { seen.fetch_add(1, std::memory_order_relaxed); }).for_each([](long& v) {
        ++v;
    });
    BOOST_TEST(same_elements(values, expected));
    BOOST_TEST(seen.load() == values.size());
}

BOOST_AUTO_TEST_SUITE_END()
