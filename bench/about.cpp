// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "about.hpp"

#include "contenders.hpp"
#include "workloads.hpp"
#include "zoo.hpp"

#include <string>

namespace bench {

namespace {

std::string padded(std::string_view text, std::size_t width)
{
    return std::string(text) + std::string(width > text.size() ? width - text.size() : 1, ' ');
}

std::string compiler()
{
#if defined(__clang__)
    std::string version = "clang " __clang_version__;  // __clang_version__ ends in a space
    return version.substr(0, version.find_last_not_of(' ') + 1);
#elif defined(__GNUC__)
    return "g++ " __VERSION__;
#else
    return "unknown compiler";
#endif
}

}  // namespace

void print_list(std::ostream& out)
{
    out << "workloads (default: FastIter's six, -w fastiter, marked *):\n";
    for (const auto& w : all_workloads())
        out << "  " << (w.fastiter_six ? '*' : ' ') << ' ' << padded(w.name, 14) << w.description << "\n";
    out << "kernel zoo (-w zoo, or -w 'zoo.<prefix>*'; not in all): each pipeline against its hand loop\n";
    for (const auto& w : zoo_workloads())
        out << "    " << w.name << "\n";
    out << "contenders (default: seq, fastiter-pipe, omp, tbb):\n";
    for (const auto& entry : all_contenders())
        out << "    " << padded(entry.name, 18)
            << (entry.built ? entry.built->description : "skipped: " + std::string(entry.skip_reason)) << "\n";
}

void print_build_info(std::ostream& out)
{
    out << "compiler: " << compiler() << ", C++ " << __cplusplus << "\n"
        << "bench sources: -O3 -falign-loops=64 -DNDEBUG (bench/CMakeLists.txt and bench/Jamfile alike); "
        << "the OpenMP flag on contenders_omp.cpp only\n"
#if defined(__OPTIMIZE__)
        << "optimised: yes\n"
#else
        << "optimised: NO (the numbers mean nothing)\n"
#endif
        << "contenders:\n";
    for (const auto& entry : all_contenders())
        out << "    " << padded(entry.name, 18)
            << (entry.built ? entry.built->runtime : "skipped: " + std::string(entry.skip_reason)) << "\n";
}

}  // namespace bench
