//! The node protocol, and the inner nodes: one generic node per arity, each carrying its
//! rule's type (so the expression's type spells out its graph), its context `K`, and the
//! value and partials computed when it was built.

use core::marker::PhantomData;

use generic_array::GenericArray;

use super::Shape;
use crate::rules::{Binary, Coef, D1, D2, Unary};
use crate::{Length, Scalar};

pub(crate) mod sealed {
    /// Only this crate's node types are nodes.
    pub trait Sealed {}
}

/// The protocol every node of an expression follows: a value cached when it was built, and
/// a reverse pass. It is sealed; you use it through [`Expr`](super::Expr), which every node
/// implements.
///
/// ```
/// use typegrad::generic_array::GenericArray;
/// use typegrad::reverse::{vars, Expr, Node};
/// let (x, y) = vars!((2.0_f64, 5.0));
/// let mut g = GenericArray::from([0.0, 0.0]);
/// Node::backward(&(x * y), 2.0, &mut g);
/// assert_eq!(g.as_slice(), &[10.0, 4.0]);
/// ```
pub trait Node: Sized + core::fmt::Debug + sealed::Sealed {
    /// The number type: `f32`, `f64`, or a dual (forward over reverse).
    type Scalar: Scalar;
    /// The number of inputs: the gradient's length, as a [`typenum`] length.
    type Len: Length<Self::Scalar>;
    /// The gradient buffer the reverse pass needs: the inputs, then the scratch slots of
    /// any [`bind`](super::Bind)s.
    type Buf: Length<Self::Scalar>;
    /// The set of variables the expression is over: each `vars!` call makes its own.
    type Set;
    /// The `bind` placeholders the expression uses (`()` for none; see [`Closed`](super::Closed)).
    type Holes: super::Depth;
    /// How many more nested nodes may be built on it before a fold ([`Budget`](super::Budget)).
    type Budget: super::Budget;

    /// The value, computed when the node was built ([`Expr::value`](super::Expr::value)).
    ///
    /// ```
    /// use typegrad::reverse::{vars, Node};
    /// let (x,) = vars!((2.0_f64,));
    /// assert_eq!(Node::val(&x), 2.0);
    /// ```
    fn val(&self) -> Self::Scalar;

    /// The reverse pass: adds `adjoint · ∂self/∂input` to `grad` for every input (and
    /// scratch slot) the expression depends on.
    ///
    /// ```
    /// use typegrad::generic_array::GenericArray;
    /// use typegrad::reverse::{vars, Expr, Node};
    /// let (x, y) = vars!((2.0_f64, 5.0));
    /// let mut g = GenericArray::from([1.0, 0.0]);
    /// Node::backward(&x.powi(2), 1.0, &mut g);
    /// assert_eq!(g.as_slice(), &[5.0, 0.0]);
    /// ```
    fn backward<G: Length<Self::Scalar>>(
        &self,
        adjoint: Self::Scalar,
        grad: &mut GenericArray<Self::Scalar, G>,
    );

    /// Whether every reverse pass adds to slot `i`. The gradient starts such slots at `−0`,
    /// the exact additive identity, so the first addition folds away; other slots start at
    /// `+0` so an input that receives nothing reads `0`, not `−0`.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Node};
    /// let (x, _y) = vars!((1.0_f64, 2.0));
    /// fn touches<E: Node>(_: &E, i: usize) -> bool {
    ///     E::touches(i)
    /// }
    /// assert!(touches(&x, 0) && !touches(&x, 1));
    /// ```
    fn touches(i: usize) -> bool;

    /// The reverse pass, returning the value too. Nodes that compute their value when asked
    /// ([`Sum`](super::Sum)) override it to do both in one run.
    ///
    /// ```
    /// use typegrad::generic_array::GenericArray;
    /// use typegrad::reverse::{vars, Expr, Node};
    /// let (x, y) = vars!((2.0_f64, 5.0));
    /// let mut g = GenericArray::from([0.0, 0.0]);
    /// assert_eq!(Node::val_and_backward(&(x * y), 1.0, &mut g), 10.0);
    /// assert_eq!(g.as_slice(), &[5.0, 2.0]);
    /// ```
    #[inline(always)]
    fn val_and_backward<G: Length<Self::Scalar>>(
        &self,
        adjoint: Self::Scalar,
        grad: &mut GenericArray<Self::Scalar, G>,
    ) -> Self::Scalar {
        self.backward(adjoint, grad);
        self.val()
    }
}

/// Implements [`Node`]'s context types for an inner node from its `K`.
macro_rules! context {
    ($k:ident) => {
        type Scalar = $k::Scalar;
        type Len = $k::Len;
        type Buf = $k::Buf;
        type Set = $k::Set;
        type Holes = $k::Holes;
        type Budget = $k::Budget;
    };
}
pub(crate) use context;

