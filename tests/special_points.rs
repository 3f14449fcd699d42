//! One test per row of the table of derivatives at special points in the crate docs
//! (src/lib.rs), and one for its paragraph on zero times infinity. Each asserts the
//! documented value exactly.

mod common;

use common::same;
use typegrad::{Float, derivative, gradient};

const INF: f64 = f64::INFINITY;
const NAN: f64 = f64::NAN;

/// Asserts `same` for every element, with the point in the message.
#[track_caller]
fn assert_same<const N: usize>(got: [f64; N], want: [f64; N], at: impl core::fmt::Debug) {
    assert!(
        got.iter().zip(want.iter()).all(|(g, w)| same(*g, *w)),
        "at {at:?}: got {got:?}, want {want:?}"
    );
}

#[test]
fn sqrt_at_both_zeros_is_plus_infinity() {
    for x in [0.0, -0.0] {
        let (v, d) = derivative(|x| x.sqrt(), x);
        assert_same([v, d], [x.sqrt(), INF], x);
    }
}

#[test]
fn cbrt_at_both_zeros_is_plus_infinity() {
    for x in [0.0, -0.0] {
        let (v, d) = derivative(|x| x.cbrt(), x);
        assert_same([v, d], [x, INF], x);
    }
}

#[test]
fn abs_at_both_zeros_is_zero_elsewhere_the_sign() {
    for (x, want) in [
        (0.0_f64, 0.0),
        (-0.0, 0.0),
        (2.0, 1.0),
        (-2.0, -1.0),
        (1e-300, 1.0),
    ] {
        let (v, d) = derivative(|x| x.abs(), x);
        assert_eq!((v.to_bits(), d), (x.abs().to_bits(), want), "at {x:e}");
    }
}

/// `signum`, `floor`, `ceil`, `round` and `trunc`, by number.
fn flat<T: Float>(k: usize, x: T) -> T {
    [T::signum, T::floor, T::ceil, T::round, T::trunc][k](x)
}

#[test]
fn piecewise_constant_functions_are_flat_also_at_jumps() {
    // Jumps (integers, half-integers, both zeros) and points between them.
    let points = [
        0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.5, 0.25, -3.75, 1e300, 1e-300,
    ];
    for k in 0..5 {
        for x in points {
            let (v, d) = derivative(|x| flat(k, x), x);
            let (_, dd) = derivative(|y| derivative(|x| flat(k, x), y).1, x);
            assert!(same(v, flat(k, x)));
            assert_eq!((d, dd), (0.0, 0.0), "function {k} at {x:e}");
        }
    }
}

fn powf_gradient(x: f64, y: f64) -> [f64; 2] {
    let (v, g) = gradient(|[x, y]| x.powf(y), [x, y]);
    assert!(same(v, Float::powf(x, y)), "powf({x}, {y}) = {v}");
    g
}

#[test]
fn powf_at_zero_base_with_exponent_between_zero_and_one() {
    for y in [0.5, 0.25, 1e-10, 0.999] {
        assert_same(powf_gradient(0.0, y), [INF, 0.0], y);
    }
}

#[test]
fn powf_at_zero_base_with_exponent_one() {
    assert_same(powf_gradient(0.0, 1.0), [1.0, 0.0], 1.0);
}

#[test]
fn powf_at_zero_base_with_exponent_above_one() {
    for y in [1.5, 2.0, 3.0, 1e10] {
        assert_same(powf_gradient(0.0, y), [0.0, 0.0], y);
    }
}

#[test]
fn powf_at_exponent_zero_is_constant_in_the_base() {
    for x in [0.0, 2.0, 0.5, 1.0, 1e300, INF] {
        assert_same(powf_gradient(x, 0.0), [0.0, Float::ln(x)], x);
    }
    assert_same(powf_gradient(0.0, 0.0), [0.0, -INF], 0.0);
}

#[test]
fn powf_at_negative_base_with_integer_exponent() {
    for (x, y) in [(-2.0, 3.0), (-2.0, 2.0), (-0.5, -1.0), (-3.0, 1.0)] {
        let dx = y * Float::powf(x, y - 1.0);
        assert_same(powf_gradient(x, y), [dx, NAN], (x, y));
    }
    // The closed forms: 3·(−2)² and 2·(−2).
    assert_eq!(powf_gradient(-2.0, 3.0)[0], 12.0);
    assert_eq!(powf_gradient(-2.0, 2.0)[0], -4.0);
}

