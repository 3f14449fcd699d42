//! `Var`: a value and where it is recorded; operations record through the rule table.

use core::cmp::Ordering;
use core::marker::PhantomData;

use super::{NONE, Tape};
use crate::Scalar;
use crate::rules::{Binary, Coef, D1, D2, Guard, NegOne, One, Pick, Unary, Zero};

/// A number recorded on a [`Tape`]: its value, and its derivative as a multiple of one
/// record (a multiplier and the record's index), with the tape.
///
/// `Var` implements [`num_traits::Float`] (and [`Scalar`]), so code written once as
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
    /// The derivative in record `i`; meaningless for a constant.
    pub(super) s: T,
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

/// A rule's coefficient, told whether it can be infinite where the value is finite.
pub(super) trait Partial<T>: Coef<T> {
    /// `true` for [`Guard`]: `sqrt` at 0, `asin` at ±1, ….
    const GUARDED: bool = false;
}
impl<T: Scalar> Partial<T> for One {}
impl<T: Scalar> Partial<T> for NegOne {}
impl<T: Scalar> Partial<T> for Zero {}
impl<T: Scalar> Partial<T> for Pick {}
impl<T: Scalar> Partial<T> for T {}
impl<T: Scalar> Partial<T> for Guard<T> {
    const GUARDED: bool = true;
}

/// `c · s`, the chain rule through one step, kept zero when `s` is zero even where `c` is
/// infinite (as forward mode keeps zero tangents zero).
#[inline(always)]
fn chain<T: Scalar, C: Partial<T>>(c: C, s: T) -> T {
    if C::ZERO {
        return T::zero();
    }
    let d = c.of(s);
    // `0 · ∞` is the only way to NaN from a non-NaN `s`: test for the rare NaN first.
    if C::GUARDED && d.is_nan() {
        guard(c, s, d)
    } else {
        d
    }
}

/// [`chain`] where the product is NaN: zero if `s` is zero and `c` not finite.
#[cold]
#[inline(never)]
fn guard<T: Scalar, C: Coef<T>>(c: C, s: T, d: T) -> T {
    if !c.is_finite() && s == T::zero() {
        T::zero()
    } else {
        d
    }
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
        Self::at(v, T::zero(), NONE, None)
    }

    #[inline(always)]
    pub(super) fn at(v: T, s: T, i: u32, tape: Option<&'t Tape<T, CAP>>) -> Self {
        Var {
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
    /// use typegrad::tape::Var;
    /// assert!(Var::<f32, 2>::constant(1.0).is_constant());
    /// ```
    #[inline(always)]
    pub fn is_constant(&self) -> bool {
        self.tape.is_none()
    }

    /// A function of this variable alone: value `v`, derivative `d` in `self`.
    #[inline(always)]
    fn then<C: Partial<T>>(self, v: T, d: C) -> Self {
        Self::at(v, chain(d, self.s), self.i, self.tape)
    }

    /// A function of `self` and `other`: value `v`, partials `dx` and `dy`. It makes a
    /// record only when both are variables, and notes a mix of two tapes on both.
    #[inline(always)]
    fn join<Cx: Partial<T>, Cy: Partial<T>>(self, other: Self, v: T, dx: Cx, dy: Cy) -> Self {
        match (self.tape, other.tape) {
            (Some(a), Some(b)) => {
                if !core::ptr::eq(a, b) {
                    a.mix();
                    b.mix();
                }
                let (dx, dy) = (chain(dx, self.s), chain(dy, other.s));
                Self::at(v, T::one(), a.record(self.i, dx, other.i, dy), Some(a))
            }
            (Some(_), None) => self.then(v, dx),
            (None, Some(_)) => other.then(v, dy),
            (None, None) => Self::constant(v),
        }
    }

    /// Apply a one-argument rule: the value, and the chain rule with its derivative.
    #[inline(always)]
    pub(super) fn map1<R: Unary<T, C: Partial<T>>>(self, rule: R) -> Self {
        let D1 { v, d } = rule.apply(self.v);
        match self.tape {
            Some(_) => self.then(v, d),
            None => Self::constant(v),
        }
    }

    /// Apply a two-argument rule to `(self, other)`.
    #[inline(always)]
    pub(super) fn map2<R: Binary<T, Cx: Partial<T>, Cy: Partial<T>>>(
        self,
        other: Self,
        rule: R,
    ) -> Self {
        let D2 { v, dx, dy } = rule.apply(self.v, other.v);
        self.join(other, v, dx, dy)
    }

    /// `self · a + b` with one rounding: a record for each pair of variables met.
    #[inline(always)]
    pub(super) fn fused(self, a: Self, b: Self) -> Self {
        let (v, ds, da) = crate::rules::mul_add(self.v, a.v, b.v);
        self.join(a, v, ds, da).join(b, v, One, One)
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
