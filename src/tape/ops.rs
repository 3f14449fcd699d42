//! Arithmetic operators on tape variables, with variables and with plain `f32`/`f64` on
//! either side.

use core::iter::{Product, Sum};
use core::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};

use super::Var;
use crate::Scalar;
use crate::rules;

/// One operator: var ⊕ var, var ⊕= var, and both scalar sides for `f32` and `f64`.
macro_rules! binop {
    ($Op:ident $op:ident, $OpAssign:ident $op_assign:ident, $rule:ident, $right:ident, $left:ident) => {
        impl<'t, T: Scalar, const CAP: usize> $Op for Var<'t, T, CAP> {
            type Output = Self;
            #[inline(always)]
            fn $op(self, rhs: Self) -> Self {
                self.map2(rhs, rules::$rule)
            }
        }
        impl<'t, T: Scalar, const CAP: usize> $OpAssign for Var<'t, T, CAP> {
            #[inline(always)]
            fn $op_assign(&mut self, rhs: Self) {
                *self = self.map2(rhs, rules::$rule);
            }
        }
        binop!(@scalar f64, $Op $op, $OpAssign $op_assign, $right, $left);
        binop!(@scalar f32, $Op $op, $OpAssign $op_assign, $right, $left);
    };
    (@scalar $s:ty, $Op:ident $op:ident, $OpAssign:ident $op_assign:ident, $right:ident, $left:ident) => {
        impl<'t, T: Scalar<Base = $s>, const CAP: usize> $Op<$s> for Var<'t, T, CAP> {
            type Output = Self;
            #[inline(always)]
            fn $op(self, rhs: $s) -> Self {
                self.map1(rules::$right(T::from_base(rhs)))
            }
        }
        impl<'t, T: Scalar<Base = $s>, const CAP: usize> $OpAssign<$s> for Var<'t, T, CAP> {
            #[inline(always)]
            fn $op_assign(&mut self, rhs: $s) {
                *self = self.map1(rules::$right(T::from_base(rhs)));
            }
        }
        impl<'t, T: Scalar<Base = $s>, const CAP: usize> $Op<Var<'t, T, CAP>> for $s {
            type Output = Var<'t, T, CAP>;
            #[inline(always)]
            fn $op(self, rhs: Var<'t, T, CAP>) -> Var<'t, T, CAP> {
                rhs.map1(rules::$left(T::from_base(self)))
            }
        }
    };
}

binop!(Add add, AddAssign add_assign, Add, AddC, CAdd);
binop!(Sub sub, SubAssign sub_assign, Sub, SubC, CSub);
binop!(Mul mul, MulAssign mul_assign, Mul, MulC, CMul);
binop!(Div div, DivAssign div_assign, Div, DivC, CDiv);
binop!(Rem rem, RemAssign rem_assign, Rem, RemC, CRem);

impl<T: Scalar, const CAP: usize> Neg for Var<'_, T, CAP> {
    type Output = Self;
    /// ```
    /// use typegrad::tape;
    /// assert_eq!(tape::gradient::<_, 2>(|[x]| -x, [2.0_f64]), Ok((-2.0, [-1.0])));
    /// ```
    #[inline(always)]
    fn neg(self) -> Self {
        self.map1(rules::Neg)
    }
}

impl<T: Scalar, const CAP: usize> Sum for Var<'_, T, CAP> {
    /// ```
    /// use typegrad::tape;
    /// let r = tape::gradient::<_, 8>(|x: [_; 3]| x.into_iter().sum(), [1.0_f64, 2.0, 3.0]);
    /// assert_eq!(r, Ok((6.0, [1.0; 3])));
    /// ```
    #[inline]
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::constant(T::zero()), |a, b| a + b)
    }
}

impl<'a, 't, T: Scalar, const CAP: usize> Sum<&'a Var<'t, T, CAP>> for Var<'t, T, CAP> {
    /// ```
    /// use typegrad::tape;
    /// let r = tape::gradient::<_, 8>(|x: [_; 2]| x.iter().sum(), [1.0_f64, 2.0]);
    /// assert_eq!(r, Ok((3.0, [1.0; 2])));
    /// ```
    #[inline]
    fn sum<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
        iter.copied().sum()
    }
}

impl<T: Scalar, const CAP: usize> Product for Var<'_, T, CAP> {
    /// ```
    /// use typegrad::tape;
    /// let r = tape::gradient::<_, 8>(|x: [_; 3]| x.into_iter().product(), [1.0_f64, 2.0, 3.0]);
    /// assert_eq!(r, Ok((6.0, [6.0, 3.0, 2.0])));
    /// ```
    #[inline]
    fn product<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::constant(T::one()), |a, b| a * b)
    }
}

impl<'a, 't, T: Scalar, const CAP: usize> Product<&'a Var<'t, T, CAP>> for Var<'t, T, CAP> {
    /// ```
    /// use typegrad::tape;
    /// let r = tape::gradient::<_, 8>(|x: [_; 2]| x.iter().product(), [2.0_f64, 3.0]);
    /// assert_eq!(r, Ok((6.0, [3.0, 2.0])));
    /// ```
    #[inline]
    fn product<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
        iter.copied().product()
    }
}
