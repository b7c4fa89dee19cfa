// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <thread>
#include <utility>

namespace bench {

namespace {

std::string describe(const cell_result& cell)
{
    return std::string(cell.work->name) + " (n=" + std::to_string(cell.n) + ", " + std::to_string(cell.threads) +
           (cell.threads == 1 ? " thread)" : " threads)");
}

std::string two_decimals(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

// A contender cannot beat the thread count by more than noise; above it, the sequential run
// was slowed by something the parallel run escaped. One line per cell, the cause once.
void note_superlinear(const cell_result& cell, std::vector<std::string>& notes)
{
    if (cell.threads < 2)
        return;
    const double limit = 1.05 * double(cell.threads);
    std::string offenders;
    for (const auto& m : cell.by_contender)
        if (const double ratio = speedup(cell, m); ratio > limit)
            offenders += (offenders.empty() ? "" : ", ") + std::string(m.contender) + " " + two_decimals(ratio) + "x";
    if (!offenders.empty())
        notes.push_back("artefact to explain, above " + two_decimals(limit) + "x: " + describe(cell) + ": " + offenders);
}

// Said once, after the artefacts it explains.
void explain_superlinear(std::vector<std::string>& notes)
{
    if (std::any_of(notes.begin(), notes.end(), [](const std::string& note) { return note.rfind("artefact", 0) == 0; }))
        notes.push_back("artefacts: suspect the sequential run before the contender: a working set that two "
                        "cores' caches hold but one core's does not (compare the sweep around that n), a "
                        "neighbour on its core during its rounds, or a frequency change");
}

void note_failures(const cell_result& cell, std::vector<std::string>& notes)
{
    const auto* baseline = cell.baseline();
    for (const auto& m : cell.by_contender) {
        if (!m.failure.empty())
            notes.push_back("failed: " + describe(cell) + ": " + std::string(m.contender) + ": " + m.failure);
        if (baseline && m.measured() && m.checksum != baseline->checksum)
            notes.push_back("WRONG RESULT: " + describe(cell) + ": " + std::string(m.contender) + " computed " +
                            std::to_string(m.checksum) + ", the sequential loop " + std::to_string(baseline->checksum));
    }
}

// At one thread every ratio is overhead: what the abstraction costs over the hand loop. Latency
// workloads are left out: against a call that returns at once, the ratio is a start-up cost.
void note_single_thread_overhead(const run_results& results, std::vector<std::string>& notes)
{
    std::map<std::string_view, std::vector<std::pair<double, std::string>>> ratios;
    for (const auto& cell : results.cells)
        if (cell.threads == 1 && !cell.work->latency)
            for (const auto& m : cell.by_contender)
                if (const double ratio = speedup(cell, m); m.contender != "seq" && std::isfinite(ratio))
                    ratios[m.contender].push_back({ratio, std::string(cell.work->name) + " n=" + std::to_string(cell.n)});
    for (auto& [contender, list] : ratios) {
        double log_sum = 0;
        for (const auto& entry : list)
            log_sum += std::log(entry.first);
        const auto worst = *std::min_element(list.begin(), list.end());
        notes.push_back("1 thread: " + std::string(contender) + " runs at " +
                        two_decimals(std::exp(log_sum / double(list.size()))) +
                        "x the hand loop (geometric mean; below 1 is abstraction overhead), worst " +
                        two_decimals(worst.first) + "x on " + worst.second);
    }
}

// On a shared virtual machine the cores come and go: say so, since it explains ratios that
// nothing in the code does.
void note_machine(const run_results& results, std::vector<std::string>& notes)
{
    if (results.load && (results.load->other_cores > 0.2 || results.load->stolen_fraction > 0.05))
        notes.push_back("the machine was shared: other processes kept " + two_decimals(results.load->other_cores) +
                        " cores busy on average and the hypervisor took " +
                        std::to_string(int(results.load->stolen_fraction * 100 + 0.5)) +
                        "% of the CPU time; ratios understate what the code can do, static schedules "
                        "(OpenMP, limit) most, since every call waits for its slowest thread");
    // expensive is compute-bound and splits evenly: with the cores free, every parallel
    // contender gets close to the thread count there.
    const auto hardware = std::max(1u, std::thread::hardware_concurrency());
    for (const auto& cell : results.cells) {
        if (cell.threads < 2 || cell.work->name != "expensive")
            continue;
        double best = 0;
        for (std::size_t c = 1; c < cell.by_contender.size(); ++c)
            if (const double ratio = speedup(cell, cell.by_contender[c]); ratio > best)
                best = ratio;
        const double cores = double(std::min<std::size_t>(cell.threads, hardware));
        if (best > 0 && best < 0.6 * cores)
            notes.push_back("at " + std::to_string(cell.threads) + " threads no contender reached " +
                            two_decimals(0.6 * cores) + "x on expensive (best " + two_decimals(best) +
                            "x), which every contender splits evenly: the machine gave fewer cores than asked");
    }
}

// A parallel contender whose process burnt no more than one core while timed never got a
// second thread going: on a call long enough to split, that is the scheduler's doing (or a
// neighbour's), and no tuning of the loop will show it.
void note_single_threaded(const run_results& results, std::vector<std::string>& notes)
{
    constexpr double splittable_ns = 100'000;
    std::map<std::pair<std::size_t, std::string_view>, std::string> idle;
    for (const auto& cell : results.cells) {
        const auto* baseline = cell.baseline();
        if (cell.threads < 2 || !baseline || baseline->best_ns < splittable_ns)
            continue;
        for (std::size_t c = 1; c < cell.by_contender.size(); ++c) {
            const auto& m = cell.by_contender[c];
            if (m.measured() && m.busy_threads < 1.15) {
                auto& list = idle[{cell.threads, m.contender}];
                list += (list.empty() ? "" : ", ") + std::string(cell.work->name) +
                        (cell.work->sweep ? " n=" + std::to_string(cell.n) : "");
            }
        }
    }
    for (const auto& [key, workloads] : idle)
        notes.push_back("one thread busy at " + std::to_string(key.first) + " threads (--busy: CPU time / wall time "
                        "below 1.15): " + std::string(key.second) + " on " + workloads);
}

const measurement* find(const cell_result& cell, std::string_view contender)
{
    for (const auto& m : cell.by_contender)
        if (m.contender == contender && m.measured())
            return &m;
    return nullptr;
}

// Each round times the contenders back to back, so a slow spell of the shared machine hits
// both sides of a pair there, where the best-of-rounds columns can pair one contender's worst
// spell with the other's best. `limit_ns(round's other time)` is what ours may take: the
// median of ours / limit over the rounds is at most 1 when the promise holds.
struct paired_rounds {
    double median = std::nan("");
    long within = 0;  // rounds where ours took no more than the limit
    std::size_t rounds = 0;
};

template <class Limit>
paired_rounds pair_rounds(const measurement& ours, const measurement& other, Limit limit_ns)
{
    std::vector<double> ratios;
    for (std::size_t round = 0; round < std::min(ours.round_ns.size(), other.round_ns.size()); ++round)
        if (const double limit = limit_ns(other.round_ns[round]); limit > 0)
            ratios.push_back(ours.round_ns[round] / limit);
    paired_rounds paired;
    if (ratios.empty())
        return paired;
    std::sort(ratios.begin(), ratios.end());
    const std::size_t half = ratios.size() / 2;
    paired.median = ratios.size() % 2 ? ratios[half] : (ratios[half - 1] + ratios[half]) / 2;
    paired.within = std::count_if(ratios.begin(), ratios.end(), [](double r) { return r <= 1; });
    paired.rounds = ratios.size();
    return paired;
}

paired_rounds pair_rounds(const measurement& ours, const measurement& other)
{
    return pair_rounds(ours, other, [](double ns) { return ns; });
}

// The peer is the one of omp and tbb with the better best time on that workload: a round's
// minimum of two peers would be biased low against one fastiter sample.
const measurement* better_peer(const cell_result& cell)
{
    const measurement* peer = nullptr;
    for (const auto* m : {find(cell, "omp"), find(cell, "tbb")})
        if (m && (!peer || m->best_ns < peer->best_ns))
            peer = m;
    return peer;
}

// A workload at its own size: --sizes can run `expensive` at n = 100, which is no large input.
bool large(const cell_result& cell)
{
    return !cell.work->sweep && !cell.work->latency && cell.n == cell.work->default_n;
}

void note_against_peers(const run_results& results, std::vector<std::string>& notes)
{
    for (const auto& cell : results.cells) {
        const auto* ours = find(cell, "fastiter-pipe");
        const auto* peer = better_peer(cell);
        if (cell.threads < 2 || !large(cell) || !ours || !peer)
            continue;
        if (const auto paired = pair_rounds(*ours, *peer); paired.rounds > 0)
            notes.push_back("round by round, fastiter-pipe's time / the best peer's (" + std::string(peer->contender) +
                            ") in the same round: " + describe(cell) + ": median " + two_decimals(paired.median) +
                            ", as fast or faster in " + std::to_string(paired.within) + " of " +
                            std::to_string(paired.rounds) + " rounds");
    }
}

// One line per performance promise (bench/README.md lists them), named by the promise, with
// every cell that misses it. Every line is judged on medians of per-round ratios but the one
// against `limit`, which compares best-of-rounds speedups because `limit` is the machine's
// best, not a peer timed alongside.
class promise_verdict {
public:
    explicit promise_verdict(std::string promise, std::string unjudged = "not measured in this run")
        : promise_(std::move(promise)), unjudged_(std::move(unjudged))
    {
    }

    void judge(const cell_result& cell, const paired_rounds& paired, std::string_view against)
    {
        if (paired.rounds == 0)
            return;
        if (paired.median <= 1)
            met();
        else
            miss(describe(cell) + " " + two_decimals(paired.median) +
                 (against.empty() ? "" : " (" + std::string(against) + ")"));
    }

    void met() { ++judged_; }

    void miss(const std::string& what)
    {
        ++judged_;
        misses_ += (misses_.empty() ? "" : "; ") + what;
    }

    std::string verdict() const
    {
        if (judged_ == 0)
            return promise_ + ": " + unjudged_;
        if (!misses_.empty())
            return promise_ + ": MISSED on " + misses_;
        return promise_ + (judged_ == 1 ? ": met on the one cell judged" : ": met on all " + std::to_string(judged_) + " cells");
    }

private:
    std::string promise_;
    std::string unjudged_;
    std::string misses_;
    int judged_ = 0;
};

void note_promises(const run_results& results, std::vector<std::string>& notes)
{
    // "At any n" allows a few nanoseconds of fixed cost; below this sequential time they would
    // be more than the 5% allowed on 1 thread, so the 1-thread verdict leaves those cells to
    // the "at any n" one (which judges the sweeps, where every small n is).
    constexpr double fixed_cost_ns = 30;
    constexpr double one_thread_from_ns = fixed_cost_ns / 0.05;
    promise_verdict peers("against OpenMP and oneTBB, large inputs: fastiter-pipe / the better of omp and tbb <= 1, "
                          "round-by-round median");
    promise_verdict limit_speedup("against the machine's limit, large inputs: fastiter-pipe >= 1.9x sequential "
                                  "wherever limit reached 1.9x",
                                  "limit (a static split over spinning threads) reached 1.9x on no large workload in "
                                  "this run, or did not run: the machine did not show it could give 1.9x");
    promise_verdict never_slower("at any n, within 10% or 30 ns of the loop: fastiter-pipe <= max(1.10 x sequential, "
                                 "sequential + 30 ns) at every n of the sweeps, as a round-by-round median of "
                                 "fastiter-pipe / that bound");
    promise_verdict one_thread("1 thread, within 5% of the loop: fastiter-pipe <= 1.05 x sequential, round-by-round "
                               "median, where sequential takes >= 600 ns (below that, the 30 ns allowed \"at any n\" "
                               "govern); shown: the ratio / 1.05");
    promise_verdict latency_and_shape("join latency and shape: join latency <= tbb's; irregular and nested <= 1.10 x "
                                      "tbb (round-by-round medians of the ratio to that bound)");
    for (const auto& cell : results.cells) {
        const auto* ours = find(cell, "fastiter-pipe");
        const auto* baseline = cell.baseline();
        // A failed or wrong cell is reported by note_failures and keeps no promise.
        if (!ours || !baseline || !ours->failure.empty() || ours->checksum != baseline->checksum)
            continue;
        const auto* peer = better_peer(cell);
        const auto* tbb = find(cell, "tbb");
        if (cell.threads >= 2 && large(cell) && peer)
            peers.judge(cell, pair_rounds(*ours, *peer), peer->contender);
        const auto* limit = find(cell, "limit");
        if (const double machine_gave = limit ? speedup(cell, *limit) : 0;
            cell.threads >= 2 && large(cell) && machine_gave >= 1.9) {
            if (const double ours_gave = speedup(cell, *ours); ours_gave >= 1.9)
                limit_speedup.met();
            else
                limit_speedup.miss(describe(cell) + " " + two_decimals(ours_gave) + "x (limit " +
                                   two_decimals(machine_gave) + "x)");
        }
        if (cell.work->sweep)
            never_slower.judge(cell, pair_rounds(*ours, *baseline, [](double ns) {
                                   return std::max(1.10 * ns, ns + fixed_cost_ns);
                               }), "");
        if (cell.threads == 1 && !cell.work->latency && baseline->best_ns >= one_thread_from_ns)
            one_thread.judge(cell, pair_rounds(*ours, *baseline, [](double ns) { return 1.05 * ns; }), "");
        if (cell.work->name == "join" && tbb)
            latency_and_shape.judge(cell, pair_rounds(*ours, *tbb), "tbb");
        if (cell.threads >= 2 && (cell.work->name == "irregular" || cell.work->name == "nested") && tbb)
            latency_and_shape.judge(cell, pair_rounds(*ours, *tbb, [](double ns) { return 1.10 * ns; }), "tbb");
    }
    for (const auto* promise : {&peers, &limit_speedup, &never_slower, &one_thread, &latency_and_shape})
        notes.push_back(promise->verdict());
}

}  // namespace

double speedup(const cell_result& cell, const measurement& m)
{
    const auto* baseline = cell.baseline();
    if (!baseline || !m.measured())
        return std::nan("");
    return baseline->best_ns / m.best_ns;
}

std::vector<std::string> linearity_report(const run_results& results)
{
    std::vector<std::string> lines;
    const cell_result* previous = nullptr;
    for (const auto& cell : results.cells) {
        if (!cell.work->sweep || !cell.baseline())
            continue;
        const bool continues = previous && previous->work == cell.work && previous->threads == cell.threads;
        char line[200];
        const double ns = cell.baseline()->best_ns;
        int length = std::snprintf(line, sizeof line, "sequential %s n=%ld: %.1f ns, %.3f ns/element",
                                   std::string(cell.work->name).c_str(), cell.n, ns, ns / double(cell.n));
        if (continues) {
            const double grew = ns / previous->baseline()->best_ns;
            const double expected = double(cell.n) / double(previous->n);
            std::snprintf(line + length, sizeof line - std::size_t(length), ", x%.1f for x%.0f more elements%s", grew,
                          expected, previous->n >= 10'000 && grew < expected / 4 ? "  <- NOT LINEAR" : "");
        }
        lines.push_back(line);
        previous = &cell;
    }
    return lines;
}

std::vector<std::string> make_notes(const run_results& results, const bench_options& options)
{
    std::vector<std::string> notes = results.skipped;
    note_machine(results, notes);
    const auto hardware = std::max(1u, std::thread::hardware_concurrency());
    for (const auto threads : options.threads)
        if (threads > hardware)
            notes.push_back(std::to_string(threads) + " threads on " + std::to_string(hardware) +
                            " hardware threads: oversubscribed, spinning runtimes will fight for the cores");
    for (const auto& cell : results.cells) {
        note_failures(cell, notes);
        note_superlinear(cell, notes);
    }
    explain_superlinear(notes);
    note_single_threaded(results, notes);
    note_against_peers(results, notes);
    note_single_thread_overhead(results, notes);
    note_promises(results, notes);
    for (const auto& line : linearity_report(results))
        if (line.find("NOT LINEAR") != std::string::npos)
            notes.push_back(line + " (constant folding? rerun with --verbose)");
    return notes;
}

}  // namespace bench
