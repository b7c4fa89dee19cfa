// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The pipe: `range | step`, where a step is any adaptor or terminal of parallel_iterator.
#pragma once

#include <fastiter/par_range.hpp>

#include <tuple>
#include <utility>

namespace fastiter::detail {

// A step holds what its member call needs (a function, a count) and knows which member of
// parallel_iterator it stands for. It lives in this namespace, so argument-dependent lookup
// finds operator| through it, whatever namespace the range on the left comes from.
template <class Run>
struct pipe_step {
    Run run;
};

template <class Run>
constexpr pipe_step<Run> make_step(Run run)
{
    return {std::move(run)};
}

// Anything into_par_iter accepts may stand left of a pipe; an rvalue is moved along. What a
// step owns (a function, an rvalue argument) moves on into the iterator: a temporary step,
// the usual `v | par_zip(w)`, gives it up; a named step is copied, so it can be used again.
template <par_source R, class Run>
decltype(auto) operator|(R&& range, pipe_step<Run>&& step)
{
    return std::move(step.run)(fastiter::into_par_iter(std::forward<R>(range)));
}
template <par_source R, class Run>
decltype(auto) operator|(R&& range, const pipe_step<Run>& step)
{
    return std::forward<R>(range) | pipe_step<Run>(step);
}

// Steps taking no argument are objects used without parentheses: `| par_rev`.
#define FASTITER_BARE_STEP(name, call)                                                               \
    struct name##_run {                                                                              \
        template <class It>                                                                          \
        decltype(auto) operator()(It&& it) const                                                     \
        {                                                                                            \
            return std::forward<It>(it).call;                                                        \
        }                                                                                            \
    }

// Steps taking arguments hold them and are made by a function object: `| par_take(3)`. An
// lvalue argument is held by reference and an rvalue by value, then passed on as it came, so
// `v | par_zip(w)` references w as `into_par_iter(v).zip(w)` does, and
// `v | par_zip(std::vector{...})` moves the vector into the iterator.
#define FASTITER_STEP(name, member)                                                                  \
    struct name##_adaptor {                                                                          \
        template <class... Args>                                                                     \
        auto operator()(Args&&... args) const                                                        \
        {                                                                                            \
            return make_step([held = std::tuple<Args...>(std::forward<Args>(args)...)]<class It>(   \
                                 It&& it) mutable -> decltype(auto) {                                \
                return std::apply(                                                                   \
                    [&](auto&&... arg) -> decltype(auto) {                                           \
                        return std::forward<It>(it).member(std::forward<decltype(arg)>(arg)...);     \
                    },                                                                               \
                    std::move(held));                                                                \
            });                                                                                      \
        }                                                                                            \
    }

}  // namespace fastiter::detail