#[test]
fn powi_zero_is_constant_to_every_order() {
    for x in [0.0, -0.0, 1.0, -3.5, 1e300, INF, NAN] {
        let (v, d) = derivative(|x| x.powi(0), x);
        let (d1, d2) = derivative(|x| derivative(|x| x.powi(0), x).1, x);
        let (d2_, d3) = derivative(|x| derivative(|x| derivative(|x| x.powi(0), x).1, x).1, x);
        assert_same([v, d, d1, d2, d2_, d3], [1.0, 0.0, 0.0, 0.0, 0.0, 0.0], x);
    }
}

#[test]
fn atan2_at_the_origin_is_flat_for_every_sign_of_zero() {
    for y in [0.0, -0.0] {
        for x in [0.0, -0.0] {
            let (v, g) = gradient(|[y, x]| y.atan2(x), [y, x]);
            assert_same([v, g[0], g[1]], [Float::atan2(y, x), 0.0, 0.0], (y, x));
        }
    }
}

#[test]
fn atan2_on_the_y_axis_has_the_usual_partials() {
    // The rule computes x/(x²+y²) and −y/(x²+y²): exactly 0 and −1/y where y² is exact.
    for y in [1.0, -1.0, 2.0, -0.5, 3.0, 0.375, -1e10] {
        for x in [0.0, -0.0] {
            let (v, g) = gradient(|[y, x]| y.atan2(x), [y, x]);
            assert_eq!(v, Float::atan2(y, x));
            assert_eq!(g, [0.0, -1.0 / y], "at ({y}, {x})");
        }
    }
    // Elsewhere −y/y² rounds twice, and may differ from −1/y in the last bit.
    for y in [1e-3, 0.1, -7.0, 1e-150, 1e150] {
        let (_, g) = gradient(|[y, x]| y.atan2(x), [y, 0.0]);
        assert_eq!(g[0], 0.0);
        assert!(
            (g[1] * y + 1.0).abs() <= 2.0 * f64::EPSILON,
            "at {y}: {g:?}"
        );
    }
}

#[test]
fn hypot_at_the_origin_is_flat() {
    for x in [0.0, -0.0] {
        for y in [0.0, -0.0] {
            let (v, g) = gradient(|[x, y]| x.hypot(y), [x, y]);
            assert_same([v, g[0], g[1]], [0.0, 0.0, 0.0], (x, y));
        }
    }
}

#[test]
fn hypot_at_huge_arguments_does_not_overflow() {
    for [x, y] in [
        [1e300, 1e300],
        [3e300, -4e300],
        [-1e308, 1e300],
        [1e300, 0.0],
    ] {
        let (v, g) = gradient(|[x, y]| x.hypot(y), [x, y]);
        let h = Float::hypot(x, y);
        assert!(h.is_finite());
        assert_same([v, g[0], g[1]], [h, x / h, y / h], (x, y));
    }
    // The gradient of a norm is a unit vector.
    let (_, g) = gradient(|[x, y]| x.hypot(y), [1e300, 1e300]);
    assert!((g[0] - core::f64::consts::FRAC_1_SQRT_2).abs() <= f64::EPSILON);
    assert_eq!(g[0], g[1]);
}

#[test]
fn asin_acos_at_plus_minus_one_and_acosh_at_one_are_infinite() {
    for x in [1.0, -1.0] {
        let (v, d) = derivative(|x| x.asin(), x);
        assert_same([v, d], [Float::asin(x), INF], x);
        let (v, d) = derivative(|x| x.acos(), x);
        assert_same([v, d], [Float::acos(x), -INF], x);
    }
    let (v, d) = derivative(|x| x.acosh(), 1.0);
    assert_same([v, d], [0.0, INF], 1.0);
}

#[test]
fn max_and_min_ties_follow_the_receiver() {
    for t in [1.0, 0.0, -2.5, INF] {
        assert_eq!(gradient(|[x, y]| x.max(y), [t, t]), (t, [1.0, 0.0]));
        assert_eq!(gradient(|[x, y]| y.max(x), [t, t]), (t, [0.0, 1.0]));
        assert_eq!(gradient(|[x, y]| x.min(y), [t, t]), (t, [1.0, 0.0]));
        assert_eq!(gradient(|[x, y]| y.min(x), [t, t]), (t, [0.0, 1.0]));
    }
}