/// A one-argument node: rule `R` (`Sin`, `Powi`, `CMul<f64>` for `2.0 * x`, …) applied
/// to `E`, with the value and derivative cached when built.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x,) = vars!((0.0_f64,));
/// let s = x.sin(); // Un<Sin, Var<…>, Ctx<…>>
/// assert_eq!((s.value(), s.gradient()[0]), (0.0, 1.0));
/// ```
#[derive(Clone, Copy)]
pub struct Un<R: Unary<K::Scalar>, E, K: Shape> {
    e: E,
    v: K::Scalar,
    d: R::C,
    k: super::Phantom<K>,
}

impl<R: Unary<K::Scalar>, E: Node<Scalar = K::Scalar>, K: Shape> Un<R, E, K> {
    #[inline(always)]
    pub(crate) fn new(e: E, rule: R) -> Self {
        let r = rule.apply(e.val());
        Self::with(e, r)
    }

    /// The node for `e` with its rule's value and derivative already computed.
    #[inline(always)]
    pub(crate) fn with(e: E, D1 { v, d }: D1<K::Scalar, R::C>) -> Self {
        Un {
            e,
            v,
            d,
            k: PhantomData,
        }
    }
}

impl<R: Unary<K::Scalar>, E: Node<Scalar = K::Scalar>, K: Shape> Node for Un<R, E, K> {
    context!(K);
    #[inline(always)]
    fn val(&self) -> K::Scalar {
        self.v
    }
    #[inline(always)]
    fn backward<G: Length<K::Scalar>>(&self, adj: K::Scalar, g: &mut GenericArray<K::Scalar, G>) {
        if self.d.active() {
            self.e.backward(self.d.of_adjoint(adj), g);
        }
    }
    #[inline(always)]
    fn touches(i: usize) -> bool {
        <R::C as crate::rules::Kind<K::Scalar>>::ALWAYS && E::touches(i)
    }
}

/// The node for one-argument rule `R` applied to `E`, as built ([`Grown`](super::Grown)).
pub(crate) type UnOf<R, E> = super::Grown<super::ShapeOf<E>, Un<R, E, super::ShapeOf<E>>>;

/// The node for two-argument rule `R` applied to `A` and `B`, as built.
pub(crate) type BinOf<R, A, B> =
    super::Grown<super::Joined<A, B>, Bin<R, A, B, super::Joined<A, B>>>;

/// The node for `rule` applied to `e`, as built ([`Grown`](super::Grown)).
#[inline(always)]
pub(crate) fn un<R, E>(e: E, rule: R) -> UnOf<R, E>
where
    E: Node,
    R: Unary<E::Scalar>,
{
    super::fold::grow::<super::ShapeOf<E>, _>(Un::new(e, rule))
}

/// The node for `rule` applied to `a` and `b`, as built ([`Grown`](super::Grown)).
#[inline(always)]
pub(crate) fn bin<R, A, B>(a: A, b: B, rule: R) -> BinOf<R, A, B>
where
    A: super::Join<B>,
    B: Node<Scalar = A::Scalar>,
    R: Binary<A::Scalar>,
{
    super::fold::grow::<super::Joined<A, B>, _>(Bin::new(a, b, rule))
}

/// A two-argument node: rule `R` (`Add`, `Mul`, `Atan2`, …) applied to `A` and `B`.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars!((2.0_f64, 3.0));
/// let p = x * y; // Bin<Mul, Var<…>, Var<…>, Ctx<…>>
/// assert_eq!(p.gradient().as_slice(), &[3.0, 2.0]);
/// ```
#[derive(Clone, Copy)]
pub struct Bin<R: Binary<K::Scalar>, A, B, K: Shape> {
    a: A,
    b: B,
    v: K::Scalar,
    da: R::Ca,
    db: R::Cb,
    k: super::Phantom<K>,
}

impl<R: Binary<K::Scalar>, A: Node<Scalar = K::Scalar>, B: Node<Scalar = K::Scalar>, K: Shape>
    Bin<R, A, B, K>
{
    #[inline(always)]
    pub(crate) fn new(a: A, b: B, rule: R) -> Self {
        let D2 { v, da, db } = rule.apply(a.val(), b.val());
        Bin {
            a,
            b,
            v,
            da,
            db,
            k: PhantomData,
        }
    }
}

