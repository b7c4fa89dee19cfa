// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The contenders: one way each to run every workload, compared side by side.
#pragma once

#include "workloads.hpp"

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

namespace bench {

struct contender {
    std::string_view name;     // as given to --contenders
    std::string_view heading;  // table column
    std::string_view description;
    std::string_view runtime;  // what it runs on, with the version compiled against
    // NAME=value settings, separated by spaces, for its worker processes, each unless the
    // user's environment sets NAME already: for runtimes that read their settings before main().
    std::string_view worker_environment;
    // Sets the thread count up once per worker process; what it returns (a oneTBB
    // global_control, the limit contender's threads) lives until the worker exits.
    std::shared_ptr<void> (*start)(std::size_t threads);
    kernel_set kernels;
};

// Every contender this program knows, in round order; `built` is null when the contender
// was compiled out, and `skip_reason` then says why.
struct contender_entry {
    std::string_view name;
    const contender* built;
    std::string_view skip_reason;
};
std::span<const contender_entry> all_contenders();
const contender_entry* find_contender(std::string_view name);

// What the contender runs for the workload; nullptr where it has no counterpart. A zoo cell is
// run by seq (its hand loop) and fastiter-pipe (its pipeline) only.
kernel kernel_for(const contender& c, const workload& w);

extern const contender seq_contender;
extern const contender limit_contender;
extern const contender fastiter_pipe_contender;
extern const contender fastiter_fluent_contender;
#ifdef FASTITER_BENCH_HAVE_OPENMP
extern const contender omp_contender;
#endif
#ifdef FASTITER_BENCH_HAVE_TBB
extern const contender tbb_contender;
extern const contender std_par_contender;
#endif

}  // namespace bench
