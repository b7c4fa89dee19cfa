// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Sources: what a parallel iterator starts from, and how it becomes a producer.
#pragma once

#include <fastiter/detail/producers.hpp>

#include <boost/iterator/iterator_categories.hpp>
#include <boost/range/begin.hpp>
#include <boost/range/end.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <ranges>
#include <type_traits>
#include <utility>
#include <vector>

namespace fastiter::detail {

template <class T>
struct progression_source {
    T start;
    std::uintmax_t step;
    std::size_t length;

    auto producer() const
    {
        return index_producer(progression_access<T>{std::uintmax_t(start), step}, length);
    }
};

// Boost.Range's ranges (boost::irange, boost::adaptors::*) are std::ranges ranges too, but
// their iterators announce random access only in Boost's traversal terms, so both are asked.
template <class R>
decltype(auto) begin_of(R& r)
{
    if constexpr (std::ranges::range<R&>)
        return std::ranges::begin(r);
    else
        return boost::begin(r);
}

template <class R>
decltype(auto) end_of(R& r)
{
    if constexpr (std::ranges::range<R&>)
        return std::ranges::end(r);
    else
        return boost::end(r);
}

template <class R>
using range_iterator_t = std::remove_cvref_t<decltype(begin_of(std::declval<R&>()))>;

// Boost's traversal category, asked only of iterators that have a std category at all:
// C++20-only iterators (std::views::istream's) have none, and asking Boost is then a hard error.
template <class It, class Tag>
concept boost_traversal_at_least = requires { typename std::iterator_traits<It>::iterator_category; } &&
    std::is_convertible_v<typename boost::iterators::iterator_traversal<It>::type, Tag>;

template <class It>
concept random_access_like = std::random_access_iterator<It> ||
    (boost_traversal_at_least<It, boost::iterators::random_access_traversal_tag> &&
     requires(It it, std::ptrdiff_t n) {
         *(it + n);
         it - it;
     });

template <class It>
concept multi_pass =
    std::forward_iterator<It> || boost_traversal_at_least<It, boost::iterators::forward_traversal_tag>;

template <class R>
concept iterable = std::ranges::range<R&> || requires(R& r) {
    boost::begin(r);
    boost::end(r);
};

// An lvalue range is referenced; an rvalue one is moved in. `mutable` because a parallel
// iterator is a value that reads its source, and some views (std::views::filter) are only
// iterable through a non-const begin().
template <class R>
struct referenced_range {
    R* range;
    R& get() const noexcept { return *range; }
};

template <class R>
struct owned_range {
    mutable R range;
    R& get() const noexcept { return range; }
};

template <class Stored>
struct range_source {
    Stored stored;

    // Random-access ranges split by index, in place. Forward-only ones are walked once to
    // buffer their iterators (elements stay where they are); single-pass ones are buffered by
    // value. Both buffers cost one sequential pass and one pointer or element per element.
    auto producer() const
    {
        auto& r = stored.get();
        using It = range_iterator_t<decltype(r)>;
        auto first = begin_of(r);
        auto last = end_of(r);
        if constexpr (random_access_like<It> && requires { std::size_t(last - first); }) {
            return index_producer(iterator_access<It>{first}, std::size_t(last - first));
        } else if constexpr (multi_pass<It>) {
            std::vector<It> iterators;
            for (; first != last; ++first)
                iterators.push_back(first);
            const auto n = iterators.size();
            return index_producer(buffered_iterator_access<std::vector<It>>{std::move(iterators)}, n);
        } else {
            using value = std::remove_cvref_t<decltype(*first)>;
            static_assert(std::is_move_constructible_v<value>,
                          "fastiter: a single-pass range is buffered by value before it is split, "
                          "so its elements must be copyable or movable; collect it into a "
                          "container of pointers or indices first");
            std::vector<value> values;
            for (; first != last; ++first)
                values.push_back(*first);
            const auto n = values.size();
            return index_producer(buffered_value_access<std::vector<value>>{std::move(values)}, n);
        }
    }
};

}  // namespace fastiter::detail
