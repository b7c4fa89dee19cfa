// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Must not compile: par_sort of a std::list. The static_assert says random access is needed and
// what to do instead. Built by CMake's cf_par_sort_of_list (compile_fail/check.cmake matches the
// compiler's output against each `expect:` line, a CMake regex) and b2's compile-fail rule.
// FASTITER_COMPILE_FAIL_CONTROL sorts a copy in a std::vector, which must compile.
// expect: fastiter::par_sort and par_stable_sort need random-access iterators
// expect: sort a std::list with list::sort, or copy into a std::vector
#include <fastiter/fastiter.hpp>

#include <list>
#include <vector>

int main()
{
    std::list<int> values{3, 1, 2};
#ifdef FASTITER_COMPILE_FAIL_CONTROL
    std::vector<int> copy(values.begin(), values.end());
    fastiter::par_sort(copy);
    return copy.front();
#else
    fastiter::par_sort(values);
    return values.front();
#endif
}
