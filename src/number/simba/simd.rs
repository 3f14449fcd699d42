//! `SimdValue` with one lane (as `f64` has it), `PrimitiveSimdValue` and `Field`.
//!
//! `SimdValue` declares two `unsafe fn`s, `extract_unchecked` and `replace_unchecked`: with
//! one lane there is nothing to check, so their bodies are the safe ones of `extract` and
//! `replace`. They are the crate's only `unsafe` declarations, allowed one by one.

macro_rules! simd_for {
    ([$($g:tt)*] $ty:ty, $t:ident) => {
        /// One lane, as a plain float: `Element` is the number itself.
        impl<$($g)*> simba::simd::SimdValue for $ty {
            const LANES: usize = 1;
            type Element = Self;
            type SimdBool = bool;
            #[inline(always)]
            fn splat(val: Self) -> Self {
                val
            }
            #[inline(always)]
            fn extract(&self, _: usize) -> Self {
                *self
            }
            /// The same as `extract`: safe code, whatever `i` is.
            #[allow(unsafe_code)]
            #[inline(always)]
            unsafe fn extract_unchecked(&self, _: usize) -> Self {
                *self
            }
            #[inline(always)]
            fn replace(&mut self, _: usize, val: Self) {
                *self = val;
            }
            /// The same as `replace`: safe code, whatever `i` is.
            #[allow(unsafe_code)]
            #[inline(always)]
            unsafe fn replace_unchecked(&mut self, _: usize, val: Self) {
                *self = val;
            }
            #[inline(always)]
            fn select(self, cond: bool, other: Self) -> Self {
                if cond { self } else { other }
            }
        }
        impl<$($g)*> simba::simd::PrimitiveSimdValue for $ty {}
        impl<$($g)*> simba::scalar::Field for $ty {}
    };
}

pub(crate) use simd_for;
