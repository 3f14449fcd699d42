//! Typed sharing: `e.bind(|a| body)` walks `e` once however often `body` uses `a`.

use core::marker::PhantomData;

use generic_array::GenericArray;
use typenum::{Add1, B1, Unsigned};

use super::leaf::accumulate;
use super::{Expr, Shape};
use crate::{Float, Length, Scalar};

/// The placeholder of a [`bind`](Expr::bind): a leaf whose adjoint accumulates in scratch
/// slot `S` of the gradient buffer (past the `N` inputs). `S` comes from the types. It
/// belongs in its bind's body: used anywhere else, its adjoint would reach no one.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x,) = vars((3.0_f64,));
/// let e = (x * x).bind(|a| a + a * a); // a = x², walked once
/// assert_eq!(e.value(), 9.0 + 81.0);
/// assert_eq!(e.gradient()[0], (1.0 + 2.0 * 9.0) * 6.0);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Hole<T, S, N> {
    v: T,
    slot: PhantomData<(S, N)>,
}

impl<T, S, N> Expr for Hole<T, S, N>
where
    T: Scalar,
    S: Unsigned + core::ops::Add<B1, Output: Length<T>>,
    N: Length<T>,
{
    type Scalar = T;
    type Len = N;
    type Buf = Add1<S>;
    #[inline(always)]
    fn value(&self) -> T {
        self.v
    }
    #[inline(always)]
    fn backward<G: Length<T>>(&self, adj: T, g: &mut GenericArray<T, G>) {
        accumulate(g, S::USIZE, S::USIZE + 1, adj);
    }
    #[inline(always)]
    fn touches(i: usize) -> bool {
        i == S::USIZE
    }
}

/// The placeholder type for sharing `E`: its slot is `E`'s buffer length.
///
/// ```
/// use typegrad::reverse::{Hole, HoleOf, Var};
/// use typegrad::typenum::U2;
/// let _: Option<HoleOf<Var<f64, 0, 2>>> = None::<Hole<f64, U2, U2>>;
/// ```
pub type HoleOf<E> = Hole<<E as Expr>::Scalar, <E as Expr>::Buf, <E as Expr>::Len>;

/// A shared subexpression `e` and the `body` that uses it through a [`Hole`].
///
/// The reverse pass walks `body` first, collecting the adjoint of every use of the
/// placeholder in one scratch slot, then walks `e` once with that sum. The slot's index is
/// `e`'s buffer length, so bindings built on each other (`e.bind(..).bind(..)`) and
/// placeholders used in a nested bind on an expression built from them get distinct slots;
/// a nested bind saves and restores its slot, so independent bindings may share one.
///
/// **The rule that keeps it correct:** inside the body of a bind on `f`, use a placeholder
/// `a` of an enclosing bind only if `f` is itself built from `a`. A nested
/// `f.bind(|b| … a …)` with `f` independent of `a` would give `a` and `b` the same slot.
/// Bind such an `f` outside the enclosing body, or collapse it with [`eval`](Expr::eval).
///
/// **Keep a placeholder inside its body.** Moved out through a captured variable, it still
/// compiles, but an expression built from it there sends its adjoint to a scratch slot that
/// no pass reads, and the gradient misses everything that flows through `e` (the types
/// cannot stop this). Outside the body, use `e` itself, or `e.eval()`.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars((0.5_f64, 2.0));
/// let e = (x * y).bind(|a| (a * y).bind(|b| b.sin() * a)); // b is built from a: fine
/// let g = e.gradient();
/// let (x, y) = (0.5_f64, 2.0_f64);
/// let f = |x: f64, y: f64| (x * y * y).sin() * (x * y);
/// assert!((g[0] - (f(x + 1e-7, y) - f(x - 1e-7, y)) / 2e-7).abs() < 1e-6);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Bind<E, B, K> {
    e: E,
    body: B,
    k: PhantomData<K>,
}

impl<E: Expr, B, K> Bind<E, B, K> {
    #[inline(always)]
    pub(crate) fn new<F>(e: E, f: F) -> Self
    where
        F: FnOnce(HoleOf<E>) -> B,
    {
        let body = f(Hole {
            v: e.value(),
            slot: PhantomData,
        });
        Bind {
            e,
            body,
            k: PhantomData,
        }
    }
}

impl<E, B, K> Expr for Bind<E, B, K>
where
    K: Shape,
    E: Expr<Scalar = K::Scalar>,
    B: Expr<Scalar = K::Scalar>,
{
    type Scalar = K::Scalar;
    type Len = K::Len;
    type Buf = K::Buf;
    #[inline(always)]
    fn value(&self) -> K::Scalar {
        self.body.value()
    }
    #[inline(always)]
    fn backward<G: Length<K::Scalar>>(&self, adj: K::Scalar, g: &mut GenericArray<K::Scalar, G>) {
        self.pass(g, |g| self.body.backward(adj, g));
    }
    #[inline(always)]
    fn value_and_backward<G: Length<K::Scalar>>(
        &self,
        adj: K::Scalar,
        g: &mut GenericArray<K::Scalar, G>,
    ) -> K::Scalar {
        let mut v = K::Scalar::neg_zero();
        self.pass(g, |g| v = self.body.value_and_backward(adj, g));
        v
    }
    #[inline(always)]
    fn touches(i: usize) -> bool {
        // The shared expression is walked only when its placeholder received an adjoint.
        B::touches(i) && i != E::Buf::USIZE
    }
}

impl<E: Expr, B, K> Bind<E, B, K> {
    /// The reverse pass around the body's: save the slot (an enclosing bind may be using
    /// it), collect this placeholder's adjoint in it while `body` runs, restore it, then walk
    /// the shared expression once, unless nothing (or an exact zero) reached the
    /// placeholder, as when a `max` picked the other side.
    #[inline(always)]
    fn pass<G: Length<E::Scalar>>(
        &self,
        g: &mut GenericArray<E::Scalar, G>,
        body: impl FnOnce(&mut GenericArray<E::Scalar, G>),
    ) {
        let slot = E::Buf::USIZE;
        let zero = E::Scalar::neg_zero();
        let saved = g.get(slot).copied().unwrap_or(zero);
        if let Some(s) = g.get_mut(slot) {
            *s = zero;
        }
        body(g);
        let shared = g.get(slot).copied().unwrap_or(zero);
        if let Some(s) = g.get_mut(slot) {
            *s = saved;
        }
        if !shared.is_exact_zero() {
            self.e.backward(shared, g);
        }
    }
}
