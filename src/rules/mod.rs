//! The one table of derivative rules, used by forward mode ([`Dual`](crate::Dual)) and by
//! every reverse-mode node alike.
//!
//! Each elementary function is a small value (`Sin`, `Powi(3)`, `Scale(2.0)`) that
//! implements [`Unary`] or [`Binary`]: given the argument values it returns the result value
//! and the partial derivatives, computed together so shared work (`sin_cos`, `exp`) is done
//! once. Partial derivatives are typed [`Coef`]ficients: [`One`] and [`Zero`] cost nothing
//! in either mode, [`Pick`] selects a side (for `max`), a plain `T` multiplies, and
//! [`Guard`] multiplies but keeps a zero tangent zero where the derivative is infinite
//! (see the crate docs' table of special points).
//!
//! Adding a function is one entry here, one line in `number/float.rs` (or the method list
//! below), and one line in the reverse-mode method list.
//!
//! ```
//! use typegrad::rules::{Binary, Hypot, Sqrt, Unary};
//! let r = Sqrt.apply(4.0_f64);
//! assert_eq!((r.v, r.d.0), (2.0, 0.25));
//! let h = Hypot.apply(3.0_f64, 4.0);
//! assert_eq!((h.v, h.da.0, h.db.0), (5.0, 0.6, 0.8));
//! ```

use crate::Scalar;

/// A partial derivative, applied to a tangent (forward) or an adjoint (reverse).
///
/// ```
/// use typegrad::rules::{Coef, Guard, One};
/// assert_eq!(One.of(3.0_f64), 3.0);
/// assert_eq!(Guard(2.0_f64).of(3.0), 6.0);
/// ```
pub trait Coef<T>: Copy {
    /// `true` when the coefficient is identically zero, so nothing needs to propagate.
    const ZERO: bool = false;
    /// `true` when [`active`](Coef::active) always holds: the reverse pass then always
    /// reaches this argument.
    const ALWAYS: bool = true;
    /// `true` for [`Guard`], the one coefficient that may be infinite or NaN where the value
    /// is finite: only then must a zero tangent be kept from `0 · ∞`.
    const GUARDED: bool = false;
    /// Whether anything propagates through this coefficient. A [`Pick`] that is not picked
    /// skips its argument entirely, so an infinite partial there never meets a zero adjoint.
    ///
    /// ```
    /// use typegrad::rules::{Coef, Pick, Zero};
    /// assert!(!Coef::<f64>::active(Pick(false)) && !Coef::<f64>::active(Zero));
    /// ```
    #[inline(always)]
    fn active(self) -> bool {
        !Self::ZERO
    }
    /// The coefficient times `t`.
    ///
    /// ```
    /// use typegrad::rules::{Coef, NegOne};
    /// assert_eq!(NegOne.of(3.0_f32), -3.0);
    /// ```
    fn of(self, t: T) -> T;
    /// `false` when the coefficient is infinite or NaN: forward mode then keeps zero
    /// tangents at zero instead of computing `0 · ∞ = NaN`.
    ///
    /// ```
    /// use typegrad::rules::{Coef, Guard};
    /// assert!(Guard(1.0_f64).is_finite() && !Guard(f64::NAN).is_finite());
    /// ```
    #[inline(always)]
    fn is_finite(self) -> bool {
        true
    }
}

/// The coefficient `1` (as in `d(x + y)/da`).
///
/// ```
/// use typegrad::rules::{Coef, One};
/// assert_eq!(One.of(-2.5_f32), -2.5);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct One;

/// The coefficient `−1` (as in `d(x − y)/db`).
///
/// ```
/// use typegrad::rules::{Coef, NegOne};
/// assert_eq!(NegOne.of(2.0_f64), -2.0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NegOne;

/// The coefficient `0` (as in `d floor(x)/da`): nothing propagates.
///
/// ```
/// use typegrad::rules::{Coef, Zero};
/// assert_eq!(Zero.of(f64::INFINITY), 0.0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Zero;

