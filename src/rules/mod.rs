//! The one table of derivative rules, used by forward mode ([`Dual`](crate::Dual)), by the
//! tape ([`tape::Active`](crate::tape::Active)) and by every reverse-mode node alike.
//!
//! Each elementary function is a small value (`Sin`, `Powi(3)`, `MulC(2.0)` for `x * 2.0`)
//! that implements [`Unary`] or [`Binary`]: given the argument values it returns the result
//! value and the partial derivatives, computed together so shared work (`sin_cos`, `exp`) is
//! done once. Partial derivatives are typed [`Coef`]ficients: [`One`] and [`Zero`] cost
//! nothing in either mode, [`Pick`] selects a side (for `max`), a plain `T` multiplies, and
//! [`Guard`] multiplies but may be infinite where the value is finite (see the crate docs'
//! table of special points, and the zero rule every mode applies with it).
//!
//! Adding a function: one row in a table here (`unary.rs`, `special.rs` for functions
//! `Float` lacks, `binary.rs`) and one entry in the method lists (`lists.rs`); every mode
//! declares its methods from those lists, and the tests take them from there too.
//!
//! ```
//! use typegrad::rules::{Binary, Hypot, Sqrt, Unary};
//! let r = Sqrt.apply(4.0_f64);
//! assert_eq!((r.v, r.d.0), (2.0, 0.25));
//! let h = Hypot.apply(3.0_f64, 4.0);
//! assert_eq!((h.v, h.da.0, h.db.0), (5.0, 0.6, 0.8));
//! ```
//!
//! A rule of your own works in every mode through `apply` and `apply2`:
//!
//! ```
//! use typegrad::rules::{D1, Unary};
//! use typegrad::{Dual, Float, Scalar};
//! /// softplus(x) = ln(1 + eˣ), whose derivative is the logistic function.
//! #[derive(Clone, Copy)]
//! struct Softplus;
//! impl<T: Scalar> Unary<T> for Softplus {
//!     type C = T;
//!     fn apply(self, x: T) -> D1<T, T> {
//!         D1 { v: x.exp().ln_1p(), d: (-x).exp().ln_1p().neg().exp() }
//!     }
//! }
//! let y = Dual::<f64>::variable::<0>(0.0).apply(Softplus);
//! assert_eq!((y.value(), y.tangent()[0]), (2.0_f64.ln(), 0.5));
//! ```

use crate::Scalar;

mod binary;
mod coef;
mod constant;
mod lists;
mod special;
mod unary;

pub use binary::*;
pub(crate) use coef::sealed::Kind;
pub use coef::{Coef, Guard, NegOne, One, Pick, Power, Zero};
pub(crate) use coef::{carries, chain, guarded, plain};
pub use constant::*;
pub use special::*;
pub use unary::*;

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
/// assert_eq!((r.v, r.d.exponent(), r.d.base_power()), (8.0, 3, 4.0));
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

/// A two-argument rule: the value and both partial derivatives at `(a, b)`.
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
    /// Value and partials at `(a, b)`.
    ///
    /// ```
    /// use typegrad::rules::{Binary, Sub};
    /// assert_eq!(Sub.apply(5.0_f64, 2.0).v, 3.0);
    /// ```
    fn apply(self, a: T, b: T) -> D2<T, Self::Ca, Self::Cb>;
    /// Value and `∂/∂a` with `b` held constant; a rule overrides it when the other partial
    /// is costly (`powf`'s logarithm).
    ///
    /// ```
    /// use typegrad::rules::{Binary, Powf};
    /// assert_eq!(Powf.right(3.0_f64, 2.0).d.0, 6.0);
    /// ```
    #[inline(always)]
    fn right(self, a: T, b: T) -> D1<T, Self::Ca> {
        let r = self.apply(a, b);
        D1 { v: r.v, d: r.da }
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

/// The derivative `d`, or NaN where the value `v` is NaN: for rules whose derivative
/// formula stays finite outside the function's domain (`1/x` for `ln x` at `x = −1`).
#[inline(always)]
fn within<T: Scalar>(v: T, d: T) -> T {
    if v.is_nan() { T::nan() } else { d }
}

/// `sin x` and `cos x` with their derivatives from one `sin_cos` call: the [`Sin`] and
/// [`Cos`] rules, and `sin_cos` in every mode, which shares the call between the two
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
