#!/usr/bin/env bash
# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# Writes bench/RESULTS.md from a full run of an already built fastiter-bench; it builds
# nothing. The binary: $FASTITER_BENCH, else the first of build/release/bench (bench/demo.sh's
# build), build/bench/bench, b2's bench/bin/.../release, then fastiter-bench on PATH.
#
#   bench/run-results.sh                      threads 1 and nproc, every workload and contender,
#                                             30 rounds: the medians of paired rounds need them
#   bench/run-results.sh --repeats 2 -w sum3m options replace the full set (a smoke run)
#
# With fastiter-mpi-bench beside fastiter-bench (cmake --preset release -DFASTITER_MPI=ON) or
# in $FASTITER_MPI_BENCH, and mpirun on PATH, it adds fastiter::mpi against a hand-split MPI
# loop, 2 ranks of 1 thread.
#
# With perf (linux-perf) usable, it adds where the CPU time goes in fastiter, OpenMP and oneTBB
# on two workloads: the evidence behind any verdict RESULTS.md reports missed.
#
# The machine is shared: the full run takes several minutes of both cores.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

find_bench() {
    if [[ -n "${FASTITER_BENCH:-}" ]]; then
        echo "$FASTITER_BENCH"
        return
    fi
    local candidate
    for candidate in "$root/build/release/bench/fastiter-bench" "$root/build/bench/bench/fastiter-bench" \
        "$root"/bench/bin/*/release/*/fastiter-bench "$root"/bench/bin/*/release/*/*/fastiter-bench; do
        if [[ -x "$candidate" ]]; then
            echo "$candidate"
            return
        fi
    done
    command -v fastiter-bench || true
}

bench="$(find_bench)"
if [[ -z "$bench" || ! -x "$bench" ]]; then
    echo "run-results.sh: no fastiter-bench binary; build one first (bench/demo.sh, or cmake --build ... --target fastiter-bench)," \
        "or point FASTITER_BENCH at it" >&2
    exit 1
fi

