// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// FASTITER_DECL marks what the compiled runtime (libs/fastiter/src/) exports. A shared
// libfastiter is built with hidden visibility, so only these names are its ABI; the templates
// users instantiate stay in their own code. As Boost's libraries do it: FASTITER_DYN_LINK says
// the runtime is a shared library, FASTITER_SOURCE that this is the runtime being built.
#pragma once

#include <boost/config.hpp>

#if defined(FASTITER_DYN_LINK)
#if defined(FASTITER_SOURCE)
#define FASTITER_DECL BOOST_SYMBOL_EXPORT
#else
#define FASTITER_DECL BOOST_SYMBOL_IMPORT
#endif
#else
#define FASTITER_DECL
#endif
