//! The math methods of duals, inherent so that they win over the same names on
//! [`Float`](crate::Float) and [`Expr`](crate::reverse::Expr) when both are imported.

use super::Dual;
use crate::number::Number;
use crate::rules::{self, unary_methods};
use crate::{Dim, Scalar};

macro_rules! dual_unary {
    ($($name:ident $rule:ident),*) => {$(
        #[doc = concat!("`", stringify!($name), "` with its derivative from [`rules::", stringify!($rule), "`].")]
        ///
        /// ```
        /// use typegrad::Dual;
        /// let x = Dual::<f64>::variable::<0>(0.5);
        #[doc = concat!("assert_eq!(x.", stringify!($name), "().value().to_bits(), 0.5_f64.", stringify!($name), "().to_bits());")]
        /// ```
        #[inline(always)]
        pub fn $name(self) -> Self {
            self.map1(rules::$rule)
        }
    )*};
}

macro_rules! dual_binary {
    ($($(#[$doc:meta])* $name:ident($arg:ident) $rule:ident;)*) => {$(
        $(#[$doc])*
        #[inline(always)]
        pub fn $name(self, $arg: Self) -> Self {
            self.map2($arg, rules::$rule)
        }
    )*};
}

impl<T: Scalar, N: Dim<T>> Dual<T, N> {
    unary_methods!(dual_unary);

    dual_binary! {
        /// `selfʸ` with both varying; see the crate docs for `x = 0` and `x < 0`.
        ///
        /// ```
        /// use typegrad::Dual;
        /// let x = Dual::<f64>::variable::<0>(2.0);
        /// assert_eq!(x.powf(Dual::from(3.0)).tangent()[0], 12.0);
        /// ```
        powf(y) Powf;
        /// The logarithm in base `base`.
        ///
        /// ```
        /// use typegrad::Dual;
        /// let x = Dual::<f64>::variable::<0>(8.0);
        /// assert_eq!(x.log(Dual::from(2.0)).value(), 3.0);
        /// ```
        log(base) Log;
        /// The larger value; ties follow `self`, a NaN loses.
        ///
        /// ```
        /// use typegrad::Dual;
        /// let x = Dual::<f64>::variable::<0>(1.0);
        /// assert_eq!(x.max(Dual::from(1.0)).tangent()[0], 1.0);
        /// ```
        max(other) Max;
        /// The smaller value; ties follow `self`, a NaN loses.
        ///
        /// ```
        /// use typegrad::Dual;
        /// let x = Dual::<f64>::variable::<0>(1.0);
        /// assert_eq!(x.min(Dual::from(0.0)).tangent()[0], 0.0);
        /// ```
        min(other) Min;
        /// `max(self − other, 0)`.
        ///
        /// ```
        /// use typegrad::Dual;
        /// let x = Dual::<f64>::variable::<0>(3.0);
        /// assert_eq!(x.abs_sub(Dual::from(1.0)).value(), 2.0);
        /// ```
        abs_sub(other) AbsSub;
        /// `√(self² + other²)` without overflow.
        ///
        /// ```
        /// use typegrad::Dual;
        /// let x = Dual::<f64>::variable::<0>(3.0);
        /// assert_eq!(x.hypot(Dual::from(4.0)).tangent()[0], 0.6);
        /// ```
        hypot(other) Hypot;
        /// The angle of the point `(other, self)`: `self` is `y`.
        ///
        /// ```
        /// use typegrad::Dual;
        /// let y = Dual::<f64>::variable::<0>(1.0);
        /// assert_eq!(y.atan2(Dual::from(1.0)).tangent()[0], 0.5);
        /// ```
        atan2(other) Atan2;
        /// `|self|` with the sign of `sign`.
        ///
        /// ```
        /// use typegrad::Dual;
        /// let x = Dual::<f64>::variable::<0>(2.0);
        /// assert_eq!(x.copysign(Dual::from(-1.0)).tangent()[0], -1.0);
        /// ```
        copysign(sign) Copysign;
    }

    /// `selfⁿ` for an integer `n`.
    ///
    /// ```
    /// use typegrad::Dual;
    /// assert_eq!(Dual::<f64>::variable::<0>(2.0).powi(3).tangent()[0], 12.0);
    /// ```
    #[inline(always)]
    pub fn powi(self, n: i32) -> Self {
        self.map1(rules::Powi(n))
    }

    /// `self · a + b` with one rounding.
    ///
    /// ```
    /// use typegrad::Dual;
    /// let x = Dual::<f64>::variable::<0>(2.0);
    /// assert_eq!(x.mul_add(x, Dual::from(1.0)).tangent()[0], 4.0);
    /// ```
    #[inline(always)]
    pub fn mul_add(self, a: Self, b: Self) -> Self {
        self.fused(a, b)
    }

    /// `(sin, cos)` of the value, each with its derivative, from one `sin_cos` call.
    ///
    /// ```
    /// use typegrad::Dual;
    /// let (s, c) = Dual::<f64>::variable::<0>(0.0).sin_cos();
    /// assert_eq!((s.tangent()[0], c.tangent()[0]), (1.0, -0.0));
    /// ```
    #[inline(always)]
    pub fn sin_cos(self) -> (Self, Self) {
        self.sin_cos_pair()
    }

    /// `min` if below it, `max` if above it, else `self`; never panics (unlike
    /// `f64::clamp` with NaN or crossed bounds), and follows the chosen side's tangents.
    ///
    /// ```
    /// use typegrad::Dual;
    /// let x = Dual::<f64>::variable::<0>(5.0);
    /// assert_eq!(x.clamp(Dual::from(0.0), Dual::from(1.0)).value(), 1.0);
    /// ```
    #[inline(always)]
    pub fn clamp(self, min: Self, max: Self) -> Self {
        num_traits::Float::clamp(self, min, max)
    }

    /// The error function.
    ///
    /// ```
    /// use typegrad::Dual;
    /// let x = Dual::<f64>::variable::<0>(0.0);
    /// assert_eq!(x.erf().tangent()[0], core::f64::consts::FRAC_2_SQRT_PI);
    /// ```
    #[inline(always)]
    pub fn erf(self) -> Self {
        self.map1(rules::Erf)
    }

    /// The complementary error function.
    ///
    /// ```
    /// use typegrad::Dual;
    /// let x = Dual::<f64>::variable::<0>(0.0);
    /// assert_eq!(x.erfc().value(), 1.0);
    /// ```
    #[inline(always)]
    pub fn erfc(self) -> Self {
        self.map1(rules::Erfc)
    }
}
