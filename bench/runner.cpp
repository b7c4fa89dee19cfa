// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "runner.hpp"

#include "spawn.hpp"
#include "worker.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <sstream>
#include <unistd.h>

namespace bench {

namespace {

using clock = std::chrono::steady_clock;

// A progress line on stderr, shown only once the run has taken a couple of seconds: on a
// terminal one line rewritten in place, elsewhere (a log) a line every few seconds.
class progress_line {
public:
    explicit progress_line(std::size_t total) : total_(total), interactive_(::isatty(STDERR_FILENO) != 0) {}

    void update(std::size_t done, const std::string& what)
    {
        const double elapsed = seconds_since(start_);
        if (elapsed < 2.0 || (!interactive_ && seconds_since(last_) < 5.0))
            return;
        last_ = clock::now();
        const double left = done ? elapsed * double(total_ - done) / double(done) : 0;
        std::fprintf(stderr, "%s[%zu/%zu] %s  %.0fs elapsed, ~%.0fs left%s", interactive_ ? "\r\033[K" : "", done,
                     total_, what.c_str(), elapsed, left, interactive_ ? "" : "\n");
        shown_ = true;
    }

    // Wipes the line, so that other output to stderr starts on a clean line.
    void clear()
    {
        if (shown_ && interactive_)
            std::fprintf(stderr, "\r\033[K");
    }

    ~progress_line() { clear(); }

private:
    static double seconds_since(clock::time_point t) { return std::chrono::duration<double>(clock::now() - t).count(); }

    std::size_t total_;
    bool interactive_;
    bool shown_ = false;
    clock::time_point start_ = clock::now();
    clock::time_point last_ = start_;
};

std::vector<cell_result> plan_cells(const bench_options& options, const std::vector<const contender*>& runnable)
{
    std::vector<cell_result> cells;
    for (const auto threads : options.threads)
        for (const auto* work : options.workloads)
            for (const long n : work->sweep || options.sizes_given ? options.sweep_sizes
                                                                   : std::vector<long>{work->default_n}) {
                cell_result cell{work, n, threads, {}, std::nullopt};
                for (const auto* c : runnable) {
                    measurement m;
                    m.contender = c->name;
                    m.applicable = kernel_for(*c, *work) != nullptr;
                    cell.by_contender.push_back(m);
                }
                cells.push_back(std::move(cell));
            }
    return cells;
}

// The contender's worker settings, but those the user's environment already decides.
environment_settings worker_environment(std::string_view contender)
{
    const auto* entry = find_contender(contender);
    std::istringstream settings(std::string(entry && entry->built ? entry->built->worker_environment : ""));
    environment_settings environment;
    for (std::string setting; settings >> setting;) {
        const auto equals = setting.find('=');
        if (equals == std::string::npos)
            continue;
        auto name = setting.substr(0, equals);
        if (!std::getenv(name.c_str()))
            environment.emplace_back(std::move(name), setting.substr(equals + 1));
    }
    return environment;
}

void measure_once(const cell_result& cell, measurement& m, const bench_options& options)
{
    const worker_spec spec{std::string(m.contender), std::string(cell.work->name), cell.n, cell.threads, options.reps,
                           options.busy_probe_ms, history_before(*cell.work, cell.n, options.sweep_sizes)};
    const auto outcome = run_self({"--worker", format_worker_spec(spec)}, worker_environment(m.contender));
    const auto result = parse_worker_result(outcome.standard_output);
    if (outcome.exit_status != 0 || !result) {
        m.failure = outcome.signal ? "worker killed by signal " + std::to_string(outcome.signal)
                                   : "worker exited with status " + std::to_string(outcome.exit_status);
        return;
    }
    if (m.measured() && result->checksum != m.checksum)
        m.failure = "checksum changed between rounds";
    if (result->ns_per_call < m.best_ns) {
        m.best_ns = result->ns_per_call;
        m.batch = result->batch;
        m.busy_threads = result->busy_threads;
    }
    m.checksum = result->checksum;
    m.round_ns.push_back(result->ns_per_call);
    ++m.rounds;
}

void print_cell(const cell_result& cell)
{
    std::fprintf(stderr, "  %s n=%ld threads=%zu", std::string(cell.work->name).c_str(), cell.n, cell.threads);
    if (cell.load)
        std::fprintf(stderr, " (meanwhile other processes kept %.2f cores busy, %.0f%% stolen)", cell.load->other_cores,
                     cell.load->stolen_fraction * 100);
    std::fprintf(stderr, ":");
    for (const auto& m : cell.by_contender) {
        if (!m.measured())
            continue;
        std::fprintf(stderr, "  %s %.1f ns (batch %ld, %d rounds", std::string(m.contender).c_str(), m.best_ns, m.batch,
                     m.rounds);
        if (std::isfinite(m.busy_threads))
            std::fprintf(stderr, ", %.2f threads busy", m.busy_threads);
        std::fprintf(stderr, ")");
    }
    std::fprintf(stderr, "\n");
}

}  // namespace

run_results run_benchmark(const bench_options& options)
{
    run_results results;
    std::vector<const contender*> runnable;
    for (const auto* entry : options.contenders) {
        if (entry->built) {
            runnable.push_back(entry->built);
            results.contenders.push_back(entry->name);
        } else {
            results.skipped.push_back(std::string(entry->name) + ": skipped, " + std::string(entry->skip_reason));
        }
    }
    results.cells = plan_cells(options, runnable);

    std::size_t total = 0, done = 0;
    for (const auto& cell : results.cells)
        for (const auto& m : cell.by_contender)
            total += m.applicable ? std::size_t(options.rounds) : 0;
    const auto start = clock::now();
    const load_meter run_load;
    results.cpu = cpu_model();
    {
        progress_line progress(total);
        for (auto& cell : results.cells) {
            const load_meter cell_load;
            for (int round = 1; round <= options.rounds; ++round)
                for (auto& m : cell.by_contender) {
                    if (!m.applicable)
                        continue;
                    if (m.failure.empty())
                        measure_once(cell, m, options);
                    progress.update(++done, std::string(cell.work->name) + " n=" + std::to_string(cell.n) +
                                                " threads=" + std::to_string(cell.threads) + " round " +
                                                std::to_string(round) + " " + std::string(m.contender));
                }
            cell.load = cell_load.read();
            if (options.verbose) {
                progress.clear();
                print_cell(cell);
            }
        }
    }
    results.seconds = std::chrono::duration<double>(clock::now() - start).count();
    results.load = run_load.read();
    return results;
}

}  // namespace bench
