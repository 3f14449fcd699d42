//! The chunk loops: the function is called once per chunk of at most `K` inputs, whose
//! duals carry one tangent each; the other inputs are constants in that call. Each
//! derivative is computed by the same arithmetic as in one call with `N` tangents (every
//! tangent of a dual is propagated independently of the others), so the results are the
//! same bits.

use crate::array::indexed;
use crate::frame::run;
use crate::{Dual, Length, Scalar};

/// The first input of each chunk of `k` among `n` inputs; one chunk when `n = 0`, for the
/// value.
#[inline(always)]
fn starts(n: usize, k: usize) -> impl Iterator<Item = usize> + Clone {
    (0..n.max(1)).step_by(k.max(1))
}

/// The inputs, with tangents on inputs `start..start + K` and constants elsewhere.
#[inline(always)]
fn seed<T: Scalar, K: Length<T>, const N: usize>(x: &[T; N], start: usize) -> [Dual<T, K>; N] {
    indexed(*x, |i, v| Dual::seeded(v, i.wrapping_sub(start)))
}

/// Writes `from` into `to` from index `start` on, as far as both go.
#[inline(always)]
fn put<T: Copy>(to: &mut [T], start: usize, from: impl IntoIterator<Item = T>) {
    for (a, b) in to.iter_mut().skip(start).zip(from) {
        *a = b;
    }
}

/// The value and gradient of `f`, one call per chunk of `K` inputs.
#[inline]
pub(crate) fn gradient<T: Scalar, K: Length<T>, const N: usize>(
    f: &impl Fn([Dual<T, K>; N]) -> Dual<T, K>,
    x: &[T; N],
) -> (T, [T; N]) {
    run::<([Dual<T, K>; N], [T; N]), _>(|| {
        let mut v = T::zero();
        let mut g = [T::zero(); N];
        for start in starts(N, K::USIZE) {
            let y = f(seed(x, start));
            v = y.value();
            put(&mut g, start, y.tangent());
        }
        (v, g)
    })
}

/// The values and Jacobian of `f`, one call per chunk of `K` inputs.
#[inline]
pub(crate) fn jacobian<T: Scalar, K: Length<T>, const N: usize, const M: usize>(
    f: &impl Fn([Dual<T, K>; N]) -> [Dual<T, K>; M],
    x: &[T; N],
) -> ([T; M], [[T; N]; M]) {
    run::<([Dual<T, K>; N], [Dual<T, K>; M], [[T; N]; M]), _>(|| {
        let mut fx = [T::zero(); M];
        let mut j = [[T::zero(); N]; M];
        for start in starts(N, K::USIZE) {
            let y = f(seed(x, start));
            for ((v, row), yi) in fx.iter_mut().zip(j.iter_mut()).zip(y) {
                *v = yi.value();
                put(row, start, yi.tangent());
            }
        }
        (fx, j)
    })
}

/// `m[i][j] = d`, where both indices are in range.
#[inline(always)]
fn set<T, const N: usize>(m: &mut [[T; N]; N], i: usize, j: usize, d: T) {
    if let Some(e) = m.get_mut(i).and_then(|row| row.get_mut(j)) {
        *e = d;
    }
}

/// Duals of duals: `K` tangents over `K` tangents.
pub(crate) type Dual2<T, K> = Dual<Dual<T, K>, K>;

/// The value, gradient and Hessian of `f`: one call per pair of chunks `(a, b)` with
/// `a ≤ b`, the inner tangents on chunk `a` and the outer ones on chunk `b`.
///
/// Entry `(i, j)` with `i ≤ j` is the outer derivative in `j` of the inner one in `i`, and
/// entry `(j, i)` is the same number: the Hessian is exactly symmetric.
#[inline]
pub(crate) fn hessian<T, K, const N: usize>(
    f: &impl Fn([Dual2<T, K>; N]) -> Dual2<T, K>,
    x: &[T; N],
) -> (T, [T; N], [[T; N]; N])
where
    T: Scalar,
    K: Length<T> + Length<Dual<T, K>>,
{
    run::<([Dual2<T, K>; N], [[T; N]; N]), _>(|| {
        let mut v = T::zero();
        let mut g = [T::zero(); N];
        let mut h = [[T::zero(); N]; N];
        let chunks = starts(N, K::USIZE);
        for (n, inner) in chunks.clone().enumerate() {
            for outer in chunks.clone().skip(n) {
                let xs = indexed(*x, |i, xi| {
                    Dual::seeded(
                        Dual::seeded(xi, i.wrapping_sub(inner)),
                        i.wrapping_sub(outer),
                    )
                });
                let y = f(xs);
                v = y.value().value();
                if outer == inner {
                    put(&mut g, inner, y.value().tangent());
                }
                for (j, column) in (outer..N).zip(y.tangent()) {
                    for (i, d) in (inner..=j).zip(column.tangent()) {
                        set(&mut h, j, i, d);
                        set(&mut h, i, j, d);
                    }
                }
            }
        }
        (v, g, h)
    })
}
