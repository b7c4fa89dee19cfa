// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Every code example of doc/guide.md, compiled and run: one test case per section of the guide,
// each checking the example's result against the sequential loop. The examples appear here
// line for line as in the guide (test/run-all.sh's docs stage checks that), surrounded by the
// declarations the guide leaves out and the checks it does not show.
#define BOOST_TEST_MODULE fastiter doc examples
#include <boost/test/unit_test.hpp>

#include <fastiter/fastiter.hpp>

#include <boost/asio/thread_pool.hpp>
#include <boost/range/irange.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <functional>
#include <list>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace fi = fastiter;
namespace tt = boost::test_tools;

namespace doc_examples {

// Deterministic pseudo-random values in [0, 1000), for inputs the guide only names.
std::vector<int> sample_values(std::size_t n)
{
    std::vector<int> out(n);
    unsigned state = 12345;
    for (auto& v : out) {
        state = state * 1103515245u + 12345u;
        v = int((state >> 8) % 1000);
    }
    return out;
}

long expensive(long x)
{
    double result = double(x);
    for (int i = 0; i < 20; ++i)
        result = std::fmod(result * 1.1 + 1, 1'000'000);
    return long(result);
}

bool is_prime(long x)
{
    if (x < 2)
        return false;
    for (long d = 2; d * d <= x; ++d)
        if (x % d == 0)
            return false;
    return true;
}

long count_primes(long from, long to)
{
    long count = 0;
    for (long x = from; x < to; ++x)
        count += is_prime(x);
    return count;
}

long fib(int k)
{
    if (k < 20)
        return k < 2 ? k : fib(k - 1) + fib(k - 2);
    auto [a, b] = fi::join([&] { return fib(k - 1); }, [&] { return fib(k - 2); });
    return a + b;
}

long sequential_fib(int k) { return k < 2 ? k : sequential_fib(k - 1) + sequential_fib(k - 2); }

struct city {
    std::string name;
    int population;
};

// Spawns two more of itself until depth reaches 0: 2^(depth + 1) - 1 tasks in all.
struct visit_tree {
    std::atomic<long>* visited;
    int depth;
    void operator()(fi::scope_handle& s) const
    {
        visited->fetch_add(1, std::memory_order_relaxed);
        if (depth > 0) {
            s.spawn(visit_tree{visited, depth - 1});
            s.spawn(visit_tree{visited, depth - 1});
        }
    }
};

struct record {
    int key;
    int arrival;
    friend bool operator==(const record&, const record&) = default;
};

}  // namespace doc_examples

using namespace doc_examples;

BOOST_AUTO_TEST_CASE(quick_start)
{
    const long n = 1'000'000;
    auto square = [](long x) { return x * x; };
    auto even = [](long x) { return x % 2 == 0; };
    long piped = boost::irange(0L, n) | fi::par_map(square) | fi::par_filter(even) | fi::par_sum;
    long fluent = fi::par_range(0L, n).map(square).filter(even).sum();

    long loop = 0;
    for (long x = 0; x < n; ++x)
        if (even(square(x)))
            loop += square(x);
    BOOST_TEST(piped == loop);
    BOOST_TEST(fluent == loop);
}

