//! The functions under test, each as `name in domain => |x| body`: one list for the
//! finite-difference tests and the non-finite tests, so both cover the same functions.
//! The domains (proptest strategies) stay away from singularities and from the jumps and
//! kinks of piecewise functions by more than the checker's step.
// Each test file calls only some of the lists.
#![allow(unused_macros, unused_imports)]

/// Calls `$m!` with every function of one dual argument.
macro_rules! unary_fns {
    ($m:ident) => {
        $m! {
            // Every method of the crate's one-argument list (`typegrad::__float_unary!`; the
            // test files check that none is missing).
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
            // `Pow<f64>`: a plain exponent (the rule `Right(Powf, c)`).
            pow_f64 in 0.1..10.0 => |x| x.pow(2.5_f64);
            pow_f64_neg in 0.2..10.0 => |x| x.pow(-1.5_f64);
            pow_f64_zero in 0.1..10.0 => |x| x.pow(0.0_f64);
            pow_f64_half in 0.1..10.0 => |x| x.pow(0.5_f64);
            // `powf` with a constant dual exponent, and a constant base.
            powf_const_exponent in 0.1..10.0 => |x| x.powf(T::from_base(2.5));
            powf_const_base in -5.0..5.0 => |x| T::from_base(2.5).powf(x);
            log_const_base in 0.1..100.0 => |x| x.log(T::from_base(3.0));
            // atan2(x, −2) jumps by 2π at x = 0 (the branch cut): stay away from it.
            atan2_const in nonzero(0.05, 10.0) => |x| x.atan2(T::from_base(-2.0));
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
    };
}
pub(crate) use unary_fns;

/// Calls `$m!` with every function of two or three dual arguments, `clamp` aside (its
/// plain `f64` version panics on NaN bounds, so each test treats it on its own).
macro_rules! nary_fns {
    ($m:ident) => {
        $m! {
            add in pair(-10.0..10.0, -10.0..10.0) => |[x, y]| x + y;
            sub in pair(-10.0..10.0, -10.0..10.0) => |[x, y]| x - y;
            mul in pair(-10.0..10.0, -10.0..10.0) => |[x, y]| x * y;
            div in pair(-10.0..10.0, nonzero(0.5, 10.0)) => |[x, y]| x / y;
            rem in off_multiples() => |[x, y]| x % y;
            dual_assign_ops in off_multiples() => |[x, y]| {
                // ((x + y)·y − x·y)/y − y = x, so `%= y` sees `x` away from multiples of `y`.
                let mut z = x;
                z += y;
                z *= y;
                z -= x * y;
                z /= y;
                z -= y;
                z %= y;
                z
            };
            powf in pair(0.25..10.0, -3.0..3.0) => |[x, y]| x.powf(y);
            pow_dual in pair(0.25..10.0, -3.0..3.0) => |[x, y]| x.pow(y);
            atan2 in polar(0.5..10.0, 0.1) => |[x, y]| y.atan2(x);
            hypot in polar(0.5..10.0, 0.0) => |[x, y]| x.hypot(y);
            log in pair(0.1..100.0, prop_oneof![0.1..0.7, 1.5..10.0]) => |[x, b]| x.log(b);
            max in apart() => |[x, y]| x.max(y);
            min in apart() => |[x, y]| x.min(y);
            abs_sub in apart() => |[x, y]| x.abs_sub(y);
            copysign in pair(nonzero(0.1, 10.0), nonzero(0.1, 10.0)) => |[x, s]| x.copysign(s);
            mul_add in triple() => |[a, b, c]| num_traits::Float::mul_add(a, b, c);
            mul_add_trait in triple() => |[a, b, c]| num_traits::MulAdd::mul_add(a, b, c);
        }
    };
}
pub(crate) use nary_fns;

/// `fn f<T: Real>(x: T) -> T` (or `([x, y, …]: [T; N])`) with a list entry's body, so one
/// body serves `f64` and every dual over it.
macro_rules! generic_fn {
    (|[$($x:ident),+]| $body:expr) => {
        fn f<T: $crate::common::Real>(
            [$($x),+]: [T; <[()]>::len(&[$($crate::common::fns::generic_fn!(@unit $x)),+])],
        ) -> T
        where
            f64: $crate::common::LeftOps<T>,
        {
            $body
        }
    };
    (|$x:ident| $body:expr) => {
        fn f<T: $crate::common::Real>($x: T) -> T
        where
            f64: $crate::common::LeftOps<T>,
        {
            $body
        }
    };
    (@unit $x:ident) => {
        ()
    };
}
pub(crate) use generic_fn;
