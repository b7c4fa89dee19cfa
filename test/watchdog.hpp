// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Deadlines for the tests that run threads: a hang in the scheduler must fail CI with a message
// naming the test, not sit until the CI job is killed.
#pragma once

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

namespace fastiter_test {

// Sanitizers slow the threaded tests down five- to fifteenfold; the deadline allows for it.
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
inline constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
inline constexpr bool sanitized = true;
#else
inline constexpr bool sanitized = false;
#endif
#else
inline constexpr bool sanitized = false;
#endif

// Used as the fixture of a test suite (BOOST_FIXTURE_TEST_SUITE), so that every test case in it
// runs under the deadline. The body stays on Boost.Test's own thread, where assertions belong;
// a second thread waits for the body to finish and aborts the process when it does not. Abort,
// because nothing else can stop a thread that is stuck in a wait.
//
// Boost.Test's `timeout` decorator does not serve (1.74 to 1.81, impl/execution_monitor.ipp):
// it arms alarm(), and its SIGALRM handler siglongjmps the main thread out of the test body,
// skipping destructors, then runs the next test case. Here a hang leaves pool threads pointing
// into the abandoned frames (a join's job lives on the joiner's stack); one that wakes later
// writes into the next test case's stack. Under ThreadSanitizer the jump out of the handler is
// reported as a signal-unsafe call, and a test body that spins never receives the signal.
// Only ending the process is safe. Neither guard sees a hang after the last test case (a pool
// joined at static destruction): CTest's TIMEOUT, in test/CMakeLists.txt, is the outer guard.
class watchdog {
public:
    // The slowest test case (in test_sort) takes 8 s in a debug build, 4 s under TSan. The
    // sanitized limit stays well under CTest's TIMEOUT of 300 s for the whole binary, so that
    // the watchdog, which names the test, fires before CTest kills the process.
    static constexpr std::chrono::seconds limit{sanitized ? 120 : 60};

    watchdog()
        : test_name_(boost::unit_test::framework::current_test_case().full_name()),
          thread_([this] { watch(); })
    {
    }

    ~watchdog()
    {
        {
            std::lock_guard lock(mutex_);
            finished_ = true;
        }
        finished_changed_.notify_one();
        thread_.join();
    }

    watchdog(const watchdog&) = delete;
    watchdog& operator=(const watchdog&) = delete;

private:
    void watch()
    {
        std::unique_lock lock(mutex_);
        if (!finished_changed_.wait_for(lock, limit, [this] { return finished_; })) {
            std::cerr << "watchdog: test " << test_name_ << " did not finish within " << limit.count()
                      << " s; it is probably deadlocked (aborting so that CI reports it)" << std::endl;
            // Boost.Test catches SIGABRT (catch_system_errors, on by default) and would
            // siglongjmp from this thread onto the main thread's stack and run on; the default
            // action ends the process.
            std::signal(SIGABRT, SIG_DFL);
            std::abort();
        }
    }

    std::string test_name_;
    std::mutex mutex_;
    std::condition_variable finished_changed_;
    bool finished_ = false;
    std::thread thread_;  // last: starts once the members it reads exist
};

// Waits until `flag` is true or `limit` passed; says which. Tests use it to arrange an
// interleaving (wait until another thread started a closure) without ever hanging when the
// scheduler does not produce it; they assert on the outcome, never on how long it took.
inline bool becomes_true(const std::atomic<bool>& flag, std::chrono::milliseconds limit)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!flag.load(std::memory_order_acquire)) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::yield();
    }
    return true;
}

}  // namespace fastiter_test
