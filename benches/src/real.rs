//! [`Real`]: the one number trait every shared formula is written against.
//!
//! typegrad's duals and tape variables and `autodiff`'s `F1` implement `num_traits::Float`, but num-dual's
//! `DualVec` does not (it has its own `DualNum` trait), so the formulas use this small trait
//! instead: the operators with numbers and with plain `f64` constants on the right, and the
//! handful of functions the workloads call. Each implementation forwards to the type's own
//! methods; none adds work.

use core::ops::{Add, Div, Mul, Neg, Sub};

use ad_trait::forward_ad::adfn::adfn;
use ad_trait::nalgebra::ComplexField;
use ad_trait::reverse_ad::adr::adr;
use ad_trait::{AD, F64};
use autodiff::F1;
use num_dual::{Dual2SVec64, DualNum, DualSVec64};
use typegrad::tape::{Active, Store};
use typegrad::{Dual, Float, Length, Scalar};

/// A number the workloads are generic over: `f64`, a typegrad `Dual` (nested too), a typegrad
/// tape `Active` (over duals too), a num-dual `DualSVec64` or `Dual2SVec64`, an autodiff `F1`,
/// an ad_trait number in an [`AdTrait`].
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

/// An ad_trait number (`f64`, `adfn<N>`, `adr`) as a [`Real`]. ad_trait's types take a plain
/// constant as its `F64` wrapper (`x * F64(2.0)`), not as the `f64` the formulas write, and an
/// `impl Add<f64>` for them cannot be written outside ad_trait; so they are wrapped here, and
/// each operation forwards to ad_trait's own: the operators, `F64` for constants, simba's
/// `ComplexField` for the functions (what its `Float` for `adr` calls too).
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct AdTrait<T>(pub T);

/// The complementary error function, which ad_trait's types do not have.
pub trait AdErfc: AD {
    /// `erfc(self)`.
    fn erfc(self) -> Self;
}

impl AdErfc for f64 {
    #[inline(always)]
    fn erfc(self) -> Self {
        libm::erfc(self)
    }
}

impl<const M: usize> AdErfc for adfn<M> {
    /// The chain rule with its public constructor: value from libm, tangents times
    /// `−2/√π · e^(−x²)`.
    #[inline(always)]
    fn erfc(self) -> Self {
        let x = self.value();
        let d = -core::f64::consts::FRAC_2_SQRT_PI * (-x * x).exp();
        adfn::new(libm::erfc(x), self.tangent().map(|t| t * d))
    }
}

impl AdErfc for adr {
    /// `adr` offers no node with a derivative of one's own, so erfc is the line through
    /// `(x, erfc x)` with slope `erfc′(x)`, built from its public operations: two nodes (a product
    /// with a constant and a sum with one) where a native erfc would take one.
    #[inline(always)]
    fn erfc(self) -> Self {
        let x = self.value();
        let d = -core::f64::consts::FRAC_2_SQRT_PI * (-x * x).exp();
        self * F64(d) + F64(libm::erfc(x) - d * x)
    }
}

/// `AdTrait<T> ∘ AdTrait<T>` for the operator traits, forwarding to `T`'s.
macro_rules! ad_trait_ops {
    ($($op:ident $method:ident),*) => {$(
        impl<T: AD> $op for AdTrait<T> {
            type Output = Self;
            #[inline(always)]
            fn $method(self, rhs: Self) -> Self {
                AdTrait($op::$method(self.0, rhs.0))
            }
        }
        impl<T: AD> $op<f64> for AdTrait<T> {
            type Output = Self;
            #[inline(always)]
            fn $method(self, rhs: f64) -> Self {
                AdTrait($op::$method(self.0, F64(rhs)))
            }
        }
    )*};
}
ad_trait_ops!(Add add, Sub sub, Mul mul, Div div);

impl<T: AD> Neg for AdTrait<T> {
    type Output = Self;
    #[inline(always)]
    fn neg(self) -> Self {
        AdTrait(-self.0)
    }
}

/// The methods of `Real` that simba's `ComplexField` has, each forwarding to it.
macro_rules! complex_field_methods {
    ($($method:ident),*) => {$(
        #[inline(always)]
        fn $method(self) -> Self {
            AdTrait(ComplexField::$method(self.0))
        }
    )*};
}

impl<T: AdErfc> Real for AdTrait<T> {
    complex_field_methods!(sin, cos, exp, ln, tanh, sqrt, recip);
    #[inline(always)]
    fn powi(self, n: i32) -> Self {
        AdTrait(ComplexField::powi(self.0, n))
    }
    #[inline(always)]
    fn powf(self, n: Self) -> Self {
        AdTrait(ComplexField::powf(self.0, n.0))
    }
    #[inline(always)]
    fn erfc(self) -> Self {
        AdTrait(AdErfc::erfc(self.0))
    }
}

/// `a + b + …` over an iterator of at least one term, with no zero to start from (a constant
/// zero would cost a dual `N` additions that do not fold away).
#[inline(always)]
pub fn total<T: Real>(terms: impl Iterator<Item = T>) -> T {
    terms.reduce(|a, b| a + b).expect("at least one term")
}
