//! Typed partial derivatives, and the zero rule every mode applies with them.

use crate::Scalar;

/// A partial derivative, applied to a tangent (forward mode) or an adjoint (reverse mode).
///
/// Its type says what the compiler may assume: [`One`], [`NegOne`] and [`Zero`] cost
/// nothing, [`Pick`] is a choice (`max`, `min`), a plain `T` multiplies, and [`Guard`]
/// multiplies but may be infinite where the value is finite. The trait is sealed: a rule of
/// your own returns one of these.
///
/// ```
/// use typegrad::rules::{Coef, Guard, One, Pick};
/// assert_eq!(One.of(3.0_f64), 3.0);
/// assert_eq!(Guard(2.0_f64).of(3.0), 6.0);
/// assert!(!Coef::<f64>::active(Pick(false, One)));
/// ```
pub trait Coef<T>: Copy + sealed::Kind<T> {
    /// The coefficient times `t`.
    ///
    /// ```
    /// use typegrad::rules::{Coef, NegOne};
    /// assert_eq!(NegOne.of(3.0_f32), -3.0);
    /// ```
    fn of(self, t: T) -> T;

    /// Whether anything propagates through this coefficient: `false` for [`Zero`] and for a
    /// [`Pick`] not taken, so an infinite partial there never meets a tangent or adjoint.
    ///
    /// ```
    /// use typegrad::rules::{Coef, One, Pick, Zero};
    /// assert!(!Coef::<f64>::active(Zero) && Coef::<f64>::active(Pick(true, One)));
    /// ```
    #[inline(always)]
    fn active(self) -> bool {
        !Self::ZERO
    }

    /// The coefficient times an adjoint `t`, in a reverse pass: [`of`](Self::of), except
    /// that [`Power`] multiplies the adjoint by its exponent first where that is exact, so a
    /// constant adjoint and the exponent fold into one number.
    ///
    /// ```
    /// use typegrad::rules::{Coef, Power};
    /// let d = Power::new(2, 3.0_f64); // d(x²)/dx at x = 3
    /// assert_eq!((d.of(10.0), d.of_adjoint(10.0)), (60.0, 60.0));
    /// ```
    #[inline(always)]
    fn of_adjoint(self, t: T) -> T {
        self.of(t)
    }
}

/// What the modes may assume of a coefficient type; sealed, so only this module adds to it.
pub(crate) mod sealed {
    pub trait Kind<T> {
        /// Identically zero: nothing propagates.
        const ZERO: bool = false;
        /// `active` always holds (the reverse pass always reaches the argument).
        const ALWAYS: bool = true;
        /// May be infinite or NaN where the value is finite ([`Guard`](super::Guard)).
        const GUARDED: bool = false;
        /// `false` where the coefficient is infinite or NaN.
        #[inline(always)]
        fn finite(&self) -> bool {
            true
        }
        /// The coefficient as one number, for the types that may be infinite.
        #[inline(always)]
        fn number(&self) -> Option<T>
        where
            T: Copy,
        {
            None
        }
    }
}
use sealed::Kind;

/// The coefficient `1` (as in `d(x + y)/dx`).
///
/// ```
/// use typegrad::rules::{Coef, One};
/// assert_eq!(One.of(-2.5_f32), -2.5);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct One;

/// The coefficient `−1` (as in `d(x − y)/dy`).
///
/// ```
/// use typegrad::rules::{Coef, NegOne};
/// assert_eq!(NegOne.of(2.0_f64), -2.0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NegOne;

/// The coefficient `0` (as in `d floor(x)/dx`): nothing propagates.
///
/// ```
/// use typegrad::rules::{Coef, Zero};
/// assert_eq!(Zero.of(f64::INFINITY), 0.0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Zero;

/// A choice: the coefficient `C` ([`One`] or [`NegOne`]) if `true`, nothing if `false`;
/// applied as a choice, so `0 · ∞` never arises on the side not taken.
///
/// ```
/// use typegrad::rules::{Coef, NegOne, One, Pick};
/// assert_eq!(Pick(false, One).of(f64::INFINITY), 0.0);
/// assert_eq!(Pick(true, NegOne).of(4.0_f64), -4.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pick<C>(pub bool, pub C);

/// A derivative that may be infinite at a finite point (`sqrt` at 0, `asin` at ±1, …).
///
/// ```
/// use typegrad::rules::{Coef, Guard};
/// assert_eq!(Guard(f64::INFINITY).of(2.0), f64::INFINITY);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Guard<T>(pub T);

impl<T> Kind<T> for One {}
impl<T: Scalar> Coef<T> for One {
    #[inline(always)]
    fn of(self, t: T) -> T {
        t
    }
}

impl<T> Kind<T> for NegOne {}
impl<T: Scalar> Coef<T> for NegOne {
    #[inline(always)]
    fn of(self, t: T) -> T {
        -t
    }
}

impl<T> Kind<T> for Zero {
    const ZERO: bool = true;
    const ALWAYS: bool = false;
}
impl<T: Scalar> Coef<T> for Zero {
    #[inline(always)]
    fn of(self, _: T) -> T {
        T::zero()
    }
}

impl<T, C> Kind<T> for Pick<C> {
    const ALWAYS: bool = false;
}
impl<T: Scalar, C: Coef<T>> Coef<T> for Pick<C> {
    #[inline(always)]
    fn of(self, t: T) -> T {
        if self.0 { self.1.of(t) } else { T::zero() }
    }
    #[inline(always)]
    fn active(self) -> bool {
        self.0
    }
}

impl<T: Scalar> Kind<T> for T {}
impl<T: Scalar> Coef<T> for T {
    #[inline(always)]
    fn of(self, t: T) -> T {
        self * t
    }
}

