// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The limit contender's threads: started once, spinning between calls, each given a fixed
// slice. No library, no balancing: what plain threads on this machine can do right now.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <utility>
#include <vector>

namespace bench {

class static_team {
public:
    // The calling thread plus threads - 1 workers, as OpenMP and oneTBB count a team.
    explicit static_team(std::size_t threads);
    ~static_team();
    static_team(const static_team&) = delete;
    static_team& operator=(const static_team&) = delete;

    std::size_t size() const noexcept { return workers_.size() + 1; }

    // Calls slice(i) for each i in [0, size()), slice 0 on the calling thread, and returns
    // when every slice has returned.
    template <class Slice>
    void run(const Slice& slice)
    {
        run_erased(&slice, [](const void* context, std::size_t index) {
            (*static_cast<const Slice*>(context))(index);
        });
    }

    // [from, to) of slice `index` when n elements are split evenly over the team.
    std::pair<std::size_t, std::size_t> bounds(std::size_t n, std::size_t index) const noexcept
    {
        return {n * index / size(), n * (index + 1) / size()};
    }

private:
    using slice_function = void (*)(const void*, std::size_t);
    void run_erased(const void* context, slice_function fn);
    void work(std::size_t index);

    const void* context_ = nullptr;
    slice_function fn_ = nullptr;
    alignas(64) std::atomic<std::uint64_t> generation_{0};
    alignas(64) std::atomic<std::size_t> unfinished_{0};
    alignas(64) std::atomic<bool> stopping_{false};
    std::vector<std::thread> workers_;
};

}  // namespace bench
