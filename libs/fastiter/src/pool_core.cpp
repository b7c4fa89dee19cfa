// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include <fastiter/detail/pool_core.hpp>

#include <fastiter/config.hpp>

#include <boost/asio/post.hpp>

#include <chrono>
#include <mutex>
#include <thread>
#include <utility>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define FASTITER_CPU_RELAX() _mm_pause()
#else
#define FASTITER_CPU_RELAX() std::this_thread::yield()
#endif

namespace fastiter::detail {

namespace {

thread_local pool_core* this_thread_pool = nullptr;

// A drain handler that found nothing keeps looking this long before it gives its thread back:
// back-to-back operations then find a warm helper instead of paying a wake-up (~10-50 us).
constexpr auto helper_spin = std::chrono::microseconds(200);
// A joiner whose job is still running spins this long before sleeping on its parker.
constexpr auto joiner_spin = std::chrono::microseconds(50);

// Parkers outlive their threads. unpark() stores the token and then notifies: between the two,
// the woken thread may return, finish and exit, and the notify must not touch freed memory. A
// thread's parker goes back to this list when the thread exits, and a new thread may reuse it:
// a late notify then wakes that thread spuriously, which park()'s loop tolerates.
struct pooled_parker {
    parker self;
    pooled_parker* next = nullptr;
};

class parker_list {
public:
    pooled_parker* take()
    {
        std::lock_guard lock(mutex_);
        if (!head_)
            return new pooled_parker;
        return std::exchange(head_, head_->next);
    }
    void give_back(pooled_parker* p) noexcept
    {
        std::lock_guard lock(mutex_);
        p->next = head_;
        head_ = p;
    }
    static parker_list& instance()
    {
        static auto* list = new parker_list;  // never destroyed: threads may exit after main
        return *list;
    }

private:
    std::mutex mutex_;
    pooled_parker* head_ = nullptr;
};

// Trivially destructible, so that it stays valid for code that still waits while its thread
// exits (a static or thread_local destructor running an operation). The parker goes back from
// a separate thread_local's destructor; a thread that waits again after that gets a fresh
// parker, never returned, rather than one that another thread may already own.
thread_local pooled_parker* this_thread_parker = nullptr;

struct parker_returner {
    ~parker_returner() { parker_list::instance().give_back(std::exchange(this_thread_parker, nullptr)); }
};

}  // namespace

parker& parker::of_this_thread() noexcept
{
    if (!this_thread_parker) {
        this_thread_parker = parker_list::instance().take();
        thread_local parker_returner returner;  // constructed once per thread, on first use
    }
    return this_thread_parker->self;
}

pool_core* pool_core::current() noexcept { return this_thread_pool; }

current_pool_scope::current_pool_scope(pool_core* pool) noexcept : previous_(this_thread_pool)
{
    this_thread_pool = pool;
}

current_pool_scope::~current_pool_scope() { this_thread_pool = previous_; }

pool_core::pool_core(boost::asio::any_io_executor executor, std::size_t num_threads)
    : executor_(std::move(executor)),
      helpers_cap_(num_threads - 1),
      spin_allowed_(num_threads <= usable_cpus())
{
}

bool pool_core::offer(job_base& job) noexcept
{
    for (auto& slot : slots_) {
        job_base* empty = nullptr;
        // seq_cst: orders this store before the loads of helpers_/thieves_ in
        // wake_helper_if_needed, against the drain handler's exit (decrement, then re-scan).
        if (slot.load(std::memory_order_relaxed) == nullptr &&
            slot.compare_exchange_strong(empty, &job, std::memory_order_seq_cst)) {
            wake_helper_if_needed();
            return true;
        }
    }
    return false;
}

bool pool_core::reclaim(job_base& job) noexcept
{
    for (auto& slot : slots_) {
        job_base* mine = &job;
        if (slot.compare_exchange_strong(mine, nullptr, std::memory_order_relaxed))
            return true;
    }
    return false;
}

job_base* pool_core::try_take() noexcept
{
    for (auto& slot : slots_) {
        job_base* job = slot.load(std::memory_order_relaxed);
        // acquire: pairs with offer's release, so the job's fields are visible to the thief.
        if (job && slot.compare_exchange_strong(job, nullptr, std::memory_order_acquire))
            return job;
    }
    return nullptr;
}

void pool_core::wake_helper_if_needed() noexcept
{
    if (thieves_.load(std::memory_order_seq_cst) > 0 || closed_.load(std::memory_order_acquire))
        return;
    auto helpers = helpers_.load(std::memory_order_seq_cst);
    while (helpers < helpers_cap_) {
        if (helpers_.compare_exchange_weak(helpers, helpers + 1, std::memory_order_seq_cst)) {
            boost::asio::post(executor_, [self = shared_from_this()] { self->drain(); });
            return;
        }
    }
}

void pool_core::drain() noexcept
{
    current_pool_scope scope(this);
    thieves_.fetch_add(1, std::memory_order_seq_cst);
    auto idle_since = std::chrono::steady_clock::now();
    for (;;) {
        if (auto* job = try_take()) {
            thieves_.fetch_sub(1, std::memory_order_relaxed);
            job->execute();
            thieves_.fetch_add(1, std::memory_order_seq_cst);
            idle_since = std::chrono::steady_clock::now();
            continue;
        }
        if (spin_allowed() && !closed_.load(std::memory_order_relaxed) &&
            std::chrono::steady_clock::now() - idle_since < helper_spin) {
            FASTITER_CPU_RELAX();
            continue;
        }
        thieves_.fetch_sub(1, std::memory_order_seq_cst);
        helpers_.fetch_sub(1, std::memory_order_seq_cst);
        // An offer may have seen us as a thief just before we left and posted nobody: look
        // once more, and come back if there is work and room.
        bool work_left = false;
        for (auto& slot : slots_)
            work_left = work_left || slot.load(std::memory_order_seq_cst) != nullptr;
        auto helpers = helpers_.load(std::memory_order_seq_cst);
        if (!work_left || helpers >= helpers_cap_ ||
            !helpers_.compare_exchange_strong(helpers, helpers + 1, std::memory_order_seq_cst))
            return;
        thieves_.fetch_add(1, std::memory_order_seq_cst);
        idle_since = std::chrono::steady_clock::now();
    }
}

void pool_core::wait_for(job_base& job) noexcept
{
    if (job.is_finished())
        return;
    thieves_.fetch_add(1, std::memory_order_seq_cst);
    auto start = std::chrono::steady_clock::now();
    while (!job.is_finished()) {
        if (auto* other = try_take()) {
            thieves_.fetch_sub(1, std::memory_order_relaxed);
            other->execute();
            thieves_.fetch_add(1, std::memory_order_seq_cst);
            start = std::chrono::steady_clock::now();
            continue;
        }
        if (std::chrono::steady_clock::now() - start < joiner_spin) {
            if (spin_allowed())
                FASTITER_CPU_RELAX();
            else
                std::this_thread::yield();
            continue;
        }
        break;
    }
    thieves_.fetch_sub(1, std::memory_order_relaxed);
    auto& self = parker::of_this_thread();
    if (job.sleep_until_finished(self))
        self.park();
}

}  // namespace fastiter::detail
