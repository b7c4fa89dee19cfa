// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The orchestration: cells of (workload, n, threads), rounds round-robin across contenders,
// each run a worker process of its own.
#pragma once

#include "machine.hpp"
#include "options.hpp"
#include "workloads.hpp"

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

struct measurement {
    std::string_view contender;
    bool applicable = true;  // false: the contender has no such workload (std::par's join)
    double best_ns = std::numeric_limits<double>::infinity();  // per call, best over rounds
    long batch = 0;
    long checksum = 0;
    double busy_threads = std::numeric_limits<double>::quiet_NaN();  // the best round's; see worker_result
    int rounds = 0;       // rounds that produced a time
    std::vector<double> round_ns;  // per call, each round's best, in round order
    std::string failure;  // why a round failed; later rounds of that contender are skipped
    bool measured() const { return rounds > 0; }
};

struct cell_result {
    const workload* work;
    long n;
    std::size_t threads;
    std::vector<measurement> by_contender;  // in the order of run_results::contenders
    std::optional<machine_load> load;       // what else ran on the machine meanwhile

    // The sequential baseline (always the first contender), or null if it failed.
    const measurement* baseline() const
    {
        return by_contender.empty() || !by_contender.front().measured() ? nullptr : &by_contender.front();
    }
};

struct run_results {
    std::vector<std::string_view> contenders;  // those that ran, round order
    std::vector<cell_result> cells;
    std::vector<std::string> skipped;  // "omp: built without OpenMP ..."
    double seconds = 0;
    std::optional<machine_load> load;  // over the whole run
    std::string cpu;
};

run_results run_benchmark(const bench_options& options);

}  // namespace bench
