// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::join: run two callables, possibly in parallel, and return both results.
#pragma once

#include <fastiter/detail/fork_join.hpp>
#include <fastiter/detail/operation.hpp>

#include <type_traits>
#include <utility>
#include <variant>

namespace fastiter {

// Runs a on the calling thread and offers b to the pool; b runs here too when no thread took
// it. Returns std::pair of the results; a void result is std::monostate in its slot, and when
// both are void join returns void. If either throws, the exception reaches the caller after
// both finished (a's when both throw).
template <class A, class B>
    requires std::invocable<A&> && std::invocable<B&>
auto join(A&& a, B&& b)
{
    using result_a = std::invoke_result_t<A&>;
    using result_b = std::invoke_result_t<B&>;
    auto as_value = [](auto& fn) {
        return [&fn]() {
            if constexpr (std::is_void_v<std::invoke_result_t<decltype(fn)>>) {
                fn();
                return std::monostate{};
            } else {
                return fn();
            }
        };
    };
    auto left = as_value(a);
    auto right = as_value(b);
    detail::operation_depth_scope inside;
    const auto pool = detail::current_pool();
    auto results = detail::fork_join(*pool.core, left, right, nullptr);
    if constexpr (std::is_void_v<result_a> && std::is_void_v<result_b>)
        return;
    else
        return results;
}

}  // namespace fastiter
