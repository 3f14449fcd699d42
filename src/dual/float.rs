//! `num_traits::Float` for duals: every method, each derivative from the rule table.

use core::num::FpCategory;

use num_traits::Float;

use super::{Dual, combine};
use crate::rules::{self, unary_methods};
use crate::{Dim, Scalar};

macro_rules! dual_unary {
    ($($name:ident $rule:ident),*) => {$(
        #[inline(always)]
        fn $name(self) -> Self {
            self.map1(rules::$rule)
        }
    )*};
}

macro_rules! dual_const {
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
            self.re.$name()
        }
    )*};
}

/// Every method of [`Float`]. Classification and rounding act on the value; see the
/// crate docs for the derivative conventions at special points.
///
/// ```
/// use typegrad::{Dual, Float};
/// let x = Dual::<f64>::variable::<0>(0.5);
/// let y = x.asin().sin(); // the identity, derivative 1
/// assert!((y.tangent()[0] - 1.0).abs() < 1e-15);
/// assert!(x.is_finite() && !x.is_nan());
/// ```
impl<T: Scalar, N: Dim<T>> Float for Dual<T, N> {
    dual_const!(
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
    unary_methods!(dual_unary);

    #[inline(always)]
    fn mul_add(self, a: Self, b: Self) -> Self {
        let (v, ds, da) = rules::mul_add(self.re, a.re, b.re);
        let eps = combine(ds, self.eps, da, a.eps);
        Dual {
            re: v,
            eps: combine(rules::One, eps, rules::One, b.eps),
        }
    }
    #[inline(always)]
    fn powi(self, n: i32) -> Self {
        self.map1(rules::Powi(n))
    }
    #[inline(always)]
    fn powf(self, n: Self) -> Self {
        self.map2(n, rules::Powf)
    }
    #[inline(always)]
    fn log(self, base: Self) -> Self {
        self.map2(base, rules::Log)
    }
    #[inline(always)]
    fn max(self, other: Self) -> Self {
        self.map2(other, rules::Max)
    }
    #[inline(always)]
    fn min(self, other: Self) -> Self {
        self.map2(other, rules::Min)
    }
    /// `min` if below it, `max` if above it, else `self`; never panics (unlike
    /// `f64::clamp` with NaN or crossed bounds), and follows the chosen side's tangents.
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
    fn abs_sub(self, other: Self) -> Self {
        self.map2(other, rules::AbsSub)
    }
    #[inline(always)]
    fn hypot(self, other: Self) -> Self {
        self.map2(other, rules::Hypot)
    }
    #[inline(always)]
    fn atan2(self, other: Self) -> Self {
        self.map2(other, rules::Atan2)
    }
    #[inline(always)]
    fn sin_cos(self) -> (Self, Self) {
        (self.map1(rules::Sin), self.map1(rules::Cos))
    }
    #[inline(always)]
    fn copysign(self, sign: Self) -> Self {
        self.map2(sign, rules::Copysign)
    }
}

impl<T: Scalar, N: Dim<T>> Scalar for Dual<T, N> {
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
