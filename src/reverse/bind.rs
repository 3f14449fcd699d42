//! Typed sharing: `e.bind(|a| body)` walks `e` once however often `body` uses `a`.

use core::marker::PhantomData;
use core::ops::Add;

use generic_array::GenericArray;
use typenum::{Add1, B1, Unsigned};

use super::fold::Below;
use super::holes::{Bit, Close, Depth, HoleHoles, Merge, Merged, Pow2};
use super::leaf::accumulate;
use super::node::{context, node_traits};
use super::{Ctx, Join, Joined, Node, Shape};
use crate::rules;
use crate::{Length, Scalar};

/// The placeholder of a [`bind`](super::Expr::bind): a leaf whose adjoint accumulates in
/// scratch slot `Slot` of the gradient buffer (past the `N` inputs, the `D`-th scratch
/// slot). The slot comes from the types. It belongs in its bind's body: an expression that carries it anywhere else has no
/// gradient (a compile error, see [`Closed`](super::Closed)).
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x,) = vars!((3.0_f64,));
/// let e = (x * x).bind(|a| a + a * a); // a = x², walked once
/// assert_eq!(e.value(), 9.0 + 81.0);
/// assert_eq!(e.gradient()[0], (1.0 + 2.0 * 9.0) * 6.0);
/// ```
pub struct Hole<T, Slot, N, S, D> {
    v: T,
    slot: super::Phantom<(Slot, N, S, D)>,
}

impl<T, Slot, N, S, D> Node for Hole<T, Slot, N, S, D>
where
    T: Scalar,
    N: Length<T>,
    Slot: Unsigned + Add<B1, Output: Length<T>>,
    D: Pow2 + Add<B1>,
{
    type Scalar = T;
    type Len = N;
    type Buf = Add1<Slot>;
    type Set = S;
    type Holes = HoleHoles<D>;
    type Budget = super::Fresh;
    #[inline(always)]
    fn val(&self) -> T {
        self.v
    }
    #[inline(always)]
    fn backward<G: Length<T>>(&self, adj: T, g: &mut GenericArray<T, G>) {
        accumulate(g, Slot::USIZE, Slot::USIZE + 1, adj);
    }
    #[inline(always)]
    fn touches(i: usize) -> bool {
        i == Slot::USIZE
    }
}

node_traits!(copy [T: Copy + core::fmt::Debug, Slot, N, S, D] Hole<T, Slot, N, S, D> where [],
    |s, f| f.debug_struct("Hole").field("value", &s.v).finish());

/// The placeholder type for sharing `E`: its slot is `E`'s buffer length.
///
/// ```
/// use typegrad::reverse::{vars, Expr, HoleOf};
/// let (x, y) = vars!((1.0_f64, 2.0));
/// fn slot<E: Expr>(_: &E) -> Option<HoleOf<E>> { None }
/// let _ = slot(&(x * y));
/// ```
pub type HoleOf<E> = Hole<
    <E as Node>::Scalar,
    <E as Node>::Buf,
    <E as Node>::Len,
    <E as Node>::Set,
    <<E as Node>::Holes as Depth>::Out,
>;

/// The context of `e.bind(|a| body)` for a body of type `B`: the body joined with the
/// placeholder (one set; a buffer that holds the slot), and the placeholders of both with
/// this one closed.
///
/// ```
/// use typegrad::reverse::{vars, Binds, Expr, HoleOf};
/// fn bind_id<E: Binds<HoleOf<E>>>(e: E) -> E { e }
/// let (x, y) = vars!((1.0_f64, 2.0));
/// let _ = bind_id(x * y);
/// ```
pub trait Binds<B>: Node {
    /// The bind's context.
    type Out: Shape<Scalar = Self::Scalar, Len = Self::Len, Set = Self::Set>;
}

impl<E, B> Binds<B> for E
where
    E: Node<Holes: Depth<Out: Pow2>>,
    B: Node,
    HoleOf<E>: Node + Join<B, Out: Shape<Buf: Length<E::Scalar>>>,
    <Joined<HoleOf<E>, B> as Shape>::Holes: Close<Own<E>>,
    E::Holes: Merge<Closing<E, B>>,
{
    type Out = Ctx<
        E::Scalar,
        E::Len,
        <Joined<HoleOf<E>, B> as Shape>::Buf,
        E::Set,
        Merged<E::Holes, Closing<E, B>>,
        Below<E::Budget, B::Budget>,
    >;
}

/// The bit of the scratch slot of `E`'s placeholder.
type Own<E> = Bit<<<E as Node>::Holes as Depth>::Out>;

