//! `ComplexField` for a real number type: every function from the rule table (through
//! `Float`), and the complex-only parts as `f64` has them (no imaginary part, argument
//! `0` or `π`, conjugate the identity).

macro_rules! float {
    ($($name:ident),*) => {$(
        #[inline(always)]
        fn $name(self) -> Self {
            <Self as num_traits::Float>::$name(self)
        }
    )*};
}

macro_rules! complex_for {
    ([$($g:tt)*] $ty:ty, $t:ident) => {
        /// A real number as simba's complex field, as `f64` is one: each function is the
        /// rule table's (the same derivatives as `Float`); `argument`, `to_exp` and
        /// `try_sqrt` branch on the value as `f64`'s do.
        impl<$($g)*> simba::scalar::ComplexField for $ty where $t: simba::scalar::RealField {
            type RealField = Self;
            $crate::number::simba::complex::float!(
                floor, ceil, round, trunc, fract, recip, sin, cos, tan, asin, acos, atan, sinh,
                cosh, tanh, asinh, acosh, atanh, log2, log10, ln, ln_1p, sqrt, exp, exp2,
                exp_m1, cbrt
            );
            #[inline(always)]
            fn from_real(re: Self) -> Self {
                re
            }
            #[inline(always)]
            fn real(self) -> Self {
                self
            }
            #[inline(always)]
            fn imaginary(self) -> Self {
                <Self as num_traits::Zero>::zero()
            }
            #[inline(always)]
            fn modulus(self) -> Self {
                <Self as num_traits::Float>::abs(self)
            }
            #[inline(always)]
            fn modulus_squared(self) -> Self {
                self * self
            }
            /// `0` for a value `≥ 0`, else `π` (as `f64`): a constant.
            #[inline(always)]
            fn argument(self) -> Self {
                if self >= <Self as num_traits::Zero>::zero() {
                    <Self as num_traits::Zero>::zero()
                } else {
                    <Self as simba::scalar::RealField>::pi()
                }
            }
            #[inline(always)]
            fn norm1(self) -> Self {
                <Self as num_traits::Float>::abs(self)
            }
            #[inline(always)]
            fn scale(self, factor: Self) -> Self {
                self * factor
            }
            #[inline(always)]
            fn unscale(self, factor: Self) -> Self {
                self / factor
            }
            /// `(self, 1)` for a value `≥ 0`, else `(−self, −1)` (as `f64`).
            #[inline(always)]
            fn to_exp(self) -> (Self, Self) {
                let one = <Self as num_traits::One>::one();
                if self >= <Self as num_traits::Zero>::zero() {
                    (self, one)
                } else {
                    (-self, -one)
                }
            }
            #[inline(always)]
            fn signum(self) -> Self {
                <Self as num_traits::Float>::signum(self)
            }
            #[inline(always)]
            fn mul_add(self, a: Self, b: Self) -> Self {
                <Self as num_traits::Float>::mul_add(self, a, b)
            }
            #[inline(always)]
            fn abs(self) -> Self {
                <Self as num_traits::Float>::abs(self)
            }
            #[inline(always)]
            fn hypot(self, other: Self) -> Self {
                <Self as num_traits::Float>::hypot(self, other)
            }
            #[inline(always)]
            fn conjugate(self) -> Self {
                self
            }
            #[inline(always)]
            fn sin_cos(self) -> (Self, Self) {
                <Self as num_traits::Float>::sin_cos(self)
            }
            #[inline(always)]
            fn log(self, base: Self) -> Self {
                <Self as num_traits::Float>::log(self, base)
            }
            #[inline(always)]
            fn powi(self, n: i32) -> Self {
                <Self as num_traits::Float>::powi(self, n)
            }
            #[inline(always)]
            fn powf(self, n: Self) -> Self {
                <Self as num_traits::Float>::powf(self, n)
            }
            #[inline(always)]
            fn powc(self, n: Self) -> Self {
                <Self as num_traits::Float>::powf(self, n)
            }
            #[inline(always)]
            fn is_finite(&self) -> bool {
                <Self as num_traits::Float>::is_finite(*self)
            }
            /// `Some(√self)` for a value `≥ 0`, else `None` (as `f64`).
            #[inline(always)]
            fn try_sqrt(self) -> Option<Self> {
                (self >= <Self as num_traits::Zero>::zero())
                    .then(|| <Self as num_traits::Float>::sqrt(self))
            }
        }
    };
}

pub(crate) use {complex_for, float};
