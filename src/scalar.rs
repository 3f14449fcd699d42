//! The two small traits every generic bound in typegrad is written with.

use generic_array::ArrayLength;
use num_traits::{Float, FloatConst};

use crate::rules::Special;

/// A provided method of [`Scalar`] for each function of the special list.
macro_rules! special_method {
    ([] $($name:ident $rule:ident $doc:literal;)*) => {$(
        #[doc = $doc]
        ///
        /// ```
        /// use typegrad::Scalar;
        #[doc = concat!("assert_eq!(Scalar::", stringify!($name), "(0.5_f64), libm::", stringify!($name), "(0.5));")]
        /// ```
        #[inline(always)]
        fn $name(self) -> Self {
            self.special(crate::rules::$rule)
        }
    )*};
}

/// A number typegrad differentiates: `f32`, `f64`, or a [`Dual`](crate::Dual) over one of them.
///
/// It adds to [`Float`] what the derivative rules need and `Float` lacks: a base type whose
/// plain values convert exactly into constants (`2.0 * x` for any nesting of duals), and the
/// error functions. You only name it in bounds of generic code that calls typegrad itself;
/// code written against `Float` is differentiated as it is.
///
/// ```
/// use typegrad::{Dual, Scalar};
/// // A dual of duals still takes plain `f64` constants.
/// let c = <Dual<Dual<f64>>>::from_base(2.5);
/// assert_eq!(c.value().value(), 2.5);
/// assert_eq!(Scalar::erf(1.0_f64), libm::erf(1.0));
/// ```
pub trait Scalar: Float + FloatConst + core::fmt::Debug {
    /// The plain float underneath: `f64` for `f64`, `Dual<f64>`, `Dual<Dual<f64>>`, ….
    type Base: Float;
    /// `true` for numbers that carry derivatives (duals, tape variables), which print in
    /// parentheses inside a dual: `Dual<Dual<f64>>` reads `(2 + 1ε) + (1 + 0ε)ε`.
    ///
    /// ```
    /// use typegrad::{Dual, Scalar};
    /// assert!(!f64::COMPOUND && <Dual<f64>>::COMPOUND);
    /// ```
    const COMPOUND: bool = false;
    /// A plain value as a constant of this type (all derivative parts zero).
    ///
    /// ```
    /// use typegrad::{Dual, Scalar};
    /// assert_eq!(<Dual<f32>>::from_base(2.0).tangent()[0], 0.0);
    /// ```
    fn from_base(b: Self::Base) -> Self;
    /// A function `Float` lacks, such as [`Erf`](crate::rules::Erf): its value on a plain
    /// float, and on a number carrying derivatives its rule (with the derivatives).
    ///
    /// ```
    /// use typegrad::rules::Erf;
    /// use typegrad::{Dual, Scalar};
    /// assert_eq!(0.5_f64.special(Erf), libm::erf(0.5));
    /// let x = Dual::<f64>::variable::<0>(0.0);
    /// assert_eq!(x.special(Erf).tangent()[0], core::f64::consts::FRAC_2_SQRT_PI);
    /// ```
    fn special<F: Special>(self, f: F) -> Self;
    /// Zero in its value and in every derivative it carries: `x == 0` for a plain float;
    /// for a dual, its value and all its tangents (comparisons look at the value only).
    ///
    /// ```
    /// use typegrad::{Dual, Scalar};
    /// assert!(0.0_f64.is_exact_zero() && (-0.0_f64).is_exact_zero());
    /// assert!(!Dual::<f64>::variable::<0>(0.0).is_exact_zero());
    /// ```
    #[inline(always)]
    fn is_exact_zero(self) -> bool {
        self == Self::zero()
    }

    crate::__special_unary!(special_method);
}

macro_rules! base_scalar {
    ($t:ty, $on:ident) => {
        impl Scalar for $t {
            type Base = $t;
            #[inline(always)]
            fn from_base(b: $t) -> $t {
                b
            }
            #[inline]
            fn special<F: Special>(self, f: F) -> $t {
                f.$on(self)
            }
        }
    };
}
base_scalar!(f64, on_f64);
base_scalar!(f32, on_f32);

/// A type-level length (a [`typenum`] unsigned such as `U3`) whose arrays of `T` are `Copy`.
///
/// `Dual<T, N>` keeps its `N` tangents in a [`GenericArray`](generic_array::GenericArray);
/// this trait is the one bound generic code needs for that array to be `Copy`. Every
/// `typenum` length satisfies it for every `Copy` element type.
///
/// ```
/// use typegrad::{Length, Dual, Scalar};
/// use typegrad::typenum::U2;
/// fn double<T: Scalar, N: Length<T>>(d: Dual<T, N>) -> Dual<T, N> {
///     d + d
/// }
/// let x = Dual::<f64, U2>::variable::<1>(3.0);
/// assert_eq!(double(x).tangent().as_slice(), &[0.0, 2.0]);
/// ```
pub trait Length<T>: ArrayLength<ArrayType<T>: Copy> {}
impl<T, N: ArrayLength<ArrayType<T>: Copy>> Length<T> for N {}
