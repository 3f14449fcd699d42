//! An inner node's context as one explicit type parameter, and the checks made when nodes
//! join: one set of variables, placeholders only inside their body.
//!
//! Every inner node names its scalar type, input count, buffer length, variable set and
//! placeholders in a [`Ctx`] parameter instead of asking its children. Asking the children
//! would make the compiler walk the whole tree below each node, at every node: in a
//! throwaway prototype of both designs, compile time grew with the cube of a chain's length
//! (0.6 s, 2.9 s, 17.5 s for 64, 128, 256 operations), against close to linear with the
//! context spelled out (0.17 s, 0.28 s, 0.97 s).

use core::marker::PhantomData;

use typenum::{Max, Maximum};

use super::Node;
use super::fold::{Below, Budget};
use super::holes::{Depth, Merge, Merged};
use crate::{Length, Scalar};

/// A node's context at the type level: scalar `T`, `N` inputs, gradient buffer `B` long,
/// variable set `S`, placeholders `H` (`()` for none) and depth budget `L`
/// ([`Budget`](super::Budget)).
///
/// ```
/// use typegrad::reverse::{Ctx, Fresh, Shape};
/// use typegrad::typenum::U3;
/// fn inputs<K: Shape>() -> usize {
///     <K::Len as typegrad::typenum::Unsigned>::USIZE
/// }
/// assert_eq!(inputs::<Ctx<f64, U3, U3, (), (), Fresh>>(), 3);
/// ```
pub struct Ctx<T, N, B, S, H, L>(super::Phantom<(T, N, B, S, H, L)>);

impl<T, N, B, S, H, L> Clone for Ctx<T, N, B, S, H, L> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, N, B, S, H, L> Copy for Ctx<T, N, B, S, H, L> {}
impl<T, N, B, S, H, L> Default for Ctx<T, N, B, S, H, L> {
    #[inline(always)]
    fn default() -> Self {
        Ctx(PhantomData)
    }
}
impl<T, N, B, S, H, L> core::fmt::Debug for Ctx<T, N, B, S, H, L> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Ctx")
    }
}

/// The context a [`Ctx`] describes.
///
/// ```
/// use typegrad::reverse::{Ctx, Fresh, Shape};
/// use typegrad::typenum::U2;
/// let _: <Ctx<f32, U2, U2, (), (), Fresh> as Shape>::Scalar = 1.0_f32;
/// ```
pub trait Shape {
    /// The scalar type.
    type Scalar: Scalar;
    /// The number of inputs.
    type Len: Length<Self::Scalar>;
    /// The gradient buffer's length (inputs, then scratch slots).
    type Buf: Length<Self::Scalar>;
    /// The variable set (its brand).
    type Set;
    /// The placeholders of `bind` bodies the expression uses (`()` for none).
    type Holes: Depth;
    /// The depth budget ([`Budget`](super::Budget)).
    type Budget: Budget;
}

impl<T: Scalar, N: Length<T>, B: Length<T>, S, H: Depth, L: Budget> Shape
    for Ctx<T, N, B, S, H, L>
{
    type Scalar = T;
    type Len = N;
    type Buf = B;
    type Set = S;
    type Holes = H;
    type Budget = L;
}

/// The context of an expression `E`: a node built on `E` alone has this one.
///
/// ```
/// use typegrad::reverse::{vars, Expr, ShapeOf, Shape};
/// let (x, _y) = vars!((1.0_f64, 2.0));
/// fn len<E: Expr>(_: &E) -> usize {
///     <<ShapeOf<E> as Shape>::Len as typegrad::typenum::Unsigned>::USIZE
/// }
/// assert_eq!(len(&x.sin()), 2);
/// ```
pub type ShapeOf<E> = Ctx<
    <E as Node>::Scalar,
    <E as Node>::Len,
    <E as Node>::Buf,
    <E as Node>::Set,
    <E as Node>::Holes,
    <<E as Node>::Budget as Budget>::Less,
>;

