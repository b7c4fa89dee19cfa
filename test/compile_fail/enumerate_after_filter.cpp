// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Must not compile: enumerate after filter. filter drops the positions enumerate numbers; the
// static_assert names enumerate and the fix, as the first error. Built by CMake's
// cf_enumerate_after_filter (compile_fail/check.cmake matches the compiler's output against each
// `expect:` line, a CMake regex) and b2's compile-fail rule. FASTITER_COMPILE_FAIL_CONTROL
// applies the fix, which must compile.
// expect: fastiter: enumerate needs positions
// expect: which filter, filter_map, flat_map and fold drop
// expect: apply it before those stages, or collect\(\) first
#include <fastiter/fastiter.hpp>

#include <vector>

int main()
{
    const std::vector<int> values{1, 2, 3, 4, 5};
    auto is_odd = [](int x) { return x % 2 != 0; };
#ifdef FASTITER_COMPILE_FAIL_CONTROL
    const auto odd_with_positions =
        fastiter::into_par_iter(values).enumerate().filter([&](const auto& p) { return is_odd(p.second); });
#else
    const auto odd_with_positions = fastiter::into_par_iter(values).filter(is_odd).enumerate();
#endif
    return int(odd_with_positions.count());
}
