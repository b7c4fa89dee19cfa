// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// What the machine was doing during a run. The cores are shared: other sessions' processes
// (invisible from here) and the hypervisor's other guests ("steal") take time that explains
// ratios nothing in the code does.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace bench {

// What happened on the machine between a meter's start and its reading.
struct machine_load {
    double stolen_fraction = 0;  // share of all CPU time the hypervisor gave elsewhere
    double other_cores = 0;      // cores kept busy, on average, by processes not of this run
};

// Starts at construction; read() compares /proc/stat's busy and stolen time with this
// process's own CPU time (itself and its finished workers).
class load_meter {
public:
    load_meter();
    // nullopt where /proc/stat cannot be read (not Linux, or no /proc). partner_cpu_seconds:
    // what processes of this run that are not this one's children spent (other MPI ranks).
    std::optional<machine_load> read(double partner_cpu_seconds = 0) const;

private:
    struct snapshot {
        unsigned long long total_ticks = 0, busy_ticks = 0, stolen_ticks = 0;
        double own_cpu_seconds = 0;
        std::chrono::steady_clock::time_point when;
        bool valid = false;
    };
    static snapshot take();
    snapshot start_;
};

// CPU time of this process and its finished children, in seconds.
double process_cpu_seconds();

// "AMD EPYC" from /proc/cpuinfo's first model name, or "unknown CPU".
std::string cpu_model();

}  // namespace bench
