//! Hessians on the tape, forward over reverse: the tape records the function over duals
//! whose tangents follow a chunk of `K` inputs, and one backward sweep gives the gradient
//! with its derivatives along those inputs, `K` columns of the Hessian.

use typenum::{Const, Unsigned};

use super::api::{pull, record};
use super::stack::{self, Stack};
use super::{Active, Point, TapeError};
use crate::{Chunking, Dual, Scalar};

mod sealed {
    pub trait Sealed {}
    impl<T, const N: usize> Sealed for [T; N] {}
}

/// A function of the variables of `X` on a tape with lifetime `'t`, returning `Y`, that can
/// be called many times: the bound of [`hessian`], which records `f` once per chunk. It is
/// `Fn(X::Vars<'t, Stack<'t, X::Scalar>>) -> Y` under another name, as
/// [`Recording`](super::Recording) is `FnOnce`.
///
/// ```
/// use typegrad::tape::{Recordings, Active};
/// fn takes<F: for<'t> Recordings<'t, [f64; 2], Active<'t, f64>>>(_: F) {}
/// takes(|[x, y]| x * y);
/// ```
pub trait Recordings<'t, X: Point + 't, Y>: Fn(X::Vars<'t, Stack<'t, X::Scalar>>) -> Y {}

impl<'t, X: Point + 't, Y, F: Fn(X::Vars<'t, Stack<'t, X::Scalar>>) -> Y> Recordings<'t, X, Y>
    for F
{
}

/// A point for [`hessian`]: `[T; N]`, whose function receives `N` tape variables over
/// duals of `K` tangents, `K` the Hessian chunk of [`Chunking`] (at most 8).
///
/// ```
/// use typegrad::tape::Twice;
/// use typegrad::Dual;
/// use typegrad::typenum::U2;
/// let x: <[f64; 2] as Twice>::Duals = [Dual::<f64, U2>::variable::<0>(1.0); 2];
/// ```
pub trait Twice: sealed::Sealed + Copy {
    /// The number type, `T` in `[T; N]`.
    type Scalar: Scalar;
    /// The point the tape records: `[Dual<T, K>; N]`.
    type Duals: Point;
    /// The Hessian, `[[T; N]; N]`.
    type Matrix;
    /// The value, gradient and Hessian of `f`.
    #[doc(hidden)]
    #[allow(clippy::type_complexity)]
    fn hessian<F, const CAP: usize>(
        f: &F,
        x: Self,
    ) -> Result<(Self::Scalar, Self, Self::Matrix), TapeError>
    where
        F: for<'t> Recordings<'t, Self::Duals, Active<'t, <Self::Duals as Point>::Scalar>>;
}

/// The duals of the Hessian chunk for `N` inputs.
type D<T, const N: usize> = Dual<T, <Const<N> as Chunking<T>>::Hessian>;

impl<T: Scalar, const N: usize> Twice for [T; N]
where
    Const<N>: Chunking<T>,
{
    type Scalar = T;
    type Duals = [D<T, N>; N];
    type Matrix = [[T; N]; N];

    #[inline(always)]
    fn hessian<F, const CAP: usize>(f: &F, x: Self) -> Result<(T, Self, Self::Matrix), TapeError>
    where
        F: for<'t> Recordings<'t, [D<T, N>; N], Active<'t, D<T, N>>>,
    {
        let mut v = T::zero();
        let mut g = [T::zero(); N];
        let mut h = [[T::zero(); N]; N];
        let k = <Const<N> as Chunking<T>>::Hessian::USIZE;
        for start in (0..N.max(1)).step_by(k.max(1)) {
            let xs = crate::array::indexed(x, |i, xi| Dual::seeded(xi, i.wrapping_sub(start)));
            // A tape per chunk on slots of its own: nothing is written to them beforehand.
            let mut slots = stack::slots::<D<T, N>, CAP>();
            let tape = Stack::new(&mut slots);
            let y = record(&tape, f, xs);
            let (y, adjoints) = pull::<[D<T, N>; N], _, false>(&tape, y)?;
            v = y.value();
            for ((i, a), gi) in adjoints.iter().enumerate().zip(g.iter_mut()) {
                *gi = a.value();
                // Column `j` from the tangents, mirrored: entry (i, j) for j ≥ i.
                for (j, d) in (start..N).zip(a.tangent()).filter(|&(j, _)| j >= i) {
                    set(&mut h, i, j, d);
                    set(&mut h, j, i, d);
                }
            }
        }
        Ok((v, g, h))
    }
}

/// `m[i][j] = d`, where both indices are in range.
#[inline(always)]
fn set<T, const N: usize>(m: &mut [[T; N]; N], i: usize, j: usize, d: T) {
    if let Some(e) = m.get_mut(i).and_then(|row| row.get_mut(j)) {
        *e = d;
    }
}

/// The value, gradient and Hessian of `f` at `x`, forward over reverse on a tape of `CAP`
/// records made inside the call: `⌈N / K⌉` recordings over duals of `K` tangents (`K` the
/// Hessian chunk of [`Chunking`], at most 8), each swept back once for `K` columns. The
/// Hessian is exactly symmetric (entry `(i, j)`, `i ≤ j`, is mirrored).
///
/// This costs `O(N)` evaluations of `f` where [`hessian`](crate::hessian) (forward over
/// forward) costs `O(N²)`: it is the cheaper of the two at every size measured, 16 to 256
/// inputs (BENCHMARKS.md).
/// `CAP` counts records as for [`gradient`](super::gradient) (the same count), each taking
/// `24 + 3·(K + 1)·s` bytes on 64-bit targets (`s = size_of::<T>()`; 240 for `f64` and
/// `K = 8`), never written before a chunk records into it. **Stack**: the tape, the Hessian
/// and gradient, and arrays of duals, at most `CAP·(24 + 3·(K + 1)·s) + (N² + 2·N +
/// 6·N·(K + 1))·s` bytes, in a function of its own when that exceeds 4 KiB: 215,464 bytes
/// for 100 `f64` inputs and `CAP = 396` in an optimized x86-64 build (the formula gives
/// 219,840; `python3 scripts/stack_frames.py`). The caller keeps the result, which that
/// build holds twice (161,648 bytes at 100 inputs).
/// The first generic argument is the point's type: write `_`.
///
/// ```
/// use typegrad::{tape, Float};
/// fn f<T: Float>([x, y]: [T; 2]) -> T {
///     x * x * y + y.sin()
/// }
/// let (v, g, h) = tape::hessian::<_, 8>(|x| f(x), [3.0_f64, 0.0]).unwrap();
/// assert_eq!((v, g), (0.0, [0.0, 10.0]));
/// assert_eq!(h, [[0.0, 6.0], [6.0, -0.0]]);
/// ```
#[inline]
#[allow(clippy::type_complexity)]
pub fn hessian<X: Twice, const CAP: usize>(
    f: impl for<'t> Recordings<'t, X::Duals, Active<'t, <X::Duals as Point>::Scalar>>,
    x: X,
) -> Result<(X::Scalar, X, X::Matrix), TapeError> {
    type Of<X> = <<X as Twice>::Duals as Point>::Scalar;
    crate::frame::run::<(stack::Slots<'_, Of<X>, CAP>, X::Matrix), _>(|| {
        X::hessian::<_, CAP>(&f, x)
    })
}
