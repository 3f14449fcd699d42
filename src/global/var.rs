//! `Var`: a value and where it is recorded, reaching its tape through the tape's static.

use core::marker::PhantomData;

use super::Global;
use super::store::{CONSTANT, NONE, POISONED};
use crate::Scalar;
use crate::number::{Number, numbers};
use crate::rules::{Coef, D1, D2, chain};

/// A number recorded on the global tape `G`: its value, and its derivative as a multiple of
/// one record (a multiplier, the record's index, and the id of the recording).
///
/// It is `'static`, `Copy`, `Send` and `Sync`, and implements [`Float`](crate::Float) (and
/// nalgebra's `RealField` with the `nalgebra` feature), so code that needs such a scalar runs
/// in reverse mode. Like [`tape::Active`](crate::tape::Active), operations of one variable
/// (and with constants) record nothing; only operations of two variables make a record, on
/// the tape `G` reaches through its static. Comparisons look at the value only.
///
/// A variable lives only inside the [`gradient`](super::gradient) call that made it: used in
/// another recording, or returned from it, it makes that call fail with
/// [`Error::Stale`](super::Error::Stale); it is never silently wrong.
///
/// ```
/// use typegrad::{global, Float};
/// typegrad::global_tape!(Tape: f64, 16);
/// let (v, g) = global::gradient::<Tape, _>(|[x, y]| {
///     let c = global::Var::<f64, Tape>::constant(2.0);
///     assert!(c.is_constant() && !x.is_constant());
///     x * y + c
/// }, [3.0, 4.0]).unwrap();
/// assert_eq!((v, g), (14.0, [4.0, 3.0]));
/// ```
pub struct Var<T, G> {
    pub(super) v: T,
    /// The derivative in record `i`; meaningless for a constant.
    pub(super) s: T,
    /// The record's index (`NONE` past the capacity).
    pub(super) i: u32,
    /// The recording it belongs to: `CONSTANT` for a constant.
    pub(super) id: u64,
    tape: PhantomData<fn() -> G>,
}

impl<T: Copy, G> Copy for Var<T, G> {}
impl<T: Copy, G> Clone for Var<T, G> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Scalar, G: Global<T = T>> Var<T, G> {
    /// A constant: no record.
    ///
    /// ```
    /// use typegrad::global::Var;
    /// typegrad::global_tape!(Tape: f64, 4);
    /// let c = Var::<f64, Tape>::constant(2.5);
    /// assert_eq!((c.value(), c.is_constant()), (2.5, true));
    /// ```
    #[inline(always)]
    pub fn constant(v: T) -> Self {
        Self::at(v, T::zero(), NONE, CONSTANT)
    }

    #[inline(always)]
    pub(super) fn at(v: T, s: T, i: u32, id: u64) -> Self {
        Var {
            v,
            s,
            i,
            id,
            tape: PhantomData,
        }
    }

    /// The value.
    ///
    /// ```
    /// use typegrad::{global, Float};
    /// typegrad::global_tape!(Tape: f64, 4);
    /// let r = global::gradient::<Tape, _>(|[x]| {
    ///     assert_eq!(x.exp().value(), 1.0);
    ///     x
    /// }, [0.0]);
    /// assert!(r.is_ok());
    /// ```
    #[inline(always)]
    pub fn value(&self) -> T {
        self.v
    }

    /// Whether this is a constant (on no recording).
    ///
    /// ```
    /// use typegrad::global::Var;
    /// typegrad::global_tape!(Tape: f32, 4);
    /// assert!(Var::<f32, Tape>::constant(1.0).is_constant());
    /// ```
    #[inline(always)]
    pub fn is_constant(&self) -> bool {
        self.id == CONSTANT
    }
}

/// The constant zero, built at compile time.
///
/// ```
/// use num_traits::ConstZero;
/// use typegrad::global::Var;
/// typegrad::global_tape!(Tape: f64, 1);
/// const Z: Var<f64, Tape> = Var::ZERO;
/// assert!(Z.is_constant() && Z.value() == 0.0);
/// ```
impl<T: Scalar + num_traits::ConstZero, G: Global<T = T>> num_traits::ConstZero for Var<T, G> {
    const ZERO: Self = Var {
        v: T::ZERO,
        s: T::ZERO,
        i: NONE,
        id: CONSTANT,
        tape: PhantomData,
    };
}

/// The constant one, built at compile time.
///
/// ```
/// use num_traits::ConstOne;
/// use typegrad::global::Var;
/// typegrad::global_tape!(Tape: f32, 1);
/// assert_eq!(<Var<f32, Tape> as ConstOne>::ONE.value(), 1.0);
/// ```
impl<T: Scalar + num_traits::ConstZero + num_traits::ConstOne, G: Global<T = T>>
    num_traits::ConstOne for Var<T, G>
{
    const ONE: Self = Var {
        v: T::ONE,
        s: T::ZERO,
        i: NONE,
        id: CONSTANT,
        tape: PhantomData,
    };
}

numbers!(
    [T: Scalar, G: Global<T = T>] Var<T, G>, T,
    name: "typegrad::global::Var<f64, Tape>",
    pre: "typegrad::global_tape!(Tape: f64, 4);\nlet _ = typegrad::global::gradient::<Tape, _>(|[x]| {",
    post: "x }, [0.5_f64]);"
);

impl<T: Scalar, G: Global<T = T>> Number for Var<T, G> {
    type T = T;
    #[inline(always)]
    fn re(self) -> T {
        self.v
    }
    #[inline(always)]
    fn lift(c: T) -> Self {
        Self::constant(c)
    }
    #[inline(always)]
    fn exact_zero(self) -> bool {
        self.v.is_exact_zero() && (self.id == CONSTANT || self.s.is_exact_zero())
    }
    /// Records nothing: the same multiple of the same record.
    #[inline(always)]
    fn chain<C: Coef<T>>(self, D1 { v, d }: D1<T, C>) -> Self {
        if self.id == CONSTANT || !d.active() {
            Self::constant(v)
        } else {
            Self::at(v, chain(d, self.s), self.i, self.id)
        }
    }
    /// Records when both sides are variables the result depends on.
    #[inline(always)]
    fn join<Ca: Coef<T>, Cb: Coef<T>>(self, other: Self, D2 { v, da, db }: D2<T, Ca, Cb>) -> Self {
        let a = self.id != CONSTANT && da.active();
        let b = other.id != CONSTANT && db.active();
        match (a, b) {
            (true, true) => {
                let (da, db) = (chain(da, self.s), chain(db, other.s));
                let ends = ((self.id, self.i, da), (other.id, other.i, db));
                let recorded = G::with(|s| s.record(ends.0, ends.1));
                let (id, i) = recorded.unwrap_or((POISONED, NONE));
                Self::at(v, T::one(), i, id)
            }
            (true, false) => Self::at(v, chain(da, self.s), self.i, self.id),
            (false, true) => Self::at(v, chain(db, other.s), other.i, other.id),
            (false, false) => Self::constant(v),
        }
    }
}
