//! `FloatCore`, `Euclid` and `TotalOrder` for a [`Number`](super::Number) type: `FloatCore`
//! is `Float` again (the same rules, value for value), Euclidean division is `f64`'s formula
//! on numbers, and the total order is the value's.

macro_rules! forward {
    ($(const $name:ident),*) => {$(
        #[inline(always)]
        fn $name() -> Self {
            <Self as num_traits::Float>::$name()
        }
    )*};
    ($($name:ident($($a:ident: $at:ty),*) -> $r:ty),*) => {$(
        #[inline(always)]
        fn $name(self $(, $a: $at)*) -> $r {
            <Self as num_traits::Float>::$name(self $(, $a)*)
        }
    )*};
}

macro_rules! float_core_for {
    ([$($g:tt)*] $ty:ty, $t:ident) => {
        /// Every method as in `Float`, with the same derivatives.
        impl<$($g)*> num_traits::float::FloatCore for $ty {
            $crate::number::float_core::forward!(
                const infinity, const neg_infinity, const nan, const neg_zero, const min_value,
                const min_positive_value, const epsilon, const max_value
            );
            $crate::number::float_core::forward!(
                is_nan() -> bool, is_infinite() -> bool, is_finite() -> bool,
                is_normal() -> bool, is_subnormal() -> bool, classify() -> core::num::FpCategory,
                floor() -> Self, ceil() -> Self, round() -> Self, trunc() -> Self,
                fract() -> Self, abs() -> Self, signum() -> Self, is_sign_positive() -> bool,
                is_sign_negative() -> bool, min(other: Self) -> Self, max(other: Self) -> Self,
                clamp(min: Self, max: Self) -> Self, recip() -> Self, powi(n: i32) -> Self,
                to_degrees() -> Self, to_radians() -> Self,
                integer_decode() -> (u64, i16, i8)
            );
        }
        /// `f64`'s Euclidean division, on numbers: the quotient is piecewise constant
        /// (derivative zero), the remainder `self − v·q` (partials `1` and `−q`).
        impl<$($g)*> num_traits::Euclid for $ty {
            #[inline]
            fn div_euclid(&self, v: &Self) -> Self {
                let (x, v) = (*self, *v);
                let q = num_traits::Float::trunc(x / v);
                let zero = <Self as num_traits::Zero>::zero();
                if x % v < zero {
                    let one = <Self as num_traits::One>::one();
                    return if v > zero { q - one } else { q + one };
                }
                q
            }
            #[inline]
            fn rem_euclid(&self, v: &Self) -> Self {
                let r = *self % *v;
                if r < <Self as num_traits::Zero>::zero() {
                    r + num_traits::Float::abs(*v)
                } else {
                    r
                }
            }
        }
        /// The IEEE total order of the values; the derivatives do not take part (as `==`
        /// and `<` look at the value only).
        impl<$($g)*> num_traits::float::TotalOrder for $ty where $t: num_traits::float::TotalOrder {
            #[inline(always)]
            fn total_cmp(&self, other: &Self) -> core::cmp::Ordering {
                let (a, b) = ($crate::number::Number::re(*self), $crate::number::Number::re(*other));
                num_traits::float::TotalOrder::total_cmp(&a, &b)
            }
        }
    };
}

pub(crate) use {float_core_for, forward};
