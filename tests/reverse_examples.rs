//! Reverse mode on whole programs: the tutorial's three examples, loops through `eval()`,
//! deep and nested `bind`, `sum` over array variables (Rosenbrock), and Hessians.

mod common;

use common::rosenbrock::rosenbrock_hessian;
use proptest::prelude::*;
use typegrad::reverse::{self, Expr, sum, vars};
use typegrad::{Duals, Float, gradient};

/// `|a − b| ≤ n` units in the last place of `b` (counted as `n · ε · |b|`).
fn within_ulps_64(a: f64, b: f64, n: f64) -> bool {
    (a - b).abs() <= n * f64::EPSILON * b.abs()
}

/// `f32` result `a` against the `f64` value `b`: `n` units in the last place of `f32`.
fn within_ulps_32(a: f32, b: f64, n: f64) -> bool {
    (f64::from(a) - b).abs() <= n * f64::from(f32::EPSILON) * b.abs()
}

/// Relative error with a floor of `floor` (an absolute error below it).
fn error(a: f64, b: f64, floor: f64) -> f64 {
    (a - b).abs() / a.abs().max(b.abs()).max(floor)
}

// ---------------------------------------------------------------------------------------
// The tutorial's three examples.

#[test]
fn example_1_exact() {
    // (2x + y)·z at (1, 2, 3): value 12, gradient (6, 3, 4), exactly.
    let (v, g) = reverse::gradient(|(x, y, z)| (2.0 * x + y) * z, (1.0_f64, 2.0, 3.0));
    assert_eq!((v, g), (12.0, [6.0, 3.0, 4.0]));

    let (x, y, z) = vars!((1.0_f64, 2.0, 3.0));
    let e = (2.0 * x + y) * z;
    assert_eq!(e.value(), 12.0);
    assert_eq!(e.gradient().as_slice(), &[6.0, 3.0, 4.0]);
    let d = e.eval();
    assert_eq!(
        (d.value(), d.gradient().as_slice()),
        (12.0, &[6.0, 3.0, 4.0][..])
    );

    let (v, g) = reverse::gradient(|(x, y, z)| (2.0 * x + y) * z, (1.0_f32, 2.0, 3.0));
    assert_eq!((v, g), (12.0, [6.0, 3.0, 4.0]));
}

/// Example 2's backprop, written out node by node as in the tutorial.
fn example_2_by_hand(x: f64) -> (f64, f64) {
    let (a, b) = (x.sin(), x.cos());
    let c = b * b;
    let d = a.exp();
    let f = 10.0 * d + c;
    let (d_bar, c_bar) = (10.0, 1.0);
    let a_bar = a.exp() * d_bar;
    let b_bar = 2.0 * b * c_bar;
    let x_bar = x.cos() * a_bar - x.sin() * b_bar;
    (f, x_bar)
}

#[test]
fn example_2_reproduces_the_hand_written_backprop() {
    // 10·exp(sin x) + cos²x at x = 1000.
    let (v, [d]) = reverse::gradient(|(x,)| 10.0 * x.sin().exp() + x.cos().powi(2), (1000.0_f64,));
    let (hv, hd) = example_2_by_hand(1000.0);
    #[cfg(feature = "std")]
    {
        assert_eq!((v, d), (23.178007083571295, 11.926922952255469));
        assert_eq!((v, d), (hv, hd));
    }
    assert!(within_ulps_64(v, 23.178007083571295, 4.0), "{v}");
    assert!(within_ulps_64(d, 11.926922952255469, 4.0), "{d}");
    assert!(within_ulps_64(v, hv, 4.0) && within_ulps_64(d, hd, 4.0));

    let (v32, [d32]) =
        reverse::gradient(|(x,)| 10.0 * x.sin().exp() + x.cos().powi(2), (1000.0_f32,));
    assert!(within_ulps_32(v32, v, 4.0), "{v32} against {v}");
    assert!(within_ulps_32(d32, d, 4.0), "{d32} against {d}");
}

fn example_3<T: Float>([x, y]: [T; 2]) -> T {
    y.powi(3) * T::from(10.0).unwrap() * x.sin().exp() + x.cos().powi(2)
}

