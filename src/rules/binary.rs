//! Two-argument rules: a table of rows `Rule [reference] -> (Ca, Cb) |a, b| D2 { … }`.

use super::{Binary, D1, D2, Guard, NegOne, One, Pick, Zero, within};
use crate::Scalar;

/// Declares each row's rule: a unit struct whose `apply` is the body, documented by the
/// row's text and an example against `reference(0.5, 1.5)` on `f64`. A row may override
/// [`Binary::right`] (`right |a, c| body`) when a constant second argument saves work.
macro_rules! binary_rules {
    ($($(#[$doc:meta])* $name:ident [$($reference:tt)+] -> ($ca:ty, $cb:ty) |$a:ident, $b:ident| $body:expr
        $(, right |$ra:ident, $rc:ident| $right:expr)?;)*) => {$(
        $(#[$doc])*
        ///
        /// ```
        #[doc = concat!("use typegrad::rules::{", stringify!($name), ", Binary};")]
        #[doc = concat!("let r = ", stringify!($name), ".apply(0.5_f64, 1.5);")]
        #[doc = concat!("assert_eq!(r.v.to_bits(), ", stringify!($($reference)+), "(0.5_f64, 1.5).to_bits());")]
        /// ```
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name;
        impl<T: Scalar> Binary<T> for $name {
            type Ca = $ca;
            type Cb = $cb;
            #[inline(always)]
            fn apply(self, $a: T, $b: T) -> D2<T, $ca, $cb> {
                $body
            }
            $(
                #[inline(always)]
                fn right(self, $ra: T, $rc: T) -> D1<T, $ca> {
                    $right
                }
            )?
        }
    )*};
}

/// A choice between the arguments: `b` where `second`, else `a`; the side not taken gets
/// nothing (the rules `max`, `min` and the two halves of `clamp`).
#[inline(always)]
fn choose<T>(a: T, b: T, second: bool) -> D2<T, Pick<One>, Pick<One>> {
    D2 {
        v: if second { b } else { a },
        da: Pick(!second, One),
        db: Pick(second, One),
    }
}

/// `xʸ` split in its two partials so a constant exponent computes only its own.
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

binary_rules! {
    /// `xʸ`; partials `(y xʸ⁻¹, xʸ ln x)`; a constant exponent computes no logarithm. See the
    /// crate docs for `x = 0` and `x < 0`.
    Powf [num_traits::Float::powf] -> (Guard<T>, Guard<T>) |x, y| {
        let (v, dx) = pow::base(x, y);
        D2 { v, da: Guard(dx), db: Guard(pow::exponent(x, v)) }
    }, right |x, c| {
        let (v, d) = pow::base(x, c);
        D1 { v, d: Guard(d) }
    };
    /// `atan2(y, x)`, the angle of the point `(x, y)`; partials `(x, −y)/(x²+y²)`,
    /// computed without overflow, and `(0, 0)` at the origin.
    Atan2 [num_traits::Float::atan2] -> (Guard<T>, Guard<T>) |y, x| {
        let r2 = x * x + y * y;
        let (in_y, in_x) = if r2.is_normal() {
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
        D2 { v: y.atan2(x), da: Guard(in_y), db: Guard(in_x) }
    };
    /// `√(x² + y²)` without overflow; partials `(x, y)/hypot`, and `(0, 0)` at the origin.
    Hypot [num_traits::Float::hypot] -> (Guard<T>, Guard<T>) |x, y| {
        let v = x.hypot(y);
        let (dx, dy) = if v == T::zero() { (T::zero(), T::zero()) } else { (x / v, y / v) };
        D2 { v, da: Guard(dx), db: Guard(dy) }
    };
    /// `log_b x = ln x / ln b`; partials `(1/(x ln b), −log_b x/(b ln b))`.
    Log [num_traits::Float::log] -> (Guard<T>, Guard<T>) |x, b| {
        let v = x.log(b);
        let lb = b.ln();
        D2 { v, da: Guard(within(v, (x.abs() * lb).recip())), db: Guard(-v * (b * lb).recip()) }
    };
    /// The larger argument; a NaN loses, and a tie picks the first (`x.max(y)` follows `x`).
    Max [num_traits::Float::max] -> (Pick<One>, Pick<One>) |x, y| choose(x, y, y > x || x.is_nan());
    /// The smaller argument; a NaN loses, and a tie picks the first (`x.min(y)` follows `x`).
    Min [num_traits::Float::min] -> (Pick<One>, Pick<One>) |x, y| choose(x, y, y < x || x.is_nan());
    /// `x`, or `lo` where `x < lo`: the lower half of `clamp` (a NaN `x` stays `x`).
    AtLeast [num_traits::Float::max] -> (Pick<One>, Pick<One>) |x, lo| choose(x, lo, x < lo);
    /// `x`, or `hi` where `x > hi`: the upper half of `clamp` (a NaN `x` stays `x`).
    AtMost [num_traits::Float::min] -> (Pick<One>, Pick<One>) |x, hi| choose(x, hi, x > hi);
    /// `max(x − y, 0)`; partials `(1, −1)` where `x > y`, else `(0, 0)` (also at the tie).
    AbsSub [num_traits::Float::abs_sub] -> (Pick<One>, Pick<NegOne>) |x, y| {
        // x > y, or a NaN (the difference carries it): the difference; else 0.
        let diff = x > y || x.is_nan() || y.is_nan();
        D2 { v: if diff { x - y } else { T::zero() }, da: Pick(diff, One), db: Pick(diff, NegOne) }
    };
    /// `|x|` with the sign of `s`; partials `(±1, 0)`, and `(NaN, 0)` for a NaN `x` (as `abs`).
    Copysign [num_traits::Float::copysign] -> (T, Zero) |x, s| {
        let same = x.is_sign_negative() == s.is_sign_negative();
        let v = x.copysign(s);
        D2 { v, da: within(v, if same { T::one() } else { -T::one() }), db: Zero }
    };
    /// `x + y`.
    Add [core::ops::Add::add] -> (One, One) |x, y| D2 { v: x + y, da: One, db: One };
    /// `x − y`.
    Sub [core::ops::Sub::sub] -> (One, NegOne) |x, y| D2 { v: x - y, da: One, db: NegOne };
    /// `x · y`; partials `(y, x)`.
    Mul [core::ops::Mul::mul] -> (T, T) |x, y| D2 { v: x * y, da: y, db: x };
    /// `x / y`; partials `(1/y, −(x/y)/y)`.
    Div [core::ops::Div::div] -> (T, T) |x, y| {
        let v = x / y;
        let da = y.recip();
        D2 { v, da, db: -v * da }
    };
    /// The remainder `x % y = x − trunc(x/y)·y`; partials `(1, −trunc(x/y))`.
    Rem [core::ops::Rem::rem] -> (One, T) |x, y| {
        let v = x % y;
        D2 { v, da: One, db: within(v, -(x / y).trunc()) }
    };
}
