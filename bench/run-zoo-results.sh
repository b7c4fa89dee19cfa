#!/usr/bin/env bash
# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# Writes bench/RESULTS-zoo.md: the kernel zoo timed against the hand loop at 1, 2 and 8 threads
# (round-robin, 20 rounds), and instructions per element of both loops under callgrind, for
# each fastiter-bench binary given (a g++ build and a clang++ build, say). It builds nothing.
#
#   bench/run-zoo-results.sh build/release/bench/fastiter-bench [build/bench-clang/bench/fastiter-bench]
#
# The timings take about five minutes of both cores, the counts three minutes a binary of one.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
if (( $# == 0 )); then
    echo "usage: bench/run-zoo-results.sh FASTITER_BENCH [MORE_FASTITER_BENCH ...] (the first is timed)" >&2
    exit 2
fi
for bench in "$@"; do
    [[ -x "$bench" ]] || { echo "run-zoo-results.sh: $bench is not an executable" >&2; exit 1; }
done
command -v valgrind >/dev/null || { echo "run-zoo-results.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }

timing=(--workloads zoo --threads 1,2,8 --repeats 20)
out="$(mktemp)"
trap 'rm -f "$out" "$out".*' EXIT
echo "run-zoo-results.sh: $1 ${timing[*]}" >&2
"$1" "${timing[@]}" >"$out.timing"
for bench in "$@"; do
    echo "run-zoo-results.sh: instruction counts of $bench" >&2
    {
        echo "### $("$bench" --build-info | sed -n 's/^compiler: //p')"
        echo
        "$here/zoo-instructions.py" "$bench"
        echo
    } >>"$out.counts"
done

{
    echo "# The kernel zoo"
    echo
    echo "Written by \`bench/run-zoo-results.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); rerun it to refresh."
    echo "Each cell is a pipeline over one kind of source (see bench/README.md) against the loop a user"
    echo "writes for it. Machine: $(nproc) hardware threads, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')."
    echo
    echo "## Instructions per element"
    echo
    echo "What the compiler made of each loop, counted by callgrind (\`bench/zoo-instructions.py\`): the"
    echo "hand loop against fastiter's leaf loop, 1 thread, n = 100k. The fraction above a whole number"
    echo "on fastiter's side is its per-block work (a call and a clock read each few microseconds)."
    echo
    cat "$out.counts"
    echo "## Times"
    echo
    echo '```'
    echo "fastiter-bench ${timing[*]}"
    echo
    cat "$out.timing"
    echo '```'
} >"$out.md"
mv "$out.md" "$here/RESULTS-zoo.md"
echo "run-zoo-results.sh: wrote $here/RESULTS-zoo.md" >&2
