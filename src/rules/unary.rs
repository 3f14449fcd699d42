//! One-argument rules: elementary functions, with a guarded or a plain derivative, and
//! the piecewise-constant ones.

use super::*;
use crate::Scalar;

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
    /// `ln x`; derivative `1/x` (`1/|x|`, so `+∞` at both zeros; negative `x` gives NaN).
    ///
    /// ```
    /// # use typegrad::rules::{Ln, Unary};
    /// assert_eq!(Ln.apply(2.0_f64).d.0, 0.5);
    /// ```
    Ln |x| { let v = x.ln(); (v, within(v, x.abs().recip())) };
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
    Log2 |x| { let v = x.log2(); (v, within(v, (x.abs() * T::LN_2()).recip())) };
    /// `log₁₀ x`; derivative `1/(x ln 10)`.
    ///
    /// ```
    /// # use typegrad::rules::{Log10, Unary};
    /// assert_eq!(Log10.apply(1.0_f64).d.0, 1.0 / core::f64::consts::LN_10);
    /// ```
    Log10 |x| { let v = x.log10(); (v, within(v, (x.abs() * T::LN_10()).recip())) };
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
