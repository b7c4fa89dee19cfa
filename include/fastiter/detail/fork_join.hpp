// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Fork-join on a pool_core: run the left half here, offer the right half, reclaim it if unstarted.
#pragma once

#include <fastiter/detail/job.hpp>
#include <fastiter/detail/pool_core.hpp>

#include <atomic>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace fastiter::detail {

// The slot of a void half in a pair of results.
struct void_result {};

template <class F>
using join_result_t =
    std::conditional_t<std::is_void_v<std::invoke_result_t<F&>>, void_result, std::invoke_result_t<F&>>;

template <class F>
join_result_t<F> call_for_join(F& fn)
{
    if constexpr (std::is_void_v<std::invoke_result_t<F&>>) {
        fn();
        return {};
    } else {
        return fn();
    }
}

// Without a cancel flag the caller is the public join, which runs both sides whatever happens
// (as Rayon's does); the left side's exception wins, so the right one's is dropped.
template <class Right>
void run_right_after_throw(Right& right, std::atomic<bool>* cancel)
{
    if (cancel)
        return;
    try {
        call_for_join(right);
    } catch (...) {
    }
}

template <class Left, class Right>
std::pair<join_result_t<Left>, join_result_t<Right>> sequential_join(Left& left, Right& right,
                                                                     std::atomic<bool>* cancel)
{
    std::optional<join_result_t<Left>> left_result;
    try {
        left_result.emplace(call_for_join(left));
    } catch (...) {
        run_right_after_throw(right, cancel);
        throw;
    }
    return {std::move(*left_result), call_for_join(right)};
}

// Runs both callables, possibly in parallel, and returns both results. The exception of the
// left half wins when both throw. With a `cancel` flag (the splitter's), a throw raises it so
// the operation's other pieces stop early, and an untaken right half is dropped; without one
// (fastiter::join), the right half always runs. Either way it has finished or was dropped
// when this returns, because it lives in this stack frame.
template <class Left, class Right>
std::pair<join_result_t<Left>, join_result_t<Right>> fork_join(pool_core& pool, Left& left, Right& right,
                                                               std::atomic<bool>* cancel)
{
    auto right_for_job = [&right]() { return call_for_join(right); };
    stack_job job(right_for_job, cancel);
    if (!pool.offer(job))
        return sequential_join(left, right, cancel);

    std::optional<join_result_t<Left>> left_result;
    std::exception_ptr left_error;
    try {
        left_result.emplace(call_for_join(left));
    } catch (...) {
        left_error = std::current_exception();
        if (cancel)
            cancel->store(true, std::memory_order_relaxed);  // a hint: readers poll it
    }
    if (pool.reclaim(job)) {
        if (left_error) {
            run_right_after_throw(right, cancel);
            std::rethrow_exception(left_error);
        }
        return {std::move(*left_result), call_for_join(right)};
    }
    pool.wait_for(job);
    if (left_error)
        std::rethrow_exception(left_error);
    return {std::move(*left_result), job.take_result()};
}

}  // namespace fastiter::detail
