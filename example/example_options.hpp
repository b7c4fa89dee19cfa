// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The command line every example shares: --help and its own options, via Boost.Program_options.
#pragma once

#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

namespace example {

// Parses argv into the variables bound in `options` (and positional ones, if any). Returns the
// status main should return at once: 0 once --help is printed to stdout; 2 after a command-line
// error, printed to stderr with the help, so that a typo says what was wrong and what is right
// instead of ending in an uncaught exception. Returns nothing when the example should run.
inline std::optional<int> parse_command_line(int argc, char** argv,
                                             boost::program_options::options_description& options,
                                             const boost::program_options::positional_options_description& positional = {})
{
    namespace po = boost::program_options;
    options.add_options()("help", "show this help");
    try {
        po::variables_map args;
        po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(), args);
        if (args.count("help")) {
            std::cout << options << '\n';
            return 0;
        }
        po::notify(args);
        return std::nullopt;
    } catch (const po::error& error) {
        const std::string program = argc > 0 ? std::filesystem::path(argv[0]).filename().string() : "example";
        std::cerr << program << ": " << error.what() << "\n\n" << options << '\n';
        return 2;
    }
}

}  // namespace example
