//! Rules with one constant operand: `2.0 * x`, `1.0 - x`, `x.powf(2.5)`, ….

use super::*;
use crate::Scalar;

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
    type C = R::Ca;
    #[inline(always)]
    fn apply(self, x: T) -> D1<T, R::Ca> {
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
    type C = R::Cb;
    #[inline(always)]
    fn apply(self, y: T) -> D1<T, R::Cb> {
        self.0.left(self.1, y)
    }
}