#[test]
fn example_3_against_forward_closed_form_and_autograd() {
    // y³·10·exp(sin x) + cos²x at (2, 3).
    let (v, g) = reverse::gradient(
        |(x, y)| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2),
        (2.0_f64, 3.0),
    );
    let (fv, fg) = gradient(example_3, [2.0, 3.0]);
    let (x, y) = (2.0_f64, 3.0_f64);
    let dx = y.powi(3) * 10.0 * x.sin().exp() * x.cos() - 2.0 * x.sin() * x.cos();
    let dy = 3.0 * y.powi(2) * 10.0 * x.sin().exp();
    for (a, b) in [(v, fv), (g[0], fg[0]), (g[1], fg[1])] {
        assert!(within_ulps_64(a, b, 2.0), "reverse {a}, forward {b}");
    }
    for (a, b) in [(v, example_3([x, y])), (g[0], dx), (g[1], dy)] {
        assert!(within_ulps_64(a, b, 2.0), "reverse {a}, closed form {b}");
    }
    // autograd's numbers (numpy's exp and sin differ from glibc's in the last bit).
    let autograd = [670.4691647536182, -278.1847518635674, 670.29598656405];
    for (a, b) in [v, g[0], g[1]].into_iter().zip(autograd) {
        assert!(within_ulps_64(a, b, 4.0), "reverse {a}, autograd {b}");
    }

    let (v32, g32) = reverse::gradient(
        |(x, y)| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2),
        (2.0_f32, 3.0),
    );
    for (a, b) in [(v32, v), (g32[0], g[0]), (g32[1], g[1])] {
        assert!(within_ulps_32(a, b, 4.0), "f32 {a}, f64 {b}");
    }
}

// ---------------------------------------------------------------------------------------
// Loops through `eval()`: statement-level reverse mode against forward mode.

/// Reverse against forward in `f64`: the same products, associated differently. Relative
/// to `max(|a|, |b|, 1)`: the derivatives here are of order 1–10 and a small component is
/// a cancellation of such terms, with an absolute rounding error.
const TOL: f64 = 1e-12;

const MAP_STEPS: usize = 50;

/// `s ← sin(s·x + y)`, 50 times, from `s = x·y`: generic code, for forward mode.
fn iterated_map<T: Float>([x, y]: [T; 2]) -> T {
    let mut s = x * y;
    for _ in 0..MAP_STEPS {
        s = (s * x + y).sin();
    }
    s
}

/// The same loop in reverse mode: each step is one expression over the previous step's
/// evaluated state (a leaf) and the variables, collapsed with `eval()`.
fn iterated_map_reverse(a: f64, b: f64) -> (f64, [f64; 2]) {
    let (x, y) = vars!((a, b));
    let mut s = (x * y).eval();
    for _ in 0..MAP_STEPS {
        s = (s * x + y).sin().eval();
    }
    (s.value(), s.gradient().into())
}

const ODE_STEPS: usize = 60;

/// Lotka–Volterra, `ODE_STEPS` explicit Euler steps of 0.05 from (1, 0.5); returns
/// (prey, predators).
fn lotka_volterra<T: Float>([a, b, d, g]: [T; 4]) -> [T; 2] {
    let h = T::from(0.05).unwrap();
    let (mut prey, mut pred) = (T::one(), T::from(0.5).unwrap());
    for _ in 0..ODE_STEPS {
        let next_prey = prey + (a * prey - b * prey * pred) * h;
        let next_pred = pred + (d * prey * pred - g * pred) * h;
        (prey, pred) = (next_prey, next_pred);
    }
    [prey, pred]
}

/// The same integrator in reverse mode: the parameters are variables, the state is a pair
/// of evaluated leaves, and every step builds two expressions over them and collapses them.
fn lotka_volterra_reverse(p: [f64; 4]) -> [(f64, [f64; 4]); 2] {
    let (a, b, d, g) = vars!((p[0], p[1], p[2], p[3]));
    let (mut prey, mut pred) = (a.constant(1.0), a.constant(0.5));
    for _ in 0..ODE_STEPS {
        let next_prey = (prey + (a * prey - b * prey * pred) * 0.05).eval();
        let next_pred = (pred + (d * prey * pred - g * pred) * 0.05).eval();
        (prey, pred) = (next_prey, next_pred);
    }
    [prey, pred].map(|s| (s.value(), s.gradient().into()))
}

