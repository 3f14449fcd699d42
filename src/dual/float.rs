//! `num_traits::Float` for duals: every method, forwarding to the inherent methods in
//! `math.rs` (which take each derivative from the rule table).

use core::num::FpCategory;

use num_traits::Float;

use super::Dual;
use crate::rules::unary_methods;
use crate::{Dim, Scalar};

macro_rules! forward {
    ($($name:ident $($rule:ident)?),*) => {$(
        #[inline(always)]
        fn $name(self) -> Self {
            Dual::$name(self)
        }
    )*};
}

macro_rules! forward2 {
    ($($name:ident),*) => {$(
        #[inline(always)]
        fn $name(self, other: Self) -> Self {
            Dual::$name(self, other)
        }
    )*};
}

macro_rules! constant {
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
/// fn f<T: Float>(x: T) -> T {
///     x.asin().sin() // the identity, derivative 1
/// }
/// let y = f(Dual::<f64>::variable::<0>(0.5));
/// assert!((y.tangent()[0] - 1.0).abs() < 1e-15);
/// ```
impl<T: Scalar, N: Dim<T>> Float for Dual<T, N> {
    constant!(
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
    unary_methods!(forward);
    forward2!(powf, log, max, min, abs_sub, hypot, atan2, copysign);

    #[inline(always)]
    fn mul_add(self, a: Self, b: Self) -> Self {
        Dual::mul_add(self, a, b)
    }
    #[inline(always)]
    fn powi(self, n: i32) -> Self {
        Dual::powi(self, n)
    }
    #[inline(always)]
    fn clamp(self, min: Self, max: Self) -> Self {
        Dual::clamp(self, min, max)
    }
    #[inline(always)]
    fn sin_cos(self) -> (Self, Self) {
        Dual::sin_cos(self)
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
        Dual::erf(self)
    }
    #[inline(always)]
    fn erfc(self) -> Self {
        Dual::erfc(self)
    }
}
