// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// A plugin as users write them: a shared object, loaded with dlopen, with fastiter linked in
// (the static library, which is position-independent, or libfastiter.so) and only its C entry
// points exported. test_shared_object.cpp loads it.
#include <fastiter/fastiter.hpp>

#include <boost/config.hpp>

#include <cstddef>
#include <stdexcept>
#include <string_view>

namespace fi = fastiter;

namespace {

long sum_of_squares(long n)
{
    return fi::par_range(0L, n).map([](long x) { return x * x % 1000; }).sum();
}

}  // namespace

// On the default pool.
extern "C" BOOST_SYMBOL_EXPORT long fastiter_plugin_sum_of_squares(long n)
{
    return sum_of_squares(n);
}

// On a pool of its own, of `threads` threads.
extern "C" BOOST_SYMBOL_EXPORT long fastiter_plugin_sum_of_squares_on(long n, std::size_t threads)
{
    fi::thread_pool pool(threads);
    return pool.install([n] { return sum_of_squares(n); });
}

// 1 when an exception thrown by an element of a parallel pipeline reaches the plugin's caller
// of the pipeline, with its message, else 0.
extern "C" BOOST_SYMBOL_EXPORT int fastiter_plugin_rethrows(long n)
{
    try {
        fi::par_range(0L, n).for_each([n](long x) {
            if (x == n / 2)
                throw std::runtime_error("element n/2");
        });
    } catch (const std::runtime_error& error) {
        return std::string_view(error.what()) == "element n/2";
    }
    return 0;
}
