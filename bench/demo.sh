#!/usr/bin/env bash
# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# The demo: builds fastiter-bench (Release, loop alignment pinned) and prints the benchmark
# table: FastIter's six workloads timed against the sequential loop, OpenMP and oneTBB.
# Extra arguments go to fastiter-bench (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps
cmake --preset release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build --preset release -j "$(nproc)" --target fastiter-bench >/dev/null
exec build/release/bench/fastiter-bench "$@"
