#!/usr/bin/env python3
"""Instructions per call for every (workload, backend) pair, counted with callgrind.

Builds the harness (`cargo build --release -p typegrad-benches --bin icount`), then for each
pair runs it under valgrind's callgrind with N and 2N iterations: per call = (I(2N) - I(N)) / N,
which cancels start-up and set-up. Counts are deterministic, unlike wall time on this machine.
N is 200, fewer for pairs that take more than 50 µs a call natively (at least 2, for the
Hessians that take a second a call; the count per call does not depend on N).

`tape` (a new tape each call) and `tape_new` (making a new tape alone) are counted twice: as
is, where glibc zeroes the tape with `rep stosb` (above 2 KB), which callgrind counts once per
byte, and as `tape_vmemset` / `tape_new_vmemset` with glibc told to use vector stores instead
(GLIBC_TUNABLES=glibc.cpu.x86_rep_stosb_threshold=...), which counts about one instruction per
32 bytes, as the other code is counted. Each workload's tape size
(records, stack bytes) goes under "capacity".

The workloads of forward mode in chunks (issue 10: the gradients at 64 to 1,024 inputs and the
Hessians, `hess_…`) are counted again with glibc's `memcpy` and `memset` on vector stores
(GLIBC_TUNABLES=...x86_rep_movsb_threshold=...:...x86_rep_stosb_threshold=...), stored as
BACKEND_vcopy: their large duals, and num-dual's matrices above all, are copied with `rep movsb`,
which callgrind counts once per byte (num-dual's Hessian at 64 inputs: 140 million instructions
so, 26 million with vector copies). The chunk tables and charts use these counts. So are the
Rosenbrock workloads at every input count (2 to 1,024), for the chart of modes against N: copies
of a few KB (duals of 24 inputs and more, ad_trait's too) cross glibc's threshold there.

    python3 benches/icount.py                 # all pairs -> benches/results/icount.json
    python3 benches/icount.py rosenbrock64    # only workloads containing that text
    python3 benches/icount.py =rosenbrock2/tape   # only that workload (not rosenbrock256), one backend
    python3 benches/icount.py --backends tape,tape_on   # only these backends (any workload)
    python3 benches/icount.py hess_/tape      # only that backend of those workloads
    python3 benches/icount.py --vcopy-only hess_   # only the vector-copy counts
    CARGO_TARGET_DIR=/elsewhere python3 benches/icount.py ...   # build and run it there
Then `python3 benches/report.py` writes the tables into BENCHMARKS.md (and
`python3 benches/chart.py` the charts).
"""
import json, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release",
                   "icount")
OUT = os.path.join(ROOT, "benches", "results", "icount.json")
N = 200
VECTOR_MEMSET = {**os.environ, "GLIBC_TUNABLES": "glibc.cpu.x86_rep_stosb_threshold=1000000000"}
VECTOR_COPIES = {**os.environ, "GLIBC_TUNABLES": "glibc.cpu.x86_rep_movsb_threshold=1000000000:"
                 "glibc.cpu.x86_rep_stosb_threshold=1000000000"}
# Counted with vector copies too: the chunk workloads and every Rosenbrock workload.
VCOPY_WORKLOADS = ("rosenbrock", "sinexp", "hess_")


def vcopy_workload(w):
    return w.startswith(VCOPY_WORKLOADS)


def selected(w, b, filters):
    """No filters, or one that matches: WORKLOAD-TEXT, or WORKLOAD-TEXT/BACKEND; `=NAME` matches
    the workload NAME alone (`rosenbrock2` also matches `rosenbrock256`, `=rosenbrock2` not)."""
    for f in filters:
        text, _, backend = f.partition("/")
        hit = w == text[1:] if text.startswith("=") else text in w
        if hit and backend in ("", b):
            return True
    return not filters


def count(args, env=None):
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", BIN, *args],
                       capture_output=True, text=True, check=True, env=env)
    return int(re.search(r"Collected : (\d+)", r.stderr).group(1))


def seconds(args):
    t = time.perf_counter()
    subprocess.run([BIN, *args], check=True)
    return time.perf_counter() - t


def iterations(w, b):
    """N, or fewer for a pair slower than 50 µs a call (timed natively: 2 calls less none)."""
    per_call = (seconds([w, b, "2"]) - seconds([w, b, "0"])) / 2
    return max(2, int(50e-6 * N / per_call)) if per_call > 50e-6 else N


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
    vcopy_only = "--vcopy-only" in args
    only = [a for a in args if a != "--vcopy-only"]
    results = {}
    if os.path.exists(OUT):
        results = json.load(open(OUT))
    for line in subprocess.run([BIN, "capacity"], capture_output=True, text=True,
                               check=True).stdout.splitlines():
        w, records, size = line.split()
        results.setdefault("capacity", {})[w] = [int(records), int(size)]
    results["chunks"] = {n: [int(g), int(h)] for n, g, h in (
        l.split() for l in subprocess.run([BIN, "chunks"], capture_output=True, text=True,
                                          check=True).stdout.splitlines())}
    for w, b in pairs:
        save(results)
        if not selected(w, b, only) or (backends and b not in backends):
            continue
        if vcopy_workload(w):
            c = per_call(w, b, VECTOR_COPIES)
            results.setdefault(w, {})[b + "_vcopy"] = round(c)
            print(f"{w:16} {b + '_vcopy':16} {c:12.0f}", flush=True)
        if vcopy_only:
            continue
        c = per_call(w, b)
        results.setdefault(w, {})[b] = round(c)
        print(f"{w:16} {b:16} {c:12.0f}", flush=True)
        if b in ("tape", "tape_new"):
            c = per_call(w, b, VECTOR_MEMSET)
            results[w][b + "_vmemset"] = round(c)
            print(f"{w:16} {b + '_vmemset':16} {c:12.0f}", flush=True)
    save(results)


def save(results):
    """Writes the results so far (a long run keeps what it measured if stopped)."""
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
