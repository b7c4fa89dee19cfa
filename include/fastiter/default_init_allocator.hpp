// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// An allocator whose value-less construct default-initialises: std::vector<T,
// default_init_allocator<T>>(n) leaves trivial elements unwritten instead of zeroing them.
// collect_into such a vector and the parallel writes are the only pass over the memory;
// collect() into a plain std::vector must zero it first, on the calling thread.
#pragma once

#include <memory>
#include <new>
#include <type_traits>

namespace fastiter {

template <class T>
struct default_init_allocator : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = default_init_allocator<U>;
    };

    default_init_allocator() = default;
    template <class U>
    default_init_allocator(const default_init_allocator<U>&) noexcept
    {
    }

    template <class U>
    void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>)
    {
        ::new (static_cast<void*>(p)) U;
    }
    // Hiding std::allocator's construct leaves the rest to std::allocator_traits, which
    // constructs from the arguments given.
};

}  // namespace fastiter
