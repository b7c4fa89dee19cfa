// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::mpi under mpirun -n 1, 2 and 3: every terminal equals the single-process pipeline
// on every rank, whatever the ranks' shares (empty ones included), and errors reach all ranks.
#define BOOST_TEST_MODULE fastiter_mpi
#include <fastiter/mpi.hpp>

#include "test_support.hpp"

#include <boost/mpi/environment.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace fi = fastiter;
namespace mpi = boost::mpi;
using fastiter_test::same_elements;
using fastiter_test::same_optional;

// MPI lives for the whole test module; fastiter's workers never call MPI, hence funneled.
struct mpi_session {
    mpi::environment environment{mpi::threading::funneled};
};
BOOST_TEST_GLOBAL_FIXTURE(mpi_session);

namespace {

// Sizes around the rank count (shares of 0, 1 and 2 elements) and one in the millions.
const std::vector<long> sizes{0, 1, 2, 3, 4, 5, 7, 1000, 1'000'003};

struct progression {
    long start, stop, step;
};

std::vector<progression> progressions()
{
    std::vector<progression> out;
    for (long n : sizes) {
        out.push_back({0, n, 1});
        out.push_back({-5, -5 + 3 * n, 3});
        out.push_back({n, -n, -2});
    }
    out.push_back({10, 0, 1});  // empty: stop before start
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(reductions_equal_the_single_process_ones)
{
    mpi::communicator world;
    auto square_mod = [](long x) { return (x * x) % 1009; };
    auto odd = [](long x) { return x % 2 != 0; };
    for (const auto [start, stop, step] : progressions()) {
        BOOST_TEST_CONTEXT("range(" << start << ", " << stop << ", " << step << ") on " << world.size() << " ranks")
        {
            const auto whole = fi::par_range(start, stop, step);
            const auto spread = fi::mpi::par_range(world, start, stop, step);
            BOOST_TEST(spread.sum() == whole.sum());
            BOOST_TEST(spread.count() == whole.count());
            BOOST_TEST(spread.map(square_mod).filter(odd).sum() == whole.map(square_mod).filter(odd).sum());
            BOOST_TEST(spread.filter(odd).count() == whole.filter(odd).count());
            BOOST_TEST(same_optional(spread.min(), whole.min()));
            BOOST_TEST(same_optional(spread.max(), whole.max()));
            BOOST_TEST(spread.map([](long x) { return x % 3 + 1; }).with_max_len(16).product() ==
                       whole.map([](long x) { return x % 3 + 1; }).with_max_len(16).product());
            BOOST_TEST(spread.any([](long x) { return x == 4; }) == whole.any([](long x) { return x == 4; }));
            BOOST_TEST(spread.all([](long x) { return x < 7; }) == whole.all([](long x) { return x < 7; }));
            BOOST_TEST(spread.fold(0L, std::plus<>{}).sum() == whole.sum());
            BOOST_TEST(spread.filter_map([](long x) { return x % 5 ? std::optional(x) : std::nullopt; }).sum() ==
                       whole.filter_map([](long x) { return x % 5 ? std::optional(x) : std::nullopt; }).sum());
            BOOST_TEST(spread.flat_map([](long x) { return std::vector<long>(std::size_t(x & 3), x); }).sum() ==
                       whole.flat_map([](long x) { return std::vector<long>(std::size_t(x & 3), x); }).sum());
        }
    }
}

BOOST_AUTO_TEST_CASE(the_pipe_spelling_works_across_ranks)
{
    mpi::communicator world;
    const long n = 100'001;
    auto f = [](long x) { return x * 3 + 1; };
    auto p = [](long x) { return x % 7 == 2; };
    const long expected = fi::par_range(0L, n).map(f).filter(p).sum();
    BOOST_TEST((fi::mpi::par_range(world, 0L, n) | fi::par_map(f) | fi::par_filter(p) | fi::par_sum) == expected);
    BOOST_TEST((fi::mpi::par_range(world, 0L, n) | fi::par_any) == true);
    BOOST_TEST((fi::mpi::par_range(world, 0L, n) | fi::par_reduce(0L, std::plus<>{})) == n * (n - 1) / 2);
    const auto spread = fi::mpi::par_range(world, 0L, n);
    const auto whole = fi::par_range(0L, n);
    BOOST_TEST((spread | fi::par_filter(p) | fi::par_count) == (whole | fi::par_filter(p) | fi::par_count));
    BOOST_TEST(same_optional(spread | fi::par_map(f) | fi::par_min, whole | fi::par_map(f) | fi::par_min));
    BOOST_TEST(same_elements(spread | fi::par_skip(7) | fi::par_step_by(3) | fi::par_take(1000) | fi::par_collect,
                             whole | fi::par_skip(7) | fi::par_step_by(3) | fi::par_take(1000) | fi::par_collect));
    BOOST_TEST(same_optional(spread | fi::par_position_first(p), whole | fi::par_position_first(p)));
    BOOST_TEST(same_elements(spread | fi::par_enumerate | fi::par_take(50) | fi::par_collect,
                             whole | fi::par_enumerate | fi::par_take(50) | fi::par_collect));
    BOOST_TEST(((spread | fi::par_collect_into<std::set<long>>).size() == std::size_t(n)));
    std::atomic<long> visited{0};
    spread | fi::par_for_each([&](long) { visited.fetch_add(1, std::memory_order_relaxed); });
    // One element per rank: the sum of what each rank visited.
    BOOST_TEST(fi::mpi::par_range(world, 0, world.size()).map([&](int) { return visited.load(); }).sum() == n);
}

BOOST_AUTO_TEST_CASE(take_skip_and_step_by_count_global_positions)
{
    mpi::communicator world;
    for (long n : {0L, 1L, 2L, 3L, 5L, 11L, 1000L}) {
        const auto spread = fi::mpi::par_range(world, 0L, n);
        const auto whole = fi::par_range(0L, n);
        for (std::size_t k : {std::size_t(0), std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(n / 2),
                              std::size_t(n + 5)}) {
            BOOST_TEST_CONTEXT("n = " << n << ", k = " << k)
            {
                BOOST_TEST(same_elements(spread.take(k).collect(), whole.take(k).collect()));
                BOOST_TEST(same_elements(spread.skip(k).collect(), whole.skip(k).collect()));
                BOOST_TEST(same_elements(spread.skip(k).enumerate().collect(), whole.skip(k).enumerate().collect()));
                if (k > 0) {
                    BOOST_TEST(same_elements(spread.step_by(k).enumerate().collect(), whole.step_by(k).enumerate().collect()));
                    BOOST_TEST(same_elements(spread.skip(1).step_by(k).take(k + 1).collect(),
                                             whole.skip(1).step_by(k).take(k + 1).collect()));
                }
            }
        }
    }
    BOOST_CHECK_THROW(fi::mpi::par_range(world, 0, 10).step_by(0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(par_range_splits_exactly_at_the_integer_limits)
{
    mpi::communicator world;
    constexpr auto lo = std::numeric_limits<long>::min();
    constexpr auto hi = std::numeric_limits<long>::max();
    BOOST_TEST(same_elements(fi::mpi::par_range(world, lo, hi, hi / 3).collect(), fi::par_range(lo, hi, hi / 3).collect()));
    BOOST_TEST(same_elements(fi::mpi::par_range(world, hi, lo, -(hi / 5)).collect(), fi::par_range(hi, lo, -(hi / 5)).collect()));
    BOOST_TEST(same_elements(fi::mpi::par_range(world, 10u, 0u, -3).collect(), fi::par_range(10u, 0u, -3).collect()));
    BOOST_TEST(same_elements(fi::mpi::par_range(world, std::uint8_t(255), std::uint8_t(0), -1).collect(),
                             fi::par_range(std::uint8_t(255), std::uint8_t(0), -1).collect()));
    BOOST_TEST(same_elements(fi::mpi::par_range(world, std::int8_t(-128), std::int8_t(127), 2).enumerate().collect(),
                             fi::par_range(std::int8_t(-128), std::int8_t(127), 2).enumerate().collect()));
}

BOOST_AUTO_TEST_CASE(reduce_combines_in_global_order)
{
    // String concatenation is associative but not commutative, and crosses ranks serialized.
    mpi::communicator world;
    for (long n : {0L, 1L, 2L, 5L, 97L}) {
        auto digit = [](long x) { return std::to_string(x % 10); };
        std::string expected;
        for (long x = 0; x < n; ++x)
            expected += digit(x);
        BOOST_TEST(fi::mpi::par_range(world, 0L, n).map(digit).reduce(std::string(), std::plus<>{}) == expected);
        BOOST_TEST(fi::mpi::par_range(world, 0L, n).map(digit).sum() == expected);
    }
}

BOOST_AUTO_TEST_CASE(reduce_of_an_mpi_datatype_combines_in_global_order)
{
    // Composing affine maps x -> a x + b, left first: associative, not commutative, and a pair
    // of longs crosses ranks as an MPI datatype, reduced inside MPI_Allreduce.
    mpi::communicator world;
    using affine = std::pair<long, long>;
    auto then = [](const affine& f, const affine& g) { return affine(g.first * f.first, g.first * f.second + g.second); };
    auto as_map = [](long x) { return affine(x % 3 == 0 ? -1 : 1, x % 7); };
    for (long n : {0L, 1L, 2L, 3L, 4L, 10'001L}) {
        affine expected(1, 0);
        for (long x = 0; x < n; ++x)
            expected = then(expected, as_map(x));
        BOOST_TEST((fi::mpi::par_range(world, 0L, n).map(as_map).reduce(affine(1, 0), then) == expected));
    }
}

BOOST_AUTO_TEST_CASE(collect_carries_any_element_type)
{
    mpi::communicator world;
    for (long n : {0L, 1L, 2L, 5L, 1001L}) {
        const auto spread = fi::mpi::par_range(world, 0L, n);
        const auto whole = fi::par_range(0L, n);
        auto odd = [](long x) { return x % 2 != 0; };
        auto name = [](long x) { return std::string(std::size_t(x % 4), char('a' + x % 26)); };
        BOOST_TEST(same_elements(spread.map(odd).collect(), whole.map(odd).collect()));  // std::vector<bool>
        BOOST_TEST(same_elements(spread.map(odd).collect_root(0), world.rank() == 0 ? whole.map(odd).collect() : std::vector<bool>{}));
        BOOST_TEST(same_elements(spread.map(name).collect(), whole.map(name).collect()));  // serialized
        BOOST_TEST(same_elements(spread.enumerate().collect(), whole.enumerate().collect()));  // derived datatype
        BOOST_TEST(same_elements(spread.enumerate().collect_root(world.size() - 1),
                                 world.rank() == world.size() - 1 ? whole.enumerate().collect()
                                                                   : std::vector<std::pair<std::size_t, long>>{}));
    }
}

BOOST_AUTO_TEST_CASE(min_keeps_the_first_and_max_the_last_of_equals)
{
    mpi::communicator world;
    for (std::size_t n : {1u, 2u, 3u, 6u, 1001u}) {
        // Keys repeat, so equal minima and maxima sit on different ranks; second = position.
        std::vector<std::pair<int, int>> items;
        for (std::size_t i = 0; i < n; ++i)
            items.emplace_back(int(i % 3), int(i));
        auto key = [](const std::pair<int, int>& p) { return p.first; };
        const auto spread = fi::mpi::distribute(world, items);
        BOOST_TEST(same_optional(spread.min_by_key(key), fi::into_par_iter(items).min_by_key(key)));
        BOOST_TEST(same_optional(spread.max_by_key(key), fi::into_par_iter(items).max_by_key(key)));
    }
}

BOOST_AUTO_TEST_CASE(searches_and_positions_are_global)
{
    mpi::communicator world;
    const auto values = fastiter_test::pseudo_random(10'007, 0, 50);
    const auto spread = fi::mpi::distribute(world, values);
    const auto whole = fi::into_par_iter(values);
    for (long wanted : {-1L, 0L, 25L, 50L}) {
        BOOST_TEST_CONTEXT("value " << wanted)
        {
            auto is = [wanted](long x) { return x == wanted; };
            BOOST_TEST(same_optional(spread.find_first(is), whole.find_first(is)));
            BOOST_TEST(same_optional(spread.find_last(is), whole.find_last(is)));
            BOOST_TEST(same_optional(spread.position_first(is), whole.position_first(is)));
            const auto any = spread.position_any(is);
            BOOST_TEST(any.has_value() == whole.any(is));
            if (any)
                BOOST_TEST(values[*any] == wanted);
            BOOST_TEST(same_optional(spread.find_any(is), whole.find_any(is)));
        }
    }
    BOOST_TEST(same_elements(spread.enumerate().collect(), whole.enumerate().collect()));
}

BOOST_AUTO_TEST_CASE(collect_keeps_global_order_on_every_rank_or_the_root)
{
    mpi::communicator world;
    auto odd = [](long x) { return x % 2 != 0; };
    for (long n : sizes) {
        BOOST_TEST_CONTEXT("n = " << n)
        {
            const auto spread = fi::mpi::par_range(world, 0L, n);
            const auto expected = fi::par_range(0L, n).filter(odd).collect();
            BOOST_TEST(same_elements(spread.filter(odd).collect(), expected));
            for (int root = 0; root < world.size(); ++root) {
                const auto gathered = spread.filter(odd).collect_root(root);
                if (world.rank() == root)
                    BOOST_TEST(same_elements(gathered, expected));
                else
                    BOOST_TEST(gathered.empty());
            }
        }
    }
    BOOST_CHECK_THROW(fi::mpi::par_range(world, 0, 10).collect_root(world.size()), std::invalid_argument);
    BOOST_CHECK_THROW(fi::mpi::par_range(world, 0, 10).collect_root(-1), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(for_each_works_on_this_ranks_block_in_place)
{
    mpi::communicator world;
    std::vector<long> values(1001, 1);
    const auto spread = fi::mpi::distribute(world, values);
    spread.for_each([](long& x) { x = 2; });
    const auto begin = spread.offset();
    const auto end = begin + spread.local().count();
    for (std::size_t i = 0; i < values.size(); ++i)
        BOOST_TEST(values[i] == (i >= begin && i < end ? 2 : 1), "at " << i);
    // Every element belongs to exactly one rank.
    BOOST_TEST(fi::mpi::distribute(world, values).filter([](long x) { return x == 2; }).count() == values.size());
}

BOOST_AUTO_TEST_CASE(an_exception_on_one_rank_reaches_every_rank)
{
    mpi::communicator world;
    constexpr long n = 1000;
    constexpr long bad = n - 1;  // on the last rank's share
    auto explode = [](long x) {
        if (x == bad)
            throw std::domain_error("element " + std::to_string(x) + " is bad");
        return x;
    };
    const auto spread = fi::mpi::par_range(world, 0L, n).map(explode);
    const int owner = world.size() - 1;
    auto check = [&](auto terminal) {
        try {
            terminal();
            BOOST_ERROR("no exception");
        } catch (const std::domain_error& e) {
            BOOST_TEST(world.rank() == owner);
            BOOST_TEST(std::string(e.what()) == "element 999 is bad");
        } catch (const fi::mpi::remote_error& e) {
            BOOST_TEST(world.rank() != owner);
            BOOST_TEST(e.rank() == owner);
            BOOST_TEST(std::string(e.what()) == "fastiter::mpi: rank " + std::to_string(owner) + " threw: element 999 is bad");
        }
    };
    check([&] { return spread.sum(); });
    check([&] { return spread.max(); });
    check([&] { return spread.collect(); });
    check([&] { return spread.collect_root(0); });
    check([&] {
        spread.for_each([](long) {});
        return 0;
    });
    // The ranks are still in step: the next collective works.
    BOOST_TEST(fi::mpi::par_range(world, 0L, n).sum() == n * (n - 1) / 2);
}

BOOST_AUTO_TEST_CASE(the_lowest_failing_rank_is_reported_wherever_it_is)
{
    mpi::communicator world;
    const long n = 1000;
    for (int owner = 0; owner < world.size(); ++owner) {
        // Every rank from owner on throws; owner is the lowest.
        const auto spread = fi::mpi::par_range(world, 0L, n);
        const bool throws_here = world.rank() >= owner;
        auto check = [&](auto terminal) {
            try {
                terminal();
                BOOST_ERROR("no exception");
            } catch (const fi::mpi::remote_error& e) {
                BOOST_TEST(!throws_here);
                BOOST_TEST(e.rank() == owner);
                BOOST_TEST(std::string(e.what()) == "fastiter::mpi: rank " + std::to_string(owner) + " threw: rank " +
                                                        std::to_string(owner));
            } catch (const std::runtime_error& e) {
                BOOST_TEST(throws_here);
                BOOST_TEST(std::string(e.what()) == "rank " + std::to_string(world.rank()));
            }
        };
        auto fail_here = [&](long x) {
            if (throws_here)
                throw std::runtime_error("rank " + std::to_string(world.rank()));
            return x;
        };
        const auto failing = spread.with_min_len(std::size_t(n)).map(fail_here);
        check([&] { return failing.count(); });
        check([&] { return failing.any([](long x) { return x < 0; }); });
        check([&] { return failing.find_first([](long x) { return x < 0; }); });
        check([&] { return failing.position_first([](long x) { return x < 0; }); });
        check([&] { return failing.map([](long x) { return std::to_string(x); }).reduce(std::string(), std::plus<>{}); });
        check([&] { return failing.min_by_key([](long x) { return -x; }); });
    }
}

BOOST_AUTO_TEST_CASE(a_share_that_threw_outranks_an_op_that_threw_while_combining)
{
    mpi::communicator world;
    if (world.size() < 3)
        return;  // needs two good shares to combine and a third that throws
    auto picky = [](long a, long b) {
        if (a != 0 && b != 0)
            throw std::logic_error("two partial results");
        return a + b;
    };
    const int last = world.size() - 1;
    const auto spread = fi::mpi::par_range(world, 1L, long(world.size()) + 1).map([last, rank = world.rank()](long x) {
        if (rank == last)
            throw std::domain_error("share of the last rank");
        return x;
    });
    try {
        spread.reduce(0L, picky);
        BOOST_ERROR("no exception");
    } catch (const fi::mpi::remote_error& e) {
        BOOST_TEST(e.rank() == last);
    } catch (const std::domain_error&) {
        BOOST_TEST(world.rank() == last);
    }
}

BOOST_AUTO_TEST_CASE(an_op_that_throws_while_combining_ranks_is_reported_everywhere)
{
    // Each rank's share reduces fine on its own; the op rejects only a pair of nonzero partial
    // results, which meet only when the ranks combine.
    mpi::communicator world;
    const long n = world.size();  // one element per rank
    auto picky = [](long a, long b) {
        if (a != 0 && b != 0)
            throw std::logic_error("two partial results");
        return a + b;
    };
    const auto spread = fi::mpi::par_range(world, 1L, n + 1);
    if (world.size() == 1) {
        BOOST_TEST(spread.reduce(0L, picky) == 1);
    } else {
        try {
            spread.reduce(0L, picky);
            BOOST_ERROR("no exception");
        } catch (const fi::mpi::remote_error& e) {
            BOOST_TEST(e.rank() == -1);
        }
    }
}

BOOST_AUTO_TEST_CASE(bad_arguments_throw_on_every_rank)
{
    mpi::communicator world;
    BOOST_CHECK_THROW(fi::mpi::par_range(world, 0, 10, 0), std::invalid_argument);
    std::vector<long> uneven(std::size_t(100 + (world.rank() == world.size() - 1 ? 1 : 0)), 1);
    if (world.size() > 1)
        BOOST_CHECK_THROW(fi::mpi::distribute(world, uneven), std::invalid_argument);
    else
        BOOST_TEST(fi::mpi::distribute(world, uneven).sum() == 101);
}
