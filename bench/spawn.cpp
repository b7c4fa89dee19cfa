// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "spawn.hpp"

#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/env.hpp>
#include <boost/process/environment.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/io.hpp>
#include <boost/process/pipe.hpp>

#include <iterator>
#include <sys/wait.h>

namespace bench {

namespace bp = boost::process;

child_outcome run_self(const std::vector<std::string>& arguments, const environment_settings& extra_environment)
{
    bp::environment environment = boost::this_process::environment();
    for (const auto& [name, value] : extra_environment)
        environment[name] = value;

    bp::ipstream output;
    // /proc/self/exe, not argv[0]: the worker is exactly this binary, wherever it was run from.
    bp::child child(bp::exe = "/proc/self/exe", bp::args = arguments, bp::env = environment, bp::std_out > output,
                    bp::std_in < bp::null);
    child_outcome outcome;
    // Read to the end before waiting: a child that fills the pipe would otherwise never exit.
    outcome.standard_output.assign(std::istreambuf_iterator<char>(output), std::istreambuf_iterator<char>());
    child.wait();

    // exit_code() folds a killing signal into the exit code; the raw status tells them apart.
    const int status = child.native_exit_code();
    if (WIFEXITED(status))
        outcome.exit_status = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        outcome.signal = WTERMSIG(status);
    return outcome;
}

}  // namespace bench
