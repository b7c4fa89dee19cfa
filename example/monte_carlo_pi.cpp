// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Monte Carlo pi: each sample's random point comes from its index alone, so the count of hits
// (an integer) is the same at any thread count, and so is the estimate.
#include "example_options.hpp"

#include <fastiter/fastiter.hpp>

#include <cstdint>
#include <iostream>

namespace fi = fastiter;
namespace po = boost::program_options;

// SplitMix64: a fast, well-mixed hash, used as a counter-based generator.
std::uint64_t splitmix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

bool inside_circle(std::uint64_t sample, std::uint64_t seed)
{
    const double scale = 1.0 / double(1ULL << 53);
    const double x = double(splitmix64(seed ^ (2 * sample)) >> 11) * scale;
    const double y = double(splitmix64(seed ^ (2 * sample + 1)) >> 11) * scale;
    return x * x + y * y <= 1.0;
}

int main(int argc, char** argv)
{
    std::uint64_t samples = 10'000'000, seed = 2026;
    po::options_description options("monte_carlo_pi: estimate pi from random points in the unit square");
    options.add_options()("n", po::value(&samples)->default_value(samples), "number of samples")(
        "seed", po::value(&seed)->default_value(seed), "random seed");
    if (const auto exit_status = example::parse_command_line(argc, argv, options))
        return *exit_status;

    const std::size_t hits = fi::par_range(std::uint64_t{0}, samples)
                                 .filter([seed](std::uint64_t i) { return inside_circle(i, seed); })
                                 .count();
    std::cout << "hits " << hits << " of " << samples << ": pi ~ " << 4.0 * double(hits) / double(samples)
              << " (" << fi::num_threads() << " threads; the same count at any thread count)\n";
}
