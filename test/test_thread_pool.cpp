// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::thread_pool: install and num_threads, pools borrowed from boost::asio::thread_pool,
// nested operations, many callers at once, pools created and destroyed in a loop, and user
// exceptions thrown on pool threads. Every result is compared with the sequential loop; a hang
// fails through the watchdog instead of stalling CI.
#define BOOST_TEST_MODULE fastiter thread_pool
#include <boost/test/unit_test.hpp>

#include "watchdog.hpp"

#include <fastiter/fastiter.hpp>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace fi = fastiter;
using fastiter_test::becomes_true;
using namespace std::chrono_literals;

namespace {

std::size_t hardware_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

// The largest number of threads seen inside a region at once.
class occupancy {
public:
    void enter() noexcept
    {
        const int now = now_.fetch_add(1, std::memory_order_relaxed) + 1;
        int peak = peak_.load(std::memory_order_relaxed);
        while (now > peak && !peak_.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
        }
    }
    void leave() noexcept { now_.fetch_sub(1, std::memory_order_relaxed); }
    int peak() const noexcept { return peak_.load(std::memory_order_relaxed); }

private:
    std::atomic<int> now_{0};
    std::atomic<int> peak_{0};
};

// A body slow enough that pieces overlap when the pool has threads to overlap them.
long busy(long v)
{
    volatile long x = v;
    for (int i = 0; i < 200; ++i)
        x = x + i;
    return x;
}

long expected_sum_0_to(long n) { return n * (n - 1) / 2; }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(install_and_num_threads, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(num_threads_is_the_pool_size_inside_install_and_the_default_outside)
{
    const auto outside = fi::num_threads();
    if (!std::getenv("FASTITER_NUM_THREADS"))
        BOOST_TEST(outside == hardware_threads());
    for (std::size_t n : {1u, 2u, 3u, 8u, 17u}) {
        fi::thread_pool pool(n);
        BOOST_TEST(pool.num_threads() == n);
        const auto inside = pool.install([] { return fi::num_threads(); });
        BOOST_TEST(inside == n);
        BOOST_TEST(fi::num_threads() == outside);
    }
}

BOOST_AUTO_TEST_CASE(num_threads_inside_bodies_on_pool_threads_is_the_pool_size)
{
    fi::thread_pool pool(3);
    std::atomic<long> wrong{0};
    pool.install([&] {
        fi::par_range(0L, 200'000L) | fi::par_for_each([&](long) {
            if (fi::num_threads() != 3)
                wrong.fetch_add(1, std::memory_order_relaxed);
        });
    });
    BOOST_TEST(wrong.load() == 0);
}

BOOST_AUTO_TEST_CASE(nested_install_switches_pools_and_restores_them)
{
    fi::thread_pool outer(2), inner(5);
    outer.install([&] {
        BOOST_TEST(fi::num_threads() == 2u);
        inner.install([&] {
            BOOST_TEST(fi::num_threads() == 5u);
            BOOST_TEST(fi::par_range(0L, 100'000L).sum() == expected_sum_0_to(100'000));
        });
        BOOST_TEST(fi::num_threads() == 2u);
    });
}

BOOST_AUTO_TEST_CASE(install_returns_the_closure_result_including_references)
{
    fi::thread_pool pool(2);
    BOOST_TEST(pool.install([] { return std::string("value"); }) == "value");
    int target = 1;
    int& same = pool.install([&]() -> int& { return target; });
    same = 7;
    BOOST_TEST(target == 7);
    pool.install([] {});  // void works too
}

BOOST_AUTO_TEST_CASE(install_restores_the_previous_pool_when_the_closure_throws)
{
    const auto outside = fi::num_threads();
    fi::thread_pool pool(outside + 3);
    BOOST_CHECK_THROW(pool.install([]() { throw std::runtime_error("from install"); }), std::runtime_error);
    BOOST_TEST(fi::num_threads() == outside);
}

BOOST_AUTO_TEST_CASE(a_pool_of_zero_threads_is_rejected)
{
    BOOST_CHECK_THROW(fi::thread_pool(0), std::invalid_argument);
    boost::asio::thread_pool app(1);
    BOOST_CHECK_THROW(fi::thread_pool(app, 0), std::invalid_argument);
    app.join();
}

BOOST_AUTO_TEST_CASE(an_operation_on_a_pool_of_n_runs_on_at_most_n_threads_at_once)
{
    for (std::size_t n : {1u, 2u, 3u, 8u}) {
        fi::thread_pool pool(n);
        occupancy inside;
        const long sum = pool.install([&] {
            return fi::par_range(0L, 100'000L)
                .map([&inside](long v) {
                    inside.enter();
                    busy(v);
                    inside.leave();
                    return v;
                })
                .sum();
        });
        BOOST_TEST(sum == expected_sum_0_to(100'000));
        BOOST_TEST(inside.peak() <= int(n), "peak " << inside.peak() << " on a pool of " << n);
        BOOST_TEST(inside.peak() >= 1);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(borrowed_asio_pool, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(operations_on_a_borrowed_pool_match_the_loop)
{
    boost::asio::thread_pool app(4);
    std::vector<long> values(500'000);
    std::iota(values.begin(), values.end(), -250'000L);
    const long expected = std::accumulate(values.begin(), values.end(), 0L);
    {
        fi::thread_pool shared(app, 3);
        BOOST_TEST(shared.num_threads() == 3u);
        shared.install([&] {
            BOOST_TEST(fi::num_threads() == 3u);
            BOOST_TEST((values | fi::par_sum) == expected);
            BOOST_TEST((values | fi::par_filter([](long v) { return v % 2 == 0; }) | fi::par_count) == 250'000u);
            BOOST_TEST((values | fi::par_collect) == values);
        });
    }
    app.join();
}

BOOST_AUTO_TEST_CASE(borrowed_pool_of_one_runs_everything_on_the_caller)
{
    boost::asio::thread_pool app(4);
    {
        fi::thread_pool shared(app, 1);
        const auto caller = std::this_thread::get_id();
        std::atomic<long> elsewhere{0};
        shared.install([&] {
            fi::par_range(0L, 300'000L) | fi::par_for_each([&](long v) {
                busy(v);
                if (std::this_thread::get_id() != caller)
                    elsewhere.fetch_add(1, std::memory_order_relaxed);
            });
        });
        BOOST_TEST(elsewhere.load() == 0);
    }
    app.join();
}

BOOST_AUTO_TEST_CASE(borrowed_pool_occupies_at_most_n_minus_1_app_threads_even_with_many_callers)
{
    boost::asio::thread_pool app(8);
    {
        fi::thread_pool shared(app, 3);
        constexpr int callers = 4;
        std::vector<std::thread::id> caller_ids(callers);
        std::atomic<int> ready{0};
        std::atomic<bool> go{false};
        occupancy on_app_threads;
        std::atomic<int> wrong_sums{0};
        std::vector<std::thread> threads;
        for (int c = 0; c < callers; ++c)
            threads.emplace_back([&, c] {
                caller_ids[std::size_t(c)] = std::this_thread::get_id();
                ++ready;
                while (!go.load())
                    std::this_thread::yield();
                for (int round = 0; round < 5; ++round) {
                    const long sum = shared.install([&] {
                        return fi::par_range(0L, 60'000L)
                            .map([&](long v) {
                                const auto me = std::this_thread::get_id();
                                const bool app_thread =
                                    std::find(caller_ids.begin(), caller_ids.end(), me) == caller_ids.end();
                                if (app_thread)
                                    on_app_threads.enter();
                                busy(v);
                                if (app_thread)
                                    on_app_threads.leave();
                                return v;
                            })
                            .sum();
                    });
                    if (sum != expected_sum_0_to(60'000))
                        ++wrong_sums;
                }
            });
        while (ready.load() != callers)
            std::this_thread::yield();
        go = true;
        for (auto& t : threads)
            t.join();
        BOOST_TEST(wrong_sums.load() == 0);
        BOOST_TEST(on_app_threads.peak() <= 2, "peak of " << on_app_threads.peak() << " app threads, allowed 2");
    }
    app.join();
}

BOOST_AUTO_TEST_CASE(app_pool_serves_its_own_handlers_while_fastiter_runs_on_it)
{
    // The app pool has 3 threads; fastiter may occupy 2 of them. The left side of each join
    // waits until a pool thread took the right side (the outer left side waits until the whole
    // inner join is done, so that the caller cannot take the inner right side itself), so two
    // app threads end up inside fastiter; the innermost then posts an app handler and waits for
    // it: it can run only if fastiter left the third thread to the application.
    boost::asio::thread_pool app(3);
    {
        fi::thread_pool shared(app, 3);
        const auto caller = std::this_thread::get_id();
        std::atomic<bool> outer_taken{false}, inner_taken{false}, handler_ran{false}, inner_done{false};
        bool outer_seen = false, inner_seen = false, handler_seen = false;
        std::thread::id outer_thread, inner_thread, handler_thread;
        shared.install([&] {
            fi::join([&] { outer_seen = becomes_true(outer_taken, 10s) && becomes_true(inner_done, 30s); },
                     [&] {
                         outer_thread = std::this_thread::get_id();
                         outer_taken = true;
                         fi::join([&] { inner_seen = becomes_true(inner_taken, 10s); },
                                  [&] {
                                      inner_thread = std::this_thread::get_id();
                                      inner_taken = true;
                                      boost::asio::post(app, [&] {
                                          handler_thread = std::this_thread::get_id();
                                          handler_ran = true;
                                      });
                                      handler_seen = becomes_true(handler_ran, 10s);
                                      inner_done = true;
                                  });
                     });
        });
        BOOST_TEST(outer_seen);
        BOOST_TEST(inner_seen);
        BOOST_TEST(handler_seen, "an app handler did not run while fastiter held two of three app threads");
        BOOST_TEST((outer_thread != caller));
        BOOST_TEST((inner_thread != caller));
        BOOST_TEST((inner_thread != outer_thread));
        BOOST_TEST((handler_thread != outer_thread));
        BOOST_TEST((handler_thread != inner_thread));
    }
    // fastiter's pool is gone; the app pool goes on serving handlers, then shuts down.
    std::atomic<bool> after{false};
    boost::asio::post(app, [&] { after = true; });
    BOOST_TEST(becomes_true(after, 10s));
    app.join();
}

BOOST_AUTO_TEST_CASE(borrowed_pool_larger_than_the_app_pool_still_completes)
{
    boost::asio::thread_pool app(2);
    {
        fi::thread_pool shared(app, 8);
        std::atomic<bool> handler_ran{false};
        const long sum = shared.install([&] {
            return fi::par_range(0L, 300'000L)
                .map([&](long v) {
                    if (v == 1000)
                        boost::asio::post(app, [&] { handler_ran = true; });
                    return busy(v) - busy(v) + v;
                })
                .sum();
        });
        BOOST_TEST(sum == expected_sum_0_to(300'000));
        BOOST_TEST(becomes_true(handler_ran, 10s));
    }
    app.join();
}

BOOST_AUTO_TEST_CASE(borrowed_pool_created_and_destroyed_many_times)
{
    boost::asio::thread_pool app(3);
    int wrong = 0;
    for (int round = 0; round < 100; ++round) {
        fi::thread_pool shared(app, 1 + std::size_t(round % 4));
        const auto count = shared.install([] { return fi::par_range(0L, 10'000L).map(busy).count(); });
        wrong += count != 10'000u;
    }
    BOOST_TEST(wrong == 0);
    app.join();
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// Four levels of operations, each body starting the next level: 6^4 leaf sums of 0..199.
long nested_sum(int depth)
{
    if (depth == 0)
        return fi::par_range(0L, 200L).sum();
    std::atomic<long> total{0};
    fi::par_range(0, 6) | fi::par_for_each([&](int) { total += nested_sum(depth - 1); });
    return total.load();
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(nesting_and_concurrency, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(operations_nested_four_levels_deep)
{
    const long expected = 6 * 6 * 6 * 6 * expected_sum_0_to(200);
    for (std::size_t n : {1u, 2u, 8u}) {
        fi::thread_pool pool(n);
        BOOST_TEST(pool.install([] { return nested_sum(4); }) == expected, "pool of " << n);
    }
    BOOST_TEST(nested_sum(4) == expected);  // default pool
}

BOOST_AUTO_TEST_CASE(for_each_body_running_a_par_sum_over_a_vector)
{
    std::vector<long> inner(5'000);
    std::iota(inner.begin(), inner.end(), 1L);
    const long inner_sum = std::accumulate(inner.begin(), inner.end(), 0L);
    for (std::size_t n : {1u, 2u, 8u}) {
        fi::thread_pool pool(n);
        std::vector<long> out(300);
        pool.install([&] {
            fi::par_range(std::size_t{0}, out.size()) | fi::par_for_each([&](std::size_t i) {
                out[i] = (inner | fi::par_map([i](long v) { return v * long(i); }) | fi::par_sum);
            });
        });
        bool all_right = true;
        for (std::size_t i = 0; i < out.size(); ++i)
            all_right = all_right && out[i] == inner_sum * long(i);
        BOOST_TEST(all_right, "pool of " << n);
    }
}

BOOST_AUTO_TEST_CASE(bodies_on_one_pool_run_operations_installed_on_another)
{
    // Pool threads of `outer` wait, inside their bodies, for work taken by threads of `inner`.
    fi::thread_pool outer(3), inner(2);
    std::vector<long> out(64);
    outer.install([&] {
        fi::par_range(std::size_t{0}, out.size()) | fi::par_for_each([&](std::size_t i) {
            out[i] = inner.install([i] {
                return fi::par_range(0L, 20'000L).map([i](long v) { return v * long(i); }).sum();
            });
        });
    });
    bool all_right = true;
    for (std::size_t i = 0; i < out.size(); ++i)
        all_right = all_right && out[i] == expected_sum_0_to(20'000) * long(i);
    BOOST_TEST(all_right);
}

namespace {

// What every caller thread runs, with the sequential answers to compare against.
struct pipelines {
    std::vector<long> values;
    long sum = 0;
    std::size_t multiples_of_five = 0;
    long max = 0;
    std::vector<long> squares_of_evens;

    pipelines() : values(20'000)
    {
        std::iota(values.begin(), values.end(), -7'000L);
        for (long v : values) {
            sum += v;
            multiples_of_five += v % 5 == 0;
            max = std::max(max, v);
            if (v % 2 == 0)
                squares_of_evens.push_back(v * v);
        }
    }

    // Returns the number of wrong results.
    int run(int rounds) const
    {
        int wrong = 0;
        for (int round = 0; round < rounds; ++round) {
            wrong += (values | fi::par_sum) != sum;
            wrong += (values | fi::par_filter([](long v) { return v % 5 == 0; }) | fi::par_count) != multiples_of_five;
            wrong += fi::into_par_iter(values).max() != max;
            wrong += (values | fi::par_filter([](long v) { return v % 2 == 0; }) |
                      fi::par_map([](long v) { return v * v; }) | fi::par_collect) != squares_of_evens;
        }
        return wrong;
    }
};

// Starts `count` threads that each call body(thread index), all released at once.
template <class Body>
void run_threads_at_once(int count, Body body)
{
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < count; ++t)
        threads.emplace_back([&, t] {
            while (!go.load())
                std::this_thread::yield();
            body(t);
        });
    go = true;
    for (auto& thread : threads)
        thread.join();
}

}  // namespace

BOOST_AUTO_TEST_CASE(sixteen_threads_run_pipelines_on_the_default_pool_at_once)
{
    const pipelines work;
    std::atomic<int> wrong{0};
    std::atomic<int> errors{0};
    run_threads_at_once(16, [&](int) {
        try {
            wrong += work.run(8);
        } catch (...) {
            ++errors;
        }
    });
    BOOST_TEST(wrong.load() == 0);
    BOOST_TEST(errors.load() == 0);
}

BOOST_AUTO_TEST_CASE(sixteen_threads_run_pipelines_on_two_custom_pools_at_once)
{
    const pipelines work;
    fi::thread_pool three(3), two(2);
    std::atomic<int> wrong{0};
    std::atomic<int> errors{0};
    run_threads_at_once(16, [&](int t) {
        try {
            auto& pool = t % 2 == 0 ? three : two;
            wrong += pool.install([&] { return work.run(8); });
        } catch (...) {
            ++errors;
        }
    });
    BOOST_TEST(wrong.load() == 0);
    BOOST_TEST(errors.load() == 0);
}

BOOST_AUTO_TEST_CASE(pool_destroyed_right_after_use_many_times)
{
    int wrong = 0;
    for (int round = 0; round < 100; ++round) {
        fi::thread_pool pool(1 + std::size_t(round % 4));
        wrong += pool.install([] { return fi::par_range(0L, 10'000L).map(busy).count(); }) != 10'000u;
    }
    BOOST_TEST(wrong == 0);
}

BOOST_AUTO_TEST_CASE(pools_created_and_destroyed_on_several_threads_at_once)
{
    std::atomic<int> wrong{0};
    run_threads_at_once(6, [&](int t) {
        for (int round = 0; round < 20; ++round) {
            fi::thread_pool pool(2 + std::size_t((t + round) % 3));
            wrong += pool.install([] { return fi::par_range(0L, 20'000L).sum(); }) != expected_sum_0_to(20'000);
        }
    });
    BOOST_TEST(wrong.load() == 0);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

struct user_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(user_exceptions, fastiter_test::watchdog)

// One element throws; every terminal must deliver that exception, with its type and message,
// exactly once to the caller, and leave the pool usable.
BOOST_AUTO_TEST_CASE(exception_at_first_middle_and_last_element_reaches_the_caller_once)
{
    constexpr long n = 1'000'000;
    int thrown_off_the_caller = 0;
    int cases = 0;
    for (std::size_t threads : {2u, 3u, 8u}) {
        fi::thread_pool pool(threads);
        for (long at : {0L, n / 2, n - 1}) {
            const std::string message = "element " + std::to_string(at);
            const auto caller = std::this_thread::get_id();
            std::atomic<int> throws{0};
            std::atomic<bool> off_caller{false};
            auto fail_at = [&](long v) {
                if (v == at) {
                    throws.fetch_add(1);
                    if (std::this_thread::get_id() != caller)
                        off_caller = true;
                    throw user_error(message);
                }
            };
            auto expect_the_exception = [&](const char* terminal, auto run) {
                throws = 0;
                int caught = 0;
                BOOST_TEST_CONTEXT(terminal << ", pool of " << threads << ", thrown at " << at)
                {
                    try {
                        pool.install(run);
                        BOOST_ERROR("no exception reached the caller");
                    } catch (const user_error& e) {
                        ++caught;
                        BOOST_TEST(std::string(e.what()) == message);
                    } catch (const std::exception& e) {
                        BOOST_ERROR("an exception of another type arrived: " << e.what());
                    }
                    BOOST_TEST(caught == 1);
                    BOOST_TEST(throws.load() == 1);
                }
                ++cases;
            };
            const auto range = fi::par_range(0L, n);
            expect_the_exception("for_each", [&] { range | fi::par_for_each(fail_at); });
            expect_the_exception("map then sum", [&] {
                return range.map([&](long v) {
                    fail_at(v);
                    return v;
                }).sum();
            });
            expect_the_exception("filter then count", [&] {
                return range.filter([&](long v) {
                    fail_at(v);
                    return v % 2 == 0;
                }).count();
            });
            expect_the_exception("any", [&] {
                return range.any([&](long v) {
                    fail_at(v);
                    return false;
                });
            });
            expect_the_exception("reduce", [&] {
                struct total {
                    long value;
                };
                struct add {
                    decltype(fail_at)& fail;
                    total operator()(total acc, long v) const
                    {
                        fail(v);
                        return {acc.value + v};
                    }
                    total operator()(total left, total right) const { return {left.value + right.value}; }
                };
                return range.reduce(total{0}, add{fail_at}).value;
            });
            expect_the_exception("map then collect", [&] {
                return (range | fi::par_map([&](long v) {
                            fail_at(v);
                            return v;
                        }) |
                        fi::par_collect)
                    .size();
            });
            thrown_off_the_caller += off_caller.load();
            BOOST_TEST(pool.install([&] { return range.sum(); }) == expected_sum_0_to(n));
        }
    }
    BOOST_TEST_MESSAGE(thrown_off_the_caller << " of " << cases / 6
                                             << " element positions threw on a pool thread at least once");
}

BOOST_AUTO_TEST_CASE(exception_in_a_nested_operation_on_a_pool_thread_reaches_the_outer_caller)
{
    for (std::size_t threads : {2u, 8u}) {
        fi::thread_pool pool(threads);
        int caught = 0;
        try {
            pool.install([] {
                fi::par_range(0, 64) | fi::par_for_each([](int outer) {
                    fi::par_range(0, 1000) | fi::par_for_each([outer](int inner) {
                        if (outer == 63 && inner == 999)
                            throw user_error("innermost");
                    });
                });
            });
        } catch (const user_error& e) {
            ++caught;
            BOOST_TEST(std::string(e.what()) == "innermost");
        }
        BOOST_TEST(caught == 1);
        BOOST_TEST(pool.install([] { return nested_sum(2); }) == 36 * expected_sum_0_to(200));
    }
}

BOOST_AUTO_TEST_SUITE_END()
