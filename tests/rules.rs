//! Every rule of the table, driven by the crate's own method lists: its value is the plain
//! method's, bit for bit, and its partial derivatives agree with Richardson-extrapolated
//! central differences of that method, at points on both sides of zero and away from the
//! jumps of the piecewise functions. Where the plain method is NaN, so is the rule's value.

use typegrad::check::check_derivative;
use typegrad::rules::*;

/// Points off the integers and the half-integers, of both signs and several scales.
const POINTS: [f64; 9] = [-7.3, -2.7, -1.3, -0.6, 0.35, 0.8, 1.7, 3.1, 12.4];

/// Second arguments: apart from every point above (the kinks of `max`, `min`, `abs_sub`).
const SECOND: [f64; 7] = [-5.9, -2.2, -0.9, 0.45, 1.15, 2.6, 6.7];

/// Constant operands: `x / c` and `c / x` at least 0.05 from an integer for every point above.
const CONSTANTS: [f64; 5] = [-5.9, -2.2, 1.15, 4.3, 6.7];

/// The tolerance of the checker's relative error (its worst case on smooth functions is
/// about 1e-10).
const TOL: f64 = 1e-8;

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// Finite on a whole neighbourhood the checker samples (its largest step is below 0.01
/// times the point's scale).
fn smooth_near(f: impl Fn(f64) -> f64, x: f64) -> bool {
    let h = 0.02 * x.abs().max(1.0);
    [x - h, x, x + h].iter().all(|&y| f(y).is_finite())
}

/// One rule against one plain function of one argument.
fn check_unary(name: &str, rule: impl Unary<f64>, plain: impl Fn(f64) -> f64) {
    for x in POINTS {
        let r = rule.apply(x);
        assert!(
            same(r.v, plain(x)),
            "{name}({x}) = {}, plain {}",
            r.v,
            plain(x)
        );
        if smooth_near(&plain, x) {
            let report = check_derivative(&plain, x, r.d.of(1.0));
            assert!(report.passes(TOL), "{name}'({x}): {report:?}");
        }
    }
}

/// One rule against one plain function of two arguments, in each argument, at pairs where
/// `x / y` is at least 0.05 from an integer (the jumps of `%`).
fn check_binary(name: &str, rule: impl Binary<f64>, plain: impl Fn(f64, f64) -> f64) {
    for x in POINTS {
        for y in SECOND
            .into_iter()
            .filter(|y| ((x / y) - (x / y).round()).abs() > 0.05)
        {
            let r = rule.apply(x, y);
            assert!(same(r.v, plain(x, y)), "{name}({x}, {y}) = {}", r.v);
            let in_x = |t: f64| plain(t, y);
            let in_y = |t: f64| plain(x, t);
            if smooth_near(in_x, x) && smooth_near(in_y, y) {
                let (da, db) = (r.da.of(1.0), r.db.of(1.0));
                let (ra, rb) = (check_derivative(in_x, x, da), check_derivative(in_y, y, db));
                assert!(ra.passes(TOL), "∂{name}/∂a at ({x}, {y}): {ra:?}");
                assert!(rb.passes(TOL), "∂{name}/∂b at ({x}, {y}): {rb:?}");
            }
        }
    }
}

macro_rules! unary_tests {
    ([] $($name:ident $rule:ident),*) => {$(
        #[test]
        fn $name() {
            check_unary(stringify!($name), $rule, |x: f64| x.$name());
        }
    )*};
}
typegrad::__float_unary!(unary_tests);

macro_rules! special_tests {
    ([] $($name:ident $rule:ident $doc:literal;)*) => {$(
        #[test]
        fn $name() {
            check_unary(stringify!($name), $rule, |x: f64| $rule.on_f64(x));
        }
    )*};
}
typegrad::__special_unary!(special_tests);

macro_rules! binary_tests {
    ([] $($name:ident $rule:ident $arg:ident $doc:literal;)*) => {$(
        #[test]
        fn $name() {
            check_binary(stringify!($name), $rule, |x: f64, y: f64| num_traits::Float::$name(x, y));
        }
    )*};
}
typegrad::__float_binary!(binary_tests);

macro_rules! operator_tests {
    ([] $($Op:ident $op:ident $OpAssign:ident $op_assign:ident $rule:ident $right:ident $left:ident;)*) => {$(
        #[test]
        fn $op() {
            use core::ops::$Op;
            check_binary(stringify!($op), $rule, |x: f64, y: f64| x.$op(y));
            for c in CONSTANTS {
                check_unary(stringify!($right), $right(c), |x: f64| x.$op(c));
                check_unary(stringify!($left), $left(c), |x: f64| c.$op(x));
            }
        }
    )*};
}
typegrad::__operators!(operator_tests);

#[test]
fn the_rest_of_the_table() {
    check_unary("neg", Neg, |x: f64| -x);
    for n in [-3, -1, 0, 1, 2, 5] {
        check_unary("powi", Powi(n), |x: f64| x.powi(n));
    }
    for c in [-1.5, 0.5, 2.0, 3.25] {
        check_unary("powf(x, c)", Right(Powf, c), |x: f64| x.powf(c));
        check_unary("atan2(x, c)", Right(Atan2, c), |x: f64| x.atan2(c));
    }
    check_binary(
        "at_least",
        AtLeast,
        |x: f64, lo: f64| if x < lo { lo } else { x },
    );
    check_binary(
        "at_most",
        AtMost,
        |x: f64, hi: f64| if x > hi { hi } else { x },
    );
}

/// The reverse pass's product of a power's derivative with an adjoint (`of_adjoint`, which
/// scales the adjoint by the exponent first when `|n|` is a power of two) equals the forward
/// product (`of`) bit for bit wherever nothing overflows, for every exponent.
#[test]
fn power_adjoint_is_the_forward_product() {
    let adjoints = [-1e5, -3.7, -1.0, -0.0, 0.0, 1e-300, 0.3, 1.0, 100.0, 2.5e7];
    for n in [-8, -3, -2, -1, 0, 1, 2, 3, 4, 5, 8, 64, i32::MIN] {
        for x in POINTS.iter().chain(&SECOND) {
            let d = Powi(n).apply(*x).d;
            for t in adjoints {
                let (f, r) = (d.of(t), d.of_adjoint(t));
                assert!(
                    same(f, r) || !f.is_finite(),
                    "powi({x}, {n}): of {f}, of_adjoint {r} at {t}"
                );
            }
        }
    }
}
