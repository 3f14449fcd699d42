#!/usr/bin/env python3
"""Writes the generated tables of BENCHMARKS.md from the measurements.

Inputs (each produced by a command; see BENCHMARKS.md):
- target/criterion/<workload>/<backend>/new/estimates.json, from `cargo bench`: the median
  of each benchmark, copied into benches/results/criterion.json so the tables can be
  regenerated without the target directory;
- benches/results/icount.json, from `python3 benches/icount.py`;
- benches/results/compile_time.json, from `python3 benches/compile_time.py`;
- benches/results/memset.json, from `python3 benches/memset.py` (repeated wall-time runs of the
  tape rows at 64 and 256 inputs).

The charts (forward mode in chunks; every mode against N) are drawn from icount.json by
`python3 benches/chart.py`.

Each table replaces the text between `<!-- NAME:begin -->` and `<!-- NAME:end -->` in
BENCHMARKS.md; everything else in the file is left as written. Given names, only those tables
are written (and their markers alone need to be in the file).

    python3 benches/report.py
    python3 benches/report.py modes ad-trait
"""
import glob, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "benches", "results")
DOC = os.path.join(ROOT, "BENCHMARKS.md")

WORKLOADS = ["tutorial1", "tutorial2", "tutorial3", "rosenbrock2", "rosenbrock16", "rosenbrock64",
             "rosenbrock256", "logistic8x4", "logistic64x8", "logistic64x256", "rat43",
             "black_scholes", "arm3", "rnn64x100"]
BACKENDS = ["plain", "hand", "reverse", "forward", "tape", "tape_on", "num-dual", "autodiff",
            "ad_trait_fwd", "ad_trait_rev"]
# The tape tables: every workload with a tape backend, by input count within a family.
TAPE_WORKLOADS = (["rosenbrock%d" % n for n in (2, 8, 12, 16, 24, 32, 64, 256)]
                  + ["logistic8x4"] + ["logistic64x%d" % p for p in (8, 12, 16, 24, 32, 64, 256)]
                  + ["tutorial1", "tutorial2", "tutorial3", "black_scholes", "rat43", "arm3",
                     "rnn64x100"])
INPUTS = {"tutorial1": 3, "tutorial2": 1, "tutorial3": 2, "black_scholes": 4, "rat43": 4, "arm3": 3,
          "rnn64x100": 64}
# The statement-level tape (`tape::stmt!`), against the hand-written gradient and the tape per
# operation.
STMT_WORKLOADS = ["rosenbrock2", "rosenbrock16", "rosenbrock64", "rosenbrock256", "logistic8x4",
                  "logistic64x8", "logistic64x256", "rnn64x100"]
STMT_BACKENDS = ["hand", "reverse", "tape", "tape_on", "tape_stmt", "tape_stmt_on",
                 "tape_stmt_loop", "tape_stmt_loop_on"]
STMT_TARGET = 2.5  # statement-level tape <= 2.5 x the hand-written gradient
TAPE_TARGET = 8.0  # tape gradient <= 8 x the hand-written one, at 64 inputs and more
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


def markdown(head, rows):
    """The lines of a Markdown table: the header, its rule, then one line per row of cells."""
    rule = "|" + "---|" * len(head)
    return ["| " + " | ".join(head) + " |", rule] + ["| " + " | ".join(r) + " |" for r in rows]


def ratio_cell(row, num, den, target):
    if num not in row or den not in row or not row[den]:
        return "—"
    r = row[num] / row[den]
    mark = "" if target is None else (" ✓" if r <= target else " ✗")
    return f"{r:.2f}{mark}"


def table(data, fmt):
    backends = [b for b in BACKENDS if any(b in data.get(w, {}) for w in WORKLOADS)]
    head = ["workload"] + backends + [r[0] for r in RATIOS]
    rows = []
    for w in WORKLOADS:
        row = data.get(w)
        if not row:
            continue
        cells = [w] + [fmt(row[b]) if b in row else "—" for b in backends]
        cells += [ratio_cell(row, *r[1:]) for r in RATIOS]
        rows.append(cells)
    return "\n".join(markdown(head, rows))


