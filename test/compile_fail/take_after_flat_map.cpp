// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Must not compile: take after flat_map. flat_map's output has no positions to count by; the
// static_assert names take and the fix, as the first error. Built by CMake's
// cf_take_after_flat_map (compile_fail/check.cmake matches the compiler's output against each
// `expect:` line, a CMake regex) and b2's compile-fail rule. FASTITER_COMPILE_FAIL_CONTROL
// applies the fix (collect first), which must compile.
// expect: fastiter: take needs positions
// expect: which filter, filter_map, flat_map and fold drop
// expect: or collect\(\) first and start again from the vector
#include <fastiter/fastiter.hpp>

#include <cstddef>
#include <vector>

int main()
{
    const std::vector<int> values{1, 2, 3};
    auto repeated = [](int x) { return std::vector<int>(static_cast<std::size_t>(x), x); };
#ifdef FASTITER_COMPILE_FAIL_CONTROL
    const auto first_three = fastiter::into_par_iter(fastiter::into_par_iter(values).flat_map(repeated).collect()).take(3);
#else
    const auto first_three = fastiter::into_par_iter(values).flat_map(repeated).take(3);
#endif
    return int(first_three.sum());
}
