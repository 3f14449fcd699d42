//! The operators for a [`Number`](super::Number) type: with itself, with plain `f32` and
//! `f64` on either side, their assign forms (all from the operator list), negation, `Sum`
//! and `Product`.

macro_rules! ops_for {
    // One call per entry of the operator list.
    ([@each $g:tt $ty:ty, $t:ident] $($Op:ident $op:ident $OpAssign:ident $op_assign:ident $rule:ident $right:ident $left:ident;)*) => {$(
        $crate::number::ops::ops_for!(@op $g $ty, $t, $Op $op, $OpAssign $op_assign, $rule, $right, $left);
    )*};
    (@op [$($g:tt)*] $ty:ty, $t:ident, $Op:ident $op:ident, $OpAssign:ident $op_assign:ident, $rule:ident, $right:ident, $left:ident) => {
        impl<$($g)*> core::ops::$Op for $ty {
            type Output = Self;
            #[inline(always)]
            fn $op(self, rhs: Self) -> Self {
                $crate::number::Number::map2(self, rhs, $crate::rules::$rule)
            }
        }
        impl<$($g)*> core::ops::$OpAssign for $ty {
            #[inline(always)]
            fn $op_assign(&mut self, rhs: Self) {
                *self = $crate::number::Number::map2(*self, rhs, $crate::rules::$rule);
            }
        }
        $crate::number::ops::ops_for!(@scalar f64 [$($g)*] $ty, $t, $Op $op, $OpAssign $op_assign, $right, $left);
        $crate::number::ops::ops_for!(@scalar f32 [$($g)*] $ty, $t, $Op $op, $OpAssign $op_assign, $right, $left);
    };
    ([$($g:tt)*] $ty:ty, $t:ident) => {
        $crate::__operators!([@each [$($g)*] $ty, $t] $crate::number::ops::ops_for);
        impl<$($g)*> core::ops::Neg for $ty {
            type Output = Self;
            #[inline(always)]
            fn neg(self) -> Self {
                $crate::number::Number::map1(self, $crate::rules::Neg)
            }
        }
        impl<$($g)*> core::iter::Sum for $ty {
            #[inline]
            fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
                let zero = $crate::number::Number::lift(<$t as num_traits::Zero>::zero());
                iter.fold(zero, |a, b| $crate::number::Number::map2(a, b, $crate::rules::Add))
            }
        }
        impl<'s, $($g)*> core::iter::Sum<&'s $ty> for $ty {
            #[inline]
            fn sum<I: Iterator<Item = &'s Self>>(iter: I) -> Self {
                iter.copied().sum()
            }
        }
        impl<$($g)*> core::iter::Product for $ty {
            #[inline]
            fn product<I: Iterator<Item = Self>>(iter: I) -> Self {
                let one = $crate::number::Number::lift(<$t as num_traits::One>::one());
                iter.fold(one, |a, b| $crate::number::Number::map2(a, b, $crate::rules::Mul))
            }
        }
        impl<'s, $($g)*> core::iter::Product<&'s $ty> for $ty {
            #[inline]
            fn product<I: Iterator<Item = &'s Self>>(iter: I) -> Self {
                iter.copied().product()
            }
        }
    };
    (@scalar $s:ty [$($g:tt)*] $ty:ty, $t:ident, $Op:ident $op:ident, $OpAssign:ident $op_assign:ident, $right:ident, $left:ident) => {
        impl<$($g)*> core::ops::$Op<$s> for $ty where $t: $crate::Scalar<Base = $s> {
            type Output = Self;
            #[inline(always)]
            fn $op(self, c: $s) -> Self {
                let c = <$t as $crate::Scalar>::from_base(c);
                $crate::number::Number::map1(self, $crate::rules::$right(c))
            }
        }
        impl<$($g)*> core::ops::$OpAssign<$s> for $ty where $t: $crate::Scalar<Base = $s> {
            #[inline(always)]
            fn $op_assign(&mut self, c: $s) {
                let c = <$t as $crate::Scalar>::from_base(c);
                *self = $crate::number::Number::map1(*self, $crate::rules::$right(c));
            }
        }
        impl<$($g)*> core::ops::$Op<$ty> for $s where $t: $crate::Scalar<Base = $s> {
            type Output = $ty;
            #[inline(always)]
            fn $op(self, x: $ty) -> $ty {
                let c = <$t as $crate::Scalar>::from_base(self);
                $crate::number::Number::map1(x, $crate::rules::$left(c))
            }
        }
    };
}

pub(crate) use ops_for;
