// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::progress_bar: a ready callback for progress(), drawing a bar on stderr.
#pragma once

#include <fastiter/detail/export.hpp>

#include <cstddef>
#include <functional>

namespace fastiter {

// A callback for `.progress(...)` / `| par_progress(...)` that redraws a one-line bar on
// stderr when stderr is a terminal, and does nothing otherwise.
FASTITER_DECL std::function<void(std::size_t done, std::size_t total)> progress_bar();

}  // namespace fastiter
