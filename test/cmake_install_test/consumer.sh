# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# Sourced by the package checks (this directory's check.sh, test/debian_package_test/check.sh):
# how they build and run this directory's consumer against an installed fastiter. The caller
# sets check_name, root, work (a scratch directory), jobs and launcher (cmake arguments).
consumer_source="$root/test/cmake_install_test"
version=$(sed -n 's/^#define FASTITER_VERSION_STRING "\(.*\)"$/\1/p' "$root/include/fastiter/version.hpp")

# Runs a command with its output in a log, shown only when it fails.
quiet() {
    "$@" >"$work/log" 2>&1 || { cat "$work/log"; echo "failed: $*" >&2; return 1; }
}
fail() { echo "$check_name: $*" >&2; exit 1; }

# Configures the consumer against prefix $1 with find_package arguments $2 into directory $3;
# the rest are more cmake arguments.
configure_consumer() {
    local prefix=$1 arguments=$2 dir=$3; shift 3
    cmake -S "$consumer_source" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
        "-DFIND_ARGUMENTS=$arguments" -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Werror" "${launcher[@]}" "$@" \
        >"$work/log" 2>&1
}
# Builds the consumer in a new directory, consumer_dir, against prefix $1, asking find_package
# for $2 (the rest are more cmake arguments), and runs it.
consume() {
    consumer_dir="$work/consumer-$RANDOM"
    configure_consumer "$1" "$2" "$consumer_dir" "${@:3}" || { cat "$work/log"; fail "find_package(fastiter $2) failed"; }
    local found
    found=$(sed -n 's/^fastiter_DIR:PATH=//p' "$consumer_dir/CMakeCache.txt")
    [[ $found == "$1/"* ]] || fail "find_package found fastiter in $found, not in $1"
    quiet cmake --build "$consumer_dir" -j "$jobs"
    "$consumer_dir/consumer" "$version"
}
# Compiles the consumer's main.cpp into $1.o with the flags of `pkg-config fastiter`, links $1
# and runs it.
consume_with_pkg_config() {
    local cflags libs
    read -r -a cflags <<<"$(pkg-config --cflags fastiter)"
    read -r -a libs <<<"$(pkg-config --libs fastiter)"
    quiet c++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -O2 "${cflags[@]}" -c "$consumer_source/main.cpp" -o "$1.o"
    quiet c++ "$1.o" -o "$1" "${libs[@]}"
    "$1" "$version"
}
