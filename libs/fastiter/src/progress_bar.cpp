// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include <fastiter/progress.hpp>

#include <cstdio>
#include <string>

#include <unistd.h>

namespace fastiter {

std::function<void(std::size_t, std::size_t)> progress_bar()
{
    if (!isatty(STDERR_FILENO))
        return [](std::size_t, std::size_t) {};
    return [](std::size_t done, std::size_t total) {
        constexpr std::size_t width = 40;
        const std::size_t filled = total == 0 ? width : done * width / total;
        const std::string bar = std::string(filled, '#') + std::string(width - filled, ' ');
        std::fprintf(stderr, "\r[%s] %3zu%% (%zu/%zu)%s", bar.c_str(), total == 0 ? 100 : done * 100 / total,
                     done, total, done == total ? "\n" : "");
        std::fflush(stderr);
    };
}

}  // namespace fastiter
