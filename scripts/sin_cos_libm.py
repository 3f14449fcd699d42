#!/usr/bin/env python3
"""Instructions per gradient of the tutorial's third example with num-traits on libm, with
`x.sin()` and `x.cos()` or with one `x.sin_cos()`, against the hand-written gradient.

With the platform's math (std), LLVM merges separate `sin` and `cos` calls; libm's are
opaque calls it cannot merge, so a formula that needs both should ask for `sin_cos`. This
writes a small crate under target/sin_cos_libm that depends on typegrad with
`default-features = false, features = ["libm"]`, builds it in release and counts
instructions per call with callgrind (../shared/tools/icount).

    python3 scripts/sin_cos_libm.py
"""
import os, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "sin_cos_libm")
ICOUNT = os.path.join(ROOT, "..", "shared", "tools", "icount")

MAIN = r"""
use std::hint::black_box;
use typegrad::reverse::{vars, Expr};
use typegrad::Float;

/// By hand, as the tutorial writes backprop (sin and cos called once each, through libm).
#[inline(never)]
fn hand(x: f64, y: f64) -> (f64, [f64; 2]) {
    let (s, c) = (Float::sin(x), Float::cos(x));
    let e = Float::exp(s);
    let a = y * y * y * 10.0;
    let f = a * e + c * c;
    let y_bar = e * 10.0 * 3.0 * y * y;
    let x_bar = a * e * c - 2.0 * c * s;
    (f, [x_bar, y_bar])
}

#[inline(never)]
fn separate(x: f64, y: f64) -> (f64, [f64; 2]) {
    let (x, y) = vars!((x, y));
    let (v, g) = (y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2)).value_and_gradient();
    (v, g.into())
}

#[inline(never)]
fn shared(x: f64, y: f64) -> (f64, [f64; 2]) {
    let (x, y) = vars!((x, y));
    let (s, c) = x.sin_cos();
    let (v, g) = (y.powi(3) * 10.0 * s.exp() + c.powi(2)).value_and_gradient();
    (v, g.into())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let f = match args[1].as_str() {
        "hand" => hand,
        "separate" => separate,
        _ => shared,
    };
    let n: usize = args[2].parse().unwrap();
    let mut acc = 0.0;
    for i in 0..n {
        let (v, g) = f(black_box(2.0 + (i % 8) as f64 * 1e-3), black_box(3.0));
        acc += v + g[0] + g[1];
    }
    println!("{acc}");
}
"""


def main():
    os.makedirs(os.path.join(WORK, "src"), exist_ok=True)
    with open(os.path.join(WORK, "Cargo.toml"), "w") as f:
        f.write(f"""[package]
name = "sin-cos-libm"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
typegrad = {{ path = "{ROOT}", default-features = false, features = ["libm"] }}
""")
    with open(os.path.join(WORK, "src", "main.rs"), "w") as f:
        f.write(MAIN)
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=WORK, check=True)
    exe = os.path.join(WORK, "target", "release", "sin-cos-libm")
    print("| gradient of y³·10·exp(sin x) + cos²x, libm | instructions per call |")
    print("|---|---|")
    for name, label in [("hand", "hand-written (sin, cos)"), ("separate", "reverse, x.sin() and x.cos()"),
                        ("shared", "reverse, x.sin_cos()")]:
        out = subprocess.run([ICOUNT, "--per-call", "20000", exe, name], capture_output=True, text=True, check=True)
        print(f"| {label} | {out.stdout.split()[0]} |")


if __name__ == "__main__":
    main()
