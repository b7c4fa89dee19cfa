// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "static_team.hpp"

#include <pthread.h>
#include <sched.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace bench {

namespace {

// Spin politely, and yield every few microseconds: when a neighbour holds the other core, the
// thread being waited for may share this one, and a spinner that never yields would make
// every hand-over cost a scheduler time slice. With a core free, yield returns at once.
void spin_pause(std::uint32_t& spins)
{
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#endif
    if (++spins % 256 == 0)
        std::this_thread::yield();
}

// The CPUs this process may run on, in order.
std::vector<int> allowed_cpus()
{
    std::vector<int> cpus;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) == 0)
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
            if (CPU_ISSET(cpu, &set))
                cpus.push_back(cpu);
    return cpus;
}

void pin(pthread_t thread, int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    ::pthread_setaffinity_np(thread, sizeof set, &set);
}

}  // namespace

// Each thread pinned to a CPU of its own when there are enough. On the 2-core VM this was
// written on, two spinning threads that started on one CPU shared it for up to seconds before
// the load balancer moved one, and a worker process lives milliseconds; the limit should be
// the machine's best case, so it does not wait for the balancer.
static_team::static_team(std::size_t threads)
{
    const auto cpus = allowed_cpus();
    const bool pinned = threads <= cpus.size();
    if (pinned)
        pin(::pthread_self(), cpus[0]);
    for (std::size_t index = 1; index < threads; ++index) {
        workers_.emplace_back([this, index] { work(index); });
        if (pinned)
            pin(workers_.back().native_handle(), cpus[index]);
    }
}

static_team::~static_team()
{
    stopping_.store(true, std::memory_order_relaxed);
    // release: a worker that acquires this bump then reads stopping_ as true.
    generation_.fetch_add(1, std::memory_order_release);
    for (auto& worker : workers_)
        worker.join();
}

void static_team::run_erased(const void* context, slice_function fn)
{
    context_ = context;
    fn_ = fn;
    unfinished_.store(workers_.size(), std::memory_order_relaxed);
    // release: publishes context_, fn_ and unfinished_ to the workers that acquire the bump.
    generation_.fetch_add(1, std::memory_order_release);
    fn(context, 0);
    std::uint32_t spins = 0;
    // acquire: pairs with each worker's release decrement, so their slices' writes are visible.
    while (unfinished_.load(std::memory_order_acquire) != 0)
        spin_pause(spins);
}

void static_team::work(std::size_t index)
{
    std::uint64_t seen = 0;
    for (;;) {
        std::uint64_t current;
        std::uint32_t spins = 0;
        while ((current = generation_.load(std::memory_order_acquire)) == seen)
            spin_pause(spins);
        seen = current;
        if (stopping_.load(std::memory_order_relaxed))
            return;
        fn_(context_, index);
        unfinished_.fetch_sub(1, std::memory_order_release);
    }
}

}  // namespace bench