/// A selection: `1` if `true`, `0` if `false`, applied as a choice (so `0 · ∞` never arises).
///
/// ```
/// use typegrad::rules::{Coef, Pick};
/// assert_eq!(Pick(false).of(f64::INFINITY), 0.0);
/// assert_eq!(Pick(true).of(4.0_f64), 4.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pick(pub bool);

/// A negated selection: `−1` if `true`, `0` if `false`, applied as a choice (the second
/// partial of `abs_sub`).
///
/// ```
/// use typegrad::rules::{Coef, NegPick};
/// assert_eq!(NegPick(true).of(4.0_f64), -4.0);
/// assert_eq!(NegPick(false).of(f64::INFINITY), 0.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NegPick(pub bool);

/// A derivative that may be infinite at a finite point (`sqrt` at 0, `asin` at ±1, …).
///
/// ```
/// use typegrad::rules::{Coef, Guard};
/// assert!(!Guard(f64::INFINITY).is_finite());
/// assert_eq!(Guard(f64::INFINITY).of(2.0), f64::INFINITY);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Guard<T>(pub T);

impl<T: Scalar> Coef<T> for One {
    #[inline(always)]
    fn of(self, t: T) -> T {
        t
    }
}
impl<T: Scalar> Coef<T> for NegOne {
    #[inline(always)]
    fn of(self, t: T) -> T {
        -t
    }
}
impl<T: Scalar> Coef<T> for Zero {
    const ZERO: bool = true;
    const ALWAYS: bool = false;
    #[inline(always)]
    fn of(self, _: T) -> T {
        T::zero()
    }
}
impl<T: Scalar> Coef<T> for Pick {
    const ALWAYS: bool = false;
    #[inline(always)]
    fn active(self) -> bool {
        self.0
    }
    #[inline(always)]
    fn of(self, t: T) -> T {
        if self.0 { t } else { T::zero() }
    }
}
impl<T: Scalar> Coef<T> for NegPick {
    const ALWAYS: bool = false;
    #[inline(always)]
    fn active(self) -> bool {
        self.0
    }
    #[inline(always)]
    fn of(self, t: T) -> T {
        if self.0 { -t } else { T::zero() }
    }
}
impl<T: Scalar> Coef<T> for T {
    #[inline(always)]
    fn of(self, t: T) -> T {
        self * t
    }
}
impl<T: Scalar> Coef<T> for Guard<T> {
    const GUARDED: bool = true;
    #[inline(always)]
    fn of(self, t: T) -> T {
        self.0 * t
    }
    #[inline(always)]
    fn is_finite(self) -> bool {
        self.0.is_finite()
    }
}

/// A function's value with its derivative.
///
/// ```
/// use typegrad::rules::{Sin, Unary};
/// let r = Sin.apply(0.0_f64);
/// assert_eq!((r.v, r.d), (0.0, 1.0));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct D1<T, C> {
    /// The value.
    pub v: T,
    /// The derivative.
    pub d: C,
}

/// A two-argument function's value with its partial derivatives.
///
/// ```
/// use typegrad::rules::{Binary, Mul};
/// let r = Mul.apply(3.0_f64, 4.0);
/// assert_eq!((r.v, r.da, r.db), (12.0, 4.0, 3.0));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct D2<T, Ca, Cb> {
    /// The value.
    pub v: T,
    /// The partial derivative in the first argument.
    pub da: Ca,
    /// The partial derivative in the second argument.
    pub db: Cb,
}

/// A one-argument rule: the value and derivative at `x`.
///
/// ```
/// use typegrad::rules::{Powi, Unary};
/// let r = Powi(3).apply(2.0_f64);
/// assert_eq!((r.v, r.d.0), (8.0, 12.0));
/// ```
pub trait Unary<T>: Copy {
    /// The derivative's coefficient type.
    type C: Coef<T>;
    /// Value and derivative at `x`.
    ///
    /// ```
    /// use typegrad::rules::{Exp, Unary};
    /// assert_eq!(Exp.apply(0.0_f64).d, 1.0);
    /// ```
    fn apply(self, x: T) -> D1<T, Self::C>;
}

