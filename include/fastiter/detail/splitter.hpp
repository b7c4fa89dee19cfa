// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The one place that decides when to split: run inline in timed blocks, fork when it pays.
#pragma once

#include <fastiter/detail/cost_model.hpp>
#include <fastiter/detail/fork_join.hpp>
#include <fastiter/detail/operation.hpp>

#include <boost/config.hpp>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <utility>

namespace fastiter::detail {

// A producer has size() and fold(from, to, folder), feeding elements [from, to) to the folder.
// A plan has make_folder(offset), giving the folder for the piece starting at `offset`, and
// reduce(left, right), combining the results of two adjacent pieces in order.
// What a pipeline says about its own splitting (with_min_len, with_max_len, deterministic).
struct split_settings {
    std::size_t min_len = 1;
    std::size_t max_len = std::numeric_limits<std::size_t>::max();
    bool deterministic = false;
};

// The leaf loop, out of line so that it gets the registers to itself. Inlined into the
// splitter, whose own state stays live around it, g++ 12 kept the loop counter of an element
// function that calls fmod on the stack: a store and a load per element that the hand loop
// does not pay (7% on the irregular benchmark). One call per block is nothing next to a block.
template <class Producer, class Folder>
BOOST_NOINLINE void fold_leaf(const Producer& producer, std::size_t from, std::size_t to, Folder& folder)
{
    producer.fold(from, to, folder);
}

template <class Producer, class Plan>
class splitter {
public:
    using folder_type = decltype(std::declval<const Plan&>().make_folder(std::size_t{}));
    using result_type = decltype(std::declval<folder_type&&>().complete());

    splitter(const Producer& producer, const Plan& plan, const split_settings& settings, operation& op,
             std::atomic<float>& cost)
        : producer_(producer), plan_(plan), settings_(settings), op_(op), cost_(cost)
    {
    }

    // Runs the whole operation, [0, n). With a cost remembered from earlier calls that predicts
    // a fork worth making, and a thread free to take it, the first fork comes before the first
    // block, so the halves start even and the thief starts a block earlier. Only here, once:
    // checked again at the start of each half, it would see the same thief still counted as
    // hungry until it takes the job and split the left half again with no work done between.
    // Not for searches (any, all, find_*, position_*): the first block is where an early
    // match near the front is found without handing anything out.
    result_type start(std::size_t n, folder_type folder, double known_ns_per_element)
    {
        if constexpr (!folder_type::short_circuits) {
            if (known_ns_per_element > 0 && splits_pay(0, n, known_ns_per_element))
                return split(0, n, std::move(folder), known_ns_per_element);
        }
        return run(0, n, std::move(folder), known_ns_per_element);
    }

private:
    // Runs [from, to) into `folder`, splitting off halves of the rest when the work done so far
    // predicts that the rest is worth a fork and a thread is free to take it. `ns_per_element`
    // is the best guess so far (0: none; then the first blocks probe the cost).
    result_type run(std::size_t from, std::size_t to, folder_type folder, double ns_per_element)
    {
        constexpr std::size_t probe_block = 16;
        std::size_t block = ns_per_element > 0 ? block_for(ns_per_element) : probe_block;
        // Read the clock only when there will be a second block to decide about.
        auto block_start = to - from > block ? clock::now() : clock::time_point{};
        for (std::size_t pos = from;;) {
            const std::size_t end = pos + std::min(block, to - pos);
            fold_leaf(producer_, pos, end, folder);
            const std::size_t done = end - pos;
            pos = end;
            if (pos == to || folder.full() || op_.is_cancelled())
                break;
            const auto now = clock::now();
            ns_per_element = std::max(nanoseconds_between(block_start, now) / double(done), 1e-3);
            block_start = now;
            block = std::min(2 * block, block_for(ns_per_element));
            if (splits_pay(pos, to, ns_per_element)) {
                cost_.store(float(ns_per_element), std::memory_order_relaxed);
                return split(pos, to, std::move(folder), ns_per_element);
            }
        }
        if (ns_per_element > 0)
            cost_.store(float(ns_per_element), std::memory_order_relaxed);
        return std::move(folder).complete();
    }

    static std::size_t block_for(double ns_per_element) noexcept
    {
        return std::max<std::size_t>(1, std::size_t(split_costs::block / ns_per_element));
    }

    bool splits_pay(std::size_t from, std::size_t to, double ns_per_element)
    {
        const double rest = double(to - from) * ns_per_element;
        return to - from >= 2 * settings_.min_len && rest >= split_costs::fork_to_spinning && worth_forking(rest);
    }

