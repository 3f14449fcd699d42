//! The operators on references, as `f64` has them (`&a + &b`, `a += &b`, `-&a`, `(&a).inv()`,
//! `a.pow(&2)`), which make a [`Number`](super::Number) type `NumRef`, `RefNum` and
//! `NumAssignRef`; and `Pow` with the small integer exponents `f64` takes.

macro_rules! refs_for {
    ([$($g:tt)*] $ty:ty, $t:ident) => {
        $crate::number::refs::refs_for!(@ops [$($g)*] $ty; Add add, Sub sub, Mul mul, Div div, Rem rem);
        $crate::number::refs::refs_for!(@assign [$($g)*] $ty;
            AddAssign add_assign, SubAssign sub_assign, MulAssign mul_assign,
            DivAssign div_assign, RemAssign rem_assign);
        impl<'x, $($g)*> core::ops::Neg for &'x $ty {
            type Output = $ty;
            #[inline(always)]
            fn neg(self) -> $ty {
                -*self
            }
        }
        impl<'x, $($g)*> num_traits::Inv for &'x $ty {
            type Output = $ty;
            #[inline(always)]
            fn inv(self) -> $ty {
                num_traits::Inv::inv(*self)
            }
        }
        $crate::number::refs::refs_for!(@powi [$($g)*] $ty; i8 u8 i16 u16);
        $crate::number::refs::refs_for!(@pow [$($g)*] $ty; i8 u8 i16 u16 i32 f32 f64 $ty);
    };
    (@ops $g:tt $ty:ty; $($Op:ident $op:ident),*) => {$(
        $crate::number::refs::refs_for!(@op $g $ty, core::ops::$Op, $op, $ty);
    )*};
    (@pow $g:tt $ty:ty; $($r:ty)*) => {$(
        $crate::number::refs::refs_for!(@op $g $ty, num_traits::Pow, pow, $r);
    )*};
    // `x ∘ &r`, `&x ∘ r` and `&x ∘ &r` where `x ∘ r` exists.
    (@op [$($g:tt)*] $ty:ty, $($Op:ident)::+, $op:ident, $r:ty) => {
        impl<'r, $($g)*> $($Op)::+<&'r $r> for $ty where $ty: $($Op)::+<$r, Output = $ty> {
            type Output = $ty;
            #[inline(always)]
            fn $op(self, r: &'r $r) -> $ty {
                <$ty as $($Op)::+<$r>>::$op(self, *r)
            }
        }
        impl<'x, $($g)*> $($Op)::+<$r> for &'x $ty where $ty: $($Op)::+<$r, Output = $ty> {
            type Output = $ty;
            #[inline(always)]
            fn $op(self, r: $r) -> $ty {
                <$ty as $($Op)::+<$r>>::$op(*self, r)
            }
        }
        impl<'x, 'r, $($g)*> $($Op)::+<&'r $r> for &'x $ty where $ty: $($Op)::+<$r, Output = $ty> {
            type Output = $ty;
            #[inline(always)]
            fn $op(self, r: &'r $r) -> $ty {
                <$ty as $($Op)::+<$r>>::$op(*self, *r)
            }
        }
    };
    (@assign $g:tt $ty:ty; $($OpAssign:ident $op_assign:ident),*) => {$(
        $crate::number::refs::refs_for!(@assign1 $g $ty, $OpAssign $op_assign);
    )*};
    // `x ∘= &x`.
    (@assign1 [$($g:tt)*] $ty:ty, $OpAssign:ident $op_assign:ident) => {
        impl<'r, $($g)*> core::ops::$OpAssign<&'r $ty> for $ty {
            #[inline(always)]
            fn $op_assign(&mut self, r: &'r $ty) {
                <$ty as core::ops::$OpAssign>::$op_assign(self, *r);
            }
        }
    };
    (@powi $g:tt $ty:ty; $($n:ty)*) => {$(
        $crate::number::refs::refs_for!(@powi1 $g $ty, $n);
    )*};
    (@powi1 [$($g:tt)*] $ty:ty, $n:ty) => {
        /// `xⁿ` as `Float::powi`.
        impl<$($g)*> num_traits::Pow<$n> for $ty {
            type Output = Self;
            #[inline(always)]
            fn pow(self, n: $n) -> Self {
                $crate::number::Number::map1(self, $crate::rules::Powi(i32::from(n)))
            }
        }
    };
}

pub(crate) use refs_for;
