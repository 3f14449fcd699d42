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
//! Adding a function is one entry here, one line in `dual/float.rs` (or the method list
//! below), and one line in the reverse-mode method list.
//!
//! ```
//! use typegrad::rules::{Binary, Hypot, Sqrt, Unary};
//! let r = Sqrt.apply(4.0_f64);
//! assert_eq!((r.v, r.d.0), (2.0, 0.25));
//! let h = Hypot.apply(3.0_f64, 4.0);
//! assert_eq!((h.v, h.dx.0, h.dy.0), (5.0, 0.6, 0.8));
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

/// A selection: `1` if `true`, `0` if `false`, applied as a choice (so `0 · ∞` never arises).
///
/// ```
/// use typegrad::rules::{Coef, Pick};
/// assert_eq!(Pick(false).of(f64::INFINITY), 0.0);
/// assert_eq!(Pick(true).of(4.0_f64), 4.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pick(pub bool);

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
/// assert_eq!((r.v, r.dx, r.dy), (12.0, 4.0, 3.0));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct D2<T, Cx, Cy> {
    /// The value.
    pub v: T,
    /// The partial derivative in the first argument.
    pub dx: Cx,
    /// The partial derivative in the second argument.
    pub dy: Cy,
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
/// assert_eq!((r.dx.0, r.dy.0), (0.5, -0.5));
/// ```
pub trait Binary<T>: Copy {
    /// Coefficient type of the first partial.
    type Cx: Coef<T>;
    /// Coefficient type of the second partial.
    type Cy: Coef<T>;
    /// Value and partials at `(x, y)`.
    ///
    /// ```
    /// use typegrad::rules::{Binary, Sub};
    /// assert_eq!(Sub.apply(5.0_f64, 2.0).v, 3.0);
    /// ```
    fn apply(self, x: T, y: T) -> D2<T, Self::Cx, Self::Cy>;
    /// Value and `∂/∂x` with `y` held constant; a rule overrides it when the other partial
    /// is costly (`powf`'s `ln`).
    ///
    /// ```
    /// use typegrad::rules::{Binary, Powf};
    /// assert_eq!(Powf.right(3.0_f64, 2.0).d.0, 6.0);
    /// ```
    #[inline(always)]
    fn right(self, x: T, y: T) -> D1<T, Self::Cx> {
        let r = self.apply(x, y);
        D1 { v: r.v, d: r.dx }
    }
    /// Value and `∂/∂y` with `x` held constant.
    ///
    /// ```
    /// use typegrad::rules::{Binary, Mul};
    /// assert_eq!(Mul.left(3.0_f64, 2.0).d, 3.0);
    /// ```
    #[inline(always)]
    fn left(self, x: T, y: T) -> D1<T, Self::Cy> {
        let r = self.apply(x, y);
        D1 { v: r.v, d: r.dy }
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

guarded! {
    /// `asin x`; derivative `1/√((1−x)(1+x))`.
    ///
    /// ```
    /// # use typegrad::rules::{Asin, Unary};
    /// assert_eq!(Asin.apply(1.0_f64).d.0, f64::INFINITY);
    /// ```
    Asin |x| (x.asin(), ((T::one() - x) * (T::one() + x)).sqrt().recip());
    /// `acos x`; derivative `−1/√((1−x)(1+x))`.
    ///
    /// ```
    /// # use typegrad::rules::{Acos, Unary};
    /// assert_eq!(Acos.apply(0.0_f64).d.0, -1.0);
    /// ```
    Acos |x| (x.acos(), -((T::one() - x) * (T::one() + x)).sqrt().recip());
    /// `acosh x`; derivative `1/(√(x−1)·√(x+1))`.
    ///
    /// ```
    /// # use typegrad::rules::{Acosh, Unary};
    /// assert_eq!(Acosh.apply(1.0_f64).d.0, f64::INFINITY);
    /// ```
    Acosh |x| (x.acosh(), ((x - T::one()).sqrt() * (x + T::one()).sqrt()).recip());
    /// `atanh x`; derivative `1/((1−x)(1+x))`.
    ///
    /// ```
    /// # use typegrad::rules::{Atanh, Unary};
    /// assert_eq!(Atanh.apply(0.0_f64).d.0, 1.0);
    /// ```
    Atanh |x| { let v = x.atanh(); (v, within(v, ((T::one() - x) * (T::one() + x)).recip())) };
    /// `ln x`; derivative `1/x`.
    ///
    /// ```
    /// # use typegrad::rules::{Ln, Unary};
    /// assert_eq!(Ln.apply(2.0_f64).d.0, 0.5);
    /// ```
    Ln |x| { let v = x.ln(); (v, within(v, x.recip())) };
    /// `ln(1 + x)`; derivative `1/(1 + x)`.
    ///
    /// ```
    /// # use typegrad::rules::{Ln1p, Unary};
    /// assert_eq!(Ln1p.apply(1.0_f64).d.0, 0.5);
    /// ```
    Ln1p |x| { let v = x.ln_1p(); (v, within(v, (T::one() + x).recip())) };
    /// `log₂ x`; derivative `1/(x ln 2)`.
    ///
    /// ```
    /// # use typegrad::rules::{Log2, Unary};
    /// assert_eq!(Log2.apply(1.0_f64).d.0, 1.0 / core::f64::consts::LN_2);
    /// ```
    Log2 |x| { let v = x.log2(); (v, within(v, (x * T::LN_2()).recip())) };
    /// `log₁₀ x`; derivative `1/(x ln 10)`.
    ///
    /// ```
    /// # use typegrad::rules::{Log10, Unary};
    /// assert_eq!(Log10.apply(1.0_f64).d.0, 1.0 / core::f64::consts::LN_10);
    /// ```
    Log10 |x| { let v = x.log10(); (v, within(v, (x * T::LN_10()).recip())) };
    /// `√x`; derivative `1/(2√x)`, `+∞` at both zeros.
    ///
    /// ```
    /// # use typegrad::rules::{Sqrt, Unary};
    /// assert_eq!(Sqrt.apply(-0.0_f64).d.0, f64::INFINITY);
    /// ```
    Sqrt |x| { let v = x.sqrt(); (v, (v.abs() * two()).recip()) };
    /// `∛x`; derivative `1/(3∛x²)`, `+∞` at zero.
    ///
    /// ```
    /// # use typegrad::rules::{Cbrt, Unary};
    /// assert_eq!(Cbrt.apply(8.0_f64).d.0, 1.0 / 12.0);
    /// ```
    Cbrt |x| { let v = x.cbrt(); (v, (v * v * int(3)).recip()) };
    /// `1/x`; derivative `−1/x²`.
    ///
    /// ```
    /// # use typegrad::rules::{Recip, Unary};
    /// assert_eq!(Recip.apply(2.0_f64).d.0, -0.25);
    /// ```
    Recip |x| { let v = x.recip(); (v, -(v * v)) };
}

finite! {
    /// `sin x`; derivative `cos x` (from [`sin_cos`]).
    ///
    /// ```
    /// # use typegrad::rules::{Sin, Unary};
    /// assert_eq!(Sin.apply(0.0_f64).d, 1.0);
    /// ```
    Sin |x| { let (s, _) = sin_cos(x); (s.v, s.d) };
    /// `cos x`; derivative `−sin x` (from [`sin_cos`]).
    ///
    /// ```
    /// # use typegrad::rules::{Cos, Unary};
    /// assert_eq!(Cos.apply(0.0_f64).d, -0.0);
    /// ```
    Cos |x| { let (_, c) = sin_cos(x); (c.v, c.d) };
    /// `tan x`; derivative `1 + tan² x`.
    ///
    /// ```
    /// # use typegrad::rules::{Tan, Unary};
    /// assert_eq!(Tan.apply(0.0_f64).d, 1.0);
    /// ```
    Tan |x| { let v = x.tan(); (v, T::one() + v * v) };
    /// `atan x`; derivative `1/(1+x²)`.
    ///
    /// ```
    /// # use typegrad::rules::{Atan, Unary};
    /// assert_eq!(Atan.apply(1.0_f64).d, 0.5);
    /// ```
    Atan |x| (x.atan(), (T::one() + x * x).recip());
    /// `sinh x`; derivative `cosh x`.
    ///
    /// ```
    /// # use typegrad::rules::{Sinh, Unary};
    /// assert_eq!(Sinh.apply(0.0_f64).d, 1.0);
    /// ```
    Sinh |x| (x.sinh(), x.cosh());
    /// `cosh x`; derivative `sinh x`.
    ///
    /// ```
    /// # use typegrad::rules::{Cosh, Unary};
    /// assert_eq!(Cosh.apply(0.0_f64).d, 0.0);
    /// ```
    Cosh |x| (x.cosh(), x.sinh());
    /// `tanh x`; derivative `1 − tanh² x`.
    ///
    /// ```
    /// # use typegrad::rules::{Tanh, Unary};
    /// assert_eq!(Tanh.apply(0.0_f64).d, 1.0);
    /// ```
    Tanh |x| { let v = x.tanh(); (v, T::one() - v * v) };
    /// `asinh x`; derivative `1/hypot(x, 1)` (no overflow for large `x`).
    ///
    /// ```
    /// # use typegrad::rules::{Asinh, Unary};
    /// assert_eq!(Asinh.apply(0.0_f64).d, 1.0);
    /// ```
    Asinh |x| (x.asinh(), x.hypot(T::one()).recip());
    /// `eˣ`; derivative `eˣ`.
    ///
    /// ```
    /// # use typegrad::rules::{Exp, Unary};
    /// assert_eq!(Exp.apply(0.0_f64).d, 1.0);
    /// ```
    Exp |x| { let v = x.exp(); (v, v) };
    /// `2ˣ`; derivative `2ˣ ln 2`.
    ///
    /// ```
    /// # use typegrad::rules::{Exp2, Unary};
    /// assert_eq!(Exp2.apply(0.0_f64).d, core::f64::consts::LN_2);
    /// ```
    Exp2 |x| { let v = x.exp2(); (v, v * T::LN_2()) };
    /// `eˣ − 1`; derivative `eˣ`.
    ///
    /// ```
    /// # use typegrad::rules::{ExpM1, Unary};
    /// assert_eq!(ExpM1.apply(0.0_f64).d, 1.0);
    /// ```
    ExpM1 |x| { let v = x.exp_m1(); (v, v + T::one()) };
    /// `erf x`; derivative `2/√π · e^(−x²)`.
    ///
    /// ```
    /// # use typegrad::rules::{Erf, Unary};
    /// assert_eq!(Erf.apply(0.0_f64).d, core::f64::consts::FRAC_2_SQRT_PI);
    /// ```
    Erf |x| (x.erf(), T::FRAC_2_SQRT_PI() * (-(x * x)).exp());
    /// `erfc x`; derivative `−2/√π · e^(−x²)`.
    ///
    /// ```
    /// # use typegrad::rules::{Erfc, Unary};
    /// assert_eq!(Erfc.apply(0.0_f64).d, -core::f64::consts::FRAC_2_SQRT_PI);
    /// ```
    Erfc |x| (x.erfc(), -(T::FRAC_2_SQRT_PI() * (-(x * x)).exp()));
    /// `x` in degrees; derivative `180/π`.
    ///
    /// ```
    /// # use typegrad::rules::{ToDegrees, Unary};
    /// assert_eq!(ToDegrees.apply(1.0_f64).d, 1.0_f64.to_degrees());
    /// ```
    ToDegrees |x| (x.to_degrees(), T::one().to_degrees());
    /// `x` in radians; derivative `π/180`.
    ///
    /// ```
    /// # use typegrad::rules::{ToRadians, Unary};
    /// assert_eq!(ToRadians.apply(1.0_f64).d, 1.0_f64.to_radians());
    /// ```
    ToRadians |x| (x.to_radians(), T::one().to_radians());
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

flat! {
    /// `⌊x⌋`; derivative 0.
    ///
    /// ```
    /// # use typegrad::rules::{Floor, Unary};
    /// assert_eq!(Floor.apply(1.5_f64).v, 1.0);
    /// ```
    Floor floor;
    /// `⌈x⌉`; derivative 0.
    ///
    /// ```
    /// # use typegrad::rules::{Ceil, Unary};
    /// assert_eq!(Ceil.apply(1.5_f64).v, 2.0);
    /// ```
    Ceil ceil;
    /// `x` rounded half away from zero; derivative 0.
    ///
    /// ```
    /// # use typegrad::rules::{Round, Unary};
    /// assert_eq!(Round.apply(2.5_f64).v, 3.0);
    /// ```
    Round round;
    /// `x` rounded toward zero; derivative 0.
    ///
    /// ```
    /// # use typegrad::rules::{Trunc, Unary};
    /// assert_eq!(Trunc.apply(-1.5_f64).v, -1.0);
    /// ```
    Trunc trunc;
    /// The sign, `±1` (NaN for NaN); derivative 0, also at zero.
    ///
    /// ```
    /// # use typegrad::rules::{Signum, Unary};
    /// assert_eq!(Signum.apply(-3.0_f64).v, -1.0);
    /// ```
    Signum signum;
}

rule_struct!(
    /// `x − trunc(x)`; derivative 1.
    ///
    /// ```
    /// # use typegrad::rules::{Fract, Unary};
    /// assert_eq!(Fract.apply(2.25_f64).v, 0.25);
    /// ```
    Fract
);
impl<T: Scalar> Unary<T> for Fract {
    type C = One;
    #[inline(always)]
    fn apply(self, x: T) -> D1<T, One> {
        D1 {
            v: x.fract(),
            d: One,
        }
    }
}

rule_struct!(
    /// `−x`; derivative −1.
    ///
    /// ```
    /// # use typegrad::rules::{Neg, Unary};
    /// assert_eq!(Neg.apply(2.0_f64).v, -2.0);
    /// ```
    Neg
);
impl<T: Scalar> Unary<T> for Neg {
    type C = NegOne;
    #[inline(always)]
    fn apply(self, x: T) -> D1<T, NegOne> {
        D1 { v: -x, d: NegOne }
    }
}

rule_struct!(
    /// `|x|`; derivative `sign(x)`, and 0 at both zeros (the subgradient nearest zero).
    ///
    /// ```
    /// # use typegrad::rules::{Abs, Unary};
    /// assert_eq!(Abs.apply(-0.0_f64).d, 0.0);
    /// assert_eq!(Abs.apply(-2.0_f64).d, -1.0);
    /// ```
    Abs
);
impl<T: Scalar> Unary<T> for Abs {
    type C = T;
    #[inline(always)]
    fn apply(self, x: T) -> D1<T, T> {
        let d = if x > T::zero() {
            T::one()
        } else if x < T::zero() {
            -T::one()
        } else if x.is_nan() {
            x
        } else {
            T::zero() // both zeros
        };
        D1 { v: x.abs(), d }
    }
}

rule_struct!(
    /// `xⁿ` for an integer `n`; derivative `n xⁿ⁻¹`, exactly 0 when `n = 0` (also at `x = 0`
    /// and in every higher derivative).
    ///
    /// ```
    /// # use typegrad::rules::{Powi, Unary};
    /// assert_eq!(Powi(0).apply(0.0_f64).d.0, 0.0);
    /// ```
    Powi(i32)
);
impl<T: Scalar> Unary<T> for Powi {
    type C = Guard<T>;
    #[inline(always)]
    fn apply(self, x: T) -> D1<T, Guard<T>> {
        let n = self.0;
        let d = match n.checked_sub(1) {
            _ if n == 0 => T::zero(),
            Some(m) => int::<T>(n) * x.powi(m),
            // n = i32::MIN: n − 1 does not exist; xⁿ⁻¹ = xⁿ / x.
            None => int::<T>(n) * x.powi(n) / x,
        };
        D1 {
            v: x.powi(n),
            d: Guard(d),
        }
    }
}

/// `xʸ` split in its two partials so a constant exponent or base computes only its own.
mod pow {
    use super::*;
    /// `(xʸ, ∂/∂x)`: `y xʸ⁻¹`, exactly 0 for `y = 0`. Where `xʸ` is a normal number and
    /// `x ≠ 0`, `xʸ⁻¹ = xʸ/x` costs a division instead of a second `powf` (which dominated
    /// the cost of Rat43's Jacobian); elsewhere (`x = 0`, overflow, underflow, NaN) the second
    /// `powf` gives the limits the crate docs list.
    #[inline(always)]
    pub fn base<T: Scalar>(x: T, y: T) -> (T, T) {
        let v = x.powf(y);
        let d = if y == T::zero() {
            T::zero()
        } else if x != T::zero() && v.is_normal() {
            y * (v / x)
        } else {
            y * x.powf(y - T::one())
        };
        (v, d)
    }
    /// `∂/∂y = xʸ ln x` given `v = xʸ`; 0 where `v = 0` (the limit as `x → 0⁺`).
    #[inline(always)]
    pub fn exponent<T: Scalar>(x: T, v: T) -> T {
        if v == T::zero() {
            T::zero()
        } else {
            v * x.ln()
        }
    }
}

rule_struct!(
    /// `xʸ` with both arguments varying.
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Powf};
    /// let r = Powf.apply(2.0_f64, 3.0);
    /// assert_eq!((r.v, r.dx.0), (8.0, 12.0));
    /// assert_eq!(r.dy.0, 8.0 * 2.0_f64.ln());
    /// ```
    Powf
);
impl<T: Scalar> Binary<T> for Powf {
    type Cx = Guard<T>;
    type Cy = Guard<T>;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, Guard<T>, Guard<T>> {
        let (v, dx) = pow::base(x, y);
        D2 {
            v,
            dx: Guard(dx),
            dy: Guard(pow::exponent(x, v)),
        }
    }
}

rule_struct!(
    /// `atan2(y, x)`, the angle of the point `(x, y)`; partials `(x, −y)/(x²+y²)`,
    /// computed without overflow, and `(0, 0)` at the origin.
    ///
    /// ```
    /// # use typegrad::rules::{Atan2, Binary};
    /// let r = Atan2.apply(0.0_f64, 0.0);
    /// assert_eq!((r.dx.0, r.dy.0), (0.0, 0.0));
    /// ```
    Atan2
);
impl<T: Scalar> Binary<T> for Atan2 {
    type Cx = Guard<T>;
    type Cy = Guard<T>;
    #[inline(always)]
    fn apply(self, y: T, x: T) -> D2<T, Guard<T>, Guard<T>> {
        let r2 = x * x + y * y;
        let (dy, dx) = if r2.is_normal() {
            (x / r2, -y / r2)
        } else {
            // r² overflowed, underflowed or is zero: scale by the hypotenuse first.
            let h = x.hypot(y);
            if h == T::zero() {
                (T::zero(), T::zero())
            } else {
                ((x / h) / h, -(y / h) / h)
            }
        };
        D2 {
            v: y.atan2(x),
            dx: Guard(dy),
            dy: Guard(dx),
        }
    }
}

rule_struct!(
    /// `√(x² + y²)` without overflow; partials `(x, y)/hypot`, and `(0, 0)` at the origin.
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Hypot};
    /// let r = Hypot.apply(3.0_f64, 4.0);
    /// assert_eq!((r.v, r.dx.0, r.dy.0), (5.0, 0.6, 0.8));
    /// ```
    Hypot
);
impl<T: Scalar> Binary<T> for Hypot {
    type Cx = Guard<T>;
    type Cy = Guard<T>;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, Guard<T>, Guard<T>> {
        let v = x.hypot(y);
        let (dx, dy) = if v == T::zero() {
            (T::zero(), T::zero())
        } else {
            (x / v, y / v)
        };
        D2 {
            v,
            dx: Guard(dx),
            dy: Guard(dy),
        }
    }
}

rule_struct!(
    /// `log_b x = ln x / ln b` with both the argument and the base varying.
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Log};
    /// let r = Log.apply(8.0_f64, 2.0);
    /// assert_eq!(r.v, 3.0);
    /// ```
    Log
);
impl<T: Scalar> Binary<T> for Log {
    type Cx = Guard<T>;
    type Cy = Guard<T>;
    #[inline(always)]
    fn apply(self, x: T, b: T) -> D2<T, Guard<T>, Guard<T>> {
        let v = x.log(b);
        let lb = b.ln();
        let dx = within(v, (x * lb).recip());
        D2 {
            v,
            dx: Guard(dx),
            dy: Guard(-v * (b * lb).recip()),
        }
    }
}

