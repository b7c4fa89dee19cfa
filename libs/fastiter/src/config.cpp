// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include <fastiter/config.hpp>
#include <fastiter/detail/operation.hpp>
#include <fastiter/thread_pool.hpp>

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#if defined(__linux__)
#include <sched.h>
#endif

namespace fastiter {

namespace detail {

constinit thread_local std::size_t operation_depth = 0;

thread_count_setting parse_thread_count(std::string_view value)
{
    if (value.empty())
        return {};
    const bool digits_only = value.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits_only)
        return {std::nullopt, "it is not a whole number of threads"};
    std::int32_t threads = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), threads);
    if (error == std::errc::result_out_of_range)
        return {std::nullopt, "it is too large to be a thread count"};
    if (std::size_t(threads) > max_threads)
        return {max_threads, "it is above the limit of 1024 threads"};
    if (threads == 0)
        return {std::nullopt, "it must be at least 1"};
    return {std::size_t(threads), std::nullopt};
}

namespace {

std::size_t cpu_count() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace

std::size_t usable_cpus() noexcept
{
#if defined(__linux__)
    // cpu_set_t covers 1024 CPUs; on a larger machine the call fails and the count stands.
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) == 0)
        return std::size_t(std::max(1, CPU_COUNT(&allowed)));
#endif
    return cpu_count();
}

namespace {

std::size_t threads_from_environment()
{
    const char* raw = std::getenv("FASTITER_NUM_THREADS");
    const auto setting = parse_thread_count(raw ? raw : "");
    if (setting.warning_reason) {
        const auto fallback = setting.threads.value_or(cpu_count());
        std::cerr << "fastiter: warning: ignoring FASTITER_NUM_THREADS=\"" << raw << "\": "
                  << *setting.warning_reason << " (allowed: 1 to " << max_threads << "); using "
                  << fallback << " threads\n";
    }
    return setting.threads.value_or(cpu_count());
}

// The default pool is created on first use and replaced by set_num_threads; the mutex guards
// only this configuration, never a task.
struct default_pool_state {
    std::mutex mutex;
    std::size_t threads = threads_from_environment();
    std::shared_ptr<thread_pool> pool;
};

default_pool_state& default_state()
{
    static default_pool_state state;
    return state;
}

}  // namespace

pool_ref current_pool()
{
    if (auto* installed = pool_core::current())
        return {installed, nullptr};
    auto& state = default_state();
    std::lock_guard lock(state.mutex);
    if (!state.pool)
        state.pool = std::make_shared<thread_pool>(state.threads);
    return {&state.pool->core(), state.pool};
}

}  // namespace detail

void set_num_threads(std::size_t n)
{
    if (n == 0)
        throw std::invalid_argument("fastiter::set_num_threads: n must be at least 1 (got 0)");
    if (detail::operation_depth > 0)
        throw std::logic_error("fastiter::set_num_threads: called inside a parallel operation; "
                               "configure threads before starting one");
    auto& state = detail::default_state();
    std::shared_ptr<thread_pool> retired;
    {
        std::lock_guard lock(state.mutex);
        state.threads = std::min(n, detail::max_threads);
        retired = std::move(state.pool);
    }
    // `retired` is destroyed here, outside the lock, unless operations still run on it.
}

std::size_t num_threads()
{
    if (auto* installed = detail::pool_core::current())
        return installed->num_threads();
    auto& state = detail::default_state();
    std::lock_guard lock(state.mutex);
    return state.threads;
}

}  // namespace fastiter
