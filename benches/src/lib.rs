//! Benchmarks of typegrad against hand-written gradients and peer crates (issue 5).
//!
//! [`workloads`] defines each function once; [`backends`] runs a formula as a plain function,
//! with typegrad's forward mode, with num-dual and with autodiff; [`visit`] lists every
//! (workload, backend) pair once, for both the criterion benchmarks (`benches/workloads.rs`)
//! and the instruction-count harness (`src/bin/icount.rs`).

pub mod backends;
mod real;
pub mod workloads;

pub use real::{Real, total};

use backends::{autodiff, forward, forward_jac, num_dual, num_dual_jac, plain, plain_vec};
use nalgebra::{SMatrix, SVector};
use workloads::{arm, black_scholes, logistic::Logistic, rat43, rosenbrock, tutorial};

/// The backends, in table order. A later `tape` column goes after `forward`.
pub const BACKENDS: [&str; 6] = [
    "plain", "hand", "reverse", "forward", "num-dual", "autodiff",
];

/// What a benchmark does with one (workload, backend) pair: `f` applied to `input`.
pub trait Sink {
    /// Runs (or registers) `f(input)` under `workload` and `backend`.
    fn run<I: Copy, O: Output>(
        &mut self,
        workload: &str,
        backend: &str,
        input: I,
        f: impl Fn(I) -> O,
    );
}

/// Every (workload, backend) pair.
pub fn visit<S: Sink>(s: &mut S) {
    use tutorial::{F1, F2, F3};
    let x = [1.0, 2.0, 3.0];
    s.run("tutorial1", "plain", x, |x| plain(&F1, x));
    s.run("tutorial1", "hand", x, tutorial::f1_hand);
    s.run("tutorial1", "reverse", x, tutorial::f1_reverse);
    s.run("tutorial1", "forward", x, |x| forward(&F1, x));
    s.run("tutorial1", "num-dual", x, |x| num_dual(&F1, x));
    s.run("tutorial1", "autodiff", x, |x| autodiff(&F1, x));

    let x = [1000.0];
    s.run("tutorial2", "plain", x, |x| plain(&F2, x));
    s.run("tutorial2", "hand", x, tutorial::f2_hand);
    s.run("tutorial2", "reverse", x, tutorial::f2_reverse);
    s.run("tutorial2", "forward", x, |x| forward(&F2, x));
    s.run("tutorial2", "num-dual", x, |x| num_dual(&F2, x));
    s.run("tutorial2", "autodiff", x, |x| autodiff(&F2, x));

    let x = [2.0, 3.0];
    s.run("tutorial3", "plain", x, |x| plain(&F3, x));
    s.run("tutorial3", "hand", x, tutorial::f3_hand);
    s.run("tutorial3", "reverse", x, tutorial::f3_reverse);
    s.run("tutorial3", "forward", x, |x| forward(&F3, x));
    s.run("tutorial3", "num-dual", x, |x| num_dual(&F3, x));
    s.run("tutorial3", "autodiff", x, |x| autodiff(&F3, x));

    rosen(s, "rosenbrock2", rosenbrock::reverse2);
    rosen(s, "rosenbrock16", rosenbrock::reverse16);
    rosen(s, "rosenbrock64", rosenbrock::reverse64);

    let d = &Logistic::<8, 4>::new();
    logreg(s, "logistic8x4", d, |b| d.reverse(b));
    let d = &Logistic::<64, 8>::new();
    logreg(s, "logistic64x8", d, |b| d.reverse(b));

    let b = rat43::POINT;
    let w = "rat43";
    s.run(w, "plain", b, |b| plain_vec(&rat43::Rat43, b));
    s.run(w, "hand", b, rat43::hand);
    s.run(w, "reverse", b, rat43::reverse);
    s.run(w, "forward", b, |b| forward_jac(&rat43::Rat43, b));
    s.run(w, "num-dual", b, |b| num_dual_jac(&rat43::Rat43, b));

    let x = black_scholes::POINT;
    let (w, bs) = ("black_scholes", &black_scholes::BlackScholes);
    s.run(w, "plain", x, |x| plain(bs, x));
    s.run(w, "hand", x, black_scholes::hand);
    s.run(w, "reverse", x, black_scholes::reverse);
    s.run(w, "forward", x, |x| forward(bs, x));
    s.run(w, "num-dual", x, |x| num_dual(bs, x));
    s.run(w, "autodiff", x, |x| autodiff(bs, x));

    let t = arm::POINT;
    let w = "arm3";
    s.run(w, "plain", t, |t| plain_vec(&arm::Arm, t));
    s.run(w, "hand", t, arm::hand);
    s.run(w, "reverse", t, arm::reverse);
    s.run(w, "forward", t, |t| forward_jac(&arm::Arm, t));
    s.run(w, "num-dual", t, |t| num_dual_jac(&arm::Arm, t));
}

