//! Conversions `f64` has that a [`Number`](super::Number) shares honestly: `From` the
//! integers (and `bool`) its base float holds exactly, `From<f32>` over an `f64` base, and
//! `AsPrimitive` into itself, from every primitive number, and into the integers.

macro_rules! convert_for {
    ([$($g:tt)*] $ty:ty, $t:ident) => {
        $crate::number::convert::convert_for!(@from [$($g)*] $ty, $t; i8 i16 i32 u8 u16 u32 bool);
        /// An `f32` constant, exactly, over an `f64` base (as `f64::from`). Over an `f32` base
        /// this is `From<T>`.
        impl<$($g)*> From<f32> for $ty where $t: $crate::Scalar<Base = f64> {
            #[inline(always)]
            fn from(c: f32) -> Self {
                $crate::number::Number::lift(<$t as $crate::Scalar>::from_base(f64::from(c)))
            }
        }
        /// The identity.
        impl<$($g)*> num_traits::AsPrimitive<$ty> for $ty where $ty: 'static {
            #[inline(always)]
            fn as_(self) -> Self {
                self
            }
        }
        $crate::number::convert::convert_for!(@as [$($g)*] $ty, $t;
            u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);
        $crate::number::convert::convert_for!(@constant [$($g)*] $ty, $t;
            u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64);
    };
    (@from $g:tt $ty:ty, $t:ident; $($s:ty)*) => {$(
        $crate::number::convert::convert_for!(@from1 $g $ty, $t, $s);
    )*};
    (@as $g:tt $ty:ty, $t:ident; $($s:ty)*) => {$(
        $crate::number::convert::convert_for!(@as1 $g $ty, $t, $s);
    )*};
    (@constant $g:tt $ty:ty, $t:ident; $($s:ty)*) => {$(
        $crate::number::convert::convert_for!(@constant1 $g $ty, $t, $s);
    )*};
    (@from1 [$($g:tt)*] $ty:ty, $t:ident, $s:ty) => {
        /// A constant, exactly: the base float holds every value (as for `f64`).
        impl<$($g)*> From<$s> for $ty where <$t as $crate::Scalar>::Base: From<$s> {
            #[inline(always)]
            fn from(c: $s) -> Self {
                let b = <<$t as $crate::Scalar>::Base as From<$s>>::from(c);
                $crate::number::Number::lift(<$t as $crate::Scalar>::from_base(b))
            }
        }
    };
    (@as1 [$($g:tt)*] $ty:ty, $t:ident, $s:ty) => {
        /// The value cast with `as`; an integer carries no derivative (an integer cast is
        /// piecewise constant).
        impl<$($g)*> num_traits::AsPrimitive<$s> for $ty
        where
            $ty: 'static,
            $t: num_traits::AsPrimitive<$s>,
        {
            #[inline(always)]
            fn as_(self) -> $s {
                num_traits::AsPrimitive::as_($crate::number::Number::re(self))
            }
        }
    };
    (@constant1 [$($g:tt)*] $ty:ty, $t:ident, $s:ty) => {
        /// A constant: the number cast with `as` into the base float.
        impl<$($g)*> num_traits::AsPrimitive<$ty> for $s
        where
            $ty: 'static,
            $s: num_traits::AsPrimitive<<$t as $crate::Scalar>::Base>,
        {
            #[inline(always)]
            fn as_(self) -> $ty {
                let b = num_traits::AsPrimitive::as_(self);
                $crate::number::Number::lift(<$t as $crate::Scalar>::from_base(b))
            }
        }
    };
}

pub(crate) use convert_for;
