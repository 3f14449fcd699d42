//! Benchmarks of typegrad against hand-written gradients and peer crates (issue 5), and of
//! its stack tape (issue 6).
//!
//! [`workloads`] defines each function once; [`backends`] runs a formula as a plain function,
//! with typegrad's forward mode, with typegrad's tape, with num-dual, with autodiff and with
//! ad_trait's forward and reverse modes;
//! [`visit`] lists every (workload, backend) pair once, for both the criterion benchmarks
//! (`benches/workloads.rs`) and the instruction-count harness (`src/bin/icount.rs`).

pub mod backends;
mod chunks;
mod real;
pub mod workloads;

pub use chunks::print_chunks;
pub use real::{Real, total};

use backends::{
    AdTraitGradient, Scalar, Vector, ad_trait_fwd, ad_trait_rev, autodiff, forward, forward_jac,
    num_dual, num_dual_jac, plain, plain_vec, tape, tape_jac, tape_jac_on, tape_on, tape_stmt,
    tape_stmt_on,
};
use nalgebra::{SMatrix, SVector};
use typegrad::Chunking;
use typegrad::tape::Tape;
use typegrad::typenum::Const;
use workloads::{arm, black_scholes, logistic::Logistic, rat43, rnn, rosenbrock, tutorial};

/// Runs `f` on a thread with a stack of `ICOUNT_STACK_MB` MiB (default 1,024): the
/// unchunked duals and num-dual's at 1,024 inputs, and num-dual's Hessian at 256 (134 MB of
/// inputs alone), need more than a main thread's 8 MiB. With `ICOUNT_STACK_MB=8` a pair that
/// needs more aborts with `has overflowed its stack`.
pub fn on_large_stack<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    let mb = std::env::var("ICOUNT_STACK_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024_usize);
    std::thread::Builder::new()
        .stack_size(mb << 20)
        .spawn(f)
        .expect("spawn the benchmark thread")
        .join()
        .expect("the benchmark thread panicked")
}

/// The backends, in table order. `tape_stmt` is the tape with the formula written as
/// statements (`tape::stmt!`): the whole formula one statement where it is one expression
/// (Rosenbrock, the logistic log-likelihood), a statement per unit and step in the loop of
/// `rnn64x100`; `tape_stmt_loop` writes a statement per term of Rosenbrock's sum and per
/// observation of the log-likelihood. The `_on` rows reuse one `Tape`. `ad_trait_fwd` and
/// `ad_trait_rev` are ad_trait's forward mode (`adfn<N>`, one pass) and reverse mode (`adr`).
pub const BACKENDS: [&str; 14] = [
    "plain",
    "hand",
    "reverse",
    "forward",
    "tape",
    "tape_on",
    "tape_stmt",
    "tape_stmt_on",
    "tape_stmt_loop",
    "tape_stmt_loop_on",
    "num-dual",
    "autodiff",
    "ad_trait_fwd",
    "ad_trait_rev",
];

/// `f`, a function written with statements, on a tape of `CAP` records made in each call
/// (backend `$name`) and on one `Tape` reused across calls (`$name` + `_on`).
macro_rules! statements {
    ($s:ident, $w:expr, $name:literal, $n:expr, $cap:literal, $x:expr, |$v:ident| $f:expr) => {{
        let (s, w, x) = (&mut *$s, $w, $x);
        s.run(w, $name, x, |x| tape_stmt::<{ $n }, $cap>(|$v| $f, x));
        let mut t = Tape::<f64, $cap>::new();
        s.run(w, concat!($name, "_on"), x, |x| {
            tape_stmt_on::<{ $n }, $cap>(&mut t, |$v| $f, x)
        });
    }};
}

/// What a benchmark does with one (workload, backend) pair: `f` applied to `input`.
pub trait Sink {
    /// Runs (or registers) `f(input)` under `workload` and `backend`.
    fn run<I: Copy, O: Output>(
        &mut self,
        workload: &str,
        backend: &str,
        input: I,
        f: impl FnMut(I) -> O,
    );

    /// Notes the tape capacity of `workload`: `records`, taking `bytes` of stack.
    fn capacity(&mut self, _workload: &str, _records: usize, _bytes: usize) {}
}

