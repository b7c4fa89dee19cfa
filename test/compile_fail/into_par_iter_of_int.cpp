// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Must not compile: into_par_iter of an int. The static_assert says the argument is not a range
// and what to pass instead. Built by CMake's cf_into_par_iter_of_int (compile_fail/check.cmake
// matches the compiler's output against each `expect:` line, a CMake regex) and b2's
// compile-fail rule. FASTITER_COMPILE_FAIL_CONTROL passes a range, which must compile.
// expect: fastiter::into_par_iter: the argument is not a range
// expect: Pass a container, a plain array, a std::ranges view, a Boost.Range range or a fastiter parallel iterator
#include <fastiter/fastiter.hpp>

#include <vector>

int main()
{
#ifdef FASTITER_COMPILE_FAIL_CONTROL
    fastiter::into_par_iter(std::vector<int>{3});
#else
    fastiter::into_par_iter(3);
#endif
}
