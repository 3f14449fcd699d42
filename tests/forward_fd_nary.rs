//! Every function of forward mode with two or three dual arguments against the
//! finite-difference checker: the gradient against the plain function, the Hessian
//! (nested duals) against the gradient.

mod common;

use common::{TOL, Worst, apart, cases, nonzero, off_multiples, pair, polar, same, triple};
use proptest::prelude::*;
use typegrad::check::check_gradient;
use typegrad::typenum::Const;
use typegrad::{Chunking, Duals, HessianDuals, gradient, hessian};

/// The duals `hessian` passes for `N` inputs.
type Hess<const N: usize> = HessianDuals<f64, N>;

/// Checks the value, the gradient and every row of the Hessian at `x`.
fn check<const N: usize>(
    f0: fn([f64; N]) -> f64,
    f1: fn([Duals<f64, N>; N]) -> Duals<f64, N>,
    f2: fn([Hess<N>; N]) -> Hess<N>,
    x: [f64; N],
    worst: &Worst,
) -> Result<(), TestCaseError>
where
    Const<N>: Chunking<f64>,
{
    let (v, g) = gradient(f1, x);
    prop_assert!(same(v, f0(x)), "value {v:e}, plain {:e}", f0(x));
    let first = check_gradient(f0, x, g);
    let (v2, g2, h) = hessian(f2, x);
    prop_assert!(same(v2, v), "value {v:e}, nested {v2:e}");
    for (a, b) in g.iter().zip(g2.iter()) {
        prop_assert!(same(*a, *b), "gradient {g:?}, nested {g2:?}");
    }
    let rows: [_; N] = core::array::from_fn(|i| check_gradient(|p| gradient(f1, p).1[i], x, h[i]));
    let second = rows.iter().map(|r| r.error).fold(0.0, f64::max);
    worst.record(x, first.error, second);
    prop_assert!(first.passes(TOL), "gradient at {x:?}: {first:?}");
    for r in rows {
        prop_assert!(r.passes(TOL), "Hessian at {x:?}: {r:?}");
    }
    Ok(())
}

/// One test per line: `name in domain => |[x, y, …]| body`, the body generic over
/// [`common::Real`].
macro_rules! nary {
    ($($name:ident in $dom:expr => |[$($x:ident),+]| $body:expr;)*) => {$(
        #[test]
        fn $name() {
            common::fns::generic_fn!(|[$($x),+]| $body);
            let worst = Worst::default();
            proptest!(cases(), |(x in $dom)| {
                check(f, f, f, x, &worst)?;
            });
            worst.print(stringify!($name));
        }
    )*};
}

/// `[x, lo, hi]` with `x` at least 0.1 from both bounds.
fn clamp_args() -> impl Strategy<Value = [f64; 3]> {
    (-10.0..10.0, -5.0..0.0, 0.5..5.0)
        .prop_filter("x near a bound", |(x, lo, hi): &(f64, f64, f64)| {
            (x - lo).abs() > 0.1 && (x - hi).abs() > 0.1
        })
        .prop_map(|(x, lo, hi)| [x, lo, hi])
}

common::fns::nary_fns!(nary);

// Every two-argument method of the crate's list has its test above.
typegrad::__float_binary!([self] common::covers_binary);

nary! {
    clamp in clamp_args() => |[x, lo, hi]| x.clamp(lo, hi);
}
