//! The closure forms: gradient, Hessian (forward over reverse), Hessian-vector product.

use generic_array::{ArrayLength, GenericArray, sequence::GenericSequence};
use num_traits::Zero;

use super::api::token::Token;
use super::{Call, Formula, Inputs};
use crate::{Dual, Length};

/// The value and gradient of the expression `f` builds from the inputs' variables.
///
/// ```
/// use typegrad::reverse;
/// let (v, g) = reverse::gradient(|(x, y, z)| (2.0 * x + y) * z, (1.0_f64, 2.0, 3.0));
/// assert_eq!((v, g), (12.0, [6.0, 3.0, 4.0]));
/// ```
#[inline(always)]
pub fn gradient<X, E, F>(f: F, x: X) -> (X::Scalar, X::Array)
where
    X: Inputs,
    E: Formula<X::Scalar, Call<X::Len>>,
    F: FnOnce(X::Vars<Call<X::Len>>) -> E,
{
    let (v, g) = f(x.vars(Token(()))).value_and_gradient();
    (v, X::array(each(&g, |a| a, X::Scalar::zero)))
}

/// `f(g[i])` for every slot `i` of the result. The closure's set makes the expression's
/// length the inputs' (`fallback` fills nothing then).
#[inline(always)]
fn each<A: Copy, B, M: Length<A>, N: ArrayLength>(
    g: &GenericArray<A, M>,
    f: impl Fn(A) -> B,
    fallback: impl Fn() -> B,
) -> GenericArray<B, N> {
    GenericArray::generate(|i| g.get(i).map_or_else(&fallback, |&a| f(a)))
}

/// Forward over reverse: the reverse pass run over duals, with one tangent per input,
/// gives the Hessian. Returns the value, the gradient and the Hessian's rows.
///
/// The closure receives variables over `Dual<T, N>`; plain constants (`2.0 * x`) work as
/// in [`gradient`].
///
/// ```
/// use typegrad::reverse;
/// let (v, g, h) = reverse::hessian(|(x, y)| x * x * y, (3.0_f64, 2.0));
/// assert_eq!((v, g), (18.0, [12.0, 9.0]));
/// assert_eq!(h, [[4.0, 6.0], [6.0, 0.0]]);
/// ```
#[inline(always)]
pub fn hessian<X, E, F>(f: F, x: X) -> (X::Scalar, X::Array, X::Matrix)
where
    X: Inputs<Len: Length<Dual<X::Scalar, X::Len>>>,
    X::With<Dual<X::Scalar, X::Len>>: Inputs,
    E: Formula<Dual<X::Scalar, X::Len>, Call<X::Len>>,
    F: FnOnce(<X::With<Dual<X::Scalar, X::Len>> as Inputs>::Vars<Call<X::Len>>) -> E,
{
    let (value, g) = f(x.map(|i, v| Dual::seeded(v, i)).vars(Token(()))).value_and_gradient();
    let zero = X::Scalar::zero;
    let grad = each(&g, |d| d.value(), zero);
    let rows = each(&g, |d| d.tangent(), || GenericArray::generate(|_| zero()));
    (value.value(), X::array(grad), X::matrix(rows))
}

/// The Hessian-vector product `H·v` (with the value and gradient), from one reverse pass
/// over duals with a single tangent: O(1) passes whatever the number of inputs.
///
/// ```
/// use typegrad::reverse;
/// let (v, g, hv) = reverse::hvp(|(x, y)| x * x * y, (3.0_f64, 2.0), (1.0, 0.0));
/// assert_eq!((v, g, hv), (18.0, [12.0, 9.0], [4.0, 6.0])); // the first column of H
/// ```
#[inline(always)]
pub fn hvp<X, E, F>(f: F, x: X, v: X) -> (X::Scalar, X::Array, X::Array)
where
    X: Inputs<Len: Length<Dual<X::Scalar>>>,
    X::With<Dual<X::Scalar>>: Inputs,
    E: Formula<Dual<X::Scalar>, Call<X::Len>>,
    F: FnOnce(<X::With<Dual<X::Scalar>> as Inputs>::Vars<Call<X::Len>>) -> E,
{
    let v = v.values();
    let e = f(x
        .map(|i, xi| {
            let vi = v.get(i).copied().unwrap_or_else(X::Scalar::zero);
            Dual::new(xi, [vi].into())
        })
        .vars(Token(())));
    let (value, g) = e.value_and_gradient();
    let zero = X::Scalar::zero;
    let grad = each(&g, |d| d.value(), zero);
    let hv = each(&g, |d| d.tangent()[0], zero);
    (value.value(), X::array(grad), X::array(hv))
}
