//! The rest of `num-traits` for duals: `Num`, casts, `Signed`, `Inv`, `Pow`, constants.

use num_traits::{
    Bounded, Float, FloatConst, FromPrimitive, Inv, MulAdd, MulAddAssign, Num, NumCast, One, Pow,
    Signed, ToPrimitive, Zero,
};

use super::Dual;
use crate::rules;
use crate::{Dim, Scalar};

/// ```
/// use typegrad::Dual;
/// use num_traits::Zero;
/// assert!(Dual::<f64>::zero().is_zero());
/// ```
impl<T: Scalar, N: Dim<T>> Zero for Dual<T, N> {
    #[inline(always)]
    fn zero() -> Self {
        Self::constant(T::zero())
    }
    #[inline(always)]
    fn is_zero(&self) -> bool {
        self.re.is_zero()
    }
}

/// ```
/// use typegrad::Dual;
/// use num_traits::One;
/// assert_eq!(Dual::<f64>::one().value(), 1.0);
/// ```
impl<T: Scalar, N: Dim<T>> One for Dual<T, N> {
    #[inline(always)]
    fn one() -> Self {
        Self::constant(T::one())
    }
}

/// Parses a constant.
///
/// ```
/// use typegrad::Dual;
/// use num_traits::Num;
/// let c = Dual::<f64>::from_str_radix("2.5", 10).unwrap();
/// assert_eq!((c.value(), c.tangent()[0]), (2.5, 0.0));
/// ```
impl<T: Scalar, N: Dim<T>> Num for Dual<T, N> {
    type FromStrRadixErr = T::FromStrRadixErr;
    #[inline]
    fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
        T::from_str_radix(s, radix).map(Self::constant)
    }
}

/// Casts into a constant.
///
/// ```
/// use typegrad::Dual;
/// use num_traits::NumCast;
/// let c: Dual<f32> = NumCast::from(3_u8).unwrap();
/// assert_eq!(c.value(), 3.0);
/// ```
impl<T: Scalar, N: Dim<T>> NumCast for Dual<T, N> {
    #[inline(always)]
    fn from<U: ToPrimitive>(n: U) -> Option<Self> {
        <T as NumCast>::from(n).map(Self::constant)
    }
}

macro_rules! to_prim {
    ($($f:ident -> $t:ty),*) => {$(
        #[inline(always)]
        fn $f(&self) -> Option<$t> {
            self.re.$f()
        }
    )*};
}

/// Casts the value (the tangents are dropped).
///
/// ```
/// use typegrad::Dual;
/// use num_traits::ToPrimitive;
/// assert_eq!(Dual::<f64>::variable::<0>(2.7).to_i32(), Some(2));
/// ```
impl<T: Scalar, N: Dim<T>> ToPrimitive for Dual<T, N> {
    to_prim!(
        to_isize -> isize, to_i8 -> i8, to_i16 -> i16, to_i32 -> i32, to_i64 -> i64,
        to_i128 -> i128, to_usize -> usize, to_u8 -> u8, to_u16 -> u16, to_u32 -> u32,
        to_u64 -> u64, to_u128 -> u128, to_f32 -> f32, to_f64 -> f64
    );
}

macro_rules! from_prim {
    ($($f:ident($t:ty)),*) => {$(
        #[inline(always)]
        fn $f(n: $t) -> Option<Self> {
            T::$f(n).map(Self::constant)
        }
    )*};
}

/// Converts into a constant.
///
/// ```
/// use typegrad::Dual;
/// use num_traits::FromPrimitive;
/// assert_eq!(Dual::<f64>::from_i64(-4).unwrap().value(), -4.0);
/// ```
impl<T: Scalar + FromPrimitive, N: Dim<T>> FromPrimitive for Dual<T, N> {
    from_prim!(
        from_isize(isize),
        from_i8(i8),
        from_i16(i16),
        from_i32(i32),
        from_i64(i64),
        from_i128(i128),
        from_usize(usize),
        from_u8(u8),
        from_u16(u16),
        from_u32(u32),
        from_u64(u64),
        from_u128(u128),
        from_f32(f32),
        from_f64(f64)
    );
}

/// `abs`, `signum` and `abs_sub` as in [`Float`]; the sign tests look at the value.
///
/// ```
/// use typegrad::Dual;
/// use num_traits::Signed;
/// let x = Dual::<f64>::variable::<0>(-2.0);
/// assert_eq!(Signed::abs(&x).tangent()[0], -1.0);
/// assert!(x.is_negative());
/// ```
impl<T: Scalar, N: Dim<T>> Signed for Dual<T, N> {
    #[inline(always)]
    fn abs(&self) -> Self {
        Float::abs(*self)
    }
    #[inline(always)]
    fn abs_sub(&self, other: &Self) -> Self {
        Float::abs_sub(*self, *other)
    }
    #[inline(always)]
    fn signum(&self) -> Self {
        Float::signum(*self)
    }
    #[inline(always)]
    fn is_positive(&self) -> bool {
        self.re > T::zero()
    }
    #[inline(always)]
    fn is_negative(&self) -> bool {
        self.re < T::zero()
    }
}

