// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// OpenMP as its users write it: `#pragma omp parallel for reduction`, default schedule
// (static in libgomp and libomp). The only file built with the OpenMP flags.
#include "contenders.hpp"
#include "kernels.hpp"

#include <omp.h>

#include <climits>

namespace bench {

namespace {

long sum(const workload_input& in)
{
    const long* data = in.data.data();
    const long n = long(in.data.size());
    long total = 0;
#pragma omp parallel for reduction(+ : total)
    for (long i = 0; i < n; ++i)
        total += data[i];
    return total;
}

long sum_of_squares(const workload_input& in)
{
    const long* data = in.data.data();
    const long n = long(in.data.size());
    long total = 0;
#pragma omp parallel for reduction(+ : total)
    for (long i = 0; i < n; ++i)
        total += square(data[i]);
    return total;
}

long count_evens(const workload_input& in)
{
    const long* data = in.data.data();
    const long n = long(in.data.size());
    long count = 0;
#pragma omp parallel for reduction(+ : count)
    for (long i = 0; i < n; ++i)
        count += is_even(data[i]);
    return count;
}

long max(const workload_input& in)
{
    const long* data = in.data.data();
    const long n = long(in.data.size());
    long best = LONG_MIN;
#pragma omp parallel for reduction(max : best)
    for (long i = 0; i < n; ++i)
        best = data[i] > best ? data[i] : best;
    return best;
}

long pipeline(const workload_input& in)
{
    const long* data = in.data.data();
    const long n = long(in.data.size());
    long total = 0;
#pragma omp parallel for reduction(+ : total)
    for (long i = 0; i < n; ++i)
        total += pipeline_contribution(data[i]);
    return total;
}

long expensive(const workload_input& in)
{
    const long n = in.n;
    long total = 0;
#pragma omp parallel for reduction(+ : total)
    for (long x = 0; x < n; ++x)
        total += expensive_element(x);
    return total;
}

long irregular(const workload_input& in)
{
    const long n = in.n;
    long total = 0;
#pragma omp parallel for reduction(+ : total)
    for (long i = 0; i < n; ++i)
        total += irregular_element(i, n);
    return total;
}

long collect(const workload_input& in)
{
    const long* data = in.data.data();
    const long n = long(in.data.size());
    collect_vector out(in.data.size());
    long* target = out.data();
#pragma omp parallel for
    for (long i = 0; i < n; ++i)
        target[i] = square(data[i]);
    return collect_checksum(out);
}

// OpenMP's default max-active-levels is 1: the inner region runs on a team of one. That is
// the default users get, so it is what is measured.
long nested(const workload_input& in)
{
    const long rows = long(in.rows);
    const long row_length = long(in.row_length());
    long total = 0;
#pragma omp parallel for reduction(+ : total)
    for (long r = 0; r < rows; ++r) {
        const long* row = in.row(std::size_t(r)).data();
        long row_sum = 0;
#pragma omp parallel for reduction(+ : row_sum)
        for (long i = 0; i < row_length; ++i)
            row_sum += row[i];
        total += row_sum;
    }
    return total;
}

long join(const workload_input&)
{
#pragma omp parallel sections
    {
#pragma omp section
        {
        }
#pragma omp section
        {
        }
    }
    return 0;
}

long deterministic(const workload_input& in)
{
    const long* data = in.data.data();
    const long n = long(in.data.size());
    double total = 0;
#pragma omp parallel for reduction(+ : total)
    for (long i = 0; i < n; ++i)
        total += reciprocal_of_successor(data[i]);
    return rounded_checksum(total);
}

// OpenMP's own early exit: the thread that finds the match cancels the loop, the others leave
// at their next cancellation point. Cancellation works only with OMP_CANCELLATION=true in the
// environment (see worker_environment); without it the loop runs to the end. `parallel` and
// `for` are apart because a combined `parallel for` ends without the loop's barrier, and g++
// rejects a `cancel for` there.
long early_exit(const workload_input& in)
{
    const long n = in.n;
    bool found = false;
#pragma omp parallel shared(found)
#pragma omp for
    for (long x = 0; x < n; ++x) {
        if (early_exit_match(x)) {
#pragma omp atomic write
            found = true;
#pragma omp cancel for
        }
#pragma omp cancellation point for
    }
    return found;
}

// The recursion inside one parallel region: one thread starts it, tasks carry the halves.
long join_tree(const workload_input& in)
{
    long total = 0;
#pragma omp parallel
#pragma omp single
    total = bench::join_tree(0, in.n, join_tree_depth, [](auto& left, auto& right) {
#pragma omp task shared(left)
        left();
        right();
#pragma omp taskwait
    });
    return total;
}

// _OPENMP is the date of the specification the compiler implements.
#define FASTITER_BENCH_STRING(x) #x
#define FASTITER_BENCH_EXPAND(x) FASTITER_BENCH_STRING(x)
#if defined(__clang__)
constexpr const char* omp_runtime = "LLVM libomp, OpenMP spec " FASTITER_BENCH_EXPAND(_OPENMP);
#else
constexpr const char* omp_runtime = "GNU libgomp, OpenMP spec " FASTITER_BENCH_EXPAND(_OPENMP);
#endif

std::shared_ptr<void> start(std::size_t threads)
{
    omp_set_dynamic(0);
    omp_set_num_threads(int(threads));
    return nullptr;
}

}  // namespace

// No sort (OpenMP has none), no progress (no callback to give), no throw_early (an exception
// must not leave a parallel region: it would call std::terminate).
const contender omp_contender{
    "omp",
    "OpenMP",
    "#pragma omp parallel for reduction, default schedule, OMP_PROC_BIND=true; join as two omp sections; "
    "early_exit with omp cancel; join_tree with omp task",
    omp_runtime,
    // Unbound, libgomp's threads can be born on the CPU of the thread they wait for and spin
    // there: every parallel region then cost 8 ms (two scheduler ticks) in a worker process
    // that lives milliseconds, against 0.6 us bound. Binding is what OpenMP users do anyway.
    // Cancellation is off unless asked for before the program starts; it only adds a check to
    // regions with a cancel construct (early_exit's).
    "OMP_PROC_BIND=true OMP_CANCELLATION=true",
    start,
    {.sum = sum,
     .sum_of_squares = sum_of_squares,
     .count_evens = count_evens,
     .max = max,
     .pipeline = pipeline,
     .expensive = expensive,
     .collect = collect,
     .irregular = irregular,
     .nested = nested,
     .join = join,
     .deterministic = deterministic,
     .early_exit = early_exit,
     .join_tree = join_tree},
};

}  // namespace bench
