//! Reverse mode: expressions as nested generic types, differentiated by a monomorphized
//! reverse pass.
//!
//! Ordinary operators and the `Float` method names build an expression whose type is its
//! computation graph: `(2.0 * x + y) * z` is a product of a sum of a scaled variable and a
//! variable, with a variable. Building it is the forward pass: every node caches its value.
//! [`Expr::gradient`] runs one reverse pass that walks the type and writes each adjoint into
//! a fixed-length array; after inlining it is the straight-line code one writes by hand.
//!
//! ```
//! use typegrad::reverse::{self, vars, Expr};
//!
//! let (x, y, z) = vars((1.0_f64, 2.0, 3.0)); // three variables: each knows its index and the count
//! let e = (2.0 * x + y) * z; // a nested type; value cached
//! assert_eq!(e.value(), 12.0);
//! let g = e.gradient(); // length 3, indexable
//! assert_eq!(g.as_slice(), &[6.0, 3.0, 4.0]);
//! let (v, g) = reverse::gradient(|(x, y, z)| (2.0 * x + y) * z, (1.0_f64, 2.0, 3.0));
//! assert_eq!((v, g), (12.0, [6.0, 3.0, 4.0]));
//! ```
//!
//! # Loops, branches and sharing
//!
//! An expression's type grows with the formula, so a loop cannot build one expression.
//! Three tools cover what types alone cannot:
//!
//! - [`Expr::eval`] collapses an expression into a [`Dual`] holding its value and gradient
//!   (cost O(N) for N inputs). A `Dual` is itself a leaf, so it can be stored, looped over
//!   and branched on (statement-level reverse mode).
//! - `e.bind(|a| body)` shares `e` inside `body` without copying its tree: `a` is a
//!   placeholder whose adjoint accumulates in a scratch slot; the reverse pass walks the body,
//!   then `e` once. See [`Bind`] for the two rules that keep it correct.
//! - [`vars`] on an array gives variables of one type with runtime indices, and [`sum`] adds
//!   up an iterator of like-typed terms, so Rosenbrock over 64 inputs is a loop.
//!
//! # Variables of two `vars` calls
//!
//! Variables know their index and the number of inputs, so mixing two sets of different
//! sizes is a compile error. Two calls of the *same* size give variables of the same types:
//! their gradients would land in the same slots. Call `vars` once per gradient, or use
//! [`gradient`], whose closure receives the only set.
//!
//! # Compile time
//!
//! Each node adds one level to an expression's type, and rustc's default `recursion_limit`
//! of 128 bounds that nesting: a chain of up to about 120 operations compiles (measured: 120
//! do, 128 overflow in rustc's structural checks such as `Copy`), and balanced trees of any
//! practical size do. `eval()` and `bind` start a new, shallow type, so loops and long
//! chains stay within the limit without raising it. Each inner node names its context
//! ([`Ctx`]: scalar, input count, buffer length) instead of asking its children for it
//! (asked of the children, every node made rustc walk the tree below it). Still, a chain's
//! compile time grows faster than linearly, since every temporary's type spells out the
//! chain below it; chains cut by `eval()` grow linearly, and balanced trees nearly so up to
//! a few hundred operations (BENCHMARKS.md, "Compile time against expression size").

mod api;
mod bind;
mod leaf;
mod node;
mod ops;
mod shape;
mod sum;

use generic_array::{GenericArray, sequence::GenericSequence};
use num_traits::{One, Zero};

use crate::rules::{self, unary_methods};
use crate::{Dual, Float, Length, Scalar};

pub use api::{Inputs, gradient, hessian, hvp, vars};
pub use bind::{Bind, Hole, HoleOf};
pub use leaf::{DynVar, Konst, Var};
pub use node::{Bin, Fma, Un};
pub use ops::Operand;
pub use shape::{Ctx, Join, Join3, Joined, Shape, ShapeOf};
pub use sum::{Sum, sum};

macro_rules! expr_unary {
    ($($name:ident $rule:ident),*) => {$(
        #[doc = concat!("`", stringify!($name), "`, differentiated by [`rules::", stringify!($rule), "`].")]
        ///
        /// ```
        /// use typegrad::reverse::{vars, Expr};
        /// let (x,) = vars((0.5_f64,));
        #[doc = concat!("assert_eq!(x.", stringify!($name), "().value().to_bits(), 0.5_f64.", stringify!($name), "().to_bits());")]
        /// ```
        #[inline(always)]
        fn $name(self) -> Un<rules::$rule, Self, ShapeOf<Self>> {
            Un::new(self, rules::$rule)
        }
    )*};
}

