//! The three modes agree where derivatives meet special points: one test per case a review
//! found in which one mode's result differed from the others (or from the true value).

use typegrad::generic_array::GenericArray;
use typegrad::reverse::{self, Expr, Node};
use typegrad::typenum::{U1, U2};
use typegrad::{Dual, gradient, hessian, tape};

const INF: f64 = f64::INFINITY;

#[test]
fn powf_hessian_is_symmetric_at_exponent_zero() {
    // ∂²(xʸ)/∂x∂y = xʸ⁻¹(1 + y ln x) = 1/x at y = 0.
    let want = [[0.0, 0.5], [0.5, 2.0_f64.ln().powi(2)]];
    let (_, _, h) = hessian(|[x, y]| x.powf(y), [2.0, 0.0]);
    assert_eq!(h, want, "forward");
    let (_, _, h) = reverse::hessian(|(x, y)| x.powf(y), (2.0_f64, 0.0));
    assert_eq!(h, want, "reverse");
}

#[test]
fn an_unpicked_side_of_max_gets_nothing_in_every_mode() {
    // max(x, y) picks x = 0; sqrt'(0) = ∞ must not meet y's zero partial.
    let want = [INF, 0.0];
    assert_eq!(
        gradient(|[x, y]| x.max(y).sqrt(), [0.0, -1.0]).1,
        want,
        "forward"
    );
    let g = reverse::gradient(|(x, y)| x.max(y).sqrt(), (0.0_f64, -1.0)).1;
    assert_eq!(g, want, "reverse");
    let g = tape::gradient::<_, 4>(|[x, y]| x.max(y).sqrt(), [0.0_f64, -1.0])
        .unwrap()
        .1;
    assert_eq!(g, want, "tape");
}

#[test]
fn abs_sub_at_or_below_the_tie_gets_nothing_in_every_mode() {
    let want = [0.0, 0.0];
    assert_eq!(
        gradient(|[x, y]| x.abs_sub(y).sqrt(), [1.0, 2.0]).1,
        want,
        "forward"
    );
    let g = reverse::gradient(|(x, y)| x.abs_sub(y).sqrt(), (1.0_f64, 2.0)).1;
    assert_eq!(g, want, "reverse");
    let g = tape::gradient::<_, 4>(|[x, y]| x.abs_sub(y).sqrt(), [1.0_f64, 2.0])
        .unwrap()
        .1;
    assert_eq!(g, want, "tape");
}

#[test]
fn a_bind_whose_placeholder_gets_nothing_walks_nothing() {
    // max picks the constant 5: x's adjoint is 0, with or without the bind.
    let plain = reverse::gradient(|(x,)| x.sqrt().max(5.0), (0.0_f64,)).1;
    let bound = reverse::gradient(|(x,)| x.sqrt().bind(|a| a.max(5.0)), (0.0_f64,)).1;
    assert_eq!((plain, bound), ([0.0], [0.0]));
}

#[test]
fn the_tape_over_duals_gives_exact_second_derivatives() {
    // f = x·y² at (3, 0): ∂²f/∂y² = 2x = 6, though the record of x·y has adjoint 0 there.
    let x = [
        Dual::<f64, U2>::variable::<0>(3.0),
        Dual::variable::<1>(0.0),
    ];
    let (_, g) = tape::gradient::<_, 8>(|[x, y]| x * y * y, x).unwrap();
    let (_, _, h) = hessian(|[x, y]| x * y * y, [3.0, 0.0]);
    assert_eq!(g.map(|d| d.tangent().into_array::<2>()), h);
    assert_eq!(h[1][1], 6.0);
}

#[test]
fn a_short_buffer_passed_by_hand_drops_what_does_not_fit() {
    let (x, y) = reverse::vars!((2.0_f64, 5.0));
    let mut g = GenericArray::<f64, U1>::from([0.0]);
    (x * y).backward(1.0, &mut g);
    assert_eq!(g[0], 5.0); // ∂/∂x only; ∂/∂y has no slot
}

#[test]
fn logarithms_at_both_zeros_have_derivative_plus_infinity() {
    for z in [0.0_f64, -0.0] {
        for (name, d) in [
            ("ln", typegrad::derivative(|x| x.ln(), z).1),
            ("log2", typegrad::derivative(|x| x.log2(), z).1),
            ("log10", typegrad::derivative(|x| x.log10(), z).1),
            (
                "log base 2",
                typegrad::derivative(|x| x.log(Dual::from(2.0)), z).1,
            ),
        ] {
            assert_eq!(d, INF, "{name} at {z:?}");
        }
    }
    assert_eq!(reverse::gradient(|(x,)| x.ln(), (-0.0_f64,)).1, [INF]);
}

#[test]
fn dual_displays_are_available_to_generic_code() {
    fn show<T: typegrad::Scalar + core::fmt::Display>(d: Dual<T>) -> String {
        format!("{d}")
    }
    assert_eq!(show(Dual::<f64>::variable::<0>(1.5)), "1.5 + 1ε");
}

#[test]
fn clamp_agrees_in_every_mode() {
    // At each bound (a tie follows x), past each, inside, and with crossed bounds (hi wins).
    for p in [
        [1.0, 1.0, 2.0],
        [2.0, 1.0, 2.0],
        [0.5, 1.0, 2.0],
        [2.5, 1.0, 2.0],
        [1.5, 1.0, 2.0],
        [0.0, 2.0, 1.0],
    ] {
        let forward = gradient(|[x, lo, hi]| x.clamp(lo, hi), p);
        let reverse = reverse::gradient(|(x, lo, hi)| x.clamp(lo, hi), (p[0], p[1], p[2]));
        let tape = tape::gradient::<_, 8>(|[x, lo, hi]| x.clamp(lo, hi), p).unwrap();
        assert_eq!(forward, reverse, "at {p:?}");
        assert_eq!(forward, tape, "at {p:?}");
    }
}
