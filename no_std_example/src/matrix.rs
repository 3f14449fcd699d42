//! The few small fixed-size matrix operations an EKF update needs, on plain `f32` arrays.

use core::array::from_fn;

/// `R` rows of `C` columns.
pub type Mat<const R: usize, const C: usize> = [[f32; C]; R];

/// `a · b`.
pub fn mul<const R: usize, const K: usize, const C: usize>(
    a: &Mat<R, K>,
    b: &Mat<K, C>,
) -> Mat<R, C> {
    from_fn(|i| from_fn(|j| (0..K).map(|k| a[i][k] * b[k][j]).sum()))
}

/// `aᵀ`.
pub fn transpose<const R: usize, const C: usize>(a: &Mat<R, C>) -> Mat<C, R> {
    from_fn(|i| from_fn(|j| a[j][i]))
}

/// `a + b`.
pub fn add<const R: usize, const C: usize>(a: &Mat<R, C>, b: &Mat<R, C>) -> Mat<R, C> {
    from_fn(|i| from_fn(|j| a[i][j] + b[i][j]))
}

/// `I − a` for a square `a`.
pub fn identity_minus<const N: usize>(a: &Mat<N, N>) -> Mat<N, N> {
    from_fn(|i| from_fn(|j| f32::from(i == j) - a[i][j]))
}

/// `a · v` for a column vector `v`.
pub fn apply<const R: usize, const C: usize>(a: &Mat<R, C>, v: &[f32; C]) -> [f32; R] {
    from_fn(|i| (0..C).map(|k| a[i][k] * v[k]).sum())
}

/// The inverse of a 2×2 matrix (infinite or NaN entries if it is singular; no panic).
pub fn inverse2(a: &Mat<2, 2>) -> Mat<2, 2> {
    let det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    [
        [a[1][1] / det, -a[0][1] / det],
        [-a[1][0] / det, a[0][0] / det],
    ]
}
