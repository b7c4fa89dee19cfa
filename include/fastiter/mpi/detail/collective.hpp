// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// How a distributed terminal finishes: each rank runs its share, then one collective both
// combines the partial results in rank order and tells every rank whether some share threw.
#pragma once

#include <fastiter/mpi/remote_error.hpp>

#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/datatype.hpp>
#include <boost/mpi/operations.hpp>
#include <boost/serialization/string.hpp>

#include <algorithm>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace fastiter::mpi::detail {

// Failures are ranked by std::min: a rank whose share threw (0, 1, ...) before a failure of the
// op while combining, before no failure at all.
inline constexpr int no_failure = std::numeric_limits<int>::max();
inline constexpr int combine_failed = no_failure - 1;

// One rank's partial result, or the lowest rank that failed. A plain struct of the value and
// an int, so that when the value is an MPI datatype the whole is one too (specialized below)
// and the reduction runs inside MPI_Allreduce with no serialization.
template <class T>
struct rank_outcome {
    int failed_rank = no_failure;
    T value{};

    template <class Archive>
    void serialize(Archive& archive, unsigned /*version*/)
    {
        archive & failed_rank & value;
    }
};

// std::optional with a fixed layout, for the same reason (Boost 1.74 cannot serialize
// std::optional, and an optional's layout is not an MPI datatype's).
template <class T>
struct maybe {
    bool engaged = false;
    T value{};

    static maybe from(std::optional<T> o)
    {
        return o ? maybe{true, std::move(*o)} : maybe{};
    }
    std::optional<T> to_optional() &&
    {
        return engaged ? std::optional<T>(std::move(value)) : std::nullopt;
    }

    template <class Archive>
    void serialize(Archive& archive, unsigned /*version*/)
    {
        archive & engaged & value;
    }
};

// Boost.MPI 1.74 default-constructs the op inside MPI's callback (user_op::perform in
// boost/mpi/operations.hpp), so an op with state, such as a lambda with captures, reaches it
// through this pointer, set for the collective in flight on this thread: MPI runs a blocking
// collective's op on the thread that called it.
template <class Op>
inline thread_local const Op* op_in_flight = nullptr;

template <class Op>
struct op_in_flight_scope {
    explicit op_in_flight_scope(const Op& op) : previous(op_in_flight<Op>) { op_in_flight<Op> = &op; }
    ~op_in_flight_scope() { op_in_flight<Op> = previous; }
    const Op* previous;
    op_in_flight_scope(const op_in_flight_scope&) = delete;
    op_in_flight_scope& operator=(const op_in_flight_scope&) = delete;
};

// Left is always the lower ranks' result: Boost.MPI declares a user op non-commutative unless
// told otherwise, so MPI combines in rank order, which is source order.
template <class Op>
struct combine_outcomes {
    template <class T>
    rank_outcome<T> operator()(const rank_outcome<T>& left, const rank_outcome<T>& right) const
    {
        const int failed = std::min(left.failed_rank, right.failed_rank);
        if (failed != no_failure)
            return {failed, left.value};
        // The op runs inside MPI's C code here, which an exception must not cross.
        try {
            return {no_failure, static_cast<T>((*op_in_flight<Op>)(left.value, right.value))};
        } catch (...) {
            return {combine_failed, left.value};
        }
    }
};

// Of two maybes, the engaged one; of two engaged, the right one when pick_right says so.
template <class PickRight>
struct pick_engaged {
    PickRight pick_right;

    template <class T>
    maybe<T> operator()(const maybe<T>& left, const maybe<T>& right) const
    {
        if (!left.engaged)
            return right;
        if (!right.engaged)
            return left;
        return pick_right(left.value, right.value) ? right : left;
    }
};

struct never {
    template <class T>
    bool operator()(const T&, const T&) const { return false; }
};
struct always {
    template <class T>
    bool operator()(const T&, const T&) const { return true; }
};

inline std::string describe(const std::exception_ptr& error)
{
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "an exception not derived from std::exception";
    }
}

// Every rank learns failed_rank's message, then throws: its own exception if it has one,
// else remote_error.
[[noreturn]] inline void throw_agreed(const boost::mpi::communicator& comm, int failed_rank,
                                      const std::exception_ptr& mine)
{
    if (failed_rank == combine_failed)
        throw remote_error(-1, "");
    std::string message;
    if (comm.rank() == failed_rank)
        message = describe(mine);
    boost::mpi::broadcast(comm, message, failed_rank);
    if (mine)
        std::rethrow_exception(mine);
    throw remote_error(failed_rank, message);
}

template <class Local>
using local_result_t = std::remove_cvref_t<std::invoke_result_t<Local&>>;

// Runs this rank's share, catching what it throws.
template <class Local>
std::pair<rank_outcome<local_result_t<Local>>, std::exception_ptr> run_share(const boost::mpi::communicator& comm,
                                                                              Local& local)
{
    rank_outcome<local_result_t<Local>> outcome;
    try {
        outcome.value = local();
        return {std::move(outcome), nullptr};
    } catch (...) {
        outcome.failed_rank = comm.rank();
        return {std::move(outcome), std::current_exception()};
    }
}

// local() on every rank, the results combined with op in rank order, on every rank.
template <class Local, class Op>
local_result_t<Local> reduce_shares(const boost::mpi::communicator& comm, Local local, Op op)
{
    auto [mine, error] = run_share(comm, local);
    const op_in_flight_scope<Op> in_flight(op);
    auto all = boost::mpi::all_reduce(comm, std::move(mine), combine_outcomes<Op>{});
    if (all.failed_rank != no_failure)
        throw_agreed(comm, all.failed_rank, error);
    return std::move(all.value);
}

// local() on every rank, each keeping its own result, once all know that none threw.
template <class Local>
local_result_t<Local> agree_on_shares(const boost::mpi::communicator& comm, Local local)
{
    auto [mine, error] = run_share(comm, local);
    const int failed = boost::mpi::all_reduce(comm, mine.failed_rank, boost::mpi::minimum<int>());
    if (failed != no_failure)
        throw_agreed(comm, failed, error);
    return std::move(mine.value);
}

}  // namespace fastiter::mpi::detail

namespace boost::mpi {
template <class T>
struct is_mpi_datatype<fastiter::mpi::detail::rank_outcome<T>> : is_mpi_datatype<T> {};
template <class T>
struct is_mpi_datatype<fastiter::mpi::detail::maybe<T>> : is_mpi_datatype<T> {};
}  // namespace boost::mpi
