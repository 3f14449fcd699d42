//! nalgebra's scalar traits for `Var` (feature `nalgebra`): simba's `RealField` and
//! `ComplexField` with everything they require, so nalgebra code runs in reverse mode.

use super::{Global, Var};
use crate::Scalar;
use crate::number::simba::simba_for;
use crate::number::simba::subset::subset_for;

simba_for!([T: Scalar, G: Global<T = T>] Var<T, G>, T);

subset_for!([T: Scalar, G: Global<T = T>] Var<T, G>, T, |v| v.is_constant());
