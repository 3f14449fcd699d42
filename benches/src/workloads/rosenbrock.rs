//! The Rosenbrock function of `N` inputs:
//! `Σᵢ 100·(xᵢ₊₁ − xᵢ²)² + (xᵢ − 1)²`.

use typegrad::reverse::{Expr, Vars, sum, vars};
use typegrad::tape::{Active, Store, stmt};
use typegrad::typenum::Const;

use crate::backends::Scalar;
use crate::{Real, total};

/// Rosenbrock over `N` inputs.
pub struct Rosenbrock;

impl<const N: usize> Scalar<N> for Rosenbrock {
    #[inline(always)]
    fn f<T: Real>(&self, x: [T; N]) -> T {
        total(
            x.windows(2)
                .map(|w| (w[1] - w[0] * w[0]).powi(2) * 100.0 + (w[0] - 1.0).powi(2)),
        )
    }
}

/// By hand: each term's forward pass, then its adjoints (f̄ = 1).
#[inline(never)]
pub fn hand<const N: usize>(x: [f64; N]) -> (f64, [f64; N]) {
    let mut f = 0.0;
    let mut g = [0.0; N];
    for i in 0..N - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = x[i] - 1.0;
        f += 100.0 * a * a + b * b;
        let a_bar = 200.0 * a;
        g[i + 1] += a_bar;
        g[i] += 2.0 * b - 2.0 * x[i] * a_bar;
    }
    (f, g)
}

/// By hand: the value, gradient and (tridiagonal) Hessian.
#[inline(never)]
pub fn hand_hessian<const N: usize>(x: [f64; N]) -> (f64, [f64; N], [[f64; N]; N]) {
    let (f, g) = hand(x);
    let mut h = [[0.0; N]; N];
    for i in 0..N - 1 {
        h[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
        h[i + 1][i + 1] += 200.0;
        h[i][i + 1] = -400.0 * x[i];
        h[i + 1][i] = -400.0 * x[i];
    }
    (f, g, h)
}

/// typegrad reverse mode: `vars` on the array, `sum` over the terms. (Written per size:
/// the operators on array variables need a concrete input count.)
macro_rules! reverse_at {
    ($($name:ident $n:literal),*) => {$(
        #[doc = concat!("Rosenbrock over ", stringify!($n), " inputs in typegrad's reverse mode.")]
        #[inline(never)]
        pub fn $name(x: [f64; $n]) -> (f64, [f64; $n]) {
            let x = vars!(x);
            let e = sum(
                x.array_windows()
                    .map(|[a, b]| (b - a * a).powi(2) * 100.0 + (a - 1.0).powi(2)),
            );
            { let (v, g) = e.value_and_gradient(); (v, g.into()) }
        }
    )*};
}
reverse_at!(reverse2 2, reverse8 8, reverse12 12, reverse16 16, reverse24 24, reverse32 32);
reverse_at!(reverse64 64, reverse256 256);

/// The statement-level tape, the whole sum one statement over the `N` inputs ([`stmt!`]):
/// `1 + N/2` records besides the inputs.
#[inline(always)]
pub fn statement<'t, S: Store<f64>, const N: usize>(
    x: [Active<'t, f64, S>; N],
) -> Active<'t, f64, S>
where
    Const<N>: Vars<f64>,
{
    stmt!(x => sum(
        x.windows(2).map(|w| (w[1] - w[0] * w[0]).powi(2) * 100.0 + (w[0] - 1.0).powi(2))
    ))
}

/// The statement-level tape, a statement per term of the sum, over the sum so far and the
/// term's two inputs: two records a term (one for the first).
#[inline(always)]
pub fn statements<'t, S: Store<f64>, const N: usize>(
    x: [Active<'t, f64, S>; N],
) -> Active<'t, f64, S> {
    let mut s = stmt!(a = x[0], b = x[1] => (b - a * a).powi(2) * 100.0 + (a - 1.0).powi(2));
    for i in 1..N - 1 {
        s = stmt!(s, a = x[i], b = x[i + 1] => {
            s + (b - a * a).powi(2) * 100.0 + (a - 1.0).powi(2)
        });
    }
    s
}

/// The point: alternating −1.2 and 1, the classic start.
pub fn point<const N: usize>() -> [f64; N] {
    core::array::from_fn(|i| if i % 2 == 0 { -1.2 } else { 1.0 })
}
