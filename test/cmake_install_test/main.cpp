// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The installed package's smoke test: a pipeline and a parallel sort against their loops, and the
// version the headers announce against the one the build system installed (argv[1]). Built with
// CONSUMER_LIBRARY, it also calls a shared library of the consumer's that links fastiter.
#include <fastiter/fastiter.hpp>
#include <fastiter/sort.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#if defined(CONSUMER_LIBRARY)
#include "library.hpp"
#else
long sum_of_multiples_of_3(long n)
{
    long sum = 0;
    for (long x = 0; x < n; x += 3)
        sum += x;
    return sum;
}
#endif

int main(int argc, char** argv)
{
    namespace fi = fastiter;
    const long n = 1'000'000;
    const long parallel = fi::par_range(0L, n).filter([](long x) { return x % 3 == 0; }).map([](long x) { return x * x; }).sum();
    long loop = 0, multiples = 0;
    for (long x = 0; x < n; x += 3) {
        loop += x * x;
        multiples += x;
    }
    const bool library_ok = sum_of_multiples_of_3(n) == multiples;

    std::vector<int> values(100'000);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = int((i * 7919) % 100'003);
    std::vector<int> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    fi::par_sort(values);

    const bool version_ok = argc < 2 || std::strcmp(argv[1], FASTITER_VERSION_STRING) == 0;
    std::printf("fastiter %s on %zu threads: sum %s, sort %s, library %s, version %s\n", FASTITER_VERSION_STRING,
                fi::num_threads(), parallel == loop ? "ok" : "WRONG", values == sorted ? "ok" : "WRONG",
                library_ok ? "ok" : "WRONG", version_ok ? "ok" : "WRONG");
    return parallel == loop && values == sorted && library_ok && version_ok ? 0 : 1;
}
