#!/usr/bin/env python3
# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
"""Instructions per element of each kernel zoo cell's loop: fastiter's leaf loop against the
hand loop, counted by valgrind's callgrind, so that neither the shared machine nor where the
linker put each loop can move the result (on this VM the same loop runs up to 2x apart from
one build or process to the next). Counts what the compiler made of the loop, not seconds.

    bench/zoo-instructions.py build/release/bench/fastiter-bench [--n 100000] [--cells 'zoo.range.*']

Each cell runs twice under callgrind, one worker process per contender (the bench's own
--worker mode, 1 thread). The hand loop's count is everything its kernel runs; fastiter's, its
leaf loop's (fold_leaf, out of line by design, and the producer's loop where the compiler did
not inline it there), both per call and per element.
Prints a Markdown table and a summary line."""
import argparse
import fnmatch
import os
import re
import subprocess
import sys
import tempfile

COST = re.compile(r"^[0-9+\-*]")
LEAF_LOOP = r"^void fastiter::detail::index_producer<.*>::(fold|walk|walk_to)<"
FORMULA = 0.1
NAMED = re.compile(r"^(c?fn)=\((\d+)\)(?: (.*))?$")


def costs(path):
    """Self instructions, inclusive instructions and call counts per function name, from a
    callgrind output file."""
    names, self_ir, inclusive_ir, calls = {}, {}, {}, {}
    current, callee, after_calls = None, None, False
    with open(path) as out:
        for line in out:
            line = line.rstrip("\n")
            named = NAMED.match(line)
            if named:
                kind, ident, name = named.groups()
                if name:
                    names[ident] = name
                if kind == "fn":
                    current, callee = names[ident], None
                else:
                    callee = names[ident]
                after_calls = False
            elif line.startswith("calls="):
                calls[callee] = calls.get(callee, 0) + int(line.split("=")[1].split()[0])
                after_calls = True
            elif COST.match(line) and current is not None:
                ir = int(line.split()[1])
                if after_calls:  # the line after calls= is the call's inclusive cost
                    inclusive_ir[callee] = inclusive_ir.get(callee, 0) + ir
                else:
                    self_ir[current] = self_ir.get(current, 0) + ir
                after_calls = False
    return self_ir, inclusive_ir, calls


def count(bench, cell, contender, n, scratch):
    out = os.path.join(scratch, contender + ".out")
    spec = f"contender={contender},workload={cell},n={n},threads=1,reps=1,busy_probe_ms=0"
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, bench, "--worker", spec],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    self_ir, inclusive_ir, calls = costs(out)
    kernel = "::hand(" if contender == "seq" else "::fastiter("
    is_kernel = lambda name: name and "cell<" in name and kernel in name
    kernel_calls = sum(c for name, c in calls.items() if is_kernel(name))
    if contender == "seq":  # everything the hand loop's kernel runs
        loop_ir = sum(ir for name, ir in inclusive_ir.items() if is_kernel(name))
    else:  # the leaf loop: fold_leaf and, where the compiler kept them apart (clang), the producer's loop
        loop_ir = sum(ir for name, ir in self_ir.items()
                      if "fastiter::detail::fold_leaf<" in name or re.match(LEAF_LOOP, name))
    if kernel_calls == 0:
        raise RuntimeError(f"{cell}: no call of the {contender} kernel was counted")
    return loop_ir / kernel_calls / n


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", help="the fastiter-bench binary")
    parser.add_argument("--n", type=int, default=100_000, help="elements per call (default 100000)")
    parser.add_argument("--cells", default="zoo.*", help="glob over the cell names (default zoo.*)")
    args = parser.parse_args()
    listing = subprocess.run([args.bench, "--list"], check=True, capture_output=True, text=True).stdout
    cells = [w for w in re.findall(r"^\s+(zoo\.\S+)$", listing, re.M) if fnmatch.fnmatch(w, args.cells)]
    if not cells:
        sys.exit(f"no zoo cell matches {args.cells}")
    print("| cell | hand loop, instructions / element | fastiter's leaf loop | ratio |")
    print("|---|---|---|---|")
    ratios, formulas = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for cell in cells:
            hand = count(args.bench, cell, "seq", args.n, scratch)
            leaf = count(args.bench, cell, "fastiter-pipe", args.n, scratch)
            # Under a tenth of an instruction per element, the compiler replaced the loop by
            # its closed form (clang does for sums over a range): no loop is left to compare.
            if min(hand, leaf) < FORMULA:
                formulas.append(f"{cell} ({'hand loop' if hand < FORMULA else ''}"
                                f"{' and ' if max(hand, leaf) < FORMULA else ''}"
                                f"{'fastiter' if leaf < FORMULA else ''})")
                print(f"| {cell} | {hand:.2f} | {leaf:.2f} | formula |", flush=True)
                continue
            ratios.append((leaf / hand, cell))
            print(f"| {cell} | {hand:.2f} | {leaf:.2f} | {leaf / hand:.2f} |", flush=True)
    over = [f"{cell} {ratio:.2f}" for ratio, cell in sorted(ratios, reverse=True) if ratio > 1.05]
    geomean = 1.0
    for ratio, _ in ratios:
        geomean *= ratio ** (1 / len(ratios))
    print(f"\n{len(ratios)} cells with a loop on both sides; fastiter / hand loop, geometric mean {geomean:.3f}; "
          f"above 1.05: {len(over)}" + (": " + "; ".join(over) if over else ""))
    if formulas:
        print(f"\n{len(formulas)} cells where the compiler computed the result as a formula: " + "; ".join(formulas))


if __name__ == "__main__":
    main()
