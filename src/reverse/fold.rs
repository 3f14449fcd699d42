//! Long expressions: every node carries a depth budget in its type, and a node that spends the
//! last of it is folded into a leaf holding its value and gradient, so no expression's type
//! nests deeper than [`DEPTH`] nodes.
//!
//! rustc proves an expression's traits by walking its type, one level of its recursion limit
//! (128 by default) per node, and each temporary's type spells out every node below it: a
//! chain of operations overflowed the limit at about 120 operations (E0275), and its build
//! time grew with the square of its length. A folded leaf starts a new, shallow type, as
//! [`eval`](super::Expr::eval) does, so a chain of any length compiles, in time that grows
//! linearly once it is longer than [`DEPTH`].
//!
//! The budget is a count in the types ([`Fresh`] for a leaf, then [`Left`]`<…>` down to
//! [`Spent`]): a node's budget is one less than the smaller of its operands'. Each fold runs
//! the reverse pass of the folded part when it is built (the work its gradient needs anyway)
//! and keeps a gradient as long as the expression's buffer (`O(N)` for `N` inputs), whose
//! reverse pass then adds `adjoint · gᵢ` to every slot: products of partials are associated
//! differently there, so a gradient through a fold can differ from the unfolded one in the
//! last bits.

use generic_array::{GenericArray, sequence::GenericSequence};

use super::node::node_traits;
use super::{Node, Shape};
use crate::{Length, Scalar};

/// The number of nested nodes after which an expression is folded into a [`Folded`] leaf.
///
/// ```
/// use typegrad::reverse::{vars, Expr, DEPTH};
/// use typegrad::derivative;
/// assert_eq!(DEPTH, 32);
/// // 41 nested operations: folded once, after the first 32.
/// let (x,) = vars!((0.5_f64,));
/// let e = (x + 1.0)
///     .sin().cos().sin().cos().sin().cos().sin().cos().sin().cos().sin().cos()
///     .sin().cos().sin().cos().sin().cos().sin().cos().sin().cos().sin().cos()
///     .sin().cos().sin().cos().sin().cos().sin().cos().sin().cos().sin().cos()
///     .sin().cos().sin().cos();
/// let (v, d) = derivative(
///     |x: typegrad::Dual<f64>| {
///         (x + 1.0)
///             .sin().cos().sin().cos().sin().cos().sin().cos().sin().cos().sin().cos()
///             .sin().cos().sin().cos().sin().cos().sin().cos().sin().cos().sin().cos()
///             .sin().cos().sin().cos().sin().cos().sin().cos().sin().cos().sin().cos()
///             .sin().cos().sin().cos()
///     },
///     0.5,
/// );
/// assert_eq!(e.value(), v);
/// assert!((e.gradient()[0] - d).abs() <= 1e-15 * d.abs());
/// ```
pub const DEPTH: usize = 32;

/// A leaf's depth budget: [`DEPTH`] nodes may be built on it before a fold.
///
/// ```
/// use typegrad::reverse::{vars, Fresh, Node};
/// let (x,) = vars!((1.0_f64,));
/// fn budget<E: Node>(_: &E) -> &'static str { core::any::type_name::<E::Budget>() }
/// assert_eq!(budget(&x), core::any::type_name::<Fresh>());
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Fresh;

/// A depth budget with nothing left: a node with it is folded ([`Folded`]).
///
/// ```
/// use typegrad::reverse::{Budget, Spent};
/// let _: <Spent as Budget>::Less = Spent;
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Spent;

/// A depth budget one more than `P`'s.
///
/// ```
/// use typegrad::reverse::{Budget, Left, Spent};
/// let _: <Left<Spent> as Budget>::Less = Spent;
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Left<P>(super::Phantom<P>);

/// A depth budget at the type level ([`Fresh`], [`Left`], [`Spent`]): how many more nested
/// nodes an expression may get before it is folded.
///
/// ```
/// use typegrad::reverse::{Budget, Fresh, Left, Spent};
/// // The smaller of two budgets.
/// let _: <Left<Left<Spent>> as Budget>::Min<Left<Spent>> = Left::<Spent>::default();
/// let _: <Fresh as Budget>::Min<Spent> = Spent;
/// ```
pub trait Budget {
    /// The budget of a node built on an expression with this one.
    type Less: Budget;
    /// The smaller of this budget and `O`.
    type Min<O: Budget>: Budget;
    /// The smaller of `Left<A>` and this budget (how [`Min`](Self::Min) dispatches on both).
    type MinLeft<A: Budget>: Budget;
    /// What a node `X` with this budget becomes: itself, or with no budget left, a
    /// [`Folded`] leaf.
    type Grow<X: Node>: Node<Scalar = X::Scalar, Len = X::Len, Buf = X::Buf, Set = X::Set, Holes = X::Holes>;
    /// `x`, or `x` folded.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Budget, Expr, Spent};
    /// let (x, y) = vars!((2.0_f64, 3.0));
    /// let f = Spent::grow(x * y); // a Folded leaf
    /// assert_eq!((f.value(), f.gradient().as_slice()), (6.0, &[3.0, 2.0][..]));
    /// ```
    fn grow<X: Node>(x: X) -> Self::Grow<X>;
}

