//! The dot product of an array of variables with a row of constants, as one leaf.

use core::marker::PhantomData;

use generic_array::{ConstArrayLength, GenericArray, IntoArrayLength};
use typenum::Const;

use super::Node;
use super::node::node_traits;
use crate::{Length, Scalar};

/// `Σⱼ xⱼ·rowⱼ` over all `N` variables of a set, made by [`VarArray::dot`](super::VarArray::dot):
/// its value is computed when it is built, and its reverse pass adds `adjoint · rowⱼ` to each
/// `g[j]`, one loop over the row with every index known, the loop a hand-written gradient has.
/// It borrows the row.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let w = vars!([1.0_f64, 2.0]);
/// let row = [3.0, -1.0];
/// let e = w.dot(&row).powi(2); // (3w₀ − w₁)²
/// assert_eq!(e.value(), 1.0);
/// assert_eq!(e.gradient().as_slice(), &[6.0, -2.0]);
/// ```
pub struct Dot<'r, T: Scalar, const N: usize, S> {
    v: T,
    row: &'r [T::Base; N],
    set: super::Phantom<S>,
}

impl<'r, T: Scalar, const N: usize, S> Dot<'r, T, N, S> {
    /// The dot product of `values` with `row`, added in order from `−0` (the exact identity).
    #[inline(always)]
    pub(crate) fn new(values: &[T; N], row: &'r [T::Base; N]) -> Self {
        let v = values
            .iter()
            .zip(row)
            .fold(T::neg_zero(), |acc, (&x, &r)| acc + x * T::from_base(r));
        Dot {
            v,
            row,
            set: PhantomData,
        }
    }

    /// The row of constants.
    ///
    /// ```
    /// use typegrad::reverse::vars;
    /// let w = vars!([1.0_f64, 2.0]);
    /// let row = [3.0, -1.0];
    /// assert_eq!(w.dot(&row).row(), &row);
    /// ```
    #[inline(always)]
    pub fn row(&self) -> &'r [T::Base; N] {
        self.row
    }
}

impl<T: Scalar, const N: usize, S> Node for Dot<'_, T, N, S>
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
{
    type Scalar = T;
    type Len = ConstArrayLength<N>;
    type Buf = ConstArrayLength<N>;
    type Set = S;
    type Holes = ();
    type Budget = super::Fresh;
    #[inline(always)]
    fn val(&self) -> T {
        self.v
    }
    #[inline(always)]
    fn backward<B: Length<T>>(&self, adj: T, g: &mut GenericArray<T, B>) {
        super::leaf::scatter(g, adj, self.row.iter().map(|&r| T::from_base(r)));
    }
    #[inline(always)]
    fn touches(_: usize) -> bool {
        false // a zero in the row adds ±0: start the slots at +0
    }
}

impl<T: Scalar, const N: usize, S> Clone for Dot<'_, T, N, S> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Scalar, const N: usize, S> Copy for Dot<'_, T, N, S> {}

node_traits!([T: Scalar, const N: usize, S] Dot<'_, T, N, S> where [],
    |s, f| f.debug_struct("Dot").field("value", &s.v).finish());
