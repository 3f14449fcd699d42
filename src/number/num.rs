//! `Zero`, `One`, `Num`, casts, `Signed`, `Inv`, `Pow`, `MulAdd`, `Bounded`, `FloatConst`,
//! `Default`, `From<T>` and comparison by value, for a [`Number`](super::Number) type.

macro_rules! to_prim {
    ($($f:ident -> $r:ty),*) => {$(
        #[inline(always)]
        fn $f(&self) -> Option<$r> {
            $crate::number::Number::re(*self).$f()
        }
    )*};
}

macro_rules! from_prim {
    ($t:ident; $($f:ident($a:ty)),*) => {$(
        #[inline(always)]
        fn $f(n: $a) -> Option<Self> {
            <$t as num_traits::FromPrimitive>::$f(n).map($crate::number::Number::lift)
        }
    )*};
}

macro_rules! constants {
    ($t:ident; $($c:ident),*) => {$(
        #[inline(always)]
        fn $c() -> Self {
            $crate::number::Number::lift(<$t as num_traits::FloatConst>::$c())
        }
    )*};
}

macro_rules! num_traits_for {
    ([$($g:tt)*] $ty:ty, $t:ident) => {
        impl<$($g)*> num_traits::Zero for $ty {
            #[inline(always)]
            fn zero() -> Self {
                $crate::number::Number::lift(<$t as num_traits::Zero>::zero())
            }
            #[inline(always)]
            fn is_zero(&self) -> bool {
                num_traits::Zero::is_zero(&$crate::number::Number::re(*self))
            }
        }
        impl<$($g)*> num_traits::One for $ty {
            #[inline(always)]
            fn one() -> Self {
                $crate::number::Number::lift(<$t as num_traits::One>::one())
            }
        }
        /// Parses a constant.
        impl<$($g)*> num_traits::Num for $ty {
            type FromStrRadixErr = <$t as num_traits::Num>::FromStrRadixErr;
            #[inline]
            fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
                <$t as num_traits::Num>::from_str_radix(s, radix).map($crate::number::Number::lift)
            }
        }
        /// Casts into a constant.
        impl<$($g)*> num_traits::NumCast for $ty {
            #[inline(always)]
            fn from<U: num_traits::ToPrimitive>(n: U) -> Option<Self> {
                <$t as num_traits::NumCast>::from(n).map($crate::number::Number::lift)
            }
        }
        /// Casts the value; the derivatives are dropped.
        impl<$($g)*> num_traits::ToPrimitive for $ty {
            $crate::number::num::to_prim!(
                to_isize -> isize, to_i8 -> i8, to_i16 -> i16, to_i32 -> i32, to_i64 -> i64,
                to_i128 -> i128, to_usize -> usize, to_u8 -> u8, to_u16 -> u16, to_u32 -> u32,
                to_u64 -> u64, to_u128 -> u128, to_f32 -> f32, to_f64 -> f64
            );
        }
        /// Converts into a constant.
        impl<$($g)*> num_traits::FromPrimitive for $ty where $t: num_traits::FromPrimitive {
            $crate::number::num::from_prim!($t;
                from_isize(isize), from_i8(i8), from_i16(i16), from_i32(i32), from_i64(i64),
                from_i128(i128), from_usize(usize), from_u8(u8), from_u16(u16), from_u32(u32),
                from_u64(u64), from_u128(u128), from_f32(f32), from_f64(f64)
            );
        }
        /// `abs`, `signum` and `abs_sub` as in `Float`; the sign tests look at the value.
        impl<$($g)*> num_traits::Signed for $ty {
            #[inline(always)]
            fn abs(&self) -> Self {
                $crate::number::Number::map1(*self, $crate::rules::Abs)
            }
            #[inline(always)]
            fn abs_sub(&self, other: &Self) -> Self {
                $crate::number::Number::map2(*self, *other, $crate::rules::AbsSub)
            }
            #[inline(always)]
            fn signum(&self) -> Self {
                $crate::number::Number::map1(*self, $crate::rules::Signum)
            }
            #[inline(always)]
            fn is_positive(&self) -> bool {
                $crate::number::Number::re(*self) > <$t as num_traits::Zero>::zero()
            }
            #[inline(always)]
            fn is_negative(&self) -> bool {
                $crate::number::Number::re(*self) < <$t as num_traits::Zero>::zero()
            }
        }
        /// `1/x`.
        impl<$($g)*> num_traits::Inv for $ty {
            type Output = Self;
            #[inline(always)]
            fn inv(self) -> Self {
                $crate::number::Number::map1(self, $crate::rules::Recip)
            }
        }
        /// `xⁿ` for an integer `n`, as `Float::powi`.
        impl<$($g)*> num_traits::Pow<i32> for $ty {
            type Output = Self;
            #[inline(always)]
            fn pow(self, n: i32) -> Self {
                $crate::number::Number::map1(self, $crate::rules::Powi(n))
            }
        }
        /// `xʸ`, as `Float::powf`.
        impl<$($g)*> num_traits::Pow<$ty> for $ty {
            type Output = Self;
            #[inline(always)]
            fn pow(self, y: Self) -> Self {
                $crate::number::Number::map2(self, y, $crate::rules::Powf)
            }
        }
        $crate::number::num::num_traits_for!(@pow f32 [$($g)*] $ty, $t);
        $crate::number::num::num_traits_for!(@pow f64 [$($g)*] $ty, $t);
        /// `a · b + c` as `Float::mul_add`.
        impl<$($g)*> num_traits::MulAdd for $ty {
            type Output = Self;
            #[inline(always)]
            fn mul_add(self, a: Self, b: Self) -> Self {
                $crate::number::Number::fused(self, a, b)
            }
        }
        /// `self = self · a + b` as `Float::mul_add`.
        impl<$($g)*> num_traits::MulAddAssign for $ty {
            #[inline(always)]
            fn mul_add_assign(&mut self, a: Self, b: Self) {
                *self = $crate::number::Number::fused(*self, a, b);
            }
        }
        impl<$($g)*> num_traits::Bounded for $ty where $t: num_traits::Bounded {
            #[inline(always)]
            fn min_value() -> Self {
                $crate::number::Number::lift(<$t as num_traits::Bounded>::min_value())
            }
            #[inline(always)]
            fn max_value() -> Self {
                $crate::number::Number::lift(<$t as num_traits::Bounded>::max_value())
            }
        }
        /// Mathematical constants, as constants.
        #[allow(non_snake_case)]
        impl<$($g)*> num_traits::FloatConst for $ty {
            $crate::number::num::constants!($t;
                E, FRAC_1_PI, FRAC_1_SQRT_2, FRAC_2_PI, FRAC_2_SQRT_PI, FRAC_PI_2, FRAC_PI_3,
                FRAC_PI_4, FRAC_PI_6, FRAC_PI_8, LN_10, LN_2, LOG10_E, LOG2_E, PI, SQRT_2, TAU,
                LOG10_2, LOG2_10
            );
        }
        /// A constant.
        impl<$($g)*> From<$t> for $ty {
            #[inline(always)]
            fn from(c: $t) -> Self {
                $crate::number::Number::lift(c)
            }
        }
        /// The constant zero.
        impl<$($g)*> Default for $ty {
            #[inline(always)]
            fn default() -> Self {
                $crate::number::Number::lift(<$t as num_traits::Zero>::zero())
            }
        }
        /// Compares values only, so branches follow the plain computation.
        impl<$($g)*> PartialEq for $ty {
            #[inline(always)]
            fn eq(&self, other: &Self) -> bool {
                $crate::number::Number::re(*self) == $crate::number::Number::re(*other)
            }
        }
        /// Orders by value only.
        impl<$($g)*> PartialOrd for $ty {
            #[inline(always)]
            fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
                $crate::number::Number::re(*self).partial_cmp(&$crate::number::Number::re(*other))
            }
        }
    };
    (@pow $s:ty [$($g:tt)*] $ty:ty, $t:ident) => {
        /// `xᶜ` for a plain exponent; only the base's derivative is computed.
        impl<$($g)*> num_traits::Pow<$s> for $ty where <$t as $crate::Scalar>::Base: From<$s> {
            type Output = Self;
            #[inline(always)]
            fn pow(self, c: $s) -> Self {
                let c = <$t as $crate::Scalar>::from_base(c.into());
                $crate::number::Number::map1(self, $crate::rules::Right($crate::rules::Powf, c))
            }
        }
    };
}

pub(crate) use {constants, from_prim, num_traits_for, to_prim};
