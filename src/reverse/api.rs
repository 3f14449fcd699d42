//! Inputs as variables, and the closure forms: gradient, Hessian, Hessian-vector product.

use generic_array::{ConstArrayLength, GenericArray, IntoArrayLength, sequence::GenericSequence};
use typenum::Const;

use super::Expr;
use super::leaf::{DynVar, Var};
use num_traits::Zero;

use crate::array::indexed;
use crate::{Dual, Length, Scalar};

/// Plain inputs that [`vars`] turns into variables: a tuple of 1 to 12 scalars (variables
/// with their index in the type) or an array (variables of one type, runtime indices).
///
/// ```
/// use typegrad::reverse::{Inputs, Var};
/// let (x, y): (Var<f64, 0, 2>, Var<f64, 1, 2>) = (1.0_f64, 2.0).vars();
/// let xs = [1.0_f32; 8].vars(); // [DynVar<f32, 8>; 8]
/// # let _ = (x, y, xs);
/// ```
pub trait Inputs: Sized {
    /// The scalar type.
    type Scalar: Scalar;
    /// The number of inputs.
    type Len: Length<Self::Scalar>;
    /// The variables.
    type Vars;
    /// The inputs as a plain array, `[T; N]`.
    type Array;
    /// A square matrix over the inputs, `[[T; N]; N]`.
    type Matrix;
    /// The same shape holding another scalar type.
    type With<S: Scalar>;

    /// Each input as a variable.
    ///
    /// ```
    /// use typegrad::reverse::{Expr, Inputs};
    /// let (x, y) = (1.0_f64, 2.0).vars();
    /// assert_eq!((x * y).value(), 2.0);
    /// ```
    fn vars(self) -> Self::Vars;
    /// A gradient as a plain array.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr, Inputs};
    /// let (x, y) = vars((1.0_f64, 2.0));
    /// assert_eq!(<(f64, f64)>::array((x * y).gradient()), [2.0, 1.0]);
    /// ```
    fn array(g: GenericArray<Self::Scalar, Self::Len>) -> Self::Array;
    /// Rows as a plain matrix.
    ///
    /// ```
    /// use typegrad::generic_array::GenericArray;
    /// use typegrad::reverse::Inputs;
    /// let rows = GenericArray::from([GenericArray::from([1.0, 2.0]), GenericArray::from([3.0, 4.0])]);
    /// assert_eq!(<[f64; 2]>::matrix(rows), [[1.0, 2.0], [3.0, 4.0]]);
    /// ```
    fn matrix(rows: GenericArray<GenericArray<Self::Scalar, Self::Len>, Self::Len>)
    -> Self::Matrix;
    /// The inputs as a generic array.
    ///
    /// ```
    /// use typegrad::reverse::Inputs;
    /// assert_eq!((1.0_f64, 2.0).values().as_slice(), &[1.0, 2.0]);
    /// ```
    fn values(self) -> GenericArray<Self::Scalar, Self::Len>;
    /// Each input mapped with its index.
    ///
    /// ```
    /// use typegrad::reverse::Inputs;
    /// assert_eq!((1.0_f64, 2.0).map(|i, x| x + i as f64), (1.0, 3.0));
    /// ```
    fn map<S: Scalar>(self, f: impl FnMut(usize, Self::Scalar) -> S) -> Self::With<S>;
}

