// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "contenders.hpp"

#include "zoo.hpp"

#include <algorithm>
#include <iterator>

namespace bench {

namespace {

#ifdef FASTITER_BENCH_HAVE_OPENMP
constexpr const contender* omp_built = &omp_contender;
constexpr std::string_view omp_missing = "";
#else
constexpr const contender* omp_built = nullptr;
constexpr std::string_view omp_missing = "built without OpenMP (CMake's find_package(OpenMP) found none)";
#endif

#ifdef FASTITER_BENCH_HAVE_TBB
constexpr const contender* tbb_built = &tbb_contender;
constexpr const contender* std_par_built = &std_par_contender;
constexpr std::string_view tbb_missing = "";
constexpr std::string_view std_par_missing = "";
#else
constexpr const contender* tbb_built = nullptr;
constexpr const contender* std_par_built = nullptr;
constexpr std::string_view tbb_missing = "built without oneTBB (CMake's find_package(TBB CONFIG) found none)";
constexpr std::string_view std_par_missing =
    "libstdc++ runs std::execution::par in parallel only with TBB, and this build has no TBB";
#endif

// std::execution::par runs in parallel in libstdc++ only through its TBB backend; without
// TBB it would silently run the sequential loop, so it is left out instead.
const contender_entry entries[] = {
    {"seq", &seq_contender, ""},
    {"limit", &limit_contender, ""},
    {"fastiter-pipe", &fastiter_pipe_contender, ""},
    {"fastiter-fluent", &fastiter_fluent_contender, ""},
    {"omp", omp_built, omp_missing},
    {"tbb", tbb_built, tbb_missing},
    {"std-par", std_par_built, std_par_missing},
};

}  // namespace

std::span<const contender_entry> all_contenders() { return entries; }

const contender_entry* find_contender(std::string_view name)
{
    const auto found = std::find_if(std::begin(entries), std::end(entries),
                                    [&](const contender_entry& e) { return e.name == name; });
    return found == std::end(entries) ? nullptr : found;
}

kernel kernel_for(const contender& c, const workload& w)
{
    if (!w.zoo)
        return c.kernels.*(w.work);
    if (&c == &seq_contender)
        return w.zoo->hand;
    return &c == &fastiter_pipe_contender ? w.zoo->fastiter : nullptr;
}

}  // namespace bench
