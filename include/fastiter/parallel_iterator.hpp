// fastiter::parallel_iterator: a source plus stages; adaptors return new iterators, terminals run.
#pragma once

#include <fastiter/detail/consumers.hpp>
#include <fastiter/detail/splitter.hpp>
#include <fastiter/detail/stages.hpp>

#include <concepts>
#include <cstddef>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace fastiter {

// A parallel iterator is a cheap value: it holds its source (a reference to an lvalue range,
// or the moved-in rvalue) and its stages, and does nothing until a terminal runs it. Terminals
// can run any number of times. Results equal the sequential loop's: same elements, same order
// where order is visible (collect, min/max ties), reductions combined in order (reduce's op
// must be associative; floating-point sums differ by reassociation only).
template <class Source, class Stages = detail::no_stages>
class parallel_iterator {
    using producer_type = decltype(std::declval<const Source&>().producer());
    using source_reference = decltype(std::declval<const producer_type&>().element(0));

public:
    using reference = typename Stages::template output<source_reference>;
    using value_type = std::remove_cvref_t<reference>;

    explicit parallel_iterator(Source source, Stages stages = {})
        : source_(std::move(source)), stages_(std::move(stages))
    {
    }

    // --- adaptors ---------------------------------------------------------------------------

    // Applies fn to every element; fn is called concurrently, so it must be safe to call so.
    template <class F>
        requires std::invocable<const F&, reference>
    auto map(F fn) const&
    {
        return with_stage(detail::map_stage<Stages, F>{stages_, std::move(fn)}, source_);
    }
    template <class F>
        requires std::invocable<const F&, reference>
    auto map(F fn) &&
    {
        return with_stage(detail::map_stage<Stages, F>{std::move(stages_), std::move(fn)},
                          std::move(source_));
    }

    // Keeps the elements for which pred is true, in order.
    template <class P>
        requires std::predicate<const P&, const value_type&>
    auto filter(P pred) const&
    {
        return with_stage(detail::filter_stage<Stages, P>{stages_, std::move(pred)}, source_);
    }
    template <class P>
        requires std::predicate<const P&, const value_type&>
    auto filter(P pred) &&
    {
        return with_stage(detail::filter_stage<Stages, P>{std::move(stages_), std::move(pred)},
                          std::move(source_));
    }

    // --- terminals --------------------------------------------------------------------------

    // The sum in value_type, starting from value_type{}: value_type{} when empty. Signed
    // overflow is the caller's error, exactly as in the loop.
    value_type sum() const { return reduce(value_type{}, std::plus<>{}); }

    std::size_t count() const { return run(detail::count_consumer{}); }

    // std::nullopt when empty; of equal elements min returns the first, max the last.
    std::optional<value_type> min() const { return run(detail::extremum_consumer<value_type, false>{}); }
    std::optional<value_type> max() const { return run(detail::extremum_consumer<value_type, true>{}); }

    // Stop early once the answer is known. any of empty is false, all of empty is true.
    template <class P>
        requires std::predicate<const P&, const value_type&>
    bool any(const P& pred) const
    {
        return run(detail::any_consumer<P>{pred});
    }
    template <class P>
        requires std::predicate<const P&, const value_type&>
    bool all(const P& pred) const
    {
        return !any(detail::negated<P>{pred});
    }

    // Folds each piece from a copy of identity, then combines the pieces with op, in order:
    // identity must be neutral for op and op associative.
    template <class T, class Op>
        requires std::invocable<const Op&, T, reference> && std::invocable<const Op&, T, T>
    T reduce(T identity, Op op) const
    {
        return run(detail::fold_consumer<T, Op>{std::move(identity), std::move(op)});
    }

    // The elements in source order.
    std::vector<value_type> collect() const
    {
        const auto producer = source_.producer();
        if constexpr (Stages::one_to_one && std::is_default_constructible_v<value_type> &&
                      std::is_move_assignable_v<value_type>) {
            std::vector<value_type> out(producer.size());
            run_on(producer, detail::write_consumer<value_type>{out.data()});
            return out;
        } else {
            return run_on(producer, detail::collect_consumer<value_type>{}).concatenate();
        }
    }

    // Calls fn on every element, concurrently and in no particular order. Elements of an
    // lvalue container arrive as references, so fn may modify them in place.
    template <class F>
        requires std::invocable<const F&, reference>
    void for_each(const F& fn) const
    {
        run(detail::for_each_consumer<F>{fn});
    }

private:
    template <class, class>
    friend class parallel_iterator;

    template <class NewStages, class S>
    static auto with_stage(NewStages stages, S&& source)
    {
        return parallel_iterator<Source, NewStages>(std::forward<S>(source), std::move(stages));
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
        return detail::drive(producer, plan<Consumer>{stages_, consumer});
    }

    Source source_;
    Stages stages_;
};

template <class T>
inline constexpr bool is_parallel_iterator = false;
template <class Source, class Stages>
inline constexpr bool is_parallel_iterator<parallel_iterator<Source, Stages>> = true;

}  // namespace fastiter
