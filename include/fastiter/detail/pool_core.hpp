// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The scheduler state shared by a fastiter::thread_pool and the drain handlers it posts.
#pragma once

#include <fastiter/detail/export.hpp>
#include <fastiter/detail/job.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>

namespace fastiter::detail {

// Forked jobs wait in a few shared slots in front of the Asio queue. Asio's queue is one
// mutex-protected list and a handler posted there cannot be withdrawn, so posting every fork
// would make an unneeded fork cost a lock and a wake-up. A slot can be withdrawn with one CAS:
// the owner reclaims its job when nobody took it and runs it inline. Asio only carries the
// wake-up: a drain handler that takes jobs from the slots while there are any.
class pool_core : public std::enable_shared_from_this<pool_core> {
public:
    FASTITER_DECL pool_core(boost::asio::any_io_executor executor, std::size_t num_threads);
    pool_core(const pool_core&) = delete;
    pool_core& operator=(const pool_core&) = delete;

    std::size_t num_threads() const noexcept { return helpers_cap_ + 1; }

    // Cheap hint for the splitter: is a fork likely to be taken soon, and at what cost?
    bool has_hungry_thief() const noexcept
    {
        return thieves_.load(std::memory_order_relaxed) > 0;
    }
    bool can_wake_helper() const noexcept
    {
        return helpers_.load(std::memory_order_relaxed) < helpers_cap_;
    }

    // Offers a job to other threads; false when every slot is taken (run it inline then).
    FASTITER_DECL bool offer(job_base& job) noexcept;
    // Withdraws an offered job; false when a thief took it (then wait for it).
    FASTITER_DECL bool reclaim(job_base& job) noexcept;
    // Waits for a taken job, running other offered jobs meanwhile, sleeping when there are none.
    FASTITER_DECL void wait_for(job_base& job) noexcept;

    // Stops posting drain handlers: the executor is about to go away.
    void close() noexcept { closed_.store(true, std::memory_order_release); }

    FASTITER_DECL static pool_core* current() noexcept;

private:
    static constexpr std::size_t slot_count = 16;

    job_base* try_take() noexcept;
    void wake_helper_if_needed() noexcept;
    void drain() noexcept;
    bool spin_allowed() const noexcept { return spin_allowed_; }

    boost::asio::any_io_executor executor_;
    std::size_t helpers_cap_;  // pool threads one operation may use besides its caller
    bool spin_allowed_;        // spinning pays only when every thread has a core of its own
    std::atomic<bool> closed_{false};
    alignas(64) std::array<std::atomic<job_base*>, slot_count> slots_{};
    alignas(64) std::atomic<std::size_t> helpers_{0};  // drain handlers posted and not yet gone
    alignas(64) std::atomic<std::size_t> thieves_{0};  // threads looking for a job right now
};

// Makes a pool current for the calling thread while it lives (install, drain handlers).
class current_pool_scope {
public:
    FASTITER_DECL explicit current_pool_scope(pool_core* pool) noexcept;
    FASTITER_DECL ~current_pool_scope();
    current_pool_scope(const current_pool_scope&) = delete;
    current_pool_scope& operator=(const current_pool_scope&) = delete;

private:
    pool_core* previous_;
};

}  // namespace fastiter::detail
