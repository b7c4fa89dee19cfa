// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Choosing threads: the default pool, FASTITER_NUM_THREADS, and a pool of your own.
#include <fastiter/fastiter.hpp>

#include <boost/asio/thread_pool.hpp>
#include "example_options.hpp"

#include <boost/program_options.hpp>

#include <iostream>

namespace fi = fastiter;
namespace po = boost::program_options;

int main(int argc, char** argv)
{
    std::size_t threads = 2;
    long n = 1'000'000;
    po::options_description options("thread_config: where fastiter's threads come from");
    options.add_options()("threads", po::value(&threads)->default_value(threads),
                                                     "threads for the default pool")(
        "n", po::value(&n)->default_value(n), "input size");
    if (const auto exit_status = example::parse_command_line(argc, argv, options))
        return *exit_status;

    // Before any set_num_threads: FASTITER_NUM_THREADS if set, else the CPU count.
    std::cout << "default pool: " << fi::num_threads() << " threads\n";

    fi::set_num_threads(threads);
    std::cout << "after set_num_threads(" << threads << "): " << fi::num_threads() << " threads, sum "
              << fi::par_range(0L, n).sum() << '\n';

    // A pool of one's own, used only inside install().
    fi::thread_pool three(3);
    const long s = three.install([&] {
        std::cout << "inside install: " << fi::num_threads() << " threads\n";
        return fi::par_range(0L, n).sum();
    });

    // Or the application's own Asio pool, borrowed: fastiter occupies at most 1 of its threads.
    boost::asio::thread_pool app_pool(2);
    {
        fi::thread_pool borrowed(app_pool, 2);
        std::cout << "on the application's pool: sum " << borrowed.install([&] { return fi::par_range(0L, n).sum(); })
                  << '\n';
    }
    app_pool.join();
    std::cout << "own pool: sum " << s << '\n';
}
