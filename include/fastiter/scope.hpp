// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::scope: spawn any number of tasks, possibly in parallel; every one has finished when
// scope returns.
#pragma once

#include <fastiter/detail/job.hpp>
#include <fastiter/detail/operation.hpp>
#include <fastiter/detail/pool_core.hpp>

#include <atomic>
#include <concepts>
#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <variant>

namespace fastiter {

class scope_handle;

template <class Body>
    requires std::invocable<Body&, scope_handle&>
auto scope(Body&& body);

// A task is called as task() or, when it can take one, as task(handle) to spawn more tasks into
// the same scope. Its result is discarded.
template <class F>
concept scope_task = std::invocable<std::decay_t<F>&, scope_handle&> || std::invocable<std::decay_t<F>&>;

// What fastiter::scope hands to its body and to the tasks that take it. Valid until scope
// returns; call spawn only from the body and from the scope's tasks.
class scope_handle {
public:
    scope_handle(const scope_handle&) = delete;
    scope_handle& operator=(const scope_handle&) = delete;

    // Runs a copy of `task` on some thread of the pool, possibly before spawn returns, possibly
    // only when the body has returned. Never throws what the task throws (scope rethrows it);
    // throws std::bad_alloc, or what copying or moving `task` throws.
    template <class F>
        requires scope_task<F>
    void spawn(F&& task);

    template <class F>
        requires(!scope_task<F>)
    void spawn(F&&)
    {
        static_assert(scope_task<F>, "fastiter::scope_handle::spawn: a task is called with no argument "
                                     "or with a fastiter::scope_handle& (to spawn more tasks)");
    }

private:
    template <class Body>
        requires std::invocable<Body&, scope_handle&>
    friend auto scope(Body&& body);

    // A task waiting in the pool's slots outlives the spawn call, so it lives on the heap. Only
    // the scope's own thread frees it, once it finished: thieves never touch it after finish().
    class task_base : public detail::job_base {
    public:
        void destroy() noexcept { destroy_(this); }
        task_base* next = nullptr;  // the list of offered tasks

    protected:
        using destroy_fn = void (*)(task_base*) noexcept;
        task_base(run_fn run, destroy_fn destroy) noexcept : job_base(run), destroy_(destroy) {}
        ~task_base() = default;

    private:
        destroy_fn destroy_;
    };

    template <class Fn>
    class heap_task final : public task_base {
    public:
        template <class F>
        heap_task(F&& fn, scope_handle& scope)
            : task_base(&run_and_finish, &delete_task), fn_(std::forward<F>(fn)), scope_(scope)
        {
        }

    private:
        static void run_and_finish(detail::job_base* base) noexcept
        {
            auto* self = static_cast<heap_task*>(base);
            self->scope_.call(self->fn_);
            self->finish();
        }
        static void delete_task(task_base* base) noexcept { delete static_cast<heap_task*>(base); }

        Fn fn_;
        scope_handle& scope_;
    };

    // The scope's thread frees finished tasks every this many spawns, so that a body spawning
    // millions of tasks holds only those still running, not all it ever spawned.
    static constexpr std::size_t reap_every = 64;

    explicit scope_handle(detail::pool_core& pool) noexcept : pool_(pool) {}
    ~scope_handle() = default;

    template <class Fn>
    void call(Fn& fn) noexcept
    {
        try {
            if constexpr (std::invocable<Fn&, scope_handle&>)
                std::invoke(fn, *this);
            else
                std::invoke(fn);
        } catch (...) {
            record_error(std::current_exception());
        }
    }

    void record_error(std::exception_ptr error) noexcept
    {
        // relaxed: the exchange alone makes one thread the writer of first_error_; the scope
        // reads it after every task's finish() (acq_rel) was observed, which publishes it.
        if (!failed_.exchange(true, std::memory_order_relaxed))
            first_error_ = std::move(error);
    }

