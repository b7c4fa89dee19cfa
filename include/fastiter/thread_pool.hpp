// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// fastiter::thread_pool: the threads parallel operations run on, owned or borrowed from Asio.
#pragma once

#include <fastiter/detail/export.hpp>
#include <fastiter/detail/pool_core.hpp>

#include <boost/asio/thread_pool.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace fastiter {

// An operation started on a pool of n threads runs on at most n threads at once: the calling
// thread, which always takes part, and up to n - 1 of the pool's threads. That is how OpenMP
// teams and oneTBB arenas count too, so `thread_pool(2)` on a 2-core machine uses both cores
// without oversubscribing them.
class thread_pool {
public:
    // Owns a boost::asio::thread_pool of num_threads - 1 threads (at least one).
    // Throws std::invalid_argument when num_threads is 0.
    FASTITER_DECL explicit thread_pool(std::size_t num_threads);

    // Runs on the application's own Asio pool (not owned), occupying at most num_threads - 1
    // of its threads per operation, so the application's own handlers keep being served.
    // Destroy this object before the Asio pool stops.
    FASTITER_DECL thread_pool(boost::asio::thread_pool& pool, std::size_t num_threads);

    FASTITER_DECL ~thread_pool();
    thread_pool(const thread_pool&) = delete;
    thread_pool& operator=(const thread_pool&) = delete;

    std::size_t num_threads() const noexcept { return core_->num_threads(); }

    // Calls f on the calling thread; the parallel operations inside it run on this pool and
    // fastiter::num_threads() there returns this pool's size.
    template <class F>
    decltype(auto) install(F&& f)
    {
        detail::current_pool_scope scope(core_.get());
        return std::invoke(std::forward<F>(f));
    }

    detail::pool_core& core() noexcept { return *core_; }

private:
    std::optional<boost::asio::thread_pool> owned_;
    std::shared_ptr<detail::pool_core> core_;
};

}  // namespace fastiter
