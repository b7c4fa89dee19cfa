// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::scope: every spawned task runs exactly once and has finished when scope returns,
// compared with running the same tasks in a loop; recursive spawning, exceptions from tasks and
// from the body, scopes inside parallel operations and inside tasks, pools of 1, 2 and 8 threads.
#define BOOST_TEST_MODULE fastiter scope
#include <boost/test/unit_test.hpp>

#include "watchdog.hpp"

#include <fastiter/fastiter.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace fi = fastiter;
using fastiter_test::becomes_true;
using namespace std::chrono_literals;

namespace {

const std::vector<std::size_t> thread_counts{1, 2, 8};

template <class Body>
void on_each_pool(Body body)
{
    for (std::size_t threads : thread_counts) {
        fi::thread_pool pool(threads);
        BOOST_TEST_CONTEXT("pool of " << threads) { pool.install([&] { body(threads); }); }
    }
}

struct task_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct body_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Spawns two children per task down to `depth`; counts the tasks that ran.
void spawn_tree(fi::scope_handle& s, int depth, std::atomic<int>& ran)
{
    ran.fetch_add(1, std::memory_order_relaxed);
    if (depth == 0)
        return;
    for (int child = 0; child < 2; ++child)
        s.spawn([depth, &ran](fi::scope_handle& inner) { spawn_tree(inner, depth - 1, ran); });
}

}  // namespace

static_assert(fi::scope_task<void (*)()>);
static_assert(fi::scope_task<void (*)(fi::scope_handle&)>);
static_assert(!fi::scope_task<void (*)(int)>);

