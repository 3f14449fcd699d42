//! The point a tape differentiates at, and the bound of the closure forms' functions.

use super::store::Store;
use super::{Active, Stack};
use crate::Scalar;

mod sealed {
    pub trait Sealed {}
    impl<T, const N: usize> Sealed for [T; N] {}
}

/// A point to differentiate at: `[T; N]`, which the function receives as `N` variables.
///
/// It names the variables' type for each tape, which lets [`gradient`](super::gradient) take the point's type
/// as its first generic argument (always written `_`) and the capacity as its second:
/// `tape::gradient::<_, CAP>(f, x)`.
///
/// ```
/// use typegrad::tape::{Point, Active, Stack};
/// fn vars<'t>(v: <[f64; 2] as Point>::Vars<'t, Stack<'t, f64>>) -> [Active<'t, f64>; 2] {
///     v
/// }
/// ```
pub trait Point: sealed::Sealed + Copy {
    /// The number type, `T` in `[T; N]`.
    type Scalar: Scalar;
    /// The number of inputs, `N` in `[T; N]`.
    const LEN: usize;
    /// The variables the function receives on a tape of kind `S`: `[Active<'t, T, S>; N]`.
    type Vars<'t, S: Store<Self::Scalar> + 't>: Copy
    where
        Self::Scalar: 't;
    /// Clears the tape and records the inputs.
    #[doc(hidden)]
    fn seed<'t, S: Store<Self::Scalar>>(self, tape: &'t S) -> Self::Vars<'t, S>;
    /// Reads the inputs' adjoints after a sweep.
    #[doc(hidden)]
    fn adjoints<S: Store<Self::Scalar>>(tape: &S) -> Self;
}

impl<T: Scalar, const N: usize> Point for [T; N] {
    type Scalar = T;
    const LEN: usize = N;
    type Vars<'t, S: Store<T> + 't>
        = [Active<'t, T, S>; N]
    where
        T: 't;
    #[inline(always)]
    fn seed<'t, S: Store<T>>(self, tape: &'t S) -> [Active<'t, T, S>; N] {
        tape.inputs(self)
    }
    #[inline(always)]
    fn adjoints<S: Store<T>>(tape: &S) -> Self {
        tape.adjoints()
    }
}

/// A function of the variables of `X` on a tape with lifetime `'t`, returning `Y`: the bound
/// of the closure forms, which holds for every `'t` (so variables cannot leave the call).
///
/// It is `FnOnce(X::Vars<'t, Stack<'t, X::Scalar>>) -> Y` under another name, which lets `Y`
/// mention `'t`; every such closure or function implements it.
///
/// ```
/// use typegrad::tape::{Recording, Active};
/// fn takes<F: for<'t> Recording<'t, [f64; 2], Active<'t, f64>>>(_: F) {}
/// takes(|[x, y]| x * y);
/// ```
pub trait Recording<'t, X: Point + 't, Y>: FnOnce(X::Vars<'t, Stack<'t, X::Scalar>>) -> Y {}

impl<'t, X: Point + 't, Y, F: FnOnce(X::Vars<'t, Stack<'t, X::Scalar>>) -> Y> Recording<'t, X, Y>
    for F
{
}
