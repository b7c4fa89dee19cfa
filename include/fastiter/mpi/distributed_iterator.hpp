// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::mpi::distributed_iterator: one rank's share of a pipeline that spans the ranks of
// a communicator; adaptors run locally, terminals combine across ranks.
#pragma once

#include <fastiter/detail/pipe.hpp>
#include <fastiter/mpi/detail/collective.hpp>

#include <boost/mpi/collectives/all_gather.hpp>
#include <boost/mpi/collectives/all_gatherv.hpp>
#include <boost/mpi/collectives/gather.hpp>
#include <boost/mpi/collectives/gatherv.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/serialization/utility.hpp>
#include <boost/serialization/vector.hpp>

#include <cstddef>
#include <functional>
#include <iterator>
#include <limits>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace fastiter::mpi {

// Each rank holds a parallel iterator over its block of the global sequence (blocks in rank
// order) and the global position of that block's first element. Every terminal is a
// collective: all ranks of the communicator must call it, in the same order, from the thread
// that initialised MPI. Elements that cross ranks (results of reduce, min, find, collect)
// must be MPI datatypes or serializable with Boost.Serialization, and default-constructible.
template <class Local>
class distributed_iterator {
public:
    using value_type = typename Local::value_type;

    // offset: the global position of local's first element; length: local's element count
    // while it is indexed (the positional adaptors need it).
    distributed_iterator(boost::mpi::communicator comm, Local local, std::size_t offset, std::size_t length)
        : comm_(std::move(comm)), local_(std::move(local)), offset_(offset), length_(length)
    {
    }

    // This rank's share, as a plain local parallel iterator.
    const Local& local() const noexcept { return local_; }
    // The global position of this rank's first element.
    std::size_t offset() const noexcept { return offset_; }
    const boost::mpi::communicator& communicator() const noexcept { return comm_; }

    // --- stages: run on each rank's share, as in fastiter::parallel_iterator ----------------

    template <class F>
    auto map(F fn) const { return with(local_.map(std::move(fn))); }
    template <class P>
    auto filter(P pred) const { return with(local_.filter(std::move(pred))); }
    template <class F>
    auto filter_map(F fn) const { return with(local_.filter_map(std::move(fn))); }
    template <class F>
    auto flat_map(F fn) const { return with(local_.flat_map(std::move(fn))); }
    template <class F>
    auto inspect(F fn) const { return with(local_.inspect(std::move(fn))); }
    template <class T, class Op>
    auto fold(T identity, Op op) const { return with(local_.fold(std::move(identity), std::move(op))); }
    // Positions are global: rank r's first element is at offset().
    auto enumerate() const
    {
        return with(local_.enumerate().map([offset = offset_](auto indexed) {
            indexed.first += offset;
            return indexed;
        }));
    }
    auto with_min_len(std::size_t n) const { return with(local_.with_min_len(n)); }
    auto with_max_len(std::size_t n) const { return with(local_.with_max_len(n)); }
    // Each rank's share in a fixed tree; with MPI's fixed order of combining, the result is the
    // same bit for bit for a given number of ranks, at any thread count.
    auto deterministic() const { return with(local_.deterministic()); }

    // Global positions, as one sequence; the ranks keep their blocks (nothing moves between
    // ranks), so after take or skip the work may sit on fewer ranks.
    auto take(std::size_t n) const
    {
        const std::size_t kept = std::min(length_, n > offset_ ? n - offset_ : 0);
        return repositioned(local_.take(kept), offset_, kept);
    }
    auto skip(std::size_t n) const
    {
        const std::size_t dropped = std::min(length_, n > offset_ ? n - offset_ : 0);
        return repositioned(local_.skip(dropped), std::max(offset_, n) - n, length_ - dropped);
    }
    // Every k-th element of the whole sequence from its first; k = 0 throws std::invalid_argument.
    auto step_by(std::size_t k) const
    {
        if (k == 0)
            throw std::invalid_argument("fastiter: step_by(0): the step must be at least 1");
        const std::size_t first = std::min(length_, (k - offset_ % k) % k);
        return repositioned(local_.skip(first).step_by(k), (offset_ + k - 1) / k, (length_ - first + k - 1) / k);
    }

    // --- terminals: collectives, the same result on every rank ------------------------------

    auto sum() const { return reduce(value_type{}, std::plus<>{}); }
    auto product() const { return reduce(value_type{1}, std::multiplies<>{}); }
    std::size_t count() const
    {
        return detail::reduce_shares(comm_, [this] { return local_.count(); }, std::plus<>{});
    }
    // identity neutral for op, op associative (not necessarily commutative): shares combine in
    // rank order, so the result is the sequential loop's, up to reassociation.
    template <class T, class Op>
    T reduce(T identity, Op op) const
    {
        return detail::reduce_shares(comm_, [&] { return local_.reduce(identity, op); }, op);
    }

    auto min() const { return min_by(std::less<>{}); }
    auto max() const { return max_by(std::less<>{}); }
    // The first of equal minima and the last of equal maxima, as locally.
    template <class Less>
    std::optional<value_type> min_by(Less less) const
    {
        return pick([&] { return local_.min_by(less); },
                    [less](const auto& left, const auto& right) { return bool(less(right, left)); });
    }
    template <class Less>
    std::optional<value_type> max_by(Less less) const
    {
        return pick([&] { return local_.max_by(less); },
                    [less](const auto& left, const auto& right) { return !less(right, left); });
    }
    template <class Key>
    auto min_by_key(Key key) const { return min_by(fastiter::detail::by_key<Key>{std::move(key)}); }
    template <class Key>
    auto max_by_key(Key key) const { return max_by(fastiter::detail::by_key<Key>{std::move(key)}); }