def compile_table(ct):
    head = ["expression", "operations", "build CPU s (wall s), median of 3", "ms per operation",
            "ms per added operation", "longest symbol (v0 / demangled, bytes)",
            "stripped binary (bytes)"]
    rows, prev = [], {}
    for r in ct["rows"]:
        kind = r["case"].split()[0] + ("e" if "eval" in r["case"] else "") + (
            "v" if "varied" in r["case"] else "")
        if "error" in r:
            rows.append([r["case"], str(r["ops"]),
                         f"does not compile: {r['error']} (recursion limit)"] + ["—"] * 4)
            continue
        p = prev.get(kind)
        marginal = (f"{1000 * (r['seconds'] - p['seconds']) / (r['ops'] - p['ops']):.1f}"
                    .replace("-0.0", "0.0") if p else "—")
        prev[kind] = r
        rows.append([r["case"], str(r["ops"]), f"{r['seconds']:.2f} ({r['wall']:.2f})",
                     f"{1000 * r['seconds'] / r['ops']:.1f}", marginal,
                     f"{r['symbol']:,} / {r['demangled']:,}", f"{r['stripped']:,}"])
    lines = markdown(head, rows)
    lines.append("")
    lines.append(f"Compiler: `{ct['rustc']}`.")
    return "\n".join(lines)


def inputs(w):
    if w in INPUTS:
        return INPUTS[w]
    return int(re.search(r"(\d+)$", w).group(1))


def tape_ratio(row, num, den, n, target=True):
    if num not in row or den not in row:
        return "—"
    r = row[num] / row[den]
    mark = (" ✓" if r <= TAPE_TARGET else " ✗") if target and n >= 64 else ""
    return f"{r:.1f}{mark}"


def crossover(data, key):
    """Per family, the input counts where forward duals cost more than the tape `key`."""
    lines = []
    for family, prefix in (("Rosenbrock", "rosenbrock"), ("logistic (64 observations)", "logistic64x")):
        ws = [w for w in TAPE_WORKLOADS if w.startswith(prefix) and key in data.get(w, {})
              and "forward" in data[w]]
        cheaper = [inputs(w) for w in ws if data[w][key] < data[w]["forward"]]
        dearer = [inputs(w) for w in ws if data[w][key] >= data[w]["forward"]]
        if cheaper:
            lines.append(f"{family}: the tape is cheaper than forward duals from N = {min(cheaper)}"
                         + (f" (dearer up to N = {max(dearer)})" if dearer else ""))
    return "; ".join(lines)


def tape_icount_table(data):
    cap = data.get("capacity", {})
    head = ["workload", "N", "records", "stack bytes", "plain", "hand", "forward", "tape",
            "tape, vector memset", "tape_on", "new tape alone, vector memset", "tape / hand",
            "tape, vector memset / hand", "tape_on / hand", "tape, vector memset / plain",
            "forward / tape, vector memset"]
    rows = []
    for w in TAPE_WORKLOADS:
        row = data.get(w)
        if not row or "tape" not in row:
            continue
        n = inputs(w)
        records, size = cap.get(w, ("—", "—"))
        cells = [w, str(n), fmt_any(records), fmt_any(size)]
        cells += [fmt_count(row[b]) if b in row else "—"
                  for b in ("plain", "hand", "forward", "tape", "tape_vmemset", "tape_on",
                            "tape_new_vmemset")]
        cells += [tape_ratio(row, "tape", "hand", n), tape_ratio(row, "tape_vmemset", "hand", n),
                  tape_ratio(row, "tape_on", "hand", n),
                  tape_ratio(row, "tape_vmemset", "plain", n, False),
                  tape_ratio(row, "forward", "tape_vmemset", n, False)]
        rows.append(cells)
    lines = markdown(head, rows)
    lines.append("")
    lines.append("Crossover (instructions, tape with vector memset): "
                 + crossover(data, "tape_vmemset") + ".")
    return "\n".join(lines)


