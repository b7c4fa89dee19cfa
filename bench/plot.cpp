// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "plot.hpp"

#include "report.hpp"

#include <boost/process/io.hpp>
#include <boost/process/search_path.hpp>
#include <boost/process/system.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace bench {

namespace bp = boost::process;
namespace fs = std::filesystem;

namespace {

// A gnuplot single-quoted string: a quote inside is written twice.
std::string quoted(const std::string& text)
{
    std::string out = "'";
    for (const char c : text)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// One data block per (sweep workload, contender) at the largest thread count: n, speedup.
// Returns the plot clauses that draw them.
std::string write_sweep_blocks(const run_results& results, std::size_t threads, std::ofstream& data, int& block)
{
    std::string clauses;
    for (const auto* sweep_work : {"sweep_sum", "sweep_sumsq"})
        for (std::size_t c = 1; c < results.contenders.size(); ++c) {
            std::ostringstream points;
            for (const auto& cell : results.cells)
                if (cell.work->name == sweep_work && cell.threads == threads)
                    if (const double ratio = speedup(cell, cell.by_contender[c]); std::isfinite(ratio))
                        points << cell.n << " " << ratio << "\n";
            if (points.str().empty())
                continue;
            data << points.str() << "\n\n";
            clauses += (clauses.empty() ? "" : ", ") + std::string("$data index ") + std::to_string(block++) +
                       " with linespoints lc " + std::to_string(c) +
                       (std::string(sweep_work) == "sweep_sum" ? " dt 1" : " dt 2") + " title " +
                       quoted(std::string(heading_of(results.contenders[c])) +
                              (std::string(sweep_work) == "sweep_sum" ? ", sum" : ", sum of squares")) +
                       " noenhanced";
        }
    return clauses;
}

// One block per contender: threads, geometric-mean speedup over the fixed-size workloads
// (latency workloads such as join left out: their "speedup" is a latency against a call that
// returns at once).
std::string write_thread_blocks(const run_results& results, std::ofstream& data, int& block)
{
    std::string clauses;
    for (std::size_t c = 1; c < results.contenders.size(); ++c) {
        std::map<std::size_t, std::pair<double, int>> log_sums;
        for (const auto& cell : results.cells)
            if (!cell.work->sweep && !cell.work->latency)
                if (const double ratio = speedup(cell, cell.by_contender[c]); std::isfinite(ratio)) {
                    log_sums[cell.threads].first += std::log(ratio);
                    ++log_sums[cell.threads].second;
                }
        if (log_sums.empty())
            continue;
        for (const auto& [threads, sum] : log_sums)
            data << threads << " " << std::exp(sum.first / sum.second) << "\n";
        data << "\n\n";
        clauses += (clauses.empty() ? "" : ", ") + std::string("$data index ") + std::to_string(block++) +
                   " with linespoints lc " + std::to_string(c) + " title " +
                   quoted(std::string(heading_of(results.contenders[c]))) + " noenhanced";
    }
    return clauses;
}

}  // namespace

std::string draw_plot(const run_results& results, const std::string& png_path)
{
    const auto gnuplot = bp::search_path("gnuplot");
    if (gnuplot.empty())
        return "no plot: gnuplot is missing (apt-get install gnuplot-nox)";
    std::size_t most_threads = 0;
    for (const auto& cell : results.cells)
        most_threads = std::max(most_threads, cell.threads);

    const auto script_path = fs::temp_directory_path() / ("fastiter-bench-plot-" + std::to_string(::getpid()) + ".gp");
    std::string sweep_clauses, thread_clauses;
    {
        std::ofstream script(script_path);
        // The data lives in the script itself (a gnuplot datablock): one file, nothing left over.
        script << "$data << EOD\n";
        int block = 0;
        sweep_clauses = write_sweep_blocks(results, most_threads, script, block);
        thread_clauses = write_thread_blocks(results, script, block);
        script << "EOD\n";
        const int panels = int(!sweep_clauses.empty()) + int(!thread_clauses.empty());
        if (panels == 0) {
            script.close();
            fs::remove(script_path);
            return "no plot: no contender besides seq has a time";
        }
        const std::string baseline = ", 1 with lines lc rgb 'gray40' dt 3 title 'sequential'\n";
        script << "set terminal pngcairo size " << 640 * panels << ",560 font 'sans,10'\n"
               << "set output " << quoted(png_path) << "\n"
               << "set multiplot layout 1," << panels << "\n"
               << "set grid\nset key below\nset ylabel 'speedup (sequential time / contender time)'\n";
        if (!sweep_clauses.empty())
            script << "set logscale x 10\nset xlabel 'input size n'\nset format x '10^{%L}'\n"
                   << "set title " << quoted("speedup vs input size, " + std::to_string(most_threads) + " threads")
                   << " noenhanced\nplot " << sweep_clauses << baseline << "unset logscale x\nset format x '%g'\n";
        if (!thread_clauses.empty())
            script << "set xlabel 'threads'\nset xtics 1\nset title "
                   << quoted("speedup vs threads (geometric mean over the fixed-size workloads but join)")
                   << " noenhanced\nplot " << thread_clauses << baseline;
        script << "unset multiplot\n";
    }
    // gnuplot's chatter goes to stderr: stdout may be carrying the report.
    std::error_code error;
    const int status = bp::system(gnuplot, script_path.string(), bp::std_out > stderr, bp::std_in < bp::null, error);
    fs::remove(script_path);
    if (error)
        return "no plot: cannot run " + gnuplot.string() + " (" + error.message() + ")";
    if (status != 0)
        return "no plot: gnuplot failed (exit status " + std::to_string(status) + ")";
    return "plot written to " + png_path;
}

}  // namespace bench