macro_rules! expr_binary {
    ($($name:ident $rule:ident $arg:ident $doc:literal;)*) => {$(
        #[doc = $doc]
        #[doc = concat!("The argument is an expression or a plain constant; derivatives from [`rules::", stringify!($rule), "`].")]
        ///
        /// ```
        /// use typegrad::reverse::{vars, Expr};
        /// let (x, y) = vars((1.5_f64, 0.5));
        #[doc = concat!("let (e, c) = (x.", stringify!($name), "(y), x.", stringify!($name), "(0.5));")]
        #[doc = concat!("let want = num_traits::Float::", stringify!($name), "(1.5_f64, 0.5);")]
        /// assert_eq!((e.value().to_bits(), c.value().to_bits()), (want.to_bits(), want.to_bits()));
        /// assert_eq!(e.gradient()[0], c.gradient()[0]);
        /// ```
        #[inline(always)]
        fn $name<Y: Operand<Self>>(self, $arg: Y) -> Y::With<rules::$rule> {
            $arg.with(self, rules::$rule)
        }
    )*};
}

/// A differentiable expression: a value computed when it was built, and a reverse pass.
///
/// Every node type (variables, [`Un`], [`Bin`], …) and [`Dual`] (as a leaf) implement it.
/// It also provides the math methods (`sin`, `powf`, `atan2`, …) with `Float`'s names.
/// `Dual` has the same methods as inherent methods, which take precedence over both traits,
/// so importing `Expr` and [`crate::Float`] together never makes a call ambiguous.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars((3.0_f64, 4.0));
/// let r = x.hypot(y);
/// assert_eq!(r.value(), 5.0);
/// assert_eq!(r.gradient().as_slice(), &[0.6, 0.8]);
/// ```
pub trait Expr: Sized {
    /// The number type: `f32`, `f64`, or a dual (forward over reverse).
    type Scalar: Scalar;
    /// The number of inputs: the gradient's length, as a [`typenum`] length.
    type Len: Length<Self::Scalar>;
    /// The gradient buffer the reverse pass needs: the inputs, then the scratch slots of
    /// any [`bind`](Bind)s.
    type Buf: Length<Self::Scalar>;

    /// The value, computed when the expression was built.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x,) = vars((2.0_f64,));
    /// assert_eq!(x.exp().value(), 2.0_f64.exp());
    /// ```
    fn value(&self) -> Self::Scalar;

    /// The reverse pass: adds `adjoint · ∂self/∂input` to `grad` for every input (and
    /// scratch slot) the expression depends on. [`gradient`](Expr::gradient) calls it.
    ///
    /// ```
    /// use typegrad::generic_array::GenericArray;
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars((2.0_f64, 5.0));
    /// let mut g = GenericArray::from([0.0, 0.0]);
    /// (x * y).backward(2.0, &mut g);
    /// assert_eq!(g.as_slice(), &[10.0, 4.0]);
    /// ```
    fn backward<B: Length<Self::Scalar>>(
        &self,
        adjoint: Self::Scalar,
        grad: &mut GenericArray<Self::Scalar, B>,
    );

    /// Whether every reverse pass adds to slot `i`. The gradient starts such slots at `−0`,
    /// the exact additive identity, so the first addition folds away; other slots start at
    /// `+0` so an input that receives nothing reads `0`, not `−0`.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr, Var};
    /// type X = Var<f64, 0, 2>;
    /// assert!(X::touches(0) && !X::touches(1));
    /// # let _ = vars((1.0_f64, 2.0));
    /// ```
    fn touches(i: usize) -> bool;

    /// The reverse pass, returning the value too. Nodes that compute their value when asked
    /// ([`Sum`]) override it to do both in one run.
    ///
    /// ```
    /// use typegrad::generic_array::GenericArray;
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars((2.0_f64, 5.0));
    /// let mut g = GenericArray::from([0.0, 0.0]);
    /// assert_eq!((x * y).value_and_backward(1.0, &mut g), 10.0);
    /// assert_eq!(g.as_slice(), &[5.0, 2.0]);
    /// ```
    #[inline(always)]
    fn value_and_backward<B: Length<Self::Scalar>>(
        &self,
        adjoint: Self::Scalar,
        grad: &mut GenericArray<Self::Scalar, B>,
    ) -> Self::Scalar {
        self.backward(adjoint, grad);
        self.value()
    }