def tape_criterion_table(data):
    head = ["workload", "N", "plain", "hand", "forward", "tape", "tape_on", "new tape alone",
            "tape / hand", "tape_on / hand", "tape / plain", "tape − tape_on", "forward / tape"]
    rows = []
    for w in TAPE_WORKLOADS:
        row = data.get(w)
        if not row or "tape" not in row:
            continue
        n = inputs(w)
        cells = [w, str(n)] + [fmt_time(row[b]) if b in row else "—"
                               for b in ("plain", "hand", "forward", "tape", "tape_on", "tape_new")]
        diff = row["tape"] - row["tape_on"] if "tape_on" in row else None
        diff = "—" if diff is None else ("−" if diff < 0 else "") + fmt_time(abs(diff))
        cells += [tape_ratio(row, "tape", "hand", n), tape_ratio(row, "tape_on", "hand", n),
                  tape_ratio(row, "tape", "plain", n, False), diff,
                  tape_ratio(row, "forward", "tape", n, False)]
        rows.append(cells)
    lines = markdown(head, rows)
    lines.append("")
    lines.append("Crossover (wall time): " + crossover(data, "tape") + ".")
    return "\n".join(lines)


def statement_table(data):
    """The statement-level tape's rows, in instructions, with their ratios to the hand-written
    gradient (marked against 2.5 for the statements, 6 for the tape per operation)."""
    head = (["workload", "N"] + STMT_BACKENDS
            + [f"{b} / hand" for b in STMT_BACKENDS if b not in ("hand", "reverse")])
    rows = []
    for w in STMT_WORKLOADS:
        row = data.get(w)
        if not row or "tape_stmt" not in row:
            continue
        cells = [w, str(inputs(w))] + [fmt_count(row[b]) if b in row else "—" for b in STMT_BACKENDS]
        for b in STMT_BACKENDS[2:]:
            target = 6.0 if b in ("tape", "tape_on") else STMT_TARGET
            cells.append(ratio_cell(row, b, "hand", target))
        rows.append(cells)
    return "\n".join(markdown(head, rows))


SPARE = ["tutorial1", "rosenbrock64"]


def spare_table(ic, crit):
    """`tape::gradient` with capacity to spare, in instructions and wall time."""
    cap = ic.get("capacity", {})
    head = ["workload", "records", "tape (CAP = records)", "tape, CAP 4,096", "tape, CAP 100,000",
            "tape_on", "tape, CAP 100,000 − tape"]
    rows = []
    for data, fmt, unit in ((ic, fmt_count, "instructions"), (crit, fmt_time, "wall time")):
        for w in SPARE:
            row = data.get(w, {})
            if "tape_100k" not in row:
                continue
            cells = [f"{w} ({unit})", fmt_any(cap.get(w, ("—",))[0])]
            cells += [fmt(row[b]) if b in row else "—" for b in ("tape", "tape_4k", "tape_100k", "tape_on")]
            cells.append(fmt(row["tape_100k"] - row["tape"]) if "tape" in row else "—")
            rows.append(cells)
    return "\n".join(markdown(head, rows))


def memset_table(ms, icount):
    """Medians over the runs of benches/memset.py, with each run's range."""
    import statistics
    runs = ms["runs"]
    cap = icount.get("capacity", {})
    head = ["workload", "N", "tape bytes", "hand", "tape", "tape_on", "new tape alone",
            "tape / hand", "tape_on / hand", "new tape / tape", "tape / hand, each run"]
    rows = []
    for w in runs[0]["median_ns"]:
        n = inputs(w)
        col = {b: [r["median_ns"][w][b] for r in runs] for b in runs[0]["median_ns"][w]}
        med = {b: statistics.median(v) for b, v in col.items()}
        cells = [w, str(n), fmt_any(cap.get(w, ("—", "—"))[1])]
        cells += [f"{fmt_time(med[b])} ({fmt_time(min(col[b]))} – {fmt_time(max(col[b]))})"
                  for b in ("hand", "tape", "tape_on", "tape_new")]
        cells += [tape_ratio(med, "tape", "hand", n), tape_ratio(med, "tape_on", "hand", n),
                  f"{100 * med['tape_new'] / med['tape']:.0f} %",
                  ", ".join(f"{r['median_ns'][w]['tape'] / r['median_ns'][w]['hand']:.1f}"
                            for r in runs)]
        rows.append(cells)
    lines = markdown(head, rows)
    lines.append("")
    lines.append(f"{len(runs)} runs of `python3 benches/memset.py`; each cell is the median over the "
                 "runs of criterion's median (lowest – highest run). Load average (1, 5, 15 min) "
                 "before each run: "
                 + "; ".join(", ".join(f"{x:.2f}" for x in r["load_before"]) for r in runs)
                 + " (the benchmark itself keeps one of the two cores busy).")
    return "\n".join(lines)


