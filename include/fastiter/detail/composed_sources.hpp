// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// Sources built from other pipelines: positional adaptors (enumerate, zip, take, skip,
// step_by, rev, chunks) and chain. Each closes the pipeline before it into one producer.
#pragma once

#include <fastiter/detail/producers.hpp>
#include <fastiter/detail/stages.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace fastiter::detail {

// A producer together with the stages after it. fold wraps the caller's folder in the stages
// for one stretch and unwraps it afterwards; when every stage is one-to-one, element(i) is
// element i's output, so positional adaptors can index the pipeline.
// What a producer hands to folders: element(i)'s type where it has one (indexed producers),
// its declared reference type otherwise.
template <class Producer>
struct producer_reference {
    using type = typename Producer::reference;
};
template <class Producer>
    requires requires(const Producer& p) { p.element(0); }
struct producer_reference<Producer> {
    using type = decltype(std::declval<const Producer&>().element(0));
};

template <class Producer, class Stages>
class staged_producer {
public:
    using source_reference = typename producer_reference<Producer>::type;
    using reference = typename Stages::template output<source_reference>;
    using value_type = std::conditional_t<std::is_same_v<reference, source_reference>,
                                          typename Producer::value_type, std::remove_cvref_t<reference>>;

    staged_producer(Producer producer, const Stages& stages)
        : producer_(std::move(producer)), stages_(&stages)
    {
    }

    std::size_t size() const noexcept { return producer_.size(); }

    template <class Folder>
    void fold(std::size_t from, std::size_t to, Folder& folder) const
    {
        auto staged = stages_->wrap(std::move(folder));
        producer_.fold(from, to, staged);
        folder = stages_->unwrap(std::move(staged));
    }

    stored_t<reference> element(std::size_t i) const
        requires Stages::one_to_one
    {
        return stages_->apply(producer_.element(i));
    }

private:
    Producer producer_;
    const Stages* stages_;
};

// The source of a pipeline, closed with its stages.
template <class Source, class Stages>
struct closed_source {
    Source source;
    Stages stages;

    auto producer() const { return staged_producer(source.producer(), stages); }
};

template <class Inner>
struct enumerate_access {
    Inner inner;
    using value_type = std::pair<std::size_t, typename Inner::value_type>;
    value_type operator()(std::size_t i) const { return {i, inner.element(i)}; }
};

template <class A, class B>
struct zip_access {
    A a;
    B b;
    using value_type = std::pair<typename A::value_type, typename B::value_type>;
    value_type operator()(std::size_t i) const { return {a.element(i), b.element(i)}; }
};

// take, skip, step_by and rev all pick element offset + i * stride of the inner pipeline.
template <class Inner>
struct strided_access {
    Inner inner;
    std::ptrdiff_t offset;
    std::ptrdiff_t stride;
    using value_type = typename Inner::value_type;
    decltype(auto) operator()(std::size_t i) const
    {
        return inner.element(std::size_t(offset + std::ptrdiff_t(i) * stride));
    }
};

template <class Inner>
struct chunk_access {
    Inner inner;
    std::size_t chunk;
    using value_type = std::vector<typename Inner::value_type>;
    value_type operator()(std::size_t i) const
    {
        const std::size_t first = i * chunk, last = std::min(inner.size(), first + chunk);
        value_type out;
        out.reserve(last - first);
        for (std::size_t j = first; j != last; ++j)
            out.emplace_back(inner.element(j));
        return out;
    }
};

enum class stride_kind { take, skip, step_by, rev };

template <class Inner>
struct enumerate_source {
    Inner inner;
    auto producer() const
    {
        auto p = inner.producer();
        const auto n = p.size();
        return index_producer(enumerate_access<decltype(p)>{std::move(p)}, n);
    }
};

template <class A, class B>
struct zip_source {
    A a;
    B b;
    auto producer() const
    {
        auto pa = a.producer();
        auto pb = b.producer();
        const auto n = std::min(pa.size(), pb.size());
        return index_producer(zip_access<decltype(pa), decltype(pb)>{std::move(pa), std::move(pb)}, n);
    }
};

template <class Inner>
struct strided_source {
    Inner inner;
    stride_kind kind;
    std::size_t k;

    auto producer() const
    {
        auto p = inner.producer();
        const std::size_t n = p.size();
        std::ptrdiff_t offset = 0, stride = 1;
        std::size_t count = n;
        switch (kind) {
        case stride_kind::take: count = std::min(k, n); break;
        case stride_kind::skip: offset = std::ptrdiff_t(std::min(k, n)); count = n - std::size_t(offset); break;
        case stride_kind::step_by: stride = std::ptrdiff_t(k); count = n == 0 ? 0 : (n - 1) / k + 1; break;
        case stride_kind::rev: offset = std::ptrdiff_t(n) - 1; stride = -1; break;
        }
        return index_producer(strided_access<decltype(p)>{std::move(p), offset, stride}, count);
    }
};

template <class Inner>
struct chunks_source {
    Inner inner;
    std::size_t chunk;
    auto producer() const
    {
        auto p = inner.producer();
        const auto n = p.size() == 0 ? 0 : (p.size() - 1) / chunk + 1;
        return index_producer(chunk_access<decltype(p)>{std::move(p), chunk}, n);
    }
};

// a's elements, then b's. Positions run on from a into b, so pieces may span both.
template <class A, class B>
class chain_producer {
public:
    using value_type = std::common_type_t<typename A::value_type, typename B::value_type>;
    using reference = value_type;

    chain_producer(A a, B b) : a_(std::move(a)), b_(std::move(b)) {}
    std::size_t size() const noexcept { return a_.size() + b_.size(); }

    template <class Folder>
    void fold(std::size_t from, std::size_t to, Folder& folder) const
    {
        const std::size_t split = a_.size();
        if (from < split)
            a_.fold(from, std::min(to, split), folder);
        if (to > split && !(Folder::short_circuits && folder.full()))
            b_.fold(std::max(from, split) - split, to - split, folder);
    }

    value_type element(std::size_t i) const
        requires requires(const A& a, const B& b) {
            a.element(i);
            b.element(i);
        }
    {
        return i < a_.size() ? value_type(a_.element(i)) : value_type(b_.element(i - a_.size()));
    }

private:
    A a_;
    B b_;
};

template <class A, class B>
struct chain_source {
    A a;
    B b;
    auto producer() const { return chain_producer(a.producer(), b.producer()); }
};

}  // namespace fastiter::detail
