//! Array variables (`VarArray`): the positional methods (`into_iter`, `map`, `var`,
//! `array_windows`) against indexing, and the dot product node (`dot`) against forward mode,
//! closed forms and the Hessian through forward over reverse.

use proptest::prelude::*;
use typegrad::reverse::{self, Expr, sum, vars};
use typegrad::{Duals, gradient};

/// Relative error with a floor of `floor` (an absolute error below it).
fn error(a: f64, b: f64, floor: f64) -> f64 {
    (a - b).abs() / a.abs().max(b.abs()).max(floor)
}

const TOL: f64 = 1e-13;

/// The term of Rosenbrock's function over the pair `(a, b)`.
macro_rules! term {
    ($a:expr, $b:expr) => {
        100.0 * ($b - $a * $a).powi(2) + (1.0 - $a).powi(2)
    };
}

proptest! {
    /// Every way to reach the variables builds the same nodes, so value and gradient agree bit
    /// for bit: the stored variables (`x[i]`, `windows`, `iter`) and the positional ones
    /// (`array_windows`, `var`, `into_iter`, `map`).
    #[test]
    fn positional_variables_agree_with_indexing(p in proptest::array::uniform16(-2.0..2.0_f64)) {
        let x = vars!(p);
        let reference = sum(x.windows(2).map(|w| term!(w[0], w[1]))).value_and_gradient();
        let windows = sum(x.array_windows().map(|[a, b]| term!(a, b))).value_and_gradient();
        let var = sum((0..15).map(|i| term!(x.var(i), x.var(i + 1)))).value_and_gradient();
        let index = sum((0..15).map(|i| term!(x[i], x[i + 1]))).value_and_gradient();
        prop_assert_eq!(windows, reference);
        prop_assert_eq!(var, reference);
        prop_assert_eq!(index, reference);

        let reference = sum(x.iter().map(|&xi| xi.sin() * xi)).value_and_gradient();
        let by_value = sum(x.into_iter().map(|xi| xi.sin() * xi)).value_and_gradient();
        let mapped = sum(x.map(|xi| xi.sin() * xi)).value_and_gradient();
        prop_assert_eq!(by_value, reference);
        prop_assert_eq!(mapped, reference);

        // The closure form, indexing by value.
        let (v, g) = reverse::gradient(
            |x| sum((0..15).map(move |i| term!(x.var(i), x.var(i + 1)))),
            p,
        );
        prop_assert_eq!((v, &g[..]), (reference_value(p), &windows.1[..]));
    }
}

/// Rosenbrock's value through `array_windows`, for the closure-form comparison above.
fn reference_value(p: [f64; 16]) -> f64 {
    let x = vars!(p);
    sum(x.array_windows().map(|[a, b]| term!(a, b))).value()
}

#[test]
fn positional_iterators_know_their_lengths() {
    let x = vars!([1.0_f64, 2.0, 3.0]);
    let it = x.into_iter();
    assert_eq!(it.size_hint(), (3, Some(3)));
    assert_eq!(
        it.map(|xi| (xi.index(), xi.value())).collect::<Vec<_>>(),
        [(0, 1.0), (1, 2.0), (2, 3.0)]
    );
    assert_eq!(x.array_windows::<1>().len(), 3);
    assert_eq!(x.array_windows::<2>().len(), 2);
    assert_eq!(x.array_windows::<3>().len(), 1);
    assert_eq!(x.array_windows::<4>().len(), 0);
    assert_eq!(x.array_windows::<4>().next().map(|w: [_; 4]| w.len()), None);
    let starts: Vec<_> = x
        .array_windows()
        .map(|[a, b]| (a.index(), b.index()))
        .collect();
    assert_eq!(starts, [(0, 1), (1, 2)]);
    let mut w = x.array_windows::<2>();
    w.next();
    assert_eq!(w.size_hint(), (1, Some(1)));
    // By reference: the stored variables, as for an array.
    let indices: Vec<_> = (&x).into_iter().map(|xi| xi.index()).collect();
    assert_eq!(indices, [0, 1, 2]);
    assert_eq!(x.values(), &[1.0, 2.0, 3.0]);
    assert_eq!(format!("{x:?}"), "VarArray([1.0, 2.0, 3.0])");
}

#[test]
#[should_panic(expected = "index out of bounds")]
fn var_past_the_end_panics_as_indexing_does() {
    let x = vars!([1.0_f64, 2.0]);
    let _ = x.var(2);
}

// ---------------------------------------------------------------------------------------
// Dot products.

