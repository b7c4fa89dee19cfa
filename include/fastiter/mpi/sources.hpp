// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::mpi::par_range and fastiter::mpi::distribute: a global sequence, each rank given
// one balanced block of it.
#pragma once

#include <fastiter/mpi/distributed_iterator.hpp>
#include <fastiter/par_range.hpp>

#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace fastiter::mpi {

namespace detail {

struct block {
    std::size_t begin;
    std::size_t length;
};

// Rank r of p gets n / p elements, one more for the first n % p ranks; ranks past the last
// element get empty blocks.
inline block block_of(std::size_t n, const boost::mpi::communicator& comm)
{
    const auto ranks = std::size_t(comm.size());
    const auto rank = std::size_t(comm.rank());
    const std::size_t base = n / ranks;
    const std::size_t extra = n % ranks;
    return {rank * base + std::min(rank, extra), base + (rank < extra ? 1 : 0)};
}

// Ranks holding ranges of different lengths would cut different blocks, overlapping or
// leaving gaps: a silently wrong answer. One small all_reduce rules it out.
inline void check_same_length(const boost::mpi::communicator& comm, std::size_t n)
{
    using extremes = std::pair<unsigned long long, unsigned long long>;  // shortest, ~longest
    const auto both = boost::mpi::all_reduce(comm, extremes(n, ~static_cast<unsigned long long>(n)),
                                             [](const extremes& a, const extremes& b) {
                                                 return extremes(std::min(a.first, b.first), std::min(a.second, b.second));
                                             });
    if (both.first != ~both.second)
        throw std::invalid_argument("fastiter::mpi::distribute: the ranks hold ranges of different lengths (" +
                                    std::to_string(both.first) + " to " + std::to_string(~both.second) +
                                    "); every rank must pass the same elements");
}

}  // namespace detail

// Python's range(start, stop, step) across the ranks of comm, each rank counting its block
// with its local pool. The same arguments on every rank; throws std::invalid_argument when
// step is 0.
template <std::integral Start, std::integral Stop, std::integral Step = int>
auto par_range(const boost::mpi::communicator& comm, Start start, Stop stop, Step step = 1)
{
    auto source = fastiter::detail::progression(start, stop, step);
    const auto share = detail::block_of(source.length, comm);
    using T = decltype(source.start);
    source.start = T(std::uintmax_t(source.start) + std::uintmax_t(share.begin) * source.step);
    source.length = share.length;
    return distributed_iterator(comm, parallel_iterator(source), share.begin, share.length);
}

// A random-access range every rank holds (the same elements on each), each rank working on
// its block in place: for_each may modify that block. A collective: every rank calls it;
// throws std::invalid_argument on every rank when their ranges' lengths differ.
template <class Range>
auto distribute(const boost::mpi::communicator& comm, Range&& range)
{
    static_assert(std::is_lvalue_reference_v<Range>,
                  "fastiter::mpi::distribute: the range is referenced, not copied, so it must outlive "
                  "the iterator: pass a named container");
    auto first = fastiter::detail::begin_of(range);
    using It = decltype(first);
    static_assert(fastiter::detail::random_access_like<It>,
                  "fastiter::mpi::distribute: each rank finds its block by index, so the range must be "
                  "random-access (a std::vector, std::deque, array or span)");
    const auto n = std::size_t(fastiter::detail::end_of(range) - first);
    detail::check_same_length(comm, n);
    const auto share = detail::block_of(n, comm);
    const auto begin = first + std::ptrdiff_t(share.begin);
    return distributed_iterator(comm, fastiter::into_par_iter(boost::make_iterator_range(begin, begin + std::ptrdiff_t(share.length))),
                                share.begin, share.length);
}

}  // namespace fastiter::mpi
