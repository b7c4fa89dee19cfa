// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "worker.hpp"

#include "contenders.hpp"
#include "workloads.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <stdexcept>

namespace bench {

namespace {

using clock = std::chrono::steady_clock;

// Calls are repeated in a batch until one batch takes this long, so that calls of a few
// nanoseconds are timed as per-call averages rather than as clock resolution.
constexpr auto batch_target = std::chrono::milliseconds(1);
constexpr long max_batch = long(1) << 26;
// No further repetition once this much has been timed: for long calls the rounds across
// processes give the best-of anyway, and the machine is shared.
constexpr auto long_call_budget = std::chrono::milliseconds(10);

// Every result lands here, so no call can be optimised away.
volatile long sink = 0;

template <class Number>
Number parse_number(std::string_view field, std::string_view value)
{
    Number number{};
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end != value.data() + value.size())
        throw std::invalid_argument("worker spec: bad number for " + std::string(field) + ": '" +
                                    std::string(value) + "'");
    return number;
}

// CPU time of all this process's threads, in nanoseconds.
double process_cpu_ns()
{
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e9 + double(now.tv_nsec);
}

// Calls the kernel for at least `duration` and returns CPU time / wall time meanwhile.
double busy_threads_over(kernel work, const workload_input& input, std::chrono::milliseconds duration)
{
    const double cpu_before = process_cpu_ns();
    const auto start = clock::now();
    do
        sink = work(input);
    while (clock::now() - start < duration);
    const double wall_ns = std::chrono::duration<double, std::nano>(clock::now() - start).count();
    return (process_cpu_ns() - cpu_before) / wall_ns;
}

double batch_ns(kernel work, const workload_input& input, long batch)
{
    const auto start = clock::now();
    for (long call = 0; call < batch; ++call)
        sink = work(input);
    return std::chrono::duration<double, std::nano>(clock::now() - start).count();
}

}  // namespace

std::string format_worker_spec(const worker_spec& spec)
{
    std::string history;
    for (const long size : spec.history)
        history += (history.empty() ? ",history=" : ":") + std::to_string(size);
    return "contender=" + spec.contender + ",workload=" + spec.workload + ",n=" + std::to_string(spec.n) +
           ",threads=" + std::to_string(spec.threads) + ",reps=" + std::to_string(spec.reps) +
           ",busy_probe_ms=" + std::to_string(spec.busy_probe_ms) + history;
}

worker_spec parse_worker_spec(std::string_view text)
{
    worker_spec spec;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        const auto equals = item.find('=');
        if (equals == std::string_view::npos)
            throw std::invalid_argument("worker spec: expected key=value, got '" + std::string(item) + "'");
        const auto key = item.substr(0, equals);
        const auto value = item.substr(equals + 1);
        if (key == "contender")
            spec.contender = value;
        else if (key == "workload")
            spec.workload = value;
        else if (key == "n")
            spec.n = parse_number<long>(key, value);
        else if (key == "threads")
            spec.threads = parse_number<std::size_t>(key, value);
        else if (key == "reps")
            spec.reps = parse_number<int>(key, value);
        else if (key == "busy_probe_ms")
            spec.busy_probe_ms = parse_number<int>(key, value);
        else if (key == "history")
            for (std::string_view rest = value; !rest.empty();) {
                const auto colon = rest.find(':');
                spec.history.push_back(parse_number<long>(key, rest.substr(0, colon)));
                rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
            }
        else
            throw std::invalid_argument("worker spec: unknown key '" + std::string(key) + "'");
    }
    if (spec.threads == 0 || spec.reps < 1 || spec.n < 1)
        throw std::invalid_argument("worker spec: n, threads and reps must be at least 1");
    return spec;
}

std::string format_worker_result(const worker_result& result)
{
    char line[200];
    std::snprintf(line, sizeof line, "result ns_per_call=%.3f batch=%ld checksum=%ld busy_threads=%.3f",
                  result.ns_per_call, result.batch, result.checksum, result.busy_threads);
    return line;
}

std::optional<worker_result> parse_worker_result(std::string_view line)
{
    worker_result result;
    std::string text(line);
    if (std::sscanf(text.c_str(), "result ns_per_call=%lf batch=%ld checksum=%ld busy_threads=%lf", &result.ns_per_call,
                    &result.batch, &result.checksum, &result.busy_threads) != 4)
        return std::nullopt;
    return result;
}

int run_worker(const worker_spec& spec)
{
    const auto* entry = find_contender(spec.contender);
    const auto* chosen = find_workload(spec.workload);
    if (!entry || !entry->built || !chosen) {
        std::cerr << "fastiter-bench worker: no such contender or workload in this build: "
                  << format_worker_spec(spec) << "\n";
        return 2;
    }
    const kernel work = kernel_for(*entry->built, *chosen);
    if (!work) {
        std::cerr << "fastiter-bench worker: " << spec.contender << " has no " << spec.workload << "\n";
        return 2;
    }
    // A history calls the workload at other sizes first, on the leading part of one input.
    long largest = spec.n;
    for (const long size : spec.history)
        largest = std::max(largest, size);
    const auto built = build_input(*chosen, largest);
    auto input_of = [&](long size) {
        workload_input in = built->input;
        in.n = size;
        in.data = in.data.first(std::size_t(size));
        return in;
    };
    const auto threads = entry->built->start(spec.threads);
    constexpr int history_calls = 3;
    for (const long size : spec.history) {
        const auto earlier = input_of(size);
        for (int call = 0; call < history_calls; ++call)
            sink = work(earlier);
    }
    const workload_input input = input_of(spec.n);

    // The first call starts the runtime's threads and faults pages in: too slow to calibrate
    // on. The calls after it warm caches and branch predictors while finding the batch size.
    sink = work(input);
    const double target_ns = std::chrono::duration<double, std::nano>(batch_target).count();
    long batch = 1;
    double ns = batch_ns(work, input, batch);
    while (ns < target_ns && batch < max_batch) {
        batch *= 2;
        ns = batch_ns(work, input, batch);
    }

    // The batch that reached the target ran warm and is timed like the rest: repetition 1.
    worker_result result;
    result.ns_per_call = ns / double(batch);
    result.batch = batch;
    double timed_ns = ns;
    const double budget_ns = std::chrono::duration<double, std::nano>(long_call_budget).count();
    for (int rep = 2; rep <= spec.reps && timed_ns < budget_ns; ++rep) {
        ns = batch_ns(work, input, batch);
        result.ns_per_call = std::min(result.ns_per_call, ns / double(batch));
        timed_ns += ns;
    }
    result.checksum = sink;
    if (spec.busy_probe_ms > 0)
        result.busy_threads = busy_threads_over(work, input, std::chrono::milliseconds(spec.busy_probe_ms));
    std::cout << format_worker_result(result) << std::endl;
    return 0;
}

}  // namespace bench
