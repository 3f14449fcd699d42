//! Forward mode for functions of plain arrays, in chunks of tangents.
//!
//! Inputs and outputs are plain arrays. [`gradient`], [`jacobian`] and [`hessian`] call the
//! function once per chunk of at most `K` inputs, with one tangent for each input of the
//! chunk (the other inputs are constants in that call), so a [`Dual`] holds `K + 1`
//! numbers whatever `N` is. Each tangent is propagated by its own arithmetic, so the
//! results are the same bits as from one call with `N` tangents. `K` follows [`Chunking`]:
//! gradients and Jacobians make one call up to 64 inputs and use chunks of at most 32
//! beyond; Hessians use chunks of at most 8. [`Chunked`] takes a `K` of your choice. A
//! generic `fn f<T: Float>(x: [T; N]) -> T` can be passed by name; closures work as they
//! are written (`Fn`: the function is called once per chunk).
//!
//! # Stack
//!
//! Each entry point's docs give the bytes it keeps on the stack, as a formula in `N`, `K` and
//! `s = size_of::<T>()` (checked against the frames of optimized x86-64 builds with
//! `objdump`; a debug build keeps up to about twice as much), besides the frames of the
//! function itself, whose temporaries are duals of `(K + 1)·s` bytes (`(K + 1)²·s` in a
//! Hessian). An entry point that keeps more than 4 KiB runs in a frame of its own, never
//! inlined into its caller, so a call that never runs costs the caller only the room for its
//! result. `tests/stack.rs` runs a gradient of 1,000 inputs, a Hessian of 100 and a Jacobian
//! of 200 by 200 on a 2 MiB thread.
//!
//! # Hessians of many inputs
//!
//! [`hessian`] is forward over forward: its `C·(C + 1)/2` calls for `C = ⌈N / K⌉` chunks make
//! its cost grow as `N²` times the function's. [`tape::hessian`](crate::tape::hessian) is
//! forward over reverse on the stack tape: `⌈N / K⌉` recordings, a cost growing as `N` times
//! the function's. It needs a capacity and a closure (`|x| f(x)`), which is why `hessian`,
//! which takes a generic function by name and no capacity, cannot use it; where both apply,
//! the tape is the cheaper from 16 inputs on (BENCHMARKS.md).

mod chunked;
mod chunking;
mod chunks;

use typenum::Const;

pub use chunked::Chunked;
pub use chunking::Chunking;

use crate::{Dual, Scalar};

/// The dual type [`gradient`] and [`jacobian`] pass in for `N` inputs: `Dual<T, K>` with
/// `K` tangents, `K` the chunk length of [`Chunking`] (`K = N` up to 64 inputs).
///
/// ```
/// use typegrad::{Duals, Float};
/// fn f(x: [Duals<f64, 2>; 2]) -> Duals<f64, 2> {
///     x[0] * x[1].sin()
/// }
/// assert_eq!(typegrad::gradient(f, [2.0, 0.0]).1, [0.0, 2.0]);
/// ```
pub type Duals<T, const N: usize> = Dual<T, <Const<N> as Chunking<T>>::Gradient>;

/// The dual type [`hessian`] passes in for `N` inputs: `K` tangents over `K` tangents, `K`
/// the Hessian chunk length of [`Chunking`] (`K = N` up to 8 inputs).
///
/// ```
/// use typegrad::{HessianDuals, Float};
/// fn f([x, y]: [HessianDuals<f64, 2>; 2]) -> HessianDuals<f64, 2> {
///     x * x * y
/// }
/// assert_eq!(typegrad::hessian(f, [3.0, 2.0]).2, [[4.0, 6.0], [6.0, 0.0]]);
/// ```
pub type HessianDuals<T, const N: usize> =
    Dual<Dual<T, <Const<N> as Chunking<T>>::Hessian>, <Const<N> as Chunking<T>>::Hessian>;

