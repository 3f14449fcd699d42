//! Arithmetic operators on duals, with duals and with plain `f32`/`f64` on either side.

use core::iter::{Product, Sum};
use core::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};

use super::Dual;
use crate::rules;
use crate::{Dim, Scalar};

/// One operator: dual ⊕ dual, dual ⊕= dual, and both scalar sides for `f32` and `f64`.
macro_rules! binop {
    ($Op:ident $op:ident, $OpAssign:ident $op_assign:ident, $rule:ident, $right:ident, $left:ident) => {
        impl<T: Scalar, N: Dim<T>> $Op for Dual<T, N> {
            type Output = Self;
            #[inline(always)]
            fn $op(self, rhs: Self) -> Self {
                self.map2(rhs, rules::$rule)
            }
        }
        impl<T: Scalar, N: Dim<T>> $OpAssign for Dual<T, N> {
            #[inline(always)]
            fn $op_assign(&mut self, rhs: Self) {
                *self = self.map2(rhs, rules::$rule);
            }
        }
        binop!(@scalar f64, $Op $op, $OpAssign $op_assign, $right, $left);
        binop!(@scalar f32, $Op $op, $OpAssign $op_assign, $right, $left);
    };
    (@scalar $s:ty, $Op:ident $op:ident, $OpAssign:ident $op_assign:ident, $right:ident, $left:ident) => {
        impl<T: Scalar<Base = $s>, N: Dim<T>> $Op<$s> for Dual<T, N> {
            type Output = Self;
            #[inline(always)]
            fn $op(self, rhs: $s) -> Self {
                self.map1(rules::$right(T::from_base(rhs)))
            }
        }
        impl<T: Scalar<Base = $s>, N: Dim<T>> $OpAssign<$s> for Dual<T, N> {
            #[inline(always)]
            fn $op_assign(&mut self, rhs: $s) {
                *self = self.map1(rules::$right(T::from_base(rhs)));
            }
        }
        impl<T: Scalar<Base = $s>, N: Dim<T>> $Op<Dual<T, N>> for $s {
            type Output = Dual<T, N>;
            #[inline(always)]
            fn $op(self, rhs: Dual<T, N>) -> Dual<T, N> {
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

impl<T: Scalar, N: Dim<T>> Neg for Dual<T, N> {
    type Output = Self;
    /// ```
    /// use typegrad::Dual;
    /// let x = -Dual::<f64>::variable::<0>(2.0);
    /// assert_eq!((x.value(), x.tangent()[0]), (-2.0, -1.0));
    /// ```
    #[inline(always)]
    fn neg(self) -> Self {
        self.map1(rules::Neg)
    }
}

impl<T: Scalar, N: Dim<T>> Sum for Dual<T, N> {
    /// ```
    /// use typegrad::Dual;
    /// let x = Dual::<f64>::variable::<0>(2.0);
    /// let s: Dual<f64> = [x, x, x].into_iter().sum();
    /// assert_eq!((s.value(), s.tangent()[0]), (6.0, 3.0));
    /// ```
    #[inline]
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::constant(T::zero()), |a, b| a + b)
    }
}

impl<'a, T: Scalar, N: Dim<T>> Sum<&'a Dual<T, N>> for Dual<T, N> {
    /// ```
    /// use typegrad::Dual;
    /// let x = Dual::<f64>::variable::<0>(2.0);
    /// let s: Dual<f64> = [x, x].iter().sum();
    /// assert_eq!(s.tangent()[0], 2.0);
    /// ```
    #[inline]
    fn sum<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
        iter.copied().sum()
    }
}

impl<T: Scalar, N: Dim<T>> Product for Dual<T, N> {
    /// ```
    /// use typegrad::Dual;
    /// let x = Dual::<f64>::variable::<0>(2.0);
    /// let p: Dual<f64> = [x, x, x].into_iter().product();
    /// assert_eq!((p.value(), p.tangent()[0]), (8.0, 12.0));
    /// ```
    #[inline]
    fn product<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::constant(T::one()), |a, b| a * b)
    }
}

impl<'a, T: Scalar, N: Dim<T>> Product<&'a Dual<T, N>> for Dual<T, N> {
    /// ```
    /// use typegrad::Dual;
    /// let x = Dual::<f64>::variable::<0>(3.0);
    /// let p: Dual<f64> = [x, x].iter().product();
    /// assert_eq!(p.tangent()[0], 6.0);
    /// ```
    #[inline]
    fn product<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
        iter.copied().product()
    }
}
