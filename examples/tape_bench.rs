//! Instruction-count harness for the stack tape (not a criterion benchmark): runs one
//! gradient method in a loop so that `icount --per-call` reports its cost per call.
//!
//! ```text
//! cargo build --release --example tape_bench
//! ../shared/tools/icount --per-call 2000 target/release/examples/tape_bench rosen tape 64
//! ```
//!
//! Arguments: function (`rosen`, `logistic`), method (`plain`, `hand`, `tape`, `tape_on`
//! on a reused tape, `dual`),
//! input count (2, 4, 8, 12, 16, 20, 24, 32, 64, 256), iteration count.

use std::hint::black_box;

use typegrad::generic_array::IntoArrayLength;
use typegrad::typenum::Const;
use typegrad::{Dim, Float, gradient, tape};

/// Σ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², as generic code is usually written.
fn rosen<T: Float, const N: usize>(x: [T; N]) -> T {
    let c = T::from(100.0).unwrap();
    let mut s = T::zero();
    for i in 0..N - 1 {
        s = s + c * (x[i + 1] - x[i].powi(2)).powi(2) + (T::one() - x[i]).powi(2);
    }
    s
}

fn rosen_hand<const N: usize>(x: &[f64; N]) -> (f64, [f64; N]) {
    let mut g = [0.0; N];
    let mut s = 0.0;
    for i in 0..N - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
        g[i] += -400.0 * a * x[i] - 2.0 * b;
        g[i + 1] += 200.0 * a;
    }
    (s, g)
}

/// Samples in the logistic log-likelihood.
const M: usize = 8;

/// Features and labels, deterministic.
fn data<const N: usize>() -> ([[f64; N]; M], [f64; M]) {
    let mut xs = [[0.0; N]; M];
    for (k, row) in xs.iter_mut().enumerate() {
        for (j, v) in row.iter_mut().enumerate() {
            *v = (((k * 31 + j * 17) % 23) as f64 - 11.0) / (11.0 * N as f64).sqrt();
        }
    }
    (xs, core::array::from_fn(|k| (k % 2) as f64))
}

/// Σₖ yₖ zₖ − ln(1 + e^zₖ), zₖ = w · xₖ.
fn logistic<T: Float, const N: usize>(w: [T; N], xs: &[[f64; N]; M], ys: &[f64; M]) -> T {
    let mut l = T::zero();
    for (x, &y) in xs.iter().zip(ys) {
        let mut z = T::zero();
        for j in 0..N {
            z = z + w[j] * T::from(x[j]).unwrap();
        }
        l = l + T::from(y).unwrap() * z - z.exp().ln_1p();
    }
    l
}

fn logistic_hand<const N: usize>(
    w: &[f64; N],
    xs: &[[f64; N]; M],
    ys: &[f64; M],
) -> (f64, [f64; N]) {
    let mut g = [0.0; N];
    let mut l = 0.0;
    for (x, &y) in xs.iter().zip(ys) {
        let z: f64 = w.iter().zip(x).map(|(a, b)| a * b).sum();
        let e = z.exp();
        l += y * z - e.ln_1p();
        let r = y - e / (1.0 + e);
        for (gj, xj) in g.iter_mut().zip(x) {
            *gj += r * xj;
        }
    }
    (l, g)
}

fn point<const N: usize>() -> [f64; N] {
    core::array::from_fn(|i| 0.5 + 0.1 * (i % 7) as f64)
}

fn run<const N: usize, const CAP_R: usize, const CAP_L: usize>(f: &str, m: &str, iters: u64)
where
    Const<N>: IntoArrayLength<ArrayLength: Dim<f64>>,
{
    let (xs, ys) = data::<N>();
    let x0 = point::<N>();
    let mut tr = tape::Tape::<f64, CAP_R>::new();
    let mut tl = tape::Tape::<f64, CAP_L>::new();
    let mut acc = 0.0;
    for _ in 0..iters {
        let x = black_box(x0);
        let (xs, ys) = (black_box(&xs), black_box(&ys));
        let (v, g0) = match (f, m) {
            ("rosen", "plain") => (rosen(x), 0.0),
            ("rosen", "hand") => {
                let (v, g) = rosen_hand(&x);
                (v, black_box(g)[0])
            }
            ("rosen", "tape") => match tape::gradient::<_, CAP_R>(|x| rosen(x), x) {
                Ok((v, g)) => (v, black_box(g)[0]),
                Err(e) => panic!("{e}"),
            },
            ("rosen", "tape_on") => match tape::gradient_on(&mut tr, rosen, x) {
                Ok((v, g)) => (v, black_box(g)[0]),
                Err(e) => panic!("{e}"),
            },
            ("rosen", "dual") => {
                let (v, g) = gradient(rosen, x);
                (v, black_box(g)[0])
            }
            ("logistic", "plain") => (logistic(x, xs, ys), 0.0),
            ("logistic", "hand") => {
                let (v, g) = logistic_hand(&x, xs, ys);
                (v, black_box(g)[0])
            }
            ("logistic", "tape") => match tape::gradient::<_, CAP_L>(|w| logistic(w, xs, ys), x) {
                Ok((v, g)) => (v, black_box(g)[0]),
                Err(e) => panic!("{e}"),
            },
            ("logistic", "tape_on") => {
                match tape::gradient_on(&mut tl, |w| logistic(w, xs, ys), x) {
                    Ok((v, g)) => (v, black_box(g)[0]),
                    Err(e) => panic!("{e}"),
                }
            }
            ("logistic", "dual") => {
                let (v, g) = gradient(|w| logistic(w, xs, ys), x);
                (v, black_box(g)[0])
            }
            _ => panic!("unknown function or method: {f} {m}"),
        };
        acc += v + g0;
    }
    black_box(acc);
}

/// Exact capacities: Rosenbrock records 3 per term, the log-likelihood 1 per weight and
/// 2 per sample (less the first constant sums), plus the inputs.
macro_rules! dispatch {
    ($f:expr, $m:expr, $n:expr, $iters:expr; $($k:literal)*) => {
        match $n {
            $($k => run::<$k, { $k + 3 * ($k - 1) - 1 }, { $k + M * ($k + 1) - 1 }>($f, $m, $iters),)*
            _ => panic!("unsupported input count {}", $n),
        }
    };
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let n: usize = a[3].parse().unwrap();
    let iters: u64 = a[4].parse().unwrap();
    dispatch!(a[1].as_str(), a[2].as_str(), n, iters; 2 4 8 12 16 20 24 32 64 256);
}
