// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The terminals of parallel_iterator, as a base class: sum, count, min/max, any/all, reduce,
// find, position, collect, partition, unzip, for_each.
#pragma once

#include <fastiter/detail/consumers.hpp>
#include <fastiter/detail/search_consumers.hpp>

#include <concepts>
#include <cstddef>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace fastiter::detail {

// The element types of an iterator type, computable while the iterator class itself is still
// incomplete (the terminals' base class needs them then). Specialized by parallel_iterator.
template <class Iterator>
struct iterator_types;

template <class Iterator>
using value_of = typename iterator_types<Iterator>::value_type;

struct truthy {
    template <class X>
    bool operator()(const X& x) const
    {
        return static_cast<bool>(x);
    }
};

template <class Container, class T>
inline constexpr bool is_vector_of = false;
template <class T, class Allocator>
inline constexpr bool is_vector_of<std::vector<T, Allocator>, T> = true;

template <class Key>
struct by_key {
    Key key;
    template <class X>
    bool operator()(const X& a, const X& b) const
    {
        return std::invoke(key, a) < std::invoke(key, b);
    }
};

// Results equal the sequential loop's: reductions combine pieces left before right, min keeps
// the first of equal elements and max the last (as Rust), collect keeps source order.
template <class Derived>
class terminal_members {
public:
    // The sum in value_type, from value_type{}: value_type{} when empty. Signed overflow is
    // the caller's error, exactly as in the loop.
    auto sum() const { return reduce(value_t{}, std::plus<>{}); }
    // The product in value_type, from value_type{1}.
    auto product() const { return reduce(value_t{1}, std::multiplies<>{}); }
    std::size_t count() const { return self().run(count_consumer{}); }

    auto min() const { return min_by(std::less<>{}); }
    auto max() const { return max_by(std::less<>{}); }
    // less is a strict weak order, as std::min_element's comparator.
    template <class Less>
    auto min_by(Less less) const
    {
        return self().run(extremum_consumer<value_t, Less, false>{std::move(less)});
    }
    template <class Less>
    auto max_by(Less less) const
    {
        return self().run(extremum_consumer<value_t, Less, true>{std::move(less)});
    }
    template <class Key>
    auto min_by_key(Key key) const
    {
        return min_by(by_key<Key>{std::move(key)});
    }
    template <class Key>
    auto max_by_key(Key key) const
    {
        return max_by(by_key<Key>{std::move(key)});
    }

    // Stop early once the answer is known. any of empty is false, all of empty is true.
    template <class P = truthy>
    bool any(const P& pred = {}) const
    {
        return self().run(find_any_consumer<void, P>{pred});
    }
    template <class P = truthy>
    bool all(const P& pred = {}) const
    {
        return !any(negated<P>{pred});
    }

    // Folds each piece from a copy of identity, then combines pieces with op, in order:
    // identity must be neutral for op, and op associative.
    template <class T, class Op>
    T reduce(T identity, Op op) const
    {
        return self().run(fold_consumer<T, Op>{std::move(identity), std::move(op)});
    }

    // Some match, whichever a thread found first; all pieces stop then.
    template <class P>
    std::optional<value_of<Derived>> find_any(const P& pred) const
    {
        return self().run(find_any_consumer<value_t, P>{pred});
    }
    // The first (last) match in order; pieces after (before) a match stop early.
    template <class P>
    std::optional<value_of<Derived>> find_first(const P& pred) const
    {
        return self().run(find_ordered_consumer<value_t, P, false>{pred});
    }
    template <class P>
    std::optional<value_of<Derived>> find_last(const P& pred) const
    {
        return self().run(find_ordered_consumer<value_t, P, true>{pred});
    }
    template <class P>
    std::optional<std::size_t> position_any(const P& pred) const
    {
        return position(pred, [](const auto& it, const auto& match) { return it.find_any(match); });
    }
    template <class P>
    std::optional<std::size_t> position_first(const P& pred) const
    {
        return position(pred, [](const auto& it, const auto& match) { return it.find_first(match); });
    }

    // The elements in source order. Sizing the vector zeroes it first, on one thread;
    // collect_into a vector whose allocator default-initialises skips that.
    std::vector<value_of<Derived>> collect() const { return self().template collect_vector<std::vector<value_t>>(); }
    // Into std::vector (any allocator), std::set, std::map / std::unordered_map (from pairs),
    // std::string (from chars), or any container constructible from an iterator pair.
    template <class Container>
    Container collect_into() const
    {
        if constexpr (is_vector_of<Container, value_t>) {
            return self().template collect_vector<Container>();
        } else {
            auto items = collect();
            return Container(std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
        }
    }

    // Two vectors, order kept: the elements for which pred holds, and the others.
    template <class P>
    auto partition(P pred) const
    {
        auto route = [pred = std::move(pred)](auto&& x, auto& yes, auto& no) {
            (std::invoke(pred, std::as_const(x)) ? yes : no).emplace_back(std::forward<decltype(x)>(x));
        };
        auto parts = self().run(two_vectors_consumer<value_t, value_t, decltype(route)>{std::move(route)});
        return std::pair(std::move(parts.first).concatenate(), std::move(parts.second).concatenate());
    }
    // Pairs into two vectors, order kept.
    auto unzip() const
    {
        using first_t = typename value_t::first_type;
        using second_t = typename value_t::second_type;
        auto route = [](auto&& pair, auto& firsts, auto& seconds) {
            firsts.emplace_back(std::forward<decltype(pair)>(pair).first);
            seconds.emplace_back(std::forward<decltype(pair)>(pair).second);
        };
        auto parts = self().run(two_vectors_consumer<first_t, second_t, decltype(route)>{route});
        return std::pair(std::move(parts.first).concatenate(), std::move(parts.second).concatenate());
    }

    // Calls fn on every element, concurrently and in no particular order. Elements of an
    // lvalue container arrive as references, so fn may modify them in place.
    template <class F>
    void for_each(const F& fn) const
    {
        self().run(for_each_consumer<F>{fn});
    }

private:
    using value_t = value_of<Derived>;

    const Derived& self() const { return static_cast<const Derived&>(*this); }

    template <class P, class Search>
    std::optional<std::size_t> position(const P& pred, Search search) const
    {
        static_assert(Derived::indexed, "fastiter: position_any and position_first need positions, which filter, "
                                        "filter_map, flat_map and fold drop: call them before those stages, or "
                                        "collect() first and start again from the vector");
        if constexpr (Derived::indexed) {
            auto matches = [&pred](const auto& indexed) { return std::invoke(pred, indexed.second); };
            if (auto found = search(self().enumerate(), matches))
                return found->first;
        }
        return std::nullopt;
    }
};

}  // namespace fastiter::detail