rule_struct!(
    /// The larger argument; a NaN loses, and a tie picks the first (`x.max(y)` follows `x`).
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Max};
    /// let r = Max.apply(1.0_f64, 1.0);
    /// assert_eq!((r.dx.0, r.dy.0), (true, false));
    /// ```
    Max
);
impl<T: Scalar> Binary<T> for Max {
    type Cx = Pick;
    type Cy = Pick;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, Pick, Pick> {
        let second = y > x || x.is_nan();
        D2 {
            v: if second { y } else { x },
            dx: Pick(!second),
            dy: Pick(second),
        }
    }
}

rule_struct!(
    /// The smaller argument; a NaN loses, and a tie picks the first (`x.min(y)` follows `x`).
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Min};
    /// let r = Min.apply(2.0_f64, f64::NAN);
    /// assert_eq!((r.v, r.dx.0), (2.0, true));
    /// ```
    Min
);
impl<T: Scalar> Binary<T> for Min {
    type Cx = Pick;
    type Cy = Pick;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, Pick, Pick> {
        let second = y < x || x.is_nan();
        D2 {
            v: if second { y } else { x },
            dx: Pick(!second),
            dy: Pick(second),
        }
    }
}

rule_struct!(
    /// `max(x − y, 0)`; partials `(1, −1)` where `x > y`, else `(0, 0)` (also at the tie).
    ///
    /// ```
    /// # use typegrad::rules::{AbsSub, Binary};
    /// assert_eq!(AbsSub.apply(1.0_f64, 3.0).v, 0.0);
    /// ```
    AbsSub
);
impl<T: Scalar> Binary<T> for AbsSub {
    type Cx = Pick;
    type Cy = T;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, Pick, T> {
        if x <= y {
            D2 {
                v: T::zero(),
                dx: Pick(false),
                dy: T::zero(),
            }
        } else {
            // x > y, or a NaN: the difference carries it.
            D2 {
                v: x - y,
                dx: Pick(true),
                dy: -T::one(),
            }
        }
    }
}

