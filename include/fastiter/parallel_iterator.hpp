// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::parallel_iterator: a source plus stages; adaptors return new iterators, terminals run.
#pragma once

#include <fastiter/detail/composed_sources.hpp>
#include <fastiter/detail/progress.hpp>
#include <fastiter/detail/splitter.hpp>
#include <fastiter/detail/stages.hpp>
#include <fastiter/detail/terminal_members.hpp>

#include <cstddef>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

// A positional adaptor where positions are gone gets one error, naming it and the fix; its
// body then sits in `if constexpr (Self::indexed)`, so no page of errors follows.
#define FASTITER_NEEDS_POSITIONS(adaptor)                                                             \
    static_assert(Self::indexed, "fastiter: " adaptor " needs positions, which filter, filter_map, "    \
                                 "flat_map and fold drop: apply it before those stages, or collect() " \
                                 "first and start again from the vector")

namespace fastiter {

template <class Source, class Stages = detail::no_stages>
class parallel_iterator;

template <class T>
inline constexpr bool is_parallel_iterator = false;
template <class Source, class Stages>
inline constexpr bool is_parallel_iterator<parallel_iterator<Source, Stages>> = true;

template <class Source, class Stages>
struct detail::iterator_types<parallel_iterator<Source, Stages>> {
    using producer_type = decltype(std::declval<const Source&>().producer());
    using staged_type = detail::staged_producer<producer_type, Stages>;
    using reference = typename staged_type::reference;
    using value_type = typename staged_type::value_type;
    static constexpr bool indexed =
        Stages::one_to_one && requires(const producer_type& p) { p.element(0); };
};

// A parallel iterator is a cheap value: its source (a reference to an lvalue range, or the
// moved-in rvalue), its stages and its split settings. Nothing runs until a terminal does;
// terminals may run any number of times. Adaptors called on an rvalue move it into the result.
//
// Positional adaptors (enumerate, zip, take, skip, step_by, rev, chunks, position_*) need an
// indexed iterator: a source followed by one-to-one stages only (map, inspect). After filter,
// filter_map, flat_map or fold, positions are gone; collect first to get them back.
template <class Source, class Stages>
class parallel_iterator : public detail::terminal_members<parallel_iterator<Source, Stages>> {
    using types = detail::iterator_types<parallel_iterator>;

public:
    using reference = typename types::reference;
    using value_type = typename types::value_type;
    static constexpr bool indexed = types::indexed;

    explicit parallel_iterator(Source source, Stages stages = {}, detail::split_settings settings = {})
        : source_(std::move(source)), stages_(std::move(stages)), settings_(settings)
    {
    }

    // --- element-wise stages: functions are called concurrently, so must be safe so ---------

    template <class F>
    auto map(F fn) const& { return copy().then(detail::map_op<F>{std::move(fn)}); }
    template <class F>
    auto map(F fn) && { return std::move(*this).then(detail::map_op<F>{std::move(fn)}); }

    template <class P>
    auto filter(P pred) const& { return copy().then(detail::filter_op<P>{std::move(pred)}); }
    template <class P>
    auto filter(P pred) && { return std::move(*this).then(detail::filter_op<P>{std::move(pred)}); }

    // f returns std::optional; the values of the engaged ones go on.
    template <class F>
    auto filter_map(F fn) const& { return copy().then(detail::filter_map_op<F>{std::move(fn)}); }
    template <class F>
    auto filter_map(F fn) && { return std::move(*this).then(detail::filter_map_op<F>{std::move(fn)}); }

    // f returns a range; its elements go on, in order.
    template <class F>
    auto flat_map(F fn) const& { return copy().then(detail::flat_map_op<F>{std::move(fn)}); }
    template <class F>
    auto flat_map(F fn) && { return std::move(*this).then(detail::flat_map_op<F>{std::move(fn)}); }

