//! Forward mode for functions of plain arrays, in chunks of tangents.
//!
//! Inputs and outputs are plain arrays. A [`Dual`] carries one tangent per input of its
//! chunk: [`gradient`], [`jacobian`] and [`hessian`] call the function once per chunk of at
//! most `K` inputs (the others constants in that call), so each dual holds `K + 1`
//! numbers whatever `N` is. `K` follows [`Chunking`]: `K = N` up to 12 inputs, then
//! `⌈N / ⌈N / 12⌉⌉` (at most 12); [`Chunked`] takes a `K` of your choice. A generic
//! `fn f<T: Float>(x: [T; N]) -> T` can be passed by name.
//!
//! **Stack.** Each entry point's docs give the bytes it keeps on the stack, as a formula
//! in `N`, `K` and `s = size_of::<T>()`, besides the frames of the function itself, whose
//! temporaries are duals of `(K + 1)·s` bytes (`(K + 1)²·s` for a Hessian). An entry point
//! that keeps more than 2 KiB runs in a frame of its own, never inlined into its caller,
//! so a call that never runs costs the caller nothing but room for the result.

mod chunked;
mod chunking;
mod chunks;
pub(crate) mod run;

use typenum::Const;

pub use chunked::Chunked;
pub use chunking::Chunking;

use crate::{Dual, Scalar};

/// The dual type [`gradient`] and [`jacobian`] pass in for `N` inputs: `Dual<T, K>` with
/// `K` tangents, `K` the chunk length of [`Chunking`] (`K = N` up to 12 inputs).
///
/// ```
/// use typegrad::{Duals, Float};
/// fn f(x: [Duals<f64, 2>; 2]) -> Duals<f64, 2> {
///     x[0] * x[1].sin()
/// }
/// assert_eq!(typegrad::gradient(f, [2.0, 0.0]).1, [0.0, 2.0]);
/// ```
pub type Duals<T, const N: usize> = Dual<T, <Const<N> as Chunking<T>>::Gradient>;

/// The dual type [`hessian`] passes in for `N` inputs: duals of [`Duals`], `K` tangents
/// over `K` tangents.
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
/// tangents ([`Chunking`]; `K = N` and one call up to 12 inputs).
///
/// Stack, besides `f`'s frames (whose duals take `(K + 1)·s` bytes, `s = size_of::<T>()`):
/// the inputs as duals and the gradient, `N·(K + 2)·s` bytes. With `K = 12`, 1,000 `f64`
/// inputs take 112 KB. [`Chunked`] sets another `K`; [`tape::gradient`](crate::tape::gradient)
/// costs `O(1)` per operation instead of `O(K)`.
///
/// ```
/// use typegrad::{gradient, Float};
/// fn f<T: Float>([x, y]: [T; 2]) -> T {
///     x * y.exp()
/// }
/// let (v, g) = gradient(f, [3.0, 0.0]);
/// assert_eq!((v, g), (3.0, [1.0, 3.0]));
///
/// // 100 inputs: 9 calls of 12 tangents (the last 4 of them unused).
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
/// inputs as duals, `2·N·s` bytes.
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
    run::run::<[Dual<T>; N], _>(|| {
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
/// the inputs and outputs as duals and the Jacobian, `((N + M)·(K + 1) + M·(N + 1))·s`
/// bytes.
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
/// pair of chunks, each with `K` tangents over `K` ([`Chunking`]; one call up to 12
/// inputs). The Hessian is exactly symmetric.
///
/// Stack, besides `f`'s frames (whose duals take `(K + 1)²·s` bytes, `s = size_of::<T>()`):
/// the inputs as duals, the gradient and the Hessian, `N·((K + 1)² + N + 1)·s` bytes: 216 KB
/// for 100 `f64` inputs. For many inputs,
/// [`tape::hessian`](crate::tape::hessian) costs `O(N)` evaluations instead of `O(N²)`.
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
