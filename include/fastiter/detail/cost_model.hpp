// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The splitter's clock, thresholds and per-pipeline memory of what an element costs.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace fastiter::detail {

using clock = std::chrono::steady_clock;

inline double nanoseconds_between(clock::time_point from, clock::time_point to) noexcept
{
    return std::chrono::duration<double, std::nano>(to - from).count();
}

// Thresholds of the splitter, in nanoseconds of predicted work. Measured on 2 cores; see
// include/fastiter/detail/README.md for how they were chosen.
struct split_costs {
    // Below this a pipeline whose cost is known runs inline without reading the clock.
    static constexpr double inline_budget = 2'000;
    // The splitter looks at the clock and at idle threads after each block of this much work.
    static constexpr double block = 5'000;
    // Enough left to hand half to a thread that is already spinning for work.
    static constexpr double fork_to_spinning = 4'000;
    // Enough left to wake a sleeping thread through Asio (a post and a futex wake-up).
    static constexpr double fork_to_sleeping = 40'000;
    // Every this many inline runs, one is timed anyway, so a stale estimate cannot stick.
    static constexpr std::uint32_t resample_period = 64;
};

// Nanoseconds per element of one pipeline type, 0 until first measured. Races between
// operations are benign: it is a hint, the last measurement wins.
template <class Pipeline>
inline std::atomic<float> cost_per_element{0.0f};

inline bool resample_due() noexcept
{
    constinit thread_local std::uint32_t inline_runs = 0;
    return ++inline_runs % split_costs::resample_period == 0;
}

}  // namespace fastiter::detail
