#!/usr/bin/env python3
"""Instructions per call of the tutorial's third function, y³·10·exp(sin x) + cos²x, with
num-traits on the platform's math library (`std`) and on `libm`: the plain function, its
hand-written gradient, and typegrad's reverse and forward gradients, each written with
`x.sin()` and `x.cos()` (as the tutorial writes it) and with one `x.sin_cos()`.

With the platform's math (std), LLVM knows `sin` and `cos` as pure functions: it merges the
calls of one argument into one `sincos`, also across the two nodes that each need both. libm's
functions are ordinary Rust functions whose fast paths read a value through `read_volatile`
(its `force_eval!`), so LLVM marks them as touching memory and never merges two calls. A
formula that needs both should ask for `sin_cos`.

This writes a small crate under target/sin_cos_libm that depends on typegrad with
`default-features = false` plus `std` or `libm`, builds both in release with LTO, and counts
instructions per call with callgrind (../shared/tools/icount).

    python3 scripts/sin_cos_libm.py
"""
import os, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "sin_cos_libm")
ICOUNT = os.path.join(ROOT, "..", "shared", "tools", "icount")

MAIN = r"""
use std::hint::black_box;
use typegrad::reverse::{self, Expr};
use typegrad::{Float, gradient};

/// The tutorial's third function, as written there.
fn separate<T: Float>([x, y]: [T; 2]) -> T {
    y.powi(3) * T::from(10.0).unwrap() * x.sin().exp() + x.cos().powi(2)
}

/// The same with one `sin_cos`.
fn shared<T: Float>([x, y]: [T; 2]) -> T {
    let (s, c) = x.sin_cos();
    y.powi(3) * T::from(10.0).unwrap() * s.exp() + c.powi(2)
}

/// By hand, as the tutorial writes backprop, with one `sin_cos`.
#[inline(never)]
fn hand(x: f64, y: f64) -> (f64, [f64; 2]) {
    let (s, c) = Float::sin_cos(x);
    let e = Float::exp(s);
    let a = y * y * y * 10.0;
    let f = a * e + c * c;
    let y_bar = e * 10.0 * 3.0 * y * y;
    let x_bar = a * e * c - 2.0 * c * s;
    (f, [x_bar, y_bar])
}

#[inline(never)]
fn plain(x: f64, y: f64) -> (f64, [f64; 2]) {
    (separate([x, y]), [0.0; 2])
}

#[inline(never)]
fn plain_shared(x: f64, y: f64) -> (f64, [f64; 2]) {
    (shared([x, y]), [0.0; 2])
}

#[inline(never)]
fn reverse_separate(x: f64, y: f64) -> (f64, [f64; 2]) {
    reverse::gradient(|(x, y)| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2), (x, y))
}

#[inline(never)]
fn reverse_shared(x: f64, y: f64) -> (f64, [f64; 2]) {
    reverse::gradient(
        |(x, y)| {
            let (s, c) = x.sin_cos();
            y.powi(3) * 10.0 * s.exp() + c.powi(2)
        },
        (x, y),
    )
}

#[inline(never)]
fn forward_separate(x: f64, y: f64) -> (f64, [f64; 2]) {
    gradient(separate, [x, y])
}

#[inline(never)]
fn forward_shared(x: f64, y: f64) -> (f64, [f64; 2]) {
    gradient(shared, [x, y])
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let f = match args[1].as_str() {
        "hand" => hand,
        "plain" => plain,
        "plain_shared" => plain_shared,
        "reverse" => reverse_separate,
        "reverse_shared" => reverse_shared,
        "forward" => forward_separate,
        "forward_shared" => forward_shared,
        other => panic!("no function {other}"),
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

ROWS = [("hand", "hand-written gradient (`sin_cos`)"),
        ("plain", "plain function, `sin` and `cos`"),
        ("plain_shared", "plain function, `sin_cos`"),
        ("reverse", "reverse gradient, `sin` and `cos`"),
        ("reverse_shared", "reverse gradient, `sin_cos`"),
        ("forward", "forward gradient, `sin` and `cos`"),
        ("forward_shared", "forward gradient, `sin_cos`")]


def build(backend):
    """Builds the crate against typegrad with `backend` (std or libm); returns the binary."""
    os.makedirs(os.path.join(WORK, "src"), exist_ok=True)
    with open(os.path.join(WORK, "Cargo.toml"), "w") as f:
        f.write(f"""[package]
name = "sin-cos-libm"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[features]
std = ["typegrad/std"]
libm = ["typegrad/libm"]

[dependencies]
typegrad = {{ path = "{ROOT}", default-features = false }}

[profile.release]
lto = true
""")
    with open(os.path.join(WORK, "src", "main.rs"), "w") as f:
        f.write(MAIN)
    target = os.path.join(WORK, "target-" + backend)
    subprocess.run(["cargo", "build", "--release", "-q", "--features", backend, "--target-dir", target],
                   cwd=WORK, check=True)
    return os.path.join(target, "release", "sin-cos-libm")


def count(exe, name):
    out = subprocess.run([ICOUNT, "--per-call", "20000", exe, name], capture_output=True, text=True,
                         check=True)
    return int(out.stdout.split()[0])


def main():
    exes = {b: build(b) for b in ("std", "libm")}
    print("| y³·10·exp(sin x) + cos²x | std | libm | libm / std |")
    print("|---|---|---|---|")
    for name, label in ROWS:
        s, l = count(exes["std"], name), count(exes["libm"], name)
        print(f"| {label} | {s} | {l} | {l / s:.2f} |")


if __name__ == "__main__":
    main()