/// Proof that two expressions use variables of one set: every node with several operands
/// requires it of their [`Set`](Node::Set)s, and generic code can require it too.
///
/// ```
/// use typegrad::reverse::{vars, Expr, SameSet};
/// fn one_set<A: Expr, B: Expr<Set: SameSet<A::Set>>>(_: &A, _: &B) {}
/// let (x, y) = vars!((1.0_f64, 2.0));
/// one_set(&(x * y), &y.sin());
/// ```
///
/// Variables of two `vars!` calls, of any sizes, do not mix:
///
/// ```compile_fail,E0277
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars!((1.0_f64, 2.0));
/// let (a, b) = vars!((3.0_f64, 4.0));
/// let e = x * a + y * b; // two sets: an error
/// ```
#[diagnostic::on_unimplemented(
    message = "this expression mixes variables of two different `vars!` calls",
    label = "these variables come from another `vars!` call (or another closure form)",
    note = "each gradient is over one set of inputs: make one `vars!` call with all of them"
)]
pub trait SameSet<S> {}
impl<S> SameSet<S> for S {}

/// Expressions that one node can join: the same scalar and the same variable set. The joined
/// context's buffer is the longer of the two; its placeholders are those of both.
///
/// ```
/// use typegrad::reverse::{vars, Expr, Join};
/// fn join<A: Join<B>, B>(a: A, _: B) -> A { a }
/// let (x, y) = vars!((1.0_f64, 2.0));
/// let _ = join(x, y.exp());
/// ```
pub trait Join<B>: Node {
    /// The joined context.
    type Out: Shape<Scalar = Self::Scalar, Len = Self::Len, Set = Self::Set>;
}

impl<A, B> Join<B> for A
where
    A: Node<Buf: Max<B::Buf, Output: Length<A::Scalar>>, Holes: Merge<B::Holes>>,
    B: Node<Scalar = A::Scalar, Set: SameSet<A::Set>>,
{
    type Out = Ctx<
        A::Scalar,
        A::Len,
        Maximum<A::Buf, B::Buf>,
        A::Set,
        Merged<A::Holes, B::Holes>,
        Below<A::Budget, B::Budget>,
    >;
}

/// Three expressions that one node can join ([`mul_add`](super::Expr::mul_add)).
///
/// ```
/// use typegrad::reverse::{vars, Expr, Join3};
/// fn join3<A: Join3<B, C>, B, C>(a: A, _: B, _: C) -> A { a }
/// let (x, y, z) = vars!((1.0_f64, 2.0, 3.0));
/// let _ = join3(x, y, z);
/// ```
pub trait Join3<B, C>: Node {
    /// The joined context.
    type Out: Shape<Scalar = Self::Scalar, Len = Self::Len, Set = Self::Set>;
}

impl<A, B, C> Join3<B, C> for A
where
    A: Join<B>,
    B: Node,
    <A as Join<B>>::Out: Shape<Buf: Max<C::Buf, Output: Length<A::Scalar>>, Holes: Merge<C::Holes>>,
    C: Node<Scalar = A::Scalar, Set: SameSet<A::Set>>,
{
    type Out = Ctx<
        A::Scalar,
        A::Len,
        Maximum<<Joined<A, B> as Shape>::Buf, C::Buf>,
        A::Set,
        Merged<<Joined<A, B> as Shape>::Holes, C::Holes>,
        Below<<A::Budget as Budget>::Min<B::Budget>, C::Budget>,
    >;
}

/// The context of a node over `A` and `B`.
///
/// ```
/// use typegrad::reverse::{vars, Expr, Joined, Shape};
/// let (x, y) = vars!((1.0_f64, 2.0));
/// fn buf<A: typegrad::reverse::Join<B>, B>(_: &A, _: &B) -> usize {
///     <<Joined<A, B> as Shape>::Buf as typegrad::typenum::Unsigned>::USIZE
/// }
/// assert_eq!(buf(&x, &y), 2);
/// ```
pub type Joined<A, B> = <A as Join<B>>::Out;