/// The value and derivative of a function of one variable.
///
/// Stack: the call's own `4·s` bytes (`s = size_of::<T>()`); `f` works on duals of `2·s`.
///
/// ```
/// use typegrad::{derivative, Float};
/// let (v, d) = derivative(|x| x.sin() * x, 1.0);
/// assert_eq!(v, 1.0_f64.sin());
/// assert_eq!(d, 1.0_f64.cos() + 1.0_f64.sin()); // x cos x + sin x at x = 1
/// ```
#[inline(always)]
pub fn derivative<T: Scalar, F>(f: F, x: T) -> (T, T)
where
    F: FnOnce(Dual<T>) -> Dual<T>,
{
    let y = f(Dual::seeded(x, 0));
    let [d] = y.tangent().into_array();
    (y.value(), d)
}

/// The value and gradient of a function of `N` variables: `⌈N / K⌉` calls, each with `K`
/// tangents ([`Chunking`]: one call up to 64 inputs, chunks of at most 32 beyond).
///
/// Stack, besides `f`'s frames (whose duals take `(K + 1)·s` bytes, `s = size_of::<T>()`):
/// the inputs as duals, twice (one chunk's while the next is built), and the gradient,
/// `(2·N·(K + 1) + N)·s` bytes: 536,000 for 1,000 `f64` inputs (`K = 32`; the frame
/// measured 537,208). [`Chunked`] sets another `K`. Forward mode costs `O(N)` per operation
/// of `f`; [`tape::gradient`](crate::tape::gradient) costs `O(1)`.
///
/// ```
/// use typegrad::{gradient, Float};
/// fn f<T: Float>([x, y]: [T; 2]) -> T {
///     x * y.exp()
/// }
/// let (v, g) = gradient(f, [3.0, 0.0]);
/// assert_eq!((v, g), (3.0, [1.0, 3.0]));
///
/// // 100 inputs: 4 calls of 25 tangents.
/// fn sum_of_squares<T: Float, const N: usize>(x: [T; N]) -> T {
///     x.iter().fold(T::zero(), |s, &xi| s + xi * xi)
/// }
/// let x: [f64; 100] = core::array::from_fn(|i| i as f64);
/// assert_eq!(gradient(sum_of_squares, x).1, x.map(|xi| 2.0 * xi));
/// ```
#[inline]
pub fn gradient<T: Scalar, const N: usize, F>(f: F, x: [T; N]) -> (T, [T; N])
where
    Const<N>: Chunking<T>,
    F: Fn([Duals<T, N>; N]) -> Duals<T, N>,
{
    chunks::gradient(&f, &x)
}

/// The gradient as a function, as autograd's `grad(f)` returns: [`gradient`] without the
/// value (same chunks, same stack).
///
/// ```
/// use typegrad::{grad, Float};
/// fn f<T: Float>([x, y, z]: [T; 3]) -> T {
///     (T::from(2.0).unwrap() * x + y) * z
/// }
/// let f_grad = grad(f);
/// assert_eq!(f_grad([1.0, 2.0, 3.0]), [6.0, 3.0, 4.0]);
/// ```
#[inline(always)]
pub fn grad<T: Scalar, const N: usize, F>(f: F) -> impl Fn([T; N]) -> [T; N]
where
    Const<N>: Chunking<T>,
    F: Fn([Duals<T, N>; N]) -> Duals<T, N>,
{
    move |x| gradient(&f, x).1
}

/// The directional derivative of `f` at `x` along `v` (a Jacobian-vector product): one
/// call with one tangent, whatever `N` is.
///
/// Stack, besides `f`'s frames (whose duals take `2·s` bytes, `s = size_of::<T>()`): the
/// inputs as duals and the direction, `3·N·s` bytes: 24,000 for 1,000 `f64` inputs (the
/// frame measured 24,016).
///
/// ```
/// use typegrad::{jvp, Float};
/// let (v, d) = jvp(|[x, y]| x * y, [2.0, 3.0], [1.0, 1.0]);
/// assert_eq!((v, d), (6.0, 5.0)); // y + x
/// ```
#[inline]
pub fn jvp<T: Scalar, const N: usize, F>(f: F, x: [T; N], v: [T; N]) -> (T, T)
where
    F: FnOnce([Dual<T>; N]) -> Dual<T>,
{
    crate::frame::run::<[Dual<T>; N], _>(|| {
        let mut v = v.into_iter();
        let xs = x.map(|xi| Dual::new(xi, [v.next().unwrap_or_else(T::zero)].into()));
        let y = f(xs);
        let [d] = y.tangent().into_array();
        (y.value(), d)
    })
}

