//! Every function of forward mode with two or three dual arguments against the
//! finite-difference checker: the gradient against the plain function, the Hessian
//! (nested duals) against the gradient.

mod common;

use common::{LeftOps, Real, TOL, Worst, cases, nonzero, off_integers, pair, polar, same};
use num_traits::{Float, MulAdd};
use proptest::prelude::*;
use typegrad::check::check_gradient;
use typegrad::generic_array::{ConstArrayLength, IntoArrayLength};
use typegrad::typenum::Const;
use typegrad::{Dim, Dual, Duals, gradient, hessian};

/// The duals `hessian` passes for `N` inputs.
type Hess<const N: usize> = Dual<Duals<f64, N>, ConstArrayLength<N>>;

/// Checks the value, the gradient and every row of the Hessian at `x`.
fn check<const N: usize>(
    f0: fn([f64; N]) -> f64,
    f1: fn([Duals<f64, N>; N]) -> Duals<f64, N>,
    f2: fn([Hess<N>; N]) -> Hess<N>,
    x: [f64; N],
    worst: &Worst,
) -> Result<(), TestCaseError>
where
    Const<N>: IntoArrayLength<ArrayLength: Dim<f64> + Dim<Duals<f64, N>>>,
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

/// One test per line: `name in domain => |[x, y, …]| body`, the body generic over [`Real`].
macro_rules! nary {
    ($($name:ident in $dom:expr => |[$($x:ident),+]| $body:expr;)*) => {$(
        #[test]
        fn $name() {
            fn f<T: Real>([$($x),+]: [T; <[()]>::len(&[$(nary!(@unit $x)),+])]) -> T
            where
                f64: LeftOps<T>,
            {
                $body
            }
            let worst = Worst::default();
            proptest!(cases(), |(x in $dom)| {
                check(f, f, f, x, &worst)?;
            });
            worst.print(stringify!($name));
        }
    )*};
    (@unit $x:ident) => { () };
}

/// `[x, x + d]` with `0.1 < |d| < 5`: away from the tie of `max`, `min`, `abs_sub`.
fn apart() -> impl Strategy<Value = [f64; 2]> {
    pair(-10.0..10.0, nonzero(0.1, 5.0)).prop_map(|[x, d]| [x, x + d])
}

/// `[q·y, y]` with `q` at least 0.1 from every integer: away from the jumps of `x % y`.
fn off_multiples() -> impl Strategy<Value = [f64; 2]> {
    pair(off_integers(3, 0.1), nonzero(1.0, 4.0)).prop_map(|[q, y]| [q * y, y])
}

/// Three coordinates in `(−10, 10)`.
fn triple() -> impl Strategy<Value = [f64; 3]> {
    (-10.0..10.0, -10.0..10.0, -10.0..10.0).prop_map(|(a, b, c)| [a, b, c])
}

/// `[x, lo, hi]` with `x` at least 0.1 from both bounds.
fn clamp_args() -> impl Strategy<Value = [f64; 3]> {
    (-10.0..10.0, -5.0..0.0, 0.5..5.0)
        .prop_filter("x near a bound", |(x, lo, hi): &(f64, f64, f64)| {
            (x - lo).abs() > 0.1 && (x - hi).abs() > 0.1
        })
        .prop_map(|(x, lo, hi)| [x, lo, hi])
}

nary! {
    add in pair(-10.0..10.0, -10.0..10.0) => |[x, y]| x + y;
    sub in pair(-10.0..10.0, -10.0..10.0) => |[x, y]| x - y;
    mul in pair(-10.0..10.0, -10.0..10.0) => |[x, y]| x * y;
    div in pair(-10.0..10.0, nonzero(0.5, 10.0)) => |[x, y]| x / y;
    rem in off_multiples() => |[x, y]| x % y;
    assign_ops in off_multiples() => |[x, y]| {
        // ((x + y)·y − x·y)/y − y = x, so `%= y` sees `x` away from multiples of `y`.
        let mut z = x;
        z += y;
        z *= y;
        z -= x * y;
        z /= y;
        z -= y;
        z %= y;
        z
    };
    powf in pair(0.25..10.0, -3.0..3.0) => |[x, y]| x.powf(y);
    pow_dual in pair(0.25..10.0, -3.0..3.0) => |[x, y]| x.pow(y);
    atan2 in polar(0.5..10.0, 0.1) => |[x, y]| y.atan2(x);
    hypot in polar(0.5..10.0, 0.0) => |[x, y]| x.hypot(y);
    log in pair(0.1..100.0, prop_oneof![0.1..0.7, 1.5..10.0]) => |[x, b]| x.log(b);
    max in apart() => |[x, y]| x.max(y);
    min in apart() => |[x, y]| x.min(y);
    abs_sub in apart() => |[x, y]| x.abs_sub(y);
    copysign in pair(nonzero(0.1, 10.0), nonzero(0.1, 10.0)) => |[x, s]| x.copysign(s);
    mul_add in triple() => |[a, b, c]| Float::mul_add(a, b, c);
    mul_add_trait in triple() => |[a, b, c]| MulAdd::mul_add(a, b, c);
    clamp in clamp_args() => |[x, lo, hi]| x.clamp(lo, hi);
}
