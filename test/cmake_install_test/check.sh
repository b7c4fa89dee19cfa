#!/usr/bin/env bash
# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# Proves the installed package works for a consumer, with each build system's own install:
#   1. CMake, as a user with Boost's headers alone (Boost.Test and Program_options hidden from
#      find_package): the three-line configure, build, `cmake --install` into a temporary
#      prefix builds the library and nothing else; this directory's consumer then finds it
#      with find_package (CMAKE_PREFIX_PATH = prefix), links it into an executable and into a
#      shared library of its own, and runs; COMPONENTS are found or refused with a reason;
#   2. the same with -DBUILD_SHARED_LIBS=ON: libfastiter.so with its SONAME;
#   3. pkg-config: compile main.cpp with `pkg-config --cflags --libs fastiter` from that prefix;
#   4. b2: `b2 install --prefix=...` into another prefix: every header, and a library the
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
check_name=cmake_install_test
# shellcheck source=consumer.sh
source "$here/consumer.sh"

# An install holds exactly the source tree's public and detail headers.
check_headers() {
    diff <(cd "$root/include" && find fastiter -name '*.hpp' | sort) <(cd "$1" && find fastiter -type f | sort) ||
        fail "$1 does not hold exactly the headers of include/fastiter"
}

[[ -n $version ]] || fail "no FASTITER_VERSION_STRING in version.hpp"
number=$(sed -n 's/^#define FASTITER_VERSION \([0-9]*\).*/\1/p' "$root/include/fastiter/version.hpp")
IFS=. read -r major minor patch <<<"$version"
((number == major * 100000 + minor * 100 + patch)) || fail "FASTITER_VERSION $number is not $version"
cmake_version=$(sed -n 's/^project(fastiter VERSION \([0-9.]*\) .*/\1/p' "$root/CMakeLists.txt")
jam_version=$(sed -n 's/^constant FASTITER_VERSION : \([0-9.]*\) ;$/\1/p' "$root/Jamroot")
[[ $cmake_version == "$version" ]] || fail "CMakeLists.txt says $cmake_version, version.hpp $version"
[[ $jam_version == "$version" ]] || fail "Jamroot says $jam_version, version.hpp $version"

# As on a machine with libboost-dev alone: the libraries tests, examples and benchmark need
# are not found.
headers_only=(-DCMAKE_DISABLE_FIND_PACKAGE_boost_unit_test_framework=ON
              -DCMAKE_DISABLE_FIND_PACKAGE_boost_program_options=ON)
# Installs fastiter from build directory $1 into prefix $2, configured with the rest.
install_fastiter() {
    local build=$1 prefix=$2; shift 2
    quiet cmake -S "$root" -B "$build" "${headers_only[@]}" "${launcher[@]}" "$@"
    for option in TESTS EXAMPLES BENCH; do
        grep -q "^FASTITER_BUILD_$option:BOOL=OFF$" "$build/CMakeCache.txt" ||
            fail "with Boost's headers alone, FASTITER_BUILD_$option is not off by default"
    done
    ! grep -rq -- -Werror "$build/CMakeFiles/fastiter.dir/flags.make" ||
        fail "a build outside the project's presets compiles with -Werror"
    quiet cmake --build "$build" -j "$jobs"
    quiet cmake --install "$build" --prefix "$prefix"
    check_headers "$prefix/include"
}
# find_package(fastiter $2) against prefix $1 must fail, saying $3.
refused() {
    ! configure_consumer "$1" "$2" "$work/refused" || fail "find_package(fastiter $2) succeeded"
    grep -qF -- "$3" <(tr -s ' \n' ' ' <"$work/log") || { cat "$work/log"; fail "find_package(fastiter $2) did not say: $3"; }
}

echo "--- CMake: the three-line install with Boost's headers alone, find_package from a consumer"
install_fastiter "$work/build" "$work/prefix"
[[ -e $work/prefix/lib/libfastiter.a ]] || fail "the default install put no libfastiter.a in lib"
consume "$work/prefix" ""
consume "$work/prefix" "COMPONENTS;fastiter"
consume "$work/prefix" "OPTIONAL_COMPONENTS;mpi"
refused "$work/prefix" "COMPONENTS;mpi" \
    "fastiter was built without fastiter::mpi: reconfigure with -DFASTITER_MPI=ON"
refused "$work/prefix" "COMPONENTS;fastiter;threads" \
    'fastiter has no component "threads": its components are fastiter and mpi'
if command -v mpic++ >/dev/null; then
    install_fastiter "$work/build-mpi" "$work/prefix-mpi" -DFASTITER_MPI=ON
    consume "$work/prefix-mpi" "COMPONENTS;mpi"
    # Where Boost.MPI is missing, an optional mpi is not found and the package still is.
    consume "$work/prefix-mpi" "OPTIONAL_COMPONENTS;mpi" -DCMAKE_DISABLE_FIND_PACKAGE_boost_mpi=ON
fi
# Each of the tests', examples' and benchmark's dependencies turns only its own part off.
quiet cmake -S "$root" -B "$work/build-no-json" -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON "${launcher[@]}"
grep -q "^FASTITER_BUILD_BENCH:BOOL=OFF$" "$work/build-no-json/CMakeCache.txt" ||
    fail "without nlohmann_json, FASTITER_BUILD_BENCH is not off by default"
grep -q "^FASTITER_BUILD_TESTS:BOOL=ON$" "$work/build-no-json/CMakeCache.txt" ||
    fail "without nlohmann_json, FASTITER_BUILD_TESTS is not on by default"

echo "--- CMake: -DBUILD_SHARED_LIBS=ON, libfastiter.so.$major.$minor"
install_fastiter "$work/build-shared" "$work/prefix-shared" -DBUILD_SHARED_LIBS=ON
shared=$(find "$work/prefix-shared" -name "libfastiter.so.$version")
[[ -n $shared ]] || fail "no libfastiter.so.$version installed"
soname=$(objdump -p "$shared" | sed -n 's/^ *SONAME *//p')
[[ $soname == "libfastiter.so.$major.$minor" ]] || fail "libfastiter's SONAME is $soname, not libfastiter.so.$major.$minor"
consume "$work/prefix-shared" ""

echo "--- pkg-config: the installed fastiter.pc"
pc=$(find "$work/prefix" -name fastiter.pc)
[[ -n $pc ]] || fail "no fastiter.pc installed"
export PKG_CONFIG_PATH="$(dirname "$pc")"
pc_version=$(pkg-config --modversion fastiter)
[[ $pc_version == "$version" ]] || fail "fastiter.pc says $pc_version, version.hpp $version"
consume_with_pkg_config "$work/pkg-config-consumer"

echo "--- b2: install --prefix"
(cd "$root" && quiet b2 -j "$jobs" -q --build-dir="$work/b2-build" install --prefix="$work/b2-prefix" \
    toolset=gcc cxxflags=-Werror)
check_headers "$work/b2-prefix/include"
[[ -e $work/b2-prefix/lib/libfastiter.so ]] || fail "b2 install put no libfastiter.so in lib"
# The same headers, so the object compiled above links against b2's library too.
quiet c++ "$work/pkg-config-consumer.o" -o "$work/b2-consumer" -L"$work/b2-prefix/lib" -lfastiter -pthread
LD_LIBRARY_PATH="$work/b2-prefix/lib" "$work/b2-consumer" "$version"
echo "cmake_install_test passed (version $version)"
