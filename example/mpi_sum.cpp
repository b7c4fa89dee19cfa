// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// FastIter's expensive computation across MPI ranks, each rank using its own thread pool:
//   mpirun -n 2 ./mpi_sum --n 200000            (one rank per core, one thread each)
//   mpirun -n 2 --hostfile hosts ./mpi_sum      (one rank per machine, all its cores)
#include <fastiter/mpi.hpp>

#include "example_options.hpp"

#include <boost/mpi/environment.hpp>
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
    // fastiter's workers never call MPI: only this thread does.
    boost::mpi::environment environment(argc, argv, boost::mpi::threading::funneled);
    boost::mpi::communicator world;

    long n = 200'000;
    po::options_description options("mpi_sum: a parallel map-sum across MPI ranks");
    options.add_options()("n", po::value(&n)->default_value(n), "input size");
    if (const auto exit_status = example::parse_command_line(argc, argv, options))
        return *exit_status;

    const auto start = std::chrono::steady_clock::now();
    // Each rank maps and sums its block of [0, n); the sum combines the blocks in one all_reduce.
    const long total = fi::mpi::par_range(world, 0L, n).map(expensive_computation).sum();
    const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;

    if (world.rank() == 0) {
        std::cout << "sum " << total << " in " << elapsed.count() << " ms on " << world.size() << " ranks x "
                  << fi::num_threads() << " threads\n";
        // The same pipeline in this process alone gives the same answer.
        if (total != fi::par_range(0L, n).map(expensive_computation).sum()) {
            std::cout << "differs from the single-process sum\n";
            return 1;
        }
    }
    return 0;
}
