// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// --plot: speedup against input size and against threads, drawn by gnuplot.
#pragma once

#include "runner.hpp"

#include <string>

namespace bench {

// Draws the PNG and returns what to tell the user: where it went, or why there is no plot
// (gnuplot missing: Debian's gnuplot-nox provides it).
std::string draw_plot(const run_results& results, const std::string& png_path);

}  // namespace bench
