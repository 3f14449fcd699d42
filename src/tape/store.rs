//! What a tape variable needs of its tape, for the two kinds: a [`Tape`] (reusable, records
//! by index) and a [`Stack`] (the closure forms', records by reference).

use super::stack::{Link, Stack};
use super::{Active, NONE, Tape, TapeError};
use crate::Scalar;
use crate::array::indexed;

pub(crate) mod sealed {
    use super::{Active, Scalar, Store, TapeError};

    /// How a variable names its record, how an operation of two variables makes one, and
    /// how the gradient is read back.
    pub trait Records<T> {
        /// A record's name: an index, or a reference.
        type Handle: Copy;
        /// The name of no record (a constant's, or one past the capacity).
        const NONE: Self::Handle;
        /// Forgets every record and records `x` as the inputs: their variables.
        fn inputs<'t, const N: usize>(&'t self, x: [T; N]) -> [Active<'t, T, Self>; N]
        where
            T: Scalar,
            Self: Store<T> + Sized;
        /// Makes a record with parents `a`, `b` and partials `da`, `db` in them.
        fn record(&self, a: Self::Handle, da: T, b: Self::Handle, db: T) -> Self::Handle;
        /// Makes the record of a statement over `k ≥ 4` operands, whose records and
        /// partials `pairs` yields two at a time: `1 + ⌈k/2⌉` slots.
        fn statement(
            &self,
            k: usize,
            pairs: impl Iterator<Item = [(Self::Handle, T); 2]>,
        ) -> Self::Handle;
        /// The first error of the recording, if any.
        fn status(&self) -> Result<(), TapeError>;
        /// One reverse sweep from `seed` times record `out`. Needs every adjoint zero. With
        /// `AGAIN` (a Jacobian's rows) it prepares the next: [`reset`](Self::reset) then
        /// makes every adjoint zero.
        fn sweep<const AGAIN: bool>(&self, out: Self::Handle, seed: T);
        /// Sets every adjoint back to zero after a sweep with `AGAIN` and a read of the inputs.
        fn reset(&self);
        /// The adjoints of the `N` inputs after a sweep.
        fn adjoints<const N: usize>(&self) -> [T; N];
        /// The record's position on the tape, for `Debug`.
        fn position(h: Self::Handle) -> Option<usize>;
    }
}

/// A tape that variables record on: a [`Tape`] (with [`gradient_on`](super::gradient_on)) or
/// a [`Stack`] (inside [`gradient`](super::gradient) and the other closure forms). It is sealed;
/// name it to write code generic over both kinds of [`Active`](super::Active).
///
/// ```
/// use typegrad::tape::{self, Active, Store, Tape};
/// fn value<T: typegrad::Scalar, S: Store<T>>(x: Active<'_, T, S>) -> T {
///     x.value()
/// }
/// let _ = tape::gradient::<_, 2>(|[x]| { assert_eq!(value(x), 1.5); x }, [1.5_f64]);
/// let _ = tape::gradient_on(&mut Tape::<f64, 2>::new(), |[x]| { assert_eq!(value(x), 1.5); x }, [1.5]);
/// ```
pub trait Store<T: Scalar>: sealed::Records<T> {}

impl<T: Scalar, const CAP: usize> sealed::Records<T> for Tape<T, CAP> {
    type Handle = u32;
    const NONE: u32 = NONE;
    #[inline(always)]
    fn inputs<'t, const N: usize>(&'t self, x: [T; N]) -> [Active<'t, T, Self>; N] {
        self.start(N);
        indexed(x, |i, v| {
            // Past `CAP` the inputs are counted only (and the call fails).
            let index = if i < CAP { i as u32 } else { NONE };
            Active::at(v, T::one(), index, Some(self))
        })
    }
    #[inline(always)]
    fn record(&self, a: u32, da: T, b: u32, db: T) -> u32 {
        Tape::record(self, a, da, b, db)
    }
    #[inline(always)]
    fn statement(&self, k: usize, pairs: impl Iterator<Item = [(u32, T); 2]>) -> u32 {
        Tape::statement(self, k, pairs)
    }
    #[inline(always)]
    fn status(&self) -> Result<(), TapeError> {
        Tape::status(self)
    }
    #[inline(always)]
    fn sweep<const AGAIN: bool>(&self, out: u32, seed: T) {
        Tape::sweep(self, out, seed);
    }
    #[inline(always)]
    fn reset(&self) {
        Tape::reset(self);
    }
    #[inline(always)]
    fn adjoints<const N: usize>(&self) -> [T; N] {
        self.inputs_adjoint()
    }
    fn position(h: u32) -> Option<usize> {
        (h != NONE).then_some(h as usize)
    }
}

impl<T: Scalar, const CAP: usize> Store<T> for Tape<T, CAP> {}

impl<'t, T: Scalar> sealed::Records<T> for Stack<'t, T> {
    type Handle = Link<'t, T>;
    const NONE: Link<'t, T> = None;
    #[inline(always)]
    fn inputs<'s, const N: usize>(&'s self, x: [T; N]) -> [Active<'s, T, Self>; N] {
        core::array::from_fn(|i| Active::at(x[i], T::one(), self.input(), Some(self)))
    }
    #[inline(always)]
    fn record(&self, a: Link<'t, T>, da: T, b: Link<'t, T>, db: T) -> Link<'t, T> {
        Stack::record(self, a, da, b, db)
    }
    #[inline(always)]
    fn statement(
        &self,
        k: usize,
        pairs: impl Iterator<Item = [(Link<'t, T>, T); 2]>,
    ) -> Link<'t, T> {
        Stack::statement(self, k, pairs)
    }
    #[inline(always)]
    fn status(&self) -> Result<(), TapeError> {
        Stack::status(self)
    }
    #[inline(always)]
    fn sweep<const AGAIN: bool>(&self, out: Link<'t, T>, seed: T) {
        Stack::sweep::<AGAIN>(out, seed);
    }
    #[inline(always)]
    fn reset(&self) {
        Stack::reset(self);
    }
    #[inline(always)]
    fn adjoints<const N: usize>(&self) -> [T; N] {
        Stack::adjoints(self)
    }
    fn position(h: Link<'t, T>) -> Option<usize> {
        Stack::position(h)
    }
}

impl<T: Scalar> Store<T> for Stack<'_, T> {}
