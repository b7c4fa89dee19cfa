// Producers: the splittable sources. Every source is indexed: element i is access(i).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <utility>

namespace fastiter::detail {

// Splitting is by index, so a producer is an element accessor plus a length: a piece is just
// [from, to), and splitting costs nothing. fold is the leaf loop every operation spends its
// time in; it is written so the compiler vectorizes it as well as the hand loop.
template <class Access>
class index_producer {
public:
    // The element type, which for a proxy reference (std::vector<bool>) is not the reference
    // type without its qualifiers.
    using value_type = typename Access::value_type;

    index_producer(Access access, std::size_t size) : access_(std::move(access)), size_(size) {}

    std::size_t size() const noexcept { return size_; }
    decltype(auto) element(std::size_t i) const { return access_(i); }

    // The folder is moved into a local for the loop: its address then never escapes, so the
    // compiler keeps an accumulator in a register instead of storing it at every element for
    // fear that the element loads alias it.
    template <class Folder>
    void fold(std::size_t from, std::size_t to, Folder& folder) const
    {
        Folder local = std::move(folder);
        if constexpr (Folder::short_circuits) {
            for (std::size_t i = from; i != to && !local.full(); ++i)
                local.consume(access_(i));
        } else {
            for (std::size_t i = from; i != to; ++i)
                local.consume(access_(i));
        }
        folder = std::move(local);
    }

private:
    Access access_;
    std::size_t size_;
};

// Element i of an arithmetic progression, computed in unsigned arithmetic: wrapping there is
// defined, and the true value always fits the element type, so the conversion back is exact.
template <class T>
struct progression_access {
    using value_type = T;
    std::uintmax_t start;
    std::uintmax_t step;
    T operator()(std::size_t i) const noexcept { return T(start + std::uintmax_t(i) * step); }
};

template <class It>
struct iterator_access {
    using value_type = std::iter_value_t<It>;
    It first;
    decltype(auto) operator()(std::size_t i) const
    {
        return *(first + static_cast<std::iter_difference_t<It>>(i));
    }
};

// A forward-only range buffered once as iterators, so its elements are still referenced.
template <class Buffer>
struct buffered_iterator_access {
    using value_type = std::iter_value_t<typename Buffer::value_type>;
    Buffer iterators;
    decltype(auto) operator()(std::size_t i) const { return *iterators[i]; }
};

// A single-pass range buffered once as values.
template <class Buffer>
struct buffered_value_access {
    using value_type = typename Buffer::value_type;
    Buffer values;
    const auto& operator()(std::size_t i) const { return values[i]; }
};

}  // namespace fastiter::detail
