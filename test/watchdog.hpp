// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Deadlines for the tests that run threads: a hang in the scheduler must fail CI with a message
// naming the test, not sit until the CI job is killed.
#pragma once

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
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
class watchdog {
public:
    static constexpr std::chrono::seconds limit{sanitized ? 300 : 60};

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
