// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// The leaf loops the compiler must vectorize: each case is a hand loop and the fastiter
// pipeline that computes the same thing, compiled alone (-DLEAF_CASE_<name>, -O3) by
// check.cmake, which fails when the hand loop vectorizes and fastiter's loop does not.
// Only compiled, never run: the arguments stand for values the compiler cannot see.
#include <fastiter/fastiter.hpp>

#include <boost/range/irange.hpp>

#include <ranges>
#include <vector>

namespace fi = fastiter;

// clang 14 cannot compile libstdc++ 12's std::views (fixed in clang 15): the iota case is
// empty there, and so has no hand loop to match.
#if defined(__clang__) && __clang_major__ < 15 && defined(_GLIBCXX_RELEASE) && _GLIBCXX_RELEASE >= 12
#define LEAF_LOOPS_STD_VIEWS 0
#else
#define LEAF_LOOPS_STD_VIEWS 1
#endif

#ifdef LEAF_CASE_range_sum
long hand(long n) { long s = 0; for (long i = 0; i < n; ++i) s += i; return s; }
long piped(long n) { return fi::par_range(0L, n).sum(); }
#endif

#ifdef LEAF_CASE_range_square_sum
long hand(long n) { long s = 0; for (long i = 0; i < n; ++i) s += i * i; return s; }
long piped(long n) { return fi::par_range(0L, n).map([](long x) { return x * x; }).sum(); }
#endif

#ifdef LEAF_CASE_range_xor_sum
long hand(long n, long salt) { long s = 0; for (long i = 0; i < n; ++i) s += i ^ salt; return s; }
long piped(long n, long salt) { return fi::par_range(0L, n).map([salt](long x) { return x ^ salt; }).sum(); }
#endif

#ifdef LEAF_CASE_range_affine_sum
long hand(long n, long a, long b) { long s = 0; for (long i = 0; i < n; ++i) s += a * i + b; return s; }
long piped(long n, long a, long b) { return fi::par_range(0L, n).map([a, b](long x) { return a * x + b; }).sum(); }
#endif

#ifdef LEAF_CASE_range_step3_xor_sum
long hand(long n, long salt) { long s = 0; for (long i = 0; i < n; i += 3) s += i ^ salt; return s; }
long piped(long n, long salt) { return fi::par_range(0L, n, 3).map([salt](long x) { return x ^ salt; }).sum(); }
#endif

#ifdef LEAF_CASE_range_descending_xor_sum
long hand(long n, long salt) { long s = 0; for (long i = n; i > 0; --i) s += i ^ salt; return s; }
long piped(long n, long salt) { return fi::par_range(n, 0L, -1).map([salt](long x) { return x ^ salt; }).sum(); }
#endif

#ifdef LEAF_CASE_range_int_square_sum
long hand(int n) { long s = 0; for (int i = 0; i < n; ++i) s += long(i) * i; return s; }
long piped(int n) { return fi::par_range(0, n).map([](int x) { return long(x) * x; }).sum(); }
#endif

#ifdef LEAF_CASE_range_even_count
long hand(long n) { long c = 0; for (long i = 0; i < n; ++i) c += i % 2 == 0; return c; }
long piped(long n) { return long(fi::par_range(0L, n).filter([](long x) { return x % 2 == 0; }).count()); }
#endif

#ifdef LEAF_CASE_irange_square_sum
long hand(long n) { long s = 0; for (long i = 0; i < n; ++i) s += i * i; return s; }
long piped(long n) { return boost::irange(0L, n) | fi::par_map([](long x) { return x * x; }) | fi::par_sum; }
#endif

#ifdef LEAF_CASE_iota_xor_sum
#if LEAF_LOOPS_STD_VIEWS
long hand(long n, long salt) { long s = 0; for (long i = 0; i < n; ++i) s += i ^ salt; return s; }
long piped(long n, long salt)
{
    return std::views::iota(0L, n) | fi::par_map([salt](long x) { return x ^ salt; }) | fi::par_sum;
}
#endif
#endif

#ifdef LEAF_CASE_vector_xor_sum
long hand(const std::vector<long>& v, long salt) { long s = 0; for (long x : v) s += x ^ salt; return s; }
long piped(const std::vector<long>& v, long salt) { return v | fi::par_map([salt](long x) { return x ^ salt; }) | fi::par_sum; }
#endif

#ifdef LEAF_CASE_vector_int_widening_sum
long hand(const std::vector<int>& v) { long s = 0; for (int x : v) s += x; return s; }
long piped(const std::vector<int>& v) { return v | fi::par_map([](int x) { return long(x); }) | fi::par_sum; }
#endif

#ifdef LEAF_CASE_vector_even_square_sum
long hand(const std::vector<long>& v) { long s = 0; for (long x : v) if (x % 2 == 0) s += x * x; return s; }
long piped(const std::vector<long>& v)
{
    return v | fi::par_filter([](long x) { return x % 2 == 0; }) | fi::par_map([](long x) { return x * x; }) | fi::par_sum;
}
#endif

#ifdef LEAF_CASE_vector_int_max
int hand(const std::vector<int>& v) { int m = INT_MIN; for (int x : v) m = x > m ? x : m; return m; }
int piped(const std::vector<int>& v) { return (v | fi::par_max).value_or(INT_MIN); }
#endif
