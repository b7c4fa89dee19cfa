// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The command line: what to run, how often, and where the results go.
#pragma once

#include "contenders.hpp"
#include "workloads.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace bench {

enum class output_format { table, csv, json };

struct bench_options {
    std::vector<std::size_t> threads;
    std::vector<const workload*> workloads;
    std::vector<long> sweep_sizes;
    bool sizes_given = false;  // --sizes on the command line: n for every workload, not only sweeps
    std::vector<const contender_entry*> contenders;  // as asked, compiled-out ones included
    int rounds = 20;
    int reps = 3;
    int busy_probe_ms = 0;  // --busy: each worker also counts its busy threads for this long
    output_format format = output_format::table;
    std::string output_file;  // empty: stdout
    std::string plot_file;    // empty: no plot
    bool verbose = false;
    std::optional<std::string> worker;  // set in a worker process: its spec
    std::string command_line;           // as typed, for the report
};

// nullopt when the command was --help, --list or --build-info (answered on stdout). Throws
// std::invalid_argument (or a Boost.Program_options error) for a bad command line.
std::optional<bench_options> parse_options(int argc, char** argv);

}  // namespace bench
