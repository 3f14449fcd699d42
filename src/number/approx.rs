//! approx's `AbsDiffEq`, `RelativeEq` and `UlpsEq` for a [`Number`](super::Number) type, of
//! approx 0.5 (nalgebra's) and 0.4 (cgmath's; the same traits): they compare the values
//! only, as `==` does; the tolerances are numbers of the same type (nalgebra's `RealField`
//! and cgmath's `BaseFloat` ask for `Epsilon = Self`), of which the value is used.

macro_rules! approx_for {
    ($a:ident [$($g:tt)*] $ty:ty, $t:ident) => {
        /// Compares the values only, as `==`: code that tests convergence with approx takes
        /// the branches of the plain computation. Compare [`tangent`](crate::Dual::tangent)s
        /// separately where they matter.
        impl<$($g)*> $a::AbsDiffEq for $ty where $t: $a::AbsDiffEq<Epsilon = $t> {
            type Epsilon = Self;
            #[inline]
            fn default_epsilon() -> Self {
                $crate::number::Number::lift(<$t as $a::AbsDiffEq>::default_epsilon())
            }
            #[inline]
            fn abs_diff_eq(&self, other: &Self, epsilon: Self) -> bool {
                let re = $crate::number::Number::re;
                <$t as $a::AbsDiffEq>::abs_diff_eq(&re(*self), &re(*other), re(epsilon))
            }
        }
        /// Compares the values only, as `==`.
        impl<$($g)*> $a::RelativeEq for $ty where $t: $a::RelativeEq<Epsilon = $t> {
            #[inline]
            fn default_max_relative() -> Self {
                $crate::number::Number::lift(<$t as $a::RelativeEq>::default_max_relative())
            }
            #[inline]
            fn relative_eq(&self, other: &Self, epsilon: Self, max_relative: Self) -> bool {
                let re = $crate::number::Number::re;
                let (a, b) = (re(*self), re(*other));
                <$t as $a::RelativeEq>::relative_eq(&a, &b, re(epsilon), re(max_relative))
            }
        }
        /// Compares the values only, as `==`.
        impl<$($g)*> $a::UlpsEq for $ty where $t: $a::UlpsEq<Epsilon = $t> {
            #[inline]
            fn default_max_ulps() -> u32 {
                <$t as $a::UlpsEq>::default_max_ulps()
            }
            #[inline]
            fn ulps_eq(&self, other: &Self, epsilon: Self, max_ulps: u32) -> bool {
                let re = $crate::number::Number::re;
                <$t as $a::UlpsEq>::ulps_eq(&re(*self), &re(*other), re(epsilon), max_ulps)
            }
        }
    };
}

pub(crate) use approx_for;
