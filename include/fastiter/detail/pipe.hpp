// The pipe: `range | step`, where a step is any adaptor or terminal of parallel_iterator.
#pragma once

#include <fastiter/par_range.hpp>

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

// Anything into_par_iter accepts may stand left of a pipe; an rvalue is moved along.
template <par_source R, class Run>
decltype(auto) operator|(R&& range, const pipe_step<Run>& step)
{
    return step.run(fastiter::into_par_iter(std::forward<R>(range)));
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

// Steps taking arguments capture them and are made by a function object: `| par_take(3)`.
#define FASTITER_STEP(name, member)                                                                  \
    struct name##_adaptor {                                                                          \
        template <class... Args>                                                                     \
        auto operator()(Args... args) const                                                          \
        {                                                                                            \
            return make_step([... args = std::move(args)]<class It>(It&& it) -> decltype(auto) {    \
                return std::forward<It>(it).member(args...);                                         \
            });                                                                                      \
        }                                                                                            \
    }

}  // namespace fastiter::detail
