//! Sums of many like-typed terms without storing them.

use generic_array::GenericArray;

use super::Node;
use super::ShapeOf;
use super::fold::{Grown, grow};
use super::node::node_traits;
use crate::{Float, Length};

/// The sum of the terms an iterator yields ([`sum`]). It keeps the iterator, not the
/// terms, and runs it when asked: [`value`](super::Expr::value) adds the terms up, the reverse
/// pass walks each term as it comes, and [`value_and_gradient`](super::Expr::value_and_gradient)
/// (what [`gradient`](super::gradient) and [`eval`](super::Expr::eval) call) does both in one run,
/// so a sum at the root builds each term once, as a hand-written gradient does.
///
/// ```
/// use typegrad::reverse::{sum, vars, Expr};
/// let x = vars!([1.0_f64, 2.0, 3.0, 4.0]);
/// // Rosenbrock over four inputs, written as a loop.
/// let f = sum(x.windows(2).map(|w| 100.0 * (w[1] - w[0] * w[0]).powi(2) + (1.0 - w[0]).powi(2)));
/// assert_eq!(f.value(), 100.0 + (100.0 + 1.0) + (2500.0 + 4.0));
/// ```
#[derive(Clone, Copy)]
pub struct Sum<I> {
    terms: I,
}

/// Adds up an array or iterator of like-typed expressions: `sum(x.iter().map(|xi| …))`.
/// The iterator must be `Clone`: the sum keeps it and runs it when its value or reverse
/// pass is needed, so nothing is stored; an array of terms is kept whole.
///
/// Inside the closure of [`gradient`](super::gradient), an iterator that borrows the
/// closure's variables (`x.array_windows()`) cannot be returned; index them by value instead:
/// `sum((0..N - 1).map(move |i| …x.var(i)…))`.
///
/// ```
/// use typegrad::reverse::{sum, vars, Expr};
/// let x = vars!([0.5_f64, 1.5]);
/// let s = sum(x.map(|xi| xi.exp()));
/// assert_eq!(s.gradient().as_slice(), &[0.5_f64.exp(), 1.5_f64.exp()]);
/// ```
#[inline(always)]
pub fn sum<I>(terms: I) -> Grown<ShapeOf<I::Item>, Sum<I::IntoIter>>
where
    I: IntoIterator<Item: Node, IntoIter: Clone>,
{
    grow::<ShapeOf<I::Item>, _>(Sum {
        terms: terms.into_iter(),
    })
}

impl<I: Iterator<Item: Node> + Clone> Node for Sum<I> {
    type Scalar = <I::Item as Node>::Scalar;
    type Len = <I::Item as Node>::Len;
    type Buf = <I::Item as Node>::Buf;
    type Set = <I::Item as Node>::Set;
    type Holes = <I::Item as Node>::Holes;
    type Budget = <<I::Item as Node>::Budget as super::Budget>::Less;
    #[inline(always)]
    fn val(&self) -> Self::Scalar {
        let zero = Self::Scalar::neg_zero(); // the exact identity: −0 + x = x
        self.terms.clone().fold(zero, |acc, t| acc + t.val())
    }
    #[inline(always)]
    fn backward<G: Length<Self::Scalar>>(
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
    #[inline(always)]
    fn val_and_backward<G: Length<Self::Scalar>>(
        &self,
        adj: Self::Scalar,
        g: &mut GenericArray<Self::Scalar, G>,
    ) -> Self::Scalar {
        let mut v = Self::Scalar::neg_zero();
        for t in self.terms.clone() {
            v = v + t.val();
            t.backward(adj, g);
        }
        v
    }
}

node_traits!([I: Iterator<Item: Node> + Clone] Sum<I> where [],
    |s, f| f.debug_struct("Sum").field("value", &s.val()).finish());
