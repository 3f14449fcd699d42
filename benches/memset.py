#!/usr/bin/env python3
"""What zeroing a new tape costs in wall time: criterion runs of the hand-written gradient,
`tape` (a new tape each call), `tape_on` (one tape reused) and `tape_new` (making a new tape
alone) at 64 and 256 inputs, repeated, with the load average before each run.

    python3 benches/memset.py [RUNS]     # default 5 -> benches/results/memset.json

Then `python3 benches/report.py` writes the table into BENCHMARKS.md. Each run replaces the
criterion results of these benchmarks, so the other tables show the last run.
"""
import json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "benches", "results", "memset.json")
WORKLOADS = ["rosenbrock64", "rosenbrock256", "logistic64x64", "logistic64x256"]
BACKENDS = ["hand", "tape", "tape_on", "tape_new"]
FILTER = "^(%s)/(%s)$" % ("|".join(WORKLOADS), "|".join(BACKENDS))


def load():
    return [float(x) for x in open("/proc/loadavg").read().split()[:3]]


def medians():
    out = {}
    for w in WORKLOADS:
        for b in BACKENDS:
            est = os.path.join(ROOT, "target", "criterion", w, b, "new", "estimates.json")
            out.setdefault(w, {})[b] = round(json.load(open(est))["median"]["point_estimate"], 2)
    return out


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    subprocess.run(["cargo", "bench", "--no-run", "-q"], cwd=ROOT, check=True)
    results = []
    for i in range(runs):
        before = load()
        subprocess.run(["cargo", "bench", "-q", "--", FILTER], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results.append({"load_before": before, "load_after": load(), "median_ns": medians()})
        print(f"run {i + 1}: load {before} -> {results[-1]['load_after']}", flush=True)
    with open(OUT, "w") as f:
        json.dump({"filter": FILTER, "runs": results}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