type Gradient<const N: usize> = (f64, [f64; N]);

fn rosen<const N: usize, S: Sink>(s: &mut S, w: &str, reverse: fn([f64; N]) -> Gradient<N>)
where
    typegrad::typenum::Const<N>:
        typegrad::generic_array::IntoArrayLength<ArrayLength: typegrad::Dim<f64>>,
{
    let r = &rosenbrock::Rosenbrock;
    let x = rosenbrock::point::<N>();
    s.run(w, "plain", x, |x| plain(r, x));
    s.run(w, "hand", x, rosenbrock::hand::<N>);
    s.run(w, "reverse", x, reverse);
    s.run(w, "forward", x, |x| forward(r, x));
    s.run(w, "num-dual", x, |x| num_dual(r, x));
    s.run(w, "autodiff", x, |x| autodiff(r, x));
}

fn logreg<const OBS: usize, const P: usize, S: Sink>(
    s: &mut S,
    w: &str,
    d: &Logistic<OBS, P>,
    reverse: impl Fn([f64; P]) -> Gradient<P>,
) where
    typegrad::typenum::Const<P>:
        typegrad::generic_array::IntoArrayLength<ArrayLength: typegrad::Dim<f64>>,
{
    let b = d.point();
    s.run(w, "plain", b, |b| plain(d, b));
    s.run(w, "hand", b, |b| d.hand(b));
    s.run(w, "reverse", b, reverse);
    s.run(w, "forward", b, |b| forward(d, b));
    s.run(w, "num-dual", b, |b| num_dual(d, b));
    s.run(w, "autodiff", b, |b| autodiff(d, b));
}

/// A backend's result, flattened for cross-checking: the derivatives, row by row (a plain
/// function has none).
pub trait Output {
    /// The derivatives.
    fn derivatives(&self) -> Vec<f64>;
}

impl Output for f64 {
    fn derivatives(&self) -> Vec<f64> {
        Vec::new()
    }
}

impl<const M: usize> Output for [f64; M] {
    fn derivatives(&self) -> Vec<f64> {
        Vec::new()
    }
}

impl Output for Vec<f64> {
    fn derivatives(&self) -> Vec<f64> {
        self.clone()
    }
}

impl<const N: usize> Output for (f64, [f64; N]) {
    fn derivatives(&self) -> Vec<f64> {
        self.1.to_vec()
    }
}

impl<const N: usize> Output for (f64, SVector<f64, N>) {
    fn derivatives(&self) -> Vec<f64> {
        self.1.iter().copied().collect()
    }
}

impl<const N: usize, const M: usize> Output for ([f64; M], [[f64; N]; M]) {
    fn derivatives(&self) -> Vec<f64> {
        self.1.iter().flatten().copied().collect()
    }
}

impl<const N: usize, const M: usize> Output for (SVector<f64, M>, SMatrix<f64, M, N>) {
    fn derivatives(&self) -> Vec<f64> {
        (0..M)
            .flat_map(|i| (0..N).map(move |j| self.1[(i, j)]))
            .collect()
    }
}

/// A [`Sink`] that runs every backend once and compares its derivatives with the
/// hand-written ones.
#[derive(Default)]
pub struct Check {
    reference: Vec<f64>,
    /// One line per mismatch.
    pub failures: Vec<String>,
    /// Pairs compared.
    pub compared: usize,
}

impl Sink for Check {
    fn run<I: Copy, O: Output>(&mut self, w: &str, b: &str, input: I, f: impl Fn(I) -> O) {
        let d = f(input).derivatives();
        if b == "hand" {
            self.reference = d;
            return;
        }
        if b == "plain" {
            return;
        }
        self.compared += 1;
        let r = &self.reference;
        let ok = d.len() == r.len()
            && d.iter()
                .zip(r)
                .all(|(a, e)| (a - e).abs() <= 1e-9 * (1.0 + e.abs()));
        if !ok {
            self.failures.push(format!("{w} {b}: {d:?} != hand {r:?}"));
        }
    }
}
