// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// progress(callback): reports how far a running pipeline has come, from the producer's side.
#pragma once

#include <fastiter/detail/cost_model.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>

namespace fastiter::detail {

// Shared by the pieces of one operation. Pieces add what they folded after each block (a few
// microseconds of work), so the cost when nobody is looking is one atomic add per block; the
// clock is read only then, too. A try-lock keeps callbacks from overlapping.
template <class Callback>
class progress_state {
public:
    progress_state(const Callback& callback, std::size_t total) : callback_(callback), total_(total) {}

    void advance(std::size_t elements)
    {
        const auto done = done_.fetch_add(elements, std::memory_order_relaxed) + elements;
        if (done == total_) {
            // The last piece reports the end, after any report still running.
            while (busy_.test_and_set(std::memory_order_acquire))
                busy_.wait(true, std::memory_order_relaxed);
            std::invoke(callback_, total_, total_);
            release();
            return;
        }
        const auto now = clock::now().time_since_epoch().count();
        auto last = last_report_.load(std::memory_order_relaxed);
        if (now - last < report_interval || busy_.test_and_set(std::memory_order_acquire))
            return;
        struct unlock {
            progress_state* self;
            ~unlock() { self->release(); }
        } guard{this};
        last_report_.store(now, std::memory_order_relaxed);
        std::invoke(callback_, done, total_);
    }

private:
    static constexpr clock::rep report_interval =
        std::chrono::duration_cast<clock::duration>(std::chrono::milliseconds(100)).count();

    void release()
    {
        busy_.clear(std::memory_order_release);
        busy_.notify_one();
    }

    const Callback& callback_;
    const std::size_t total_;
    std::atomic<std::size_t> done_{0};
    std::atomic<clock::rep> last_report_{clock::now().time_since_epoch().count()};
    std::atomic_flag busy_;
};

template <class Producer, class Callback>
class progress_producer {
public:
    using value_type = typename Producer::value_type;

    progress_producer(Producer producer, const Callback& callback)
        : producer_(std::move(producer)),
          state_(std::make_shared<progress_state<Callback>>(callback, producer_.size()))
    {
    }

    std::size_t size() const noexcept { return producer_.size(); }

    template <class Folder>
    void fold(std::size_t from, std::size_t to, Folder& folder) const
    {
        producer_.fold(from, to, folder);
        state_->advance(to - from);
    }

    decltype(auto) element(std::size_t i) const
        requires requires(const Producer& p) { p.element(i); }
    {
        return producer_.element(i);
    }

private:
    Producer producer_;
    std::shared_ptr<progress_state<Callback>> state_;  // one per operation, shared by its pieces
};

template <class Inner, class Callback>
struct progress_source {
    Inner inner;
    Callback callback;
    auto producer() const { return progress_producer(inner.producer(), callback); }
};

}  // namespace fastiter::detail
