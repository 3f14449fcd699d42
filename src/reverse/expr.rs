//! [`Expr`]: what a user does with an expression (values, gradients, the math methods with
//! `Float`'s names), for every node; and [`Vars`], the bound of generic code.

use generic_array::{GenericArray, IntoArrayLength, sequence::GenericSequence};
use num_traits::{One, Zero};
use typenum::Max;

use super::bind::{Bind, Binds, HoleOf};
use super::fold::{Grown, grow};
use super::leaf::Evaluated;
use super::node::{Fma, Node, Un, UnOf, un};
use super::{Closed, Join3, Operand, ShapeOf};
use crate::rules;
use crate::{Dual, Float, Length, Scalar};

macro_rules! expr_unary {
    ([] $($name:ident $rule:ident),*) => {$(
        #[doc = concat!("`", stringify!($name), "`, differentiated by [`rules::", stringify!($rule), "`].")]
        ///
        /// ```
        /// use typegrad::reverse::{vars, Expr};
        /// let (x,) = vars!((0.5_f64,));
        #[doc = concat!("assert_eq!(x.", stringify!($name), "().value().to_bits(), 0.5_f64.", stringify!($name), "().to_bits());")]
        /// ```
        #[inline(always)]
        fn $name(self) -> UnOf<rules::$rule, Self> {
            un(self, rules::$rule)
        }
    )*};
}

macro_rules! expr_special {
    ([] $($name:ident $rule:ident $doc:literal;)*) => {$(
        #[doc = $doc]
        ///
        /// ```
        /// use typegrad::reverse::{vars, Expr};
        /// let (x,) = vars!((0.5_f64,));
        #[doc = concat!("assert_eq!(x.", stringify!($name), "().value(), libm::", stringify!($name), "(0.5));")]
        /// ```
        #[inline(always)]
        fn $name(self) -> UnOf<rules::$rule, Self> {
            un(self, rules::$rule)
        }
    )*};
}

