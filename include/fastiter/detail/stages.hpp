// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Stages: element-wise steps (map, filter, ...) applied on the consumer side of the split.
#pragma once

#include <fastiter/detail/held_function.hpp>
#include <fastiter/detail/sources.hpp>

#include <cstddef>
#include <functional>
#include <type_traits>
#include <utility>

namespace fastiter::detail {

// Stages sit between the producer and the terminal's folder. A folder has consume(x), full()
// (true when more input cannot change the result, whichever piece decided it), done() (true
// when this piece's own elements decided it: the cheap part of full(), which element loops
// check; the splitter asks full() between blocks), publish() (tells the other pieces what this
// one found, once per stretch of elements, so that no element pays a shared store), complete()
// and, as a constant,
// short_circuits (whether full() can ever be true, so that loops which cannot stop early stay
// free of the checks). A folder may also offer consume_if(keep, x), a branch-free "consume x if
// keep" (see filter_op). Each stage wraps the folder of the stage after it; release() unwraps
// it again, handing on what the stage still holds.
//
// A stage is one_to_one when every input yields exactly one output: the pipeline then still
// knows positions, and apply(x) computes an element's output directly, so that positional
// operations (enumerate, zip, rev, ...) can index it.

struct no_stages {
    static constexpr bool one_to_one = true;

    template <class In>
    using output = In;

    template <class Sink>
    Sink wrap(Sink sink) const
    {
        return sink;
    }

    template <class X>
    X&& apply(X&& x) const
    {
        return std::forward<X>(x);
    }

    template <class Folder>
    Folder unwrap(Folder folder) const
    {
        return folder;
    }
};

template <class Sink>
class stage_folder {
public:
    static constexpr bool short_circuits = Sink::short_circuits;
    bool full() const { return sink_.full(); }
    bool done() const { return sink_.done(); }
    void publish() const { sink_.publish(); }
    Sink release() && { return std::move(sink_); }
    decltype(auto) complete() && { return std::move(sink_).complete(); }

protected:
    explicit stage_folder(Sink sink) : sink_(std::move(sink)) {}
    Sink sink_;
};

// Keeps a prvalue a value: a reference to it would dangle once apply returns.
template <class R>
using stored_t = std::conditional_t<std::is_lvalue_reference_v<R>, R, std::remove_cvref_t<R>>;

template <class Prev, class Op>
struct stage {
    Prev prev;
    Op op;

    static constexpr bool one_to_one = Prev::one_to_one && Op::one_to_one;

    template <class In>
    using output = typename Op::template output<typename Prev::template output<In>>;

    template <class Sink>
    auto wrap(Sink sink) const
    {
        return prev.wrap(typename Op::template folder<Sink>(op, std::move(sink)));
    }

    template <class X>
    decltype(auto) apply(X&& x) const
        requires one_to_one
    {
        return op.apply(prev.apply(std::forward<X>(x)));
    }

    // The inverse of wrap: peels prev's folders, then this stage's.
    template <class Folder>
    auto unwrap(Folder folder) const
    {
        return prev.unwrap(std::move(folder)).release();
    }
};

template <class F>
struct map_op {
    static constexpr bool one_to_one = true;
    F fn;

    template <class In>
    using output = std::invoke_result_t<const F&, In>;

    template <class X>
    decltype(auto) apply(X&& x) const
    {
        return std::invoke(fn, std::forward<X>(x));
    }

    template <class Sink>
    struct folder : stage_folder<Sink> {
        folder(const map_op& op, Sink sink) : stage_folder<Sink>(std::move(sink)), fn(op.fn) {}
        template <class X>
        void consume(X&& x)
        {
            this->sink_.consume(std::invoke(fn.get(), std::forward<X>(x)));
        }
        held_function<F> fn;
    };
};

template <class F>
struct inspect_op {
    static constexpr bool one_to_one = true;
    F fn;

    template <class In>
    using output = stored_t<In>;