/// A two-argument rule: the value and both partial derivatives at `(x, y)`.
///
/// ```
/// use typegrad::rules::{Atan2, Binary};
/// let r = Atan2.apply(1.0_f64, 1.0); // atan2(y = 1, x = 1)
/// assert_eq!((r.da.0, r.db.0), (0.5, -0.5));
/// ```
pub trait Binary<T>: Copy {
    /// Coefficient type of the first partial.
    type Ca: Coef<T>;
    /// Coefficient type of the second partial.
    type Cb: Coef<T>;
    /// Value and partials at `(x, y)`.
    ///
    /// ```
    /// use typegrad::rules::{Binary, Sub};
    /// assert_eq!(Sub.apply(5.0_f64, 2.0).v, 3.0);
    /// ```
    fn apply(self, x: T, y: T) -> D2<T, Self::Ca, Self::Cb>;
    /// Value and `∂/∂x` with `y` held constant; a rule overrides it when the other partial
    /// is costly (`powf`'s `ln`).
    ///
    /// ```
    /// use typegrad::rules::{Binary, Powf};
    /// assert_eq!(Powf.right(3.0_f64, 2.0).d.0, 6.0);
    /// ```
    #[inline(always)]
    fn right(self, x: T, y: T) -> D1<T, Self::Ca> {
        let r = self.apply(x, y);
        D1 { v: r.v, d: r.da }
    }
    /// Value and `∂/∂y` with `x` held constant.
    ///
    /// ```
    /// use typegrad::rules::{Binary, Mul};
    /// assert_eq!(Mul.left(3.0_f64, 2.0).d, 3.0);
    /// ```
    #[inline(always)]
    fn left(self, x: T, y: T) -> D1<T, Self::Cb> {
        let r = self.apply(x, y);
        D1 { v: r.v, d: r.db }
    }
}

#[inline(always)]
fn two<T: Scalar>() -> T {
    T::one() + T::one()
}

/// Integer `n` as `T`; every `i32` is representable (rounded) in any float.
#[inline(always)]
fn int<T: Scalar>(n: i32) -> T {
    T::from(n).unwrap_or_else(T::nan)
}

/// `sin x` and `cos x` with their derivatives from one `sin_cos` call: the [`Sin`] and
/// [`Cos`] rules, and `sin_cos` in both modes, which shares the call between the two
/// results (a compiler merges separate `sin` and `cos` calls of the platform's math library,
/// but not those of `libm`).
///
/// ```
/// use typegrad::rules::sin_cos;
/// let (s, c) = sin_cos(0.0_f64);
/// assert_eq!((s.v, s.d, c.v, c.d), (0.0, 1.0, 1.0, -0.0));
/// ```
#[inline(always)]
pub fn sin_cos<T: Scalar>(x: T) -> (D1<T, T>, D1<T, T>) {
    let (s, c) = x.sin_cos();
    (D1 { v: s, d: c }, D1 { v: c, d: -s })
}

/// The derivative `d`, or NaN where the value `v` is NaN: for rules whose derivative
/// formula stays finite outside the function's domain (`1/x` for `ln x` at `x = −1`).
#[inline(always)]
fn within<T: Scalar>(v: T, d: T) -> T {
    if v.is_nan() { T::nan() } else { d }
}