macro_rules! expr_binary {
    ([] $($name:ident $rule:ident $arg:ident $doc:literal;)*) => {$(
        #[doc = $doc]
        #[doc = concat!("The argument is an expression or a plain constant; derivatives from [`rules::", stringify!($rule), "`].")]
        ///
        /// ```
        /// use typegrad::reverse::{vars, Expr};
        /// let (x, y) = vars!((1.5_f64, 0.5));
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

/// A differentiable expression: a value computed when it was built, a gradient from one
/// reverse pass, and the math methods (`sin`, `powf`, `atan2`, …) with `Float`'s names.
///
/// Every node implements it: variables, [`Un`](super::Un), [`Bin`](super::Bin), …. Numbers
/// that implement `Float` ([`Dual`], `f64`) do not, so importing `Expr` and [`Float`]
/// together never makes a call ambiguous.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// use typegrad::{Dual, Float};
/// let (x, y) = vars!((3.0_f64, 4.0));
/// let r = x.hypot(y);
/// assert_eq!(r.value(), 5.0);
/// assert_eq!(r.gradient().as_slice(), &[0.6, 0.8]);
/// assert_eq!(Dual::<f64>::variable::<0>(0.0).sin().value(), 0.0); // Float's sin
/// ```
pub trait Expr: Node {
    /// The value, computed when the expression was built.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x,) = vars!((2.0_f64,));
    /// assert_eq!(x.exp().value(), 2.0_f64.exp());
    /// ```
    #[inline(always)]
    fn value(&self) -> Self::Scalar {
        self.val()
    }

    /// The value and the gradient, from one run over each term of a [`sum`](super::sum) at
    /// the root.
    ///
    /// ```
    /// use typegrad::reverse::{sum, vars, Expr};
    /// let x = vars!([1.0_f64, 2.0, 3.0]);
    /// let (v, g) = sum(x.iter().map(|xi| xi.powi(2))).value_and_gradient();
    /// assert_eq!((v, g.as_slice()), (14.0, &[2.0, 4.0, 6.0][..]));
    /// ```
    #[inline(always)]
    fn value_and_gradient(&self) -> (Self::Scalar, GenericArray<Self::Scalar, Self::Len>)
    where
        Self::Holes: Closed,
    {
        let mut buf = GenericArray::<Self::Scalar, Self::Buf>::generate(|i| {
            if Self::touches(i) {
                Self::Scalar::neg_zero()
            } else {
                Self::Scalar::zero()
            }
        });
        let v = self.val_and_backward(Self::Scalar::one(), &mut buf);
        let g = GenericArray::generate(|i| buf.get(i).copied().unwrap_or_else(Self::Scalar::zero));
        (v, g)
    }

    /// The gradient: one reverse pass with adjoint 1.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars!((1.0_f64, 2.0));
    /// let g = (x * y + y).gradient();
    /// assert_eq!((g[0], g[1]), (2.0, 2.0));
    /// ```
    #[inline(always)]
    fn gradient(&self) -> GenericArray<Self::Scalar, Self::Len>
    where
        Self::Holes: Closed,
    {
        self.value_and_gradient().1
    }

    /// The value and gradient as a leaf of later expressions over the same set: store it,
    /// loop, branch, and reuse it without walking this tree again.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars!((0.5_f64, 2.0));
    /// let mut acc = (x * y).eval();
    /// for _ in 0..3 {
    ///     acc = (acc * x + y).sin().eval();
    /// }
    /// assert_eq!(acc.gradient().len(), 2);
    /// ```
    #[inline(always)]
    fn eval(&self) -> Evaluated<Self::Scalar, Self::Len, Self::Set>
    where
        Self::Holes: Closed,
    {
        let (v, g) = self.value_and_gradient();
        Evaluated::new(Dual::new(v, g))
    }

    /// A constant over the same inputs and set as `self`, as an [`Evaluated`] leaf: the
    /// starting value of a state that a loop replaces by `eval()`ed expressions.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (a,) = vars!((0.5_f64,));
    /// let mut s = a.constant(1.0);
    /// for _ in 0..3 {
    ///     s = (s * a).eval(); // s = a³ at the end
    /// }
    /// assert_eq!((s.value(), s.gradient()[0]), (0.125, 0.75));
    /// ```
    #[inline(always)]
    fn constant(&self, c: Self::Scalar) -> Evaluated<Self::Scalar, Self::Len, Self::Set> {
        Evaluated::new(Dual::constant(c))
    }

    crate::__float_unary!(expr_unary);
    crate::__special_unary!(expr_special);
    crate::__float_binary!(expr_binary);

    /// `selfⁿ` for an integer `n`.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x,) = vars!((2.0_f64,));
    /// assert_eq!(x.powi(3).gradient()[0], 12.0);
    /// ```
    #[inline(always)]
    fn powi(self, n: i32) -> UnOf<rules::Powi, Self> {
        un(self, rules::Powi(n))
    }

    /// `(sin, cos)` from one `sin_cos` call. With the `libm` backend this halves the trig
    /// work of a formula that uses both (the compiler merges the platform's separate `sin`
    /// and `cos` calls, but not `libm`'s). Both results hold a copy of `self`, whose reverse
    /// pass then runs twice: for a compound argument, bind it first,
    /// `e.bind(|a| { let (s, c) = a.sin_cos(); … })`.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x,) = vars!((1.0_f64,));
    /// let (s, c) = x.sin_cos();
    /// let e = 10.0 * s.exp() + c.powi(2);
    /// assert_eq!(e.value(), 10.0 * 1.0_f64.sin().exp() + 1.0_f64.cos().powi(2));
    /// ```
    #[inline(always)]
    #[allow(clippy::type_complexity)]
    fn sin_cos(self) -> (UnOf<rules::Sin, Self>, UnOf<rules::Cos, Self>)
    where
        Self: Copy,
    {
        let (s, c) = rules::sin_cos(self.val());
        (
            grow::<ShapeOf<Self>, _>(Un::with(self, s)),
            grow::<ShapeOf<Self>, _>(Un::with(self, c)),
        )
    }

    /// `lo` if below it, then `hi` if above that, else `self` (crossed bounds give `hi`),
    /// following the chosen side; `lo` and `hi` are expressions or plain constants.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, hi) = vars!((5.0_f64, 2.0));
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
        L::With<rules::AtLeast>: Node<Scalar = Self::Scalar>,
        H: Operand<L::With<rules::AtLeast>>,
    {
        hi.with(lo.with(self, rules::AtLeast), rules::AtMost)
    }

    /// Any one-argument rule, the crate's or your own (see the [`rules`](crate::rules)
    /// module for one written out): a node with the value and derivative the rule returns.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// use typegrad::rules::Sqrt;
    /// let (x,) = vars!((4.0_f64,));
    /// assert_eq!(x.apply(Sqrt).gradient()[0], 0.25);
    /// ```
    #[inline(always)]
    fn apply<R: rules::Unary<Self::Scalar>>(self, rule: R) -> UnOf<R, Self> {
        un(self, rule)
    }

    /// Any two-argument rule applied to `(self, y)`, `y` an expression or a plain constant.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// use typegrad::rules::Hypot;
    /// let (x, y) = vars!((3.0_f64, 4.0));
    /// assert_eq!(x.apply2(y, Hypot).gradient().as_slice(), &[0.6, 0.8]);
    /// ```
    #[inline(always)]
    fn apply2<Y: Operand<Self>, R: rules::Binary<Self::Scalar>>(self, y: Y, rule: R) -> Y::With<R> {
        y.with(self, rule)
    }

    /// `self · a + b` with one rounding; `a` and `b` are expressions or plain constants.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars!((2.0_f64, 5.0));
    /// assert_eq!(x.mul_add(y, 1.0).gradient().as_slice(), &[5.0, 2.0]);
    /// ```
    ///
    /// Either argument from another set of variables is a compile error:
    ///
    /// ```compile_fail,E0277
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, _y) = vars!((2.0_f64, 5.0));
    /// let (z,) = vars!((1.0_f64,));
    /// let _ = x.mul_add(2.0, z); // two sets
    /// ```
    #[inline(always)]
    #[allow(clippy::type_complexity)]
    fn mul_add<A, B>(
        self,
        a: A,
        b: B,
    ) -> Grown<
        <Self as Join3<A::Leaf, B::Leaf>>::Out,
        Fma<Self, A::Leaf, B::Leaf, <Self as Join3<A::Leaf, B::Leaf>>::Out>,
    >
    where
        A: Operand<Self>,
        B: Operand<Self>,
        Self: Join3<A::Leaf, B::Leaf>,
    {
        let (a, b) = (a.leaf(&self), b.leaf(&self));
        grow::<<Self as Join3<A::Leaf, B::Leaf>>::Out, _>(Fma::new(self, a, b))
    }

    /// Shares `self` in `body` without copying its tree: `body` receives a placeholder for
    /// `self`, and the reverse pass walks `self` once however often the placeholder is used.
    /// See [`Bind`] for what the types check.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars!((0.3_f64, 0.7));
    /// let e = (x * y).sin().bind(|s| s * s + s); // sin(xy) walked once
    /// let s = (0.3_f64 * 0.7).sin();
    /// assert_eq!(e.value(), s * s + s);
    /// ```
    ///
    /// The body, like any expression, must not mix variables of two sets:
    ///
    /// ```compile_fail,E0277
    /// use typegrad::reverse::{vars, Expr};
    /// let (x, y) = vars!((0.3_f64, 0.7));
    /// let (z,) = vars!((2.0_f64,));
    /// let _ = (x * y).bind(|s| s * z); // two sets
    /// ```
    #[inline(always)]
    fn bind<F, B>(self, body: F) -> BindOf<Self, B>
    where
        F: FnOnce(HoleOf<Self>) -> B,
        B: Node<Scalar = Self::Scalar>,
        Self: Binds<B>,
    {
        grow::<<Self as Binds<B>>::Out, _>(Bind::new(self, body))
    }
}

impl<E: Node> Expr for E {}

/// `e.bind(body)` for a body of type `B`, as built.
type BindOf<E, B> = Grown<<E as Binds<B>>::Out, Bind<E, B, <E as Binds<B>>::Out>>;

/// The one bound generic reverse-mode code needs, on `Const<N>` for `N` inputs of scalar
/// `T`: what lets `x.var(i) * x.var(j)`, `x[i] * x[j]` and every other node over a
/// [`VarArray<T, N, S>`](super::VarArray) compile for any `N` and any set `S`.
///
/// ```
/// use typegrad::reverse::{self, Expr, Formula, VarArray, Vars, sum, vars};
/// use typegrad::typenum::Const;
///
/// fn rosenbrock<S, const N: usize>(x: VarArray<f64, N, S>) -> impl Formula<f64, S>
/// where
///     Const<N>: Vars<f64>,
/// {
///     sum((0..N - 1).map(move |i| {
///         let (a, b) = (x.var(i), x.var(i + 1));
///         100.0 * (b - a * a).powi(2) + (1.0 - a).powi(2)
///     }))
/// }
/// let x = vars!([1.0_f64; 8]);
/// assert_eq!(rosenbrock(x).gradient().as_slice(), &[0.0; 8]);
/// let (v, g) = reverse::gradient(rosenbrock, [0.0_f64; 3]);
/// assert_eq!((v, g), (2.0, [-2.0, -2.0, 0.0]));
/// ```
pub trait Vars<T: Scalar>:
    IntoArrayLength<ArrayLength: Length<T> + Max<Self::ArrayLength, Output = Self::ArrayLength>>
{
}

impl<T: Scalar, C> Vars<T> for C where
    C: IntoArrayLength<ArrayLength: Length<T> + Max<C::ArrayLength, Output = C::ArrayLength>>
{
}

/// A complete expression over scalar `T` and set `S`: no `bind` placeholder left open. What
/// a generic function returns (`-> impl Formula<f64, S>`), and what the closure forms take.
///
/// ```
/// use typegrad::reverse::{self, Formula, Var};
/// fn product<S>(x: Var<f64, 0, 2, S>, y: Var<f64, 1, 2, S>) -> impl Formula<f64, S> {
///     x * y
/// }
/// assert_eq!(reverse::gradient(|(x, y)| product(x, y), (2.0_f64, 3.0)).1, [3.0, 2.0]);
/// ```
pub trait Formula<T, S>: Expr<Scalar = T, Set = S, Holes: Closed> {}
impl<T, S, E: Expr<Scalar = T, Set = S, Holes: Closed>> Formula<T, S> for E {}