/// Fixed rows of data and 0/1 labels, from a linear congruential generator.
fn data<const OBS: usize, const P: usize>() -> ([[f64; P]; OBS], [f64; OBS]) {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let x = core::array::from_fn(|_| core::array::from_fn(|_| 2.0 * next() - 1.0));
    let y = core::array::from_fn(|_| if next() < 0.5 { 0.0 } else { 1.0 });
    (x, y)
}

/// The log-likelihood of logistic regression, generic (forward mode runs it with duals).
fn log_likelihood(b: [Duals<f64, 8>; 8], x: &[[f64; 8]; 16], y: &[f64; 16]) -> Duals<f64, 8> {
    let mut f = Duals::<f64, 8>::from(0.0);
    for (xi, &yi) in x.iter().zip(y) {
        let z = b
            .iter()
            .zip(xi)
            .map(|(&bj, &xij)| bj * xij)
            .sum::<Duals<f64, 8>>();
        f += z * yi - (z.exp() + 1.0).ln();
    }
    f
}

proptest! {
    /// `sum(dot.bind(..))` gives the value of the plain formula and the gradient of forward
    /// mode and of the closed form `Σᵢ (yᵢ − σ(zᵢ))·xᵢ`.
    #[test]
    fn logistic_regression_with_dot_agrees_with_forward_and_closed_form(
        p in proptest::array::uniform8(-1.0..1.0_f64)
    ) {
        let (x, y) = data::<16, 8>();
        let b = vars!(p);
        let e = sum(x.iter().zip(&y).map(|(xi, &yi)| {
            b.dot(xi).bind(|z| z * yi - (z.exp() + 1.0).ln())
        }));
        let (v, g) = e.value_and_gradient();
        let (fv, fg) = gradient(|b| log_likelihood(b, &x, &y), p);
        prop_assert!(error(v, fv, 1.0) <= TOL, "{} {}", v, fv);
        let mut closed = [0.0; 8];
        for (xi, &yi) in x.iter().zip(&y) {
            let z: f64 = xi.iter().zip(&p).map(|(a, b)| a * b).sum();
            let s = 1.0 / (1.0 + (-z).exp());
            for j in 0..8 {
                closed[j] += (yi - s) * xi[j];
            }
        }
        for j in 0..8 {
            prop_assert!(error(g[j], fg[j], 1.0) <= TOL, "reverse {:?}, forward {:?}", g, fg);
            prop_assert!(error(g[j], closed[j], 1.0) <= TOL, "reverse {:?}, closed {:?}", g, closed);
        }
        // The dot product adds in order, as `Σ` over the terms does.
        let z = b.dot(&x[0]);
        let terms = sum(b.into_iter().zip(&x[0]).map(|(bj, &xij)| bj * xij));
        prop_assert_eq!(z.value_and_gradient(), terms.value_and_gradient());
    }

    /// Forward over reverse through a dot product: the Hessian of `(b·r)²` is `2 r rᵀ`.
    #[test]
    fn dot_hessian_is_the_outer_product(
        p in proptest::array::uniform4(-2.0..2.0_f64),
        r in proptest::array::uniform4(-2.0..2.0_f64),
    ) {
        let (v, g, h) = reverse::hessian(|b| b.dot(&r).powi(2), p);
        let z: f64 = p.iter().zip(&r).map(|(a, b)| a * b).sum();
        prop_assert!(error(v, z * z, 1e-12) <= TOL);
        for i in 0..4 {
            prop_assert!(error(g[i], 2.0 * z * r[i], 1e-12) <= TOL);
            for j in 0..4 {
                prop_assert_eq!(h[i][j], 2.0 * r[i] * r[j]);
            }
        }
    }
}

#[test]
fn dot_of_an_empty_array_is_minus_zero_with_no_gradient() {
    let b = vars!([0.0_f64; 0]);
    let z = b.dot(&[]);
    assert_eq!(z.value().to_bits(), (-0.0_f64).to_bits());
    assert!(z.gradient().is_empty());
}

#[test]
fn dot_with_zeros_leaves_plus_zero_adjoints() {
    let b = vars!([1.0_f64, -2.0]);
    let g = (-b.dot(&[0.0, 3.0])).gradient();
    assert_eq!((g[0].to_bits(), g[1]), (0.0_f64.to_bits(), -3.0));
}

#[test]
fn dot_propagates_non_finite_values() {
    let b = vars!([f64::NAN, 1.0]);
    let z = b.dot(&[1.0, f64::INFINITY]);
    assert!(z.value().is_nan());
    let g = z.gradient();
    assert_eq!((g[0], g[1]), (1.0, f64::INFINITY));
}
