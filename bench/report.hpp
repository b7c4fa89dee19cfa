// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// What a run found, in three formats: an aligned table for people, csv and json for tools.
#pragma once

#include "options.hpp"
#include "runner.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace bench {

// Sequential time / contender time; NaN when either has no time.
double speedup(const cell_result& cell, const measurement& m);

// The table's heading for a contender ("fastiter", "OpenMP", ...).
std::string_view heading_of(std::string_view contender);

// Remarks a reader must see beside the numbers: skipped contenders, failures, checksum
// mismatches, ratios above the thread count, 1-thread overhead, non-linear sweeps.
std::vector<std::string> make_notes(const run_results& results, const bench_options& options);

// The sequential sweep times against n, for --verbose: a sum that does not grow linearly
// with n was folded away by the compiler or measured something else.
std::vector<std::string> linearity_report(const run_results& results);

void write_report(std::ostream& out, const run_results& results, const std::vector<std::string>& notes,
                  const bench_options& options);

}  // namespace bench
