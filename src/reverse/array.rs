//! The variables of an array of inputs, whose positions are their indices.

use core::ops::Deref;

use super::Node;
use super::dot::Dot;
use super::leaf::DynVar;
use crate::Scalar;

/// The variables [`vars!`](crate::vars) makes of an array of `N` inputs, in set `S`: the
/// variable at position `i` is input `i`.
///
/// It dereferences to `[DynVar<T, N, S>; N]`, so `x[i]`, `x.iter()`, `x.windows(2)` and every
/// other array and slice method work; a variable read from there carries its index as a
/// runtime value. The methods below make each variable from its *position* instead, so after
/// inlining its index is the loop counter, its adjoint lands in `g[j]` for a `j` the compiler
/// knows, and a loop over the inputs compiles to the loop one writes by hand (adjacent adjoints
/// in registers, no range checks, vector instructions where the hand-written loop has them):
///
/// - [`into_iter`](IntoIterator::into_iter) (or `for xi in x`) and [`map`](Self::map): each
///   variable in order;
/// - [`array_windows`](Self::array_windows): overlapping windows as arrays of variables;
/// - [`var`](Self::var): variable `i`, as `x[i]` but with the index where `i` is;
/// - [`dot`](Self::dot): the dot product with a row of constants, as one node.
///
/// The variables stored for `x[i]` cost nothing when only these methods are used: the compiler
/// drops them.
///
/// ```
/// use typegrad::reverse::{sum, vars, Expr};
/// let x = vars!([1.0_f64, 2.0, 3.0, 4.0]);
/// // Rosenbrock's function, over adjacent pairs.
/// let f = sum(x.array_windows().map(|[a, b]| 100.0 * (b - a.powi(2)).powi(2) + (1.0 - a).powi(2)));
/// let (v, g) = f.value_and_gradient();
/// assert_eq!(v, 100.0 + (100.0 + 1.0) + (2500.0 + 4.0));
/// // The same through indexing.
/// let h = sum((0..3).map(|i| 100.0 * (x[i + 1] - x[i].powi(2)).powi(2) + (1.0 - x[i]).powi(2)));
/// assert_eq!((h.value(), h.gradient()), (v, g));
/// ```
pub struct VarArray<T, const N: usize, S> {
    values: [T; N],
    vars: [DynVar<T, N, S>; N],
}

impl<T: Copy + core::fmt::Debug, const N: usize, S> Clone for VarArray<T, N, S> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Copy + core::fmt::Debug, const N: usize, S> Copy for VarArray<T, N, S> {}

impl<T: core::fmt::Debug, const N: usize, S> core::fmt::Debug for VarArray<T, N, S> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("VarArray").field(&self.values).finish()
    }
}

