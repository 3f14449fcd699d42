#!/usr/bin/env python3
"""Instructions per call for every (workload, backend) pair, counted with callgrind.

Builds the harness (`cargo build --release -p typegrad-benches --bin icount`), then for each
pair runs it under valgrind's callgrind with N and 2N iterations: per call = (I(2N) - I(N)) / N,
which cancels start-up and set-up. Counts are deterministic, unlike wall time on this machine.

    python3 benches/icount.py                 # all pairs -> benches/results/icount.json
    python3 benches/icount.py rosenbrock64    # only workloads containing that text
Then `python3 benches/report.py` writes the tables into BENCHMARKS.md.
"""
import json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "icount")
OUT = os.path.join(ROOT, "benches", "results", "icount.json")
N = 200


def count(args):
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", BIN, *args],
                       capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", r.stderr).group(1))


def main():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "typegrad-benches", "--bin", "icount"],
                   cwd=ROOT, check=True)
    subprocess.run([BIN, "check"], check=True)
    pairs = [l.split() for l in subprocess.run([BIN, "list"], capture_output=True, text=True,
                                               check=True).stdout.splitlines()]
    only = sys.argv[1:]
    results = {}
    if os.path.exists(OUT):
        results = json.load(open(OUT))
    for w, b in pairs:
        if only and not any(o in w for o in only):
            continue
        per_call = (count([w, b, str(2 * N)]) - count([w, b, str(N)])) / N
        results.setdefault(w, {})[b] = round(per_call)
        print(f"{w:16} {b:10} {per_call:12.0f}", flush=True)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
