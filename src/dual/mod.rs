//! `Dual<T, N>`: a value and `N` tangents, carried together through any `Float` code.

mod consts;
mod fmt;
#[cfg(feature = "nalgebra")]
mod simba;

use generic_array::{ArrayLength, GenericArray, sequence::GenericSequence};
use typenum::U1;

use crate::number::{Number, numbers};
use crate::rules::{self, Coef, D1, D2};
use crate::{Length, Scalar};

/// A dual number: a value and its derivatives in `N` directions (`N` a [`typenum`] length).
///
/// `Dual<T, N>` implements [`num_traits::Float`], so any function written once as
/// `fn f<T: Float>(..) -> T` computes its own derivatives when called with duals. Each
/// operation applies the chain rule to all `N` tangents; the rules come from
/// [`rules`](crate::rules), the table reverse mode uses too.
///
/// Comparisons (`==`, `<`, …) look at the value only, so control flow follows the plain
/// computation. Duals nest: `Dual<Dual<f64>>` carries second derivatives, and each level
/// keeps its own perturbation apart from the others.
///
/// ```
/// use typegrad::{Dual, Float};
/// use typegrad::typenum::U2;
///
/// // f(x, y) = x·sin(y) at (2, 0), differentiated in both directions at once.
/// let x = Dual::<f64, U2>::variable::<0>(2.0);
/// let y = Dual::<f64, U2>::variable::<1>(0.0);
/// let f = x * y.sin();
/// assert_eq!(f.value(), 0.0);
/// assert_eq!(f.tangent().as_slice(), &[0.0, 2.0]); // (sin y, x cos y)
/// ```
pub struct Dual<T, N: ArrayLength = U1> {
    re: T,
    eps: GenericArray<T, N>,
}

impl<T: Copy, N: Length<T>> Copy for Dual<T, N> {}
impl<T: Clone, N: ArrayLength> Clone for Dual<T, N> {
    #[inline(always)]
    fn clone(&self) -> Self {
        Dual {
            re: self.re.clone(),
            eps: self.eps.clone(),
        }
    }
}

impl<T: Scalar, N: Length<T>> Dual<T, N> {
    /// A dual with the given value and tangents.
    ///
    /// ```
    /// use typegrad::Dual;
    /// use typegrad::generic_array::GenericArray;
    /// let d = Dual::new(1.0_f64, GenericArray::from([2.0, 3.0]));
    /// assert_eq!(d.tangent()[1], 3.0);
    /// ```
    #[inline(always)]
    pub fn new(value: T, tangent: GenericArray<T, N>) -> Self {
        Dual {
            re: value,
            eps: tangent,
        }
    }

    /// A constant: all tangents zero. The same as `Dual::from(c)`.
    ///
    /// ```
    /// use typegrad::Dual;
    /// let c = Dual::<f64>::constant(4.0);
    /// assert_eq!((c.value(), c.tangent()[0]), (4.0, 0.0));
    /// ```
    #[inline(always)]
    pub fn constant(c: T) -> Self {
        Dual {
            re: c,
            eps: GenericArray::generate(|_| T::zero()),
        }
    }

    /// Input number `I` of `N`: tangent 1 in direction `I`, 0 elsewhere. An index past
    /// the tangent count is a compile error (raised when the program is built: `cargo check`
    /// does not evaluate it).
    ///
    /// ```
    /// use typegrad::Dual;
    /// use typegrad::typenum::U3;
    /// let y = Dual::<f64, U3>::variable::<1>(5.0);
    /// assert_eq!(y.tangent().as_slice(), &[0.0, 1.0, 0.0]);
    /// ```
    ///
    /// ```compile_fail,E0080
    /// use typegrad::Dual;
    /// use typegrad::typenum::U2;
    /// let y = Dual::<f64, U2>::variable::<2>(5.0); // only inputs 0 and 1 exist
    /// ```
    #[inline(always)]
    pub fn variable<const I: usize>(value: T) -> Self {
        const {
            assert!(
                I < N::USIZE,
                "Dual::variable::<I>: the input index I must be less than the tangent count N"
            )
        };
        Self::seeded(value, I)
    }

