// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// What one parallel operation carries: its pool, its cancel flag, and the thread's nesting depth.
#pragma once

#include <fastiter/detail/export.hpp>
#include <fastiter/detail/operation_depth.hpp>
#include <fastiter/detail/pool_core.hpp>

#include <atomic>
#include <cstddef>
#include <memory>

namespace fastiter {
class thread_pool;
}

namespace fastiter::detail {

// The pool an operation started here runs on. The default pool is held by shared_ptr so that
// set_num_threads can replace it while operations are still running on the old one.
struct pool_ref {
    pool_core* core;
    std::shared_ptr<thread_pool> keep_alive;
};
FASTITER_DECL pool_ref current_pool();

class operation {
public:
    // Resolved on first use: operations that never fork never touch a pool.
    pool_core& pool()
    {
        if (!pool_.core)
            pool_ = current_pool();
        return *pool_.core;
    }
    std::atomic<bool>& cancelled() noexcept { return cancelled_; }
    bool is_cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }

private:
    pool_ref pool_{nullptr, nullptr};
    std::atomic<bool> cancelled_{false};
};

}  // namespace fastiter::detail
