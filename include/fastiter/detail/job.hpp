// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// A unit of forked work that lives on its owner's stack, and the parker a joiner sleeps on.
#pragma once

#include <fastiter/detail/export.hpp>
#include <fastiter/detail/operation_depth.hpp>

#include <atomic>
#include <cstdint>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace fastiter::detail {

// Each thread owns one parker. A joiner that must sleep hands the job a pointer to its own
// parker instead of sleeping on the job: the job lives on the joiner's stack and may be gone the
// moment the joiner wakes, while the parker lives as long as its thread.
class parker {
public:
    void park() noexcept
    {
        // acquire: pairs with unpark's release, so the job's result is visible after waking.
        while (token_.exchange(0, std::memory_order_acquire) == 0)
            token_.wait(0, std::memory_order_relaxed);
    }
    void unpark() noexcept
    {
        token_.store(1, std::memory_order_release);
        token_.notify_one();
    }
    FASTITER_DECL static parker& of_this_thread() noexcept;

private:
    std::atomic<std::uint32_t> token_{0};
};

class job_base {
public:
    // running: not finished; finished: result or error stored; any other value: the parker of
    // the joiner sleeping until the job finishes.
    static constexpr std::uintptr_t running = 0;
    static constexpr std::uintptr_t finished = 1;

    void execute() noexcept
    {
        operation_depth_scope inside;  // the job is part of an operation, on whatever thread
        run_(this);
    }
    bool is_finished() const noexcept
    {
        // acquire: pairs with finish(), making the result written by the thief visible.
        return state_.load(std::memory_order_acquire) == finished;
    }
    // Registers the joiner's parker; false if the job finished meanwhile (then do not park).
    bool sleep_until_finished(parker& p) noexcept
    {
        auto expected = running;
        return state_.compare_exchange_strong(expected, reinterpret_cast<std::uintptr_t>(&p),
                                              std::memory_order_acq_rel,
                                              std::memory_order_acquire);
    }

protected:
    using run_fn = void (*)(job_base*) noexcept;
    explicit job_base(run_fn run) noexcept : run_(run) {}
    ~job_base() = default;

    // Called last by the thread that ran the job: after the exchange the owner may destroy it.
    void finish() noexcept
    {
        auto previous = state_.exchange(finished, std::memory_order_acq_rel);
        if (previous != running)
            reinterpret_cast<parker*>(previous)->unpark();
    }

private:
    run_fn run_;
    std::atomic<std::uintptr_t> state_{running};
};

// The job for the right half of a fork: a callable, its result, or the exception it threw.
template <class F>
class stack_job final : public job_base {
public:
    using result_type = std::invoke_result_t<F&>;

    explicit stack_job(F& fn, std::atomic<bool>* cancel) noexcept
        : job_base(&stack_job::run), fn_(fn), cancel_(cancel)
    {
    }

    // Valid once the job finished; rethrows what the job threw.
    result_type take_result()
    {
        if (error_)
            std::rethrow_exception(error_);
        if constexpr (!std::is_void_v<result_type>)
            return std::move(*result_);
    }

private:
    static void run(job_base* base) noexcept
    {
        auto* self = static_cast<stack_job*>(base);
        try {
            if constexpr (std::is_void_v<result_type>)
                self->fn_();
            else
                self->result_.emplace(self->fn_());
        } catch (...) {
            self->error_ = std::current_exception();
            if (self->cancel_)
                self->cancel_->store(true, std::memory_order_relaxed);  // a hint: readers poll it
        }
        self->finish();
    }

    using stored = std::conditional_t<std::is_void_v<result_type>, bool, result_type>;
    F& fn_;
    std::atomic<bool>* cancel_;
    std::optional<stored> result_;
    std::exception_ptr error_;
};

}  // namespace fastiter::detail
