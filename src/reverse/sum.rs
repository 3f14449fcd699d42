//! Sums of many like-typed terms without storing them.

use generic_array::GenericArray;

use super::Expr;
use crate::{Dim, Float};

/// The sum of the terms an iterator yields ([`sum`]). It keeps the iterator, not the
/// terms: the reverse pass runs it again and walks each term as it comes.
///
/// ```
/// use typegrad::reverse::{sum, vars, Expr};
/// let x = vars([1.0_f64, 2.0, 3.0, 4.0]);
/// // Rosenbrock over four inputs, written as a loop.
/// let f = sum(x.windows(2).map(|w| 100.0 * (w[1] - w[0] * w[0]).powi(2) + (1.0 - w[0]).powi(2)));
/// assert_eq!(f.value(), 100.0 + (100.0 + 1.0) + (2500.0 + 4.0));
/// ```
#[derive(Clone)]
pub struct Sum<I: Iterator<Item: Expr>> {
    terms: I,
    v: <I::Item as Expr>::Scalar,
}

/// Adds up an array or iterator of like-typed expressions: `sum(x.iter().map(|xi| …))`.
/// The iterator must be `Clone`; the reverse pass runs it again, so each term is rebuilt
/// (its forward work done twice) but nothing is stored.
///
/// ```
/// use typegrad::reverse::{sum, vars, Expr};
/// let x = vars([0.5_f64, 1.5]);
/// let s = sum(x.map(|xi| xi.exp()));
/// assert_eq!(s.gradient().as_slice(), &[0.5_f64.exp(), 1.5_f64.exp()]);
/// ```
#[inline(always)]
pub fn sum<I>(terms: I) -> Sum<I::IntoIter>
where
    I: IntoIterator<Item: Expr, IntoIter: Clone>,
{
    let terms = terms.into_iter();
    let zero = <I::Item as Expr>::Scalar::neg_zero(); // the exact identity: −0 + x = x
    let v = terms.clone().fold(zero, |acc, t| acc + t.value());
    Sum { terms, v }
}

impl<I: Iterator<Item: Expr> + Clone> Expr for Sum<I> {
    type Scalar = <I::Item as Expr>::Scalar;
    type Len = <I::Item as Expr>::Len;
    type Buf = <I::Item as Expr>::Buf;
    #[inline(always)]
    fn value(&self) -> Self::Scalar {
        self.v
    }
    #[inline(always)]
    fn backward<G: Dim<Self::Scalar>>(
        &self,
        adj: Self::Scalar,
        g: &mut GenericArray<Self::Scalar, G>,
    ) {
        for t in self.terms.clone() {
            t.backward(adj, g);
        }
    }
    #[inline(always)]
    fn touches(_: usize) -> bool {
        false // the iterator may be empty
    }
}