/// Every (workload, backend) pair.
///
/// The tape capacities (`CAP`, in records) are exact: the inputs and one record per
/// operation of two variables in the formula as written (`check` in a debug build asserts
/// that each recording fills its tape).
pub fn visit<S: Sink>(s: &mut S) {
    use tutorial::{F1, F2, F3};
    let x = [1.0, 2.0, 3.0];
    s.run("tutorial1", "plain", x, |x| plain(&F1, x));
    s.run("tutorial1", "hand", x, tutorial::f1_hand);
    s.run("tutorial1", "reverse", x, tutorial::f1_reverse);
    s.run("tutorial1", "forward", x, |x| forward(&F1, x));
    tapes::<_, 3, 5, S>(s, "tutorial1", &F1, x); // 3 inputs, `+ y`, `* z`
    spare(s, "tutorial1", &F1, x);
    peers(s, "tutorial1", &F1, x);

    let x = [1000.0];
    s.run("tutorial2", "plain", x, |x| plain(&F2, x));
    s.run("tutorial2", "hand", x, tutorial::f2_hand);
    s.run("tutorial2", "reverse", x, tutorial::f2_reverse);
    s.run("tutorial2", "forward", x, |x| forward(&F2, x));
    tapes::<_, 1, 2, S>(s, "tutorial2", &F2, x); // 1 input, the `+`
    peers(s, "tutorial2", &F2, x);

    let x = [2.0, 3.0];
    s.run("tutorial3", "plain", x, |x| plain(&F3, x));
    s.run("tutorial3", "hand", x, tutorial::f3_hand);
    s.run("tutorial3", "reverse", x, tutorial::f3_reverse);
    s.run("tutorial3", "forward", x, |x| forward(&F3, x));
    tapes::<_, 2, 4, S>(s, "tutorial3", &F3, x); // 2 inputs, `* exp(sin x)`, `+`
    peers(s, "tutorial3", &F3, x);

    // N inputs, 3 records a term (`w₀·w₀`, `w₁ − …`, `+`), N − 2 sums: 5N − 5. Statements: N
    // inputs and one statement over them, 1 + N/2 (N = 2: one record); or a statement a term,
    // one record for the first and two for each other: 3N − 3.
    rosen::<2, 5, S>(s, "rosenbrock2", rosenbrock::reverse2);
    let (x, w) = (rosenbrock::point::<2>(), "rosenbrock2");
    statements!(s, w, "tape_stmt", 2, 3, x, |x| rosenbrock::statement(x));
    statements!(s, w, "tape_stmt_loop", 2, 3, x, |x| rosenbrock::statements(
        x
    ));
    rosen::<16, 75, S>(s, "rosenbrock16", rosenbrock::reverse16);
    let (x, w) = (rosenbrock::point::<16>(), "rosenbrock16");
    statements!(s, w, "tape_stmt", 16, 25, x, |x| rosenbrock::statement(x));
    statements!(s, w, "tape_stmt_loop", 16, 45, x, |x| {
        rosenbrock::statements(x)
    });
    rosen::<64, 315, S>(s, "rosenbrock64", rosenbrock::reverse64);
    let (x, w) = (rosenbrock::point::<64>(), "rosenbrock64");
    statements!(s, w, "tape_stmt", 64, 97, x, |x| rosenbrock::statement(x));
    statements!(s, w, "tape_stmt_loop", 64, 189, x, |x| {
        rosenbrock::statements(x)
    });
    spare(
        s,
        "rosenbrock64",
        &rosenbrock::Rosenbrock,
        rosenbrock::point::<64>(),
    );
    rosen::<256, 1275, S>(s, "rosenbrock256", rosenbrock::reverse256);
    let (x, w) = (rosenbrock::point::<256>(), "rosenbrock256");
    statements!(s, w, "tape_stmt", 256, 385, x, |x| rosenbrock::statement(x));
    statements!(s, w, "tape_stmt_loop", 256, 765, x, |x| {
        rosenbrock::statements(x)
    });

    // P inputs, per observation P − 1 sums in `z` and one `−`, OBS − 1 sums: P + OBS·P + OBS − 1.
    // Statements: P inputs and one statement over them, P + 1 + P/2 (4: 3 records); or a
    // statement per observation, added up by OBS − 1 sums: P + OBS·(1 + P/2) + OBS − 1.
    let (d, w) = (&Logistic::<8, 4>::new(), "logistic8x4");
    logreg::<8, 4, 43, S>(s, w, d, Some(|b| d.reverse(b)), true);
    statements!(s, w, "tape_stmt", 4, 7, d.point(), |b| d.statement(b));
    statements!(s, w, "tape_stmt_loop", 4, 35, d.point(), |b| d
        .statements(b));
    let (d, w) = (&Logistic::<64, 8>::new(), "logistic64x8");
    logreg::<64, 8, 583, S>(s, w, d, Some(|b| d.reverse(b)), true);
    statements!(s, w, "tape_stmt", 8, 13, d.point(), |b| d.statement(b));
    statements!(s, w, "tape_stmt_loop", 8, 391, d.point(), |b| d
        .statements(b));
    logistic256(s);
    recurrent(s);

    let b = rat43::POINT;
    let (w, r) = ("rat43", &rat43::Rat43);
    s.run(w, "plain", b, |b| plain_vec(r, b));
    s.run(w, "hand", b, rat43::hand);
    s.run(w, "reverse", b, rat43::reverse);
    s.run(w, "forward", b, |b| forward_jac(r, b));
    tapes_jac::<_, 4, 15, 49, S>(s, w, r, b); // 4 inputs, 3 a residual: `b₂ − …`, `powf`, `b₁ / …`
    s.run(w, "num-dual", b, |b| num_dual_jac(r, b));

    let x = black_scholes::POINT;
    let (w, bs) = ("black_scholes", &black_scholes::BlackScholes);
    s.run(w, "plain", x, |x| plain(bs, x));
    s.run(w, "hand", x, black_scholes::hand);
    s.run(w, "reverse", x, black_scholes::reverse);
    s.run(w, "forward", x, |x| forward(bs, x));
    tapes::<_, 4, 15, S>(s, w, bs, x); // 4 inputs, 11 operations of two variables
    peers(s, w, bs, x);

    let t = arm::POINT;
    let (w, a) = ("arm3", &arm::Arm);
    s.run(w, "plain", t, |t| plain_vec(a, t));
    s.run(w, "hand", t, arm::hand);
    s.run(w, "reverse", t, arm::reverse);
    s.run(w, "forward", t, |t| forward_jac(a, t));
    tapes_jac::<_, 3, 2, 9, S>(s, w, a, t); // 3 inputs, 2 angle sums, 2 sums an output
    s.run(w, "num-dual", t, |t| num_dual_jac(a, t));

    // Where the tape overtakes forward duals: more input counts (Rosenbrock's with every
    // backend of the chart of modes; the logistic ones without reverse mode and the peers).
    rosen_scaling(s);
    logistic_scaling(s);

    // Chunked forward mode and Hessians: in optimized builds only (num-dual's Hessian at 256
    // inputs needs more than a 1 GiB stack in a debug build, and the smallest chunks take
    // tens of seconds there); CI checks them with `icount check` in release.
    if !cfg!(debug_assertions) {
        chunks::visit(s);
    }
}

