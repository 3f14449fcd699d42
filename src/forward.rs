//! Forward mode for functions of plain arrays: call the function once with duals.
//!
//! Inputs and outputs are plain arrays; the tangent count is the input count, as a
//! type-level length inside the [`Dual`]s the function receives. A generic
//! `fn f<T: Float>(x: [T; N]) -> T` can be passed by name.

use generic_array::{ConstArrayLength, IntoArrayLength};
use typenum::Const;

use crate::array::indexed;
use crate::{Dual, Length, Scalar};

/// The dual type for a function of `N` inputs: `Dual<T, UN>`, what [`gradient`] passes in.
///
/// ```
/// use typegrad::{Duals, Float};
/// fn f(x: [Duals<f64, 2>; 2]) -> Duals<f64, 2> {
///     x[0] * x[1].sin()
/// }
/// assert_eq!(typegrad::gradient(f, [2.0, 0.0]).1, [0.0, 2.0]);
/// ```
pub type Duals<T, const N: usize> = Dual<T, ConstArrayLength<N>>;

/// Input `i` of `N` for every `i`.
#[inline(always)]
fn seed<T: Scalar, const N: usize>(x: [T; N]) -> [Duals<T, N>; N]
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
{
    indexed(x, |i, v| Dual::seeded(v, i))
}

/// The value and derivative of a function of one variable.
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

/// The value and gradient of a function of `N` variables, in one call with `N` tangents.
///
/// ```
/// use typegrad::{gradient, Float};
/// fn f<T: Float>([x, y]: [T; 2]) -> T {
///     x * y.exp()
/// }
/// let (v, g) = gradient(f, [3.0, 0.0]);
/// assert_eq!((v, g), (3.0, [1.0, 3.0]));
/// ```
#[inline(always)]
pub fn gradient<T: Scalar, const N: usize, F>(f: F, x: [T; N]) -> (T, [T; N])
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
    F: FnOnce([Duals<T, N>; N]) -> Duals<T, N>,
{
    let y = f(seed(x));
    (y.value(), y.tangent().into())
}

/// The gradient as a function, as autograd's `grad(f)` returns.
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
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
    F: Fn([Duals<T, N>; N]) -> Duals<T, N>,
{
    move |x| gradient(&f, x).1
}

/// The directional derivative of `f` at `x` along `v` (a Jacobian-vector product), with
/// one tangent whatever `N` is.
///
/// ```
/// use typegrad::{jvp, Float};
/// let (v, d) = jvp(|[x, y]| x * y, [2.0, 3.0], [1.0, 1.0]);
/// assert_eq!((v, d), (6.0, 5.0)); // y + x
/// ```
#[inline(always)]
pub fn jvp<T: Scalar, const N: usize, F>(f: F, x: [T; N], v: [T; N]) -> (T, T)
where
    F: FnOnce([Dual<T>; N]) -> Dual<T>,
{
    let mut v = v.into_iter();
    let xs = x.map(|xi| Dual::new(xi, [v.next().unwrap_or_else(T::zero)].into()));
    let y = f(xs);
    let [d] = y.tangent().into_array();
    (y.value(), d)
}

/// The values and the Jacobian (`M` rows of `N` partials) of a function with `M` outputs.
///
/// ```
/// use typegrad::jacobian;
/// let (fx, j) = jacobian(|[x, y]| [x * y, x + y], [1.0, 2.0]);
/// assert_eq!(fx, [2.0, 3.0]);
/// assert_eq!(j, [[2.0, 1.0], [1.0, 1.0]]);
/// ```
#[inline(always)]
pub fn jacobian<T: Scalar, const N: usize, const M: usize, F>(
    f: F,
    x: [T; N],
) -> ([T; M], [[T; N]; M])
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
    F: FnOnce([Duals<T, N>; N]) -> [Duals<T, N>; M],
{
    let y = f(seed(x));
    (y.map(|d| d.value()), y.map(|d| d.tangent().into()))
}

/// The value, gradient and Hessian of a function of `N` variables, from one call with
/// duals of duals (forward over forward).
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
#[inline(always)]
pub fn hessian<T: Scalar, const N: usize, F>(f: F, x: [T; N]) -> (T, [T; N], [[T; N]; N])
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T> + Length<Duals<T, N>>>,
    F: FnOnce(
        [Dual<Duals<T, N>, ConstArrayLength<N>>; N],
    ) -> Dual<Duals<T, N>, ConstArrayLength<N>>,
{
    let xs = indexed(x, |i, v| Dual::seeded(Dual::seeded(v, i), i));
    let y = f(xs);
    let inner = y.value();
    let rows: [Duals<T, N>; N] = y.tangent().into();
    (
        inner.value(),
        inner.tangent().into(),
        rows.map(|row| row.tangent().into()),
    )
}