impl<R, A, B, K> Node for Bin<R, A, B, K>
where
    K: Shape,
    R: Binary<K::Scalar>,
    A: Node<Scalar = K::Scalar>,
    B: Node<Scalar = K::Scalar>,
{
    context!(K);
    #[inline(always)]
    fn val(&self) -> K::Scalar {
        self.v
    }
    #[inline(always)]
    fn backward<G: Length<K::Scalar>>(&self, adj: K::Scalar, g: &mut GenericArray<K::Scalar, G>) {
        if self.da.active() {
            self.a.backward(self.da.of_adjoint(adj), g);
        }
        if self.db.active() {
            self.b.backward(self.db.of_adjoint(adj), g);
        }
    }
    #[inline(always)]
    fn touches(i: usize) -> bool {
        use crate::rules::Kind;
        (<R::Ca as Kind<K::Scalar>>::ALWAYS && A::touches(i))
            || (<R::Cb as Kind<K::Scalar>>::ALWAYS && B::touches(i))
    }
}

/// `a · b + c` with one rounding ([`mul_add`](super::Expr::mul_add)).
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (a, b, c) = vars!((2.0_f64, 3.0, 1.0));
/// let e = a.mul_add(b, c);
/// assert_eq!((e.value(), e.gradient().as_slice()), (7.0, &[3.0, 2.0, 1.0][..]));
/// ```
#[derive(Clone, Copy)]
pub struct Fma<A, B, C, K: Shape> {
    a: A,
    b: B,
    c: C,
    v: K::Scalar,
    da: K::Scalar,
    db: K::Scalar,
    k: super::Phantom<K>,
}

impl<A, B, C, K> Fma<A, B, C, K>
where
    K: Shape,
    A: Node<Scalar = K::Scalar>,
    B: Node<Scalar = K::Scalar>,
    C: Node<Scalar = K::Scalar>,
{
    #[inline(always)]
    pub(crate) fn new(a: A, b: B, c: C) -> Self {
        let (v, da, db) = crate::rules::mul_add(a.val(), b.val(), c.val());
        Fma {
            a,
            b,
            c,
            v,
            da,
            db,
            k: PhantomData,
        }
    }
}

impl<A, B, C, K> Node for Fma<A, B, C, K>
where
    K: Shape,
    A: Node<Scalar = K::Scalar>,
    B: Node<Scalar = K::Scalar>,
    C: Node<Scalar = K::Scalar>,
{
    context!(K);
    #[inline(always)]
    fn val(&self) -> K::Scalar {
        self.v
    }
    #[inline(always)]
    fn backward<G: Length<K::Scalar>>(&self, adj: K::Scalar, g: &mut GenericArray<K::Scalar, G>) {
        self.a.backward(adj * self.da, g);
        self.b.backward(adj * self.db, g);
        self.c.backward(adj, g);
    }
    #[inline(always)]
    fn touches(i: usize) -> bool {
        A::touches(i) || B::touches(i) || C::touches(i)
    }
}

/// `Debug` for a node type, without bounds on its brand or context parameters (a derive
/// would require them to be `Debug`, which closure types are not), and its seal; with
/// `copy`, also `Clone` and `Copy` without such bounds (for leaves, whose brand is a phantom).
macro_rules! node_traits {
    (copy [$($g:tt)*] $ty:ty where [$($w:tt)*], |$s:ident, $f:ident| $debug:expr) => {
        impl<$($g)*> Clone for $ty where $($w)* {
            #[inline(always)]
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<$($g)*> Copy for $ty where $($w)* {}
        $crate::reverse::node::node_traits!([$($g)*] $ty where [$($w)*], |$s, $f| $debug);
    };
    ([$($g:tt)*] $ty:ty where [$($w:tt)*], |$s:ident, $f:ident| $debug:expr) => {
        impl<$($g)*> core::fmt::Debug for $ty where $($w)* {
            fn fmt(&self, $f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                let $s = self;
                $debug
            }
        }
        impl<$($g)*> $crate::reverse::node::sealed::Sealed for $ty where $($w)* {}
    };
}
pub(crate) use node_traits;

node_traits!([R: Unary<K::Scalar>, E: Node<Scalar = K::Scalar>, K: Shape] Un<R, E, K> where [],
    |s, f| f.debug_struct("Un").field("value", &s.v).field("e", &s.e).finish());
node_traits!([R: Binary<K::Scalar>, A: Node<Scalar = K::Scalar>, B: Node<Scalar = K::Scalar>, K: Shape] Bin<R, A, B, K> where [],
    |s, f| f.debug_struct("Bin").field("value", &s.v).field("a", &s.a).field("b", &s.b).finish());
node_traits!([A: Node<Scalar = K::Scalar>, B: Node<Scalar = K::Scalar>, C: Node<Scalar = K::Scalar>, K: Shape] Fma<A, B, C, K> where [],
    |s, f| f.debug_struct("Fma").field("value", &s.v).field("a", &s.a).field("b", &s.b).field("c", &s.c).finish());