/// `1/x`.
///
/// ```
/// use typegrad::Dual;
/// use num_traits::Inv;
/// assert_eq!(Dual::<f64>::variable::<0>(2.0).inv().tangent()[0], -0.25);
/// ```
impl<T: Scalar, N: Dim<T>> Inv for Dual<T, N> {
    type Output = Self;
    #[inline(always)]
    fn inv(self) -> Self {
        self.map1(rules::Recip)
    }
}

/// `xⁿ` for an integer `n`, as [`Float::powi`].
///
/// ```
/// use typegrad::Dual;
/// use num_traits::Pow;
/// assert_eq!(Dual::<f64>::variable::<0>(2.0).pow(3).tangent()[0], 12.0);
/// ```
impl<T: Scalar, N: Dim<T>> Pow<i32> for Dual<T, N> {
    type Output = Self;
    #[inline(always)]
    fn pow(self, n: i32) -> Self {
        self.map1(rules::Powi(n))
    }
}

/// `xʸ` for a dual exponent, as [`Float::powf`].
///
/// ```
/// use typegrad::Dual;
/// use num_traits::Pow;
/// let x = Dual::<f64>::variable::<0>(2.0);
/// assert_eq!(x.pow(Dual::from(2.0)).value(), 4.0);
/// ```
impl<T: Scalar, N: Dim<T>> Pow<Dual<T, N>> for Dual<T, N> {
    type Output = Self;
    #[inline(always)]
    fn pow(self, y: Self) -> Self {
        self.map2(y, rules::Powf)
    }
}

macro_rules! pow_base {
    ($($s:ty),*) => {$(
        /// `xᶜ` for a plain exponent; only the base's derivative is computed.
        ///
        /// ```
        /// use typegrad::Dual;
        /// use num_traits::Pow;
        /// assert_eq!(Dual::<f64>::variable::<0>(4.0).pow(0.5).tangent()[0], 0.25);
        /// ```
        impl<T: Scalar<Base = $s>, N: Dim<T>> Pow<$s> for Dual<T, N> {
            type Output = Self;
            #[inline(always)]
            fn pow(self, c: $s) -> Self {
                self.map1(rules::Right(rules::Powf, T::from_base(c)))
            }
        }
    )*};
}
pow_base!(f32, f64);

/// `a · b + c` as [`Float::mul_add`].
///
/// ```
/// use typegrad::Dual;
/// use num_traits::MulAdd;
/// let x = Dual::<f64>::variable::<0>(2.0);
/// assert_eq!(MulAdd::mul_add(x, x, Dual::from(1.0)).tangent()[0], 4.0);
/// ```
impl<T: Scalar, N: Dim<T>> MulAdd for Dual<T, N> {
    type Output = Self;
    #[inline(always)]
    fn mul_add(self, a: Self, b: Self) -> Self {
        Float::mul_add(self, a, b)
    }
}

/// `self = self · a + b` as [`Float::mul_add`].
///
/// ```
/// use typegrad::Dual;
/// use num_traits::MulAddAssign;
/// let mut x = Dual::<f64>::variable::<0>(2.0);
/// x.mul_add_assign(Dual::from(3.0), Dual::from(1.0));
/// assert_eq!((x.value(), x.tangent()[0]), (7.0, 3.0));
/// ```
impl<T: Scalar, N: Dim<T>> MulAddAssign for Dual<T, N> {
    #[inline(always)]
    fn mul_add_assign(&mut self, a: Self, b: Self) {
        *self = Float::mul_add(*self, a, b);
    }
}

/// ```
/// use typegrad::Dual;
/// use num_traits::Bounded;
/// assert_eq!(Dual::<f32>::max_value().value(), f32::MAX);
/// ```
impl<T: Scalar + Bounded, N: Dim<T>> Bounded for Dual<T, N> {
    #[inline(always)]
    fn min_value() -> Self {
        Self::constant(<T as Bounded>::min_value())
    }
    #[inline(always)]
    fn max_value() -> Self {
        Self::constant(<T as Bounded>::max_value())
    }
}

macro_rules! consts {
    ($($c:ident),*) => {$(
        #[inline(always)]
        fn $c() -> Self {
            Self::constant(T::$c())
        }
    )*};
}

/// Mathematical constants, as constants.
///
/// ```
/// use typegrad::Dual;
/// use num_traits::FloatConst;
/// assert_eq!(Dual::<f64>::PI().value(), core::f64::consts::PI);
/// ```
#[allow(non_snake_case)]
impl<T: Scalar, N: Dim<T>> FloatConst for Dual<T, N> {
    consts!(
        E,
        FRAC_1_PI,
        FRAC_1_SQRT_2,
        FRAC_2_PI,
        FRAC_2_SQRT_PI,
        FRAC_PI_2,
        FRAC_PI_3,
        FRAC_PI_4,
        FRAC_PI_6,
        FRAC_PI_8,
        LN_10,
        LN_2,
        LOG10_E,
        LOG2_E,
        PI,
        SQRT_2,
        TAU,
        LOG10_2,
        LOG2_10
    );
}
