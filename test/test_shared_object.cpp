// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter in a shared object: shared_object_plugin, loaded with dlopen, runs pipelines on its
// own pools and on the default pool, while this executable runs its own; each result must be
// the sequential loop's. The plugin's path comes after `--` (CMake passes its target file,
// b2 the plugin target as an input file).
#define BOOST_TEST_MODULE fastiter shared object
#include <boost/test/unit_test.hpp>

#include <fastiter/fastiter.hpp>

#include <dlfcn.h>

#include <cstddef>
#include <future>
#include <string>

namespace fi = fastiter;

namespace {

long sequential_sum_of_squares(long n)
{
    long sum = 0;
    for (long x = 0; x < n; ++x)
        sum += x * x % 1000;
    return sum;
}

// The plugin stays loaded until exit: its default pool's threads run its code until then.
void* plugin()
{
    static void* handle = [] {
        const auto& suite = boost::unit_test::framework::master_test_suite();
        BOOST_TEST_REQUIRE(suite.argc >= 2, "usage: test_shared_object -- PLUGIN");
        void* loaded = dlopen(suite.argv[suite.argc - 1], RTLD_NOW | RTLD_LOCAL);
        BOOST_TEST_REQUIRE(loaded != nullptr, "dlopen failed: " << dlerror());
        return loaded;
    }();
    return handle;
}

template <class Function>
Function* entry(const char* name)
{
    void* symbol = dlsym(plugin(), name);
    BOOST_TEST_REQUIRE(symbol != nullptr, "the plugin lacks " << name);
    return reinterpret_cast<Function*>(symbol);
}

constexpr long sizes[] = {0, 1, 2, 7, 1000, 100'003, 2'000'000};

}  // namespace

BOOST_AUTO_TEST_CASE(plugin_pipelines_on_the_default_pool_match_the_loop)
{
    auto* sum = entry<long(long)>("fastiter_plugin_sum_of_squares");
    for (long n : sizes)
        BOOST_TEST(sum(n) == sequential_sum_of_squares(n), "n = " << n);
}

BOOST_AUTO_TEST_CASE(plugin_pipelines_on_pools_of_1_2_and_8_threads_match_the_loop)
{
    auto* sum_on = entry<long(long, std::size_t)>("fastiter_plugin_sum_of_squares_on");
    for (std::size_t threads : {1, 2, 8})
        for (long n : sizes)
            BOOST_TEST(sum_on(n, threads) == sequential_sum_of_squares(n), "n = " << n << ", " << threads << " threads");
}

BOOST_AUTO_TEST_CASE(plugin_and_executable_run_pipelines_at_the_same_time)
{
    auto* sum = entry<long(long)>("fastiter_plugin_sum_of_squares");
    constexpr long n = 3'000'000;
    auto in_plugin = std::async(std::launch::async, [sum] { return sum(n); });
    const long here = fi::par_range(0L, n).map([](long x) { return x * x % 1000; }).sum();
    BOOST_TEST(here == sequential_sum_of_squares(n));
    BOOST_TEST(in_plugin.get() == sequential_sum_of_squares(n));
}

BOOST_AUTO_TEST_CASE(an_element_exception_inside_the_plugin_reaches_its_caller)
{
    auto* rethrows = entry<int(long)>("fastiter_plugin_rethrows");
    for (long n : {1L, 2L, 1001L, 1'000'000L})
        BOOST_TEST(rethrows(n) == 1, "n = " << n);
}