BOOST_FIXTURE_TEST_SUITE(spawning, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(a_scope_without_tasks_returns_the_body_result)
{
    on_each_pool([](std::size_t) {
        bool body_ran = false;
        fi::scope([&](fi::scope_handle&) { body_ran = true; });
        BOOST_TEST(body_ran);
        BOOST_TEST(fi::scope([](fi::scope_handle&) { return std::string("result"); }) == "result");
    });
}

BOOST_AUTO_TEST_CASE(one_task_has_run_once_when_scope_returns)
{
    on_each_pool([](std::size_t) {
        std::atomic<int> runs{0};
        fi::scope([&](fi::scope_handle& s) { s.spawn([&] { runs.fetch_add(1); }); });
        BOOST_TEST(runs.load() == 1);
    });
}

BOOST_AUTO_TEST_CASE(ten_thousand_tasks_each_increment_an_atomic)
{
    on_each_pool([](std::size_t) {
        std::atomic<int> count{0};
        fi::scope([&](fi::scope_handle& s) {
            for (int i = 0; i < 10'000; ++i)
                s.spawn([&count] { count.fetch_add(1, std::memory_order_relaxed); });
        });
        BOOST_TEST(count.load() == 10'000);
    });
}

BOOST_AUTO_TEST_CASE(tasks_write_the_callers_vector_as_the_loop_would)
{
    on_each_pool([](std::size_t) {
        std::vector<long> expected(10'000), out(10'000, -1);
        for (std::size_t i = 0; i < expected.size(); ++i)
            expected[i] = long(i * i);
        fi::scope([&](fi::scope_handle& s) {
            for (std::size_t i = 0; i < out.size(); ++i)
                s.spawn([&out, i] { out[i] = long(i * i); });
        });
        BOOST_TEST((out == expected));
    });
}

BOOST_AUTO_TEST_CASE(tasks_spawn_two_more_down_to_depth_12)
{
    on_each_pool([](std::size_t) {
        std::atomic<int> ran{0};
        fi::scope([&](fi::scope_handle& s) {
            s.spawn([&ran](fi::scope_handle& inner) { spawn_tree(inner, 12, ran); });
        });
        BOOST_TEST(ran.load() == (1 << 13) - 1);
    });
}

BOOST_AUTO_TEST_CASE(tasks_are_copied_or_moved_in_and_move_only_tasks_work)
{
    on_each_pool([](std::size_t) {
        std::atomic<int> sum{0};
        auto counting = [&sum, calls = 0]() mutable { sum.fetch_add(++calls); };
        auto owned = std::make_unique<int>(40);
        fi::scope([&](fi::scope_handle& s) {
            s.spawn(counting);  // each spawn runs its own copy: calls is 1 in both
            s.spawn(counting);
            s.spawn([&sum, owned = std::move(owned)] { sum.fetch_add(*owned); });
        });
        BOOST_TEST(sum.load() == 42);
    });
}

BOOST_AUTO_TEST_CASE(two_tasks_run_at_the_same_time_when_the_pool_has_threads)
{
    // Each task waits (with a deadline) until the other started: only parallel runs meet.
    on_each_pool([](std::size_t threads) {
        if (threads == 1)
            return;  // tasks run one after the other there, and the rendezvous would time out
        std::atomic<bool> first_started{false}, second_started{false};
        bool first_met = false, second_met = false;
        fi::scope([&](fi::scope_handle& s) {
            s.spawn([&] {
                first_started.store(true, std::memory_order_release);
                first_met = becomes_true(second_started, 10s);
            });
            s.spawn([&] {
                second_started.store(true, std::memory_order_release);
                second_met = becomes_true(first_started, 10s);
            });
        });
        BOOST_TEST(first_met);
        BOOST_TEST(second_met);
    });
}

BOOST_AUTO_TEST_CASE(the_default_pool_runs_scopes_too)
{
    std::atomic<int> ran{0};
    fi::scope([&](fi::scope_handle& s) { spawn_tree(s, 10, ran); });
    BOOST_TEST(ran.load() == (1 << 11) - 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(exceptions, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(one_throwing_task_reaches_the_caller_after_every_task_ran)
{
    on_each_pool([](std::size_t) {
        std::atomic<int> ran{0};
        int caught = 0;
        try {
            fi::scope([&](fi::scope_handle& s) {
                for (int i = 0; i < 1000; ++i)
                    s.spawn([&ran, i] {
                        ran.fetch_add(1);
                        if (i == 500)
                            throw task_error("task 500");
                    });
            });
        } catch (const task_error& e) {
            ++caught;
            BOOST_TEST(std::string(e.what()) == "task 500");
        }
        BOOST_TEST(caught == 1);
        BOOST_TEST(ran.load() == 1000);  // a failure skips nothing
    });
}

BOOST_AUTO_TEST_CASE(many_throwing_tasks_deliver_exactly_one_exception)
{
    on_each_pool([](std::size_t) {
        for (int round = 0; round < 20; ++round) {
            std::atomic<int> ran{0}, thrown{0};
            int caught = 0;
            try {
                fi::scope([&](fi::scope_handle& s) {
                    for (int i = 0; i < 200; ++i)
                        s.spawn([&, i](fi::scope_handle& inner) {
                            ran.fetch_add(1);
                            inner.spawn([&] { ran.fetch_add(1); });
                            if (i % 3 == 0) {
                                thrown.fetch_add(1);
                                throw task_error("task " + std::to_string(i));
                            }
                        });
                });
            } catch (const task_error& e) {
                ++caught;
                BOOST_TEST(std::string(e.what()).starts_with("task "));
            }
            BOOST_TEST(caught == 1);
            BOOST_TEST(thrown.load() == 67);
            BOOST_TEST(ran.load() == 400);
        }
    });
}

BOOST_AUTO_TEST_CASE(a_throwing_body_still_joins_its_tasks)
{
    on_each_pool([](std::size_t) {
        std::atomic<int> ran{0};
        try {
            fi::scope([&](fi::scope_handle& s) {
                for (int i = 0; i < 100; ++i)
                    s.spawn([&ran] {
                        std::this_thread::sleep_for(100us);  // still running when the body throws
                        ran.fetch_add(1);
                    });
                throw body_error("body");
            });
            BOOST_ERROR("scope returned although its body threw");
        } catch (const body_error& e) {
            BOOST_TEST(std::string(e.what()) == "body");
        }
        BOOST_TEST(ran.load() == 100);
    });
}

BOOST_AUTO_TEST_CASE(the_pool_still_works_after_a_failed_scope)
{
    on_each_pool([](std::size_t) {
        try {
            fi::scope([](fi::scope_handle& s) { s.spawn([] { throw task_error("once"); }); });
        } catch (const task_error&) {
        }
        std::atomic<int> ran{0};
        fi::scope([&](fi::scope_handle& s) { spawn_tree(s, 8, ran); });
        BOOST_TEST(ran.load() == (1 << 9) - 1);
    });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(nesting, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(scopes_inside_a_parallel_operation)
{
    on_each_pool([](std::size_t) {
        std::vector<int> counts(64, 0);
        fi::par_range(std::size_t{0}, counts.size()) | fi::par_for_each([&counts](std::size_t i) {
            std::atomic<int> ran{0};
            fi::scope([&](fi::scope_handle& s) { spawn_tree(s, 6, ran); });
            counts[i] = ran.load();
        });
        bool all_right = true;
        for (int c : counts)
            all_right = all_right && c == (1 << 7) - 1;
        BOOST_TEST(all_right);
    });
}

BOOST_AUTO_TEST_CASE(scopes_and_parallel_operations_inside_tasks)
{
    on_each_pool([](std::size_t) {
        std::atomic<long> total{0};
        fi::scope([&](fi::scope_handle& s) {
            for (int i = 0; i < 16; ++i) {
                s.spawn([&total] {
                    std::atomic<int> ran{0};
                    fi::scope([&](fi::scope_handle& inner) { spawn_tree(inner, 5, ran); });
                    total.fetch_add(ran.load());
                });
                s.spawn([&total] { total.fetch_add(fi::par_range(0L, 10'000L).sum()); });
            }
        });
        BOOST_TEST(total.load() == 16 * ((1 << 6) - 1) + 16 * (10'000L * 9'999L / 2));
    });
}

BOOST_AUTO_TEST_SUITE_END()
