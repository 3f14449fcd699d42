#!/usr/bin/env python3
"""Instructions per call for every (workload, backend) pair, counted with callgrind.

Builds the harness (`cargo build --release -p typegrad-benches --bin icount`), then for each
pair runs it under valgrind's callgrind with N and 2N iterations: per call = (I(2N) - I(N)) / N,
which cancels start-up and set-up. Counts are deterministic, unlike wall time on this machine.
N is 200, fewer for pairs that take more than 50 µs a call natively (at least 10; the count
per call does not depend on N).

`tape` (a new tape each call) and `tape_new` (making a new tape alone) are counted twice: as
is, where glibc zeroes the tape with `rep stosb` (above 2 KB), which callgrind counts once per
byte, and as `tape_vmemset` / `tape_new_vmemset` with glibc told to use vector stores instead
(GLIBC_TUNABLES=glibc.cpu.x86_rep_stosb_threshold=...), which counts about one instruction per
32 bytes, as the other code is counted. Each workload's tape size
(records, stack bytes) goes under "capacity".

    python3 benches/icount.py                 # all pairs -> benches/results/icount.json
    python3 benches/icount.py rosenbrock64    # only workloads containing that text
    python3 benches/icount.py --backends tape,tape_on   # only these backends (any workload)
Then `python3 benches/report.py` writes the tables into BENCHMARKS.md.
"""
import json, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "icount")
OUT = os.path.join(ROOT, "benches", "results", "icount.json")
N = 200
VECTOR_MEMSET = {**os.environ, "GLIBC_TUNABLES": "glibc.cpu.x86_rep_stosb_threshold=1000000000"}


def count(args, env=None):
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", BIN, *args],
                       capture_output=True, text=True, check=True, env=env)
    return int(re.search(r"Collected : (\d+)", r.stderr).group(1))


def seconds(args):
    t = time.perf_counter()
    subprocess.run([BIN, *args], check=True)
    return time.perf_counter() - t


def iterations(w, b):
    """N, or fewer for a pair slower than 50 µs a call (timed natively: 10 calls less none)."""
    per_call = (seconds([w, b, "10"]) - seconds([w, b, "0"])) / 10
    return max(10, int(50e-6 * N / per_call)) if per_call > 50e-6 else N


def per_call(w, b, env=None):
    n = iterations(w, b)
    return (count([w, b, str(2 * n)], env) - count([w, b, str(n)], env)) / n


def main():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "typegrad-benches", "--bin", "icount"],
                   cwd=ROOT, check=True)
    subprocess.run([BIN, "check"], check=True)
    pairs = [l.split() for l in subprocess.run([BIN, "list"], capture_output=True, text=True,
                                               check=True).stdout.splitlines()]
    args = sys.argv[1:]
    backends = None
    if "--backends" in args:
        i = args.index("--backends")
        backends = args[i + 1].split(",")
        del args[i:i + 2]
    only = args
    results = {}
    if os.path.exists(OUT):
        results = json.load(open(OUT))
    for line in subprocess.run([BIN, "capacity"], capture_output=True, text=True,
                               check=True).stdout.splitlines():
        w, records, size = line.split()
        results.setdefault("capacity", {})[w] = [int(records), int(size)]
    for w, b in pairs:
        if only and not any(o in w for o in only):
            continue
        if backends and b not in backends:
            continue
        c = per_call(w, b)
        results.setdefault(w, {})[b] = round(c)
        print(f"{w:16} {b:16} {c:12.0f}", flush=True)
        if b in ("tape", "tape_new"):
            c = per_call(w, b, VECTOR_MEMSET)
            results[w][b + "_vmemset"] = round(c)
            print(f"{w:16} {b + '_vmemset':16} {c:12.0f}", flush=True)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