impl<T: Scalar> Kind<T> for Guard<T> {
    const GUARDED: bool = true;
    #[inline(always)]
    fn finite(&self) -> bool {
        self.0.is_finite()
    }
    #[inline(always)]
    fn number(&self) -> Option<T> {
        Some(self.0)
    }
}
impl<T: Scalar> Coef<T> for Guard<T> {
    #[inline(always)]
    fn of(self, t: T) -> T {
        self.0 * t
    }
}

/// The derivative `n·p` of an integer power `xⁿ`, with its factors: the exponent `n` and
/// `p = xⁿ⁻¹` (like [`Guard`], it may be infinite where the value is finite: `x⁻¹` at 0).
///
/// [`of`](Coef::of) multiplies by the product `n·p`, computed when the rule was applied. A
/// reverse pass multiplies an adjoint `t` as `p·(n·t)` when `|n|` is a power of two
/// ([`of_adjoint`](Coef::of_adjoint)): `n·t` is then exact, so the result is the same (unless
/// `n·t` or `n·p` overflows), and when `t` is a constant of the formula, as the `100` in
/// `100·(b − a²)²`, the compiler folds `n·t` and multiplies once, as a hand-written
/// `200·(b − a²)` does.
///
/// ```
/// use typegrad::rules::{Coef, Power, Powi, Unary};
/// let d = Powi(3).apply(2.0_f64).d;
/// assert_eq!((d.exponent(), d.base_power(), d.of(1.0)), (3, 4.0, 12.0));
/// assert_eq!(Power::new(2, 0.5_f64).of_adjoint(100.0), 100.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Power<T> {
    n: i32,
    p: T,
    d: T,
}

impl<T: Scalar> Power<T> {
    /// The derivative `n·p` of `xⁿ`, with `p = xⁿ⁻¹`.
    ///
    /// ```
    /// use typegrad::rules::{Coef, Power};
    /// assert_eq!(Power::new(3, 4.0_f64).of(1.0), 12.0);
    /// ```
    #[inline(always)]
    pub fn new(n: i32, p: T) -> Self {
        let d = T::from(n).unwrap_or_else(T::nan) * p;
        Power { n, p, d }
    }

    /// The exponent `n`.
    ///
    /// ```
    /// use typegrad::rules::{Powi, Unary};
    /// assert_eq!(Powi(3).apply(2.0_f64).d.exponent(), 3);
    /// ```
    #[inline(always)]
    pub fn exponent(&self) -> i32 {
        self.n
    }

    /// `p = xⁿ⁻¹` (`0` when `n = 0`).
    ///
    /// ```
    /// use typegrad::rules::{Powi, Unary};
    /// assert_eq!(Powi(3).apply(2.0_f64).d.base_power(), 4.0);
    /// ```
    #[inline(always)]
    pub fn base_power(&self) -> T {
        self.p
    }
}

impl<T: Scalar> Kind<T> for Power<T> {
    const GUARDED: bool = true;
    #[inline(always)]
    fn finite(&self) -> bool {
        self.d.is_finite()
    }
    #[inline(always)]
    fn number(&self) -> Option<T> {
        Some(self.d)
    }
}
impl<T: Scalar> Coef<T> for Power<T> {
    #[inline(always)]
    fn of(self, t: T) -> T {
        self.d * t
    }
    #[inline(always)]
    fn of_adjoint(self, t: T) -> T {
        if self.n.unsigned_abs().is_power_of_two() {
            self.p * (T::from(self.n).unwrap_or_else(T::nan) * t)
        } else {
            self.of(t)
        }
    }
}

/// The zero rule, which every mode follows: an exactly zero tangent or adjoint carries
/// nothing, whatever it meets. Forward mode keeps a zero tangent zero through an infinite
/// derivative ([`chain`]); the tape's sweep and a [`bind`](crate::reverse::Expr::bind) skip
/// what received nothing.
#[inline(always)]
pub(crate) fn carries<T: Scalar>(t: T) -> bool {
    !t.is_exact_zero()
}

/// `c · t` under the zero rule: zero where `t` carries nothing, even where `c` is infinite
/// or NaN. Only a [`Guard`] can be, so only it pays for the test, and only for the rare NaN
/// product.
#[inline(always)]
pub(crate) fn chain<T: Scalar, C: Coef<T>>(c: C, t: T) -> T {
    if C::ZERO {
        return T::zero();
    }
    let p = c.of(t);
    if C::GUARDED && p.is_nan() {
        zero_rule(c.number(), t, p)
    } else {
        p
    }
}

/// [`chain`] where the product is NaN: zero if `t` carries nothing and the coefficient `c` is
/// not finite. (It receives the coefficient as one number, so the common path need not keep
/// the parts of a [`Power`].)
#[cold]
#[inline(never)]
fn zero_rule<T: Scalar>(c: Option<T>, t: T, p: T) -> T {
    if !carries(t) && !c.is_none_or(|c| c.is_finite()) {
        T::zero()
    } else {
        p
    }
}

/// Whether [`chain`]`(c, t)` is `c.of(t)` for every `t`, so a mode can test `c` once for a
/// whole array of tangents, and apply [`guarded`] to each where it is not.
#[inline(always)]
pub(crate) fn plain<T: Scalar, C: Coef<T>>(c: C) -> bool {
    !C::GUARDED || c.finite()
}

/// [`chain`] for a coefficient that is not [`plain`]: zero where `t` carries nothing, else
/// `c · t`.
#[inline(always)]
pub(crate) fn guarded<T: Scalar, C: Coef<T>>(c: C, t: T) -> T {
    if carries(t) { c.of(t) } else { T::zero() }
}