    // Calls f on each element (as const) and passes it on unchanged.
    template <class F>
    auto inspect(F fn) const& { return copy().then(detail::inspect_op<F>{std::move(fn)}); }
    template <class F>
    auto inspect(F fn) && { return std::move(*this).then(detail::inspect_op<F>{std::move(fn)}); }

    // Rayon's fold: one accumulator per piece (how many depends on the split), each an
    // element of the result; follow with reduce, sum or collect.
    template <class T, class Op>
    auto fold(T identity, Op op) const& { return copy().then(detail::fold_op<T, Op>{std::move(identity), std::move(op)}); }
    template <class T, class Op>
    auto fold(T identity, Op op) && { return std::move(*this).then(detail::fold_op<T, Op>{std::move(identity), std::move(op)}); }

    // --- positional adaptors -----------------------------------------------------------------

    // Each has a const& form, which copies the iterator (a referenced source is cheap to copy,
    // an owned one is copied whole), and an && form, which moves it.

    // Elements become std::pair<std::size_t, value_type>: the position, and the element.
    template <class Self = parallel_iterator>
    auto enumerate() const& { return copy().template enumerate<Self>(); }
    template <class Self = parallel_iterator>
    auto enumerate() &&
    {
        FASTITER_NEEDS_POSITIONS("enumerate");
        if constexpr (Self::indexed)
            return derived(detail::enumerate_source<closed>{std::move(*this).close()});
    }
    // Pairs with the elements of other (a parallel iterator or any range); as long as the
    // shorter of the two.
    template <class Other>
    auto zip(Other&& other) const& { return copy().zip(std::forward<Other>(other)); }
    template <class Other>
    auto zip(Other&& other) &&;
    template <class Self = parallel_iterator>
    auto take(std::size_t n) const& { return copy().template take<Self>(n); }
    template <class Self = parallel_iterator>
    auto take(std::size_t n) &&
    {
        FASTITER_NEEDS_POSITIONS("take");
        if constexpr (Self::indexed)
            return std::move(*this).strided(detail::stride_kind::take, n);
    }
    template <class Self = parallel_iterator>
    auto skip(std::size_t n) const& { return copy().template skip<Self>(n); }
    template <class Self = parallel_iterator>
    auto skip(std::size_t n) &&
    {
        FASTITER_NEEDS_POSITIONS("skip");
        if constexpr (Self::indexed)
            return std::move(*this).strided(detail::stride_kind::skip, n);
    }
    // Every k-th element from the first; k = 0 throws std::invalid_argument.
    template <class Self = parallel_iterator>
    auto step_by(std::size_t k) const& { return copy().template step_by<Self>(k); }
    template <class Self = parallel_iterator>
    auto step_by(std::size_t k) &&
    {
        FASTITER_NEEDS_POSITIONS("step_by");
        if (k == 0)
            throw std::invalid_argument("fastiter: step_by(0): the step must be at least 1");
        if constexpr (Self::indexed)
            return std::move(*this).strided(detail::stride_kind::step_by, k);
    }
    template <class Self = parallel_iterator>
    auto rev() const& { return copy().template rev<Self>(); }
    template <class Self = parallel_iterator>
    auto rev() &&
    {
        FASTITER_NEEDS_POSITIONS("rev");
        if constexpr (Self::indexed)
            return std::move(*this).strided(detail::stride_kind::rev, 0);
    }
    // Pieces of k consecutive elements, each a std::vector; the last may be shorter. k = 0
    // throws std::invalid_argument.
    template <class Self = parallel_iterator>
    auto chunks(std::size_t k) const& { return copy().template chunks<Self>(k); }
    template <class Self = parallel_iterator>
    auto chunks(std::size_t k) &&
    {
        FASTITER_NEEDS_POSITIONS("chunks");
        if (k == 0)
            throw std::invalid_argument("fastiter: chunks(0): a chunk must hold at least 1 element");
        if constexpr (Self::indexed)
            return derived(detail::chunks_source<closed>{std::move(*this).close(), k});
    }
    // This iterator's elements, then other's (a parallel iterator or any range).
    template <class Other>
    auto chain(Other&& other) const& { return copy().chain(std::forward<Other>(other)); }
    template <class Other>
    auto chain(Other&& other) &&;

