// The baseline: the hand-written loops of kernels.hpp over the whole input, on one thread.
#include "contenders.hpp"
#include "kernels.hpp"

namespace bench {

namespace {

long sum(const workload_input& in) { return sum_loop(in.data.data(), 0, in.data.size()); }
long sum_of_squares(const workload_input& in) { return sum_of_squares_loop(in.data.data(), 0, in.data.size()); }
long count_evens(const workload_input& in) { return count_evens_loop(in.data.data(), 0, in.data.size()); }
long max(const workload_input& in) { return max_loop(in.data.data(), 0, in.data.size()); }
long pipeline(const workload_input& in) { return pipeline_loop(in.data.data(), 0, in.data.size()); }
long expensive(const workload_input& in) { return expensive_loop(0, in.n); }
long irregular(const workload_input& in) { return irregular_loop(0, in.n, in.n); }

long collect(const workload_input& in)
{
    collect_vector out(in.data.size());
    collect_loop(in.data.data(), out.data(), 0, out.size());
    return collect_checksum(out);
}

long nested(const workload_input& in)
{
    long total = 0;
    for (std::size_t r = 0; r < in.rows; ++r) {
        const auto row = in.row(r);
        total += sum_loop(row.data(), 0, row.size());
    }
    return total;
}

// Nothing to join: the time is the harness's own cost of one call, the floor for the others.
long join(const workload_input&) { return 0; }

std::shared_ptr<void> start(std::size_t) { return nullptr; }

}  // namespace

const contender seq_contender{
    "seq",
    "sequential",
    "the hand-written loop on one thread",
    "no runtime",
    "",
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
     .join = join},
};

}  // namespace bench
