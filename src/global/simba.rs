//! nalgebra's scalar traits for `Var` (feature `nalgebra`): simba's `RealField` and
//! `ComplexField` with everything they require, so nalgebra code runs in reverse mode.

use simba::scalar::{RealField, SubsetOf, SupersetOf};

use super::{Global, Var};
use crate::Scalar;
use crate::number::simba::simba_for;

simba_for!([T: Scalar, G: Global<T = T>] Var<T, G>, T);

/// The identity.
impl<T: Scalar, G: Global<T = T>> SubsetOf<Var<T, G>> for Var<T, G> {
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

/// Plain floats as constants; a variable is in the subset when it is a constant (and its
/// value is), and `to_subset_unchecked` (nalgebra's `convert_unchecked`) takes the value.
macro_rules! plain_subset {
    ($($p:ty),*) => {$(
        impl<T: Scalar + RealField, G: Global<T = T>> SubsetOf<Var<T, G>> for $p {
            #[inline(always)]
            fn to_superset(&self) -> Var<T, G> {
                Var::constant(T::from_subset(self))
            }
            #[inline(always)]
            fn from_superset_unchecked(element: &Var<T, G>) -> $p {
                SupersetOf::<$p>::to_subset_unchecked(&element.v)
            }
            #[inline(always)]
            fn is_in_subset(element: &Var<T, G>) -> bool {
                element.is_constant() && SupersetOf::<$p>::is_in_subset(&element.v)
            }
        }
    )*};
}
plain_subset!(f32, f64);