    template <class X>
    stored_t<X&&> apply(X&& x) const
    {
        std::invoke(fn, std::as_const(x));
        return std::forward<X>(x);
    }

    template <class Sink>
    struct folder : stage_folder<Sink> {
        folder(const inspect_op& op, Sink sink) : stage_folder<Sink>(std::move(sink)), fn(op.fn) {}
        template <class X>
        void consume(X&& x)
        {
            std::invoke(fn.get(), std::as_const(x));
            this->sink_.consume(std::forward<X>(x));
        }
        held_function<F> fn;
    };
};

template <class P>
struct filter_op {
    static constexpr bool one_to_one = false;
    P pred;

    template <class In>
    using output = In;

    template <class Sink>
    struct folder : stage_folder<Sink> {
        folder(const filter_op& op, Sink sink) : stage_folder<Sink>(std::move(sink)), pred(op.pred) {}
        // A sink that can take "x, if keep" without a branch (count, integer sums) gets the
        // predicate's value instead of a jump, so that filter | count vectorizes like the
        // loop `n += p(x)` does.
        template <class X>
        void consume(X&& x)
        {
            const bool keep = std::invoke(pred.get(), std::as_const(x));
            if constexpr (requires { this->sink_.consume_if(keep, std::forward<X>(x)); })
                this->sink_.consume_if(keep, std::forward<X>(x));
            else if (keep)
                this->sink_.consume(std::forward<X>(x));
        }
        held_function<P> pred;
    };
};

// f returns std::optional (or anything testable and dereferenceable); empty ones are dropped.
template <class F>
struct filter_map_op {
    static constexpr bool one_to_one = false;
    F fn;

    template <class In>
    using output = decltype(*std::declval<std::invoke_result_t<const F&, In>>());

    template <class Sink>
    struct folder : stage_folder<Sink> {
        folder(const filter_map_op& op, Sink sink) : stage_folder<Sink>(std::move(sink)), fn(op.fn) {}
        template <class X>
        void consume(X&& x)
        {
            if (auto result = std::invoke(fn.get(), std::forward<X>(x)))
                this->sink_.consume(*std::move(result));
        }
        held_function<F> fn;
    };
};

// f returns a range; its elements follow one another in the output, in order.
template <class F>
struct flat_map_op {
    static constexpr bool one_to_one = false;
    F fn;

    template <class In>
    using output = decltype(*begin_of(std::declval<std::remove_reference_t<std::invoke_result_t<const F&, In>>&>()));

    template <class Sink>
    struct folder : stage_folder<Sink> {
        folder(const flat_map_op& op, Sink sink) : stage_folder<Sink>(std::move(sink)), fn(op.fn) {}
        template <class X>
        void consume(X&& x)
        {
            auto&& inner = std::invoke(fn.get(), std::forward<X>(x));
            auto last = end_of(inner);
            for (auto it = begin_of(inner); it != last && !this->sink_.done(); ++it)
                this->sink_.consume(*it);
        }
        held_function<F> fn;
    };
};

// Rayon's fold: one accumulator per piece of the split, handed on as an element when the
// piece ends. How many pieces there are depends on the split; reduce them or collect them.
template <class T, class Op>
struct fold_op {
    static constexpr bool one_to_one = false;
    T identity;
    Op op;

    template <class In>
    using output = T;

    template <class Sink>
    class folder : public stage_folder<Sink> {
    public:
        folder(const fold_op& fold, Sink sink)
            : stage_folder<Sink>(std::move(sink)), op_(fold.op), acc_(fold.identity)
        {
        }
        template <class X>
        void consume(X&& x)
        {
            acc_ = std::invoke(op_.get(), std::move(acc_), std::forward<X>(x));
        }
        Sink release() &&
        {
            this->sink_.consume(std::move(acc_));
            return std::move(this->sink_);
        }
        decltype(auto) complete() && { return std::move(*this).release().complete(); }

    private:
        held_function<Op> op_;
        T acc_;
    };
};

}  // namespace fastiter::detail
