// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include "spawn.hpp"

#include <cerrno>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>

extern char** environ;

namespace bench {

namespace {

// Closes the descriptors it owns on every path out of run_self.
struct pipe_ends {
    int fds[2] = {-1, -1};
    ~pipe_ends()
    {
        for (int fd : fds)
            if (fd >= 0)
                ::close(fd);
    }
    void close_end(int which)
    {
        ::close(fds[which]);
        fds[which] = -1;
    }
};

struct spawn_actions {
    posix_spawn_file_actions_t actions;
    spawn_actions() { posix_spawn_file_actions_init(&actions); }
    ~spawn_actions() { posix_spawn_file_actions_destroy(&actions); }
};

}  // namespace

child_outcome run_self(const std::vector<std::string>& arguments, const std::vector<std::string>& extra_environment)
{
    // /proc/self/exe, not argv[0]: the worker is exactly this binary, wherever it was run from.
    static const char self[] = "/proc/self/exe";
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>("fastiter-bench"));
    for (const auto& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> environment;
    for (char** entry = environ; *entry; ++entry)
        environment.push_back(*entry);
    for (const auto& entry : extra_environment)
        environment.push_back(const_cast<char*>(entry.c_str()));
    environment.push_back(nullptr);

    pipe_ends output;
    if (::pipe2(output.fds, O_CLOEXEC) != 0)
        throw std::system_error(errno, std::generic_category(), "pipe2");
    spawn_actions actions;
    posix_spawn_file_actions_adddup2(&actions.actions, output.fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);

    pid_t child = 0;
    if (const int error = posix_spawn(&child, self, &actions.actions, nullptr, argv.data(), environment.data()))
        throw std::system_error(error, std::generic_category(), "posix_spawn of /proc/self/exe");
    output.close_end(1);

    child_outcome outcome;
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(output.fds[0], buffer, sizeof buffer);
        if (got > 0)
            outcome.standard_output.append(buffer, std::size_t(got));
        else if (got == 0 || errno != EINTR)
            break;
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status))
        outcome.exit_status = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        outcome.signal = WTERMSIG(status);
    return outcome;
}

}  // namespace bench
