// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The kernel zoo's cells. Each cell is a source, an element function and a terminal; its hand
// kernel is the plain loop over the source with the function and the terminal written inline,
// its fastiter kernel the pipeline a user would write. Both see the same runtime constants.
#include "zoo.hpp"

#include "workloads.hpp"

#include <fastiter/fastiter.hpp>

#include <boost/range/irange.hpp>

#include <cmath>
#include <deque>
#include <limits>
#include <ranges>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace bench {

namespace {

namespace fi = fastiter;

// Read once per call, so no compiler can fold them into the loops.
volatile long salt_seed = 0x5a5a5a;
volatile long slope_seed = 3;
volatile long offset_seed = 7;
// No element function yields it: any must visit everything, and cannot prove so beforehand.
volatile long absent_seed = -1;

struct constants {
    long salt = salt_seed;
    long slope = slope_seed;
    long offset = offset_seed;
};

// --- sources: hand(in, visit) is the loop a user writes; visit returns false to stop -------

struct range_step1 {
    static constexpr const char* name = "range";
    static constexpr input_kind input = input_kind::index_range;
    template <class Visit>
    static void hand(const workload_input& in, Visit visit)
    {
        for (long i = 0; i < in.n; ++i)
            if (!visit(i))
                return;
    }
    static auto fastiter(const workload_input& in) { return fi::par_range(0L, in.n); }
};

struct range_step3 {
    static constexpr const char* name = "range_step3";
    static constexpr input_kind input = input_kind::index_range;
    template <class Visit>
    static void hand(const workload_input& in, Visit visit)
    {
        for (long i = 0; i < in.n; i += 3)
            if (!visit(i))
                return;
    }
    static auto fastiter(const workload_input& in) { return fi::par_range(0L, in.n, 3); }
};

struct range_descending {
    static constexpr const char* name = "range_descending";
    static constexpr input_kind input = input_kind::index_range;
    template <class Visit>
    static void hand(const workload_input& in, Visit visit)
    {
        for (long i = in.n; i > 0; --i)
            if (!visit(i))
                return;
    }
    static auto fastiter(const workload_input& in) { return fi::par_range(in.n, 0L, -1); }
};

template <class Range>
struct iterated_source {
    template <class Visit>
    static void hand(const workload_input& in, Visit visit)
    {
        for (auto x : Range::make(in))
            if (!visit(x))
                return;
    }
    static auto fastiter(const workload_input& in) { return fi::into_par_iter(Range::make(in)); }
};

struct irange_source : iterated_source<irange_source> {
    static constexpr const char* name = "irange";
    static constexpr input_kind input = input_kind::index_range;
    static auto make(const workload_input& in) { return boost::irange(0L, in.n); }
};

// clang 14 cannot compile libstdc++ 12's std::views (fixed in clang 15): no iota cells there.
#if defined(__clang__) && __clang_major__ < 15 && defined(_GLIBCXX_RELEASE) && _GLIBCXX_RELEASE >= 12
#define FASTITER_ZOO_STD_VIEWS 0
#else
#define FASTITER_ZOO_STD_VIEWS 1
#endif

#if FASTITER_ZOO_STD_VIEWS
struct iota_source : iterated_source<iota_source> {
    static constexpr const char* name = "iota";
    static constexpr input_kind input = input_kind::index_range;
    static auto make(const workload_input& in) { return std::views::iota(0L, in.n); }
};
#endif

struct long_vector : iterated_source<long_vector> {
    static constexpr const char* name = "vector_long";
    static constexpr input_kind input = input_kind::data_vector;
    static auto make(const workload_input& in) { return in.data; }
};

struct int_vector : iterated_source<int_vector> {
    static constexpr const char* name = "vector_int";
    static constexpr input_kind input = input_kind::int_vector;
    static auto make(const workload_input& in) { return in.ints; }
};

struct double_vector : iterated_source<double_vector> {
    static constexpr const char* name = "vector_double";
    static constexpr input_kind input = input_kind::double_vector;
    static auto make(const workload_input& in) { return in.doubles; }
};

// --- element functions: integers widen to long (vector_int's identity is the widening) -----

template <class X>
using widened = std::conditional_t<std::is_floating_point_v<X>, double, long>;

struct identity_fn {
    static constexpr const char* name = "identity";
    static auto make(const constants&) { return [](auto x) { return widened<decltype(x)>(x); }; }
};

struct square_fn {
    static constexpr const char* name = "square";
    static auto make(const constants&)
    {
        return [](auto x) {
            const widened<decltype(x)> y = x;
            return y * y;
        };
    }
};

struct xor_fn {
    static constexpr const char* name = "xor";
    static auto make(const constants& k) { return [salt = k.salt](auto x) { return long(x) ^ salt; }; }
};

struct affine_fn {
    static constexpr const char* name = "affine";
    static auto make(const constants& k)
    {
        return [a = k.slope, b = k.offset](auto x) { return widened<decltype(x)>(a) * x + widened<decltype(x)>(b); };
    }
};

struct sqrt_fn {
    static constexpr const char* name = "sqrt";
    static auto make(const constants&) { return [](double x) { return std::sqrt(x); }; }
};

// filter(even) then map(square): the function is partial, so hand loops skip, fastiter filters.
struct even_square_fn {
    static constexpr const char* name = "even_square";
    static constexpr bool filters = true;
    static auto keep() { return [](auto x) { return x % 2 == 0; }; }
    static auto make(const constants& k) { return square_fn::make(k); }
};

template <class Fn>
constexpr bool filters = requires { Fn::filters; };

// --- terminals over the function's outputs y -----------------------------------------------

constexpr auto multiple_of_3 = [](auto y) { return long(y) % 3 == 0; };

// any's predicate: y is the absent value, which none is.
auto is_absent()
{
    return [absent = long(absent_seed)](auto y) { return y == decltype(y)(absent); };
}

struct sum_terminal {
    static constexpr const char* name = "sum";
    template <class Y>
    static long checksum(Y total)
    {
        if constexpr (std::is_floating_point_v<Y>)
            return rounded_checksum(total);
        else
            return total;
    }
    template <class Y, class Each>
    static long hand(Each each)
    {
        Y total = 0;
        each([&](Y y) { total += y; return true; });
        return checksum(total);
    }
    static long fastiter(auto it) { return checksum(std::move(it).sum()); }
};

struct count_terminal {
    static constexpr const char* name = "count";
    template <class Y, class Each>
    static long hand(Each each)
    {
        long count = 0;
        each([&](Y y) { count += multiple_of_3(y); return true; });
        return count;
    }
    static long fastiter(auto it) { return long(std::move(it).filter(multiple_of_3).count()); }
};

struct max_terminal {
    static constexpr const char* name = "max";
    template <class Y, class Each>
    static long hand(Each each)
    {
        Y best = std::numeric_limits<Y>::lowest();
        each([&](Y y) { best = y > best ? y : best; return true; });
        return long(best);
    }
    template <class It>
    static long fastiter(It it)
    {
        using Y = typename It::value_type;
        return long(std::move(it).max().value_or(std::numeric_limits<Y>::lowest()));
    }
};

struct any_terminal {
    static constexpr const char* name = "any";
    template <class Y, class Each>
    static long hand(Each each)
    {
        bool found = false;
        const auto absent = is_absent();
        each([&](Y y) { return !(found = absent(y)); });
        return found;
    }
    static long fastiter(auto it) { return std::move(it).any(is_absent()); }
};

// --- a cell ----------------------------------------------------------------------------------

template <class Source, class Fn, class Terminal>
struct cell {
    // The squares of 0..n-1 add up past a long's range beyond n = 2M (data vectors hold values
    // below 2^16, so their sums fit at any n the bench takes).
    static void check_size(const workload_input& in)
    {
        constexpr bool squares_indices = Source::input == input_kind::index_range &&
                                         (std::is_same_v<Fn, square_fn> || std::is_same_v<Fn, even_square_fn>);
        if (squares_indices && in.n > 2'000'000)
            throw std::invalid_argument(std::string("zoo.") + Source::name + "." + Fn::name +
                                        ": the sum of squares of 0..n-1 overflows a long past n = 2M; "
                                        "give --sizes of at most 2M");
    }

