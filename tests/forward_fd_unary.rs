//! Every one-argument function of forward mode against the finite-difference checker:
//! the first derivative against the plain function, the second derivative (nested duals)
//! against the first.

mod common;

use common::{
    TOL, Worst, cases, nonzero, off_divisors_of_5, off_half_integers, off_integers, same,
};
use proptest::prelude::*;
use typegrad::check::check_derivative;
use typegrad::{Dual, derivative};

type D1 = Dual<f64>;
type D2 = Dual<Dual<f64>>;

/// Checks the value, the first and the second derivative of one function at `x`.
fn check(
    f0: fn(f64) -> f64,
    f1: fn(D1) -> D1,
    f2: fn(D2) -> D2,
    x: f64,
    worst: &Worst,
) -> Result<(), TestCaseError> {
    let (v, d) = derivative(f1, x);
    prop_assert!(same(v, f0(x)), "value {v:e}, plain {:e}", f0(x));
    let first = check_derivative(f0, x, d);
    let (d_nested, dd) = derivative(|y| derivative(f2, y).1, x);
    prop_assert!(same(d_nested, d), "derivative {d:e}, nested {d_nested:e}");
    let second = check_derivative(|y| derivative(f1, y).1, x, dd);
    worst.record(x, first.error, second.error);
    prop_assert!(first.passes(TOL), "first derivative at {x:e}: {first:?}");
    prop_assert!(second.passes(TOL), "second derivative at {x:e}: {second:?}");
    Ok(())
}

/// One test per line: `name in domain => |x| body`, the body generic over
/// [`common::Real`].
macro_rules! unary {
    ($($name:ident in $dom:expr => |$x:ident| $body:expr;)*) => {$(
        #[test]
        fn $name() {
            common::fns::generic_fn!(|$x| $body);
            let worst = Worst::default();
            proptest!(cases(), |(x in $dom)| {
                check(f, f, f, x, &worst)?;
            });
            worst.print(stringify!($name));
        }
    )*};
}

common::fns::unary_fns!(unary);

// Every one-argument method of the crate's lists has its test above.
typegrad::__float_unary!([self] common::covers_unary);
typegrad::__special_unary!([self] common::covers_special);
