//! Every one-argument function of forward mode against the finite-difference checker:
//! the first derivative against the plain function, the second derivative (nested duals)
//! against the first.

mod common;

use common::{LeftOps, Real, TOL, Worst, cases, nonzero, off_half_integers, off_integers, same};
use proptest::prelude::*;
use typegrad::check::check_derivative;
use typegrad::{Dual, derivative};

type D1 = Dual<f64>;
type D2 = Dual<Dual<f64>>;

/// Checks the value, the first and the second derivative of one function at `x`.
fn check(
    f0: fn(f64) -> f64,
    f1: fn(D1) -> D1,
    f2: fn(D2) -> D2,
    x: f64,
    worst: &Worst,
) -> Result<(), TestCaseError> {
    let (v, d) = derivative(f1, x);
    prop_assert!(same(v, f0(x)), "value {v:e}, plain {:e}", f0(x));
    let first = check_derivative(f0, x, d);
    let (d_nested, dd) = derivative(|y| derivative(f2, y).1, x);
    prop_assert!(same(d_nested, d), "derivative {d:e}, nested {d_nested:e}");
    let second = check_derivative(|y| derivative(f1, y).1, x, dd);
    worst.record(x, first.error, second.error);
    prop_assert!(first.passes(TOL), "first derivative at {x:e}: {first:?}");
    prop_assert!(second.passes(TOL), "second derivative at {x:e}: {second:?}");
    Ok(())
}

/// One test per line: `name in domain => |x| body`, the body generic over [`Real`].
macro_rules! unary {
    ($($name:ident in $dom:expr => |$x:ident| $body:expr;)*) => {$(
        #[test]
        fn $name() {
            fn f<T: Real>($x: T) -> T
            where
                f64: LeftOps<T>,
            {
                $body
            }
            let worst = Worst::default();
            proptest!(cases(), |(x in $dom)| {
                check(f, f, f, x, &worst)?;
            });
            worst.print(stringify!($name));
        }
    )*};
}

/// `x = 5/q` for `q` at least `0.1` from every integer, `0.1 < |q| < 5`: `5 % x` jumps
/// where `5/x` is an integer.
fn off_divisors_of_5() -> impl Strategy<Value = f64> {
    (0..5, 0.1..0.9, any::<bool>()).prop_map(|(k, f, neg)| {
        let q = f64::from(k) + f;
        if neg { -5.0 / q } else { 5.0 / q }
    })
}

unary! {
    // The `unary_methods!` list of src/rules.rs, in its order.
    sin in -10.0..10.0 => |x| x.sin();
    cos in -10.0..10.0 => |x| x.cos();
    tan in -1.4..1.4 => |x| x.tan();
    asin in -0.9..0.9 => |x| x.asin();
    acos in -0.9..0.9 => |x| x.acos();
    atan in -10.0..10.0 => |x| x.atan();
    sinh in -5.0..5.0 => |x| x.sinh();
    cosh in -5.0..5.0 => |x| x.cosh();
    tanh in -5.0..5.0 => |x| x.tanh();
    asinh in -10.0..10.0 => |x| x.asinh();
    acosh in 1.1..10.0 => |x| x.acosh();
    atanh in -0.9..0.9 => |x| x.atanh();
    exp in -10.0..10.0 => |x| x.exp();
    exp2 in -10.0..10.0 => |x| x.exp2();
    exp_m1 in -10.0..10.0 => |x| x.exp_m1();
    ln in 0.1..100.0 => |x| x.ln();
    ln_1p in -0.9..100.0 => |x| x.ln_1p();
    log2 in 0.1..100.0 => |x| x.log2();
    log10 in 0.1..100.0 => |x| x.log10();
    sqrt in 0.1..100.0 => |x| x.sqrt();
    cbrt in nonzero(0.1, 100.0) => |x| x.cbrt();
    recip in nonzero(0.1, 100.0) => |x| x.recip();
    to_degrees in -100.0..100.0 => |x| x.to_degrees();
    to_radians in -100.0..100.0 => |x| x.to_radians();
    floor in off_integers(10, 0.05) => |x| x.floor();
    ceil in off_integers(10, 0.05) => |x| x.ceil();
    round in off_half_integers(10, 0.05) => |x| x.round();
    trunc in off_integers(10, 0.05) => |x| x.trunc();
    fract in off_integers(10, 0.05) => |x| x.fract();
    signum in nonzero(0.05, 10.0) => |x| x.signum();
    abs in nonzero(0.05, 10.0) => |x| x.abs();
    // The rest of `Float` and `Scalar` with one dual argument.
    erf in -3.0..3.0 => |x| x.erf();
    erfc in -3.0..3.0 => |x| x.erfc();
    sin_cos_sin in -10.0..10.0 => |x| x.sin_cos().0;
    sin_cos_cos in -10.0..10.0 => |x| x.sin_cos().1;
    powi_0 in -10.0..10.0 => |x| x.powi(0);
    powi_1 in -10.0..10.0 => |x| x.powi(1);
    powi_2 in -10.0..10.0 => |x| x.powi(2);
    powi_5 in -3.0..3.0 => |x| x.powi(5);
    powi_neg_1 in nonzero(0.2, 10.0) => |x| x.powi(-1);
    powi_neg_3 in nonzero(0.5, 10.0) => |x| x.powi(-3);
    pow_i32 in -3.0..3.0 => |x| x.pow(3_i32);
    // `Pow<f64>`: a plain exponent (`PowfC`).
    pow_f64 in 0.1..10.0 => |x| x.pow(2.5_f64);
    pow_f64_neg in 0.2..10.0 => |x| x.pow(-1.5_f64);
    pow_f64_zero in 0.1..10.0 => |x| x.pow(0.0_f64);
    pow_f64_half in 0.1..10.0 => |x| x.pow(0.5_f64);
    // `powf` with a constant dual exponent, and a constant base.
    powf_const_exponent in 0.1..10.0 => |x| x.powf(T::from_base(2.5));
    powf_const_base in -5.0..5.0 => |x| T::from_base(2.5).powf(x);
    log_const_base in 0.1..100.0 => |x| x.log(T::from_base(3.0));
    atan2_const in -10.0..10.0 => |x| x.atan2(T::from_base(-2.0));
    hypot_const in -10.0..10.0 => |x| x.hypot(T::from_base(3.0));
    neg in -10.0..10.0 => |x| -x;
    inv in nonzero(0.1, 100.0) => |x| x.inv();
    // Operators with a plain `f64` on either side.
    add_f64 in -10.0..10.0 => |x| x + 2.0;
    f64_add in -10.0..10.0 => |x| 2.0 + x;
    sub_f64 in -10.0..10.0 => |x| x - 2.0;
    f64_sub in -10.0..10.0 => |x| 2.0 - x;
    mul_f64 in -10.0..10.0 => |x| x * 3.0;
    f64_mul in -10.0..10.0 => |x| 3.0 * x;
    div_f64 in -10.0..10.0 => |x| x / 3.0;
    f64_div in nonzero(0.1, 100.0) => |x| 3.0 / x;
    rem_f64 in off_integers(4, 0.05).prop_map(|q| 2.5 * q) => |x| x % 2.5;
    f64_rem in off_divisors_of_5() => |x| 5.0 % x;
    assign_ops in -1.0..1.0 => |x| {
        // (x + 2)·3 − 1 lies in (0.5, 2)/… away from the jumps of `% 5`.
        let mut y = x;
        y += 2.0;
        y *= 3.0;
        y -= 1.0;
        y /= 4.0;
        y %= 5.0;
        y
    };
}
