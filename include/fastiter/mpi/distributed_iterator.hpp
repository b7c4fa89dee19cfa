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
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
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

    distributed_iterator(boost::mpi::communicator comm, Local local, std::size_t offset)
        : comm_(std::move(comm)), local_(std::move(local)), offset_(offset)
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
    std::vector<value_type> collect() const
    {
        auto mine = collect_share();
        std::vector<int> sizes;
        boost::mpi::all_gather(comm_, int(mine.size()), sizes);
        std::vector<value_type> all;
        boost::mpi::all_gatherv(comm_, mine, all, sizes);
        return all;
    }
    // All elements in global order on rank root; an empty vector on the other ranks.
    std::vector<value_type> collect_root(int root) const
    {
        if (root < 0 || root >= comm_.size())
            throw std::invalid_argument("fastiter::mpi: collect_root(" + std::to_string(root) +
                                        "): the root must be a rank of the communicator, 0 to " +
                                        std::to_string(comm_.size() - 1));
        auto mine = collect_share();
        if (comm_.rank() != root) {
            boost::mpi::gather(comm_, int(mine.size()), root);
            boost::mpi::gatherv(comm_, mine, root);
            return {};
        }
        std::vector<int> sizes;
        boost::mpi::gather(comm_, int(mine.size()), sizes, root);
        std::size_t total = 0;
        for (int size : sizes)
            total += std::size_t(size);
        std::vector<value_type> all(total);
        boost::mpi::gatherv(comm_, mine, all.data(), sizes, root);
        return all;
    }

private:
    template <class Next>
    distributed_iterator<Next> with(Next next) const
    {
        return {comm_, std::move(next), offset_};
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

    // MPI counts elements in int.
    std::vector<value_type> collect_share() const
    {
        return detail::agree_on_shares(comm_, [this] {
            auto share = local_.collect();
            if (share.size() > std::size_t(std::numeric_limits<int>::max()))
                throw std::length_error("fastiter::mpi: collect: a rank's share holds " + std::to_string(share.size()) +
                                        " elements, more than MPI can count in an int; use more ranks");
            return share;
        });
    }

    boost::mpi::communicator comm_;
    Local local_;
    std::size_t offset_;
};

// The pipe: fastiter's steps work on a distributed iterator as on a local one.
template <class Local, class Run>
decltype(auto) operator|(distributed_iterator<Local> it, fastiter::detail::pipe_step<Run> step)
{
    return std::move(step.run)(std::move(it));
}

}  // namespace fastiter::mpi
