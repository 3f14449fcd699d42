//! nalgebra's scalar traits for `Dual` (feature `nalgebra`): simba's `RealField` and
//! `ComplexField` with everything they require, for every `Dual<T, N>` whose `T` is a
//! `RealField` itself, so nested duals too.

use simba::scalar::{RealField, SubsetOf, SupersetOf};

use super::Dual;
use crate::number::simba::simba_for;
use crate::{Length, Scalar};

simba_for!([T: Scalar, N: Length<T>] Dual<T, N>, T);

/// The identity.
impl<T: Scalar, N: Length<T>> SubsetOf<Dual<T, N>> for Dual<T, N> {
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

/// Plain floats as constants: `f64` and `f32` become duals with zero tangents; a dual is in
/// the subset when all its tangents are exactly zero (and its value is, for nested duals),
/// and `to_subset_unchecked` (nalgebra's `convert_unchecked`) drops the tangents.
macro_rules! plain_subset {
    ($($p:ty),*) => {$(
        impl<T: Scalar + RealField, N: Length<T>> SubsetOf<Dual<T, N>> for $p {
            #[inline(always)]
            fn to_superset(&self) -> Dual<T, N> {
                Dual::constant(T::from_subset(self))
            }
            #[inline(always)]
            fn from_superset_unchecked(element: &Dual<T, N>) -> $p {
                SupersetOf::<$p>::to_subset_unchecked(&element.re)
            }
            #[inline(always)]
            fn is_in_subset(element: &Dual<T, N>) -> bool {
                element.eps.iter().all(|t| t.is_exact_zero())
                    && SupersetOf::<$p>::is_in_subset(&element.re)
            }
        }
    )*};
}
plain_subset!(f32, f64);
