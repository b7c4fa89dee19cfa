// Pipe adaptors in the Boost.Range style: range | fastiter::par_map(f) | fastiter::par_filter(p).
#pragma once

#include <fastiter/par_range.hpp>

#include <utility>

namespace fastiter {

namespace detail {

// Anything `into_par_iter` accepts may stand left of a pipe.
template <class R>
concept pipe_source = par_source<R>;

// The holders live here so that argument-dependent lookup finds operator| through them,
// whatever namespace the range on the left comes from.
template <class F>
struct map_holder {
    F fn;
};

template <class P>
struct filter_holder {
    P pred;
};

template <pipe_source R, class F>
auto operator|(R&& range, map_holder<F> holder)
{
    return fastiter::into_par_iter(std::forward<R>(range)).map(std::move(holder.fn));
}

template <pipe_source R, class P>
auto operator|(R&& range, filter_holder<P> holder)
{
    return fastiter::into_par_iter(std::forward<R>(range)).filter(std::move(holder.pred));
}

struct map_adaptor {
    template <class F>
    map_holder<F> operator()(F fn) const
    {
        return {std::move(fn)};
    }
};

struct filter_adaptor {
    template <class P>
    filter_holder<P> operator()(P pred) const
    {
        return {std::move(pred)};
    }
};

}  // namespace detail

inline constexpr detail::map_adaptor par_map{};
inline constexpr detail::filter_adaptor par_filter{};

}  // namespace fastiter
