// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// FastIter's CPU-intensive example: 20 rounds of floating-point work per element.
#include <fastiter/fastiter.hpp>

#include "example_options.hpp"

#include <boost/program_options.hpp>

#include <chrono>
#include <cmath>
#include <iostream>

namespace fi = fastiter;
namespace po = boost::program_options;

long expensive_computation(long x)
{
    double result = double(x);
    for (int i = 0; i < 20; ++i)
        result = std::fmod(result * 1.1 + 1, 1'000'000);
    return long(result);
}

int main(int argc, char** argv)
{
    long n = 200'000;
    po::options_description options("expensive: parallel map over costly elements");
    options.add_options()("n", po::value(&n)->default_value(n), "input size");
    if (const auto exit_status = example::parse_command_line(argc, argv, options))
        return *exit_status;

    using clock = std::chrono::steady_clock;
    auto start = clock::now();
    long sequential = 0;
    for (long x = 0; x < n; ++x)
        sequential += expensive_computation(x);
    const auto sequential_time = clock::now() - start;

    start = clock::now();
    const long parallel = fi::par_range(0L, n).map(expensive_computation).sum();
    const auto parallel_time = clock::now() - start;

    const auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    std::cout << "sequential " << sequential << " in " << ms(sequential_time) << " ms\n"
              << "fastiter   " << parallel << " in " << ms(parallel_time) << " ms on " << fi::num_threads()
              << " threads\n";
    return sequential == parallel ? 0 : 1;
}