threads=1
if (( $(nproc) > 1 )); then threads="1,$(nproc)"; fi
if (( $# > 0 )); then
    args=("$@")
else
    args=(--threads "$threads" --workloads all --contenders all --repeats 30)
fi

plot_name=RESULTS-speedup.png
if command -v gnuplot >/dev/null; then
    args+=(--plot "$here/$plot_name")
    plot_note=""
else
    plot_note="No plot: gnuplot is missing (apt-get install gnuplot-nox)."
fi

mpi_bench="${FASTITER_MPI_BENCH:-$(dirname "$bench")/fastiter-mpi-bench}"
mpi_command=(mpirun -n 2 "$mpi_bench" --n 200000 --rounds 20)

profile_threads=$(( $(nproc) > 1 ? $(nproc) : 2 ))
profile_cells=("sumsq 1000000" "irregular 5000")
profile_contenders=(fastiter-pipe omp tbb)

# Top symbols of one contender's worker, calling the workload back to back for 2 s, after how
# many threads were busy meanwhile: a thread asleep leaves no samples. Template arguments are
# dropped (innermost first) so that fastiter's leaf loop fits on a line. The omp worker gets
# the settings the bench gives it (contenders_omp.cpp), and only it: OMP_PROC_BIND pins the
# initial thread of any process that loads libgomp, this bench's included, and every thread
# it starts inherits that one CPU.
profile() {
    local workload=$1 n=$2 contender=$3
    local omp_settings=()
    if [[ $contender == omp ]]; then
        omp_settings=("OMP_PROC_BIND=${OMP_PROC_BIND:-true}" "OMP_CANCELLATION=${OMP_CANCELLATION:-true}")
    fi
    rm -f "$table.perf" "$table.perf.old"  # perf keeps the previous output as .old
    if ! env "${omp_settings[@]}" perf record -q -e cpu-clock -F 2000 -o "$table.perf" -- "$bench" --worker \
        "contender=$contender,workload=$workload,n=$n,threads=$profile_threads,reps=3,busy_probe_ms=2000" \
        >"$table.worker" 2>"$table.worker-errors"; then
        echo "(not profiled: $(tail -n 1 "$table.worker-errors"))"
        return
    fi
    echo "threads busy (CPU time / wall time): $(sed -n 's/.*busy_threads=\([0-9.a-z]*\).*/\1/p' "$table.worker")"
    perf report -i "$table.perf" --stdio --no-children --sort dso,sym --percent-limit 1 2>/dev/null |
        { grep -v -e '^#' -e '^$' || true; } | perl -pe '1 while s/<[^<>]*>//g; s/\(anonymous namespace\):://g'
}

# Written aside first, so that a failed or interrupted run leaves the old RESULTS.md alone.
table="$(mktemp)"
trap 'rm -f "$table" "$table.md" "$table.mpi" "$table.perf" "$table.perf.old" "$table.worker" "$table.worker-errors" "$table.profile"' EXIT
echo "run-results.sh: $bench ${args[*]}" >&2
"$bench" "${args[@]}" >"$table"
if [[ -x "$mpi_bench" ]] && command -v mpirun >/dev/null; then
    echo "run-results.sh: ${mpi_command[*]}" >&2
    # Open MPI refuses root and more ranks than cores unless told.
    FASTITER_NUM_THREADS=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 \
        OMPI_MCA_rmaps_base_oversubscribe=1 "${mpi_command[@]}" >"$table.mpi"
fi
# Only for the full run: a smoke run with options of its own need not spend 12 s on it.
if (( $# > 0 )); then
    profile_skipped="Not profiled: the profile comes with the full run (\`bench/run-results.sh\` without options)."
elif ! command -v perf >/dev/null || ! command -v perl >/dev/null; then
    profile_skipped="Not profiled: perf or perl is missing (\`apt-get install linux-perf perl\`)."
else
    profile_skipped=""
    echo "run-results.sh: perf profiles of ${profile_contenders[*]} on ${profile_cells[*]}" >&2
    for cell in "${profile_cells[@]}"; do
        for contender in "${profile_contenders[@]}"; do
            echo "== $contender, ${cell% *} (n=${cell#* }, $profile_threads threads)"
            # shellcheck disable=SC2086 # the cell is two words on purpose
            profile $cell "$contender"
            echo
        done
    done >"$table.profile"
fi

{
    echo "# fastiter-bench results"
    echo
    echo "Written by \`bench/run-results.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); rerun it to refresh."
    echo
    echo "## Command"
    echo
    echo '```'
    echo "fastiter-bench ${args[*]}" | sed "s|$here/|bench/|g"
    echo '```'
    echo
    echo "## Machine"
    echo
    echo "- hardware threads (\`nproc\`): $(nproc)"
    echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "- kernel: $(uname -sr)"
    echo
    echo "## Build"
    echo
    echo '```'
    "$bench" --build-info
    echo '```'
    echo
    echo "## Results"
    echo
    echo '```'
    cat "$table"
    echo '```'
    echo
    if [[ -z "$plot_note" && -f "$here/$plot_name" ]]; then
        echo "![speedup vs input size and vs threads]($plot_name)"
    else
        echo "${plot_note:-No plot was drawn: fastiter-bench said why on stderr.}"
    fi
    echo
    echo "## Where the time goes"
    echo
    if [[ -z "$profile_skipped" ]]; then
        echo "\`perf record -e cpu-clock\` of one worker process per contender, calling the workload back to"
        echo "back for 2 s at $profile_threads threads; symbols with 1% of the samples or more. Time in the"
        echo "element loop (fastiter's \`fold_leaf\`, the hand loop \`sum_of_squares\` or \`irregular\` under"
        echo "OpenMP, oneTBB's \`start_reduce\`, and \`fmod\`) is work; the rest is the runtime: reading the"
        echo "clock between blocks (\`clock_gettime\`), waiting for the other half (\`wait_for\`, \`drain\`,"
        echo "libgomp's barrier), forking. When fastiter keeps as many threads busy as its peer and as"
        echo "large a share of their samples in the loop, a gap in the timings above comes from the"
        echo "moments each contender ran at, not from the runtime."
        echo
        echo '```'
        cat "$table.profile"
        echo '```'
    else
        echo "$profile_skipped"
    fi
    echo
    echo "## Across MPI ranks: fastiter::mpi"
    echo
    if [[ -s "$table.mpi" ]]; then
        echo "FastIter's expensive workload on 2 ranks of 1 thread each; \"by hand\" is the same two"
        echo "processes each summing half of the range in a plain loop, then one \`all_reduce\`."
        echo
        echo '```'
        echo "FASTITER_NUM_THREADS=1 mpirun -n 2 fastiter-mpi-bench --n 200000 --rounds 20"
        echo
        cat "$table.mpi"
        echo '```'
    else
        echo "Not measured: no fastiter-mpi-bench next to fastiter-bench (configure with"
        echo "\`-DFASTITER_MPI=ON\`) or no mpirun (\`apt-get install openmpi-bin libboost-mpi-dev\`)."
    fi
} >"$table.md"
mv "$table.md" "$here/RESULTS.md"
echo "run-results.sh: wrote $here/RESULTS.md" >&2