impl<T: Scalar, const N: usize, S> VarArray<T, N, S>
where
    DynVar<T, N, S>: Node<Scalar = T>,
{
    /// The inputs `values` as variables of set `S`.
    #[inline(always)]
    pub(crate) fn new(values: [T; N]) -> Self {
        // Each variable written once (no zero-filled array first, which costs a `memset` where
        // the variables are read); the compiler deletes the array when nothing reads it.
        let vars = core::array::from_fn(|i| DynVar::new(values[i], i));
        VarArray { values, vars }
    }

    /// Variable `i`, as `x[i]`, with its index where `i` is.
    ///
    /// Panics if `i >= N`, as `x[i]` does.
    ///
    /// ```
    /// use typegrad::reverse::{sum, vars, Expr};
    /// let x = vars!([1.0_f64, 2.0, 3.0]);
    /// let e = sum((0..2).map(|i| x.var(i) * x.var(i + 1)));
    /// assert_eq!(e.gradient().as_slice(), &[2.0, 4.0, 2.0]);
    /// assert_eq!(x.var(2).index(), 2);
    /// ```
    #[inline(always)]
    pub fn var(&self, i: usize) -> DynVar<T, N, S> {
        DynVar::new(self.values[i], i)
    }

    /// The inputs' values.
    ///
    /// ```
    /// use typegrad::reverse::vars;
    /// let x = vars!([1.0_f64, 2.0]);
    /// assert_eq!(x.values(), &[1.0, 2.0]);
    /// ```
    #[inline(always)]
    pub fn values(&self) -> &[T; N] {
        &self.values
    }

    /// `f` applied to each variable in order, as an array (what [`sum`](super::sum) takes).
    ///
    /// ```
    /// use typegrad::reverse::{sum, vars, Expr};
    /// let x = vars!([0.5_f64, 1.5]);
    /// let s = sum(x.map(|xi| xi.exp()));
    /// assert_eq!(s.gradient().as_slice(), &[0.5_f64.exp(), 1.5_f64.exp()]);
    /// ```
    #[inline(always)]
    pub fn map<U>(&self, mut f: impl FnMut(DynVar<T, N, S>) -> U) -> [U; N] {
        crate::array::indexed(self.values, |i, v| f(DynVar::new(v, i)))
    }

    /// The windows of `K` adjacent variables, `[x[0], …, x[K-1]]`, `[x[1], …, x[K]]`, …, as
    /// arrays of variables by value (the slice method of the same name gives references to the
    /// stored variables). `K` comes from the pattern: `.map(|[a, b]| …)`.
    ///
    /// ```
    /// use typegrad::reverse::{sum, vars, Expr};
    /// let x = vars!([1.0_f64, 2.0, 4.0]);
    /// let e = sum(x.array_windows().map(|[a, b]| b - a)); // x₂ − x₀
    /// assert_eq!((e.value(), e.gradient().as_slice()), (3.0, &[-1.0, 0.0, 1.0][..]));
    /// assert_eq!(x.array_windows::<2>().count(), 2);
    /// assert_eq!(x.array_windows::<4>().count(), 0);
    /// ```
    #[inline(always)]
    pub fn array_windows<const K: usize>(&self) -> Windows<'_, T, N, S, K> {
        Windows {
            values: &self.values,
            start: 0,
            set: core::marker::PhantomData,
        }
    }

    /// `Σⱼ xⱼ·rowⱼ`, the dot product of the variables with a row of constants, as one node
    /// ([`Dot`]): its value is computed here, and its reverse pass adds `adjoint · rowⱼ` to
    /// `g[j]` over the whole row, without walking any terms.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let b = vars!([0.5_f64, -1.0, 2.0]);
    /// let row = [1.0, 3.0, 0.25];
    /// let z = b.dot(&row);
    /// assert_eq!(z.value(), 0.5 - 3.0 + 0.5);
    /// assert_eq!(z.gradient().as_slice(), &row);
    /// // Share it with `bind`: its reverse pass then runs once.
    /// let e = z.bind(|z| z * 2.0 - (z.exp() + 1.0).ln());
    /// let s = 1.0 / (1.0 + (-z.value()).exp());
    /// assert_eq!(e.gradient()[2], (2.0 - s) * 0.25);
    /// ```
    #[inline(always)]
    pub fn dot<'r>(&self, row: &'r [T::Base; N]) -> Dot<'r, T, N, S> {
        Dot::new(&self.values, row)
    }
}

impl<T, const N: usize, S> Deref for VarArray<T, N, S> {
    type Target = [DynVar<T, N, S>; N];
    #[inline(always)]
    fn deref(&self) -> &Self::Target {
        &self.vars
    }
}

impl<T: Scalar, const N: usize, S> IntoIterator for VarArray<T, N, S>
where
    DynVar<T, N, S>: Node<Scalar = T>,
{
    type Item = DynVar<T, N, S>;
    type IntoIter = IntoIter<T, N, S>;
    /// Each variable in order, by value, its index from its position.
    ///
    /// ```
    /// use typegrad::reverse::{sum, vars, Expr};
    /// let x = vars!([1.0_f64, 2.0, 3.0]);
    /// let e = sum(x.into_iter().map(|xi| xi.powi(2)));
    /// assert_eq!(e.gradient().as_slice(), &[2.0, 4.0, 6.0]);
    /// ```
    #[inline(always)]
    fn into_iter(self) -> IntoIter<T, N, S> {
        IntoIter {
            values: self.values,
            next: 0,
            set: core::marker::PhantomData,
        }
    }
}