/// The logistic log-likelihood at 256 parameters (64 observations): its own function, so
/// that its data and tape (16,703 records, 534 KB) have a stack frame of their own.
#[inline(never)]
fn logistic256<S: Sink>(s: &mut S) {
    let (d, w) = (&Logistic::<64, 256>::new(), "logistic64x256");
    logreg::<64, 256, 16_703, S>(s, w, d, Some(|b| d.reverse(b)), true);
    statements!(s, w, "tape_stmt", 256, 385, d.point(), |b| d.statement(b));
    statements!(s, w, "tape_stmt_loop", 256, 8575, d.point(), |b| d
        .statements(b));
}

/// A loop: the recurrent network's 100 steps over 64 weights, in its own function for its
/// tapes (12,015 records, 577 KB).
#[inline(never)]
fn recurrent<S: Sink>(s: &mut S) {
    let (r, w) = (&rnn::Rnn::new(), "rnn64x100");
    let x = r.point();
    s.run(w, "plain", x, |x| plain(r, x));
    s.run(w, "hand", x, |x| r.hand(x));
    s.run(w, "reverse", x, |x| r.reverse(x));
    s.run(w, "forward", x, |x| forward(r, x));
    // 64 inputs; the first step a sum of 8 products a unit (7 records), the other steps 8
    // products and 7 sums a unit (15), the loss 8 squares and 7 sums: 64 + 56 + 99·120 + 15.
    tapes::<_, { rnn::P }, 12_015, S>(s, w, r, x);
    // Statements over a unit's 8 weights (5 records) in the first step, its weights and the 8
    // last states (9) in the others, the loss over the 8 states (5): 64 + 40 + 99·72 + 5.
    statements!(s, w, "tape_stmt", rnn::P, 7237, x, |x| r.statements(x));
    peers(s, w, r, x);
}