#[test]
fn max_and_min_with_one_nan_follow_the_other_argument() {
    for t in [1.0, -0.0, -INF] {
        assert_eq!(gradient(|[x, y]| x.max(y), [NAN, t]), (t, [0.0, 1.0]));
        assert_eq!(gradient(|[x, y]| x.max(y), [t, NAN]), (t, [1.0, 0.0]));
        assert_eq!(gradient(|[x, y]| x.min(y), [NAN, t]), (t, [0.0, 1.0]));
        assert_eq!(gradient(|[x, y]| x.min(y), [t, NAN]), (t, [1.0, 0.0]));
        // As `f64::max` and `f64::min`.
        assert_eq!(Float::max(NAN, t), t);
        assert_eq!(Float::min(t, NAN), t);
    }
}

#[test]
fn clamp_at_a_bound_follows_x() {
    let clamp = |p: [f64; 3]| gradient(|[x, lo, hi]| x.clamp(lo, hi), p);
    assert_eq!(clamp([1.0, 1.0, 2.0]), (1.0, [1.0, 0.0, 0.0]));
    assert_eq!(clamp([2.0, 1.0, 2.0]), (2.0, [1.0, 0.0, 0.0]));
    assert_eq!(clamp([1.0, 1.0, 1.0]), (1.0, [1.0, 0.0, 0.0]));
    // Past a bound, the bound is taken.
    assert_eq!(clamp([0.5, 1.0, 2.0]), (1.0, [0.0, 1.0, 0.0]));
    assert_eq!(clamp([2.5, 1.0, 2.0]), (2.0, [0.0, 0.0, 1.0]));
}

#[test]
fn abs_sub_at_a_tie_is_flat() {
    for t in [0.0, 1.0, -3.0, 1e300] {
        let (v, g) = gradient(|[x, y]| x.abs_sub(y), [t, t]);
        assert_same([v, g[0], g[1]], [0.0, 0.0, 0.0], t);
    }
}

#[test]
fn zero_times_infinity_keeps_a_zero_tangent_zero() {
    // d/dy of sqrt(x) + y at x = 0 is 1, not 0·∞ = NaN; the x-direction is +∞.
    let (v, g) = gradient(|[x, y]| x.sqrt() + y, [0.0, 2.0]);
    assert_same([v, g[0], g[1]], [2.0, INF, 1.0], "(0, 2)");
    // The same for the infinite partials of the powf rows: x^0.5 at x = 0, and x^y·y.
    let (_, g) = gradient(|[x, y]| x.powf(0.5.into()) + y, [0.0, 2.0]);
    assert_same(g, [INF, 1.0], "x^0.5 + y");
    let (_, g) = gradient(|[x, y]| x.powf(y) * y, [0.0, 0.5]);
    assert_same(g, [INF, 0.0], "x^y · y");
}

#[test]
fn copysign_at_both_zeros_follows_the_sign_bits() {
    for (x, s, dx) in [
        (0.0, 1.0, 1.0),
        (0.0, -1.0, -1.0),
        (-0.0, 1.0, -1.0),
        (-0.0, -2.0, 1.0),
    ] {
        let (v, g) = gradient(|[x, s]| x.copysign(s), [x, s]);
        assert_same([v, g[0]], [Float::copysign(x, s), dx], (x, s));
        assert_eq!(g[1], 0.0, "∂s at {:?}", (x, s)); // a zero of either sign
    }
}

#[test]
fn outside_the_domain_the_derivative_is_nan() {
    for (f, x) in [
        (ln_derivative as fn(f64) -> (f64, f64), -1.0),
        (|x| derivative(|x| x.atanh(), x), 2.0),
        (|x| derivative(|x| x.log2(), x), -3.0),
        (|x| derivative(|x| x.sqrt(), x), -1.0),
    ] {
        let (v, d) = f(x);
        assert!(v.is_nan() && d.is_nan(), "at {x}: ({v}, {d})");
    }
    let (v, g) = gradient(|[x, y]| x % y, [1.0, 0.0]);
    assert!(v.is_nan() && g[1].is_nan(), "x % 0: ({v}, {g:?})");
}

fn ln_derivative(x: f64) -> (f64, f64) {
    derivative(|x| x.ln(), x)
}

#[test]
fn an_infinite_operand_meets_zero_times_infinity_in_forward_mode_only() {
    // x·y at x = ∞, y = 1: forward mode's x-direction is y·1 + x·0 = 1 + NaN.
    let (v, g) = gradient(|[x, y]| x * y, [INF, 1.0]);
    assert_same([v, g[0], g[1]], [INF, NAN, INF], "forward");
    let (v, g) = typegrad::reverse::gradient(|(x, y)| x * y, (INF, 1.0));
    assert_same([v, g[0], g[1]], [INF, 1.0, INF], "reverse");
}