/// The placeholders of `e.bind(|a| body)`'s body, with `a` (used or not) closed.
type Closing<E, B> = <<Joined<HoleOf<E>, B> as Shape>::Holes as Close<Own<E>>>::Out;

/// A shared subexpression `e` and the `body` that uses it through a [`Hole`].
///
/// The reverse pass walks `body` first, collecting the adjoint of every use of the
/// placeholder in one scratch slot, then walks `e` once with that sum. The slot's index is
/// `e`'s buffer length, so bindings built on each other (`e.bind(..).bind(..)`) and
/// placeholders used in a nested bind on an expression built from them get distinct slots;
/// a nested bind saves and restores its slot, so independent bindings may share one.
///
/// Both ways to go wrong are compile errors: a placeholder used outside its body (the
/// expression that carries it out has no gradient), and a bind nested in this body on an
/// expression *not* built from this placeholder, which would take the same slot (bind such
/// an expression outside the body, or collapse it with [`eval`](super::Expr::eval)).
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars!((0.5_f64, 2.0));
/// let e = (x * y).bind(|a| (a * y).bind(|b| b.sin() * a)); // b is built from a: fine
/// let g = e.gradient();
/// let (x, y) = (0.5_f64, 2.0_f64);
/// let f = |x: f64, y: f64| (x * y * y).sin() * (x * y);
/// assert!((g[0] - (f(x + 1e-7, y) - f(x - 1e-7, y)) / 2e-7).abs() < 1e-6);
/// ```
///
/// ```compile_fail,E0277
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars!((0.5_f64, 2.0));
/// // (x + y) is not built from a, so its placeholder would share a's slot:
/// let e = (x * y).bind(|a| (x + y).bind(|b| b * a));
/// let _ = e.gradient();
/// ```
#[derive(Clone, Copy)]
pub struct Bind<E, B, K> {
    e: E,
    body: B,
    k: super::Phantom<K>,
}

impl<E: Node, B, K> Bind<E, B, K> {
    #[inline(always)]
    pub(crate) fn new<F>(e: E, f: F) -> Self
    where
        F: FnOnce(HoleOf<E>) -> B,
    {
        let body = f(Hole {
            v: e.val(),
            slot: PhantomData,
        });
        Bind {
            e,
            body,
            k: PhantomData,
        }
    }

    /// The reverse pass around the body's: save the slot (an enclosing bind may be using
    /// it), collect this placeholder's adjoint in it while `body` runs, restore it, then walk
    /// the shared expression once, unless nothing reached the placeholder (the zero rule; as
    /// when a `max` picked the other side).
    #[inline(always)]
    fn pass<G: Length<E::Scalar>>(
        &self,
        g: &mut GenericArray<E::Scalar, G>,
        body: impl FnOnce(&mut GenericArray<E::Scalar, G>),
    ) {
        let slot = E::Buf::USIZE;
        let zero = <E::Scalar as num_traits::Float>::neg_zero();
        let saved = g.get(slot).copied().unwrap_or(zero);
        if let Some(s) = g.get_mut(slot) {
            *s = zero;
        }
        body(g);
        let shared = g.get(slot).copied().unwrap_or(zero);
        if let Some(s) = g.get_mut(slot) {
            *s = saved;
        }
        if rules::carries(shared) {
            self.e.backward(shared, g);
        }
    }
}

impl<E, B, K> Node for Bind<E, B, K>
where
    K: Shape,
    E: Node<Scalar = K::Scalar>,
    B: Node<Scalar = K::Scalar>,
{
    context!(K);
    #[inline(always)]
    fn val(&self) -> K::Scalar {
        self.body.val()
    }
    #[inline(always)]
    fn backward<G: Length<K::Scalar>>(&self, adj: K::Scalar, g: &mut GenericArray<K::Scalar, G>) {
        self.pass(g, |g| self.body.backward(adj, g));
    }
    #[inline(always)]
    fn val_and_backward<G: Length<K::Scalar>>(
        &self,
        adj: K::Scalar,
        g: &mut GenericArray<K::Scalar, G>,
    ) -> K::Scalar {
        let mut v = <K::Scalar as num_traits::Float>::neg_zero();
        self.pass(g, |g| v = self.body.val_and_backward(adj, g));
        v
    }
    #[inline(always)]
    fn touches(i: usize) -> bool {
        // The shared expression is walked only when its placeholder received an adjoint.
        B::touches(i) && i != E::Buf::USIZE
    }
}

node_traits!([E: Node, B: Node, K] Bind<E, B, K> where [],
    |s, f| f.debug_struct("Bind").field("e", &s.e).field("body", &s.body).finish());
