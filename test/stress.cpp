// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Soak test: external threads run a random mix of pipelines, nested operations, joins and
// throwing pipelines on the default pool while another thread keeps resizing it. Every result
// is checked against its closed form. Usage: stress [--seconds N] [--threads T]
#include <fastiter/fastiter.hpp>

#include <boost/program_options.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace fi = fastiter;

namespace {

std::atomic<long> passed{0}, failed{0};
std::atomic<long> heartbeat{0};
std::atomic<bool> done{false};  // global: the detached watchdog may outlive main's frame

void check(bool ok, const char* what, long n)
{
    if (ok) {
        passed.fetch_add(1, std::memory_order_relaxed);
    } else {
        failed.fetch_add(1, std::memory_order_relaxed);
        std::fprintf(stderr, "stress: FAILED %s at n=%ld\n", what, n);
    }
    heartbeat.fetch_add(1, std::memory_order_relaxed);
}

long fib(long k)
{
    if (k < 2)
        return k;
    auto [a, b] = fi::join([k] { return fib(k - 1); }, [k] { return fib(k - 2); });
    return a + b;
}

void one_round(std::mt19937_64& rng)
{
    const long n = std::uniform_int_distribution<long>(0, 200'000)(rng);
    switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
    case 0:
        check(fi::par_range(0L, n).map([](long x) { return 2 * x; }).sum() == n * (n - 1), "map|sum", n);
        break;
    case 1: {
        const long rows = 1 + n / 1000;
        std::atomic<long> total{0};
        fi::par_range(0L, rows).for_each([&](long r) {
            total.fetch_add(fi::par_range(0L, r).sum(), std::memory_order_relaxed);
        });
        long expected = 0;
        for (long r = 0; r < rows; ++r)
            expected += r * (r - 1) / 2;
        check(total.load() == expected, "nested for_each|sum", n);
        break;
    }
    case 2: {
        const long bad = n / 2;
        try {
            fi::par_range(0L, n + 1).for_each([bad](long x) {
                if (x == bad)
                    throw std::runtime_error("bad element");
            });
            check(false, "exception lost", n);
        } catch (const std::runtime_error& e) {
            check(std::string(e.what()) == "bad element", "exception message", n);
        }
        break;
    }
    case 3:
        check(fib(18) == 2584, "join fib(18)", 18);
        break;
    case 4: {
        const auto first = fi::par_range(0L, n).find_first([n](long x) { return x >= n / 3; });
        check(n == 0 ? !first : first == n / 3, "find_first", n);
        break;
    }
    default: {
        const auto out = fi::par_range(0L, n).filter([](long x) { return x % 3 == 0; }).collect();
        bool ordered = out.size() == std::size_t(n == 0 ? 0 : (n - 1) / 3 + 1);
        for (std::size_t i = 0; ordered && i < out.size(); ++i)
            ordered = out[i] == long(3 * i);
        check(ordered, "filter|collect order", n);
    }
    }
}

}  // namespace

int main(int argc, char** argv)
{
    namespace po = boost::program_options;
    double seconds = 5;
    int callers = 4;
    po::options_description options("stress: a soak of concurrent, nested and failing operations");
    options.add_options()("help", "show this help")("seconds", po::value(&seconds)->default_value(seconds),
                                                     "how long to run")(
        "threads", po::value(&callers)->default_value(callers), "external threads calling fastiter");
    po::variables_map args;
    po::store(po::parse_command_line(argc, argv, options), args);
    po::notify(args);
    if (args.count("help")) {
        std::cout << options << '\n';
        return 0;
    }

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    std::vector<std::thread> threads;
    for (int t = 0; t < callers; ++t)
        threads.emplace_back([t, deadline] {
            std::mt19937_64 rng(std::uint64_t(t) * 7919 + 1);
            while (std::chrono::steady_clock::now() < deadline)
                one_round(rng);
        });
    std::thread resizer([&] {
        std::mt19937_64 rng(42);
        while (!done.load()) {
            fi::set_num_threads(std::uniform_int_distribution<std::size_t>(1, 8)(rng));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    // A hang is a failure with a message, not a stuck CI job.
    std::thread watchdog([&] {
        long last = -1;
        while (!done.load()) {
            std::this_thread::sleep_for(std::chrono::seconds(30));
            const long now = heartbeat.load();
            if (!done.load() && now == last) {
                std::fprintf(stderr, "stress: no operation finished in 30 s: hang\n");
                std::_Exit(2);
            }
            last = now;
        }
    });
    for (auto& thread : threads)
        thread.join();
    done = true;
    resizer.join();
    watchdog.detach();
    std::printf("stress: %ld passed, %ld failed\n", passed.load(), failed.load());
    return failed.load() == 0 ? 0 : 1;
}
