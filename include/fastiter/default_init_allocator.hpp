// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// An allocator whose value-less construct default-initialises: std::vector<T,
// default_init_allocator<T>>(n) leaves trivial elements unwritten instead of zeroing them.
// collect_into such a vector and the parallel writes are the only pass over the memory;
// collect() into a plain std::vector must zero it first, on the calling thread.
#pragma once

#include <boost/core/noinit_adaptor.hpp>

#include <memory>

namespace fastiter {

// Boost.Core's noinit_adaptor (Boost 1.70 and later) is that allocator; the name stays because
// users' code, the guide and the benchmarks spell it. To keep an allocator of your own, adapt it
// instead: std::vector<T, boost::noinit_adaptor<A>>, which collect_into fills in place as well.
//
// Boost.Container's vector(n, default_init) does not serve: there default initialisation is a
// choice each call makes (the default_init_t overloads), while collect_into sizes its result
// with Vector(n), and it writes in place only into a std::vector (any allocator); any other
// container is built from a collected std::vector, one more pass.
template <class T>
using default_init_allocator = boost::noinit_adaptor<std::allocator<T>>;

}  // namespace fastiter
