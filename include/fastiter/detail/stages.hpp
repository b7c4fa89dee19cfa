// Stages: map and filter, applied on the consumer side of the split, inside the leaf loop.
#pragma once

#include <cstddef>
#include <functional>
#include <type_traits>
#include <utility>

namespace fastiter::detail {

// Stages sit between the producer and the terminal's folder. A folder has consume(x), full()
// (true when more input cannot change the result), complete() and, as a constant,
// short_circuits (whether full() can ever be true, so that loops which cannot stop early stay
// free of the check). Each stage wraps the folder of the stage after it. A folder may also
// offer consume_if(keep, x), a branch-free "consume x if keep" (see filter_folder).

// one_to_one: every input element yields exactly one output, at the same position.
struct no_stages {
    static constexpr bool one_to_one = true;

    template <class In>
    using output = In;

    template <class Sink>
    Sink wrap(Sink sink) const
    {
        return sink;
    }
};

template <class Sink>
class stage_folder {
public:
    static constexpr bool short_circuits = Sink::short_circuits;
    bool full() const { return sink_.full(); }
    decltype(auto) complete() && { return std::move(sink_).complete(); }

protected:
    explicit stage_folder(Sink sink) : sink_(std::move(sink)) {}
    Sink sink_;
};

template <class F, class Sink>
class map_folder : public stage_folder<Sink> {
public:
    map_folder(const F& fn, Sink sink) : stage_folder<Sink>(std::move(sink)), fn_(&fn) {}

    template <class X>
    void consume(X&& x)
    {
        this->sink_.consume(std::invoke(*fn_, std::forward<X>(x)));
    }

private:
    const F* fn_;
};

template <class P, class Sink>
class filter_folder : public stage_folder<Sink> {
public:
    filter_folder(const P& pred, Sink sink) : stage_folder<Sink>(std::move(sink)), pred_(&pred) {}

    // A sink that can take "x, if keep" without a branch (count, integer sums) gets the
    // predicate's value instead of a jump, so that filter | count vectorizes like the loop
    // `n += p(x)` does.
    template <class X>
    void consume(X&& x)
    {
        const bool keep = std::invoke(*pred_, std::as_const(x));
        if constexpr (requires { this->sink_.consume_if(keep, std::forward<X>(x)); })
            this->sink_.consume_if(keep, std::forward<X>(x));
        else if (keep)
            this->sink_.consume(std::forward<X>(x));
    }

private:
    const P* pred_;
};

template <class Prev, class F>
struct map_stage {
    static constexpr bool one_to_one = Prev::one_to_one;
    Prev prev;
    F fn;

    template <class In>
    using output = std::invoke_result_t<const F&, typename Prev::template output<In>>;

    template <class Sink>
    auto wrap(Sink sink) const
    {
        return prev.wrap(map_folder<F, Sink>(fn, std::move(sink)));
    }
};

template <class Prev, class P>
struct filter_stage {
    static constexpr bool one_to_one = false;
    Prev prev;
    P pred;

    template <class In>
    using output = typename Prev::template output<In>;

    template <class Sink>
    auto wrap(Sink sink) const
    {
        return prev.wrap(filter_folder<P, Sink>(pred, std::move(sink)));
    }
};

}  // namespace fastiter::detail
