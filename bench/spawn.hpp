// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Running this program again as a child process and reading what it prints.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace bench {

struct child_outcome {
    int exit_status = -1;  // the exit code, or -1 when the child did not exit normally
    int signal = 0;        // the signal that ended the child, 0 if none
    std::string standard_output;
};

// Environment variables set for the child on top of this process's own: (name, value).
using environment_settings = std::vector<std::pair<std::string, std::string>>;

// Runs /proc/self/exe with `arguments` (argv[1] onwards) and this process's environment plus
// `extra_environment`, stdin closed and stderr shared with this process, and waits for it.
// Throws std::system_error when it cannot be started.
child_outcome run_self(const std::vector<std::string>& arguments, const environment_settings& extra_environment);

}  // namespace bench
