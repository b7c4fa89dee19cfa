// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Umbrella header: everything fastiter offers.
#pragma once

#include <fastiter/adaptors.hpp>
#include <fastiter/config.hpp>
#include <fastiter/default_init_allocator.hpp>
#include <fastiter/join.hpp>
#include <fastiter/par_range.hpp>
#include <fastiter/parallel_iterator.hpp>
#include <fastiter/progress.hpp>
#include <fastiter/scope.hpp>
#include <fastiter/sort.hpp>
#include <fastiter/terminals.hpp>
#include <fastiter/thread_pool.hpp>
#include <fastiter/version.hpp>
