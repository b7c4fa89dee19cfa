#!/usr/bin/env bash
# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# Proves fastiter works when built from source inside a consumer's own build:
#   1. CMake: this directory's CMakeLists.txt, add_subdirectory(../.. fastiter), built and run;
#   2. b2: this directory's Jamroot, `use-project /fastiter : ../.. ;` and /fastiter//fastiter.
# Usage: test/cmake_subdir_test/check.sh   (builds in a temporary directory, removed at exit)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fastiter-subdir-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
jobs=$(nproc)
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

quiet() {
    "$@" >"$work/log" 2>&1 || { cat "$work/log"; echo "failed: $*" >&2; return 1; }
}

echo "--- CMake: add_subdirectory"
quiet cmake -S "$here" -B "$work/cmake" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Werror" "${launcher[@]}"
quiet cmake --build "$work/cmake" -j "$jobs"
"$work/cmake/consumer"

echo "--- b2: use-project /fastiter"
# `run` prints the program's output only on failure; the build dir keeps the tree clean.
(cd "$here" && quiet b2 -j "$jobs" -q --build-dir="$work/b2" toolset=gcc consumer)
find "$work/b2" -name consumer.output -exec sed -n 1p {} +
echo "cmake_subdir_test passed"
