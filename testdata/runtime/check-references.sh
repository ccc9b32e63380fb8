#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Compile and run every reference block-gen.c (testdata/reference/qemu-X.Y/)
# against the test runtime, plus the runtime's own self-test, in several
# build variants:
#
#   O0   gcc -std=gnu11 -Wall -Wextra -Werror -g
#   O2   the same with -O2
#   san  the same with -O1 and -fsanitize=address,undefined (or only
#        undefined, or nothing, whichever this machine's compiler supports)
#
# and, if valgrind is installed, runs the O0 programs again under
# valgrind --leak-check=full.
#
# Usage: check-references.sh OUTDIR [qemu-X.Y ...]
#
# Everything is written under OUTDIR (created if missing); nothing is
# written into the source tree.  With dialect names, only those are run
# (the self-test always runs).  CC overrides the compiler (default gcc).
# Exits 0 if every program built and passed, 1 otherwise, 2 on bad usage.
# See README.md for the file lists and compile lines.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
refdir=$(cd "$here/../reference" && pwd)
testdata=$(cd "$here/.." && pwd)
cc=${CC:-gcc}

usage() {
    echo "usage: $0 OUTDIR [qemu-X.Y ...]" >&2
    exit 2
}

[ $# -ge 1 ] || usage
# Resolved before it exists, so a refused OUTDIR is never created.
out=$(realpath -m -- "$1")
shift
case "$out/" in
"$testdata/"*)
    echo "$0: refusing to write into the source tree ($out)" >&2
    exit 2
    ;;
esac
mkdir -p "$out"

if [ $# -gt 0 ]; then
    dialects=("$@")
else
    dialects=()
    for d in "$refdir"/qemu-*/; do
        dialects+=("$(basename "$d")")
    done
fi
for d in "${dialects[@]}"; do
    if [ ! -f "$refdir/$d/block-gen.c.after-banner" ] ||
       [ ! -f "$here/tests/$d/main.c" ]; then
        echo "$0: no reference output or test program for $d" >&2
        exit 2
    fi
done

common=(-std=gnu11 -Wall -Wextra -Werror -g)

# The sanitizer flags this compiler can build and run a program with.
probe_sanitizers() {
    local probe=$out/probe
    mkdir -p "$probe"
    printf 'int main(void) { return 0; }\n' >"$probe/probe.c"
    for flags in "-fsanitize=address,undefined" "-fsanitize=undefined"; do
        # shellcheck disable=SC2086 # $flags is a list of flags
        if "$cc" $flags "$probe/probe.c" -o "$probe/probe" 2>/dev/null &&
           "$probe/probe"; then
            echo "$flags"
            return
        fi
    done
}

san=$(probe_sanitizers)
variant_names=(O0 O2)
variant_flags=("" "-O2")
if [ -n "$san" ]; then
    variant_names+=(san)
    variant_flags+=("-O1 -fno-omit-frame-pointer -fno-sanitize-recover=all $san")
    echo "# san variant: $san"
else
    echo "# san variant skipped: $cc cannot build with sanitizers here"
fi

# Make sanitizer reports fatal and check leaks and fake stacks (the latter
# exercises the runtime's fiber annotations); the caller's options win.
export ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

passed=0
failed=0

# build_and_run VARIANT FLAGS NAME SOURCES... -- INCLUDE_DIRS...
build_and_run() {
    local variant=$1 flags=$2 name=$3
    shift 3
    local sources=() includes=()
    while [ "$1" != "--" ]; do
        sources+=("$1")
        shift
    done
    shift
    for dir in "$@"; do
        includes+=(-I "$dir")
    done

    local dir=$out/$variant/$name
    mkdir -p "$dir"
    rm -f "$dir/test"   # never run a stale binary from an earlier run
    # shellcheck disable=SC2086 # $flags is a list of flags
    if ! "$cc" "${common[@]}" $flags "${includes[@]}" -o "$dir/test" \
         "${sources[@]}" >"$dir/build.log" 2>&1; then
        echo "FAIL $variant $name: does not build"
        sed 's/^/    /' "$dir/build.log"
        failed=$((failed + 1))
        return
    fi
    run "$variant" "$name" "$dir" "$dir/test"
}

# run VARIANT NAME DIR COMMAND...
run() {
    local variant=$1 name=$2 dir=$3
    shift 3
    if "$@" >"$dir/run-$variant.log" 2>&1; then
        echo "PASS $variant $name ($(tail -n 1 "$dir/run-$variant.log"))"
        passed=$((passed + 1))
    else
        echo "FAIL $variant $name: exit status $?"
        sed 's/^/    /' "$dir/run-$variant.log"
        failed=$((failed + 1))
    fi
}

for i in "${!variant_names[@]}"; do
    variant=${variant_names[$i]}
    flags=${variant_flags[$i]}

    build_and_run "$variant" "$flags" selftest \
        "$here/runtime.c" "$here/tests/testlib.c" "$here/tests/selftest.c" \
        -- "$here/include" "$here/tests"

    for d in "${dialects[@]}"; do
        # The generated file under the name it has in a build.
        mkdir -p "$out/$d"
        cp "$refdir/$d/block-gen.c.after-banner" "$out/$d/block-gen.c"

        # One example file per input header, named after it.
        examples=()
        read -r -a headers <"$refdir/$d/ARGS" || true   # no final newline
        for h in "${headers[@]}"; do
            examples+=("$here/tests/examples/${h%.h}.c")
        done

        build_and_run "$variant" "$flags" "$d" \
            "$out/$d/block-gen.c" "$here/runtime.c" "$here/tests/testlib.c" \
            "${examples[@]}" "$here/tests/$d/main.c" \
            -- "$here/include" "$here/tests" "$here/tests/$d" "$refdir/$d"
    done
done

# The runtime registers its coroutine stacks with valgrind when it is built
# where <valgrind/valgrind.h> exists; without that, expect false reports.
if command -v valgrind >/dev/null 2>&1; then
    for name in selftest "${dialects[@]}"; do
        dir=$out/O0/$name
        [ -x "$dir/test" ] || continue      # its build failure is counted
        run valgrind "$name" "$dir" \
            valgrind -q --error-exitcode=99 --leak-check=full "$dir/test"
    done
else
    echo "# valgrind runs skipped: valgrind is not installed"
fi

echo "check-references: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
