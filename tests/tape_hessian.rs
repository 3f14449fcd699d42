//! `tape::hessian` (forward over reverse on the tape) against Rosenbrock's closed-form
//! Hessian, against forward over forward (`hessian`) and against finite differences of
//! the gradient; its capacity error is the gradient's.

mod common;

use common::cases;
use common::rosenbrock::{rosenbrock, rosenbrock_closed, rosenbrock_hessian};
use proptest::prelude::*;
use typegrad::check::check_gradient;
use typegrad::tape::{self, TapeError};
use typegrad::{Dual, Float, gradient, hessian};

/// Finite differences of the gradient of a composite function (sixth-order Richardson): as
/// for nested reverse formulas (`tests/reverse_formulas.rs`), the checker's own error
/// grows at steep corners (`powf` of a small base, kept out of the domain); 5,000 cases
/// passed at 1e-8.
const TOL_FD: f64 = 1e-8;

/// `a` within `tol` of `b`, relative to `max(|b|, 1)`.
fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * b.abs().max(1.0)
}

fn close_all(a: &[f64], b: &[f64], tol: f64) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(&a, &b)| close(a, b, tol))
}

/// Rosenbrock's records at 16 inputs: the inputs, and 3 a term (`x[i + 1] − x[i]²`, the sum
/// of the term's two squares, the running sum) but the first sum (onto a constant zero).
const CAP16: usize = 16 + 3 * 15 - 1;

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn rosenbrock_matches_its_closed_form(x in prop::array::uniform16(-2.0..2.0)) {
        let (v, g, h) = tape::hessian::<_, CAP16>(|x| rosenbrock(x), x).unwrap();
        let ((v0, g0), h0) = (rosenbrock_closed(x), rosenbrock_hessian(x));
        prop_assert!(close(v, v0, 1e-14) && close_all(&g, &g0, 1e-13), "{g:?} != {g0:?}");
        // Diagonal entries are differences of terms up to 5,602 (`|x| ≤ 2`): rounding is
        // relative to that.
        prop_assert!(close_all(h.as_flattened(), h0.as_flattened(), 1e-11), "{h:?} != {h0:?}");
        for (i, row) in h.iter().enumerate() {
            for (j, hij) in row.iter().enumerate() {
                prop_assert_eq!(hij.to_bits(), h[j][i].to_bits(), "symmetric");
            }
        }
    }

    #[test]
    fn agrees_with_forward_over_forward_and_finite_differences(
        x in prop::array::uniform7(0.5..3.0)
    ) {
        fn f<T: Float>(x: [T; 7]) -> T {
            let [a, b, c, d, e, g, h] = x;
            (a * b.sin() + c.exp() * d.ln()).atan2(e.hypot(g)) + (h.sqrt() * a).powf(b)
                + c.tanh() * e.cbrt() + a.mul_add(h, g.cos()) + (d / e).powi(3)
        }
        let (v, g, h) = tape::hessian::<_, 64>(|x| f(x), x).unwrap();
        let (v0, g0, h0) = hessian(f, x);
        prop_assert!(close(v, v0, 1e-15) && close_all(&g, &g0, 1e-13));
        prop_assert!(close_all(h.as_flattened(), h0.as_flattened(), 1e-12), "{h:?} != {h0:?}");
        for (i, row) in h.iter().enumerate() {
            let r = check_gradient(|p| gradient(f, p).1[i], x, *row);
            prop_assert!(r.passes(TOL_FD), "row {i} at {x:?}: {r:?}");
        }
    }
}

#[test]
fn too_small_a_tape_reports_the_capacity_of_the_gradient() {
    let x = [0.5_f64; 16];
    let needed = tape::gradient::<_, 8>(|x| rosenbrock(x), x).unwrap_err();
    assert_eq!(needed, TapeError::Capacity { required: CAP16 });
    let r = tape::hessian::<_, { CAP16 - 1 }>(|x| rosenbrock(x), x);
    assert_eq!(r.unwrap_err(), needed);
    assert!(tape::hessian::<_, CAP16>(|x| rosenbrock(x), x).is_ok());
}

#[test]
fn one_input_and_constants() {
    let (v, g, h) = tape::hessian::<_, 2>(|[x]| x.powi(3), [2.0_f64]).unwrap();
    assert_eq!((v, g, h), (8.0, [12.0], [[12.0]]));
    // A constant output: zero gradient and Hessian.
    let e = Dual::from(1.0_f64.exp());
    let (v, g, h) = tape::hessian::<_, 4>(|[_, _]| tape::Active::constant(e), [1.0, 2.0]).unwrap();
    assert_eq!((v, g, h), (1.0_f64.exp(), [0.0; 2], [[0.0; 2]; 2]));
}