    // Calls callback(done, total) from time to time while a terminal runs (at most every
    // ~100 ms, never two calls at once), counted in source elements of the pipeline so far,
    // and once more with done == total when all were processed (not after an early exit or
    // an exception). callback must be safe to call from any thread.
    template <class Callback>
    auto progress(Callback callback) const& { return copy().progress(std::move(callback)); }
    template <class Callback>
    auto progress(Callback callback) &&
    {
        return derived(detail::progress_source<closed, Callback>{std::move(*this).close(), std::move(callback)});
    }

    // --- split settings --------------------------------------------------------------------

    // Pieces are never split below n elements (n = 0 counts as 1).
    auto with_min_len(std::size_t n) const
    {
        auto result = *this;
        result.settings_.min_len = std::max<std::size_t>(n, 1);
        return result;
    }
    // Pieces longer than n elements are always split, idle threads or not (n = 0 counts as 1).
    auto with_max_len(std::size_t n) const
    {
        auto result = *this;
        result.settings_.max_len = std::max<std::size_t>(n, 1);
        return result;
    }
    // Reductions combine in a fixed tree that depends only on the length and min_len: the same
    // result, bit for bit, at any thread count (a floating-point sum included).
    auto deterministic() const
    {
        auto result = *this;
        result.settings_.deterministic = true;
        return result;
    }

private:
    template <class, class>
    friend class parallel_iterator;
    friend class detail::terminal_members<parallel_iterator>;

    using closed = detail::closed_source<Source, Stages>;

    parallel_iterator copy() const { return *this; }

    template <class Op>
    auto then(Op op) &&
    {
        using next = detail::stage<Stages, Op>;
        return parallel_iterator<Source, next>(std::move(source_), next{std::move(stages_), std::move(op)}, settings_);
    }

    closed close() && { return closed{std::move(source_), std::move(stages_)}; }

    template <class NewSource>
    auto derived(NewSource source) const
    {
        return parallel_iterator<NewSource>(std::move(source), {}, settings_);
    }

    auto strided(detail::stride_kind kind, std::size_t k) &&
    {
        return derived(detail::strided_source<closed>{std::move(*this).close(), kind, k});
    }

    template <class Consumer>
    struct plan {
        const Stages& stages;
        const Consumer& consumer;
        auto make_folder(std::size_t offset) const { return stages.wrap(consumer.make_folder(offset)); }
        template <class R>
        R reduce(R left, R right) const
        {
            return consumer.reduce(std::move(left), std::move(right));
        }
    };

    template <class Consumer>
    auto run(const Consumer& consumer) const
    {
        return run_on(source_.producer(), consumer);
    }

    template <class Producer, class Consumer>
    auto run_on(const Producer& producer, const Consumer& consumer) const
    {
        return detail::drive(producer, plan<Consumer>{stages_, consumer}, settings_);
    }

    // Vector is std::vector<value_type, Allocator>: an allocator that default-initialises
    // spares the sequential zeroing that sizing a plain std::vector costs.
    template <class Vector>
    Vector collect_vector() const
    {
        const auto producer = source_.producer();
        // std::vector<bool> has no data() to write into: it takes the general path.
        if constexpr (indexed && std::is_default_constructible_v<value_type> &&
                      std::is_move_assignable_v<value_type> && !std::is_same_v<value_type, bool>) {
            Vector out(producer.size());
            run_on(producer, detail::write_consumer<value_type>{out.data()});
            return out;
        } else {
            auto items = run_on(producer, detail::collect_consumer<value_type>{}).concatenate();
            if constexpr (std::is_same_v<Vector, std::vector<value_type>>)
                return items;
            else
                return Vector(std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
        }
    }

    Source source_;
    Stages stages_;
    detail::split_settings settings_;
};

}  // namespace fastiter

#undef FASTITER_NEEDS_POSITIONS
