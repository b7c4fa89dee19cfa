// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "options.hpp"

#include "about.hpp"
#include "zoo.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <iostream>
#include <stdexcept>
#include <thread>

namespace bench {

namespace po = boost::program_options;

namespace {

std::vector<std::string> split_list(const std::vector<std::string>& values)
{
    std::vector<std::string> items;
    for (const auto& value : values) {
        std::size_t from = 0;
        while (from <= value.size()) {
            const auto comma = std::min(value.find(',', from), value.size());
            if (comma > from)
                items.push_back(value.substr(from, comma - from));
            from = comma + 1;
        }
    }
    return items;
}

// 1000, 1k, 10M: sizes are easier to type with a suffix.
long parse_count(const std::string& text, std::string_view what)
{
    std::size_t used = 0;
    long value = 0;
    try {
        value = std::stol(text, &used);
    } catch (const std::exception&) {
        throw std::invalid_argument(std::string(what) + ": '" + text + "' is not a number");
    }
    const std::string suffix = text.substr(used);
    if (suffix == "k" || suffix == "K")
        value *= 1'000;
    else if (suffix == "M" || suffix == "m")
        value *= 1'000'000;
    else if (!suffix.empty())
        throw std::invalid_argument(std::string(what) + ": '" + text + "' (use a number, optionally with k or M)");
    if (value < 1)
        throw std::invalid_argument(std::string(what) + ": '" + text + "' must be at least 1");
    return value;
}

std::string workload_names()
{
    std::string names;
    for (const auto& w : all_workloads())
        names += (names.empty() ? "" : ", ") + std::string(w.name);
    return names;
}

std::vector<const workload*> choose_workloads(const std::vector<std::string>& names)
{
    std::vector<const workload*> chosen;
    auto add = [&](const workload* w) {
        if (std::find(chosen.begin(), chosen.end(), w) == chosen.end())
            chosen.push_back(w);
    };
    for (const auto& name : names) {
        // `seed` is an older name of the `fastiter` set, still accepted so that existing
        // scripts keep working; the help and the documentation name only `fastiter`.
        const bool fastiter_six = name == "fastiter" || name == "seed";
        if (name == "all" || fastiter_six || name == "sweeps") {
            for (const auto& w : all_workloads())
                if (name == "all" || (fastiter_six ? w.fastiter_six : w.sweep))
                    add(&w);
        } else if (name == "zoo" || (name.starts_with("zoo.") && name.ends_with("*"))) {
            const auto prefix = std::string_view(name).substr(0, name.size() - (name == "zoo" ? 0 : 1));
            for (const auto& w : zoo_workloads())
                if (w.name.starts_with(prefix))
                    add(&w);
        } else if (const auto* w = find_workload(name)) {
            add(w);
        } else {
            throw std::invalid_argument("--workloads: unknown workload '" + name + "' (known: " + workload_names() +
                                        "; or all, fastiter, sweeps, zoo, zoo.<prefix>*)");
        }
    }
    return chosen;
}

// seq always runs first: every ratio is measured against it.
std::vector<const contender_entry*> choose_contenders(const std::vector<std::string>& names)
{
    std::vector<const contender_entry*> chosen{find_contender("seq")};
    for (const auto& name : names) {
        const bool every = name == "all";
        if (!every && !find_contender(name))
            throw std::invalid_argument("--contenders: unknown contender '" + name +
                                        "' (known: seq, limit, fastiter-pipe, fastiter-fluent, omp, tbb, std-par, all)");
        for (const auto& entry : all_contenders())
            if ((every || entry.name == name) && std::find(chosen.begin(), chosen.end(), &entry) == chosen.end())
                chosen.push_back(&entry);
    }
    // Round order is the table's order: the order of all_contenders().
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

}  // namespace

std::optional<bench_options> parse_options(int argc, char** argv)
{
    const auto hardware = std::to_string(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::string> threads{hardware}, workloads{"fastiter"}, contenders{"seq,fastiter-pipe,omp,tbb"},
        sizes{"1,10,100,1k,10k,100k,1M,10M"};
    std::string format = "table";
    bool busy = false;
    bench_options options;

    po::options_description visible("fastiter-bench: fastiter against a hand loop, OpenMP, oneTBB and "
                                    "std::execution::par, each contender in its own process\noptions");
    visible.add_options()
        ("help,h", "this text")
        ("list", "list the workloads and contenders, with what each does")
        ("build-info", "the compiler, flags and runtime versions this binary was built with")
        ("threads,t", po::value(&threads)->composing(), ("thread counts, e.g. 1,2 (default: " + hardware + ")").c_str())
        ("workloads,w", po::value(&workloads)->composing(),
         "workload names, or all, fastiter (FastIter's six, the default), sweeps; zoo (the kernel zoo's cells, not "
         "in all) or zoo.<prefix>*")
        ("contenders,c", po::value(&contenders)->composing(),
         "contender names, or all (default: seq,fastiter-pipe,omp,tbb; seq always runs)")
        ("sizes,s", po::value(&sizes)->composing(), "n for the sweep workloads (default: 1,10,100,1k,10k,100k,1M,10M); "
                                              "given, n for every workload chosen (-w sort -s 10M)")
        ("repeats,r", po::value(&options.rounds)->default_value(20),
         "rounds: each contender runs once per round, round-robin, and keeps its best")
        ("format,f", po::value(&format)->default_value("table"), "table, csv or json")
        ("output,o", po::value(&options.output_file), "write the results here instead of stdout")
        ("plot,p", po::value(&options.plot_file), "draw speedup vs n and vs threads into this PNG (needs gnuplot)")
        ("verbose,v", po::bool_switch(&options.verbose), "print every cell as it finishes and the linearity check")
        ("busy", po::bool_switch(&busy),
         "also count each contender's busy threads (CPU time / wall time over 100 ms more calls per worker)");
    po::options_description hidden;
    hidden.add_options()
        ("worker", po::value<std::string>(), "internal: run one measurement")
        ("reps", po::value(&options.reps)->default_value(3), "timed repetitions inside one worker");
    po::options_description all;
    all.add(visible).add(hidden);

    po::variables_map given;
    po::store(po::command_line_parser(argc, argv).options(all).run(), given);
    po::notify(given);

    if (given.count("help")) {
        std::cout << visible << "\nexamples:\n"
                  << "  fastiter-bench                                  FastIter's six workloads: bench/demo.sh's table\n"
                  << "  fastiter-bench --threads 1,2 --workloads all --contenders all --plot speedup.png\n"
                  << "  fastiter-bench -w sweep_sum -s 1k,1M -c fastiter-pipe,tbb -f csv\n";
        return std::nullopt;
    }
    if (given.count("list")) {
        print_list(std::cout);
        return std::nullopt;
    }
    if (given.count("build-info")) {
        print_build_info(std::cout);
        return std::nullopt;
    }
    if (given.count("worker"))
        options.worker = given["worker"].as<std::string>();
    if (busy)
        options.busy_probe_ms = 100;

    for (const auto& t : split_list(threads))
        options.threads.push_back(std::size_t(parse_count(t, "--threads")));
    options.workloads = choose_workloads(split_list(workloads));
    options.contenders = choose_contenders(split_list(contenders));
    for (const auto& s : split_list(sizes))
        options.sweep_sizes.push_back(parse_count(s, "--sizes"));
    options.sizes_given = given.count("sizes") > 0;
    if (format == "table" || format == "csv" || format == "json")
        options.format = format == "table" ? output_format::table
                         : format == "csv" ? output_format::csv
                                           : output_format::json;
    else
        throw std::invalid_argument("--format: '" + format + "' (use table, csv or json)");
    if (options.rounds < 1 || options.reps < 1)
        throw std::invalid_argument("--repeats must be at least 1");
    if (options.threads.empty() || options.workloads.empty())
        throw std::invalid_argument("--threads and --workloads need at least one value");
    // Appended piece by piece: g++ 12 at -O3 warns falsely (-Wrestrict) on `" " + std::string`.
    options.command_line = "fastiter-bench";
    for (int i = 1; i < argc; ++i)
        options.command_line.append(" ").append(argv[i]);
    return options;
}

}  // namespace bench