proptest! {
    #[test]
    fn eval_loop_agrees_with_forward(a in -0.9..0.9_f64, b in -2.0..2.0_f64) {
        let (rv, rg) = iterated_map_reverse(a, b);
        let (fv, fg) = gradient(iterated_map, [a, b]);
        prop_assert_eq!(rv.to_bits(), fv.to_bits());
        for i in 0..2 {
            prop_assert!(error(rg[i], fg[i], 1.0) <= TOL, "reverse {:?}, forward {:?}", rg, fg);
        }
    }

    #[test]
    fn ode_integrator_agrees_with_forward_and_finite_differences(
        a in 0.5..1.5_f64, b in 0.2..1.0_f64, d in 0.2..1.0_f64, g in 0.5..1.5_f64
    ) {
        let p = [a, b, d, g];
        let reverse = lotka_volterra_reverse(p);
        let (values, jacobian) = typegrad::jacobian(lotka_volterra, p);
        for k in 0..2 {
            let (rv, rg) = reverse[k];
            prop_assert_eq!(rv.to_bits(), values[k].to_bits());
            for i in 0..4 {
                prop_assert!(
                    error(rg[i], jacobian[k][i], 1.0) <= TOL,
                    "output {}: reverse {:?}, forward {:?}", k, rg, jacobian[k]
                );
            }
            let report = typegrad::check::check_gradient(|q| lotka_volterra(q)[k], p, rg);
            prop_assert!(report.passes(1e-7), "output {}: {:?}", k, report);
        }
    }
}

// ---------------------------------------------------------------------------------------
// `bind`: 20 levels deep, nested, and side by side.

/// `e.bind(|a| (a * a).sin())`, once per token.
macro_rules! bind_chain {
    ($e:expr;) => { $e };
    ($e:expr; $t:tt $($rest:tt)*) => { bind_chain!($e.bind(|a| (a * a).sin()); $($rest)*) };
}

fn square_sin_chain<T: Float>([x, y]: [T; 2]) -> T {
    let mut e = x * T::from(0.7).unwrap() + y * T::from(0.3).unwrap();
    for _ in 0..20 {
        e = (e * e).sin();
    }
    e
}

/// The rule of `Bind`'s docs: a placeholder of an enclosing bind is used inside a nested
/// bind only when that bind's expression is built from a later placeholder.
fn nested<T: Float>([x, y]: [T; 2]) -> T {
    let a = x * y;
    let b = (a + x).sin();
    let c = (b * a).cos();
    let d = (c + b * a).exp();
    let e = (d * c + b - a * y).tanh();
    e * d + c * b * a
}

fn siblings<T: Float>([x, y]: [T; 2]) -> T {
    let a = (x * y).sin();
    let b = a.exp();
    let c = (a * x).cos();
    b * a + (c * a + c) - y
}

