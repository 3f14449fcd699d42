//! One-argument rules: a table of rows `Rule method -> Coefficient |x| (value, derivative)`.

use super::{D1, Guard, NegOne, One, Power, Unary, Zero, int, sin_cos, two, within};
use crate::Scalar;

/// Declares each row's rule: a unit struct whose `apply` returns the body's value and
/// derivative, documented by the row's text and an example against `f64`'s own `method`.
macro_rules! unary_rules {
    ($($(#[$doc:meta])* $name:ident $m:ident -> $c:ty |$x:ident| $body:expr;)*) => {$(
        $(#[$doc])*
        ///
        /// ```
        #[doc = concat!("use typegrad::rules::{", stringify!($name), ", Unary};")]
        /// use core::ops::Neg as _;
        #[doc = concat!("let r = ", stringify!($name), ".apply(0.5_f64);")]
        #[doc = concat!("assert_eq!(r.v.to_bits(), 0.5_f64.", stringify!($m), "().to_bits());")]
        /// ```
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name;
        impl<T: Scalar> Unary<T> for $name {
            type C = $c;
            #[inline(always)]
            fn apply(self, $x: T) -> D1<T, $c> {
                let (v, d) = $body;
                D1 { v, d }
            }
        }
    )*};
}

unary_rules! {
    /// `asin x`; derivative `1/√((1−x)(1+x))`, `±∞` at `±1`.
    Asin asin -> Guard<T> |x| (x.asin(), Guard(((T::one() - x) * (T::one() + x)).sqrt().recip()));
    /// `acos x`; derivative `−1/√((1−x)(1+x))`.
    Acos acos -> Guard<T> |x| (x.acos(), Guard(-((T::one() - x) * (T::one() + x)).sqrt().recip()));
    /// `acosh x`; derivative `1/(√(x−1)·√(x+1))`, `+∞` at `1`.
    Acosh acosh -> Guard<T> |x| {
        (x.acosh(), Guard(((x - T::one()).sqrt() * (x + T::one()).sqrt()).recip()))
    };
    /// `atanh x`; derivative `1/((1−x)(1+x))`.
    Atanh atanh -> Guard<T> |x| {
        let v = x.atanh();
        (v, Guard(within(v, ((T::one() - x) * (T::one() + x)).recip())))
    };
    /// `ln x`; derivative `1/x` (`1/|x|`, so `+∞` at both zeros; negative `x` gives NaN).
    Ln ln -> Guard<T> |x| { let v = x.ln(); (v, Guard(within(v, x.abs().recip()))) };
    /// `ln(1 + x)`; derivative `1/(1 + x)`.
    Ln1p ln_1p -> Guard<T> |x| { let v = x.ln_1p(); (v, Guard(within(v, (T::one() + x).recip()))) };
    /// `log₂ x`; derivative `1/(x ln 2)`.
    Log2 log2 -> Guard<T> |x| {
        let v = x.log2();
        (v, Guard(within(v, (x.abs() * T::LN_2()).recip())))
    };
    /// `log₁₀ x`; derivative `1/(x ln 10)`.
    Log10 log10 -> Guard<T> |x| {
        let v = x.log10();
        (v, Guard(within(v, (x.abs() * T::LN_10()).recip())))
    };
    /// `√x`; derivative `1/(2√x)`, `+∞` at both zeros.
    Sqrt sqrt -> Guard<T> |x| { let v = x.sqrt(); (v, Guard((v.abs() * two()).recip())) };
    /// `∛x`; derivative `1/(3∛x²)`, `+∞` at zero.
    Cbrt cbrt -> Guard<T> |x| { let v = x.cbrt(); (v, Guard((v * v * int(3)).recip())) };
    /// `1/x`; derivative `−1/x²`.
    Recip recip -> Guard<T> |x| { let v = x.recip(); (v, Guard(-(v * v))) };
    /// `sin x`; derivative `cos x` (from [`sin_cos`](super::sin_cos)).
    Sin sin -> T |x| { let (s, _) = sin_cos(x); (s.v, s.d) };
    /// `cos x`; derivative `−sin x` (from [`sin_cos`](super::sin_cos)).
    Cos cos -> T |x| { let (_, c) = sin_cos(x); (c.v, c.d) };
    /// `tan x`; derivative `1 + tan² x`.
    Tan tan -> T |x| { let v = x.tan(); (v, T::one() + v * v) };
    /// `atan x`; derivative `1/(1+x²)`.
    Atan atan -> T |x| (x.atan(), (T::one() + x * x).recip());
    /// `sinh x`; derivative `cosh x`.
    Sinh sinh -> T |x| (x.sinh(), x.cosh());
    /// `cosh x`; derivative `sinh x`.
    Cosh cosh -> T |x| (x.cosh(), x.sinh());
    /// `tanh x`; derivative `1 − tanh² x`.
    Tanh tanh -> T |x| { let v = x.tanh(); (v, T::one() - v * v) };
    /// `asinh x`; derivative `1/hypot(x, 1)` (no overflow for large `x`).
    Asinh asinh -> T |x| (x.asinh(), x.hypot(T::one()).recip());
    /// `eˣ`; derivative `eˣ`.
    Exp exp -> T |x| { let v = x.exp(); (v, v) };
    /// `2ˣ`; derivative `2ˣ ln 2`.
    Exp2 exp2 -> T |x| { let v = x.exp2(); (v, v * T::LN_2()) };
    /// `eˣ − 1`; derivative `eˣ`.
    ExpM1 exp_m1 -> T |x| { let v = x.exp_m1(); (v, v + T::one()) };
    /// `x` in degrees; derivative `180/π`.
    ToDegrees to_degrees -> T |x| (x.to_degrees(), T::one().to_degrees());
    /// `x` in radians; derivative `π/180`.
    ToRadians to_radians -> T |x| (x.to_radians(), T::one().to_radians());
    /// `|x|`; derivative `sign(x)`, and 0 at both zeros (the subgradient nearest zero).
    Abs abs -> T |x| {
        let d = if x > T::zero() {
            T::one()
        } else if x < T::zero() {
            -T::one()
        } else if x.is_nan() {
            x
        } else {
            T::zero() // both zeros
        };
        (x.abs(), d)
    };
    /// `⌊x⌋`; derivative 0.
    Floor floor -> Zero |x| (x.floor(), Zero);
    /// `⌈x⌉`; derivative 0.
    Ceil ceil -> Zero |x| (x.ceil(), Zero);
    /// `x` rounded half away from zero; derivative 0.
    Round round -> Zero |x| (x.round(), Zero);
    /// `x` rounded toward zero; derivative 0.
    Trunc trunc -> Zero |x| (x.trunc(), Zero);
    /// The sign, `±1` (NaN for NaN); derivative 0, also at zero.
    Signum signum -> Zero |x| (x.signum(), Zero);
    /// `x − trunc(x)`; derivative 1.
    Fract fract -> One |x| (x.fract(), One);
    /// `−x`; derivative −1.
    Neg neg -> NegOne |x| (-x, NegOne);
}

/// `xⁿ` for an integer `n`; derivative `n xⁿ⁻¹` (a [`Power`]), exactly 0 when `n = 0` (also
/// at `x = 0` and in every higher derivative).
///
/// ```
/// # use typegrad::rules::{Coef, Powi, Unary};
/// assert_eq!(Powi(0).apply(0.0_f64).d.of(1.0), 0.0);
/// assert_eq!(Powi(3).apply(2.0_f64).d.of(1.0), 12.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Powi(pub i32);

impl<T: Scalar> Unary<T> for Powi {
    type C = Power<T>;
    #[inline(always)]
    fn apply(self, x: T) -> D1<T, Power<T>> {
        let n = self.0;
        let p = match n.checked_sub(1) {
            _ if n == 0 => T::zero(),
            Some(m) => x.powi(m),
            // n = i32::MIN: n − 1 does not exist; xⁿ⁻¹ = xⁿ / x.
            None => x.powi(n) / x,
        };
        D1 {
            v: x.powi(n),
            d: Power::new(n, p),
        }
    }
}
