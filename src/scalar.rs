//! The two small traits every generic bound in typegrad is written with.

use generic_array::ArrayLength;
use num_traits::{Float, FloatConst};

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
/// assert_eq!(1.0_f64.erf(), libm::erf(1.0));
/// ```
pub trait Scalar: Float + FloatConst {
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
    /// The error function, `2/√π ∫₀ˣ e^(−t²) dt`.
    ///
    /// ```
    /// use typegrad::Scalar;
    /// assert_eq!(Scalar::erf(0.0_f64), 0.0);
    /// ```
    fn erf(self) -> Self;
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
    /// The complementary error function, `1 − erf(x)`, accurate for large `x`.
    ///
    /// ```
    /// use typegrad::Scalar;
    /// assert!(Scalar::erfc(10.0_f64) > 0.0); // 1 − erf(10) would round to 0
    /// ```
    fn erfc(self) -> Self;
}

macro_rules! base_scalar {
    ($t:ty, $erf:path, $erfc:path) => {
        impl Scalar for $t {
            type Base = $t;
            #[inline(always)]
            fn from_base(b: $t) -> $t {
                b
            }
            #[inline]
            fn erf(self) -> $t {
                $erf(self)
            }
            #[inline]
            fn erfc(self) -> $t {
                $erfc(self)
            }
        }
    };
}
base_scalar!(f64, libm::erf, libm::erfc);
base_scalar!(f32, libm::erff, libm::erfcf);

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
