// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The command line every example shares: --help and its own options, via Boost.Program_options.
#pragma once

#include <boost/program_options.hpp>

#include <iostream>

namespace example {

// Parses argv into the variables bound in `options` (and positional ones, if any); false when
// --help was asked for (and printed), so the caller returns at once.
inline bool parse_command_line(int argc, char** argv, boost::program_options::options_description& options,
                               const boost::program_options::positional_options_description& positional = {})
{
    namespace po = boost::program_options;
    options.add_options()("help", "show this help");
    po::variables_map args;
    po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(), args);
    if (args.count("help")) {
        std::cout << options << '\n';
        return false;
    }
    po::notify(args);
    return true;
}

}  // namespace example
