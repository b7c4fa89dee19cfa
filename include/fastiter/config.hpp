// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Thread configuration of the default pool: set_num_threads, num_threads, FASTITER_NUM_THREADS.
#pragma once

#include <fastiter/detail/export.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace fastiter {

// Sets the size of the default pool (the one used outside thread_pool::install). Takes effect
// on the next operation; operations already running finish on the pool they started on.
// Throws std::invalid_argument for 0 and std::logic_error when called inside a parallel
// operation.
FASTITER_DECL void set_num_threads(std::size_t n);

// The number of threads an operation started here may use: the installed pool's size inside
// thread_pool::install, else the default pool's: set_num_threads, else FASTITER_NUM_THREADS
// (read once per process), else std::thread::hardware_concurrency().
FASTITER_DECL std::size_t num_threads();

namespace detail {

inline constexpr std::size_t max_threads = 1024;

struct thread_count_setting {
    std::optional<std::size_t> threads;  // nullopt: fall back to the CPU count
    std::optional<std::string_view> warning_reason;
};

// Parses a FASTITER_NUM_THREADS value; pure, so that every bad value can be unit-tested.
FASTITER_DECL thread_count_setting parse_thread_count(std::string_view value);

// The CPUs the calling thread may run on, at least 1: its affinity mask where the OS has one,
// which taskset, a cpuset or a container's CPU list make smaller than the machine. A pool
// spins only when its threads fit in these; spinning on a CPU shared with a working thread
// takes that thread's time.
FASTITER_DECL std::size_t usable_cpus() noexcept;

}  // namespace detail

}  // namespace fastiter