macro_rules! tuple_inputs {
    ($n:literal: $($i:tt $x:ident),+) => {
        impl<T: Scalar> Inputs for ($(tuple_inputs!(@T $x),)+) {
            type Scalar = T;
            type Len = ConstArrayLength<$n>;
            type Vars = ($(Var<T, $i, $n>,)+);
            type Array = [T; $n];
            type Matrix = [[T; $n]; $n];
            type With<S: Scalar> = ($(tuple_inputs!(@S $x S),)+);
            #[inline(always)]
            fn vars(self) -> Self::Vars {
                ($(Var::new(self.$i),)+)
            }
            #[inline(always)]
            fn array(g: GenericArray<T, Self::Len>) -> [T; $n] {
                g.into()
            }
            #[inline(always)]
            fn matrix(rows: GenericArray<GenericArray<T, Self::Len>, Self::Len>) -> Self::Matrix {
                <[GenericArray<T, Self::Len>; $n]>::from(rows).map(Into::into)
            }
            #[inline(always)]
            fn values(self) -> GenericArray<T, Self::Len> {
                [$(self.$i),+].into()
            }
            #[inline(always)]
            fn map<S: Scalar>(self, mut f: impl FnMut(usize, T) -> S) -> Self::With<S> {
                ($(f($i, self.$i),)+)
            }
        }
    };
    (@T $x:ident) => { T };
    (@S $x:ident $s:ident) => { $s };
}
tuple_inputs!(1: 0 a);
tuple_inputs!(2: 0 a, 1 b);
tuple_inputs!(3: 0 a, 1 b, 2 c);
tuple_inputs!(4: 0 a, 1 b, 2 c, 3 d);
tuple_inputs!(5: 0 a, 1 b, 2 c, 3 d, 4 e);
tuple_inputs!(6: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f);
tuple_inputs!(7: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g);
tuple_inputs!(8: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g, 7 h);
tuple_inputs!(9: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g, 7 h, 8 i);
tuple_inputs!(10: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g, 7 h, 8 i, 9 j);
tuple_inputs!(11: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g, 7 h, 8 i, 9 j, 10 k);
tuple_inputs!(12: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g, 7 h, 8 i, 9 j, 10 k, 11 l);

impl<T: Scalar, const N: usize> Inputs for [T; N]
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
{
    type Scalar = T;
    type Len = ConstArrayLength<N>;
    type Vars = [DynVar<T, N>; N];
    type Array = [T; N];
    type Matrix = [[T; N]; N];
    type With<S: Scalar> = [S; N];
    #[inline(always)]
    fn vars(self) -> Self::Vars {
        core::array::from_fn(|i| DynVar::new_unchecked(self[i], i))
    }
    #[inline(always)]
    fn array(g: GenericArray<T, Self::Len>) -> [T; N] {
        g.into()
    }
    #[inline(always)]
    fn matrix(rows: GenericArray<GenericArray<T, Self::Len>, Self::Len>) -> Self::Matrix {
        <[GenericArray<T, Self::Len>; N]>::from(rows).map(Into::into)
    }
    #[inline(always)]
    fn values(self) -> GenericArray<T, Self::Len> {
        self.into()
    }
    #[inline(always)]
    fn map<S: Scalar>(self, f: impl FnMut(usize, T) -> S) -> [S; N] {
        indexed(self, f)
    }
}

/// The inputs as variables: each knows its index and the number of inputs.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x, y, z) = vars((1.0_f64, 2.0, 3.0));
/// assert_eq!(((2.0 * x + y) * z).gradient().as_slice(), &[6.0, 3.0, 4.0]);
/// let w = vars([1.0_f64, 2.0]); // an array gives an array of variables
/// assert_eq!((w[0] * w[1]).gradient().as_slice(), &[2.0, 1.0]);
/// ```
#[inline(always)]
pub fn vars<X: Inputs>(x: X) -> X::Vars {
    x.vars()
}

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
    E: Expr<Scalar = X::Scalar, Len = X::Len>,
    F: FnOnce(X::Vars) -> E,
{
    let (v, g) = f(x.vars()).value_and_gradient();
    (v, X::array(g))
}

/// `f(i)` for every slot of a generic array.
#[inline(always)]
fn each<A: Copy, B, N: Length<A>>(
    g: &GenericArray<A, N>,
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
    E: Expr<Scalar = Dual<X::Scalar, X::Len>, Len = X::Len>,
    F: FnOnce(<X::With<Dual<X::Scalar, X::Len>> as Inputs>::Vars) -> E,
{
    let (value, g) = f(x.map(|i, v| Dual::seeded(v, i)).vars()).value_and_gradient();
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
    E: Expr<Scalar = Dual<X::Scalar>, Len = X::Len>,
    F: FnOnce(<X::With<Dual<X::Scalar>> as Inputs>::Vars) -> E,
{
    let v = v.values();
    let e = f(x
        .map(|i, xi| {
            let vi = v.get(i).copied().unwrap_or_else(X::Scalar::zero);
            Dual::new(xi, [vi].into())
        })
        .vars());
    let (value, g) = e.value_and_gradient();
    let zero = X::Scalar::zero;
    let grad = each(&g, |d| d.value(), zero);
    let hv = each(&g, |d| d.tangent()[0], zero);
    (value.value(), X::array(grad), X::array(hv))
}
