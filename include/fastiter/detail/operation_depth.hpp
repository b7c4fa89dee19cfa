// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// How many parallel operations the calling thread is inside (set_num_threads refuses to run there).
#pragma once

#include <fastiter/detail/export.hpp>

#include <cstddef>

namespace fastiter::detail {

// Defined once, in the runtime: an inline variable would be one per shared object under
// hidden visibility, and set_num_threads would not see the depth the caller's code counts.
extern FASTITER_DECL constinit thread_local std::size_t operation_depth;

class operation_depth_scope {
public:
    operation_depth_scope() noexcept { ++operation_depth; }
    ~operation_depth_scope() { --operation_depth; }
    operation_depth_scope(const operation_depth_scope&) = delete;
    operation_depth_scope& operator=(const operation_depth_scope&) = delete;
};

}  // namespace fastiter::detail
