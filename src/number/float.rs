//! `num_traits::Float` and [`Scalar`](crate::Scalar) for a [`Number`](super::Number) type:
//! every method, each derivative from the rule table; classification acts on the value.

macro_rules! unary {
    ([] $($name:ident $rule:ident),*) => {$(
        #[inline(always)]
        fn $name(self) -> Self {
            $crate::number::Number::map1(self, $crate::rules::$rule)
        }
    )*};
}

macro_rules! binary {
    ([] $($name:ident $rule:ident $arg:ident $doc:literal;)*) => {$(
        #[inline(always)]
        fn $name(self, $arg: Self) -> Self {
            $crate::number::Number::map2(self, $arg, $crate::rules::$rule)
        }
    )*};
}

macro_rules! constant {
    ($t:ident; $($name:ident),*) => {$(
        #[inline(always)]
        fn $name() -> Self {
            $crate::number::Number::lift(<$t as num_traits::Float>::$name())
        }
    )*};
}

macro_rules! on_value {
    ($($name:ident -> $r:ty),*) => {$(
        #[inline(always)]
        fn $name(self) -> $r {
            num_traits::Float::$name($crate::number::Number::re(self))
        }
    )*};
}

macro_rules! float_for {
    ([$($g:tt)*] $ty:ty, $t:ident) => {
        /// Every method of `Float`; the derivative conventions at special points are those
        /// of the crate docs.
        impl<$($g)*> num_traits::Float for $ty {
            $crate::number::float::constant!($t;
                nan, infinity, neg_infinity, neg_zero, min_value, min_positive_value, epsilon,
                max_value
            );
            $crate::number::float::on_value!(
                is_nan -> bool, is_infinite -> bool, is_finite -> bool, is_normal -> bool,
                is_subnormal -> bool, classify -> core::num::FpCategory,
                is_sign_positive -> bool, is_sign_negative -> bool,
                integer_decode -> (u64, i16, i8)
            );
            $crate::__float_unary!($crate::number::float::unary);
            $crate::__float_binary!($crate::number::float::binary);
            #[inline(always)]
            fn mul_add(self, a: Self, b: Self) -> Self {
                $crate::number::Number::fused(self, a, b)
            }
            #[inline(always)]
            fn powi(self, n: i32) -> Self {
                $crate::number::Number::map1(self, $crate::rules::Powi(n))
            }
            /// `min` if below it, then `max` if above that, else `self` (so crossed bounds
            /// give `max`); never panics, unlike `f64::clamp` with NaN or crossed bounds.
            /// The derivative follows the chosen side.
            #[inline(always)]
            fn clamp(self, min: Self, max: Self) -> Self {
                let lo = $crate::number::Number::map2(self, min, $crate::rules::AtLeast);
                $crate::number::Number::map2(lo, max, $crate::rules::AtMost)
            }
            #[inline(always)]
            fn sin_cos(self) -> (Self, Self) {
                $crate::number::Number::sin_cos_pair(self)
            }
        }
        /// Plain constants lift into constants; the functions `Float` lacks from the rule
        /// table.
        impl<$($g)*> $crate::Scalar for $ty {
            type Base = <$t as $crate::Scalar>::Base;
            const COMPOUND: bool = true;
            #[inline(always)]
            fn from_base(b: Self::Base) -> Self {
                $crate::number::Number::lift(<$t as $crate::Scalar>::from_base(b))
            }
            #[inline(always)]
            fn is_exact_zero(self) -> bool {
                $crate::number::Number::exact_zero(self)
            }
            #[inline(always)]
            fn special<F: $crate::rules::Special>(self, f: F) -> Self {
                $crate::number::Number::map1(self, f)
            }
        }
    };
}

pub(crate) use {binary, constant, float_for, on_value, unary};
