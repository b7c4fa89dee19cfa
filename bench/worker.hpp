// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// One measurement in a process of its own: the bench re-executes itself with --worker SPEC,
// runs one contender on one workload, and prints one result line on stdout.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

struct worker_spec {
    std::string contender;
    std::string workload;
    long n = 0;
    std::size_t threads = 1;
    int reps = 3;  // timed repetitions after the warm-up; the best one counts
    int busy_probe_ms = 0;  // > 0: afterwards, call this long more to count the busy threads
    std::vector<long> history;  // sizes to call the workload at, in order, before timing n
};

// "contender=omp,workload=sum3m,n=3000000,threads=2,reps=3" (history=1:10:100 for sweep
// cells with a history) and back; parse throws
// std::invalid_argument naming the bad field.
std::string format_worker_spec(const worker_spec& spec);
worker_spec parse_worker_spec(std::string_view text);

struct worker_result {
    double ns_per_call = 0;
    long batch = 1;  // calls per timed repetition (above 1 for calls too short to time alone)
    long checksum = 0;
    // CPU time over wall time during the busy probe: how many threads were busy, spinning
    // included; 1.0 at 2 threads means the runtime never got its second thread going. NaN
    // without a probe. The probe is long because the kernel brings another CPU's running
    // thread's time up to date only at scheduler ticks (4 ms here).
    double busy_threads = std::numeric_limits<double>::quiet_NaN();
};

std::string format_worker_result(const worker_result& result);
std::optional<worker_result> parse_worker_result(std::string_view line);

// The body of a worker process: returns its exit status; errors go to stderr.
int run_worker(const worker_spec& spec);

}  // namespace bench
