//! Two-argument rules: powers, angles, lengths, choices and the arithmetic operators.

use super::*;
use crate::Scalar;

/// `xʸ` split in its two partials so a constant exponent or base computes only its own.
mod pow {
    use super::*;
    /// `(xʸ, ∂/∂x)`: `y xʸ⁻¹`. Where `xʸ` is a normal number and `x ≠ 0`, `xʸ⁻¹ = xʸ/x`
    /// costs a division instead of a second `powf` (which dominated the cost of Rat43's
    /// Jacobian), and at `y = 0` gives `0` while keeping `y`'s own tangent (the mixed second
    /// derivative `1/x`). Elsewhere (`x = 0`, overflow, underflow, NaN) the second `powf`
    /// gives the limits the crate docs list, and `y = 0` there gives exactly `0`.
    #[inline(always)]
    pub fn base<T: Scalar>(x: T, y: T) -> (T, T) {
        let v = x.powf(y);
        let d = if x != T::zero() && v.is_normal() && (y != T::zero() || x.is_finite()) {
            y * (v / x)
        } else if y == T::zero() {
            T::zero()
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
    /// assert_eq!((r.v, r.da.0), (8.0, 12.0));
    /// assert_eq!(r.db.0, 8.0 * 2.0_f64.ln());
    /// ```
    Powf
);
impl<T: Scalar> Binary<T> for Powf {
    type Ca = Guard<T>;
    type Cb = Guard<T>;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, Guard<T>, Guard<T>> {
        let (v, da) = pow::base(x, y);
        D2 {
            v,
            da: Guard(da),
            db: Guard(pow::exponent(x, v)),
        }
    }
    /// A constant exponent: only `∂/∂x`, no logarithm.
    #[inline(always)]
    fn right(self, x: T, c: T) -> D1<T, Guard<T>> {
        let (v, d) = pow::base(x, c);
        D1 { v, d: Guard(d) }
    }
    /// A constant base: only `∂/∂y`, no second power.
    #[inline(always)]
    fn left(self, c: T, y: T) -> D1<T, Guard<T>> {
        let v = c.powf(y);
        D1 {
            v,
            d: Guard(pow::exponent(c, v)),
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
    /// assert_eq!((r.da.0, r.db.0), (0.0, 0.0));
    /// ```
    Atan2
);
impl<T: Scalar> Binary<T> for Atan2 {
    type Ca = Guard<T>;
    type Cb = Guard<T>;
    #[inline(always)]
    fn apply(self, y: T, x: T) -> D2<T, Guard<T>, Guard<T>> {
        let r2 = x * x + y * y;
        let (db, da) = if r2.is_normal() {
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
            da: Guard(db),
            db: Guard(da),
        }
    }
}

rule_struct!(
    /// `√(x² + y²)` without overflow; partials `(x, y)/hypot`, and `(0, 0)` at the origin.
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Hypot};
    /// let r = Hypot.apply(3.0_f64, 4.0);
    /// assert_eq!((r.v, r.da.0, r.db.0), (5.0, 0.6, 0.8));
    /// ```
    Hypot
);
impl<T: Scalar> Binary<T> for Hypot {
    type Ca = Guard<T>;
    type Cb = Guard<T>;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, Guard<T>, Guard<T>> {
        let v = x.hypot(y);
        let (da, db) = if v == T::zero() {
            (T::zero(), T::zero())
        } else {
            (x / v, y / v)
        };
        D2 {
            v,
            da: Guard(da),
            db: Guard(db),
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
    type Ca = Guard<T>;
    type Cb = Guard<T>;
    #[inline(always)]
    fn apply(self, x: T, b: T) -> D2<T, Guard<T>, Guard<T>> {
        let v = x.log(b);
        let lb = b.ln();
        let da = within(v, (x.abs() * lb).recip());
        D2 {
            v,
            da: Guard(da),
            db: Guard(-v * (b * lb).recip()),
        }
    }
}

rule_struct!(
    /// The larger argument; a NaN loses, and a tie picks the first (`x.max(y)` follows `x`).
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Max};
    /// let r = Max.apply(1.0_f64, 1.0);
    /// assert_eq!((r.da.0, r.db.0), (true, false));
    /// ```
    Max
);
impl<T: Scalar> Binary<T> for Max {
    type Ca = Pick;
    type Cb = Pick;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, Pick, Pick> {
        let second = y > x || x.is_nan();
        D2 {
            v: if second { y } else { x },
            da: Pick(!second),
            db: Pick(second),
        }
    }
}

rule_struct!(
    /// The smaller argument; a NaN loses, and a tie picks the first (`x.min(y)` follows `x`).
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Min};
    /// let r = Min.apply(2.0_f64, f64::NAN);
    /// assert_eq!((r.v, r.da.0), (2.0, true));
    /// ```
    Min
);
impl<T: Scalar> Binary<T> for Min {
    type Ca = Pick;
    type Cb = Pick;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, Pick, Pick> {
        let second = y < x || x.is_nan();
        D2 {
            v: if second { y } else { x },
            da: Pick(!second),
            db: Pick(second),
        }
    }
}

rule_struct!(
    /// `x`, or `lo` where `x < lo`: the lower half of `clamp` (a NaN `x` stays `x`).
    ///
    /// ```
    /// # use typegrad::rules::{AtLeast, Binary};
    /// let r = AtLeast.apply(0.5_f64, 1.0);
    /// assert_eq!((r.v, r.da.0, r.db.0), (1.0, false, true));
    /// ```
    AtLeast
);
impl<T: Scalar> Binary<T> for AtLeast {
    type Ca = Pick;
    type Cb = Pick;
    #[inline(always)]
    fn apply(self, x: T, lo: T) -> D2<T, Pick, Pick> {
        let below = x < lo;
        D2 {
            v: if below { lo } else { x },
            da: Pick(!below),
            db: Pick(below),
        }
    }
}

rule_struct!(
    /// `x`, or `hi` where `x > hi`: the upper half of `clamp` (a NaN `x` stays `x`).
    ///
    /// ```
    /// # use typegrad::rules::{AtMost, Binary};
    /// let r = AtMost.apply(2.0_f64, 2.0);
    /// assert_eq!((r.v, r.da.0, r.db.0), (2.0, true, false));
    /// ```
    AtMost
);
impl<T: Scalar> Binary<T> for AtMost {
    type Ca = Pick;
    type Cb = Pick;
    #[inline(always)]
    fn apply(self, x: T, hi: T) -> D2<T, Pick, Pick> {
        let above = x > hi;
        D2 {
            v: if above { hi } else { x },
            da: Pick(!above),
            db: Pick(above),
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
    type Ca = Pick;
    type Cb = NegPick;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, Pick, NegPick> {
        // x > y, or a NaN (the difference carries it): the difference; else 0.
        let diff = x > y || x.is_nan() || y.is_nan();
        let v = if diff { x - y } else { T::zero() };
        D2 {
            v,
            da: Pick(diff),
            db: NegPick(diff),
        }
    }
}

rule_struct!(
    /// `|x|` with the sign of `s`; partials `(±1, 0)`, and `(NaN, 0)` for a NaN `x` (as `abs`).
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Copysign};
    /// let r = Copysign.apply(2.0_f64, -1.0);
    /// assert_eq!((r.v, r.da), (-2.0, -1.0));
    /// ```
    Copysign
);
impl<T: Scalar> Binary<T> for Copysign {
    type Ca = T;
    type Cb = Zero;
    #[inline(always)]
    fn apply(self, x: T, s: T) -> D2<T, T, Zero> {
        let same = x.is_sign_negative() == s.is_sign_negative();
        let v = x.copysign(s);
        D2 {
            v,
            da: within(v, if same { T::one() } else { -T::one() }),
            db: Zero,
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
    type Ca = One;
    type Cb = One;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, One, One> {
        D2 {
            v: x + y,
            da: One,
            db: One,
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
    type Ca = One;
    type Cb = NegOne;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, One, NegOne> {
        D2 {
            v: x - y,
            da: One,
            db: NegOne,
        }
    }
}

rule_struct!(
    /// `x · y`; partials `(y, x)`.
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Mul};
    /// assert_eq!(Mul.apply(2.0_f64, 5.0).db, 2.0);
    /// ```
    Mul
);
impl<T: Scalar> Binary<T> for Mul {
    type Ca = T;
    type Cb = T;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, T, T> {
        D2 {
            v: x * y,
            da: y,
            db: x,
        }
    }
}

rule_struct!(
    /// `x / y`; partials `(1/y, −(x/y)/y)`.
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Div};
    /// let r = Div.apply(1.0_f64, 2.0);
    /// assert_eq!((r.v, r.da, r.db), (0.5, 0.5, -0.25));
    /// ```
    Div
);
impl<T: Scalar> Binary<T> for Div {
    type Ca = T;
    type Cb = T;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, T, T> {
        let v = x / y;
        let da = y.recip();
        D2 { v, da, db: -v * da }
    }
}

rule_struct!(
    /// The remainder `x % y = x − trunc(x/y)·y`; partials `(1, −trunc(x/y))`.
    ///
    /// ```
    /// # use typegrad::rules::{Binary, Rem};
    /// let r = Rem.apply(7.0_f64, 2.0);
    /// assert_eq!((r.v, r.db), (1.0, -3.0));
    /// ```
    Rem
);
impl<T: Scalar> Binary<T> for Rem {
    type Ca = One;
    type Cb = T;
    #[inline(always)]
    fn apply(self, x: T, y: T) -> D2<T, One, T> {
        let v = x % y;
        D2 {
            v,
            da: One,
            db: within(v, -(x / y).trunc()),
        }
    }
}
