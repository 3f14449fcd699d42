#!/usr/bin/env python3
"""Build time and instructions per gradient of nested sharing, with `bind` and by copying.

Each level squares the previous expression and takes the sine: by copying,
`e = (e * e).sin()` doubles the type per level; with `bind`, `e = e.bind(|a| (a * a).sin())`
adds one node. For each depth this script writes a small crate under target/bind_scaling,
builds it in release (timing the build of that one binary, dependencies already built), and
counts instructions per gradient with callgrind (../shared/tools/icount).

    python3 scripts/bind_scaling.py            # depths 5, 10, 15, 20 (copying up to 12)
"""
import os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "bind_scaling")
ICOUNT = os.path.join(ROOT, "..", "shared", "tools", "icount")


def program(depth, shared):
    step = "e.bind(|a| (a * a).sin())" if shared else "(e * e).sin()"
    levels = "\n".join(f"    let e = {step};" for _ in range(depth))
    return f"""use std::hint::black_box;
use typegrad::reverse::{{vars, Expr}};

#[inline(never)]
fn grad(x0: f64) -> f64 {{
    let (x,) = vars!((x0,));
    let e = x;
{levels}
    e.gradient()[0]
}}

fn main() {{
    let n: usize = std::env::args().last().unwrap().parse().unwrap_or(1);
    let mut acc = 0.0;
    for i in 0..n {{
        acc += grad(black_box(0.3 + (i % 7) as f64 * 1e-3));
    }}
    println!("{{acc}}");
}}
"""


def main():
    os.makedirs(os.path.join(WORK, "src", "bin"), exist_ok=True)
    with open(os.path.join(WORK, "Cargo.toml"), "w") as f:
        f.write(f"""[package]
name = "bind-scaling"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
typegrad = {{ path = "{ROOT}" }}
""")
    cases = [(d, True) for d in (5, 10, 15, 20)] + [(d, False) for d in (5, 8, 10, 12)]
    for depth, shared in cases:
        name = f"{'bind' if shared else 'copy'}{depth}"
        with open(os.path.join(WORK, "src", "bin", f"{name}.rs"), "w") as f:
            f.write(program(depth, shared))
    subprocess.run(["cargo", "build", "--release", "-q", "--bin", "bind5"], cwd=WORK, check=True)
    print("| sharing | depth | build (s) | instructions per gradient |")
    print("|---|---|---|---|")
    for depth, shared in cases:
        name = f"{'bind' if shared else 'copy'}{depth}"
        os.utime(os.path.join(WORK, "src", "bin", f"{name}.rs"))
        start = time.monotonic()
        subprocess.run(["cargo", "build", "--release", "-q", "--bin", name], cwd=WORK, check=True)
        build = time.monotonic() - start
        exe = os.path.join(WORK, "target", "release", name)
        out = subprocess.run([ICOUNT, "--per-call", "2000", exe], capture_output=True, text=True)
        per_call = out.stdout.split()[0] if out.returncode == 0 else "n/a"
        print(f"| {'bind' if shared else 'copy'} | {depth} | {build:.2f} | {per_call} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
