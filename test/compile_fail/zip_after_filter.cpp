// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Must not compile: zip after filter, in the pipe spelling. filter drops the positions zip pairs
// elements by; the static_assert names zip and the fix. Built by CMake's cf_zip_after_filter
// (compile_fail/check.cmake matches the compiler's output against each `expect:` line, a CMake
// regex) and b2's compile-fail rule. FASTITER_COMPILE_FAIL_CONTROL applies the fix, which must
// compile.
// expect: fastiter: zip needs positions on both sides
// expect: which filter, filter_map, flat_map and fold drop
// expect: zip before those stages, or collect\(\) first
#include <fastiter/fastiter.hpp>

#include <vector>

int main()
{
    const std::vector<int> values{1, 2, 3, 4, 5};
    const std::vector<char> letters{'a', 'b', 'c', 'd', 'e'};
    auto is_odd = [](int x) { return x % 2 != 0; };
#ifdef FASTITER_COMPILE_FAIL_CONTROL
    const auto pairs = values | fastiter::par_zip(letters) |
                       fastiter::par_filter([&](const auto& p) { return is_odd(p.first); }) | fastiter::par_count;
#else
    const auto pairs = values | fastiter::par_filter(is_odd) | fastiter::par_zip(letters) | fastiter::par_count;
#endif
    return int(pairs);
}
