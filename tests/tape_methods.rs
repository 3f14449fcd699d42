//! Every `Float` method through the tape, against forward duals (to rounding) and against
//! finite differences (the public checker), in `f64` and `f32`.

use proptest::prelude::*;
use typegrad::check::check_gradient;
use typegrad::{Scalar, gradient, tape};

/// For `f` generic over [`Scalar`]: the tape's value is the plain value, its gradient
/// agrees with duals to rounding and with finite differences to `$fd`.
macro_rules! agree {
    ($t:ty, $fd:expr, $f:ident, $x:expr) => {{
        let x: [$t; 3] = $x;
        let plain = $f(x);
        let (v, g) = tape::gradient::<_, 16>(|p| $f(p), x).unwrap();
        let (vd, gd) = gradient($f, x);
        prop_assert!(
            v == plain || (v.is_nan() && plain.is_nan()),
            "value {v} vs {plain}"
        );
        prop_assert_eq!(v.to_bits(), vd.to_bits());
        for (a, d) in g.iter().zip(&gd) {
            let tol = 64.0 * <$t>::EPSILON * d.abs().max(1.0);
            prop_assert!((a - d).abs() <= tol, "tape {g:?} vs duals {gd:?}");
        }
        let r = check_gradient($f::<$t>, x, g);
        prop_assert!(r.passes($fd), "{r:?} for {x:?}");
    }};
}

/// A constant of the function's number type.
fn k<T: Scalar>(v: f64) -> T {
    T::from(v).unwrap()
}

/// One test per method `m`, on `a` in `lo..hi`: `a.m() · b + a · c`, so the method's
/// derivative meets records of two variables.
macro_rules! unary {
    ($t:ident, $fd:expr; $($m:ident ($lo:expr, $hi:expr)),* $(,)?) => {
        proptest! {$(
            #[test]
            fn $m(a in $lo..$hi, b in 0.5..2.0, c in -2.0..2.0) {
                fn f<T: Scalar>([a, b, c]: [T; 3]) -> T {
                    a.$m() * b + a * c
                }
                agree!($t, $fd, f, [a as $t, b as $t, c as $t]);
            }
        )*}
    };
}

/// One test per expression of `a` and `b` (from the given ranges), times `c`.
macro_rules! binary {
    ($t:ident, $fd:expr; $($name:ident ($alo:expr, $ahi:expr; $blo:expr, $bhi:expr) |$a:ident, $b:ident| $e:expr),* $(,)?) => {
        proptest! {$(
            #[test]
            fn $name(a in $alo..$ahi, b in $blo..$bhi, c in 0.5..2.0) {
                fn f<T: Scalar>([$a, $b, c]: [T; 3]) -> T {
                    ($e) * c
                }
                agree!($t, $fd, f, [a as $t, b as $t, c as $t]);
            }
        )*}
    };
}

macro_rules! all_methods {
    ($t:ident, $fd:expr) => {
        use super::*;
        unary!($t, $fd;
            sin(-3.0, 3.0), cos(-3.0, 3.0), tan(-1.2, 1.2), asin(-0.9, 0.9), acos(-0.9, 0.9),
            atan(-3.0, 3.0), sinh(-3.0, 3.0), cosh(-3.0, 3.0), tanh(-3.0, 3.0),
            asinh(-3.0, 3.0), acosh(1.1, 4.0), atanh(-0.9, 0.9), exp(-3.0, 3.0),
            exp2(-3.0, 3.0), exp_m1(-3.0, 3.0), ln(0.2, 4.0), ln_1p(-0.8, 4.0),
            log2(0.2, 4.0), log10(0.2, 4.0), sqrt(0.1, 4.0), cbrt(-4.0, -0.1),
            recip(0.2, 4.0), to_degrees(-3.0, 3.0), to_radians(-3.0, 3.0), floor(1.1, 1.4),
            ceil(1.1, 1.4), round(1.1, 1.4), trunc(-1.4, -1.1), fract(1.1, 1.4),
            signum(0.1, 3.0), abs(-3.0, -0.1), erf(-2.0, 2.0), erfc(-2.0, 2.0),
        );
        binary!($t, $fd;
            add(-3.0, 3.0; -3.0, 3.0) |a, b| a + b,
            sub(-3.0, 3.0; -3.0, 3.0) |a, b| a - b,
            mul(-3.0, 3.0; -3.0, 3.0) |a, b| a * b,
            div(-3.0, 3.0; 0.5, 3.0) |a, b| a / b,
            rem(5.1, 5.5; 2.0, 2.2) |a, b| a % b,
            neg(-3.0, 3.0; -3.0, 3.0) |a, b| -a * b,
            with_constants(-3.0, 3.0; 0.5, 3.0) |a, b| {
                k::<T>(2.0) * a + b / k(3.0) - (k::<T>(1.0) - a) * k(0.5) + k::<T>(4.0) / b
            },
            rem_constant(5.1, 5.5; 2.0, 2.2) |a, b| (a % k(2.4)) + (k::<T>(7.3) % b),
            powi(0.3, 3.0; 0.3, 3.0) |a, b| a.powi(3) + b.powi(-2) + a.powi(0),
            powf(0.3, 3.0; -2.0, 2.0) |a, b| a.powf(b),
            log(0.3, 4.0; 1.5, 4.0) |a, b| a.log(b),
            max(0.0, 1.0; 2.0, 3.0) |a, b| a.max(b) + b.max(a) * a,
            min(0.0, 1.0; 2.0, 3.0) |a, b| a.min(b) + b.min(a) * b,
            abs_sub(2.0, 3.0; 0.0, 1.0) |a, b| a.abs_sub(b) + b.abs_sub(a),
            hypot(-3.0, 3.0; 0.5, 3.0) |a, b| a.hypot(b),
            atan2(-3.0, 3.0; 0.5, 3.0) |a, b| a.atan2(b) + b.atan2(a),
            copysign(0.5, 3.0; -3.0, -0.5) |a, b| a.copysign(b) * b,
            mul_add(-3.0, 3.0; -3.0, 3.0) |a, b| a.mul_add(b, a) + b.mul_add(k(2.0), a) + k::<T>(3.0).mul_add(a, k(1.0)),
            sin_cos(-3.0, 3.0; -3.0, 3.0) |a, b| {
                let (s, c) = (a * b).sin_cos();
                s * c + s
            },
            clamp(0.5, 1.0; 2.5, 3.0) |a, b| a.clamp(b - b, b) + b.clamp(a - a, a + a),
            constants(-3.0, 3.0; -3.0, 3.0) |a, b| {
                a * T::epsilon() + b * T::max_value().recip() + T::min_positive_value() * a.exp()
                    + T::PI() * a + T::nan().max(b)
            },
        );
    };
}

// Finite-difference tolerances from a 50,000-case sweep (`PROPTEST_CASES=50000 cargo test
// --release --test tape_methods`): every f64 method passes at 1e-10 and the worst f32 error
// was 1.4e-4; each bound below leaves a margin of about 10 over that.
mod f64_methods {
    all_methods!(f64, 1e-9);
}

mod f32_methods {
    all_methods!(f32, 1e-3);
}
