//! Helpers shared by the test files: a bound for generic test bodies, domains for
//! proptest, and bit-exact comparison.
#![allow(dead_code, unused_macros, unused_imports)]

use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Rem, RemAssign, Sub, SubAssign};

use num_traits::{Inv, MulAdd, Pow};
use proptest::prelude::*;
use typegrad::Scalar;

pub mod fns;
pub mod rosenbrock;

/// A trait with the given bounds, implemented for every type that meets them (a trait
/// alias; `Self` in a bound is the implementing type).
macro_rules! trait_alias {
    ($(#[$doc:meta])* $name:ident: $($bound:tt)+) => {
        $(#[$doc])*
        pub trait $name: $($bound)+ {}
        impl<T: $($bound)+> $name for T {}
    };
}

trait_alias!(
    /// What a test body may use: `Float`, `erf`, assign operators, `Inv`, `MulAdd`, and
    /// operators and `pow` with plain `f64` constants. `f64` and every `Dual` over it satisfy
    /// it, so one body serves the plain function, its derivative and its second derivative.
    Real:
        Scalar<Base = f64>
        + Add<f64, Output = Self>
        + Sub<f64, Output = Self>
        + Mul<f64, Output = Self>
        + Div<f64, Output = Self>
        + Rem<f64, Output = Self>
        + AddAssign<f64>
        + AddAssign
        + SubAssign<f64>
        + SubAssign
        + MulAssign<f64>
        + MulAssign
        + DivAssign<f64>
        + DivAssign
        + RemAssign<f64>
        + RemAssign
        + Pow<f64, Output = Self>
        + Pow<i32, Output = Self>
        + Pow<Self, Output = Self>
        + Inv<Output = Self>
        + MulAdd<Output = Self>
);

/// A plain `f64` on the left of an operator: `2.0 - x`, `3.0 / x`, `5.0 % x`.
pub trait LeftOps<T>:
    Add<T, Output = T>
    + Sub<T, Output = T>
    + Mul<T, Output = T>
    + Div<T, Output = T>
    + Rem<T, Output = T>
{
}
impl<T, S> LeftOps<T> for S where
    S: Add<T, Output = T>
        + Sub<T, Output = T>
        + Mul<T, Output = T>
        + Div<T, Output = T>
        + Rem<T, Output = T>
{
}

/// Fails to compile unless an item named after every method of the crate's one-argument
/// list is in scope `$p`: `typegrad::__float_unary!([self] common::covers_unary);`.
macro_rules! covers_unary {
    ([$p:ident] $($name:ident $rule:ident),*) => {
        $(#[allow(unused_imports)] use $p::$name as _;)*
    };
}
pub(crate) use covers_unary;

/// As [`covers_unary`], for the list of functions `Float` lacks.
macro_rules! covers_special {
    ([$p:ident] $($name:ident $rule:ident $doc:literal;)*) => {
        $(#[allow(unused_imports)] use $p::$name as _;)*
    };
}
pub(crate) use covers_special;

/// As [`covers_unary`], for the list of two-argument methods.
macro_rules! covers_binary {
    ([$p:ident] $($name:ident $rule:ident $arg:ident $doc:literal;)*) => {
        $(#[allow(unused_imports)] use $p::$name as _;)*
    };
}
pub(crate) use covers_binary;

/// The same bits, or both NaN (NaN payloads and signs are not compared).
pub fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// `lo..hi` or `-hi..-lo`.
pub fn nonzero(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    prop_oneof![-hi..-lo, lo..hi]
}

/// `k + f` for an integer `|k| < n` and `f` in `[m, 1 − m)`: at least `m` from every integer.
pub fn off_integers(n: i32, m: f64) -> impl Strategy<Value = f64> {
    (-n..n, m..1.0 - m).prop_map(|(k, f)| f64::from(k) + f)
}

/// `k + f` for an integer `|k| ≤ n` and `|f| ≤ 0.5 − m`: at least `m` from every half-integer.
pub fn off_half_integers(n: i32, m: f64) -> impl Strategy<Value = f64> {
    (-n..=n, m - 0.5..0.5 - m).prop_map(|(k, f)| f64::from(k) + f)
}

/// Points at a distance `r` from the origin at angle `θ`, `θ` strictly inside `(−π + m, π − m)`.
pub fn polar(r: core::ops::Range<f64>, m: f64) -> impl Strategy<Value = [f64; 2]> {
    use core::f64::consts::PI;
    (r, m - PI..PI - m).prop_map(|(r, t)| [r * t.cos(), r * t.sin()])
}

/// Two coordinates as an array.
pub fn pair<A, B>(a: A, b: B) -> impl Strategy<Value = [f64; 2]>
where
    A: Strategy<Value = f64>,
    B: Strategy<Value = f64>,
{
    (a, b).prop_map(|(a, b)| [a, b])
}

/// `x = 5/q` for `q` at least `0.1` from every integer, `0.1 < |q| < 5`: `5 % x` jumps
/// where `5/x` is an integer.
pub fn off_divisors_of_5() -> impl Strategy<Value = f64> {
    (0..5, 0.1..0.9, any::<bool>()).prop_map(|(k, f, neg)| {
        let q = f64::from(k) + f;
        if neg { -5.0 / q } else { 5.0 / q }
    })
}

/// `[x, x + d]` with `0.1 < |d| < 5`: away from the tie of `max`, `min`, `abs_sub`.
pub fn apart() -> impl Strategy<Value = [f64; 2]> {
    pair(-10.0..10.0, nonzero(0.1, 5.0)).prop_map(|[x, d]| [x, x + d])
}

/// `[q·y, y]` with `q` at least 0.1 from every integer: away from the jumps of `x % y`.
pub fn off_multiples() -> impl Strategy<Value = [f64; 2]> {
    pair(off_integers(3, 0.1), nonzero(1.0, 4.0)).prop_map(|[q, y]| [q * y, y])
}

/// Three coordinates in `(−10, 10)`.
pub fn triple() -> impl Strategy<Value = [f64; 3]> {
    (-10.0..10.0, -10.0..10.0, -10.0..10.0).prop_map(|(a, b, c)| [a, b, c])
}

/// The worst checker errors seen by a property test, printed at its end (shown with
/// `cargo test -- --nocapture`), so tolerances can be set from measurements.
#[derive(Default)]
pub struct Worst {
    first: core::cell::RefCell<(f64, String)>,
    second: core::cell::RefCell<(f64, String)>,
}

impl Worst {
    /// Records the errors of the first and second derivative at `x`.
    pub fn record(&self, x: impl core::fmt::Debug, first: f64, second: f64) {
        for (cell, e) in [(&self.first, first), (&self.second, second)] {
            let mut w = cell.borrow_mut();
            if e > w.0 {
                *w = (e, format!("{x:?}"));
            }
        }
    }
    /// Prints the worst errors under `name`.
    pub fn print(&self, name: &str) {
        let (first, second) = (self.first.borrow(), self.second.borrow());
        eprintln!(
            "{name:>12}: first {:8.1e} at {:<24} second {:8.1e} at {}",
            first.0, first.1, second.0, second.1
        );
    }
}

/// The tolerance of the finite-difference checks, relative to `max(|d|, 1)`.
///
/// It bounds the checker's own error (rounding and truncation of its sixth-order
/// differences), not forward mode's: measured over 20,000 cases per function on the domains
/// of `forward_fd_unary` and `forward_fd_nary` (`PROPTEST_CASES=20000 cargo test --release
/// --test forward_fd_unary --test forward_fd_nary -- --nocapture`), the worst error was
/// 2.5e-12 for first derivatives and 2.1e-12 for second ones. A derivative off by a relative
/// 1e-9 fails.
pub const TOL: f64 = 1e-10;

/// 256 cases (or `PROPTEST_CASES`, for a longer sweep), and no regression files: a failure
/// prints its minimal input instead.
pub fn cases() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}
