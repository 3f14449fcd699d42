//! `Σᵢ sin(xᵢ)·exp(xᵢ₊₁)` over `N` inputs: one `sin` and one `exp` an input, so the
//! function's own arithmetic (which forward mode repeats once per chunk) weighs more than in
//! Rosenbrock's function.

use crate::backends::Scalar;
use crate::{Real, total};

/// `Σᵢ sin(xᵢ)·exp(xᵢ₊₁)` over `N` inputs.
pub struct SinExp;

impl<const N: usize> Scalar<N> for SinExp {
    #[inline(always)]
    fn f<T: Real>(&self, x: [T; N]) -> T {
        total(x.windows(2).map(|w| w[0].sin() * w[1].exp()))
    }
}

/// By hand: each term's value and its two partials.
#[inline(never)]
pub fn hand<const N: usize>(x: [f64; N]) -> (f64, [f64; N]) {
    let mut f = 0.0;
    let mut g = [0.0; N];
    for i in 0..N - 1 {
        let (s, c) = x[i].sin_cos();
        let e = x[i + 1].exp();
        f += s * e;
        g[i] += c * e;
        g[i + 1] += s * e;
    }
    (f, g)
}

/// By hand: the value, gradient and (tridiagonal) Hessian.
#[inline(never)]
pub fn hand_hessian<const N: usize>(x: [f64; N]) -> (f64, [f64; N], [[f64; N]; N]) {
    let mut f = 0.0;
    let mut g = [0.0; N];
    let mut h = [[0.0; N]; N];
    for i in 0..N - 1 {
        let (s, c) = x[i].sin_cos();
        let e = x[i + 1].exp();
        f += s * e;
        g[i] += c * e;
        g[i + 1] += s * e;
        h[i][i] -= s * e;
        h[i + 1][i + 1] += s * e;
        h[i][i + 1] = c * e;
        h[i + 1][i] = c * e;
    }
    (f, g, h)
}

/// The point: `xᵢ = sin(i)`, in `[−1, 1]`.
pub fn point<const N: usize>() -> [f64; N] {
    core::array::from_fn(|i| (i as f64).sin())
}
