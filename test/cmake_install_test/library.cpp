// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// A consumer's own shared library with fastiter inside: the installed static library must be
// position-independent for this to link.
#include "library.hpp"

#include <fastiter/fastiter.hpp>

long sum_of_multiples_of_3(long n)
{
    return fastiter::par_range(0L, n).filter([](long x) { return x % 3 == 0; }).sum();
}