    /// The value and the gradient, from one run over each term of a [`sum`] at the root.
    ///
    /// ```
    /// use typegrad::reverse::{sum, vars, Expr};
    /// let x = vars([1.0_f64, 2.0, 3.0]);
    /// let (v, g) = sum(x.iter().map(|xi| xi.powi(2))).value_and_gradient();
    /// assert_eq!((v, g.as_slice()), (14.0, &[2.0, 4.0, 6.0][..]));
    /// ```
    #[inline(always)]
    fn value_and_gradient(&self) -> (Self::Scalar, GenericArray<Self::Scalar, Self::Len>) {
        let mut buf = GenericArray::<Self::Scalar, Self::Buf>::generate(|i| {
            if Self::touches(i) {
                Self::Scalar::neg_zero()
            } else {
                Self::Scalar::zero()
            }
        });
        let v = self.value_and_backward(Self::Scalar::one(), &mut buf);
        let g = GenericArray::generate(|i| buf.get(i).copied().unwrap_or_else(Self::Scalar::zero));
        (v, g)
    }

    /// The gradient: one reverse pass with adjoint 1.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars((1.0_f64, 2.0));
    /// let g = (x * y + y).gradient();
    /// assert_eq!((g[0], g[1]), (2.0, 2.0));
    /// ```
    #[inline(always)]
    fn gradient(&self) -> GenericArray<Self::Scalar, Self::Len> {
        self.value_and_gradient().1
    }

    /// The value and gradient as a [`Dual`], which is itself a leaf of later expressions:
    /// store it, loop, branch, and reuse it without walking this tree again.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars((0.5_f64, 2.0));
    /// let mut acc = (x * y).eval(); // a Dual<f64, U2>
    /// for _ in 0..3 {
    ///     acc = (acc * x + y).sin().eval();
    /// }
    /// assert_eq!(acc.tangent().len(), 2);
    /// ```
    #[inline(always)]
    fn eval(&self) -> Dual<Self::Scalar, Self::Len> {
        let (v, g) = self.value_and_gradient();
        Dual::new(v, g)
    }

    unary_methods!(expr_unary);
    rules::binary_methods!(expr_binary);

    /// `selfⁿ` for an integer `n`.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x,) = vars((2.0_f64,));
    /// assert_eq!(x.powi(3).gradient()[0], 12.0);
    /// ```
    #[inline(always)]
    fn powi(self, n: i32) -> Un<rules::Powi, Self, ShapeOf<Self>> {
        Un::new(self, rules::Powi(n))
    }

    /// `(sin, cos)` from one `sin_cos` call. With the `libm` backend this halves the trig
    /// work of a formula that uses both (the compiler merges the platform's separate `sin`
    /// and `cos` calls, but not `libm`'s). Both results hold a copy of `self`, whose reverse
    /// pass then runs twice: for a compound argument, bind it first,
    /// `e.bind(|a| { let (s, c) = a.sin_cos(); … })`.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x,) = vars((1.0_f64,));
    /// let (s, c) = x.sin_cos();
    /// let e = 10.0 * s.exp() + c.powi(2);
    /// assert_eq!(e.value(), 10.0 * 1.0_f64.sin().exp() + 1.0_f64.cos().powi(2));
    /// ```
    #[inline(always)]
    #[allow(clippy::type_complexity)]
    fn sin_cos(
        self,
    ) -> (
        Un<rules::Sin, Self, ShapeOf<Self>>,
        Un<rules::Cos, Self, ShapeOf<Self>>,
    )
    where
        Self: Copy,
    {
        let (s, c) = rules::sin_cos(self.value());
        (Un::with(self, s), Un::with(self, c))
    }

    /// `lo` if below it, then `hi` if above that, else `self` (crossed bounds give `hi`),
    /// following the chosen side; `lo` and `hi` are expressions or plain constants.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, hi) = vars((5.0_f64, 2.0));
    /// let e = x.clamp(0.0, hi);
    /// assert_eq!((e.value(), e.gradient().as_slice()), (2.0, &[0.0, 1.0][..]));
    /// ```
    #[inline(always)]
    #[allow(clippy::type_complexity)]
    fn clamp<L, H>(
        self,
        lo: L,
        hi: H,
    ) -> <H as Operand<L::With<rules::AtLeast>>>::With<rules::AtMost>
    where
        L: Operand<Self>,
        L::With<rules::AtLeast>: Expr<Scalar = Self::Scalar>,
        H: Operand<L::With<rules::AtLeast>>,
    {
        hi.with(lo.with(self, rules::AtLeast), rules::AtMost)
    }

    /// Any one-argument rule, the crate's or your own (see [`Dual::apply`] for one written
    /// out): a node with the value and derivative the rule returns.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// use typegrad::rules::Sqrt;
    /// let (x,) = vars((4.0_f64,));
    /// assert_eq!(x.apply(Sqrt).gradient()[0], 0.25);
    /// ```
    #[inline(always)]
    fn apply<R: rules::Unary<Self::Scalar>>(self, rule: R) -> Un<R, Self, ShapeOf<Self>> {
        Un::new(self, rule)
    }

