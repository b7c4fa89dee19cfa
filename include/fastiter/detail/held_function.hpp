// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// How a folder holds the function of its stage or terminal.
#pragma once

#include <memory>
#include <type_traits>

namespace fastiter::detail {

// Small trivially copyable functions (lambdas capturing a few values) are copied into the
// folder, so that the leaf loop, which works on a local copy of its folder, has the captures
// in registers as the hand loop has. Through a pointer, a loop that can stop early (any,
// find_*) reloads them at every element: the compiler may not load ahead of a test that exits.
// Other functions (larger, move-only or not trivially copyable: anything polymorphic) are held
// by pointer, so that making a folder costs nothing whatever the function owns. Either way
// the function is only ever called as const; a small one is called on a copy, so a function
// object passed by a reference to a non-polymorphic base is called as that base.
template <class F>
class held_function {
    static constexpr bool small_value() noexcept
    {
        if constexpr (std::is_object_v<F>)  // not a function type (for_each(plain_function))
            return std::is_trivially_copyable_v<F> && std::is_copy_constructible_v<F> &&
                   sizeof(F) <= 4 * sizeof(void*);
        else
            return false;
    }
    static constexpr bool by_value = small_value();

public:
    explicit held_function(const F& fn) noexcept : held_(hold(fn)) {}
    held_function(const held_function&) = default;

    // Folders are assigned back after the leaf loop; a lambda has no assignment of its own,
    // and a trivially copyable one is replaced in place.
    held_function& operator=(const held_function& other) noexcept
    {
        if (this != &other) {
            std::destroy_at(&held_);
            std::construct_at(&held_, other.held_);
        }
        return *this;
    }

    const F& get() const noexcept
    {
        if constexpr (by_value)
            return held_;
        else
            return *held_;
    }

private:
    static auto hold(const F& fn) noexcept
    {
        if constexpr (by_value)
            return fn;
        else
            return &fn;
    }

    std::conditional_t<by_value, F, const F*> held_;
};

}  // namespace fastiter::detail
