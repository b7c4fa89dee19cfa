// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The kernel zoo: small pipelines over every kind of source, each against the loop a user
// would write for it, so that a leaf loop that compiles worse than the hand loop shows.
#pragma once

#include "workloads.hpp"

#include <span>

namespace bench {

// One cell's two kernels: the plain loop (the seq contender) and the fastiter pipeline (the
// fastiter contenders; par_range cells are spelled fluent, the others as a range source).
struct zoo_kernels {
    kernel hand;
    kernel fastiter;
};

// Every cell: source x element function x terminal, named zoo.<source>.<function>.<terminal>.
std::span<const workload> zoo_workloads();

}  // namespace bench
