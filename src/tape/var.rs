//! `Active`: a value and where it is recorded; operations record through the rule table.

use core::marker::PhantomData;

use super::Stack;
use super::store::Store;
use crate::Scalar;
use crate::number::{Number, numbers};
use crate::rules::{Coef, D1, D2, chain};

/// A number recorded on a tape: its value, and its derivative as a multiple of one record (a
/// multiplier and the record), with the tape.
///
/// `S` is the kind of tape: a [`Stack`] (the default) inside the closure forms
/// ([`gradient`](super::gradient), [`jacobian`](super::jacobian), [`required`](super::required)),
/// whatever their capacity, or a [`Tape<T, CAP>`](super::Tape) with
/// [`gradient_on`](super::gradient_on) and [`jacobian_on`](super::jacobian_on).
///
/// `Active` implements [`num_traits::Float`] (and [`Scalar`]), so code written once as
/// `fn f<T: Float>(..) -> T` records itself when called with variables. A constant
/// (`T::from(2.0)`, `zero()`, a plain `f64` operand) has no tape, and operations between
/// constants record nothing. Operations of one variable (`sin`, `x * 2.0`, `powi`, and a
/// variable with a constant) record nothing either: they multiply the variable's multiplier
/// by their derivative. Only operations of two variables make a record. Comparisons look at
/// the value only, so control flow follows the plain computation.
///
/// The lifetime `'t` is that of the tape; it is invariant, so variables of the closure
/// forms ([`gradient`](super::gradient)) cannot leave their call or meet another tape's.
///
/// ```
/// use typegrad::{tape::{self, Active}, Float};
/// let (v, g) = tape::gradient::<_, 8>(|[x, y]| {
///     let c: Active<'_, f64> = Float::max_value(); // a constant
///     assert!(c.is_constant() && !x.is_constant());
///     (x * y).min(c)
/// }, [2.0, 3.0]).unwrap();
/// assert_eq!((v, g), (6.0, [3.0, 2.0]));
/// ```
pub struct Active<'t, T: Scalar, S: Store<T> = Stack<'t, T>> {
    pub(super) v: T,
    /// The derivative in record `i`; meaningless for a constant.
    pub(super) s: T,
    /// The record; `S::NONE` for a constant.
    pub(super) i: S::Handle,
    pub(super) tape: Option<&'t S>,
    /// Invariance in `'t`: two tapes' variables never unify to one type.
    brand: PhantomData<fn(&'t ()) -> &'t ()>,
}

impl<T: Scalar, S: Store<T>> Copy for Active<'_, T, S> {}
impl<T: Scalar, S: Store<T>> Clone for Active<'_, T, S> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}

impl<'t, T: Scalar, S: Store<T>> Active<'t, T, S> {
    /// A constant: no tape, no record.
    ///
    /// ```
    /// use typegrad::tape::Active;
    /// let c: Active<f64> = Active::constant(2.5);
    /// assert!(c.is_constant());
    /// assert_eq!(c.value(), 2.5);
    /// ```
    #[inline(always)]
    pub fn constant(v: T) -> Self {
        Self::at(v, T::zero(), S::NONE, None)
    }

    #[inline(always)]
    pub(super) fn at(v: T, s: T, i: S::Handle, tape: Option<&'t S>) -> Self {
        Active {
            v,
            s,
            i,
            tape,
            brand: PhantomData,
        }
    }

    /// The value.
    ///
    /// ```
    /// use typegrad::{tape, Float};
    /// let r = tape::gradient::<_, 4>(|[x]| {
    ///     assert_eq!(x.exp().value(), 1.0);
    ///     x
    /// }, [0.0_f64]);
    /// assert!(r.is_ok());
    /// ```
    #[inline(always)]
    pub fn value(&self) -> T {
        self.v
    }

    /// Whether this is a constant (on no tape).
    ///
    /// ```
    /// use typegrad::tape::Active;
    /// assert!(Active::<f32>::constant(1.0).is_constant());
    /// ```
    #[inline(always)]
    pub fn is_constant(&self) -> bool {
        self.tape.is_none()
    }
}

numbers!(
    ['t, T: Scalar, S: Store<T>] Active<'t, T, S>, T,
    name: "typegrad::tape::Active<'_, f64>",
    pre: "let _ = typegrad::tape::gradient::<_, 4>(|[x]| {",
    post: "x }, [0.5_f64]);"
);

impl<'t, T: Scalar, S: Store<T>> Number for Active<'t, T, S> {
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
        self.v.is_exact_zero() && (self.tape.is_none() || self.s.is_exact_zero())
    }
    /// Records nothing: the result is the same multiple of the same record (or a constant,
    /// where the derivative is an inactive choice such as the unpicked side of `max`).
    #[inline(always)]
    fn chain<C: Coef<T>>(self, D1 { v, d }: D1<T, C>) -> Self {
        match self.tape {
            Some(tape) if d.active() => Self::at(v, chain(d, self.s), self.i, Some(tape)),
            _ => Self::constant(v),
        }
    }
    /// Makes a record only when both sides are variables that the result depends on (an
    /// unpicked side of `max` is not). Both are on one tape: the types rule out two.
    #[inline(always)]
    fn join<Ca: Coef<T>, Cb: Coef<T>>(self, other: Self, D2 { v, da, db }: D2<T, Ca, Cb>) -> Self {
        // `active` is a constant `true` except for choices (`max`, `min`, …): for every
        // other rule the inner match folds to making the record.
        match (self.tape, other.tape) {
            (Some(a), Some(b)) => match (da.active(), db.active()) {
                (true, true) => {
                    let (da, db) = (chain(da, self.s), chain(db, other.s));
                    Self::at(v, T::one(), a.record(self.i, da, other.i, db), Some(a))
                }
                (true, false) => Self::at(v, chain(da, self.s), self.i, Some(a)),
                (false, true) => Self::at(v, chain(db, other.s), other.i, Some(b)),
                (false, false) => Self::constant(v),
            },
            (Some(a), None) if da.active() => Self::at(v, chain(da, self.s), self.i, Some(a)),
            (None, Some(b)) if db.active() => Self::at(v, chain(db, other.s), other.i, Some(b)),
            _ => Self::constant(v),
        }
    }
}
