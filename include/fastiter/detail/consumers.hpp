// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Consumers: what each terminal does with the elements of one piece, and how pieces combine.
#pragma once

#include <fastiter/detail/fork_join.hpp>
#include <fastiter/detail/held_function.hpp>

#include <atomic>
#include <concepts>
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace fastiter::detail {

// A consumer has make_folder(offset) and reduce(left, right), where left holds the elements
// before right's; see stages.hpp for the folder protocol.

template <bool CanStop>
struct folder_base {
    static constexpr bool short_circuits = CanStop;
    bool full() const noexcept { return false; }
    bool done() const noexcept { return false; }
    void publish() const noexcept {}
};

template <class T, class Op>
struct fold_consumer {
    T identity;
    Op op;

    class folder : public folder_base<false> {
    public:
        folder(T acc, const Op& op) : acc_(std::move(acc)), op_(op) {}
        template <class X>
        void consume(X&& x)
        {
            acc_ = std::invoke(op_.get(), std::move(acc_), std::forward<X>(x));
        }
        // acc + 0 is acc for integers, in whatever type acc + x is computed; not offered for
        // floating point, where it could turn an accumulator of -0.0 into +0.0.
        template <class X>
            requires std::same_as<Op, std::plus<>> && std::is_integral_v<T> &&
                     std::is_integral_v<std::remove_cvref_t<X>>
        void consume_if(bool keep, X&& x)
        {
            acc_ = acc_ + (keep ? x : std::remove_cvref_t<X>(0));
        }
        T complete() && { return std::move(acc_); }

    private:
        T acc_;
        held_function<Op> op_;
    };

    folder make_folder(std::size_t) const { return folder(identity, op); }
    T reduce(T left, T right) const { return std::invoke(op, std::move(left), std::move(right)); }
};

struct count_consumer {
    struct folder : folder_base<false> {
        std::size_t count = 0;
        template <class X>
        void consume(X&&) noexcept
        {
            ++count;
        }
        template <class X>
        void consume_if(bool keep, X&&) noexcept
        {
            count += keep;
        }
        std::size_t complete() && noexcept { return count; }
    };
    folder make_folder(std::size_t) const noexcept { return {}; }
    std::size_t reduce(std::size_t left, std::size_t right) const noexcept { return left + right; }
};

// Ties: min keeps the first of equal elements and max the last, as Rust's Iterator does.
// `less` is a strict weak order, like std::min_element's comparator.
template <class T, class Less, bool Max>
struct extremum_consumer {
    Less less;

    bool better(const T& candidate, const T& best) const
    {
        if constexpr (Max)
            return !std::invoke(less, candidate, best);
        else
            return std::invoke(less, candidate, best);
    }

    class general_folder : public folder_base<false> {
    public:
        explicit general_folder(const extremum_consumer& consumer) : consumer_(&consumer) {}
        template <class X>
        void consume(X&& x)
        {
            if (!best_ || consumer_->better(x, *best_))
                best_.emplace(std::forward<X>(x));
        }
        std::optional<T> complete() && { return std::move(best_); }

    private:
        const extremum_consumer* consumer_;
        std::optional<T> best_;
    };

    // Plain min/max by a select, with no branch and no optional, so that the loop is the hand
    // loop's (`y > best ? y : best`: a vector max for integers, a maxsd for doubles). It starts
    // from a value every element replaces and counts the elements. For integers that is the
    // type's extreme (equal elements cannot be told apart). For a floating max it is -inf,
    // which the first element replaces whatever it is: the choices of general_folder, the last
    // of equal elements and a NaN until a later element replaces it. No such start exists for
    // a floating min (a NaN first must stay, as in std::min_element), which keeps general_folder.
    class select_folder : public folder_base<false> {
    public:
        explicit select_folder(const extremum_consumer&) {}
        template <class X>
        void consume(X&& x) noexcept
        {
            const T value = x;
            if constexpr (!Max)
                best_ = value < best_ ? value : best_;
            else if constexpr (std::is_floating_point_v<T>)
                best_ = value < best_ ? best_ : value;  // maxsd's choice, NaN included
            else
                best_ = best_ < value ? value : best_;  // the hand loop's shape: clang vectorizes it better
            ++count_;
        }
        std::optional<T> complete() && noexcept { return count_ ? std::optional<T>(best_) : std::nullopt; }

    private:
        static constexpr T start() noexcept
        {
            if constexpr (std::is_floating_point_v<T>)
                return -std::numeric_limits<T>::infinity();
            else
                return Max ? std::numeric_limits<T>::lowest() : std::numeric_limits<T>::max();
        }
        T best_ = start();
        std::size_t count_ = 0;
    };

    static constexpr bool selects = std::is_same_v<Less, std::less<>> &&
                                    (std::is_integral_v<T> || (std::is_floating_point_v<T> && Max));
    using folder = std::conditional_t<selects, select_folder, general_folder>;
    folder make_folder(std::size_t) const { return folder(*this); }
    std::optional<T> reduce(std::optional<T> left, std::optional<T> right) const
    {
        if (!left || (right && better(*right, *left)))
            return right;
        return left;
    }
};

template <class P>
struct negated {
    const P& pred;
    template <class X>
    bool operator()(const X& x) const
    {
        return !std::invoke(pred, x);
    }
};

template <class F>
struct for_each_consumer {
    const F& fn;

    class folder : public folder_base<false> {
    public:
        explicit folder(const F& fn) : fn_(fn) {}
        template <class X>
        void consume(X&& x)
        {
            std::invoke(fn_.get(), std::forward<X>(x));
        }
        void_result complete() && noexcept { return {}; }

    private:
        held_function<F> fn_;
    };
    folder make_folder(std::size_t) const { return folder(fn); }
    void_result reduce(void_result, void_result) const noexcept { return {}; }
};

// Pieces are collected separately and concatenated in order at the end; one piece, the usual
// case for small inputs, is returned as it is.
template <class T>
struct collect_consumer {
    struct pieces {
        std::vector<T> head;
        std::vector<std::vector<T>> tail;

        std::vector<T> concatenate() &&
        {
            std::size_t total = head.size();
            for (const auto& piece : tail)
                total += piece.size();
            head.reserve(total);
            for (auto& piece : tail)
                head.insert(head.end(), std::make_move_iterator(piece.begin()),
                            std::make_move_iterator(piece.end()));
            return std::move(head);
        }
    };

    struct folder : folder_base<false> {
        std::vector<T> items;
        template <class X>
        void consume(X&& x)
        {
            items.emplace_back(std::forward<X>(x));
        }
        pieces complete() && { return {std::move(items), {}}; }
    };
    folder make_folder(std::size_t) const { return {}; }
    pieces reduce(pieces left, pieces right) const
    {
        left.tail.push_back(std::move(right.head));
        for (auto& piece : right.tail)
            left.tail.push_back(std::move(piece));
        return left;
    }
};

// partition and unzip: every element goes, whole or in parts, to one or both of two vectors;
// Route(x, first, second) does the pushing. Pieces concatenate in order, as collect's do.
template <class A, class B, class Route>
struct two_vectors_consumer {
    Route route;

    struct pieces {
        typename collect_consumer<A>::pieces first;
        typename collect_consumer<B>::pieces second;
    };
    class folder : public folder_base<false> {
    public:
        explicit folder(const Route& route) : route_(&route) {}
        template <class X>
        void consume(X&& x)
        {
            (*route_)(std::forward<X>(x), first_, second_);
        }
        pieces complete() && { return {{std::move(first_), {}}, {std::move(second_), {}}}; }

    private:
        const Route* route_;
        std::vector<A> first_;
        std::vector<B> second_;
    };
    folder make_folder(std::size_t) const { return folder(route); }
    pieces reduce(pieces left, pieces right) const
    {
        return {collect_consumer<A>{}.reduce(std::move(left.first), std::move(right.first)),
                collect_consumer<B>{}.reduce(std::move(left.second), std::move(right.second))};
    }
};

// Collects a one-to-one pipeline straight into its final place: element i of the source
// becomes out[i], so pieces write disjoint parts of one vector and nothing is concatenated.
template <class T>
struct write_consumer {
    T* out;

    class folder : public folder_base<false> {
    public:
        explicit folder(T* next) : next_(next) {}
        template <class X>
        void consume(X&& x)
        {
// g++ 12 at -O2 reports "writing 1 byte into a region of size 0" here for 1-byte elements: it
// cannot see that `out` was sized to the producer's length before any piece runs. A false
// positive; the pieces write disjoint parts of [out, out + size).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#endif
            *next_++ = std::forward<X>(x);
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
        }
        void_result complete() && noexcept { return {}; }

    private:
        T* next_;
    };
    folder make_folder(std::size_t offset) const { return folder(out + offset); }
    void_result reduce(void_result, void_result) const noexcept { return {}; }
};

}  // namespace fastiter::detail