/// `Left` nested `DEPTH − 1` times over `Spent`: the budget of a node built on leaves.
macro_rules! start {
    (@ $t:ty;) => { $t };
    (@ $t:ty; $x:tt $($rest:tt)*) => { start!(@ Left<$t>; $($rest)*) };
    ($($x:tt)*) => { start!(@ Spent; $($x)*) };
}
/// The budget of a node whose operands are leaves.
type Start = start!(. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .);

impl Budget for Fresh {
    type Less = Start;
    type Min<O: Budget> = O;
    type MinLeft<A: Budget> = Left<A>;
    type Grow<X: Node> = X;
    #[inline(always)]
    fn grow<X: Node>(x: X) -> X {
        x
    }
}

impl Budget for Spent {
    type Less = Spent;
    type Min<O: Budget> = Spent;
    type MinLeft<A: Budget> = Spent;
    type Grow<X: Node> = Folded<X::Scalar, X::Len, X::Buf, X::Set, X::Holes>;
    #[inline(always)]
    fn grow<X: Node>(x: X) -> Self::Grow<X> {
        Folded::new(x)
    }
}

impl<P: Budget> Budget for Left<P> {
    type Less = P;
    type Min<O: Budget> = O::MinLeft<P>;
    type MinLeft<A: Budget> = Left<A::Min<P>>;
    type Grow<X: Node> = X;
    #[inline(always)]
    fn grow<X: Node>(x: X) -> X {
        x
    }
}

/// The budget of a node built on expressions with budgets `A` and `B`.
pub(crate) type Below<A, B> = <<A as Budget>::Min<B> as Budget>::Less;

/// What node `X`, built with context `K`, becomes: itself, or [`Folded`] once the budget in
/// `K` is spent. Every operator and method returns this.
///
/// ```
/// use typegrad::reverse::{vars, Expr, Grown, Node, ShapeOf, Un};
/// use typegrad::rules::Sin;
/// fn sine<E: Node>(e: E) -> Grown<ShapeOf<E>, Un<Sin, E, ShapeOf<E>>> {
///     e.sin()
/// }
/// let (x,) = vars!((1.0_f64,));
/// assert_eq!(sine(x).value(), 1.0_f64.sin());
/// ```
pub type Grown<K, X> = <<K as Shape>::Budget as Budget>::Grow<X>;

/// Node `x`, built with context `K`, as [`Grown`] makes it.
#[inline(always)]
pub(crate) fn grow<K: Shape, X: Node>(x: X) -> Grown<K, X> {
    <K::Budget as Budget>::grow(x)
}

/// A subexpression folded when its depth budget ran out: its value and its gradient over the
/// whole buffer `B` (the `N` inputs, then any `bind` scratch slots, so a placeholder inside
/// stays one), with the set `S` and the placeholders `H` of the expression it came from.
///
/// ```
/// use typegrad::reverse::{vars, Budget, Expr, Spent};
/// let (x, y) = vars!((0.5_f64, 2.0));
/// let f = Spent::grow((x * y).sin());
/// assert_eq!(f.value(), 1.0_f64.sin());
/// assert_eq!(f.gradient().as_slice(), &[2.0 * 1.0_f64.cos(), 0.5 * 1.0_f64.cos()]);
/// ```
pub struct Folded<T, N, B: generic_array::ArrayLength, S, H> {
    v: T,
    g: GenericArray<T, B>,
    k: super::Phantom<(N, S, H)>,
}

impl<T: Scalar, N: Length<T>, B: Length<T>, S, H> Folded<T, N, B, S, H> {
    /// `x`'s value and gradient, from its reverse pass with adjoint 1.
    #[inline(always)]
    fn new<X: Node<Scalar = T, Len = N, Buf = B, Set = S, Holes = H>>(x: X) -> Self {
        let mut g = GenericArray::<T, B>::generate(|i| {
            if X::touches(i) {
                T::neg_zero()
            } else {
                T::zero()
            }
        });
        let v = x.val_and_backward(T::one(), &mut g);
        Folded {
            v,
            g,
            k: core::marker::PhantomData,
        }
    }
}

impl<T: Scalar, N: Length<T>, B: Length<T>, S, H: super::Depth> Node for Folded<T, N, B, S, H> {
    type Scalar = T;
    type Len = N;
    type Buf = B;
    type Set = S;
    type Holes = H;
    type Budget = Fresh;
    #[inline(always)]
    fn val(&self) -> T {
        self.v
    }
    #[inline(always)]
    fn backward<G: Length<T>>(&self, adj: T, g: &mut GenericArray<T, G>) {
        super::leaf::scatter(g, adj, self.g.iter().copied());
    }
    #[inline(always)]
    fn touches(_: usize) -> bool {
        false // a zero partial would add ±0: start such slots at +0
    }
}

impl<T: Copy, N, B: Length<T>, S, H> Clone for Folded<T, N, B, S, H> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Copy, N, B: Length<T>, S, H> Copy for Folded<T, N, B, S, H> {}

node_traits!([T: Scalar, N: Length<T>, B: Length<T>, S, H: super::Depth] Folded<T, N, B, S, H> where [],
    |s, f| f.debug_struct("Folded").field("value", &s.v).field("gradient", &s.g).finish());
