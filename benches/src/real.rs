//! [`Real`]: the one number trait every shared formula is written against.
//!
//! typegrad's duals and tape variables and `autodiff`'s `F1` implement `num_traits::Float`, but num-dual's
//! `DualVec` does not (it has its own `DualNum` trait), so the formulas use this small trait
//! instead: the operators with numbers and with plain `f64` constants on the right, and the
//! handful of functions the workloads call. Each implementation forwards to the type's own
//! methods; none adds work.

use core::ops::{Add, Div, Mul, Neg, Sub};

use autodiff::F1;
use num_dual::{Dual2SVec64, DualNum, DualSVec64};
use typegrad::tape::{Active, Store};
use typegrad::{Dual, Float, Length, Scalar};

/// A number the workloads are generic over: `f64`, a typegrad `Dual` (nested too), a typegrad
/// tape `Active` (over duals too), a num-dual `DualSVec64` or `Dual2SVec64`, an autodiff `F1`.
pub trait Real:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + Add<f64, Output = Self>
    + Sub<f64, Output = Self>
    + Mul<f64, Output = Self>
    + Div<f64, Output = Self>
{
    fn sin(self) -> Self;
    fn cos(self) -> Self;
    fn exp(self) -> Self;
    fn ln(self) -> Self;
    fn tanh(self) -> Self;
    fn sqrt(self) -> Self;
    fn recip(self) -> Self;
    fn powi(self, n: i32) -> Self;
    /// `self` to the power `n`, `n` a number of the same type.
    fn powf(self, n: Self) -> Self;
    /// The complementary error function.
    fn erfc(self) -> Self;
}

/// The methods of `Real` that a `Float` type has under the same name, each forwarding to it
/// (used inside an `impl Real`, which adds `erfc`).
macro_rules! float_methods {
    () => {
        #[inline(always)]
        fn sin(self) -> Self {
            Float::sin(self)
        }
        #[inline(always)]
        fn cos(self) -> Self {
            Float::cos(self)
        }
        #[inline(always)]
        fn exp(self) -> Self {
            Float::exp(self)
        }
        #[inline(always)]
        fn ln(self) -> Self {
            Float::ln(self)
        }
        #[inline(always)]
        fn tanh(self) -> Self {
            Float::tanh(self)
        }
        #[inline(always)]
        fn sqrt(self) -> Self {
            Float::sqrt(self)
        }
        #[inline(always)]
        fn recip(self) -> Self {
            Float::recip(self)
        }
        #[inline(always)]
        fn powi(self, n: i32) -> Self {
            Float::powi(self, n)
        }
        #[inline(always)]
        fn powf(self, n: Self) -> Self {
            Float::powf(self, n)
        }
    };
}

/// `Real` for the types with typegrad's `Scalar`, which has `erfc`.
macro_rules! real_via_scalar {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> Real for $ty {
            float_methods!();
            #[inline(always)]
            fn erfc(self) -> Self {
                Scalar::erfc(self)
            }
        }
    )*};
}

real_via_scalar!(
    [] f64,
    [T: Scalar<Base = f64>, N: Length<T>] Dual<T, N>,
    [T: Scalar<Base = f64>, S: Store<T>] Active<'_, T, S>,
);

/// The methods of `Real` that num-dual's `DualNum` has, each forwarding to it (used inside an
/// `impl Real`, which adds `erfc`).
macro_rules! dual_num_methods {
    () => {
        #[inline(always)]
        fn sin(self) -> Self {
            DualNum::sin(&self)
        }
        #[inline(always)]
        fn cos(self) -> Self {
            DualNum::cos(&self)
        }
        #[inline(always)]
        fn exp(self) -> Self {
            DualNum::exp(&self)
        }
        #[inline(always)]
        fn ln(self) -> Self {
            DualNum::ln(&self)
        }
        #[inline(always)]
        fn tanh(self) -> Self {
            DualNum::tanh(&self)
        }
        #[inline(always)]
        fn sqrt(self) -> Self {
            DualNum::sqrt(&self)
        }
        #[inline(always)]
        fn recip(self) -> Self {
            DualNum::recip(&self)
        }
        #[inline(always)]
        fn powi(self, n: i32) -> Self {
            DualNum::powi(&self, n)
        }
        #[inline(always)]
        fn powf(self, n: Self) -> Self {
            DualNum::powd(&self, n)
        }
    };
}

impl<const N: usize> Real for DualSVec64<N> {
    dual_num_methods!();
    /// num-dual has no `erfc`: the chain rule written with its public fields, as its own
    /// functions are (value from libm, derivative `−2/√π · e^(−x²)`).
    #[inline(always)]
    fn erfc(self) -> Self {
        let d = -core::f64::consts::FRAC_2_SQRT_PI * (-self.re * self.re).exp();
        DualSVec64::new(libm::erfc(self.re), self.eps * d)
    }
}

impl<const N: usize> Real for Dual2SVec64<N> {
    dual_num_methods!();
    /// The second-order chain rule with the public fields: `f′·v₁` and `f′·v₂ + f″·v₁ᵀv₁`,
    /// `f″ = −2x·f′`.
    #[inline(always)]
    fn erfc(self) -> Self {
        let d1 = -core::f64::consts::FRAC_2_SQRT_PI * (-self.re * self.re).exp();
        let d2 = -2.0 * self.re * d1;
        let v2 = self.v2 * d1 + self.v1.tr_mul(&self.v1) * d2;
        Dual2SVec64::new(libm::erfc(self.re), self.v1 * d1, v2)
    }
}

impl Real for F1 {
    float_methods!();
    /// autodiff has no `erfc`: the chain rule with its public fields.
    #[inline(always)]
    fn erfc(self) -> Self {
        let d = -core::f64::consts::FRAC_2_SQRT_PI * (-self.x * self.x).exp();
        F1::new(libm::erfc(self.x), self.dx * d)
    }
}

/// `a + b + …` over an iterator of at least one term, with no zero to start from (a constant
/// zero would cost a dual `N` additions that do not fold away).
#[inline(always)]
pub fn total<T: Real>(terms: impl Iterator<Item = T>) -> T {
    terms.reduce(|a, b| a + b).expect("at least one term")
}
