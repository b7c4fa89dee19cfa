// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::mpi: the same pipelines across the ranks of a Boost.MPI communicator. Optional:
// link fastiter::mpi (CMake) or build with fastiter-mpi=on (b2); the core never needs MPI.
#pragma once

#include <fastiter/fastiter.hpp>
#include <fastiter/mpi/distributed_iterator.hpp>
#include <fastiter/mpi/remote_error.hpp>
#include <fastiter/mpi/sources.hpp>