/// Rosenbrock at 8, 12, 24 and 32 inputs, for the crossover and the chart of modes: the backends
/// of 2, 16, 64 and 256 inputs, statements (`1 + N/2` records besides the inputs) included.
#[inline(never)]
fn rosen_scaling<S: Sink>(s: &mut S) {
    macro_rules! at {
        ($($n:literal $cap:literal $stmt:literal $reverse:ident),*) => {$(
            rosen::<$n, $cap, S>(s, concat!("rosenbrock", $n), rosenbrock::$reverse);
            let (x, w) = (rosenbrock::point::<$n>(), concat!("rosenbrock", $n));
            statements!(s, w, "tape_stmt", $n, $stmt, x, |x| rosenbrock::statement(x));
        )*};
    }
    at!(8 35 13 reverse8, 12 55 19 reverse12, 24 115 37 reverse24, 32 155 49 reverse32);
}

/// The logistic log-likelihood at 12 to 64 parameters (64 observations), for the crossover.
#[inline(never)]
fn logistic_scaling<S: Sink>(s: &mut S) {
    logreg::<64, 12, 843, S>(s, "logistic64x12", &Logistic::new(), no_reverse(), false);
    logreg::<64, 16, 1103, S>(s, "logistic64x16", &Logistic::new(), no_reverse(), false);
    logreg::<64, 24, 1623, S>(s, "logistic64x24", &Logistic::new(), no_reverse(), false);
    logreg::<64, 32, 2143, S>(s, "logistic64x32", &Logistic::new(), no_reverse(), false);
    logreg::<64, 64, 4223, S>(s, "logistic64x64", &Logistic::new(), no_reverse(), false);
}

type Gradient<const N: usize> = (f64, [f64; N]);

/// No reverse-mode backend for a logistic workload.
fn no_reverse<const P: usize>() -> Option<fn([f64; P]) -> Gradient<P>> {
    None
}

/// The tape backends of a scalar function: a tape of `CAP` records made in each call (`tape`),
/// and one `Tape` reused across calls (`tape_on`); and what making a new `Tape` costs alone
/// (`tape_new`, no gradient).
fn tapes<W: Scalar<N>, const N: usize, const CAP: usize, S: Sink>(
    s: &mut S,
    w: &str,
    f: &W,
    x: [f64; N],
) {
    s.capacity(w, CAP, size_of::<Tape<f64, CAP>>());
    s.run(w, "tape", x, |x| tape::<W, N, CAP>(f, x));
    let mut t = Tape::new();
    s.run(w, "tape_on", x, |x| {
        let g = tape_on::<W, N, CAP>(&mut t, f, x);
        debug_assert_eq!(t.len(), CAP, "{w}: the tape is not filled exactly");
        g
    });
    new_tape::<N, CAP, S>(s, w, x);
}

/// `tape::gradient` with capacity to spare: 4,096 records (`tape_4k`) and 100,000
/// (`tape_100k`), whatever the function needs.
fn spare<W: Scalar<N>, const N: usize, S: Sink>(s: &mut S, w: &str, f: &W, x: [f64; N]) {
    s.run(w, "tape_4k", x, |x| tape::<W, N, 4096>(f, x));
    s.run(w, "tape_100k", x, |x| tape::<W, N, 100_000>(f, x));
}

/// The tape backends of a function with `M` outputs (`tape::jacobian`, `tape::jacobian_on`).
fn tapes_jac<W: Vector<N, M>, const N: usize, const M: usize, const CAP: usize, S: Sink>(
    s: &mut S,
    w: &str,
    f: &W,
    x: [f64; N],
) {
    s.capacity(w, CAP, size_of::<Tape<f64, CAP>>());
    s.run(w, "tape", x, |x| tape_jac::<W, N, M, CAP>(f, x));
    let mut t = Tape::new();
    s.run(w, "tape_on", x, |x| {
        let j = tape_jac_on::<W, N, M, CAP>(&mut t, f, x);
        debug_assert_eq!(t.len(), CAP, "{w}: the tape is not filled exactly");
        j
    });
    new_tape::<N, CAP, S>(s, w, x);
}

