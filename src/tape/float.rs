//! `num_traits::Float` for tape variables: every method, each derivative from the rule table.

use core::num::FpCategory;

use num_traits::Float;

use super::Var;
use crate::Scalar;
use crate::rules::{self, unary_methods};

macro_rules! var_unary {
    ($($name:ident $rule:ident),*) => {$(
        #[inline(always)]
        fn $name(self) -> Self {
            self.map1(rules::$rule)
        }
    )*};
}

macro_rules! var_const {
    ($($name:ident),*) => {$(
        #[inline(always)]
        fn $name() -> Self {
            Self::constant(T::$name())
        }
    )*};
}

macro_rules! on_value {
    ($($name:ident -> $t:ty),*) => {$(
        #[inline(always)]
        fn $name(self) -> $t {
            self.v.$name()
        }
    )*};
}

macro_rules! var_binary {
    ($($name:ident $rule:ident),*) => {$(
        #[inline(always)]
        fn $name(self, other: Self) -> Self {
            self.map2(other, rules::$rule)
        }
    )*};
}

/// Every method of [`Float`], recorded; constants (`nan()`, `epsilon()`, …) record
/// nothing. Classification and rounding act on the value; the derivative conventions at
/// special points are those of the crate docs.
///
/// ```
/// use typegrad::{tape, Float};
/// let (v, g) = tape::gradient::<_, 8>(|[x, y]| x.atan2(y) + x.hypot(y), [3.0_f64, 4.0])
///     .unwrap();
/// assert_eq!(v, 3.0_f64.atan2(4.0) + 5.0);
/// assert!((g[0] - (4.0 / 25.0 + 0.6)).abs() < 1e-15);
/// assert!((g[1] - (-3.0 / 25.0 + 0.8)).abs() < 1e-15);
/// ```
impl<T: Scalar, const CAP: usize> Float for Var<'_, T, CAP> {
    var_const!(
        nan,
        infinity,
        neg_infinity,
        neg_zero,
        min_value,
        min_positive_value,
        epsilon,
        max_value
    );
    on_value!(
        is_nan -> bool, is_infinite -> bool, is_finite -> bool, is_normal -> bool,
        is_subnormal -> bool, classify -> FpCategory, is_sign_positive -> bool,
        is_sign_negative -> bool, integer_decode -> (u64, i16, i8)
    );
    unary_methods!(var_unary);
    var_binary!(
        powf Powf, log Log, max Max, min Min, abs_sub AbsSub, hypot Hypot, atan2 Atan2,
        copysign Copysign
    );

    #[inline(always)]
    fn mul_add(self, a: Self, b: Self) -> Self {
        self.fused(a, b)
    }
    #[inline(always)]
    fn powi(self, n: i32) -> Self {
        self.map1(rules::Powi(n))
    }
    /// `min` if below it, `max` if above it, else `self`; never panics (unlike
    /// `f64::clamp` with NaN or crossed bounds), and follows the chosen side.
    #[inline(always)]
    fn clamp(self, min: Self, max: Self) -> Self {
        if self < min {
            min
        } else if self > max {
            max
        } else {
            self
        }
    }
    #[inline(always)]
    fn sin_cos(self) -> (Self, Self) {
        (self.map1(rules::Sin), self.map1(rules::Cos))
    }
}

/// Plain constants convert into constants, and `erf`, `erfc` are recorded; so tape
/// variables work wherever typegrad takes a [`Scalar`] (duals over tape variables give
/// forward-over-reverse derivatives).
///
/// ```
/// use typegrad::{tape, Scalar};
/// let (_, g) = tape::gradient::<_, 4>(|[x]| x.erf(), [0.0_f64]).unwrap();
/// assert_eq!(g[0], core::f64::consts::FRAC_2_SQRT_PI);
/// ```
impl<T: Scalar, const CAP: usize> Scalar for Var<'_, T, CAP> {
    type Base = T::Base;
    #[inline(always)]
    fn from_base(b: T::Base) -> Self {
        Self::constant(T::from_base(b))
    }
    #[inline(always)]
    fn erf(self) -> Self {
        self.map1(rules::Erf)
    }
    #[inline(always)]
    fn erfc(self) -> Self {
        self.map1(rules::Erfc)
    }
}
