//! Rules with one constant operand: `2.0 * x`, `1.0 - x`, `x.powf(2.5)`, ….

use super::{Binary, D1, NegOne, One, Unary, within};
use crate::Scalar;

/// Declares each row's rule: a struct holding the constant `c`, whose `apply` gives the
/// value and derivative in `x`, documented by the row's text and an example with
/// `x = 1.5`, `c = 0.5`.
macro_rules! constant_rules {
    ($($(#[$doc:meta])* $name:ident |$x:ident, $c:ident| -> $coef:ty { $v:expr, $d:expr };)*) => {$(
        $(#[$doc])*
        ///
        /// ```
        #[doc = concat!("use typegrad::rules::{", stringify!($name), ", Unary};")]
        #[doc = concat!("let (", stringify!($x), ", ", stringify!($c), ") = (1.5_f64, 0.5_f64);")]
        #[doc = concat!("assert_eq!(", stringify!($name), "(", stringify!($c), ").apply(", stringify!($x), ").v, ", stringify!($v), ");")]
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub struct $name<T>(pub T);
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

constant_rules! {
    /// `x + c`.
    AddC |x, c| -> One { x + c, One };
    /// `c + x` (kept apart from `x + c` so the value rounds exactly as written).
    CAdd |x, c| -> One { c + x, One };
    /// `x − c`.
    SubC |x, c| -> One { x - c, One };
    /// `c − x`.
    CSub |x, c| -> NegOne { c - x, NegOne };
    /// `x · c`.
    MulC |x, c| -> T { x * c, c };
    /// `c · x`.
    CMul |x, c| -> T { c * x, c };
    /// `x / c`; derivative `1/c`.
    DivC |x, c| -> T { x / c, c.recip() };
    /// `c / x`; derivative `−(c/x)/x`.
    CDiv |x, c| -> T { c / x, -(c / x) / x };
    /// `x % c`; derivative 1.
    RemC |x, c| -> One { x % c, One };
    /// `c % x`; derivative `−trunc(c/x)`.
    CRem |x, c| -> T { c % x, within(c % x, -(c / x).trunc()) };
}

/// A binary rule with its second argument held constant: `x.atan2(c)`, `x.powf(c)`, …,
/// which computes only the partial it needs ([`Binary::right`]).
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
