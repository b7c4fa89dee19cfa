#!/usr/bin/env bash
# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# Proves the installed package works for a consumer, with each build system's own install:
#   1. CMake: configure, build and `cmake --install` fastiter into a temporary prefix, then
#      build and run this directory's consumer with find_package (CMAKE_PREFIX_PATH = prefix);
#   2. pkg-config: compile main.cpp with `pkg-config --cflags --libs fastiter` from that prefix;
#   3. b2: `b2 install --prefix=...` into a second prefix: every header, and a library the
#      consumer links against and runs with.
# Also checks that every place naming the version agrees. Needs cmake, b2, pkg-config, c++.
# Usage: test/cmake_install_test/check.sh   (builds in a temporary directory, removed at exit)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fastiter-install-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
jobs=$(nproc)
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

# Runs a command with its output in a log, shown only when it fails.
quiet() {
    "$@" >"$work/log" 2>&1 || { cat "$work/log"; echo "failed: $*" >&2; return 1; }
}
fail() { echo "cmake_install_test: $*" >&2; exit 1; }
# An install holds exactly the source tree's public and detail headers.
check_headers() {
    diff <(cd "$root/include" && find fastiter -name '*.hpp' | sort) <(cd "$1" && find fastiter -type f | sort) ||
        fail "$1 does not hold exactly the headers of include/fastiter"
}

version=$(sed -n 's/^#define FASTITER_VERSION_STRING "\(.*\)"$/\1/p' "$root/include/fastiter/version.hpp")
[[ -n $version ]] || fail "no FASTITER_VERSION_STRING in version.hpp"
number=$(sed -n 's/^#define FASTITER_VERSION \([0-9]*\).*/\1/p' "$root/include/fastiter/version.hpp")
IFS=. read -r major minor patch <<<"$version"
((number == major * 100000 + minor * 100 + patch)) || fail "FASTITER_VERSION $number is not $version"
cmake_version=$(sed -n 's/^project(fastiter VERSION \([0-9.]*\) .*/\1/p' "$root/CMakeLists.txt")
jam_version=$(sed -n 's/^constant FASTITER_VERSION : \([0-9.]*\) ;$/\1/p' "$root/Jamroot")
[[ $cmake_version == "$version" ]] || fail "CMakeLists.txt says $cmake_version, version.hpp $version"
[[ $jam_version == "$version" ]] || fail "Jamroot says $jam_version, version.hpp $version"

echo "--- CMake: install into a temporary prefix, find_package from a consumer"
quiet cmake -S "$root" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DFASTITER_BUILD_TESTS=OFF \
    -DFASTITER_BUILD_EXAMPLES=OFF -DFASTITER_BUILD_BENCH=OFF "${launcher[@]}"
quiet cmake --build "$work/build" -j "$jobs"
quiet cmake --install "$work/build" --prefix "$work/prefix"
check_headers "$work/prefix/include"
quiet cmake -S "$here" -B "$work/consumer" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$work/prefix" \
    -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Werror" "${launcher[@]}"
found=$(sed -n 's/^fastiter_DIR:PATH=//p' "$work/consumer/CMakeCache.txt")
[[ $found == "$work/prefix/"* ]] || fail "find_package found fastiter in $found, not in the temporary prefix"
quiet cmake --build "$work/consumer" -j "$jobs"
"$work/consumer/consumer" "$version"

echo "--- pkg-config: the installed fastiter.pc"
pc=$(find "$work/prefix" -name fastiter.pc)
[[ -n $pc ]] || fail "no fastiter.pc installed"
export PKG_CONFIG_PATH="$(dirname "$pc")"
pc_version=$(pkg-config --modversion fastiter)
[[ $pc_version == "$version" ]] || fail "fastiter.pc says $pc_version, version.hpp $version"
read -r -a cflags <<<"$(pkg-config --cflags fastiter)"
read -r -a libs <<<"$(pkg-config --libs fastiter)"
quiet c++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -O2 "${cflags[@]}" -c "$here/main.cpp" -o "$work/main.o"
quiet c++ "$work/main.o" -o "$work/pkg-config-consumer" "${libs[@]}"
"$work/pkg-config-consumer" "$version"

echo "--- b2: install --prefix"
(cd "$root" && quiet b2 -j "$jobs" -q --build-dir="$work/b2-build" install --prefix="$work/b2-prefix" \
    toolset=gcc cxxflags=-Werror)
check_headers "$work/b2-prefix/include"
[[ -e $work/b2-prefix/lib/libfastiter.so ]] || fail "b2 install put no libfastiter.so in lib"
# The same headers, so the object compiled above links against b2's library too.
quiet c++ "$work/main.o" -o "$work/b2-consumer" -L"$work/b2-prefix/lib" -lfastiter -pthread
LD_LIBRARY_PATH="$work/b2-prefix/lib" "$work/b2-consumer" "$version"
echo "cmake_install_test passed (version $version)"
