// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Helper for test_config: prints fastiter::num_threads() as the process starts, so that the test
// can run it with FASTITER_NUM_THREADS set to each value and read the result and the warnings.
// With an argument n, it first calls fastiter::set_num_threads(n) (which wins over the variable).
#include <fastiter/fastiter.hpp>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv)
{
    if (argc > 1)
        fastiter::set_num_threads(std::size_t(std::strtoul(argv[1], nullptr, 10)));
    std::cout << fastiter::num_threads() << std::endl;
    // A small operation on the default pool, to show it works with that setting. It is too
    // short to fork, so even the capped 1024 does not start a thousand threads here.
    return fastiter::par_range(0, 10).sum() == 45 ? EXIT_SUCCESS : EXIT_FAILURE;
}