BOOST_AUTO_TEST_CASE(concepts)
{
    std::vector<double> prices{4.0, 12.5, 9.0, 30.0, 2.5};
    auto with_tax = prices | fi::par_map([](double p) { return p * 1.25; });  // source | stage
    auto above_10 = with_tax.filter([](double p) { return p > 10.0; });       // another stage
    double total = above_10.sum();                                            // terminal: runs now
    std::size_t how_many = above_10 | fi::par_count;                          // runs again

    double loop_total = 0;
    std::size_t loop_count = 0;
    for (double p : prices)
        if (p * 1.25 > 10.0) {
            loop_total += p * 1.25;
            ++loop_count;
        }
    BOOST_TEST(total == loop_total);
    BOOST_TEST(how_many == loop_count);

    auto squares = fi::par_range(0, 100).map([](int x) { return x * x; });
    static_assert(decltype(squares)::indexed);   // map keeps positions
    auto odd = squares.filter([](int x) { return x % 2 == 1; });
    static_assert(!decltype(odd)::indexed);      // filter drops them
    auto first_squares = squares.take(5).collect();                 // fine
    auto first_odd = fi::into_par_iter(odd.collect()).take(5).collect();  // collect, then take

    BOOST_TEST(first_squares == (std::vector<int>{0, 1, 4, 9, 16}), tt::per_element());
    BOOST_TEST(first_odd == (std::vector<int>{1, 9, 25, 49, 81}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(sources)
{
    auto up = fi::par_range(0, 10);         // 0, 1, ..., 9: int, as the arguments
    auto down = fi::par_range(10, 0, -3);   // 10, 7, 4, 1: Python's range(10, 0, -3)
    auto wide = fi::par_range(0L, 100'000L);  // long elements: sum() is a long too

    std::vector<int> v{3, 1, 4, 1, 5};
    auto referenced = fi::into_par_iter(v);                  // v must outlive `referenced`
    auto owned = fi::into_par_iter(std::vector<int>{2, 7});  // moved in: nothing dangles
    int plain[] = {9, 2, 6};
    std::list<int> linked{5, 3, 5};                          // forward-only: buffered once
    int largest = *(plain | fi::par_max);
    int linked_sum = linked | fi::par_sum;
    long irange_sum = boost::irange(0L, 1000L) | fi::par_sum;  // Boost.Range ranges too

    BOOST_TEST(up.collect() == (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), tt::per_element());
    BOOST_TEST(down.collect() == (std::vector<int>{10, 7, 4, 1}), tt::per_element());
    BOOST_TEST(wide.sum() == 100'000L * 99'999L / 2);
    BOOST_TEST(referenced.sum() == 14);
    BOOST_TEST(owned.sum() == 9);
    BOOST_TEST(largest == 9);
    BOOST_TEST(linked_sum == 13);
    BOOST_TEST(irange_sum == 1000L * 999L / 2);
}

BOOST_AUTO_TEST_CASE(element_wise_stages)
{
    const auto values = sample_values(100'000);

    auto doubled = values | fi::par_map([](int x) { return 2L * x; }) | fi::par_collect;
    auto large = values | fi::par_filter([](int x) { return x >= 900; }) | fi::par_collect;
    auto halves = fi::par_range(0, 10)
                      .filter_map([](int x) { return x % 2 == 0 ? std::optional(x / 2) : std::nullopt; })
                      .collect();  // 0, 1, 2, 3, 4
    auto repeated = fi::par_range(1, 4).flat_map([](int k) { return std::vector<int>(k, k); }).collect();
    std::atomic<std::size_t> seen{0};
    long total = values | fi::par_inspect([&](int) { seen.fetch_add(1, std::memory_order_relaxed); }) |
                 fi::par_map([](int x) { return long(x); }) | fi::par_sum;
    auto histogram = values
        | fi::par_fold(std::vector<std::size_t>(10), [](std::vector<std::size_t> h, int x) {
              ++h[std::size_t(x) / 100];  // one histogram per piece, nothing shared
              return h;
          })
        | fi::par_reduce(std::vector<std::size_t>(10), [](std::vector<std::size_t> a, const std::vector<std::size_t>& b) {
              for (std::size_t i = 0; i < a.size(); ++i)
                  a[i] += b[i];
              return a;
          });

    std::vector<long> loop_doubled;
    std::vector<int> loop_large;
    std::vector<std::size_t> loop_histogram(10);
    long loop_total = 0;
    for (int x : values) {
        loop_doubled.push_back(2L * x);
        if (x >= 900)
            loop_large.push_back(x);
        ++loop_histogram[std::size_t(x) / 100];
        loop_total += x;
    }
    BOOST_TEST(doubled == loop_doubled, tt::per_element());
    BOOST_TEST(large == loop_large, tt::per_element());
    BOOST_TEST(halves == (std::vector<int>{0, 1, 2, 3, 4}), tt::per_element());
    BOOST_TEST(repeated == (std::vector<int>{1, 2, 2, 3, 3, 3}), tt::per_element());
    BOOST_TEST(total == loop_total);
    BOOST_TEST(seen.load() == values.size());
    BOOST_TEST(histogram == loop_histogram, tt::per_element());
}

BOOST_AUTO_TEST_CASE(positional_adaptors)
{
    std::vector<char> letters{'a', 'b', 'c', 'd', 'e'};
    auto numbered = letters | fi::par_enumerate | fi::par_collect;     // (0, 'a'), (1, 'b'), ...
    auto pairs = fi::par_range(10, 20).zip(letters).collect();          // (10, 'a') ... (14, 'e')
    auto joined = fi::par_range(0, 3).chain(fi::par_range(7, 9)).collect();  // 0 1 2 7 8
    auto first_three = letters | fi::par_take(3) | fi::par_collect;      // a b c
    auto after_three = letters | fi::par_skip(3) | fi::par_collect;      // d e
    auto every_other = letters | fi::par_step_by(2) | fi::par_collect;   // a c e
    auto backwards = letters | fi::par_rev | fi::par_collect;            // e d c b a
    auto groups = letters | fi::par_chunks(2) | fi::par_collect;         // {a b} {c d} {e}

    std::vector<std::pair<std::size_t, char>> loop_numbered;
    std::vector<std::pair<int, char>> loop_pairs;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        loop_numbered.emplace_back(i, letters[i]);
        loop_pairs.emplace_back(10 + int(i), letters[i]);
    }
    BOOST_TEST((numbered == loop_numbered));
    BOOST_TEST((pairs == loop_pairs));
    BOOST_TEST(joined == (std::vector<int>{0, 1, 2, 7, 8}), tt::per_element());
    BOOST_TEST(first_three == (std::vector<char>{'a', 'b', 'c'}), tt::per_element());
    BOOST_TEST(after_three == (std::vector<char>{'d', 'e'}), tt::per_element());
    BOOST_TEST(every_other == (std::vector<char>{'a', 'c', 'e'}), tt::per_element());
    BOOST_TEST(backwards == (std::vector<char>{'e', 'd', 'c', 'b', 'a'}), tt::per_element());
    BOOST_TEST((groups == std::vector<std::vector<char>>{{'a', 'b'}, {'c', 'd'}, {'e'}}));

    std::vector<int> numbers{1, 2, 3};
    auto zipped = letters | fi::par_zip(fi::into_par_iter(numbers));  // same as par_zip(numbers)
    auto zipped_pairs = zipped.collect();                             // (a, 1) (b, 2) (c, 3)
    BOOST_TEST((zipped_pairs == std::vector<std::pair<char, int>>{{'a', 1}, {'b', 2}, {'c', 3}}));

    // Positions survive map, so positional adaptors can follow it, and each other.
    auto last_even_squares = fi::par_range(0, 10).map([](int x) { return x * x; }).step_by(2).rev().take(2).collect();
    BOOST_TEST(last_even_squares == (std::vector<int>{64, 36}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(split_settings_and_progress)
{
    const long n = 200'000;
    long coarse = fi::par_range(0L, n).with_min_len(10'000).map(expensive).sum();   // pieces >= 10 000
    long fine = fi::par_range(0L, 64L).with_max_len(1).map(expensive).sum();        // one element each
    std::vector<double> xs(100'000, 0.1);
    double stable = xs | fi::par_deterministic | fi::par_sum;   // same bits on any thread count
    long watched = fi::par_range(0L, n).map(expensive).progress(fi::progress_bar()).sum();
    std::atomic<std::size_t> last_done{0};
    long reported = fi::par_range(0L, n)
                        .progress([&](std::size_t done, std::size_t total) {
                            last_done.store(done, std::memory_order_relaxed);  // from any thread
                            (void)total;
                        })
                        .map(expensive)
                        .sum();

    long loop = 0;
    for (long x = 0; x < n; ++x)
        loop += expensive(x);
    long loop_64 = 0;
    for (long x = 0; x < 64; ++x)
        loop_64 += expensive(x);
    BOOST_TEST(coarse == loop);
    BOOST_TEST(fine == loop_64);
    BOOST_TEST(watched == loop);
    BOOST_TEST(reported == loop);
    BOOST_TEST(last_done.load() == std::size_t(n));
    for (std::size_t threads : {1, 2, 3}) {
        fi::thread_pool pool(threads);
        BOOST_TEST(pool.install([&] { return xs | fi::par_deterministic | fi::par_sum; }) == stable);
    }
}

BOOST_AUTO_TEST_CASE(terminals)
{
    std::vector<int> values{5, 3, 8, 1, 9, 2, 8};
    std::vector<int> none;

    int total = values | fi::par_sum;                            // 36
    long factorial = fi::par_range(1L, 11L).product();            // 3628800
    std::size_t odd = values | fi::par_filter([](int x) { return x % 2 == 1; }) | fi::par_count;  // 4
    std::optional<int> smallest = values | fi::par_min;           // 1
    std::optional<int> nothing = none | fi::par_max;              // std::nullopt
    auto nearest_to_4 = values | fi::par_min_by([](int a, int b) { return std::abs(a - 4) < std::abs(b - 4); });  // 5
    bool any_big = values | fi::par_any([](int x) { return x > 8; });  // true
    bool all_positive = values | fi::par_all([](int x) { return x > 0; });  // true
    bool any_nonzero = values | fi::par_any;                       // true: any(truthy)
    BOOST_TEST(total == std::accumulate(values.begin(), values.end(), 0));
    BOOST_TEST(factorial == 3628800L);
    BOOST_TEST(odd == 4u);
    BOOST_TEST(*smallest == *std::min_element(values.begin(), values.end()));
    BOOST_TEST(!nothing.has_value());
    BOOST_TEST(*nearest_to_4 == 5);  // 5 and 3 are both 1 away: the first wins
    BOOST_TEST(any_big);
    BOOST_TEST(all_positive);
    BOOST_TEST(any_nonzero);

    std::vector<city> cities{{"Lyon", 520}, {"Nice", 340}, {"Lille", 230}, {"Nantes", 320}, {"Brest", 140}, {"Reims", 180}};
    auto by_population = [](const city& c) { return c.population; };
    auto biggest = cities | fi::par_max_by_key(by_population);        // Lyon
    auto smallest_city = fi::into_par_iter(cities).min_by_key(by_population);  // Brest
    auto longest_name = cities | fi::par_max_by([](const city& a, const city& b) { return a.name.size() < b.name.size(); });  // Nantes
    BOOST_TEST(biggest->name == "Lyon");
    BOOST_TEST(smallest_city->name == "Brest");
    BOOST_TEST(longest_name->name == "Nantes");

    std::vector<std::string> words{"par", "allel", " it", "erators"};
    std::string sentence = words | fi::par_reduce(std::string{}, std::plus<>{});  // "parallel iterators"
    BOOST_TEST(sentence == "parallel iterators");

    auto is_eight = [](int x) { return x == 8; };
    std::optional<int> some_eight = values | fi::par_find_any(is_eight);           // 8
    auto first_even = values | fi::par_find_first([](int x) { return x % 2 == 0; });  // 8
    auto last_odd = values | fi::par_find_last([](int x) { return x % 2 == 1; });     // 9
    std::optional<std::size_t> where = values | fi::par_position_first(is_eight);  // 2
    std::optional<std::size_t> somewhere = values | fi::par_position_any(is_eight);  // 2 or 6
    BOOST_TEST(*some_eight == 8);
    BOOST_TEST(*first_even == 8);
    BOOST_TEST(*last_odd == 9);
    BOOST_TEST(*where == 2u);
    BOOST_TEST((*somewhere == 2u || *somewhere == 6u));

    std::vector<int> copy = values | fi::par_collect;                          // source order
    auto unique = values | fi::par_collect_into<std::set<int>>;                // {1 2 3 5 8 9}
    auto text = fi::par_range(0, 5).map([](int i) { return char('a' + i); }).collect_into<std::string>();  // "abcde"
    auto lengths = fi::into_par_iter(words)
                       .map([](const std::string& w) { return std::pair(w, w.size()); })
                       .collect_into<std::map<std::string, std::size_t>>();
    auto [evens, odds] = values | fi::par_partition([](int x) { return x % 2 == 0; });  // {8 2 8} {5 3 1 9}
    auto [indices, elements] = values | fi::par_enumerate | fi::par_unzip;  // {0 ... 6} and values
    BOOST_TEST(copy == values, tt::per_element());
    BOOST_TEST((unique == std::set<int>(values.begin(), values.end())));
    BOOST_TEST(text == "abcde");
    BOOST_TEST(lengths.at("allel") == 5u);
    BOOST_TEST(evens == (std::vector<int>{8, 2, 8}), tt::per_element());
    BOOST_TEST(odds == (std::vector<int>{5, 3, 1, 9}), tt::per_element());
    BOOST_TEST(indices == (std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6}), tt::per_element());
    BOOST_TEST(elements == values, tt::per_element());

    values | fi::par_for_each([](int& x) { x *= 2; });               // in place, any order
    std::atomic<long> seen{0};
    fi::par_range(0, 1000).for_each([&](int x) { seen.fetch_add(x, std::memory_order_relaxed); });
    BOOST_TEST(values == (std::vector<int>{10, 6, 16, 2, 18, 4, 16}), tt::per_element());
    BOOST_TEST(seen.load() == 1000L * 999L / 2);
}

BOOST_AUTO_TEST_CASE(fork_join)
{
    const long n = 200'000;
    auto [low, high] = fi::join([&] { return count_primes(0, n / 2); }, [&] { return count_primes(n / 2, n); });
    std::vector<int> left(1000, 1), right(1000, 2);
    fi::join([&] { std::sort(left.begin(), left.end()); }, [&] { std::sort(right.begin(), right.end()); });  // void

    BOOST_TEST(low + high == count_primes(0, n));
    BOOST_TEST(fib(30) == sequential_fib(30));
}

BOOST_AUTO_TEST_CASE(sorting)
{
    std::vector<int> values = sample_values(200'000);
    std::vector<int> expected = values;
    std::sort(expected.begin(), expected.end());

    fi::par_sort(values);                       // ascending, operator<
    BOOST_TEST((values == expected));
    fi::par_sort(values, std::greater<>{});     // descending
    BOOST_TEST(std::is_sorted(values.begin(), values.end(), std::greater<>{}));

    std::vector<record> records;
    for (int i = 0; i < 100'000; ++i)
        records.push_back({i % 100, i});
    std::vector<record> stable_expected = records;
    std::stable_sort(stable_expected.begin(), stable_expected.end(),
                     [](const record& a, const record& b) { return a.key < b.key; });
    fi::par_stable_sort(records, [](const record& a, const record& b) { return a.key < b.key; });  // ties keep their order
    BOOST_TEST((records == stable_expected));
}

BOOST_AUTO_TEST_CASE(scopes)
{
    std::vector<long> jobs{30'000, 5, 200'000, 70, 1'000};   // uneven: one task each
    std::vector<long> primes(jobs.size());
    std::size_t spawned = fi::scope([&](fi::scope_handle& s) {
        for (std::size_t i = 0; i < jobs.size(); ++i)
            s.spawn([&, i] { primes[i] = count_primes(0, jobs[i]); });
        return jobs.size();                      // the body's result ...
    });                                          // ... returned once every task has finished

    std::atomic<long> visited{0};
    fi::scope([&](fi::scope_handle& s) { s.spawn(visit_tree{&visited, 10}); });  // 2047 tasks

    for (std::size_t i = 0; i < jobs.size(); ++i)
        BOOST_TEST(primes[i] == count_primes(0, jobs[i]));
    BOOST_TEST(visited.load() == 2047);
    BOOST_TEST(spawned == jobs.size());

    bool caught = false;
    std::atomic<int> ran{0};
    try {
        fi::scope([&](fi::scope_handle& s) {
            s.spawn([] { throw std::runtime_error("task failed"); });
            s.spawn([&] { ran.fetch_add(1); });  // still runs: a failure skips nothing
        });
    } catch (const std::runtime_error&) {
        caught = true;
    }
    BOOST_TEST(caught);
    BOOST_TEST(ran.load() == 1);
}

BOOST_AUTO_TEST_CASE(threads)
{
    const long n = 1'000'000;
    const std::size_t before = fi::num_threads();
    long loop = n * (n - 1) / 2;

    fi::set_num_threads(2);                     // the default pool: the caller + 1 pool thread
    std::size_t t = fi::num_threads();          // 2
    BOOST_TEST(t == 2u);
    BOOST_TEST(fi::par_range(0L, n).sum() == loop);

    fi::thread_pool pool(3);                    // a pool of your own
    long s = pool.install([&] { return fi::par_range(0L, n).sum(); });  // operations inside use it
    BOOST_TEST(s == loop);
    BOOST_TEST(pool.install([] { return fi::num_threads(); }) == 3u);

    boost::asio::thread_pool app_pool(4);       // your application's Asio pool
    {
        fi::thread_pool borrowed(app_pool, 3);  // at most 2 of its threads per operation
        long b = borrowed.install([&] { return fi::par_range(0L, n).sum(); });
        BOOST_TEST(b == loop);
    }                                           // destroy `borrowed` before the Asio pool stops
    app_pool.join();

    // Nested operations stay on the pool of the outer one.
    long nested = pool.install([&] {
        return fi::par_range(0L, 100L).map([](long i) { return fi::par_range(0L, i).sum(); }).sum();
    });
    long loop_nested = 0;
    for (long i = 0; i < 100; ++i)
        loop_nested += i * (i - 1) / 2;
    BOOST_TEST(nested == loop_nested);

    fi::set_num_threads(before);
}

BOOST_AUTO_TEST_CASE(splitting_and_tuning)
{
    // A few elements cost far more than the rest: force pieces of one element each.
    auto cost_of = [](long i) { return i % 16 == 0 ? expensive(i) + expensive(i + 1) : i; };
    long uneven = fi::par_range(0L, 256L).with_max_len(1).map(cost_of).sum();
    // Each piece allocates its own histogram: keep pieces large.
    auto counts = fi::par_range(0, 1'000'000)
                      .with_min_len(100'000)
                      .fold(std::vector<int>(256), [](std::vector<int> h, int x) { ++h[std::size_t(x) % 256]; return h; })
                      .collect();

    long loop = 0;
    for (long i = 0; i < 256; ++i)
        loop += cost_of(i);
    BOOST_TEST(uneven == loop);
    BOOST_TEST(counts.size() <= 10u);
    long counted = 0;
    for (const auto& h : counts)
        counted += std::accumulate(h.begin(), h.end(), 0L);
    BOOST_TEST(counted == 1'000'000);
}

BOOST_AUTO_TEST_CASE(performance)
{
    const long n = 1'000'000;
    auto is_hit = [](long x) { return x % 7 == 3; };

    // Slow: every hit writes the same cache line, from every thread.
    std::atomic<long> hits{0};
    fi::par_range(0L, n).for_each([&](long x) { if (is_hit(x)) hits.fetch_add(1, std::memory_order_relaxed); });
    // Fast: each piece counts in a register; pieces are added once at the end.
    std::size_t hit_count = fi::par_range(0L, n).filter(is_hit).count();

    std::vector<double> xs(1'000'000);
    for (std::size_t i = 0; i < xs.size(); ++i)
        xs[i] = 1.0 / double(i + 1);
    double quick = xs | fi::par_sum;                            // the loop's value up to rounding
    double reproducible = xs | fi::par_deterministic | fi::par_sum;  // the same bits every run

    long loop_hits = 0;
    double loop_sum = 0;
    for (long x = 0; x < n; ++x)
        loop_hits += is_hit(x);
    for (double x : xs)
        loop_sum += x;
    BOOST_TEST(hits.load() == loop_hits);
    BOOST_TEST(long(hit_count) == loop_hits);
    BOOST_TEST(quick == loop_sum, tt::tolerance(1e-12));
    BOOST_TEST(reproducible == loop_sum, tt::tolerance(1e-12));
    for (std::size_t threads : {1, 2, 5}) {
        fi::thread_pool pool(threads);
        BOOST_TEST(pool.install([&] { return xs | fi::par_deterministic | fi::par_sum; }) == reproducible);
    }
}

BOOST_AUTO_TEST_CASE(errors)
{
    bool caught = false;
    try {
        fi::par_range(0, 1'000'000).for_each([](int x) {
            if (x % 1000 == 999)
                throw std::runtime_error("bad element " + std::to_string(x));
        });
    } catch (const std::runtime_error& e) {
        // Exactly one of the exceptions thrown arrives here; the other pieces stopped early.
        BOOST_TEST(std::string(e.what()).starts_with("bad element "));
        caught = true;
    }
    BOOST_TEST(caught);

    BOOST_CHECK_THROW(fi::par_range(0, 10, 0), std::invalid_argument);
    BOOST_CHECK_THROW(fi::par_range(0, 10).step_by(0), std::invalid_argument);
    BOOST_CHECK_THROW(fi::par_range(0, 10).chunks(0), std::invalid_argument);
    BOOST_CHECK_THROW(fi::set_num_threads(0), std::invalid_argument);
    BOOST_CHECK_THROW(fi::thread_pool(0), std::invalid_argument);
    BOOST_CHECK_THROW(fi::par_range(0, 2).for_each([](int) { fi::set_num_threads(4); }), std::logic_error);
}

BOOST_AUTO_TEST_CASE(migrating_from_a_loop)
{
    const long n = 1'000'000;
    std::vector<double> in(1000, 1.5);
    auto f = [](double x) { return x * x; };

    long total = 0;
    for (long x = 0; x < n; ++x)
        if (x % 3 == 0)
            total += x * x;

    long parallel_total =
        fi::par_range(0L, n).filter([](long x) { return x % 3 == 0; }).map([](long x) { return x * x; }).sum();
    BOOST_TEST(parallel_total == total);

    std::vector<double> out(in.size());
    fi::par_range(std::size_t(0), in.size()).for_each([&](std::size_t i) { out[i] = f(in[i]); });
    std::vector<double> out2 = in | fi::par_map(f) | fi::par_collect;  // or build it: order is kept

    std::vector<double> loop_out;
    for (double x : in)
        loop_out.push_back(f(x));
    BOOST_TEST(out == loop_out, tt::per_element());
    BOOST_TEST(out2 == loop_out, tt::per_element());

    std::vector<int> values = sample_values(10'000);
    int found = -1;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] > 990) {
            found = values[i];
            break;
        }
    auto parallel_found = values | fi::par_find_first([](int x) { return x > 990; });
    BOOST_TEST(parallel_found.value_or(-1) == found);
}

BOOST_AUTO_TEST_CASE(migrating_from_openmp)
{
    std::vector<double> xs(1'000'000, 0.5);

    double sum = 0;
#if defined(_OPENMP)
#pragma omp parallel for reduction(+ : sum)
#endif
    for (std::size_t i = 0; i < xs.size(); ++i)
        sum += xs[i] * xs[i];

    double parallel_sum = xs | fi::par_map([](double x) { return x * x; }) | fi::par_sum;
    BOOST_TEST(parallel_sum == sum, tt::tolerance(1e-12));
}
