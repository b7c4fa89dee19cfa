// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter-bench: fastiter's parallel iterators against the hand loop, plain threads,
// OpenMP, oneTBB and std::execution::par, each measured in a process of its own.
#include "options.hpp"
#include "plot.hpp"
#include "report.hpp"
#include "runner.hpp"
#include "worker.hpp"

#include <exception>
#include <fstream>
#include <iostream>

int main(int argc, char** argv)
{
    try {
        const auto options = bench::parse_options(argc, argv);
        if (!options)
            return 0;
        if (options->worker)
            return bench::run_worker(bench::parse_worker_spec(*options->worker));

        const auto results = bench::run_benchmark(*options);
        const auto notes = bench::make_notes(results, *options);
        if (options->verbose)
            for (const auto& line : bench::linearity_report(results))
                std::cerr << line << "\n";
        if (options->output_file.empty()) {
            bench::write_report(std::cout, results, notes, *options);
        } else {
            std::ofstream file(options->output_file);
            bench::write_report(file, results, notes, *options);
            if (!file)
                throw std::runtime_error("cannot write " + options->output_file);
        }
        // csv and json carry no notes of their own (json does): say them where people look.
        if (options->format == bench::output_format::csv)
            for (const auto& note : notes)
                std::cerr << "note: " << note << "\n";
        if (!options->plot_file.empty())
            std::cerr << bench::draw_plot(results, options->plot_file) << "\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "fastiter-bench: " << error.what() << "\n(see fastiter-bench --help)\n";
        return 2;
    }
}