impl<'a, T, const N: usize, S> IntoIterator for &'a VarArray<T, N, S> {
    type Item = &'a DynVar<T, N, S>;
    type IntoIter = core::slice::Iter<'a, DynVar<T, N, S>>;
    /// The stored variables, by reference (as `x.iter()`).
    ///
    /// ```
    /// use typegrad::reverse::vars;
    /// let x = vars!([1.0_f64, 2.0]);
    /// let mut n = 0;
    /// for xi in &x {
    ///     n += xi.index();
    /// }
    /// assert_eq!(n, 1);
    /// ```
    #[inline(always)]
    fn into_iter(self) -> Self::IntoIter {
        self.vars.iter()
    }
}

/// The variables of a [`VarArray`] by value, in order ([`VarArray::into_iter`]).
///
/// ```
/// use typegrad::reverse::vars;
/// let x = vars!([1.0_f64, 2.0, 3.0]);
/// let it = x.into_iter();
/// assert_eq!(it.len(), 3);
/// assert_eq!(it.map(|xi| xi.index()).sum::<usize>(), 3);
/// ```
pub struct IntoIter<T, const N: usize, S> {
    values: [T; N],
    next: usize,
    set: super::Phantom<S>,
}

impl<T: Copy, const N: usize, S> Clone for IntoIter<T, N, S> {
    #[inline(always)]
    fn clone(&self) -> Self {
        IntoIter {
            values: self.values,
            next: self.next,
            set: core::marker::PhantomData,
        }
    }
}

impl<T: core::fmt::Debug, const N: usize, S> core::fmt::Debug for IntoIter<T, N, S> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("IntoIter")
            .field(&self.values.get(self.next..))
            .finish()
    }
}

impl<T: Scalar, const N: usize, S> Iterator for IntoIter<T, N, S>
where
    DynVar<T, N, S>: Node<Scalar = T>,
{
    type Item = DynVar<T, N, S>;
    #[inline(always)]
    fn next(&mut self) -> Option<DynVar<T, N, S>> {
        let i = self.next;
        let v = *self.values.get(i)?;
        self.next = i + 1;
        Some(DynVar::new(v, i))
    }
    #[inline(always)]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = N.saturating_sub(self.next);
        (n, Some(n))
    }
}

impl<T: Scalar, const N: usize, S> ExactSizeIterator for IntoIter<T, N, S> where
    DynVar<T, N, S>: Node<Scalar = T>
{
}

/// The windows of `K` adjacent variables of a [`VarArray`], as arrays by value
/// ([`VarArray::array_windows`]).
///
/// ```
/// use typegrad::reverse::vars;
/// let x = vars!([1.0_f64, 2.0, 3.0]);
/// let w = x.array_windows::<2>();
/// assert_eq!(w.len(), 2);
/// assert_eq!(w.map(|[a, b]| (a.index(), b.index())).last(), Some((1, 2)));
/// ```
pub struct Windows<'a, T, const N: usize, S, const K: usize> {
    values: &'a [T; N],
    start: usize,
    set: super::Phantom<S>,
}

impl<T, const N: usize, S, const K: usize> Clone for Windows<'_, T, N, S, K> {
    #[inline(always)]
    fn clone(&self) -> Self {
        Windows {
            values: self.values,
            start: self.start,
            set: core::marker::PhantomData,
        }
    }
}

impl<T, const N: usize, S, const K: usize> core::fmt::Debug for Windows<'_, T, N, S, K> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Windows")
            .field("start", &self.start)
            .field("size", &K)
            .finish()
    }
}

impl<T: Scalar, const N: usize, S, const K: usize> Iterator for Windows<'_, T, N, S, K>
where
    DynVar<T, N, S>: Node<Scalar = T>,
{
    type Item = [DynVar<T, N, S>; K];
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let start = self.start;
        if start + K > N {
            return None;
        }
        self.start = start + 1;
        Some(core::array::from_fn(|j| {
            DynVar::new(self.values[start + j], start + j)
        }))
    }
    #[inline(always)]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (N + 1).saturating_sub(K + self.start);
        (n, Some(n))
    }
}

impl<T: Scalar, const N: usize, S, const K: usize> ExactSizeIterator for Windows<'_, T, N, S, K> where
    DynVar<T, N, S>: Node<Scalar = T>
{
}
