#!/usr/bin/env python3
"""Writes the generated tables of BENCHMARKS.md from the measurements.

Inputs (each produced by a command; see BENCHMARKS.md):
- target/criterion/<workload>/<backend>/new/estimates.json, from `cargo bench`: the median
  of each benchmark, copied into benches/results/criterion.json so the tables can be
  regenerated without the target directory;
- benches/results/icount.json, from `python3 benches/icount.py`;
- benches/results/compile_time.json, from `python3 benches/compile_time.py`.

Each table replaces the text between `<!-- NAME:begin -->` and `<!-- NAME:end -->` in
BENCHMARKS.md; everything else in the file is left as written.

    python3 benches/report.py
"""
import glob, json, os, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "benches", "results")
DOC = os.path.join(ROOT, "BENCHMARKS.md")

WORKLOADS = ["tutorial1", "tutorial2", "tutorial3", "rosenbrock2", "rosenbrock16", "rosenbrock64",
             "logistic8x4", "logistic64x8", "rat43", "black_scholes", "arm3"]
BACKENDS = ["plain", "hand", "reverse", "forward", "tape", "num-dual", "autodiff"]
# (label, numerator, denominator, target): a ratio column, marked against its target.
RATIOS = [("reverse / hand", "reverse", "hand", 1.05),
          ("reverse / plain", "reverse", "plain", 3.0),
          ("hand / plain", "hand", "plain", None),
          ("forward / num-dual", "forward", "num-dual", 0.9)]


def criterion():
    """Medians (ns) from target/criterion, merged into results/criterion.json."""
    path = os.path.join(RESULTS, "criterion.json")
    data = json.load(open(path)) if os.path.exists(path) else {}
    for est in glob.glob(os.path.join(ROOT, "target", "criterion", "*", "*", "new", "estimates.json")):
        bench = json.load(open(os.path.join(os.path.dirname(est), "benchmark.json")))
        median = json.load(open(est))["median"]["point_estimate"]
        data.setdefault(bench["group_id"], {})[bench["function_id"]] = round(median, 2)
    with open(path, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    return data


def fmt_time(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.1f} ns"


def fmt_count(n):
    return f"{n:,}"


def ratio_cell(row, num, den, target):
    if num not in row or den not in row or not row[den]:
        return "—"
    r = row[num] / row[den]
    mark = "" if target is None else (" ✓" if r <= target else " ✗")
    return f"{r:.2f}{mark}"


def table(data, fmt):
    backends = [b for b in BACKENDS if any(b in data.get(w, {}) for w in WORKLOADS)]
    head = ["workload"] + backends + [r[0] for r in RATIOS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for w in WORKLOADS:
        row = data.get(w)
        if not row:
            continue
        cells = [w] + [fmt(row[b]) if b in row else "—" for b in backends]
        cells += [ratio_cell(row, *r[1:]) for r in RATIOS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def compile_table(ct):
    lines = ["| expression | operations | build CPU s (wall s), median of 3 | ms per operation | "
             "ms per added operation | longest symbol (v0 / demangled, bytes) | "
             "stripped binary (bytes) |",
             "|---|---|---|---|---|---|---|"]
    prev = {}
    for r in ct["rows"]:
        kind = r["case"].split()[0] + ("e" if "eval" in r["case"] else "")
        if "error" in r:
            lines.append(f"| {r['case']} | {r['ops']} | does not compile: {r['error']} "
                         "(recursion limit) | — | — | — | — |")
            continue
        p = prev.get(kind)
        marginal = (f"{1000 * (r['seconds'] - p['seconds']) / (r['ops'] - p['ops']):.1f}"
                    .replace("-0.0", "0.0") if p else "—")
        prev[kind] = r
        lines.append(f"| {r['case']} | {r['ops']} | {r['seconds']:.2f} ({r['wall']:.2f}) | "
                     f"{1000 * r['seconds'] / r['ops']:.1f} | {marginal} | "
                     f"{r['symbol']:,} / {r['demangled']:,} | {r['stripped']:,} |")
    lines.append("")
    lines.append(f"Compiler: `{ct['rustc']}`.")
    return "\n".join(lines)


def replace(doc, name, text):
    pat = re.compile(rf"(<!-- {name}:begin -->\n).*?(<!-- {name}:end -->)", re.S)
    if not pat.search(doc):
        raise SystemExit(f"BENCHMARKS.md has no <!-- {name}:begin/end --> markers")
    return pat.sub(lambda m: m.group(1) + text + "\n" + m.group(2), doc)


def main():
    doc = open(DOC).read()
    crit = criterion()
    if crit:
        doc = replace(doc, "criterion", table(crit, fmt_time))
    icount = os.path.join(RESULTS, "icount.json")
    if os.path.exists(icount):
        doc = replace(doc, "icount", table(json.load(open(icount)), fmt_count))
    ct = os.path.join(RESULTS, "compile_time.json")
    if os.path.exists(ct):
        doc = replace(doc, "compile", compile_table(json.load(open(ct))))
    open(DOC, "w").write(doc)


if __name__ == "__main__":
    main()
