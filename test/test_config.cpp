// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter/config.hpp: set_num_threads and num_threads in this process, parse_thread_count for
// every kind of bad value, and FASTITER_NUM_THREADS end to end in child processes.
//
// The child is num_threads_probe, whose path comes after `--` on the command line (CMake passes
// $<TARGET_FILE:num_threads_probe>, b2 the probe target as an input file) or, failing that, from
// the environment variable FASTITER_NUM_THREADS_PROBE. Without either, the subprocess tests say
// so and pass without checking anything.
#define BOOST_TEST_MODULE fastiter config
#include <boost/test/unit_test.hpp>

#include "watchdog.hpp"

#include <fastiter/fastiter.hpp>

#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numeric>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace fi = fastiter;
using namespace std::chrono_literals;

namespace {

std::size_t hardware_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

// Each test starts from, and leaves behind, the default pool's size at startup.
struct restore_default_threads : fastiter_test::watchdog {
    restore_default_threads() : original(fi::num_threads()) {}
    ~restore_default_threads() { fi::set_num_threads(original); }
    std::size_t original;
};

bool names_set_num_threads(const std::exception& e)
{
    return std::string(e.what()).find("set_num_threads") != std::string::npos;
}

long expected_sum_0_to(long n) { return n * (n - 1) / 2; }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(set_num_threads_in_process, restore_default_threads)

BOOST_AUTO_TEST_CASE(default_is_the_hardware_concurrency_when_the_variable_is_unset)
{
    if (std::getenv("FASTITER_NUM_THREADS")) {
        BOOST_TEST_MESSAGE("FASTITER_NUM_THREADS is set in this environment; skipped");
        return;
    }
    BOOST_TEST(original == hardware_threads());
}

BOOST_AUTO_TEST_CASE(zero_threads_throws_invalid_argument_and_changes_nothing)
{
    BOOST_CHECK_EXCEPTION(fi::set_num_threads(0), std::invalid_argument, names_set_num_threads);
    BOOST_TEST(fi::num_threads() == original);
    BOOST_TEST(fi::par_range(0L, 100'000L).sum() == expected_sum_0_to(100'000));
}

BOOST_AUTO_TEST_CASE(three_threads_then_num_threads_is_three_and_operations_use_at_most_three)
{
    fi::set_num_threads(3);
    BOOST_TEST(fi::num_threads() == 3u);
    std::atomic<int> now{0}, peak{0};
    const long sum = fi::par_range(0L, 200'000L)
                         .map([&](long v) {
                             const int inside = ++now;
                             int seen = peak.load();
                             while (inside > seen && !peak.compare_exchange_weak(seen, inside)) {
                             }
                             --now;
                             return v;
                         })
                         .sum();
    BOOST_TEST(sum == expected_sum_0_to(200'000));
    BOOST_TEST(peak.load() <= 3);
    std::vector<long> values(100'000);
    std::iota(values.begin(), values.end(), 0L);
    BOOST_TEST((values | fi::par_collect) == values);
}

BOOST_AUTO_TEST_CASE(one_thread_runs_everything_on_the_caller)
{
    fi::set_num_threads(1);
    BOOST_TEST(fi::num_threads() == 1u);
    const auto caller = std::this_thread::get_id();
    std::atomic<long> elsewhere{0};
    fi::par_range(0L, 300'000L) | fi::par_for_each([&](long) {
        if (std::this_thread::get_id() != caller)
            ++elsewhere;
    });
    BOOST_TEST(elsewhere.load() == 0);
}

BOOST_AUTO_TEST_CASE(changing_the_size_back_and_forth_between_operations)
{
    for (std::size_t n : {2u, 5u, 1u, 8u, 3u}) {
        fi::set_num_threads(n);
        BOOST_TEST(fi::num_threads() == n);
        BOOST_TEST(fi::par_range(0L, 100'000L).sum() == expected_sum_0_to(100'000));
    }
}

BOOST_AUTO_TEST_CASE(inside_a_for_each_body_throws_logic_error_to_the_caller)
{
    fi::set_num_threads(3);
    constexpr long n = 1'000'000;
    for (long at : {0L, n / 2, n - 1}) {
        BOOST_TEST_CONTEXT("called at element " << at)
        {
            BOOST_CHECK_EXCEPTION(fi::par_range(0L, n) | fi::par_for_each([at](long v) {
                                      if (v == at)
                                          fi::set_num_threads(2);
                                  }),
                                  std::logic_error, names_set_num_threads);
            BOOST_TEST(fi::num_threads() == 3u);
        }
    }
    BOOST_TEST(fi::par_range(0L, n).sum() == expected_sum_0_to(n));
}

BOOST_AUTO_TEST_CASE(inside_join_nested_operations_and_installed_pools_throws_logic_error)
{
    BOOST_CHECK_THROW(fi::join([] { fi::set_num_threads(2); }, [] {}), std::logic_error);
    BOOST_CHECK_THROW(fi::join([] {}, [] { fi::set_num_threads(2); }), std::logic_error);
    BOOST_CHECK_THROW(fi::par_range(0, 4) | fi::par_for_each([](int) {
                          fi::par_range(0, 1000) | fi::par_for_each([](int i) {
                              if (i == 999)
                                  fi::set_num_threads(2);
                          });
                      }),
                      std::logic_error);
    fi::thread_pool pool(2);
    BOOST_CHECK_THROW(pool.install([] { return fi::par_range(0, 10).map([](int i) {
                                         fi::set_num_threads(2);
                                         return i;
                                     }).sum(); }),
                      std::logic_error);
    BOOST_TEST(fi::num_threads() == original);
}

BOOST_AUTO_TEST_CASE(inside_install_but_outside_an_operation_changes_only_the_default_pool)
{
    fi::thread_pool pool(2);
    pool.install([] {
        fi::set_num_threads(5);
        BOOST_TEST(fi::num_threads() == 2u);  // the installed pool still answers here
    });
    BOOST_TEST(fi::num_threads() == 5u);
}

BOOST_AUTO_TEST_CASE(resizing_while_other_threads_run_operations_on_the_default_pool)
{
    // The pool a running operation uses must outlive it although set_num_threads replaced it.
    std::atomic<bool> stop{false};
    std::atomic<int> wrong{0}, runs{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < 3; ++t)
        workers.emplace_back([&] {
            while (!stop.load()) {
                wrong += fi::par_range(0L, 200'000L).sum() != expected_sum_0_to(200'000);
                ++runs;
            }
        });
    for (int round = 0; round < 40; ++round) {
        const int runs_before = runs.load();
        fi::set_num_threads(1 + std::size_t(round % 4));
        // Let an operation finish on this size before the next change, within reason.
        const auto give_up = std::chrono::steady_clock::now() + 10s;
        while (runs.load() == runs_before && std::chrono::steady_clock::now() < give_up)
            std::this_thread::yield();
    }
    stop = true;
    for (auto& w : workers)
        w.join();
    BOOST_TEST(wrong.load() == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(usable_cpus)

BOOST_AUTO_TEST_CASE(counts_at_least_one_and_at_most_the_machine)
{
    BOOST_TEST(fi::detail::usable_cpus() >= 1u);
    BOOST_TEST(fi::detail::usable_cpus() <= hardware_threads());
}

#if defined(__linux__)
// What a process started under `taskset -c N` sees: pools made there must not spin.
BOOST_AUTO_TEST_CASE(follows_the_affinity_mask_of_the_calling_thread)
{
    cpu_set_t original;
    BOOST_REQUIRE_EQUAL(sched_getaffinity(0, sizeof original, &original), 0);
    int first = 0;
    while (!CPU_ISSET(first, &original))
        ++first;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    BOOST_REQUIRE_EQUAL(sched_setaffinity(0, sizeof one, &one), 0);
    const auto pinned = fi::detail::usable_cpus();
    BOOST_REQUIRE_EQUAL(sched_setaffinity(0, sizeof original, &original), 0);
    BOOST_TEST(pinned == 1u);
    BOOST_TEST(fi::detail::usable_cpus() == std::size_t(CPU_COUNT(&original)));
}
#endif

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(parse_thread_count)

using fi::detail::parse_thread_count;

BOOST_AUTO_TEST_CASE(empty_means_unset_without_a_warning)
{
    const auto setting = parse_thread_count("");
    BOOST_TEST(!setting.threads.has_value());
    BOOST_TEST(!setting.warning_reason.has_value());
}

BOOST_AUTO_TEST_CASE(whole_numbers_from_1_to_1024_are_taken_as_they_are)
{
    for (std::size_t n : {1u, 2u, 3u, 8u, 64u, 1023u, 1024u}) {
        const auto setting = parse_thread_count(std::to_string(n));
        BOOST_TEST((setting.threads == std::optional<std::size_t>(n)));
        BOOST_TEST(!setting.warning_reason.has_value());
    }
}

BOOST_AUTO_TEST_CASE(bad_values_warn_and_fall_back_to_the_cpu_count)
{
    for (std::string_view bad : {"abc", "0", "-3", "4x", "2.5", "99999999999", " 4", "4 ", "+4", "0x10", "-0"}) {
        BOOST_TEST_CONTEXT("value \"" << bad << "\"")
        {
            const auto setting = parse_thread_count(bad);
            BOOST_TEST(!setting.threads.has_value());
            BOOST_TEST_REQUIRE(setting.warning_reason.has_value());
            BOOST_TEST(!setting.warning_reason->empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(values_above_1024_are_capped_with_a_warning)
{
    for (std::string_view big : {"1025", "2000", "65536", "2147483647"}) {
        BOOST_TEST_CONTEXT("value " << big)
        {
            const auto setting = parse_thread_count(big);
            BOOST_TEST((setting.threads == std::optional<std::size_t>(1024)));
            BOOST_TEST(setting.warning_reason.has_value());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

std::string probe_path()
{
    const auto& suite = boost::unit_test::framework::master_test_suite();
    if (suite.argc > 1)
        return suite.argv[suite.argc - 1];
    if (const char* from_environment = std::getenv("FASTITER_NUM_THREADS_PROBE"))
        return from_environment;
    return {};
}

struct probe_run {
    int exit_code = -1;
    std::string out;
    std::vector<std::string> error_lines;
};

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs the probe through the POSIX shell, after `environment` (a prefix assignment such as
// FASTITER_NUM_THREADS='abc', or an `unset NAME;`), and collects its output from temporary files.
probe_run run_probe(const std::string& environment, const std::string& argument = {})
{
    const auto dir = std::filesystem::temp_directory_path() / ("fastiter_test_config_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto out = dir / "stdout", err = dir / "stderr";
    const std::string command = environment + " '" + probe_path() + "' " + argument + " >'" +
                                out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    probe_run run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_file(out);
    std::istringstream lines(read_file(err));
    for (std::string line; std::getline(lines, line);)
        run.error_lines.push_back(line);
    std::filesystem::remove_all(dir);
    return run;
}

bool probe_available()
{
    const auto path = probe_path();
    if (path.empty() || !std::filesystem::exists(path)) {
        BOOST_TEST_MESSAGE("num_threads_probe not given (pass its path after --, or set "
                           "FASTITER_NUM_THREADS_PROBE): the FASTITER_NUM_THREADS subprocess checks are skipped");
        return false;
    }
    return true;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(environment_variable_end_to_end, fastiter_test::watchdog)

BOOST_AUTO_TEST_CASE(unset_or_empty_uses_the_hardware_concurrency_silently)
{
    if (!probe_available())
        return;
    for (const std::string environment : {"unset FASTITER_NUM_THREADS;", "FASTITER_NUM_THREADS="}) {
        BOOST_TEST_CONTEXT("shell prefix " << environment)
        {
            const auto run = run_probe(environment);
            BOOST_TEST(run.exit_code == 0);
            BOOST_TEST(run.out == std::to_string(hardware_threads()) + "\n");
            BOOST_TEST(run.error_lines.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(good_values_are_used_silently)
{
    if (!probe_available())
        return;
    for (const std::string value : {"1", "3", "1024"}) {
        const auto run = run_probe("FASTITER_NUM_THREADS=" + value);
        BOOST_TEST(run.exit_code == 0);
        BOOST_TEST(run.out == value + "\n");
        BOOST_TEST(run.error_lines.empty());
    }
}

BOOST_AUTO_TEST_CASE(bad_values_fall_back_with_exactly_one_warning_naming_variable_and_value)
{
    if (!probe_available())
        return;
    struct bad_value {
        std::string value;
        std::size_t threads;
    };
    for (const auto& [value, threads] : {bad_value{"abc", hardware_threads()}, bad_value{"0", hardware_threads()},
                                         bad_value{"-3", hardware_threads()}, bad_value{"4x", hardware_threads()},
                                         bad_value{"2.5", hardware_threads()},
                                         bad_value{"99999999999", hardware_threads()}, bad_value{"2000", 1024}}) {
        BOOST_TEST_CONTEXT("FASTITER_NUM_THREADS=" << value)
        {
            const auto run = run_probe("FASTITER_NUM_THREADS='" + value + "'");
            BOOST_TEST(run.exit_code == 0);
            BOOST_TEST(run.out == std::to_string(threads) + "\n");
            BOOST_TEST_REQUIRE(run.error_lines.size() == 1u);
            BOOST_TEST(run.error_lines[0].find("FASTITER_NUM_THREADS") != std::string::npos, run.error_lines[0]);
            BOOST_TEST(run.error_lines[0].find(value) != std::string::npos, run.error_lines[0]);
        }
    }
}

BOOST_AUTO_TEST_CASE(set_num_threads_wins_over_the_variable)
{
    if (!probe_available())
        return;
    const auto run = run_probe("FASTITER_NUM_THREADS=3", "5");
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(run.out == "5\n");
    BOOST_TEST(run.error_lines.empty());
}

BOOST_AUTO_TEST_SUITE_END()
