// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <boost/config.hpp>

BOOST_SYMBOL_EXPORT long sum_of_multiples_of_3(long n);