/// The values and the Jacobian (`M` rows of `N` partials) of a function with `M` outputs:
/// `⌈N / K⌉` calls, each with `K` tangents ([`Chunking`]).
///
/// Stack, besides `f`'s frames (whose duals take `(K + 1)·s` bytes, `s = size_of::<T>()`):
/// at most the inputs as duals twice, the outputs as duals and the values and Jacobian,
/// `((2·N + M)·(K + 1) + M·(N + 1))·s` bytes: 566,400 for 200 `f64` inputs and outputs
/// (`K = 50`; the frame measured 465,880).
///
/// ```
/// use typegrad::jacobian;
/// let (fx, j) = jacobian(|[x, y]| [x * y, x + y], [1.0, 2.0]);
/// assert_eq!(fx, [2.0, 3.0]);
/// assert_eq!(j, [[2.0, 1.0], [1.0, 1.0]]);
/// ```
#[inline]
pub fn jacobian<T: Scalar, const N: usize, const M: usize, F>(
    f: F,
    x: [T; N],
) -> ([T; M], [[T; N]; M])
where
    Const<N>: Chunking<T>,
    F: Fn([Duals<T, N>; N]) -> [Duals<T, N>; M],
{
    chunks::jacobian(&f, &x)
}

/// The value, gradient and Hessian of a function of `N` variables, with duals of duals
/// (forward over forward) in chunks: `C·(C + 1)/2` calls for `C = ⌈N / K⌉` chunks, one per
/// pair of chunks `a ≤ b`, each with `K` tangents on chunk `a` inside `K` on chunk `b`
/// ([`Chunking`]: one call up to 8 inputs, chunks of at most 8 beyond; 91 calls at 100
/// inputs).
///
/// The Hessian is exactly symmetric: entry `(i, j)` and `(j, i)`, `i ≤ j`, are both the
/// derivative in `x_j` of the derivative in `x_i`, the same bits as that entry of one call
/// with `N` tangents over `N`. (Where a derivative is infinite, such as `sqrt` at 0, one call
/// can spread a NaN to entries of other inputs; chunks keep it to the chunk's entries.)
///
/// Stack, besides `f`'s frames (whose duals take `(K + 1)²·s` bytes, `s = size_of::<T>()`):
/// the inputs as duals, twice, the gradient and the Hessian, `(2·N·(K + 1)² + N² + N)·s`
/// bytes: 120,800 for 100 `f64` inputs (`K = 4`; the frame measured 121,128). Its cost grows as `N²`
/// times the function's; [`tape::hessian`](crate::tape::hessian) grows as `N` times and is
/// cheaper from 16 inputs on (BENCHMARKS.md).
///
/// ```
/// use typegrad::{hessian, Float};
/// fn f<T: Float>([x, y]: [T; 2]) -> T {
///     x * x * y
/// }
/// let (v, g, h) = hessian(f, [3.0, 2.0]);
/// assert_eq!((v, g), (18.0, [12.0, 9.0]));
/// assert_eq!(h, [[4.0, 6.0], [6.0, 0.0]]);
/// ```
#[inline]
pub fn hessian<T: Scalar, const N: usize, F>(f: F, x: [T; N]) -> (T, [T; N], [[T; N]; N])
where
    Const<N>: Chunking<T>,
    F: Fn([HessianDuals<T, N>; N]) -> HessianDuals<T, N>,
{
    chunks::hessian(&f, &x)
}
