//! nalgebra's scalar traits for `Dual` (feature `nalgebra`): simba's `RealField` and
//! `ComplexField` with everything they require, for every `Dual<T, N>` whose `T` is a
//! `RealField` itself, so nested duals too.

use super::Dual;
use crate::number::simba::simba_for;
use crate::number::simba::subset::subset_for;
use crate::{Length, Scalar};

simba_for!([T: Scalar, N: Length<T>] Dual<T, N>, T);

subset_for!([T: Scalar, N: Length<T>] Dual<T, N>, T, |d| passive(d));

/// Whether every tangent is exactly zero.
fn passive<T: Scalar, N: Length<T>>(d: &Dual<T, N>) -> bool {
    d.eps.iter().all(|t| t.is_exact_zero())
}
