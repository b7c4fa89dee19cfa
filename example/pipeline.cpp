// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// FastIter's pipelines: sum of squares, count of evens, maximum, filter/map/filter/sum.
#include <fastiter/fastiter.hpp>

#include "example_options.hpp"

#include <boost/program_options.hpp>
#include <boost/range/irange.hpp>

#include <iostream>
#include <vector>

namespace fi = fastiter;
namespace po = boost::program_options;

int main(int argc, char** argv)
{
    long n = 1'000'000;
    po::options_description options("pipeline: FastIter's aggregations in both spellings");
    options.add_options()("n", po::value(&n)->default_value(n), "input size");
    if (const auto exit_status = example::parse_command_line(argc, argv, options))
        return *exit_status;

    const auto square = [](long x) { return x * x; };
    const auto even = [](long x) { return x % 2 == 0; };

    const long squares = fi::par_range(0L, n).map(square).sum();
    const std::size_t evens = boost::irange(0L, n) | fi::par_filter(even) | fi::par_count;
    const std::vector<int> small{1, 5, 3, 9, 2};
    const auto maximum = small | fi::par_max;
    const long pipeline = boost::irange(0L, n) | fi::par_filter(even) | fi::par_map(square) |
                          fi::par_filter([](long x) { return x > 1000; }) | fi::par_sum;

    std::cout << "sum of squares: " << squares << '\n'
              << "evens: " << evens << '\n'
              << "max of {1, 5, 3, 9, 2}: " << *maximum << '\n'
              << "filter/map/filter/sum: " << pipeline << '\n';
}
