// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Must not compile: a scope task that takes an int. The static_assert says which signatures a
// task may have. Built by CMake's cf_spawn_with_an_argument (compile_fail/check.cmake) and b2's
// compile-fail rule. FASTITER_COMPILE_FAIL_CONTROL captures the value instead, which must compile.
// expect: fastiter::scope_handle::spawn: a task is called with no argument
// expect: or with a fastiter::scope_handle& \(to spawn more tasks\)
#include <fastiter/fastiter.hpp>

#include <atomic>

int main()
{
    std::atomic<int> sum{0};
    fastiter::scope([&](fastiter::scope_handle& s) {
#ifdef FASTITER_COMPILE_FAIL_CONTROL
        s.spawn([&sum] { sum += 1; });
#else
        s.spawn([&sum](int v) { sum += v; });
#endif
    });
    return sum.load();
}