/// `tape_new`: a new `Tape<f64, CAP>` is made (zero-initialised on the stack) and handed to
/// `black_box`; nothing is recorded. Its cost is that of the zeroing, which a reused tape pays
/// once (and which `tape::gradient` paid on every call until it recorded on uninitialised
/// slots).
fn new_tape<const N: usize, const CAP: usize, S: Sink>(s: &mut S, w: &str, x: [f64; N]) {
    s.run(w, "tape_new", x, |_| {
        let t = Tape::<f64, CAP>::new();
        core::hint::black_box(&t);
        0.0
    });
}

/// The peer crates on a scalar function.
fn peers<W: Scalar<N>, const N: usize, S: Sink>(s: &mut S, w: &str, f: &W, x: [f64; N]) {
    s.run(w, "num-dual", x, |x| num_dual(f, x));
    s.run(w, "autodiff", x, |x| autodiff(f, x));
    s.run(w, "ad_trait_fwd", x, |x| ad_trait_fwd(f, x));
    s.run(w, "ad_trait_rev", x, |x| ad_trait_rev(f, x));
}

/// Rosenbrock at `N` inputs: every backend but the statements.
fn rosen<const N: usize, const CAP: usize, S: Sink>(
    s: &mut S,
    w: &str,
    reverse: fn([f64; N]) -> Gradient<N>,
) where
    Const<N>: Chunking<f64>,
{
    let r = &rosenbrock::Rosenbrock;
    let x = rosenbrock::point::<N>();
    s.run(w, "plain", x, |x| plain(r, x));
    s.run(w, "hand", x, rosenbrock::hand::<N>);
    s.run(w, "reverse", x, reverse);
    s.run(w, "forward", x, |x| forward(r, x));
    tapes::<_, N, CAP, S>(s, w, r, x);
    peers(s, w, r, x);
}

fn logreg<const OBS: usize, const P: usize, const CAP: usize, S: Sink>(
    s: &mut S,
    w: &str,
    d: &Logistic<OBS, P>,
    reverse: Option<impl Fn([f64; P]) -> Gradient<P>>,
    with_peers: bool,
) where
    Const<P>: Chunking<f64>,
{
    let b = d.point();
    s.run(w, "plain", b, |b| plain(d, b));
    s.run(w, "hand", b, |b| d.hand(b));
    if let Some(reverse) = reverse {
        s.run(w, "reverse", b, reverse);
    }
    s.run(w, "forward", b, |b| forward(d, b));
    tapes::<_, P, CAP, S>(s, w, d, b);
    if with_peers {
        peers(s, w, d, b);
    }
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

impl Output for AdTraitGradient {
    fn derivatives(&self) -> Vec<f64> {
        let (m, n) = self.1.shape();
        (0..m)
            .flat_map(|i| (0..n).map(move |j| self.1[(i, j)]))
            .collect()
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

impl<const N: usize> Output for (f64, [f64; N], [[f64; N]; N]) {
    fn derivatives(&self) -> Vec<f64> {
        self.1
            .iter()
            .chain(self.2.as_flattened())
            .copied()
            .collect()
    }
}

impl<const N: usize> Output for (f64, SVector<f64, N>, SMatrix<f64, N, N>) {
    fn derivatives(&self) -> Vec<f64> {
        let h = (0..N).flat_map(|i| (0..N).map(move |j| self.2[(i, j)]));
        self.1.iter().copied().chain(h).collect()
    }
}

/// A [`Sink`] that runs every backend once and compares its derivatives with the
/// hand-written ones (`plain` and `tape_new` compute none).
#[derive(Default)]
pub struct Check {
    /// Each workload's hand-written derivatives (backends of a workload may come after
    /// another workload's).
    reference: std::collections::HashMap<String, Vec<f64>>,
    /// One line per mismatch.
    pub failures: Vec<String>,
    /// Pairs compared.
    pub compared: usize,
}

impl Sink for Check {
    fn run<I: Copy, O: Output>(&mut self, w: &str, b: &str, input: I, mut f: impl FnMut(I) -> O) {
        let d = f(input).derivatives();
        if b == "hand" {
            self.reference.insert(w.to_string(), d);
            return;
        }
        if b == "plain" || b == "tape_new" {
            return;
        }
        self.compared += 1;
        let Some(r) = self.reference.get(w) else {
            self.failures
                .push(format!("{w} {b}: no hand-written reference before it"));
            return;
        };
        let ok = d.len() == r.len()
            && d.iter()
                .zip(r)
                .all(|(a, e)| (a - e).abs() <= 1e-9 * (1.0 + e.abs()));
        if !ok {
            self.failures.push(format!("{w} {b}: {d:?} != hand {r:?}"));
        }
    }
}
