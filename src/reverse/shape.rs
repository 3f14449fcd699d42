//! An inner node's context as one explicit type parameter.
//!
//! Every inner node names its scalar type, input count and buffer length in a [`Ctx`]
//! parameter instead of asking its children. Asking the children would make the compiler
//! walk the whole tree below each node, at every node: in a throwaway prototype of both
//! designs, compile time grew with the cube of a chain's length (0.6 s, 2.9 s, 17.5 s for
//! 64, 128, 256 operations), against close to linear with the context spelled out (0.17 s,
//! 0.28 s, 0.97 s).

use core::marker::PhantomData;

use typenum::{Max, Maximum};

use super::{Expr, SameLen};
use crate::{Length, Scalar};

/// A node's context at the type level: scalar `T`, `N` inputs, gradient buffer `B` long.
///
/// ```
/// use typegrad::reverse::{Ctx, Shape};
/// use typegrad::typenum::U3;
/// fn inputs<K: Shape>() -> usize {
///     <K::Len as typegrad::typenum::Unsigned>::USIZE
/// }
/// assert_eq!(inputs::<Ctx<f64, U3, U3>>(), 3);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Ctx<T, N, B>(PhantomData<(T, N, B)>);

/// The context a [`Ctx`] describes.
///
/// ```
/// use typegrad::reverse::{Ctx, Shape};
/// use typegrad::typenum::U2;
/// let _: <Ctx<f32, U2, U2> as Shape>::Scalar = 1.0_f32;
/// ```
pub trait Shape {
    /// The scalar type.
    type Scalar: Scalar;
    /// The number of inputs.
    type Len: Length<Self::Scalar>;
    /// The gradient buffer's length (inputs, then scratch slots).
    type Buf: Length<Self::Scalar>;
}

impl<T: Scalar, N: Length<T>, B: Length<T>> Shape for Ctx<T, N, B> {
    type Scalar = T;
    type Len = N;
    type Buf = B;
}

/// The context of an expression `E`: a node built on `E` alone has this one.
///
/// ```
/// use typegrad::reverse::{Ctx, ShapeOf, Var};
/// use typegrad::typenum::U2;
/// let _: Ctx<f64, U2, U2> = ShapeOf::<Var<f64, 0, 2>>::default();
/// ```
pub type ShapeOf<E> = Ctx<<E as Expr>::Scalar, <E as Expr>::Len, <E as Expr>::Buf>;

/// Expressions that one node can join: the same scalar and number of inputs. The joined
/// context's buffer is the longer of the two.
///
/// ```
/// use typegrad::reverse::{Ctx, Join, Var};
/// use typegrad::typenum::U2;
/// let _: <Var<f64, 0, 2> as Join<Var<f64, 1, 2>>>::Out = Ctx::<f64, U2, U2>::default();
/// ```
pub trait Join<B>: Expr {
    /// The joined context.
    type Out: Shape<Scalar = Self::Scalar, Len = Self::Len>;
}

impl<A, B> Join<B> for A
where
    A: Expr<Buf: Max<B::Buf, Output: Length<A::Scalar>>>,
    B: Expr<Scalar = A::Scalar, Len: SameLen<A::Len>>,
{
    type Out = Ctx<A::Scalar, A::Len, Maximum<A::Buf, B::Buf>>;
}

/// Three expressions that one node can join ([`mul_add`](Expr::mul_add)).
///
/// ```
/// use typegrad::reverse::{Ctx, Join3, Var};
/// use typegrad::typenum::U3;
/// type X<const I: usize> = Var<f64, I, 3>;
/// let _: <X<0> as Join3<X<1>, X<2>>>::Out = Ctx::<f64, U3, U3>::default();
/// ```
pub trait Join3<B, C>: Expr {
    /// The joined context.
    type Out: Shape<Scalar = Self::Scalar, Len = Self::Len>;
}

impl<A, B, C> Join3<B, C> for A
where
    A: Expr<Buf: Max<B::Buf, Output: Max<C::Buf, Output: Length<A::Scalar>>>>,
    B: Expr<Scalar = A::Scalar, Len: SameLen<A::Len>>,
    C: Expr<Scalar = A::Scalar, Len: SameLen<A::Len>>,
{
    type Out = Ctx<A::Scalar, A::Len, Maximum<Maximum<A::Buf, B::Buf>, C::Buf>>;
}

/// The context of a node over `A` and `B`.
///
/// ```
/// use typegrad::reverse::{Ctx, Joined, Var};
/// use typegrad::typenum::U2;
/// let _: Ctx<f64, U2, U2> = Joined::<Var<f64, 0, 2>, Var<f64, 1, 2>>::default();
/// ```
pub type Joined<A, B> = <A as Join<B>>::Out;
