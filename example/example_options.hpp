// The command line every example shares: --help and its own options, via Boost.Program_options.
#pragma once

#include <boost/program_options.hpp>

#include <iostream>

namespace example {

// Parses argv into the variables bound in `options`; false when --help was asked for (and
// printed), so the caller returns at once.
inline bool parse_command_line(int argc, char** argv, boost::program_options::options_description& options)
{
    namespace po = boost::program_options;
    options.add_options()("help", "show this help");
    po::variables_map args;
    po::store(po::parse_command_line(argc, argv, options), args);
    po::notify(args);
    if (args.count("help")) {
        std::cout << options << '\n';
        return false;
    }
    return true;
}

}  // namespace example
