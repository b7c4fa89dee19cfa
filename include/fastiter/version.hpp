// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The library's version, Boost-style: FASTITER_VERSION is major * 100000 + minor * 100 + patch,
// as BOOST_VERSION is (0.1.0 is 100, 1.2.3 would be 100203).
#pragma once

#define FASTITER_VERSION 100  // 0.1.0: 0 * 100000 + 1 * 100 + 0
#define FASTITER_VERSION_STRING "0.1.0"
