// Pipe terminals: range | fastiter::par_sum, | par_reduce(id, op), | par_collect, ...
#pragma once

#include <fastiter/adaptors.hpp>

#include <utility>

namespace fastiter {

namespace detail {

// A terminal holder knows which member of parallel_iterator it stands for; operator| turns
// the left side into a parallel iterator and calls that member.
template <class Run>
struct terminal {
    Run run;
};

template <pipe_source R, class Run>
decltype(auto) operator|(R&& range, const terminal<Run>& t)
{
    return t.run(fastiter::into_par_iter(std::forward<R>(range)));
}

template <class Run>
constexpr terminal<Run> make_terminal(Run run)
{
    return {std::move(run)};
}

}  // namespace detail

inline constexpr auto par_sum = detail::make_terminal([](const auto& it) { return it.sum(); });
inline constexpr auto par_count = detail::make_terminal([](const auto& it) { return it.count(); });
inline constexpr auto par_min = detail::make_terminal([](const auto& it) { return it.min(); });
inline constexpr auto par_max = detail::make_terminal([](const auto& it) { return it.max(); });
inline constexpr auto par_collect = detail::make_terminal([](const auto& it) { return it.collect(); });

template <class P>
auto par_any(P pred)
{
    return detail::make_terminal([pred = std::move(pred)](const auto& it) { return it.any(pred); });
}

template <class P>
auto par_all(P pred)
{
    return detail::make_terminal([pred = std::move(pred)](const auto& it) { return it.all(pred); });
}

template <class T, class Op>
auto par_reduce(T identity, Op op)
{
    return detail::make_terminal([identity = std::move(identity), op = std::move(op)](const auto& it) {
        return it.reduce(identity, op);
    });
}

template <class F>
auto par_for_each(F fn)
{
    return detail::make_terminal([fn = std::move(fn)](const auto& it) { it.for_each(fn); });
}

}  // namespace fastiter
