//! `Chunked<K>`: the forward-mode entry points with a chunk length of your choice.

use generic_array::{ConstArrayLength, IntoArrayLength};
use typenum::Const;

use super::chunks::{self, Dual2};
use crate::{Dual, Length, Scalar};

/// [`gradient`](crate::gradient), [`jacobian`](crate::jacobian) and
/// [`hessian`](crate::hessian) with `K` tangents a dual instead of the chunk length of
/// [`Chunking`](crate::Chunking): `Chunked::<K>::gradient(f, x)`. Results are the same bits
/// for every `K`.
///
/// A larger `K` means fewer calls of the function and larger duals: a gradient costs
/// `⌈N / K⌉` calls on duals of `K + 1` numbers, a Hessian `C·(C + 1)/2` calls on duals of
/// `(K + 1)²` numbers (`C = ⌈N / K⌉`). Each entry point keeps on the stack what the entry
/// point of the same name does, with this `K`. `K` must be at least 1.
///
/// ```
/// use typegrad::{Chunked, Float, gradient, hessian};
/// fn f<T: Float>(x: [T; 5]) -> T {
///     x.iter().fold(T::one(), |p, &xi| p * xi.sin())
/// }
/// let x = [0.1, 0.2, 0.3, 0.4, 0.5];
/// // Two tangents a dual: three calls for the gradient, six for the Hessian.
/// assert_eq!(Chunked::<2>::gradient(f, x), gradient(f, x));
/// assert_eq!(Chunked::<2>::hessian(f, x), hessian(f, x));
/// ```
///
/// ```compile_fail,E0080
/// typegrad::Chunked::<0>::gradient(|[x]| x, [1.0_f64]); // a chunk holds at least one input
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Chunked<const K: usize>;

/// The dual type of `K` tangents.
type D<T, const K: usize> = Dual<T, ConstArrayLength<K>>;

impl<const K: usize> Chunked<K> {
    const AT_LEAST_ONE: () = assert!(K >= 1, "Chunked::<K>: a chunk holds at least one input");

    /// [`gradient`](crate::gradient) in `⌈N / K⌉` calls of `K` tangents.
    ///
    /// ```
    /// use typegrad::{Chunked, Float};
    /// let (v, g) = Chunked::<1>::gradient(|[x, y]| x * y.exp(), [3.0, 0.0]);
    /// assert_eq!((v, g), (3.0, [1.0, 3.0]));
    /// ```
    #[inline]
    pub fn gradient<T: Scalar, const N: usize, F>(f: F, x: [T; N]) -> (T, [T; N])
    where
        Const<K>: IntoArrayLength<ArrayLength: Length<T>>,
        F: Fn([D<T, K>; N]) -> D<T, K>,
    {
        let () = Self::AT_LEAST_ONE;
        chunks::gradient(&f, &x)
    }

    /// [`jacobian`](crate::jacobian) in `⌈N / K⌉` calls of `K` tangents.
    ///
    /// ```
    /// use typegrad::Chunked;
    /// let (fx, j) = Chunked::<1>::jacobian(|[x, y]| [x * y, x + y], [1.0, 2.0]);
    /// assert_eq!((fx, j), ([2.0, 3.0], [[2.0, 1.0], [1.0, 1.0]]));
    /// ```
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn jacobian<T: Scalar, const N: usize, const M: usize, F>(
        f: F,
        x: [T; N],
    ) -> ([T; M], [[T; N]; M])
    where
        Const<K>: IntoArrayLength<ArrayLength: Length<T>>,
        F: Fn([D<T, K>; N]) -> [D<T, K>; M],
    {
        let () = Self::AT_LEAST_ONE;
        chunks::jacobian(&f, &x)
    }

    /// [`hessian`](crate::hessian) in `C·(C + 1)/2` calls of `K` tangents over `K`,
    /// `C = ⌈N / K⌉`.
    ///
    /// ```
    /// use typegrad::{Chunked, Float};
    /// let (v, g, h) = Chunked::<1>::hessian(|[x, y]| x * x * y, [3.0, 2.0]);
    /// assert_eq!((v, g, h), (18.0, [12.0, 9.0], [[4.0, 6.0], [6.0, 0.0]]));
    /// ```
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn hessian<T: Scalar, const N: usize, F>(f: F, x: [T; N]) -> (T, [T; N], [[T; N]; N])
    where
        Const<K>: IntoArrayLength<ArrayLength: Length<T> + Length<D<T, K>>>,
        F: Fn([Dual2<T, ConstArrayLength<K>>; N]) -> Dual2<T, ConstArrayLength<K>>,
    {
        let () = Self::AT_LEAST_ONE;
        chunks::hessian(&f, &x)
    }
}