CHUNK_GRADIENTS = ["rosenbrock64", "rosenbrock256", "rosenbrock1024", "sinexp64", "sinexp256",
                   "sinexp1024"]
CHUNK_HESSIANS = ["hess_%s%d" % (f, n) for f in ("rosenbrock", "sinexp") for n in (16, 64, 100, 256)]
ONE_CALL_TARGET = 1.1  # chunked gradient <= 1.1 x one call, at N <= 64
HESSIAN_TARGET = 2.0  # hessian <= 2 x num-dual's, at N = 100


def chunk_k(data, n, which):
    """The chunk length typegrad picks at n inputs (0: gradient, 1: Hessian), from `icount chunks`."""
    k = data.get("chunks", {}).get(str(n))
    return str(k[which]) if k else "—"


def vcopy(row):
    """A chunk workload's counts with vector memcpy and memset (BACKEND_vcopy), by backend."""
    return {k[:-len("_vcopy")]: v for k, v in row.items() if k.endswith("_vcopy")}


def cells(row, backends):
    return [fmt_count(row[b]) if b in row else "—" for b in backends]


def marked(row, num, den, target):
    if num not in row or den not in row:
        return "—"
    r = row[num] / row[den]
    mark = "" if target is None else (" ✓" if r <= target else " ✗")
    return f"{r:.2f}{mark}"


def chunks_gradient_table(data):
    backends = ["hand", "forward", "forward_1call", "forward_k8", "forward_k16", "forward_k32",
                "forward_k64", "num-dual", "tape_on"]
    head = ["workload", "N", "K", "hand", "gradient", "one call", "K = 8", "K = 16", "K = 32",
            "K = 64", "num-dual", "tape, reused", "gradient / one call", "gradient / num-dual"]
    rows = []
    for w in CHUNK_GRADIENTS:
        row = vcopy(data.get(w, {}))
        if not row:
            continue
        n = inputs(w)
        target = ONE_CALL_TARGET if n <= 64 else None
        rows.append([w, str(n), chunk_k(data, n, 0)] + cells(row, backends)
                    + [marked(row, "forward", "forward_1call", target),
                       marked(row, "forward", "num-dual", None)])
    return "\n".join(markdown(head, rows))


def chunks_hessian_table(data):
    backends = ["hand", "forward", "forward_k1", "forward_k2", "forward_k4", "forward_k8",
                "forward_k12", "forward_1call", "tape", "num-dual"]
    head = ["workload", "N", "K", "hand", "hessian", "K = 1", "K = 2", "K = 4", "K = 8", "K = 12",
            "one call", "tape::hessian", "num-dual", "hessian / num-dual", "tape::hessian / hessian",
            "tape::hessian / num-dual"]
    rows = []
    for w in CHUNK_HESSIANS:
        row = vcopy(data.get(w, {}))
        if not row:
            continue
        n = inputs(w)
        target = HESSIAN_TARGET if n == 100 else None
        rows.append([w, str(n), chunk_k(data, n, 1)] + cells(row, backends)
                    + [marked(row, "forward", "num-dual", target),
                       marked(row, "tape", "forward", None), marked(row, "tape", "num-dual", None)])
    return "\n".join(markdown(head, rows))


MODES_N = [2, 8, 12, 16, 24, 32, 64, 256]
# (column, backend), in the order of the chart's legend (benches/chart.py).
MODES = [("hand", "hand"), ("typegrad reverse", "reverse"), ("statement tape", "tape_stmt"),
         ("tape", "tape"), ("typegrad forward", "forward"), ("num-dual", "num-dual"),
         ("ad_trait forward", "ad_trait_fwd"), ("ad_trait reverse", "ad_trait_rev")]
