//! Rosenbrock's function, generic over `Float`, and its value, gradient and Hessian written
//! out: the closed forms several test files check every mode against.

use typegrad::Float;

/// `Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²`.
pub fn rosenbrock<T: Float, const N: usize>(x: [T; N]) -> T {
    let c = T::from(100.0).unwrap();
    (0..N - 1).fold(T::zero(), |s, i| {
        s + c * (x[i + 1] - x[i].powi(2)).powi(2) + (T::one() - x[i]).powi(2)
    })
}

/// Rosenbrock's value and gradient, written out.
pub fn rosenbrock_closed<const N: usize>(x: [f64; N]) -> (f64, [f64; N]) {
    let (mut v, mut g) = (0.0, [0.0; N]);
    for i in 0..N - 1 {
        let a = x[i + 1] - x[i] * x[i];
        v += 100.0 * a * a + (1.0 - x[i]) * (1.0 - x[i]);
        g[i] += -400.0 * x[i] * a - 2.0 * (1.0 - x[i]);
        g[i + 1] += 200.0 * a;
    }
    (v, g)
}

/// Rosenbrock's Hessian, tridiagonal, written out (apart from the gradient: at 1,000 inputs
/// it would take 8 MB).
pub fn rosenbrock_hessian<const N: usize>(x: [f64; N]) -> [[f64; N]; N] {
    let mut h = [[0.0; N]; N];
    for i in 0..N - 1 {
        h[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
        h[i + 1][i + 1] += 200.0;
        h[i][i + 1] = -400.0 * x[i];
        h[i + 1][i] = -400.0 * x[i];
    }
    h
}
