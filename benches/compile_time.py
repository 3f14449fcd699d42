#!/usr/bin/env python3
"""Compile-time scaling of reverse-mode expressions with their size.

Generates one small binary crate per case under target/compile-scaling/ (a crate of its own,
path dependency on typegrad, the root Cargo.lock), with one expression over four variables:

- chain N: a left-deep chain of N operations, `((x0 + x1) * x2).sin() - x3 …`, nesting depth N;
- chain N, varied: the same with each operation drawn from 13 (operators with each variable,
  and functions) by a fixed pseudo-random sequence, so that the parts folded after every
  `reverse::DEPTH` operations differ in type (the four operations of `chain N` repeat, and
  so do its folded parts, whose types the compiler then has already seen);
- chain N, eval every 32: the same chain collapsed with `.eval()` after every 32 operations;
- tree N: a balanced binary tree of N operations (N + 1 leaves), `+` and `*` by level.

The expression is passed to an `#[inline(never)]` generic function, so its type appears in a
symbol (the crate is built with v0 symbol mangling, which spells generic arguments out). For
each case the script builds the crate in release (dependencies built once beforehand), three
times with the source touched, and records the median CPU time (user + system, of cargo and
rustc: unlike wall time it does not grow when other jobs share the two cores) and wall time of
`cargo build --release`,
the longest symbol of the crate (v0-mangled length and demangled length), and the size of the
stripped binary. No `recursion_limit` or `type_length_limit` attribute is used.

    python3 benches/compile_time.py        # -> benches/results/compile_time.json
Then `python3 benches/report.py` writes the table into BENCHMARKS.md.
"""
import json, os, re, resource, shutil, statistics, subprocess, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRATE = os.path.join(ROOT, "target", "compile-scaling")
OUT = os.path.join(ROOT, "benches", "results", "compile_time.json")
RUNS = 3
ENV = dict(os.environ, RUSTFLAGS="-C symbol-mangling-version=v0", CARGO_TERM_COLOR="never")

CHAIN_OPS = ["({e} + x1)", "({e} * x2)", "{e}.sin()", "({e} - x3)"]
VARIED_OPS = ["({e} + x1)", "({e} * x2)", "{e}.sin()", "({e} - x3)", "{e}.exp()", "({e} * x0)",
              "{e}.cos()", "({e} + x2)", "{e}.tanh()", "({e} - x1)", "{e}.atan()", "({e} * x3)",
              "({e} + x0)"]


def chain(n, every=None):
    """A left-deep chain of n operations; with `every`, collapsed by eval() that often."""
    lines, e = [], "x0"
    for k in range(n):
        e = CHAIN_OPS[k % 4].format(e=e)
        if every and (k + 1) % every == 0 and k + 1 < n:
            lines.append(f"    let c{k + 1} = {e}.eval();")
            e = f"c{k + 1}"
    return lines, e


def varied(n):
    """A left-deep chain of n operations drawn from VARIED_OPS by a linear congruential
    generator (the same sequence on every run)."""
    e, state = "x0", 12345
    for _ in range(n):
        state = (state * 1103515245 + 12345) % 2**31
        e = VARIED_OPS[(state >> 16) % len(VARIED_OPS)].format(e=e)
    return [], e


def tree(n):
    """A balanced tree of n = 2^k - 1 operations over 2^k leaves."""
    leaves = [f"x{i % 4}" for i in range(n + 1)]
    level = 0
    while len(leaves) > 1:
        op = "+" if level % 2 == 0 else "*"
        leaves = [f"({a} {op} {b})" for a, b in zip(leaves[::2], leaves[1::2])]
        level += 1
    return [], leaves[0]


def source(lines, e):
    body = "\n".join(lines)
    return f"""#![allow(unused_parens)]
use std::hint::black_box;
use typegrad::reverse::{{vars, Expr, Formula}};

#[inline(never)]
fn gradient<S, E: Formula<f64, S>>(e: E) -> (f64, [f64; 4]) {{
    let g = e.gradient();
    let mut out = [0.0; 4];
    for (o, v) in out.iter_mut().zip(g.iter()) {{
        *o = *v;
    }}
    (e.value(), out)
}}

fn main() {{
    let (x0, x1, x2, x3) = vars!(black_box((0.5_f64, 0.25, 0.75, 0.1)));
{body}
    let e = {e};
    println!("{{:?}}", gradient(e));
}}
"""


def setup():
    os.makedirs(os.path.join(CRATE, "src"), exist_ok=True)
    with open(os.path.join(CRATE, "Cargo.toml"), "w") as f:
        f.write(f"""[package]
name = "scaling"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
typegrad = {{ path = "{ROOT}" }}

[workspace]
""")
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(CRATE, "Cargo.lock"))
    write(source([], "x0 * x1"))
    build()  # dependencies, once


def write(src):
    with open(os.path.join(CRATE, "src", "main.rs"), "w") as f:
        f.write(src)


def build():
    """Builds the crate; returns (CPU seconds of cargo and rustc, wall seconds, result)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    r = subprocess.run(["cargo", "build", "--release", "-q"], cwd=CRATE, env=ENV,
                       capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, r


def measure(name, ops, lines, e):
    write(source(lines, e))
    times, walls, err = [], [], None
    for _ in range(RUNS):
        os.utime(os.path.join(CRATE, "src", "main.rs"))
        t, wall, r = build()
        walls.append(wall)
        if r.returncode != 0:
            codes = sorted(set(re.findall(r"error\[(E\d+)\]", r.stderr)))
            err = " ".join(codes) or r.stderr.strip().splitlines()[0]
            break
        times.append(t)
    row = {"case": name, "ops": ops}
    if err:
        row["error"] = err
        print(f"{name:28} {ops:5} ops  does not compile: {err}", flush=True)
        return row
    binary = os.path.join(CRATE, "target", "release", "scaling")
    out = subprocess.run([binary], capture_output=True, text=True, check=True).stdout.strip()
    syms = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True,
                          check=True).stdout.split()
    own = [s for s in syms if s.startswith("_R") and "7scaling" in s]
    longest = max(own, key=len) if own else ""
    demangled = subprocess.run(["c++filt"], input=longest, capture_output=True, text=True).stdout
    stripped = os.path.join(CRATE, "target", "stripped")
    subprocess.run(["strip", "-o", stripped, binary], check=True)
    row.update(seconds=round(statistics.median(times), 3), runs=[round(t, 3) for t in times],
               wall=round(statistics.median(walls), 3),
               symbol=len(longest), demangled=len(demangled.strip()),
               binary=os.path.getsize(binary), stripped=os.path.getsize(stripped), output=out)
    print(f"{name:28} {ops:5} ops  {row['seconds']:6.2f} s  symbol {row['symbol']:6} "
          f"(demangled {row['demangled']:7})  stripped {row['stripped']:8} B", flush=True)
    return row


def main():
    setup()
    rows = []
    for n in [16, 32, 64, 96, 120, 128, 192, 256]:
        rows.append(measure(f"chain {n}", n, *chain(n)))
    for n in [16, 32, 64, 128, 192, 256]:
        rows.append(measure(f"chain {n}, varied", n, *varied(n)))
    for n in [64, 128, 256, 512]:
        rows.append(measure(f"chain {n}, eval every 32", n, *chain(n, 32)))
    for n in [15, 31, 63, 127, 255, 511, 1023]:
        rows.append(measure(f"tree {n}", n, *tree(n)))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"rustc": subprocess.run(["rustc", "--version"], capture_output=True,
                                           text=True).stdout.strip(),
                   "rows": rows}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