    static long hand(const workload_input& in)
    {
        check_size(in);
        const auto f = Fn::make(constants{});
        using X = std::conditional_t<Source::input == input_kind::int_vector, int,
                                     std::conditional_t<Source::input == input_kind::double_vector, double, long>>;
        using Y = decltype(f(X{}));
        return Terminal::template hand<Y>([&](auto step) {
            Source::hand(in, [&](X x) {
                if constexpr (filters<Fn>)
                    if (!Fn::keep()(x))
                        return true;
                return step(f(x));
            });
        });
    }

    static long fastiter(const workload_input& in)
    {
        check_size(in);
        const auto f = Fn::make(constants{});
        auto source = Source::fastiter(in);
        if constexpr (filters<Fn>)
            return Terminal::fastiter(std::move(source).filter(Fn::keep()).map(f));
        else if constexpr (std::is_same_v<Fn, identity_fn> && Source::input != input_kind::int_vector)
            return Terminal::fastiter(std::move(source));
        else
            return Terminal::fastiter(std::move(source).map(f));
    }

    static constexpr zoo_kernels kernels{&hand, &fastiter};
};

template <class... T>
struct list {};

using terminals = list<sum_terminal, count_terminal, max_terminal, any_terminal>;
using integer_functions = list<identity_fn, square_fn, xor_fn, affine_fn, even_square_fn>;
using double_functions = list<identity_fn, square_fn, affine_fn, sqrt_fn>;

struct zoo_table {
    std::deque<std::string> names;  // a deque: workload names view them, so they must not move
    std::vector<workload> cells;

    template <class Source, class... Fn, class... Terminal>
    void add(list<Fn...>, list<Terminal...> terms)
    {
        (add_function<Source, Fn>(terms), ...);
    }

    template <class Source, class Fn, class... Terminal>
    void add_function(list<Terminal...>)
    {
        (add_cell<Source, Fn, Terminal>(), ...);
    }

    template <class Source, class Fn, class Terminal>
    void add_cell()
    {
        names.push_back(std::string("zoo.") + Source::name + "." + Fn::name + "." + Terminal::name);
        workload w{names.back(), "kernel zoo: the pipeline named, against the loop a user writes for it",
                   nullptr, Source::input, 1'000'000, false, false};
        w.zoo = &cell<Source, Fn, Terminal>::kernels;
        cells.push_back(w);
    }

    zoo_table()
    {
        add<range_step1>(integer_functions{}, terminals{});
        add<range_step3>(integer_functions{}, terminals{});
        add<range_descending>(integer_functions{}, terminals{});
        add<irange_source>(integer_functions{}, terminals{});
#if FASTITER_ZOO_STD_VIEWS
        add<iota_source>(integer_functions{}, terminals{});
#endif
        add<long_vector>(integer_functions{}, terminals{});
        add<int_vector>(integer_functions{}, terminals{});
        add<double_vector>(double_functions{}, terminals{});
    }
};

}  // namespace

std::span<const workload> zoo_workloads()
{
    static const zoo_table table;
    return table.cells;
}

}  // namespace bench
