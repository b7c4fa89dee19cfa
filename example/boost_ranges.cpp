// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Boost.Range on the input side, fastiter on the parallel side, in one pipe.
#include "example_options.hpp"

#include <fastiter/fastiter.hpp>

#include <boost/range/adaptor/filtered.hpp>
#include <boost/range/adaptor/transformed.hpp>
#include <boost/range/irange.hpp>

#include <iostream>
#include <vector>

namespace fi = fastiter;
namespace po = boost::program_options;

int main(int argc, char** argv)
{
    long n = 1'000'000;
    po::options_description options("boost_ranges: Boost.Range adaptors feeding fastiter's");
    options.add_options()("n", po::value(&n)->default_value(n), "input size");
    if (const auto exit_status = example::parse_command_line(argc, argv, options))
        return *exit_status;

    std::vector<long> readings(static_cast<std::size_t>(n));
    for (long i = 0; i < n; ++i)
        readings[std::size_t(i)] = (i * 7919) % 10'007 - 5'000;

    // boost::adaptors::filtered is forward-only: fastiter walks it once to record where its
    // elements are, then splits that record. transformed over a vector stays random access.
    auto positive = readings | boost::adaptors::filtered([](long r) { return r > 0; });
    const long total = positive | fi::par_map([](long r) { return r * r; }) | fi::par_sum;

    auto scaled = readings | boost::adaptors::transformed([](long r) { return r * 3; });
    const auto hottest = scaled | fi::par_max;

    const std::size_t multiples = boost::irange(0L, n) | fi::par_filter([](long i) { return i % 7 == 0; }) | fi::par_count;

    long expected = 0;
    for (long r : positive)
        expected += r * r;
    std::cout << "sum of squares of positive readings: " << total << " (loop: " << expected << ")\n"
              << "hottest scaled reading: " << *hottest << "\nmultiples of 7 below n: " << multiples << '\n';
    return total == expected ? 0 : 1;
}