proptest! {
    #[test]
    fn bind_chain_of_20_agrees_with_forward(a in -1.5..1.5_f64, b in -1.5..1.5_f64) {
        let (rv, rg) = reverse::gradient(
            |(x, y)| bind_chain!(x * 0.7 + y * 0.3; 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20),
            (a, b),
        );
        let (fv, fg) = gradient(square_sin_chain, [a, b]);
        prop_assert_eq!(rv.to_bits(), fv.to_bits());
        for i in 0..2 {
            prop_assert!(error(rg[i], fg[i], 1.0) <= TOL, "reverse {:?}, forward {:?}", rg, fg);
        }
    }

    #[test]
    fn nested_binds_agree_with_forward(a in -1.5..1.5_f64, b in -1.5..1.5_f64) {
        let (rv, rg) = reverse::gradient(
            |(x, y)| {
                (x * y).bind(|a| {
                    (a + x).sin().bind(|b| {
                        (b * a).cos().bind(|c| {
                            (c + b * a).exp().bind(|d| (d * c + b - a * y).tanh().bind(|e| e * d + c * b * a))
                        })
                    })
                })
            },
            (a, b),
        );
        let (fv, fg) = gradient(nested, [a, b]);
        prop_assert_eq!(rv.to_bits(), fv.to_bits());
        for i in 0..2 {
            prop_assert!(error(rg[i], fg[i], 1.0) <= TOL, "reverse {:?}, forward {:?}", rg, fg);
        }
        let report = typegrad::check::check_gradient(nested, [a, b], rg);
        prop_assert!(report.passes(1e-7), "{:?}", report);
    }

    #[test]
    fn sibling_binds_share_a_slot_correctly(a in -1.5..1.5_f64, b in -1.5..1.5_f64) {
        // Two binds in one body, both on expressions built from `a`: both get the slot
        // after `a`'s, used one after the other.
        let (rv, rg) = reverse::gradient(
            |(x, y)| {
                (x * y).sin().bind(|a| a.exp().bind(|b| b * a) + (a * x).cos().bind(|c| c * a + c) - y)
            },
            (a, b),
        );
        let (fv, fg) = gradient(siblings, [a, b]);
        prop_assert_eq!(rv.to_bits(), fv.to_bits());
        for i in 0..2 {
            prop_assert!(error(rg[i], fg[i], 1.0) <= TOL, "reverse {:?}, forward {:?}", rg, fg);
        }
    }

    #[test]
    fn binds_inside_sums_and_sums_inside_binds(p in proptest::array::uniform8(-1.5..1.5_f64)) {
        let (rv, rg) = reverse::gradient(
            |x| sum(x.into_iter().map(|xi| (xi * xi).bind(|a| a.sin() * a))).bind(|s| s * s + s),
            p,
        );
        let (fv, fg) = gradient(
            |x| {
                let s: Duals<f64, 8> = x.iter().map(|&xi| (xi * xi).sin() * (xi * xi)).sum();
                s * s + s
            },
            p,
        );
        prop_assert!(error(rv, fv, 1.0) <= TOL, "{} {}", rv, fv);
        for i in 0..8 {
            prop_assert!(error(rg[i], fg[i], 1.0) <= TOL, "reverse {:?}, forward {:?}", rg, fg);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Rosenbrock over array variables, with `sum`.

fn rosenbrock<T: Float, const N: usize>(x: [T; N]) -> T {
    let mut f = T::zero();
    for i in 0..N - 1 {
        let t = x[i + 1] - x[i] * x[i];
        let u = T::one() - x[i];
        f = f + T::from(100.0).unwrap() * t.powi(2) + u.powi(2);
    }
    f
}

/// The gradient written by hand, and for each component the sum of the magnitudes of its
/// terms (the scale of its rounding error).
fn rosenbrock_gradient_by_hand<const N: usize>(x: [f64; N]) -> ([f64; N], [f64; N]) {
    let (mut g, mut scale) = ([0.0; N], [0.0; N]);
    for i in 0..N - 1 {
        let t = x[i + 1] - x[i] * x[i];
        let u = 1.0 - x[i];
        let (gi, gj) = (-400.0 * x[i] * t - 2.0 * u, 200.0 * t);
        g[i] += gi;
        g[i + 1] += gj;
        scale[i] += 400.0 * (x[i] * t).abs() + 2.0 * u.abs() + 400.0 * x[i] * x[i];
        scale[i + 1] += gj.abs() + 200.0 * x[i] * x[i];
    }
    (g, scale)
}

/// `Σ 100 (x[i+1] − x[i]²)² + (1 − x[i])²` over `vars(..)` of an array, with `windows`:
/// the iterator borrows the variables, so this form cannot be returned from the closure
/// of `reverse::gradient` (E0515); it works with `vars` and `.gradient()` in one scope.
macro_rules! rosenbrock_windows {
    ($x:expr) => {
        sum($x
            .windows(2)
            .map(|w| 100.0 * (w[1] - w[0] * w[0]).powi(2) + (1.0 - w[0]).powi(2)))
    };
}

/// The same sum with an iterator that owns the (`Copy`) variables, for the closure forms.
macro_rules! rosenbrock_owned {
    ($x:expr) => {{
        let x = $x;
        sum((0..x.len() - 1).map(move |i| {
            let (a, b) = (x[i], x[i + 1]);
            100.0 * (b - a * a).powi(2) + (1.0 - a).powi(2)
        }))
    }};
}

fn check_rosenbrock<const N: usize>(p: [f64; N], v: f64, g: [f64; N]) -> Result<(), TestCaseError> {
    let (hand, scale) = rosenbrock_gradient_by_hand(p);
    prop_assert!(
        error(v, rosenbrock(p), 1.0) <= 1e-14,
        "value {} against {}",
        v,
        rosenbrock(p)
    );
    for i in 0..N {
        // A few roundings of each term.
        prop_assert!(
            (g[i] - hand[i]).abs() <= 1e-14 * (scale[i] + 1.0),
            "component {}: reverse {}, by hand {} (scale {})",
            i,
            g[i],
            hand[i],
            scale[i]
        );
    }
    Ok(())
}

proptest! {
    #[test]
    fn rosenbrock_16(p in proptest::array::uniform16(-2.0..2.0_f64)) {
        let x = vars!(p);
        let e = rosenbrock_windows!(x);
        let g: [f64; 16] = e.gradient().into();
        check_rosenbrock(p, e.value(), g)?;
        let (v2, g2) = reverse::gradient(|x| rosenbrock_owned!(x), p);
        prop_assert_eq!((v2, g2), (e.value(), g));
    }

    #[test]
    fn rosenbrock_64(p in proptest::collection::vec(-2.0..2.0_f64, 64)) {
        let p: [f64; 64] = p.try_into().unwrap();
        let x = vars!(p);
        let e = rosenbrock_windows!(x);
        let (v, g): (f64, [f64; 64]) = (e.value(), e.gradient().into());
        check_rosenbrock(p, v, g)?;
        prop_assert_eq!(reverse::gradient(|x| rosenbrock_owned!(x), p), (v, g));
        let (fv, fg) = gradient(rosenbrock, p);
        prop_assert!(error(v, fv, 1.0) <= 1e-14);
        for i in 0..64 {
            prop_assert!(error(g[i], fg[i], 1.0) <= TOL, "reverse {:?}, forward {:?}", g, fg);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Hessians: forward over reverse against forward over forward, closed forms and `H·v`.

#[test]
fn example_3_hessian_closed_form() {
    let (v, g, h) = reverse::hessian(
        |(x, y)| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2),
        (2.0_f64, 3.0),
    );
    let (fv, fg, fh) = typegrad::hessian(example_3, [2.0, 3.0]);
    let (x, y) = (2.0_f64, 3.0_f64);
    let (s, c, e) = (x.sin(), x.cos(), x.sin().exp());
    let closed = [
        [
            10.0 * y.powi(3) * e * (c * c - s) - 2.0 * (c * c - s * s),
            30.0 * y * y * e * c,
        ],
        [30.0 * y * y * e * c, 60.0 * y * e],
    ];
    assert!(within_ulps_64(v, fv, 2.0));
    for i in 0..2 {
        assert!(within_ulps_64(g[i], fg[i], 2.0), "{g:?} {fg:?}");
        for j in 0..2 {
            assert!(within_ulps_64(h[i][j], fh[i][j], 4.0), "{h:?} {fh:?}");
            assert!(
                within_ulps_64(h[i][j], closed[i][j], 8.0),
                "{h:?} {closed:?}"
            );
        }
    }
}

proptest! {
    #[test]
    fn rosenbrock_hessian_and_hvp(p in proptest::array::uniform8(-2.0..2.0_f64),
                                  v in proptest::array::uniform8(-1.0..1.0_f64)) {
        let (rv, rg, rh) = reverse::hessian(|x| rosenbrock_owned!(x), p);
        let (fv, fg, fh) = typegrad::hessian(rosenbrock, p);
        let hand = rosenbrock_hessian(p);
        prop_assert!(error(rv, fv, 1.0) <= 1e-14);
        for i in 0..8 {
            prop_assert!(error(rg[i], fg[i], 1.0) <= TOL);
            for j in 0..8 {
                // Entries are polynomials of order-1 inputs with coefficients up to 1200.
                prop_assert!((rh[i][j] - fh[i][j]).abs() <= 1e-12 * 1e4, "{:?} {:?}", rh, fh);
                prop_assert!((rh[i][j] - hand[i][j]).abs() <= 1e-12 * 1e4, "{:?} {:?}", rh, hand);
            }
        }
        let (hv_v, hv_g, hv) = reverse::hvp(|x| rosenbrock_owned!(x), p, v);
        prop_assert!(error(hv_v, rv, 1.0) <= 1e-14);
        for i in 0..8 {
            prop_assert!(error(hv_g[i], rg[i], 1.0) <= TOL);
            let by_hand: f64 = (0..8).map(|j| hand[i][j] * v[j]).sum();
            prop_assert!((hv[i] - by_hand).abs() <= 1e-12 * 1e4, "{:?} at {}: {}", hv, i, by_hand);
        }
    }

    #[test]
    fn hvp_over_64_inputs(p in proptest::collection::vec(-2.0..2.0_f64, 64),
                          v in proptest::collection::vec(-1.0..1.0_f64, 64)) {
        let p: [f64; 64] = p.try_into().unwrap();
        let v: [f64; 64] = v.try_into().unwrap();
        let (_, _, hv) = reverse::hvp(|x| rosenbrock_owned!(x), p, v);
        let hand = rosenbrock_hessian(p);
        for i in 0..64 {
            let by_hand: f64 = (0..64).map(|j| hand[i][j] * v[j]).sum();
            prop_assert!((hv[i] - by_hand).abs() <= 1e-12 * 1e4, "{:?} at {}: {}", hv, i, by_hand);
        }
    }

    #[test]
    fn hessian_through_eval_loops_and_binds(a in -0.9..0.9_f64, b in -2.0..2.0_f64) {
        // Statement-level reverse mode over duals: the loop's `eval()` gives duals of duals.
        let (rv, rg, rh) = reverse::hessian(
            |(x, y)| {
                let mut s = (x * y).eval();
                for _ in 0..MAP_STEPS {
                    s = (s * x + y).sin().eval();
                }
                s
            },
            (a, b),
        );
        let (fv, fg, fh) = typegrad::hessian(iterated_map, [a, b]);
        prop_assert_eq!(rv.to_bits(), fv.to_bits());
        for i in 0..2 {
            prop_assert!(error(rg[i], fg[i], 1.0) <= TOL);
            for j in 0..2 {
                prop_assert!(error(rh[i][j], fh[i][j], 1.0) <= TOL, "{:?} {:?}", rh, fh);
            }
        }

        let (rv, rg, rh) = reverse::hessian(
            |(x, y)| bind_chain!(x * 0.7 + y * 0.3; 1 2 3 4 5 6 7 8 9 10),
            (a, b),
        );
        let (fv, fg, fh) = typegrad::hessian(
            |[x, y]| {
                let mut e = x * 0.7 + y * 0.3;
                for _ in 0..10 {
                    e = (e * e).sin();
                }
                e
            },
            [a, b],
        );
        prop_assert_eq!(rv.to_bits(), fv.to_bits());
        for i in 0..2 {
            prop_assert!(error(rg[i], fg[i], 1.0) <= TOL);
            for j in 0..2 {
                prop_assert!(error(rh[i][j], fh[i][j], 1.0) <= TOL, "{:?} {:?}", rh, fh);
            }
        }
    }
}

#[test]
fn f32_hessian_and_hvp_of_example_3() {
    let (v, g, h) = reverse::hessian(
        |(x, y)| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2),
        (2.0_f32, 3.0),
    );
    let (fv, fg, fh) = typegrad::hessian(example_3, [2.0_f64, 3.0]);
    assert!(within_ulps_32(v, fv, 4.0), "{v} {fv}");
    for i in 0..2 {
        assert!(within_ulps_32(g[i], fg[i], 4.0), "{g:?} {fg:?}");
        for j in 0..2 {
            assert!(within_ulps_32(h[i][j], fh[i][j], 8.0), "{h:?} {fh:?}");
        }
    }
    let (_, _, hv) = reverse::hvp(
        |(x, y)| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2),
        (2.0_f32, 3.0),
        (1.0, -1.0),
    );
    for i in 0..2 {
        let by_forward = fh[i][0] - fh[i][1];
        assert!(
            within_ulps_32(hv[i], by_forward, 16.0),
            "{hv:?} {by_forward}"
        );
    }
}
