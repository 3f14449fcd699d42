//! `SubsetOf`: a number is a subset of itself, and plain `f32` and `f64` are constants in
//! it; a number is in their subset when it carries no derivative (the type says how to
//! tell) and its value is.

macro_rules! subset_for {
    ([$($g:tt)*] $ty:ty, $t:ident, |$x:ident| $constant:expr) => {
        /// The identity.
        impl<$($g)*> simba::scalar::SubsetOf<$ty> for $ty {
            #[inline(always)]
            fn to_superset(&self) -> Self {
                *self
            }
            #[inline(always)]
            fn from_superset_unchecked(element: &Self) -> Self {
                *element
            }
            #[inline(always)]
            fn is_in_subset(_: &Self) -> bool {
                true
            }
        }
        $crate::number::simba::subset::subset_for!(@plain [$($g)*] $ty, $t, |$x| $constant, f32);
        $crate::number::simba::subset::subset_for!(@plain [$($g)*] $ty, $t, |$x| $constant, f64);
    };
    (@plain [$($g:tt)*] $ty:ty, $t:ident, |$x:ident| $constant:expr, $p:ty) => {
        /// A constant; a number is in the subset when it carries no derivative and its
        /// value is, and `to_subset_unchecked` (nalgebra's `convert_unchecked`) takes the
        /// value.
        impl<$($g)*> simba::scalar::SubsetOf<$ty> for $p where $t: simba::scalar::RealField {
            #[inline(always)]
            fn to_superset(&self) -> $ty {
                $crate::number::Number::lift(simba::scalar::SupersetOf::from_subset(self))
            }
            #[inline(always)]
            fn from_superset_unchecked($x: &$ty) -> $p {
                let v = $crate::number::Number::re(*$x);
                simba::scalar::SupersetOf::<$p>::to_subset_unchecked(&v)
            }
            #[inline(always)]
            fn is_in_subset($x: &$ty) -> bool {
                let v = $crate::number::Number::re(*$x);
                $constant && simba::scalar::SupersetOf::<$p>::is_in_subset(&v)
            }
        }
    };
}

pub(crate) use subset_for;
