//! simba's scalar traits (nalgebra's `RealField` and `ComplexField`) for a
//! [`Number`](super::Number) type that is `'static`: [`Dual`](crate::Dual) and
//! [`global::Var`](crate::global::Var). Each type invokes [`subset::subset_for`] too, saying
//! how to tell that one of its numbers carries no derivative.

pub(crate) mod complex;
pub(crate) mod real;
pub(crate) mod simd;
pub(crate) mod subset;

/// `SimdValue`, `Field`, `ComplexField` and `RealField` for `$ty` over the scalar `$t`.
macro_rules! simba_for {
    ([$($g:tt)*] $ty:ty, $t:ident) => {
        $crate::number::simba::simd::simd_for!([$($g)*] $ty, $t);
        $crate::number::simba::complex::complex_for!([$($g)*] $ty, $t);
        $crate::number::simba::real::real_for!([$($g)*] $ty, $t);
    };
}

pub(crate) use simba_for;