    bool worth_forking(double rest_ns)
    {
        auto& pool = op_.pool();
        return pool.has_hungry_thief() ||
               (rest_ns >= split_costs::fork_to_sleeping && pool.can_wake_helper());
    }

    result_type split(std::size_t from, std::size_t to, folder_type folder, double ns_per_element)
    {
        const std::size_t mid = from + (to - from) / 2;
        auto left = [&] { return run(from, mid, std::move(folder), ns_per_element); };
        auto right = [&] { return run(mid, to, plan_.make_folder(mid), ns_per_element); };
        auto [left_result, right_result] = fork_join(op_.pool(), left, right, &op_.cancelled());
        return plan_.reduce(std::move(left_result), std::move(right_result));
    }

    const Producer& producer_;
    const Plan& plan_;
    const split_settings& settings_;
    operation& op_;
    std::atomic<float>& cost_;
};

// A fixed tree, for deterministic() and with_max_len: halves down to leaves of at most `leaf`
// elements (never below min_len), each folded from a fresh folder, combined bottom-up. Threads
// only decide which leaves run where, never how results combine, so with a leaf size that
// depends only on the length and the settings, a floating-point sum is the same bit for bit
// at any thread count.
template <class Producer, class Plan>
auto run_fixed_tree(const Producer& producer, const Plan& plan, std::size_t from, std::size_t to,
                    const split_settings& settings, std::size_t leaf, operation& op)
    -> decltype(std::move(plan.make_folder(0)).complete())
{
    // A piece of an operation that threw elsewhere (its result will never be read) or of a
    // search already decided (any found, find_first matched further left) ends here: the
    // leaves below it cost nothing, where the whole tree would be walked at a leaf per 4096
    // elements. Searches make one more folder per node, to ask it whether they are done.
    using folder_type = decltype(plan.make_folder(from));
    if (op.is_cancelled())
        return plan.make_folder(from).complete();
    const std::size_t length = to - from;
    const bool is_leaf = length <= leaf || length / 2 < settings.min_len;
    if constexpr (folder_type::short_circuits) {
        if (auto decided = plan.make_folder(from); decided.full())
            return std::move(decided).complete();
    }
    if (is_leaf) {
        auto folder = plan.make_folder(from);
        if constexpr (folder_type::short_circuits) {
            // A leaf can be long (with_max_len(n)), and a search's loop checks only its own
            // match: between stretches of the leaf it asks what the other pieces found, as
            // the timed splitter does between blocks.
            constexpr std::size_t stretch = 4096;
            for (std::size_t pos = from; pos != to && !folder.full() && !op.is_cancelled();) {
                const std::size_t end = pos + std::min(stretch, to - pos);
                fold_leaf(producer, pos, end, folder);
                pos = end;
            }
        } else {
            fold_leaf(producer, from, to, folder);
        }
        return std::move(folder).complete();
    }
    const std::size_t mid = from + length / 2;
    auto left = [&] { return run_fixed_tree(producer, plan, from, mid, settings, leaf, op); };
    auto right = [&] { return run_fixed_tree(producer, plan, mid, to, settings, leaf, op); };
    auto& pool = op.pool();
    if (!pool.has_hungry_thief() && !pool.can_wake_helper()) {
        auto left_result = left();
        return plan.reduce(std::move(left_result), right());
    }
    auto [left_result, right_result] = fork_join(pool, left, right, &op.cancelled());
    return plan.reduce(std::move(left_result), std::move(right_result));
}

// Runs a whole operation. A pipeline whose measured cost predicts a short run goes straight
// through the producer's loop: no clock, no pool, nothing but the loop itself.
template <class Producer, class Plan>
auto drive(const Producer& producer, const Plan& plan, const split_settings& settings = {})
{
    using split_type = splitter<Producer, Plan>;
    operation_depth_scope inside;
    const std::size_t n = producer.size();
    if (settings.deterministic || settings.max_len < n) {
        constexpr std::size_t deterministic_leaf = 4096;
        const std::size_t leaf = settings.deterministic ? std::min(deterministic_leaf, settings.max_len) : settings.max_len;
        operation op;
        return run_fixed_tree(producer, plan, 0, n, settings, leaf, op);
    }
    auto& cost = cost_per_element<split_type>;
    auto folder = plan.make_folder(0);
    const double known = cost.load(std::memory_order_relaxed);
    if (known > 0 && double(n) * known < split_costs::inline_budget && !resample_due()) {
        producer.fold(0, n, folder);
        return std::move(folder).complete();
    }
    operation op;
    return split_type(producer, plan, settings, op, cost).start(n, std::move(folder), known);
}

}  // namespace fastiter::detail
