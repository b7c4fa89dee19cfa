// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Randomized differential testing: random pipelines against the same pipeline run as plain
// loops over a std::vector. Pipelines are typed at compile time, so the random ones fill one
// skeleton in which every stage may be the identity:
//   source -> [rev] -> skip -> take -> step_by -> enumerate+combine -> map -> filter
//          -> chain(extra) -> map -> [with_min_len / with_max_len] -> terminal
// Usage: test_random_pipelines -- [--seed S] [--cases N]; a failure prints the command that
// replays it alone.
#define BOOST_TEST_MODULE fastiter random pipelines
#include <boost/test/unit_test.hpp>

#include "watchdog.hpp"

#include <fastiter/fastiter.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <deque>
#include <list>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fi = fastiter;

namespace {

using map_fn = long (*)(long);
using filter_fn = bool (*)(long);

constexpr std::array<map_fn, 6> maps{
    [](long x) { return x; },          [](long x) { return x * 3 + 1; }, [](long x) { return x / 2; },
    [](long x) { return -x; },         [](long x) { return x % 1000; },  [](long x) { return x ^ (x >> 3); }};
constexpr std::array<filter_fn, 4> filters{[](long) { return true; }, [](long x) { return x % 2 == 0; },
                                           [](long x) { return x % 3 != 0; }, [](long x) { return x > 0; }};

long combine(int mode, std::size_t i, long x)
{
    switch (mode) {
    case 1: return long(i) * 7 + x;
    case 2: return long(i);
    default: return x;
    }
}

constexpr int terminal_count = 12;
const char* const terminal_names[terminal_count] = {"sum",       "count",     "min",     "max",
                                                    "any",       "all",       "reduce",  "collect",
                                                    "find_first", "find_last", "for_each", "fold+sum"};

struct plan {
    std::uint64_t seed;
    int source;  // 0 vector, 1 list, 2 par_range, 3 deque
    long n, start, step;
    bool rev;
    std::size_t skip, take, step_by;
    int combine_mode, map1, filter1, map2;
    std::vector<long> extra;  // chained after the filter
    std::size_t min_len, max_len;
    int terminal, threads;

    std::string describe() const
    {
        std::ostringstream out;
        out << "seed " << seed << ": source " << source << " n=" << n << " start=" << start << " step=" << step
            << " rev=" << rev << " skip=" << skip << " take=" << take << " step_by=" << step_by
            << " combine=" << combine_mode << " map1=" << map1 << " filter1=" << filter1 << " extra="
            << extra.size() << " map2=" << map2 << " min_len=" << min_len << " max_len=" << max_len
            << " terminal=" << terminal_names[terminal] << " threads=" << threads;
        return out.str();
    }
};

plan random_plan(std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    auto pick = [&](long lo, long hi) { return std::uniform_int_distribution<long>(lo, hi)(rng); };
    plan p{};
    p.seed = seed;
    p.source = int(pick(0, 3));
    // Mostly small sizes, where edge cases live; sometimes up to 10^5.
    const int magnitude = int(pick(0, 5));
    p.n = pick(0, std::array<long, 6>{0, 3, 20, 300, 5'000, 100'000}[std::size_t(magnitude)]);
    p.start = pick(-1000, 1000);
    p.step = std::array<long, 4>{1, 2, -1, -3}[std::size_t(pick(0, 3))];
    p.rev = pick(0, 1) == 1;
    p.skip = std::size_t(pick(0, 3) == 0 ? pick(0, p.n + 2) : 0);
    p.take = std::size_t(pick(0, 3) == 0 ? pick(0, p.n + 2) : p.n + 5);
    p.step_by = std::size_t(pick(0, 3) == 0 ? pick(1, 7) : 1);
    p.combine_mode = int(pick(0, 2));
    p.map1 = int(pick(0, maps.size() - 1));
    p.filter1 = int(pick(0, filters.size() - 1));
    p.map2 = int(pick(0, maps.size() - 1));
    for (long i = 0, extra = pick(0, 2) == 0 ? pick(0, 50) : 0; i < extra; ++i)
        p.extra.push_back(pick(-500, 500));
    p.min_len = std::size_t(pick(0, 4) == 0 ? pick(1, 1000) : 1);
    p.max_len = std::size_t(pick(0, 4) == 0 ? pick(1, 1000) : ~std::size_t{0});
    p.terminal = int(pick(0, terminal_count - 1));
    p.threads = int(pick(1, 8));
    return p;
}

// The sequential model: every step as a loop over a vector.
std::vector<long> model_elements(const plan& p)
{
    std::vector<long> v;
    for (long i = 0; i < p.n; ++i)
        v.push_back(p.start + i * p.step);
    if (p.rev)
        std::reverse(v.begin(), v.end());
    v.erase(v.begin(), v.begin() + long(std::min(p.skip, v.size())));
    v.resize(std::min(p.take, v.size()));
    std::vector<long> out;
    for (std::size_t i = 0; i < v.size(); i += p.step_by)
        out.push_back(v[i]);
    std::vector<long> filtered;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const long x = maps[std::size_t(p.map1)](combine(p.combine_mode, i, out[i]));
        if (filters[std::size_t(p.filter1)](x))
            filtered.push_back(x);
    }
    filtered.insert(filtered.end(), p.extra.begin(), p.extra.end());
    for (auto& x : filtered)
        x = maps[std::size_t(p.map2)](x);
    return filtered;
}

