//! Functions `Float` lacks: their values on the plain floats, and derivatives in any scalar.

use super::{D1, Unary};
use crate::Scalar;

/// A one-argument function `Float` lacks (`erf`, `erfc`): its value on `f64` and `f32`, and
/// its derivative in any [`Scalar`]. Every scalar computes it through
/// [`Scalar::special`] (a dual applies the rule to its value, which may itself be a dual),
/// so adding such a function touches neither [`Scalar`] nor any mode: a row in this table
/// and an entry in the method lists.
///
/// ```
/// use typegrad::rules::{Erf, Special, Unary};
/// assert_eq!(Erf.on_f64(0.0), 0.0);
/// assert_eq!(Erf.apply(0.0_f64).d, core::f64::consts::FRAC_2_SQRT_PI);
/// ```
pub trait Special: Copy {
    /// The value on `f64`.
    ///
    /// ```
    /// use typegrad::rules::{Erfc, Special};
    /// assert_eq!(Erfc.on_f64(0.0), 1.0);
    /// ```
    fn on_f64(self, x: f64) -> f64;
    /// The value on `f32`.
    ///
    /// ```
    /// use typegrad::rules::{Erfc, Special};
    /// assert_eq!(Erfc.on_f32(0.0), 1.0);
    /// ```
    fn on_f32(self, x: f32) -> f32;
    /// The derivative at `x`, given the value `v` there.
    ///
    /// ```
    /// use typegrad::rules::{Erf, Special};
    /// assert_eq!(Erf.derivative(0.0_f64, 0.0), core::f64::consts::FRAC_2_SQRT_PI);
    /// ```
    fn derivative<T: Scalar>(self, x: T, v: T) -> T;
}

impl<T: Scalar, F: Special> Unary<T> for F {
    type C = T;
    #[inline(always)]
    fn apply(self, x: T) -> D1<T, T> {
        let v = x.special(self);
        D1 {
            v,
            d: self.derivative(x, v),
        }
    }
}

/// Declares each row's rule: the value from `libm` on `f64` and `f32`, the derivative from
/// the row's formula (`$x` the argument, `$v` the value).
macro_rules! special_rules {
    ($($(#[$doc:meta])* $name:ident $f64:path, $f32:path; |$x:ident, $v:ident| $d:expr;)*) => {$(
        $(#[$doc])*
        ///
        /// ```
        #[doc = concat!("use typegrad::rules::{", stringify!($name), ", Unary};")]
        #[doc = concat!("assert_eq!(", stringify!($name), ".apply(0.5_f64).v, ", stringify!($f64), "(0.5));")]
        /// ```
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name;
        impl Special for $name {
            #[inline]
            fn on_f64(self, x: f64) -> f64 {
                $f64(x)
            }
            #[inline]
            fn on_f32(self, x: f32) -> f32 {
                $f32(x)
            }
            #[inline(always)]
            #[allow(unused_variables)]
            fn derivative<T: Scalar>(self, $x: T, $v: T) -> T {
                $d
            }
        }
    )*};
}

special_rules! {
    /// `erf x`; derivative `2/√π · e^(−x²)`.
    Erf libm::erf, libm::erff; |x, v| T::FRAC_2_SQRT_PI() * (-(x * x)).exp();
    /// `erfc x`; derivative `−2/√π · e^(−x²)`.
    Erfc libm::erfc, libm::erfcf; |x, v| -(T::FRAC_2_SQRT_PI() * (-(x * x)).exp());
}
