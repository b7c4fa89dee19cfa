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
work="$(mktemp -d "${TMPDIR:-/tmp}/fastiter-debian-test.XXXXXX")"
packages=(libfastiter-dev libfastiter0.1)
remove_packages() { apt-get remove -y -qq "${packages[@]}" >/dev/null 2>&1 || true; }
trap 'rm -rf "$work"' EXIT
jobs=$(nproc)
launcher=()
check_name=debian_package_test
# shellcheck source=../cmake_install_test/consumer.sh
source "$root/test/cmake_install_test/consumer.sh"

for package in "${packages[@]}"; do
    ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
        fail "$package is installed already: remove it first (apt-get remove ${packages[*]})"
done
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
    consume /usr "$arguments"
    # /lib is /usr/lib on Debian 12.
    [[ $(ldd "$consumer_dir/consumer") =~ "libfastiter.so.${version%.*} => "(/usr)?/lib/ ]] ||
        fail "the consumer does not run with the package's libfastiter.so.${version%.*}"
done

echo "--- a consumer against /usr: pkg-config"
consume_with_pkg_config "$work/pkg-config-consumer"

echo "--- apt-get remove"
quiet apt-get remove -y "${packages[@]}"
[[ ! -e /usr/include/fastiter ]] || fail "removing the packages left /usr/include/fastiter"
echo "debian_package_test passed (version $version)"