macro_rules! rule_struct {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name;
    };
    ($(#[$doc:meta])* $name:ident($($f:ty),*)) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub struct $name($(pub $f),*);
    };
    ($(#[$doc:meta])* $name:ident<$g:ident>($f:ty)) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub struct $name<$g>(pub $f);
    };
}

/// Declares rules whose derivative may be infinite at finite points: the body returns
/// `(value, derivative)` and the derivative is wrapped in [`Guard`].
macro_rules! guarded {
    ($($(#[$doc:meta])* $name:ident |$x:ident| $body:expr;)*) => {$(
        rule_struct!($(#[$doc])* $name);
        impl<T: Scalar> Unary<T> for $name {
            type C = Guard<T>;
            #[inline(always)]
            fn apply(self, $x: T) -> D1<T, Guard<T>> {
                let (v, d) = $body;
                D1 { v, d: Guard(d) }
            }
        }
    )*};
}

/// Declares rules whose derivative is finite wherever their value is (`sin`, `exp`, …): the
/// body returns `(value, derivative)`, and the derivative is a plain coefficient, with no
/// test for `0 · ∞` (where the value is itself infinite or NaN, IEEE arithmetic applies).
macro_rules! finite {
    ($($(#[$doc:meta])* $name:ident |$x:ident| $body:expr;)*) => {$(
        rule_struct!($(#[$doc])* $name);
        impl<T: Scalar> Unary<T> for $name {
            type C = T;
            #[inline(always)]
            fn apply(self, $x: T) -> D1<T, T> {
                let (v, d) = $body;
                D1 { v, d }
            }
        }
    )*};
}

/// Declares piecewise-constant rules: derivative [`Zero`] everywhere, also at the jumps.
macro_rules! flat {
    ($($(#[$doc:meta])* $name:ident $f:ident;)*) => {$(
        rule_struct!($(#[$doc])* $name);
        impl<T: Scalar> Unary<T> for $name {
            type C = Zero;
            #[inline(always)]
            fn apply(self, x: T) -> D1<T, Zero> {
                D1 { v: x.$f(), d: Zero }
            }
        }
    )*};
}

/// Rules with one constant operand, for `2.0 * x`, `x / 3.0`, `1.0 - x`, ….
macro_rules! with_const {
    ($($(#[$doc:meta])* $name:ident |$x:ident, $c:ident| -> $coef:ty { $v:expr, $d:expr };)*) => {$(
        rule_struct!($(#[$doc])* $name<T>(T));
        impl<T: Scalar> Unary<T> for $name<T> {
            type C = $coef;
            #[inline(always)]
            fn apply(self, $x: T) -> D1<T, $coef> {
                let $c = self.0;
                D1 { v: $v, d: $d }
            }
        }
    )*};
}

mod binary;
mod constant;
mod unary;

pub use binary::*;
pub use constant::*;
pub use unary::*;

/// `a · b + c` with one rounding; partials `(b, a, 1)`.
///
/// ```
/// # use typegrad::rules::mul_add;
/// let (v, da, db) = mul_add(2.0_f64, 3.0, 1.0);
/// assert_eq!((v, da, db), (7.0, 3.0, 2.0));
/// ```
#[inline(always)]
pub fn mul_add<T: Scalar>(a: T, b: T, c: T) -> (T, T, T) {
    (a.mul_add(b, c), b, a)
}

/// Calls `$m!` with every one-argument method that is a plain unary rule, as
/// `method Rule` pairs, so each mode declares its methods from the same list.
macro_rules! unary_methods {
    ($($m:tt)+) => {
        $($m)+! {
            sin Sin, cos Cos, tan Tan, asin Asin, acos Acos, atan Atan,
            sinh Sinh, cosh Cosh, tanh Tanh, asinh Asinh, acosh Acosh, atanh Atanh,
            exp Exp, exp2 Exp2, exp_m1 ExpM1, ln Ln, ln_1p Ln1p, log2 Log2, log10 Log10,
            sqrt Sqrt, cbrt Cbrt, recip Recip, to_degrees ToDegrees, to_radians ToRadians,
            floor Floor, ceil Ceil, round Round, trunc Trunc, fract Fract, signum Signum,
            abs Abs
        }
    };
}
pub(crate) use unary_methods;

/// Calls `$m!` with every two-argument method, as `method Rule argument "what it is"`
/// entries, so each mode declares its methods (and their docs) from the same list.
macro_rules! binary_methods {
    ($($m:tt)+) => {
        $($m)+! {
            powf Powf y "`selfʸ`; see the crate docs for `self = 0` and `self < 0`.";
            log Log base "The logarithm in base `base`.";
            max Max other "The larger value; a tie follows `self`, a NaN loses.";
            min Min other "The smaller value; a tie follows `self`, a NaN loses.";
            abs_sub AbsSub other "`max(self − other, 0)`.";
            hypot Hypot other "`√(self² + other²)` without overflow.";
            atan2 Atan2 x "The angle of the point `(x, self)`: `self` is `y`.";
            copysign Copysign sign "`|self|` with the sign of `sign`.";
        }
    };
}
pub(crate) use binary_methods;