    /// Any two-argument rule applied to `(self, y)`, `y` an expression or a plain constant.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// use typegrad::rules::Hypot;
    /// let (x, y) = vars((3.0_f64, 4.0));
    /// assert_eq!(x.apply2(y, Hypot).gradient().as_slice(), &[0.6, 0.8]);
    /// ```
    #[inline(always)]
    fn apply2<Y: Operand<Self>, R: rules::Binary<Self::Scalar>>(self, y: Y, rule: R) -> Y::With<R> {
        y.with(self, rule)
    }

    /// The error function.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x,) = vars((0.0_f64,));
    /// assert_eq!(x.erf().gradient()[0], core::f64::consts::FRAC_2_SQRT_PI);
    /// ```
    #[inline(always)]
    fn erf(self) -> Un<rules::Erf, Self, ShapeOf<Self>> {
        Un::new(self, rules::Erf)
    }

    /// The complementary error function.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x,) = vars((0.0_f64,));
    /// assert_eq!(x.erfc().value(), 1.0);
    /// ```
    #[inline(always)]
    fn erfc(self) -> Un<rules::Erfc, Self, ShapeOf<Self>> {
        Un::new(self, rules::Erfc)
    }

    /// `self · a + b` with one rounding; `a` and `b` are expressions or plain constants.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars((2.0_f64, 5.0));
    /// assert_eq!(x.mul_add(y, 1.0).gradient().as_slice(), &[5.0, 2.0]);
    /// ```
    ///
    /// Either argument over a different number of inputs is a compile error:
    ///
    /// ```compile_fail,E0277
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, _y) = vars((2.0_f64, 5.0));
    /// let (z,) = vars((1.0_f64,));
    /// let _ = x.mul_add(2.0, z); // two inputs and one input
    /// ```
    #[inline(always)]
    #[allow(clippy::type_complexity)]
    fn mul_add<A, B>(
        self,
        a: A,
        b: B,
    ) -> Fma<Self, A::Leaf, B::Leaf, <Self as Join3<A::Leaf, B::Leaf>>::Out>
    where
        A: Operand<Self>,
        B: Operand<Self>,
        Self: Join3<A::Leaf, B::Leaf>,
    {
        Fma::new(self, a.leaf(), b.leaf())
    }

    /// Shares `self` in `body` without copying its tree: `body` receives a placeholder for
    /// `self`, and the reverse pass walks `self` once however often the placeholder is used.
    /// See [`Bind`] for the one rule about nesting.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars((0.3_f64, 0.7));
    /// let e = (x * y).sin().bind(|s| s * s + s); // sin(xy) walked once
    /// let s = (0.3_f64 * 0.7).sin();
    /// assert_eq!(e.value(), s * s + s);
    /// ```
    ///
    /// The body, like any expression, must not mix variables of `vars` calls of different
    /// sizes:
    ///
    /// ```compile_fail,E0277
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars((0.3_f64, 0.7));
    /// let (z,) = vars((2.0_f64,));
    /// let _ = (x * y).bind(|s| s * z); // two inputs and one input
    /// ```
    #[inline(always)]
    fn bind<F, B>(self, body: F) -> Bind<Self, B, Joined<HoleOf<Self>, B>>
    where
        F: FnOnce(HoleOf<Self>) -> B,
        HoleOf<Self>: Join<B>,
    {
        Bind::new(self, body)
    }
}

/// Proof that two expressions have the same number of inputs: every binary node requires it
/// of its operands' [`Len`](Expr::Len), and generic code can require it too.
#[diagnostic::on_unimplemented(
    message = "these expressions are over different numbers of inputs",
    label = "this operand's variables come from a `vars` call of another size",
    note = "every variable in one expression must come from the same `vars` call (or calls of the same size)"
)]
///
/// ```
/// use typegrad::reverse::{vars, Expr, SameLen};
/// fn same_inputs<A: Expr, B: Expr<Len: SameLen<A::Len>>>(_: &A, _: &B) {}
/// let (x, y) = vars((1.0_f64, 2.0));
/// let (u, v) = vars((3.0_f64, 4.0)); // another call of the same size: allowed
/// same_inputs(&(x * y), &v.sin());
/// same_inputs(&x, &u);
/// ```
///
/// Operands over different numbers of inputs do not compile:
///
/// ```compile_fail,E0277
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars((1.0_f64, 2.0));
/// let (z,) = vars((3.0_f64,));
/// let e = x * y + z; // two inputs and one input: an error
/// ```
pub trait SameLen<M> {}
impl<N> SameLen<N> for N {}
