//! What the two number types, [`Dual`](crate::Dual) and [`tape::Active`](crate::tape::Active),
//! share: a value, constants, and the rule table applied through their own chain rule.
//! From that, [`numbers!`] implements every `num-traits` trait, `Float`, [`Scalar`], the
//! operators and the inherent methods `Float` lacks (`apply`, `apply2`, `erf`, …), once for
//! both.

#[cfg(feature = "approx")]
pub(crate) mod approx;
pub(crate) mod convert;
pub(crate) mod float;
pub(crate) mod float_core;
pub(crate) mod inherent;
pub(crate) mod num;
pub(crate) mod ops;
pub(crate) mod refs;
#[cfg(feature = "nalgebra")]
pub(crate) mod simba;

use crate::Scalar;
use crate::rules::{Binary, Coef, D1, D2, One, Unary};

/// A number carrying derivatives: how a rule's result combines with what it carries.
pub(crate) trait Number: Copy {
    /// The scalar underneath.
    type T: Scalar;
    /// The value.
    fn re(self) -> Self::T;
    /// A constant.
    fn lift(c: Self::T) -> Self;
    /// Zero in value and in every derivative it carries.
    fn exact_zero(self) -> bool;
    /// A function of `self` alone: its value and derivative at `self`'s value.
    fn chain<C: Coef<Self::T>>(self, r: D1<Self::T, C>) -> Self;
    /// A function of `self` and `other`: its value and partials at their values.
    fn join<Ca: Coef<Self::T>, Cb: Coef<Self::T>>(
        self,
        other: Self,
        r: D2<Self::T, Ca, Cb>,
    ) -> Self;

    /// A one-argument rule.
    #[inline(always)]
    fn map1<R: Unary<Self::T>>(self, rule: R) -> Self {
        self.chain(rule.apply(self.re()))
    }
    /// A two-argument rule on `(self, other)`.
    #[inline(always)]
    fn map2<R: Binary<Self::T>>(self, other: Self, rule: R) -> Self {
        self.join(other, rule.apply(self.re(), other.re()))
    }
    /// `self · a + b` with one rounding.
    #[inline(always)]
    fn fused(self, a: Self, b: Self) -> Self {
        let (v, ds, da) = crate::rules::mul_add(self.re(), a.re(), b.re());
        let product = D2 { v, da: ds, db: da };
        self.join(a, product).join(
            b,
            D2 {
                v,
                da: One,
                db: One,
            },
        )
    }
    /// `(sin, cos)` from one `sin_cos` call.
    #[inline(always)]
    fn sin_cos_pair(self) -> (Self, Self) {
        let (s, c) = crate::rules::sin_cos(self.re());
        (self.chain(s), self.chain(c))
    }
}

/// Implements, for a [`Number`] type with generics `[…]` and scalar parameter `T`, the
/// num-traits surface, `Float`, `Scalar`, the operators and the inherent methods. The
/// inherent methods' doc examples name the type `name` (over `f64`) and run between `pre` and
/// `post`, which bind a variable `x` of it at the value `0.5_f64`.
macro_rules! numbers {
    ([$($g:tt)*] $ty:ty, $t:ident, name: $name:literal, pre: $pre:literal, post: $post:literal) => {
        $crate::number::num_traits_for!([$($g)*] $ty, $t);
        $crate::number::float_for!([$($g)*] $ty, $t);
        $crate::number::ops_for!([$($g)*] $ty, $t);
        $crate::number::inherent_for!([$($g)*] $ty, $t, $name, $pre, $post);
        $crate::number::convert::convert_for!([$($g)*] $ty, $t);
        $crate::number::float_core::float_core_for!([$($g)*] $ty, $t);
        $crate::number::refs::refs_for!([$($g)*] $ty, $t);
        #[cfg(feature = "approx")]
        $crate::number::approx::approx_for!(approx [$($g)*] $ty, $t);
        #[cfg(feature = "approx")]
        $crate::number::approx::approx_for!(approx04 [$($g)*] $ty, $t);
    };
}
pub(crate) use float::float_for;
pub(crate) use inherent::inherent_for;
pub(crate) use num::num_traits_for;
pub(crate) use numbers;
pub(crate) use ops::ops_for;
