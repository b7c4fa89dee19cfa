#!/usr/bin/env bash
# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# Proves the Debian packages work for a user: builds them with `dpkg-buildpackage -us -uc -b`
# from a copy of the tree, checks them with lintian (no errors), installs them with
# `apt-get install ./*.deb`, builds test/cmake_install_test's consumer against /usr with
# find_package (also COMPONENTS mpi) and with pkg-config, runs it, and removes the packages,
# also when a step fails. Needs root, debhelper, lintian, pkgconf and the Build-Depends.
# Usage: test/debian_package_test/check.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
consumer_source="$root/test/cmake_install_test"
work="$(mktemp -d "${TMPDIR:-/tmp}/fastiter-debian-test.XXXXXX")"
packages=(libfastiter-dev libfastiter0.1)
remove_packages() { apt-get remove -y -qq "${packages[@]}" >/dev/null 2>&1 || true; }
trap 'rm -rf "$work"' EXIT
jobs=$(nproc)

quiet() {
    "$@" >"$work/log" 2>&1 || { cat "$work/log"; echo "failed: $*" >&2; return 1; }
}
fail() { echo "debian_package_test: $*" >&2; exit 1; }

for package in "${packages[@]}"; do
    ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
        fail "$package is installed already: remove it first (apt-get remove ${packages[*]})"
done
version=$(sed -n 's/^#define FASTITER_VERSION_STRING "\(.*\)"$/\1/p' "$root/include/fastiter/version.hpp")
debian_version=$(sed -n '1s/^fastiter (\([^)-]*\)-[^)]*).*/\1/p' "$root/debian/changelog")
[[ $debian_version == "$version" ]] || fail "debian/changelog says $debian_version, version.hpp $version"

echo "--- dpkg-buildpackage -us -uc -b, lintian"
# The files of the tree, committed or not, so that the packages and the build's debris land
# in $work, not beside the checkout.
mkdir "$work/fastiter"
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
    tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$work/fastiter"
(cd "$work/fastiter" && DEB_BUILD_OPTIONS="parallel=$jobs" quiet dpkg-buildpackage -us -uc -b)
quiet lintian --fail-on error "$work"/fastiter_*.changes
cat "$work/log"

echo "--- apt-get install ./*.deb"
debs=()
for package in "${packages[@]}"; do debs+=("$work/${package}_${version}"-*.deb); done
# From here on the packages are this script's, removed on the way out.
trap 'remove_packages; rm -rf "$work"' EXIT
quiet apt-get install -y "${debs[@]}"
[[ -e /usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/libfastiter.so.${version%.*} ]] ||
    fail "libfastiter0.1 holds no libfastiter.so.${version%.*}"

echo "--- a consumer against /usr: find_package"
for arguments in "" "COMPONENTS;fastiter;mpi"; do
    dir="$work/consumer${arguments:+-components}"
    quiet cmake -S "$consumer_source" -B "$dir" -DCMAKE_BUILD_TYPE=Release "-DFIND_ARGUMENTS=$arguments" \
        -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Werror"
    found=$(sed -n 's/^fastiter_DIR:PATH=//p' "$dir/CMakeCache.txt")
    [[ $found == /usr/lib/* ]] || fail "find_package found fastiter in $found, not in the package"
    quiet cmake --build "$dir" -j "$jobs"
    # /lib is /usr/lib on Debian 12.
    [[ $(ldd "$dir/consumer") =~ "libfastiter.so.${version%.*} => "(/usr)?/lib/ ]] ||
        fail "the consumer does not run with the package's libfastiter.so.${version%.*}"
    "$dir/consumer" "$version"
done

echo "--- a consumer against /usr: pkg-config"
read -r -a cflags <<<"$(pkg-config --cflags fastiter)"
read -r -a libs <<<"$(pkg-config --libs fastiter)"
quiet c++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -O2 "${cflags[@]}" "$consumer_source/main.cpp" \
    -o "$work/pkg-config-consumer" "${libs[@]}"
"$work/pkg-config-consumer" "$version"

echo "--- apt-get remove"
quiet apt-get remove -y "${packages[@]}"
[[ ! -e /usr/include/fastiter ]] || fail "removing the packages left /usr/include/fastiter"
echo "debian_package_test passed (version $version)"
