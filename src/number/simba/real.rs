//! `RealField`: the value's sign tests, `copysign`, `max`, `min`, `atan2` from the rule
//! table, `clamp` as `f64`'s, and the constants of the scalar underneath.

macro_rules! constants {
    ($t:ident; $($name:ident),*) => {$(
        #[inline(always)]
        fn $name() -> Self {
            $crate::number::Number::lift(<$t as simba::scalar::RealField>::$name())
        }
    )*};
}

macro_rules! real_for {
    ([$($g:tt)*] $ty:ty, $t:ident) => {
        /// A real field as `f64` is one; `max`, `min`, `copysign` and `atan2` are the rule
        /// table's (ties of `max`/`min` follow `self`), `clamp` is `f64`'s (`min` below it,
        /// else `max` above that, else `self`), each taking its derivative from the side
        /// it returns.
        impl<$($g)*> simba::scalar::RealField for $ty where $t: simba::scalar::RealField {
            $crate::number::simba::real::constants!($t;
                pi, two_pi, frac_pi_2, frac_pi_3, frac_pi_4, frac_pi_6, frac_pi_8, frac_1_pi,
                frac_2_pi, frac_2_sqrt_pi, e, log2_e, log10_e, ln_2, ln_10
            );
            #[inline(always)]
            fn is_sign_positive(&self) -> bool {
                <Self as num_traits::Float>::is_sign_positive(*self)
            }
            #[inline(always)]
            fn is_sign_negative(&self) -> bool {
                <Self as num_traits::Float>::is_sign_negative(*self)
            }
            #[inline(always)]
            fn copysign(self, sign: Self) -> Self {
                <Self as num_traits::Float>::copysign(self, sign)
            }
            #[inline(always)]
            fn max(self, other: Self) -> Self {
                <Self as num_traits::Float>::max(self, other)
            }
            #[inline(always)]
            fn min(self, other: Self) -> Self {
                <Self as num_traits::Float>::min(self, other)
            }
            #[inline(always)]
            fn clamp(self, min: Self, max: Self) -> Self {
                if self < min {
                    min
                } else if self > max {
                    max
                } else {
                    self
                }
            }
            #[inline(always)]
            fn atan2(self, other: Self) -> Self {
                <Self as num_traits::Float>::atan2(self, other)
            }
            #[inline(always)]
            fn min_value() -> Option<Self> {
                <$t as simba::scalar::RealField>::min_value().map($crate::number::Number::lift)
            }
            #[inline(always)]
            fn max_value() -> Option<Self> {
                <$t as simba::scalar::RealField>::max_value().map($crate::number::Number::lift)
            }
        }
    };
}

pub(crate) use {constants, real_for};