    template <class P = fastiter::detail::truthy>
    bool any(const P& pred = {}) const
    {
        return detail::reduce_shares(comm_, [&] { return local_.any(pred); }, std::logical_or<>{});
    }
    template <class P = fastiter::detail::truthy>
    bool all(const P& pred = {}) const
    {
        return detail::reduce_shares(comm_, [&] { return local_.all(pred); }, std::logical_and<>{});
    }

    // Each rank stops early on its own share; the ranks are not told of each other's matches.
    template <class P>
    std::optional<value_type> find_any(const P& pred) const
    {
        return pick([&] { return local_.find_any(pred); }, detail::never{});
    }
    template <class P>
    std::optional<value_type> find_first(const P& pred) const
    {
        return pick([&] { return local_.find_first(pred); }, detail::never{});
    }
    template <class P>
    std::optional<value_type> find_last(const P& pred) const
    {
        return pick([&] { return local_.find_last(pred); }, detail::always{});
    }
    template <class P>
    std::optional<std::size_t> position_any(const P& pred) const
    {
        return pick([&] { return global(local_.position_any(pred)); }, detail::never{});
    }
    template <class P>
    std::optional<std::size_t> position_first(const P& pred) const
    {
        return pick([&] { return global(local_.position_first(pred)); }, detail::never{});
    }

    // Calls fn on every element of this rank's share; returns once every rank is done.
    template <class F>
    void for_each(const F& fn) const
    {
        detail::agree_on_shares(comm_, [&] {
            local_.for_each(fn);
            return true;
        });
    }

    // All elements in global order, on every rank.
    std::vector<value_type> collect() const { return gather(std::nullopt); }
    // All elements in global order on rank root; an empty vector on the other ranks.
    std::vector<value_type> collect_root(int root) const
    {
        if (root < 0 || root >= comm_.size())
            throw std::invalid_argument("fastiter::mpi: collect_root(" + std::to_string(root) +
                                        "): the root must be a rank of the communicator, 0 to " +
                                        std::to_string(comm_.size() - 1));
        return gather(root);
    }
    // As collect, into any container constructible from an iterator pair.
    template <class Container>
    Container collect_into() const
    {
        auto all = collect();
        if constexpr (std::is_same_v<Container, std::vector<value_type>>)
            return all;
        else
            return Container(std::make_move_iterator(all.begin()), std::make_move_iterator(all.end()));
    }

private:
    template <class Next>
    distributed_iterator<Next> with(Next next) const
    {
        return {comm_, std::move(next), offset_, length_};
    }

    std::optional<std::size_t> global(std::optional<std::size_t> local_position) const
    {
        if (local_position)
            *local_position += offset_;
        return local_position;
    }

    // share() returns an optional; the engaged results of all ranks are chosen from in rank order.
    template <class Share, class PickRight>
    auto pick(Share share, PickRight pick_right) const
    {
        using T = typename decltype(share())::value_type;
        return detail::reduce_shares(comm_, [&] { return detail::maybe<T>::from(share()); },
                                     detail::pick_engaged<PickRight>{std::move(pick_right)})
            .to_optional();
    }

    template <class Next>
    distributed_iterator<Next> repositioned(Next next, std::size_t offset, std::size_t length) const
    {
        return {comm_, std::move(next), offset, length};
    }

    // std::vector<bool> has no data() for MPI to read or write: bools travel as chars.
    using wire_type = std::conditional_t<std::is_same_v<value_type, bool>, char, value_type>;

    // Every step that can fail on one rank (the share, the total, the receiving buffer) is
    // agreed on before the next collective, so no rank waits for one that threw.
    std::vector<value_type> gather(std::optional<int> root) const
    {
        auto mine = detail::agree_on_shares(comm_, [this] {
            auto share = local_.collect();
            if constexpr (std::is_same_v<wire_type, value_type>)
                return share;
            else
                return std::vector<wire_type>(share.begin(), share.end());
        });
        std::vector<unsigned long long> counts;
        boost::mpi::all_gather(comm_, static_cast<unsigned long long>(mine.size()), counts);
        const unsigned long long total = std::accumulate(counts.begin(), counts.end(), 0ULL);
        if (total > unsigned(std::numeric_limits<int>::max()))
            throw std::length_error("fastiter::mpi: collect: " + std::to_string(total) +
                                    " elements in all, more than MPI counts in an int; collect_root a part "
                                    "at a time, or reduce instead");
        const std::vector<int> sizes(counts.begin(), counts.end());
        const bool receives = !root || comm_.rank() == *root;
        auto all = detail::agree_on_shares(comm_, [&] { return std::vector<wire_type>(receives ? total : 0); });
        // MPI reads the datatype through the first element, which an empty share lacks.
        wire_type placeholder{};
        const wire_type* first = mine.empty() ? &placeholder : mine.data();
        wire_type* out = all.empty() ? &placeholder : all.data();
        if (!root)
            boost::mpi::all_gatherv(comm_, first, out, sizes);
        else if (receives)
            boost::mpi::gatherv(comm_, first, int(mine.size()), out, sizes, *root);
        else
            boost::mpi::gatherv(comm_, first, int(mine.size()), *root);
        if constexpr (std::is_same_v<wire_type, value_type>)
            return all;
        else
            return std::vector<value_type>(all.begin(), all.end());
    }

    boost::mpi::communicator comm_;
    Local local_;
    std::size_t offset_;
    std::size_t length_;
};

// The pipe: fastiter's steps work on a distributed iterator as on a local one.
template <class Local, class Run>
decltype(auto) operator|(distributed_iterator<Local> it, fastiter::detail::pipe_step<Run> step)
{
    return std::move(step.run)(std::move(it));
}

}  // namespace fastiter::mpi
