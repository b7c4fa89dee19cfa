// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::par_sort and par_stable_sort against std::sort and std::stable_sort: sizes 0 to
// 2'000'000, sorted / reversed / equal / duplicate inputs, stability, comparators, element types
// that are move-only or own memory, deques, plain arrays and views, pools of 1, 2, 3 and 8
// threads, sorts nested in a parallel operation, and a comparator that throws.
#define BOOST_TEST_MODULE fastiter sort
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"
#include "watchdog.hpp"

#include <fastiter/fastiter.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <new>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace fi = fastiter;
namespace bdata = boost::unit_test::data;

// Counts this thread's allocations: a sort that stays sequential must not allocate. Not under
// sanitizers, which bring their own operator new (and match every variant against its delete).
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define SORT_TEST_COUNTS_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define SORT_TEST_COUNTS_ALLOCATIONS 0
#endif
#endif
#ifndef SORT_TEST_COUNTS_ALLOCATIONS
#define SORT_TEST_COUNTS_ALLOCATIONS 1
#endif

namespace {
thread_local std::size_t allocations = 0;
}
#if SORT_TEST_COUNTS_ALLOCATIONS
// noinline: inlined into callers, g++ 12 sees operator new's memory go to free() and warns
// (-Wmismatched-new-delete) although the pair is consistent.
[[gnu::noinline]] void* operator new(std::size_t size)
{
    ++allocations;
    if (void* p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif

namespace sort_test {

using fastiter_test::same_elements;

const std::vector<std::size_t> sizes{0, 1, 2, 3, 1000, 20'000, 100'003, 2'000'000};
const std::vector<std::size_t> thread_counts{1, 2, 3, 8};

enum class pattern { random, sorted, reversed, all_equal, many_duplicates };
const std::vector<pattern> patterns{pattern::random, pattern::sorted, pattern::reversed, pattern::all_equal,
                                    pattern::many_duplicates};

std::ostream& operator<<(std::ostream& out, pattern p)
{
    const char* names[] = {"random", "sorted", "reversed", "all equal", "many duplicates"};
    return out << names[int(p)];
}

// Deterministic values from splitmix64.
std::uint64_t next_random(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::vector<int> make_input(std::size_t n, pattern p, std::uint64_t seed = 42)
{
    std::vector<int> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto r = next_random(seed);
        switch (p) {
        case pattern::random: out[i] = int(std::uint32_t(r)); break;
        case pattern::sorted: out[i] = int(i); break;
        case pattern::reversed: out[i] = int(n - i); break;
        case pattern::all_equal: out[i] = 7; break;
        case pattern::many_duplicates: out[i] = int(r % 16); break;
        }
    }
    return out;
}

// Compares by key only: equal keys stay distinguishable by their position in the input.
// Trivial, so the sort keeps it in an uninitialized buffer and merges it without branches.
struct keyed {
    int key;
    int position;
    friend bool operator==(const keyed&, const keyed&) = default;
};
std::ostream& operator<<(std::ostream& out, const keyed& k) { return out << '{' << k.key << ", " << k.position << '}'; }
constexpr auto by_key = [](const auto& a, const auto& b) { return a.key < b.key; };

std::vector<keyed> make_keyed(std::size_t n, int distinct_keys)
{
    std::vector<keyed> out(n);
    std::uint64_t seed = 7;
    for (std::size_t i = 0; i < n; ++i)
        out[i] = {int(next_random(seed) % std::uint64_t(distinct_keys)), int(i)};
    return out;
}

// std::sort's and std::stable_sort's answers, made once per input and shared by every pool.
const std::vector<int>& sorted_by_std(std::size_t n, pattern p)
{
    static std::map<std::pair<std::size_t, pattern>, std::vector<int>> cache;
    auto found = cache.find({n, p});
    if (found == cache.end()) {
        auto values = make_input(n, p);
        std::sort(values.begin(), values.end());
        found = cache.emplace(std::pair(n, p), std::move(values)).first;
    }
    return found->second;
}

template <class Body>
void on_each_pool(Body body)
{
    for (std::size_t threads : thread_counts) {
        fi::thread_pool pool(threads);
        BOOST_TEST_CONTEXT("pool of " << threads) { pool.install([&] { body(threads); }); }
    }
}

// A string long enough to live on the heap, so that a lost or doubled element shows under ASan.
std::string heap_string(int v) { return "element number " + std::to_string(v) + " of the test input"; }

// Move-only, with a move that leaves a detectable empty source.
struct boxed {
    std::unique_ptr<int> value;
    friend bool operator<(const boxed& a, const boxed& b) { return *a.value < *b.value; }
};

struct comparator_failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace sort_test

using namespace sort_test;

static_assert(fi::par_sortable_range<std::vector<int>&, std::less<>>);
static_assert(fi::par_sortable_range<int (&)[4], std::greater<>>);
static_assert(fi::par_sortable_range<std::deque<std::string>&, std::less<>>);
static_assert(fi::par_sortable_range<std::span<int>, std::less<>>);
static_assert(!fi::par_sortable_range<std::list<int>&, std::less<>>);
static_assert(!fi::par_sortable_range<const std::vector<int>&, std::less<>>);

BOOST_FIXTURE_TEST_SUITE(sort, fastiter_test::watchdog)

BOOST_DATA_TEST_CASE(par_sort_matches_std_sort_for_every_size_and_pattern, bdata::make(thread_counts), threads)
{
    fi::thread_pool pool(threads);
    pool.install([] {
        for (std::size_t n : sizes)
            for (pattern p : patterns) {
                BOOST_TEST_CONTEXT(n << " elements, " << p)
                {
                    auto values = make_input(n, p);
                    fi::par_sort(values);
                    BOOST_TEST(same_elements(values, sorted_by_std(n, p)));
                }
            }
    });
}

BOOST_DATA_TEST_CASE(par_stable_sort_keeps_equal_keys_in_input_order, bdata::make(thread_counts), threads)
{
    fi::thread_pool pool(threads);
    const std::vector<std::pair<std::size_t, int>> cases{{3, 1},       {20'000, 1},       {20'000, 16},
                                                         {100'003, 1}, {100'003, 16},     {100'003, 100'000},
                                                         {2'000'000, 16}};
    for (const auto& [n, distinct_keys] : cases) {
        BOOST_TEST_CONTEXT(n << " elements, " << distinct_keys << " distinct keys")
        {
            auto expected = make_keyed(n, distinct_keys);
            std::stable_sort(expected.begin(), expected.end(), by_key);
            auto values = make_keyed(n, distinct_keys);
            pool.install([&] { fi::par_stable_sort(values, by_key); });
            BOOST_TEST(same_elements(values, expected));

            // std::pair is not trivially constructible: the sort buffers it in a std::vector.
            std::vector<std::pair<int, int>> pairs, expected_pairs;
            for (const auto& k : make_keyed(n, distinct_keys))
                pairs.emplace_back(k.key, k.position);
            for (const auto& k : expected)
                expected_pairs.emplace_back(k.key, k.position);
            pool.install([&] {
                fi::par_stable_sort(pairs, [](const auto& a, const auto& b) { return a.first < b.first; });
            });
            BOOST_TEST((pairs == expected_pairs));
        }
    }
}

BOOST_AUTO_TEST_CASE(par_stable_sort_matches_std_stable_sort_for_every_pattern)
{
    on_each_pool([](std::size_t) {
        for (pattern p : patterns) {
            BOOST_TEST_CONTEXT(p)
            {
                auto values = make_input(100'003, p);
                fi::par_stable_sort(values);
                BOOST_TEST(same_elements(values, sorted_by_std(100'003, p)));
            }
        }
    });
}

BOOST_AUTO_TEST_CASE(a_custom_comparator_orders_descending)
{
    on_each_pool([](std::size_t) {
        for (std::size_t n : {std::size_t(1000), std::size_t(100'003)}) {
            auto expected = make_input(n, pattern::random);
            std::sort(expected.begin(), expected.end(), std::greater<>());
            auto values = make_input(n, pattern::random);
            fi::par_sort(values, std::greater<>());
            BOOST_TEST(same_elements(values, expected));
            values = make_input(n, pattern::random);
            fi::par_stable_sort(values, std::greater<>());
            BOOST_TEST(same_elements(values, expected));
        }
    });
}

BOOST_AUTO_TEST_CASE(a_member_function_pointer_is_a_comparator)
{
    // long, not int: g++ 12 at -O2 warns (-Warray-bounds) that a call through a member pointer
    // may read a vtable pointer past a 4-byte object; plain std::sort with std::mem_fn does too.
    struct item {
        long v;
        bool before(const item& other) const { return v < other.v; }
    };
    fi::thread_pool pool(2);
    pool.install([] {
        const auto input = make_input(50'000, pattern::random);
        std::vector<item> items;
        for (int v : input)
            items.push_back({v});
        fi::par_sort(items, &item::before);
        BOOST_TEST(std::is_sorted(items.begin(), items.end(), [](auto a, auto b) { return a.v < b.v; }));
    });
}

BOOST_AUTO_TEST_CASE(move_only_and_heap_owning_elements_are_moved_not_lost)
{
    const auto input = make_input(100'003, pattern::many_duplicates, 3);
    auto expected = input;
    std::sort(expected.begin(), expected.end());
    on_each_pool([&](std::size_t) {
        std::vector<boxed> boxes;
        std::vector<std::string> strings;
        for (int v : input) {
            boxes.push_back({std::make_unique<int>(v)});
            strings.push_back(heap_string(v));
        }
        auto expected_strings = strings;
        std::stable_sort(expected_strings.begin(), expected_strings.end());
        fi::par_sort(boxes);
        fi::par_stable_sort(strings);
        bool all_boxes_right = true;
        for (std::size_t i = 0; i < boxes.size(); ++i)
            all_boxes_right = all_boxes_right && boxes[i].value && *boxes[i].value == expected[i];
        BOOST_TEST(all_boxes_right);
        BOOST_TEST(same_elements(strings, expected_strings));
    });
}

BOOST_AUTO_TEST_CASE(deques_plain_arrays_std_arrays_and_views_sort_in_place)
{
    const auto input = make_input(100'003, pattern::random);
    const auto& expected = sorted_by_std(100'003, pattern::random);
    on_each_pool([&](std::size_t) {
        std::deque<int> deque(input.begin(), input.end());
        fi::par_sort(deque);
        BOOST_TEST(same_elements(deque, expected));

        std::deque<std::string> strings;
        for (int v : make_input(30'000, pattern::many_duplicates))
            strings.push_back(heap_string(v));
        std::vector<std::string> expected_strings(strings.begin(), strings.end());
        std::stable_sort(expected_strings.begin(), expected_strings.end());
        fi::par_stable_sort(strings);
        BOOST_TEST(same_elements(strings, expected_strings));

        struct plain_array {
            int values[100'003];
        };
        auto array = std::make_unique<plain_array>();
        std::copy(input.begin(), input.end(), array->values);
        fi::par_sort(array->values);
        BOOST_TEST(same_elements(array->values, expected));

        int small[] = {3, 1, 2};
        fi::par_stable_sort(small);
        BOOST_TEST((small[0] == 1 && small[1] == 2 && small[2] == 3));

        auto std_array = std::make_unique<std::array<int, 100'003>>();
        std::copy(input.begin(), input.end(), std_array->begin());
        fi::par_stable_sort(*std_array);
        BOOST_TEST(same_elements(*std_array, expected));

        // An rvalue view sorts the elements it views, and only those.
        auto values = input;
        fi::par_sort(std::span(values).subspan(1000, 50'000));
        BOOST_TEST(std::is_sorted(values.begin() + 1000, values.begin() + 51'000));
        BOOST_TEST(std::equal(values.begin(), values.begin() + 1000, input.begin()));
        BOOST_TEST(std::equal(values.begin() + 51'000, values.end(), input.begin() + 51'000));
    });
}

BOOST_AUTO_TEST_CASE(sorts_nested_inside_a_parallel_operation)
{
    on_each_pool([](std::size_t) {
        std::vector<std::vector<int>> chunks;
        for (std::uint64_t seed = 0; seed < 8; ++seed)
            chunks.push_back(make_input(60'000, pattern::random, seed));
        auto expected = chunks;
        for (auto& chunk : expected)
            std::sort(chunk.begin(), chunk.end());
        fi::par_range(std::size_t{0}, chunks.size()) | fi::par_for_each([&](std::size_t i) {
            if (i % 2 == 0)
                fi::par_sort(chunks[i]);
            else
                fi::par_stable_sort(chunks[i]);
        });
        for (std::size_t i = 0; i < chunks.size(); ++i)
            BOOST_TEST(same_elements(chunks[i], expected[i]), "chunk " << i);
    });
}

BOOST_AUTO_TEST_CASE(the_default_pool_sorts_too)
{
    auto values = make_input(2'000'000, pattern::random);
    fi::par_sort(values);
    BOOST_TEST(same_elements(values, sorted_by_std(2'000'000, pattern::random)));
}

BOOST_AUTO_TEST_CASE(small_inputs_and_one_thread_pools_sort_without_allocating)
{
    auto small = make_input(1000, pattern::random);
    allocations = 0;
    fi::par_sort(small);
    if (SORT_TEST_COUNTS_ALLOCATIONS)
        BOOST_TEST(allocations == 0u);
    BOOST_TEST(std::is_sorted(small.begin(), small.end()));

    fi::thread_pool pool(1);
    auto large = make_input(100'003, pattern::random);
    pool.install([&] {
        allocations = 0;
        fi::par_sort(large);
        if (SORT_TEST_COUNTS_ALLOCATIONS)
            BOOST_TEST(allocations == 0u);
    });
    BOOST_TEST(std::is_sorted(large.begin(), large.end()));
}

BOOST_AUTO_TEST_CASE(an_exception_from_the_comparator_reaches_the_caller_once)
{
    on_each_pool([](std::size_t) {
        for (bool stable : {false, true}) {
            std::vector<std::string> strings;
            for (int v : make_input(100'003, pattern::random))
                strings.push_back(heap_string(v));
            std::atomic<long> comparisons{0};
            auto failing_less = [&](const std::string& a, const std::string& b) {
                if (comparisons.fetch_add(1, std::memory_order_relaxed) == 500'000)
                    throw comparator_failure("comparison 500000");
                return a < b;
            };
            int caught = 0;
            try {
                stable ? fi::par_stable_sort(strings, failing_less) : fi::par_sort(strings, failing_less);
            } catch (const comparator_failure&) {
                ++caught;
            }
            BOOST_TEST(caught == 1, (stable ? "par_stable_sort" : "par_sort"));
            BOOST_TEST(strings.size() == 100'003u);  // valid values, in some order; ASan checks the rest
        }
        auto values = make_input(100'003, pattern::random);
        fi::par_sort(values);  // the pool still works
        BOOST_TEST(same_elements(values, sorted_by_std(100'003, pattern::random)));
    });
}

BOOST_AUTO_TEST_SUITE_END()