# (label, numerator, denominator): ad_trait's modes against typegrad's and num-dual's.
AD_TRAIT_RATIOS = [("ad_trait fwd / typegrad forward", "ad_trait_fwd", "forward"),
                   ("ad_trait fwd / num-dual", "ad_trait_fwd", "num-dual"),
                   ("ad_trait rev / typegrad tape", "ad_trait_rev", "tape"),
                   ("ad_trait rev / typegrad reverse", "ad_trait_rev", "reverse")]


def ratio(row, num, den):
    """num / den of two instruction counts, each exact: no spread to report, no target."""
    if num not in row or den not in row or not row[den]:
        return "—"
    r = row[num] / row[den]
    return f"{r:.2f}" if r < 10 else f"{r:.1f}"


def modes_table(data):
    """Rosenbrock's gradient at each N, every mode, with vector memcpy and memset (the chart's
    counts, BACKEND_vcopy), and ad_trait's ratios to typegrad and num-dual."""
    head = ["N"] + [c for c, _ in MODES] + [r[0] for r in AD_TRAIT_RATIOS]
    rows = []
    for n in MODES_N:
        row = vcopy(data.get(f"rosenbrock{n}", {}))
        if row:
            rows.append([str(n)] + cells(row, [b for _, b in MODES])
                        + [ratio(row, *r[1:]) for r in AD_TRAIT_RATIOS])
    return "\n".join(markdown(head, rows))


def ad_trait_table(data):
    """ad_trait on the other workloads (callgrind's default counts, as the main table)."""
    backends = ["hand", "reverse", "forward", "tape", "num-dual", "ad_trait_fwd", "ad_trait_rev"]
    head = ["workload", "N"] + backends + [r[0] for r in AD_TRAIT_RATIOS]
    rows = []
    for w in WORKLOADS:
        row = data.get(w, {})
        if "ad_trait_fwd" in row and not w.startswith("rosenbrock"):
            rows.append([w, str(inputs(w))] + cells(row, backends)
                        + [ratio(row, *r[1:]) for r in AD_TRAIT_RATIOS])
    return "\n".join(markdown(head, rows))


def fmt_any(v):
    return fmt_count(v) if isinstance(v, int) else v


def replace(doc, name, text):
    pat = re.compile(rf"(<!-- {name}:begin -->\n).*?(<!-- {name}:end -->)", re.S)
    if not pat.search(doc):
        raise SystemExit(f"BENCHMARKS.md has no <!-- {name}:begin/end --> markers")
    return pat.sub(lambda m: m.group(1) + text + "\n" + m.group(2), doc)


def main():
    only = sys.argv[1:]
    doc = open(DOC).read()
    if only:
        ic = json.load(open(os.path.join(RESULTS, "icount.json")))
        tables = {"modes": modes_table, "ad-trait": ad_trait_table}
        for name in only:
            if name not in tables:
                raise SystemExit(f"report.py: no table {name!r} to write alone ({', '.join(tables)})")
            doc = replace(doc, name, tables[name](ic))
        open(DOC, "w").write(doc)
        return
    crit = criterion()
    if crit:
        doc = replace(doc, "criterion", table(crit, fmt_time))
        doc = replace(doc, "tape-criterion", tape_criterion_table(crit))
    icount = os.path.join(RESULTS, "icount.json")
    if os.path.exists(icount):
        ic = json.load(open(icount))
        doc = replace(doc, "icount", table(ic, fmt_count))
        doc = replace(doc, "tape-icount", tape_icount_table(ic))
        doc = replace(doc, "tape-spare", spare_table(ic, crit))
        doc = replace(doc, "statements", statement_table(ic))
        doc = replace(doc, "chunks-gradient", chunks_gradient_table(ic))
        doc = replace(doc, "chunks-hessian", chunks_hessian_table(ic))
        doc = replace(doc, "modes", modes_table(ic))
        doc = replace(doc, "ad-trait", ad_trait_table(ic))
        ms = os.path.join(RESULTS, "memset.json")
        if os.path.exists(ms):
            doc = replace(doc, "memset", memset_table(json.load(open(ms)), ic))
    ct = os.path.join(RESULTS, "compile_time.json")
    if os.path.exists(ct):
        doc = replace(doc, "compile", compile_table(json.load(open(ct))))
    open(DOC, "w").write(doc)


if __name__ == "__main__":
    main()
