// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Built against fastiter's source tree (CMake add_subdirectory, b2 use-project): a pipeline in
// both spellings against its loop.
#include <fastiter/fastiter.hpp>

#include <cstdio>
#include <vector>

int main()
{
    namespace fi = fastiter;
    std::vector<long> values(500'000);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = long(i % 1000);
    const long fluent = fi::into_par_iter(values).map([](long x) { return 3 * x; }).filter([](long x) { return x % 2 == 0; }).sum();
    const long piped = values | fi::par_map([](long x) { return 3 * x; }) | fi::par_filter([](long x) { return x % 2 == 0; }) | fi::par_sum;
    long loop = 0;
    for (long x : values)
        if (3 * x % 2 == 0)
            loop += 3 * x;
    std::printf("fastiter %s: fluent %s, piped %s\n", FASTITER_VERSION_STRING, fluent == loop ? "ok" : "WRONG",
                piped == loop ? "ok" : "WRONG");
    return fluent == loop && piped == loop ? 0 : 1;
}
