// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// What this program measures and what it was built with: --list and --build-info.
#pragma once

#include <ostream>

namespace bench {

void print_list(std::ostream& out);
void print_build_info(std::ostream& out);

}  // namespace bench
