//! `Var`: a value and where it is recorded; operations record through the rule table.

use core::cmp::Ordering;
use core::marker::PhantomData;

use super::{NONE, Tape};
use crate::Scalar;
use crate::rules::{Binary, Coef, D1, D2, Unary};

/// A number recorded on a [`Tape`]: its value, its record's index, and the tape.
///
/// `Var` implements [`num_traits::Float`] (and [`Scalar`]), so code written once as
/// `fn f<T: Float>(..) -> T` records itself when called with variables. A constant
/// (`T::from(2.0)`, `zero()`, a plain `f64` operand) has no tape, and operations between
/// constants record nothing. Comparisons look at the value only, so control flow follows
/// the plain computation.
///
/// The lifetime `'t` is that of the tape; it is invariant, so variables of the closure
/// forms ([`gradient`](super::gradient)) cannot leave their call or meet another tape's.
///
/// ```
/// use typegrad::{tape::{self, Var}, Float};
/// let (v, g) = tape::gradient::<_, 8>(|[x, y]| {
///     let c: Var<'_, f64, 8> = Float::max_value(); // a constant
///     assert!(c.is_constant() && !x.is_constant());
///     (x * y).min(c)
/// }, [2.0, 3.0]).unwrap();
/// assert_eq!((v, g), (6.0, [3.0, 2.0]));
/// ```
pub struct Var<'t, T, const CAP: usize> {
    pub(super) v: T,
    /// The record's index; `NONE` for a constant.
    pub(super) i: u32,
    pub(super) tape: Option<&'t Tape<T, CAP>>,
    /// Invariance in `'t`: two tapes' variables never unify to one type.
    brand: PhantomData<fn(&'t ()) -> &'t ()>,
}

impl<T: Copy, const CAP: usize> Copy for Var<'_, T, CAP> {}
impl<T: Copy, const CAP: usize> Clone for Var<'_, T, CAP> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}

/// The coefficient as a plain partial derivative.
#[inline(always)]
fn partial<T: Scalar, C: Coef<T>>(c: C) -> T {
    c.of(T::one())
}

impl<'t, T: Scalar, const CAP: usize> Var<'t, T, CAP> {
    /// A constant: no tape, no record.
    ///
    /// ```
    /// use typegrad::tape::Var;
    /// let c = Var::<f64, 4>::constant(2.5);
    /// assert!(c.is_constant());
    /// assert_eq!(c.value(), 2.5);
    /// ```
    #[inline(always)]
    pub fn constant(v: T) -> Self {
        Self::at(v, NONE, None)
    }

    #[inline(always)]
    pub(super) fn at(v: T, i: u32, tape: Option<&'t Tape<T, CAP>>) -> Self {
        Var {
            v,
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
    /// use typegrad::tape::Var;
    /// assert!(Var::<f32, 2>::constant(1.0).is_constant());
    /// ```
    #[inline(always)]
    pub fn is_constant(&self) -> bool {
        self.tape.is_none()
    }

    /// A record on `tape` (if any) with the given value, parents and partials.
    #[inline(always)]
    fn node(tape: Option<&'t Tape<T, CAP>>, v: T, parents: [u32; 2], partials: [T; 2]) -> Self {
        match tape {
            Some(t) => Self::at(v, t.record(parents, partials), tape),
            None => Self::constant(v),
        }
    }

    /// The tape of two operands, noting it on both if they differ.
    #[inline(always)]
    fn common(self, other: Self) -> Option<&'t Tape<T, CAP>> {
        match (self.tape, other.tape) {
            (Some(a), Some(b)) => {
                if !core::ptr::eq(a, b) {
                    a.mix();
                    b.mix();
                }
                Some(a)
            }
            (a, b) => a.or(b),
        }
    }

    /// Apply a one-argument rule: the value, and a record with its derivative.
    #[inline(always)]
    pub(super) fn map1<R: Unary<T>>(self, rule: R) -> Self {
        let D1 { v, d } = rule.apply(self.v);
        Self::node(self.tape, v, [self.i, NONE], [partial(d), T::zero()])
    }

    /// Apply a two-argument rule to `(self, other)`.
    #[inline(always)]
    pub(super) fn map2<R: Binary<T>>(self, other: Self, rule: R) -> Self {
        let D2 { v, dx, dy } = rule.apply(self.v, other.v);
        let tape = self.common(other);
        Self::node(tape, v, [self.i, other.i], [partial(dx), partial(dy)])
    }

    /// `self · a + b` with one rounding: one record, or two when `b`
    /// and one of the factors are variables.
    #[inline(always)]
    pub(super) fn fused(self, a: Self, b: Self) -> Self {
        let (v, ds, da) = crate::rules::mul_add(self.v, a.v, b.v);
        let product = Self::node(self.common(a), v, [self.i, a.i], [ds, da]);
        match (product.tape, b.tape) {
            (_, None) => product,
            (None, tape) => Self::node(tape, v, [b.i, NONE], [T::one(), T::zero()]),
            _ => Self::node(product.common(b), v, [product.i, b.i], [T::one(), T::one()]),
        }
    }
}

impl<T: Scalar, const CAP: usize> From<T> for Var<'_, T, CAP> {
    /// A constant.
    ///
    /// ```
    /// use typegrad::tape::Var;
    /// let c: Var<f64, 4> = Var::from(2.0);
    /// assert!(c.is_constant());
    /// ```
    #[inline(always)]
    fn from(c: T) -> Self {
        Self::constant(c)
    }
}

impl<T: Scalar, const CAP: usize> Default for Var<'_, T, CAP> {
    /// The constant zero.
    ///
    /// ```
    /// use typegrad::tape::Var;
    /// assert_eq!(Var::<f64, 1>::default().value(), 0.0);
    /// ```
    #[inline(always)]
    fn default() -> Self {
        Self::constant(T::zero())
    }
}

impl<T: PartialEq, const CAP: usize> PartialEq for Var<'_, T, CAP> {
    /// Compares values only.
    ///
    /// ```
    /// use typegrad::tape::Var;
    /// assert_eq!(Var::<f64, 1>::from(1.0), Var::from(1.0));
    /// ```
    #[inline(always)]
    fn eq(&self, other: &Self) -> bool {
        self.v == other.v
    }
}

impl<T: PartialOrd, const CAP: usize> PartialOrd for Var<'_, T, CAP> {
    /// Orders by value only.
    ///
    /// ```
    /// use typegrad::tape::Var;
    /// assert!(Var::<f64, 1>::from(1.0) < Var::from(2.0));
    /// ```
    #[inline(always)]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.v.partial_cmp(&other.v)
    }
}