rule_struct!(
    /// `|x|` with the sign of `s`; partials `(±1, 0)`, and `(NaN, 0)` for a NaN `x` (as `abs`).
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Copysign};
    /// let r = Copysign.apply(2.0_f64, -1.0);
    /// assert_eq!((r.v, r.dx), (-2.0, -1.0));
    /// ```
    Copysign
);
impl<T: Scalar> Binary<T> for Copysign {
    type Cx = T;
    type Cy = Zero;
    #[inline(always)]
    fn apply(self, x: T, s: T) -> D2<T, T, Zero> {
        let same = x.is_sign_negative() == s.is_sign_negative();
        let v = x.copysign(s);
        D2 {
            v,
            dx: within(v, if same { T::one() } else { -T::one() }),
            dy: Zero,
        }
    }
}

rule_struct!(
    /// `x + y`.
    ///
    /// ```
    /// # use typegrad::rules::{Add, Binary};
    /// assert_eq!(Add.apply(1.0_f64, 2.0).v, 3.0);
    /// ```
    Add
);
impl<T: Scalar> Binary<T> for Add {
    type Cx = One;
    type Cy = One;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, One, One> {
        D2 {
            v: x + y,
            dx: One,
            dy: One,
        }
    }
}

rule_struct!(
    /// `x − y`.
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Sub};
    /// assert_eq!(Sub.apply(1.0_f64, 2.0).v, -1.0);
    /// ```
    Sub
);
impl<T: Scalar> Binary<T> for Sub {
    type Cx = One;
    type Cy = NegOne;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, One, NegOne> {
        D2 {
            v: x - y,
            dx: One,
            dy: NegOne,
        }
    }
}

