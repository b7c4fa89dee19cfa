#!/usr/bin/env bash
# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# Builds and runs the whole unit suite the way CI does: g++ and clang++ (CMake + CTest),
# ASan+UBSan and TSan presets, and b2; fastiter::mpi under mpirun; the guide's examples; the
# installed package as consumers see it; the Debian packages; the suite against Boost 1.81.
# Warnings are errors. Stops at the first failure.
# Usage: test/run-all.sh [stage ...]   stages: gcc clang asan tsan b2 mpi examples docs install
#                                      debian boost181 (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
# Paths relative to the checkout, so that a fresh clone in another folder hits the cache.
export CCACHE_BASEDIR="$PWD"
jobs=$(nproc)
stages=("$@")
((${#stages[@]})) || stages=(gcc clang asan tsan b2 mpi examples docs install debian boost181)

timed() {
    local name=$1; shift
    local start=$SECONDS
    echo "=== stage $name"
    "$@"
    echo "=== stage $name passed in $((SECONDS - start)) s"
}

preset() {
    local name=$1
    # Chained, so that a failure stops here also where errexit does not apply (boost181).
    cmake --preset "$name" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null &&
        cmake --build --preset "$name" -j "$jobs" &&
        ctest --preset "$name" -j "$jobs"
}

mpi_suite() {
    # Boost.MPI and an MPI runtime are needed by this stage only: fastiter::mpi is optional.
    bash .ci/install-deps libboost-mpi-dev openmpi-bin
    # CI runs as root, which Open MPI refuses unless told.
    export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
    preset mpi
    # CMake builds with g++, b2 with clang++.
    b2 -j "$jobs" -q toolset=clang fastiter-mpi=on cxxflags=-Werror \
        test//test_mpi_1 test//test_mpi_2 test//test_mpi_3 example//mpi_sum
}

examples() {
    # Every example runs once with small parameters: they must keep working as documented.
    ctest --test-dir build/debug -L example -j "$jobs" --output-on-failure
}

b2_suite() {
    b2 -j "$jobs" -q toolset=gcc cxxflags=-Werror test
    # link=static: the same library kind users choose with it, linked into tests and a plugin.
    b2 -j "$jobs" -q toolset=gcc cxxflags=-Werror link=static test//test_par_range test//test_shared_object
}

docs() {
    # test/doc_examples.cpp compiles and runs the guide's examples (in every other stage); this
    # checks it still holds them: the lines of each ```cpp block of doc/guide.md must appear in
    # it in order (declarations and checks may come between). A ```cpp compile-error block must
    # fail to compile with the message its `// error:` comment quotes.
    local dir=build/docs-check
    rm -rf "$dir" && mkdir -p "$dir"
    awk -v dir="$dir" '
        function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
        FNR == NR {
            if (!in_block && $0 == "```cpp") { in_block = 1; blocks++; first[blocks] = FNR; next }
            if (!in_block && $0 == "```cpp compile-error") { in_block = 2; errors++; next }
            if (in_block && $0 == "```") { in_block = 0; next }
            if (in_block == 1 && trim($0) != "") lines[blocks, ++count[blocks]] = trim($0)
            if (in_block == 2) {
                file = dir "/error" errors ".cpp"
                if (!started[errors]++)
                    print "#include <fastiter/fastiter.hpp>\nnamespace fi = fastiter;\nint main()\n{" > file
                if (sub(/^\/\/ error: /, "")) printf "%s", $0 > (dir "/error" errors ".expected")
                else if (sub(/^\/\/ /, "")) printf " %s", $0 > (dir "/error" errors ".expected")
                else print > file
            }
            next
        }
        trim($0) != "" { test[++tested] = trim($0) }
        END {
            for (b = 1; b <= blocks; b++) {
                at = 1
                for (i = 1; i <= count[b]; i++) {
                    while (at <= tested && test[at] != lines[b, i]) at++
                    if (at > tested) {
                        printf "doc/guide.md:%d: this example is not in test/doc_examples.cpp (from: %s)\n", first[b], lines[b, i]
                        failed = 1
                        break
                    }
                    at++
                }
            }
            for (e = 1; e <= errors; e++) print "}" >> (dir "/error" e ".cpp")
            exit failed
        }' doc/guide.md test/doc_examples.cpp
    local source expected
    for source in "$dir"/error*.cpp; do
        [[ -e $source ]] || continue
        expected=$(tr -s ' \n' ' ' <"${source%.cpp}.expected")
        if g++ -std=c++20 -fsyntax-only -Iinclude "$source" >"$dir/out" 2>&1; then
            echo "doc/guide.md: a compile-error example compiles:"; cat "$source"; return 1
        fi
        if ! grep -qF -- "$expected" <(tr -s ' \n' ' ' <"$dir/out"); then
            echo "doc/guide.md: a compile-error example fails without its message ($expected):"
            cat "$dir/out"; return 1
        fi
    done
    echo "doc/guide.md: every example is in test/doc_examples.cpp; compile errors as quoted"
    # Every file the project writes carries its licence in its first lines (debian/'s formats
    # mostly allow no comments: debian/copyright states the licence for every file).
    local unlicensed
    unlicensed=$(git ls-files -- ':!*.md' ':!*.png' ':!*.json' ':!.gitignore' ':!LICENSE_1_0.txt' ':!debian/*' |
        while read -r file; do head -n 3 "$file" | grep -q 'SPDX-License-Identifier: BSL-1.0' || echo "$file"; done)
    if [[ -n $unlicensed ]]; then
        echo "these files lack the line 'SPDX-License-Identifier: BSL-1.0' in their first three lines:"
        echo "$unlicensed"
        return 1
    fi
    echo "every source file names its licence (BSL-1.0)"
}

install_check() {
    # The package as consumers see it: CMake install + find_package + pkg-config + b2 install,
    # then add_subdirectory and b2 use-project. pkg-config is not among the default packages.
    bash .ci/install-deps pkgconf
    test/cmake_install_test/check.sh
    test/cmake_subdir_test/check.sh
}

debian_packages() {
    # The packaging tools, then what debian/control's Build-Depends name, as a user would.
    bash .ci/install-deps dpkg-dev lintian pkgconf
    DEBIAN_FRONTEND=noninteractive apt-get build-dep -y -qq ./ >/dev/null
    test/debian_package_test/check.sh
}

boost181() {
    # Debian 12's libboost1.81-all-dev replaces the 1.74 development packages; they come back
    # afterwards, also when the suite fails, so that the machine is left as it was found.
    echo "installing libboost1.81-all-dev in place of Boost 1.74's development packages"
    local restore=()
    dpkg-query -W -f='${Status}' libboost-mpi-dev 2>/dev/null | grep -q "ok installed" && restore+=(libboost-mpi-dev)
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libboost1.81-all-dev >/dev/null
    local status=0
    grep -q '#define BOOST_LIB_VERSION "1_81"' /usr/include/boost/version.hpp || status=1
    ((status)) || (preset boost181) || status=$?
    echo "switching back to Boost 1.74"
    local installed
    installed=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' 'libboost*1.81*-dev' | awk '$1 == "ii" { print $2 }' || true)
    # shellcheck disable=SC2086 # one package name a word
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq $installed >/dev/null
    bash .ci/install-deps "${restore[@]}"
    ((status == 0)) || { echo "the suite failed against Boost 1.81" >&2; return 1; }
}

for stage in "${stages[@]}"; do
    case $stage in
        gcc) timed gcc preset debug ;;
        clang) timed clang preset clang-debug ;;
        asan) timed asan preset asan ;;
        tsan) timed tsan preset tsan ;;
        b2) timed b2 b2_suite ;;
        mpi) timed mpi mpi_suite ;;
        examples) timed examples examples ;;
        docs) timed docs docs ;;
        install) timed install install_check ;;
        debian) timed debian debian_packages ;;
        boost181) timed boost181 boost181 ;;
        *) echo "unknown stage: $stage (known: gcc clang asan tsan b2 mpi examples docs install debian boost181)" >&2; exit 2 ;;
    esac
done
echo "all stages passed: ${stages[*]}"
