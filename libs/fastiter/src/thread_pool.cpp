// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
#include <fastiter/thread_pool.hpp>

#include <stdexcept>
#include <string>

namespace fastiter {

namespace {

std::size_t checked(std::size_t num_threads, const char* what)
{
    if (num_threads == 0)
        throw std::invalid_argument(std::string(what) + ": num_threads must be at least 1 (the calling thread counts as one)");
    return num_threads;
}

}  // namespace

thread_pool::thread_pool(std::size_t num_threads)
    : owned_(std::in_place, std::max<std::size_t>(checked(num_threads, "fastiter::thread_pool"), 2) - 1),
      core_(std::make_shared<detail::pool_core>(owned_->get_executor(), num_threads))
{
}

thread_pool::thread_pool(boost::asio::thread_pool& pool, std::size_t num_threads)
    : core_(std::make_shared<detail::pool_core>(pool.get_executor(),
                                                checked(num_threads, "fastiter::thread_pool")))
{
}

thread_pool::~thread_pool()
{
    core_->close();
    if (owned_)
        owned_->join();  // drain handlers leave once they find no work
}

}  // namespace fastiter