rule_struct!(
    /// `x · y`; partials `(y, x)`.
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Mul};
    /// assert_eq!(Mul.apply(2.0_f64, 5.0).dy, 2.0);
    /// ```
    Mul
);
impl<T: Scalar> Binary<T> for Mul {
    type Cx = T;
    type Cy = T;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, T, T> {
        D2 {
            v: x * y,
            dx: y,
            dy: x,
        }
    }
}

rule_struct!(
    /// `x / y`; partials `(1/y, −(x/y)/y)`.
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Div};
    /// let r = Div.apply(1.0_f64, 2.0);
    /// assert_eq!((r.v, r.dx, r.dy), (0.5, 0.5, -0.25));
    /// ```
    Div
);
impl<T: Scalar> Binary<T> for Div {
    type Cx = T;
    type Cy = T;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, T, T> {
        let v = x / y;
        let dx = y.recip();
        D2 { v, dx, dy: -v * dx }
    }
}

rule_struct!(
    /// The remainder `x % y = x − trunc(x/y)·y`; partials `(1, −trunc(x/y))`.
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Rem};
    /// let r = Rem.apply(7.0_f64, 2.0);
    /// assert_eq!((r.v, r.dy), (1.0, -3.0));
    /// ```
    Rem
);
impl<T: Scalar> Binary<T> for Rem {
    type Cx = One;
    type Cy = T;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, One, T> {
        let v = x % y;
        D2 {
            v,
            dx: One,
            dy: within(v, -(x / y).trunc()),
        }
    }
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

with_const! {
    /// `x + c`.
    ///
    /// ```
    /// # use typegrad::rules::{AddC, Unary};
    /// assert_eq!(AddC(1.0_f64).apply(2.0).v, 3.0);
    /// ```
    AddC |x, c| -> One { x + c, One };
    /// `c + x` (kept apart from `x + c` so the value rounds exactly as written).
    ///
    /// ```
    /// # use typegrad::rules::{CAdd, Unary};
    /// assert_eq!(CAdd(1.0_f64).apply(2.0).v, 3.0);
    /// ```
    CAdd |x, c| -> One { c + x, One };
    /// `x − c`.
    ///
    /// ```
    /// # use typegrad::rules::{SubC, Unary};
    /// assert_eq!(SubC(1.0_f64).apply(2.0).v, 1.0);
    /// ```
    SubC |x, c| -> One { x - c, One };
    /// `c − x`.
    ///
    /// ```
    /// # use typegrad::rules::{CSub, Unary};
    /// assert_eq!(CSub(1.0_f64).apply(2.0).v, -1.0);
    /// ```
    CSub |x, c| -> NegOne { c - x, NegOne };
    /// `x · c`.
    ///
    /// ```
    /// # use typegrad::rules::{MulC, Unary};
    /// assert_eq!(MulC(3.0_f64).apply(2.0).d, 3.0);
    /// ```
    MulC |x, c| -> T { x * c, c };
    /// `c · x`.
    ///
    /// ```
    /// # use typegrad::rules::{CMul, Unary};
    /// assert_eq!(CMul(3.0_f64).apply(2.0).d, 3.0);
    /// ```
    CMul |x, c| -> T { c * x, c };
    /// `x / c`; derivative `1/c`.
    ///
    /// ```
    /// # use typegrad::rules::{DivC, Unary};
    /// assert_eq!(DivC(4.0_f64).apply(2.0).d, 0.25);
    /// ```
    DivC |x, c| -> T { x / c, c.recip() };
    /// `c / x`; derivative `−(c/x)/x`.
    ///
    /// ```
    /// # use typegrad::rules::{CDiv, Unary};
    /// assert_eq!(CDiv(4.0_f64).apply(2.0).d, -1.0);
    /// ```
    CDiv |x, c| -> T { c / x, -(c / x) / x };
    /// `x % c`; derivative 1.
    ///
    /// ```
    /// # use typegrad::rules::{RemC, Unary};
    /// assert_eq!(RemC(4.0_f64).apply(5.0).v, 1.0);
    /// ```
    RemC |x, c| -> One { x % c, One };
    /// `c % x`; derivative `−trunc(c/x)`.
    ///
    /// ```
    /// # use typegrad::rules::{CRem, Unary};
    /// assert_eq!(CRem(5.0_f64).apply(2.0).d, -2.0);
    /// ```
    CRem |x, c| -> T { c % x, within(c % x, -(c / x).trunc()) };
}

/// A binary rule with its second argument held constant: `x.atan2(c)`, `x.powf(c)`, ….
///
/// ```
/// # use typegrad::rules::{Hypot, Powf, Right, Unary};
/// assert_eq!(Right(Hypot, 4.0_f64).apply(3.0).d.0, 0.6);
/// assert_eq!(Right(Powf, 0.5_f64).apply(4.0).d.0, 0.25); // no ln computed
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Right<R, T>(pub R, pub T);
impl<T: Scalar, R: Binary<T>> Unary<T> for Right<R, T> {
    type C = R::Cx;
    #[inline(always)]
    fn apply(self, x: T) -> D1<T, R::Cx> {
        self.0.right(x, self.1)
    }
}

/// A binary rule with its first argument held constant: `cˣ`, ….
///
/// ```
/// # use typegrad::rules::{Hypot, Left, Powf, Unary};
/// assert_eq!(Left(Hypot, 3.0_f64).apply(4.0).d.0, 0.8);
/// assert_eq!(Left(Powf, 1.0_f64).apply(3.0).d.0, 0.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Left<R, T>(pub R, pub T);
impl<T: Scalar, R: Binary<T>> Unary<T> for Left<R, T> {
    type C = R::Cy;
    #[inline(always)]
    fn apply(self, y: T) -> D1<T, R::Cy> {
        self.0.left(self.1, y)
    }
}

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