bool divisible_by_5(long x) { return x % 5 == 0; }
bool small(long x) { return x < 1'000'000'000'000L; }
bool divisible_by_7(long x) { return x % 7 == 0; }

// A terminal's result, printable and comparable whatever its type.
std::string model_result(const plan& p, const std::vector<long>& v)
{
    std::ostringstream out;
    auto opt = [&](auto it) { return it == v.end() ? std::string("none") : std::to_string(*it); };
    switch (p.terminal) {
    case 0: case 6: case 10: case 11: { long s = 0; for (long x : v) s += x; out << s; break; }
    case 1: out << v.size(); break;
    case 2: out << opt(std::min_element(v.begin(), v.end())); break;
    case 3: out << opt(v.empty() ? v.end() : std::max_element(v.rbegin(), v.rend()).base() - 1); break;
    case 4: out << std::any_of(v.begin(), v.end(), divisible_by_5); break;
    case 5: out << std::all_of(v.begin(), v.end(), small); break;
    case 7: for (long x : v) out << x << ','; break;
    case 8: out << opt(std::find_if(v.begin(), v.end(), divisible_by_7)); break;
    case 9: { auto it = std::find_if(v.rbegin(), v.rend(), divisible_by_7); out << (it == v.rend() ? "none" : std::to_string(*it)); break; }
    }
    return out.str();
}

template <class It>
std::string run_terminal(const plan& p, const It& it)
{
    std::ostringstream out;
    auto opt = [&](const std::optional<long>& o) { return o ? std::to_string(*o) : std::string("none"); };
    switch (p.terminal) {
    case 0: out << it.sum(); break;
    case 1: out << it.count(); break;
    case 2: out << opt(it.min()); break;
    case 3: out << opt(it.max()); break;
    case 4: out << it.any(divisible_by_5); break;
    case 5: out << it.all(small); break;
    case 6: out << it.reduce(0L, [](long a, long b) { return a + b; }); break;
    case 7: for (long x : it.collect()) out << x << ','; break;
    case 8: out << opt(it.find_first(divisible_by_7)); break;
    case 9: out << opt(it.find_last(divisible_by_7)); break;
    case 10: { std::atomic<long> s{0}; it.for_each([&](long x) { s.fetch_add(x, std::memory_order_relaxed); }); out << s.load(); break; }
    case 11: out << it.fold(0L, [](long a, long x) { return a + x; }).sum(); break;
    }
    return out.str();
}

template <class Source>
std::string run_pipeline(const plan& p, const Source& source)
{
    auto finish = [&](auto positional) {
        auto it = positional.skip(p.skip).take(p.take).step_by(p.step_by).enumerate()
                      .map([mode = p.combine_mode](const std::pair<std::size_t, long>& e) {
                          return combine(mode, e.first, e.second);
                      })
                      .map(maps[std::size_t(p.map1)])
                      .filter(filters[std::size_t(p.filter1)])
                      .chain(p.extra)
                      .map(maps[std::size_t(p.map2)])
                      .with_min_len(p.min_len)
                      .with_max_len(p.max_len);
        return run_terminal(p, it);
    };
    auto base = fi::into_par_iter(source);
    return p.rev ? finish(base.rev()) : finish(base);
}

std::string run_fastiter(const plan& p)
{
    std::vector<long> values;
    for (long i = 0; i < p.n; ++i)
        values.push_back(p.start + i * p.step);
    switch (p.source) {
    case 0: return run_pipeline(p, values);
    case 1: return run_pipeline(p, std::list<long>(values.begin(), values.end()));
    case 2: return run_pipeline(p, fi::par_range(p.start, p.start + p.n * p.step, p.step));  // == values
    default: return run_pipeline(p, std::deque<long>(values.begin(), values.end()));
    }
}

struct command_line {
    std::uint64_t seed = 20261125;
    long cases = fastiter_test::sanitized ? 1'000 : 10'000;
};

command_line parse_arguments()
{
    command_line args;
    const auto& suite = boost::unit_test::framework::master_test_suite();
    for (int i = 1; i + 1 < suite.argc; ++i) {
        const std::string name = suite.argv[i];
        if (name == "--seed")
            args.seed = std::stoull(suite.argv[i + 1]);
        else if (name == "--cases")
            args.cases = std::stol(suite.argv[i + 1]);
    }
    return args;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(random_pipelines, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(random_pipelines_equal_their_sequential_model)
{
    const auto args = parse_arguments();
    std::array<std::unique_ptr<fi::thread_pool>, 9> pools;
    for (int t = 1; t <= 8; ++t)
        pools[std::size_t(t)] = std::make_unique<fi::thread_pool>(std::size_t(t));
    long failures = 0;
    for (long c = 0; c < args.cases && failures < 5; ++c) {
        const plan p = random_plan(args.seed + std::uint64_t(c));
        const auto expected = model_result(p, model_elements(p));
        const auto actual = pools[std::size_t(p.threads)]->install([&] { return run_fastiter(p); });
        if (actual != expected) {
            ++failures;
            BOOST_ERROR("pipeline differs from its sequential model: " << p.describe() << "\n  expected "
                        << expected.substr(0, 200) << "\n  actual   " << actual.substr(0, 200)
                        << "\n  replay: test_random_pipelines -- --seed " << p.seed << " --cases 1");
        }
    }
    BOOST_TEST_MESSAGE(args.cases << " random pipelines from seed " << args.seed);
}

BOOST_AUTO_TEST_SUITE_END()
