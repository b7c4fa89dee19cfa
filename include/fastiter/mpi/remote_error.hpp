// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::mpi::remote_error: what a rank throws when another rank's part of a terminal threw.
#pragma once

#include <stdexcept>
#include <string>

namespace fastiter::mpi {

// The rank whose share threw rethrows its own exception; every other rank throws this, so no
// rank is left waiting in a collective. A rank of -1 means the reduce op threw while the
// ranks' partial results were being combined, inside MPI, where its message is lost.
class remote_error : public std::runtime_error {
public:
    remote_error(int rank, const std::string& what_there)
        : std::runtime_error(rank < 0 ? "fastiter::mpi: the reduce op threw while combining the ranks' results"
                                      : "fastiter::mpi: rank " + std::to_string(rank) + " threw: " + what_there),
          rank_(rank)
    {
    }
    int rank() const noexcept { return rank_; }

private:
    int rank_;
};

}  // namespace fastiter::mpi
