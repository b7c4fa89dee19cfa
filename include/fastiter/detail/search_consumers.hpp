// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Consumers that look for one element: find_any, find_first, find_last.
#pragma once

#include <fastiter/detail/consumers.hpp>
#include <fastiter/detail/held_function.hpp>

#include <atomic>
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

namespace fastiter::detail {

// Every piece stops once any piece found a match. With T = void only whether one was found
// is kept (any, all), otherwise a copy of the match (find_any).
template <class T, class P>
struct find_any_consumer {
    using result_type = std::conditional_t<std::is_void_v<T>, bool, std::optional<T>>;
    const P& pred;
    mutable std::atomic<bool> found{false};

    class folder : public folder_base<true> {
    public:
        folder(const P& pred, std::atomic<bool>& found) : pred_(pred), found_(&found) {}
        template <class X>
        void consume(X&& x)
        {
            if (std::invoke(pred_.get(), std::as_const(x))) {
                if constexpr (std::is_void_v<T>)
                    match_ = true;
                else
                    match_.emplace(std::forward<X>(x));
            }
        }
        void publish() const noexcept
        {
            if (match_)
                found_->store(true, std::memory_order_relaxed);  // a hint: only stops early
        }
        bool done() const noexcept { return bool(match_); }
        bool full() const noexcept { return done() || found_->load(std::memory_order_relaxed); }
        // Also here: a stage that hands on its element only when the piece ends (fold) makes
        // the match after the loop's publish().
        result_type complete() &&
        {
            publish();
            return std::move(match_);
        }

    private:
        held_function<P> pred_;
        std::atomic<bool>* found_;
        result_type match_{};
    };
    folder make_folder(std::size_t) const { return folder(pred, found); }
    result_type reduce(result_type left, result_type right) const
    {
        return left ? std::move(left) : std::move(right);
    }
};

// find_first and find_last stay parallel: pieces are disjoint stretches of positions, so a
// piece starting after (for first) or before (for last) a piece that already matched can
// stop. The matching pieces' starting positions are shared through one atomic.
template <class T, class P, bool Last>
struct find_ordered_consumer {
    static constexpr std::size_t none = Last ? 0 : std::numeric_limits<std::size_t>::max();
    const P& pred;
    mutable std::atomic<std::size_t> matched_start{none};

    class folder : public folder_base<true> {
    public:
        folder(const find_ordered_consumer& consumer, std::size_t start)
            : consumer_(&consumer), pred_(consumer.pred), start_(start)
        {
        }
        template <class X>
        void consume(X&& x)
        {
            if (std::invoke(pred_.get(), std::as_const(x)))
                match_.emplace(std::forward<X>(x));
        }
        // find_last's piece goes on after its own match: a later one would replace it.
        bool done() const noexcept { return !Last && match_; }
        bool full() const noexcept
        {
            const auto other = consumer_->matched_start.load(std::memory_order_relaxed);
            if constexpr (Last)
                return other > start_;  // a later piece matched; this one's match would lose
            else
                return match_ || other < start_;
        }
        std::optional<T> complete() &&
        {
            publish();
            return std::move(match_);
        }

        void publish() const noexcept
        {
            if (!match_)
                return;
            // relaxed: the value is only a hint for stopping early; results travel by reduce.
            auto& shared = consumer_->matched_start;
            auto current = shared.load(std::memory_order_relaxed);
            while ((Last ? current < start_ || current == none : current > start_) &&
                   !shared.compare_exchange_weak(current, start_, std::memory_order_relaxed)) {
            }
        }

    private:
        const find_ordered_consumer* consumer_;
        held_function<P> pred_;
        std::size_t start_;
        std::optional<T> match_;
    };
    folder make_folder(std::size_t offset) const { return folder(*this, offset); }
    std::optional<T> reduce(std::optional<T> left, std::optional<T> right) const
    {
        if constexpr (Last)
            return right ? std::move(right) : std::move(left);
        else
            return left ? std::move(left) : std::move(right);
    }
};

}  // namespace fastiter::detail
