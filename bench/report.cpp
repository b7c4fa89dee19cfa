// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <thread>

namespace bench {

namespace {

// Calls faster than this print in ns per call, slower ones in ms, one unit per row.
constexpr double ns_row_limit = 100'000;

std::string format_time(double ns, bool in_ns)
{
    char text[32];
    if (in_ns)
        std::snprintf(text, sizeof text, ns < 10 ? "%.1f ns" : "%.0f ns", ns);
    else
        std::snprintf(text, sizeof text, "%.3f ms", ns / 1e6);
    return text;
}

std::string format_ratio(double ratio)
{
    if (!std::isfinite(ratio))
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, ratio < 0.1 ? "%.3fx" : "%.2fx", ratio);
    return text;
}

std::string time_cell(const cell_result& cell, const measurement& m, bool in_ns)
{
    if (!m.applicable)
        return "n/a";
    if (!m.measured())
        return "failed";
    const auto* baseline = cell.baseline();
    const bool wrong = baseline && m.checksum != baseline->checksum;
    return format_time(m.best_ns, in_ns) + (wrong || !m.failure.empty() ? " !" : "");
}

// Rows of text cells printed with each column padded to its widest cell: the first column
// left-aligned, the numbers right-aligned.
void print_aligned(std::ostream& out, const std::vector<std::vector<std::string>>& rows)
{
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
            widths.resize(std::max(widths.size(), row.size()));
            widths[c] = std::max(widths[c], row[c].size());
        }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string padding(widths[c] - row[c].size(), ' ');
            line += c == 0 ? row[c] + padding : "  " + padding + row[c];
        }
        out << line << "\n";
    }
}

void write_table(std::ostream& out, const run_results& results, const std::vector<std::string>& notes,
                 const bench_options& options)
{
    const auto hardware = std::max(1u, std::thread::hardware_concurrency());
    out << "fastiter-bench: best of " << options.rounds << " rounds per contender, each contender in its own "
        << "process, rounds round-robin; speedup = sequential time / contender time\n"
        << "machine: " << hardware << " hardware threads, " << results.cpu;
    if (results.load) {
        char load[160];
        std::snprintf(load, sizeof load, "; meanwhile other processes kept %.2f cores busy, %.0f%% stolen",
                      results.load->other_cores, results.load->stolen_fraction * 100);
        out << load;
    }
    out << "\n";
    for (const auto threads : options.threads) {
        out << "\n" << threads << (threads == 1 ? " thread" : " threads")
            << (threads == 1 ? ": every speedup below 1.00x is overhead" : "") << "\n";
        std::vector<std::vector<std::string>> rows{{"workload", "n"}};
        for (const auto& name : results.contenders) {
            rows[0].push_back(std::string(heading_of(name)));
            if (name != "seq")
                rows[0].push_back("speedup");
        }
        for (const auto& cell : results.cells) {
            if (cell.threads != threads)
                continue;
            const auto* baseline = cell.baseline();
            const bool in_ns = baseline && baseline->best_ns < ns_row_limit;
            std::vector<std::string> row{std::string(cell.work->name), std::to_string(cell.n)};
            for (const auto& m : cell.by_contender) {
                row.push_back(time_cell(cell, m, in_ns));
                if (m.contender != "seq")
                    row.push_back(format_ratio(speedup(cell, m)));
            }
            rows.push_back(std::move(row));
        }
        print_aligned(out, rows);
    }
    if (!notes.empty()) {
        out << "\nnotes:\n";
        for (const auto& note : notes)
            out << "- " << note << "\n";
    }
    char elapsed[64];
    std::snprintf(elapsed, sizeof elapsed, "%.1f", results.seconds);
    out << "\n(" << elapsed << " s; --list explains the workloads and contenders)\n";
}

std::string csv_number(double value)
{
    if (!std::isfinite(value))
        return "";
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

std::string status_of(const cell_result& cell, const measurement& m)
{
    if (!m.applicable)
        return "n/a";
    if (!m.measured())
        return "failed";
    if (cell.baseline() && m.checksum != cell.baseline()->checksum)
        return "wrong-result";
    return m.failure.empty() ? "ok" : "partly-failed";
}

void write_csv(std::ostream& out, const run_results& results)
{
    out << "workload,n,threads,contender,ns_per_call,speedup,busy_threads,batch,rounds,checksum,status,"
           "other_cores_busy\n";
    for (const auto& cell : results.cells)
        for (const auto& m : cell.by_contender)
            out << cell.work->name << "," << cell.n << "," << cell.threads << "," << m.contender << ","
                << (m.measured() ? csv_number(m.best_ns) : "") << "," << csv_number(speedup(cell, m)) << ","
                << csv_number(m.busy_threads) << "," << m.batch << "," << m.rounds << "," << m.checksum << "," << status_of(cell, m) << ","
                << (cell.load ? csv_number(cell.load->other_cores) : "") << "\n";
}

// The csv's six significant digits (more would be noise) as a JSON number; NaN as null.
nlohmann::ordered_json json_number(double value)
{
    return std::isfinite(value) ? nlohmann::ordered_json(std::stod(csv_number(value))) : nullptr;
}

void write_json(std::ostream& out, const run_results& results, const std::vector<std::string>& notes,
                const bench_options& options)
{
    // ordered_json keeps the fields in the order written, which readers of the file expect.
    nlohmann::ordered_json cells = nlohmann::ordered_json::array();
    for (const auto& cell : results.cells)
        for (const auto& m : cell.by_contender)
            cells.push_back({{"workload", cell.work->name},
                             {"n", cell.n},
                             {"threads", cell.threads},
                             {"contender", m.contender},
                             {"ns_per_call", m.measured() ? json_number(m.best_ns) : nullptr},
                             {"speedup", json_number(speedup(cell, m))},
                             {"busy_threads", json_number(m.busy_threads)},
                             {"batch", m.batch},
                             {"rounds", m.rounds},
                             {"checksum", m.checksum},
                             {"status", status_of(cell, m)},
                             {"other_cores_busy", cell.load ? json_number(cell.load->other_cores) : nullptr}});
    const nlohmann::ordered_json report{
        {"command", options.command_line},
        {"hardware_threads", std::max(1u, std::thread::hardware_concurrency())},
        {"cpu", results.cpu},
        {"other_cores_busy", results.load ? json_number(results.load->other_cores) : nullptr},
        {"stolen_fraction", results.load ? json_number(results.load->stolen_fraction) : nullptr},
        {"rounds", options.rounds},
        {"seconds", json_number(results.seconds)},
        {"contenders", results.contenders},
        {"results", std::move(cells)},
        {"notes", notes}};
    // A command line or CPU name that is not UTF-8 gets U+FFFD where dump() would throw.
    out << report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

std::string_view heading_of(std::string_view contender)
{
    const auto* entry = find_contender(contender);
    return entry && entry->built ? entry->built->heading : contender;
}

void write_report(std::ostream& out, const run_results& results, const std::vector<std::string>& notes,
                  const bench_options& options)
{
    switch (options.format) {
    case output_format::table:
        write_table(out, results, notes, options);
        break;
    case output_format::csv:
        write_csv(out, results);
        break;
    case output_format::json:
        write_json(out, results, notes, options);
        break;
    }
}

}  // namespace bench
