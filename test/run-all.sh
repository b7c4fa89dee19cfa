#!/usr/bin/env bash
# Builds and runs the whole unit suite the way CI does: g++ and clang++ (CMake + CTest),
# ASan+UBSan and TSan presets, and b2. Warnings are errors. Stops at the first failure.
# Usage: test/run-all.sh [stage ...]   stages: gcc clang asan tsan b2 examples (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
jobs=$(nproc)
stages=("$@")
((${#stages[@]})) || stages=(gcc clang asan tsan b2 examples)

timed() {
    local name=$1; shift
    local start=$SECONDS
    echo "=== stage $name"
    "$@"
    echo "=== stage $name passed in $((SECONDS - start)) s"
}

preset() {
    local name=$1
    cmake --preset "$name" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
    cmake --build --preset "$name" -j "$jobs"
    ctest --preset "$name" -j "$jobs"
}

examples() {
    # Every example runs once with small parameters: they must keep working as documented.
    ctest --test-dir build/debug -L example -j "$jobs" --output-on-failure
}

b2_suite() {
    b2 -j "$jobs" -q toolset=gcc cxxflags=-Werror test
}

for stage in "${stages[@]}"; do
    case $stage in
        gcc) timed gcc preset debug ;;
        clang) timed clang preset clang-debug ;;
        asan) timed asan preset asan ;;
        tsan) timed tsan preset tsan ;;
        b2) timed b2 b2_suite ;;
        examples) timed examples examples ;;
        *) echo "unknown stage: $stage (known: gcc clang asan tsan b2 examples)" >&2; exit 2 ;;
    esac
done
echo "all stages passed: ${stages[*]}"