    void push(task_base* first, task_base* last) noexcept
    {
        last->next = offered_.load(std::memory_order_relaxed);
        // release: the scope's thread reads `next` after its acquire exchange; every push is an
        // RMW, so each continues the release sequence of the ones before it.
        while (!offered_.compare_exchange_weak(last->next, first, std::memory_order_release,
                                               std::memory_order_relaxed)) {
        }
    }

    // Scope thread only: frees the offered tasks that finished, puts the others back.
    void reap_finished() noexcept
    {
        task_base* kept_first = nullptr;
        task_base* kept_last = nullptr;
        for (task_base* task = offered_.exchange(nullptr, std::memory_order_acquire); task;) {
            task_base* next = task->next;
            if (task->is_finished()) {
                task->destroy();
            } else {
                task->next = kept_first;
                kept_first = task;
                if (!kept_last)
                    kept_last = task;
            }
            task = next;
        }
        if (kept_first)
            push(kept_first, kept_last);
    }

    // Scope thread only: runs every untaken task here and waits for the taken ones. A task
    // pushes what it spawns before it finishes, so once a pass finds the list empty no task is
    // left that could add to it.
    void join_all() noexcept
    {
        while (task_base* task = offered_.exchange(nullptr, std::memory_order_acquire)) {
            while (task) {
                task_base* next = task->next;
                if (pool_.reclaim(*task))
                    task->execute();
                else
                    pool_.wait_for(*task);  // runs other offered jobs meanwhile
                task->destroy();
                task = next;
            }
        }
    }

    detail::pool_core& pool_;
    const std::thread::id scope_thread_ = std::this_thread::get_id();
    std::size_t spawns_on_scope_thread_ = 0;
    std::atomic<task_base*> offered_{nullptr};
    std::atomic<bool> failed_{false};
    std::exception_ptr first_error_;
};

template <class F>
    requires scope_task<F>
void scope_handle::spawn(F&& task)
{
    using stored = std::decay_t<F>;
    if (pool_.num_threads() == 1) {
        stored local(std::forward<F>(task));  // nobody could take it: run it now, off the heap
        call(local);
        return;
    }
    if (std::this_thread::get_id() == scope_thread_ && ++spawns_on_scope_thread_ % reap_every == 0)
        reap_finished();
    task_base* job = new heap_task<stored>(std::forward<F>(task), *this);
    if (!pool_.offer(*job)) {
        // Every slot holds a job, so no thread is short of work: run it here, like a fork.
        job->execute();
        job->destroy();
        return;
    }
    push(job, job);
}

// Calls body(handle); the tasks it spawns through the handle (and those they spawn) run on the
// current pool. Returns body's result once every task finished. If the body or tasks throw, the
// first exception recorded is rethrown then, the others are dropped; a failure skips nothing:
// every task spawned still runs.
template <class Body>
    requires std::invocable<Body&, scope_handle&>
auto scope(Body&& body)
{
    using result = std::remove_cvref_t<std::invoke_result_t<Body&, scope_handle&>>;
    detail::operation_depth_scope inside;
    const auto pool = detail::current_pool();  // held: keeps a default pool alive until we return
    scope_handle handle(*pool.core);
    std::optional<std::conditional_t<std::is_void_v<result>, std::monostate, result>> value;
    try {
        if constexpr (std::is_void_v<result>)
            std::invoke(body, handle);
        else
            value.emplace(std::invoke(body, handle));
    } catch (...) {
        handle.record_error(std::current_exception());
    }
    handle.join_all();
    if (handle.first_error_)
        std::rethrow_exception(handle.first_error_);
    if constexpr (!std::is_void_v<result>)
        return std::move(*value);
}

template <class Body>
    requires(!std::invocable<Body&, scope_handle&>)
void scope(Body&&)
{
    static_assert(std::invocable<Body&, scope_handle&>,
                  "fastiter::scope: the body takes the fastiter::scope_handle& that spawns tasks: "
                  "fastiter::scope([&](fastiter::scope_handle& s) { s.spawn(task); })");
}

}  // namespace fastiter
