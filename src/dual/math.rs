//! The math methods of duals, inherent so that they win over the same names on
//! [`Float`](crate::Float) and [`Expr`](crate::reverse::Expr) when both are imported.

use super::Dual;
use crate::number::Number;
use crate::rules::{self, unary_methods};
use crate::{Length, Scalar};

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
    ($($name:ident $rule:ident $arg:ident $doc:literal;)*) => {$(
        #[doc = $doc]
        #[doc = concat!("Derivatives from [`rules::", stringify!($rule), "`].")]
        ///
        /// ```
        /// use typegrad::{Dual, Float};
        /// let x = Dual::<f64>::variable::<0>(1.5);
        #[doc = concat!("let y = x.", stringify!($name), "(Dual::from(0.5));")]
        #[doc = concat!("assert_eq!(y.value().to_bits(), Float::", stringify!($name), "(1.5_f64, 0.5).to_bits());")]
        /// ```
        #[inline(always)]
        pub fn $name(self, $arg: Self) -> Self {
            self.map2($arg, rules::$rule)
        }
    )*};
}

impl<T: Scalar, N: Length<T>> Dual<T, N> {
    unary_methods!(dual_unary);

    rules::binary_methods!(dual_binary);

    /// Any one-argument rule, the crate's or your own: the value and derivative it returns,
    /// with the chain rule applied to the tangents. The same rule works in every mode
    /// ([`Expr::apply`](crate::reverse::Expr::apply), [`tape::Active::apply`](crate::tape::Active::apply)).
    ///
    /// ```
    /// use typegrad::rules::{D1, Unary};
    /// use typegrad::{Dual, Float, Scalar};
    /// /// softplus(x) = ln(1 + eˣ), derivative the logistic function.
    /// #[derive(Clone, Copy)]
    /// struct Softplus;
    /// impl<T: Scalar> Unary<T> for Softplus {
    ///     type C = T;
    ///     fn apply(self, x: T) -> D1<T, T> {
    ///         D1 { v: x.exp().ln_1p(), d: (-x).exp().ln_1p().neg().exp() }
    ///     }
    /// }
    /// let y = Dual::<f64>::variable::<0>(0.0).apply(Softplus);
    /// assert_eq!((y.value(), y.tangent()[0]), (2.0_f64.ln(), 0.5));
    /// ```
    #[inline(always)]
    pub fn apply<R: rules::Unary<T>>(self, rule: R) -> Self {
        self.map1(rule)
    }

    /// Any two-argument rule applied to `(self, other)`.
    ///
    /// ```
    /// use typegrad::Dual;
    /// use typegrad::rules::Hypot;
    /// let x = Dual::<f64>::variable::<0>(3.0);
    /// assert_eq!(x.apply2(Dual::from(4.0), Hypot).tangent()[0], 0.6);
    /// ```
    #[inline(always)]
    pub fn apply2<R: rules::Binary<T>>(self, other: Self, rule: R) -> Self {
        self.map2(other, rule)
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

    /// `min` if below it, then `max` if above that, else `self` (crossed bounds give `max`);
    /// never panics (unlike `f64::clamp` with NaN or crossed bounds), and follows the chosen
    /// side's tangents.
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
