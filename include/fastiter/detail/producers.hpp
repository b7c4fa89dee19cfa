// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Producers: the splittable sources. Every source is indexed: element i is access(i).
#pragma once

#include <cstddef>
#include <concepts>
#include <cstdint>
#include <iterator>
#include <type_traits>
#include <utility>

namespace fastiter::detail {

// Walks an access from element i: *cursor is access(i), ++cursor moves on to i + 1. Accesses
// whose next element is cheaper to step to than to compute from its index (a progression adds
// its step, an iterator increments) give their own cursor(i); the others are indexed.
template <class Access>
struct index_cursor {
    const Access* access;
    std::size_t i;
    decltype(auto) operator*() const { return (*access)(i); }
    void operator++() noexcept { ++i; }
};

template <class Access>
auto cursor_at(const Access& access, std::size_t i)
{
    if constexpr (requires { access.cursor(i); })
        return access.cursor(i);
    else
        return index_cursor<Access>{&access, i};
}

// Splitting is by index, so a producer is an element accessor plus a length: a piece is just
// [from, to), and splitting costs nothing. fold is the leaf loop every operation spends its
// time in; it is written so the compiler vectorizes it as it does the hand loop.
template <class Access>
class index_producer {
public:
    // The element type, which for a proxy reference (std::vector<bool>) is not the reference
    // type without its qualifiers.
    using value_type = typename Access::value_type;

    index_producer(Access access, std::size_t size) : access_(std::move(access)), size_(size) {}

    std::size_t size() const noexcept { return size_; }
    decltype(auto) element(std::size_t i) const { return access_(i); }

    // The loop steps a cursor, as the hand loop steps its variable (g++ 12 vectorizes
    // `start + i * step` over an index only for a constant step), and stops at the last
    // element as the hand loop does: iterators compare with the last one's (`it != end`, one
    // induction variable), other cursors count the elements left. It never steps past the
    // last element, which for a progression's cursor, counting in the element type, would
    // overflow at the type's limit.
    template <class Folder>
    void fold(std::size_t from, std::size_t to, Folder& folder) const
    {
        if (from == to)
            return;
        // par_range's usual steps get loops of their own, chosen once per call: with the step
        // a constant, the element itself ends the loop, as the hand loop's `i < n` does, and
        // no count runs beside it.
        if constexpr (requires { access_.template unit_cursor<1>(from); }) {
            if (access_.step == 1)
                return walk_to(access_.template unit_cursor<1>(from), access_.template unit_cursor<1>(to - 1), folder);
            if (access_.step == std::uintmax_t(-1))
                return walk_to(access_.template unit_cursor<-1>(from), access_.template unit_cursor<-1>(to - 1),
                               folder);
        }
        auto cursor = cursor_at(access_, from);
        if constexpr (std::equality_comparable<decltype(cursor)>) {
            walk_to(cursor, cursor_at(access_, to - 1), folder);
        } else {
            std::size_t left = to - from - 1;
            walk(cursor, [&left] { return left-- != 0; }, folder);
        }
    }

private:
    template <class Cursor, class Folder>
    static void walk_to(Cursor cursor, const Cursor& last, Folder& folder)
    {
        walk(cursor, [&] { return cursor != last; }, folder);
    }

    // The folder is moved into a local for the loop: its address then never escapes, so the
    // compiler keeps an accumulator in a register instead of storing it at every element for
    // fear that the element loads alias it. The last element is consumed after the loop, so
    // that the body reads the cursor before the step, as the hand loop reads its variable.
    // A search tests its own match after each element (done(), a register), as the hand
    // loop's `if (p(x)) break;` does, and publishes it after the loop: with a shared store
    // inside, or the test in the loop's condition, the compiler would reload the element
    // function's captures at every element. What other pieces found reaches it between
    // blocks, through the splitter's full(), one block later at most.
    template <class Cursor, class BeforeLast, class Folder>
    static void walk(Cursor& cursor, BeforeLast before_last, Folder& folder)
    {
        Folder local = std::move(folder);
        if constexpr (Folder::short_circuits) {
            if (!local.done()) {
                for (;;) {
                    local.consume(*cursor);
                    if (local.done() || !before_last())
                        break;
                    ++cursor;
                }
            }
            local.publish();
        } else {
            // Rotated by hand: as a for loop, g++ 12 left a jump back at the end of the body.
            if (before_last()) {
                do {
                    local.consume(*cursor);
                    ++cursor;
                } while (before_last());
            }
            local.consume(*cursor);
        }
        folder = std::move(local);
    }

    Access access_;
    std::size_t size_;
};

// Element i of an arithmetic progression, computed in unsigned arithmetic: wrapping there is
// defined, and the true value always fits the element type, so the conversion back is exact.
template <class T>
struct progression_access {
    using value_type = T;
    std::uintmax_t start;
    std::uintmax_t step;
    T operator()(std::size_t i) const noexcept { return T(start + std::uintmax_t(i) * step); }

    // Counts in the element type, widened for the step so that a step larger than the type
    // (int8_t elements 100 apart) still lands exactly: the compiler then sees the signed
    // variable of the hand loop and strength-reduces `a * x + b` as it does there.
    struct progression_cursor {
        using wide = std::conditional_t<std::is_signed_v<T>, std::intmax_t, std::uintmax_t>;
        T value;
        wide step;
        T operator*() const noexcept { return value; }
        void operator++() noexcept { value = T(wide(value) + step); }
    };
    progression_cursor cursor(std::size_t i) const noexcept
    {
        return {(*this)(i), typename progression_cursor::wide(step)};
    }

    // For step 1 and -1: the step is a constant, and the value compares with the last one's.
    template <int Step>
    struct unit_step_cursor {
        T value;
        T operator*() const noexcept { return value; }
        void operator++() noexcept { value = T(value + Step); }
        bool operator==(const unit_step_cursor&) const = default;
    };
    template <int Step>
    unit_step_cursor<Step> unit_cursor(std::size_t i) const noexcept
    {
        return {(*this)(i)};
    }
};

template <class It>
struct iterator_access {
    using value_type = std::iter_value_t<It>;
    It first;
    decltype(auto) operator()(std::size_t i) const
    {
        return *(first + static_cast<std::iter_difference_t<It>>(i));
    }

    struct iterator_cursor {
        It it;
        decltype(auto) operator*() const { return *it; }
        void operator++() { ++it; }
        bool operator==(const iterator_cursor&) const = default;
    };
    iterator_cursor cursor(std::size_t i) const { return {first + static_cast<std::iter_difference_t<It>>(i)}; }
};

// A forward-only range buffered once as iterators, so its elements are still referenced.
template <class Buffer>
struct buffered_iterator_access {
    using value_type = std::iter_value_t<typename Buffer::value_type>;
    Buffer iterators;
    decltype(auto) operator()(std::size_t i) const { return *iterators[i]; }
};

// A single-pass range buffered once as values.
template <class Buffer>
struct buffered_value_access {
    using value_type = typename Buffer::value_type;
    Buffer values;
    const auto& operator()(std::size_t i) const { return values[i]; }
};

}  // namespace fastiter::detail
