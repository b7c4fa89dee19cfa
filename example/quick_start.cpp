// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// FastIter's quick start: a parallel sum, a chained pipeline, and a container.
#include <fastiter/fastiter.hpp>

#include "example_options.hpp"

#include <boost/program_options.hpp>

#include <iostream>
#include <numeric>
#include <vector>

namespace fi = fastiter;
namespace po = boost::program_options;

int main(int argc, char** argv)
{
    long n = 1'000'000;
    po::options_description options("quick_start: fastiter's first steps");
    options.add_options()("n", po::value(&n)->default_value(n), "input size");
    if (const auto exit_status = example::parse_command_line(argc, argv, options))
        return *exit_status;

    // Process ranges in parallel.
    const long total = fi::par_range(0L, n).sum();

    // Chain operations, fluent or piped: both build the same parallel iterator.
    const auto evens = fi::par_range(0L, 10'000L)
                           .filter([](long x) { return x % 2 == 0; })
                           .map([](long x) { return x * x; })
                           .collect();
    const auto also_evens = fi::par_range(0L, 10'000L) | fi::par_filter([](long x) { return x % 2 == 0; }) |
                            fi::par_map([](long x) { return x * x; }) | fi::par_collect;

    // Work with containers: lvalues are referenced, never copied.
    std::vector<long> data(100'000);
    std::iota(data.begin(), data.end(), 0L);
    const long doubled = data | fi::par_map([](long x) { return x * 2; }) | fi::par_sum;

    std::cout << "sum of 0.." << n << " = " << total << '\n'
              << "even squares below 10000: " << evens.size() << " (same both ways: " << std::boolalpha
              << (evens == also_evens) << ")\n"
              << "sum of doubled data = " << doubled << '\n'
              << "threads: " << fi::num_threads() << '\n';
}
