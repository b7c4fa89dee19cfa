// One measurement in a process of its own: the bench re-executes itself with --worker SPEC,
// runs one contender on one workload, and prints one result line on stdout.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bench {

struct worker_spec {
    std::string contender;
    std::string workload;
    long n = 0;
    std::size_t threads = 1;
    int reps = 3;  // timed repetitions after the warm-up; the best one counts
};

// "contender=omp,workload=sum3m,n=3000000,threads=2,reps=3" and back; parse throws
// std::invalid_argument naming the bad field.
std::string format_worker_spec(const worker_spec& spec);
worker_spec parse_worker_spec(std::string_view text);

struct worker_result {
    double ns_per_call = 0;
    long batch = 1;  // calls per timed repetition (above 1 for calls too short to time alone)
    long checksum = 0;
};

std::string format_worker_result(const worker_result& result);
std::optional<worker_result> parse_worker_result(std::string_view line);

// The body of a worker process: returns its exit status; errors go to stderr.
int run_worker(const worker_spec& spec);

}  // namespace bench
