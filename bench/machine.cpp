// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "machine.hpp"

#include <algorithm>
#include <fstream>
#include <sys/resource.h>
#include <unistd.h>

namespace bench {

namespace {

double seconds_of(const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; }

}  // namespace

load_meter::load_meter() : start_(take()) {}

double process_cpu_seconds()
{
    rusage self{}, children{};
    ::getrusage(RUSAGE_SELF, &self);
    ::getrusage(RUSAGE_CHILDREN, &children);
    return seconds_of(self.ru_utime) + seconds_of(self.ru_stime) + seconds_of(children.ru_utime) +
           seconds_of(children.ru_stime);
}

load_meter::snapshot load_meter::take()
{
    snapshot now;
    now.when = std::chrono::steady_clock::now();
    now.own_cpu_seconds = process_cpu_seconds();
    std::ifstream stat("/proc/stat");
    std::string label;
    // user nice system idle iowait irq softirq steal (guest time is already inside user).
    unsigned long long field[8] = {};
    if (!(stat >> label) || label != "cpu")
        return now;
    for (auto& value : field)
        if (!(stat >> value))
            return now;
    for (const auto value : field)
        now.total_ticks += value;
    now.stolen_ticks = field[7];
    now.busy_ticks = now.total_ticks - field[3] - field[4] - field[7];
    now.valid = true;
    return now;
}

std::optional<machine_load> load_meter::read(double partner_cpu_seconds) const
{
    const auto now = take();
    const double wall = std::chrono::duration<double>(now.when - start_.when).count();
    if (!start_.valid || !now.valid || now.total_ticks == start_.total_ticks || wall <= 0)
        return std::nullopt;
    const double tick = 1.0 / double(::sysconf(_SC_CLK_TCK));
    const double busy_seconds = double(now.busy_ticks - start_.busy_ticks) * tick;
    const double own_seconds = now.own_cpu_seconds - start_.own_cpu_seconds + partner_cpu_seconds;
    machine_load load;
    load.stolen_fraction = double(now.stolen_ticks - start_.stolen_ticks) / double(now.total_ticks - start_.total_ticks);
    load.other_cores = std::max(0.0, (busy_seconds - own_seconds) / wall);
    return load;
}

std::string cpu_model()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);)
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos)
                return line.substr(line.find_first_not_of(' ', colon + 1));
        }
    return "unknown CPU";
}

}  // namespace bench
