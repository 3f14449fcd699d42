//! The rest of `num-traits` for tape variables: `Num`, casts, `Signed`, `Inv`, `Pow`,
//! constants. Everything that makes a number from nothing makes a constant.

use num_traits::{
    Bounded, Float, FloatConst, FromPrimitive, Inv, MulAdd, MulAddAssign, Num, NumCast, One, Pow,
    Signed, ToPrimitive, Zero,
};

use super::Var;
use crate::Scalar;
use crate::rules;

/// ```
/// use typegrad::tape::Var;
/// use num_traits::Zero;
/// assert!(Var::<f64, 1>::zero().is_zero());
/// ```
impl<T: Scalar, const CAP: usize> Zero for Var<'_, T, CAP> {
    #[inline(always)]
    fn zero() -> Self {
        Self::constant(T::zero())
    }
    #[inline(always)]
    fn is_zero(&self) -> bool {
        self.v.is_zero()
    }
}

/// ```
/// use typegrad::tape::Var;
/// use num_traits::One;
/// assert_eq!(Var::<f64, 1>::one().value(), 1.0);
/// ```
impl<T: Scalar, const CAP: usize> One for Var<'_, T, CAP> {
    #[inline(always)]
    fn one() -> Self {
        Self::constant(T::one())
    }
}

/// Parses a constant.
///
/// ```
/// use typegrad::tape::Var;
/// use num_traits::Num;
/// assert_eq!(Var::<f64, 1>::from_str_radix("2.5", 10).unwrap().value(), 2.5);
/// ```
impl<T: Scalar, const CAP: usize> Num for Var<'_, T, CAP> {
    type FromStrRadixErr = T::FromStrRadixErr;
    #[inline]
    fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
        T::from_str_radix(s, radix).map(Self::constant)
    }
}

/// Casts into a constant.
///
/// ```
/// use typegrad::tape::Var;
/// use num_traits::NumCast;
/// let c: Var<f32, 1> = NumCast::from(3_u8).unwrap();
/// assert!(c.is_constant() && c.value() == 3.0);
/// ```
impl<T: Scalar, const CAP: usize> NumCast for Var<'_, T, CAP> {
    #[inline(always)]
    fn from<U: ToPrimitive>(n: U) -> Option<Self> {
        <T as NumCast>::from(n).map(Self::constant)
    }
}

macro_rules! to_prim {
    ($($f:ident -> $t:ty),*) => {$(
        #[inline(always)]
        fn $f(&self) -> Option<$t> {
            self.v.$f()
        }
    )*};
}

/// Casts the value.
///
/// ```
/// use typegrad::tape::Var;
/// use num_traits::ToPrimitive;
/// assert_eq!(Var::<f64, 1>::from(2.7).to_i32(), Some(2));
/// ```
impl<T: Scalar, const CAP: usize> ToPrimitive for Var<'_, T, CAP> {
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
/// use typegrad::tape::Var;
/// use num_traits::FromPrimitive;
/// assert_eq!(Var::<f64, 1>::from_i64(-4).unwrap().value(), -4.0);
/// ```
impl<T: Scalar + FromPrimitive, const CAP: usize> FromPrimitive for Var<'_, T, CAP> {
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
/// use typegrad::tape;
/// use num_traits::Signed;
/// let (_, g) = tape::gradient::<_, 4>(|[x]| Signed::abs(&x), [-2.0_f64]).unwrap();
/// assert_eq!(g, [-1.0]);
/// ```
impl<T: Scalar, const CAP: usize> Signed for Var<'_, T, CAP> {
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
        self.v > T::zero()
    }
    #[inline(always)]
    fn is_negative(&self) -> bool {
        self.v < T::zero()
    }
}

/// `1/x`.
///
/// ```
/// use typegrad::tape;
/// use num_traits::Inv;
/// assert_eq!(tape::gradient::<_, 4>(|[x]| x.inv(), [2.0_f64]), Ok((0.5, [-0.25])));
/// ```
impl<T: Scalar, const CAP: usize> Inv for Var<'_, T, CAP> {
    type Output = Self;
    #[inline(always)]
    fn inv(self) -> Self {
        self.map1(rules::Recip)
    }
}

/// `xⁿ` for an integer `n`, as [`Float::powi`].
///
/// ```
/// use typegrad::tape;
/// use num_traits::Pow;
/// assert_eq!(tape::gradient::<_, 4>(|[x]| x.pow(3), [2.0_f64]), Ok((8.0, [12.0])));
/// ```
impl<T: Scalar, const CAP: usize> Pow<i32> for Var<'_, T, CAP> {
    type Output = Self;
    #[inline(always)]
    fn pow(self, n: i32) -> Self {
        self.map1(rules::Powi(n))
    }
}

/// `xʸ` for a variable exponent, as [`Float::powf`].
///
/// ```
/// use typegrad::tape;
/// use num_traits::Pow;
/// let (v, g) = tape::gradient::<_, 4>(|[x, y]| x.pow(y), [2.0_f64, 3.0]).unwrap();
/// assert_eq!((v, g[0]), (8.0, 12.0));
/// ```
impl<'t, T: Scalar, const CAP: usize> Pow<Var<'t, T, CAP>> for Var<'t, T, CAP> {
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
        /// use typegrad::tape;
        /// use num_traits::Pow;
        /// assert_eq!(tape::gradient::<_, 4>(|[x]| x.pow(0.5), [4.0_f64]), Ok((2.0, [0.25])));
        /// ```
        impl<T: Scalar<Base = $s>, const CAP: usize> Pow<$s> for Var<'_, T, CAP> {
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
/// use typegrad::tape;
/// use num_traits::MulAdd;
/// let r = tape::gradient::<_, 8>(|[x, y]| MulAdd::mul_add(x, x, y), [2.0_f64, 1.0]);
/// assert_eq!(r, Ok((5.0, [4.0, 1.0])));
/// ```
impl<T: Scalar, const CAP: usize> MulAdd for Var<'_, T, CAP> {
    type Output = Self;
    #[inline(always)]
    fn mul_add(self, a: Self, b: Self) -> Self {
        self.fused(a, b)
    }
}

/// `self = self · a + b` as [`Float::mul_add`].
///
/// ```
/// use typegrad::tape;
/// use num_traits::MulAddAssign;
/// let r = tape::gradient::<_, 8>(|[mut x, y]| {
///     x.mul_add_assign(y, y);
///     x
/// }, [2.0_f64, 3.0]);
/// assert_eq!(r, Ok((9.0, [3.0, 3.0])));
/// ```
impl<T: Scalar, const CAP: usize> MulAddAssign for Var<'_, T, CAP> {
    #[inline(always)]
    fn mul_add_assign(&mut self, a: Self, b: Self) {
        *self = self.fused(a, b);
    }
}

/// ```
/// use typegrad::tape::Var;
/// use num_traits::Bounded;
/// assert_eq!(<Var<f32, 1> as Bounded>::max_value().value(), f32::MAX);
/// ```
impl<T: Scalar + Bounded, const CAP: usize> Bounded for Var<'_, T, CAP> {
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
/// use typegrad::tape::Var;
/// use num_traits::FloatConst;
/// assert_eq!(Var::<f64, 1>::PI().value(), core::f64::consts::PI);
/// ```
#[allow(non_snake_case)]
impl<T: Scalar, const CAP: usize> FloatConst for Var<'_, T, CAP> {
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