    /// Input `i` (tangent 1 in direction `i`); for `i >= N` it is a constant.
    #[inline(always)]
    pub(crate) fn seeded(value: T, i: usize) -> Self {
        let mut d = Self::constant(value);
        if let Some(t) = d.eps.get_mut(i) {
            *t = T::one();
        }
        d
    }

    /// The value.
    ///
    /// ```
    /// use typegrad::Dual;
    /// assert_eq!(Dual::<f32>::constant(1.5).value(), 1.5);
    /// ```
    #[inline(always)]
    pub fn value(&self) -> T {
        self.re
    }

    /// The tangents: the derivatives in each of the `N` directions.
    ///
    /// ```
    /// use typegrad::{Dual, Float};
    /// let x = Dual::<f64>::variable::<0>(3.0);
    /// assert_eq!(x.powi(2).tangent()[0], 6.0);
    /// ```
    #[inline(always)]
    pub fn tangent(&self) -> GenericArray<T, N> {
        self.eps
    }
}

numbers!(
    [T: Scalar, N: Length<T>] Dual<T, N>, T,
    name: "typegrad::Dual<f64>",
    pre: "let x = typegrad::Dual::<f64>::variable::<0>(0.5);",
    post: ""
);

impl<T: Scalar, N: Length<T>> Number for Dual<T, N> {
    type T = T;
    #[inline(always)]
    fn re(self) -> T {
        self.re
    }
    #[inline(always)]
    fn lift(c: T) -> Self {
        Self::constant(c)
    }
    #[inline(always)]
    fn exact_zero(self) -> bool {
        self.re.is_exact_zero() && self.eps.iter().all(|t| t.is_exact_zero())
    }
    #[inline(always)]
    fn chain<C: Coef<T>>(self, D1 { v, d }: D1<T, C>) -> Self {
        Dual {
            re: v,
            eps: scale(d, self.eps),
        }
    }
    #[inline(always)]
    fn join<Ca: Coef<T>, Cb: Coef<T>>(self, other: Self, D2 { v, da, db }: D2<T, Ca, Cb>) -> Self {
        Dual {
            re: v,
            eps: combine(da, self.eps, db, other.eps),
        }
    }
}

/// `c · t` for every tangent, under the zero rule ([`rules::chain`]), testing `c` once.
#[inline(always)]
fn scale<T: Scalar, N: Length<T>, C: Coef<T>>(c: C, t: GenericArray<T, N>) -> GenericArray<T, N> {
    if C::ZERO {
        GenericArray::generate(|_| T::zero())
    } else if rules::plain(c) {
        each(t, |t| c.of(t))
    } else {
        each(t, |t| rules::guarded(c, t))
    }
}

/// `t` with `f` applied to every element, in place.
#[inline(always)]
fn each<T: Copy, N: Length<T>>(
    mut t: GenericArray<T, N>,
    f: impl Fn(T) -> T,
) -> GenericArray<T, N> {
    for a in t.iter_mut() {
        *a = f(*a);
    }
    t
}

/// `f(x, y)` for every pair of elements, written over `x`.
#[inline(always)]
fn each2<T: Copy, N: Length<T>>(
    mut x: GenericArray<T, N>,
    y: GenericArray<T, N>,
    f: impl Fn(T, T) -> T,
) -> GenericArray<T, N> {
    for (a, b) in x.iter_mut().zip(y.iter()) {
        *a = f(*a, *b);
    }
    x
}

/// `ca · ta + cb · tb` for every direction, under the same rule as [`scale`].
#[inline(always)]
fn combine<T: Scalar, N: Length<T>, Ca: Coef<T>, Cb: Coef<T>>(
    ca: Ca,
    ta: GenericArray<T, N>,
    cb: Cb,
    tb: GenericArray<T, N>,
) -> GenericArray<T, N> {
    if Ca::ZERO {
        scale(cb, tb)
    } else if Cb::ZERO {
        scale(ca, ta)
    } else if rules::plain(ca) && rules::plain(cb) {
        each2(ta, tb, |a, b| ca.of(a) + cb.of(b))
    } else {
        each2(ta, tb, |a, b| rules::guarded(ca, a) + rules::guarded(cb, b))
    }
}
